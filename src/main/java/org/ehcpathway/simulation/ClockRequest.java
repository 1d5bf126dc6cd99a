package org.ehcpathway.simulation;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

public record ClockRequest(@NotNull(message = "is required (an ISO instant such as 2026-03-02T09:00:00Z)") Instant now) {
}
