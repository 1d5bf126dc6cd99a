package org.ehcpathway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import javax.sql.DataSource;
import org.ehcpathway.simulation.CaseLanes;
import org.ehcpathway.simulation.HistoryGenerator;
import org.ehcpathway.simulation.HistorySettings;
import org.ehcpathway.simulation.HistorySettingsReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A national year of EHC work (England 2024: 154,489 requests; 638,745 plans in force) through the real engine,
 * at {@code 1/bench.nationalScale} of its volume, with the history simulator: every request and every annual
 * review of the plans in force, every task and timer ({@code mvn -o -Pbench verify -Dtest=NationalYearBenchmark}).
 * The national time is the measured time multiplied by the scale: a lower bound, since a database that holds the
 * whole nation's cases is slower per case than one that holds a sample of them. H2 in memory, or with
 * {@code -Ppostgres,bench} the PostgreSQL server (the {@code national-postgres} block).
 */
@SpringBootTest(properties = {"ehc.test.database=ehc_national_bench", "ehc.demo-data.history-months=0",
    "ehc.demo-data.sample-cases=false", "logging.level.org.ehcpathway=WARN"})
@ActiveProfiles("test")
@Tag("bench")
class NationalYearBenchmark {

  static final int NATIONAL_REQUESTS = 154_489;
  static final int NATIONAL_PLANS = 638_745;
  static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  static final double TARGET_MINUTES = 60;

  @Autowired HistoryGenerator generator;
  @Autowired HistorySettingsReader reader;
  @Autowired ObjectMapper objectMapper;
  @Autowired DataSource dataSource;
  @Autowired CaseLanes lanes;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    BenchDatabase.h2UnlessPostgres(registry, "ehc_national_bench");
  }

  @Test
  void nationalYear() throws IOException {
    int scale = Integer.getInteger("bench.nationalScale", 1000);
    int perMonth = (int) Math.round(NATIONAL_REQUESTS / 12.0 / scale);
    int plans = (int) Math.round((double) NATIONAL_PLANS / scale);
    String loadBefore = Machine.load();
    HistorySettings settings = reader.read(objectMapper.valueToTree(Map.of("from", FROM.toString(),
        "to", FROM.plusYears(1).minusDays(1).toString(), "requestsPerMonth", perMonth, "existingPlans", plans)));
    double machineBefore = Machine.cpuSeconds();
    HistoryGenerator.HistoryResult run = generator.generate(settings, "bench");
    double machineSeconds = Machine.cpuSeconds() - machineBefore;
    String loadAfter = Machine.load();
    double seconds = run.elapsedMillis() / 1000.0;
    double nationalMinutes = seconds * scale / 60;
    double tasksPerSecondNeeded = (double) run.tasksCompleted() * scale / (TARGET_MINUTES * 60);

    StringBuilder out = new StringBuilder();
    out.append("Measured ").append(ZonedDateTime.now(ZoneId.of("Europe/London")).toLocalDate()).append(" on ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version")).append(", ").append(BenchDatabase.describe(dataSource))
        .append(", ").append(lanes.threads())
        .append(" simulator lane(s) (`ehc.simulation.threads`: cases worked on at once),")
        .append(" each due job run by the simulator itself. Load average before/after: `")
        .append(loadBefore).append("` / `").append(loadAfter).append("`.\n\n");
    out.append("Command: `mvn -o ").append(BenchDatabase.profiles()).append(" verify -Dtest=NationalYearBenchmark")
        .append(" -Dsurefire.failIfNoSpecifiedTests=false -Dbench.nationalScale=").append(scale).append("`\n\n");
    out.append("| Figure | Value |\n|---|---|\n");
    out.append("| Share of the national year simulated | 1/").append(scale).append(" |\n");
    out.append("| Requests received (").append(perMonth).append(" a month) | ").append(run.requestsReceived())
        .append(" |\n");
    out.append("| Plans in force imported, each reviewed in the year | ").append(run.plansImported()).append(" |\n");
    out.append("| Tasks completed | ").append(run.tasksCompleted()).append(" |\n");
    out.append("| Failures | ").append(run.failures()).append(" |\n");
    out.append("| Wall time | ").append(String.format("%.1f s", seconds)).append(" |\n");
    out.append("| Tasks completed per second (timers and intake included) | ")
        .append(String.format("%.1f", run.tasksCompleted() / seconds)).append(" |\n");
    out.append("| CPU time of the whole machine (both cores, every process: the JVM")
        .append(BenchDatabase.postgres() ? " and the PostgreSQL server" : "").append(") | ")
        .append(String.format("%.1f s, %.1f ms a task", machineSeconds, machineSeconds * 1000 / run.tasksCompleted()))
        .append(" |\n");
    out.append("| **The national year at this rate** (wall time x ").append(scale).append(", a lower bound) | **")
        .append(String.format("%.0f minutes (%.1f hours)", nationalMinutes, nationalMinutes / 60))
        .append("** |\n");
    out.append("| Target | ").append(String.format("%.0f minutes: %.0f task completions a second", TARGET_MINUTES,
        tasksPerSecondNeeded)).append(", timers and intake included |\n");
    String block = BenchDatabase.postgres() ? "national-postgres" : "national";
    PerformanceDoc.write(block, out.toString(), block + ".md");
    System.out.println(out);
  }
}
