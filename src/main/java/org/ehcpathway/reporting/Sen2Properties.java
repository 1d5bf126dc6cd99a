package org.ehcpathway.reporting;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The council's part of the SEN2 header ({@code ehc.sen2.*}): its 3-digit LA code, whether the area has a Designated
 * Medical Officer ({@code dmo}) and a Designated Clinical Officer ({@code dco}) as Y, N or R, and the serial number
 * of the return. A bad value stops the application at start-up.
 */
@Validated
@ConfigurationProperties(prefix = "ehc.sen2")
public record Sen2Properties(
    @NotNull(message = "is required: the council's 3-digit LA code")
    @Pattern(regexp = "[1-9]\\d{2}", message = "must be the council's 3-digit LA code") String laCode,
    @NotNull(message = "is required: Y, N or R") @Pattern(regexp = "[YNR]", message = "must be Y, N or R") String dmo,
    @NotNull(message = "is required: Y, N or R") @Pattern(regexp = "[YNR]", message = "must be Y, N or R") String dco,
    @NotNull(message = "is required, e.g. 001")
    @Pattern(regexp = "\\d{3}\\d*", message = "must be at least 3 digits, e.g. 001") String serialNo) {
}
