package org.ehcpathway.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes H2 read an execution's variables through the execution, not through every variable of every process.
 * Camunda loads an execution's variables (each time an expression, a listener or a completion touches them) with
 * {@code WHERE EXECUTION_ID_ = ? AND TASK_ID_ IS NULL}. H2 can answer that from the execution's index or from the
 * index on {@code TASK_ID_}, and while the table is small or its statistics are stale it picks the second: it then
 * reads every process variable of every running case, 12% of the product's time in the pathway benchmark
 * (docs/performance.md, "The engine's variable look-up on H2"). One index on both columns is the cheapest plan
 * whatever the statistics say.
 *
 * <p>PostgreSQL keeps statistics of its own and picks the execution's index, so the index is H2's only. It is the
 * product's own (its name starts with EHC_), created after the engine has created or updated its schema.
 */
@Component
public class VariableLookupIndexPlugin extends AbstractProcessEnginePlugin {

  static final String INDEX = "EHC_IDX_VARIABLE_EXECUTION";

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if (!"h2".equals(configuration.getDatabaseType())) {
      return;
    }
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE INDEX IF NOT EXISTS " + INDEX + " ON " + prefix + "ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not index the engine's variables by execution: " + e.getMessage(), e);
    }
  }
}
