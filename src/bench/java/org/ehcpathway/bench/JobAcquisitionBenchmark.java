package org.ehcpathway.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The job executor's acquisition query before and after {@code workflow/JobAcquisitionPlugin}, on Camunda's own H2
 * schema with 100,000 timers weeks away (every plan's review watch, every open case's deadlines) and a few due:
 * Camunda's query ({@code DUEDATE_ IS NULL OR DUEDATE_ <= now}, no index on the due date) against the query it
 * becomes with {@code ensureJobDueDateNotNull} ({@code DUEDATE_ <= now}) and the index {@code EHC_IDX_JOB_DUEDATE}.
 * {@code mvn -o -Pbench verify -Dtest=JobAcquisitionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class JobAcquisitionBenchmark {

  static final int JOBS = 100_000;
  static final String CAMUNDA_QUERY = "select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_,"
      + " RES.EXCLUSIVE_ from ACT_RU_JOB RES where (RES.RETRIES_ > 0) and ( RES.DUEDATE_ is null or RES.DUEDATE_ <= ? )"
      + " and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < ?) and RES.SUSPENSION_STATE_ = 1 and"
      + " ((RES.EXCLUSIVE_ = true and not exists(select J2.ID_ from ACT_RU_JOB J2 where J2.PROCESS_INSTANCE_ID_ ="
      + " RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true) and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_"
      + " >= ?))) or RES.EXCLUSIVE_ = false) LIMIT 3 OFFSET 0";
  static final String PRODUCT_QUERY = CAMUNDA_QUERY.replace("( RES.DUEDATE_ is null or RES.DUEDATE_ <= ? )",
      "( RES.DUEDATE_ <= ? )");

  @Test
  void acquisition() throws Exception {
    StringBuilder out = new StringBuilder();
    out.append("Measured ").append(ZonedDateTime.now(ZoneId.of("Europe/London")).toLocalDate()).append(", H2 ")
        .append(org.h2.engine.Constants.VERSION).append(" in memory, Camunda's create script. Load average: `")
        .append(Machine.load()).append("`.\n\n")
        .append("Command: `mvn -o -Pbench verify -Dtest=JobAcquisitionBenchmark")
        .append(" -Dsurefire.failIfNoSpecifiedTests=false`\n\n")
        .append("| Jobs due among ").append(JOBS).append(" timers | Camunda's query, no index (ms) |")
        .append(" `DUEDATE_ <= now` with `EHC_IDX_JOB_DUEDATE` (ms) |\n|---|---|---|\n");
    for (int due : new int[] {0, 1, 100, 10_000}) {
      out.append("| ").append(due).append(" | ").append(String.format("%.2f", time(due, false))).append(" | ")
          .append(String.format("%.2f", time(due, true))).append(" |\n");
    }
    out.append("\nMilliseconds per acquisition (up to 3 jobs), mean of 300 after 30 warm-up, each with a different")
        .append(" `now` so that H2 cannot reuse a result.\n");
    PerformanceDoc.write("acquisition", out.toString(), "acquisition.md");
    System.out.println(out);
  }

  private static double time(int due, boolean indexed) throws SQLException, IOException {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:acquisition-" + due + "-" + indexed);
        Statement statement = connection.createStatement()) {
      statement.execute("RUNSCRIPT FROM 'classpath:org/camunda/bpm/engine/db/create/activiti.h2.create.engine.sql'");
      int every = due == 0 ? Integer.MAX_VALUE : JOBS / due;
      statement.execute("INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, RETRIES_, DUEDATE_, SUSPENSION_STATE_,"
          + " PROCESS_INSTANCE_ID_, HANDLER_TYPE_, PRIORITY_, SEQUENCE_COUNTER_) SELECT RANDOM_UUID(), 1, 'timer',"
          + " true, 3, CASE WHEN MOD(X, " + every + ") = " + (every - 1) + " THEN TIMESTAMP '2026-01-01 00:00:00'"
          + " ELSE TIMESTAMP '2027-01-01 00:00:00' END, 1, 'P' || X, 'timer-transition', 0, 1"
          + " FROM SYSTEM_RANGE(0, " + (JOBS - 1) + ")");
      if (indexed) {
        statement.execute("CREATE INDEX IF NOT EXISTS EHC_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)");
      }
      try (PreparedStatement query = connection.prepareStatement(indexed ? PRODUCT_QUERY : CAMUNDA_QUERY)) {
        long now = Timestamp.valueOf("2026-06-01 00:00:00").getTime();
        for (int i = 0; i < 30; i++) {
          run(query, now + i);
        }
        long start = System.nanoTime();
        for (int i = 0; i < 300; i++) {
          run(query, now + 1000 + i);
        }
        return (System.nanoTime() - start) / 1e6 / 300;
      }
    }
  }

  private static void run(PreparedStatement query, long now) throws SQLException {
    Timestamp at = new Timestamp(now);
    for (int i = 1; i <= 3; i++) {
      query.setTimestamp(i, at);
    }
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        rs.getString(1);
      }
    }
  }
}
