package org.ehcpathway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.MigrationContext;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.review.PlanRecords;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dates the read model stores for the reports (V12, V14, V15): a plan's phase transfer deadline, written with its
 * next phase transfer and filled in by migration V13, the day an advice request or a review cycle (V14) stopped being
 * awaited, and the day the draft plan was first served (V15). Dates in 2046 to 2048, which no other test reports on.
 */
@PathwayIntegrationTest
class StoredReportDatesTest {

  @Autowired PathwayDriver driver;
  @Autowired PlanRecords plans;
  @Autowired CaseFile caseFile;
  @Autowired CaseRecords caseRecords;
  @Autowired TimelinessReports reports;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired Map<String, JavaMigration> javaMigrations;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void thePhaseTransferDeadlineIsStoredWithTheTransferAndFollowsItsChanges() {
    String plan = driver.planIssuedOn("2026-05-20", "2015-01-01");

    plans.setNextPhaseTransfer(plan, "SCHOOL:2047");
    assertThat(phaseTransferDeadline(plan)).isEqualTo("2047-02-15");
    plans.setNextPhaseTransfer(plan, "POST16:2047");
    assertThat(phaseTransferDeadline(plan)).isEqualTo("2047-03-31");
    plans.setNextPhaseTransfer(plan, "POST16_TO_POST16:2047-09-01");
    assertThat(phaseTransferDeadline(plan)).isEqualTo("2047-04-01");

    driver.today("2048-01-01");
    assertThat(reports.months(YearMonth.of(2047, 3), YearMonth.of(2047, 4)))
        .extracting(report -> report.reviews().phaseTransfersDue()).containsExactly(0L, 1L);
  }

  @Test
  void theBackfillStoresTheDeadlineOfTransfersRecordedBeforeTheColumn() throws Exception {
    String plan = driver.planIssuedOn("2026-05-21", "2015-01-01");
    plans.setNextPhaseTransfer(plan, "SCHOOL:2047");
    jdbc.sql("UPDATE ehc_plan SET phase_transfer_deadline = NULL WHERE case_reference = ?").param(plan).update();

    JavaMigration backfill = javaMigrations.values().stream()
        .filter(migration -> migration.getVersion().getVersion().equals("13")).findFirst().orElseThrow();
    try (Connection connection = dataSource.getConnection()) {
      backfill.migrate(MigrationContext.on(connection));
    }
    assertThat(phaseTransferDeadline(plan)).isEqualTo("2047-02-15");
  }

