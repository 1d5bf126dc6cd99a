package org.ehcpathway.statutory;

import java.time.LocalDate;

/** The recorded dates of one advice request: asked for on {@code requested}, due on {@code due}. */
public record AdviceRequestDates(LocalDate requested, LocalDate due) {
}
