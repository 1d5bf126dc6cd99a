package org.ehcpathway.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.ehcpathway.reporting.AtRiskCase;
import org.ehcpathway.reporting.AtRiskList;
import org.ehcpathway.reporting.AtRiskPage;
import org.ehcpathway.reporting.TimelinessReport;
import org.ehcpathway.reporting.TimelinessReports;
import org.ehcpathway.statutory.EngineClock;
import org.springframework.stereotype.Service;

/**
 * Puts the dashboard together from the reports: one timeliness report for the period, one for each month of the trend,
 * and one page of the at-risk list with its RAG counts. The number of queries does not grow with the number of cases,
 * and only the page's rows of the at-risk list are built.
 */
@Service
class Dashboard {

  private final TimelinessReports reports;
  private final AtRiskList atRiskList;
  private final EngineClock clock;

  Dashboard(TimelinessReports reports, AtRiskList atRiskList, EngineClock clock) {
    this.reports = reports;
    this.atRiskList = atRiskList;
    this.clock = clock;
  }

  /** The cases the at-risk list shows on one page of the dashboard. */
  static final int AT_RISK_PAGE_SIZE = 50;

  DashboardPage page(ReportPeriod period, int atRiskPage) {
    TimelinessReport report = reports.timeliness(period.from(), period.to());
    return new DashboardPage(period, clock.today(), tiles(report), advice(report), report, trend(period),
        atRisk(atRiskPage));
  }

  static List<Tile> tiles(TimelinessReport report) {
    TimelinessReport.NewPlans plans = report.newPlans();
    TimelinessReport.DecisionsToAssess assess = report.decisionsToAssess();
    TimelinessReport.NoPlanDecisions noPlan = report.noPlanDecisions();
    TimelinessReport.Reviews reviews = report.reviews();
    return List.of(
        new Tile("plans-20-weeks", "New plans issued within 20 weeks",
            "All new plans issued in the period, including those where an exception applies (reg 13(2)).",
            plans.percentWithin20Weeks(), plans.within20Weeks(), plans.issued(), "plans", null),
        new Tile("plans-20-weeks-excl", "New plans within 20 weeks, excluding exceptions",
            "New plans issued in the period with no 20-week exception (reg 13(3), SEN2 Week20).",
            plans.percentWithin20WeeksExcludingExceptions(), plans.within20WeeksExcludingExceptions(),
            plans.issuedExcludingExceptions(), "plans", EnglandFigures.PLANS_WITHIN_20_WEEKS_EXCLUDING_EXCEPTIONS),
        new Tile("decisions-6-weeks", "Decisions whether to assess within 6 weeks",
            "Decisions to assess or not to assess made in the period (reg 5(1)).",
            assess.percentWithin6Weeks(), assess.within6Weeks(), assess.total(), "decisions",
            EnglandFigures.DECISIONS_TO_ASSESS_WITHIN_6_WEEKS),
        new Tile("no-plan-16-weeks", "Decisions not to issue within 16 weeks",
            "Decisions not to issue a plan made in the period (reg 10(1)).",
            noPlan.percentWithin16Weeks(), noPlan.within16Weeks(), noPlan.total(), "decisions",
            EnglandFigures.NO_PLAN_DECISIONS_WITHIN_16_WEEKS),
        new Tile("reviews-4-weeks", "Review decisions within 4 weeks of the meeting",
            "Annual review decisions made in the period (reg 20(10)).",
            reviews.percentWithin4WeeksOfMeeting(), reviews.decisionsWithin4WeeksOfMeeting(), reviews.decisions(),
            "decisions", EnglandFigures.REVIEW_DECISIONS_WITHIN_4_WEEKS));
  }

  static List<DashboardPage.AdviceRow> advice(TimelinessReport report) {
    return report.advice().entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(Labels::adviceOrder)))
        .map(e -> new DashboardPage.AdviceRow(e.getKey(), Labels.adviceType(e.getKey()), e.getValue().requested(),
            e.getValue().returned(), e.getValue().returnedWithin6Weeks(), e.getValue().outstandingOverdue()))
        .toList();
  }

  /** The month reports {@code monthly(year)} would give, for the 12 months of the trend only. */
  private List<DashboardPage.TrendMonth> trend(ReportPeriod period) {
    List<java.time.YearMonth> months = period.trendMonths();
    List<TimelinessReport> reportsByMonth = reports.months(months.get(0), months.get(months.size() - 1));
    return java.util.stream.IntStream.range(0, months.size())
        .mapToObj(i -> new DashboardPage.TrendMonth(months.get(i), reportsByMonth.get(i)))
        .toList();
  }

  /** One page of the at-risk list in its own order: worst first (RED, AMBER, GREEN), the nearest deadline first. */
  private DashboardPage.AtRiskSection atRisk(int page) {
    AtRiskPage atRisk = atRiskList.page(page, AT_RISK_PAGE_SIZE);
    List<DashboardPage.AtRiskRow> rows = atRisk.cases().stream()
        .map(risk -> new DashboardPage.AtRiskRow(risk, Labels.step(risk.stage()), Labels.deadline(risk.nextDeadline()),
            risk.outstandingAdvice() == null ? List.of() : risk.outstandingAdvice().stream()
                .map(Dashboard::outstanding).toList()))
        .toList();
    return new DashboardPage.AtRiskSection(atRisk, rows);
  }

  private static String outstanding(AtRiskCase.OutstandingAdvice advice) {
    String due = Labels.adviceType(advice.type()) + ", due " + Figures.date(advice.dueDate());
    return advice.daysLate() > 0 ? due + ", " + advice.daysLate() + " days late" : due;
  }
}
