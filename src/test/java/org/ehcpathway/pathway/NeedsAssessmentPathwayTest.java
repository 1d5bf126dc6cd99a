package org.ehcpathway.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.casefile.CaseStatus;
import org.ehcpathway.casefile.CaseView;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.workflow.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of ehc-needs-assessment, with its dates, on the worked example of the reference (received Mon 5 Jan 2026). */
@PathwayIntegrationTest
class NeedsAssessmentPathwayTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired PathwayDriver driver;
  @Autowired CaseFile caseFile;
  private final Map<String, ProcessInstance> instances = new java.util.HashMap<>();

  @BeforeEach
  void setUp() {
    init(engine);
    driver.today("2026-01-05");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void refusalToAssessEndsTheCaseWithAnAppealableNotice() {
    String ref = driver.receiveRequest("2026-01-05", "2018-03-01").caseReference();
    ProcessInstance pathway = pathway(ref);
    assertThat(pathway).isWaitingAt("decideWhetherToAssess");

    Task decision = driver.task(ref, "decideWhetherToAssess");
    assertThat(decision).hasCandidateGroup("panel");
    assertThat(EngineClock.dateOf(decision.getDueDate())).isEqualTo("2026-02-16");
    assertThat(EngineClock.dateOf(decision.getFollowUpDate())).isEqualTo("2026-01-08");   // the next Thursday panel
    assertThat(taskService.getVariableLocal(decision.getId(), "nextPanelDate")).isEqualTo("2026-01-08");
    assertThat(taskService.getVariable(decision.getId(), "adviceTypes").toString())
        .isEqualTo("[\"EDUCATIONAL\",\"HEALTH\",\"PSYCHOLOGICAL\",\"SOCIAL_CARE\"]");

    driver.today("2026-02-10");
    driver.complete(ref, "decideWhetherToAssess",
        Map.of("decision", "DO_NOT_ASSESS", "reason", "Needs can be met through SEN support."));

    // The notice below shows sendRefusalToAssessNotice ran (the engine keeps no activity history: case-audit).
    assertThat(pathway).isEnded();
    CaseView view = caseFile.view(ref);
    assertThat(view.status()).isEqualTo(CaseStatus.NOT_ASSESSED);
    assertThat(view.closedDate()).isEqualTo("2026-02-10");
    assertThat(view.nextDeadline()).isNull();
    assertThat(view.milestones()).extracting(CaseView.Milestone::type, CaseView.Milestone::date).containsExactly(
        tuple(MilestoneType.REQUEST_RECEIVED, LocalDate.parse("2026-01-05")),
        tuple(MilestoneType.DEADLINE_AMBER, LocalDate.parse("2026-02-10")),   // the clock jumped past 2 Feb
        tuple(MilestoneType.DECISION_NOT_TO_ASSESS, LocalDate.parse("2026-02-10")),
        tuple(MilestoneType.NOTICE_ISSUED, LocalDate.parse("2026-02-10")));
    CaseView.Notice notice = view.notices().get(0);
    assertThat(notice.type()).isEqualTo("REFUSAL_TO_ASSESS");
    assertThat(notice.appealBy()).isEqualTo("2026-04-10");
    assertThat(notice.text()).contains(ref, "10 February 2026", "Needs can be met through SEN support.",
        "First-tier Tribunal", "by 10 April 2026", "MEDIATION", "certificate", "INFORMATION, ADVICE AND SUPPORT");
  }

  @Test
  void assessmentThenDecisionNotToIssue() {
    String ref = driver.receiveRequest("2026-01-05", "2011-12-01").caseReference();   // Year 9
    assertThat(taskService.getVariable(driver.task(ref, "decideWhetherToAssess").getId(), "adviceTypes").toString())
        .contains("PREPARING_FOR_ADULTHOOD");

    driver.today("2026-01-20");
    driver.complete(ref, "decideWhetherToAssess",
        Map.of("decision", "ASSESS", "adviceTypes", "HEALTH,SOCIAL_CARE", "reason", "May need special provision."));
    assertThat(pathway(ref)).isWaitingAt("requestAdvice");
    assertThat(caseFile.view(ref).stage()).isEqualTo("requestAdvice");
    assertThat(caseFile.view(ref).milestones()).filteredOn(m -> m.type() == MilestoneType.DECISION_TO_ASSESS)
        .extracting(CaseView.Milestone::detail).containsExactly(
            "Advice sought: HEALTH, SOCIAL_CARE. Reg 6(1) advice not sought: EDUCATIONAL, PSYCHOLOGICAL");

    List<Task> advice = driver.tasks(ref, "provideAdvice");
    assertThat(advice).hasSize(2).allSatisfy(task ->
        assertThat(EngineClock.dateOf(task.getDueDate())).isEqualTo("2026-03-03"));
    assertThat(caseFile.view(ref).advice()).extracting(CaseView.Advice::type, CaseView.Advice::requestedDate,
        CaseView.Advice::dueDate).containsExactlyInAnyOrder(
        tuple("HEALTH", LocalDate.parse("2026-01-20"), LocalDate.parse("2026-03-03")),
        tuple("SOCIAL_CARE", LocalDate.parse("2026-01-20"), LocalDate.parse("2026-03-03")));

    driver.today("2026-02-20");
    completeAdvice(ref, "health-advisers", "ADVICE_GIVEN");
    driver.today("2026-03-10");
    completeAdvice(ref, "social-care-advisers", "NO_NEEDS_IDENTIFIED");
    assertThat(caseFile.view(ref).advice()).extracting(CaseView.Advice::type, CaseView.Advice::returnedDate,
        CaseView.Advice::outcome).containsExactlyInAnyOrder(
        tuple("HEALTH", LocalDate.parse("2026-02-20"), "ADVICE_GIVEN"),
        tuple("SOCIAL_CARE", LocalDate.parse("2026-03-10"), "NO_NEEDS_IDENTIFIED"));
    // the last advice leaves a job that moves the case on, which the job executor runs a moment later
    assertThat(driver.tasks(ref, "decideWhetherToIssue")).isEmpty();
    driver.runDueJobs();

    Task decision = driver.task(ref, "decideWhetherToIssue");
    assertThat(decision).hasCandidateGroup("panel");
    assertThat(EngineClock.dateOf(decision.getDueDate())).isEqualTo("2026-04-27");
    assertThat(caseFile.view(ref).nextDeadline()).isEqualTo(new CaseView.NextDeadline("noPlanDecision",
        LocalDate.parse("2026-04-27")));

    driver.today("2026-04-01");
    driver.complete(ref, "decideWhetherToIssue", Map.of("decision", "DO_NOT_ISSUE", "reason", "Needs met by SEN support."));
    assertThat(pathway(ref)).isEnded();   // sendNotToIssueNotice ran: the notice below
    CaseView view = caseFile.view(ref);
    assertThat(view.status()).isEqualTo(CaseStatus.NO_PLAN);
    assertThat(view.notices()).extracting(CaseView.Notice::type, CaseView.Notice::appealBy)
        .containsExactly(tuple("DECISION_NOT_TO_ISSUE", LocalDate.parse("2026-06-01")));
  }

  @Test
  void assessmentToFinalPlanWhenTheFamilySendsNoViews() {
    String ref = driver.receiveRequest("2026-01-05", "2016-05-01").caseReference();
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "reason", "Evidence of needs."));
    assertThat(driver.tasks(ref, "provideAdvice")).hasSize(4);   // the suggested advice, as ticked

    driver.today("2026-02-16");
    driver.giveAllAdvice(ref);
    driver.today("2026-03-02");
    driver.complete(ref, "decideWhetherToIssue", Map.of("decision", "ISSUE", "reason", "Needs special provision."));

    Task draft = driver.task(ref, "draftPlan");
    assertThat(draft).hasCandidateGroup("caseworkers");
    assertThat(EngineClock.dateOf(draft.getDueDate())).isEqualTo("2026-04-13");
    driver.complete(ref, "draftPlan", Map.of());

    Task representations = driver.task(ref, "recordRepresentations");
    assertThat(EngineClock.dateOf(representations.getDueDate())).isEqualTo("2026-03-16");
    var windowTimer = managementService.createJobQuery().processInstanceId(pathway(ref).getId()).timers()
        .singleResult();
    assertThat(windowTimer.getDuedate().toInstant()).isEqualTo(EngineClock.startOf(LocalDate.parse("2026-03-17"))
        .toInstant());

    driver.today("2026-03-16");   // the last day of the window: nothing moves
    assertThat(pathway(ref)).isWaitingAt("recordRepresentations");
    driver.today("2026-03-17");
    assertThat(pathway(ref)).isWaitingAt("consultSetting");
    assertThat(caseFile.view(ref).milestones()).extracting(CaseView.Milestone::type, CaseView.Milestone::date)
        .contains(tuple(MilestoneType.REPRESENTATION_WINDOW_CLOSED, LocalDate.parse("2026-03-17")));

    Task consult = driver.task(ref, "consultSetting");
    assertThat(EngineClock.dateOf(consult.getDueDate())).isEqualTo("2026-04-01");
    driver.today("2026-04-02");
    driver.complete(ref, "consultSetting", Map.of("settingResponse", "NO_RESPONSE"));
    assertThat(driver.task(ref, "agreeProvision")).hasCandidateGroup("panel");
    driver.complete(ref, "agreeProvision", Map.of("namedSetting", "Oak Tree School", "fundingBand", "BAND_3"));

    Task issue = driver.task(ref, "issueFinalPlan");
    assertThat(issue).hasCandidateGroup("caseworkers");
    assertThat(EngineClock.dateOf(issue.getDueDate())).isEqualTo("2026-05-25");
    driver.today("2026-05-20");
    driver.complete(ref, "issueFinalPlan", Map.of());

    assertThat(pathway(ref)).isEnded();
    CaseView view = caseFile.view(ref);
    assertThat(view.status()).isEqualTo(CaseStatus.PLAN_ISSUED);
    assertThat(view.namedSetting()).isEqualTo("Oak Tree School");
    assertThat(view.fundingBand()).isEqualTo("BAND_3");
    assertThat(view.milestones()).extracting(CaseView.Milestone::type, CaseView.Milestone::date).contains(
        tuple(MilestoneType.DECISION_TO_ASSESS, LocalDate.parse("2026-01-05")),
        tuple(MilestoneType.DECISION_TO_ISSUE, LocalDate.parse("2026-03-02")),
        tuple(MilestoneType.DRAFT_PLAN_SERVED, LocalDate.parse("2026-03-02")),
        tuple(MilestoneType.REPRESENTATION_WINDOW_CLOSED, LocalDate.parse("2026-03-17")),
        tuple(MilestoneType.SETTING_CONSULTED, LocalDate.parse("2026-03-17")),
        tuple(MilestoneType.SETTING_RESPONDED, LocalDate.parse("2026-04-02")),
        tuple(MilestoneType.PROVISION_AGREED, LocalDate.parse("2026-04-02")),
        tuple(MilestoneType.FINAL_PLAN_ISSUED, LocalDate.parse("2026-05-20")));
    assertThat(view.milestones()).filteredOn(m -> m.type() == MilestoneType.ADVICE_RETURNED).hasSize(4);
    CaseView.Notice notice = view.notices().get(0);
    assertThat(notice.type()).isEqualTo("FINAL_PLAN");
    assertThat(notice.appealBy()).isEqualTo("2026-07-20");
    assertThat(notice.text()).contains(ref, "20 May 2026", "names Oak Tree School in section I", "section B",
        "section F", "by 20 July 2026");
  }

  @Test
  void viewsRecordedInTimeCancelTheWindowTimerAndAnOverrideNamesTheSetting() {
    String ref = atDraftPlan();
    driver.today("2026-03-02");
    driver.complete(ref, "draftPlan", Map.of());
    driver.today("2026-03-10");
    // A completion that also sends the dates the clocks start from cannot move them.
    driver.complete(ref, "recordRepresentations", Map.of("preferredSetting", "Riverside Academy",
        "personalBudgetRequested", true, "meetingRequested", false,
        "draftServedDate", "2026-01-01", "requestReceivedDate", "2025-11-01"));

    assertThat(managementService.createJobQuery().processInstanceId(pathway(ref).getId()).count()).isZero();
    assertThat(taskService.getVariable(driver.task(ref, "consultSetting").getId(), "preferredSetting"))
        .isEqualTo("Riverside Academy");
    driver.complete(ref, "consultSetting", Map.of("settingResponse", "ACCEPTS"));
    driver.complete(ref, "agreeProvision", Map.of("namedSetting", "Riverside Academy", "fundingBand", "BAND_2"));

    // Early views do not shorten the family's 15 days (reg 13(1)): the plan cannot be final before day 16.
    Task issue = driver.task(ref, "issueFinalPlan");
    assertThat(EngineClock.dateOf(issue.getDueDate())).isEqualTo("2026-05-25");
    assertThatThrownBy(() -> taskService.complete(issue.getId(), Map.of()))
        .rootCause().hasMessageContaining("until 2026-03-16").hasMessageContaining("from 2026-03-17");
    driver.today("2026-03-17");
    driver.complete(ref, "issueFinalPlan", Map.of("namedSetting", "Riverside Academy (Hill Site)"));

    CaseView view = caseFile.view(ref);
    assertThat(view.namedSetting()).isEqualTo("Riverside Academy (Hill Site)");
    assertThat(view.milestones()).extracting(CaseView.Milestone::type).contains(
        MilestoneType.REPRESENTATIONS_RECEIVED, MilestoneType.PERSONAL_BUDGET_REQUESTED)
        .doesNotContain(MilestoneType.MEETING_REQUESTED, MilestoneType.REPRESENTATION_WINDOW_CLOSED);
  }

  @Test
  void eachAdviceTypeGoesToTheGroupThatAnswersIt() {
    String ref = driver.receiveRequest("2026-01-05", "2016-05-01").caseReference();
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "reason", "Evidence.",
        "adviceTypes", List.of("EDUCATIONAL", "HEALTH", "PSYCHOLOGICAL", "SOCIAL_CARE", "PREPARING_FOR_ADULTHOOD",
            "OTHER")));

    Map<String, String> groupByType = new java.util.HashMap<>();
    for (Task task : driver.tasks(ref, "provideAdvice")) {
      String type = (String) taskService.getVariable(task.getId(), "adviceType");
      List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
          .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
      assertThat(groups).as(type).hasSize(1);
      groupByType.put(type, groups.get(0));
    }
    assertThat(groupByType).containsExactlyInAnyOrderEntriesOf(Map.of(
        "EDUCATIONAL", "education-advisers", "HEALTH", "health-advisers",
        "PSYCHOLOGICAL", "educational-psychologists", "SOCIAL_CARE", "social-care-advisers",
        "PREPARING_FOR_ADULTHOOD", "education-advisers", "OTHER", "caseworkers"));
  }

  @Test
  void anUnknownAdviceTypeIsRejectedAndNothingIsRecorded() {
    String ref = driver.receiveRequest("2026-01-05", "2016-05-01").caseReference();
    Task decision = driver.task(ref, "decideWhetherToAssess");
    assertThatThrownBy(() -> taskService.complete(decision.getId(), Map.of("decision", "ASSESS",
        "adviceTypes", "HEALTH,DENTAL", "reason", "Evidence.")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .rootCause().hasMessageContaining("adviceTypes").hasMessageContaining("DENTAL");
    assertThatThrownBy(() -> taskService.complete(decision.getId(), Map.of("decision", "MAYBE", "reason", "x")))
        .rootCause().hasMessageContaining("decision").hasMessageContaining("ASSESS, DO_NOT_ASSESS");
    assertThatThrownBy(() -> taskService.complete(decision.getId(), Map.of("decision", "DO_NOT_ASSESS")))
        .rootCause().hasMessageContaining("reason: is required");

    assertThat(pathway(ref)).isWaitingAt("decideWhetherToAssess");
    assertThat(driver.tasks(ref, "provideAdvice")).isEmpty();
    assertThat(caseFile.view(ref).milestones()).extracting(CaseView.Milestone::type)
        .containsExactly(MilestoneType.REQUEST_RECEIVED);
  }

  @Test
  void aWithdrawnRequestEndsEveryOpenStep() {
    String ref = driver.receiveRequest("2026-01-05", "2016-05-01").caseReference();
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "reason", "Evidence."));
    assertThat(pathway(ref)).isWaitingAt("requestAdvice");
    driver.today("2026-01-12");
    caseFile.withdraw(ref, "Family moved out of the area");

    assertThat(pathway(ref)).isEnded();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(ref).count()).isZero();
    CaseView view = caseFile.view(ref);
    assertThat(view.status()).isEqualTo(CaseStatus.WITHDRAWN);
    assertThat(view.milestones()).extracting(CaseView.Milestone::type, CaseView.Milestone::date)
        .contains(tuple(MilestoneType.REQUEST_WITHDRAWN, LocalDate.parse("2026-01-12")));
  }

  private String atDraftPlan() {
    String ref = driver.receiveRequest("2026-01-05", "2016-05-01").caseReference();
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", "EDUCATIONAL",
        "reason", "Evidence."));
    driver.giveAllAdvice(ref);
    driver.complete(ref, "decideWhetherToIssue", Map.of("decision", "ISSUE", "reason", "Needs provision."));
    return ref;
  }

  private void completeAdvice(String ref, String group, String outcome) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(ref).taskCandidateGroup(group)
        .singleResult();
    taskService.complete(task.getId(), Map.of("adviceOutcome", outcome, "summary", "Advice from " + group));
  }

  /** The pathway instance of a case, looked up while it runs and remembered for assertions after it ends. */
  private ProcessInstance pathway(String ref) {
    return instances.computeIfAbsent(ref, key -> runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(key).processDefinitionKey("ehc-needs-assessment").singleResult());
  }
}
