package org.ehcpathway.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.ehcpathway.ProblemAnswers.assertProblem;
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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.casefile.CaseStatus;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A plan moving with its child to another council (reg 15(2)): POST /api/plans/{ref}/transfer-out. */
@PathwayIntegrationTest
class PlanTransferOutTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired PathwayDriver driver;
  @Autowired CaseFile caseFile;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired OutboxSender sender;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aPlanLearnedOfLateIsDueFifteenWorkingDaysLaterIsChasedThenCeasesHereEndingItsReviews() throws Exception {
    String ref = driver.planIssuedOn("2026-05-25", "2016-05-01");
    driver.today("2027-02-15");
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2027-03-10"));   // a review under way
    driver.today("2027-02-16");

    assertThat(transferOut(ref, "caseworker", "{\"newLaCode\":\"873\",\"moveDate\":\"2027-03-01\"}")
        .getStatusCode().value()).isEqualTo(200);

    // told on Tue 16 Feb of a move on 1 Mar: fewer than 15 working days, so 15 working days from 16 Feb
    Task send = driver.task(ref, "sendPlanToNewCouncil");
    assertThat(EngineClock.dateOf(send.getDueDate())).isEqualTo("2027-03-08");
    assertThat(taskService.getIdentityLinksForTask(send.getId())).extracting(link -> link.getGroupId())
        .containsExactly("caseworkers");
    assertThat(milestones(ref, MilestoneType.PLAN_MOVING_OUT)).extracting(CaseView.Milestone::detail)
        .containsExactly("To LA 873, moving 2027-03-01 (known since 2027-02-16); the plan transfers by 2027-03-08");
    assertThat(caseFile.view(ref).status()).isEqualTo(CaseStatus.PLAN_ISSUED);

    driver.today("2027-03-08");
    assertThat(milestones(ref, MilestoneType.PLAN_TRANSFER_LATE)).isEmpty();
    driver.today("2027-03-09");
    assertThat(jdbc.sql("SELECT recipient FROM notification_outbox WHERE case_reference = ?"
        + " AND kind = 'PLAN_TRANSFER_LATE'").param(ref).query(String.class).list())
        .containsExactlyInAnyOrder("caseworker@ehc-pathway.example", "manager@ehc-pathway.example");

    assertThatThrownBy(() -> taskService.complete(send.getId(), Map.of("planSent", false)))
        .rootCause().hasMessageContaining("planSent");
    taskService.complete(send.getId(), Map.of("planSent", true));

    CaseView view = caseFile.view(ref);
    assertThat(view.status()).isEqualTo(CaseStatus.CEASED);
    assertThat(jdbc.sql("SELECT status || ' ' || cease_reason || ' ' || ceased_date FROM ehc_plan"
        + " WHERE case_reference = ?").param(ref).query(String.class).single()).isEqualTo("CEASED 5 2027-03-09");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).list())
        .as("the review, its advice and its watches end with the plan").isEmpty();
    assertThat(milestones(ref, MilestoneType.PLAN_TRANSFERRED_OUT)).extracting(CaseView.Milestone::detail)
        .containsExactly("To LA 873; due 2027-03-08, sent 1 day(s) late; SEN2 cease reason 5; family told");

    sender.sendDue();
    MimeMessage toFamily = Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> subject(mail).equals(ref + ": the EHC plan has been sent to the new council"))
        .findFirst().orElseThrow();
    assertThat(recipient(toFamily)).isEqualTo("family@example.org");
    assertThat(GreenMailUtil.getBody(toFamily)).contains("LA code\r\n873", "within 6 weeks").doesNotContain("Test");

    driver.today("2027-06-01");   // no review warning follows a plan that has left
    assertThat(caseFile.view(ref).milestones()).filteredOn(m -> m.date().isAfter(LocalDate.parse("2027-03-09")))
        .isEmpty();
  }

  @Test
  void aMoveKnownFifteenWorkingDaysAheadTransfersOnTheDayOfTheMove() {
    String ref = driver.planIssuedOn("2026-05-25", "2016-05-01");
    driver.today("2027-02-15");
    assertThat(transferOut(ref, "manager",
        "{\"newLaCode\":\"873\",\"moveDate\":\"2027-04-01\",\"learnedOfMoveOn\":\"2027-02-01\"}")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(EngineClock.dateOf(driver.task(ref, "sendPlanToNewCouncil").getDueDate())).isEqualTo("2027-04-01");
  }

  @Test
  void aMoveThatCannotBeRecordedIsRefusedWithAReasonAndChangesNothing() {
    String ref = driver.planIssuedOn("2026-05-25", "2016-05-01");
    driver.today("2027-02-15");
    String open = driver.receiveRequest("2027-02-15", "2016-05-01").caseReference();
    String valid = "{\"newLaCode\":\"873\",\"moveDate\":\"2027-04-01\"}";

    assertProblem(transferOut(open, "caseworker", valid), 409, "has no plan in force");
    assertProblem(transferOut("EHC-1999-000001", "caseworker", valid), 404, "EHC-1999-000001");
    assertProblem(transferOut(ref, "caseworker", valid.replace("873", "999")), 400, "own LA code");
    assertProblem(transferOut(ref, "caseworker", valid.replace("2027-04-01", "2029-04-01")), 400, "within a year");
    assertProblem(transferOut(ref, "caseworker", valid.replace("}", ",\"learnedOfMoveOn\":\"2027-02-16\"}")), 400,
        "not in the future");
    assertProblem(transferOut(ref, "caseworker", valid.replace("}", ",\"learnedOfMoveOn\":\"-999999999-01-01\"}")),
        400, "within the last year");
    assertThat(transferOut(ref, "panel", valid).getStatusCode().value()).isEqualTo(403);
    assertThat(milestones(ref, MilestoneType.PLAN_MOVING_OUT)).isEmpty();
    assertThat(driver.tasks(ref, "sendPlanToNewCouncil")).isEmpty();

    assertThat(transferOut(ref, "caseworker", valid).getStatusCode().value()).isEqualTo(200);
    assertProblem(transferOut(ref, "caseworker", valid.replace("873", "874")), 409, "already moving to LA 873");
    assertThat(driver.tasks(ref, "sendPlanToNewCouncil")).hasSize(1);
  }

  @Test
  void aMoveThatFallsThroughIsCancelledAndTheFamilyMayMoveLater() {
    String ref = driver.planIssuedOn("2026-05-25", "2016-05-01");
    driver.today("2027-02-15");
    assertProblem(post(ref, "/transfer-out/cancel", "caseworker", "{\"reason\":\"Not moving\"}"), 409,
        "is not moving to another council");
    assertThat(transferOut(ref, "caseworker", "{\"newLaCode\":\"873\",\"moveDate\":\"2027-04-01\"}")
        .getStatusCode().value()).isEqualTo(200);

    assertThat(post(ref, "/transfer-out/cancel", "manager", "{\"reason\":\"The house sale fell through\"}")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(driver.tasks(ref, "sendPlanToNewCouncil")).isEmpty();
    assertThat(milestones(ref, MilestoneType.PLAN_MOVE_CANCELLED)).extracting(CaseView.Milestone::detail)
        .containsExactly("Not moving to LA 873 - The house sale fell through");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ehc_plan WHERE case_reference = ? AND new_la_code IS NULL"
        + " AND move_date IS NULL AND transfer_out_due IS NULL AND status = 'ACTIVE'").param(ref).query(Long.class)
        .single()).isEqualTo(1);
    driver.today("2027-04-05");   // past the old transfer day: nobody is chased
    assertThat(milestones(ref, MilestoneType.PLAN_TRANSFER_LATE)).isEmpty();

    assertThat(transferOut(ref, "caseworker", "{\"newLaCode\":\"874\",\"moveDate\":\"2027-06-01\"}")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(driver.tasks(ref, "sendPlanToNewCouncil")).hasSize(1);
  }

  @Test
  void aPlanWaitingToCeaseCeasesWithReason1IfSentFirstAndItsMoveLapsesIfItCeasesFirst() {
    String sentFirst = driver.planDecidedToCeaseOn15February2027();
    String ceasesFirst = driver.planDecidedToCeaseOn15February2027();
    driver.today("2027-03-01");
    String move = "{\"newLaCode\":\"873\",\"moveDate\":\"2027-05-03\"}";   // told 9 weeks ahead: due 3 May
    assertThat(transferOut(sentFirst, "caseworker", move).getStatusCode().value()).isEqualTo(200);
    assertThat(transferOut(ceasesFirst, "caseworker", move).getStatusCode().value()).isEqualTo(200);

    driver.complete(sentFirst, "sendPlanToNewCouncil", Map.of("planSent", true));
    assertThat(jdbc.sql("SELECT cease_reason || ' ' || ceased_date || ' ' || COALESCE(ceases_on, DATE '2000-01-01')"
        + " FROM ehc_plan WHERE case_reference = ?").param(sentFirst).query(String.class).single())
        .isEqualTo("5 2027-03-01 2000-01-01");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(sentFirst).count()).isZero();

    driver.today("2027-04-16");   // the appeal period is over before the plan was sent
    assertThat(caseFile.view(ceasesFirst).status()).isEqualTo(CaseStatus.CEASED);
    assertThat(driver.tasks(ceasesFirst, "sendPlanToNewCouncil")).isEmpty();
    assertThat(jdbc.sql("SELECT cease_reason || ' ' || ceased_date || ' ' || COALESCE(new_la_code, '-')"
        + " FROM ehc_plan WHERE case_reference = ?").param(ceasesFirst).query(String.class).single())
        .isEqualTo("2 2027-04-16 -");
    driver.today("2027-05-04");   // the old transfer day passes: nobody is chased
    assertThat(milestones(ceasesFirst, MilestoneType.PLAN_TRANSFER_LATE)).isEmpty();
  }

  @Test
  void reviewAdviceStillOutstandingWhenThePlanLeavesIsClosed() {
    String ref = driver.planIssuedOn("2026-05-25", "2016-05-01");
    driver.today("2027-02-15");
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2027-03-10"));
    transferOut(ref, "caseworker", "{\"newLaCode\":\"873\",\"moveDate\":\"2027-02-20\"}");
    driver.complete(ref, "sendPlanToNewCouncil", Map.of("planSent", true));
    assertThat(caseFile.view(ref).advice()).filteredOn(a -> "REVIEW".equals(a.purpose()))
        .extracting(CaseView.Advice::closedWithoutReturnDate, CaseView.Advice::outcome)
        .containsOnly(tuple(LocalDate.parse("2027-02-15"), "PLAN_TRANSFERRED")).hasSize(3);
  }

  private ResponseEntity<String> transferOut(String ref, String user, String json) {
    return post(ref, "/transfer-out", user, json);
  }

  private ResponseEntity<String> post(String ref, String path, String user, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange("/api/plans/" + ref + path, HttpMethod.POST,
        new HttpEntity<>(json, headers), String.class);
  }

  private List<CaseView.Milestone> milestones(String ref, MilestoneType type) {
    return caseFile.view(ref).milestones().stream().filter(m -> m.type() == type).toList();
  }
}
