package org.ehcpathway.review;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A plan's next phase transfer as written in the API and the import CSV: SCHOOL:YYYY, POST16:YYYY or
 * POST16_TO_POST16:YYYY-MM-DD, with a real date and a year from 2014 to 2100. Checked before it is stored,
 * because every timeliness report and review schedule reads it back.
 */
final class NextPhaseTransfer {

  static final String FORMAT = "(SCHOOL|POST16):\\d{4}|POST16_TO_POST16:\\d{4}-\\d{2}-\\d{2}";
  static final String EXPECTED = "must be SCHOOL:YYYY, POST16:YYYY or POST16_TO_POST16:YYYY-MM-DD";

  private NextPhaseTransfer() {
  }

  /** What is wrong with the value, or null when it is good. */
  static String problem(String value) {
    if (value == null || !value.matches(FORMAT)) {
      return EXPECTED;
    }
    String when = value.substring(value.indexOf(':') + 1);
    int year = Integer.parseInt(when.substring(0, 4));
    if (year < 2014 || year > 2100) {
      return "must be in a year from 2014 to 2100";
    }
    if (when.length() > 4) {
      try {
        LocalDate.parse(when);
      } catch (DateTimeException e) {
        return "'" + when + "' is not a date";
      }
    }
    return null;
  }
}
