package org.ehcpathway.review;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ehcpathway.casefile.CaseNotFoundException;
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
 * A review meeting moves to another day, until the day it is held and before its report is sent. Everything that
 * was set from the first date follows the new one, in one transaction: the review's record and variables, the
 * report's due date, the advice still outstanding (its due date, its task, its reminder and chasing timers), the
 * moment the advice closes, the decision's due date, and the meeting's watch (the report's chase, the decision's
 * AMBER and RED). Those invited are told the new date; a meeting now after
 * the latest date that leaves 4 weeks for the decision by the review's due date is told to the caseworker who
 * logged the case and the managers at once.
 */
@Service
public class ReviewMeetingMove {

  static final String MEETING_OVER_TIMER = "reviewMeetingOver";

  private final PlanRecords plans;
  private final PlanReviews reviews;
  private final CaseRecords cases;
  private final StatutoryDeadlines rules;
  private final TaskDueDates deadlines;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final EngineClock clock;
  private final CurrentUser currentUser;
  private final ReviewInvitations invitations;
  private final ReviewMeetingWarning warning;

  ReviewMeetingMove(PlanRecords plans, PlanReviews reviews, CaseRecords cases, StatutoryDeadlines rules,
      TaskDueDates deadlines, RuntimeService runtime, TaskService tasks, ManagementService management,
      EngineClock clock, CurrentUser currentUser, ReviewInvitations invitations, ReviewMeetingWarning warning) {
    this.plans = plans;
    this.reviews = reviews;
    this.cases = cases;
    this.rules = rules;
    this.deadlines = deadlines;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.clock = clock;
    this.currentUser = currentUser;
    this.invitations = invitations;
    this.warning = warning;
  }

  /** Returns false, changing nothing, when the meeting is on that date already (a repeated request). */
  @Transactional
  public boolean move(String reference, LocalDate meeting, String reason) {
    cases.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    List<PlanRecords.Review> cycles = plans.reviews(reference);
    PlanRecords.Review cycle = cycles.isEmpty() ? null : cycles.get(cycles.size() - 1);
    if (cycle != null && meeting.equals(cycle.meetingDate())) {
      return false;
    }
    invitations.requireNotice(meeting);
    ProcessInstance review = CaseProcesses.of(runtime, reference, PlanReviews.PROCESS_KEY).stream().findFirst()
        .orElseThrow(() -> PlanConflictException.meetingNotMovable(reference + " has no plan under review"));
    Task report = tasks.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey("submitReviewReport")
        .singleResult();
    requireMovable(reference, cycle, report);
    LocalDate was = cycle.meetingDate();

    plans.moveMeeting(reference, was, meeting);
    runtime.setVariables(review.getId(), reviews.meetingVariables(reference, meeting));
    report.setDueDate(deadlines.reviewReportAfter(meeting));
    tasks.saveTask(report);
    recalculateTimers(management.createJobQuery().processInstanceId(review.getId()).activityId(MEETING_OVER_TIMER)
        .list());
    Object watch = runtime.getVariable(review.getId(), ReviewMeetingWatch.WATCH_ID);
    if (watch != null) {
      recalculateTimers(management.createJobQuery().processInstanceId(watch.toString()).timers().list());
    }
    LocalDate adviceDue = rules.reviewAdviceDue(meeting);
    runtime.createProcessInstanceQuery().superProcessInstanceId(review.getId()).list().stream()
        .filter(advice -> cases.moveOutstandingAdviceDue(advice.getId(), adviceDue))
        .forEach(advice -> moveAdvice(advice.getId(), meeting, adviceDue));

    int move = (int) cases.milestones(reference).stream()
        .filter(m -> m.type() == MilestoneType.REVIEW_MEETING_MOVED).count() + 1;
    String occasion = "cycle " + cycle.cycle() + " move " + move;
    invitations.meetingMoved(reference, was, meeting, occasion);
    LocalDate today = clock.today();
    LocalDate latest = rules.latestReviewMeeting(cycle.dueDate());
    boolean tooLate = meeting.isAfter(latest);
    if (tooLate) {
      warning.send(reference, occasion, "The review meeting has been moved from " + LetterDates.format(was) + " to "
          + LetterDates.format(meeting) + ".", meeting, latest, cycle.dueDate(), today);
    }
    cases.recordMilestone(reference, MilestoneType.REVIEW_MEETING_MOVED, today, currentUser.id(),
        "Review " + cycle.cycle() + ": meeting moved from " + was + " to " + meeting + "; invitations sent again"
            + (tooLate ? "; after the latest date " + latest + ", caseworker and managers told" : "")
            + " - " + reason);
    return true;
  }

  private void requireMovable(String reference, PlanRecords.Review cycle, Task report) {
    if (cycle == null || cycle.meetingDate() == null) {
      throw PlanConflictException.meetingNotMovable(reference + " has no review meeting scheduled: schedule it"
          + " with the task \"Schedule the review meeting\"");
    }
    if (cycle.reportDate() != null || report == null) {
      throw PlanConflictException.meetingNotMovable("the report of review " + cycle.cycle() + " of " + reference
          + " has been sent" + (cycle.reportDate() == null ? "" : " (" + cycle.reportDate() + ")")
          + ": a meeting cannot move after its report");
    }
    if (cycle.meetingDate().isBefore(clock.today())) {
      throw PlanConflictException.meetingNotMovable("the meeting of review " + cycle.cycle() + " of " + reference
          + " was on " + cycle.meetingDate() + ": a meeting can be moved until the day it is held");
    }
  }

  /** The advice request's own copy of the meeting date, its due date, its tasks and its timers. */
  private void moveAdvice(String adviceInstance, LocalDate meeting, LocalDate adviceDue) {
    runtime.setVariable(adviceInstance, "meetingDate", meeting.toString());
    runtime.setVariable(adviceInstance, "adviceDue", adviceDue.toString());
    for (Task task : tasks.createTaskQuery().processInstanceId(adviceInstance).list()) {
      switch (task.getTaskDefinitionKey()) {
        case "provideAdvice" -> task.setDueDate(deadlines.adviceDueOn(adviceDue));
        case "decideOnLateAdvice" -> task.setDueDate(deadlines.lateAdviceDecisionFor(adviceDue));
        default -> {
          continue;
        }
      }
      tasks.saveTask(task);
    }
    recalculateTimers(management.createJobQuery().processInstanceId(adviceInstance).timers().list());
  }

  /** Each timer's date expression reads the dates just written, so the engine works out the new moment itself. */
  private void recalculateTimers(List<Job> timers) {
    timers.forEach(timer -> management.recalculateJobDuedate(timer.getId(), false));
  }
}
