package org.ehcpathway.review;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V13: fills in {@code ehc_plan.phase_transfer_deadline} (added by V12) for plans whose next phase
 * transfer was recorded before the column existed. A Java migration because the deadline is a statutory rule and
 * {@link StatutoryDeadlines} is the one place for those ({@link StatutoryBackfill}).
 */
@Component
class PhaseTransferDeadlineBackfill extends StatutoryBackfill {

  PhaseTransferDeadlineBackfill(StatutoryDeadlines rules) {
    super(rules, "13", "phase transfer deadline backfill");
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    Map<String, String> transfers = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT case_reference, next_phase_transfer"
        + " FROM ehc_plan WHERE next_phase_transfer IS NOT NULL AND phase_transfer_deadline IS NULL");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        transfers.put(rows.getString(1), rows.getString(2));
      }
    }
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE ehc_plan SET phase_transfer_deadline = ? WHERE case_reference = ?")) {
      for (var transfer : transfers.entrySet()) {
        update.setDate(1, Date.valueOf(rules.phaseTransferDeadline(transfer.getValue())));
        update.setString(2, transfer.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
  }
}
