package org.ehcpathway.reporting;

import java.sql.DatabaseMetaData;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.ehcpathway.casefile.Rag;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * The at-risk list's order and RAG counts, worked out in SQL from the due dates stored on each open case, so that a
 * page of the list builds only its own rows. It gives what {@code CaseRow.rag} and {@code CaseRow.nextDeadline} give:
 * a case is RED when a deadline whose step is not done is due on or before
 * {@link StatutoryDeadlines#lastDueDateBreachedOn}, AMBER when one is due on or before
 * {@link StatutoryDeadlines#lastDueDateAmberOn}, GREEN otherwise; the rules give those two days and the SQL only
 * compares stored dates with them. Order: RED, AMBER, GREEN; the nearest next deadline first; then the case reference
 * character by character, as Java compares text (H2's default; {@code COLLATE "C"} on PostgreSQL, whatever the
 * database's own collation).
 */
@Repository
class AtRiskRanking {

  /** How many open cases are RED, AMBER and GREEN. */
  record Counts(long red, long amber, long green) {

    long open() {
      return red + amber + green;
    }
  }

  /** Each open case's RAG as a rank (GREEN 0, AMBER 1, RED 2, as {@link Rag} orders them) and its next due date. */
  private static final String RANKED = """
      SELECT case_reference,
        CASE WHEN (decision_to_assess_date IS NULL AND decision_to_assess_due <= :red)
               OR (decision_to_issue_date IS NULL AND no_plan_decision_due <= :red)
               OR (final_plan_issued_date IS NULL AND final_plan_due <= :red) THEN 2
             WHEN (decision_to_assess_date IS NULL AND decision_to_assess_due <= :amber)
               OR (decision_to_issue_date IS NULL AND no_plan_decision_due <= :amber)
               OR (final_plan_issued_date IS NULL AND final_plan_due <= :amber) THEN 1
             ELSE 0 END AS rag_rank,
        CASE WHEN decision_to_assess_date IS NULL THEN decision_to_assess_due
             WHEN decision_to_issue_date IS NULL THEN no_plan_decision_due
             ELSE final_plan_due END AS next_due
      FROM ehc_case WHERE status = 'OPEN'""";

  private final JdbcClient jdbc;
  private final StatutoryDeadlines rules;
  private final DataSource dataSource;
  private volatile String referenceOrder;

  AtRiskRanking(JdbcClient jdbc, StatutoryDeadlines rules, DataSource dataSource) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.dataSource = dataSource;
  }

  Counts counts(LocalDate today) {
    return jdbc.sql("SELECT COUNT(CASE WHEN rag_rank = 2 THEN 1 END), COUNT(CASE WHEN rag_rank = 1 THEN 1 END),"
            + " COUNT(*) FROM (" + RANKED + ") ranked")
        .params(cutOffs(today))
        .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3) - rs.getLong(1) - rs.getLong(2)))
        .single();
  }

  /** The references of the open cases from {@code offset}, at most {@code limit} of them, worst first. */
  List<String> references(LocalDate today, long offset, int limit) {
    return jdbc.sql("SELECT case_reference FROM (" + RANKED + ") ranked ORDER BY rag_rank DESC, next_due, "
            + referenceOrder() + " LIMIT :limit OFFSET :offset")
        .params(cutOffs(today)).param("limit", limit).param("offset", offset)
        .query(String.class).list();
  }

  private Map<String, LocalDate> cutOffs(LocalDate today) {
    return Map.of("red", rules.lastDueDateBreachedOn(today), "amber", rules.lastDueDateAmberOn(today));
  }

  private String referenceOrder() {
    if (referenceOrder == null) {
      referenceOrder = postgres() ? "case_reference COLLATE \"C\"" : "case_reference";
    }
    return referenceOrder;
  }

  private boolean postgres() {
    try {
      String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
      return product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Could not tell which database this is", e);
    }
  }
}
