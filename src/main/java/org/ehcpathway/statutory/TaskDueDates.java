package org.ehcpathway.statutory;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Due dates and timer dates for the BPMN models ({@code camunda:dueDate="${deadlines.decisionToAssess(execution)}"}).
 * It reads the dates a rule starts from out of process variables and asks {@link StatutoryDeadlines}; it does
 * no arithmetic of its own. A task is due at the end of its statutory date in London.
 */
@Component("deadlines")
public class TaskDueDates {

  public static final String REQUEST_RECEIVED_DATE = "requestReceivedDate";
  public static final String ADVICE_REQUESTED_DATE = "adviceRequestedDate";
  public static final String DRAFT_SERVED_DATE = "draftServedDate";

  private final StatutoryDeadlines rules;
  private final EngineClock clock;

  public TaskDueDates(StatutoryDeadlines rules, EngineClock clock) {
    this.rules = rules;
    this.clock = clock;
  }

  public Date decisionToAssess(VariableScope scope) {
    return EngineClock.endOf(rules.decisionWhetherToAssess(date(scope, REQUEST_RECEIVED_DATE)));
  }

  public Date adviceDue(VariableScope scope) {
    return EngineClock.endOf(rules.adviceDue(date(scope, ADVICE_REQUESTED_DATE)));
  }

  public Date noPlanDecision(VariableScope scope) {
    return EngineClock.endOf(rules.decisionNotToIssue(date(scope, REQUEST_RECEIVED_DATE)));
  }

  public Date draftPlan(VariableScope scope) {
    return EngineClock.endOf(rules.draftPlanTarget(date(scope, REQUEST_RECEIVED_DATE)));
  }

  public Date representations(VariableScope scope) {
    return EngineClock.endOf(rules.lastDayForRepresentations(date(scope, DRAFT_SERVED_DATE)));
  }

  /** The representation window closes when its last day is over: the timer fires at the start of the next day. */
  public Date representationWindowClosesAt(VariableScope scope) {
    LocalDate lastDay = rules.lastDayForRepresentations(date(scope, DRAFT_SERVED_DATE));
    return EngineClock.startOf(rules.dayAfter(lastDay));
  }

  /** The consultation is sent when the consultation task starts, that is today on the engine clock. */
  public Date settingConsultation(VariableScope scope) {
    return EngineClock.endOf(rules.settingConsultationReply(clock.today()));
  }

  public Date finalPlan(VariableScope scope) {
    return EngineClock.endOf(rules.finalPlan(date(scope, REQUEST_RECEIVED_DATE)));
  }

  // Timers that chase advice and watch the statutory deadlines fire at the start of their day.

  public Date adviceReminderAt(VariableScope scope) {
    return EngineClock.startOf(rules.adviceReminder(adviceDueDate(scope)));
  }

  public Date adviceOverdueAt(VariableScope scope) {
    return EngineClock.startOf(adviceDueDate(scope));
  }

  public Date adviceSecondEscalationAt(VariableScope scope) {
    return EngineClock.startOf(rules.adviceSecondEscalation(adviceDueDate(scope)));
  }

  /** When the named statutory deadline of the case turns AMBER (decisionToAssess, noPlanDecision, finalPlan). */
  public Date amberAt(VariableScope scope, String deadline) {
    return EngineClock.startOf(rules.amberFrom(caseDeadline(scope, deadline)));
  }

  /** When the named statutory deadline of the case is breached. */
  public Date redAt(VariableScope scope, String deadline) {
    return EngineClock.startOf(rules.breachedFrom(caseDeadline(scope, deadline)));
  }

  private LocalDate adviceDueDate(VariableScope scope) {
    return rules.adviceDue(date(scope, ADVICE_REQUESTED_DATE));
  }

  private LocalDate caseDeadline(VariableScope scope, String deadline) {
    return CaseDeadlines.forRequestReceived(date(scope, REQUEST_RECEIVED_DATE), rules).byName(deadline);
  }

  private static LocalDate date(VariableScope scope, String variable) {
    Object value = scope.getVariable(variable);
    if (value == null) {
      throw new IllegalStateException("Process variable " + variable + " is missing");
    }
    return LocalDate.parse(value.toString());
  }
}
