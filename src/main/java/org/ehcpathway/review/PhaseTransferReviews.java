package org.ehcpathway.review;

import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.security.CurrentUser;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.LetterDates;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.ehcpathway.statutory.TaskDueDates;
import org.ehcpathway.workflow.CaseProcesses;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a plan's next phase transfer (reg 18). When the review open now would be decided too late for it, that
 * review is brought forward at once ({@link StatutoryDeadlines#phaseTransferReview}): its due date, the review's
 * variables, the "Schedule the review meeting" task's due date, and its deadline watch, which starts again from the
 * new date. A transfer that needs no earlier review leaves the open review as it is; the next one is scheduled
 * from the transfer as usual. A review brought forward for a transfer that then changes (moved to a later year, or
 * recorded wrongly) is worked out again: back to its regular date, or to the new transfer's. A meeting already
 * arranged after the latest date the new due date allows stays where it is (the caseworker can move it,
 * {@link ReviewMeetingMove}), and the caseworker who logged the case and the managers are told so at once.
 */
@Service
public class PhaseTransferReviews {

  private final PlanRecords plans;
  private final CaseRecords cases;
  private final StatutoryDeadlines rules;
  private final TaskDueDates deadlines;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final EngineClock clock;
  private final CurrentUser currentUser;
  private final ReviewMeetingWarning meetingWarning;
  private final PlanReviews reviews;

  PhaseTransferReviews(PlanRecords plans, CaseRecords cases, StatutoryDeadlines rules, TaskDueDates deadlines,
      RuntimeService runtime, TaskService tasks, EngineClock clock, CurrentUser currentUser,
      ReviewMeetingWarning meetingWarning, PlanReviews reviews) {
    this.reviews = reviews;
    this.plans = plans;
    this.cases = cases;
    this.rules = rules;
    this.deadlines = deadlines;
    this.runtime = runtime;
    this.tasks = tasks;
    this.clock = clock;
    this.currentUser = currentUser;
    this.meetingWarning = meetingWarning;
  }

  /** Returns false when the case has no plan. */
  @Transactional
  public boolean record(String reference, String nextPhaseTransfer) {
    if (!plans.setNextPhaseTransfer(reference, nextPhaseTransfer)) {
      return false;
    }
    Optional<ProcessInstance> review = CaseProcesses.of(runtime, reference, PlanReviews.PROCESS_KEY).stream()
        .findFirst();
    Optional<LocalDate> openDue = plans.openCycleDue(reference);
    if (review.isEmpty() || openDue.isEmpty()) {
      return true;
    }
    boolean alreadyReviewed = plans.reviewedForPhaseTransfer(reference, nextPhaseTransfer);
    Optional<String> openCycleFor = plans.openCyclePhaseTransfer(reference);
    LocalDate base = plans.reviewBase(reference);
    LocalDate deadline = rules.phaseTransferDeadline(nextPhaseTransfer);
    LocalDate today = clock.today();
    if (openCycleFor.isPresent() && !openCycleFor.get().equals(nextPhaseTransfer)) {
      // brought forward for a transfer that has changed since: worked out again from the regular date, and not
      // brought forward again for a transfer an earlier review has settled (a mistyped one corrected back)
      LocalDate regular = reviews.regularDue(reference, base, plans.currentCycle(reference) == 1);
      Optional<LocalDate> forThisTransfer = alreadyReviewed ? Optional.empty()
          : rules.phaseTransferReview(base, regular, deadline, today);
      reschedule(reference, review.get().getId(), openDue.get(), forThisTransfer.orElse(regular),
          forThisTransfer.isPresent() ? nextPhaseTransfer : null, nextPhaseTransfer);
      return true;
    }
    if (alreadyReviewed) {
      return true;
    }
    rules.phaseTransferReview(base, openDue.get(), deadline, today).ifPresent(due ->
        reschedule(reference, review.get().getId(), openDue.get(), due, nextPhaseTransfer, nextPhaseTransfer));
    return true;
  }

  /**
   * The plan has no phase transfer ahead after all (recorded in error, or the child stays where they are): a review
   * brought forward for the transfer goes back to its regular date. Returns false when the case has no plan.
   */
  @Transactional
  public boolean clear(String reference) {
    if (!plans.setNextPhaseTransfer(reference, null)) {
      return false;
    }
    Optional<ProcessInstance> review = CaseProcesses.of(runtime, reference, PlanReviews.PROCESS_KEY).stream()
        .findFirst();
    Optional<LocalDate> openDue = plans.openCycleDue(reference);
    if (review.isPresent() && openDue.isPresent() && plans.openCyclePhaseTransfer(reference).isPresent()) {
      LocalDate regular = reviews.regularDue(reference, plans.reviewBase(reference),
          plans.currentCycle(reference) == 1);
      reschedule(reference, review.get().getId(), openDue.get(), regular, null, null);
    }
    return true;
  }

  /**
   * The open review, due {@code was}, is now due {@code due}: for the phase transfer {@code forTransfer}, or (null)
   * on its regular date because the plan's transfer is now {@code transfer} (null: none).
   */
  private void reschedule(String reference, String reviewInstance, LocalDate was, LocalDate due, String forTransfer,
      String transfer) {
    plans.rescheduleOpenCycle(reference, was, due, forTransfer);
    if (due.equals(was)) {
      return;   // already due then: the review now settles this transfer
    }
    runtime.setVariable(reviewInstance, "reviewDue", due.toString());
    LocalDate latestMeeting = rules.latestReviewMeeting(due);
    runtime.setVariable(reviewInstance, "latestMeetingDate", latestMeeting.toString());
    tasks.createTaskQuery().processInstanceId(reviewInstance).taskDefinitionKey("scheduleReviewMeeting").list()
        .forEach(task -> {
          task.setDueDate(deadlines.scheduleReviewMeeting(due));
          tasks.saveTask(task);
        });
    PlanReviews.endWatch(runtime, runtime.getVariable(reviewInstance, PlanReviews.WATCH_ID), reference,
        "Review due date changed for a phase transfer");
    int cycle = plans.currentCycle(reference);
    runtime.setVariable(reviewInstance, PlanReviews.WATCH_ID, PlanReviews.startWatch(runtime, reference, cycle));
    LocalDate today = clock.today();
    String dates = "Review " + cycle + " due " + due + " (was " + was + ")";
    if (due.isAfter(was)) {
      cases.recordMilestone(reference, MilestoneType.REVIEW_PUT_BACK, today, currentUser.id(), dates
          + (forTransfer != null ? ", for the phase transfer " + forTransfer
              : transfer == null ? ", the regular date: no phase transfer is recorded now"
              : ", the regular date: the phase transfer is now " + transfer));
      return;
    }
    Optional<LocalDate> meetingTooLate = plans.meetingDate(reference)   // still to be held, and too late
        .filter(m -> !m.isBefore(today) && m.isAfter(latestMeeting));
    meetingTooLate.ifPresent(meeting -> meetingWarning.send(reference, "cycle " + cycle + " due " + due,
        "The review has been brought forward for the phase transfer " + forTransfer + ": it is now due by "
            + LetterDates.format(due) + ".", meeting, latestMeeting, due, today));
    cases.recordMilestone(reference, MilestoneType.REVIEW_BROUGHT_FORWARD, today, currentUser.id(),
        dates + ", for the phase transfer " + forTransfer
            + meetingTooLate.map(m -> "; the meeting on " + m + " is after the latest date " + latestMeeting
                + ", caseworker and managers told").orElse(""));
  }
}
