package org.ehcpathway.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.casefile.CaseStatus;
import org.ehcpathway.casefile.CaseView;
import org.ehcpathway.casefile.MilestoneType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A small simulated history through the real engine, in 2033 and 2061 (the same calendar, 28 years apart) so it
 * meets no other test's cases: real outcomes, nothing stuck, the same history for the same seed, the clock back.
 */
@PathwayIntegrationTest
class HistorySimulationTest {

  @Autowired HistoryGenerator generator;
  @Autowired HistorySettingsReader reader;
  @Autowired CaseFile caseFile;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper objectMapper;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private HistorySettings settings(String from, String to, int requestsPerMonth, int existingPlans) {
    return reader.read(objectMapper.valueToTree(Map.of("from", from, "to", to, "requestsPerMonth",
        requestsPerMonth, "existingPlans", existingPlans, "seed", 5)));
  }

  @Test
  void sixMonthsOfHistoryGoThroughTheRealEngineTheSameWayForTheSameSeed() {
    HistoryGenerator.HistoryResult first = generator.generate(settings("2033-01-03", "2033-07-01", 7, 5), "test");

    assertThat(first.failures()).isZero();
    assertThat(first.tasksLeftAlone()).isZero();
    assertThat(first.requestsReceived()).isBetween(30, 56);   // 7 a month for 6 months, drawn day by day
    assertThat(first.plansImported()).isEqualTo(5);
    assertThat(first.caseReferences()).hasSize(first.requestsReceived() + 5);
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), Instant.now()).abs())
        .isLessThan(Duration.ofMinutes(1));   // the engine clock is back at real time

    List<CaseView> requests = first.caseReferences().subList(0, first.requestsReceived()).stream()
        .map(caseFile::view).toList();
    Map<CaseStatus, Long> statuses = requests.stream()
        .collect(Collectors.groupingBy(CaseView::status, Collectors.counting()));
    long decided = requests.stream().filter(view -> has(view, MilestoneType.DECISION_TO_ASSESS)
        || has(view, MilestoneType.DECISION_NOT_TO_ASSESS)).count();
    long refused = requests.stream().filter(view -> has(view, MilestoneType.DECISION_NOT_TO_ASSESS)).count();
    assertThat((double) refused / decided).as("refusals").isCloseTo(0.252, within(0.15));
    assertThat(statuses.get(CaseStatus.NOT_ASSESSED)).isEqualTo(refused);
    assertThat(statuses.getOrDefault(CaseStatus.PLAN_ISSUED, 0L)).as("plans issued").isPositive();
    assertThat(statuses.getOrDefault(CaseStatus.OPEN, 0L)).as("still open").isPositive();
    // every plan waited for the family's 15 days and went through the panel, advice and a draft
    requests.stream().filter(view -> view.status() == CaseStatus.PLAN_ISSUED).forEach(view -> {
      assertThat(view.milestones()).extracting(CaseView.Milestone::type).contains(MilestoneType.ADVICE_RETURNED,
          MilestoneType.DECISION_TO_ISSUE, MilestoneType.DRAFT_PLAN_SERVED, MilestoneType.PROVISION_AGREED,
          MilestoneType.FINAL_PLAN_ISSUED);
      assertThat(view.reviews()).isNotEmpty();
    });
    // existing plans came up for review: meetings scheduled and decisions made
    List<CaseView> plans = first.caseReferences().subList(first.requestsReceived(), first.caseReferences().size())
        .stream().map(caseFile::view).toList();
    assertThat(plans).flatExtracting(CaseView::milestones).extracting(CaseView.Milestone::type)
        .contains(MilestoneType.REVIEW_MEETING_SCHEDULED, MilestoneType.REVIEW_DECIDED);

    // nothing is stuck: an open case has a task to do or a timer to wait for
    for (CaseView view : requests) {
      if (view.status() == CaseStatus.OPEN) {
        List<String> instances = runtimeService.createProcessInstanceQuery()
            .processInstanceBusinessKey(view.caseReference()).list().stream().map(ProcessInstance::getId).toList();
        long tasks = taskService.createTaskQuery().processInstanceBusinessKey(view.caseReference()).count();
        long timers = instances.stream().mapToLong(id -> managementService.createJobQuery().processInstanceId(id)
            .timers().count()).sum();
        assertThat(tasks + timers).as("tasks and timers of open case %s", view.caseReference()).isPositive();
      }
    }

    // the simulated history makes a valid SEN2 return (the 2034 collection covers calendar year 2033)
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2034-02-01 10:00:00"));
    ResponseEntity<byte[]> sen2 = rest.withBasicAuth("manager", "manager")
        .getForEntity("/api/reports/sen2?year=2034", byte[].class);
    assertThat(sen2.getStatusCode().value()).isEqualTo(200);
    assertThatCode(() -> org.ehcpathway.reporting.Sen2Schema.validate(sen2.getBody())).doesNotThrowAnyException();
    ClockUtil.reset();

    // the same seed on the same calendar 28 years later gives the same history, day for day (read the first
    // history now: moving the clock to 2061 fires the first run's remaining timers too)
    List<List<String>> firstHistories = first.caseReferences().subList(0, first.requestsReceived()).stream()
        .map(this::history).toList();
    HistoryGenerator.HistoryResult again = generator.generate(settings("2061-01-03", "2061-07-01", 7, 5), "test");
    assertThat(again.requestsReceived()).isEqualTo(first.requestsReceived());
    assertThat(again.tasksCompleted()).isEqualTo(first.tasksCompleted());
    assertThat(again.statuses()).isEqualTo(first.statuses());
    for (int i = 0; i < first.requestsReceived(); i++) {
      assertThat(history(again.caseReferences().get(i))).as("case %d", i + 1).isEqualTo(firstHistories.get(i));
    }
  }

  @Test
  void theEndpointRunsForManagersAndRefusesBadSettings() {
    ResponseEntity<String> run = post("manager", "{\"from\":\"2035-03-01\",\"to\":\"2035-03-31\","
        + "\"requestsPerMonth\":3,\"existingPlans\":1,\"seed\":9}");
    assertThat(run.getStatusCode().value()).isEqualTo(200);
    assertThat(run.getBody()).contains("\"from\":\"2035-03-01\"", "\"plansImported\":1", "\"failures\":0");
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), Instant.now()).abs())
        .isLessThan(Duration.ofMinutes(1));
    assertThat(rest.withBasicAuth("manager", "manager").getForEntity("/api/simulation/history", String.class)
        .getBody()).contains("\"from\":\"2035-03-01\"");

    assertThat(post("caseworker", "{}").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> rate = post("manager", "{\"refusalRate\":1.5}");
    assertThat(rate.getStatusCode().value()).isEqualTo(400);
    assertThat(rate.getBody()).contains("refusalRate");
    ResponseEntity<String> nested = post("manager", "{\"advice\":{\"HEALTH\":{\"onTimeRate\":-1}}}");
    assertThat(nested.getStatusCode().value()).isEqualTo(400);
    assertThat(nested.getBody()).contains("onTimeRate");
    ResponseEntity<String> unknown = post("manager", "{\"requestsPerYear\":12}");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody()).contains("requestsPerYear");
    ResponseEntity<String> backwards = post("manager", "{\"from\":\"2035-05-01\",\"to\":\"2035-01-01\"}");
    assertThat(backwards.getStatusCode().value()).isEqualTo(400);
    assertThat(backwards.getBody()).contains("\"to\"");
    assertThat(post("manager", "{\"months\":\"many\"}").getStatusCode().value()).isEqualTo(400);
  }

  private ResponseEntity<String> post(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange("/api/simulation/history", HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }

  /** A case's milestones as (type, days after the request), which a seed decides. */
  private List<String> history(String reference) {
    CaseView view = caseFile.view(reference);
    List<String> lines = new ArrayList<>();
    lines.add(view.status().name());
    for (CaseView.Milestone milestone : view.milestones()) {
      lines.add(milestone.type() + "+" + ChronoUnit.DAYS.between(view.requestReceivedDate(), milestone.date()));
    }
    return lines;
  }

  private static boolean has(CaseView view, MilestoneType type) {
    return view.milestones().stream().anyMatch(milestone -> milestone.type() == type);
  }
}
