package org.ehcpathway.simulation;

import java.time.LocalDate;

/**
 * What will happen to one simulated request, drawn when it arrives: the panel's decisions and the pace the
 * council aims for. Step dates are drawn later, when each task appears, from these targets.
 *
 * @param ordinal            the request's number in the run (1, 2, ...), or 1,000,000 + n for an existing plan
 * @param received           the day the request was received (for an existing plan: the day it was imported)
 * @param existingPlan       a plan in force before the simulation began: only its reviews are simulated
 * @param assess             the panel decides to assess
 * @param assessWithin6Weeks the decision whether to assess is made within 6 weeks
 * @param issue              the panel decides to issue a plan
 * @param noPlanDecisionDay  for a decision not to issue: the day (after receipt) the council aims for
 * @param finalPlanTarget    for a plan: the day the council aims to issue it (a working day)
 * @param planOnTime         the plan is meant to be issued within 20 weeks
 * @param exceptionDay       for a plan with a reg 13(3) exception: the day it is recorded, else null
 * @param withdrawalDay      the day the family withdraws the request if it is still open, else null
 */
record CaseScript(long ordinal, LocalDate received, boolean existingPlan, boolean assess, boolean assessWithin6Weeks,
    boolean issue, LocalDate noPlanDecisionDay, LocalDate finalPlanTarget, boolean planOnTime,
    LocalDate exceptionDay, LocalDate withdrawalDay) {

  static CaseScript existingPlan(long ordinal, LocalDate imported) {
    return new CaseScript(ordinal, imported, true, true, true, true, null, null, false, null, null);
  }
}
