package org.ehcpathway.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.ehcpathway.reporting.AtRiskCase;
import org.ehcpathway.reporting.AtRiskPage;
import org.ehcpathway.reporting.Percent;
import org.ehcpathway.reporting.TimelinessReport;

/** Everything the dashboard shows for one period, ready to render. */
public record DashboardPage(ReportPeriod period, LocalDate today, List<Tile> tiles, List<AdviceRow> advice,
    TimelinessReport report, List<TrendMonth> trend, AtRiskSection atRisk) {

  /** Assessment advice of one type: returned within 6 weeks of its request, of all returned in the period. */
  public record AdviceRow(String type, String agency, long requested, long returned, long returnedWithin6Weeks,
      long outstandingOverdue) {

    public Double percentOnTime() {
      return Percent.of(returnedWithin6Weeks, returned);
    }

    public String onTime() {
      return Figures.percent(percentOnTime());
    }
  }

  /** One month of the trend: the same report as the tiles, for that calendar month. */
  public record TrendMonth(YearMonth month, TimelinessReport report) {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    public String label() {
      return LABEL.format(month);
    }

    public String plans() {
      TimelinessReport.NewPlans plans = report.newPlans();
      return Figures.percent(plans.percentWithin20Weeks(), plans.within20Weeks(), plans.issued());
    }

    public String plansExcludingExceptions() {
      TimelinessReport.NewPlans plans = report.newPlans();
      return Figures.percent(plans.percentWithin20WeeksExcludingExceptions(), plans.within20WeeksExcludingExceptions(),
          plans.issuedExcludingExceptions());
    }

    public String decisionsToAssess() {
      TimelinessReport.DecisionsToAssess decisions = report.decisionsToAssess();
      return Figures.percent(decisions.percentWithin6Weeks(), decisions.within6Weeks(), decisions.total());
    }

    public String reviewDecisions() {
      TimelinessReport.Reviews reviews = report.reviews();
      return Figures.percent(reviews.percentWithin4WeeksOfMeeting(), reviews.decisionsWithin4WeeksOfMeeting(),
          reviews.decisions());
    }
  }

  /** A case of the at-risk list with its words for the page. */
  public record AtRiskRow(AtRiskCase risk, String stage, String nextDeadline, List<String> outstandingAdvice) {
  }

  /** One page of the at-risk list, its rows in words, and where it stands in the whole list. */
  public record AtRiskSection(AtRiskPage page, List<AtRiskRow> rows) {

    /** The position in the whole list of the page's first case, counting from 1 (0 when the page is empty). */
    public long firstShown() {
      return rows.isEmpty() ? 0 : (long) page.page() * page.size() + 1;
    }

    public long lastShown() {
      return rows.isEmpty() ? 0 : firstShown() + rows.size() - 1;
    }

    public boolean hasPrevious() {
      return page.page() > 0;
    }

    public boolean hasNext() {
      return page.page() + 1L < page.totalPages();
    }

    /** The page before this one, or the last page when this one is past the end. */
    public long previous() {
      return Math.max(0, Math.min(page.page() - 1L, page.totalPages() - 1));
    }
  }
}
