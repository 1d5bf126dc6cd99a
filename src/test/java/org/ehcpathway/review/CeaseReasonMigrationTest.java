package org.ehcpathway.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V22 moves each stored cease reason from the old form's list to SEN2's code for what the caseworker chose. */
class CeaseReasonMigrationTest {

  @Test
  void storedCodesMoveToTheSchemasCodeForTheSameReason() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:cease_reason_migration;DB_CLOSE_DELAY=-1");
    JdbcClient jdbc = JdbcClient.create(database);
    Flyway.configure().dataSource(database).locations("classpath:db/migration").target("21").load().migrate();
    // the old list: 1 moved to another LA, 2 needs met, 3 higher education, 4 employment, 5 19+ no longer wishes to
    // engage, 6 moved outside England, 7 deceased, 8 other, 9 transferred to adult social care
    for (int old = 1; old <= 9; old++) {
      String ref = "MIG-" + old;
      jdbc.sql("""
          INSERT INTO ehc_case (case_reference, child_forename, child_surname, child_date_of_birth, child_sex,
            child_postcode, request_received_date, request_source, status, stage, decision_to_assess_due,
            no_plan_decision_due, final_plan_due, created_by, created_at)
          VALUES (?, 'A', 'B', DATE '2015-01-01', 'F', 'ZZ1 1AA', DATE '2025-01-06', 'PARENT', 'CEASED', 'x',
            DATE '2025-02-17', DATE '2025-04-28', DATE '2025-05-26', 'test', CURRENT_TIMESTAMP)""")
          .param(ref).update();
      jdbc.sql("INSERT INTO ehc_plan (case_reference, status, issued_date, ceased_date, cease_reason,"
          + " pending_cease_reason) VALUES (?, 'CEASED', DATE '2025-05-26', DATE '2026-06-01', ?, ?)")
          .params(ref, String.valueOf(old), String.valueOf(old)).update();
    }

    Flyway.configure().dataSource(database).locations("classpath:db/migration").target("22").load().migrate();

    List<String> codes = jdbc.sql("SELECT case_reference || ' ' || cease_reason || ' ' || pending_cease_reason"
        + " FROM ehc_plan ORDER BY case_reference").query(String.class).list();
    assertThat(codes).containsExactly("MIG-1 5 5", "MIG-2 2 2", "MIG-3 3 3", "MIG-4 4 4", "MIG-5 6 6",
        "MIG-6 7 7", "MIG-7 8 8", "MIG-8 9 9", "MIG-9 9 9");
  }
}
