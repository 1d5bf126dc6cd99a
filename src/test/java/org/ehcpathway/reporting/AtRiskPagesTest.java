package org.ehcpathway.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.TestHttp;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.casefile.Rag;
import org.ehcpathway.statutory.CaseDeadlines;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The paged at-risk list against the whole list, on Monday 15 June 2043 (a year no other test uses). Sixteen cases of
 * 2043 written straight into the read model, at and around each RAG cut-off: a deadline due yesterday (RED), today,
 * tomorrow and in 14 days (AMBER) and in 15 days (GREEN), for the 6-week, 16-week and 20-week deadlines, with steps
 * taken before and after their due dates, ties on the next deadline, and two references that a British collation would
 * sort the other way round. The other tests' open cases are in the list too: every page is compared with the whole.
 */
@PathwayIntegrationTest
class AtRiskPagesTest {

  static final LocalDate TODAY = LocalDate.parse("2043-06-15");
  static final String MINE = "EHC-2043-";

  @Autowired AtRiskList atRiskList;
  @Autowired CaseRecords records;
  @Autowired StatutoryDeadlines rules;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void writeTheCases() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(10, 0).atZone(EngineClock.LONDON).toInstant()));
    open("900001", -43, null, null, null, null);            // 6 weeks due yesterday: RED
    open("900002", -42, null, null, null, null);            // due today: AMBER
    open("900003", -41, null, null, null, null);            // due tomorrow: AMBER
    open("900004", -28, null, null, null, null);            // due in 14 days: AMBER
    open("900005", -27, null, null, null, null);            // due in 15 days: GREEN
    open("900006", -112, -80, null, null, null);            // assessed; 16 weeks due today: AMBER
    open("900007", -125, -90, -40, -20, null);              // draft served; 20 weeks due in 15 days: GREEN
    open("900008", -200, null, null, null, null);           // nothing done, every deadline passed: RED
    open("900009", -150, -110, null, null, null);           // 16 weeks passed 38 days ago: RED
    open("900010", -50, -45, null, null, null);             // 6 weeks passed but met; 16 weeks in 62 days: GREEN
    open("900011", -100, -60, -30, -25, -1);                // every step done, still open: GREEN
    open("B00012", -41, null, null, null, null);            // due tomorrow, as 900003: AMBER
    open("a00013", -41, null, null, null, null);            // a British collation puts this before B00012
    open("900015", -141, -120, -60, -40, null);             // 20 weeks due yesterday: RED
    open("900016", -126, -100, -50, -30, null);             // 20 weeks due in 14 days: AMBER
    open("900014", -300, null, null, null, null);
    jdbc.sql("UPDATE ehc_case SET status = 'WITHDRAWN', stage = 'closed', closed_date = ? WHERE case_reference = ?")
        .params(TODAY.minusDays(5), MINE + "900014").update();   // closed: never listed
    records.recordMilestone(MINE + "900007", MilestoneType.DRAFT_PLAN_SERVED, TODAY.minusDays(5), "caseworker", null);

    records.recordAdviceRequest(MINE + "900006", "HEALTH", "atrisk-health", TODAY.minusDays(80), TODAY.minusDays(38),
        "ASSESSMENT", null);
    records.recordAdviceRequest(MINE + "900006", "EDUCATIONAL", "atrisk-educational", TODAY.minusDays(80),
        TODAY.minusDays(38), "ASSESSMENT", null);
    records.recordAdviceReturned("atrisk-educational", TODAY.minusDays(50), "ADVICE_GIVEN", "Returned.", "school");
    records.recordAdviceRequest(MINE + "900006", "SOCIAL_CARE", "atrisk-social-care", TODAY.minusDays(10),
        TODAY.plusDays(32), "ASSESSMENT", null);
  }

  @AfterEach
  void removeTheCases() {
    for (String table : List.of("case_advice", "case_milestone", "ehc_case")) {
      jdbc.sql("DELETE FROM " + table + " WHERE case_reference LIKE ?").param(MINE + "%").update();
    }
    ClockUtil.reset();
  }

  @Test
  void thePagesTogetherAreTheWholeListInItsOrderWithTheRagCounts() {
    List<AtRiskCase> whole = atRiskList.atRisk();
    assertThat(whole).filteredOn(c -> c.caseReference().startsWith(MINE)).extracting(AtRiskCase::caseReference)
        .containsExactly(mine("900008", "900009", "900001", "900015", "900002", "900006", "900003", "B00012",
            "a00013", "900004", "900016", "900005", "900007", "900011", "900010"));
    Map<String, AtRiskCase> byReference = whole.stream()
        .collect(Collectors.toMap(AtRiskCase::caseReference, Function.identity()));
    assertThat(byReference.get(MINE + "900001").rag()).isEqualTo(Rag.RED);
    assertThat(byReference.get(MINE + "900015")).extracting(AtRiskCase::nextDeadline, AtRiskCase::rag)
        .containsExactly("finalPlan", Rag.RED);
    assertThat(byReference.get(MINE + "900006").outstandingAdvice()).containsExactly(
        new AtRiskCase.OutstandingAdvice("HEALTH", TODAY.minusDays(38), 38),
        new AtRiskCase.OutstandingAdvice("SOCIAL_CARE", TODAY.plusDays(32), 0));

    for (int size : List.of(1, 2, 3, 7, 50, 500)) {
      List<AtRiskCase> together = new ArrayList<>();
      AtRiskPage first = atRiskList.page(0, size);
      for (int page = 0; page < first.totalPages(); page++) {
        AtRiskPage next = atRiskList.page(page, size);
        assertThat(next.page()).isEqualTo(page);
        assertThat(next.size()).isEqualTo(size);
        assertThat(next.cases()).as("page %d of %d", page, size).hasSize(
            (int) Math.min(size, whole.size() - (long) page * size));
        assertThat(next).usingRecursiveComparison().ignoringFields("page", "cases").isEqualTo(first);
        together.addAll(next.cases());
      }
      assertThat(together).as("pages of %d", size).containsExactlyElementsOf(whole);
      assertThat(first.totalPages()).isEqualTo((whole.size() + size - 1) / size);
    }

    AtRiskPage counts = atRiskList.page(0, 50);
    assertThat(counts.openCases()).isEqualTo(whole.size());
    assertThat(List.of(counts.red(), counts.amber(), counts.green())).containsExactly(count(whole, Rag.RED),
        count(whole, Rag.AMBER), count(whole, Rag.GREEN));
    assertThat(counts.red()).isGreaterThanOrEqualTo(4);
    assertThat(counts.amber()).isGreaterThanOrEqualTo(7);
    assertThat(counts.green()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aPagePastTheEndIsEmptyWithTheCountsAndBadBoundsAreRefused() {
    AtRiskPage first = atRiskList.page(0, 500);
    AtRiskPage past = atRiskList.page((int) first.totalPages(), 500);
    assertThat(past.cases()).isEmpty();
    assertThat(past).usingRecursiveComparison().ignoringFields("page", "cases").isEqualTo(first);
    assertThat(atRiskList.page(Integer.MAX_VALUE, 500).cases()).isEmpty();
    assertThat(atRiskList.page(0, 1).cases()).hasSize(1);

    assertThatThrownBy(() -> atRiskList.page(-1, 50)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> atRiskList.page(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> atRiskList.page(0, 501)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theApiServesPagesToManagersAndTheWholeListAsACsvFile() throws Exception {
    TestHttp http = new TestHttp(port);
    List<AtRiskCase> whole = atRiskList.atRisk();

    HttpResponse<String> response = http.get("manager", "/api/reports/at-risk/page?page=1&size=3");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode page = json.readTree(response.body());
    assertThat(page.get("page").asInt()).isEqualTo(1);
    assertThat(page.get("size").asInt()).isEqualTo(3);
    assertThat(page.get("openCases").asLong()).isEqualTo(whole.size());
    assertThat(page.get("totalPages").asLong()).isEqualTo((whole.size() + 2) / 3);
    assertThat(page.get("red").asLong() + page.get("amber").asLong() + page.get("green").asLong())
        .isEqualTo(whole.size());
    assertThat(page.get("cases").findValuesAsText("caseReference")).containsExactlyElementsOf(
        whole.subList(3, 6).stream().map(AtRiskCase::caseReference).toList());
    assertThat(json.readTree(http.get("manager", "/api/reports/at-risk/page").body()).get("size").asInt())
        .isEqualTo(50);
    assertThat(http.get("caseworker", "/api/reports/at-risk/page").statusCode()).isEqualTo(403);
    assertThat(http.get(null, "/api/reports/at-risk/page").statusCode()).isEqualTo(401);

    HttpResponse<String> file = http.get("manager", "/api/reports/at-risk.csv");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(TestHttp.contentType(file)).startsWith("text/csv");
    assertThat(file.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"at-risk.csv\"");
    assertThat(file.body()).isEqualTo(http.call("manager", "GET", "/api/reports/at-risk", null, null, "text/csv")
        .body());
    assertThat(file.body().lines().count()).isEqualTo(whole.size() + 1L);
    assertThat(http.get("caseworker", "/api/reports/at-risk.csv").statusCode()).isEqualTo(403);
  }

  /** An open case received {@code received} days from today, with each step taken that many days from today. */
  private void open(String number, int received, Integer assessed, Integer decidedToIssue, Integer draft,
      Integer issued) {
    LocalDate receivedOn = TODAY.plusDays(received);
    CaseDeadlines due = CaseDeadlines.forRequestReceived(receivedOn, rules);
    jdbc.sql("""
            INSERT INTO ehc_case (case_reference, child_forename, child_surname, child_date_of_birth, child_sex,
              child_postcode, request_received_date, request_source, status, stage, decision_to_assess_due,
              no_plan_decision_due, final_plan_due, decision_to_assess_date, decision_to_issue_date,
              final_plan_issued_date, created_by, created_at)
            VALUES (?, 'At', 'Risk', DATE '2035-01-01', 'F', 'AB1 2CD', ?, 'PARENT', 'OPEN', 'requestAdvice', ?, ?, ?,
              ?, ?, ?, 'caseworker', CURRENT_TIMESTAMP)""")
        .params(MINE + number, receivedOn, due.decisionToAssess(), due.noPlanDecision(), due.finalPlan(),
            day(assessed), day(decidedToIssue), day(issued))
        .update();
    if (draft != null) {
      records.recordMilestone(MINE + number, MilestoneType.DRAFT_PLAN_SERVED, day(draft), "caseworker", null);
    }
  }

  private static LocalDate day(Integer fromToday) {
    return fromToday == null ? null : TODAY.plusDays(fromToday);
  }

  private static String[] mine(String... numbers) {
    return java.util.Arrays.stream(numbers).map(n -> MINE + n).toArray(String[]::new);
  }

  private static long count(List<AtRiskCase> cases, Rag rag) {
    return cases.stream().filter(c -> c.rag() == rag).count();
  }
}
