package org.ehcpathway.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.ehcpathway.advice.AdviceType;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.notification.CaseNotifications;
import org.ehcpathway.notification.CouncilProperties;
import org.ehcpathway.notification.Recipients;
import org.ehcpathway.security.CurrentUser;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.LetterDates;
import org.ehcpathway.statutory.NationalCurriculumYear;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.ehcpathway.workflow.CaseProcesses;
import org.ehcpathway.workflow.InvalidInputException;
import org.ehcpathway.workflow.TaskInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The plan's annual reviews, as process ehc-annual-review calls them ({@code ${planReviews...}}). */
@Component("planReviews")
public class PlanReviews {

  public static final String PROCESS_KEY = "ehc-annual-review";
  static final String WATCH_KEY = "ehc-review-watch";
  /** The running watch of the review's current cycle, kept so that ending it needs no search. */
  static final String WATCH_ID = "reviewWatchId";
  static final String AMENDMENT_DECISION = "amendmentDecision";
  private static final List<String> CYCLE_VARIABLES = List.of("meetingDate", "recommendation", "summary",
      "reviewOutcome", "ceaseReason", "reason", "amendmentsSent", "preferredSetting", "meetingRequested",
      "amendedPlanSent", "adulthoodOutcomes", AMENDMENT_DECISION, "notAmendingReason", ReviewMeetingWatch.WATCH_ID);

  private final PlanRecords plans;
  private final CaseRecords cases;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final CurrentUser currentUser;
  private final CaseNotifications notifications;
  private final Recipients recipients;
  private final CouncilProperties council;
  private final ReviewInvitations invitations;
  private final PlanCeasing ceasing;
  private final int underFiveMonths;

  public PlanReviews(PlanRecords plans, CaseRecords cases, StatutoryDeadlines rules, EngineClock clock,
      CurrentUser currentUser, CaseNotifications notifications, Recipients recipients, CouncilProperties council,
      ReviewInvitations invitations, PlanCeasing ceasing,
      @Value("${ehc.review.under-five-months:6}") int underFiveMonths) {
    this.underFiveMonths = underFiveMonths;
    this.ceasing = ceasing;
    this.invitations = invitations;
    this.plans = plans;
    this.cases = cases;
    this.rules = rules;
    this.clock = clock;
    this.currentUser = currentUser;
    this.notifications = notifications;
    this.recipients = recipients;
    this.council = council;
  }

