package org.ehcpathway.reporting;

// The report code of 9a7145b (before branch report-scale), for ReportOldVsNewBenchmark only.

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.CaseRow;
import org.ehcpathway.casefile.CaseStatus;
import org.ehcpathway.casefile.CaseView;
import org.ehcpathway.casefile.Rag;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every open case with its week in the pathway, next statutory deadline, RAG, the advice it still waits for and a
 * forecast issue date at the council's recent pace ({@link StepDurations}). Worst first: RED, then AMBER, then
 * GREEN; within each, the nearest deadline first. Four queries, however many cases.
 */

public class OldAtRiskList {

  private final CaseRecords cases;
  private final JdbcClient jdbc;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;

  public OldAtRiskList(CaseRecords cases, JdbcClient jdbc, StatutoryDeadlines rules, EngineClock clock) {
    this.cases = cases;
    this.jdbc = jdbc;
    this.rules = rules;
    this.clock = clock;
  }

  public List<AtRiskCase> atRisk() {
    LocalDate today = clock.today();
    StepDurations pace = recentPace(today);
    Map<String, LocalDate> draftServed = draftServedDatesOfOpenCases();
    Map<String, List<AtRiskCase.OutstandingAdvice>> advice = outstandingAdviceOfOpenCases(today);
    List<AtRiskCase> result = new ArrayList<>();
    for (CaseRow row : cases.list(CaseStatus.OPEN, Integer.MAX_VALUE, 0)) {
      CaseView.NextDeadline next = row.nextDeadline();
      CaseView.RagStatus rag = row.rag(today, rules);
      LocalDate draft = draftServed.get(row.caseReference());
      LocalDate forecast = forecast(row, draft, pace, today);
      result.add(new AtRiskCase(row.caseReference(), row.requestReceivedDate(), row.stage(),
          rules.weekOfPathway(row.requestReceivedDate(), today), next.name(), next.date(),
          rag == null ? Rag.GREEN : rag.level(), advice.getOrDefault(row.caseReference(), List.of()), forecast,
          !forecast.isAfter(row.finalPlanDue()), row.createdBy()));
    }
    result.sort(Comparator.comparing(AtRiskCase::rag).reversed()
        .thenComparing(AtRiskCase::nextDeadlineDate).thenComparing(AtRiskCase::caseReference));
    return result;
  }

  private LocalDate forecast(CaseRow row, LocalDate draft, StepDurations pace, LocalDate today) {
    if (row.decisionToAssessDate() == null) {
      return pace.forecastIssue(StepDurations.Step.DECIDE_WHETHER_TO_ASSESS, row.requestReceivedDate(), today);
    }
    if (row.decisionToIssueDate() == null) {
      return pace.forecastIssue(StepDurations.Step.DECIDE_WHETHER_TO_ISSUE, row.decisionToAssessDate(), today);
    }
    if (draft == null) {
      return pace.forecastIssue(StepDurations.Step.DRAFT_PLAN, row.decisionToIssueDate(), today);
    }
    return pace.forecastIssue(StepDurations.Step.FINAL_PLAN, draft, today);
  }

  private StepDurations recentPace(LocalDate today) {
    List<StepDurations.History> plans = jdbc.sql("""
            SELECT c.request_received_date, c.decision_to_assess_date, c.decision_to_issue_date,
              (SELECT MIN(m.milestone_date) FROM case_milestone m
               WHERE m.case_reference = c.case_reference AND m.milestone_type = 'DRAFT_PLAN_SERVED'),
              c.final_plan_issued_date
            FROM ehc_case c WHERE c.origin = 'REQUEST' AND c.final_plan_issued_date BETWEEN ? AND ?""")
        .params(today.minusYears(1), today)
        .query((rs, n) -> new StepDurations.History(rs.getObject(1, LocalDate.class),
            rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
            rs.getObject(5, LocalDate.class)))
        .list();
    return StepDurations.from(plans, rules);
  }

  private Map<String, LocalDate> draftServedDatesOfOpenCases() {
    Map<String, LocalDate> dates = new HashMap<>();
    jdbc.sql("""
            SELECT m.case_reference, MIN(m.milestone_date) FROM case_milestone m
            JOIN ehc_case c ON c.case_reference = m.case_reference
            WHERE c.status = 'OPEN' AND m.milestone_type = 'DRAFT_PLAN_SERVED' GROUP BY m.case_reference""")
        .query(rs -> {
          dates.put(rs.getString(1), rs.getObject(2, LocalDate.class));
        });
    return dates;
  }

  private Map<String, List<AtRiskCase.OutstandingAdvice>> outstandingAdviceOfOpenCases(LocalDate today) {
    Map<String, List<AtRiskCase.OutstandingAdvice>> advice = new HashMap<>();
    jdbc.sql("""
            SELECT a.case_reference, a.advice_type, a.due_date FROM case_advice a
            JOIN ehc_case c ON c.case_reference = a.case_reference
            WHERE c.status = 'OPEN' AND a.purpose = 'ASSESSMENT' AND a.returned_date IS NULL
              AND a.closed_without_return_date IS NULL
            ORDER BY a.due_date, a.advice_type""")
        .query(rs -> {
          LocalDate due = rs.getObject(3, LocalDate.class);
          long late = Math.max(0, rules.daysUntil(due, today));
          advice.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new AtRiskCase.OutstandingAdvice(rs.getString(2), due, late));
        });
    return advice;
  }
}
