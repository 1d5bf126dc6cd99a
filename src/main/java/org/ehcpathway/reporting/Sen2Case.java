package org.ehcpathway.reporting;

import java.time.LocalDate;

/**
 * One case of the read model as the SEN2 return needs it: the child, the request and its decisions, and the plan
 * (plan fields null when there is none). {@code notAssessed}, {@code notIssued} and {@code withdrawn} are the dates of
 * those milestones.
 */
record Sen2Case(
    String caseReference,
    String forename,
    String surname,
    LocalDate dateOfBirth,
    String sex,
    String postcode,
    String upn,
    String ethnicity,
    String primaryNeed,
    String secondaryNeed,
    LocalDate received,
    String requestSource,
    LocalDate decisionWhetherToAssess,
    LocalDate notAssessed,
    LocalDate decisionWhetherToIssue,
    LocalDate notIssued,
    LocalDate withdrawn,
    boolean week20ExceptionApplies,
    LocalDate planIssued,
    String namedSetting,
    LocalDate planCeased,
    String ceaseReason,
    String oldLaCode,
    LocalDate transferDate,
    String origin,
    LocalDate lastReviewBeforeUs) {

  /**
   * A plan imported from the council's old system or moved in from another council ({@code ehc_case.origin}
   * {@code IMPORT}, {@code TRANSFER_IN}): not a request of ours.
   */
  boolean planFromElsewhere() {
    return !"REQUEST".equals(origin);
  }

  /** One annual review cycle of the case's plan. */
  record Review(String caseReference, int cycle, LocalDate meetingDate, LocalDate decisionDate, String outcome) {
  }
}
