package org.ehcpathway.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.ehcpathway.statutory.AdviceRequestDates;
import org.ehcpathway.statutory.CaseDates;
import org.ehcpathway.statutory.CaseDeadlines;
import org.ehcpathway.statutory.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The case read model. Every write joins the caller's transaction, which for process steps is the engine's
 * own, so a step and its record commit together or not at all.
 */
@Repository
public class CaseRecords implements CaseDates {

  private final JdbcClient jdbc;
  private final EngineClock clock;
  private final ReadModelChanges changes;

  public CaseRecords(JdbcClient jdbc, EngineClock clock, ReadModelChanges changes) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.changes = changes;
  }

  /** Stores a new case and returns its reference, EHC-yyyy-nnnnnn (year the request was received). */
  public String create(NewCaseRecord record) {
    KeyHolder keys = new GeneratedKeyHolder();
    CaseDeadlines deadlines = record.deadlines();
    jdbc.sql("""
            INSERT INTO ehc_case (child_forename, child_surname, child_date_of_birth, child_sex, child_postcode,
              child_upn, request_received_date, request_source, status, stage, decision_to_assess_due,
              no_plan_decision_due, final_plan_due, created_by, created_at, family_email)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 'requestReceived', ?, ?, ?, ?, ?, ?)""")
        .params(record.forename(), record.surname(), record.dateOfBirth(), record.sex(), record.postcode(),
            record.upn(), record.requestReceivedDate(), record.requestSource(), deadlines.decisionToAssess(),
            deadlines.noPlanDecision(), deadlines.finalPlan(), record.createdBy(), now(), record.familyEmail())
        .update(keys, "id");
    changes.datedOn(record.requestReceivedDate());
    long id = keys.getKeyAs(Number.class).longValue();
    String reference = "EHC-%d-%06d".formatted(record.requestReceivedDate().getYear(), id);
    jdbc.sql("UPDATE ehc_case SET case_reference = ? WHERE id = ?").params(reference, id).update();
    return reference;
  }

  /** A plan that did not start as a request to this council: {@code TRANSFER_IN} or {@code IMPORT}. */
  public void recordOrigin(String reference, String origin) {
    jdbc.sql("UPDATE ehc_case SET origin = ? WHERE case_reference = ?").params(origin, reference).update();
    changes.datedOn(requestReceived(reference));
  }

  /** The child's details for the SEN2 return (each may be null: not known yet). */
  public void recordSen2Details(String reference, String ethnicity, String primaryNeed, String secondaryNeed) {
    jdbc.sql("UPDATE ehc_case SET child_ethnicity = ?, primary_need = ?, secondary_need = ? WHERE case_reference = ?")
        .params(ethnicity, primaryNeed, secondaryNeed, reference).update();
  }

  public void linkProcess(String reference, String processInstanceId) {
    jdbc.sql("UPDATE ehc_case SET process_instance_id = ? WHERE case_reference = ?")
        .params(processInstanceId, reference).update();
  }

  /** Records a milestone; the first draft served is also kept on the case ({@code draft_served_date}, V15). */
  public void recordMilestone(String reference, MilestoneType type, LocalDate date, String actor, String detail) {
    jdbc.sql("""
            INSERT INTO case_milestone (case_reference, milestone_type, milestone_date, recorded_at, recorded_by, detail)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(reference, type.name(), date, now(), actor, truncate(detail, 500))
        .update();
    if (type == MilestoneType.DRAFT_PLAN_SERVED) {
      jdbc.sql("""
              UPDATE ehc_case SET draft_served_date = ?
              WHERE case_reference = ? AND (draft_served_date IS NULL OR draft_served_date > ?)""")
          .params(date, reference, date).update();
    }
  }

  public void enterStage(String reference, String stage) {
    jdbc.sql("UPDATE ehc_case SET stage = ? WHERE case_reference = ?").params(stage, reference).update();
  }

  public void recordDecisionToAssess(String reference, LocalDate date) {
    LocalDate replaced = caseDate(reference, "decision_to_assess_date");
    jdbc.sql("UPDATE ehc_case SET decision_to_assess_date = ? WHERE case_reference = ?").params(date, reference).update();
    changes.datedOn(date, replaced);
  }

  /** Only a case closed as NO_PLAN counts its decision to issue, so the date it replaces counted nowhere. */
  public void recordDecisionToIssue(String reference, LocalDate date) {
    jdbc.sql("UPDATE ehc_case SET decision_to_issue_date = ? WHERE case_reference = ?").params(date, reference).update();
    changes.datedOn(date);
  }

  public void recordProvision(String reference, String namedSetting, String fundingBand) {
    jdbc.sql("UPDATE ehc_case SET named_setting = ?, funding_band = ? WHERE case_reference = ?")
        .params(namedSetting, fundingBand, reference).update();
  }

  public void recordFinalPlan(String reference, LocalDate date, String namedSetting) {
    jdbc.sql("UPDATE ehc_case SET final_plan_issued_date = ?, named_setting = ? WHERE case_reference = ?")
        .params(date, namedSetting, reference).update();
    changes.datedOn(date);
  }

  public void recordNamedSetting(String reference, String namedSetting) {
    jdbc.sql("UPDATE ehc_case SET named_setting = ? WHERE case_reference = ?").params(namedSetting, reference).update();
  }

  /** Closing as NOT_ASSESSED or NO_PLAN counts the case's decision, in the month the decision was taken. */
  public void close(String reference, CaseStatus status, LocalDate date) {
    jdbc.sql("UPDATE ehc_case SET status = ?, stage = 'closed', closed_date = ? WHERE case_reference = ?")
        .params(status.name(), date, reference).update();
    jdbc.sql("UPDATE case_advice SET awaited_until = ? WHERE case_reference = ?"
            + " AND (awaited_until IS NULL OR awaited_until > ?)")
        .params(date, reference, date).update();
    changes.datedOn(date, switch (status) {
      case NOT_ASSESSED -> caseDate(reference, "decision_to_assess_date");
      case NO_PLAN -> caseDate(reference, "decision_to_issue_date");
      default -> null;
    });
  }

  /** An advice request for the assessment ({@code reviewCycle} null) or for a review meeting. */
  public void recordAdviceRequest(String reference, String adviceType, String processInstanceId,
      LocalDate requested, LocalDate due, String purpose, Integer reviewCycle) {
    jdbc.sql("""
            INSERT INTO case_advice (case_reference, advice_type, process_instance_id, requested_date, due_date,
              purpose, review_cycle)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(reference, adviceType, processInstanceId, requested, due, purpose, reviewCycle).update();
    changes.datedOn(requested, due);
  }

  @Override
  public AdviceRequestDates adviceRequest(String adviceProcessInstanceId) {
    return jdbc.sql("SELECT requested_date, due_date FROM case_advice WHERE process_instance_id = ?")
        .param(adviceProcessInstanceId)
        .query((rs, n) -> new AdviceRequestDates(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
        .optional()
        .orElseThrow(() -> new IllegalStateException("No advice request recorded for " + adviceProcessInstanceId));
  }

  /**
   * Review advice still outstanding when its meeting moves is due on the new date; advice returned or closed keeps
   * the date it was measured against. Returns false when the request is not outstanding.
   */
  public boolean moveOutstandingAdviceDue(String adviceProcessInstanceId, LocalDate due) {
    Optional<LocalDate> was = jdbc.sql("""
            SELECT due_date FROM case_advice
            WHERE process_instance_id = ? AND returned_date IS NULL AND closed_without_return_date IS NULL""")
        .param(adviceProcessInstanceId).query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
    if (was.isEmpty()) {
      return false;
    }
    jdbc.sql("UPDATE case_advice SET due_date = ? WHERE process_instance_id = ?")
        .params(due, adviceProcessInstanceId).update();
    changes.datedOn(was.get(), due);
    return true;
  }

  /** Advice still outstanding when the plan leaves (moved to another council): closed without a return. */
  public void closeOutstandingAdvice(String reference, LocalDate date, String outcome, String reason) {
    jdbc.sql("""
            UPDATE case_advice SET closed_without_return_date = ?, outcome = ?, closed_without_reason = ?,
              awaited_until = LEAST(COALESCE(awaited_until, ?), ?)
            WHERE case_reference = ? AND returned_date IS NULL AND closed_without_return_date IS NULL""")
        .params(date, outcome, reason, date, date, reference).update();
    changes.datedOn(date);
  }

  /** Review advice still outstanding once the meeting is over: closed as not received, never as on time. */
  public List<String> closeOutstandingReviewAdvice(String reference, int reviewCycle, LocalDate date) {
    List<String> types = jdbc.sql("""
            SELECT advice_type FROM case_advice
            WHERE case_reference = ? AND purpose = 'REVIEW' AND review_cycle = ?
              AND returned_date IS NULL AND closed_without_return_date IS NULL ORDER BY advice_type""")
        .params(reference, reviewCycle).query(String.class).list();
    jdbc.sql("""
            UPDATE case_advice SET closed_without_return_date = ?, outcome = 'NOT_RECEIVED_BEFORE_MEETING',
              closed_without_reason = 'Not received before the review meeting',
              awaited_until = LEAST(COALESCE(awaited_until, ?), ?)
            WHERE case_reference = ? AND purpose = 'REVIEW' AND review_cycle = ?
              AND returned_date IS NULL AND closed_without_return_date IS NULL""")
        .params(date, date, date, reference, reviewCycle).update();
    changes.datedOn(date);
    return types;
  }

  public void recordAdviceReturned(String processInstanceId, LocalDate returned, String outcome, String summary,
      String actor) {
    jdbc.sql("""
            UPDATE case_advice SET returned_date = ?, outcome = ?, summary = ?, returned_by = ?,
              awaited_until = LEAST(COALESCE(awaited_until, ?), ?)
            WHERE process_instance_id = ?""")
        .params(returned, outcome, truncate(summary, 4000), actor, returned, returned, processInstanceId).update();
    changes.datedOn(returned);
  }

  /** The case goes on without this advice; returned_date stays empty so it never counts as returned. */
  public void recordAdviceClosedWithoutReturn(String processInstanceId, LocalDate date, String outcome,
      String reason) {
    jdbc.sql("""
            UPDATE case_advice SET closed_without_return_date = ?, outcome = ?, closed_without_reason = ?,
              awaited_until = LEAST(COALESCE(awaited_until, ?), ?)
            WHERE process_instance_id = ?""")
        .params(date, outcome, truncate(reason, 500), date, date, processInstanceId).update();
    changes.datedOn(date);
  }

  public void recordException(String reference, CaseView.CaseException exception) {
    jdbc.sql("""
            INSERT INTO case_exception (case_reference, ground, from_date, to_date, evidence, applies_to, advice_type,
              recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(reference, exception.ground(), exception.from(), exception.to(), exception.evidence(),
            exception.appliesTo(), exception.adviceType(), exception.recordedBy(), Timestamp.from(exception.recordedAt()))
        .update();
    if ("FINAL_PLAN".equals(exception.appliesTo())) {
      jdbc.sql("UPDATE ehc_case SET week20_exception_applies = TRUE WHERE case_reference = ?").param(reference).update();
      changes.datedOn(caseDate(reference, "final_plan_issued_date"));
    }
  }

  public List<CaseView.CaseException> exceptions(String reference) {
    return jdbc.sql("""
            SELECT ground, from_date, to_date, evidence, applies_to, advice_type, recorded_by, recorded_at
            FROM case_exception WHERE case_reference = ? ORDER BY recorded_at, id""")
        .param(reference)
        .query((rs, n) -> new CaseView.CaseException(rs.getString(1), rs.getObject(2, LocalDate.class),
            rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getTimestamp(8).toInstant()))
        .list();
  }

  public void recordNotice(String reference, String noticeType, LocalDate issued, LocalDate appealBy, String body) {
    jdbc.sql("""
            INSERT INTO case_notice (case_reference, notice_type, issued_date, appeal_by, body)
            VALUES (?, ?, ?, ?, ?)""")
        .params(reference, noticeType, issued, appealBy, body).update();
  }

  public Optional<CaseRow> find(String reference) {
    return jdbc.sql("SELECT * FROM ehc_case WHERE case_reference = ?").param(reference)
        .query(CaseRecords::caseRow).optional();
  }

  /** The cases of these references, in no particular order; unknown references are left out. */
  public List<CaseRow> findAll(Collection<String> references) {
    if (references.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM ehc_case WHERE case_reference IN (:references)").param("references", references)
        .query(CaseRecords::caseRow).list();
  }

  public List<CaseRow> list(CaseStatus status, int limit, long offset) {
    return jdbc.sql("""
            SELECT * FROM ehc_case WHERE (CAST(? AS VARCHAR(20)) IS NULL OR status = ?)
            ORDER BY request_received_date, id LIMIT ? OFFSET ?""")
        .params(status == null ? null : status.name(), status == null ? null : status.name(), limit, offset)
        .query(CaseRecords::caseRow).list();
  }

  @Override
  public LocalDate requestReceived(String reference) {
    return find(reference).map(CaseRow::requestReceivedDate)
        .orElseThrow(() -> new CaseNotFoundException(reference));
  }

  @Override
  public Optional<LocalDate> draftServed(String reference) {
    return firstMilestoneDate(reference, MilestoneType.DRAFT_PLAN_SERVED);
  }

  /** The child's date of birth, for age rules only; it never leaves the read model in a view. */
  public LocalDate childDateOfBirth(String reference) {
    return jdbc.sql("SELECT child_date_of_birth FROM ehc_case WHERE case_reference = ?").param(reference)
        .query((rs, n) -> rs.getObject(1, LocalDate.class)).single();
  }

  /** The date of the first milestone of that type, if the case has one. */
  public Optional<LocalDate> firstMilestoneDate(String reference, MilestoneType type) {
    return jdbc.sql("""
            SELECT milestone_date FROM case_milestone WHERE case_reference = ? AND milestone_type = ?
            ORDER BY milestone_date LIMIT 1""")
        .params(reference, type.name()).query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
  }

  public List<CaseView.Milestone> milestones(String reference) {
    return jdbc.sql("""
            SELECT milestone_type, milestone_date, recorded_by, detail FROM case_milestone
            WHERE case_reference = ? ORDER BY milestone_date, id""")
        .param(reference)
        .query((rs, n) -> new CaseView.Milestone(MilestoneType.valueOf(rs.getString(1)),
            rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4)))
        .list();
  }

  public List<CaseView.Advice> advice(String reference) {
    return jdbc.sql("""
            SELECT advice_type, requested_date, due_date, returned_date, outcome, summary, closed_without_return_date,
              closed_without_reason, purpose, review_cycle
            FROM case_advice WHERE case_reference = ? ORDER BY requested_date, advice_type""")
        .param(reference)
        .query((rs, n) -> new CaseView.Advice(rs.getString(1), rs.getObject(2, LocalDate.class),
            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
            rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9),
            rs.getObject(10, Integer.class)))
        .list();
  }

  public List<CaseView.Notice> notices(String reference) {
    return jdbc.sql("""
            SELECT notice_type, issued_date, appeal_by, body FROM case_notice
            WHERE case_reference = ? ORDER BY issued_date, id""")
        .param(reference)
        .query((rs, n) -> new CaseView.Notice(rs.getString(1), rs.getObject(2, LocalDate.class),
            rs.getObject(3, LocalDate.class), rs.getString(4)))
        .list();
  }

  /** Maps by column name, explicitly: cheaper than reflection, which probes for camelCase columns first. */
  private static CaseRow caseRow(ResultSet rs, int row) throws SQLException {
    return new CaseRow(rs.getLong("id"), rs.getString("case_reference"), rs.getString("process_instance_id"),
        date(rs, "request_received_date"), rs.getString("request_source"), CaseStatus.valueOf(rs.getString("status")),
        rs.getString("stage"), date(rs, "decision_to_assess_due"), date(rs, "no_plan_decision_due"),
        date(rs, "final_plan_due"), date(rs, "decision_to_assess_date"), date(rs, "decision_to_issue_date"),
        date(rs, "final_plan_issued_date"), rs.getString("named_setting"), rs.getString("funding_band"),
        date(rs, "closed_date"), rs.getString("created_by"), rs.getString("family_email"),
        rs.getBoolean("week20_exception_applies"), date(rs, "draft_served_date"));
  }

  private LocalDate caseDate(String reference, String column) {
    return jdbc.sql("SELECT " + column + " FROM ehc_case WHERE case_reference = ?").param(reference)
        .query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).optional().flatMap(d -> d)
        .orElse(null);
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  private Timestamp now() {
    return Timestamp.from(clock.now());
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
