package org.ehcpathway.workflow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Indexes the product adds to the engine's own tables, for statements the engine runs at every step
 * (docs/architecture.md, "The engine's tables: the product's indexes"). They are the product's own (their names start
 * with EHC_), created after the engine has created or updated its schema; the due-date index of the job table is
 * {@link JobAcquisitionPlugin}'s.
 */
@Component
public class EngineIndexesPlugin extends AbstractProcessEnginePlugin {

  /**
   * An execution's variables, which Camunda loads with {@code WHERE EXECUTION_ID_ = ? AND TASK_ID_ IS NULL} each time
   * an expression, a listener or a completion touches them. H2 can answer that from the execution's index or from
   * the index on {@code TASK_ID_}, and while the table is small or its statistics are stale it picks the second, then
   * reads every process variable of every running case: 12% of the product's time in the pathway benchmark. One
   * index on both columns is the cheapest plan whatever the statistics say. PostgreSQL keeps statistics of its own
   * and picks the execution's index, so this one is H2's only.
   */
  static final EngineIndex VARIABLES_OF_AN_EXECUTION =
      new EngineIndex("EHC_IDX_VARIABLE_EXECUTION", "ACT_RU_VARIABLE", "EXECUTION_ID_, TASK_ID_", null, "h2");

  /**
   * A task's subtasks, which Camunda looks for at every completion ({@code WHERE PARENT_TASK_ID_ = ?}). Its schema
   * has no index on the column, so each completion read every open task: on any database, slower the more tasks
   * are open.
   */
  static final EngineIndex SUBTASKS_OF_A_TASK =
      new EngineIndex("EHC_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_", null, null);

  /**
   * The jobs that a job executor holds at the moment. Camunda's acquisition query skips an exclusive job whose
   * process instance has another job being worked on ({@code NOT EXISTS (... J2.LOCK_OWNER_ IS NOT NULL AND
   * J2.LOCK_EXP_TIME_ >= now)}). PostgreSQL answers that with a hashed subplan that reads the whole job table at
   * every acquisition: 62 ms with 100,000 timers, for three jobs. Few jobs are held at any moment, so an index over
   * them alone makes it 0.1 ms. PostgreSQL only: H2 has no partial indexes, and it looks each process instance's
   * jobs up by Camunda's own index.
   */
  static final EngineIndex JOBS_HELD =
      new EngineIndex("EHC_IDX_JOB_LOCKED", "ACT_RU_JOB", "LOCK_EXP_TIME_", "LOCK_OWNER_ IS NOT NULL", "postgres");

  static final List<EngineIndex> INDEXES = List.of(VARIABLES_OF_AN_EXECUTION, SUBTASKS_OF_A_TASK, JOBS_HELD);

  /**
   * An index on an engine table; {@code where} (or null) makes it partial, and {@code onlyOn} (or null for every
   * database) is Camunda's name for the one database type that gets it.
   */
  record EngineIndex(String name, String table, String columns, String where, String onlyOn) {

    boolean isFor(String databaseType) {
      return onlyOn == null || onlyOn.equals(databaseType);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    String databaseType = configuration.getDatabaseType();
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    try (Connection connection = configuration.getDataSource().getConnection()) {
      for (EngineIndex index : INDEXES) {
        if (index.isFor(databaseType)) {
          createIndex(connection, index.table(), index.name(), "CREATE INDEX IF NOT EXISTS " + index.name() + " ON "
              + prefix + index.table() + " (" + index.columns() + ")"
              + (index.where() == null ? "" : " WHERE " + index.where()));
        }
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not add the product's indexes to the engine's tables: " + e.getMessage(),
          e);
    }
  }

  /**
   * Runs {@code createIfNotExists}. Two nodes starting at the same moment can both find the index missing, and
   * PostgreSQL then refuses the second one's statement with a duplicate name. If the index is there after a failure,
   * the other node made it, and this start goes on. {@link JobAcquisitionPlugin} creates its index this way too.
   */
  static void createIndex(Connection connection, String table, String name, String createIfNotExists)
      throws SQLException {
    try (Statement ddl = connection.createStatement()) {
      ddl.execute(createIfNotExists);
    } catch (SQLException e) {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
      if (!indexExists(connection, table, name)) {
        throw e;
      }
    }
  }

  private static boolean indexExists(Connection connection, String table, String name) throws SQLException {
    for (String spelling : List.of(table.toUpperCase(), table.toLowerCase())) {   // H2 upper case, PostgreSQL lower
      try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, spelling, false, false)) {
        while (indexes.next()) {
          if (name.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
