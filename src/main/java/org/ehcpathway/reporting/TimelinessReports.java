package org.ehcpathway.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ehcpathway.advice.AdviceType;
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
 */
@Service
public class TimelinessReports {

  private static final String REQUESTS = "origin = 'REQUEST'";

  private final JdbcClient jdbc;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;

  public TimelinessReports(JdbcClient jdbc, StatutoryDeadlines rules, EngineClock clock) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.clock = clock;
  }

  public TimelinessReport timeliness(LocalDate from, LocalDate to) {
    return reports(ReportPeriods.single(from, to)).get(0);
  }

  /** Each month of {@code year}, and the whole year; the months' counts add up to the year's. */
  public MonthlyTimeliness monthly(int year) {
    return new MonthlyTimeliness(year, months(YearMonth.of(year, 1), YearMonth.of(year, 12)),
        timeliness(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
  }

  /** One report for each calendar month from {@code first} to {@code last}, in one pass of the queries. */
  public List<TimelinessReport> months(YearMonth first, YearMonth last) {
    return reports(ReportPeriods.months(first, last));
  }

  private List<TimelinessReport> reports(ReportPeriods periods) {
    List<Figures> figures = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      figures.add(new Figures());
    }
    countRequests(periods, figures);
    countDecisionsToAssess(periods, figures);
    countNoPlanDecisions(periods, figures);
    countNewPlans(periods, figures);
    countAdvice(periods, figures);
    countReviewDecisions(periods, figures);
    countPhaseTransfers(periods, figures);
    List<LocalDate> ends = periods.endsUpTo(clock.today());
    countOutstandingAdvice(ends, figures);
    countReviewsOverdue(ends, figures);
    List<TimelinessReport> reports = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      reports.add(figures.get(i).report(periods.start(i), periods.end(i)));
    }
    return reports;
  }

  private void countRequests(ReportPeriods periods, List<Figures> figures) {
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

  private void countDecisionsToAssess(ReportPeriods periods, List<Figures> figures) {
    String month = ReportPeriods.yearMonth("decision_to_assess_date");
    jdbc.sql("SELECT " + month + ", request_source, created_by, COUNT(*),"
            + " SUM(CASE WHEN status = 'NOT_ASSESSED' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN decision_to_assess_date <= decision_to_assess_due THEN 1 ELSE 0 END)"
            + " FROM ehc_case WHERE " + REQUESTS + " AND decision_to_assess_date BETWEEN ? AND ?"
            + " GROUP BY " + month + ", request_source, created_by")
        .params(periods.first(), periods.last())
        .query(rs -> {
          Figures f = figures.get(periods.index(rs.getInt(1)));
          f.refusals += rs.getLong(5);
          long decisions = rs.getLong(4);
          long within6Weeks = rs.getLong(6);
          f.tallies.each(rs.getString(2), rs.getString(3), tally -> {
            tally.decisions += decisions;
            tally.decisionsWithin6Weeks += within6Weeks;
          });
        });
  }

  private void countNoPlanDecisions(ReportPeriods periods, List<Figures> figures) {
    String month = ReportPeriods.yearMonth("decision_to_issue_date");
    jdbc.sql("SELECT " + month + ", COUNT(*), SUM(CASE WHEN decision_to_issue_date <= no_plan_decision_due"
            + " THEN 1 ELSE 0 END) FROM ehc_case WHERE " + REQUESTS + " AND status = 'NO_PLAN'"
            + " AND decision_to_issue_date BETWEEN ? AND ? GROUP BY " + month)
        .params(periods.first(), periods.last())
        .query(rs -> {
          Figures f = figures.get(periods.index(rs.getInt(1)));
          f.noPlan += rs.getLong(2);
          f.noPlanWithin16Weeks += rs.getLong(3);
        });
  }

  private void countNewPlans(ReportPeriods periods, List<Figures> figures) {
    jdbc.sql("SELECT request_source, created_by, request_received_date, final_plan_issued_date, final_plan_due,"
            + " week20_exception_applies FROM ehc_case WHERE " + REQUESTS
            + " AND final_plan_issued_date BETWEEN ? AND ?")
        .params(periods.first(), periods.last())
        .query(rs -> {
          LocalDate received = rs.getObject(3, LocalDate.class);
          LocalDate issued = rs.getObject(4, LocalDate.class);
          boolean onTime = !issued.isAfter(rs.getObject(5, LocalDate.class));
          Figures f = figures.get(periods.index(issued));
          f.plans.add(received, issued, onTime, rs.getBoolean(6));
          f.tallies.each(rs.getString(1), rs.getString(2), tally -> {
            tally.plans++;
            tally.plansWithin20Weeks += onTime ? 1 : 0;
          });
        });
  }

  private void countAdvice(ReportPeriods periods, List<Figures> figures) {
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
  private void countOutstandingAdvice(List<LocalDate> ends, List<Figures> figures) {
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
      Figures f = figures.get(i);
      outstanding.getOrDefault(ends.get(i), Map.of()).forEach((type, count) -> f.advice(type)[3] = count);
    }
  }

  private void countReviewDecisions(ReportPeriods periods, List<Figures> figures) {
    String month = ReportPeriods.yearMonth("decision_date");
    jdbc.sql("SELECT " + month + ", COUNT(*), SUM(CASE WHEN decision_date <= decision_due THEN 1 ELSE 0 END)"
            + " FROM plan_review WHERE decision_date BETWEEN ? AND ? GROUP BY " + month)
        .params(periods.first(), periods.last())
        .query(rs -> {
          Figures f = figures.get(periods.index(rs.getInt(1)));
          f.reviewDecisions += rs.getLong(2);
          f.reviewDecisionsWithin4Weeks += rs.getLong(3);
        });
  }

  /**
   * Review cycles past their due date at the end of each period with no decision by then, of plans not ceased by
   * then. Only cycles undecided now, or decided late after the first end, can count, and only those are read, once:
   * one {@code COUNT} column per distinct end.
   */
  private void countReviewsOverdue(List<LocalDate> ends, List<Figures> figures) {
    List<LocalDate> distinct = new ArrayList<>(new TreeSet<>(ends));
    Map<LocalDate, Long> overdue = new HashMap<>();
    List<Object> params = new ArrayList<>();
    String counts = countPerEnd(distinct, "r.due_date < ? AND (r.decision_date IS NULL OR r.decision_date > ?)"
        + " AND (p.ceased_date IS NULL OR p.ceased_date > ?)", params);
    params.addAll(List.of(ends.get(ends.size() - 1), ends.get(0), ends.get(ends.size() - 1)));
    jdbc.sql("SELECT " + counts + " FROM ("
            + " SELECT case_reference, due_date, decision_date FROM plan_review"
            + " WHERE decision_date IS NULL AND due_date < ?"
            + " UNION ALL SELECT case_reference, due_date, decision_date FROM plan_review"
            + " WHERE decision_date > ? AND due_date < ? AND decision_date > due_date"
            + ") r JOIN ehc_plan p ON p.case_reference = r.case_reference")
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
   * One {@code COUNT} column per period end, of the rows meeting {@code condition} at that end: its three
   * {@code ?} are each bound to the end, in {@code params}.
   */
  private static String countPerEnd(List<LocalDate> ends, String condition, List<Object> params) {
    List<String> columns = new ArrayList<>();
    for (LocalDate end : ends) {
      columns.add("COUNT(CASE WHEN " + condition + " THEN 1 END)");
      params.addAll(List.of(end, end, end));
    }
    return String.join(", ", columns);
  }

  /**
   * Plans whose next phase transfer's deadline (15 Feb, 31 Mar, or 5 months before a post-16 move) falls in the
   * period, and those with an amended plan issued in the 12 months up to it.
   */
  private void countPhaseTransfers(ReportPeriods periods, List<Figures> figures) {
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
      Figures f = figures.get(periods.index(deadline));
      f.phaseTransfersDue++;
      f.phaseTransfersOnTime += amendedPlans.getOrDefault(transfer.getKey(), List.of()).stream()
          .anyMatch(day -> !day.isAfter(deadline) && day.isAfter(deadline.minusYears(1))) ? 1 : 0;
    }
  }

  /** The counts behind one period's report. */
  private final class Figures {
    final Tallies tallies = new Tallies();
    final NewPlanFigures plans = new NewPlanFigures();
    final Map<String, long[]> advice = new LinkedHashMap<>();
    long refusals;
    long noPlan;
    long noPlanWithin16Weeks;
    long reviewDecisions;
    long reviewDecisionsWithin4Weeks;
    long phaseTransfersDue;
    long phaseTransfersOnTime;
    long reviewsOverdue;

    Figures() {
      for (AdviceType type : AdviceType.values()) {
        advice.put(type.name(), new long[4]);
      }
    }

    /** {requested, returned, returnedWithin6Weeks, outstandingOverdue} */
    long[] advice(String type) {
      return advice.computeIfAbsent(type, k -> new long[4]);
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
  }

  /** New plans issued in the period, with and without the reg 13(3) exceptions, and how long they took. */
  private final class NewPlanFigures {
    private long issued;
    private long onTime;
    private long issuedExcluding;
    private long onTimeExcluding;
    private long over52Weeks;
    private final List<Long> days = new ArrayList<>();

    void add(LocalDate received, LocalDate issuedOn, boolean within20Weeks, boolean exceptionApplies) {
      issued++;
      onTime += within20Weeks ? 1 : 0;
      if (!exceptionApplies) {
        issuedExcluding++;
        onTimeExcluding += within20Weeks ? 1 : 0;
      }
      over52Weeks += rules.issuedAfter52Weeks(received, issuedOn) ? 1 : 0;
      days.add(rules.daysUntil(received, issuedOn));
    }

    TimelinessReport.NewPlans figures() {
      return new TimelinessReport.NewPlans(issued, onTime, Percent.of(onTime, issued), issuedExcluding,
          onTimeExcluding, Percent.of(onTimeExcluding, issuedExcluding), medianWeeks(), over52Weeks);
    }

    private Double medianWeeks() {
      if (days.isEmpty()) {
        return null;
      }
      List<Long> sorted = days.stream().sorted().toList();
      int middle = sorted.size() / 2;
      double medianDays = sorted.size() % 2 == 1 ? sorted.get(middle)
          : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
      return Percent.oneDecimal(medianDays / 7.0);
    }
  }
}
