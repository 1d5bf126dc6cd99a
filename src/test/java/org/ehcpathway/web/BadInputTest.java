package org.ehcpathway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
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
import org.ehcpathway.statutory.EngineClock;
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
 * The input contract of every endpoint that takes input: whatever arrives (malformed JSON, the wrong JSON types,
 * 10,000 characters, script, unknown codes, impossible or far-off dates, no body, the wrong content type), the
 * answer is a 4xx ProblemDetail that names what is wrong, never a 5xx or a stack trace, and nothing is stored.
 */
@PathwayIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

  static final String TODAY = "2038-03-02";
  static final String LONG = "x".repeat(10_001);
  static final String SCRIPT = "<script>alert(1)</script>";

  static final String CHILD = """
      {"forename":"Bad","surname":"Input","dateOfBirth":"2030-05-01","sex":"F","postcode":"AB1 2CD"}""";
  static final String NEW_CASE = "{\"child\":" + CHILD
      + ",\"requestReceivedDate\":\"2038-03-02\",\"requestSource\":\"PARENT\",\"familyEmail\":\"family@example.org\"}";
  static final String WITHDRAW = "{\"reason\":\"Family moved away\"}";
  static final String PROCEED = "{\"outcome\":\"NOT_RECEIVED\",\"reason\":\"Not received in time\"}";
  static final String EXCEPTION = """
      {"ground":"EXCEPTIONAL_PERSONAL_CIRCUMSTANCES","from":"2038-03-02","to":"2038-04-30",
       "evidence":"Family bereavement","appliesTo":"FINAL_PLAN"}""";
  static final String TRANSFER_IN = "{\"child\":" + CHILD.replace("Input", "Transfer") + """
      ,"oldLaCode":"873","originalIssueDate":"2036-03-01","lastReviewDate":"2037-03-01","transferDate":"2038-02-01",
       "namedSetting":"Oak School"}""";
  static final String PHASE = "{\"nextPhaseTransfer\":\"SCHOOL:2041\"}";
  static final String MEETING = "{\"meetingDate\":\"2038-04-01\",\"reason\":\"Family away\"}";
  static final String TRANSFER_OUT = "{\"newLaCode\":\"873\",\"moveDate\":\"2038-04-01\","
      + "\"learnedOfMoveOn\":\"2038-03-01\"}";
  static final String CEASE_CONSULTATION = "{\"ceaseReason\":\"3\",\"reason\":\"University\","
      + "\"viewsBy\":\"2038-03-20\"}";
  static final String CLOCK = "{\"now\":\"2038-03-02T10:00:00Z\"}";
  static final String HISTORY = "{\"from\":\"2039-05-01\",\"to\":\"2039-05-31\",\"requestsPerMonth\":1,"
      + "\"existingPlans\":0}";

  /** The tables a rejected request must leave as they were. */
  static final List<String> TABLES = List.of("ehc_case", "case_milestone", "case_exception", "case_advice",
      "case_notice", "notification_outbox", "ehc_plan", "plan_review", "simulation_run");

  /**
   * One bad request and the answer it must get. Path placeholders: {case} an open case, {advice} a case with HEALTH
   * advice outstanding, {plan} a plan in force. They are shared: a rejected request leaves them as they were.
   */
  record Bad(String endpoint, String problem, String user, String method, String path, String contentType,
      String body, int status, String field) {

    @Override
    public String toString() {
      return endpoint + ": " + problem;
    }
  }

  static Stream<Bad> badRequests() {
    List<Bad> rows = new ArrayList<>();
    rows.addAll(shapes("POST /api/cases", "caseworker", "POST", "/api/cases", NEW_CASE));
    rows.addAll(fields("POST /api/cases", "caseworker", "POST", "/api/cases", NEW_CASE, new String[][] {
        {"number for a name", "\"Bad\"", "42", "child.forename"},
        {"object for a name", "\"Input\"", "{\"a\":1}", "child.surname"},
        {"array for the child", CHILD, "[]", "child"},
        {"string for the child", CHILD, "\"Bad Input\"", "child"},
        {"number for a postcode", "\"AB1 2CD\"", "12345", "child.postcode"},
        {"boolean for sex", "\"F\"", "true", "child.sex"},
        {"text for a date", "\"2030-05-01\"", "\"soon\"", "child.dateOfBirth"},
        {"number for a date", "\"2038-03-02\"", "24000", "requestReceivedDate"},
        {"30 February", "2030-05-01", "2026-02-30", "child.dateOfBirth"},
        {"year 0001", "2038-03-02", "0001-01-01", "requestReceivedDate"},
        {"year 9999", "2038-03-02", "9999-12-31", "requestReceivedDate"},
        {"unknown request source", "PARENT", "NEIGHBOUR", "requestSource"},
        {"number for an enum", "\"PARENT\"", "2", "requestSource"},
        {"unknown ethnicity", "\"postcode\":", "\"ethnicity\":\"ZZZZ\",\"postcode\":", "child.ethnicity"},
        {"10,000-character name", "\"Bad\"", "\"" + LONG + "\"", "child.forename"},
        {"10,000-character email", "family@example.org", LONG + "@example.org", "familyEmail"},
        {"script in a name", "\"Input\"", "\"" + SCRIPT + "\"", "child.surname"},
        {"script in the email", "family@example.org", SCRIPT, "familyEmail"},
        {"misspelt field", "\"familyEmail\"", "\"familyEmial\"", "familyEmial"}}));

    for (String path : List.of("/api/cases/{case}/withdraw", "/api/cases/{case}/withdrawal")) {
      rows.addAll(shapes("POST " + path, "caseworker", "POST", path, WITHDRAW));
      rows.addAll(fields("POST " + path, "caseworker", "POST", path, WITHDRAW, new String[][] {
          {"no reason", "\"reason\":\"Family moved away\"", "", "reason"},
          {"blank reason", "Family moved away", "   ", "reason"},
          {"number for the reason", "\"Family moved away\"", "42", "reason"},
          {"array for the reason", "\"Family moved away\"", "[\"a\"]", "reason"},
          {"10,000-character reason", "Family moved away", LONG, "reason"}}));
    }
    rows.add(new Bad("POST /api/cases/{ref}/withdraw", "unknown case", "caseworker", "POST",
        "/api/cases/EHC-2038-999999/withdraw", "application/json", WITHDRAW, 404, null));

    String proceed = "/api/cases/{advice}/advice/HEALTH/proceed-without";
    rows.addAll(shapes("POST proceed-without", "caseworker", "POST", proceed, PROCEED));
    rows.addAll(fields("POST proceed-without", "caseworker", "POST", proceed, PROCEED, new String[][] {
        {"unknown outcome", "NOT_RECEIVED", "LOST_IN_POST", "outcome"},
        {"number for the outcome", "\"NOT_RECEIVED\"", "1", "outcome"},
        {"no reason", ",\"reason\":\"Not received in time\"", "", "reason"},
        {"10,000-character reason", "Not received in time", LONG, "reason"}}));
    rows.add(new Bad("POST proceed-without", "unknown advice type", "caseworker", "POST",
        "/api/cases/{advice}/advice/DENTAL/proceed-without", "application/json", PROCEED, 400, "adviceType"));

    String exceptions = "/api/cases/{case}/exceptions";
    rows.addAll(shapes("POST exceptions", "caseworker", "POST", exceptions, EXCEPTION));
    rows.addAll(fields("POST exceptions", "caseworker", "POST", exceptions, EXCEPTION, new String[][] {
        {"unknown ground", "EXCEPTIONAL_PERSONAL_CIRCUMSTANCES", "HOLIDAY", "ground"},
        {"number for the ground", "\"EXCEPTIONAL_PERSONAL_CIRCUMSTANCES\"", "0", "ground"},
        {"30 February", "2038-04-30", "2038-02-30", "to"},
        {"year 0001", "2038-03-02", "0001-03-02", "from"},
        {"year 9999", "2038-04-30", "9999-04-30", "to"},
        {"to before from", "2038-04-30", "2038-03-01", "to"},
        {"array for the evidence", "\"Family bereavement\"", "[\"x\"]", "evidence"},
        {"number for the evidence", "\"Family bereavement\"", "7", "evidence"},
        {"10,000-character evidence", "Family bereavement", LONG, "evidence"},
        {"unknown appliesTo", "FINAL_PLAN", "EVERYTHING", "appliesTo"},
        {"adviceType for a plan", "\"FINAL_PLAN\"", "\"FINAL_PLAN\",\"adviceType\":\"HEALTH\"", "adviceType"},
        {"unknown adviceType", "\"FINAL_PLAN\"", "\"ADVICE\",\"adviceType\":\"DENTAL\"", "adviceType"}}));

    rows.addAll(shapes("POST /api/plans/transfer-in", "caseworker", "POST", "/api/plans/transfer-in", TRANSFER_IN));
    rows.addAll(fields("POST /api/plans/transfer-in", "caseworker", "POST", "/api/plans/transfer-in", TRANSFER_IN,
        new String[][] {
            {"number for the LA code", "\"873\"", "873", "oldLaCode"},
            {"2-digit LA code", "\"873\"", "\"87\"", "oldLaCode"},
            {"transfer in year 9999", "2038-02-01", "9999-02-01", "transferDate"},
            {"issued in year 0001", "2036-03-01", "0001-03-01", "originalIssueDate"},
            {"30 February", "2038-02-01", "2038-02-30", "transferDate"},
            {"number for a date", "\"2037-03-01\"", "20370301", "lastReviewDate"},
            {"review after the transfer", "2037-03-01", "2038-02-02", "lastReviewDate"},
            {"array for the child", CHILD.replace("Input", "Transfer"), "[]", "child"},
            {"10,000-character setting", "Oak School", LONG, "namedSetting"}}));

    String phase = "/api/plans/{plan}/next-phase-transfer";
    rows.addAll(shapes("PUT next-phase-transfer", "caseworker", "PUT", phase, PHASE));
    rows.addAll(fields("PUT next-phase-transfer", "caseworker", "PUT", phase, PHASE, new String[][] {
        {"30 February", "SCHOOL:2041", "POST16_TO_POST16:2041-02-30", "nextPhaseTransfer"},
        {"year 0001", "SCHOOL:2041", "SCHOOL:0001", "nextPhaseTransfer"},
        {"year 9999", "SCHOOL:2041", "POST16:9999", "nextPhaseTransfer"},
        {"unknown phase", "SCHOOL:2041", "UNIVERSITY:2041", "nextPhaseTransfer"},
        {"number", "\"SCHOOL:2041\"", "2041", "nextPhaseTransfer"},
        {"10,000 characters", "SCHOOL:2041", LONG, "nextPhaseTransfer"}}));
    rows.add(new Bad("PUT next-phase-transfer", "no plan", "caseworker", "PUT",
        "/api/plans/EHC-2038-999999/next-phase-transfer", "application/json", PHASE, 404, null));
    rows.add(new Bad("DELETE next-phase-transfer", "no plan", "caseworker", "DELETE",
        "/api/plans/EHC-2038-999999/next-phase-transfer", null, null, 404, null));

    String meeting = "/api/plans/{plan}/review-meeting";
    rows.addAll(shapes("PUT review-meeting", "caseworker", "PUT", meeting, MEETING));
    rows.addAll(fields("PUT review-meeting", "caseworker", "PUT", meeting, MEETING, new String[][] {
        {"no date", "\"meetingDate\":\"2038-04-01\",", "", "meetingDate"},
        {"30 February", "2038-04-01", "2038-02-30", "meetingDate"},
        {"day first", "2038-04-01", "01/04/2038", "meetingDate"},
        {"number for the date", "\"2038-04-01\"", "20380401", "meetingDate"},
        {"tomorrow: no 2 weeks' notice", "2038-04-01", "2038-03-03", "meetingDate"},
        {"year 9999", "2038-04-01", "9999-04-01", "meetingDate"},
        {"year 0001", "2038-04-01", "0001-04-01", "meetingDate"},
        {"no reason", ",\"reason\":\"Family away\"", "", "reason"},
        {"blank reason", "Family away", "  ", "reason"},
        {"10,000-character reason", "Family away", LONG, "reason"}}));
    rows.add(new Bad("PUT review-meeting", "no case", "caseworker", "PUT",
        "/api/plans/EHC-2038-999999/review-meeting", "application/json", MEETING, 404, null));

    String transferOut = "/api/plans/{plan}/transfer-out";
    rows.addAll(shapes("POST transfer-out", "caseworker", "POST", transferOut, TRANSFER_OUT));
    rows.addAll(fields("POST transfer-out", "caseworker", "POST", transferOut, TRANSFER_OUT, new String[][] {
        {"no LA code", "\"newLaCode\":\"873\",", "", "newLaCode"},
        {"number for the LA code", "\"873\"", "873", "newLaCode"},
        {"2-digit LA code", "\"873\"", "\"87\"", "newLaCode"},
        {"this council's own LA code", "\"873\"", "\"999\"", "newLaCode"},
        {"no move date", ",\"moveDate\":\"2038-04-01\"", "", "moveDate"},
        {"30 February", "2038-04-01", "2038-02-30", "moveDate"},
        {"year 9999", "2038-04-01", "9999-04-01", "moveDate"},
        {"learned of it tomorrow", "2038-03-01", "2038-03-03", "learnedOfMoveOn"},
        {"text for the day learned", "\"2038-03-01\"", "\"soon\"", "learnedOfMoveOn"}}));
    rows.add(new Bad("POST transfer-out", "no case", "caseworker", "POST",
        "/api/plans/EHC-2038-999999/transfer-out", "application/json", TRANSFER_OUT, 404, null));
    String consultation = "/api/plans/{plan}/cease-consultation";
    rows.addAll(shapes("POST cease-consultation", "caseworker", "POST", consultation, CEASE_CONSULTATION));
    rows.addAll(fields("POST cease-consultation", "caseworker", "POST", consultation, CEASE_CONSULTATION,
        new String[][] {
            {"no cease reason", "\"ceaseReason\":\"3\",", "", "ceaseReason"},
            {"cease reason 5 (a move)", "\"3\"", "\"5\"", "ceaseReason"},
            {"cease reason 0", "\"3\"", "\"0\"", "ceaseReason"},
            {"two-digit cease reason", "\"3\"", "\"33\"", "ceaseReason"},
            {"no reason", ",\"reason\":\"University\"", "", "reason"},
            {"blank reason", "University", "  ", "reason"},
            {"10,000-character reason", "University", LONG, "reason"},
            {"no views date", ",\"viewsBy\":\"2038-03-20\"", "", "viewsBy"},
            {"views by today", "2038-03-20", "2038-03-02", "viewsBy"},
            {"views by in 4 months", "2038-03-20", "2038-07-02", "viewsBy"},
            {"30 February", "2038-03-20", "2038-02-30", "viewsBy"}}));
    rows.add(new Bad("POST cease-consultation", "no case", "caseworker", "POST",
        "/api/plans/EHC-2038-999999/cease-consultation", "application/json", CEASE_CONSULTATION, 404, null));
    String[][] ceasingEndpoints = {{"cease-appeal", "lodgedOn"}, {"cease-mediation", "startedOn"},
        {"cease-mediation-certificate", "issuedOn"}};
    for (String[] ceasing : ceasingEndpoints) {
      String path = "/api/plans/{plan}/" + ceasing[0];
      String body = "{\"" + ceasing[1] + "\":\"2038-03-01\"}";
      rows.addAll(shapes("POST " + ceasing[0], "caseworker", "POST", path, body));
      rows.addAll(fields("POST " + ceasing[0], "caseworker", "POST", path, body, new String[][] {
          {"no date", "\"2038-03-01\"", "null", ceasing[1]},
          {"30 February", "2038-03-01", "2038-02-30", ceasing[1]},
          {"number for the date", "\"2038-03-01\"", "20380301", ceasing[1]},
          {"misspelt field", ceasing[1], ceasing[1] + "x", ceasing[1] + "x"}}));
    }
    String cancel = "/api/plans/{plan}/transfer-out/cancel";
    rows.addAll(shapes("POST transfer-out/cancel", "caseworker", "POST", cancel, WITHDRAW));
    rows.addAll(fields("POST transfer-out/cancel", "caseworker", "POST", cancel, WITHDRAW, new String[][] {
        {"no reason", "\"reason\":\"Family moved away\"", "", "reason"},
        {"blank reason", "Family moved away", "   ", "reason"},
        {"10,000-character reason", "Family moved away", LONG, "reason"}}));

    rows.add(new Bad("POST notifications posted", "id not a number", "caseworker", "POST",
        "/api/notifications/abc/posted", null, null, 400, "id"));
    rows.add(new Bad("POST notifications posted", "id too big", "caseworker", "POST",
        "/api/notifications/99999999999999999999/posted", null, null, 400, "id"));
    rows.add(new Bad("POST notifications posted", "unknown id", "caseworker", "POST",
        "/api/notifications/-1/posted", null, null, 404, null));

    rows.addAll(shapes("PUT /api/simulation/clock", "manager", "PUT", "/api/simulation/clock", CLOCK));
    rows.addAll(fields("PUT /api/simulation/clock", "manager", "PUT", "/api/simulation/clock", CLOCK,
        new String[][] {
            {"not an instant", "2038-03-02T10:00:00Z", "tomorrow", "now"},
            {"30 February", "2038-03-02T10:00:00Z", "2038-02-30T10:00:00Z", "now"},
            {"a date without a time", "2038-03-02T10:00:00Z", "2038-03-02", "now"},
            {"year 0001", "2038-03-02T10:00:00Z", "0001-01-01T00:00:00Z", "now"},
            {"year 9999", "2038-03-02T10:00:00Z", "9999-12-31T00:00:00Z", "now"},
            {"a number", "\"2038-03-02T10:00:00Z\"", "123", "now"},
            {"no instant", "\"2038-03-02T10:00:00Z\"", "null", "now"}}));

    rows.addAll(fields("POST /api/simulation/history", "manager", "POST", "/api/simulation/history", HISTORY,
        new String[][] {
            {"malformed JSON", HISTORY, "{\"months\":", null},
            {"array for the settings", HISTORY, "[1,2]", "settings"},
            {"text for a number", "\"requestsPerMonth\":1", "\"requestsPerMonth\":\"many\"", "requestsPerMonth"},
            {"unknown setting", "\"existingPlans\":0", "\"existingPlans\":0,\"colour\":\"red\"", "colour"},
            {"30 February", "2039-05-31", "2039-02-30", "to"},
            {"year 0001", "2039-05-01", "0001-05-01", "from"},
            {"year 9999", "2039-05-31", "9999-05-31", "to"},
            {"to alone in year 9999", "\"from\":\"2039-05-01\",\"to\":\"2039-05-31\"", "\"to\":\"9999-05-31\"",
                "to"},
            {"unknown advice type", "\"existingPlans\":0", "\"existingPlans\":0,\"advice\":{\"DENTAL\":"
                + "{\"onTimeRate\":0.5,\"meanDaysLate\":3}}", "advice"},
            {"10,000-character seed", "\"existingPlans\":0", "\"existingPlans\":0,\"seed\":\"" + LONG + "\"",
                "seed"}}));
    rows.add(new Bad("POST /api/simulation/history", "wrong content type", "manager", "POST",
        "/api/simulation/history", "text/plain", HISTORY, 415, null));

    rows.add(new Bad("POST /api/plans/import", "JSON instead of CSV", "manager", "POST", "/api/plans/import",
        "application/json", "{\"plans\":[]}", 415, null));
    rows.add(new Bad("POST /api/plans/import", "empty body", "manager", "POST", "/api/plans/import", "text/csv", "",
        400, null));
    rows.add(new Bad("POST /api/plans/import", "multipart without the file", "manager", "POST", "/api/plans/import",
        "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n",
        400, "file"));
    rows.add(new Bad("DELETE /api/cases/{ref}", "a method the path does not have", "caseworker", "DELETE",
        "/api/cases/{case}", null, null, 405, null));
    return rows.stream();
  }

  /** Bodies of the wrong shape or type, for any JSON endpoint. */
  static List<Bad> shapes(String endpoint, String user, String method, String path, String valid) {
    return List.of(
        new Bad(endpoint, "malformed JSON", user, method, path, "application/json",
            valid.substring(0, valid.length() / 2), 400, null),
        new Bad(endpoint, "empty body", user, method, path, "application/json", "", 400, null),
        new Bad(endpoint, "JSON null", user, method, path, "application/json", "null", 400, null),
        new Bad(endpoint, "array for the object", user, method, path, "application/json", "[" + valid + "]", 400, null),
        new Bad(endpoint, "string for the object", user, method, path, "application/json", "\"text\"", 400, null),
        new Bad(endpoint, "text/plain", user, method, path, "text/plain", valid, 415, null),
        new Bad(endpoint, "a form", user, method, path, "application/x-www-form-urlencoded", "reason=x", 415, null),
        new Bad(endpoint, "XML", user, method, path, "application/xml", "<reason>x</reason>", 415, null),
        new Bad(endpoint, "no content type", user, method, path, null, valid, 415, null));
  }

  /** The valid body with one part replaced: {problem, replace, with, field}. */
  static List<Bad> fields(String endpoint, String user, String method, String path, String valid, String[][] cases) {
    List<Bad> rows = new ArrayList<>();
    for (String[] c : cases) {
      assertThat(valid).as(c[0]).contains(c[1]);
      rows.add(new Bad(endpoint, c[0], user, method, path, "application/json", valid.replace(c[1], c[2]), 400, c[3]));
    }
    return rows;
  }

  @LocalServerPort int port;
  @Autowired PathwayDriver driver;
  @Autowired TransferIn transferIn;
  @Autowired JdbcOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  private final ObjectMapper json = new ObjectMapper();
  private TestHttp http;
  private String plan;
  private String openCase;
  private String adviceCase;
  private final Map<String, String> taskCases = new LinkedHashMap<>();

  @BeforeAll
  void createCases() {
    driver.today(TODAY);
    openCase = driver.receiveRequest(TODAY, "2030-05-01").caseReference();
    adviceCase = caseAwaitingHealthAdvice();
    plan = transferIn.receive(new TransferInRequest(
        new NewCaseRequest.Child("Bad", "Plan", LocalDate.parse("2030-05-01"), "F", "AB1 2CD", null), null, "873",
        LocalDate.parse("2036-03-01"), null, LocalDate.parse("2038-02-01"), "Oak School"), "caseworker");
    ClockUtil.reset();
  }

  @BeforeEach
  void setUp() {
    http = new TestHttp(port);
    ClockUtil.setCurrentTime(Date.from(LocalDate.parse(TODAY).atTime(10, 0).atZone(EngineClock.LONDON).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void isRefusedNamingWhatIsWrongAndStoresNothing(Bad bad) throws Exception {
    String path = resolve(bad.path());
    Map<String, Object> before = counts();

    HttpResponse<String> response = http.call(bad.user(), bad.method(), path, bad.contentType(), bad.body());

    String seen = response.statusCode() + " " + response.body();
    assertThat(response.statusCode()).as(seen).isEqualTo(bad.status());
    assertProblem(response, bad.field());
    assertThat(counts()).as("nothing stored: " + seen).isEqualTo(before);
  }

  static Stream<Arguments> badQueries() {
    return Stream.of(
        q("manager", "/api/reports/timeliness?from=2026-02-30&to=2026-03-31", "from"),
        q("manager", "/api/reports/timeliness?from=0001-01-01&to=2026-03-31", "from"),
        q("manager", "/api/reports/timeliness?from=2026-01-01&to=9999-12-31", "to"),
        q("manager", "/api/reports/timeliness?from=yesterday&to=2026-03-31", "from"),
        q("manager", "/api/reports/timeliness?from=2026-03-01&to=2026-01-01", "to"),
        q("manager", "/api/reports/timeliness?from=2026-01-01", "to"),
        q("manager", "/api/reports/timeliness?from=" + "9".repeat(2_000) + "&to=2026-03-31", "from"),
        q("manager", "/api/reports/timeliness/monthly?year=20260", "year"),
        q("manager", "/api/reports/timeliness/monthly?year=0001", "year"),
        q("manager", "/api/reports/timeliness/monthly?year=9999", "year"),
        q("manager", "/api/reports/timeliness/monthly?year=abc", "year"),
        q("manager", "/api/reports/timeliness/monthly", "year"),
        q("manager", "/api/reports/sen2?year=0001", "year"),
        q("manager", "/api/reports/sen2?year=9999", "year"),
        q("manager", "/api/reports/sen2?year=20x6", "year"),
        q("manager", "/api/reports/sen2", "year"),
        q("caseworker", "/api/reviews?due=2026-13", "due"),
        q("caseworker", "/api/reviews?due=2026-02-30", "due"),
        q("caseworker", "/api/reviews?due=soon", "due"),
        q("caseworker", "/api/reviews", "due"),
        q("caseworker", "/api/notifications?page=-1", "page"),
        q("caseworker", "/api/notifications?size=0", "size"),
        q("caseworker", "/api/notifications?size=501", "size"),
        q("caseworker", "/api/notifications?size=99999999999", "size"),
        q("caseworker", "/api/notifications?page=abc", "page"),
        q("caseworker", "/api/cases?status=LOST", "status"),
        q("caseworker", "/api/cases?status=" + SCRIPT, "status"),
        q("manager", "/api/reports/at-risk/page?page=-1", "page"),
        q("manager", "/api/reports/at-risk/page?page=first", "page"),
        q("manager", "/api/reports/at-risk/page?size=0", "size"),
        q("manager", "/api/reports/at-risk/page?size=501", "size"),
        q("manager", "/api/reports/at-risk/page?size=99999999999", "size"),
        q("manager", "/api/reports/at-risk/page?page=0&size=-5", "size"),
        q("caseworker", "/api/cases?page=-1", "page"),
        q("caseworker", "/api/cases?size=0", "size"),
        q("caseworker", "/api/cases?size=501", "size"),
        q("caseworker", "/api/cases?size=abc", "size"));
  }

  @ParameterizedTest(name = "GET {1}")
  @MethodSource("badQueries")
  void badQueryParametersAreRefusedNamingTheParameter(String user, String path, String parameter) throws Exception {
    HttpResponse<String> response = http.get(user, path.replace("<", "%3C").replace(">", "%3E")
        .replace("(", "%28").replace(")", "%29"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertProblem(response, parameter);
  }

  @Test
  void farPagesAndFarMonthsAreEmptyNotErrors() {
    assertThat(http.get("caseworker", "/api/notifications?page=2147483647&size=500").statusCode()).isEqualTo(200);
    assertThat(http.get("caseworker", "/api/cases?page=2147483647&size=500").statusCode()).isEqualTo(200);
    assertThat(http.get("manager", "/api/reports/at-risk/page?page=2147483647&size=500").statusCode()).isEqualTo(200);
    assertThat(http.get("caseworker", "/api/reviews?due=2099-12").statusCode()).isEqualTo(200);
  }

  @Test
  void badCsvRowsAreReportedByLineAndColumnAndNothingIsStored() throws Exception {
    String header = "reference,forename,surname,dateOfBirth,sex,postcode,issueDate,lastReviewDate,nextPhaseTransfer,"
        + "placement\n";
    String good = "BAD-{n},Bad,Import,2030-05-01,F,AB1 2CD,2037-06-01,,,Oak School";
    String[][] rows = {
        {"dateOfBirth", good.replace("2030-05-01", "2030-02-30")},
        {"issueDate", good.replace("2037-06-01", "9999-06-01")},
        {"issueDate", good.replace("2037-06-01", "0001-06-01")},
        {"nextPhaseTransfer", good.replace(",,,", ",,POST16_TO_POST16:2041-02-30,")},
        {"nextPhaseTransfer", good.replace(",,,", ",,SCHOOL:0001,")},
        {"placement", good.replace("Oak School", LONG)},
        {"forename", good.replace("Bad,", SCRIPT + ",")},
        {"reference", good.replace("BAD-{n}", LONG)},
        {"sex", good.replace(",F,", ",X,")},
        {"columns", good + ",extra"}};
    StringBuilder csv = new StringBuilder(header);
    for (int i = 0; i < rows.length; i++) {
      csv.append(rows[i][1].replace("{n}", UUID.randomUUID().toString().substring(0, 8))).append('\n');
    }
    Map<String, Object> before = counts();

    HttpResponse<String> response = http.call("manager", "POST", "/api/plans/import", "text/csv", csv.toString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = json.readTree(response.body());
    assertThat(result.path("loaded").asInt()).isZero();
    assertThat(result.path("errors")).hasSize(rows.length);
    for (int i = 0; i < rows.length; i++) {
      JsonNode error = result.path("errors").get(i);
      assertThat(error.path("line").asInt()).isEqualTo(i + 2);
      assertThat(error.path("message").asText()).as(error.toString()).contains(rows[i][0]);
    }
    assertThat(response.body()).doesNotContain("Exception", "at org.");
    assertThat(counts()).isEqualTo(before);
  }

  // ---- /engine-rest: completing tasks with bad variables ----

  static Stream<Arguments> badTaskInput() {
    String reason = "\"reason\":{\"value\":\"Evidence.\"}";
    String summary = "\"summary\":{\"value\":\"Advice.\"}";
    return Stream.of(
        t("panel", "decideWhetherToAssess", "unknown decision",
            "{\"variables\":{\"decision\":{\"value\":\"MAYBE\"}," + reason + "}}", 400, "decision"),
        t("panel", "decideWhetherToAssess", "number for the decision",
            "{\"variables\":{\"decision\":{\"value\":42,\"type\":\"Integer\"}," + reason + "}}", 400, "decision"),
        t("panel", "decideWhetherToAssess", "no variables", "{}", 400, "decision"),
        t("panel", "decideWhetherToAssess", "10,000-character reason",
            "{\"variables\":{\"decision\":{\"value\":\"DO_NOT_ASSESS\"},\"reason\":{\"value\":\"" + LONG + "\"}}}",
            400, "reason"),
        t("panel", "decideWhetherToAssess", "unknown advice type",
            "{\"variables\":{\"decision\":{\"value\":\"ASSESS\"}," + reason
                + ",\"adviceTypes\":{\"value\":\"HEALTH,DENTAL\"}}}", 400, "adviceTypes"),
        t("panel", "decideWhetherToAssess", "object for the advice types",
            "{\"variables\":{\"decision\":{\"value\":\"ASSESS\"}," + reason
                + ",\"adviceTypes\":{\"value\":\"{\\\"a\\\":1}\",\"type\":\"Json\"}}}", 400, "adviceTypes"),
        t("panel", "decideWhetherToAssess", "unknown variable type",
            "{\"variables\":{\"decision\":{\"value\":\"ASSESS\",\"type\":\"Colour\"}," + reason + "}}", 400, null),
        t("panel", "decideWhetherToAssess", "malformed JSON", "{\"variables\":{\"decision\":", 400, null),
        t("panel", "decideWhetherToAssess", "array for the body", "[1]", 400, null),
        t("panel", "decideWhetherToAssess", "text/plain", "decision=ASSESS", 415, null),
        t("health", "provideAdvice", "unknown outcome",
            "{\"variables\":{\"adviceOutcome\":{\"value\":\"MAYBE\"}," + summary + "}}", 400, "adviceOutcome"),
        t("health", "provideAdvice", "advice given without a summary",
            "{\"variables\":{\"adviceOutcome\":{\"value\":\"ADVICE_GIVEN\"}}}", 400, "summary"),
        t("health", "provideAdvice", "10,000-character summary",
            "{\"variables\":{\"adviceOutcome\":{\"value\":\"ADVICE_GIVEN\"},\"summary\":{\"value\":\"" + LONG
                + "\"}}}", 400, "summary"),
        t("health", "provideAdvice", "number for the summary",
            "{\"variables\":{\"adviceOutcome\":{\"value\":\"ADVICE_GIVEN\"},\"summary\":{\"value\":7,"
                + "\"type\":\"Long\"}}}", 400, "summary"));
  }

  @ParameterizedTest(name = "{1} {2} via {5}")
  @MethodSource("badTaskInputEitherWay")
  void badTaskInputLeavesTheTaskOpenAndStoresNothing(String user, String taskKey, String problem, String body,
      int status, String endpoint, String variable) throws Exception {
    String reference = taskCases.computeIfAbsent(taskKey, key -> key.equals("provideAdvice")
        ? caseAwaitingHealthAdvice() : driver.receiveRequest(TODAY, "2030-05-01").caseReference());
    String taskId = driver.task(reference, taskKey).getId();
    Map<String, String> variables = variables(taskId);
    Map<String, Object> before = counts();

    HttpResponse<String> response = http.call(user, "POST", "/engine-rest/task/" + taskId + "/" + endpoint,
        status == 415 ? "text/plain" : "application/json", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).doesNotContain("\tat ", "at org.", "at java.", "Caused by");
    if (variable != null) {
      assertThat(json.readTree(response.body()).path("message").asText()).contains(variable);
    }
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task still open").isEqualTo(1);
    assertThat(variables(taskId)).isEqualTo(variables);
    assertThat(counts()).isEqualTo(before);
  }

  Stream<Arguments> badTaskInputEitherWay() {
    return badTaskInput().flatMap(a -> Stream.of("complete", "submit-form").map(endpoint -> {
      Object[] v = a.get();
      return Arguments.of(v[0], v[1], v[2], v[3], v[4], endpoint, v[5]);
    }));
  }

  // ---- script: refused, or stored and returned as JSON text, never as HTML ----

  @Test
  void scriptInFreeTextIsKeptAsPlainTextAndNeverServedAsHtml() throws Exception {
    String reference = driver.receiveRequest(TODAY, "2030-05-01").caseReference();
    HttpResponse<String> recorded = http.json("caseworker", "POST", "/api/cases/" + reference + "/exceptions",
        EXCEPTION.replace("Family bereavement", SCRIPT));
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    driver.complete(reference, "decideWhetherToAssess", Map.of("decision", "DO_NOT_ASSESS", "reason", SCRIPT));

    HttpResponse<String> view = http.get("caseworker", "/api/cases/" + reference);
    assertJsonNotHtml(view);
    JsonNode caseView = json.readTree(view.body());
    assertThat(caseView.at("/exceptions/0/evidence").asText()).isEqualTo(SCRIPT);
    assertThat(caseView.path("notices").findValuesAsText("text")).anyMatch(text -> text.contains(SCRIPT));

    HttpResponse<String> notifications = http.get("caseworker", "/api/notifications?caseReference=" + reference);
    assertJsonNotHtml(notifications);
    assertThat(json.readTree(notifications.body()).findValuesAsText("body")).anyMatch(b -> b.contains(SCRIPT));

    HttpResponse<String> atRisk = http.call("manager", "GET", "/api/reports/at-risk", null, null, "text/csv");
    assertThat(TestHttp.contentType(atRisk)).startsWith("text/csv");
    assertThat(atRisk.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    String letter = "script-" + UUID.randomUUID();
    outbox.enqueue(new Notification(reference, "SCRIPT_TEST", Notification.Channel.LETTER, null, "family",
        SCRIPT, SCRIPT, letter));
    assertJsonNotHtml(http.get("manager", "/api/notifications?caseReference=" + reference));
  }

  private static void assertJsonNotHtml(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(TestHttp.contentType(response)).startsWith("application/json");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  // ---- helpers ----

  private void assertProblem(HttpResponse<String> response, String field) throws Exception {
    assertThat(TestHttp.contentType(response)).as(response.body()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
    assertThat(problem.path("detail").asText()).as(response.body()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception", "\tat ", "at org.", "java.", "org.springframework",
        "com.fasterxml", "org.camunda", "trace");
    if (field != null) {
      assertThat(problem.path("errors").findValuesAsText("field")).as(response.body())
          .anyMatch(named -> named.equals(field) || named.startsWith(field + "."));
      assertThat(problem.path("detail").asText()).contains(field);
    }
  }

  private Map<String, String> variables(String taskId) {
    Map<String, String> values = new TreeMap<>();
    taskService.getVariables(taskId).forEach((name, value) -> values.put(name, String.valueOf(value)));
    return values;
  }

  private Map<String, Object> counts() {
    Map<String, Object> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
    }
    counts.put("process instances", runtimeService.createProcessInstanceQuery().count());
    counts.put("tasks", taskService.createTaskQuery().count());
    counts.put("the plan's next phase transfer", jdbc.sql("SELECT COALESCE(next_phase_transfer, '-') FROM ehc_plan"
        + " WHERE case_reference = ?").param(plan).query(String.class).single());
    counts.put("closed cases", jdbc.sql("SELECT COUNT(*) FROM ehc_case WHERE status <> 'OPEN'")
        .query(Long.class).single());
    return counts;
  }

  private String resolve(String path) {
    return path.replace("{plan}", plan).replace("{case}", openCase).replace("{advice}", adviceCase);
  }

  private String caseAwaitingHealthAdvice() {
    String reference = driver.receiveRequest(TODAY, "2030-05-01").caseReference();
    driver.complete(reference, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", "HEALTH",
        "reason", "Evidence."));
    return reference;
  }

  private static Arguments q(String user, String path, String parameter) {
    return Arguments.of(user, path, parameter);
  }

  private static Arguments t(String user, String taskKey, String problem, String body, int status, String variable) {
    return Arguments.of(user, taskKey, problem, body, status, variable);
  }
}
