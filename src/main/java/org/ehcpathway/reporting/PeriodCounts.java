package org.ehcpathway.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The report queries: the events of each period, by the DfE's definitions, from the case read model (never from
 * Camunda history), and the figures at the end of each period. Each event query groups by calendar month
 * ({@link ReportPeriods}), so a year's twelve months cost the same queries as one period. Only requests to this
 * council count: plans moved in or imported are left out. {@link TimelinessReports} decides what is counted here
 * and what comes from the kept figures of closed months.
 */
@Component
class PeriodCounts {

  private static final String REQUESTS = "origin = 'REQUEST'";
  /** Assessment advice returned in a range of dates (the first and last day). */
  static final String ADVICE_RETURNED =
      "FROM case_advice WHERE purpose = 'ASSESSMENT' AND returned_date BETWEEN ? AND ?";
  /**
   * Assessment advice that may be outstanding at an end from the first (due before the last end, awaited still or
   * until after the first end), each row once; parameters: the last end, the first end, the last end.
   */
  static final String ADVICE_AWAITED = "SELECT advice_type, requested_date, due_date, awaited_until FROM case_advice"
      + " WHERE awaited_until IS NULL AND due_date < ? AND purpose = 'ASSESSMENT'"
      + " UNION ALL SELECT advice_type, requested_date, due_date, awaited_until FROM case_advice"
      + " WHERE awaited_until > ? AND due_date < ? AND awaited_until > due_date AND purpose = 'ASSESSMENT'";

  private final JdbcClient jdbc;
  private final StatutoryDeadlines rules;

  PeriodCounts(JdbcClient jdbc, StatutoryDeadlines rules) {
    this.jdbc = jdbc;
    this.rules = rules;
  }

  List<PeriodFigures> countEvents(ReportPeriods periods) {
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
  void countAtEnds(List<LocalDate> ends, List<PeriodFigures> figures) {
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
            + " ELSE 0 END) " + ADVICE_RETURNED + " GROUP BY " + returned + ", advice_type")
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
    jdbc.sql("SELECT advice_type, " + counts + " FROM (" + ADVICE_AWAITED + ") a GROUP BY advice_type")
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
