package org.ehcpathway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.CaseStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

/** What `mvn spring-boot:run` gives: demo cases for every role, and no simulated clock unless switched on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ehc.simulation.enabled=false", "ehc.demo-data.sample-cases=true",
        "ehc.test.database=ehc_defaults"})
@ActiveProfiles("test")
@Tag("own-context")
class DefaultConfigurationTest {

  @Autowired TestRestTemplate rest;
  @Autowired CaseRecords records;
  @Autowired TaskService taskService;

  @Test
  void theSimulatedClockDoesNotExistUnlessEnabled() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(rest.withBasicAuth("manager", "manager").exchange("/api/simulation/clock", HttpMethod.PUT,
        new HttpEntity<>("{\"now\":\"2027-03-01T12:00:00Z\"}", headers), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void demoCasesGiveEveryRoleSomethingToDo() {
    assertThat(records.list(CaseStatus.OPEN, 10, 0)).hasSize(3);
    assertThat(taskService.createTaskQuery().taskDefinitionKey("decideWhetherToAssess").count()).isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskDefinitionKey("decideWhetherToIssue").count()).isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskDefinitionKey("scheduleReviewMeeting").count()).isEqualTo(2);
    for (String group : new String[] {"health-advisers", "social-care-advisers", "educational-psychologists",
        "education-advisers"}) {
      assertThat(taskService.createTaskQuery().taskCandidateGroup(group).count()).as(group).isPositive();
    }
  }
}
