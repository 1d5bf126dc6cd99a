package org.ehcpathway.review;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.ehcpathway.casefile.CaseNotFoundException;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.CaseStatus;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.notification.CaseNotifications;
import org.ehcpathway.notification.CouncilProperties;
import org.ehcpathway.notification.Recipients;
import org.ehcpathway.security.CurrentUser;
import org.ehcpathway.security.Groups;
import org.ehcpathway.statutory.LetterDates;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.ehcpathway.workflow.CaseProcesses;
import org.ehcpathway.workflow.InvalidInputException;
import org.ehcpathway.workflow.TaskInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A decision to cease a plan takes effect only when the family can no longer appeal (CFA s45, s51(2)(f)). The
 * decision starts process {@code ehc-plan-ceasing}: the plan stays in force until the day after the last day to
 * appeal ({@link StatutoryDeadlines#ceaseTakesEffect}), which a mediation certificate can move later
 * ({@link StatutoryDeadlines#appealAfterMediation}); an appeal keeps it in force until the tribunal decides. The
 * steps are {@code ${planCeasing...}}; the API records an appeal or a mediation certificate.
 */
@Service("planCeasing")
public class PlanCeasing {

  static final String PROCESS_KEY = "ehc-plan-ceasing";
  static final String APPEAL_LODGED = "CeaseAppealLodged";
  static final String MEDIATION_STARTED = "CeaseMediationStarted";
  static final String MEDIATION_CERTIFICATE = "CeaseMediationCertificate";
  static final String DECISION_DATE = "tribunalDecisionDate";

  private final PlanRecords plans;
  private final CaseRecords cases;
  private final StatutoryDeadlines rules;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final EngineClock clock;
  private final CurrentUser currentUser;
  private final CaseNotifications notifications;
  private final Recipients recipients;
  private final CouncilProperties council;

  PlanCeasing(PlanRecords plans, CaseRecords cases, StatutoryDeadlines rules, RuntimeService runtime,
      ManagementService management, EngineClock clock, CurrentUser currentUser, CaseNotifications notifications,
      Recipients recipients, CouncilProperties council) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.council = council;
    this.plans = plans;
    this.cases = cases;
    this.rules = rules;
    this.runtime = runtime;
    this.management = management;
    this.clock = clock;
    this.currentUser = currentUser;
  }

  /**
   * A review, or a consultation between reviews, decided to cease (the notice with appeal rights is sent): the plan
   * waits for the appeal period.
   */
  void start(DelegateExecution review, String ceaseReason) {
    String reference = review.getProcessBusinessKey();
    LocalDate decided = clock.today();
    LocalDate lastDayToAppeal = rules.appealWithoutMediation(decided);
    LocalDate ceasesOn = rules.ceasesUnlessAppealed(decided);   // the date the notice gives the family
    if (!plans.recordCeaseDecided(reference, decided, ceaseReason, ceasesOn)) {
      throw new InvalidInputException("ceaseReason", "the plan is no longer in force, or a decision to cease it"
          + " was made meanwhile and waits for the appeal period; nothing was recorded");
    }
    RuntimeService engine = review.getProcessEngineServices().getRuntimeService();
    // a review that decides to cease settles a consultation about ceasing that is still open
    CaseProcesses.of(engine, reference, CeaseConsultation.PROCESS_KEY).stream()
        .filter(consultation -> !consultation.getId().equals(review.getProcessInstanceId()))
        .forEach(consultation -> engine.deleteProcessInstance(consultation.getId(), "Review decided to cease"));
    engine.startProcessInstanceByKey(PROCESS_KEY, reference, Variables.putValue("caseReference", reference));
    tellSettingAndHealth(reference, review.getProcessInstanceId(), decided, ceasesOn);
    record(reference, MilestoneType.PLAN_CEASE_DECIDED, "SEN2 reason " + ceaseReason + "; the plan stays in force"
        + " while the family may appeal (until " + lastDayToAppeal + ") and ceases on " + ceasesOn
        + " unless they do");
  }

  /** Reg 31(2): the setting named in the plan and the health commissioning body are told of the decision too. */
  private void tellSettingAndHealth(String reference, String occasion, LocalDate decided, LocalDate ceasesOn) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", reference);
    variables.put("council", council);
    variables.put("decisionDate", LetterDates.format(decided));
    variables.put("ceasesOn", LetterDates.format(ceasesOn));
    List<Recipients.Recipient> told = Stream.of(Groups.EDUCATION_ADVISERS, Groups.HEALTH_ADVISERS)
        .flatMap(group -> recipients.group(group).stream()).distinct().toList();
    notifications.email(reference, "CEASE_DECIDED", occasion, told, reference + ": decision to cease the EHC plan",
        "cease-decided", variables);
  }

  /** {@code ${planCeasing.cease(execution)}}: the appeal period is over, or the tribunal upheld the decision. */
  public void cease(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    PlanRecords.PendingCease pending = plans.pendingCease(reference)
        .orElseThrow(() -> new IllegalStateException("No decision to cease is pending for " + reference));
    // with no appeal the plan ceased on its day even if this job ran later (after an outage, say); after an appeal,
    // on the day the tribunal decided or the appeal was withdrawn
    LocalDate ceased = pending.appealed() == null ? pending.ceasesOn()
        : LocalDate.parse(String.valueOf(execution.getVariable(DECISION_DATE)));
    plans.cease(reference, ceased, pending.ceaseReason());
    plans.clearPendingCease(reference);
    // a move to another council not yet made lapses with the plan, and so do reviews opened during an appeal
    Stream.of(TransferOut.PROCESS_KEY, PlanReviews.PROCESS_KEY, PlanReviews.WATCH_KEY, ReviewMeetingWatch.PROCESS_KEY,
            CeaseConsultation.PROCESS_KEY)
        .flatMap(key -> CaseProcesses.of(runtime, reference, key).stream())
        .forEach(process -> runtime.deleteProcessInstance(process.getId(), "Plan ceased"));
    plans.clearMovingOut(reference);
    cases.close(reference, CaseStatus.CEASED, ceased);
    cases.recordMilestone(reference, MilestoneType.PLAN_CEASED, ceased, currentUser.id(), "SEN2 reason "
        + pending.ceaseReason() + "; decided " + pending.decided() + (pending.appealed() == null
            ? ", no appeal lodged" : "WITHDRAWN".equals(execution.getVariable("tribunalDecision"))
                ? ", the appeal (lodged " + pending.appealed() + ") was withdrawn"
                : ", the tribunal upheld the decision (appeal lodged " + pending.appealed() + ")"));
  }

  /**
   * {@code ${planCeasing.tribunalDecided(task)}}: what the tribunal decided on the appeal, and when (the plan ceases
   * that day if the decision stands: the appeal was then finally determined).
   */
  public void tribunalDecided(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    TribunalDecision decision = TaskInput.of(task).requiredChoice("tribunalDecision", TribunalDecision.class);
    LocalDate decided = TaskDates.required(task, DECISION_DATE);
    PlanRecords.PendingCease pending = plans.pendingCease(reference)
        .orElseThrow(() -> new IllegalStateException("No decision to cease is pending for " + reference));
    requireBetween(DECISION_DATE, decided, pending.appealed());
    task.setVariable(DECISION_DATE, decided.toString());
    cases.recordMilestone(reference, MilestoneType.CEASE_APPEAL_DECIDED, decided, currentUser.id(),
        decision.name() + " on " + decided + " (recorded " + clock.today() + ")");
  }

  /** {@code ${planCeasing.keep(execution)}}: the decision to cease was overturned; the plan's reviews start again. */
  public void keep(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    plans.clearPendingCease(reference);
    record(reference, MilestoneType.PLAN_KEPT, "The tribunal overturned the decision to cease; the plan continues");
    startReviews(reference);   // already running when they restarted with the appeal
  }

  /** A plan in force is reviewed within 12 months (CFA s44), also while an appeal against ceasing it is heard. */
  private void startReviews(String reference) {
    if (CaseProcesses.of(runtime, reference, PlanReviews.PROCESS_KEY).isEmpty()) {
      runtime.startProcessInstanceByKey(PlanReviews.PROCESS_KEY, reference,
          Variables.putValue("caseReference", reference));
    }
  }

  /** The family has appealed (CFA s51(2)(f)): the plan stays in force until the tribunal decides. */
  @Transactional
  public void appealLodged(String reference, LocalDate lodged) {
    PlanRecords.PendingCease pending = pending(reference);
    if (pending.appealed() != null) {
      throw new PlanConflictException("Appeal already recorded", reference + ": an appeal was recorded as lodged on "
          + pending.appealed());
    }
    if (pending.inMediation()) {
      throw new PlanConflictException("Mediation under way", reference + ": record the mediation certificate"
          + " first; an appeal follows it");
    }
    requireBetween("lodgedOn", lodged, pending.decided());
    if (!lodged.isBefore(pending.ceasesOn())) {
      throw new InvalidInputException("lodgedOn", "is after the last day to appeal; the plan ceases on "
          + pending.ceasesOn());
    }
    plans.recordCeaseAppealed(reference, lodged);
    runtime.createMessageCorrelation(APPEAL_LODGED).processInstanceId(ceasingProcess(reference).getId())
        .correlate();
    record(reference, MilestoneType.CEASE_APPEALED, "Appeal lodged " + lodged + "; the plan stays in force until"
        + " the tribunal decides, and is reviewed meanwhile");
    startReviews(reference);
  }

  /**
   * The family is in mediation (CFA s55): the plan stays in force, whatever the date, until the mediation
   * certificate is recorded; the last day to appeal then counts from it.
   */
  @Transactional
  public void mediationStarted(String reference, LocalDate started) {
    PlanRecords.PendingCease pending = pendingWithoutAppeal(reference);
    if (pending.mediationStarted() != null || pending.mediationCertificate() != null) {
      throw new PlanConflictException("Mediation already recorded", reference + ": mediation was recorded"
          + (pending.mediationStarted() == null ? "" : " as under way from " + pending.mediationStarted()));
    }
    requireBetween("startedOn", started, pending.decided());
    if (!started.isBefore(pending.ceasesOn())) {
      throw new InvalidInputException("startedOn", "is after the last day to appeal; the plan ceases on "
          + pending.ceasesOn());
    }
    plans.recordCeaseMediationStarted(reference, started);
    runtime.createMessageCorrelation(MEDIATION_STARTED).processInstanceId(ceasingProcess(reference).getId())
        .correlate();
    record(reference, MilestoneType.CEASE_MEDIATION_STARTED, "Mediation under way from " + started
        + "; the plan stays in force until the certificate, then until the last day to appeal after it");
  }

  /** A mediation certificate gives the family 1 month from it to appeal, if that is later than 2 months. */
  @Transactional
  public void mediationCertificate(String reference, LocalDate issued) {
    PlanRecords.PendingCease pending = pendingWithoutAppeal(reference);
    if (pending.mediationCertificate() != null) {
      throw new PlanConflictException("Mediation already recorded", reference + ": a mediation certificate was"
          + " recorded as issued on " + pending.mediationCertificate());
    }
    requireBetween("issuedOn", issued, pending.mediationStarted() == null ? pending.decided()
        : pending.mediationStarted());
    LocalDate lastDayToAppeal = rules.appealAfterMediation(pending.decided(), issued);
    LocalDate ceasesOn = rules.ceaseTakesEffect(lastDayToAppeal);
    plans.recordCeaseMediationCertificate(reference, issued, ceasesOn);
    String ceasing = ceasingProcess(reference).getId();
    if (pending.inMediation()) {   // back to waiting for an appeal, with a timer from the new date
      runtime.createMessageCorrelation(MEDIATION_CERTIFICATE).processInstanceId(ceasing).correlate();
    } else {
      management.createJobQuery().processInstanceId(ceasing).timers().list()
          .forEach(timer -> management.recalculateJobDuedate(timer.getId(), false));
    }
    record(reference, MilestoneType.CEASE_MEDIATION_CERTIFICATE, "Certificate issued " + issued
        + "; the family may appeal until " + lastDayToAppeal + "; the plan ceases on " + ceasesOn + " unless they do");
  }

  private PlanRecords.PendingCease pendingWithoutAppeal(String reference) {
    PlanRecords.PendingCease pending = pending(reference);
    if (pending.appealed() != null) {
      throw new PlanConflictException("Appeal already recorded", reference + ": an appeal was lodged on "
          + pending.appealed() + "; the plan waits for the tribunal");
    }
    return pending;
  }

  private PlanRecords.PendingCease pending(String reference) {
    cases.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    return plans.pendingCease(reference).orElseThrow(() -> new PlanConflictException("No decision to cease",
        reference + " has no decision to cease waiting to take effect"));
  }

  private void requireBetween(String field, LocalDate date, LocalDate decided) {
    LocalDate today = clock.today();
    if (date.isAfter(today) || date.isBefore(decided)) {
      throw new InvalidInputException(field, "must be between the decision to cease (" + decided + ") and today ("
          + today + ")");
    }
  }

  private ProcessInstance ceasingProcess(String reference) {
    return CaseProcesses.of(runtime, reference, PROCESS_KEY).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("No ceasing process runs for " + reference));
  }

  private void record(String reference, MilestoneType type, String detail) {
    cases.recordMilestone(reference, type, clock.today(), currentUser.id(), detail);
  }

  /** How an appeal against a decision to cease ended: WITHDRAWN (or struck out) lets the decision stand. */
  public enum TribunalDecision {
    UPHELD, OVERTURNED, WITHDRAWN
  }
}
