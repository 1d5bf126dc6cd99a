package org.ehcpathway.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.CaseRow;
import org.ehcpathway.casefile.CaseStatus;
import org.ehcpathway.casefile.CaseView;
import org.ehcpathway.casefile.Rag;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every open case with its week in the pathway, next statutory deadline, RAG, the advice it still waits for and a
 * forecast issue date at the council's recent pace ({@link StepDurations}). Worst first: RED, then AMBER, then
 * GREEN; within each, the nearest deadline first, then the case reference. {@link #atRisk()} is the whole list (three
 * queries, a row built for every open case); {@link #page} is one page of it with the RAG counts (five queries),
 * ordered in SQL by {@link AtRiskRanking} so that only the page's rows are built.
 */
@Service
public class AtRiskList {

  /** The most cases a page may hold. */
  public static final int MAX_PAGE_SIZE = 500;

  private static final Comparator<AtRiskCase> WORST_FIRST = Comparator.comparing(AtRiskCase::rag).reversed()
      .thenComparing(AtRiskCase::nextDeadlineDate).thenComparing(AtRiskCase::caseReference);

  /** Which cases' outstanding advice to read (%1$s is the table's alias): every open case, or the page's. */
  private static final String OPEN_CASES =
      "JOIN ehc_case c ON c.case_reference = %1$s.case_reference WHERE c.status = 'OPEN'";
  private static final String LISTED_CASES = "WHERE %1$s.case_reference IN (:references)";

  private final CaseRecords cases;
  private final AtRiskRanking ranking;
  private final JdbcClient jdbc;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;

  public AtRiskList(CaseRecords cases, AtRiskRanking ranking, JdbcClient jdbc, StatutoryDeadlines rules,
      EngineClock clock) {
    this.cases = cases;
    this.ranking = ranking;
    this.jdbc = jdbc;
    this.rules = rules;
    this.clock = clock;
  }

  public List<AtRiskCase> atRisk() {
    LocalDate today = clock.today();
    List<AtRiskCase> result = build(cases.list(CaseStatus.OPEN, Integer.MAX_VALUE, 0), OPEN_CASES, Map.of(), today);
    result.sort(WORST_FIRST);
    return result;
  }

  /**
   * Page {@code page} (from 0) of {@link #atRisk()}, {@code size} cases long (1 to {@link #MAX_PAGE_SIZE}): the same
   * rows in the same order, with the number of open cases and their RAG counts.
   */
  public AtRiskPage page(int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page must be 0 or more and size 1 to " + MAX_PAGE_SIZE + ", not "
          + page + " and " + size);
    }
    LocalDate today = clock.today();
    AtRiskRanking.Counts counts = ranking.counts(today);
    List<String> references = ranking.references(today, (long) page * size, size);
    if (references.isEmpty()) {
      return AtRiskPage.of(page, size, counts, List.of());
    }
    Map<String, CaseRow> byReference = cases.findAll(references).stream()
        .collect(Collectors.toMap(CaseRow::caseReference, Function.identity()));
    // A case closed between the two reads (a decision, a withdrawal) has no next deadline: it leaves the page.
    List<CaseRow> rows = references.stream().map(byReference::get).filter(Objects::nonNull)
        .filter(row -> row.status() == CaseStatus.OPEN).toList();
    return AtRiskPage.of(page, size, counts, build(rows, LISTED_CASES, Map.of("references", references), today));
  }

  private List<AtRiskCase> build(List<CaseRow> rows, String which, Map<String, ?> params, LocalDate today) {
    StepDurations pace = recentPace(today);
    Map<String, List<AtRiskCase.OutstandingAdvice>> advice = outstandingAdvice(which, params, today);
    List<AtRiskCase> result = new ArrayList<>(rows.size());
    for (CaseRow row : rows) {
      CaseView.NextDeadline next = row.nextDeadline();
      CaseView.RagStatus rag = row.rag(today, rules);
      LocalDate forecast = forecast(row, pace, today);
      result.add(new AtRiskCase(row.caseReference(), row.requestReceivedDate(), row.stage(),
          rules.weekOfPathway(row.requestReceivedDate(), today), next.name(), next.date(),
          rag == null ? Rag.GREEN : rag.level(), advice.getOrDefault(row.caseReference(), List.of()), forecast,
          !forecast.isAfter(row.finalPlanDue()), row.createdBy()));
    }
    return result;
  }

  private LocalDate forecast(CaseRow row, StepDurations pace, LocalDate today) {
    if (row.decisionToAssessDate() == null) {
      return pace.forecastIssue(StepDurations.Step.DECIDE_WHETHER_TO_ASSESS, row.requestReceivedDate(), today);
    }
    if (row.decisionToIssueDate() == null) {
      return pace.forecastIssue(StepDurations.Step.DECIDE_WHETHER_TO_ISSUE, row.decisionToAssessDate(), today);
    }
    if (row.draftServedDate() == null) {
      return pace.forecastIssue(StepDurations.Step.DRAFT_PLAN, row.decisionToIssueDate(), today);
    }
    return pace.forecastIssue(StepDurations.Step.FINAL_PLAN, row.draftServedDate(), today);
  }

  /** The plans issued in the 12 months to today, read from one index (V15's {@code ehc_case_recent_pace}). */
  private StepDurations recentPace(LocalDate today) {
    List<StepDurations.History> plans = jdbc.sql("""
            SELECT request_received_date, decision_to_assess_date, decision_to_issue_date, draft_served_date,
              final_plan_issued_date
            FROM ehc_case WHERE origin = 'REQUEST' AND final_plan_issued_date BETWEEN ? AND ?""")
        .params(today.minusYears(1), today)
        .query((rs, n) -> new StepDurations.History(rs.getObject(1, LocalDate.class),
            rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
            rs.getObject(5, LocalDate.class)))
        .list();
    return StepDurations.from(plans, rules);
  }

  private Map<String, List<AtRiskCase.OutstandingAdvice>> outstandingAdvice(String which, Map<String, ?> params,
      LocalDate today) {
    Map<String, List<AtRiskCase.OutstandingAdvice>> advice = new HashMap<>();
    jdbc.sql("SELECT a.case_reference, a.advice_type, a.due_date FROM case_advice a " + which.formatted("a")
            + " AND a.awaited_until IS NULL AND a.purpose = 'ASSESSMENT' AND a.returned_date IS NULL"
            + " AND a.closed_without_return_date IS NULL ORDER BY a.due_date, a.advice_type, a.id")
        .params(params)
        .query(rs -> {
          LocalDate due = rs.getObject(3, LocalDate.class);
          long late = Math.max(0, rules.daysUntil(due, today));
          advice.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new AtRiskCase.OutstandingAdvice(rs.getString(2), due, late));
        });
    return advice;
  }
}
