package org.ehcpathway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.casefile.ReadModelChanges;
import org.ehcpathway.reporting.AtRiskCase;
import org.ehcpathway.reporting.AtRiskList;
import org.ehcpathway.reporting.TimelinessReports;
import org.ehcpathway.review.PlanRecords;
import org.ehcpathway.simulation.HistoryGenerator;
import org.ehcpathway.simulation.HistorySettings;
import org.ehcpathway.simulation.HistorySettingsReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reports' latency at 10,000, 100,000 and 1,000,000 cases, on H2 or (with {@code -Ppostgres}) PostgreSQL:
 * simulates a council's year once (2025), gives a quarter of its plans each kind of phase transfer, then copies the
 * read-model rows with SQL ({@link ReadModelCopies}) and times {@code timeliness(year)}, {@code monthly(year)},
 * {@code atRisk()} and its first page of 50 ({@code page(0, 50)}, checked to be the list's first 50) as at
 * 31 December 2025. The database is {@code ehc_rs_reports} unless {@code -Dbench.database=ehc_...} names another.
 * Two layouts of the copies: all in 2025 (the worst case) and spread over {@code bench.years} years (a national
 * database). Writes docs/performance.md between the markers {@code reports-h2} or {@code reports-postgresql}, and
 * each report's content to target/bench so that two runs (before and after a change) can be compared.
 */
@SpringBootTest(properties = {"ehc.test.database=${bench.database:ehc_rs_reports}", "ehc.demo-data.history-months=0",
    "ehc.demo-data.sample-cases=false", "logging.level.org.ehcpathway=WARN"})
@ActiveProfiles("test")
@Tag("bench")
class ReportScaleBenchmark {

  static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  static final LocalDate TO = LocalDate.of(2025, 12, 31);
  static final List<String> TRANSFERS =
      List.of("SCHOOL:2025", "POST16:2026", "POST16_TO_POST16:2025-09-01", "SCHOOL:2026");

  @Autowired HistoryGenerator generator;
  @Autowired HistorySettingsReader reader;
  @Autowired TimelinessReports reports;
  @Autowired AtRiskList atRiskList;
  @Autowired PlanRecords plans;
  @Autowired JdbcClient jdbc;
  @Autowired ReadModelChanges changes;
  @Autowired DataSource dataSource;
  @Autowired ObjectMapper objectMapper;

  private final int calls = Integer.getInteger("bench.calls", 3);
  private final int years = Integer.getInteger("bench.years", 7);
  private final int requestsPerMonth = Integer.getInteger("bench.requestsPerMonth", 80);
  private final int existingPlans = Integer.getInteger("bench.existingPlans", 100);
  private final long[] targets = Arrays.stream(System.getProperty("bench.targets", "10000,100000,1000000")
      .split(",")).mapToLong(Long::parseLong).toArray();
  /** {@code -Dbench.layouts=B} runs only the national layout (a million copies take minutes on each). */
  private final String layouts = System.getProperty("bench.layouts", "A,B");
  /** H2 only: the database after the last scenario, written with {@code SCRIPT TO}, for {@code EXPLAIN} by hand. */
  private final String h2Script = System.getProperty("bench.h2Script");
  private String database;

  @Test
  void benchmark() throws Exception {
    boolean postgres = BenchDatabase.postgres();
    database = BenchDatabase.describe(dataSource);
    String loadBefore = Machine.load();
    simulateYear();
    ReadModelCopies copies = new ReadModelCopies(jdbc, changes, postgres, TO);

    StringBuilder out = new StringBuilder();
    out.append("Measured ").append(java.time.ZonedDateTime.now(ZoneId.of("Europe/London")).toLocalDate())
        .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version")).append(", ").append(database).append(", heap ")
        .append(Runtime.getRuntime().maxMemory() / (1 << 20)).append(" MB. Load average when the run started: `")
        .append(loadBefore).append("`.\n\n")
        .append("Command: `mvn -o ").append(BenchDatabase.profiles())
        .append(" verify -Dtest=ReportScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.targets=")
        .append(String.join(",", Arrays.stream(targets).mapToObj(Long::toString).toList()))
        .append(" -Dbench.years=").append(years).append(" -Dbench.requestsPerMonth=").append(requestsPerMonth)
        .append(" -Dbench.existingPlans=").append(existingPlans)
        .append(layouts.equals("A,B") ? "" : " -Dbench.layouts=" + layouts).append("`\n\n")
        .append("Median of ").append(calls).append(" calls after 1 warm-up, milliseconds, as at ").append(TO)
        .append(" (engine clock). Load average before / after each row's calls.\n\n");

    if (layouts.contains("A")) {
      out.append("#### A: every copy in 2025 (worst case: the year's report counts every case)\n\n");
      out.append(scenario(copies, 1, "same-year"));
      copies.deleteCopies();
    }
    if (layouts.contains("B")) {
      out.append("\n#### B: copies spread over ").append(years).append(" years (")
          .append(TO.getYear() - years + 1).append(" to ").append(TO.getYear())
          .append("; a year's report counts about 1/").append(years).append(" of the cases)\n\n");
      out.append(scenario(copies, years, "spread"));
    }
    if (h2Script != null && !postgres) {
      jdbc.sql("SCRIPT TO '" + h2Script.replace("'", "''") + "'").query(rs -> { });
    }
    ClockUtil.reset();
    PerformanceDoc.write(postgres ? "reports-postgresql" : "reports-h2", out.toString(),
        "reports-" + (postgres ? "postgresql" : "h2") + ".md");
  }

  private void simulateYear() {
    HistorySettings settings = reader.read(objectMapper.valueToTree(Map.of("from", FROM.toString(),
        "to", TO.toString(), "requestsPerMonth", requestsPerMonth, "existingPlans", existingPlans)));
    generator.generate(settings, "bench");
    List<String> planReferences = jdbc.sql("SELECT case_reference FROM ehc_plan ORDER BY case_reference")
        .query(String.class).list();
    for (int i = 0; i < planReferences.size(); i += 2) {
      plans.setNextPhaseTransfer(planReferences.get(i), TRANSFERS.get(i / 2 % TRANSFERS.size()));
    }
  }

  private String scenario(ReadModelCopies copies, int spreadYears, String name) throws IOException {
    StringBuilder table = new StringBuilder("| Cases in `ehc_case` | copying (s) | first `monthly(year)` after the"
        + " copy (counts every month, keeps the closed ones) | `timeliness(year)` | `monthly(year)`"
        + " | `atRisk()` (open cases listed) | `atRisk` first page of 50 | requests received in 2025"
        + " | load before / after |\n"
        + "|---|---|---|---|---|---|---|---|---|\n");
    for (long target : targets) {
      long start = System.nanoTime();
      copies.copyUntil(target, spreadYears);
      double copySeconds = (System.nanoTime() - start) / 1e9;
      long cases = copies.cases();
      String before = Machine.load();
      atToday();
      long firstStart = System.nanoTime();
      reports.monthly(FROM.getYear());
      long firstMonthly = (System.nanoTime() - firstStart) / 1_000_000;
      long timeliness = median(() -> reports.timeliness(FROM, TO));
      long monthly = median(() -> reports.monthly(FROM.getYear()));
      long atRisk = median(() -> atRiskList.atRisk());
      long firstPage = median(() -> atRiskList.page(0, 50));
      String after = Machine.load();
      List<AtRiskCase> listed = atRisk();
      if (!atRiskList.page(0, 50).cases().equals(listed.subList(0, Math.min(50, listed.size())))) {
        throw new IllegalStateException("The first page of the at-risk list is not the list's first 50 cases");
      }
      var year = reports.timeliness(FROM, TO);
      save(name + "-" + target, year, reports.monthly(FROM.getYear()), listed);
      table.append("| ").append(cases).append(" | ").append(String.format("%.0f", copySeconds)).append(" | ")
          .append(firstMonthly).append(" | ").append(timeliness).append(" | ").append(monthly).append(" | ")
          .append(atRisk).append(" (").append(listed.size()).append(") | ").append(firstPage).append(" | ")
          .append(year.requestsReceived()).append(" | `").append(before)
          .append("` / `").append(after).append("` |\n");
      System.out.println("ReportScaleBenchmark " + name + ": " + table.substring(table.lastIndexOf("| " + cases)));
    }
    return table.toString();
  }

  private List<AtRiskCase> atRisk() {
    atToday();
    return atRiskList.atRisk();
  }

  /** The reports' content, to compare runs: the timeliness reports whole, the at-risk list by its hash. */
  private void save(String name, Object year, Object monthly, List<AtRiskCase> atRisk) throws IOException {
    Path dir = Path.of("target/bench/report-content-" + (database.startsWith("H2") ? "h2" : "postgresql"));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name + ".json"), objectMapper.writerWithDefaultPrettyPrinter()
        .writeValueAsString(Map.of("timeliness", year, "monthly", monthly, "atRiskCount", atRisk.size(),
            "atRiskSha256", sha256(objectMapper.writeValueAsString(atRisk)))));
  }

  private long median(Supplier<?> call) {
    atToday();
    call.get();
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      call.get();
      times.add((System.nanoTime() - start) / 1_000_000);
    }
    times.sort(null);
    return times.get(times.size() / 2);
  }

  /** Runs as at the end of the simulated year, as a manager would on 31 December. */
  private static void atToday() {
    ClockUtil.setCurrentTime(java.util.Date.from(TO.atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
