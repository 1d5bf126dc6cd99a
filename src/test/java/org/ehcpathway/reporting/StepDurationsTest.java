package org.ehcpathway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.ehcpathway.reporting.StepDurations.History;
import org.ehcpathway.reporting.StepDurations.Step;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.ehcpathway.statutory.WorkingDays;
import org.junit.jupiter.api.Test;

class StepDurationsTest {

  final StatutoryDeadlines rules = new StatutoryDeadlines(WorkingDays.englandAndWales());

  @Test
  void withNoHistoryAnOpenCaseIsForecastOnTheStatutoryTimetable() {
    StepDurations pace = StepDurations.from(List.of(), rules);
    LocalDate received = LocalDate.parse("2029-01-07");
    // 6 weeks to decide, then 6 + 2 + 6 weeks: issued at exactly 20 weeks
    assertThat(pace.forecastIssue(Step.DECIDE_WHETHER_TO_ASSESS, received, received))
        .isEqualTo(rules.finalPlan(received));
  }

  @Test
  void theCouncilsMedianPaceDrivesTheForecastAndAStepAlreadyOverrunEndsNoEarlierThanToday() {
    LocalDate received = LocalDate.parse("2028-01-03");
    List<History> plans = List.of(
        new History(received, received.plusDays(30), received.plusDays(100), received.plusDays(110),
            received.plusDays(160)),
        new History(received, received.plusDays(40), received.plusDays(120), received.plusDays(130),
            received.plusDays(190)),
        new History(received, received.plusDays(50), received.plusDays(110), received.plusDays(125),
            received.plusDays(170)));
    StepDurations pace = StepDurations.from(plans, rules);
    // medians: decide 40, issue decision 70, draft 10, final 50
    LocalDate today = LocalDate.parse("2029-03-01");
    assertThat(pace.forecastIssue(Step.DECIDE_WHETHER_TO_ISSUE, today.minusDays(20), today))
        .isEqualTo(today.plusDays(50 + 10 + 50));
    // in the advice step for 100 days already: assumed to finish today, then draft and final plan
    assertThat(pace.forecastIssue(Step.DECIDE_WHETHER_TO_ISSUE, today.minusDays(100), today))
        .isEqualTo(today.plusDays(10 + 50));
    assertThat(pace.forecastIssue(Step.FINAL_PLAN, today.minusDays(5), today)).isEqualTo(today.plusDays(45));
  }
}
