package org.ehcpathway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.casefile.ReadModelChanges;
import org.ehcpathway.reporting.AtRiskList;
import org.ehcpathway.reporting.TimelinessReport;
import org.ehcpathway.reporting.TimelinessReports;
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
 * The performance benchmark ({@code mvn -Pbench verify}; not part of the normal build): a council's year through
 * the whole pathway with the history simulator, then the reports' latency on that history multiplied by copying
 * its read-model rows to 10,000 and 100,000 cases. Writes the figures into {@code docs/performance.md}.
 * Volumes: {@code -Dbench.months=12 -Dbench.requestsPerMonth=80 -Dbench.existingPlans=100}.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:ehc-bench;DB_CLOSE_DELAY=-1",
    "ehc.demo-data.history-months=0", "ehc.demo-data.sample-cases=false", "logging.level.org.ehcpathway=WARN"})
@ActiveProfiles("test")
@Tag("bench")
class SimulationBenchmark {

  static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  static final LocalDate TO = LocalDate.of(2025, 12, 31);

  @Autowired HistoryGenerator generator;
  @Autowired HistorySettingsReader reader;
  @Autowired TimelinessReports reports;
  @Autowired AtRiskList atRiskList;
  @Autowired JdbcClient jdbc;
  @Autowired ReadModelChanges changes;
  @Autowired ObjectMapper objectMapper;

