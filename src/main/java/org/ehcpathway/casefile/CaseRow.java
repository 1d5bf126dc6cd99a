package org.ehcpathway.casefile;

import java.time.LocalDate;
import org.ehcpathway.statutory.CaseDeadlines;

/** A row of ehc_case, mapped by column name. */
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
    LocalDate closedDate) {

  public CaseDeadlines deadlines() {
    return new CaseDeadlines(decisionToAssessDue, noPlanDecisionDue, finalPlanDue);
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
