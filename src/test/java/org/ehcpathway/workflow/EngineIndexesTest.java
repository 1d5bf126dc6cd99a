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
      for (String table : List.of("ACT_RU_VARIABLE", "act_ru_variable", "ACT_RU_TASK", "act_ru_task")) {
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
    } else {
      assertThat(indexes).as("PostgreSQL plans with its own statistics").noneMatch(i -> i.startsWith(
          "EHC_IDX_VARIABLE_EXECUTION"));
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
    try (Connection connection = dataSource.getConnection()) {
      assumeTrue("H2".equals(connection.getMetaData().getDatabaseProductName()), "H2 only");
    }
  }
}
