package org.ehcpathway.casefile;

import java.time.LocalDate;
import java.util.List;
import org.ehcpathway.statutory.CaseDeadlines;

/** A case as the API shows it. Personal details of the child are deliberately left out. */
public record CaseView(
    String caseReference,
    String processInstanceId,
    CaseStatus status,
    String stage,
    LocalDate requestReceivedDate,
    String requestSource,
    CaseDeadlines deadlines,
    NextDeadline nextDeadline,
    RagStatus rag,
    boolean week20ExceptionApplies,
    String namedSetting,
    String fundingBand,
    LocalDate closedDate,
    List<Milestone> milestones,
    List<Advice> advice,
    List<Notice> notices,
    List<CaseException> exceptions,
    List<org.ehcpathway.review.PlanRecords.Review> reviews,
    List<OpenTask> openTasks) {

  public record Milestone(MilestoneType type, LocalDate date, String recordedBy, String detail) {
  }

  /**
   * {@code closedWithoutReturnDate}: the case went on without it; such advice is missing, never on time.
   * {@code purpose}: {@code ASSESSMENT} (regs 6 and 8) or {@code REVIEW} (reg 20(4), for review {@code reviewCycle}).
   */
  public record Advice(String type, LocalDate requestedDate, LocalDate dueDate, LocalDate returnedDate,
      String outcome, String summary, LocalDate closedWithoutReturnDate, String closedWithoutReason,
      String purpose, Integer reviewCycle) {
  }

  /** The worst RAG of the open statutory deadlines and the deadline that drives it. */
  public record RagStatus(Rag level, String deadline, LocalDate dueDate) {
  }

  /** An exception under reg 5(4), 8(2), 10(4) or 13(3): it excuses lateness, it does not move a deadline. */
  public record CaseException(String ground, LocalDate from, LocalDate to, String evidence, String appliesTo,
      String adviceType, String recordedBy, java.time.Instant recordedAt) {
  }

  public record Notice(String type, LocalDate issuedDate, LocalDate appealBy, String text) {
  }

  public record OpenTask(String taskId, String taskKey, String name, LocalDate dueDate, String assignee,
      List<String> candidateGroups) {
  }

  /** The statutory deadline the case must meet next, while it is open. */
  public record NextDeadline(String name, LocalDate date) {
  }
}
