package org.ehcpathway.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.casefile.CaseView;
import org.ehcpathway.casefile.MilestoneType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 7: advisers who finish at the same instant. Each submits their advice through Camunda's REST API, as
 * Tasklist does, released together by a barrier. Every one succeeds, because each adviser's transaction ends only
 * their own advice request; the case is moved on by the job the asynchronous continuation after the advice call
 * activity leaves, and moves on once. Repeated, so that a race would show. The job executor is off here; the
 * test runs the jobs as it would ({@code JobExecutorAdviceTest} has it on).
 */
@PathwayIntegrationTest
class ConcurrentAdviceTest {

  @LocalServerPort int port;
  @Autowired PathwayDriver driver;
  @Autowired CaseFile caseFile;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @RepeatedTest(10)
  void fourAdvisersFinishingTogetherAllSucceedAndTheCaseMovesOnOnce() throws Exception {
    driver.today("2026-01-05");
    String ref = driver.receiveRequest("2026-01-05", "2016-05-01").caseReference();
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "reason", "Evidence.",
        "adviceTypes", "EDUCATIONAL,HEALTH,PSYCHOLOGICAL,SOCIAL_CARE"));
    driver.today("2026-02-02");
    String pathway = caseFile.view(ref).processInstanceId();

    List<HttpResponse<String>> responses = new AdvisersTogether(port, taskService).submitAll(ref);

    assertThat(responses).hasSize(4)
        .allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(204));
    assertThat(driver.tasks(ref, "provideAdvice")).isEmpty();
    // each adviser's transaction left one job for the case and went no further
    assertThat(driver.tasks(ref, "decideWhetherToIssue")).isEmpty();
    assertThat(managementService.createJobQuery().processInstanceId(pathway).activityId("requestAdvice").count())
        .isEqualTo(4);

    assertThat(driver.runDueJobs()).isEqualTo(4);

    assertMovedOnOnce(pathway, "requestAdvice", "decideWhetherToIssue");
    CaseView view = caseFile.view(ref);
    assertThat(view.stage()).isEqualTo("decideWhetherToIssue");
    assertThat(view.milestones()).filteredOn(m -> m.type() == MilestoneType.ADVICE_RETURNED)
        .extracting(CaseView.Milestone::recordedBy)
        .containsExactlyInAnyOrder("school", "health", "ep", "socialcare");
    assertThat(view.advice()).extracting(CaseView.Advice::outcome).containsOnly("ADVICE_GIVEN").hasSize(4);
  }

  @RepeatedTest(3)
  void advisersFinishingTogetherForAReviewMeetingAllSucceedAndTheReviewMovesOnOnce() throws Exception {
    String ref = driver.planIssuedOn("2026-05-25", "2016-05-01");
    driver.today("2027-02-15");
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2027-03-10"));
    driver.complete(ref, "submitReviewReport", Map.of("recommendation", "MAINTAIN", "summary", "Good progress."));
    String review = runtimeService.createProcessInstanceQuery().processDefinitionKey("ehc-annual-review")
        .processInstanceBusinessKey(ref).singleResult().getId();

    List<HttpResponse<String>> responses = new AdvisersTogether(port, taskService).submitAll(ref);

    assertThat(responses).hasSize(3)   // educational, health and social care advice for a child in Year 5
        .allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(204));
    assertThat(driver.tasks(ref, "decideReviewOutcome")).isEmpty();
    assertThat(driver.runDueJobs()).isEqualTo(3);

    assertMovedOnOnce(review, "requestReviewAdvice", "decideReviewOutcome");
    assertThat(caseFile.view(ref).milestones()).extracting(CaseView.Milestone::type)
        .doesNotContain(MilestoneType.REVIEW_ADVICE_NOT_RECEIVED);
    assertThat(caseFile.view(ref).advice()).filteredOn(a -> "REVIEW".equals(a.purpose()))
        .extracting(CaseView.Advice::outcome).containsOnly("ADVICE_GIVEN").hasSize(3);
  }

  /** The multi-instance advice ended once, one next task was ever created, and nothing failed. */
  private void assertMovedOnOnce(String processInstanceId, String adviceActivity, String nextTask) {
    // (no activity history at the case-audit history level: the runtime shows the advice stage has ended)
    assertThat(runtimeService.createExecutionQuery().processInstanceId(processInstanceId)
        .activityId(adviceActivity).count()).isZero();
    assertThat(driver.tasks(driver.caseReferenceOf(processInstanceId), nextTask)).hasSize(1);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(nextTask).count()).isEqualTo(1);
    assertThat(managementService.createJobQuery().processInstanceId(processInstanceId).activityId(adviceActivity)
        .count()).isZero();
    assertThat(managementService.createJobQuery().processInstanceId(processInstanceId).withException().count())
        .isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count()).isZero();
  }
}
