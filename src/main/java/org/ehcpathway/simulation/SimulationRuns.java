package org.ehcpathway.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ehcpathway.statutory.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The simulator's own records ({@code simulation_run}, {@code simulation_case}): which cases are synthetic. */
@Repository
class SimulationRuns {

  /** A finished or running simulation, as listed by {@code GET /api/simulation/history}. */
  record Run(long id, long seed, LocalDate from, LocalDate to, int requests, int plansImported, int tasksCompleted,
      int failures, long elapsedMillis, String recordedBy) {
  }

  private final JdbcClient jdbc;
  private final EngineClock clock;
  private final ObjectMapper objectMapper;

  SimulationRuns(JdbcClient jdbc, EngineClock clock, ObjectMapper objectMapper) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.objectMapper = objectMapper;
  }

  /** Records a run as started, with its settings as JSON. */
  long start(HistorySettings run, LocalDate from, LocalDate to, String user) {
    String settings = json(run);
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO simulation_run (recorded_at, recorded_by, seed, from_date, to_date, requests, plans_imported,
              tasks_completed, failures, elapsed_ms, settings)
            VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?)""")
        .params(java.sql.Timestamp.from(clock.now()), user, run.seed(), from, to,
            settings.length() > 8000 ? settings.substring(0, 8000) : settings)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  void addCase(long runId, String reference) {
    jdbc.sql("INSERT INTO simulation_case (case_reference, run_id) VALUES (?, ?)").params(reference, runId).update();
  }

  void finish(long runId, int requests, int plansImported, int tasksCompleted, int failures, long elapsedMillis) {
    jdbc.sql("""
            UPDATE simulation_run SET requests = ?, plans_imported = ?, tasks_completed = ?, failures = ?,
              elapsed_ms = ? WHERE id = ?""")
        .params(requests, plansImported, tasksCompleted, failures, elapsedMillis, runId).update();
  }

  boolean any() {
    return jdbc.sql("SELECT COUNT(*) FROM simulation_run").query(Long.class).single() > 0;
  }

  List<Run> list() {
    return jdbc.sql("""
            SELECT id, seed, from_date, to_date, requests, plans_imported, tasks_completed, failures, elapsed_ms,
              recorded_by FROM simulation_run ORDER BY id""")
        .query((rs, n) -> new Run(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
            rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getLong(9),
            rs.getString(10)))
        .list();
  }

  /** The case reference of each plan imported under a source reference starting with the prefix. */
  List<String> importedPlans(String sourcePrefix) {
    return jdbc.sql("SELECT case_reference FROM ehc_plan WHERE source_reference LIKE ? ORDER BY source_reference")
        .param(sourcePrefix + "%").query(String.class).list();
  }

  /** The statuses of a run's cases, with how many have each. */
  Map<String, Long> statuses(long runId) {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.sql("""
            SELECT c.status, COUNT(*) FROM ehc_case c JOIN simulation_case s ON s.case_reference = c.case_reference
            WHERE s.run_id = ? GROUP BY c.status""")
        .param(runId).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  private String json(HistorySettings value) {
    try {
      return objectMapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
