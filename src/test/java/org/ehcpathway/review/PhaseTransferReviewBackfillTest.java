package org.ehcpathway.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.MigrationContext;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V18 marks the cycles opened before V17 that were brought forward for their plan's phase transfer. */
@PathwayIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PhaseTransferReviewBackfillTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired StatutoryDeadlines rules;
  @Autowired PlanImport planImport;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void marksOnlyTheCyclesDueOnTheTransfersReviewDate() throws Exception {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-04-01 10:00:00"));
    String ref = importedPlan();
    // as before V17: the first cycle, brought forward to 21 Dec 2026, unmarked; and a regular one after it
    jdbc.sql("UPDATE plan_review SET phase_transfer = NULL WHERE case_reference = ?").param(ref).update();
    jdbc.sql("INSERT INTO plan_review (case_reference, cycle, due_date) VALUES (?, 2, ?)")
        .params(ref, LocalDate.of(2027, 12, 1)).update();

    migrate();

    assertThat(jdbc.sql("SELECT cycle, phase_transfer FROM plan_review WHERE case_reference = ? ORDER BY cycle")
        .param(ref).query((rs, n) -> rs.getInt(1) + ":" + rs.getString(2)).list())
        .containsExactly("1:SCHOOL:2027", "2:null");
  }

  @Test
  void namesTheOpenReviewsTheOldRuleBroughtForwardTwice(CapturedOutput log) throws Exception {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-04-01 10:00:00"));
    String ref = importedPlan();
    jdbc.sql("UPDATE plan_review SET phase_transfer = NULL, decision_date = ? WHERE case_reference = ?")
        .params(LocalDate.of(2026, 12, 1), ref).update();
    jdbc.sql("INSERT INTO plan_review (case_reference, cycle, due_date) VALUES (?, 2, ?)")
        .params(ref, LocalDate.of(2026, 12, 21)).update();   // what the old rule opened next

    migrate();

    assertThat(jdbc.sql("SELECT phase_transfer FROM plan_review WHERE case_reference = ? ORDER BY cycle")
        .param(ref).query(String.class).list()).containsExactly("SCHOOL:2027", "SCHOOL:2027");
    assertThat(log.getOut()).contains("open review brought forward a second time").contains(ref);
  }

  private String importedPlan() {
    String source = "BF-" + System.nanoTime();
    planImport.load(PlanImport.HEADER + "\n" + source
        + ",Ida,Primary,2016-01-10,F,AB1 2CD,2026-03-01,,SCHOOL:2027,Oak Tree Primary\n", "manager");
    return jdbc.sql("SELECT case_reference FROM ehc_plan WHERE source_reference = ?").param(source)
        .query(String.class).single();
  }

  private void migrate() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      new PhaseTransferReviewBackfill(rules).migrate(MigrationContext.on(connection));
    }
  }
}
