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
  /** The first month when the periods are consecutive months; null for a single period. */
  private final YearMonth firstMonth;

  private ReportPeriods(List<LocalDate> starts, List<LocalDate> ends, YearMonth firstMonth) {
    this.starts = starts;
    this.ends = ends;
    this.firstMonth = firstMonth;
  }

  static ReportPeriods single(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to is before from");
    }
    return new ReportPeriods(List.of(from), List.of(to), null);
  }

  /** Each calendar month from {@code first} to {@code last}, both included. */
  static ReportPeriods months(YearMonth first, YearMonth last) {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("last month is before the first");
    }
    List<YearMonth> months = java.util.stream.Stream.iterate(first, m -> !m.isAfter(last), m -> m.plusMonths(1))
        .toList();
    return new ReportPeriods(months.stream().map(m -> m.atDay(1)).toList(),
        months.stream().map(YearMonth::atEndOfMonth).toList(), first);
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

  /** Each period's end, or {@code today} where the period ends later: "at the end of the period". */
  List<LocalDate> endsUpTo(LocalDate today) {
    return ends.stream().map(end -> end.isAfter(today) ? today : end).toList();
  }

  LocalDate start(int index) {
    return starts.get(index);
  }

  LocalDate end(int index) {
    return ends.get(index);
  }

  /** The period of a yyyymm group from {@link #yearMonth}. */
  int index(int yearMonth) {
    return firstMonth == null ? 0
        : (yearMonth / 100 - firstMonth.getYear()) * 12 + (yearMonth % 100 - firstMonth.getMonthValue());
  }

  int index(LocalDate date) {
    return index(date.getYear() * 100 + date.getMonthValue());
  }
}
