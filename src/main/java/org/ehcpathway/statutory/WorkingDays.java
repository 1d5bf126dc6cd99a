package org.ehcpathway.statutory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/** Working days: Monday to Friday, not a bank holiday in England and Wales. */
public final class WorkingDays {

  private static final String BANK_HOLIDAYS = "/statutory/bank-holidays-england-and-wales.csv";

  private final TreeSet<LocalDate> bankHolidays;

  public WorkingDays(Set<LocalDate> bankHolidays) {
    this.bankHolidays = new TreeSet<>(bankHolidays);
  }

  public static WorkingDays englandAndWales() {
    try (InputStream in = WorkingDays.class.getResourceAsStream(BANK_HOLIDAYS)) {
      if (in == null) {
        throw new IllegalStateException("Missing bank holiday calendar " + BANK_HOLIDAYS);
      }
      Set<LocalDate> dates = new TreeSet<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.lines().skip(1).filter(line -> !line.isBlank())
          .forEach(line -> dates.add(LocalDate.parse(line.substring(0, line.indexOf(',')))));
      return new WorkingDays(dates);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.contains(date);
  }

  /** The date {@code n} working days after {@code start} (the start day itself is not counted). */
  public LocalDate add(LocalDate start, int n) {
    requireCovered(start);
    LocalDate date = start;
    int counted = 0;
    while (counted < n) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    requireCovered(date);
    return date;
  }

  /**
   * The n-th working day of a period "beginning with" {@code start}: the start counts as day 1 when it is a
   * working day; otherwise the first working day after it is day 1.
   */
  public LocalDate nthBeginningWith(LocalDate start, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("A period has at least one day");
    }
    LocalDate dayBefore = start.minusDays(1);
    return add(dayBefore, n);
  }

  /**
   * The date itself if it is a working day, otherwise the working day before it. Used for reminders, not for
   * statutory dates: beyond the bank holiday calendar it skips weekends only rather than fail the step.
   */
  public LocalDate onOrBefore(LocalDate date) {
    LocalDate day = date;
    while (!isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    return day;
  }

  private void requireCovered(LocalDate date) {
    if (bankHolidays.isEmpty()) {
      return;
    }
    if (date.getYear() < bankHolidays.first().getYear() || date.getYear() > bankHolidays.last().getYear()) {
      throw new CalendarNotCoveredException("No bank holiday calendar for " + date.getYear()
          + "; the calendar covers " + bankHolidays.first().getYear() + " to " + bankHolidays.last().getYear());
    }
  }
}
