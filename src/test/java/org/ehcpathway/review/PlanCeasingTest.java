package org.ehcpathway.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.ehcpathway.ProblemAnswers.assertProblem;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
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
import org.ehcpathway.statutory.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A decision to cease waits for the appeal period (CFA s45, s51(2)(f)): decided on Mon 15 Feb 2027, the family may
 * appeal until 15 Apr 2027 and the plan ceases on 16 Apr 2027 unless they do.
 */
@PathwayIntegrationTest
class PlanCeasingTest {

  @Autowired PathwayDriver driver;
  @Autowired CaseFile caseFile;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anAppealKeepsThePlanInForceUntilTheTribunalUpholdsTheDecision() {
    String ref = driver.planDecidedToCeaseOn15February2027();
    driver.today("2027-03-01");
    assertThat(post(ref, "cease-appeal", "{\"lodgedOn\":\"2027-03-01\"}").getStatusCode().value()).isEqualTo(200);

    driver.today("2027-04-16");
    assertThat(caseFile.view(ref).status()).isEqualTo(CaseStatus.PLAN_ISSUED);
    // the plan in force is reviewed meanwhile (CFA s44): review 2, due 12 months after the decision
    assertThat(caseFile.view(ref).reviews()).extracting(PlanRecords.Review::dueDate).last()
        .isEqualTo(LocalDate.parse("2028-02-15"));
    assertThat(driver.tasks(ref, "scheduleReviewMeeting")).hasSize(1);
    Task tribunal = driver.task(ref, "recordTribunalDecision");
    assertThat(taskService.getIdentityLinksForTask(tribunal.getId())).extracting(link -> link.getGroupId())
        .containsExactly("caseworkers");

    driver.today("2027-06-10");
    assertThatThrownBy(() -> taskService.complete(tribunal.getId(), Map.of("tribunalDecision", "UPHELD",
        "tribunalDecisionDate", "2027-02-28"))).rootCause().hasMessageContaining("tribunalDecisionDate");
    // recorded on 10 Jun, decided on 3 Jun: the plan ceased when the appeal was finally determined
    taskService.complete(tribunal.getId(), Map.of("tribunalDecision", "UPHELD", "tribunalDecisionDate", "2027-06-03"));
    assertThat(caseFile.view(ref).status()).isEqualTo(CaseStatus.CEASED);
    assertThat(ceased(ref)).isEqualTo("2 2027-06-03");
    assertThat(milestones(ref)).extracting(CaseView.Milestone::type, CaseView.Milestone::date).containsExactly(
        tuple(MilestoneType.PLAN_CEASE_DECIDED, LocalDate.parse("2027-02-15")),
        tuple(MilestoneType.CEASE_APPEALED, LocalDate.parse("2027-03-01")),
        tuple(MilestoneType.CEASE_APPEAL_DECIDED, LocalDate.parse("2027-06-03")),
        tuple(MilestoneType.PLAN_CEASED, LocalDate.parse("2027-06-03")));
    assertThat(milestones(ref).get(3).detail())
        .isEqualTo("SEN2 reason 2; decided 2027-02-15, the tribunal upheld the decision (appeal lodged 2027-03-01)");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).count())
        .as("the review opened during the appeal ends with the plan").isZero();
  }

  @Test
  void aDecisionOverturnedOnAppealKeepsThePlanAndItsReviewsStartAgain() {
    String ref = driver.planDecidedToCeaseOn15February2027();
    driver.today("2027-04-01");
    post(ref, "cease-appeal", "{\"lodgedOn\":\"2027-03-30\"}");
    driver.today("2027-07-01");
    driver.complete(ref, "recordTribunalDecision", Map.of("tribunalDecision", "OVERTURNED",
        "tribunalDecisionDate", "2027-06-28"));

    CaseView view = caseFile.view(ref);
    assertThat(view.status()).isEqualTo(CaseStatus.PLAN_ISSUED);
    assertThat(ceased(ref)).isNull();
    // the next review is 12 months after the last review decision (15 Feb 2027)
    assertThat(view.reviews()).extracting(PlanRecords.Review::cycle, PlanRecords.Review::dueDate).last()
        .isEqualTo(tuple(2, LocalDate.parse("2028-02-15")));
    assertThat(driver.tasks(ref, "scheduleReviewMeeting")).hasSize(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .processDefinitionKey(PlanReviews.PROCESS_KEY).count()).as("one review process, opened at the appeal")
        .isEqualTo(1);
    assertThat(milestones(ref)).extracting(CaseView.Milestone::type).endsWith(MilestoneType.CEASE_APPEAL_DECIDED,
        MilestoneType.PLAN_KEPT);
    driver.today("2027-08-01");   // long after the first appeal period: still in force
    assertThat(caseFile.view(ref).status()).isEqualTo(CaseStatus.PLAN_ISSUED);
  }

  @Test
  void aMediationCertificateMovesTheDayThePlanCeases() {
    String ref = driver.planDecidedToCeaseOn15February2027();
    driver.today("2027-04-01");
    assertThat(post(ref, "cease-mediation-certificate", "{\"issuedOn\":\"2027-04-01\"}").getStatusCode().value())
        .isEqualTo(200);
    // 1 month from the certificate (1 May 2027) is later than 2 months from the decision (15 Apr 2027)
    String ceasing = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .processDefinitionKey(PlanCeasing.PROCESS_KEY).singleResult().getId();
    assertThat(managementService.createJobQuery().processInstanceId(ceasing).timers().singleResult().getDuedate())
        .isEqualTo(EngineClock.startOf(LocalDate.parse("2027-05-02")));
    driver.today("2027-05-01");
    assertThat(caseFile.view(ref).status()).isEqualTo(CaseStatus.PLAN_ISSUED);
    driver.today("2027-05-02");
    assertThat(ceased(ref)).isEqualTo("2 2027-05-02");
    assertThat(milestones(ref)).filteredOn(m -> m.type() == MilestoneType.CEASE_MEDIATION_CERTIFICATE)
        .extracting(CaseView.Milestone::detail).containsExactly("Certificate issued 2027-04-01; the family may appeal"
            + " until 2027-05-01; the plan ceases on 2027-05-02 unless they do");
  }

  @Test
  void mediationUnderWayKeepsThePlanInForceUntilOneMonthAfterItsCertificate() {
    String ref = driver.planDecidedToCeaseOn15February2027();
    driver.today("2027-04-10");
    String timer = ceasingTimer(ref);
    assertThat(post(ref, "cease-mediation", "{\"startedOn\":\"2027-04-08\"}").getStatusCode().value())
        .isEqualTo(200);
    assertThat(managementService.createJobQuery().jobId(timer).count()).as("no end date while mediating").isZero();
    assertProblem(post(ref, "cease-appeal", "{\"lodgedOn\":\"2027-04-10\"}"), 409, "certificate first");
    assertProblem(post(ref, "cease-mediation", "{\"startedOn\":\"2027-04-08\"}"), 409, "already");

    driver.today("2027-05-20");   // long past 16 Apr: still in force
    assertThat(caseFile.view(ref).status()).isEqualTo(CaseStatus.PLAN_ISSUED);
    assertThat(post(ref, "cease-mediation-certificate", "{\"issuedOn\":\"2027-05-20\"}").getStatusCode().value())
        .isEqualTo(200);
    // 1 month from the certificate: the family may appeal until 20 Jun 2027; the plan ceases on 21 Jun
    assertThat(managementService.createJobQuery().jobId(ceasingTimer(ref)).singleResult().getDuedate())
        .isEqualTo(EngineClock.startOf(LocalDate.parse("2027-06-21")));
    driver.today("2027-06-20");
    assertThat(caseFile.view(ref).status()).isEqualTo(CaseStatus.PLAN_ISSUED);
    driver.today("2027-06-21");
    assertThat(ceased(ref)).isEqualTo("2 2027-06-21");
    assertThat(milestones(ref)).extracting(CaseView.Milestone::type).containsExactly(
        MilestoneType.PLAN_CEASE_DECIDED, MilestoneType.CEASE_MEDIATION_STARTED,
        MilestoneType.CEASE_MEDIATION_CERTIFICATE, MilestoneType.PLAN_CEASED);
  }

  @Test
  void anAppealOrCertificateThatCannotBeRecordedIsRefusedAndChangesNothing() {
    String kept = driver.planIssuedOn("2026-05-25", "2016-05-01");
    String ref = driver.planDecidedToCeaseOn15February2027();
    driver.today("2027-03-01");
    assertProblem(post(kept, "cease-appeal", "{\"lodgedOn\":\"2027-03-01\"}"), 409, "no decision to cease");
    assertProblem(post("EHC-1999-000001", "cease-appeal", "{\"lodgedOn\":\"2027-03-01\"}"), 404, "EHC-1999-000001");
    assertProblem(post(ref, "cease-appeal", "{\"lodgedOn\":\"2027-03-02\"}"), 400, "lodgedOn");
    assertProblem(post(ref, "cease-appeal", "{\"lodgedOn\":\"2027-02-14\"}"), 400, "between the decision to cease");
    assertProblem(post(ref, "cease-mediation-certificate", "{\"issuedOn\":\"2027-03-05\"}"), 400, "issuedOn");
    assertThat(rest.withBasicAuth("panel", "panel").exchange("/api/plans/" + ref + "/cease-appeal", HttpMethod.POST,
        json("{\"lodgedOn\":\"2027-03-01\"}"), String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(milestones(ref)).extracting(CaseView.Milestone::type)
        .containsExactly(MilestoneType.PLAN_CEASE_DECIDED);

    String timer = ceasingTimer(ref);
    post(ref, "cease-appeal", "{\"lodgedOn\":\"2027-03-01\"}");
    assertThat(managementService.createJobQuery().jobId(timer).count()).as("the timer has gone").isZero();
    assertProblem(post(ref, "cease-appeal", "{\"lodgedOn\":\"2027-03-01\"}"), 409, "already");
    assertProblem(post(ref, "cease-mediation-certificate", "{\"issuedOn\":\"2027-03-01\"}"), 409, "tribunal");
  }

  @Test
  void anAppealWithdrawnLetsTheDecisionStandAndAnAppealAfterTheLastDayIsRefused() {
    String ref = driver.planDecidedToCeaseOn15February2027();
    String late = driver.planDecidedToCeaseOn15February2027();
    driver.today("2027-04-15");   // the last day to appeal; the plans cease tomorrow
    String timer = ceasingTimer(late);
    assertThat(post(late, "cease-appeal", "{\"lodgedOn\":\"2027-04-15\"}").getStatusCode().value())
        .as("lodged on the last day: in time").isEqualTo(200);
    assertThat(managementService.createJobQuery().jobId(timer).count()).isZero();

    post(ref, "cease-appeal", "{\"lodgedOn\":\"2027-04-14\"}");
    driver.today("2027-05-03");
    driver.complete(ref, "recordTribunalDecision", Map.of("tribunalDecision", "WITHDRAWN",
        "tribunalDecisionDate", "2027-05-01"));
    assertThat(ceased(ref)).isEqualTo("2 2027-05-01");
    assertThat(milestones(ref)).filteredOn(m -> m.type() == MilestoneType.PLAN_CEASED)
        .extracting(CaseView.Milestone::detail)
        .containsExactly("SEN2 reason 2; decided 2027-02-15, the appeal (lodged 2027-04-14) was withdrawn");

    String missed = driver.planDecidedToCeaseOn15February2027();
    driver.today("2027-04-15");
    // a job that has not yet run does not make a late appeal in time
    jdbc.sql("UPDATE ehc_plan SET ceases_on = ? WHERE case_reference = ?").params(LocalDate.parse("2027-04-14"),
        missed).update();
    assertProblem(post(missed, "cease-appeal", "{\"lodgedOn\":\"2027-04-15\"}"), 400,
        "after the last day to appeal");
  }

  private String ceasingTimer(String ref) {
    String ceasing = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .processDefinitionKey(PlanCeasing.PROCESS_KEY).singleResult().getId();
    return managementService.createJobQuery().processInstanceId(ceasing).timers().singleResult().getId();
  }

  private String ceased(String ref) {
    return jdbc.sql("SELECT cease_reason || ' ' || ceased_date FROM ehc_plan WHERE case_reference = ?"
        + " AND status = 'CEASED'").param(ref).query(String.class).optional().orElse(null);
  }

  private List<CaseView.Milestone> milestones(String ref) {
    return caseFile.view(ref).milestones().stream().filter(m -> m.type() == MilestoneType.PLAN_CEASE_DECIDED
        || m.type().name().startsWith("CEASE_") || m.type() == MilestoneType.PLAN_CEASED
        || m.type() == MilestoneType.PLAN_KEPT).toList();
  }

  private ResponseEntity<String> post(String ref, String path, String body) {
    return rest.withBasicAuth("caseworker", "caseworker").exchange("/api/plans/" + ref + "/" + path,
        HttpMethod.POST, json(body), String.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
