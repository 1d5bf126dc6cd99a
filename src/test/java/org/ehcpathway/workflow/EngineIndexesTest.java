package org.ehcpathway.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.casefile.CaseFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The engine's statements at every step read through an index, whatever H2's statistics say about the table. */
@PathwayIntegrationTest
class EngineIndexesTest {

  /** Camunda's own statement for an execution's variables ({@code selectVariablesByExecutionId}, 7.24). */
  private static final String CAMUNDA_VARIABLES_OF_AN_EXECUTION = """
      SELECT RES.* FROM ACT_RU_VARIABLE RES
      LEFT JOIN ACT_RU_EXECUTION EXECUTION ON RES.EXECUTION_ID_ = EXECUTION.ID_
      LEFT JOIN ACT_RU_EXECUTION PARENT_EXECUTION ON EXECUTION.PARENT_ID_ = PARENT_EXECUTION.ID_
      WHERE EXECUTION_ID_ = ? AND TASK_ID_ is null""";

  /** Camunda's own statement for a task's subtasks ({@code selectTasksByParentTaskId}, 7.24), at each completion. */
  private static final String CAMUNDA_SUBTASKS_OF_A_TASK = "select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?";

  /** Camunda's job acquisition ({@code selectNextJobsToExecute}, 7.24, with the product's due dates never null). */
  private static final String CAMUNDA_NEXT_JOBS_TO_EXECUTE = """
      select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ from ACT_RU_JOB RES
      where (RES.RETRIES_ > 0) and ( RES.DUEDATE_ <= ? ) and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < ?)
      and RES.SUSPENSION_STATE_ = 1
      and ( ( RES.EXCLUSIVE_ = true and not exists( select J2.ID_ from ACT_RU_JOB J2
          where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true)
          and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= ?) ) ) or RES.EXCLUSIVE_ = false )
      LIMIT 3 OFFSET 0""";

  @Autowired PathwayDriver driver;
  @Autowired CaseFile caseFile;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void theProductsIndexesAreOnTheEnginesTables() throws Exception {
    List<String> indexes = new ArrayList<>();
    boolean h2;
    try (Connection connection = dataSource.getConnection()) {
      h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
      for (String table : List.of("ACT_RU_VARIABLE", "act_ru_variable", "ACT_RU_TASK", "act_ru_task", "ACT_RU_JOB",
          "act_ru_job")) {
        try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
          while (rs.next()) {
            indexes.add(String.valueOf(rs.getString("INDEX_NAME")).toUpperCase() + ":"
                + String.valueOf(rs.getString("COLUMN_NAME")).toUpperCase());
          }
        }
      }
    }
    assertThat(indexes).contains("EHC_IDX_TASK_PARENT:PARENT_TASK_ID_");
    if (h2) {
      assertThat(indexes).contains("EHC_IDX_VARIABLE_EXECUTION:EXECUTION_ID_", "EHC_IDX_VARIABLE_EXECUTION:TASK_ID_");
      assertThat(indexes).as("H2 has no partial indexes").noneMatch(i -> i.startsWith("EHC_IDX_JOB_LOCKED"));
    } else {
      assertThat(indexes).as("PostgreSQL plans with its own statistics").noneMatch(i -> i.startsWith(
          "EHC_IDX_VARIABLE_EXECUTION"));
      assertThat(indexes).contains("EHC_IDX_JOB_LOCKED:LOCK_EXP_TIME_");
    }
  }

  @Test
  void anExecutionsVariablesAreReadThroughItsOwnIndexOnH2() throws Exception {
    assumeH2();
    String pathway = aCaseJustReceived();
    // statistics as H2 keeps them for a table that has just been filled: the table's every row counted
    jdbc.sql("ANALYZE TABLE ACT_RU_VARIABLE").update();

    String plan = plan(CAMUNDA_VARIABLES_OF_AN_EXECUTION, pathway);
    long variables = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE EXECUTION_ID_ = ? AND TASK_ID_ IS NULL")
        .param(pathway).query(Long.class).single();

    assertThat(variables).as("the case's process variables").isPositive();
    assertThat(plan).contains(EngineIndexesPlugin.VARIABLES_OF_AN_EXECUTION.name()
            + ": EXECUTION_ID_ = ?1 AND TASK_ID_ IS NULL")
        .as("only the case's own variables are read")
        .contains("scanCount: " + (variables + 1) + " */ LEFT OUTER JOIN");
  }

  @Test
  void aTasksSubtasksAreLookedUpNotSearchedForOnH2() throws Exception {
    assumeH2();
    String pathway = aCaseJustReceived();
    String task = jdbc.sql("SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?").param(pathway)
        .query(String.class).single();
    long openTasks = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_TASK").query(Long.class).single();

    String plan = plan(CAMUNDA_SUBTASKS_OF_A_TASK, task);

    assertThat(openTasks).as("other cases' tasks are open too").isGreaterThan(1);
    assertThat(plan).contains(EngineIndexesPlugin.SUBTASKS_OF_A_TASK.name() + ": PARENT_TASK_ID_ = ?1")
        .as("no task is read: the task has no subtasks").contains("scanCount: 1 */");
  }

  @Test
  void jobAcquisitionLooksOnlyAtTheJobsHeldOnPostgres() throws Exception {
    assumeTrue(!isH2(), "PostgreSQL only");
    // a county's timers: twenty thousand, all due (the worst case), none held by a job executor
    jdbc.sql("""
        INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, DUEDATE_, RETRIES_, SUSPENSION_STATE_, EXCLUSIVE_, HANDLER_TYPE_,
          PRIORITY_, PROCESS_INSTANCE_ID_, EXECUTION_ID_)
        SELECT 'ehc-test-job-' || n, 1, 'timer', TIMESTAMP '2090-01-01 10:00', 3, 1, TRUE, 'timer-transition', 0,
          'ehc-test-instance-' || n, 'ehc-test-instance-' || n FROM generate_series(1, 20000) n""").update();
    try {
      jdbc.sql("ANALYZE ACT_RU_JOB").update();
      java.sql.Timestamp now = java.sql.Timestamp.valueOf("2090-01-02 10:00:00");
      String plan = String.join("\n", jdbc.sql("EXPLAIN " + CAMUNDA_NEXT_JOBS_TO_EXECUTE)
          .params(now, now, now).query(String.class).list());

      // the outer scan stops after three due jobs; the subplan for the held jobs must not read the table
      assertThat(plan.toLowerCase()).as(plan)
          .contains("using " + EngineIndexesPlugin.JOBS_HELD.name().toLowerCase() + " on act_ru_job j2")
          .doesNotContain("seq scan on act_ru_job j2");
    } finally {
      jdbc.sql("DELETE FROM ACT_RU_JOB WHERE ID_ LIKE 'ehc-test-job-%'").update();
    }
  }

  private String aCaseJustReceived() {
    driver.today("2026-03-02");
    driver.receiveRequest("2026-03-02", "2016-04-01");
    return caseFile.view(driver.receiveRequest("2026-03-02", "2016-05-01").caseReference()).processInstanceId();
  }

  private String plan(String statement, String parameter) {
    return jdbc.sql("EXPLAIN ANALYZE " + statement).param(parameter).query(String.class).single()
        .replaceAll("\\s+", " ");
  }

  private void assumeH2() throws Exception {
    assumeTrue(isH2(), "H2 only");
  }

  private boolean isH2() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      return "H2".equals(connection.getMetaData().getDatabaseProductName());
    }
  }
}
