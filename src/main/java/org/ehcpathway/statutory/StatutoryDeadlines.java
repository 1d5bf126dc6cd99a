package org.ehcpathway.statutory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.Objects;

/**
 * Every statutory clock of the EHC process, one method per rule, named after the rule it implements.
 * This is the only place where deadline arithmetic happens (see docs/pathway.md for the mapping to law).
 *
 * <p>Counting follows ../shared/reference/statutory-timescales.md: calendar days from the day the clock
 * starts (day 0) unless a rule says "beginning with", where the starting day is day 1; working days only
 * where the regulations say so; months by calendar month.
 */
public final class StatutoryDeadlines {

  private final WorkingDays workingDays;

  public StatutoryDeadlines(WorkingDays workingDays) {
    this.workingDays = Objects.requireNonNull(workingDays);
  }

  /** Reg 5(1): decide whether to assess within 6 weeks of receiving the request. */
  public LocalDate decisionWhetherToAssess(LocalDate requestReceived) {
    return requestReceived.plusWeeks(6);
  }

  /** Reg 8(1): advice and information within 6 weeks of the adviser receiving the request. */
  public LocalDate adviceDue(LocalDate adviceRequested) {
    return adviceRequested.plusWeeks(6);
  }

  /** Reg 10(1): a decision not to issue a plan must be notified within 16 weeks of the request. */
  public LocalDate decisionNotToIssue(LocalDate requestReceived) {
    return requestReceived.plusWeeks(16);
  }

  /**
   * CoP 9.77: no legal deadline for the draft; serving it by week 14 leaves room for the 15-day
   * representation window and consultation before the 20-week limit.
   */
  public LocalDate draftPlanTarget(LocalDate requestReceived) {
    return requestReceived.plusWeeks(14);
  }

  /** Reg 13(1): "at least 15 days beginning with the day the draft was served": served is day 1. */
  public LocalDate lastDayForRepresentations(LocalDate draftServed) {
    return fifteenDaysBeginningWith(draftServed);
  }

  /** CFA s39-40, CoP 9.78-9.84: the school or college consulted should reply within 15 days. */
  public LocalDate settingConsultationReply(LocalDate consultationSent) {
    return consultationSent.plusDays(15);
  }

  /** Reg 13(2): the final plan within 20 weeks of the request. */
  public LocalDate finalPlan(LocalDate requestReceived) {
    return requestReceived.plusWeeks(20);
  }

  /** Reg 27(2): after a decision to re-assess, the final plan within 14 weeks of that decision. */
  public LocalDate finalPlanAfterReassessment(LocalDate decisionToReassess) {
    return decisionToReassess.plusWeeks(14);
  }

  /** Tribunal Procedure Rules r.20 / CFA s51: appeal within 2 months of the decision letter. */
  public LocalDate appealWithoutMediation(LocalDate decisionLetter) {
    return decisionLetter.plusMonths(2);
  }

  /** The appeal limit is the later of 2 months from the decision and 1 month from the mediation certificate. */
  public LocalDate appealAfterMediation(LocalDate decisionLetter, LocalDate mediationCertificate) {
    LocalDate fromCertificate = mediationCertificate.plusMonths(1);
    LocalDate fromDecision = appealWithoutMediation(decisionLetter);
    return fromCertificate.isAfter(fromDecision) ? fromCertificate : fromDecision;
  }

  /**
   * Reg 15(2): when the old LA learns of a move less than 15 working days before it, the plan transfers within
   * "15 working days beginning with the day on which it did become aware": that day is day 1 if it is a working day.
   */
  public LocalDate planTransfer(LocalDate oldAuthorityLearnedOfMove) {
    return workingDays.nthBeginningWith(oldAuthorityLearnedOfMove, 15);
  }

  /**
   * CFA s45 (explanatory notes 247), s51(2)(f): a plan the council decides to cease stays in force while the family
   * may still appeal, so with no appeal it ceases the day after the last day for appealing
   * ({@link #appealWithoutMediation}, or {@link #appealAfterMediation} once a mediation certificate is issued).
   */
  public LocalDate ceaseTakesEffect(LocalDate lastDayToAppeal) {
    return dayAfter(lastDayToAppeal);
  }

  /** The day a decision to cease takes effect when the family neither appeals nor goes to mediation. */
  public LocalDate ceasesUnlessAppealed(LocalDate decision) {
    return ceaseTakesEffect(appealWithoutMediation(decision));
  }

