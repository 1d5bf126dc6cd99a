package org.ehcpathway.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import javax.sql.DataSource;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * H2 reads the advice figures through the index that narrows them to the dates asked for, not through every
 * assessment advice ever requested (V16; docs/performance.md, "Report latency", H2).
 */
@PathwayIntegrationTest
class AdviceFigurePlansTest {

  @Autowired PathwayDriver driver;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void removeTheHistory() {
    jdbc.sql("DELETE FROM case_advice WHERE process_instance_id LIKE '%-history-%'").update();
  }

  @Test
  void adviceReturnedInAPeriodIsReadByItsDates() throws Exception {
    assumeH2();
    assessmentAdviceRequestedAndReturned();

    String plan = plan("SELECT COUNT(*) " + PeriodCounts.ADVICE_RETURNED, "2026-03-01", "2026-03-31");

    assertThat(plan).contains("CASE_ADVICE_RETURNED: ").doesNotContain("CASE_ADVICE_PURPOSE");
  }

  @Test
  void adviceAwaitedAtThePeriodsEndsIsReadByItsDates() throws Exception {
    assumeH2();
    assessmentAdviceRequestedAndReturned();

    String plan = plan("SELECT COUNT(*) FROM (" + PeriodCounts.ADVICE_AWAITED + ") a",
        "2026-12-31", "2026-01-31", "2026-12-31");

    assertThat(plan.split("CASE_ADVICE_AWAITED_UNTIL: ", -1)).as("both halves of the union").hasSize(3);
    assertThat(plan).doesNotContain("CASE_ADVICE_PURPOSE");
  }

  /**
   * Two cases' assessment advice, one case's returned, the other's awaited; then a council's history behind them,
   * in years no other test uses (2065 to 2071) and removed after each test: H2 chooses its plan by the table's
   * statistics, and only with years of advice did it pick the wrong index.
   */
  private void assessmentAdviceRequestedAndReturned() {
    driver.today("2026-02-02");
    String returned = driver.receiveRequest("2026-02-02", "2016-05-01").caseReference();
    String awaited = driver.receiveRequest("2026-02-02", "2016-06-01").caseReference();
    for (String ref : new String[] {returned, awaited}) {
      driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "reason", "Evidence.",
          "adviceTypes", "EDUCATIONAL,HEALTH,SOCIAL_CARE,PSYCHOLOGICAL"));
    }
    driver.today("2026-03-09");
    driver.giveAllAdvice(returned);
    jdbc.sql("""
        INSERT INTO case_advice (case_reference, advice_type, process_instance_id, requested_date, due_date,
          returned_date, awaited_until, purpose)
        SELECT ?, 'HEALTH', ? || '-history-' || X, DATEADD(DAY, -MOD(X, 2000), DATE '2071-01-01'),
          DATEADD(DAY, 42 - MOD(X, 2000), DATE '2071-01-01'), DATEADD(DAY, 40 - MOD(X, 2000), DATE '2071-01-01'),
          DATEADD(DAY, 40 - MOD(X, 2000), DATE '2071-01-01'),
          CASE WHEN MOD(X, 10) = 0 THEN 'REVIEW' ELSE 'ASSESSMENT' END
        FROM SYSTEM_RANGE(1, 20000)""").params(returned, returned).update();
    jdbc.sql("ANALYZE TABLE case_advice").update();
  }

  private String plan(String statement, String... days) {
    return jdbc.sql("EXPLAIN " + statement).params(Arrays.stream(days).map(LocalDate::parse).toArray())
        .query(String.class).single().replaceAll("\\s+", " ").replace("PUBLIC.", "");
  }

  private void assumeH2() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assumeTrue("H2".equals(connection.getMetaData().getDatabaseProductName()), "H2 only");
    }
  }
}
