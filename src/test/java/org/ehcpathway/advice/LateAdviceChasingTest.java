package org.ehcpathway.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ehcpathway.ReceivedMail.recipient;
import static org.ehcpathway.ReceivedMail.subject;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.casefile.CaseView;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.casefile.Rag;
import org.ehcpathway.notification.OutboxSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ten weeks of a case in simulated time, a day at a time, with the health advice late: every reminder,
 * escalation and RAG change on its date, and the emails a real SMTP server received.
 */
@PathwayIntegrationTest
class LateAdviceChasingTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired PathwayDriver driver;
  @Autowired CaseFile caseFile;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired OutboxSender sender;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void tenWeeksWithLateHealthAdvice() throws Exception {
    driver.today("2026-01-05");
    String ref = driver.receiveRequest("2026-01-05", "2016-05-01").caseReference();
    Map<LocalDate, List<String>> history = new TreeMap<>();
    Map<LocalDate, Rag> ragByDay = new TreeMap<>();

    for (LocalDate day = LocalDate.parse("2026-01-05"); !day.isAfter(LocalDate.parse("2026-03-16"));
        day = day.plusDays(1)) {
      driver.today(day.toString());
      switch (day.toString()) {
        case "2026-01-12" -> driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS",
            "adviceTypes", "HEALTH,SOCIAL_CARE,EDUCATIONAL,PSYCHOLOGICAL", "reason", "Evidence of needs."));
        case "2026-02-05" -> giveAdvice(ref, "social-care-advisers", "education-advisers", "educational-psychologists");
        case "2026-03-12" -> giveAdvice(ref, "health-advisers");
        default -> { }
      }
      ragByDay.put(day, caseFile.view(ref).rag().level());
    }
    for (CaseView.Milestone m : caseFile.view(ref).milestones()) {
      history.computeIfAbsent(m.date(), d -> new ArrayList<>()).add(m.type() + " " + m.detail().split(":")[0]);
    }

    // Requested Mon 12 Jan: due Mon 23 Feb; reminder Mon 9 Feb; second escalation Mon 9 Mar.
    assertThat(history).containsExactlyEntriesOf(new TreeMap<>(Map.of(
        LocalDate.parse("2026-01-05"), List.of("REQUEST_RECEIVED From PARENT"),
        LocalDate.parse("2026-01-12"), List.of("DECISION_TO_ASSESS Advice sought", "ADVICE_REQUESTED HEALTH",
            "ADVICE_REQUESTED SOCIAL_CARE", "ADVICE_REQUESTED EDUCATIONAL", "ADVICE_REQUESTED PSYCHOLOGICAL"),
        LocalDate.parse("2026-02-05"), List.of("ADVICE_RETURNED SOCIAL_CARE", "ADVICE_RETURNED EDUCATIONAL",
            "ADVICE_RETURNED PSYCHOLOGICAL"),
        LocalDate.parse("2026-02-09"), List.of("ADVICE_REMINDER_SENT HEALTH"),
        LocalDate.parse("2026-02-23"), List.of("ADVICE_OVERDUE HEALTH", "ADVICE_ESCALATED HEALTH"),
        LocalDate.parse("2026-03-09"), List.of("ADVICE_ESCALATED_TO_MANAGERS HEALTH"),
        LocalDate.parse("2026-03-12"), List.of("ADVICE_RETURNED HEALTH"))));
    assertThat(caseFile.view(ref).milestones()).filteredOn(m -> m.type() == MilestoneType.ADVICE_ESCALATED)
        .extracting(CaseView.Milestone::detail).singleElement().asString()
        .contains("Designated Clinical Officer", "dco@");

    // Decision to assess in week 1; the 16-week decision turns AMBER only on 13 April: GREEN throughout.
    assertThat(ragByDay.values()).containsOnly(Rag.GREEN);
    assertThat(caseFile.view(ref).rag().deadline()).isEqualTo("noPlanDecision");

    assertThat(sender.sendDue()).isPositive();
    List<String> mails = new ArrayList<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      if (mail.getSubject().startsWith(ref)) {
        mails.add(recipient(mail) + " | " + mail.getSubject());
      }
    }
    assertThat(mails).containsExactlyInAnyOrder(
        "health@ehc-pathway.example | " + ref + ": health advice due Monday 23 February 2026: reminder",
        "health@ehc-pathway.example | " + ref + ": health advice due today, not received",
        "dco@icb.example | " + ref + ": health advice overdue: escalation to Designated Clinical Officer",
        "manager@ehc-pathway.example | " + ref
            + ": health advice 2 weeks overdue: escalation to the SEND service manager");
    MimeMessage escalation = Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> recipient(m).startsWith("dco@")).filter(m -> subject(m).startsWith(ref)).findFirst().orElseThrow();
    assertThat(GreenMailUtil.getBody(escalation)).contains(ref, "Monday 23 February 2026", "Monday 12 January 2026",
        "health-advisers", "/camunda/app/tasklist/default/#/?task=");
    assertThat(sender.sendDue()).isZero();
  }

  @Test
  void aLateDecisionToAssessTurnsAmberThenRedAndTellsTheCaseworkerAndManagers() throws Exception {
    driver.today("2026-01-05");
    String ref = driver.receiveRequest("2026-01-05", "2016-05-01").caseReference();
    String sameDates = driver.receiveRequest("2026-01-05", "2015-05-01").caseReference();
    Map<LocalDate, Rag> rag = new TreeMap<>();
    for (String day : List.of("2026-02-01", "2026-02-02", "2026-02-16", "2026-02-17")) {
      driver.today(day);
      rag.put(LocalDate.parse(day), caseFile.view(ref).rag().level());
    }
    assertThat(rag).containsExactlyEntriesOf(new TreeMap<>(Map.of(LocalDate.parse("2026-02-01"), Rag.GREEN,
        LocalDate.parse("2026-02-02"), Rag.AMBER, LocalDate.parse("2026-02-16"), Rag.AMBER,
        LocalDate.parse("2026-02-17"), Rag.RED)));
    assertThat(caseFile.view(ref).rag().deadline()).isEqualTo("decisionToAssess");
    assertThat(caseFile.view(ref).milestones()).extracting(CaseView.Milestone::type, CaseView.Milestone::date)
        .contains(tuple(MilestoneType.DEADLINE_AMBER, LocalDate.parse("2026-02-02")),
            tuple(MilestoneType.DEADLINE_RED, LocalDate.parse("2026-02-17")));

    driver.today("2026-02-18");
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", "HEALTH",
        "reason", "Evidence."));
    assertThat(caseFile.view(ref).rag()).isEqualTo(new CaseView.RagStatus(Rag.GREEN, "noPlanDecision",
        LocalDate.parse("2026-04-27")));

    sender.sendDue();
    List<String> mails = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith(ref))
        .map(m -> recipient(m) + " | " + subject(m)).toList();
    assertThat(mails).containsExactlyInAnyOrder(
        "caseworker@ehc-pathway.example | " + ref + ": statutory deadline in 14 days - 6-week decision whether to assess due Monday 16 February 2026",
        "manager@ehc-pathway.example | " + ref + ": statutory deadline in 14 days - 6-week decision whether to assess due Monday 16 February 2026",
        "caseworker@ehc-pathway.example | " + ref + ": statutory deadline missed - 6-week decision whether to assess due Monday 16 February 2026",
        "manager@ehc-pathway.example | " + ref + ": statutory deadline missed - 6-week decision whether to assess due Monday 16 February 2026");
    // Another case on the same dates is warned about too: one case's warning never silences another's.
    assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith(sameDates))).hasSize(4);
  }

  @Test
  void aCaseworkerCanGoOnWithoutLateAdviceWhichStaysMissing() {
    driver.today("2026-01-05");
    String ref = driver.receiveRequest("2026-01-05", "2016-05-01").caseReference();
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", "HEALTH,EDUCATIONAL",
        "reason", "Evidence."));
    giveAdvice(ref, "education-advisers");
    driver.today("2026-02-10");

    proceedWithoutAdvice.proceed(ref, "HEALTH", ProceedWithoutAdvice.Outcome.NOT_RECEIVED,
        "Paediatric advice not received; the panel will decide on the evidence it has");
    driver.runDueJobs();   // the case moves on in a job once its last advice request has ended

    assertThat(driver.tasks(ref, "provideAdvice")).isEmpty();
    assertThat(driver.tasks(ref, "decideWhetherToIssue")).hasSize(1);
    CaseView.Advice health = caseFile.view(ref).advice().stream().filter(a -> a.type().equals("HEALTH"))
        .findFirst().orElseThrow();
    assertThat(health.returnedDate()).isNull();
    assertThat(health.outcome()).isEqualTo("NOT_RECEIVED");
    assertThat(health.closedWithoutReturnDate()).isEqualTo("2026-02-10");
    assertThat(caseFile.view(ref).milestones()).extracting(CaseView.Milestone::type)
        .contains(MilestoneType.ADVICE_PROCEEDED_WITHOUT);
    driver.today("2026-03-31");   // well past the due date: no chasing of a request that has ended
    assertThat(caseFile.view(ref).milestones()).extracting(CaseView.Milestone::type)
        .doesNotContain(MilestoneType.ADVICE_OVERDUE, MilestoneType.ADVICE_ESCALATED);
  }

  @Test
  void onTheDueDateTheCaseworkerDecidesInTasklistWhetherToWait() {
    driver.today("2026-01-05");
    String ref = driver.receiveRequest("2026-01-05", "2016-05-01").caseReference();
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", "HEALTH,SOCIAL_CARE",
        "reason", "Evidence."));
    driver.today("2026-02-15");
    assertThat(driver.tasks(ref, "decideOnLateAdvice")).isEmpty();
    driver.today("2026-02-16");
    assertThat(driver.tasks(ref, "decideOnLateAdvice")).hasSize(2).allSatisfy(task -> {
      assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
          .containsExactly("caseworkers");
      assertThat(org.ehcpathway.statutory.EngineClock.dateOf(task.getDueDate())).isEqualTo("2026-02-23");
    });

    Task health = driver.tasks(ref, "decideOnLateAdvice").stream()
        .filter(t -> "HEALTH".equals(taskService.getVariableLocal(t.getId(), "adviceType"))).findFirst().orElseThrow();
    Task socialCare = driver.tasks(ref, "decideOnLateAdvice").stream()
        .filter(t -> t != health && !t.getId().equals(health.getId())).findFirst().orElseThrow();
    taskService.complete(health.getId(), Map.of("lateAdviceDecision", "WAIT", "reason", "Paediatrician promised it"));
    assertThat(caseFile.view(ref).milestones()).filteredOn(m -> m.type() == MilestoneType.ADVICE_WAIT_DECIDED)
        .extracting(CaseView.Milestone::detail).containsExactly("HEALTH: Paediatrician promised it");
    taskService.complete(socialCare.getId(), Map.of("lateAdviceDecision", "EXISTING_ADVICE_SUFFICIENT",
        "reason", "The child in need plan of January covers it; the family agreed by phone"));

    assertThat(driver.tasks(ref, "provideAdvice")).hasSize(1);   // health's, still open
    driver.today("2026-02-18");
    giveAdvice(ref, "health-advisers");
    assertThat(driver.tasks(ref, "decideWhetherToIssue")).hasSize(1);
    assertThat(caseFile.view(ref).advice()).extracting(CaseView.Advice::type, CaseView.Advice::outcome,
        CaseView.Advice::returnedDate, CaseView.Advice::closedWithoutReturnDate).containsExactlyInAnyOrder(
        tuple("HEALTH", "ADVICE_GIVEN", LocalDate.parse("2026-02-18"), null),
        tuple("SOCIAL_CARE", "EXISTING_ADVICE_SUFFICIENT", null, LocalDate.parse("2026-02-16")));
  }

  @Autowired ProceedWithoutAdvice proceedWithoutAdvice;

  private void giveAdvice(String ref, String... groups) {
    for (String group : groups) {
      Task task = taskService.createTaskQuery().processInstanceBusinessKey(ref).taskCandidateGroup(group)
          .taskDefinitionKey("provideAdvice").singleResult();
      taskService.complete(task.getId(), Map.of("adviceOutcome", "ADVICE_GIVEN", "summary", "Advice."));
    }
    driver.runDueJobs();
  }
}
