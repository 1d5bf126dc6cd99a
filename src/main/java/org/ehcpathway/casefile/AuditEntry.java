package org.ehcpathway.casefile;

import java.time.Instant;
import java.util.List;

/**
 * One line of a case's audit trail: who did what and when. {@code source} is {@code ENGINE} for an operation in
 * Camunda's user operation log (a task completed, claimed, reassigned, a variable changed, a process deleted) and
 * {@code CASE} for a milestone on the case record. {@code services}: the groups whose task it was, so a delay can
 * be put down to a named service.
 */
public record AuditEntry(Instant at, String source, String actor, String action, String detail,
    List<String> services) {
}