  /** The final plan is issued: the plan is in force and its review cycle starts (CFA s44). */
  public void startAfterFinalPlan(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    Object namedSetting = execution.getVariable("namedSetting");
    plans.createPlan(reference, clock.today(), namedSetting == null ? null : namedSetting.toString());
    execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, reference,
        Variables.putValue("caseReference", reference));
  }

  public void openCycle(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    LocalDate base = plans.reviewBase(reference);
    LocalDate regular = regularDue(reference, base, plans.cycles(reference) == 0);
    Optional<String> phaseTransfer = plans.nextPhaseTransfer(reference)
        .filter(next -> !plans.reviewedForPhaseTransfer(reference, next));
    Optional<LocalDate> phaseTransferReview = phaseTransfer
        .flatMap(next -> rules.phaseTransferReview(base, regular, rules.phaseTransferDeadline(next), clock.today()));
    LocalDate due = phaseTransferReview.orElse(regular);
    int cycle = plans.openCycle(reference, due, phaseTransferReview.isPresent() ? phaseTransfer.get() : null);
    boolean firstCycleOfThisReview = !execution.hasVariable("reviewCycle");
    CYCLE_VARIABLES.forEach(execution::removeVariable);
    execution.setVariable("reviewCycle", cycle);
    execution.setVariable("reviewDue", due.toString());
    execution.setVariable("latestMeetingDate", rules.latestReviewMeeting(due).toString());
    record(reference, MilestoneType.REVIEW_CYCLE_OPENED, "Review " + cycle + " due " + due
        + (phaseTransferReview.isPresent() ? ", brought forward for the phase transfer " + phaseTransfer.get() : ""));
    if (!firstCycleOfThisReview) {
      endWatch(execution);
    }
    execution.setVariable(WATCH_ID, startWatch(execution.getProcessEngineServices().getRuntimeService(), reference,
        cycle));
  }

  /**
   * When a review is due without a phase transfer: 12 months after {@code base}, the plan's issue or the last
   * decision (CFA s44(1), {@link PlanRecords#reviewBase}); for a child under 5 on that day,
   * {@code ehc.review.under-five-months} after it; a plan's first review after moving in, by reg 15(5).
   */
  LocalDate regularDue(String reference, LocalDate base, boolean firstCycle) {
    var transfer = plans.transferDate(reference).filter(moved -> firstCycle);
    return transfer.isPresent()
        ? rules.reviewAfterTransferIn(plans.lastReviewBeforeTransfer(reference), transfer.get())
        : rules.isUnderFive(cases.childDateOfBirth(reference), base)
            ? rules.earlyYearsReview(base, underFiveMonths) : rules.annualReview(base);
  }

  /** The review cycle's deadline watch (AMBER 2 weeks before its due date, RED after it); returns its id. */
  static String startWatch(RuntimeService runtime, String reference, int cycle) {
    return runtime.startProcessInstanceByKey(WATCH_KEY, reference,
        Variables.putValue("caseReference", reference).putValue("reviewCycle", cycle)).getId();
  }

  public void familyToldAboutTransfer(DelegateTask task) {
    record(reference(task), MilestoneType.FAMILY_TOLD_ABOUT_TRANSFER, null);
  }

  public void meetingScheduled(DelegateTask task) {
    String reference = reference(task);
    LocalDate meeting = TaskDates.required(task, "meetingDate");
    invitations.requireNotice(meeting);
    plans.recordMeeting(reference, meeting, rules.reviewDecision(meeting));
    task.setVariables(meetingVariables(reference, meeting));
    invitations.invite(reference, meeting);
    int cycle = Integer.parseInt(String.valueOf(task.getVariable("reviewCycle")));
    task.setVariable(ReviewMeetingWatch.WATCH_ID,
        ReviewMeetingWatch.start(task.getProcessEngineServices().getRuntimeService(), reference, cycle));
    record(reference, MilestoneType.REVIEW_MEETING_SCHEDULED, "Meeting " + meeting + "; invitations sent");
  }

  /** What the review's later steps read of the meeting: its date, the report's and decision's due dates. */
  Map<String, Object> meetingVariables(String reference, LocalDate meeting) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("meetingDate", meeting.toString());
    variables.put("reportDue", rules.reviewReport(meeting).toString());
    variables.put("decisionDue", rules.reviewDecision(meeting).toString());
    // Reg 20(6): from Year 9 (at the meeting) the review covers preparing for adulthood and independent living
    variables.put("preparingForAdulthood",
        NationalCurriculumYear.on(meeting, cases.childDateOfBirth(reference)) >= 9);
    return variables;
  }

  /**
   * Reg 20(4): the advice and information asked for when the meeting is set, one request per type
   * ({@code ehc.review.advice-types}); from Year 9, preparing for adulthood too (reg 20(6)).
   */
  public List<String> reviewAdviceTypes(DelegateExecution execution) {
    List<AdviceType> types = new ArrayList<>(invitations.adviceTypes());
    if (Boolean.TRUE.equals(execution.getVariable("preparingForAdulthood"))
        && !types.contains(AdviceType.PREPARING_FOR_ADULTHOOD)) {
      types.add(AdviceType.PREPARING_FOR_ADULTHOOD);
    }
    return types.stream().map(Enum::name).toList();
  }

  /** The meeting is over: advice still outstanding is recorded as not received for this review. */
  public void reviewAdviceNotReceived(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    int cycle = Integer.parseInt(String.valueOf(execution.getVariable("reviewCycle")));
    List<String> missing = cases.closeOutstandingReviewAdvice(reference, cycle, clock.today());
    if (!missing.isEmpty()) {
      record(reference, MilestoneType.REVIEW_ADVICE_NOT_RECEIVED,
          "Review " + cycle + ": " + String.join(", ", missing) + " not received before the meeting");
    }
  }

  public void reportSubmitted(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    ReviewOutcome recommendation = input.requiredChoice("recommendation", ReviewOutcome.class);
    input.requiredText("summary", 4000);
    if (Boolean.TRUE.equals(task.getVariable("preparingForAdulthood"))) {
      input.requiredText("adulthoodOutcomes", 4000);
    }
    plans.recordReport(reference(task), clock.today(), recommendation.name());
    record(reference(task), MilestoneType.REVIEW_REPORT_SUBMITTED, "Recommends " + recommendation);
  }

  public void outcomeDecided(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    ReviewOutcome outcome = input.requiredChoice("reviewOutcome", ReviewOutcome.class);
    input.requiredText("reason", 2000);
    if (outcome == ReviewOutcome.CEASE) {
      CeaseReason.forDecision("ceaseReason", input.optionalText("ceaseReason", 1));
      plans.pendingCease(reference(task)).ifPresent(pending -> {
        throw new InvalidInputException("reviewOutcome", "CEASE is already decided (on " + pending.decided()
            + ") and waits for the appeal period or the tribunal; keep or amend the plan meanwhile");
      });
    }
    plans.recordDecision(reference(task), clock.today(), outcome.name());
    ReviewMeetingWatch.end(task.getProcessEngineServices().getRuntimeService(),
        task.getVariable(ReviewMeetingWatch.WATCH_ID), "Review decided");
    record(reference(task), MilestoneType.REVIEW_DECIDED, outcome.name());
  }

  /**
   * The review watch ({@code ${planReviews.checkDeadline(execution, 'AMBER')}}): while the current cycle has no
   * decision, the review turns AMBER 2 weeks before it is due and RED the day after; the caseworker who logged the
   * case and the managers are told.
   */
  public void checkDeadline(DelegateExecution execution, String level) {
    String reference = execution.getProcessBusinessKey();
    Object watchedCycle = execution.getVariable("reviewCycle");
    if (plans.currentDecisionDate(reference).isPresent()
        || !String.valueOf(plans.currentCycle(reference)).equals(String.valueOf(watchedCycle))) {
      return;
    }
    LocalDate due = plans.reviewDue(reference);
    LocalDate today = clock.today();
    boolean red = "RED".equals(level);
    if (!red && !today.isBefore(rules.breachedFrom(due))) {
      return;   // already late: the RED check says so
    }
    List<Recipients.Recipient> told = recipients.caseworkerAndManagers(
        cases.find(reference).map(row -> row.createdBy()).orElse(null));
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", reference);
    variables.put("dueDate", LetterDates.format(due));
    variables.put("level", level);
    variables.put("daysLeft", LetterDates.inDays(rules.daysUntil(today, due)));
    variables.put("caseLink", notifications.caseLink(reference));
    variables.put("council", council);
    notifications.email(reference, "REVIEW_" + level, "cycle " + watchedCycle, told,
        reference + ": annual review " + (red ? "overdue" : "due " + LetterDates.inDays(rules.daysUntil(today, due)))
            + " - due " + LetterDates.format(due),
        "review-" + level.toLowerCase(), variables);
    record(reference, red ? MilestoneType.REVIEW_RED : MilestoneType.REVIEW_AMBER,
        "Review " + watchedCycle + " due " + due + "; told " + Recipients.describe(told, "caseworker or managers"));
  }

  /**
   * Ends the watch of the current cycle, found by the id kept when it started; a review that an earlier version
   * opened has no such id, and its watch is found by the case reference.
   */
  private static void endWatch(DelegateExecution execution) {
    endWatch(execution.getProcessEngineServices().getRuntimeService(), execution.getVariable(WATCH_ID),
        execution.getProcessBusinessKey(), "Review cycle closed");
  }

  /** Ends the review's watch: {@code watchId} when known, else (a review started before it was kept) by the case. */
  static void endWatch(RuntimeService runtime, Object watchId, String reference, String why) {
    List<String> watches = watchId != null
        ? runtime.createProcessInstanceQuery().processInstanceId(watchId.toString()).list().stream()
            .map(ProcessInstance::getId).toList()
        : CaseProcesses.of(runtime, reference, WATCH_KEY).stream().map(ProcessInstance::getId).toList();
    watches.forEach(id -> runtime.deleteProcessInstance(id, why));
  }

  /**
   * The review decided to cease and the notice has gone: this review process ends, and the plan stays in force while
   * the family may appeal ({@link PlanCeasing}).
   */
  public void cease(DelegateExecution execution) {
    endWatch(execution);
    ceasing.start(execution, String.valueOf(execution.getVariable("ceaseReason")));
  }

  public void amendmentsSent(DelegateTask task) {
    String reference = reference(task);
    LocalDate sent = clock.today();
    plans.recordAmendmentsSent(reference, sent);
    task.setVariable("amendmentRepresentationsDue", rules.lastDayForAmendmentRepresentations(sent).toString());
    task.setVariable("amendedPlanDue", rules.amendedPlan(sent).toString());
    record(reference, MilestoneType.AMENDMENTS_SENT, null);
  }

  public void amendmentViewsReceived(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    String preferredSetting = input.optionalText("preferredSetting", 200);
    boolean meeting = input.flag("meetingRequested");
    record(reference(task), MilestoneType.AMENDMENT_REPRESENTATIONS_RECEIVED,
        (preferredSetting == null ? "No school or college requested" : "Requested: " + preferredSetting)
            + (meeting ? "; meeting requested" : ""));
  }

  public void amendmentWindowClosed(DelegateExecution execution) {
    record(execution.getProcessBusinessKey(), MilestoneType.AMENDMENT_WINDOW_CLOSED,
        "No views recorded within 15 days; the council proceeds");
  }

  /**
   * The family has at least 15 days for views on the amendments (reg 22(2)), so the plan waits for them. Then
   * the amended plan is issued, or the council decides not to amend after all (reg 22(3)(b)), with a reason.
   */
  public void amendedPlanIssued(DelegateTask task) {
    String reference = reference(task);
    TaskInput input = TaskInput.of(task);
    AmendmentDecision decision = task.getVariable(AMENDMENT_DECISION) == null ? AmendmentDecision.ISSUE_AMENDED_PLAN
        : input.requiredChoice(AMENDMENT_DECISION, AmendmentDecision.class);
    String namedSetting = input.optionalText("namedSetting", 200);
    String notAmendingReason = decision == AmendmentDecision.DO_NOT_AMEND
        ? input.requiredText("notAmendingReason", 2000) : null;
    LocalDate today = clock.today();
    LocalDate lastDay = rules.lastDayForAmendmentRepresentations(plans.amendmentsSent(reference)
        .orElseThrow(() -> new IllegalStateException("No amendments sent for " + reference)));
    if (!today.isAfter(lastDay)) {
      throw new InvalidInputException("representationWindow", "the family may comment on the proposed amendments"
          + " until " + lastDay + " (reg 22(2)); the amended plan can be issued from " + rules.dayAfter(lastDay));
    }
    task.setVariable(AMENDMENT_DECISION, decision.name());
    if (decision == AmendmentDecision.DO_NOT_AMEND) {
      task.setVariable("reason", notAmendingReason);
      plans.recordDecidedNotToAmend(reference, today);
      record(reference, MilestoneType.DECIDED_NOT_TO_AMEND, null);
      return;
    }
    if (namedSetting != null) {
      plans.setNamedSetting(reference, namedSetting);
      cases.recordNamedSetting(reference, namedSetting);
    }
    plans.recordAmendedPlan(reference, today);
    record(reference, MilestoneType.AMENDED_PLAN_ISSUED, namedSetting);
  }

  /** What the council does at the end of the amendment: issue the amended plan, or not amend after all. */
  public enum AmendmentDecision {
    ISSUE_AMENDED_PLAN, DO_NOT_AMEND
  }

  private void record(String reference, MilestoneType type, String detail) {
    cases.recordMilestone(reference, type, clock.today(), currentUser.id(), detail);
  }

  private static String reference(DelegateTask task) {
    return task.getExecution().getProcessBusinessKey();
  }
}
