package org.ehcpathway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.reporting.AtRiskList;
import org.ehcpathway.reporting.BranchTimelinessReports;
import org.ehcpathway.reporting.OldAtRiskList;
import org.ehcpathway.reporting.OldTimelinessReports;
import org.ehcpathway.reporting.TimelinessReports;
import org.ehcpathway.review.PlanRecords;
import org.ehcpathway.simulation.HistoryGenerator;
import org.ehcpathway.simulation.HistorySettings;
import org.ehcpathway.simulation.HistorySettingsReader;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Old (9a7145b) against new report code in one JVM on one database, interleaved, so that machine load affects both
 * alike: the simulated year of {@link ReportScaleBenchmark}, copied (layout A, every copy in 2025) to each size; at
 * each size, rounds of: V11's indexes, old code; V12's new indexes with V11's narrow ones, new code; V12 as written,
 * the branch's first version (dd167fe) and the new code. Wall and thread CPU time of each call (H2 in memory runs the
 * query on the calling thread, so its CPU time is the query's; PostgreSQL's is the server's and not counted). Each
 * variant's report content is written to target/bench/report-content-oldnew-&lt;db&gt;/ to compare byte for byte.
 */
@SpringBootTest(properties = {"ehc.test.database=ehc_rs_oldnew", "ehc.demo-data.history-months=0",
    "ehc.demo-data.sample-cases=false", "logging.level.org.ehcpathway=WARN"})
@ActiveProfiles("test")
@Tag("bench")
class ReportOldVsNewBenchmark {

  static final LocalDate FROM = ReportScaleBenchmark.FROM;
  static final LocalDate TO = ReportScaleBenchmark.TO;

  static final List<String> V11 = List.of(
      "CREATE INDEX ehc_case_received ON ehc_case (request_received_date)",
      "CREATE INDEX ehc_case_decision_to_assess ON ehc_case (decision_to_assess_date)",
      "CREATE INDEX ehc_case_decision_to_issue ON ehc_case (decision_to_issue_date)",
      "CREATE INDEX ehc_case_final_plan ON ehc_case (final_plan_issued_date)",
      "CREATE INDEX case_advice_purpose ON case_advice (purpose, requested_date)",
      "CREATE INDEX case_advice_returned ON case_advice (returned_date)",
      "CREATE INDEX plan_review_decision ON plan_review (decision_date)");
  static final List<String> V12_WIDE = List.of(
      "CREATE INDEX ehc_case_received ON ehc_case (request_received_date, origin, request_source, created_by)",
      "CREATE INDEX ehc_case_decision_to_assess ON ehc_case (decision_to_assess_date, origin, request_source,"
          + " created_by, status, decision_to_assess_due)",
      "CREATE INDEX ehc_case_decision_to_issue ON ehc_case (decision_to_issue_date, origin, status,"
          + " no_plan_decision_due)",
      "CREATE INDEX ehc_case_final_plan ON ehc_case (final_plan_issued_date, origin, request_source, created_by,"
          + " request_received_date, final_plan_due, week20_exception_applies)",
      "CREATE INDEX case_advice_purpose ON case_advice (purpose, requested_date, advice_type)",
      "CREATE INDEX case_advice_returned ON case_advice (returned_date, purpose, advice_type, due_date)",
      "CREATE INDEX plan_review_decision ON plan_review (decision_date, due_date, decision_due)");
  static final List<String> V12_NEW = List.of(
      "CREATE INDEX case_advice_awaited_until ON case_advice (awaited_until, due_date, purpose, advice_type,"
          + " requested_date)",
      "CREATE INDEX ehc_plan_phase_transfer_deadline ON ehc_plan (phase_transfer_deadline)",
      "CREATE INDEX case_milestone_case_type ON case_milestone (case_reference, milestone_type, milestone_date)");

  @Autowired HistoryGenerator generator;
  @Autowired HistorySettingsReader reader;
  @Autowired TimelinessReports reports;
  @Autowired AtRiskList atRiskList;
  @Autowired PlanRecords plans;
  @Autowired CaseRecords caseRecords;
  @Autowired StatutoryDeadlines rules;
  @Autowired EngineClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired ObjectMapper objectMapper;

  private final int calls = Integer.getInteger("bench.calls", 3);
  private final int rounds = Integer.getInteger("bench.rounds", 2);
  /** 1: layout A of ReportScaleBenchmark (every copy in 2025); more: layout B, copies spread over that many years. */
  private final int years = Integer.getInteger("bench.years", 1);
  private final long[] targets = Arrays.stream(System.getProperty("bench.targets", "10000,100000")
      .split(",")).mapToLong(Long::parseLong).toArray();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private String db;
  private List<String> indexes = new ArrayList<>();

