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
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.notification.CaseNotifications;
import org.ehcpathway.notification.CouncilProperties;
import org.ehcpathway.notification.MailTemplates;
import org.ehcpathway.notification.Recipients;
import org.ehcpathway.security.CurrentUser;
import org.ehcpathway.security.Groups;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.LetterDates;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.ehcpathway.workflow.CaseProcesses;
import org.ehcpathway.workflow.InvalidInputException;
import org.ehcpathway.workflow.TaskInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ceasing a plan between reviews (CFA s45, reg 31), process {@code ehc-cease-consultation}: the council tells the
 * family it is considering ceasing the plan and consults them and the named setting; after the day given for their
 * views it decides. A decision to cease then goes the way of a review's ({@link PlanCeasing}: the family may
 * appeal, and the plan stays in force until they no longer can); a decision to keep the plan is told to the family.
 * The steps are {@code ${ceaseConsultation...}}.
 */
@Service("ceaseConsultation")
public class CeaseConsultation {

  static final String PROCESS_KEY = "ehc-cease-consultation";
  /** Reg 31 sets no period for views; more than this would leave a plan in doubt for too long. */
  private static final int LONGEST_CONSULTATION_MONTHS = 3;
  /** A summary of the views for the case record (a milestone holds 500 characters). */
  private static final int VIEWS_LENGTH = 400;

  private final CaseRecords cases;
  private final PlanRecords plans;
  private final PlanCeasing ceasing;
  private final RuntimeService runtime;
  private final EngineClock clock;
  private final CurrentUser currentUser;
  private final CaseNotifications notifications;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final CouncilProperties council;
  private final StatutoryDeadlines rules;

  CeaseConsultation(CaseRecords cases, PlanRecords plans, PlanCeasing ceasing, RuntimeService runtime,
      EngineClock clock, CurrentUser currentUser, CaseNotifications notifications, Recipients recipients,
      MailTemplates templates, CouncilProperties council, StatutoryDeadlines rules) {
    this.rules = rules;
    this.cases = cases;
    this.plans = plans;
    this.ceasing = ceasing;
    this.runtime = runtime;
    this.clock = clock;
    this.currentUser = currentUser;
    this.notifications = notifications;
    this.recipients = recipients;
    this.templates = templates;
    this.council = council;
  }

  /** The council is considering ceasing the plan: the family and the setting are asked for their views. */
  @Transactional
  public void start(String reference, String ceaseReasonCode, String reason, LocalDate viewsBy) {
    cases.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    CeaseReason ceaseReason = CeaseReason.forDecision("ceaseReason", ceaseReasonCode);
    LocalDate today = clock.today();
    LocalDate earliest = rules.earliestCeaseViewsBy(today);
    if (viewsBy.isBefore(earliest) || viewsBy.isAfter(today.plusMonths(LONGEST_CONSULTATION_MONTHS))) {
      throw new InvalidInputException("viewsBy", "must be from " + earliest + " (15 days beginning with today, for"
          + " the family and the setting to reply) to " + today.plusMonths(LONGEST_CONSULTATION_MONTHS));
    }
    PlanRecords.PlanStatus plan = plans.lockPlan(reference).filter(p -> "ACTIVE".equals(p.status()))
        .orElseThrow(() -> new PlanConflictException("Plan cannot cease", reference + " has no plan in force"));
    if (plan.movingTo() != null) {
      throw new PlanConflictException("Plan cannot cease", reference + " is moving to LA " + plan.movingTo()
          + "; it ceases here when it has been sent there");
    }
    plans.pendingCease(reference).ifPresent(pending -> {
      throw new PlanConflictException("Plan cannot cease", reference + ": a decision to cease made on "
          + pending.decided() + " is already waiting to take effect");
    });
    if (!CaseProcesses.of(runtime, reference, PROCESS_KEY).isEmpty()) {
      throw new PlanConflictException("Plan cannot cease", reference + ": ceasing the plan is already being"
          + " considered; decide that first");
    }
    runtime.startProcessInstanceByKey(PROCESS_KEY, reference, Variables.putValue("caseReference", reference)
        .putValue("ceaseReason", ceaseReason.code()).putValue("ceaseReasonText", ceaseReason.sen2Text())
        .putValue("proposalReason", reason).putValue("viewsBy", viewsBy.toString()));
  }

