package org.ehcpathway.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ehcpathway.ProblemAnswers.assertProblem;
import static org.ehcpathway.ReceivedMail.recipient;
import static org.ehcpathway.ReceivedMail.subject;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
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

/** Ceasing a plan between reviews (CFA s45, reg 31): POST /api/plans/{ref}/cease-consultation, then the decision. */
@PathwayIntegrationTest
class CeaseConsultationTest {

  static final String PROPOSAL = "{\"ceaseReason\":\"3\",\"reason\":\"Starting university in September.\","
      + "\"viewsBy\":\"2027-03-01\"}";

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
  void theFamilyAndSettingAreConsultedThenADecisionToCeaseWaitsForTheAppealPeriod() throws Exception {
    String ref = driver.planIssuedOn("2026-05-25", "2008-05-01");
    driver.today("2027-02-15");

    assertThat(consult(ref, "caseworker", PROPOSAL).getStatusCode().value()).isEqualTo(200);

    Task decision = driver.task(ref, "decideWhetherToCease");
    assertThat(EngineClock.dateOf(decision.getDueDate())).as("the day after the last day for views")
        .isEqualTo("2027-03-02");
    assertThat(taskService.getIdentityLinksForTask(decision.getId())).extracting(link -> link.getGroupId())
        .containsExactly("caseworkers");
    assertThat(milestones(ref, MilestoneType.CEASE_CONSIDERED)).extracting(CaseView.Milestone::detail)
        .singleElement().asString().startsWith("SEN2 reason 3; views asked for by 2027-03-01 (reg 31) from the family"
            + " and the setting: ").contains("<school@ehc-pathway.example>");
    sender.sendDue();
    MimeMessage toFamily = mail(ref + ": we are considering ceasing the EHC plan", "family@example.org");
    assertThat(GreenMailUtil.getBody(toFamily)).contains("Moved on to higher education",
        "Starting university in September.", "1 March 2027", "Nothing has been decided yet").doesNotContain("Test");
    assertThat(GreenMailUtil.getBody(mail(ref + ": we are considering ceasing the EHC plan",
        "school@ehc-pathway.example"))).contains("regulation 31(1)(c)", "1 March 2027", "Moved on to higher education")
        .as("the caseworker's words are for the family").doesNotContain("Starting university");

    driver.today("2027-03-01");   // the last day for views: ceasing is refused, keeping would not be
    Map<String, Object> cease = Map.of("ceaseDecision", "CEASE", "viewsReceived", "The family agree; so does the"
        + " college.", "reason", "The young person is starting a degree course.");
    assertThatThrownBy(() -> taskService.complete(decision.getId(), cease)).rootCause()
        .hasMessageContaining("until 2027-03-01").hasMessageContaining("from 2027-03-02");
    assertThatThrownBy(() -> taskService.complete(decision.getId(), Map.of("ceaseDecision", "CEASE",
        "reason", "x"))).rootCause().hasMessageContaining("viewsReceived");

    assertThatThrownBy(() -> taskService.complete(decision.getId(), Map.of("ceaseDecision", "KEEP",
        "viewsReceived", "x".repeat(401), "reason", "x"))).rootCause().hasMessageContaining("viewsReceived");
    driver.today("2027-03-02");
    taskService.complete(decision.getId(), cease);
    assertThat(milestones(ref, MilestoneType.CEASE_VIEWS_RECORDED)).extracting(CaseView.Milestone::detail)
        .as("kept on the case: the engine keeps no variable values").containsExactly("The family agree; so does the"
            + " college.");
    assertThat(running(ref, PlanReviews.PROCESS_KEY)).as("as after a review's CEASE, reviews stop").isZero();
    assertThat(running(ref, PlanCeasing.PROCESS_KEY)).isEqualTo(1);

    // decided 2 Mar 2027: the family may appeal until 2 May 2027, so the plan ceases on 3 May 2027
    assertThat(caseFile.view(ref).status()).isEqualTo(CaseStatus.PLAN_ISSUED);
    assertThat(jdbc.sql("SELECT pending_cease_reason || ' ' || ceases_on FROM ehc_plan WHERE case_reference = ?")
        .param(ref).query(String.class).single()).isEqualTo("3 2027-05-03");
    sender.sendDue();
    assertThat(GreenMailUtil.getBody(mail(ref + ": decision to cease the EHC plan, and your right to appeal",
        "family@example.org"))).contains("The young person is starting a degree course.", "3 May 2027");
    for (String told : List.of("school@ehc-pathway.example", "health@ehc-pathway.example")) {
      assertThat(GreenMailUtil.getBody(mail(ref + ": decision to cease the EHC plan", told)))
          .as("reg 31(2): the setting and health are told").contains("3 May 2027", "regulation 31(2)");
    }

    driver.today("2027-05-02");
    assertThat(caseFile.view(ref).status()).isEqualTo(CaseStatus.PLAN_ISSUED);
    driver.today("2027-05-03");
    assertThat(caseFile.view(ref).status()).isEqualTo(CaseStatus.CEASED);
    assertThat(jdbc.sql("SELECT status || ' ' || cease_reason || ' ' || ceased_date FROM ehc_plan"
        + " WHERE case_reference = ?").param(ref).query(String.class).single()).isEqualTo("CEASED 3 2027-05-03");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).list())
        .as("the plan's reviews end with it").isEmpty();
  }

  @Test
  void aDecisionToKeepThePlanIsToldToTheFamilyAndTheReviewsGoOn() throws Exception {
    String ref = driver.planIssuedOn("2026-05-25", "2008-05-01");
    driver.today("2027-02-15");
    consult(ref, "manager", PROPOSAL.replace("\"3\"", "\"2\""));

    driver.today("2027-02-20");   // keeping the plan needs no wait
    driver.complete(ref, "decideWhetherToCease", Map.of("ceaseDecision", "KEEP", "viewsReceived",
        "The school says the support is still needed.", "reason", "The school's evidence shows the provision is"
        + " still needed."));

    assertThat(milestones(ref, MilestoneType.CEASE_NOT_PROCEEDING)).hasSize(1);
    assertThat(milestones(ref, MilestoneType.CEASE_VIEWS_RECORDED)).extracting(CaseView.Milestone::detail)
        .containsExactly("The school says the support is still needed.");
    assertThat(jdbc.sql("SELECT status || ' ' || COALESCE(pending_cease_reason, '-') FROM ehc_plan"
        + " WHERE case_reference = ?").param(ref).query(String.class).single()).isEqualTo("ACTIVE -");
    assertThat(running(ref, CeaseConsultation.PROCESS_KEY)).isZero();
    assertThat(running(ref, PlanReviews.PROCESS_KEY)).isEqualTo(1);
    sender.sendDue();
    assertThat(GreenMailUtil.getBody(mail(ref + ": the EHC plan continues", "family@example.org")))
        .contains("decided not to stop it", "still needed");
    assertThat(consult(ref, "caseworker", PROPOSAL.replace("2027-03-01", "2027-03-20")).getStatusCode().value())
        .as("ceasing can be considered again later").isEqualTo(200);
  }

  @Test
  void aProposalThatCannotBeMadeIsRefusedWithAReasonAndChangesNothing() {
    String ref = driver.planIssuedOn("2026-05-25", "2008-05-01");
    driver.today("2027-02-15");
    String open = driver.receiveRequest("2027-02-15", "2016-05-01").caseReference();

    assertProblem(consult(open, "caseworker", PROPOSAL), 409, "has no plan in force");
    assertProblem(consult("EHC-1999-000001", "caseworker", PROPOSAL), 404, "EHC-1999-000001");
    assertProblem(consult(ref, "caseworker", PROPOSAL.replace("\"3\"", "\"5\"")), 400, "transfer-out");
    assertProblem(consult(ref, "caseworker", PROPOSAL.replace("\"3\"", "\"0\"")), 400, "ceaseReason");
    assertProblem(consult(ref, "caseworker", PROPOSAL.replace("\"3\"", "\"three\"")), 400, "ceaseReason");
    assertProblem(consult(ref, "caseworker", PROPOSAL.replace("2027-03-01", "2027-02-15")), 400, "viewsBy");
    assertProblem(consult(ref, "caseworker", PROPOSAL.replace("2027-03-01", "2027-02-28")), 400,
        "must be from 2027-03-01 (15 days beginning with today");
    assertProblem(consult(ref, "caseworker", PROPOSAL.replace("2027-03-01", "2027-05-16")), 400, "to 2027-05-15");
    assertProblem(consult(ref, "caseworker", PROPOSAL.replace("Starting university in September.", " ")), 400,
        "reason");
    assertThat(consult(ref, "panel", PROPOSAL).getStatusCode().value()).isEqualTo(403);
    assertThat(milestones(ref, MilestoneType.CEASE_CONSIDERED)).isEmpty();
    assertThat(running(ref, CeaseConsultation.PROCESS_KEY)).isZero();

    assertThat(consult(ref, "caseworker", PROPOSAL).getStatusCode().value()).isEqualTo(200);
    assertProblem(consult(ref, "caseworker", PROPOSAL), 409, "already being considered");
    assertThat(running(ref, CeaseConsultation.PROCESS_KEY)).isEqualTo(1);

    String moving = driver.planIssuedOn("2026-05-25", "2008-05-01");
    driver.today("2027-02-15");
    post(moving, "/transfer-out", "{\"newLaCode\":\"873\",\"moveDate\":\"2027-04-01\"}");
    assertProblem(consult(moving, "caseworker", PROPOSAL), 409, "moving to LA 873");
  }

  @Test
  void aReviewThatDecidesToCeaseSettlesAnOpenConsultationAndAPlanSentAwayEndsOne() {
    String reviewed = driver.planIssuedOn("2026-05-25", "2008-05-01");
    driver.today("2027-02-15");
    driver.complete(reviewed, "scheduleReviewMeeting", Map.of("meetingDate", "2027-03-10"));
    consult(reviewed, "caseworker", PROPOSAL.replace("2027-03-01", "2027-04-01"));
    driver.today("2027-03-10");
    driver.giveAllAdvice(reviewed);
    driver.complete(reviewed, "submitReviewReport", Map.of("recommendation", "CEASE", "summary", "Needs met.",
        "adulthoodOutcomes", "Ready for university."));
    driver.complete(reviewed, "decideReviewOutcome", Map.of("reviewOutcome", "CEASE", "ceaseReason", "3",
        "reason", "Moving on to university."));
    assertThat(driver.tasks(reviewed, "decideWhetherToCease")).isEmpty();
    assertThat(running(reviewed, PlanCeasing.PROCESS_KEY)).isEqualTo(1);

    String moving = driver.planIssuedOn("2026-05-25", "2008-05-01");
    driver.today("2027-03-15");
    consult(moving, "caseworker", PROPOSAL.replace("2027-03-01", "2027-04-01"));
    post(moving, "/transfer-out", "{\"newLaCode\":\"873\",\"moveDate\":\"2027-04-20\"}");
    driver.today("2027-04-02");
    Task decision = driver.task(moving, "decideWhetherToCease");
    assertThatThrownBy(() -> taskService.complete(decision.getId(), Map.of("ceaseDecision", "CEASE",
        "viewsReceived", "No reply.", "reason", "Moving away."))).rootCause().hasMessageContaining("moving to LA 873");
    driver.complete(moving, "sendPlanToNewCouncil", Map.of("planSent", true));
    assertThat(caseFile.view(moving).status()).isEqualTo(CaseStatus.CEASED);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(moving).count()).isZero();
  }

  @Test
  void aDecisionToCeaseStopsTheReviewsUntilAnAppealAndAReviewThenCannotDecideToCeaseAgain() {
    String ref = driver.planIssuedOn("2026-05-25", "2008-05-01");
    driver.today("2027-02-15");
    consult(ref, "caseworker", PROPOSAL);
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2027-03-10"));   // advice requested
    driver.today("2027-03-02");
    driver.complete(ref, "decideWhetherToCease", Map.of("ceaseDecision", "CEASE", "viewsReceived", "No reply.",
        "reason", "The young person is starting a degree course."));
    assertThat(caseFile.view(ref).advice()).filteredOn(a -> "REVIEW".equals(a.purpose()))
        .extracting(CaseView.Advice::outcome).isNotEmpty().containsOnly("CEASE_DECIDED");

    driver.today("2027-03-05");
    assertThat(post(ref, "/cease-appeal", "{\"lodgedOn\":\"2027-03-05\"}").getStatusCode().value()).isEqualTo(200);
    assertThat(running(ref, PlanReviews.PROCESS_KEY)).as("a plan under appeal is reviewed").isEqualTo(1);
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2027-03-25"));
    driver.today("2027-03-25");
    driver.giveAllAdvice(ref);
    driver.complete(ref, "submitReviewReport", Map.of("recommendation", "CEASE", "summary", "Needs met.",
        "adulthoodOutcomes", "Ready for university."));

    Task decision = driver.task(ref, "decideReviewOutcome");
    assertThatThrownBy(() -> taskService.complete(decision.getId(), Map.of("reviewOutcome", "CEASE",
        "ceaseReason", "3", "reason", "Needs met."))).rootCause()
        .hasMessageContaining("reviewOutcome").hasMessageContaining("already decided (on 2027-03-02)");
    driver.complete(ref, "decideReviewOutcome", Map.of("reviewOutcome", "MAINTAIN", "reason", "Needs unchanged"
        + " until the tribunal decides."));
    assertThat(caseFile.view(ref).notices()).filteredOn(n -> n.type().equals("REVIEW_MAINTAINED")).singleElement()
        .extracting(CaseView.Notice::text).asString()
        .contains("does not change our decision of 2 March 2027 to stop maintaining the plan, which you\nhave appealed")
        .contains("Needs unchanged until the tribunal decides.\n\nThis review");
    assertThat(jdbc.sql("SELECT pending_cease_reason || ' ' || cease_appealed_date FROM ehc_plan"
        + " WHERE case_reference = ?").param(ref).query(String.class).single()).isEqualTo("3 2027-03-05");
  }

  private long running(String ref, String key) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).processDefinitionKey(key)
        .count();
  }

  private MimeMessage mail(String subject, String to) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> subject(mail).equals(subject) && recipient(mail).equals(to)).findFirst().orElseThrow();
  }

  private ResponseEntity<String> consult(String ref, String user, String json) {
    return post(ref, "/cease-consultation", user, json);
  }

  private ResponseEntity<String> post(String ref, String path, String json) {
    return post(ref, path, "caseworker", json);
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
