package org.ehcpathway.advice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ProceedWithoutAdviceRequest(
    @NotNull(message = "is required; one of EXISTING_ADVICE_SUFFICIENT, NOT_RECEIVED") ProceedWithoutAdvice.Outcome outcome,
    @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters") String reason) {
}
