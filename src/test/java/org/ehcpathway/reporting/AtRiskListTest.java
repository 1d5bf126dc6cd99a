package org.ehcpathway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.casefile.Rag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The at-risk list on a case with health advice 10 days late, in 2029 (a year no other test uses). */
@PathwayIntegrationTest
class AtRiskListTest {

  @Autowired PathwayDriver driver;
  @Autowired TaskService taskService;
  @Autowired AtRiskList atRiskList;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anOpenCaseShowsItsWeekDeadlineLateAdviceAndAForecast() throws Exception {
    driver.today("2029-01-08");
    String ref = driver.receiveRequest("2029-01-08", "2021-05-01").caseReference();
    String refused = driver.receiveRequest("2029-01-08", "2021-05-01").caseReference();
    driver.today("2029-02-01");
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", "EDUCATIONAL,HEALTH",
        "reason", "Evidence."));
    driver.complete(refused, "decideWhetherToAssess", Map.of("decision", "DO_NOT_ASSESS", "reason", "Needs met."));
    for (Task advice : driver.tasks(ref, "provideAdvice")) {
      if (taskService.getIdentityLinksForTask(advice.getId()).stream()
          .anyMatch(link -> "education-advisers".equals(link.getGroupId()))) {
        taskService.complete(advice.getId(), Map.of("adviceOutcome", "ADVICE_GIVEN", "summary", "Reading age 6."));
      }
    }
    driver.today("2029-03-25");   // health advice was due 15 March

    List<AtRiskCase> mine = atRiskList.atRisk().stream().filter(c -> c.caseReference().startsWith("EHC-2029"))
        .toList();
    assertThat(mine).extracting(AtRiskCase::caseReference).containsExactly(ref);   // the refused case is closed
    AtRiskCase atRisk = mine.get(0);
    assertThat(atRisk.weekInPathway()).isEqualTo(11);   // day 76 since receipt
    assertThat(atRisk.nextDeadline()).isEqualTo("noPlanDecision");
    assertThat(atRisk.nextDeadlineDate()).isEqualTo("2029-04-30");
    assertThat(atRisk.rag()).isEqualTo(Rag.GREEN);
    assertThat(atRisk.outstandingAdvice()).containsExactly(
        new AtRiskCase.OutstandingAdvice("HEALTH", LocalDate.parse("2029-03-15"), 10));
    assertThat(atRisk.forecastIssueDate()).isAfterOrEqualTo("2029-03-25");
    assertThat(atRisk.forecastWithin20Weeks()).isEqualTo(!atRisk.forecastIssueDate().isAfter(
        LocalDate.parse("2029-05-28")));
    assertThat(atRisk.caseworker()).isEqualTo("caseworker");

    driver.today("2029-04-16");   // 2 weeks before the 16-week limit
    assertThat(atRiskList.atRisk()).filteredOn(c -> c.caseReference().equals(ref)).singleElement()
        .extracting(AtRiskCase::rag).isEqualTo(Rag.AMBER);

    var response = rest.withBasicAuth("manager", "manager").getForEntity("/api/reports/at-risk", String.class);
    JsonNode list = new ObjectMapper().readTree(response.getBody());
    assertThat(list.findValuesAsText("caseReference")).contains(ref);
    assertThat(rest.withBasicAuth("health", "health").getForEntity("/api/reports/at-risk", String.class)
        .getStatusCode().value()).isEqualTo(403);
  }
}
