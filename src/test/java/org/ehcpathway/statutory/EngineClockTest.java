package org.ehcpathway.statutory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineClockTest {

  private final EngineClock clock = new EngineClock();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void todayIsTheLondonDateOfTheEngineClock() {
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-06-30T23:30:00Z")));
    assertThat(clock.today()).isEqualTo("2026-07-01");   // 00:30 BST
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-12-31T23:30:00Z")));
    assertThat(clock.today()).isEqualTo("2026-12-31");   // GMT
  }

  @Test
  void aDueDateIsTheLastMomentOfTheStatutoryDateInLondon() {
    assertThat(EngineClock.endOf(LocalDate.parse("2026-05-25")).toInstant())
        .isEqualTo(Instant.parse("2026-05-25T22:59:59Z"));
    assertThat(EngineClock.endOf(LocalDate.parse("2026-02-16")).toInstant())
        .isEqualTo(Instant.parse("2026-02-16T23:59:59Z"));
    assertThat(EngineClock.dateOf(EngineClock.endOf(LocalDate.parse("2026-05-25")))).isEqualTo("2026-05-25");
    assertThat(EngineClock.startOf(LocalDate.parse("2026-03-17")).toInstant())
        .isEqualTo(Instant.parse("2026-03-17T00:00:00Z"));
  }
}
