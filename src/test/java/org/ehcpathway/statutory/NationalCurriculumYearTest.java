package org.ehcpathway.statutory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NationalCurriculumYearTest {

  @ParameterizedTest(name = "born {1}, on {0}: year {2}")
  @CsvSource({
      "2026-11-23, 2013-08-31, 9",    // youngest of Year 9 in 2026/27
      "2026-11-23, 2012-09-01, 9",    // oldest of Year 9
      "2026-11-23, 2013-09-01, 8",
      "2026-11-23, 2021-09-01, 0",    // Reception
      "2026-11-23, 2023-01-15, -1",   // starts Reception in September 2027
      "2026-08-31, 2013-08-31, 8",    // the last day of the 2025/26 school year
      "2026-09-01, 2013-08-31, 9",
  })
  void yearGroupChangesOnTheFirstOfSeptember(LocalDate on, LocalDate born, int year) {
    assertThat(NationalCurriculumYear.on(on, born)).isEqualTo(year);
  }
}
