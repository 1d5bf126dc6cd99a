package org.ehcpathway.plan;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.security.CurrentUser;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.ehcpathway.statutory.TaskDueDates;
import org.ehcpathway.workflow.InvalidInputException;
import org.ehcpathway.workflow.TaskInput;
import org.springframework.stereotype.Component;

/** From draft to final plan, as the pathway model calls it ({@code ${planSteps...}}). */
@Component("planSteps")
public class PlanSteps {

  private final CaseRecords records;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final CurrentUser currentUser;

  public PlanSteps(CaseRecords records, StatutoryDeadlines rules, EngineClock clock, CurrentUser currentUser) {
    this.records = records;
    this.rules = rules;
    this.clock = clock;
    this.currentUser = currentUser;
  }

  /** Completing "Draft the plan" means the draft was served today; the 15-day window starts with today. */
  public void draftServed(DelegateTask task) {
    LocalDate served = clock.today();
    task.setVariable(TaskDueDates.DRAFT_SERVED_DATE, served.toString());
    task.setVariable("representationsDue", rules.lastDayForRepresentations(served).toString());
    records.recordMilestone(reference(task), MilestoneType.DRAFT_PLAN_SERVED, served, currentUser.id(), null);
  }

  public void representationsReceived(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    String preferredSetting = input.optionalText("preferredSetting", 200);
    boolean personalBudget = input.flag("personalBudgetRequested");
    boolean meeting = input.flag("meetingRequested");
    String reference = reference(task);
    LocalDate today = clock.today();
    String actor = currentUser.id();
    records.recordMilestone(reference, MilestoneType.REPRESENTATIONS_RECEIVED, today, actor,
        preferredSetting == null ? "No school or college requested" : "Requested: " + preferredSetting);
    if (personalBudget) {
      records.recordMilestone(reference, MilestoneType.PERSONAL_BUDGET_REQUESTED, today, actor, null);
    }
    if (meeting) {
      records.recordMilestone(reference, MilestoneType.MEETING_REQUESTED, today, actor, null);
    }
  }

  public void representationWindowClosed(DelegateExecution execution) {
    records.recordMilestone(execution.getProcessBusinessKey(), MilestoneType.REPRESENTATION_WINDOW_CLOSED,
        clock.today(), currentUser.id(), "No views recorded within 15 days; the council proceeds");
  }

  public void consultationSent(DelegateTask task) {
    LocalDate sent = clock.today();
    task.setVariable("consultationDue", rules.settingConsultationReply(sent).toString());
    Object setting = task.getVariable("preferredSetting");
    records.recordMilestone(reference(task), MilestoneType.SETTING_CONSULTED, sent, currentUser.id(),
        setting == null ? null : setting.toString());
  }

  public void settingResponded(DelegateTask task) {
    SettingResponse response = TaskInput.of(task).requiredChoice("settingResponse", SettingResponse.class);
    records.recordMilestone(reference(task), MilestoneType.SETTING_RESPONDED, clock.today(), currentUser.id(),
        response.name());
  }

  /**
   * The panel's named setting stands unless the caseworker overrides it when issuing. The family has at least
   * 15 days for representations (reg 13(1)) even when their first views arrive early, so the final plan cannot
   * be issued before that window is over.
   */
  public void finalPlanIssued(DelegateTask task) {
    String namedSetting = TaskInput.of(task).optionalText("namedSetting", 200);
    String reference = reference(task);
    LocalDate issued = clock.today();
    LocalDate served = records.draftServed(reference)
        .orElseThrow(() -> new IllegalStateException("No draft served on " + reference));
    LocalDate lastDayForViews = rules.lastDayForRepresentations(served);
    if (!issued.isAfter(lastDayForViews)) {
      throw new InvalidInputException("representationWindow", "the family may make representations on the draft until "
          + lastDayForViews + " (reg 13(1)); the final plan can be issued from " + rules.dayAfter(lastDayForViews));
    }
    String setting = namedSetting != null ? namedSetting
        : records.find(reference).map(row -> row.namedSetting()).orElse(null);
    task.setVariable("namedSetting", setting);
    records.recordFinalPlan(reference, issued, setting);
    records.recordMilestone(reference, MilestoneType.FINAL_PLAN_ISSUED, issued, currentUser.id(), setting);
  }

  private static String reference(DelegateTask task) {
    return task.getExecution().getProcessBusinessKey();
  }
}
