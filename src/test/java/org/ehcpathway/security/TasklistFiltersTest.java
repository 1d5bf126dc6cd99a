package org.ehcpathway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The shared Tasklist filters, as Tasklist runs them through the REST API: each user sees their team's tasks by
 * deadline, and "Due this week" and "Overdue" move with the engine clock.
 */
@PathwayIntegrationTest
class TasklistFiltersTest {

  @Autowired PathwayDriver driver;
  @Autowired TestRestTemplate rest;
  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void dueThisWeekAndOverdueFollowTheEngineClockAndShowTheCaseReference() throws Exception {
    driver.today("2036-01-07");
    String ref = driver.receiveRequest("2036-01-07", "2029-01-01").caseReference();   // decision due 18 Feb 2036

    driver.today("2036-02-12");   // due in 6 days
    assertThat(references("panel", EngineAccessSetup.DUE_THIS_WEEK)).contains(ref);
    assertThat(references("panel", EngineAccessSetup.OVERDUE)).doesNotContain(ref);
    assertThat(references("health", EngineAccessSetup.DUE_THIS_WEEK)).doesNotContain(ref);   // not their team's

    driver.today("2036-02-19");
    assertThat(references("panel", EngineAccessSetup.DUE_THIS_WEEK)).doesNotContain(ref);
    assertThat(references("panel", EngineAccessSetup.OVERDUE)).contains(ref);
    assertThat(references("panel", EngineAccessSetup.MY_TEAMS_TASKS)).contains(ref);

    JsonNode filters = json.readTree(rest.withBasicAuth("health", "health")
        .getForEntity("/engine-rest/filter?resourceType=Task", String.class).getBody());
    assertThat(filters.findValuesAsText("name")).contains(EngineAccessSetup.MY_TASKS,
        EngineAccessSetup.MY_TEAMS_TASKS, EngineAccessSetup.DUE_THIS_WEEK, EngineAccessSetup.OVERDUE);
  }

  private List<String> references(String user, String filterName) throws Exception {
    JsonNode filter = json.readTree(rest.withBasicAuth(user, user)
        .getForEntity("/engine-rest/filter?name={name}", String.class, filterName).getBody()).get(0);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    JsonNode tasks = json.readTree(rest.withBasicAuth(user, user).exchange(
        "/engine-rest/filter/" + filter.get("id").asText() + "/list", HttpMethod.POST, new HttpEntity<>("{}", headers),
        String.class).getBody());
    List<String> references = new ArrayList<>();
    for (JsonNode task : tasks) {
      references.add(driver.caseReferenceOf(task.get("processInstanceId").asText()));
    }
    return references;
  }
}
