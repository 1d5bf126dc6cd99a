package org.ehcpathway.statutory;

import java.time.LocalDate;
import java.time.Month;

/**
 * The national curriculum year group of a child on a given date: the school year starts on 1 September and
 * a child starts Reception (year 0) in the September after their fourth birthday. Negative before Reception.
 */
public final class NationalCurriculumYear {

  private NationalCurriculumYear() {
  }

  public static int on(LocalDate date, LocalDate dateOfBirth) {
    int schoolYearStart = date.getMonth().compareTo(Month.SEPTEMBER) >= 0 ? date.getYear() : date.getYear() - 1;
    int cohortStart = dateOfBirth.getMonth().compareTo(Month.SEPTEMBER) >= 0
        ? dateOfBirth.getYear() : dateOfBirth.getYear() - 1;
    return schoolYearStart - cohortStart - 5;
  }
}
