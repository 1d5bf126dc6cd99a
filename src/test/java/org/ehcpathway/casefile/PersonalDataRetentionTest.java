package org.ehcpathway.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.reporting.TimelinessReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Six years after a case closes its personal data goes, under simulated time; a plan in force keeps it, and the
 * figures for the year the cases were received do not change. Its own database: it moves the clock years ahead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "ehc.test.database=ehc_retention")
@ActiveProfiles("test")
@Tag("own-context")
class PersonalDataRetentionTest {

  @Autowired PathwayDriver driver;
  @Autowired CaseFile caseFile;
  @Autowired PersonalDataRetention retention;
  @Autowired JdbcClient jdbc;
  @Autowired HistoryService historyService;
  @Autowired TimelinessReports reports;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void closedCasesLoseTheirPersonalDataAfterTheRetentionPeriodAndPlansInForceKeepIt() {
    String inForce = driver.planIssuedOn("2026-05-25", "2016-05-01");
    driver.today("2026-01-05");
    String refused = driver.receiveRequest("2026-01-05", "2016-05-01").caseReference();
    String withdrawn = driver.receiveRequest("2026-01-05", "2016-05-01").caseReference();
    driver.today("2026-02-02");
    driver.complete(refused, "decideWhetherToAssess", Map.of("decision", "DO_NOT_ASSESS", "reason",
        "Needs met at SEN support; Test Child's school plan works."));
    caseFile.withdraw(withdrawn, "Family moved to Wales");
    String figuresBefore = reports.timeliness(java.time.LocalDate.parse("2026-01-01"),
        java.time.LocalDate.parse("2026-12-31")).toString();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(refused).count())
        .isPositive();

    driver.today("2032-02-02");   // closed 2 Feb 2026: kept for 6 years, to the end of 2 Feb 2032
    assertThat(retention.removeExpired()).isZero();
    assertThat(forename(refused)).isEqualTo("Test");

    driver.today("2032-02-03");
    assertThat(retention.removeExpired()).isEqualTo(2);
    for (String ref : new String[] {refused, withdrawn}) {
      assertThat(jdbc.sql("SELECT child_forename || ' ' || child_surname FROM ehc_case WHERE case_reference = ?")
          .param(ref).query(String.class).single()).isEqualTo("Removed Removed");
      assertThat(jdbc.sql("""
              SELECT COUNT(*) FROM ehc_case WHERE case_reference = ? AND child_date_of_birth IS NULL
                AND child_postcode IS NULL AND family_email IS NULL AND personal_data_removed_date = '2032-02-03'""")
          .param(ref).query(Long.class).single()).isEqualTo(1);
      assertThat(jdbc.sql("SELECT COUNT(*) FROM case_milestone WHERE case_reference = ? AND detail IS NOT NULL")
          .param(ref).query(Long.class).single()).isZero();
      assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE case_reference = ?")
          .param(ref).query(Long.class).single()).isZero();
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ref).count())
          .isZero();
    }
    assertThat(jdbc.sql("SELECT body FROM case_notice WHERE case_reference = ?").param(refused)
        .query(String.class).list()).containsOnly("Removed");
    CaseView stillCounted = caseFile.view(refused);
    assertThat(stillCounted.status()).isEqualTo(CaseStatus.NOT_ASSESSED);
    assertThat(stillCounted.milestones()).extracting(CaseView.Milestone::type)
        .contains(MilestoneType.DECISION_NOT_TO_ASSESS);
    assertThat(reports.timeliness(java.time.LocalDate.parse("2026-01-01"), java.time.LocalDate.parse("2026-12-31"))
        .toString()).isEqualTo(figuresBefore);

    assertThat(forename(inForce)).isEqualTo("Test");
    assertThat(retention.removeExpired()).isZero();   // nothing twice
  }

  private String forename(String ref) {
    return jdbc.sql("SELECT child_forename FROM ehc_case WHERE case_reference = ?").param(ref)
        .query(String.class).single();
  }
}