  @Test
  void adviceIsAwaitedUntilItIsReturnedOrItsCaseCloses() {
    driver.today("2046-01-08");
    String returned = driver.receiveRequest("2046-01-08", "2040-01-01").caseReference();
    String withdrawn = driver.receiveRequest("2046-01-08", "2040-01-01").caseReference();
    driver.today("2046-01-10");
    for (String ref : new String[] {returned, withdrawn}) {
      driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", "EDUCATIONAL",
          "reason", "Evidence."));
    }
    assertThat(awaitedUntil(returned)).isNull();
    driver.today("2046-03-02");
    driver.giveAllAdvice(returned);
    driver.today("2046-04-01");
    caseFile.withdraw(withdrawn, "The family moved away.");

    assertThat(awaitedUntil(returned)).isEqualTo("2046-03-02");
    assertThat(awaitedUntil(withdrawn)).isEqualTo("2046-04-01");
    driver.today("2046-05-01");
    // Due 21 Feb: at the end of February both are overdue; of March, only the withdrawn case's; of April, none.
    assertThat(reports.months(YearMonth.of(2046, 2), YearMonth.of(2046, 4)))
        .extracting(report -> report.advice().get("EDUCATIONAL").outstandingOverdue())
        .containsExactly(2L, 1L, 0L);
  }

  @Test
  void theFirstDraftServedIsStoredOnTheCase() {
    driver.today("2048-06-05");
    String ref = driver.receiveRequest("2048-06-05", "2040-01-01").caseReference();
    driver.today("2048-06-12");
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", "EDUCATIONAL",
        "reason", "Evidence."));
    driver.giveAllAdvice(ref);
    driver.today("2048-07-03");
    driver.complete(ref, "decideWhetherToIssue", Map.of("decision", "ISSUE", "reason", "Needs provision."));
    assertThat(caseRecords.find(ref).orElseThrow().draftServedDate()).isNull();
    driver.today("2048-07-10");
    driver.complete(ref, "draftPlan", Map.of());
    assertThat(caseRecords.find(ref).orElseThrow().draftServedDate()).isEqualTo("2048-07-10")
        .isEqualTo(caseRecords.draftServed(ref).orElseThrow());

    caseRecords.recordMilestone(ref, MilestoneType.DRAFT_PLAN_SERVED, LocalDate.parse("2048-07-20"), "caseworker",
        null);
    assertThat(caseRecords.find(ref).orElseThrow().draftServedDate()).isEqualTo("2048-07-10");
    caseRecords.recordMilestone(ref, MilestoneType.DRAFT_PLAN_SERVED, LocalDate.parse("2048-07-08"), "caseworker",
        "Served by hand two days before it was recorded.");
    assertThat(caseRecords.find(ref).orElseThrow().draftServedDate()).isEqualTo("2048-07-08")
        .isEqualTo(caseRecords.draftServed(ref).orElseThrow());
    caseFile.withdraw(ref, "The family moved away.");
  }

  @Test
  void aReviewIsAwaitedUntilItsDecisionOrItsPlanCeases() {
    driver.today("2047-01-04");
    String decided = driver.receiveRequest("2047-01-04", "2040-01-01").caseReference();
    String ceased = driver.receiveRequest("2047-01-04", "2040-01-01").caseReference();
    for (String ref : new String[] {decided, ceased}) {
      plans.createPlan(ref, LocalDate.of(2046, 3, 1), "Oak Tree School");
      plans.openCycle(ref, LocalDate.of(2047, 3, 1), null);
    }
    assertThat(reviewAwaitedUntil(decided)).containsExactly((LocalDate) null);
    driver.today("2047-04-10");
    plans.recordDecision(decided, LocalDate.of(2047, 4, 10), "MAINTAIN");
    driver.today("2047-05-05");
    plans.cease(ceased, LocalDate.of(2047, 5, 5), "MA");
    plans.openCycle(ceased, LocalDate.of(2047, 6, 1), null);

    assertThat(reviewAwaitedUntil(decided)).containsExactly(LocalDate.of(2047, 4, 10));
    assertThat(reviewAwaitedUntil(ceased)).containsExactly(LocalDate.of(2047, 5, 5), LocalDate.of(2047, 5, 5));
    driver.today("2047-06-10");
    // Both due 1 March: overdue at the end of March; of April only the ceased plan's (decided 10 April); of May
    // neither (ceased 5 May; its cycle opened after it never counts). Other tests' undecided cycles count in all three.
    var overdue = reports.months(YearMonth.of(2047, 3), YearMonth.of(2047, 5)).stream()
        .map(report -> report.reviews().overdue()).toList();
    assertThat(List.of(overdue.get(0) - overdue.get(2), overdue.get(1) - overdue.get(2))).containsExactly(2L, 1L);
  }

  private List<LocalDate> reviewAwaitedUntil(String reference) {
    return jdbc.sql("SELECT awaited_until FROM plan_review WHERE case_reference = ? ORDER BY cycle").param(reference)
        .query((rs, n) -> rs.getObject(1, LocalDate.class)).list();
  }

  private LocalDate phaseTransferDeadline(String plan) {
    return jdbc.sql("SELECT phase_transfer_deadline FROM ehc_plan WHERE case_reference = ?").param(plan)
        .query((rs, n) -> rs.getObject(1, LocalDate.class)).list().get(0);
  }

  private LocalDate awaitedUntil(String reference) {
    return jdbc.sql("SELECT awaited_until FROM case_advice WHERE case_reference = ? AND purpose = 'ASSESSMENT'")
        .param(reference).query((rs, n) -> rs.getObject(1, LocalDate.class)).list().get(0);
  }
}
