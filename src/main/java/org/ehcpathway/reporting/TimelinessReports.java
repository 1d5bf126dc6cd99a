package org.ehcpathway.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The timeliness figures, by the DfE's definitions, from the case read model (never from Camunda history). Every
 * event counts in the period it happened; "at the end of the period" means the earlier of its last day and today
 * by the engine clock. Only requests to this council count: plans moved in or imported are left out.
 *
 * <p>Each query groups its events by calendar month ({@link ReportPeriods}), so a year's twelve monthly reports cost
 * the same queries as one report; only the "at the end of the period" figures are asked once per period.
 *
 * <p>Whole months that have been over for more than a day come from {@link ClosedMonthFigures}: counted once,
 * kept until a write dated into them drops them. Only the rest of a period (its open month, part months at its
 * edges) is counted on every call. A report is the same either way; {@code ClosedMonthFiguresTest} holds it to
 * that.
 */
@Service
public class TimelinessReports {

  private static final String REQUESTS = "origin = 'REQUEST'";

  private final JdbcClient jdbc;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final ClosedMonthFigures closedMonths;

  TimelinessReports(JdbcClient jdbc, StatutoryDeadlines rules, EngineClock clock, ClosedMonthFigures closedMonths) {
    this.jdbc = jdbc;
    this.rules = rules;
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
      countAtEnds(liveEnds, liveEndFigures);
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
    List<PeriodFigures> figures = countEvents(counted);
    countAtEnds(counted.endsUpTo(today), figures);
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
        List<PeriodFigures> counted = countEvents(months);
        for (LiveDays days : live) {
          days.figures().addEvents(counted.get(months.index(days.from())));
        }
        return;
      }
    }
    for (LiveDays days : live) {
      days.figures().addEvents(countEvents(ReportPeriods.single(days.from(), days.to())).get(0));
    }
  }

  private List<PeriodFigures> countEvents(ReportPeriods periods) {
    List<PeriodFigures> figures = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      figures.add(new PeriodFigures());
    }
    countRequests(periods, figures);
    countDecisionsToAssess(periods, figures);
    countNoPlanDecisions(periods, figures);
    countNewPlans(periods, figures);
    countAdvice(periods, figures);
    countReviewDecisions(periods, figures);
    countPhaseTransfers(periods, figures);
    return figures;
  }

  /** The figures at the end of each period ({@code ends} ascending, one per figures). */
  private void countAtEnds(List<LocalDate> ends, List<PeriodFigures> figures) {
    countOutstandingAdvice(ends, figures);
    countReviewsOverdue(ends, figures);
  }

  private void countRequests(ReportPeriods periods, List<PeriodFigures> figures) {
    String month = ReportPeriods.yearMonth("request_received_date");
    jdbc.sql("SELECT " + month + ", request_source, created_by, COUNT(*) FROM ehc_case WHERE " + REQUESTS
            + " AND request_received_date BETWEEN ? AND ? GROUP BY " + month + ", request_source, created_by")
        .params(periods.first(), periods.last())
        .query(rs -> {
          long requests = rs.getLong(4);
          figures.get(periods.index(rs.getInt(1))).tallies.each(rs.getString(2), rs.getString(3),
              tally -> tally.requests += requests);
        });
  }

  private void countDecisionsToAssess(ReportPeriods periods, List<PeriodFigures> figures) {
    String month = ReportPeriods.yearMonth("decision_to_assess_date");
    jdbc.sql("SELECT " + month + ", request_source, created_by, COUNT(*),"
            + " SUM(CASE WHEN status = 'NOT_ASSESSED' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN decision_to_assess_date <= decision_to_assess_due THEN 1 ELSE 0 END)"
            + " FROM ehc_case WHERE " + REQUESTS + " AND decision_to_assess_date BETWEEN ? AND ?"
            + " GROUP BY " + month + ", request_source, created_by")
        .params(periods.first(), periods.last())
        .query(rs -> {
          PeriodFigures f = figures.get(periods.index(rs.getInt(1)));
          f.refusals += rs.getLong(5);
          long decisions = rs.getLong(4);
          long within6Weeks = rs.getLong(6);
          f.tallies.each(rs.getString(2), rs.getString(3), tally -> {
            tally.decisions += decisions;
            tally.decisionsWithin6Weeks += within6Weeks;
          });
        });
  }

  private void countNoPlanDecisions(ReportPeriods periods, List<PeriodFigures> figures) {
    String month = ReportPeriods.yearMonth("decision_to_issue_date");
    jdbc.sql("SELECT " + month + ", COUNT(*), SUM(CASE WHEN decision_to_issue_date <= no_plan_decision_due"
            + " THEN 1 ELSE 0 END) FROM ehc_case WHERE " + REQUESTS + " AND status = 'NO_PLAN'"
            + " AND decision_to_issue_date BETWEEN ? AND ? GROUP BY " + month)
        .params(periods.first(), periods.last())
        .query(rs -> {
          PeriodFigures f = figures.get(periods.index(rs.getInt(1)));
          f.noPlan += rs.getLong(2);
          f.noPlanWithin16Weeks += rs.getLong(3);
        });
  }

  private void countNewPlans(ReportPeriods periods, List<PeriodFigures> figures) {
    jdbc.sql("SELECT request_source, created_by, request_received_date, final_plan_issued_date, final_plan_due,"
            + " week20_exception_applies FROM ehc_case WHERE " + REQUESTS
            + " AND final_plan_issued_date BETWEEN ? AND ?")
        .params(periods.first(), periods.last())
        .query(rs -> {
          LocalDate received = rs.getObject(3, LocalDate.class);
          LocalDate issued = rs.getObject(4, LocalDate.class);
          boolean onTime = !issued.isAfter(rs.getObject(5, LocalDate.class));
          PeriodFigures f = figures.get(periods.index(issued));
          f.plans.add(rules.daysUntil(received, issued), onTime, rs.getBoolean(6),
              rules.issuedAfter52Weeks(received, issued));
          f.tallies.each(rs.getString(1), rs.getString(2), tally -> {
            tally.plans++;
            tally.plansWithin20Weeks += onTime ? 1 : 0;
          });
        });
  }

  private void countAdvice(ReportPeriods periods, List<PeriodFigures> figures) {
    String requested = ReportPeriods.yearMonth("requested_date");
    jdbc.sql("SELECT " + requested + ", advice_type, COUNT(*) FROM case_advice WHERE purpose = 'ASSESSMENT'"
            + " AND requested_date BETWEEN ? AND ? GROUP BY " + requested + ", advice_type")
        .params(periods.first(), periods.last())
        .query(rs -> {
          figures.get(periods.index(rs.getInt(1))).advice(rs.getString(2))[0] += rs.getLong(3);
        });
    String returned = ReportPeriods.yearMonth("returned_date");
    jdbc.sql("SELECT " + returned + ", advice_type, COUNT(*), SUM(CASE WHEN returned_date <= due_date THEN 1"
            + " ELSE 0 END) FROM case_advice WHERE purpose = 'ASSESSMENT' AND returned_date BETWEEN ? AND ?"
            + " GROUP BY " + returned + ", advice_type")
        .params(periods.first(), periods.last())
        .query(rs -> {
          long[] counts = figures.get(periods.index(rs.getInt(1))).advice(rs.getString(2));
          counts[1] += rs.getLong(3);
          counts[2] += rs.getLong(4);
        });
  }

  /**
   * Advice past its due date at the end of each period ({@code ends}, in period order), neither returned nor closed
   * without it, on a case open then: still awaited then, by {@code awaited_until}. Only advice awaited now or
   * until after the first end can count, and only that is read (by index), once: one {@code COUNT} column per
   * distinct end. (Not a join to a table of the ends: H2 runs the union again for each end.)
   */
  private void countOutstandingAdvice(List<LocalDate> ends, List<PeriodFigures> figures) {
    List<LocalDate> distinct = new ArrayList<>(new TreeSet<>(ends));
    Map<LocalDate, Map<String, Long>> outstanding = new HashMap<>();
    List<Object> params = new ArrayList<>();
    String counts = countPerEnd(distinct,
        "requested_date <= ? AND due_date < ? AND (awaited_until IS NULL OR awaited_until > ?)", params);
    params.addAll(List.of(ends.get(ends.size() - 1), ends.get(0), ends.get(ends.size() - 1)));
    jdbc.sql("SELECT advice_type, " + counts + " FROM ("
            + " SELECT advice_type, requested_date, due_date, awaited_until FROM case_advice"
            + " WHERE awaited_until IS NULL AND due_date < ? AND purpose = 'ASSESSMENT'"
            + " UNION ALL SELECT advice_type, requested_date, due_date, awaited_until FROM case_advice"
            + " WHERE awaited_until > ? AND due_date < ? AND awaited_until > due_date AND purpose = 'ASSESSMENT'"
            + ") a GROUP BY advice_type")
        .params(params)
        .query(rs -> {
          for (int i = 0; i < distinct.size(); i++) {
            long count = rs.getLong(i + 2);
            if (count > 0) {
              outstanding.computeIfAbsent(distinct.get(i), k -> new HashMap<>()).put(rs.getString(1), count);
            }
          }
        });
    for (int i = 0; i < ends.size(); i++) {
      PeriodFigures f = figures.get(i);
      outstanding.getOrDefault(ends.get(i), Map.of()).forEach((type, count) -> f.advice(type)[3] = count);
    }
  }

  private void countReviewDecisions(ReportPeriods periods, List<PeriodFigures> figures) {
    String month = ReportPeriods.yearMonth("decision_date");
    jdbc.sql("SELECT " + month + ", COUNT(*), SUM(CASE WHEN decision_date <= decision_due THEN 1 ELSE 0 END)"
            + " FROM plan_review WHERE decision_date BETWEEN ? AND ? GROUP BY " + month)
        .params(periods.first(), periods.last())
        .query(rs -> {
          PeriodFigures f = figures.get(periods.index(rs.getInt(1)));
          f.reviewDecisions += rs.getLong(2);
          f.reviewDecisionsWithin4Weeks += rs.getLong(3);
        });
  }

  /**
   * Review cycles past their due date at the end of each period and still awaiting a decision then (undecided, of a
   * plan not ceased: {@code awaited_until}). Only cycles awaited now, or until after the first end, can count, and
   * only those are read (by index), once: one {@code COUNT} column per distinct end.
   */
  private void countReviewsOverdue(List<LocalDate> ends, List<PeriodFigures> figures) {
    List<LocalDate> distinct = new ArrayList<>(new TreeSet<>(ends));
    Map<LocalDate, Long> overdue = new HashMap<>();
    List<Object> params = new ArrayList<>();
    String counts = countPerEnd(distinct, "due_date < ? AND (awaited_until IS NULL OR awaited_until > ?)", params);
    params.addAll(List.of(ends.get(ends.size() - 1), ends.get(0), ends.get(ends.size() - 1)));
    jdbc.sql("SELECT " + counts + " FROM ("
            + " SELECT due_date, awaited_until FROM plan_review WHERE awaited_until IS NULL AND due_date < ?"
            + " UNION ALL SELECT due_date, awaited_until FROM plan_review"
            + " WHERE awaited_until > ? AND due_date < ? AND awaited_until > due_date) r")
        .params(params)
        .query(rs -> {
          for (int i = 0; i < distinct.size(); i++) {
            overdue.put(distinct.get(i), rs.getLong(i + 1));
          }
        });
    for (int i = 0; i < ends.size(); i++) {
      figures.get(i).reviewsOverdue = overdue.getOrDefault(ends.get(i), 0L);
    }
  }

  /**
   * One {@code COUNT} column per period end, of the rows meeting {@code condition} at that end: each of its
   * {@code ?} is bound to the end, in {@code params}.
   */
  private static String countPerEnd(List<LocalDate> ends, String condition, List<Object> params) {
    long placeholders = condition.chars().filter(c -> c == '?').count();
    List<String> columns = new ArrayList<>();
    for (LocalDate end : ends) {
      columns.add("COUNT(CASE WHEN " + condition + " THEN 1 END)");
      for (int i = 0; i < placeholders; i++) {
        params.add(end);
      }
    }
    return String.join(", ", columns);
  }

  /**
   * Plans whose next phase transfer's deadline (15 Feb, 31 Mar, or 5 months before a post-16 move) falls in the
   * period, and those with an amended plan issued in the 12 months up to it.
   */
  private void countPhaseTransfers(ReportPeriods periods, List<PeriodFigures> figures) {
    Map<String, LocalDate> deadlines = new TreeMap<>();
    Map<String, List<LocalDate>> amendedPlans = new TreeMap<>();
    jdbc.sql("""
            SELECT p.case_reference, p.phase_transfer_deadline, r.amended_plan_issued_date FROM ehc_plan p
            LEFT JOIN plan_review r ON r.case_reference = p.case_reference AND r.amended_plan_issued_date IS NOT NULL
            WHERE p.phase_transfer_deadline BETWEEN ? AND ?""")
        .params(periods.first(), periods.last())
        .query(rs -> {
          deadlines.put(rs.getString(1), rs.getObject(2, LocalDate.class));
          LocalDate amended = rs.getObject(3, LocalDate.class);
          if (amended != null) {
            amendedPlans.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(amended);
          }
        });
    for (var transfer : deadlines.entrySet()) {
      LocalDate deadline = transfer.getValue();
      PeriodFigures f = figures.get(periods.index(deadline));
      f.phaseTransfersDue++;
      f.phaseTransfersOnTime += amendedPlans.getOrDefault(transfer.getKey(), List.of()).stream()
          .anyMatch(day -> !day.isAfter(deadline) && day.isAfter(deadline.minusYears(1))) ? 1 : 0;
    }
  }
}
