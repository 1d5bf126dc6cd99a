package org.ehcpathway.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.ehcpathway.FreshTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes starting at once may both try to create the product's indexes on the engine's tables; the node whose
 * statement fails because the other one has just made the index starts all the same, and any other failure still
 * stops the start. On H2, and with {@code -Ppostgres} on a scratch database of the PostgreSQL server.
 */
class IndexCreationRaceTest {

  private Connection connection;

  @BeforeEach
  void aDatabaseWithAJobTable() throws SQLException {
    String server = System.getProperty("ehc.test.postgres.url");
    if (server == null || server.isBlank()) {
      connection = DriverManager.getConnection("jdbc:h2:mem:index-race;DB_CLOSE_DELAY=-1");
    } else {
      String user = System.getProperty("ehc.test.postgres.user");
      String password = System.getProperty("ehc.test.postgres.password");
      FreshTestDatabase.recreate(server, "ehc_index_race", user, password, "");
      connection = DriverManager.getConnection(server + "ehc_index_race", user, password);
    }
    try (Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE ACT_RU_JOB (ID_ VARCHAR(64) PRIMARY KEY, DUEDATE_ TIMESTAMP)");
    }
  }

  @AfterEach
  void dropIt() throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.execute("DROP TABLE ACT_RU_JOB");
    }
    connection.close();
  }

  @Test
  void anIndexTheOtherNodeHasJustMadeIsNoFailure() throws SQLException {
    try (Statement otherNode = connection.createStatement()) {
      otherNode.execute("CREATE INDEX EHC_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)");
    }

    // the statement as it fails when the other node committed between the existence check and the creation
    EngineIndexesPlugin.createIndex(connection, "ACT_RU_JOB", "EHC_IDX_JOB_DUEDATE",
        "CREATE INDEX EHC_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)");

    assertThat(indexCount("EHC_IDX_JOB_DUEDATE")).isEqualTo(1);
  }

  @Test
  void aFailureThatLeavesNoIndexStillStopsTheStart() {
    assertThatThrownBy(() -> EngineIndexesPlugin.createIndex(connection, "ACT_RU_JOB", "EHC_IDX_JOB_DUEDATE",
        "CREATE INDEX EHC_IDX_JOB_DUEDATE ON ACT_RU_JOB (NO_SUCH_COLUMN_)"))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("no_such_column_"));
  }

  @Test
  void aMissingIndexIsCreated() throws SQLException {
    EngineIndexesPlugin.createIndex(connection, "ACT_RU_JOB", "EHC_IDX_JOB_DUEDATE",
        "CREATE INDEX IF NOT EXISTS EHC_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)");

    assertThat(indexCount("EHC_IDX_JOB_DUEDATE")).isEqualTo(1);
  }

  private int indexCount(String name) throws SQLException {
    int count = 0;
    for (String table : new String[] {"ACT_RU_JOB", "act_ru_job"}) {
      try (var indexes = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
        while (indexes.next()) {
          count += name.equalsIgnoreCase(indexes.getString("INDEX_NAME")) ? 1 : 0;
        }
      }
    }
    return count;
  }
}
