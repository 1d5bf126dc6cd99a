package org.ehcpathway.reporting;

import java.time.LocalDate;
import java.util.List;
import org.ehcpathway.casefile.Rag;

/**
 * An open case as a manager sees it on the at-risk list: where it is, its next statutory deadline, what it waits
 * for, and when the plan would be issued at the council's own recent pace.
 */
public record AtRiskCase(
    String caseReference,
    LocalDate requestReceivedDate,
    String stage,
    int weekInPathway,
    String nextDeadline,
    LocalDate nextDeadlineDate,
    Rag rag,
    List<OutstandingAdvice> outstandingAdvice,
    LocalDate forecastIssueDate,
    boolean forecastWithin20Weeks,
    String caseworker) {

  /** Advice not yet returned; {@code daysLate} is 0 until its due date has passed. */
  public record OutstandingAdvice(String type, LocalDate dueDate, long daysLate) {
  }
}
