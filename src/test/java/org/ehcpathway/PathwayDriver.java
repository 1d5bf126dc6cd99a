package org.ehcpathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ehcpathway.intake.IntakeService;
import org.ehcpathway.intake.NewCaseRequest;
import org.ehcpathway.intake.NewCaseResponse;
import org.ehcpathway.intake.RequestSource;
import org.ehcpathway.simulation.SimulatedClock;
import org.ehcpathway.statutory.EngineClock;
import org.springframework.stereotype.Component;

/** Moves cases through the pathway the way users would, for tests. */
@Component
public class PathwayDriver {

  private final IntakeService intake;
  private final TaskService taskService;
  private final SimulatedClock simulatedClock;
  private final org.camunda.bpm.engine.RuntimeService runtimeService;

  PathwayDriver(IntakeService intake, TaskService taskService, SimulatedClock simulatedClock,
      org.camunda.bpm.engine.RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
    this.intake = intake;
    this.taskService = taskService;
    this.simulatedClock = simulatedClock;
  }

  /** Sets the engine clock to 10:00 London time on the date and runs every job then due. */
  public int today(String date) {
    Instant tenAm = LocalDate.parse(date).atTime(LocalTime.of(10, 0)).atZone(EngineClock.LONDON).toInstant();
    return simulatedClock.moveTo(tenAm);
  }

  /**
   * Runs the jobs due now without moving the clock, as the job executor would a moment later: after the last
   * advice request of a case or review ends, the case moves on in such a job (the advice call activities are
   * asynchronous after).
   */
  public int runDueJobs() {
    return simulatedClock.runDueJobs();
  }

  public NewCaseResponse receiveRequest(String received, String dateOfBirth) {
    return intake.receiveRequest(new NewCaseRequest(
        new NewCaseRequest.Child("Test", "Child", LocalDate.parse(dateOfBirth), "F", "AB1 2CD", null),
        LocalDate.parse(received), RequestSource.PARENT, "family@example.org"), "caseworker");
  }

  public Task task(String caseReference, String taskKey) {
    List<Task> tasks = tasks(caseReference, taskKey);
    assertThat(tasks).as("open %s tasks", taskKey).hasSize(1);
    return tasks.get(0);
  }

  public List<Task> tasks(String caseReference, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseReference).taskDefinitionKey(taskKey)
        .list();
  }

  public void complete(String caseReference, String taskKey, Map<String, Object> variables) {
    taskService.complete(task(caseReference, taskKey).getId(), variables);
  }

  /** Gives every open advice of the case, then runs the job that moves the case on (see {@link #runDueJobs}). */
  public void giveAllAdvice(String caseReference) {
    for (Task advice : tasks(caseReference, "provideAdvice")) {
      taskService.complete(advice.getId(), Map.of("adviceOutcome", "ADVICE_GIVEN", "summary", "Advice."));
    }
    runDueJobs();
  }

  public String caseReferenceOf(String processInstanceId) {
    var process = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return process == null ? null : process.getBusinessKey();
  }

  /** Issue 4's example plan (issued 25 May 2026), its review deciding on Mon 15 Feb 2027 to cease it (reason 2). */
  public String planDecidedToCeaseOn15February2027() {
    String ref = planIssuedOn("2026-05-25", "2016-05-01");
    today("2027-02-15");
    complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2027-03-10"));
    giveAllAdvice(ref);
    complete(ref, "submitReviewReport", Map.of("recommendation", "CEASE", "summary", "Needs met."));
    complete(ref, "decideReviewOutcome", Map.of("reviewOutcome", "CEASE", "ceaseReason", "2",
        "reason", "Needs are now met through SEN support."));
    return ref;
  }

  /** A case received 5 Jan 2026, assessed with educational advice only, whose final plan is issued on the date. */
  public String planIssuedOn(String issueDate, String dateOfBirth) {
    return planIssuedOn("2026-01-05", "2026-03-02", issueDate, dateOfBirth);
  }

  /**
   * A case received on {@code received}, assessed with educational advice only, its draft served on
   * {@code drafted} and its final plan issued on {@code issueDate} (at least 15 days after the draft).
   */
  public String planIssuedOn(String received, String drafted, String issueDate, String dateOfBirth) {
    today(received);
    String ref = receiveRequest(received, dateOfBirth).caseReference();
    complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", "EDUCATIONAL",
        "reason", "Evidence."));
    giveAllAdvice(ref);
    complete(ref, "decideWhetherToIssue", Map.of("decision", "ISSUE", "reason", "Needs provision."));
    today(drafted);
    complete(ref, "draftPlan", Map.of());
    complete(ref, "recordRepresentations", Map.of("preferredSetting", "Oak Tree School"));
    complete(ref, "consultSetting", Map.of("settingResponse", "ACCEPTS"));
    complete(ref, "agreeProvision", Map.of("namedSetting", "Oak Tree School", "fundingBand", "BAND_2"));
    today(issueDate);
    complete(ref, "issueFinalPlan", Map.of());
    return ref;
  }
}
