package org.ehcpathway.workflow;

import java.sql.Connection;
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
      new EngineIndex("EHC_IDX_VARIABLE_EXECUTION", "ACT_RU_VARIABLE", "EXECUTION_ID_, TASK_ID_", true);

  /**
   * A task's subtasks, which Camunda looks for at every completion ({@code WHERE PARENT_TASK_ID_ = ?}). Its schema
   * has no index on the column, so each completion read every open task: on any database, slower the more tasks
   * are open.
   */
  static final EngineIndex SUBTASKS_OF_A_TASK =
      new EngineIndex("EHC_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_", false);

  static final List<EngineIndex> INDEXES = List.of(VARIABLES_OF_AN_EXECUTION, SUBTASKS_OF_A_TASK);

  record EngineIndex(String name, String table, String columns, boolean h2Only) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    boolean h2 = "h2".equals(configuration.getDatabaseType());
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement ddl = connection.createStatement()) {
      for (EngineIndex index : INDEXES) {
        if (h2 || !index.h2Only()) {
          ddl.execute("CREATE INDEX IF NOT EXISTS " + index.name() + " ON " + prefix + index.table()
              + " (" + index.columns() + ")");
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
}
