package org.ehcpathway.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ehcpathway.statutory.EngineClock;
import org.springframework.stereotype.Service;

/**
 * The timeliness figures, by the DfE's definitions, from the case read model (never from Camunda history). Every
 * event counts in the period it happened; "at the end of the period" means the earlier of its last day and today
 * by the engine clock. Only requests to this council count: plans moved in or imported are left out.
 *
 * <p>The queries are {@link PeriodCounts}'.
 *
 * <p>Whole months that have been over for more than a day come from {@link ClosedMonthFigures}: counted once,
 * kept until a write dated into them drops them. Only the rest of a period (its open month, part months at its
 * edges) is counted on every call. A report is the same either way; {@code ClosedMonthFiguresTest} holds it to
 * that.
 */
@Service
public class TimelinessReports {

  private final PeriodCounts counts;
  private final EngineClock clock;
  private final ClosedMonthFigures closedMonths;

  TimelinessReports(PeriodCounts counts, EngineClock clock, ClosedMonthFigures closedMonths) {
    this.counts = counts;
    this.clock = clock;
    this.closedMonths = closedMonths;
  }

  public TimelinessReport timeliness(LocalDate from, LocalDate to) {
    return reports(ReportPeriods.single(from, to)).get(0);
  }

  /** Each month of {@code year}, and the whole year: its months' events added up, and December's end figures. */
  public MonthlyTimeliness monthly(int year) {
    ReportPeriods months = ReportPeriods.months(YearMonth.of(year, 1), YearMonth.of(year, 12));
    List<PeriodFigures> figures = figures(months);
    PeriodFigures wholeYear = new PeriodFigures();
    figures.forEach(wholeYear::addEvents);
    wholeYear.endFiguresFrom(figures.get(figures.size() - 1));
    return new MonthlyTimeliness(year, reports(months, figures),
        wholeYear.report(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
  }

  /** One report for each calendar month from {@code first} to {@code last}, in one pass of the queries. */
  public List<TimelinessReport> months(YearMonth first, YearMonth last) {
    return reports(ReportPeriods.months(first, last));
  }

  private List<TimelinessReport> reports(ReportPeriods periods) {
    return reports(periods, figures(periods));
  }

  private static List<TimelinessReport> reports(ReportPeriods periods, List<PeriodFigures> figures) {
    List<TimelinessReport> reports = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      reports.add(figures.get(i).report(periods.start(i), periods.end(i)));
    }
    return reports;
  }

  /** The counts behind each period's report: kept months from the store, the rest counted now. */
  private List<PeriodFigures> figures(ReportPeriods periods) {
    LocalDate today = clock.today();
    List<YearMonth[]> keptRanges = new ArrayList<>();
    YearMonth firstKept = null;
    YearMonth lastKept = null;
    for (int i = 0; i < periods.size(); i++) {
      YearMonth[] range = keptRange(periods.start(i), periods.end(i), today);
      keptRanges.add(range);
      if (range != null) {
        firstKept = firstKept == null || range[0].isBefore(firstKept) ? range[0] : firstKept;
        lastKept = lastKept == null || range[1].isAfter(lastKept) ? range[1] : lastKept;
      }
    }
    Map<YearMonth, PeriodFigures> kept = firstKept == null ? Map.of() : keptMonths(firstKept, lastKept, today);
    List<PeriodFigures> figures = new ArrayList<>();
    List<LiveDays> live = new ArrayList<>();
    List<LocalDate> liveEnds = new ArrayList<>();
    List<PeriodFigures> liveEndFigures = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      PeriodFigures f = new PeriodFigures();
      figures.add(f);
      LocalDate start = periods.start(i);
      LocalDate end = periods.end(i);
      YearMonth[] range = keptRanges.get(i);
      if (range == null) {
        live.add(new LiveDays(start, end, f));
      } else {
        for (YearMonth month = range[0]; !month.isAfter(range[1]); month = month.plusMonths(1)) {
          f.addEvents(kept.get(month));
        }
        if (start.isBefore(range[0].atDay(1))) {
          live.add(new LiveDays(start, range[0].atDay(1).minusDays(1), f));
        }
        if (end.isAfter(range[1].atEndOfMonth())) {
          live.add(new LiveDays(range[1].atEndOfMonth().plusDays(1), end, f));
        }
      }
      if (range != null && end.equals(range[1].atEndOfMonth())) {
        f.endFiguresFrom(kept.get(range[1]));
      } else {
        liveEnds.add(end.isAfter(today) ? today : end);
        liveEndFigures.add(f);
      }
    }
    countLive(live);
    if (!liveEnds.isEmpty()) {
      counts.countAtEnds(liveEnds, liveEndFigures);
    }
    return figures;
  }

  /** Days of a period counted from the read model now, whose events are added to {@code figures}. */
  private record LiveDays(LocalDate from, LocalDate to, PeriodFigures figures) {
  }

  /** The first and last whole months of a period whose figures can be kept as of {@code today}; null if none. */
  private YearMonth[] keptRange(LocalDate start, LocalDate end, LocalDate today) {
    YearMonth first = start.getDayOfMonth() == 1 ? YearMonth.from(start) : YearMonth.from(start).plusMonths(1);
    YearMonth last = end.equals(YearMonth.from(end).atEndOfMonth()) ? YearMonth.from(end)
        : YearMonth.from(end).minusMonths(1);
    while (!last.isBefore(first) && !closedMonths.keepable(last, today)) {
      last = last.minusMonths(1);
    }
    return last.isBefore(first) ? null : new YearMonth[] {first, last};
  }

  /** Each month's figures, from the store, or counted (and stored) where the store has none. */
  private Map<YearMonth, PeriodFigures> keptMonths(YearMonth first, YearMonth last, LocalDate today) {
    long generation = closedMonths.generation();
    Map<YearMonth, PeriodFigures> months = closedMonths.load(first, last, today);
    List<YearMonth> missing = Stream.iterate(first, m -> !m.isAfter(last), m -> m.plusMonths(1))
        .filter(m -> !months.containsKey(m)).toList();
    if (missing.isEmpty()) {
      return months;
    }
    ReportPeriods counted = ReportPeriods.months(missing.get(0), missing.get(missing.size() - 1));
    List<PeriodFigures> figures = counts.countEvents(counted);
    counts.countAtEnds(counted.endsUpTo(today), figures);
    Map<YearMonth, PeriodFigures> toKeep = new HashMap<>();
    for (YearMonth month : missing) {
      toKeep.put(month, figures.get(counted.index(month.atDay(1))));
    }
    closedMonths.store(toKeep, generation, today);
    months.putAll(toKeep);
    return months;
  }

  /**
   * Counts the events of each run of live days: whole consecutive months in one pass of the queries (a year's
   * open months), any other days in a pass of their own.
   */
  private void countLive(List<LiveDays> live) {
    boolean wholeMonths = !live.isEmpty() && live.stream().allMatch(days -> days.from().getDayOfMonth() == 1
        && days.to().equals(YearMonth.from(days.from()).atEndOfMonth()));
    if (wholeMonths) {
      ReportPeriods months = ReportPeriods.months(YearMonth.from(live.get(0).from()),
          YearMonth.from(live.get(live.size() - 1).from()));
      if (months.size() == live.size()) {
        List<PeriodFigures> counted = counts.countEvents(months);
        for (LiveDays days : live) {
          days.figures().addEvents(counted.get(months.index(days.from())));
        }
        return;
      }
    }
    for (LiveDays days : live) {
      days.figures().addEvents(counts.countEvents(ReportPeriods.single(days.from(), days.to())).get(0));
    }
  }
}
