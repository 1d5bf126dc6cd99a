package org.ehcpathway.panel;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.ehcpathway.advice.AdviceType;
import org.ehcpathway.advice.AdviceTypeList;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.security.CurrentUser;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.ehcpathway.workflow.TaskInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The panel's decisions, as the pathway model calls them ({@code ${panelDecisions...}}). */
@Component("panelDecisions")
public class PanelDecisions {

  static final String NEXT_PANEL_DATE = "nextPanelDate";

  private final CaseRecords records;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final CurrentUser currentUser;
  private final DayOfWeek panelDay;

  public PanelDecisions(CaseRecords records, StatutoryDeadlines rules, EngineClock clock, CurrentUser currentUser,
      @Value("${ehc.panel.day-of-week:THURSDAY}") DayOfWeek panelDay) {
    this.records = records;
    this.rules = rules;
    this.clock = clock;
    this.currentUser = currentUser;
    this.panelDay = panelDay;
  }

  /** Ticks the advice the rules suggest (the panel can change it) and shows the next panel date. */
  public void prepareDecisionToAssess(DelegateTask task) {
    if (task.getVariable(AdviceTypeList.VARIABLE) == null) {
      Object suggested = task.getVariable("suggestedAdviceTypes");
      List<AdviceType> types = AdviceTypeList.parse(suggested);
      String json = types.stream().map(t -> "\"" + t.name() + "\"").collect(Collectors.joining(",", "[", "]"));
      task.setVariable(AdviceTypeList.VARIABLE, SpinValues.jsonValue(json).create());
    }
    scheduleForNextPanel(task);
  }

  public void decideWhetherToAssess(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    AssessDecision decision = input.requiredChoice("decision", AssessDecision.class);
    input.requiredText("reason", 2000);
    String reference = reference(task);
    LocalDate today = clock.today();
    if (decision == AssessDecision.ASSESS) {
      List<AdviceType> types = AdviceTypeList.parse(task.getVariable(AdviceTypeList.VARIABLE));
      records.recordMilestone(reference, MilestoneType.DECISION_TO_ASSESS, today, currentUser.id(),
          adviceSought(types));
    } else {
      records.recordMilestone(reference, MilestoneType.DECISION_NOT_TO_ASSESS, today, currentUser.id(), null);
    }
    records.recordDecisionToAssess(reference, today);
  }

  /** Reg 6(1) advice the panel did not ask for is named, so a reviewer can see why existing advice sufficed. */
  private static String adviceSought(List<AdviceType> types) {
    String sought = "Advice sought: " + types.stream().map(Enum::name).collect(Collectors.joining(", "));
    List<String> notSought = AdviceType.REQUIRED_BY_REGULATION_6.stream().filter(t -> !types.contains(t))
        .map(Enum::name).toList();
    return notSought.isEmpty() ? sought : sought + ". Reg 6(1) advice not sought: " + String.join(", ", notSought);
  }

  /** A fresh decision: the earlier decision's answer must not complete this one. */
  public void prepareDecisionToIssue(DelegateTask task) {
    task.removeVariable("decision");
    task.removeVariable("reason");
    scheduleForNextPanel(task);
  }

  public void decideWhetherToIssue(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    IssueDecision decision = input.requiredChoice("decision", IssueDecision.class);
    input.requiredText("reason", 2000);
    String reference = reference(task);
    LocalDate today = clock.today();
    records.recordMilestone(reference, decision == IssueDecision.ISSUE
        ? MilestoneType.DECISION_TO_ISSUE : MilestoneType.DECISION_NOT_TO_ISSUE, today, currentUser.id(), null);
    records.recordDecisionToIssue(reference, today);
  }

  /** The school the family asked for is the panel's starting point for the setting to name. */
  public void prepareProvision(DelegateTask task) {
    if (task.getVariable("namedSetting") == null && task.getVariable("preferredSetting") != null) {
      task.setVariable("namedSetting", task.getVariable("preferredSetting"));
    }
    scheduleForNextPanel(task);
  }

  public void agreeProvision(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    String namedSetting = input.requiredText("namedSetting", 200);
    String fundingBand = input.requiredText("fundingBand", 20);
    String reference = reference(task);
    records.recordProvision(reference, namedSetting, fundingBand);
    records.recordMilestone(reference, MilestoneType.PROVISION_AGREED, clock.today(), currentUser.id(),
        namedSetting + " (" + fundingBand + ")");
  }

  /** Panel decisions are taken at a weekly panel: the task shows its date and is followed up on that day. */
  private void scheduleForNextPanel(DelegateTask task) {
    LocalDate nextPanel = rules.nextPanel(clock.today(), panelDay);
    task.setVariableLocal(NEXT_PANEL_DATE, nextPanel.toString());
    task.setFollowUpDate(EngineClock.startOf(nextPanel));
  }

  private static String reference(DelegateTask task) {
    return task.getExecution().getProcessBusinessKey();
  }
}
