package org.ehcpathway.casefile;

import java.time.LocalDate;
import java.util.List;
import org.ehcpathway.statutory.CaseDeadlines;
import org.ehcpathway.statutory.StatutoryDeadlines;

/** A row of ehc_case, mapped by column name. {@code draftServedDate}: the first DRAFT_PLAN_SERVED milestone's date. */
public record CaseRow(
    long id,
    String caseReference,
    String processInstanceId,
    LocalDate requestReceivedDate,
    String requestSource,
    CaseStatus status,
    String stage,
    LocalDate decisionToAssessDue,
    LocalDate noPlanDecisionDue,
    LocalDate finalPlanDue,
    LocalDate decisionToAssessDate,
    LocalDate decisionToIssueDate,
    LocalDate finalPlanIssuedDate,
    String namedSetting,
    String fundingBand,
    LocalDate closedDate,
    String createdBy,
    String familyEmail,
    boolean week20ExceptionApplies,
    LocalDate draftServedDate) {

  static final List<String> DEADLINES = List.of("decisionToAssess", "noPlanDecision", "finalPlan");

  public CaseDeadlines deadlines() {
    return new CaseDeadlines(decisionToAssessDue, noPlanDecisionDue, finalPlanDue);
  }

  /** Whether the step a statutory deadline governs has been taken (on time or not). */
  public boolean isMet(String deadline) {
    return switch (deadline) {
      case "decisionToAssess" -> decisionToAssessDate != null;
      case "noPlanDecision" -> decisionToIssueDate != null;
      case "finalPlan" -> finalPlanIssuedDate != null;
      default -> throw new IllegalArgumentException("No statutory deadline called " + deadline);
    };
  }

  /**
   * The worst RAG of the deadlines still open on {@code today}, and the deadline that drives it (the earliest of
   * equals); null once the case is closed.
   */
  public CaseView.RagStatus rag(LocalDate today, StatutoryDeadlines rules) {
    if (status != CaseStatus.OPEN) {
      return null;
    }
    CaseView.RagStatus worst = null;
    for (String deadline : DEADLINES) {
      if (isMet(deadline)) {
        continue;
      }
      LocalDate due = deadlines().byName(deadline);
      Rag level = !today.isBefore(rules.breachedFrom(due)) ? Rag.RED
          : !today.isBefore(rules.amberFrom(due)) ? Rag.AMBER : Rag.GREEN;
      if (worst == null || level.compareTo(worst.level()) > 0) {
        worst = new CaseView.RagStatus(level, deadline, due);
      }
    }
    return worst;
  }

  /** While a case is open: the 6-week decision until it is taken, then the 16-week limit, then 20 weeks. */
  public CaseView.NextDeadline nextDeadline() {
    if (status != CaseStatus.OPEN) {
      return null;
    }
    if (decisionToAssessDate == null) {
      return new CaseView.NextDeadline("decisionToAssess", decisionToAssessDue);
    }
    if (decisionToIssueDate == null) {
      return new CaseView.NextDeadline("noPlanDecision", noPlanDecisionDue);
    }
    return new CaseView.NextDeadline("finalPlan", finalPlanDue);
  }
}
