package org.ehcpathway.statutory;

/**
 * A working-day rule was asked about a year the bank holiday calendar does not cover. The rule refuses to guess;
 * the council extends {@code bank-holidays-england-and-wales.csv} when the government announces the year.
 */
public class CalendarNotCoveredException extends IllegalArgumentException {

  CalendarNotCoveredException(String message) {
    super(message);
  }
}
