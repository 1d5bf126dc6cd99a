package org.ehcpathway.statutory;

import java.time.LocalDate;

/** The three statutory deadlines of a new assessment, all counted from the day the request was received. */
public record CaseDeadlines(LocalDate decisionToAssess, LocalDate noPlanDecision, LocalDate finalPlan) {

  public static CaseDeadlines forRequestReceived(LocalDate received, StatutoryDeadlines rules) {
    return new CaseDeadlines(rules.decisionWhetherToAssess(received), rules.decisionNotToIssue(received),
        rules.finalPlan(received));
  }
}