  @Test
  void benchmark() throws Exception {
    boolean postgres;
    try (var connection = dataSource.getConnection()) {
      postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }
    db = postgres ? "postgresql" : "h2";
    OldTimelinessReports old = new OldTimelinessReports(jdbc, rules, clock);
    BranchTimelinessReports branch = new BranchTimelinessReports(jdbc, rules, clock);
    OldAtRiskList oldAtRisk = new OldAtRiskList(caseRecords, jdbc, rules, clock);
    indexes = new ArrayList<>(V12_WIDE);
    indexes.addAll(V12_NEW);
    long start = System.nanoTime();
    HistorySettings settings = reader.read(objectMapper.valueToTree(Map.of("from", FROM.toString(),
        "to", TO.toString(), "requestsPerMonth", 80, "existingPlans", 100)));
    generator.generate(settings, "bench");
    List<String> planReferences = jdbc.sql("SELECT case_reference FROM ehc_plan ORDER BY case_reference")
        .query(String.class).list();
    for (int i = 0; i < planReferences.size(); i += 2) {
      plans.setNextPhaseTransfer(planReferences.get(i),
          ReportScaleBenchmark.TRANSFERS.get(i / 2 % ReportScaleBenchmark.TRANSFERS.size()));
    }
    print("simulated in " + (System.nanoTime() - start) / 1_000_000_000 + " s");
    ReadModelCopies copies = new ReadModelCopies(jdbc, postgres, TO);
    ClockUtil.setCurrentTime(java.util.Date.from(TO.atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    for (long target : targets) {
      copies.copyUntil(target, years);
      long cases = copies.cases();
      print("| cases | round | indexes | code | timeliness ms (cpu) | monthly ms (cpu) | atRisk ms (cpu) | load before / after |");
      for (int round = 1; round <= rounds; round++) {
        useIndexes(V11, postgres);
        measure(cases, round, "V11", "old 9a7145b", () -> old.timeliness(FROM, TO), () -> old.monthly(2025),
            oldAtRisk::atRisk);
        List<String> narrowPlusNew = new ArrayList<>(V11);
        narrowPlusNew.addAll(V12_NEW);
        useIndexes(narrowPlusNew, postgres);
        measure(cases, round, "V11+V12 new", "new", () -> reports.timeliness(FROM, TO), () -> reports.monthly(2025),
            atRiskList::atRisk);
        List<String> v12 = new ArrayList<>(V12_WIDE);
        v12.addAll(V12_NEW);
        useIndexes(v12, postgres);
        measure(cases, round, "V12", "branch dd167fe", () -> branch.timeliness(FROM, TO),
            () -> branch.monthly(2025), atRiskList::atRisk);
        measure(cases, round, "V12", "new", () -> reports.timeliness(FROM, TO), () -> reports.monthly(2025),
            atRiskList::atRisk);
      }
      explain();
      save(cases, "old", old.timeliness(FROM, TO), old.monthly(2025), oldAtRisk.atRisk());
      save(cases, "branch", branch.timeliness(FROM, TO), branch.monthly(2025), atRiskList.atRisk());
      save(cases, "new", reports.timeliness(FROM, TO), reports.monthly(2025), atRiskList.atRisk());
    }
    ClockUtil.reset();
  }

  /** The outstanding advice and reviews overdue queries for 2025's month ends, as joined (dd167fe) and as now. */
  private void explain() {
    List<String> ends = new ArrayList<>();
    for (int month = 1; month <= 12; month++) {
      ends.add("DATE '" + java.time.YearMonth.of(2025, month).atEndOfMonth() + "'");
    }
    String values = "(VALUES " + String.join(", ", ends.stream().map(e -> "(" + e + ")").toList()) + ") e(period_end)";
    String advice = "(SELECT advice_type, requested_date, due_date, awaited_until FROM case_advice"
        + " WHERE awaited_until IS NULL AND due_date < DATE '2025-12-31' AND purpose = 'ASSESSMENT'"
        + " UNION ALL SELECT advice_type, requested_date, due_date, awaited_until FROM case_advice"
        + " WHERE awaited_until > DATE '2025-01-31' AND due_date < DATE '2025-12-31' AND awaited_until > due_date"
        + " AND purpose = 'ASSESSMENT') a";
    String reviews = "(SELECT case_reference, due_date, decision_date FROM plan_review"
        + " WHERE decision_date IS NULL AND due_date < DATE '2025-12-31'"
        + " UNION ALL SELECT case_reference, due_date, decision_date FROM plan_review"
        + " WHERE decision_date > DATE '2025-01-31' AND due_date < DATE '2025-12-31' AND decision_date > due_date) r"
        + " JOIN ehc_plan p ON p.case_reference = r.case_reference";
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("advice, join", "SELECT e.period_end, a.advice_type, COUNT(*) FROM " + advice + " JOIN " + values
        + " ON a.requested_date <= e.period_end AND a.due_date < e.period_end AND (a.awaited_until IS NULL"
        + " OR a.awaited_until > e.period_end) GROUP BY e.period_end, a.advice_type");
    queries.put("advice, columns", "SELECT advice_type, " + String.join(", ", ends.stream().map(e ->
        "COUNT(CASE WHEN requested_date <= " + e + " AND due_date < " + e + " AND (awaited_until IS NULL"
            + " OR awaited_until > " + e + ") THEN 1 END)").toList()) + " FROM " + advice + " GROUP BY advice_type");
    queries.put("reviews, join", "SELECT e.period_end, COUNT(*) FROM " + reviews + " JOIN " + values
        + " ON r.due_date < e.period_end AND (r.decision_date IS NULL OR r.decision_date > e.period_end)"
        + " AND (p.ceased_date IS NULL OR p.ceased_date > e.period_end) GROUP BY e.period_end");
    queries.put("reviews, columns", "SELECT " + String.join(", ", ends.stream().map(e ->
        "COUNT(CASE WHEN r.due_date < " + e + " AND (r.decision_date IS NULL OR r.decision_date > " + e + ")"
            + " AND (p.ceased_date IS NULL OR p.ceased_date > " + e + ") THEN 1 END)").toList()) + " FROM " + reviews);
    queries.forEach((name, sql) -> {
      jdbc.sql(sql).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> { });
      long start = System.nanoTime();
      List<String> plan = jdbc.sql("EXPLAIN ANALYZE " + sql).query(String.class).list();
      print("EXPLAIN ANALYZE " + name + " (" + (System.nanoTime() - start) / 1_000_000 + " ms):\n"
          + String.join("\n", plan));
    });
  }

  private void useIndexes(List<String> wanted, boolean postgres) {
    if (wanted.equals(indexes)) {
      return;
    }
    long start = System.nanoTime();
    for (String create : indexes) {
      if (!wanted.contains(create)) {
        jdbc.sql("DROP INDEX " + create.split(" ")[2]).update();
      }
    }
    for (String create : wanted) {
      if (!indexes.contains(create)) {
        jdbc.sql(create).update();
      }
    }
    if (postgres) {
      jdbc.sql("ANALYZE").update();
    }
    indexes = new ArrayList<>(wanted);
    print("indexes switched in " + (System.nanoTime() - start) / 1_000_000 + " ms");
  }

  private void measure(long cases, int round, String indexSet, String code, Supplier<?> timeliness,
      Supplier<?> monthly, Supplier<?> atRisk) throws Exception {
    String before = load();
    String t = median(timeliness);
    String m = median(monthly);
    String a = median(atRisk);
    print("| " + cases + " | " + round + " | " + indexSet + " | " + code + " | " + t + " | " + m + " | " + a + " | `"
        + before + "` / `" + load() + "` |");
  }

  private String median(Supplier<?> call) {
    call.get();
    List<long[]> times = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      call.get();
      times.add(new long[] {(System.nanoTime() - start) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu)
          / 1_000_000});
    }
    times.sort((x, y) -> Long.compare(x[0], y[0]));
    long[] median = times.get(times.size() / 2);
    return median[0] + " (" + median[1] + ")";
  }

  private void save(long cases, String code, Object year, Object monthly, Object atRisk) throws Exception {
    Path dir = Path.of("target/bench/report-content-oldnew-" + db + (years > 1 ? "-spread" + years : ""));
    Files.createDirectories(dir);
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("timeliness", year);
    content.put("monthly", monthly);
    content.put("atRisk", atRisk);
    Files.writeString(dir.resolve(cases + "-" + code + ".json"),
        objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(content));
  }

  private void print(String line) {
    System.out.println("OLDNEW " + db + " " + line);
  }

  private static String load() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).trim();
  }
}
