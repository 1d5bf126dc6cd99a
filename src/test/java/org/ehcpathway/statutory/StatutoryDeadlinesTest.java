package org.ehcpathway.statutory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule against ../shared/reference/statutory-timescales.md, its worked example first. */
class StatutoryDeadlinesTest {

  private final StatutoryDeadlines rules = new StatutoryDeadlines(WorkingDays.englandAndWales());

  @Test
  void workedExampleFromTheReference() {
    LocalDate received = LocalDate.parse("2026-01-05");
    CaseDeadlines deadlines = CaseDeadlines.forRequestReceived(received, rules);
    assertThat(deadlines.decisionToAssess()).isEqualTo("2026-02-16");
    assertThat(deadlines.noPlanDecision()).isEqualTo("2026-04-27");
    assertThat(deadlines.finalPlan()).isEqualTo("2026-05-25");
    assertThat(received.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(deadlines.finalPlan().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource({
      // rule,                       starts,     due
      "decisionWhetherToAssess,      2026-01-05, 2026-02-16",
      "decisionWhetherToAssess,      2024-02-01, 2024-03-14",   // leap year: 42 days includes 29 Feb
      "decisionWhetherToAssess,      2026-03-20, 2026-05-01",   // across the change to BST: dates, not hours
      "decisionWhetherToAssess,      2026-12-24, 2027-02-04",   // across the year end; holidays do not count
      "adviceDue,                    2026-01-20, 2026-03-03",
      "decisionNotToIssue,           2026-01-05, 2026-04-27",
      "draftPlanTarget,              2026-01-05, 2026-04-13",
      "lastDayForRepresentations,    2026-03-02, 2026-03-16",   // served = day 1 of 15
      "lastDayForRepresentations,    2026-02-20, 2026-03-06",
      "settingConsultationReply,     2026-03-17, 2026-04-01",
      "finalPlan,                    2026-01-05, 2026-05-25",   // a bank holiday: calendar weeks still count
      "finalPlan,                    2025-10-31, 2026-03-20",
      "finalPlanAfterReassessment,   2026-01-05, 2026-04-13",
      "appealWithoutMediation,       2026-03-10, 2026-05-10",
      "appealWithoutMediation,       2025-12-31, 2026-02-28",   // no 31 February: the last day of the month
      "reviewInvitationsBy,          2026-11-26, 2026-11-12",
      "reviewReport,                 2026-11-26, 2026-12-10",
      "reviewDecision,               2026-11-26, 2026-12-24",
      "reviewDecisionAmberFrom,      2027-04-07, 2027-03-31",   // 1 week before the 4-week decision
      "lastDayForAmendmentRepresentations, 2027-01-04, 2027-01-18",
      "earliestCeaseViewsBy, 2027-02-15, 2027-03-01",
      "amendedPlan,                  2027-01-04, 2027-03-01",
      "dayAfter,                     2026-03-16, 2026-03-17",
      "ceaseTakesEffect,             2027-04-15, 2027-04-16",   // the day after the last day to appeal
      "ceasesUnlessAppealed,         2027-02-15, 2027-04-16",   // decided 15 Feb: appeal until 15 Apr
      "annualReview,                 2026-05-25, 2027-05-25",   // issue 4's example
      "annualReview,                 2024-02-29, 2025-02-28",   // no 29 February in 2025: the month's last day
      "latestReviewMeeting,          2027-05-25, 2027-04-27",
      "transferNoticeToFamily,       2026-09-01, 2026-10-13",
      "phaseTransferBetweenPost16,   2027-09-01, 2027-04-01",
      "twentyFifthBirthday,          2001-01-05, 2026-01-05",
      "reviewAdviceDue,              2027-03-10, 2027-02-24",   // reg 20(4): circulated 2 weeks before the meeting
      "reviewAdviceClosed,           2027-03-10, 2027-03-11",
      "adviceReminder,               2026-03-03, 2026-02-17",   // day 28 of 42, a Tuesday
      "adviceReminder,               2026-04-20, 2026-04-02",   // day 28 is Easter Monday: Good Friday too, so Thursday
      "adviceReminder,               2026-03-08, 2026-02-20",   // day 28 is a Sunday: the Friday before
      "adviceReminder,               2031-03-17, 2031-03-03",   // beyond the calendar: weekends still skipped
      "adviceReminder,               2031-03-16, 2031-02-28",
      "adviceSecondEscalation,       2026-03-03, 2026-03-17",
      "lateAdviceDecision,           2026-03-03, 2026-03-10",
      "amberFrom,                    2026-02-16, 2026-02-02",
      "breachedFrom,                 2026-02-16, 2026-02-17",
      "lastDueDateBreachedOn,        2026-02-17, 2026-02-16",   // today -> the latest due date that is RED today
      "lastDueDateAmberOn,           2026-02-02, 2026-02-16",   // today -> the latest due date that is AMBER today
      "twentyFifthBirthday,          2004-02-29, 2029-03-01",   // no 29 February in 2029
  })
  void eachRuleCountsCalendarTimeFromItsStart(String rule, LocalDate starts, LocalDate due) {
    assertThat(dateRule(rule).apply(starts)).isEqualTo(due);
  }

  @ParameterizedTest(name = "learned {0}, move {1}: transfer by {2}")
  @CsvSource({
      "2026-04-01, 2026-06-01, 2026-06-01",   // told 2 months ahead: on the day of the move
      "2026-04-01, 2026-04-24, 2026-04-24",   // the 15th working day (23 Apr, Easter excluded) is before the move
      "2026-04-01, 2026-04-23, 2026-04-23",   // the 15th working day is the move day itself
      "2026-04-01, 2026-04-10, 2026-04-23",   // told 6 working days ahead: 15 working days from being told
      "2026-04-03, 2026-03-30, 2026-04-27"})  // told after the move, on Good Friday: day 1 is Tue 7 Apr
  void planTransferDayIsTheMoveWhenToldFifteenWorkingDaysAheadElseFifteenWorkingDaysFromBeingTold(LocalDate learned,
      LocalDate move, LocalDate transfer) {
    assertThat(rules.planTransferDay(learned, move)).isEqualTo(transfer);
  }

  @ParameterizedTest(name = "plan transfer: aware {0} -> {1}")
  @CsvSource({
      "2026-04-01, 2026-04-23",   // Wed 1 Apr is day 1; Good Friday and Easter Monday skipped
      "2026-04-03, 2026-04-27",   // Good Friday is not a working day: Tue 7 Apr is day 1
      "2026-12-23, 2027-01-15",   // Christmas, substitute Boxing Day (Mon 28 Dec) and New Year's Day skipped
      "2026-05-01, 2026-05-22",   // Fri 1 May is day 1; the two May bank holidays skipped
  })
  void planTransferCountsFifteenWorkingDaysBeginningWithTheDayTheOldAuthorityLearned(LocalDate aware,
      LocalDate due) {
    assertThat(rules.planTransfer(aware)).isEqualTo(due);
  }

  @ParameterizedTest(name = "{0} working days after {1} = {2}")
  @CsvSource({
      "3, 2026-04-01, 2026-04-08",   // the start day does not count; Good Friday and Easter Monday skipped
      "3, 2026-12-23, 2026-12-30",   // Christmas Day and the substitute Boxing Day (Mon 28 Dec)
      "3, 2026-11-20, 2026-11-25",   // a Friday: the weekend is skipped
  })
  void workingDaysAfterADaySkipWeekendsAndBankHolidays(int days, LocalDate start, LocalDate due) {
    assertThat(WorkingDays.englandAndWales().add(start, days)).isEqualTo(due);
  }

  @Test
  void workingDaysOutsideTheBankHolidayCalendarAreRefusedRatherThanGuessed() {
    assertThatThrownBy(() -> rules.planTransfer(LocalDate.parse("2031-01-02")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2031");
  }

  @ParameterizedTest
  @CsvSource(nullValues = "none", value = {
      "2026-01-12, 2026-02-23, 2026-02-09",   // 6 weeks' notice: 2 weeks before
      "2027-02-15, 2027-02-24, 2027-02-17",   // review advice, 9 days' notice: 1 week before
      "2027-02-15, 2027-02-21, none",         // 1 week before is Sunday 14th, so Friday 12th: before the request
      "2027-02-15, 2027-02-15, none"})        // due the day it is asked for: no reminder
  void aReminderNeedsRoomAfterTheRequest(LocalDate requested, LocalDate due, LocalDate reminder) {
    assertThat(rules.adviceReminder(requested, due)).isEqualTo(java.util.Optional.ofNullable(reminder));
  }

  @Test
  void adviceIsChasedOnItsDueDateButNeverOnTheDayItWasAskedFor() {
    assertThat(rules.adviceChase(LocalDate.parse("2027-02-15"), LocalDate.parse("2027-02-24")))
        .isEqualTo("2027-02-24");
    assertThat(rules.adviceChase(LocalDate.parse("2027-02-15"), LocalDate.parse("2027-02-15")))
        .isEqualTo("2027-02-16");
  }

  @Test
  void appealAfterMediationIsTheLaterOfTwoMonthsAndOneMonthFromTheCertificate() {
    BiFunction<String, String, LocalDate> appeal = (decision, certificate) ->
        rules.appealAfterMediation(LocalDate.parse(decision), LocalDate.parse(certificate));
    assertThat(appeal.apply("2026-03-10", "2026-04-20")).isEqualTo("2026-05-20");
    assertThat(appeal.apply("2026-03-10", "2026-03-20")).isEqualTo("2026-05-10");
  }

  @Test
  void reviewsAfterATransferInAndPhaseTransfersFollowTheirRules() {
    // the later of 12 months from the last review and 3 months from the transfer
    assertThat(rules.reviewAfterTransferIn(LocalDate.parse("2026-01-10"), LocalDate.parse("2026-11-20")))
        .isEqualTo("2027-02-20");
    assertThat(rules.reviewAfterTransferIn(LocalDate.parse("2026-06-30"), LocalDate.parse("2026-09-01")))
        .isEqualTo("2027-06-30");
    assertThat(rules.phaseTransferToSchool(2027)).isEqualTo("2027-02-15");
    assertThat(rules.phaseTransferToPost16(2027)).isEqualTo("2027-03-31");
    assertThat(rules.phaseTransferReviewDecision(rules.phaseTransferDeadline("SCHOOL:2027"))).isEqualTo("2026-12-21");
    assertThat(rules.latestReviewMeeting(rules.phaseTransferReviewDecision(rules.phaseTransferDeadline("SCHOOL:2027"))))
        .isEqualTo("2026-11-23");   // "meeting by about late November"
    assertThat(rules.phaseTransferReviewDecision(rules.phaseTransferDeadline("POST16:2027"))).isEqualTo("2027-02-03");
    assertThat(rules.phaseTransferDeadline("POST16_TO_POST16:2027-09-01")).isEqualTo("2027-04-01");
    assertThat(rules.earlyYearsReview(LocalDate.parse("2026-05-25"), 6)).isEqualTo("2026-11-25");
    assertThat(rules.isUnderFive(LocalDate.parse("2021-05-26"), LocalDate.parse("2026-05-25"))).isTrue();
    assertThat(rules.isUnderFive(LocalDate.parse("2021-05-25"), LocalDate.parse("2026-05-25"))).isFalse();
    assertThatThrownBy(() -> rules.earlyYearsReview(LocalDate.parse("2026-05-25"), 12))
        .hasMessageContaining("3 to 6 months");
  }

  @ParameterizedTest(name = "last decision {0}, regular review {1}, {2}, today {3}: due {4}")
  @CsvSource({
      "2026-03-01, 2027-03-01, SCHOOL:2027, 2026-03-01, 2026-12-21",    // the regular review would miss 15 Feb
      "2026-02-16, 2027-02-16, SCHOOL:2027, 2026-02-16, 2026-12-21",
      "2026-07-01, 2027-01-01, SCHOOL:2027, 2026-07-01, 2026-12-21",    // an under-5 reviewed 6-monthly
      "2025-12-21, 2026-12-21, SCHOOL:2027, 2025-12-21, 2026-12-21",    // the regular date is the transfer's
      "2026-09-21, 2027-09-21, SCHOOL:2027, 2026-09-21, 2026-12-21",    // exactly 3 months after the last review
      "2026-09-22, 2027-09-22, SCHOOL:2027, 2026-09-22, ",               // within 3 months: that review serves
      "2026-12-01, 2027-12-01, SCHOOL:2027, 2026-12-01, ",               // the transfer's own review, decided
      "2026-12-01, 2027-12-01, POST16:2027, 2026-12-01, ",               // 3 Feb 2027 is within 3 months of it
      "2026-10-15, 2027-10-15, POST16:2027, 2026-10-15, 2027-02-03",
      "2025-11-01, 2026-11-01, SCHOOL:2027, 2025-11-01, ",               // the regular review comes first
      "2027-03-01, 2028-03-01, SCHOOL:2027, 2027-03-01, ",               // the transfer is past
      "2026-05-25, 2027-05-25, SCHOOL:2027, 2026-11-02, 2026-12-21",    // recorded months after the issue
      "2026-05-25, 2027-05-25, SCHOOL:2027, 2027-01-10, 2027-01-10",    // recorded late: due at once, not in the past
      "2026-05-25, 2027-05-25, SCHOOL:2027, 2027-02-15, ",               // recorded on the deadline: too late to act
      "2026-02-01, 2027-04-10, SCHOOL:2027, 2027-01-10, 2027-01-10",    // moved in 10 Jan 2027 (reg 15(5) date)
      "2026-03-01, 2027-03-01, POST16_TO_POST16:2027-09-01, 2026-03-01, 2027-02-04"})   // 8 weeks before 1 Apr
  void aPhaseTransferBringsOneReviewForward(LocalDate lastDecision, LocalDate regular, String transfer,
      LocalDate today, LocalDate expected) {
    assertThat(rules.phaseTransferReview(lastDecision, regular, rules.phaseTransferDeadline(transfer), today))
        .isEqualTo(java.util.Optional.ofNullable(expected));
  }

  @ParameterizedTest(name = "{0} to {1} lasts 4 weeks or more: {2}")
  @CsvSource({"2026-07-20, 2026-08-16, true", "2026-07-20, 2026-08-15, false", "2026-07-20, 2026-09-01, true"})
  void closuresAndAbsencesCountFromFourContinuousWeeks(LocalDate first, LocalDate last, boolean counts) {
    assertThat(rules.lastsFourWeeksOrMore(first, last)).isEqualTo(counts);
  }

  @ParameterizedTest(name = "next panel from {0} is {1}")
  @CsvSource({"2026-11-26, 2026-11-26", "2026-11-27, 2026-12-03", "2026-11-23, 2026-11-26"})
  void nextWeeklyPanelIsOnOrAfterTheGivenDay(LocalDate from, LocalDate panel) {
    assertThat(rules.nextPanel(from, DayOfWeek.THURSDAY)).isEqualTo(panel);
  }

  private Function<LocalDate, LocalDate> dateRule(String name) {
    return switch (name) {
      case "decisionWhetherToAssess" -> rules::decisionWhetherToAssess;
      case "adviceDue" -> rules::adviceDue;
      case "decisionNotToIssue" -> rules::decisionNotToIssue;
      case "draftPlanTarget" -> rules::draftPlanTarget;
      case "lastDayForRepresentations" -> rules::lastDayForRepresentations;
      case "settingConsultationReply" -> rules::settingConsultationReply;
      case "finalPlan" -> rules::finalPlan;
      case "finalPlanAfterReassessment" -> rules::finalPlanAfterReassessment;
      case "appealWithoutMediation" -> rules::appealWithoutMediation;
      case "reviewInvitationsBy" -> rules::reviewInvitationsBy;
      case "reviewReport" -> rules::reviewReport;
      case "reviewDecision" -> rules::reviewDecision;
      case "reviewDecisionAmberFrom" -> rules::reviewDecisionAmberFrom;
      case "lastDayForAmendmentRepresentations" -> rules::lastDayForAmendmentRepresentations;
      case "earliestCeaseViewsBy" -> rules::earliestCeaseViewsBy;
      case "amendedPlan" -> rules::amendedPlan;
      case "dayAfter" -> rules::dayAfter;
      case "ceaseTakesEffect" -> rules::ceaseTakesEffect;
      case "ceasesUnlessAppealed" -> rules::ceasesUnlessAppealed;
      case "annualReview" -> rules::annualReview;
      case "latestReviewMeeting" -> rules::latestReviewMeeting;
      case "transferNoticeToFamily" -> rules::transferNoticeToFamily;
      case "phaseTransferBetweenPost16" -> rules::phaseTransferBetweenPost16;
      case "twentyFifthBirthday" -> rules::twentyFifthBirthday;
      case "adviceReminder" -> rules::adviceReminder;
      case "reviewAdviceDue" -> rules::reviewAdviceDue;
      case "reviewAdviceClosed" -> rules::reviewAdviceClosed;
      case "adviceSecondEscalation" -> rules::adviceSecondEscalation;
      case "lastDueDateBreachedOn" -> rules::lastDueDateBreachedOn;
      case "lastDueDateAmberOn" -> rules::lastDueDateAmberOn;
      case "lateAdviceDecision" -> rules::lateAdviceDecision;
      case "amberFrom" -> rules::amberFrom;
      case "breachedFrom" -> rules::breachedFrom;
      default -> throw new IllegalArgumentException("No rule " + name);
    };
  }
}
