package org.ehcpathway.statutory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one source of "now" and "today": the process engine's clock, so that simulated time moves processes,
 * deadlines, reports and emails together. All statutory dates are dates in Europe/London.
 */
@Component
public class EngineClock {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), LONDON);
  }

  /** The last moment of a statutory date in London: a task due on that date is not late until it has passed. */
  public static Date endOf(LocalDate date) {
    return Date.from(date.atTime(LocalTime.MAX).withNano(0).atZone(LONDON).toInstant());
  }

  /** The first moment of a date in London. */
  public static Date startOf(LocalDate date) {
    return Date.from(date.atStartOfDay(LONDON).toInstant());
  }

  public static LocalDate dateOf(Date instant) {
    return LocalDate.ofInstant(instant.toInstant(), LONDON);
  }

  public void set(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** Back to real time. */
  public void reset() {
    ClockUtil.reset();
  }
}