  /**
   * Reg 15(2): the day the old LA transfers the plan to the new one. On the day of the move when it learned of the
   * move at least 15 working days before it (the 15th working day beginning with the day it learned falls before
   * the move); otherwise within 15 working days beginning with the day it learned ({@link #planTransfer}), which is
   * also the rule when it learned only after the move.
   */
  public LocalDate planTransferDay(LocalDate oldAuthorityLearnedOfMove, LocalDate move) {
    LocalDate fifteenthWorkingDay = planTransfer(oldAuthorityLearnedOfMove);
    return fifteenthWorkingDay.isBefore(move) ? move : fifteenthWorkingDay;
  }

  // Reviews, transfers and phase transfers. Where the statute's wording leaves a day's doubt ("12 months starting
  // with", "before 15 February"), these follow the product specification's own examples (issue 4): a plan issued
  // 25 May 2026 is reviewed by 25 May 2027; phase transfers are settled by 15 February / 31 March.

  /** CFA s44(1), reg 18: review within 12 months of the plan's issue, then of the previous review decision. */
  public LocalDate annualReview(LocalDate planIssuedOrLastReviewDecision) {
    return planIssuedOrLastReviewDecision.plusMonths(12);
  }

  /** CoP 9.178 (guidance): a child under 5 is reviewed more often, every {@code months} (3 to 6) months. */
  public LocalDate earlyYearsReview(LocalDate planIssuedOrLastReviewDecision, int months) {
    if (months < 3 || months > 6) {
      throw new IllegalArgumentException("Under-5 reviews are every 3 to 6 months, not " + months);
    }
    return planIssuedOrLastReviewDecision.plusMonths(months);
  }

  /** CoP 9.178: a child under 5 on the day a review cycle opens is reviewed more often. */
  public boolean isUnderFive(LocalDate dateOfBirth, LocalDate on) {
    return on.isBefore(dateOfBirth.plusYears(5));
  }

  /** The latest review meeting that leaves the 4-week decision (reg 20(10)) inside the review's due date. */
  public LocalDate latestReviewMeeting(LocalDate reviewDue) {
    return reviewDue.minusWeeks(4);
  }

  /** Reg 15(4): the new LA tells the family about a transferred plan within 6 weeks of the transfer. */
  public LocalDate transferNoticeToFamily(LocalDate transfer) {
    return transfer.plusWeeks(6);
  }

  /** Reg 15(5): after a transfer in, review by the later of 12 months from the last review and 3 months from it. */
  public LocalDate reviewAfterTransferIn(LocalDate planIssuedOrLastReview, LocalDate transfer) {
    LocalDate twelveMonths = annualReview(planIssuedOrLastReview);
    LocalDate threeMonths = transfer.plusMonths(3);
    return twelveMonths.isAfter(threeMonths) ? twelveMonths : threeMonths;
  }

  /** Reg 18(1)(b): a phase transfer other than secondary to post-16 is settled by 15 February of its year. */
  public LocalDate phaseTransferToSchool(int transferYear) {
    return LocalDate.of(transferYear, 2, 15);
  }

  /** Reg 18(1)(a): secondary school to post-16 is settled by 31 March of the transfer year. */
  public LocalDate phaseTransferToPost16(int transferYear) {
    return LocalDate.of(transferYear, 3, 31);
  }

  /** Reg 18(2): between post-16 institutions at another time, at least 5 months before the transfer. */
  public LocalDate phaseTransferBetweenPost16(LocalDate transfer) {
    return transfer.minusMonths(5);
  }

  /**
   * The review in a phase-transfer year is decided early enough for an amended plan (8 weeks, reg 22(3)) to be
   * issued by the phase-transfer deadline: for 15 February, a decision by 21 December and a meeting by late November.
   */
  public LocalDate phaseTransferReviewDecision(LocalDate phaseTransferDeadline) {
    return phaseTransferDeadline.minusWeeks(8);
  }

  /**
   * The review that settles a phase transfer: when a plan's regular review (due {@code regularDue}, counted from
   * {@code lastDecision}) would come after the transfer's review date ({@link #phaseTransferReviewDecision}), it is
   * brought forward to that date, or to {@code today} when that date has passed (a transfer recorded late, or a
   * plan moved in late: never a due date in the past). Not when the transfer's deadline has passed, and not when the
   * transfer's review date falls within 3 months of the last decision (or the plan's issue): the review just held
   * is then the transfer's review, since 3 months is the shortest interval between reviews the guidance
   * contemplates (CoP 9.178, the under-5s). Empty when the regular date stands.
   */
  public Optional<LocalDate> phaseTransferReview(LocalDate lastDecision, LocalDate regularDue,
      LocalDate phaseTransferDeadline, LocalDate today) {
    LocalDate transferReview = phaseTransferReviewDecision(phaseTransferDeadline);
    LocalDate due = transferReview.isBefore(today) ? today : transferReview;
    boolean transferAhead = phaseTransferDeadline.isAfter(lastDecision) && phaseTransferDeadline.isAfter(today);
    boolean regularTooLate = !due.isAfter(regularDue);
    boolean lastReviewServes = transferReview.isBefore(lastDecision.plusMonths(3));
    return transferAhead && regularTooLate && !lastReviewServes ? Optional.of(due) : Optional.empty();
  }

