package org.ehcpathway.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ehcpathway.ReceivedMail.subject;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

/**
 * Reg 20(4): the advice for a review meeting, asked for when the meeting is set and due 2 weeks before it,
 * chased like assessment advice, and recorded as not received once the meeting is over.
 */
@PathwayIntegrationTest
class ReviewAdviceTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired PathwayDriver driver;
  @Autowired CaseFile caseFile;
  @Autowired TaskService taskService;
  @Autowired OutboxSender sender;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void adviceIsDueTwoWeeksBeforeTheMeetingIsChasedAndWhatIsMissingIsRecordedAfterTheMeeting() throws Exception {
    String ref = driver.planIssuedOn("2026-05-25", "2016-05-01");
    driver.today("2027-02-15");
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2027-03-10"));

    var adviceTasks = driver.tasks(ref, "provideAdvice");
    assertThat(adviceTasks).extracting(task -> EngineClock.dateOf(task.getDueDate()))
        .containsOnly(LocalDate.parse("2027-02-24"));
    assertThat(adviceTasks).flatExtracting(task -> taskService.getIdentityLinksForTask(task.getId()))
        .extracting(link -> link.getGroupId())
        .containsExactlyInAnyOrder("education-advisers", "health-advisers", "social-care-advisers");
    assertThat(reviewAdvice(ref)).extracting(CaseView.Advice::type, CaseView.Advice::reviewCycle,
            CaseView.Advice::requestedDate, CaseView.Advice::dueDate)
        .containsExactlyInAnyOrder(
            tuple("EDUCATIONAL", 1, LocalDate.parse("2027-02-15"), LocalDate.parse("2027-02-24")),
            tuple("HEALTH", 1, LocalDate.parse("2027-02-15"), LocalDate.parse("2027-02-24")),
            tuple("SOCIAL_CARE", 1, LocalDate.parse("2027-02-15"), LocalDate.parse("2027-02-24")));
    // the assessment's advice keeps its own purpose
    assertThat(caseFile.view(ref).advice()).filteredOn(a -> "ASSESSMENT".equals(a.purpose())).hasSize(1);

    Task health = adviceTasks.stream()
        .filter(task -> taskService.getIdentityLinksForTask(task.getId()).stream()
            .anyMatch(link -> "health-advisers".equals(link.getGroupId())))
        .findFirst().orElseThrow();
    driver.today("2027-02-16");
    taskService.complete(health.getId(), Map.of("adviceOutcome", "ADVICE_GIVEN", "summary", "Asthma managed."));

    for (String day : new String[] {"2027-02-17", "2027-02-24", "2027-03-10"}) {
      driver.today(day);
    }
    assertThat(driver.tasks(ref, "decideOnLateAdvice")).hasSize(2);
    assertThat(driver.tasks(ref, "provideAdvice")).hasSize(2);
    driver.today("2027-03-11");   // the meeting was yesterday
    assertThat(driver.tasks(ref, "provideAdvice")).isEmpty();
    assertThat(driver.tasks(ref, "decideOnLateAdvice")).isEmpty();

    CaseView view = caseFile.view(ref);
    assertThat(reviewAdvice(ref)).extracting(CaseView.Advice::type, CaseView.Advice::returnedDate,
            CaseView.Advice::closedWithoutReturnDate, CaseView.Advice::outcome)
        .containsExactlyInAnyOrder(
            tuple("HEALTH", LocalDate.parse("2027-02-16"), null, "ADVICE_GIVEN"),
            tuple("EDUCATIONAL", null, LocalDate.parse("2027-03-11"), "NOT_RECEIVED_BEFORE_MEETING"),
            tuple("SOCIAL_CARE", null, LocalDate.parse("2027-03-11"), "NOT_RECEIVED_BEFORE_MEETING"));
    assertThat(view.milestones()).filteredOn(m -> m.type().name().startsWith("ADVICE_")
            && m.detail() != null && m.detail().startsWith("SOCIAL_CARE"))
        .extracting(CaseView.Milestone::type, CaseView.Milestone::date)
        .containsExactly(
            tuple(MilestoneType.ADVICE_REQUESTED, LocalDate.parse("2027-02-15")),
            tuple(MilestoneType.ADVICE_REMINDER_SENT, LocalDate.parse("2027-02-17")),   // 1 week before it is due
            tuple(MilestoneType.ADVICE_OVERDUE, LocalDate.parse("2027-02-24")),
            tuple(MilestoneType.ADVICE_ESCALATED, LocalDate.parse("2027-02-24")),
            tuple(MilestoneType.ADVICE_ESCALATED_TO_MANAGERS, LocalDate.parse("2027-03-10")));
    assertThat(view.milestones()).filteredOn(m -> m.type() == MilestoneType.REVIEW_ADVICE_NOT_RECEIVED)
        .extracting(CaseView.Milestone::date, CaseView.Milestone::detail)
        .containsExactly(tuple(LocalDate.parse("2027-03-11"),
            "Review 1: EDUCATIONAL, SOCIAL_CARE not received before the meeting"));

    // the decision waits only for the report now
    driver.complete(ref, "submitReviewReport", Map.of("recommendation", "MAINTAIN", "summary", "Good progress."));
    assertThat(driver.tasks(ref, "decideReviewOutcome")).hasSize(1);

    sender.sendDue();
    MimeMessage reminder = Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> subject(mail).equals(ref + ": social care advice due Wednesday 24 February 2027: reminder"))
        .findFirst().orElseThrow();
    assertThat(GreenMailUtil.getBody(reminder)).contains("annual review meeting on Wednesday 10 March 2027",
        "regulation 20", "at least\r\n2 weeks before the meeting").doesNotContain("needs assessment");
  }

  @Test
  void aMeetingOnlyTwoWeeksAwayLeavesNoReminderAndIsChasedTheNextDay() {
    String ref = driver.planIssuedOn("2026-05-25", "2016-05-01");
    driver.today("2027-02-15");
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2027-03-01"));
    assertThat(reviewAdvice(ref)).extracting(CaseView.Advice::dueDate).containsOnly(LocalDate.parse("2027-02-15"));
    driver.today("2027-02-16");
    assertThat(caseFile.view(ref).milestones()).extracting(CaseView.Milestone::type, CaseView.Milestone::date)
        .doesNotContain(tuple(MilestoneType.ADVICE_REMINDER_SENT, LocalDate.parse("2027-02-15")))
        .contains(tuple(MilestoneType.ADVICE_OVERDUE, LocalDate.parse("2027-02-16")));
    assertThat(caseFile.view(ref).milestones()).extracting(CaseView.Milestone::type)
        .doesNotContain(MilestoneType.ADVICE_REMINDER_SENT);
  }

  private java.util.List<CaseView.Advice> reviewAdvice(String ref) {
    return caseFile.view(ref).advice().stream().filter(a -> "REVIEW".equals(a.purpose())).toList();
  }
}
