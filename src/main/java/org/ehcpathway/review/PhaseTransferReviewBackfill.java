package org.ehcpathway.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V18: marks the review cycles opened before V17 that were brought forward for their plan's next
 * phase transfer (due on the transfer's review date, {@link StatutoryDeadlines#phaseTransferReviewDecision}), so
 * that the review after them is regular. A Java migration because that date is a statutory rule.
 */
@Component
class PhaseTransferReviewBackfill implements JavaMigration {

  private final StatutoryDeadlines rules;

  PhaseTransferReviewBackfill(StatutoryDeadlines rules) {
    this.rules = rules;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("18");
  }

  @Override
  public String getDescription() {
    return "phase transfer review backfill";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (PreparedStatement select = connection.prepareStatement("""
            SELECT r.case_reference, r.cycle, r.due_date, p.next_phase_transfer
            FROM plan_review r JOIN ehc_plan p ON p.case_reference = r.case_reference
            WHERE p.next_phase_transfer IS NOT NULL AND r.phase_transfer IS NULL""");
        PreparedStatement update = connection.prepareStatement(
            "UPDATE plan_review SET phase_transfer = ? WHERE case_reference = ? AND cycle = ?");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String transfer = rows.getString(4);
        if (rows.getObject(3, LocalDate.class)
            .equals(rules.phaseTransferReviewDecision(rules.phaseTransferDeadline(transfer)))) {
          update.setString(1, transfer);
          update.setString(2, rows.getString(1));
          update.setInt(3, rows.getInt(2));
          update.addBatch();
        }
      }
      update.executeBatch();
    }
  }
}
