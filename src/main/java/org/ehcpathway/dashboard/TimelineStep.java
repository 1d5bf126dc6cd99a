package org.ehcpathway.dashboard;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One statutory step of a case against its deadline. {@code deadlineWeek} and {@code doneWeek} count weeks from the
 * request (one decimal place) for the chart; {@code doneWeek} is null until the step is done.
 */
public record TimelineStep(String step, String rule, LocalDate deadline, LocalDate done, Result result,
    String detail, Double deadlineWeek, Double doneWeek) {

  /** How the step stands; {@link #text()} says it in words, so the colour is never the only sign. */
  public enum Result {
    ON_TIME("On time"), LATE("Late"), DUE("Due"), OVERDUE("Overdue"), WENT_ON_WITHOUT("Went on without it"),
    NOT_REACHED("Not reached");

    private final String text;

    Result(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }

    public String css() {
      return name().toLowerCase(Locale.UK).replace('_', '-');
    }
  }

  public String deadlineText() {
    return Figures.date(deadline);
  }

  public String doneText() {
    return Figures.date(done);
  }

  public String deadlineWeekText() {
    return weeks(deadlineWeek);
  }

  public String doneWeekText() {
    return weeks(doneWeek);
  }

  private static String weeks(Double weeks) {
    return weeks == null ? "" : String.format(Locale.UK, "%.1f", weeks);
  }
}
