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
    String namedSetting,
    String fundingBand,
    LocalDate closedDate,
    List<Milestone> milestones,
    List<Advice> advice,
    List<Notice> notices,
    List<OpenTask> openTasks) {

  public record Milestone(MilestoneType type, LocalDate date, String recordedBy, String detail) {
  }

  public record Advice(String type, LocalDate requestedDate, LocalDate dueDate, LocalDate returnedDate,
      String outcome, String summary) {
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
