package org.ehcpathway.review;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.ehcpathway.casefile.CaseNotFoundException;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.CaseStatus;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.notification.CaseNotifications;
import org.ehcpathway.notification.CouncilProperties;
import org.ehcpathway.notification.MailTemplates;
import org.ehcpathway.notification.Recipients;
import org.ehcpathway.security.CurrentUser;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.LetterDates;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.ehcpathway.workflow.CaseProcesses;
import org.ehcpathway.workflow.InvalidInputException;
import org.ehcpathway.workflow.TaskInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan moves out with its child to another council (reg 15(2)), process {@code ehc-plan-transfer-out}: the plan is
 * sent by the transfer day ({@link StatutoryDeadlines#planTransferDay}); then it ceases here with SEN2 cease reason
 * 5, its reviews and their watches end, and the family is told. A transfer not sent by its day is told to the
 * caseworker and managers. The steps are {@code ${transferOut...}}.
 */
@Service("transferOut")
public class TransferOut {

  static final String PROCESS_KEY = "ehc-plan-transfer-out";
  private static final List<String> PLAN_PROCESSES = List.of(PlanReviews.PROCESS_KEY, PlanReviews.WATCH_KEY,
      ReviewMeetingWatch.PROCESS_KEY, PlanCeasing.PROCESS_KEY, CeaseConsultation.PROCESS_KEY);

  private final CaseRecords cases;
  private final PlanRecords plans;
  private final RuntimeService runtime;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final CurrentUser currentUser;
  private final CaseNotifications notifications;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final CouncilProperties council;
  private final String ownLaCode;

  TransferOut(CaseRecords cases, PlanRecords plans, RuntimeService runtime, StatutoryDeadlines rules,
      EngineClock clock, CurrentUser currentUser, CaseNotifications notifications, Recipients recipients,
      MailTemplates templates, CouncilProperties council, @Value("${ehc.sen2.la-code}") String ownLaCode) {
    this.cases = cases;
    this.plans = plans;
    this.runtime = runtime;
    this.rules = rules;
    this.clock = clock;
    this.currentUser = currentUser;
    this.notifications = notifications;
    this.recipients = recipients;
    this.templates = templates;
    this.council = council;
    this.ownLaCode = ownLaCode;
  }

  /** {@code learnedOfMove}: the day the council learned of the move; null for today. */
  @Transactional
  public void start(String reference, String newLaCode, LocalDate move, LocalDate learnedOfMove) {
    cases.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    LocalDate today = clock.today();
    LocalDate learned = learnedOfMove == null ? today : learnedOfMove;
    if (learned.isAfter(today) || learned.isBefore(today.minusYears(1))) {
      throw new InvalidInputException("learnedOfMoveOn", "must be within the last year, not in the future (today is "
          + today + ")");
    }
    if (newLaCode.equals(ownLaCode)) {
      throw new InvalidInputException("newLaCode", "is this council's own LA code; give the new council's");
    }
    if (move.isBefore(today.minusYears(1)) || move.isAfter(today.plusYears(1))) {
      throw new InvalidInputException("moveDate", "must be within a year of today (" + today + ")");
    }
    PlanRecords.PlanStatus plan = plans.planStatus(reference).filter(p -> "ACTIVE".equals(p.status()))
        .orElseThrow(() -> new PlanConflictException("Plan cannot move", reference + " has no plan in force"));
    if (plan.movingTo() != null) {
      throw new PlanConflictException("Plan cannot move", reference + " is already moving to LA " + plan.movingTo());
    }
    LocalDate due = rules.planTransferDay(learned, move);
    if (!plans.recordMovingOut(reference, newLaCode, move, due)) {
      throw new PlanConflictException("Plan cannot move", reference + " is already moving to another council");
    }
    runtime.startProcessInstanceByKey(PROCESS_KEY, reference, Variables.putValue("caseReference", reference)
        .putValue("newLaCode", newLaCode).putValue("moveDate", move.toString())
        .putValue("transferDue", due.toString()));
    record(reference, MilestoneType.PLAN_MOVING_OUT, "To LA " + newLaCode + ", moving " + move + " (known since "
        + learned + "); the plan transfers by " + due);
  }

  /** The family is not moving after all: the transfer stops, and the plan stays here as it was. */
  @Transactional
  public void cancel(String reference, String reason) {
    cases.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    String movingTo = plans.planStatus(reference).filter(p -> "ACTIVE".equals(p.status()))
        .map(PlanRecords.PlanStatus::movingTo).filter(code -> code != null)
        .orElseThrow(() -> new PlanConflictException("No move to cancel", reference + " is not moving to another"
            + " council"));
    CaseProcesses.of(runtime, reference, PROCESS_KEY)
        .forEach(process -> runtime.deleteProcessInstance(process.getId(), "Move cancelled"));
    plans.clearMovingOut(reference);
    record(reference, MilestoneType.PLAN_MOVE_CANCELLED, "Not moving to LA " + movingTo + " - " + reason);
  }

  public void planSent(DelegateTask task) {
    if (!TaskInput.of(task).flag("planSent")) {
      throw new InvalidInputException("planSent", "must be ticked once the plan has been sent to the new council");
    }
  }

  /** The plan has been sent: it ceases here, its reviews and watches end, and the family is told. */
  public void closePlan(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    String newLaCode = String.valueOf(execution.getVariable("newLaCode"));
    LocalDate today = clock.today();
    if (plans.planStatus(reference).filter(plan -> "ACTIVE".equals(plan.status())).isEmpty()) {
      return;   // the plan ceased meanwhile (PlanCeasing ends this process then; a race can still reach here)
    }
    LocalDate due = plans.transferOutDue(reference).orElseThrow();
    PLAN_PROCESSES.forEach(key -> CaseProcesses.of(runtime, reference, key)
        .forEach(process -> runtime.deleteProcessInstance(process.getId(), "Plan transferred to LA " + newLaCode)));
    plans.cease(reference, today, CeaseReason.TRANSFERRED_TO_ANOTHER_LA.code());
    plans.clearPendingCease(reference);   // a decision to cease still waiting for its appeal period lapses
    cases.close(reference, CaseStatus.CEASED, today);
    cases.closeOutstandingAdvice(reference, today, "PLAN_TRANSFERRED", "The plan moved to another council");
    Map<String, Object> variables = variables(reference, newLaCode, due);
    notifications.toFamily(reference, "PLAN_TRANSFERRED_OUT", "to LA " + newLaCode,
        cases.find(reference).map(row -> row.familyEmail()).orElse(null),
        reference + ": the EHC plan has been sent to the new council", templates.render("plan-transferred-out",
            variables));
    record(reference, MilestoneType.PLAN_TRANSFERRED_OUT, "To LA " + newLaCode + "; due " + due
        + (today.isAfter(due) ? ", sent " + rules.daysUntil(due, today) + " day(s) late" : "")
        + "; SEN2 cease reason " + CeaseReason.TRANSFERRED_TO_ANOTHER_LA.code() + "; family told");
  }

  /** The transfer day has passed and the plan has not been sent: the caseworker and managers are told. */
  public void warnLate(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    String newLaCode = String.valueOf(execution.getVariable("newLaCode"));
    LocalDate due = plans.transferOutDue(reference).orElseThrow();
    List<Recipients.Recipient> told = recipients.caseworkerAndManagers(
        cases.find(reference).map(row -> row.createdBy()).orElse(null));
    Map<String, Object> variables = variables(reference, newLaCode, due);
    variables.put("caseLink", notifications.caseLink(reference));
    notifications.email(reference, "PLAN_TRANSFER_LATE", "to LA " + newLaCode, told, reference
        + ": plan transfer to another council overdue - due " + LetterDates.format(due), "plan-transfer-late",
        variables);
    record(reference, MilestoneType.PLAN_TRANSFER_LATE, "To LA " + newLaCode + ", due " + due + "; told "
        + Recipients.describe(told, "caseworker or managers"));
  }

  private Map<String, Object> variables(String reference, String newLaCode, LocalDate due) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", reference);
    variables.put("newLaCode", newLaCode);
    variables.put("dueDate", LetterDates.format(due));
    variables.put("council", council);
    return variables;
  }

  private void record(String reference, MilestoneType type, String detail) {
    cases.recordMilestone(reference, type, clock.today(), currentUser.id(), detail);
  }
}
