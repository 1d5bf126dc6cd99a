package org.ehcpathway.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V18: marks the review cycles opened before V17 that were brought forward for their plan's next
 * phase transfer (due on the transfer's review date, {@link StatutoryDeadlines#phaseTransferReviewDecision}), so
 * that the review after them is regular. A Java migration because that date is a statutory rule. An open review
 * that the old rule brought forward a second time for the same transfer keeps its date; the log names its case.
 */
@Component
class PhaseTransferReviewBackfill extends StatutoryBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(PhaseTransferReviewBackfill.class);

  PhaseTransferReviewBackfill(StatutoryDeadlines rules) {
    super(rules, "18", "phase transfer review backfill");
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    Map<String, Integer> markedPerCase = new LinkedHashMap<>();
    Set<String> openAndMarkedAgain = new LinkedHashSet<>();
    try (PreparedStatement select = connection.prepareStatement("""
            SELECT r.case_reference, r.cycle, r.due_date, p.next_phase_transfer, r.decision_date
            FROM plan_review r JOIN ehc_plan p ON p.case_reference = r.case_reference
            WHERE p.next_phase_transfer IS NOT NULL AND r.phase_transfer IS NULL
            ORDER BY r.case_reference, r.cycle""");
        PreparedStatement update = connection.prepareStatement(
            "UPDATE plan_review SET phase_transfer = ? WHERE case_reference = ? AND cycle = ?");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String reference = rows.getString(1);
        String transfer = rows.getString(4);
        if (rows.getObject(3, LocalDate.class)
            .equals(rules.phaseTransferReviewDecision(rules.phaseTransferDeadline(transfer)))) {
          update.setString(1, transfer);
          update.setString(2, reference);
          update.setInt(3, rows.getInt(2));
          update.addBatch();
          if (markedPerCase.merge(reference, 1, Integer::sum) > 1 && rows.getObject(5) == null) {
            openAndMarkedAgain.add(reference);
          }
        }
      }
      update.executeBatch();
    }
    if (!openAndMarkedAgain.isEmpty()) {
      LOG.warn("{} plan(s) have an open review brought forward a second time for the same phase transfer (before"
          + " V18); it keeps its early due date: {} (docs/reviews.md)", openAndMarkedAgain.size(), openAndMarkedAgain);
    }
  }
}
