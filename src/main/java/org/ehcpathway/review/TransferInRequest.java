package org.ehcpathway.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.ehcpathway.intake.NewCaseRequest;

/** A plan that moves in from another local authority (reg 15). */
public record TransferInRequest(
    @NotNull(message = "is required") @Valid NewCaseRequest.Child child,
    @Email(message = "is not an email address") @Size(max = 254, message = "must be at most 254 characters")
    String familyEmail,
    @NotNull(message = "is required: the old council's 3-digit LA code")
    @Pattern(regexp = "\\d{3}", message = "must be the old council's 3-digit LA code") String oldLaCode,
    @NotNull(message = "is required (YYYY-MM-DD)") LocalDate originalIssueDate,
    LocalDate lastReviewDate,
    @NotNull(message = "is required (YYYY-MM-DD)") LocalDate transferDate,
    @Size(max = 200, message = "must be at most 200 characters") String namedSetting) {

  @Override
  public String toString() {
    return "TransferInRequest[child=" + child + ", oldLaCode=" + oldLaCode + ", transferDate=" + transferDate
        + ", personal details withheld]";
  }
}
