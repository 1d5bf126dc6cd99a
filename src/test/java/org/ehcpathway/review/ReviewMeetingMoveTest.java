package org.ehcpathway.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.ehcpathway.ProblemAnswers.assertProblem;
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
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moving a review meeting (PUT /api/plans/{ref}/review-meeting), on issue 4's example: a plan issued 25 May 2026,
 * review due 25 May 2027, meeting first set on 15 Feb 2027 for 10 Mar 2027.
 */
@PathwayIntegrationTest
class ReviewMeetingMoveTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired PathwayDriver driver;
  @Autowired CaseFile caseFile;
  @Autowired TaskService taskService;
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
  void aMovedMeetingMovesTheAdviceTheReportTheMeetingOverTimerAndTheDecisionAndTellsThoseInvited() throws Exception {
    String ref = meetingOn10March2027();
    Task health = adviceTaskOf(ref, "health-advisers");
    driver.today("2027-02-16");
    taskService.complete(health.getId(), Map.of("adviceOutcome", "ADVICE_GIVEN", "summary", "Asthma managed."));
    driver.today("2027-02-17");   // the reminders, a week before the advice is due on 24 Feb
    driver.today("2027-02-20");

    ResponseEntity<String> moved = move(ref, "caseworker", "2027-03-24", "The family is away that week");

    assertThat(moved.getStatusCode().value()).isEqualTo(200);
    assertThat(caseFile.view(ref).reviews()).extracting(PlanRecords.Review::meetingDate)
        .containsExactly(LocalDate.parse("2027-03-24"));
    String review = reviewInstance(ref);
    assertThat(runtimeService.getVariables(review, List.of("meetingDate", "reportDue", "decisionDue")))
        .containsEntry("meetingDate", "2027-03-24").containsEntry("reportDue", "2027-04-07")
        .containsEntry("decisionDue", "2027-04-21");
    assertThat(EngineClock.dateOf(driver.task(ref, "submitReviewReport").getDueDate())).isEqualTo("2027-04-07");
    assertThat(meetingOverTimer(review).getDuedate()).isEqualTo(EngineClock.startOf(LocalDate.parse("2027-03-25")));
    // the advice still outstanding is due 2 weeks before the new date; the health advice given keeps its date
    assertThat(reviewAdvice(ref)).extracting(CaseView.Advice::type, CaseView.Advice::dueDate)
        .containsExactlyInAnyOrder(tuple("HEALTH", LocalDate.parse("2027-02-24")),
            tuple("EDUCATIONAL", LocalDate.parse("2027-03-10")), tuple("SOCIAL_CARE", LocalDate.parse("2027-03-10")));
    assertThat(driver.tasks(ref, "provideAdvice")).extracting(task -> EngineClock.dateOf(task.getDueDate()))
        .containsOnly(LocalDate.parse("2027-03-10"));
    assertThat(caseFile.view(ref).milestones()).filteredOn(m -> m.type() == MilestoneType.REVIEW_MEETING_MOVED)
        .extracting(CaseView.Milestone::date, CaseView.Milestone::detail)
        .containsExactly(tuple(LocalDate.parse("2027-02-20"), "Review 1: meeting moved from 2027-03-10 to"
            + " 2027-03-24; invitations sent again - The family is away that week"));

    sender.sendDue();
    List<MimeMessage> movedMails = mailsWithSubject(ref + ": annual review meeting moved to Wednesday 24 March 2027");
    assertThat(movedMails).flatExtracting(mail -> Arrays.asList(mail.getAllRecipients())).extracting(Object::toString)
        .contains("family@example.org", "school@ehc-pathway.example", "health@ehc-pathway.example",
            "socialcare@ehc-pathway.example");
    assertThat(GreenMailUtil.getBody(movedMails.get(0))).contains("Wednesday 10 March 2027",
        "now be held on Wednesday 24 March 2027", "now due by\r\nWednesday 10 March 2027");
    assertThat(outboxKinds(ref)).doesNotContain("REVIEW_MEETING_TOO_LATE");

    // the old advice date passes quietly; the new one chases; the advice stays open until the new meeting is over
    driver.today("2027-02-25");
    assertThat(milestones(ref, MilestoneType.ADVICE_OVERDUE)).isEmpty();
    driver.today("2027-03-10");
    assertThat(milestones(ref, MilestoneType.ADVICE_OVERDUE)).extracting(CaseView.Milestone::date)
        .containsExactly(LocalDate.parse("2027-03-10"), LocalDate.parse("2027-03-10"));
    driver.today("2027-03-11");
    assertThat(driver.tasks(ref, "provideAdvice")).hasSize(2);
    driver.today("2027-03-25");
    assertThat(driver.tasks(ref, "provideAdvice")).isEmpty();
    assertThat(milestones(ref, MilestoneType.REVIEW_ADVICE_NOT_RECEIVED)).extracting(CaseView.Milestone::date)
        .containsExactly(LocalDate.parse("2027-03-25"));

    driver.complete(ref, "submitReviewReport", Map.of("recommendation", "MAINTAIN", "summary", "Good progress."));
    assertThat(EngineClock.dateOf(driver.task(ref, "decideReviewOutcome").getDueDate())).isEqualTo("2027-04-21");
  }

  @Test
  void aMeetingMovedAfterTheLatestDateIsToldToTheCaseworkerAndManagersAndEveryMoveIsToldAgain() {
    String ref = meetingOn10March2027();

    assertThat(move(ref, "manager", "2027-05-04", "Paediatrician unavailable").getStatusCode().value())
        .isEqualTo(200);
    assertThat(move(ref, "caseworker", "2027-03-10", "Paediatrician found").getStatusCode().value()).isEqualTo(200);
    assertThat(move(ref, "caseworker", "2027-05-04", "Paediatrician unavailable after all").getStatusCode().value())
        .isEqualTo(200);

    // latest meeting for a review due 25 May 2027: 27 Apr 2027
    List<Map<String, Object>> warnings = jdbc.sql("SELECT recipient, subject, body FROM notification_outbox"
        + " WHERE case_reference = ? AND kind = 'REVIEW_MEETING_TOO_LATE' ORDER BY id").param(ref).query().listOfRows();
    assertThat(warnings).extracting(row -> row.get("recipient")).containsExactlyInAnyOrder(
        "caseworker@ehc-pathway.example", "manager@ehc-pathway.example",
        "caseworker@ehc-pathway.example", "manager@ehc-pathway.example");
    assertThat(warnings).allSatisfy(row -> {
      assertThat(row.get("subject")).isEqualTo(ref + ": review meeting on Tuesday 4 May 2027 is too late - hold it"
          + " by Tuesday 27 April 2027");
      assertThat(row.get("body").toString()).contains("moved from", "Tuesday 4 May 2027",
          "due date, Tuesday 25 May 2027");
    });
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE case_reference = ?"
        + " AND kind = 'REVIEW_MEETING_MOVED' AND recipient = 'family@example.org'").param(ref).query(Long.class)
        .single()).isEqualTo(3);
    assertThat(milestones(ref, MilestoneType.REVIEW_MEETING_MOVED)).extracting(CaseView.Milestone::detail)
        .containsExactly(
            "Review 1: meeting moved from 2027-03-10 to 2027-05-04; invitations sent again; after the latest date"
                + " 2027-04-27, caseworker and managers told - Paediatrician unavailable",
            "Review 1: meeting moved from 2027-05-04 to 2027-03-10; invitations sent again - Paediatrician found",
            "Review 1: meeting moved from 2027-03-10 to 2027-05-04; invitations sent again; after the latest date"
                + " 2027-04-27, caseworker and managers told - Paediatrician unavailable after all");
  }

  @Test
  void aMeetingThatCannotMoveIsRefusedWithAReasonAndChangesNothing() {
    String notScheduled = driver.planIssuedOn("2026-05-25", "2016-05-01");
    assertProblem(move(notScheduled, "caseworker", "2027-03-10", "Reason"), 409,
        "has no review meeting scheduled");
    assertProblem(move("EHC-1999-000001", "caseworker", "2027-03-10", "Reason"), 404, "EHC-1999-000001");
    // scheduling is held to the same dates: at least 2 weeks and at most 12 months from today (25 May 2026)
    Task schedule = driver.task(notScheduled, "scheduleReviewMeeting");
    assertThatThrownBy(() -> taskService.complete(schedule.getId(), Map.of("meetingDate", "2027-05-26")))
        .rootCause().hasMessageContaining("within 12 months");

    String ref = meetingOn10March2027();
    driver.today("2027-02-20");
    assertProblem(move(ref, "caseworker", "2027-03-05", "Reason"), 400, "at least 2 weeks");   // invitations by 19 Feb
    assertThat(move(ref, "caseworker", "2027-03-10", "Reason").getStatusCode().value())
        .as("the meeting's own date: a repeated request changes nothing").isEqualTo(200);
    assertProblem(move(ref, "caseworker", "2027-03-24", " "), 400, "why the meeting moves");
    assertProblem(move(ref, "caseworker", "-999999999-01-01", "Reason"), 400, "meetingDate");
    assertProblem(put(ref, "caseworker", "{\"meetingDate\":\"24/03/2027\",\"reason\":\"Away\"}"), 400,
        "meetingDate");
    assertThat(move(ref, "panel", "2027-03-24", "Reason").getStatusCode().value()).isEqualTo(403);
    assertUnchanged(ref);

    driver.today("2027-03-11");   // the meeting was yesterday
    assertProblem(move(ref, "caseworker", "2027-03-31", "It did not happen"), 409,
        "can be moved until the day it is held");
    assertUnchanged(ref);

    String reported = meetingOn10March2027();
    driver.complete(reported, "submitReviewReport", Map.of("recommendation", "MAINTAIN", "summary", "Fine."));
    assertProblem(move(reported, "caseworker", "2027-03-31", "Reason"), 409, "cannot move after its report");
    assertUnchanged(reported);
    driver.today("2027-03-01");   // within 2 weeks of the meeting: repeating its date still changes nothing
    assertThat(move(reported, "caseworker", "2027-03-10", "Reason").getStatusCode().value()).isEqualTo(200);
  }

  /** Issue 4's example: a plan issued 25 May 2026; on 15 Feb 2027 the meeting is set for 10 Mar 2027. */
  private String meetingOn10March2027() {
    String ref = driver.planIssuedOn("2026-05-25", "2016-05-01");
    driver.today("2027-02-15");
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2027-03-10"));
    return ref;
  }

  private void assertUnchanged(String ref) {
    assertThat(caseFile.view(ref).reviews()).extracting(PlanRecords.Review::meetingDate)
        .containsExactly(LocalDate.parse("2027-03-10"));
    assertThat(runtimeService.getVariable(reviewInstance(ref), "meetingDate")).isEqualTo("2027-03-10");
    assertThat(milestones(ref, MilestoneType.REVIEW_MEETING_MOVED)).isEmpty();
    assertThat(outboxKinds(ref)).doesNotContain("REVIEW_MEETING_MOVED", "REVIEW_MEETING_TOO_LATE");
  }

  private ResponseEntity<String> move(String ref, String user, String meetingDate, String reason) {
    return put(ref, user, "{\"meetingDate\":\"" + meetingDate + "\",\"reason\":\"" + reason + "\"}");
  }

  private ResponseEntity<String> put(String ref, String user, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange("/api/plans/" + ref + "/review-meeting", HttpMethod.PUT,
        new HttpEntity<>(json, headers), String.class);
  }

  private String reviewInstance(String ref) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .processDefinitionKey(PlanReviews.PROCESS_KEY).singleResult().getId();
  }

  private Job meetingOverTimer(String reviewInstance) {
    return managementService.createJobQuery().processInstanceId(reviewInstance)
        .activityId(ReviewMeetingMove.MEETING_OVER_TIMER).singleResult();
  }

  private Task adviceTaskOf(String ref, String group) {
    return driver.tasks(ref, "provideAdvice").stream()
        .filter(task -> taskService.getIdentityLinksForTask(task.getId()).stream()
            .anyMatch(link -> group.equals(link.getGroupId())))
        .findFirst().orElseThrow();
  }

  private List<CaseView.Advice> reviewAdvice(String ref) {
    return caseFile.view(ref).advice().stream().filter(a -> "REVIEW".equals(a.purpose())).toList();
  }

  private List<CaseView.Milestone> milestones(String ref, MilestoneType type) {
    return caseFile.view(ref).milestones().stream().filter(m -> m.type() == type).toList();
  }

  private List<String> outboxKinds(String ref) {
    return jdbc.sql("SELECT kind FROM notification_outbox WHERE case_reference = ?").param(ref).query(String.class)
        .list();
  }

  private List<MimeMessage> mailsWithSubject(String subject) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> subject.equals(subject(mail))).toList();
  }
}
