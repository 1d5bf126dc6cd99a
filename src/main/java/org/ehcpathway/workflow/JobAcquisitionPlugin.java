package org.ehcpathway.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets the job executor find due jobs without reading every job. The job table holds a timer for every plan's
 * review and every open case's deadlines, nearly all of them months away; Camunda's acquisition query asks for
 * {@code DUEDATE_ IS NULL OR DUEDATE_ <= now} and its schema has no index on the due date, so each acquisition
 * scanned the table, more of it as the due jobs ran out (docs/performance.md: 10,000 due review timers among the
 * rest). With {@code ensureJobDueDateNotNull} every job gets a due date (asynchronous continuations: now), the
 * query becomes {@code DUEDATE_ <= now}, and an index on the due date answers it.
 *
 * <p>The index is the product's own (its name starts with EHC_), created after the engine has created or updated its
 * schema and before the job executor starts; jobs written by an earlier version without a due date get now.
 */
@Component
public class JobAcquisitionPlugin extends AbstractProcessEnginePlugin {

  static final String INDEX = "EHC_IDX_JOB_DUEDATE";
  private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionPlugin.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnsureJobDueDateNotNull(true);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    try (Connection connection = configuration.getDataSource().getConnection();
        PreparedStatement undated = connection.prepareStatement("UPDATE " + prefix
            + "ACT_RU_JOB SET DUEDATE_ = ? WHERE DUEDATE_ IS NULL")) {
      EngineIndexesPlugin.createIndex(connection, "ACT_RU_JOB", INDEX,
          "CREATE INDEX IF NOT EXISTS " + INDEX + " ON " + prefix + "ACT_RU_JOB (DUEDATE_)");
      undated.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
      int dated = undated.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      if (dated > 0) {
        LOG.info("{} job(s) written without a due date are due now, so the job executor finds them", dated);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not index the engine's jobs by due date: " + e.getMessage(), e);
    }
  }
}
