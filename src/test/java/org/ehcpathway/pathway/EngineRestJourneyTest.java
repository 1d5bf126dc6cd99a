package org.ehcpathway.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One case driven through Camunda's standard REST API, each step by the user whose job it is, as other tools
 * and Tasklist do. Engine authorization decides what each user sees.
 */
@PathwayIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class EngineRestJourneyTest {

  @Autowired TestRestTemplate rest;
  @Autowired PathwayDriver driver;
  private final ObjectMapper json = new ObjectMapper();

  static final String REQUEST = """
      {"child":{"forename":"Jordan","surname":"Quillfeather","dateOfBirth":"2015-06-01","sex":"M","postcode":"ZZ9 9ZZ"},
       "requestReceivedDate":"2026-01-05","requestSource":"SCHOOL"}""";

  @BeforeEach
  void setUp() {
    driver.today("2026-01-05");
    // Log as much as a support engineer would switch on, so the scan below has something to find
    LOG_LEVELS.forEach(logger -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(logger, LogLevel.DEBUG));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    LOG_LEVELS.forEach(logger -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(logger, null));
  }

  /** The server's loggers; not org.springframework.web.client, which is this test's own HTTP client. */
  private static final List<String> LOG_LEVELS = List.of("org.ehcpathway", "org.springframework.web.servlet",
      "org.springframework.web.filter", "org.springframework.security", "org.camunda.bpm.engine.rest",
      "org.camunda.bpm.engine.cmd");

  @Test
  void oneCaseFromRequestToFinalPlanThroughTheEngineRestApi(CapturedOutput logs) throws Exception {
    String ref = json.readTree(call("caseworker", HttpMethod.POST, "/api/cases", REQUEST).getBody())
        .get("caseReference").asText();

    assertThat(call(null, HttpMethod.GET, "/engine-rest/task", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(tasks("health", ref)).isEmpty();
    JsonNode decision = single(tasks("panel", ref));
    assertThat(decision.get("taskDefinitionKey").asText()).isEqualTo("decideWhetherToAssess");
    assertThat(decision.get("due").asText()).startsWith("2026-02-16T23:59:59");

    ResponseEntity<String> rejected = complete("panel", decision, Map.of(
        "decision", string("ASSESS"), "reason", string("Evidence of needs."), "adviceTypes", string("HEALTH,DENTAL")));
    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(rejected.getBody()).get("message").asText())
        .contains("adviceTypes", "DENTAL", "SOCIAL_CARE");

    // As a Tasklist checklist submits it: a JSON array
    assertThat(complete("panel", decision, Map.of("decision", string("ASSESS"), "reason", string("Evidence of needs."),
        "adviceTypes", Map.of("type", "Json", "value", "[\"HEALTH\",\"SOCIAL_CARE\",\"PSYCHOLOGICAL\",\"EDUCATIONAL\"]")))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode healthTask = single(tasks("health", ref));
    JsonNode socialCareTask = single(tasks("socialcare", ref));
    assertThat(healthTask.get("taskDefinitionKey").asText()).isEqualTo("provideAdvice");
    assertThat(healthTask.get("due").asText()).startsWith("2026-02-16T23:59:59");
    assertThat(variable("health", healthTask, "adviceType")).isEqualTo("HEALTH");
    assertThat(variable("socialcare", socialCareTask, "adviceType")).isEqualTo("SOCIAL_CARE");

    ResponseEntity<String> form = call("health", HttpMethod.GET,
        "/engine-rest/task/" + healthTask.get("id").asText() + "/deployed-form", null);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody()).contains("\"id\": \"provide-advice\"", "adviceOutcome");

    ResponseEntity<String> otherAgency = complete("health", socialCareTask, adviceGiven());
    assertThat(otherAgency.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(call("health", HttpMethod.GET, "/engine-rest/task/" + socialCareTask.get("id").asText(), null)
        .getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(call("health", HttpMethod.GET, "/engine-rest/task/no-such-task", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    driver.today("2026-02-10");
    for (String adviser : new String[] {"health", "socialcare", "ep", "school"}) {
      JsonNode advice = single(tasks(adviser, ref));
      assertThat(submitForm(adviser, advice, adviceGiven()).getStatusCode()).as(adviser)
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    driver.runDueJobs();   // the case moves on in a job, as the job executor would run it a moment later

    JsonNode issue = single(tasks("panel", ref));
    assertThat(issue.get("taskDefinitionKey").asText()).isEqualTo("decideWhetherToIssue");
    assertThat(complete("panel", issue, Map.of("decision", string("ISSUE"), "reason", string("Needs provision.")))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    driver.today("2026-03-02");
    JsonNode draft = single(tasks("caseworker", ref));
    assertThat(draft.get("taskDefinitionKey").asText()).isEqualTo("draftPlan");
    assertThat(complete("caseworker", draft, Map.of("draftSent", Map.of("value", true, "type", "Boolean")))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    ResponseEntity<String> clock = call("manager", HttpMethod.PUT, "/api/simulation/clock",
        "{\"now\":\"2026-03-17T09:00:00Z\"}");
    assertThat(clock.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(clock.getBody()).get("jobsExecuted").asInt()).isPositive();   // this case's window timer, at least
    assertThat(json.readTree(clock.getBody()).get("today").asText()).isEqualTo("2026-03-17");

    JsonNode consult = single(tasks("caseworker", ref));
    assertThat(consult.get("taskDefinitionKey").asText()).isEqualTo("consultSetting");
    assertThat(complete("caseworker", consult, Map.of("settingResponse", string("ACCEPTS"))).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode provision = single(tasks("panel", ref));
    assertThat(complete("panel", provision, Map.of("namedSetting", string("Oak Tree School"),
        "fundingBand", string("BAND_2"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    driver.today("2026-04-20");
    JsonNode finalPlan = single(tasks("caseworker", ref));
    assertThat(finalPlan.get("taskDefinitionKey").asText()).isEqualTo("issueFinalPlan");
    assertThat(complete("caseworker", finalPlan, Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode view = json.readTree(call("manager", HttpMethod.GET, "/api/cases/" + ref, null).getBody());
    assertThat(view.get("status").asText()).isEqualTo("PLAN_ISSUED");
    assertThat(view.get("namedSetting").asText()).isEqualTo("Oak Tree School");
    assertThat(view.get("openTasks").findValuesAsText("taskKey")).containsExactly("scheduleReviewMeeting");   // the annual review begins
    Map<String, String> recordedBy = new HashMap<>();
    view.get("milestones").forEach(m -> recordedBy.merge(m.get("type").asText(), m.get("recordedBy").asText(),
        (a, b) -> a + "," + b));
    assertThat(recordedBy).containsEntry("DECISION_TO_ASSESS", "panel")
        .containsEntry("ADVICE_RETURNED", "health,socialcare,ep,school")
        .containsEntry("DRAFT_PLAN_SERVED", "caseworker")
        .containsEntry("REPRESENTATION_WINDOW_CLOSED", "system")
        .containsEntry("FINAL_PLAN_ISSUED", "caseworker");
    assertThat(view.get("advice")).hasSize(4).allSatisfy(a -> {
      assertThat(a.get("returnedDate").asText()).isEqualTo("2026-02-10");
      assertThat(a.get("dueDate").asText()).isEqualTo("2026-02-16");
    });

    ResponseEntity<String> auditResponse = call("manager", HttpMethod.GET, "/api/cases/" + ref + "/audit", null);
    assertThat(auditResponse.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode audit = json.readTree(auditResponse.getBody());
    List<String> lines = new ArrayList<>();
    audit.forEach(entry -> lines.add(entry.get("source").asText() + " | " + entry.get("actor").asText() + " | "
        + entry.get("action").asText() + " | " + entry.get("services").toString()));
    assertThat(lines).contains(
        "ENGINE | panel | Complete Task 'Decide whether to assess' | [\"panel\"]",
        "ENGINE | health | Complete Task 'Provide advice for the assessment' | [\"health-advisers\"]",
        "ENGINE | socialcare | Complete Task 'Provide advice for the assessment' | [\"social-care-advisers\"]",
        "ENGINE | caseworker | Complete Task 'Issue the final plan' | [\"caseworkers\"]",
        "CASE | system | REPRESENTATION_WINDOW_CLOSED | []",
        "CASE | caseworker | FINAL_PLAN_ISSUED | []");
    assertThat(lines.indexOf("ENGINE | panel | Complete Task 'Decide whether to assess' | [\"panel\"]"))
        .isLessThan(lines.indexOf("CASE | caseworker | FINAL_PLAN_ISSUED | []"));
    assertThat(auditResponse.getBody()).doesNotContain("Jordan", "Quillfeather");
    assertThat(call("caseworker", HttpMethod.GET, "/api/cases/" + ref + "/audit", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("manager", HttpMethod.GET, "/api/cases/EHC-2026-999999/audit", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // Special category data: the whole run logged neither the child's names nor the date of birth
    assertThat(logs.getAll()).contains("/api/cases/" + ref + "/audit")
        .doesNotContain("Jordan", "Quillfeather", "2015-06-01", "ZZ9 9ZZ");
  }

  private JsonNode single(JsonNode tasks) {
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private JsonNode tasks(String user, String ref) throws Exception {
    ResponseEntity<String> response = call(user, HttpMethod.GET,
        "/engine-rest/task?processInstanceBusinessKey=" + ref, null);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private String variable(String user, JsonNode task, String name) throws Exception {
    ResponseEntity<String> response = call(user, HttpMethod.GET,
        "/engine-rest/task/" + task.get("id").asText() + "/variables/" + name, null);
    return json.readTree(response.getBody()).get("value").asText();
  }

  private ResponseEntity<String> complete(String user, JsonNode task, Map<String, Object> variables) throws Exception {
    return call(user, HttpMethod.POST, "/engine-rest/task/" + task.get("id").asText() + "/complete",
        json.writeValueAsString(Map.of("variables", variables)));
  }

  private ResponseEntity<String> submitForm(String user, JsonNode task, Map<String, Object> variables)
      throws Exception {
    return call(user, HttpMethod.POST, "/engine-rest/task/" + task.get("id").asText() + "/submit-form",
        json.writeValueAsString(Map.of("variables", variables)));
  }

  private static Map<String, Object> adviceGiven() {
    return Map.of("adviceOutcome", string("ADVICE_GIVEN"), "summary", string("Needs and provision described."));
  }

  private static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, user);
    return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }
}
