package org.ehcpathway.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.ReadModelChanges;
import org.ehcpathway.statutory.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored figures of closed months give the same reports as counting everything live, and a write dated into a
 * stored month drops it. Cases in 2038 (a year no other test uses): eight requests received over the spring, with
 * refusals, late decisions, plans issued on time and late, and advice; the reports are read in 2039.
 */
@PathwayIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedMonthFiguresTest {

  @Autowired PathwayDriver driver;
  @Autowired TimelinessReports reports;
  @Autowired ClosedMonthFigures closedMonths;
  @Autowired ReadModelChanges changes;
  @Autowired CaseRecords caseRecords;
  @Autowired JdbcClient jdbc;
  @Autowired PeriodCounts counts;
  @Autowired EngineClock clock;
  @Autowired PlatformTransactionManager transactions;

  TimelinessReports countedLive;
  String assessed;

  @BeforeAll
  void buildCases() {
    countedLive = new TimelinessReports(counts, clock, new ClosedMonthFigures(jdbc, changes, transactions, false));
    String[] received = {"2038-01-11", "2038-01-25", "2038-02-08", "2038-02-22", "2038-03-08", "2038-03-22"};
    for (int i = 0; i < received.length; i++) {
      driver.today(received[i]);
      String ref = driver.receiveRequest(received[i], "2031-05-01").caseReference();
      driver.today(LocalDate.parse(received[i]).plusWeeks(5 + i % 3).toString());
      if (i % 3 == 2) {
        driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "DO_NOT_ASSESS", "reason", "Needs met."));
        continue;
      }
      driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", "EDUCATIONAL",
          "reason", "Evidence."));
      assessed = ref;
      if (i == 4) {
        continue;
      }
      driver.giveAllAdvice(ref);
      driver.complete(ref, "decideWhetherToIssue", Map.of("decision", "ISSUE", "reason", "Needs provision."));
      driver.today(LocalDate.parse(received[i]).plusWeeks(12).toString());
      driver.complete(ref, "draftPlan", Map.of());
      driver.complete(ref, "recordRepresentations", Map.of("preferredSetting", "Oak Tree School"));
      driver.complete(ref, "consultSetting", Map.of("settingResponse", "ACCEPTS"));
      driver.complete(ref, "agreeProvision", Map.of("namedSetting", "Oak Tree School", "fundingBand", "BAND_2"));
      driver.today(LocalDate.parse(received[i]).plusWeeks(19 + 2 * i).toString());
      driver.complete(ref, "issueFinalPlan", Map.of());
    }
    ClockUtil.reset();
  }

  @BeforeEach
  void readInMarch2039() {
    driver.today("2039-03-15");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void storedMonthsGiveTheSameReportsAsCountingLive() {
    MonthlyTimeliness live = countedLive.monthly(2038);
    assertThat(live.wholeYear().newPlans().issued()).isEqualTo(3);
    assertThat(live.wholeYear().decisionsToAssess().doNotAssess()).isEqualTo(2);

    MonthlyTimeliness first = reports.monthly(2038);
    assertThat(storedMonths(2038)).hasSize(12);
    MonthlyTimeliness second = reports.monthly(2038);

    assertThat(first).isEqualTo(live);
    assertThat(second).isEqualTo(live);
    for (String[] period : new String[][] {{"2038-01-15", "2039-03-14"}, {"2038-02-01", "2038-06-30"},
        {"2038-03-10", "2038-03-20"}, {"2037-12-20", "2038-04-05"}, {"2039-01-01", "2039-12-31"}}) {
      LocalDate from = LocalDate.parse(period[0]);
      LocalDate to = LocalDate.parse(period[1]);
      assertThat(reports.timeliness(from, to)).as("%s to %s", from, to).isEqualTo(countedLive.timeliness(from, to));
    }
  }

  @Test
  void aStoredMonthIsReadNotCountedAgain() {
    reports.monthly(2038);
    jdbc.sql("UPDATE report_month SET figures = '{}' WHERE month_start = ?").param(LocalDate.of(2038, 1, 1)).update();

    assertThat(countedLive.monthly(2038).months().get(0).requestsReceived()).isEqualTo(2);
    assertThat(reports.monthly(2038).months().get(0).requestsReceived()).isZero();
    jdbc.sql("DELETE FROM report_month").update();
  }

  @Test
  void theOpenMonthAndTheMonthJustEndedAreNeverStored() {
    jdbc.sql("DELETE FROM report_month").update();
    driver.today("2038-06-01");
    reports.monthly(2038);
    assertThat(storedMonths(2038)).containsExactly(YearMonth.of(2038, 1), YearMonth.of(2038, 2),
        YearMonth.of(2038, 3), YearMonth.of(2038, 4));
    driver.today("2038-06-02");
    reports.monthly(2038);
    assertThat(storedMonths(2038)).contains(YearMonth.of(2038, 5)).doesNotContain(YearMonth.of(2038, 6));
  }

  @Test
  void aBackdatedWriteDropsItsMonthAndLaterOnesAndTheReportCountsIt() {
    MonthlyTimeliness before = reports.monthly(2038);
    long requestedInApril = before.months().get(3).advice().get("HEALTH").requested();
    long overdueAtJuneEnd = before.months().get(5).advice().get("HEALTH").outstandingOverdue();

    caseRecords.recordAdviceRequest(assessed, "HEALTH", "backdated-advice", LocalDate.of(2038, 4, 20),
        LocalDate.of(2038, 6, 1), "ASSESSMENT", null);

    assertThat(storedMonths(2038)).containsExactly(YearMonth.of(2038, 1), YearMonth.of(2038, 2),
        YearMonth.of(2038, 3));
    MonthlyTimeliness after = reports.monthly(2038);
    assertThat(after.months().get(3).advice().get("HEALTH").requested()).isEqualTo(requestedInApril + 1);
    assertThat(after.months().get(5).advice().get("HEALTH").outstandingOverdue()).isEqualTo(overdueAtJuneEnd + 1);
    assertThat(after).isEqualTo(countedLive.monthly(2038));
    assertThat(storedMonths(2038)).hasSize(12);
  }

  @Test
  void figuresCountedWhileABackdatedWriteCommittedAreNotStored() {
    reports.monthly(2038);
    jdbc.sql("DELETE FROM report_month").update();
    long before = closedMonths.generation();
    new TransactionTemplate(transactions).executeWithoutResult(status -> caseRecords.recordAdviceRequest(assessed,
        "HEALTH", "advice-during-count", LocalDate.of(2038, 2, 3), LocalDate.of(2038, 3, 17), "ASSESSMENT", null));

    closedMonths.store(Map.of(YearMonth.of(2038, 1), new PeriodFigures()), before, clock.today());

    assertThat(closedMonths.generation()).isGreaterThan(before);
    assertThat(storedMonths(2038)).isEmpty();
    assertThat(reports.monthly(2038)).isEqualTo(countedLive.monthly(2038));
  }

  @Test
  void aBackdatedWriteInAnInnerTransactionDropsItsMonthsWhenItCommitsWhateverTheOuterOneDoes() {
    reports.monthly(2038);
    TransactionTemplate inner = new TransactionTemplate(transactions);
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(outer -> {
      caseRecords.recordAdviceRequest(assessed, "HEALTH", "outer-advice", LocalDate.of(2038, 6, 10),
          LocalDate.of(2038, 7, 22), "ASSESSMENT", null);
      inner.executeWithoutResult(status -> caseRecords.recordAdviceRequest(assessed, "SOCIAL_CARE", "inner-advice",
          LocalDate.of(2038, 3, 5), LocalDate.of(2038, 4, 16), "ASSESSMENT", null));
      throw new IllegalStateException("the outer step fails");
    })).hasMessage("the outer step fails");

    assertThat(storedMonths(2038)).containsExactly(YearMonth.of(2038, 1), YearMonth.of(2038, 2));
    assertThat(reports.monthly(2038)).isEqualTo(countedLive.monthly(2038));
  }

  @Test
  void aWriteAfterTheClockWasMovedBackDropsEveryStoredMonth() {
    reports.monthly(2038);
    driver.today("2038-02-02");
    driver.receiveRequest("2038-02-02", "2031-05-01");
    assertThat(storedMonths(2038)).isEmpty();

    driver.today("2039-03-15");
    assertThat(reports.monthly(2038)).isEqualTo(countedLive.monthly(2038));
    assertThat(reports.monthly(2038).months().get(1).requestsReceived())
        .isEqualTo(countedLive.timeliness(LocalDate.of(2038, 2, 1), LocalDate.of(2038, 2, 28)).requestsReceived());
  }

  @Test
  void writesPastTheRecordsDropEveryKeptMonthWhenSaid() {
    reports.monthly(2038);
    long before = closedMonths.generation();
    changes.writtenElsewhere();
    assertThat(storedMonths(2038)).isEmpty();
    assertThat(closedMonths.generation()).isGreaterThan(before);
  }

  @Test
  void aWriteDatedTodayKeepsTheStoredMonths() {
    reports.monthly(2038);
    caseRecords.recordAdviceRequest(assessed, "HEALTH", "advice-today", clock.today(), clock.today().plusWeeks(6),
        "ASSESSMENT", null);
    assertThat(storedMonths(2038)).hasSize(12);
  }

  private List<YearMonth> storedMonths(int year) {
    return jdbc.sql("SELECT month_start FROM report_month WHERE month_start BETWEEN ? AND ? ORDER BY month_start")
        .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
        .query((rs, n) -> YearMonth.from(rs.getObject(1, LocalDate.class))).list();
  }
}
