package org.ehcpathway.statutory;

import java.time.LocalDate;

/** The three statutory deadlines of a new assessment, all counted from the day the request was received. */
public record CaseDeadlines(LocalDate decisionToAssess, LocalDate noPlanDecision, LocalDate finalPlan) {

  /** The deadline by the name the API and the models use: decisionToAssess, noPlanDecision or finalPlan. */
  public LocalDate byName(String name) {
    return switch (name) {
      case "decisionToAssess" -> decisionToAssess;
      case "noPlanDecision" -> noPlanDecision;
      case "finalPlan" -> finalPlan;
      default -> throw new IllegalArgumentException("No statutory deadline called " + name);
    };
  }

  public static CaseDeadlines forRequestReceived(LocalDate received, StatutoryDeadlines rules) {
    return new CaseDeadlines(rules.decisionWhetherToAssess(received), rules.decisionNotToIssue(received),
        rules.finalPlan(received));
  }
}
