package org.ehcpathway.demo;

import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.CaseStatus;
import org.ehcpathway.intake.IntakeService;
import org.ehcpathway.intake.NewCaseRequest;
import org.ehcpathway.intake.NewCaseResponse;
import org.ehcpathway.intake.RequestSource;
import org.ehcpathway.statutory.EngineClock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Three fictional cases on a fresh demo database, so every role has something in Tasklist: one awaiting the
 * panel's decision to assess, one with advice requested from every agency, one awaiting the decision to issue.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "ehc.demo-data.sample-cases", havingValue = "true")
class DemoCases implements ApplicationRunner {

  private final IntakeService intake;
  private final CaseRecords records;
  private final TaskService taskService;
  private final EngineClock clock;

  DemoCases(IntakeService intake, CaseRecords records, TaskService taskService, EngineClock clock) {
    this.intake = intake;
    this.records = records;
    this.taskService = taskService;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!records.list(CaseStatus.OPEN, 1, 0).isEmpty()) {
      return;
    }
    LocalDate today = clock.today();
    start("Avery", "Sample", today.minusYears(7), RequestSource.PARENT, today.minusWeeks(2));

    NewCaseResponse atAdvice = start("Blake", "Example", today.minusYears(14), RequestSource.SCHOOL,
        today.minusWeeks(5));
    decideToAssess(atAdvice);

    NewCaseResponse atDecision = start("Charlie", "Specimen", today.minusYears(4), RequestSource.HEALTH,
        today.minusWeeks(9));
    decideToAssess(atDecision);
    for (Task advice : taskService.createTaskQuery().processInstanceBusinessKey(atDecision.caseReference())
        .taskDefinitionKey("provideAdvice").list()) {
      taskService.complete(advice.getId(), Variables.putValue("adviceOutcome", "ADVICE_GIVEN")
          .putValue("summary", "Demo advice: needs and recommended provision described here."));
    }
  }

  private NewCaseResponse start(String forename, String surname, LocalDate dateOfBirth, RequestSource source,
      LocalDate received) {
    return intake.receiveRequest(new NewCaseRequest(
        new NewCaseRequest.Child(forename, surname, dateOfBirth, "U", "AB1 2CD", null), received, source),
        "caseworker");
  }

  private void decideToAssess(NewCaseResponse created) {
    Task decision = taskService.createTaskQuery().processInstanceBusinessKey(created.caseReference())
        .taskDefinitionKey("decideWhetherToAssess").singleResult();
    taskService.complete(decision.getId(), Variables.putValue("decision", "ASSESS")
        .putValue("reason", "Evidence of needs that SEN support has not met."));
  }
}
