package org.ehcpathway.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ehcpathway.statutory.StatutoryDeadlines;

/**
 * How long each step of the pathway has taken this council lately (median days, plans issued in the last 12
 * months), for forecasting when an open case's plan will be issued. A step with no recent history is assumed to
 * keep to the statutory timetable: decision by week 6, decision to issue by about week 12, draft by week 14
 * (CoP 9.77), final plan by week 20.
 */
record StepDurations(Map<Step, Long> medianDays) {

  /** The four steps from request to final plan, each ending in a dated event on the case record. */
  enum Step {
    DECIDE_WHETHER_TO_ASSESS(42), DECIDE_WHETHER_TO_ISSUE(42), DRAFT_PLAN(14), FINAL_PLAN(42);

    private final long statutoryTimetableDays;

    Step(long statutoryTimetableDays) {
      this.statutoryTimetableDays = statutoryTimetableDays;
    }
  }

  /** One issued plan's dated steps: received, decision to assess, decision to issue, draft served, final plan. */
  record History(LocalDate received, LocalDate decidedToAssess, LocalDate decidedToIssue, LocalDate draftServed,
      LocalDate issued) {
  }

  static StepDurations from(List<History> plans, StatutoryDeadlines rules) {
    Map<Step, List<Long>> days = new EnumMap<>(Step.class);
    for (Step step : Step.values()) {
      days.put(step, new ArrayList<>());
    }
    for (History plan : plans) {
      add(days.get(Step.DECIDE_WHETHER_TO_ASSESS), plan.received(), plan.decidedToAssess(), rules);
      add(days.get(Step.DECIDE_WHETHER_TO_ISSUE), plan.decidedToAssess(), plan.decidedToIssue(), rules);
      add(days.get(Step.DRAFT_PLAN), plan.decidedToIssue(), plan.draftServed(), rules);
      add(days.get(Step.FINAL_PLAN), plan.draftServed(), plan.issued(), rules);
    }
    Map<Step, Long> medians = new EnumMap<>(Step.class);
    days.forEach((step, list) -> medians.put(step, list.isEmpty() ? step.statutoryTimetableDays : median(list)));
    return new StepDurations(medians);
  }

  /** The day an open case's plan would be issued: the current step at its median, then the rest at theirs. */
  LocalDate forecastIssue(Step current, LocalDate currentStepStarted, LocalDate today) {
    LocalDate endOfCurrent = currentStepStarted.plusDays(medianDays.get(current));
    LocalDate forecast = endOfCurrent.isBefore(today) ? today : endOfCurrent;
    for (Step later : Step.values()) {
      if (later.ordinal() > current.ordinal()) {
        forecast = forecast.plusDays(medianDays.get(later));
      }
    }
    return forecast;
  }

  private static void add(List<Long> days, LocalDate start, LocalDate end, StatutoryDeadlines rules) {
    if (start != null && end != null && !end.isBefore(start)) {
      days.add(rules.daysUntil(start, end));
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
