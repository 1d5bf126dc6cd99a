package org.ehcpathway.statutory;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as letters and emails write them: "Tuesday 3 March 2026", or "3 March 2026" in formal notices. */
public final class LetterDates {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter WITHOUT_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private LetterDates() {
  }

  public static String format(LocalDate date) {
    return date == null ? "" : FORMAT.format(date);
  }

  /** How far off a date is, as a message says it: "today", "in 1 day", "in 9 days". */
  public static String inDays(long days) {
    return days <= 0 ? "today" : days == 1 ? "in 1 day" : "in " + days + " days";
  }

  /** "10 April 2026", as formal notices date themselves. */
  public static String withoutDay(LocalDate date) {
    return date == null ? "" : WITHOUT_DAY.format(date);
  }
}