  @Test
  void benchmark() throws IOException {
    int months = Integer.getInteger("bench.months", 12);
    int perMonth = Integer.getInteger("bench.requestsPerMonth", 80);
    int plans = Integer.getInteger("bench.existingPlans", 100);
    String load = Machine.load();
    HistorySettings settings = reader.read(objectMapper.valueToTree(Map.of("from", FROM.toString(),
        "to", FROM.plusMonths(months).minusDays(1).toString(), "requestsPerMonth", perMonth,
        "existingPlans", plans)));
    HistoryGenerator.HistoryResult run = generator.generate(settings, "bench");
    String loadAfter = Machine.load();
    double seconds = run.elapsedMillis() / 1000.0;
    long simulatedDays = run.from().until(run.to(), java.time.temporal.ChronoUnit.DAYS) + 1;

    StringBuilder out = new StringBuilder();
    out.append("Measured ").append(java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/London")).toLocalDate())
        .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version")).append(", H2 in memory, job executor off (the simulator runs")
        .append(" the jobs). Load average before/after: `").append(load).append("` / `").append(loadAfter)
        .append("`.\n\n");
    out.append("### Throughput: ").append(months).append(" months of a council through the whole pathway\n\n");
    out.append("Command: `mvn -o -Pbench verify -Dbench.months=").append(months).append(" -Dbench.requestsPerMonth=")
        .append(perMonth).append(" -Dbench.existingPlans=").append(plans).append("`\n\n");
    out.append("| Figure | Value |\n|---|---|\n");
    out.append("| Simulated period | ").append(run.from()).append(" to ").append(run.to()).append(" (")
        .append(simulatedDays).append(" days) |\n");
    out.append("| Requests received | ").append(run.requestsReceived()).append(" |\n");
    out.append("| Existing plans imported (reviews simulated) | ").append(run.plansImported()).append(" |\n");
    out.append("| Tasks completed through TaskService | ").append(run.tasksCompleted()).append(" |\n");
    out.append("| Failures | ").append(run.failures()).append(" |\n");
    out.append("| Case statuses at the end | ").append(run.statuses()).append(" |\n");
    out.append("| Wall time | ").append(String.format("%.1f s", seconds)).append(" |\n");
    out.append("| **Cases per second** (requests received / wall time) | **")
        .append(String.format("%.2f", run.requestsReceived() / seconds)).append("** |\n");
    out.append("| Cases per second including the imported plans | ")
        .append(String.format("%.2f", (run.requestsReceived() + run.plansImported()) / seconds)).append(" |\n");
    out.append("| Tasks completed per second | ").append(String.format("%.1f", run.tasksCompleted() / seconds))
        .append(" |\n");
    out.append("| Simulated days per second | ").append(String.format("%.1f", simulatedDays / seconds))
        .append(" |\n\n");

    TimelinessReport year = reports.timeliness(FROM, TO);
    out.append("Timeliness of the simulated year (`TimelinessReports.timeliness(").append(FROM).append(", ")
        .append(TO).append(")`): decisions to assess within 6 weeks ")
        .append(year.decisionsToAssess().percentWithin6Weeks()).append("%, refused ")
        .append(year.decisionsToAssess().doNotAssess()).append(" of ").append(year.decisionsToAssess().total())
        .append("; new plans within 20 weeks ").append(year.newPlans().percentWithin20Weeks())
        .append("% (excluding exceptions ").append(year.newPlans().percentWithin20WeeksExcludingExceptions())
        .append("%) of ").append(year.newPlans().issued()).append("; decisions not to issue within 16 weeks ")
        .append(year.noPlanDecisions().percentWithin16Weeks()).append("% of ").append(year.noPlanDecisions().total())
        .append("; review decisions within 4 weeks of the meeting ")
        .append(year.reviews().percentWithin4WeeksOfMeeting()).append("% of ").append(year.reviews().decisions())
        .append(".\n\n");

    out.append("### Report latency at 10,000 and 100,000 cases\n\n");
    out.append("The simulated history's read-model rows (`ehc_case`, `case_milestone`, `case_advice`, `ehc_plan`,")
        .append(" `plan_review`) are **copied with SQL** under new references until the table holds the number of")
        .append(" cases; the copies have the simulated cases' dates, so the figures are those of a bigger council")
        .append(" with the same history. Median of 5 calls after 1 warm-up, milliseconds.\n\n");
    out.append("| Cases in `ehc_case` | `timeliness(year)` | `monthly(year)` | `atRisk()` (open cases listed) |\n")
        .append("|---|---|---|---|\n");
    out.append(latencyRow(caseCount()));
    for (int target : new int[] {10_000, 100_000}) {
      copyUntil(target);
      out.append(latencyRow(caseCount()));
    }
    out.append("\nCommand: the same `mvn -o -Pbench verify`.\n");
    ClockUtil.reset();
    write(out.toString());
  }

  private String latencyRow(long cases) {
    long timeliness = median(() -> reports.timeliness(FROM, TO));
    long monthly = median(() -> reports.monthly(FROM.getYear()));
    int[] listed = new int[1];
    long atRisk = median(() -> {
      listed[0] = atRiskList.atRisk().size();
      return listed[0];
    });
    return "| " + cases + " | " + timeliness + " | " + monthly + " | " + atRisk + " (" + listed[0] + ") |\n";
  }

  /** Runs as at the end of the simulated year, as a manager would on 31 December. */
  private long median(Supplier<?> call) {
    ClockUtil.setCurrentTime(java.util.Date.from(TO.atTime(12, 0).atZone(java.time.ZoneId.of("Europe/London"))
        .toInstant()));
    call.get();
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      call.get();
      times.add((System.nanoTime() - start) / 1_000_000);
    }
    times.sort(null);
    return times.get(2);
  }

  private long caseCount() {
    return jdbc.sql("SELECT COUNT(*) FROM ehc_case").query(Long.class).single();
  }

  /**
   * Copies the original cases' rows until there are about {@code target} cases: copy n of EHC-2025-000123 is
   * C<n>-2025-000123, made in one INSERT ... SELECT per table (crossed with H2's SYSTEM_RANGE).
   */
  private void copyUntil(int target) {
    String originalsOnly = " WHERE case_reference LIKE 'EHC-%'";
    long originals = jdbc.sql("SELECT COUNT(*) FROM ehc_case" + originalsOnly).query(Long.class).single();
    long copiesMade = (caseCount() - originals) / originals;
    long copiesWanted = (target - originals) / originals;
    if (copiesWanted <= copiesMade) {
      return;
    }
    String range = " CROSS JOIN SYSTEM_RANGE(" + (copiesMade + 1) + ", " + copiesWanted + ") copies";
    String reference = "'C' || copies.X || '-' || SUBSTRING(case_reference, 5)";
    String where = originalsOnly.replace("case_reference", "t.case_reference");
    copyTable("ehc_case", Map.of("case_reference", reference, "process_instance_id", "NULL"), range, where);
    copyTable("case_milestone", Map.of("case_reference", reference), range, where);
    copyTable("case_advice", Map.of("case_reference", reference,
        "process_instance_id", "'C' || copies.X || '-' || process_instance_id"), range, where);
    copyTable("ehc_plan", Map.of("case_reference", reference, "source_reference",
        "CASE WHEN source_reference IS NULL THEN NULL ELSE 'C' || copies.X || '-' || source_reference END"),
        range, where);
    copyTable("plan_review", Map.of("case_reference", reference), range, where);
    // written past CaseRecords, so the kept figures of closed months are dropped
    changes.writtenElsewhere();
  }

  private void copyTable(String table, Map<String, String> replaced, String range, String where) {
    List<String> columns = jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = ?"
            + " AND column_name <> 'ID' ORDER BY ordinal_position")
        .param(table.toUpperCase()).query(String.class).list();
    Map<String, String> select = new LinkedHashMap<>();
    for (String column : columns) {
      select.put(column, replaced.getOrDefault(column.toLowerCase(), "t." + column));
    }
    jdbc.sql("INSERT INTO " + table + " (" + String.join(", ", select.keySet()) + ") SELECT "
        + String.join(", ", select.values()).replace("SUBSTRING(case_reference", "SUBSTRING(t.case_reference")
            .replace("|| process_instance_id", "|| t.process_instance_id")
            .replace("|| source_reference", "|| t.source_reference")
            .replace("WHEN source_reference", "WHEN t.source_reference")
        + " FROM " + table + " t" + range + where).update();
  }

  /** Replaces the generated part of docs/performance.md, between its markers. */
  private static void write(String results) throws IOException {
    PerformanceDoc.write("bench", results, "results.md");
  }
}
