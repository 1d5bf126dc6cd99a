package org.ehcpathway.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the dashboard writes its numbers: percentages with one decimal place, as the reports compute them. */
final class Figures {

  static final String NO_DATA = "No data";

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  private Figures() {
  }

  static String percent(Double value) {
    return value == null ? NO_DATA : String.format(Locale.UK, "%.1f%%", value);
  }

  /** "50.0% (1 of 2)", or "No data" when there is nothing to count. */
  static String percent(Double value, long part, long whole) {
    return value == null ? NO_DATA : percent(value) + " (" + part + " of " + whole + ")";
  }

  /** "18 Dec 2034"; empty for no date. */
  static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }
}
