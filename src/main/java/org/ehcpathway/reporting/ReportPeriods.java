package org.ehcpathway.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The periods one pass of the report queries fills: a single period (any dates), or the twelve months of a year.
 * Queries group their events by year and month ({@link #yearMonth}); each group lands in its period.
 */
final class ReportPeriods {

  private final List<LocalDate> starts;
  private final List<LocalDate> ends;
  private final boolean byMonth;

  private ReportPeriods(List<LocalDate> starts, List<LocalDate> ends, boolean byMonth) {
    this.starts = starts;
    this.ends = ends;
    this.byMonth = byMonth;
  }

  static ReportPeriods single(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to is before from");
    }
    return new ReportPeriods(List.of(from), List.of(to), false);
  }

  static ReportPeriods monthsOf(int year) {
    List<YearMonth> months = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(year, m))
        .toList();
    return new ReportPeriods(months.stream().map(m -> m.atDay(1)).toList(),
        months.stream().map(YearMonth::atEndOfMonth).toList(), true);
  }

  /** SQL for a date column's year and month as one number, yyyymm; the same on H2 and PostgreSQL. */
  static String yearMonth(String column) {
    return "(EXTRACT(YEAR FROM " + column + ") * 100 + EXTRACT(MONTH FROM " + column + "))";
  }

  int size() {
    return starts.size();
  }

  LocalDate first() {
    return starts.get(0);
  }

  LocalDate last() {
    return ends.get(ends.size() - 1);
  }

  LocalDate start(int index) {
    return starts.get(index);
  }

  LocalDate end(int index) {
    return ends.get(index);
  }

  /** The period of a yyyymm group from {@link #yearMonth}. */
  int index(int yearMonth) {
    return byMonth ? yearMonth % 100 - 1 : 0;
  }

  int index(LocalDate date) {
    return byMonth ? date.getMonthValue() - 1 : 0;
  }
}
