package org.ehcpathway.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.CaseStatus;
import org.ehcpathway.intake.IntakeService;
import org.ehcpathway.intake.NewCaseRequest;
import org.ehcpathway.intake.RequestSource;
import org.ehcpathway.review.PlanImport;
import org.ehcpathway.security.Groups;
import org.ehcpathway.statutory.EngineClock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Three fictional cases on a fresh demo database, so every role has something in Tasklist: one awaiting the
 * panel's decision to assess, one with advice requested from every agency, one awaiting the decision to issue;
 * and two existing plans under annual review (one with a phase transfer next year).
 * Each step is taken on its own date, by the demo user whose job it is, so the case histories read true.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "ehc.demo-data.sample-cases", havingValue = "true")
class DemoCases implements ApplicationRunner {

  private static final Map<String, String> ADVISERS = Map.of(
      "school", Groups.EDUCATION_ADVISERS, "health", Groups.HEALTH_ADVISERS,
      "ep", Groups.EDUCATIONAL_PSYCHOLOGISTS, "socialcare", Groups.SOCIAL_CARE_ADVISERS);

  private final IntakeService intake;
  private final CaseRecords records;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final EngineClock clock;
  private final PlanImport planImport;
  private final ManagementService managementService;

  DemoCases(IntakeService intake, CaseRecords records, TaskService taskService, IdentityService identityService,
      EngineClock clock, PlanImport planImport, ManagementService managementService) {
    this.planImport = planImport;
    this.managementService = managementService;
    this.intake = intake;
    this.records = records;
    this.taskService = taskService;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!records.list(CaseStatus.OPEN, 1, 0).isEmpty()) {
      return;
    }
    LocalDate today = clock.today();
    try {
      start("Avery", "Sample", today.minusYears(7), RequestSource.PARENT, today.minusWeeks(2));

      LocalDate received = today.minusWeeks(5);
      String atAdvice = start("Blake", "Example", today.minusYears(14), RequestSource.SCHOOL, received);
      decideToAssess(atAdvice, received.plusWeeks(3));

      received = today.minusWeeks(9);
      String atDecision = start("Charlie", "Specimen", today.minusYears(4), RequestSource.HEALTH, received);
      decideToAssess(atDecision, received.plusWeeks(2));
      giveAdvice(atDecision, received.plusWeeks(7));

      on(today);
      planImport.load(PlanImport.HEADER + "\n"
          + "DEMO-PLAN-1,Dana,Demo,2014-06-01,F,AB1 2CD," + today.minusMonths(11) + ",,,Oak Tree Academy\n"
          + "DEMO-PLAN-2,Eli,Demo,2016-02-01,M,AB1 2CD," + today.minusMonths(20) + "," + today.minusMonths(8)
          + ",SCHOOL:" + (today.getYear() + 1) + ",Riverside Primary\n", "manager");
    } finally {
      clock.reset();
    }
  }

  private String start(String forename, String surname, LocalDate dateOfBirth, RequestSource source,
      LocalDate received) {
    on(received);
    return intake.receiveRequest(new NewCaseRequest(
        new NewCaseRequest.Child(forename, surname, dateOfBirth, "U", "AB1 2CD", null), received, source, "family@family.example"),
        "caseworker").caseReference();
  }

  private void decideToAssess(String reference, LocalDate date) {
    on(date);
    completeAs("panel", Groups.PANEL, reference, "decideWhetherToAssess",
        Map.of("decision", "ASSESS", "reason", "Evidence of needs that SEN support has not met."));
  }

  private void giveAdvice(String reference, LocalDate date) {
    on(date);
    ADVISERS.forEach((user, group) -> completeAs(user, group, reference, "provideAdvice",
        Map.of("adviceOutcome", "ADVICE_GIVEN", "summary", "Demo advice: needs and recommended provision described here.")));
    moveOn(reference);
  }

  /**
   * The case moves on after its last advice in a job of its own (the advice call activity is asynchronous after).
   * The job executor starts only once the application is ready, with today's clock: run the case's jobs now, on
   * the demo date, so the case is waiting for the decision to issue from the start.
   */
  private void moveOn(String reference) {
    String pathway = records.find(reference).orElseThrow().processInstanceId();
    for (Job job : managementService.createJobQuery().processInstanceId(pathway).messages().list()) {
      managementService.executeJob(job.getId());
    }
  }

  private void completeAs(String user, String group, String reference, String taskKey, Map<String, Object> values) {
    identityService.setAuthentication(user, List.of(group));
    try {
      Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
          .taskCandidateGroup(group).singleResult();
      taskService.complete(task.getId(), values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void on(LocalDate date) {
    clock.set(date.atTime(LocalTime.of(10, 0)).atZone(EngineClock.LONDON).toInstant());
  }
}
