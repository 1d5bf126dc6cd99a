package org.ehcpathway.reporting;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.ehcpathway.advice.AdviceType;

/**
 * The counts behind one period's report. Two kinds: counts of events in the period, which add up from months to a
 * year ({@link #addEvents}), and counts at the end of the period (advice outstanding, reviews overdue), which are
 * the last month's ({@link #endFiguresFrom}). Stored as JSON for closed months ({@link ClosedMonthFigures}), so
 * every field is a plain value or collection.
 */
final class PeriodFigures {

  Tallies tallies = new Tallies();
  NewPlans plans = new NewPlans();
  /** Per advice type: {requested, returned, returnedWithin6Weeks, outstandingOverdue at the end}. */
  LinkedHashMap<String, long[]> advice = new LinkedHashMap<>();
  long refusals;
  long noPlan;
  long noPlanWithin16Weeks;
  long reviewDecisions;
  long reviewDecisionsWithin4Weeks;
  long phaseTransfersDue;
  long phaseTransfersOnTime;
  long reviewsOverdue;

  PeriodFigures() {
    for (AdviceType type : AdviceType.values()) {
      advice.put(type.name(), new long[4]);
    }
  }

  long[] advice(String type) {
    return advice.computeIfAbsent(type, k -> new long[4]);
  }

  /** Adds the events of {@code other}, a period just before or after this one. */
  void addEvents(PeriodFigures other) {
    tallies.add(other.tallies);
    plans.add(other.plans);
    other.advice.forEach((type, counts) -> {
      long[] mine = advice(type);
      for (int i = 0; i < 3; i++) {
        mine[i] += counts[i];
      }
    });
    refusals += other.refusals;
    noPlan += other.noPlan;
    noPlanWithin16Weeks += other.noPlanWithin16Weeks;
    reviewDecisions += other.reviewDecisions;
    reviewDecisionsWithin4Weeks += other.reviewDecisionsWithin4Weeks;
    phaseTransfersDue += other.phaseTransfersDue;
    phaseTransfersOnTime += other.phaseTransfersOnTime;
  }

  /** The figures at the end of {@code other}'s period, which ends when this one does. */
  void endFiguresFrom(PeriodFigures other) {
    advice.values().forEach(counts -> counts[3] = 0);
    other.advice.forEach((type, counts) -> advice(type)[3] = counts[3]);
    reviewsOverdue = other.reviewsOverdue;
  }

  TimelinessReport report(LocalDate from, LocalDate to) {
    Tallies.Tally total = tallies.total;
    Map<String, TimelinessReport.AdviceTimeliness> adviceFigures = new LinkedHashMap<>();
    advice.forEach((type, c) -> adviceFigures.put(type, new TimelinessReport.AdviceTimeliness(c[0], c[1], c[2],
        c[3])));
    return new TimelinessReport(from, to, total.requests,
        new TimelinessReport.DecisionsToAssess(total.decisions, total.decisions - refusals, refusals,
            total.decisionsWithin6Weeks, Percent.of(total.decisionsWithin6Weeks, total.decisions)),
        new TimelinessReport.NoPlanDecisions(noPlan, noPlanWithin16Weeks, Percent.of(noPlanWithin16Weeks, noPlan)),
        plans.figures(),
        adviceFigures,
        new TimelinessReport.Reviews(reviewDecisions, reviewDecisionsWithin4Weeks,
            Percent.of(reviewDecisionsWithin4Weeks, reviewDecisions), reviewsOverdue, phaseTransfersDue,
            phaseTransfersOnTime),
        tallies.breakdown(tallies.bySource),
        tallies.breakdown(tallies.byCaseworker));
  }

  /**
   * New plans issued in the period, with and without the reg 13(3) exceptions, and how long they took: the days
   * from request to plan as a distribution (days to how many plans), so that months add up to a year's median.
   */
  static final class NewPlans {
    long issued;
    long onTime;
    long issuedExcluding;
    long onTimeExcluding;
    long over52Weeks;
    TreeMap<Long, Long> plansByDays = new TreeMap<>();

    void add(long days, boolean within20Weeks, boolean exceptionApplies, boolean after52Weeks) {
      issued++;
      onTime += within20Weeks ? 1 : 0;
      if (!exceptionApplies) {
        issuedExcluding++;
        onTimeExcluding += within20Weeks ? 1 : 0;
      }
      over52Weeks += after52Weeks ? 1 : 0;
      plansByDays.merge(days, 1L, Long::sum);
    }

    void add(NewPlans other) {
      issued += other.issued;
      onTime += other.onTime;
      issuedExcluding += other.issuedExcluding;
      onTimeExcluding += other.onTimeExcluding;
      over52Weeks += other.over52Weeks;
      other.plansByDays.forEach((days, plans) -> plansByDays.merge(days, plans, Long::sum));
    }

    TimelinessReport.NewPlans figures() {
      return new TimelinessReport.NewPlans(issued, onTime, Percent.of(onTime, issued), issuedExcluding,
          onTimeExcluding, Percent.of(onTimeExcluding, issuedExcluding), medianWeeks(), over52Weeks);
    }

    private Double medianWeeks() {
      long count = plansByDays.values().stream().mapToLong(Long::longValue).sum();
      if (count == 0) {
        return null;
      }
      double medianDays = count % 2 == 1 ? nth(count / 2) : (nth(count / 2 - 1) + nth(count / 2)) / 2.0;
      return Percent.oneDecimal(medianDays / 7.0);
    }

    /** The {@code n}th smallest number of days (from 0). */
    private long nth(long n) {
      long seen = 0;
      for (Map.Entry<Long, Long> entry : plansByDays.entrySet()) {
        seen += entry.getValue();
        if (n < seen) {
          return entry.getKey();
        }
      }
      throw new IllegalArgumentException("Only " + seen + " plans");
    }
  }
}
