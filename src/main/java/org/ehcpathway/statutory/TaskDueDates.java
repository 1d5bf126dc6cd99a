package org.ehcpathway.statutory;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Due dates and timer dates for the BPMN models ({@code camunda:dueDate="${deadlines.decisionToAssess(execution)}"}).
 * It reads the dates a rule starts from (the case record's received date and draft-served milestone, the advice
 * request's own date) and asks {@link StatutoryDeadlines}; it does no arithmetic of its own. A task is due at the end of its statutory date in London.
 */
@Component("deadlines")
public class TaskDueDates {

  public static final String REQUEST_RECEIVED_DATE = "requestReceivedDate";
  public static final String ADVICE_REQUESTED_DATE = "adviceRequestedDate";
  public static final String DRAFT_SERVED_DATE = "draftServedDate";

  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final CaseDates caseDates;
  private final ReviewDates reviewDates;

  public TaskDueDates(StatutoryDeadlines rules, EngineClock clock, CaseDates caseDates, ReviewDates reviewDates) {
    this.rules = rules;
    this.clock = clock;
    this.caseDates = caseDates;
    this.reviewDates = reviewDates;
  }

  // The annual review (reg 18-22).

  /** Invitations 2 weeks before the latest meeting that leaves 4 weeks for the decision inside the review date. */
  public Date scheduleReviewMeeting(DelegateExecution scope) {
    return scheduleReviewMeeting(reviewDates.reviewDue(scope.getProcessBusinessKey()));
  }

  public Date scheduleReviewMeeting(LocalDate reviewDue) {
    return EngineClock.endOf(rules.reviewInvitationsBy(rules.latestReviewMeeting(reviewDue)));
  }

  public Date reviewAmberAt(DelegateExecution scope) {
    return EngineClock.startOf(rules.amberFrom(reviewDates.reviewDue(scope.getProcessBusinessKey())));
  }

  public Date reviewRedAt(DelegateExecution scope) {
    return EngineClock.startOf(rules.breachedFrom(reviewDates.reviewDue(scope.getProcessBusinessKey())));
  }

  public Date transferNoticeToFamily(DelegateExecution scope) {
    return EngineClock.endOf(rules.transferNoticeToFamily(reviewDates.transferDate(scope.getProcessBusinessKey())
        .orElseThrow(() -> new IllegalStateException("No transfer recorded"))));
  }

  public Date reviewReport(DelegateExecution scope) {
    return reviewReportAfter(meeting(scope));
  }

  /** The report's due date for a meeting on that day (a meeting moved after its report task was created). */
  public Date reviewReportAfter(LocalDate meeting) {
    return EngineClock.endOf(rules.reviewReport(meeting));
  }

  public Date reviewDecision(DelegateExecution scope) {
    return EngineClock.endOf(rules.reviewDecision(meeting(scope)));
  }

  /** "Without delay" after the decision: due the day the task is created. */
  public Date sendProposedAmendments(DelegateExecution scope) {
    return EngineClock.endOf(clock.today());
  }

  public Date amendmentRepresentations(DelegateExecution scope) {
    return EngineClock.endOf(rules.lastDayForAmendmentRepresentations(amendmentsSent(scope)));
  }

  public Date amendmentWindowClosesAt(DelegateExecution scope) {
    return EngineClock.startOf(rules.dayAfter(rules.lastDayForAmendmentRepresentations(amendmentsSent(scope))));
  }

  public Date amendedPlan(DelegateExecution scope) {
    return EngineClock.endOf(rules.amendedPlan(amendmentsSent(scope)));
  }

  private LocalDate meeting(DelegateExecution scope) {
    return reviewDates.meetingDate(scope.getProcessBusinessKey())
        .orElseThrow(() -> new IllegalStateException("No review meeting scheduled"));
  }

  private LocalDate amendmentsSent(DelegateExecution scope) {
    return reviewDates.amendmentsSent(scope.getProcessBusinessKey())
        .orElseThrow(() -> new IllegalStateException("No proposed amendments sent"));
  }

  public Date decisionToAssess(DelegateExecution scope) {
    return EngineClock.endOf(rules.decisionWhetherToAssess(received(scope)));
  }

  public Date adviceDue(DelegateExecution scope) {
    return EngineClock.endOf(adviceRequest(scope).due());
  }

  /** An advice task's due date when its advice is due that day (review advice whose meeting moved). */
  public Date adviceDueOn(LocalDate adviceDue) {
    return EngineClock.endOf(adviceDue);
  }

  public Date noPlanDecision(DelegateExecution scope) {
    return EngineClock.endOf(rules.decisionNotToIssue(received(scope)));
  }

  public Date draftPlan(DelegateExecution scope) {
    return EngineClock.endOf(rules.draftPlanTarget(received(scope)));
  }

  public Date representations(DelegateExecution scope) {
    return EngineClock.endOf(rules.lastDayForRepresentations(draftServed(scope)));
  }

  /** The representation window closes when its last day is over: the timer fires at the start of the next day. */
  public Date representationWindowClosesAt(DelegateExecution scope) {
    LocalDate lastDay = rules.lastDayForRepresentations(draftServed(scope));
    return EngineClock.startOf(rules.dayAfter(lastDay));
  }

  /** The consultation is sent when the consultation task starts, that is today on the engine clock. */
  public Date settingConsultation(DelegateExecution scope) {
    return EngineClock.endOf(rules.settingConsultationReply(clock.today()));
  }

  public Date finalPlan(DelegateExecution scope) {
    return EngineClock.endOf(rules.finalPlan(received(scope)));
  }

  // Timers that chase advice and watch the statutory deadlines fire at the start of their day.

  /** With no room for a reminder the timer fires with the chase, and the reminder is not sent. */
  public Date adviceReminderAt(DelegateExecution scope) {
    AdviceRequestDates request = adviceRequest(scope);
    return EngineClock.startOf(rules.adviceReminder(request.requested(), request.due())
        .orElse(rules.adviceChase(request.requested(), request.due())));
  }

  public Date adviceOverdueAt(DelegateExecution scope) {
    AdviceRequestDates request = adviceRequest(scope);
    return EngineClock.startOf(rules.adviceChase(request.requested(), request.due()));
  }

  /** The review meeting's watch: the report is chased from the day after it was due (reg 20(8)). */
  public Date reviewReportOverdueAt(DelegateExecution scope) {
    return EngineClock.startOf(rules.breachedFrom(rules.reviewReport(meeting(scope))));
  }

  public Date reviewDecisionAmberAt(DelegateExecution scope) {
    return EngineClock.startOf(rules.reviewDecisionAmberFrom(rules.reviewDecision(meeting(scope))));
  }

  /** The review decision is late from the day after the 4 weeks (reg 20(10)). */
  public Date reviewDecisionRedAt(DelegateExecution scope) {
    return EngineClock.startOf(rules.breachedFrom(rules.reviewDecision(meeting(scope))));
  }

  /** A plan decided to cease ceases at 00:00 on the day after the last day to appeal (CFA s45, s51). */
  public Date ceaseTakesEffectAt(DelegateExecution scope) {
    return EngineClock.startOf(reviewDates.ceasesOn(scope.getProcessBusinessKey())
        .orElseThrow(() -> new IllegalStateException("No decision to cease is pending")));
  }

  /** Reg 15(2): the plan of a child moving away is sent to the new council by the transfer day. */
  public Date planTransferOut(DelegateExecution scope) {
    return EngineClock.endOf(transferOutDue(scope));
  }

  /**
   * Reg 31: a decision whether to cease a plan between reviews comes after the last day the family and the setting
   * were given for their views (no statutory period: the caseworker sets it), so the task is due the day after.
   */
  public Date ceaseConsultationDecision(DelegateExecution scope) {
    return EngineClock.endOf(rules.dayAfter(LocalDate.parse(String.valueOf(scope.getVariable("viewsBy")))));
  }

  public Date planTransferOutLateAt(DelegateExecution scope) {
    return EngineClock.startOf(rules.breachedFrom(transferOutDue(scope)));
  }

  private LocalDate transferOutDue(DelegateExecution scope) {
    return reviewDates.transferOutDue(scope.getProcessBusinessKey())
        .orElseThrow(() -> new IllegalStateException("No transfer to another council recorded"));
  }

  /** Review advice not in when the meeting is over is recorded as not received for that review. */
  public Date reviewAdviceClosesAt(DelegateExecution scope) {
    return EngineClock.startOf(rules.reviewAdviceClosed(meeting(scope)));
  }

  public Date lateAdviceDecision(DelegateExecution scope) {
    return lateAdviceDecisionFor(adviceDueDate(scope));
  }

  public Date lateAdviceDecisionFor(LocalDate adviceDue) {
    return EngineClock.endOf(rules.lateAdviceDecision(adviceDue));
  }

  public Date adviceSecondEscalationAt(DelegateExecution scope) {
    return EngineClock.startOf(rules.adviceSecondEscalation(adviceDueDate(scope)));
  }

  /** When the named statutory deadline of the case turns AMBER (decisionToAssess, noPlanDecision, finalPlan). */
  public Date amberAt(DelegateExecution scope, String deadline) {
    return EngineClock.startOf(rules.amberFrom(caseDeadline(scope, deadline)));
  }

  /** When the named statutory deadline of the case is breached. */
  public Date redAt(DelegateExecution scope, String deadline) {
    return EngineClock.startOf(rules.breachedFrom(caseDeadline(scope, deadline)));
  }

  private LocalDate adviceDueDate(DelegateExecution scope) {
    return adviceRequest(scope).due();
  }

  private AdviceRequestDates adviceRequest(DelegateExecution scope) {
    return caseDates.adviceRequest(scope.getProcessInstanceId());
  }

  private LocalDate caseDeadline(DelegateExecution scope, String deadline) {
    return CaseDeadlines.forRequestReceived(received(scope), rules).byName(deadline);
  }

  private LocalDate received(DelegateExecution scope) {
    return caseDates.requestReceived(scope.getProcessBusinessKey());
  }

  private LocalDate draftServed(DelegateExecution scope) {
    return caseDates.draftServed(scope.getProcessBusinessKey())
        .orElseThrow(() -> new IllegalStateException("The draft plan of " + scope.getProcessBusinessKey()
            + " has not been served"));
  }

}
