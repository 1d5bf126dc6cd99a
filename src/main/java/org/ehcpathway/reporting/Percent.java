package org.ehcpathway.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages and medians as the reports show them: one decimal place, half up; null when undefined. */
public final class Percent {

  private Percent() {
  }

  public static Double of(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).doubleValue();
  }

  static Double oneDecimal(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }
}
