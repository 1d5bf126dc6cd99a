package org.ehcpathway.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ehcpathway.advice.AdviceType;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The timeliness figures, by the DfE's definitions, from the case read model (never from Camunda history). Every
 * event counts in the period it happened; "at the end of the period" means the earlier of {@code to} and today by
 * the engine clock. Only requests to this council count: plans moved in or imported are left out.
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
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to is before from");
    }
    LocalDate end = to.isAfter(clock.today()) ? clock.today() : to;
    Tallies tallies = new Tallies();
    countRequests(from, to, tallies);
    long[] assess = countDecisionsToAssess(from, to, tallies);
    NewPlanFigures plans = countNewPlans(from, to, tallies);
    return new TimelinessReport(from, to, tallies.total.requests,
        new TimelinessReport.DecisionsToAssess(tallies.total.decisions, tallies.total.decisions - assess[0],
            assess[0], tallies.total.decisionsWithin6Weeks,
            Percent.of(tallies.total.decisionsWithin6Weeks, tallies.total.decisions)),
        noPlanDecisions(from, to),
        plans.figures(),
        advice(from, to, end),
        reviews(from, to, end),
        tallies.breakdown(tallies.bySource),
        tallies.breakdown(tallies.byCaseworker));
  }

  /** Each month of {@code year}, and the whole year; the months' counts add up to the year's. */
  public MonthlyTimeliness monthly(int year) {
    List<TimelinessReport> months = new ArrayList<>();
    for (int month = 1; month <= 12; month++) {
      YearMonth yearMonth = YearMonth.of(year, month);
      months.add(timeliness(yearMonth.atDay(1), yearMonth.atEndOfMonth()));
    }
    return new MonthlyTimeliness(year, months, timeliness(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
  }

  private void countRequests(LocalDate from, LocalDate to, Tallies tallies) {
    jdbc.sql("SELECT request_source, created_by, COUNT(*) FROM ehc_case WHERE " + REQUESTS
            + " AND request_received_date BETWEEN ? AND ? GROUP BY request_source, created_by")
        .params(from, to)
        .query(rs -> {
          long requests = rs.getLong(3);
          tallies.each(rs.getString(1), rs.getString(2), tally -> tally.requests += requests);
        });
  }

  /** Returns {refusals}; the totals and breakdowns go into the tallies. */
  private long[] countDecisionsToAssess(LocalDate from, LocalDate to, Tallies tallies) {
    long[] refusals = new long[1];
    jdbc.sql("""
            SELECT request_source, created_by, COUNT(*),
              SUM(CASE WHEN status = 'NOT_ASSESSED' THEN 1 ELSE 0 END),
              SUM(CASE WHEN decision_to_assess_date <= decision_to_assess_due THEN 1 ELSE 0 END)
            FROM ehc_case WHERE\s""" + REQUESTS + """
             AND decision_to_assess_date BETWEEN ? AND ? GROUP BY request_source, created_by""")
        .params(from, to)
        .query(rs -> {
          refusals[0] += rs.getLong(4);
          long decisions = rs.getLong(3);
          long within6Weeks = rs.getLong(5);
          tallies.each(rs.getString(1), rs.getString(2), tally -> {
            tally.decisions += decisions;
            tally.decisionsWithin6Weeks += within6Weeks;
          });
        });
    return refusals;
  }

  private TimelinessReport.NoPlanDecisions noPlanDecisions(LocalDate from, LocalDate to) {
    return jdbc.sql("""
            SELECT COUNT(*), COALESCE(SUM(CASE WHEN decision_to_issue_date <= no_plan_decision_due THEN 1 ELSE 0 END), 0)
            FROM ehc_case WHERE\s""" + REQUESTS + """
             AND status = 'NO_PLAN' AND decision_to_issue_date BETWEEN ? AND ?""")
        .params(from, to)
        .query((rs, n) -> new TimelinessReport.NoPlanDecisions(rs.getLong(1), rs.getLong(2),
            Percent.of(rs.getLong(2), rs.getLong(1))))
        .single();
  }

  private NewPlanFigures countNewPlans(LocalDate from, LocalDate to, Tallies tallies) {
    NewPlanFigures figures = new NewPlanFigures();
    jdbc.sql("SELECT request_source, created_by, request_received_date, final_plan_issued_date, final_plan_due,"
            + " week20_exception_applies FROM ehc_case WHERE " + REQUESTS
            + " AND final_plan_issued_date BETWEEN ? AND ?")
        .params(from, to)
        .query(rs -> {
          LocalDate received = rs.getObject(3, LocalDate.class);
          LocalDate issued = rs.getObject(4, LocalDate.class);
          boolean onTime = !issued.isAfter(rs.getObject(5, LocalDate.class));
          figures.add(received, issued, onTime, rs.getBoolean(6));
          tallies.each(rs.getString(1), rs.getString(2), tally -> {
            tally.plans++;
            tally.plansWithin20Weeks += onTime ? 1 : 0;
          });
        });
    return figures;
  }

  private Map<String, TimelinessReport.AdviceTimeliness> advice(LocalDate from, LocalDate to, LocalDate end) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (AdviceType type : AdviceType.values()) {
      counts.put(type.name(), new long[4]);
    }
    jdbc.sql("SELECT advice_type, COUNT(*) FROM case_advice WHERE purpose = 'ASSESSMENT'"
            + " AND requested_date BETWEEN ? AND ? GROUP BY advice_type")
        .params(from, to).query(rs -> {
          counts.computeIfAbsent(rs.getString(1), k -> new long[4])[0] = rs.getLong(2);
        });
    jdbc.sql("SELECT advice_type, COUNT(*), SUM(CASE WHEN returned_date <= due_date THEN 1 ELSE 0 END)"
            + " FROM case_advice WHERE purpose = 'ASSESSMENT' AND returned_date BETWEEN ? AND ? GROUP BY advice_type")
        .params(from, to).query(rs -> {
          long[] row = counts.computeIfAbsent(rs.getString(1), k -> new long[4]);
          row[1] = rs.getLong(2);
          row[2] = rs.getLong(3);
        });
    jdbc.sql("""
            SELECT a.advice_type, COUNT(*) FROM case_advice a JOIN ehc_case c ON c.case_reference = a.case_reference
            WHERE a.purpose = 'ASSESSMENT' AND a.requested_date <= ? AND a.due_date < ?
              AND (a.returned_date IS NULL OR a.returned_date > ?)
              AND (a.closed_without_return_date IS NULL OR a.closed_without_return_date > ?)
              AND (c.closed_date IS NULL OR c.closed_date > ?)
            GROUP BY a.advice_type""")
        .params(end, end, end, end, end).query(rs -> {
          counts.computeIfAbsent(rs.getString(1), k -> new long[4])[3] = rs.getLong(2);
        });
    Map<String, TimelinessReport.AdviceTimeliness> advice = new LinkedHashMap<>();
    counts.forEach((type, c) -> advice.put(type, new TimelinessReport.AdviceTimeliness(c[0], c[1], c[2], c[3])));
    return advice;
  }

  private TimelinessReport.Reviews reviews(LocalDate from, LocalDate to, LocalDate end) {
    long[] decisions = jdbc.sql("""
            SELECT COUNT(*), COALESCE(SUM(CASE WHEN decision_date <= decision_due THEN 1 ELSE 0 END), 0)
            FROM plan_review WHERE decision_date BETWEEN ? AND ?""")
        .params(from, to).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    long overdue = jdbc.sql("""
            SELECT COUNT(*) FROM plan_review r JOIN ehc_plan p ON p.case_reference = r.case_reference
            WHERE r.due_date < ? AND (r.decision_date IS NULL OR r.decision_date > ?)
              AND (p.ceased_date IS NULL OR p.ceased_date > ?)""")
        .params(end, end, end).query(Long.class).single();
    long[] phaseTransfers = phaseTransfers(from, to);
    return new TimelinessReport.Reviews(decisions[0], decisions[1], Percent.of(decisions[1], decisions[0]), overdue,
        phaseTransfers[0], phaseTransfers[1]);
  }

  /**
   * Plans whose next phase transfer's deadline (15 Feb, 31 Mar, or 5 months before a post-16 move) falls in the
   * period, and those with an amended plan issued in the 12 months up to it. Returns {due, onTime}.
   */
  private long[] phaseTransfers(LocalDate from, LocalDate to) {
    Map<String, String> transfers = new TreeMap<>();
    Map<String, List<LocalDate>> amendedPlans = new TreeMap<>();
    jdbc.sql("""
            SELECT p.case_reference, p.next_phase_transfer, r.amended_plan_issued_date FROM ehc_plan p
            LEFT JOIN plan_review r ON r.case_reference = p.case_reference AND r.amended_plan_issued_date IS NOT NULL
            WHERE p.next_phase_transfer IS NOT NULL""")
        .query(rs -> {
          transfers.put(rs.getString(1), rs.getString(2));
          LocalDate amended = rs.getObject(3, LocalDate.class);
          if (amended != null) {
            amendedPlans.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(amended);
          }
        });
    long due = 0;
    long onTime = 0;
    for (var transfer : transfers.entrySet()) {
      LocalDate deadline = rules.phaseTransferDeadline(transfer.getValue());
      if (deadline.isBefore(from) || deadline.isAfter(to)) {
        continue;
      }
      due++;
      onTime += amendedPlans.getOrDefault(transfer.getKey(), List.of()).stream()
          .anyMatch(day -> !day.isAfter(deadline) && day.isAfter(deadline.minusYears(1))) ? 1 : 0;
    }
    return new long[] {due, onTime};
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
