package org.ehcpathway.statutory;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as letters and emails write them: "Tuesday 3 March 2026". */
public final class LetterDates {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private LetterDates() {
  }

  public static String format(LocalDate date) {
    return date == null ? "" : FORMAT.format(date);
  }
}
