package org.ehcpathway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.TestHttp;
import org.ehcpathway.intake.NewCaseRequest;
import org.ehcpathway.notification.JdbcOutbox;
import org.ehcpathway.notification.Notification;
import org.ehcpathway.review.TransferIn;
import org.ehcpathway.review.TransferInRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may call what under /api: every role against every endpoint. The table below is the contract (it is also
 * the table in docs/security.md). An allowed role gets the endpoint's answer (2xx, or a 4xx for a business
 * reason such as a case already closed); any other signed-in role gets exactly 403; anonymous exactly 401; both
 * as a ProblemDetail. Bodies are valid, so a 400 can never hide a missing role check.
 * The /engine-rest cases below the matrix check engine authorization (EngineAccessSetup): each agency works only
 * its own tasks, managers read everything and complete nothing, only admins administer the engine.
 */
@PathwayIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  /**
   * A year nobody else's test uses; the clock is 10:00 London on this day. The simulated history runs in
   * October 2014, before every other case, so that moving the clock there runs no other test's timers.
   */
  static final String TODAY = "2038-03-01";

  /** Every role, by its demo user; null is anonymous. */
  static final List<String> ROLES = List.of("anonymous", "caseworker", "panel", "health", "socialcare", "school",
      "ep", "manager", "admin");

  static final String CW_MGR = "caseworker manager";
  static final String READERS = "caseworker panel manager admin";
  static final String EVERYONE = "caseworker panel health socialcare school ep manager admin";

  static final String NEW_CASE = """
      {"child":{"forename":"Matrix","surname":"Case","dateOfBirth":"2030-05-01","sex":"F","postcode":"AB1 2CD"},
       "requestReceivedDate":"2038-03-01","requestSource":"PARENT"}""";
  static final String TRANSFER_IN = """
      {"child":{"forename":"Matrix","surname":"Transfer","dateOfBirth":"2030-05-01","sex":"M","postcode":"ZZ1 1ZZ"},
       "oldLaCode":"873","originalIssueDate":"2036-03-01","transferDate":"2038-02-01","namedSetting":"Matrix School"}""";
  static final String CSV = "reference,forename,surname,dateOfBirth,sex,postcode,issueDate,lastReviewDate,"
      + "nextPhaseTransfer,placement\n{unique},Matrix,Import,2030-05-01,F,AB1 2CD,2037-06-01,,,Matrix School\n";
  static final String BOUNDARY = "matrixBoundary";
  static final String MULTIPART = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
      + "filename=\"plans.csv\"\r\nContent-Type: text/csv\r\n\r\n" + CSV + "\r\n--" + BOUNDARY + "--\r\n";

  /**
   * One endpoint: who may call it and what they get. Path placeholders: {case} an open case; {fresh} a new open
   * case for each allowed call; {advice} a new case with HEALTH advice outstanding; {plan} a plan in force;
   * {letter} a new letter waiting to be printed. A forbidden call gets the shared open case or letter instead.
   */
  record Endpoint(String method, String path, String contentType, String body, String accept, Set<String> allowed,
      Set<Integer> allowedStatus, String why) {

    @Override
    public String toString() {
      return method + " " + path + (accept == null ? "" : " (" + accept + ")")
          + (contentType != null && contentType.startsWith("multipart") ? " (multipart)" : "");
    }
  }

  static final List<Endpoint> API = List.of(
      json("POST", "/api/cases", NEW_CASE, CW_MGR, 201, "logging a request starts the statutory clock"),
      get("/api/cases?status=OPEN&size=5", READERS, "the case list carries no child's name"),
      get("/api/cases/{case}", READERS, "the case view carries no child's name"),
      get("/api/cases/{case}/audit", "manager", "who did what is for accountability, not casework"),
      json("POST", "/api/cases/{fresh}/withdraw", "{\"reason\":\"Family moved away\"}", CW_MGR, 200,
          "ends every open step of the case"),
      json("POST", "/api/cases/{fresh}/withdrawal", "{\"reason\":\"Family moved away\"}", CW_MGR, 200,
          "the earlier path of withdraw"),
      json("POST", "/api/cases/{advice}/advice/HEALTH/proceed-without",
          "{\"outcome\":\"NOT_RECEIVED\",\"reason\":\"Advice not received in time\"}", CW_MGR, 200,
          "a caseworker's decision to go on without an agency's advice"),
      json("POST", "/api/cases/{fresh}/exceptions", """
          {"ground":"EXCEPTIONAL_PERSONAL_CIRCUMSTANCES","from":"2038-03-01","to":"2038-04-30",
           "evidence":"Family bereavement","appliesTo":"FINAL_PLAN"}""", CW_MGR, 201,
          "records why a deadline will be missed and writes to the family"),
      get("/api/reviews?due=2038-03", CW_MGR, "review planning is casework"),
      get("/api/notifications?size=5", CW_MGR, "the outbox holds families' letters and emails"),
      new Endpoint("POST", "/api/notifications/{letter}/posted", null, null, null, users(CW_MGR), Set.of(204),
          "the print queue is casework"),
      get("/api/reports/timeliness?from=2038-01-01&to=2038-03-31", "manager", "management information"),
      new Endpoint("GET", "/api/reports/timeliness?from=2038-01-01&to=2038-03-31", null, null, "text/csv",
          users("manager"), Set.of(200), "management information"),
      get("/api/reports/timeliness/monthly?year=2038", "manager", "management information"),
      get("/api/reports/at-risk", "manager", "management information"),
      get("/api/reports/at-risk/page?page=0&size=5", "manager", "management information"),
      get("/api/reports/at-risk.csv", "manager", "management information"),
      new Endpoint("GET", "/api/reports/sen2?year=2038", null, null, null, users("manager"), Set.of(200, 404),
          "the statutory return holds person-level data"),
      get("/api/simulation/clock", EVERYONE, "only the time; only with ehc.simulation.enabled"),
      json("PUT", "/api/simulation/clock", "{\"now\":\"2038-03-01T10:00:00Z\"}", "caseworker manager admin", 200,
          "moves every case's clock; rehearsal setups only"),
      json("POST", "/api/simulation/history", """
          {"from":"2014-10-01","to":"2014-10-31","requestsPerMonth":1,"existingPlans":0,"seed":3}""",
          "manager admin", 200, "writes many cases; rehearsal setups only"),
      get("/api/simulation/history", "manager admin", "the simulator's runs"),
      json("POST", "/api/plans/transfer-in", TRANSFER_IN, CW_MGR, 201, "a plan moving in is casework"),
      json("PUT", "/api/plans/{plan}/next-phase-transfer", "{\"nextPhaseTransfer\":\"SCHOOL:2041\"}", CW_MGR, 200,
          "changes when the plan's reviews fall"),
      new Endpoint("DELETE", "/api/plans/{plan}/next-phase-transfer", null, null, null, users(CW_MGR), Set.of(200),
          "changes when the plan's reviews fall"),
      json("PUT", "/api/plans/{plan}/review-meeting", "{\"meetingDate\":\"2038-04-01\",\"reason\":\"Away\"}",
          CW_MGR, 409, "moves a review meeting (409: this plan's meeting is not set yet)"),
      new Endpoint("POST", "/api/plans/{plan}/transfer-out", "application/json",
          "{\"newLaCode\":\"873\",\"moveDate\":\"2038-04-01\"}", null, users(CW_MGR), Set.of(422),
          "sends a plan to another council (422 here: 2038 is beyond the bank holiday calendar)"),
      json("POST", "/api/plans/{plan}/transfer-out/cancel", "{\"reason\":\"Not moving\"}", CW_MGR, 409,
          "stops a plan's move (409 here: it is not moving)"),
      new Endpoint("POST", "/api/plans/{plan}/cease-consultation", "application/json",
          "{\"ceaseReason\":\"3\",\"reason\":\"University\",\"viewsBy\":\"2038-03-20\"}", null, users(CW_MGR),
          Set.of(200, 409), "asks the family about ceasing their plan (409 once a consultation is open)"),
      json("POST", "/api/plans/{plan}/cease-appeal", "{\"lodgedOn\":\"2038-03-01\"}", CW_MGR, 409,
          "keeps a plan in force for an appeal (409 here: no decision to cease)"),
      json("POST", "/api/plans/{plan}/cease-mediation", "{\"startedOn\":\"2038-03-01\"}", CW_MGR, 409,
          "keeps a plan in force while the family is in mediation (409 here: no decision to cease)"),
      json("POST", "/api/plans/{plan}/cease-mediation-certificate", "{\"issuedOn\":\"2038-03-01\"}", CW_MGR, 409,
          "moves the day a plan ceases (409 here: no decision to cease)"),
      new Endpoint("POST", "/api/plans/import", "text/csv", CSV, null, users("manager"), Set.of(200),
          "a bulk load of children's data"),
      new Endpoint("POST", "/api/plans/import", "multipart/form-data; boundary=" + BOUNDARY, MULTIPART, null,
          users("manager"), Set.of(200), "a bulk load of children's data"),
      get("/api/no-such-endpoint", EVERYONE, Set.of(404), "an unknown path is 404 only once signed in"));

  @LocalServerPort int port;
  @Autowired PathwayDriver driver;
  @Autowired TransferIn transferIn;
  @Autowired JdbcOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;

  private TestHttp http;
  private String openCase;
  private String plan;
  private long sharedLetter;

  @BeforeAll
  void createCases() {
    driver.today(TODAY);
    openCase = driver.receiveRequest(TODAY, "2030-05-01").caseReference();
    plan = transferIn.receive(new TransferInRequest(
        new NewCaseRequest.Child("Matrix", "Plan", LocalDate.parse("2030-05-01"), "F", "AB1 2CD", null), null, "873",
        LocalDate.parse("2036-03-01"), null, LocalDate.parse("2038-02-01"), "Matrix School"), "caseworker");
    sharedLetter = newLetter();
    ClockUtil.reset();
  }

  @BeforeEach
  void setUp() {
    http = new TestHttp(port);
    ClockUtil.setCurrentTime(java.util.Date.from(LocalDate.parse(TODAY).atTime(10, 0)
        .atZone(org.ehcpathway.statutory.EngineClock.LONDON).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Stream<Arguments> matrix() {
    List<Arguments> cells = new ArrayList<>();
    for (Endpoint endpoint : API) {
      for (String role : ROLES) {
        cells.add(Arguments.of(endpoint, role));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("matrix")
  void eachRoleGetsExactlyWhatTheTableSays(Endpoint endpoint, String role) {
    boolean anonymous = role.equals("anonymous");
    boolean allowed = endpoint.allowed().contains(role);
    String path = resolve(endpoint.path(), allowed);
    String body = endpoint.body() == null ? null : endpoint.body().replace("{unique}", "MX-" + UUID.randomUUID()
        .toString().substring(0, 12));

    HttpResponse<String> response = http.call(anonymous ? null : role, endpoint.method(), path,
        endpoint.contentType(), body, endpoint.accept());

    String seen = response.statusCode() + " " + response.body();
    if (anonymous) {
      assertThat(response.statusCode()).as(seen).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
          .startsWith("Basic"));
      assertProblem(response, 401);
    } else if (allowed) {
      assertThat(response.statusCode()).as(seen).isIn(endpoint.allowedStatus());
    } else {
      assertThat(response.statusCode()).as(seen).isEqualTo(403);
      assertProblem(response, 403);
    }
  }


  /** A known limit (docs/security.md): the body is validated before the role is checked. Nothing is read or changed. */
  @Test
  void anInvalidBodyIsRefusedBeforeTheRoleIsChecked() {
    assertThat(http.json("health", "POST", "/api/cases", "{}").statusCode()).isEqualTo(400);
    assertThat(http.json("health", "POST", "/api/cases", NEW_CASE).statusCode()).isEqualTo(403);
  }

  // ---- /engine-rest: engine authorization, not Spring Security ----

  @Test
  void anAdviserCannotReadOrCompleteAnotherAgencysTaskWhichStaysOpen() {
    String ref = caseAwaitingAdvice("HEALTH,SOCIAL_CARE");
    String socialCare = adviceTask(ref, "SOCIAL_CARE");

    assertThat(http.get("health", "/engine-rest/task/" + socialCare).statusCode()).isIn(403, 404);
    assertThat(http.get("health", "/engine-rest/task/" + socialCare + "/variables").statusCode()).isIn(403, 404);
    assertThat(http.get("health", "/engine-rest/task/" + socialCare + "/form-variables").statusCode())
        .isIn(403, 404);
    assertThat(http.json("health", "POST", "/engine-rest/task/" + socialCare + "/complete", ADVICE_GIVEN)
        .statusCode()).isIn(403, 404);
    assertThat(http.json("health", "POST", "/engine-rest/task/" + socialCare + "/submit-form", ADVICE_GIVEN)
        .statusCode()).isIn(403, 404);
    assertThat(http.json("health", "POST", "/engine-rest/task/" + socialCare + "/claim", "{\"userId\":\"health\"}")
        .statusCode()).isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(socialCare).count()).as("still open").isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskId(socialCare).singleResult().getAssignee()).isNull();

    HttpResponse<String> list = http.get("health", "/engine-rest/task?processInstanceBusinessKey=" + ref);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(adviceTask(ref, "HEALTH")).doesNotContain(socialCare);
    assertThat(http.json("health", "POST", "/engine-rest/task/" + adviceTask(ref, "HEALTH") + "/complete",
        ADVICE_GIVEN).statusCode()).as("its own agency's task").isEqualTo(204);
  }

  @Test
  void otherGroupsCannotReadATasksOrAProcesssVariables() {
    String ref = caseAwaitingAdvice("HEALTH");
    String health = adviceTask(ref, "HEALTH");
    String processInstance = taskService.createTaskQuery().taskId(health).singleResult().getProcessInstanceId();

    for (String user : List.of("panel", "socialcare", "school", "ep", "caseworker")) {
      assertThat(http.get(user, "/engine-rest/task/" + health + "/variables").statusCode()).as(user)
          .isIn(403, 404);
      assertThat(http.get(user, "/engine-rest/process-instance/" + processInstance + "/variables").statusCode())
          .as(user).isIn(403, 404);
    }
    assertThat(http.get("health", "/engine-rest/task/" + health + "/variables").statusCode()).isEqualTo(200);
  }

  @Test
  void aForgedTaskIdIsNotFoundAndAnonymousCallsAreUnauthorised() {
    for (String path : List.of("/engine-rest/task/forged-0000/complete", "/engine-rest/task/forged-0000/submit-form")) {
      HttpResponse<String> forged = http.json("caseworker", "POST", path, "{\"variables\":{}}");
      assertThat(forged.statusCode()).as(forged.body()).isEqualTo(404);
      assertThat(forged.body()).doesNotContain("at org.", "at java.");
    }
    assertThat(http.get("caseworker", "/engine-rest/task/forged-0000").statusCode()).isEqualTo(404);

    String ref = caseAwaitingAdvice("HEALTH");
    String health = adviceTask(ref, "HEALTH");
    assertThat(http.get(null, "/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(http.get(null, "/engine-rest/task/" + health).statusCode()).isEqualTo(401);
    assertThat(http.json(null, "POST", "/engine-rest/task/" + health + "/complete", ADVICE_GIVEN).statusCode())
        .isEqualTo(401);
    assertThat(http.call("nobody-matrix", "GET", "/engine-rest/task", null, null).statusCode()).isEqualTo(401);
    assertThat(taskService.createTaskQuery().taskId(health).count()).isEqualTo(1);
  }

  @Test
  void managersReadEveryTaskButCompleteNone() {
    String ref = caseAwaitingAdvice("HEALTH");
    String health = adviceTask(ref, "HEALTH");

    assertThat(http.get("manager", "/engine-rest/task/" + health).statusCode()).isEqualTo(200);
    assertThat(http.get("manager", "/engine-rest/task/" + health + "/variables").statusCode()).isEqualTo(200);
    assertThat(http.get("manager", "/engine-rest/task?processInstanceBusinessKey=" + ref).body()).contains(health);
    assertThat(http.json("manager", "POST", "/engine-rest/task/" + health + "/complete", ADVICE_GIVEN).statusCode())
        .isEqualTo(403);
    assertThat(http.json("manager", "POST", "/engine-rest/task/" + health + "/submit-form", ADVICE_GIVEN)
        .statusCode()).isEqualTo(403);
    assertThat(http.json("manager", "POST", "/engine-rest/task/" + health + "/claim", "{\"userId\":\"manager\"}")
        .statusCode()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(health).count()).as("still open").isEqualTo(1);
  }

  @Test
  void onlyAdminsDeleteProcessInstancesOrCreateUsers() {
    String throwaway = driver.receiveRequest(TODAY, "2030-05-01").processInstanceId();
    for (String user : List.of("manager", "caseworker", "panel")) {
      assertThat(http.call(user, "DELETE", "/engine-rest/process-instance/" + throwaway, null, null).statusCode())
          .as(user).isIn(403, 404);
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(throwaway).count()).isEqualTo(1);
    HttpResponse<String> deleted = http.call("admin", "DELETE", "/engine-rest/process-instance/" + throwaway, null,
        null);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(throwaway).count()).isZero();

    String newUser = """
        {"profile":{"id":"matrixtemp","firstName":"Temp","lastName":"User","email":"temp@example.org"},
         "credentials":{"password":"matrixtemp-Secret1"}}""";
    for (String user : List.of("manager", "caseworker")) {
      assertThat(http.json(user, "POST", "/engine-rest/user/create", newUser).statusCode()).as(user).isEqualTo(403);
      assertThat(http.json(user, "POST", "/engine-rest/authorization/create",
          "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"" + user + "\",\"resourceType\":0,"
              + "\"resourceId\":\"*\"}").statusCode()).as(user).isEqualTo(403);
    }
    assertThat(identityService.createUserQuery().userId("matrixtemp").count()).isZero();
    HttpResponse<String> created = http.json("admin", "POST", "/engine-rest/user/create", newUser);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    assertThat(http.call("admin", "DELETE", "/engine-rest/user/matrixtemp", null, null).statusCode()).isEqualTo(204);
    assertThat(identityService.createUserQuery().userId("matrixtemp").count()).isZero();
  }

  static final String ADVICE_GIVEN = """
      {"variables":{"adviceOutcome":{"value":"ADVICE_GIVEN"},"summary":{"value":"Advice."}}}""";

  private String caseAwaitingAdvice(String adviceTypes) {
    String reference = driver.receiveRequest(TODAY, "2030-05-01").caseReference();
    driver.complete(reference, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", adviceTypes,
        "reason", "Evidence."));
    return reference;
  }

  private String adviceTask(String reference, String adviceType) {
    return driver.tasks(reference, "provideAdvice").stream()
        .filter(task -> adviceType.equals(taskService.getVariable(task.getId(), "adviceType")))
        .findFirst().orElseThrow().getId();
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(TestHttp.contentType(response)).startsWith("application/problem+json");
    assertThat(response.body()).contains("\"status\":" + status, "\"title\":", "\"detail\":");
  }

  private String resolve(String path, boolean allowed) {
    String resolved = path.replace("{case}", openCase).replace("{plan}", plan);
    if (resolved.contains("{fresh}")) {
      resolved = resolved.replace("{fresh}", allowed ? driver.receiveRequest(TODAY, "2030-05-01").caseReference()
          : openCase);
    }
    if (resolved.contains("{advice}")) {
      resolved = resolved.replace("{advice}", allowed ? caseAwaitingHealthAdvice() : openCase);
    }
    if (resolved.contains("{letter}")) {
      resolved = resolved.replace("{letter}", String.valueOf(allowed ? newLetter() : sharedLetter));
    }
    return resolved;
  }

  private String caseAwaitingHealthAdvice() {
    return caseAwaitingAdvice("HEALTH");
  }

  private long newLetter() {
    String key = "matrix-" + UUID.randomUUID();
    outbox.enqueue(new Notification(openCase, "MATRIX_TEST", Notification.Channel.LETTER, null, "family",
        "Test letter", "A letter to print.", key));
    return jdbc.sql("SELECT id FROM notification_outbox WHERE dedupe_key = ?").param(key).query(Long.class).single();
  }

  private static Set<String> users(String list) {
    return Set.of(list.split(" "));
  }

  private static Endpoint get(String path, String allowed, String why) {
    return get(path, allowed, Set.of(200), why);
  }

  private static Endpoint get(String path, String allowed, Set<Integer> status, String why) {
    return new Endpoint("GET", path, null, null, null, users(allowed), status, why);
  }

  private static Endpoint json(String method, String path, String body, String allowed, int status, String why) {
    return new Endpoint(method, path, "application/json", body, null, users(allowed), Set.of(status), why);
  }
}
