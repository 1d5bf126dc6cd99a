package org.ehcpathway.statutory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The SEN2 return of collection year {@code year}: work done in the calendar year before ({@code start} to
 * {@code end}) and plans in force on the census date ({@code referenceDate}), the third Thursday of January of the
 * collection year (SEN2 2024: 18 January 2024, covering 2023).
 */
public record Sen2CollectionPeriod(int year, LocalDate start, LocalDate end, LocalDate referenceDate) {

  public static Sen2CollectionPeriod of(int year) {
    return new Sen2CollectionPeriod(year, LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31),
        LocalDate.of(year, 1, 1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.THURSDAY)));
  }

  /** The date as known on the census date: null if it is later (the return shows the position on that day). */
  public LocalDate asAtReference(LocalDate date) {
    return date == null || date.isAfter(referenceDate) ? null : date;
  }

  /** On or after the start of the calendar year reported. */
  public boolean inOrAfterPeriod(LocalDate date) {
    return date != null && !date.isBefore(start);
  }

  /** Within the calendar year reported. */
  public boolean inPeriod(LocalDate date) {
    return date != null && !date.isBefore(start) && !date.isAfter(end);
  }
}