  /** {@code ${ceaseConsultation.consult(execution)}}: reg 31(1): the family is told and asked, and so is the setting. */
  public void consult(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    LocalDate viewsBy = LocalDate.parse(String.valueOf(execution.getVariable("viewsBy")));
    Map<String, Object> variables = letter(reference, execution);
    variables.put("viewsBy", LetterDates.format(viewsBy));
    String occasion = execution.getProcessInstanceId();
    String subject = reference + ": we are considering ceasing the EHC plan";
    notifications.toFamily(reference, "CEASE_CONSIDERED", occasion, familyEmail(reference), subject,
        templates.render("cease-considered", variables));
    // the setting gets the SEN2 reason only: the caseworker's words are written for the family
    variables.remove("proposalReason");
    List<Recipients.Recipient> setting = recipients.group(Groups.EDUCATION_ADVISERS);
    notifications.email(reference, "CEASE_CONSULTATION", occasion, setting, subject, "cease-consultation",
        variables);
    record(reference, MilestoneType.CEASE_CONSIDERED, "SEN2 reason " + execution.getVariable("ceaseReason")
        + "; views asked for by " + viewsBy + " (reg 31) from the family and the setting: "
        + Recipients.describe(setting, Groups.EDUCATION_ADVISERS));
  }

  /** The decision's form: views recorded, and no decision to cease before the day given for views. */
  public void decided(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    CeaseDecision decision = input.requiredChoice("ceaseDecision", CeaseDecision.class);
    String views = input.requiredText("viewsReceived", VIEWS_LENGTH);
    input.requiredText("reason", 2000);
    if (decision == CeaseDecision.CEASE) {
      checkCeaseAllowed(task);
    }
    // the engine keeps no variable values (history level case-audit): the views go on the case record
    record(task.getExecution().getProcessBusinessKey(), MilestoneType.CEASE_VIEWS_RECORDED, views);
  }

  private void checkCeaseAllowed(DelegateTask task) {
    LocalDate viewsBy = LocalDate.parse(String.valueOf(task.getVariable("viewsBy")));
    if (!clock.today().isAfter(viewsBy)) {
      throw new InvalidInputException("ceaseDecision", "the family and the setting have until " + viewsBy
          + " to give their views; the plan can be ceased from " + rules.dayAfter(viewsBy));
    }
    String reference = task.getExecution().getProcessBusinessKey();
    PlanRecords.PlanStatus plan = plans.lockPlan(reference).filter(p -> "ACTIVE".equals(p.status()))
        .orElseThrow(() -> new InvalidInputException("ceaseDecision", "the plan is no longer in force"));
    if (plan.movingTo() != null) {
      throw new InvalidInputException("ceaseDecision", "the plan is moving to LA " + plan.movingTo() + " and"
          + " ceases here when it is sent there (reg 15); keep it, or cancel the move first");
    }
  }

  /**
   * {@code ${ceaseConsultation.cease(execution)}}: the notice with appeal rights has gone; the plan waits. As after
   * a review's decision to cease, its reviews stop (advice asked for a coming meeting closes) and start again only
   * if the family appeals.
   */
  public void cease(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    ceasing.start(execution, String.valueOf(execution.getVariable("ceaseReason")));
    List.of(PlanReviews.PROCESS_KEY, PlanReviews.WATCH_KEY, ReviewMeetingWatch.PROCESS_KEY).forEach(key ->
        CaseProcesses.of(runtime, reference, key)
            .forEach(process -> runtime.deleteProcessInstance(process.getId(), "Decided to cease the plan")));
    cases.closeOutstandingAdvice(reference, clock.today(), "CEASE_DECIDED", "The council decided to cease the plan");
  }

  /** {@code ${ceaseConsultation.keep(execution)}}: the council will not cease the plan; the family is told. */
  public void keep(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    Map<String, Object> variables = letter(reference, execution);
    variables.put("reason", String.valueOf(execution.getVariable("reason")));
    notifications.toFamily(reference, "CEASE_NOT_PROCEEDING", execution.getProcessInstanceId(),
        familyEmail(reference), reference + ": the EHC plan continues", templates.render("plan-continues",
            variables));
    record(reference, MilestoneType.CEASE_NOT_PROCEEDING, "The plan continues; the family is told");
  }

  private Map<String, Object> letter(String reference, DelegateExecution execution) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", reference);
    variables.put("council", council);
    variables.put("ceaseReasonText", execution.getVariable("ceaseReasonText"));
    variables.put("proposalReason", execution.getVariable("proposalReason"));
    return variables;
  }

  private String familyEmail(String reference) {
    return cases.find(reference).map(row -> row.familyEmail()).orElse(null);
  }

  private void record(String reference, MilestoneType type, String detail) {
    cases.recordMilestone(reference, type, clock.today(), currentUser.id(), detail);
  }

  /** The council's decision after consulting. */
  public enum CeaseDecision {
    CEASE, KEEP
  }
}
