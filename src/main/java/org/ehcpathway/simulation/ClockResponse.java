package org.ehcpathway.simulation;

import java.time.Instant;
import java.time.LocalDate;

public record ClockResponse(Instant now, LocalDate today, int jobsExecuted) {
}
