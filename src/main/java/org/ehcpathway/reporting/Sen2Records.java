package org.ehcpathway.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ehcpathway.statutory.Sen2CollectionPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads what the SEN2 return needs from the read model (never from the engine's history). */
@Repository
class Sen2Records {

  private static final String MILESTONE = "(SELECT MIN(m.milestone_date) FROM case_milestone m "
      + "WHERE m.case_reference = c.case_reference AND m.milestone_type = '%s')";

  private final JdbcClient jdbc;

  Sen2Records(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Cases received by the census date that were not already over before the period began: open, with a plan in
   * force, or closed on or after the period's first day (the export decides the rest as at the census date).
   */
  List<Sen2Case> cases(Sen2CollectionPeriod period) {
    return jdbc.sql("""
            SELECT c.case_reference, c.child_forename, c.child_surname, c.child_date_of_birth, c.child_sex,
              c.child_postcode, c.child_upn, c.child_ethnicity, c.primary_need, c.secondary_need,
              c.request_received_date, c.request_source, c.decision_to_assess_date, %s, c.decision_to_issue_date, %s,
              %s, c.week20_exception_applies, p.issued_date, p.named_setting, p.ceased_date, p.cease_reason,
              p.old_la_code, p.transfer_date, c.origin, p.last_review_date
            FROM ehc_case c LEFT JOIN ehc_plan p ON p.case_reference = c.case_reference
            WHERE c.case_reference IS NOT NULL AND c.request_received_date <= ?
              AND (c.closed_date IS NULL OR c.closed_date >= ? OR c.status = 'PLAN_ISSUED')
            ORDER BY c.request_received_date, c.case_reference"""
            .formatted(MILESTONE.formatted("DECISION_NOT_TO_ASSESS"), MILESTONE.formatted("DECISION_NOT_TO_ISSUE"),
                MILESTONE.formatted("REQUEST_WITHDRAWN")))
        .params(period.referenceDate(), period.start())
        .query((rs, n) -> new Sen2Case(rs.getString(1), rs.getString(2), rs.getString(3), date(rs, 4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
            date(rs, 11), rs.getString(12), date(rs, 13), date(rs, 14), date(rs, 15), date(rs, 16), date(rs, 17),
            rs.getBoolean(18), date(rs, 19), rs.getString(20), date(rs, 21), rs.getString(22), rs.getString(23),
            date(rs, 24), rs.getString(25), date(rs, 26)))
        .list();
  }

  /** Every review cycle with a meeting or a decision by the census date, by case, oldest cycle first. */
  Map<String, List<Sen2Case.Review>> reviews(Sen2CollectionPeriod period) {
    return jdbc.sql("""
            SELECT case_reference, cycle, meeting_date, decision_date, outcome FROM plan_review
            WHERE meeting_date <= ? OR decision_date <= ? ORDER BY case_reference, cycle""")
        .params(period.referenceDate(), period.referenceDate())
        .query((rs, n) -> new Sen2Case.Review(rs.getString(1), rs.getInt(2), date(rs, 3), date(rs, 4),
            rs.getString(5)))
        .list().stream().collect(Collectors.groupingBy(Sen2Case.Review::caseReference));
  }

  private static LocalDate date(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
    return rs.getObject(column, LocalDate.class);
  }
}
