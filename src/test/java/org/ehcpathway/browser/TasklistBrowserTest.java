package org.ehcpathway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.statutory.EngineClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One case from request to final plan and through its first annual review with amendments, and a plan moved in
 * from another council, a plan sent to another council and an appeal against ceasing, worked in Camunda Tasklist in
 * headless Chromium by each role in turn. Every one of the 18 Camunda Forms is rendered and submitted; a required
 * field left empty and a completion the server refuses are shown to the user, and the task stays open. Dates are in
 * 2037-2038, which no other test uses, except the move to another council (2030, the calendar's last year: the
 * transfer day counts working days); the task lists are narrowed to this test's case references. Screenshots for
 * the role guides: {@link Screenshots}.
 */
@PathwayIntegrationTest
@Chromium.Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistBrowserTest {

  private static final String TEAM = "My team's tasks";

  @Autowired PathwayDriver driver;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  private ChromeDriver browser;
  private Tasklist tasklist;
  private Screenshots screenshots;

  @BeforeAll
  void startBrowser() throws Exception {
    Path profile = Chromium.newProfile();
    browser = Chromium.start(profile);
    tasklist = new Tasklist(browser, "http://localhost:" + port);
    screenshots = new Screenshots(browser);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCaseFromRequestToAnAmendedPlanWorkedInTasklistByEachRole() throws Exception {
    driver.today("2037-01-05");
    String ref = logRequest("2037-01-05", "2027-03-10");

    panelDecidesToAssess(ref, "2037-01-08");
    advisersGiveAdvice(ref, "2037-01-20", List.of("health", "ep", "school"));
    caseworkerDecidesToWaitForLateSocialCareAdvice(ref, "2037-02-19");
    advisersGiveAdvice(ref, "2037-02-19", List.of("socialcare"));
    panelDecidesToIssue(ref, "2037-02-26");
    caseworkerDraftsAndConsults(ref, "2037-03-02");
    panelAgreesProvision(ref, "2037-03-02");
    caseworkerIssuesTheFinalPlan(ref, "2037-03-02", "2037-03-17");

    JsonNode issued = caseView(ref);
    assertThat(issued.path("status").asText()).isEqualTo("PLAN_ISSUED");
    assertThat(issued.path("namedSetting").asText()).isEqualTo("Oak Tree School");
    assertThat(issued.path("fundingBand").asText()).isEqualTo("BAND_2");
    assertThat(recordedBy(issued, "DECISION_TO_ASSESS")).containsExactly("panel");
    assertThat(recordedBy(issued, "ADVICE_RETURNED"))
        .containsExactlyInAnyOrder("health", "ep", "school", "socialcare");
    assertThat(recordedBy(issued, "ADVICE_WAIT_DECIDED")).containsExactly("caseworker");
    assertThat(recordedBy(issued, "DECISION_TO_ISSUE")).containsExactly("panel");
    assertThat(recordedBy(issued, "DRAFT_PLAN_SERVED")).containsExactly("caseworker");
    assertThat(recordedBy(issued, "REPRESENTATIONS_RECEIVED")).containsExactly("caseworker");
    assertThat(recordedBy(issued, "PERSONAL_BUDGET_REQUESTED")).containsExactly("caseworker");
    assertThat(recordedBy(issued, "SETTING_RESPONDED")).containsExactly("caseworker");
    assertThat(recordedBy(issued, "PROVISION_AGREED")).containsExactly("panel");
    assertThat(recordedBy(issued, "FINAL_PLAN_ISSUED")).containsExactly("caseworker");
    assertThat(milestone(issued, "FINAL_PLAN_ISSUED").path("date").asText()).isEqualTo("2037-03-17");

    caseworkerSchedulesTheReviewMeeting(ref, "2038-01-11");
    schoolSendsTheReviewReport(ref, "2038-02-02");
    caseworkerDecidesToAmend(ref, "2038-02-03");
    caseworkerIssuesTheAmendedPlan(ref, "2038-02-18");

    JsonNode amended = caseView(ref);
    JsonNode review = amended.path("reviews").get(0);
    assertThat(review.path("meetingDate").asText()).isEqualTo("2038-02-01");
    assertThat(review.path("recommendation").asText()).isEqualTo("AMEND");
    assertThat(review.path("outcome").asText()).isEqualTo("AMEND");
    assertThat(review.path("amendmentsSentDate").asText()).isEqualTo("2038-02-03");
    assertThat(review.path("amendedPlanIssuedDate").asText()).isEqualTo("2038-02-18");
    assertThat(recordedBy(amended, "REVIEW_MEETING_SCHEDULED")).containsExactly("caseworker");
    assertThat(recordedBy(amended, "REVIEW_REPORT_SUBMITTED")).containsExactly("school");
    assertThat(recordedBy(amended, "REVIEW_DECIDED")).containsExactly("caseworker");
    assertThat(recordedBy(amended, "AMENDMENTS_SENT")).containsExactly("caseworker");
    assertThat(recordedBy(amended, "AMENDMENT_REPRESENTATIONS_RECEIVED")).containsExactly("caseworker");
    assertThat(recordedBy(amended, "AMENDED_PLAN_ISSUED")).containsExactly("caseworker");
    assertThat(amended.path("reviews")).hasSize(2);
  }

  @Test
  void aPlanMovedInFromAnotherCouncilIsToldToTheFamily() throws Exception {
    driver.today("2037-06-01");
    ResponseEntity<String> moved = rest.withBasicAuth("caseworker", "caseworker").postForEntity(
        "/api/plans/transfer-in", Map.of(
            "child", Map.of("forename", "Moira", "surname", "Browser", "dateOfBirth", "2028-02-01", "sex", "F",
                "postcode", "ZZ1 1ZZ"),
            "oldLaCode", "873", "originalIssueDate", "2035-03-01", "lastReviewDate", "2037-02-10",
            "transferDate", "2037-05-28", "namedSetting", "Riverside School"), String.class);
    assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(HttpStatus.CREATED);
    String ref = json.readTree(moved.getBody()).path("caseReference").asText();

    tasklist.logIn("caseworker");
    String taskId = tasklist.open(TEAM, ref, "Tell the family about the transferred plan");
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getDueDate())
        .isEqualTo(EngineClock.endOf(LocalDate.parse("2037-07-09")));
    tasklist.claim();
    tasklist.tick("Family told");
    screenshots.take("guide-caseworker-tell-family-about-transfer");
    completeAndWait(taskId);
    tasklist.logOut();

    assertThat(recordedBy(caseView(ref), "FAMILY_TOLD_ABOUT_TRANSFER")).containsExactly("caseworker");
  }

  /**
   * A child moving away: the plan is sent to the new council in Tasklist. In 2030, the last year of the bank holiday
   * calendar, because the transfer day counts working days.
   */
  @Test
  void aPlanMovingToAnotherCouncilIsSentInTasklist() throws Exception {
    String ref = driver.planIssuedOn("2030-01-07", "2030-03-04", "2030-05-27", "2022-02-01");
    driver.today("2030-06-03");
    ResponseEntity<String> moving = rest.withBasicAuth("caseworker", "caseworker").postForEntity(
        "/api/plans/" + ref + "/transfer-out", Map.of("newLaCode", "873", "moveDate", "2030-07-01"), String.class);
    assertThat(moving.getStatusCode()).as(moving.getBody()).isEqualTo(HttpStatus.OK);

    tasklist.logIn("caseworker");
    String taskId = tasklist.open(TEAM, ref, "Send the plan to the new council");
    tasklist.claim();
    assertThat(tasklist.text()).contains("873", "2030-07-01");
    tasklist.tick("Plan sent to the new council");
    screenshots.take("guide-caseworker-send-plan-to-new-council");
    completeAndWait(taskId);
    tasklist.logOut();

    JsonNode view = caseView(ref);
    assertThat(view.path("status").asText()).isEqualTo("CEASED");
    assertThat(recordedBy(view, "PLAN_TRANSFERRED_OUT")).containsExactly("caseworker");
  }

  /** A decision to cease, appealed: the caseworker records in Tasklist that the tribunal upheld it. */
  @Test
  void theTribunalsDecisionOnAnAppealAgainstCeasingIsRecordedInTasklist() throws Exception {
    String ref = driver.planIssuedOn("2037-10-05", "2037-12-06", "2038-01-04", "2030-02-01");
    driver.today("2038-01-10");
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2038-02-01"));
    driver.giveAllAdvice(ref);
    driver.complete(ref, "submitReviewReport", Map.of("recommendation", "CEASE", "summary", "Needs met."));
    driver.complete(ref, "decideReviewOutcome", Map.of("reviewOutcome", "CEASE", "ceaseReason", "2",
        "reason", "Needs are met through SEN support."));
    ResponseEntity<String> appealed = rest.withBasicAuth("caseworker", "caseworker").postForEntity(
        "/api/plans/" + ref + "/cease-appeal", Map.of("lodgedOn", "2038-01-10"), String.class);
    assertThat(appealed.getStatusCode()).as(appealed.getBody()).isEqualTo(HttpStatus.OK);
    driver.today("2038-06-01");
    assertThat(caseView(ref).path("status").asText()).as("in force while the appeal is heard").isEqualTo("PLAN_ISSUED");

    tasklist.logIn("caseworker");
    String taskId = tasklist.open(TEAM, ref, "Record the tribunal's decision on the appeal");
    tasklist.claim();
    tasklist.choose("It upheld the decision to stop the plan");
    tasklist.date("Date of the tribunal's decision, or of the withdrawal", LocalDate.parse("2038-05-28"));
    screenshots.take("guide-caseworker-record-tribunal-decision");
    completeAndWait(taskId);
    tasklist.logOut();

    JsonNode view = caseView(ref);
    assertThat(view.path("status").asText()).isEqualTo("CEASED");
    assertThat(view.path("closedDate").asText()).isEqualTo("2038-05-28");
    assertThat(recordedBy(view, "CEASE_APPEAL_DECIDED")).containsExactly("caseworker");
  }

  /** Ceasing a plan between reviews (reg 31): after the family's views, the caseworker decides in Tasklist. */
  @Test
  void aDecisionWhetherToStopAPlanBetweenReviewsIsMadeInTasklist() throws Exception {
    String ref = driver.planIssuedOn("2037-01-05", "2037-03-01", "2037-05-25", "2026-02-01");
    driver.today("2037-09-01");
    ResponseEntity<String> considered = rest.withBasicAuth("caseworker", "caseworker").postForEntity(
        "/api/plans/" + ref + "/cease-consultation", Map.of("ceaseReason", "7", "reason",
            "The family has moved to Spain.", "viewsBy", "2037-09-22"), String.class);
    assertThat(considered.getStatusCode()).as(considered.getBody()).isEqualTo(HttpStatus.OK);
    driver.today("2037-09-23");

    tasklist.logIn("caseworker");
    String taskId = tasklist.open(TEAM, ref, "Decide whether to stop the plan");
    tasklist.claim();
    assertThat(tasklist.text()).contains("Child or young person has moved abroad", "The family has moved to Spain.",
        "2037-09-22");
    tasklist.choose("Stop the plan (the family can appeal)");
    tasklist.type("What did the family and the school or college say?",
        "The family confirmed the move; the school has taken the child off roll.");
    tasklist.type("Reasons, for the letter to the family", "The child now lives and goes to school in Spain.");
    screenshots.take("guide-caseworker-decide-whether-to-cease");
    completeAndWait(taskId);
    tasklist.logOut();

    JsonNode view = caseView(ref);
    assertThat(view.path("status").asText()).as("in force while the family may appeal").isEqualTo("PLAN_ISSUED");
    assertThat(recordedBy(view, "PLAN_CEASE_DECIDED")).containsExactly("caseworker");
  }

  /** Managers read every case in Cockpit (read-only: they hold no UPDATE or DELETE permission). */
  @Test
  void aManagerReadsTheCasesInCockpit() throws Exception {
    driver.today("2037-09-01");
    String ref = logRequest("2037-09-01", "2030-01-15");
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("ehc-needs-assessment")
        .latestVersion().singleResult().getId();

    Cockpit cockpit = new Cockpit(browser, "http://localhost:" + port);
    cockpit.logIn("manager");
    assertThat(cockpit.runningInstances(definition, ref)).contains("EHC needs assessment (20 weeks)");
    screenshots.take("guide-manager-cockpit");
    cockpit.logOut();
  }

  private void panelDecidesToAssess(String ref, String date) {
    driver.today(date);
    tasklist.logIn("panel");
    String taskId = tasklist.open(TEAM, ref, "Decide whether to assess");
    screenshots.take("guide-panel-task-list");
    tasklist.claim();
    for (String suggested : List.of("Educational advice", "Medical / health advice",
        "Educational psychology advice", "Social care advice")) {
      assertThat(tasklist.isChosen(suggested)).as(suggested + " suggested").isTrue();
    }
    assertThat(tasklist.isChosen("Preparing for adulthood advice")).isFalse();
    tasklist.choose("Yes - carry out an EHC needs assessment");

    tasklist.complete();
    assertThat(tasklist.fieldErrors()).containsExactly("Field is required.");
    screenshots.take("guide-panel-required-field");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

    tasklist.type("Reasons for the decision", "The school's evidence shows needs it cannot meet alone.");
    screenshots.take("guide-panel-decide-whether-to-assess");
    completeAndWait(taskId);
    tasklist.logOut();
    assertThat(driver.tasks(ref, "provideAdvice")).hasSize(4);
  }

  private void advisersGiveAdvice(String ref, String date, List<String> advisers) {
    driver.today(date);
    for (String adviser : advisers) {
      tasklist.logIn(adviser);
      String taskId = tasklist.open(TEAM, ref, "Provide advice for the assessment");
      tasklist.claim();
      tasklist.choose("I have given advice");
      tasklist.type("Your advice, or a summary of it", "Advice from " + adviser + ": see the attached report.");
      if (adviser.equals("health")) {
        screenshots.take("guide-adviser-provide-advice");
      }
      completeAndWait(taskId);
      tasklist.logOut();
    }
  }

  private void caseworkerDecidesToWaitForLateSocialCareAdvice(String ref, String date) {
    driver.today(date);
    tasklist.logIn("caseworker");
    String taskId = tasklist.open(TEAM, ref, "Decide whether to wait for the late advice");
    tasklist.claim();
    assertThat(tasklist.text()).contains("Advice: Social care advice");
    tasklist.choose("Keep waiting for the advice");
    tasklist.type("Reason", "Social care have promised it by Friday.");
    screenshots.take("guide-caseworker-decide-on-late-advice");
    completeAndWait(taskId);
    tasklist.logOut();
    assertThat(driver.tasks(ref, "provideAdvice")).hasSize(1);
  }

  private void panelDecidesToIssue(String ref, String date) {
    driver.today(date);
    tasklist.logIn("panel");
    String taskId = tasklist.open(TEAM, ref, "Decide whether to issue a plan");
    tasklist.claim();
    tasklist.choose("Yes - issue an EHC plan");
    tasklist.type("Reasons for the decision", "The advice shows provision the school cannot make alone.");
    screenshots.take("guide-panel-decide-whether-to-issue");
    completeAndWait(taskId);
    tasklist.logOut();
  }

  private void caseworkerDraftsAndConsults(String ref, String date) {
    driver.today(date);
    tasklist.logIn("caseworker");
    String draft = tasklist.open(TEAM, ref, "Draft the plan and send it to the family");
    tasklist.claim();
    tasklist.tick("Draft sent to the family today");
    screenshots.take("guide-caseworker-draft-plan");
    completeAndWait(draft);

    String views = tasklist.open(TEAM, ref, "Record the family's views on the draft");
    tasklist.claim();
    assertThat(tasklist.text()).contains("Monday 16 March 2037");
    tasklist.type("School or college the family asked for", "Oak Tree School");
    tasklist.tick("The family asked for a personal budget");
    screenshots.take("guide-caseworker-record-representations");
    completeAndWait(views);

    String consult = tasklist.open(TEAM, ref, "Consult the school or college");
    tasklist.claim();
    tasklist.choose("It agrees it can meet the needs");
    screenshots.take("guide-caseworker-consult-setting");
    completeAndWait(consult);
    tasklist.logOut();
  }

  private void panelAgreesProvision(String ref, String date) {
    driver.today(date);
    tasklist.logIn("panel");
    String taskId = tasklist.open(TEAM, ref, "Agree provision and funding");
    tasklist.claim();
    assertThat(tasklist.valueOf("School or college to name in section I")).isEqualTo("Oak Tree School");
    tasklist.select("Top-up funding band", "Band 2");
    screenshots.take("guide-panel-agree-provision");
    completeAndWait(taskId);
    tasklist.logOut();
  }

  /** Too early first: the family's 15 days are not over, so the server refuses and the task stays open. */
  private void caseworkerIssuesTheFinalPlan(String ref, String tooEarly, String date) {
    driver.today(tooEarly);
    tasklist.logIn("caseworker");
    String taskId = tasklist.open(TEAM, ref, "Issue the final plan");
    tasklist.claim();
    assertThat(tasklist.valueOf("School or college to name")).isEqualTo("Oak Tree School");
    tasklist.tick("Final plan sent");
    tasklist.complete();
    assertThat(tasklist.errorNotification()).contains("2037-03-17");
    screenshots.take("guide-caseworker-issue-final-plan-too-early");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    tasklist.logOut();

    driver.today(date);
    tasklist.logIn("caseworker");
    tasklist.open("My tasks", ref, "Issue the final plan");
    tasklist.tick("Final plan sent");
    screenshots.take("guide-caseworker-issue-final-plan");
    completeAndWait(taskId);
    tasklist.logOut();
  }

  /** A meeting a week away is refused (2 weeks' notice, reg 20(3)); one three weeks away is accepted. */
  private void caseworkerSchedulesTheReviewMeeting(String ref, String date) {
    driver.today(date);
    tasklist.logIn("caseworker");
    String taskId = tasklist.open(TEAM, ref, "Schedule the review meeting");
    tasklist.claim();
    tasklist.date("Date of the review meeting", LocalDate.parse(date).plusWeeks(1));
    tasklist.complete();
    assertThat(tasklist.errorNotification()).contains("at least 2 weeks");
    screenshots.take("guide-caseworker-schedule-review-meeting-refused");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    tasklist.closeNotifications();

    tasklist.date("Date of the review meeting", LocalDate.parse("2038-02-01"));
    completeAndWait(taskId);
    tasklist.logOut();
  }

  private void schoolSendsTheReviewReport(String ref, String date) {
    driver.today(date);
    tasklist.logIn("school");
    String taskId = tasklist.open(TEAM, ref, "Send the review report");
    tasklist.claim();
    tasklist.choose("Change the plan");
    tasklist.type("The review report", "Progress in reading; speech and language support should increase.");
    screenshots.take("guide-adviser-submit-review-report");
    completeAndWait(taskId);
    tasklist.logOut();
  }

  private void caseworkerDecidesToAmend(String ref, String date) {
    driver.today(date);
    tasklist.logIn("caseworker");
    String decision = tasklist.open(TEAM, ref, "Decide the review outcome");
    tasklist.claim();
    tasklist.choose("Stop the plan (the family can appeal)");
    tasklist.select("Why is the plan stopping?", "Ongoing educational or training needs being met without an EHC plan");
    tasklist.choose("Change the plan");
    tasklist.type("Reasons, for the letter to the family", "Section F needs more speech and language therapy.");
    screenshots.take("guide-caseworker-decide-review-outcome");
    completeAndWait(decision);

    String send = tasklist.open(TEAM, ref, "Send the proposed amendments");
    tasklist.claim();
    tasklist.tick("Proposed amendments sent today");
    completeAndWait(send);

    String views = tasklist.open(TEAM, ref, "Record the family's views on the amendments");
    tasklist.claim();
    tasklist.type("School or college asked for", "Hill Top School");
    tasklist.tick("Meeting asked for");
    completeAndWait(views);
    tasklist.logOut();
  }

  private void caseworkerIssuesTheAmendedPlan(String ref, String date) {
    driver.today(date);
    tasklist.logIn("caseworker");
    String taskId = tasklist.open(TEAM, ref, "Issue the amended plan");
    tasklist.claim();
    tasklist.type("School or college to name", "Hill Top School");
    tasklist.tick("Amended plan sent");
    screenshots.take("guide-caseworker-issue-amended-plan");
    completeAndWait(taskId);
    tasklist.logOut();
  }

  private String logRequest(String received, String dateOfBirth) throws Exception {
    ResponseEntity<String> created = rest.withBasicAuth("caseworker", "caseworker").postForEntity("/api/cases",
        Map.of("child", Map.of("forename", "Bea", "surname", "Browser", "dateOfBirth", dateOfBirth, "sex", "F",
                "postcode", "AB1 2CD"),
            "requestReceivedDate", received, "requestSource", "PARENT", "familyEmail", "family@example.org"),
        String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(created.getBody()).path("caseReference").asText();
  }

  private void completeAndWait(String taskId) {
    tasklist.complete();
    tasklist.waitUntilGone();
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task completed").isZero();
  }

  private JsonNode caseView(String ref) throws Exception {
    ResponseEntity<String> view = rest.withBasicAuth("caseworker", "caseworker")
        .getForEntity("/api/cases/" + ref, String.class);
    assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(view.getBody());
  }

  private static JsonNode milestone(JsonNode view, String type) {
    for (JsonNode milestone : view.path("milestones")) {
      if (milestone.path("type").asText().equals(type)) {
        return milestone;
      }
    }
    throw new AssertionError("no milestone " + type + " in " + view.path("milestones"));
  }

  private static List<String> recordedBy(JsonNode view, String type) {
    return java.util.stream.StreamSupport.stream(view.path("milestones").spliterator(), false)
        .filter(m -> m.path("type").asText().equals(type)).map(m -> m.path("recordedBy").asText()).toList();
  }
}