  /** The deadline of a phase transfer written SCHOOL:YYYY, POST16:YYYY or POST16_TO_POST16:YYYY-MM-DD. */
  public LocalDate phaseTransferDeadline(String nextPhaseTransfer) {
    String[] parts = nextPhaseTransfer.split(":");
    return switch (parts[0]) {
      case "SCHOOL" -> phaseTransferToSchool(Integer.parseInt(parts[1]));
      case "POST16" -> phaseTransferToPost16(Integer.parseInt(parts[1]));
      case "POST16_TO_POST16" -> phaseTransferBetweenPost16(LocalDate.parse(parts[1]));
      default -> throw new IllegalArgumentException("Unknown phase transfer " + nextPhaseTransfer);
    };
  }

  /** Reg 20(3) (reg 21(3) for a child not at school): at least 2 weeks' notice of the review meeting. */
  public LocalDate reviewInvitationsBy(LocalDate reviewMeeting) {
    return reviewMeeting.minusWeeks(2);
  }

  /**
   * Reg 20(4)-(5): advice and information for a review is circulated to those invited at least 2 weeks before the
   * meeting, so it is due 2 weeks before it.
   */
  public LocalDate reviewAdviceDue(LocalDate reviewMeeting) {
    return reviewMeeting.minusWeeks(2);
  }

  /** Review advice still outstanding when the meeting is over is recorded as not received for that review. */
  public LocalDate reviewAdviceClosed(LocalDate reviewMeeting) {
    return dayAfter(reviewMeeting);
  }

  /** Reg 20(7)-(8): the review report within 2 weeks after the meeting. */
  public LocalDate reviewReport(LocalDate reviewMeeting) {
    return reviewMeeting.plusWeeks(2);
  }

  /** Reg 20(10): the LA's review decision within 4 weeks of the meeting. */
  public LocalDate reviewDecision(LocalDate reviewMeeting) {
    return reviewMeeting.plusWeeks(4);
  }

  /**
   * The review decision (4 weeks after the meeting, reg 20(10)) turns AMBER 1 week before it: a week after the
   * report was due, when a decision not yet taken needs the caseworker's attention. Two weeks, as for the longer
   * clocks ({@link #amberFrom}), would warn on the day the report is due, before there is anything to decide on.
   */
  public LocalDate reviewDecisionAmberFrom(LocalDate decisionDue) {
    return decisionDue.minusWeeks(1);
  }

  /** Reg 22(2): at least 15 days, beginning with the day proposed amendments were served, for representations. */
  public LocalDate lastDayForAmendmentRepresentations(LocalDate amendmentsServed) {
    return fifteenDaysBeginningWith(amendmentsServed);
  }

  /**
   * Reg 31(1): before ceasing a plan between reviews the council consults the family and the setting, but sets no
   * period for their views. The product gives at least the 15 days, beginning with the day they are asked, that
   * regs 13(1) and 22(2) give for representations; this is the earliest last day for views.
   */
  public LocalDate earliestCeaseViewsBy(LocalDate asked) {
    return fifteenDaysBeginningWith(asked);
  }

  /** Reg 22(3): the amended plan (or notice not to amend) within 8 weeks of sending proposed amendments. */
  public LocalDate amendedPlan(LocalDate amendmentsSent) {
    return amendmentsSent.plusWeeks(8);
  }

  /**
   * CFA s83(2): EHC duties cover children and young people under 25; this is the first day they no longer apply.
   * Someone born on 29 February turns 25 on 1 March in a common year, so nobody is refused a day early.
   */
  public LocalDate twentyFifthBirthday(LocalDate dateOfBirth) {
    LocalDate birthday = dateOfBirth.plusYears(25);
    return birthday.getDayOfMonth() == dateOfBirth.getDayOfMonth() ? birthday : birthday.plusDays(1);
  }

  /** Reg 5(4)(a),(b),(d): a closure or an absence counts only if it lasts "4 or more continuous weeks". */
  public boolean lastsFourWeeksOrMore(LocalDate firstDay, LocalDate lastDay) {
    return !lastDay.isBefore(firstDay.plusWeeks(4).minusDays(1));
  }

  /** The week of the 20-week pathway a case is in on {@code today}: week 1 is the 7 days beginning with receipt. */
  public int weekOfPathway(LocalDate requestReceived, LocalDate today) {
    return (int) (daysUntil(requestReceived, today) / 7) + 1;
  }

