package org.ehcpathway.reporting;

import java.time.LocalDate;
import java.util.Map;

/**
 * Timeliness of the statutory process for events dated {@code from} to {@code to} inclusive, by the Department
 * for Education's definitions (SEN2): each event counts in the period it happened. Percentages have one decimal
 * place and are null when there is nothing to divide by.
 */
public record TimelinessReport(
    LocalDate from,
    LocalDate to,
    long requestsReceived,
    DecisionsToAssess decisionsToAssess,
    NoPlanDecisions noPlanDecisions,
    NewPlans newPlans,
    Map<String, AdviceTimeliness> advice,
    Reviews reviews,
    Map<String, Breakdown> bySource,
    Map<String, Breakdown> byCaseworker) {

  /** Decisions whether to assess made in the period (reg 5: within 6 weeks of the request). */
  public record DecisionsToAssess(long total, long assess, long doNotAssess, long within6Weeks,
      Double percentWithin6Weeks) {
  }

  /** Decisions not to issue a plan made in the period (reg 10: within 16 weeks of the request). */
  public record NoPlanDecisions(long total, long within16Weeks, Double percentWithin16Weeks) {
  }

  /**
   * New plans issued in the period (reg 13: within 20 weeks of the request). "Excluding exceptions" leaves out
   * plans where a reg 13(3) exception applies (SEN2 {@code Week20}).
   */
  public record NewPlans(long issued, long within20Weeks, Double percentWithin20Weeks,
      long issuedExcludingExceptions, long within20WeeksExcludingExceptions,
      Double percentWithin20WeeksExcludingExceptions, Double medianWeeksToIssue, long over52Weeks) {
  }

  /**
   * Assessment advice of one type (regs 6 and 8): requested in the period, returned in the period, returned in the
   * period within 6 weeks of its request, and outstanding past its due date at the end of the period.
   */
  public record AdviceTimeliness(long requested, long returned, long returnedWithin6Weeks, long outstandingOverdue) {
  }

  /**
   * Review decisions made in the period, those within 4 weeks of the meeting (reg 20(10)), reviews overdue at the
   * end of the period, and phase transfers whose deadline fell in the period and how many were met.
   */
  public record Reviews(long decisions, long decisionsWithin4WeeksOfMeeting, Double percentWithin4WeeksOfMeeting,
      long overdue, long phaseTransfersDue, long phaseTransfersOnTime) {
  }

  /** The headline figures for one request source or one caseworker. */
  public record Breakdown(long requestsReceived, long decisionsToAssess, long decisionsWithin6Weeks,
      long plansIssued, long plansWithin20Weeks, Double percentWithin20Weeks) {
  }
}
