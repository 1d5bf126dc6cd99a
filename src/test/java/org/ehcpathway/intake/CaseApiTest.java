package org.ehcpathway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The case API as a caseworker's client meets it: creating, reading, and every way to get it wrong. */
@PathwayIntegrationTest
class CaseApiTest {

  static final String VALID = """
      {"child":{"forename":"Amelia","surname":"Testcase","dateOfBirth":"2016-04-12","sex":"F",
                "postcode":"ab12 3cd","upn":"A123456789012"},
       "requestReceivedDate":"2026-01-05","requestSource":"PARENT"}""";

  @Autowired TestRestTemplate rest;
  @Autowired PathwayDriver driver;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    driver.today("2026-01-05");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCaseworkerLogsARequestAndThePanelSeesItsDeadlinesAndTasks() throws Exception {
    ResponseEntity<String> created = post("caseworker", VALID);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(created.getBody());
    String ref = body.get("caseReference").asText();
    assertThat(ref).matches("EHC-2026-\\d{6}");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/cases/" + ref);
    assertThat(body.get("processInstanceId").asText()).isNotBlank();
    assertThat(body.get("deadlines").toString())
        .isEqualTo("{\"decisionToAssess\":\"2026-02-16\",\"noPlanDecision\":\"2026-04-27\",\"finalPlan\":\"2026-05-25\"}");

    ResponseEntity<String> read = rest.withBasicAuth("panel", "panel").getForEntity("/api/cases/" + ref, String.class);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode view = json.readTree(read.getBody());
    assertThat(view.get("status").asText()).isEqualTo("OPEN");
    assertThat(view.get("stage").asText()).isEqualTo("decideWhetherToAssess");
    assertThat(view.get("requestReceivedDate").asText()).isEqualTo("2026-01-05");
    assertThat(view.get("deadlines").get("finalPlan").asText()).isEqualTo("2026-05-25");
    assertThat(view.get("milestones").get(0).get("type").asText()).isEqualTo("REQUEST_RECEIVED");
    assertThat(view.get("milestones").get(0).get("date").asText()).isEqualTo("2026-01-05");
    JsonNode task = view.get("openTasks").get(0);
    assertThat(task.get("taskKey").asText()).isEqualTo("decideWhetherToAssess");
    assertThat(task.get("dueDate").asText()).isEqualTo("2026-02-16");
    assertThat(task.get("candidateGroups").toString()).isEqualTo("[\"panel\"]");
    assertThat(read.getBody()).doesNotContain("Amelia", "Testcase", "2016-04-12");

    ResponseEntity<String> open = rest.withBasicAuth("manager", "manager")
        .getForEntity("/api/cases?status=OPEN&size=500", String.class);
    assertThat(open.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(open.getBody()).contains("\"caseReference\":\"" + ref + "\"")
        .contains("\"nextDeadline\":{\"name\":\"decisionToAssess\",\"date\":\"2026-02-16\"}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "misspelt child field  | \"child\": | \"kid\": | kid",
      "impossible date       | 2016-04-12 | 2016-02-30 | child.dateOfBirth",
      "not a date            | 2016-04-12 | 12/04/2016 | child.dateOfBirth",
      "unknown source        | \"PARENT\" | \"NEIGHBOUR\" | requestSource",
      "future received date  | \"requestReceivedDate\":\"2026-01-05\" | \"requestReceivedDate\":\"2026-01-06\" | requestReceivedDate",
      "before the law began  | \"requestReceivedDate\":\"2026-01-05\" | \"requestReceivedDate\":\"2014-08-31\" | requestReceivedDate",
      "born after request    | 2016-04-12 | 2026-01-06 | child.dateOfBirth",
      "aged 25               | 2016-04-12 | 2000-12-01 | child.dateOfBirth",
      "bad postcode          | ab12 3cd | not a postcode | child.postcode",
      "unknown sex           | \"sex\":\"F\" | \"sex\":\"X\" | child.sex",
      "bad UPN               | A123456789012 | 123 | child.upn",
      "script in a name      | Amelia | <script>alert(1)</script> | child.forename",
      "number for a name     | \"Amelia\" | 42 | child.forename",
  })
  void badInputIsRefusedNamingTheFieldAndNothingIsCreated(String problem, String replace, String with, String field)
      throws Exception {
    String body = VALID.replace(replace, with == null ? "" : with);
    long cases = caseCount();
    long instances = runtimeService.createProcessInstanceQuery().count();

    ResponseEntity<String> response = post("caseworker", body);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problemDetail = json.readTree(response.getBody());
    assertThat(problemDetail.get("errors").findValuesAsText("field")).contains(field);
    assertThat(problemDetail.get("detail").asText()).contains(field);
    assertThat(response.getBody()).doesNotContain("Exception", "at org.");
    assertThat(caseCount()).isEqualTo(cases);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void malformedJsonIsABadRequestNotAServerError() throws Exception {
    ResponseEntity<String> response = post("caseworker", "{\"child\": ");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).get("title").asText()).isEqualTo("Malformed request");
  }

  @Test
  void unknownCasesAreNotFoundAndClosedCasesCannotBeWithdrawn() throws Exception {
    ResponseEntity<String> missing = rest.withBasicAuth("caseworker", "caseworker")
        .getForEntity("/api/cases/EHC-2026-999999", String.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json.readTree(missing.getBody()).get("detail").asText()).contains("EHC-2026-999999");

    String ref = json.readTree(post("caseworker", VALID).getBody()).get("caseReference").asText();
    String withdrawal = "{\"reason\":\"Family no longer wishes to proceed\"}";
    ResponseEntity<String> withdrawn = postJson("caseworker", "/api/cases/" + ref + "/withdrawal", withdrawal);
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(withdrawn.getBody()).get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(postJson("caseworker", "/api/cases/" + ref + "/withdrawal", withdrawal).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(postJson("caseworker", "/api/cases/EHC-2026-999999/withdrawal", withdrawal).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(postJson("caseworker", "/api/cases/" + ref + "/withdrawal", "{}").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void everyRequestIsAuthenticatedAndAuthorisedByGroup() {
    ResponseEntity<String> anonymous = rest.getForEntity("/api/cases", String.class);
    assertThat(anonymous.getStatusCode()).as(anonymous.getHeaders() + " " + anonymous.getBody()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    ResponseEntity<String> wrong = rest.withBasicAuth("nobody", "guess").getForEntity("/api/cases", String.class);
    assertThat(wrong.getStatusCode()).as(wrong.getHeaders() + " " + wrong.getBody()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(post("health", VALID).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("panel", VALID).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("socialcare", "socialcare").getForEntity("/api/cases", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("manager", VALID).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void listParametersAreChecked() throws Exception {
    ResponseEntity<String> badStatus = rest.withBasicAuth("manager", "manager")
        .getForEntity("/api/cases?status=LOST", String.class);
    assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(badStatus.getBody()).get("detail").asText()).contains("status", "OPEN");
    assertThat(rest.withBasicAuth("manager", "manager").getForEntity("/api/cases?size=100000", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> farPage = rest.withBasicAuth("manager", "manager")
        .getForEntity("/api/cases?page=5000000&size=500", String.class);
    assertThat(farPage.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(farPage.getBody()).isEqualTo("[]");
  }

  private long caseCount() {
    return jdbc.sql("SELECT COUNT(*) FROM ehc_case").query(Long.class).single();
  }

  private ResponseEntity<String> post(String user, String body) {
    return postJson(user, "/api/cases", body);
  }

  private ResponseEntity<String> postJson(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class, Map.of());
  }
}