  /** SEN2 counts plans issued more than 52 weeks after the request. */
  public boolean issuedAfter52Weeks(LocalDate requestReceived, LocalDate issued) {
    return issued.isAfter(requestReceived.plusWeeks(52));
  }

  /** Whole days from {@code today} until {@code deadline} (0 on the day itself, negative once it has passed). */
  public long daysUntil(LocalDate today, LocalDate deadline) {
    return java.time.temporal.ChronoUnit.DAYS.between(today, deadline);
  }

  /** The day a "15 days beginning with" window is over: the first day on which the process may move on. */
  public LocalDate dayAfter(LocalDate lastDayOfWindow) {
    return lastDayOfWindow.plusDays(1);
  }

  // Chasing and warnings: council practice built on the statutory dates, not rules of law.

  /** Advisers are reminded 2 weeks before advice is due (day 28 of 42), on a working day: else the one before. */
  public LocalDate adviceReminder(LocalDate adviceDue) {
    return workingDays.onOrBefore(adviceDue.minusWeeks(2));
  }

  /**
   * The reminder for one request: 2 weeks before the advice is due ({@link #adviceReminder(LocalDate)}). A request
   * with less notice than that (advice for a review meeting asked for when the meeting is set) is reminded 1 week
   * before, on a working day or the one before; with less notice still, not at all.
   */
  public Optional<LocalDate> adviceReminder(LocalDate requested, LocalDate adviceDue) {
    return Stream.of(adviceReminder(adviceDue), workingDays.onOrBefore(adviceDue.minusWeeks(1)))
        .filter(day -> day.isAfter(requested)).findFirst();
  }

  /** Outstanding advice is chased on its due date, but never on the day it was asked for: then the day after. */
  public LocalDate adviceChase(LocalDate requested, LocalDate adviceDue) {
    return adviceDue.isAfter(requested) ? adviceDue : requested.plusDays(1);
  }

  /** A caseworker decides within a week of the due date whether to wait for late advice (council practice). */
  public LocalDate lateAdviceDecision(LocalDate adviceDue) {
    return adviceDue.plusWeeks(1);
  }

  /** Advice still outstanding 2 weeks after its due date goes to the SEND service manager. */
  public LocalDate adviceSecondEscalation(LocalDate adviceDue) {
    return adviceDue.plusWeeks(2);
  }

  /** A statutory deadline turns AMBER 2 weeks before it while its step is not done. */
  public LocalDate amberFrom(LocalDate deadline) {
    return deadline.minusWeeks(2);
  }

  /** A statutory deadline is breached (RED) from the day after it while its step is not done. */
  public LocalDate breachedFrom(LocalDate deadline) {
    return dayAfter(deadline);
  }

  /**
   * For queries that compare stored due dates: on {@code today}, a deadline whose step is not done is breached (RED)
   * if and only if it is due on or before this day. Worked out from {@link #breachedFrom(LocalDate)} itself.
   */
  public LocalDate lastDueDateBreachedOn(LocalDate today) {
    return lastDueDateStartedBy(today, this::breachedFrom);
  }

  /**
   * On {@code today}, a deadline whose step is not done is AMBER or worse if and only if it is due on or before this
   * day. Worked out from {@link #amberFrom(LocalDate)} itself.
   */
  public LocalDate lastDueDateAmberOn(LocalDate today) {
    return lastDueDateStartedBy(today, this::amberFrom);
  }

  /** The next panel sitting on or after {@code from}, for decisions taken at a weekly panel. */
  public LocalDate nextPanel(LocalDate from, DayOfWeek panelDay) {
    int daysAhead = (panelDay.getValue() - from.getDayOfWeek().getValue() + 7) % 7;
    return from.plusDays(daysAhead);
  }

  /**
   * The latest due date whose state ({@code startsOn}: AMBER from, RED from) has begun by {@code today}. The state of a
   * later deadline never begins earlier, so every due date up to this one is in it too and none after it is.
   */
  private static LocalDate lastDueDateStartedBy(LocalDate today, UnaryOperator<LocalDate> startsOn) {
    LocalDate due = today;
    for (int days = 0; startsOn.apply(due).isAfter(today); days++) {
      due = due.minusDays(1);
      requireWithinAYear(days);
    }
    for (int days = 0; !startsOn.apply(due.plusDays(1)).isAfter(today); days++) {
      due = due.plusDays(1);
      requireWithinAYear(days);
    }
    return due;
  }

  private static void requireWithinAYear(int days) {
    if (days > 366) {
      throw new IllegalStateException("A RAG state more than a year from its deadline: no cut-off found");
    }
  }

  private static LocalDate fifteenDaysBeginningWith(LocalDate firstDay) {
    return firstDay.plusDays(14);
  }
}
