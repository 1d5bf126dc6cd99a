package org.ehcpathway.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers {@link CaseAuditHistoryLevel} with the engine. A database that an earlier version started with one of
 * Camunda's own levels (the product used {@code full}) is moved to it before the engine checks the level, which
 * it would otherwise refuse as a mismatch; the history already written stays as it is.
 */
@Component
public class CaseAuditHistoryPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(CaseAuditHistoryPlugin.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryLevels() == null) {
      configuration.setCustomHistoryLevels(new ArrayList<>());
    }
    configuration.getCustomHistoryLevels().add(new CaseAuditHistoryLevel());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!CaseAuditHistoryLevel.NAME.equals(configuration.getHistory())) {
      return;
    }
    String table = (configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix())
        + "ACT_GE_PROPERTY";
    try (Connection connection = configuration.getDataSource().getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE " + table
            + " SET VALUE_ = ? WHERE NAME_ = 'historyLevel' AND VALUE_ IN ('0', '1', '2', '3')")) {
      update.setString(1, String.valueOf(CaseAuditHistoryLevel.ID));
      if (update.executeUpdate() > 0) {
        LOG.info("The engine's history level moves to '{}' (docs/architecture.md); history already written is kept",
            CaseAuditHistoryLevel.NAME);
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      LOG.debug("No engine history level to move yet (a new database): {}", e.getMessage());
    }
  }
}
