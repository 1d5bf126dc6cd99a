package org.ehcpathway.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.statutory.EngineClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * As in production, with the job executor on and the real clock: four advisers submit their advice at the same
 * instant, all succeed, and the panel's "Decide whether to issue" task appears a moment later, once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ehc.test.database=ehc_job_executor",
    "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles("test")
@Tag("own-context")
class JobExecutorAdviceTest {

  @LocalServerPort int port;
  @Autowired PathwayDriver driver;
  @Autowired EngineClock clock;
  @Autowired CaseFile caseFile;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @Test
  void theNextTaskAppearsAMomentAfterFourAdvisersFinishTogether() throws Exception {
    String ref = driver.receiveRequest(clock.today().toString(), "2016-05-01").caseReference();
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "reason", "Evidence.",
        "adviceTypes", "EDUCATIONAL,HEALTH,PSYCHOLOGICAL,SOCIAL_CARE"));
    String pathway = caseFile.view(ref).processInstanceId();

    List<HttpResponse<String>> responses = new AdvisersTogether(port, taskService).submitAll(ref);

    assertThat(responses).hasSize(4)
        .allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(204));
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(driver.tasks(ref, "decideWhetherToIssue")).hasSize(1));
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pathway)
        .taskDefinitionKey("decideWhetherToIssue").count()).isEqualTo(1);
    // no activity history at the case-audit level: the runtime shows the advice stage has ended
    assertThat(runtimeService.createExecutionQuery().processInstanceId(pathway).activityId("requestAdvice").count())
        .isZero();
    assertThat(managementService.createJobQuery().processInstanceId(pathway).activityId("requestAdvice").count())
        .isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pathway).count()).isZero();
    assertThat(caseFile.view(ref).stage()).isEqualTo("decideWhetherToIssue");
  }
}
