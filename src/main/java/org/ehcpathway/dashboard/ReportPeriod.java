package org.ehcpathway.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The days a manager looks at, both included. Without dates: the 12 months up to today by the engine clock. The trend
 * always shows the 12 calendar months ending with the month of {@code to}.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

  static final int TREND_MONTHS = 12;

  static ReportPeriod of(LocalDate from, LocalDate to, LocalDate today) {
    LocalDate end = to != null ? to : today;
    LocalDate start = from != null ? from : end.minusYears(1).plusDays(1);
    if (start.isAfter(end)) {
      throw new InvalidPeriodException("'from' (" + start + ") must not be after 'to' (" + end + ")");
    }
    return new ReportPeriod(start, end);
  }

  /** The 12 calendar months ending with the month of {@code to}, oldest first. */
  List<YearMonth> trendMonths() {
    YearMonth last = YearMonth.from(to);
    return IntStream.range(0, TREND_MONTHS).mapToObj(i -> last.minusMonths(TREND_MONTHS - 1 - i)).toList();
  }

  /** A period the dashboard cannot show; answered with 400 and the reason. */
  static class InvalidPeriodException extends RuntimeException {
    InvalidPeriodException(String message) {
      super(message);
    }
  }
}
