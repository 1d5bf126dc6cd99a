package org.ehcpathway.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.notification.CaseNotifications;
import org.ehcpathway.notification.CouncilProperties;
import org.ehcpathway.notification.Recipients;
import org.ehcpathway.security.CurrentUser;
import org.ehcpathway.security.Groups;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.LetterDates;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.springframework.stereotype.Component;

/**
 * The review meeting's watch ({@code ehc-review-meeting-watch}, {@code ${reviewMeetingWatch...}}), started when the
 * meeting is set and ended when the review is decided: the school's report is chased the day after it was due
 * (2 weeks after the meeting, reg 20(8)), and the council's decision (4 weeks after the meeting, reg 20(10), a
 * national indicator) turns AMBER a week before and RED the day after. Each step checks first, so a report or
 * decision recorded meanwhile tells nobody.
 */
@Component("reviewMeetingWatch")
public class ReviewMeetingWatch {

  static final String PROCESS_KEY = "ehc-review-meeting-watch";
  /** The review's variable holding the running watch's id, so that ending it needs no search. */
  static final String WATCH_ID = "meetingWatchId";

  private final PlanRecords plans;
  private final CaseRecords cases;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final CurrentUser currentUser;
  private final CaseNotifications notifications;
  private final Recipients recipients;
  private final CouncilProperties council;

  ReviewMeetingWatch(PlanRecords plans, CaseRecords cases, StatutoryDeadlines rules, EngineClock clock,
      CurrentUser currentUser, CaseNotifications notifications, Recipients recipients, CouncilProperties council) {
    this.plans = plans;
    this.cases = cases;
    this.rules = rules;
    this.clock = clock;
    this.currentUser = currentUser;
    this.notifications = notifications;
    this.recipients = recipients;
    this.council = council;
  }

  /** Returns the new watch's id. */
  static String start(RuntimeService runtime, String reference, int cycle) {
    return runtime.startProcessInstanceByKey(PROCESS_KEY, reference,
        Variables.putValue("caseReference", reference).putValue("reviewCycle", cycle)).getId();
  }

  /** Ends the watch with that id, if it still runs (it ends by itself after the RED check). */
  static void end(RuntimeService runtime, Object watchId, String why) {
    if (watchId != null) {
      runtime.createProcessInstanceQuery().processInstanceId(watchId.toString()).list()
          .forEach(watch -> runtime.deleteProcessInstance(watch.getId(), why));
    }
  }

  /** {@code ${reviewMeetingWatch.chaseReport(execution)}}: the day after the report was due. */
  public void chaseReport(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    Object cycle = execution.getVariable("reviewCycle");
    Optional<PlanRecords.Review> review = openReview(reference, cycle);
    if (review.isEmpty() || review.get().reportDate() != null) {
      return;
    }
    LocalDate meeting = review.get().meetingDate();
    LocalDate due = rules.reviewReport(meeting);
    List<Recipients.Recipient> told = new ArrayList<>(recipients.group(Groups.EDUCATION_ADVISERS));
    recipients.user(caseworker(reference))
        .filter(user -> told.stream().noneMatch(member -> member.email().equals(user.email()))).ifPresent(told::add);
    Map<String, Object> variables = variables(reference, meeting, due);
    variables.put("decisionDue", LetterDates.format(rules.reviewDecision(meeting)));
    variables.put("taskLink", notifications.taskLink(reportTask(execution)));
    notifications.email(reference, "REVIEW_REPORT_OVERDUE", occasion(cycle, meeting), told,
        reference + ": annual review report overdue - due " + LetterDates.format(due), "review-report-overdue",
        variables);
    record(reference, MilestoneType.REVIEW_REPORT_OVERDUE, "Review " + cycle + ": report due " + due + "; told "
        + Recipients.describe(told, "the school or the caseworker"));
  }

  /** {@code ${reviewMeetingWatch.checkDecision(execution, 'AMBER')}}, and {@code 'RED'} the day after the 4 weeks. */
  public void checkDecision(DelegateExecution execution, String level) {
    String reference = execution.getProcessBusinessKey();
    Object cycle = execution.getVariable("reviewCycle");
    Optional<PlanRecords.Review> review = openReview(reference, cycle);
    if (review.isEmpty()) {
      return;
    }
    LocalDate meeting = review.get().meetingDate();
    LocalDate due = rules.reviewDecision(meeting);
    LocalDate today = clock.today();
    boolean red = "RED".equals(level);
    if (!red && !today.isBefore(rules.breachedFrom(due))) {
      return;   // already late: the RED check says so
    }
    List<Recipients.Recipient> told = recipients.caseworkerAndManagers(caseworker(reference));
    String when = red ? "the deadline has passed" : LetterDates.inDays(rules.daysUntil(today, due));
    Map<String, Object> variables = variables(reference, meeting, due);
    variables.put("level", level);
    variables.put("when", when);
    variables.put("reportMissing", review.get().reportDate() == null);
    variables.put("caseLink", notifications.caseLink(reference));
    notifications.email(reference, "REVIEW_DECISION_" + level, occasion(cycle, meeting), told,
        reference + ": review decision " + (red ? "overdue" : "due " + when) + " - due " + LetterDates.format(due),
        "review-decision-deadline", variables);
    record(reference, red ? MilestoneType.REVIEW_DECISION_RED : MilestoneType.REVIEW_DECISION_AMBER,
        "Review " + cycle + ": decision due " + due + " (meeting " + meeting + "); told "
            + Recipients.describe(told, "caseworker or managers"));
  }

  /**
   * The watched cycle, read once, while it is still the plan's newest, undecided and has its meeting (a watch left
   * running by mistake stays silent).
   */
  private Optional<PlanRecords.Review> openReview(String reference, Object cycle) {
    List<PlanRecords.Review> reviews = plans.reviews(reference);
    return reviews.isEmpty() ? Optional.empty() : Optional.of(reviews.get(reviews.size() - 1))
        .filter(review -> String.valueOf(review.cycle()).equals(String.valueOf(cycle)))
        .filter(review -> review.decisionDate() == null && review.meetingDate() != null);
  }

  private String caseworker(String reference) {
    return cases.find(reference).map(row -> row.createdBy()).orElse(null);
  }

  private static String reportTask(DelegateExecution execution) {
    return execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceBusinessKey(execution.getProcessBusinessKey()).taskDefinitionKey("submitReviewReport")
        .list().stream().map(Task::getId).findFirst().orElse(null);
  }

  private static String occasion(Object cycle, LocalDate meeting) {
    return "cycle " + cycle + " meeting " + meeting;
  }

  private Map<String, Object> variables(String reference, LocalDate meeting, LocalDate due) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", reference);
    variables.put("meetingDate", LetterDates.format(meeting));
    variables.put("dueDate", LetterDates.format(due));
    variables.put("council", council);
    return variables;
  }

  private void record(String reference, MilestoneType type, String detail) {
    cases.recordMilestone(reference, type, clock.today(), currentUser.id(), detail);
  }
}
