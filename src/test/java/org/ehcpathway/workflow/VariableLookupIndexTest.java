package org.ehcpathway.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import javax.sql.DataSource;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.casefile.CaseFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** H2 reads an execution's variables through the execution, whatever its statistics say about the table. */
@PathwayIntegrationTest
class VariableLookupIndexTest {

  /** Camunda's own statement for an execution's variables ({@code selectVariablesByExecutionId}, 7.24). */
  private static final String CAMUNDA_VARIABLES_OF_AN_EXECUTION = """
      SELECT RES.* FROM ACT_RU_VARIABLE RES
      LEFT JOIN ACT_RU_EXECUTION EXECUTION ON RES.EXECUTION_ID_ = EXECUTION.ID_
      LEFT JOIN ACT_RU_EXECUTION PARENT_EXECUTION ON EXECUTION.PARENT_ID_ = PARENT_EXECUTION.ID_
      WHERE EXECUTION_ID_ = ? AND TASK_ID_ is null""";

  @Autowired PathwayDriver driver;
  @Autowired CaseFile caseFile;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void anExecutionsVariablesAreReadThroughItsOwnIndexOnH2() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assumeTrue("H2".equals(connection.getMetaData().getDatabaseProductName()), "H2 only");
    }
    driver.today("2026-03-02");
    String pathway = caseFile.view(driver.receiveRequest("2026-03-02", "2016-05-01").caseReference())
        .processInstanceId();
    // statistics as H2 keeps them for a table that has just been filled: the table's every row counted
    jdbc.sql("ANALYZE TABLE ACT_RU_VARIABLE").update();

    String plan = jdbc.sql("EXPLAIN ANALYZE " + CAMUNDA_VARIABLES_OF_AN_EXECUTION).param(pathway)
        .query(String.class).single().replaceAll("\\s+", " ");
    long variables = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE EXECUTION_ID_ = ? AND TASK_ID_ IS NULL")
        .param(pathway).query(Long.class).single();

    assertThat(variables).as("the case's process variables").isPositive();
    assertThat(plan).contains(VariableLookupIndexPlugin.INDEX + ": EXECUTION_ID_ = ?1 AND TASK_ID_ IS NULL")
        .as("only the case's own variables are read")
        .contains("scanCount: " + (variables + 1) + " */ LEFT OUTER JOIN");
  }
}
