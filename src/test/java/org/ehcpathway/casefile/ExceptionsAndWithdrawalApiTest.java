package org.ehcpathway.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcpathway.ReceivedMail.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.notification.OutboxSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

/** The exception register, withdrawal and the family's notices, through the API and a real SMTP server. */
@PathwayIntegrationTest
class ExceptionsAndWithdrawalApiTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired TestRestTemplate rest;
  @Autowired PathwayDriver driver;
  @Autowired OutboxSender sender;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  private final ObjectMapper json = new ObjectMapper();
  private String ref;

  @BeforeEach
  void setUp() {
    driver.today("2026-01-05");
    ref = driver.receiveRequest("2026-01-05", "2016-05-01").caseReference();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anExceptionIsRegisteredFlagsTheTwentyWeekFiguresAndTellsTheFamily() throws Exception {
    ResponseEntity<String> response = post("caseworker", "/api/cases/" + ref + "/exceptions", """
        {"ground":"EXCEPTIONAL_PERSONAL_CIRCUMSTANCES","from":"2026-03-01","to":"2026-04-15",
         "evidence":"Family bereavement; parent asked for a pause (call log 14 Feb)","appliesTo":"FINAL_PLAN"}""");
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode view = json.readTree(response.getBody());
    assertThat(view.get("week20ExceptionApplies").asBoolean()).isTrue();
    assertThat(view.get("deadlines").get("finalPlan").asText()).isEqualTo("2026-05-25");   // the clock does not stop
    JsonNode exception = view.get("exceptions").get(0);
    assertThat(exception.get("ground").asText()).isEqualTo("EXCEPTIONAL_PERSONAL_CIRCUMSTANCES");
    assertThat(exception.get("recordedBy").asText()).isEqualTo("caseworker");
    assertThat(exception.get("from").asText()).isEqualTo("2026-03-01");

    sender.sendDue();
    MimeMessage toFamily = Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subject(m).startsWith(ref)).findFirst().orElseThrow();
    assertThat(toFamily.getAllRecipients()[0].toString()).isEqualTo("family@example.org");
    assertThat(subject(toFamily)).isEqualTo(ref + ": a step of the EHC needs assessment will be late")
        .doesNotContain("Test", "Child");
    assertThat(GreenMailUtil.getBody(toFamily)).contains("the final EHC plan", "Monday 25 May 2026",
        "exceptional personal circumstances").doesNotContain("bereavement");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "to before from        | {\"ground\":\"EXCEPTIONAL_PERSONAL_CIRCUMSTANCES\",\"from\":\"2026-03-10\",\"to\":\"2026-03-01\",\"evidence\":\"x\",\"appliesTo\":\"FINAL_PLAN\"} | to",
      "closure under 4 weeks | {\"ground\":\"SCHOOL_CLOSURE\",\"from\":\"2026-07-20\",\"to\":\"2026-08-10\",\"evidence\":\"x\",\"appliesTo\":\"ADVICE\",\"adviceType\":\"EDUCATIONAL\"} | to",
      "advice not requested  | {\"ground\":\"MISSED_APPOINTMENT\",\"from\":\"2026-02-01\",\"to\":\"2026-02-01\",\"evidence\":\"x\",\"appliesTo\":\"ADVICE\",\"adviceType\":\"HEALTH\"} | adviceType",
      "absence under 4 weeks | {\"ground\":\"ABSENT_FROM_AREA\",\"from\":\"2026-03-01\",\"to\":\"2026-03-20\",\"evidence\":\"x\",\"appliesTo\":\"FINAL_PLAN\"} | to",
      "missed appointment   | {\"ground\":\"MISSED_APPOINTMENT\",\"from\":\"2026-02-01\",\"to\":\"2026-02-01\",\"evidence\":\"x\",\"appliesTo\":\"FINAL_PLAN\"} | appliesTo",
      "advice without type   | {\"ground\":\"MISSED_APPOINTMENT\",\"from\":\"2026-02-01\",\"to\":\"2026-02-01\",\"evidence\":\"x\",\"appliesTo\":\"ADVICE\"} | adviceType",
      "unknown advice type   | {\"ground\":\"MISSED_APPOINTMENT\",\"from\":\"2026-02-01\",\"to\":\"2026-02-01\",\"evidence\":\"x\",\"appliesTo\":\"ADVICE\",\"adviceType\":\"DENTAL\"} | adviceType",
      "unknown ground        | {\"ground\":\"SNOW\",\"from\":\"2026-02-01\",\"to\":\"2026-02-01\",\"evidence\":\"x\",\"appliesTo\":\"FINAL_PLAN\"} | ground",
      "no evidence           | {\"ground\":\"EXCEPTIONAL_PERSONAL_CIRCUMSTANCES\",\"from\":\"2026-02-01\",\"to\":\"2026-02-01\",\"appliesTo\":\"FINAL_PLAN\"} | evidence",
      "before the request    | {\"ground\":\"EXCEPTIONAL_PERSONAL_CIRCUMSTANCES\",\"from\":\"2025-11-01\",\"to\":\"2025-12-01\",\"evidence\":\"x\",\"appliesTo\":\"FINAL_PLAN\"} | to",
  })
  void badExceptionsAreRefusedNamingTheFieldAndNothingIsStored(String problem, String body, String field)
      throws Exception {
    ResponseEntity<String> response = post("caseworker", "/api/cases/" + ref + "/exceptions", body);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).contains(field);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM case_exception WHERE case_reference = ?").param(ref)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE case_reference = ?").param(ref)
        .query(Long.class).single()).isZero();
  }

  @Test
  void onlyCaseworkersAndManagersRecordExceptionsOnCasesThatExist() {
    String body = """
        {"ground":"EXCEPTIONAL_PERSONAL_CIRCUMSTANCES","from":"2026-03-01","to":"2026-03-02","evidence":"x",
         "appliesTo":"DECISION_TO_ASSESS"}""";
    assertThat(post("health", "/api/cases/" + ref + "/exceptions", body).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("caseworker", "/api/cases/EHC-2026-999999/exceptions", body).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post("manager", "/api/cases/" + ref + "/exceptions", body).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    post("caseworker", "/api/cases/" + ref + "/withdraw", "{\"reason\":\"Family withdrew\"}");
    assertThat(post("caseworker", "/api/cases/" + ref + "/exceptions", body).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void withdrawalEndsEveryTaskAndTimerAndRecordsTheStageReached() throws Exception {
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", "HEALTH,EDUCATIONAL",
        "reason", "Evidence."));
    var instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).list().stream()
        .map(i -> i.getId()).toList();
    assertThat(instances).hasSize(4);   // pathway, deadline watch, two advice requests
    assertThat(instances.stream().mapToLong(id -> managementService.createJobQuery().processInstanceId(id).count())
        .sum()).isEqualTo(1 + 3 + 3);   // the watch's next timer; reminder, overdue, escalation per request

    ResponseEntity<String> withdrawn = post("caseworker", "/api/cases/" + ref + "/withdraw",
        "{\"reason\":\"The family moved to another council\"}");

    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode view = json.readTree(withdrawn.getBody());
    assertThat(view.get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(view.get("openTasks")).isEmpty();
    assertThat(view.get("rag").isNull()).isTrue();
    assertThat(view.toString()).contains("At stage requestAdvice: The family moved to another council");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).count()).isZero();
    assertThat(instances.stream().mapToLong(id -> managementService.createJobQuery().processInstanceId(id).count())
        .sum()).isZero();
  }

  @Test
  void theRefusalNoticeReachesTheFamilyWithTheirAppealRights() throws Exception {
    driver.today("2026-02-10");
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "DO_NOT_ASSESS",
        "reason", "Needs can be met through SEN support."));
    sender.sendDue();
    MimeMessage notice = Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subject(m).startsWith(ref + ": decision not to carry out")).findFirst().orElseThrow();
    assertThat(notice.getAllRecipients()[0].toString()).isEqualTo("family@example.org");
    assertThat(GreenMailUtil.getBody(notice)).contains("Needs can be met through SEN support.", "First-tier Tribunal",
        "by 10 April 2026", "MEDIATION", "INFORMATION, ADVICE AND SUPPORT");

    ResponseEntity<String> outbox = rest.withBasicAuth("caseworker", "caseworker")
        .getForEntity("/api/notifications?caseReference=" + ref, String.class);
    assertThat(outbox.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(outbox.getBody()).contains("REFUSAL_TO_ASSESS", "SENT");
  }

  @Test
  void aFamilyWithoutEmailGetsALetterThatACaseworkerMarksPosted() throws Exception {
    String noEmail = json.readTree(post("caseworker", "/api/cases", """
        {"child":{"forename":"Lee","surname":"Letter","dateOfBirth":"2016-04-12","sex":"M","postcode":"AB1 2CD"},
         "requestReceivedDate":"2026-01-05","requestSource":"PARENT"}""").getBody()).get("caseReference").asText();
    driver.complete(noEmail, "decideWhetherToAssess", Map.of("decision", "DO_NOT_ASSESS", "reason", "Needs met."));
    JsonNode letters = json.readTree(rest.withBasicAuth("caseworker", "caseworker")
        .getForEntity("/api/notifications?caseReference=" + noEmail, String.class).getBody());
    JsonNode letter = letters.get(0);
    assertThat(letter.get("channel").asText()).isEqualTo("LETTER");
    assertThat(letter.get("status").asText()).isEqualTo("TO_PRINT");
    String path = "/api/notifications/" + letter.get("id").asText() + "/posted";
    assertThat(post("health", path, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("caseworker", path, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("caseworker", path, null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(post("caseworker", "/api/notifications/999999999/posted", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("caseworker", "caseworker")
        .getForEntity("/api/notifications?caseReference=" + noEmail, String.class).getBody()).contains("POSTED");
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }
}
