package org.ehcpathway.casefile;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ehcpathway.security.CurrentUser;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.workflow.CaseProcesses;
import org.springframework.stereotype.Component;

/**
 * Keeps the case record's stage and status in step with the pathway: {@code ${caseStatus.taskCreated(task)}} and
 * {@code ${caseStatus.enterStage(execution)}} as each step starts, {@code ${caseStatus.close(execution, 'NO_PLAN')}}
 * when it ends.
 */
@Component("caseStatus")
public class CaseStatusRecorder {

  private final CaseRecords records;
  private final EngineClock clock;
  private final CurrentUser currentUser;

  public CaseStatusRecorder(CaseRecords records, EngineClock clock, CurrentUser currentUser) {
    this.records = records;
    this.clock = clock;
    this.currentUser = currentUser;
  }

  public void enterStage(DelegateExecution execution) {
    records.enterStage(execution.getProcessBusinessKey(), execution.getCurrentActivityId());
  }

  /** A new task of the pathway: the case is now at that step, and the task carries its labels. */
  public void taskCreated(DelegateTask task) {
    records.enterStage(task.getExecution().getProcessBusinessKey(), task.getTaskDefinitionKey());
    labelTask(task);
  }

  /**
   * Copies the case reference (and the advice type) onto the task itself, so Tasklist's filter columns can show
   * them to users who may read the task but not the whole process instance.
   */
  public void labelTask(DelegateTask task) {
    task.setVariableLocal("caseReference", task.getExecution().getProcessBusinessKey());
    Object adviceType = task.getVariable("adviceType");
    if (adviceType != null) {
      task.setVariableLocal("adviceType", adviceType);
    }
  }

  /** Ends the case; its deadline watch ends with it, so no warning follows a closed case. */
  public void close(DelegateExecution execution, String status) {
    CaseStatus closing = CaseStatus.valueOf(status);
    String reference = execution.getProcessBusinessKey();
    if (closing == CaseStatus.WITHDRAWN) {
      String stageReached = records.find(reference).map(CaseRow::stage).orElse("unknown");
      records.recordMilestone(reference, MilestoneType.REQUEST_WITHDRAWN, clock.today(), currentUser.id(),
          "At stage " + stageReached + ": " + execution.getVariable("withdrawalReason"));
    }
    records.close(reference, closing, clock.today());
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    CaseProcesses.of(runtime, reference, DeadlineWatch.PROCESS_KEY)
        .forEach(watch -> runtime.deleteProcessInstance(watch.getId(), "Case " + closing));
  }
}
