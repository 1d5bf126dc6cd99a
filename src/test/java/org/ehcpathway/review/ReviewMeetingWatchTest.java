package org.ehcpathway.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ehcpathway.ReceivedMail.recipient;
import static org.ehcpathway.ReceivedMail.subject;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.casefile.CaseView;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.notification.OutboxSender;
import org.ehcpathway.statutory.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The review meeting's watch on issue 4's example: meeting Wed 10 Mar 2027, report due Wed 24 Mar (chased Thu
 * 25 Mar), decision due Wed 7 Apr (AMBER Wed 31 Mar, RED Thu 8 Apr).
 */
@PathwayIntegrationTest
class ReviewMeetingWatchTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired PathwayDriver driver;
  @Autowired CaseFile caseFile;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired OutboxSender sender;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aLateReportIsChasedAndALateDecisionTurnsAmberThenRedTellingTheCaseworkerAndManagers() throws Exception {
    String ref = meetingOn10March2027WithAllAdvice();

    driver.today("2027-03-24");
    assertThat(watchMilestones(ref)).isEmpty();
    driver.today("2027-03-25");
    assertThat(watchMilestones(ref)).extracting(CaseView.Milestone::type, CaseView.Milestone::date)
        .containsExactly(tuple(MilestoneType.REVIEW_REPORT_OVERDUE, LocalDate.parse("2027-03-25")));
    assertThat(outbox(ref, "REVIEW_REPORT_OVERDUE")).extracting(row -> row.get("recipient"))
        .containsExactlyInAnyOrder("school@ehc-pathway.example", "caseworker@ehc-pathway.example");
    assertThat(outbox(ref, "REVIEW_REPORT_OVERDUE")).extracting(row -> row.get("subject"))
        .containsOnly(ref + ": annual review report overdue - due Wednesday 24 March 2027");

    driver.today("2027-03-30");
    assertThat(outbox(ref, "REVIEW_DECISION_AMBER")).isEmpty();
    driver.today("2027-03-31");
    assertThat(outbox(ref, "REVIEW_DECISION_AMBER")).extracting(row -> row.get("recipient"))
        .containsExactlyInAnyOrder("caseworker@ehc-pathway.example", "manager@ehc-pathway.example");
    assertThat(outbox(ref, "REVIEW_DECISION_AMBER")).extracting(row -> row.get("subject"))
        .containsOnly(ref + ": review decision due in 7 days - due Wednesday 7 April 2027");
    assertThat(outbox(ref, "REVIEW_DECISION_AMBER").get(0).get("body").toString())
        .contains("held on Wednesday 10 March 2027", "The review report has not been received either");

    driver.today("2027-04-01");
    driver.complete(ref, "submitReviewReport", Map.of("recommendation", "MAINTAIN", "summary", "Good progress."));
    driver.today("2027-04-07");
    assertThat(outbox(ref, "REVIEW_DECISION_RED")).isEmpty();
    driver.today("2027-04-08");
    assertThat(outbox(ref, "REVIEW_DECISION_RED")).extracting(row -> row.get("subject"))
        .containsOnly(ref + ": review decision overdue - due Wednesday 7 April 2027");
    assertThat(outbox(ref, "REVIEW_DECISION_RED").get(0).get("body").toString())
        .contains("the deadline has passed").doesNotContain("not been received either");
    assertThat(watchMilestones(ref)).extracting(CaseView.Milestone::type, CaseView.Milestone::date).containsExactly(
        tuple(MilestoneType.REVIEW_REPORT_OVERDUE, LocalDate.parse("2027-03-25")),
        tuple(MilestoneType.REVIEW_DECISION_AMBER, LocalDate.parse("2027-03-31")),
        tuple(MilestoneType.REVIEW_DECISION_RED, LocalDate.parse("2027-04-08")));
    assertThat(watches(ref)).as("the watch ends after the RED check").isEmpty();

    sender.sendDue();
    MimeMessage chase = Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> subject(mail).equals(ref + ": annual review report overdue - due Wednesday 24 March 2027"))
        .filter(mail -> recipient(mail).equals("school@ehc-pathway.example")).findFirst().orElseThrow();
    assertThat(GreenMailUtil.getBody(chase)).contains("held on Wednesday 10 March 2027", "Wednesday 7 April 2027",
        "/camunda/app/tasklist/").doesNotContain("Test Child");
  }

  @Test
  void aReviewDecidedInTimeEndsItsWatchAndTellsNobody() {
    String ref = meetingOn10March2027WithAllAdvice();
    assertThat(watches(ref)).hasSize(1);
    driver.today("2027-03-12");
    driver.complete(ref, "submitReviewReport", Map.of("recommendation", "MAINTAIN", "summary", "Good progress."));
    driver.today("2027-03-20");
    driver.complete(ref, "decideReviewOutcome", Map.of("reviewOutcome", "MAINTAIN", "reason", "Needs unchanged."));

    assertThat(watches(ref)).isEmpty();
    driver.today("2027-04-09");
    assertThat(watchMilestones(ref)).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE case_reference = ? AND (kind LIKE"
        + " 'REVIEW_DECISION_%' OR kind = 'REVIEW_REPORT_OVERDUE')").param(ref).query(Long.class).single())
        .isZero();
  }

  @Test
  void aMovedMeetingMovesItsWatch() {
    String ref = meetingOn10March2027WithAllAdvice();
    String watch = watches(ref).get(0);
    assertThat(timerDates(watch)).containsExactly(EngineClock.startOf(LocalDate.parse("2027-03-25")));

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(rest.withBasicAuth("caseworker", "caseworker").exchange("/api/plans/" + ref + "/review-meeting",
        HttpMethod.PUT, new HttpEntity<>("{\"meetingDate\":\"2027-03-24\",\"reason\":\"Family away\"}", headers),
        String.class).getStatusCode().value()).isEqualTo(200);

    // report due 7 Apr, chased 8 Apr; nothing on the first date's 25 Mar; decision due 21 Apr, AMBER 14 Apr
    assertThat(timerDates(watch)).containsExactly(EngineClock.startOf(LocalDate.parse("2027-04-08")));
    driver.today("2027-03-25");
    assertThat(watchMilestones(ref)).isEmpty();
    driver.today("2027-04-08");
    assertThat(watchMilestones(ref)).extracting(CaseView.Milestone::date)
        .containsExactly(LocalDate.parse("2027-04-08"));
    assertThat(timerDates(watch)).containsExactly(EngineClock.startOf(LocalDate.parse("2027-04-14")));
  }

  /** Issue 4's example; every advice given, so only the watch writes to the outbox afterwards. */
  private String meetingOn10March2027WithAllAdvice() {
    String ref = driver.planIssuedOn("2026-05-25", "2016-05-01");
    driver.today("2027-02-15");
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2027-03-10"));
    driver.giveAllAdvice(ref);
    return ref;
  }

  private List<String> watches(String ref) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .processDefinitionKey(ReviewMeetingWatch.PROCESS_KEY).list().stream().map(p -> p.getId()).toList();
  }

  private List<java.util.Date> timerDates(String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
        .map(job -> job.getDuedate()).toList();
  }

  private List<CaseView.Milestone> watchMilestones(String ref) {
    return caseFile.view(ref).milestones().stream().filter(m -> m.type() == MilestoneType.REVIEW_REPORT_OVERDUE
        || m.type() == MilestoneType.REVIEW_DECISION_AMBER || m.type() == MilestoneType.REVIEW_DECISION_RED).toList();
  }

  private List<Map<String, Object>> outbox(String ref, String kind) {
    return jdbc.sql("SELECT recipient, subject, body FROM notification_outbox WHERE case_reference = ? AND kind = ?")
        .params(ref, kind).query().listOfRows();
  }
}
