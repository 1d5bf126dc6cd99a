package org.ehcpathway.advice;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.security.CurrentUser;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.ehcpathway.statutory.TaskDueDates;
import org.ehcpathway.workflow.TaskInput;
import org.springframework.stereotype.Component;

/** The advice requests of an assessment, as the models call them ({@code ${adviceRequests...}}). */
@Component("adviceRequests")
public class AdviceRequests {

  public static final String ADVICE_TYPE = "adviceType";
  /** {@code REVIEW} for advice for an annual review meeting; absent for the assessment's advice. */
  public static final String ADVICE_PURPOSE = "advicePurpose";
  public static final String ASSESSMENT = "ASSESSMENT";
  public static final String REVIEW = "REVIEW";

  private final CaseRecords records;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final CurrentUser currentUser;

  public AdviceRequests(CaseRecords records, StatutoryDeadlines rules, EngineClock clock, CurrentUser currentUser) {
    this.records = records;
    this.rules = rules;
    this.clock = clock;
    this.currentUser = currentUser;
  }

  /** The collection the "Request advice" call activity runs over, one advice request per type. */
  public List<String> typesToRequest(DelegateExecution execution) {
    return AdviceTypeList.parse(execution.getVariable(AdviceTypeList.VARIABLE)).stream().map(Enum::name).toList();
  }

  /** Assessment advice is due 6 weeks after the request (reg 8(1)); review advice 2 weeks before the meeting. */
  public void recordRequest(DelegateExecution execution) {
    AdviceType type = adviceType(execution);
    LocalDate requested = clock.today();
    boolean forReview = isForReview(execution);
    LocalDate due = forReview ? rules.reviewAdviceDue(LocalDate.parse(String.valueOf(
        execution.getVariable("meetingDate")))) : rules.adviceDue(requested);
    Integer reviewCycle = forReview ? Integer.valueOf(String.valueOf(execution.getVariable("reviewCycle"))) : null;
    execution.setVariable(TaskDueDates.ADVICE_REQUESTED_DATE, requested.toString());
    execution.setVariable("adviceDue", due.toString());
    execution.setVariable(ADVICE_PURPOSE, forReview ? REVIEW : ASSESSMENT);
    String reference = execution.getProcessBusinessKey();
    records.recordAdviceRequest(reference, type.name(), execution.getProcessInstanceId(), requested, due,
        forReview ? REVIEW : ASSESSMENT, reviewCycle);
    records.recordMilestone(reference, MilestoneType.ADVICE_REQUESTED, requested, currentUser.id(),
        type.name() + (forReview ? " for review " + reviewCycle + ", due " + due : ""));
  }

  public static boolean isForReview(VariableScope scope) {
    return REVIEW.equals(scope.getVariable(ADVICE_PURPOSE));
  }

  public String answeringGroup(DelegateExecution execution) {
    return adviceType(execution).answeringGroup();
  }

  public void recordAdvice(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    AdviceOutcome outcome = input.requiredChoice("adviceOutcome", AdviceOutcome.class);
    String summary = outcome == AdviceOutcome.ADVICE_GIVEN
        ? input.requiredText("summary", 4000) : input.optionalText("summary", 4000);
    LocalDate returned = clock.today();
    AdviceType type = adviceType(task);
    records.recordAdviceReturned(task.getProcessInstanceId(), returned, outcome.name(), summary, currentUser.id());
    records.recordMilestone(task.getExecution().getProcessBusinessKey(), MilestoneType.ADVICE_RETURNED, returned,
        currentUser.id(), type.name() + ": " + outcome.name());
  }

  /** A caseworker's decision about overdue advice: wait, or go on without it (recorded by proceedWithout). */
  public void decideOnLateAdvice(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    LateAdviceDecision decision = input.requiredChoice("lateAdviceDecision", LateAdviceDecision.class);
    String reason = input.requiredText("reason", 500);
    if (decision == LateAdviceDecision.WAIT) {
      records.recordMilestone(task.getExecution().getProcessBusinessKey(), MilestoneType.ADVICE_WAIT_DECIDED,
          clock.today(), currentUser.id(), adviceType(task).name() + ": " + reason);
    } else {
      task.setVariable(ProceedWithoutAdvice.OUTCOME, decision.name());
      task.setVariable(ProceedWithoutAdvice.REASON, reason);
    }
  }

  /** What a caseworker decides about overdue advice. */
  public enum LateAdviceDecision {
    WAIT, EXISTING_ADVICE_SUFFICIENT, NOT_RECEIVED
  }

  /** The caseworker went on without this advice ({@code ProceedWithoutAdvice} message): it stays unreturned. */
  public void proceedWithout(DelegateExecution execution) {
    AdviceType type = adviceType(execution);
    String outcome = String.valueOf(execution.getVariable(ProceedWithoutAdvice.OUTCOME));
    String reason = String.valueOf(execution.getVariable(ProceedWithoutAdvice.REASON));
    LocalDate today = clock.today();
    records.recordAdviceClosedWithoutReturn(execution.getProcessInstanceId(), today, outcome, reason);
    records.recordMilestone(execution.getProcessBusinessKey(), MilestoneType.ADVICE_PROCEEDED_WITHOUT, today,
        currentUser.id(), type.name() + ": " + outcome + " - " + reason);
  }

  private static AdviceType adviceType(VariableScope scope) {
    return AdviceType.valueOf(String.valueOf(scope.getVariable(ADVICE_TYPE)));
  }
}
