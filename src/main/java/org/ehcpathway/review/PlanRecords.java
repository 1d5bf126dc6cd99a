package org.ehcpathway.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ehcpathway.casefile.ReadModelChanges;
import org.ehcpathway.statutory.ReviewDates;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The plan in force and its review cycles, written in the engine's transaction like the case read model. */
@Repository
public class PlanRecords implements ReviewDates {

  private final JdbcClient jdbc;
  private final StatutoryDeadlines rules;
  private final ReadModelChanges changes;

  public PlanRecords(JdbcClient jdbc, StatutoryDeadlines rules, ReadModelChanges changes) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.changes = changes;
  }

  public void createPlan(String reference, LocalDate issued, String namedSetting) {
    jdbc.sql("INSERT INTO ehc_plan (case_reference, status, issued_date, named_setting) VALUES (?, 'ACTIVE', ?, ?)")
        .params(reference, issued, namedSetting).update();
    changes.datedOn(issued);
  }

  public void createTransferredPlan(String reference, LocalDate issued, String namedSetting, String oldLaCode,
      LocalDate lastReview, LocalDate transfer) {
    jdbc.sql("""
            INSERT INTO ehc_plan (case_reference, status, issued_date, named_setting, old_la_code, last_review_date,
              transfer_date)
            VALUES (?, 'ACTIVE', ?, ?, ?, ?, ?)""")
        .params(reference, issued, namedSetting, oldLaCode, lastReview, transfer).update();
    changes.datedOn(issued, lastReview, transfer);
  }

  public void createImportedPlan(String reference, String sourceReference, LocalDate issued, LocalDate lastReview,
      String nextPhaseTransfer, String placement) {
    jdbc.sql("""
            INSERT INTO ehc_plan (case_reference, status, issued_date, named_setting, last_review_date,
              source_reference, next_phase_transfer, phase_transfer_deadline)
            VALUES (?, 'ACTIVE', ?, ?, ?, ?, ?, ?)""")
        .params(reference, issued, placement, lastReview, sourceReference, nextPhaseTransfer,
            phaseTransferDeadline(nextPhaseTransfer))
        .update();
    changes.datedOn(issued, lastReview, phaseTransferDeadline(nextPhaseTransfer));
  }

  public Optional<String> nextPhaseTransfer(String reference) {
    return jdbc.sql("SELECT next_phase_transfer FROM ehc_plan WHERE case_reference = ?").param(reference)
        .query((rs, n) -> rs.getString(1)).optional();
  }

  /** Returns false when the case has no plan. The transfer's deadline is stored with it, for the reports. */
  public boolean setNextPhaseTransfer(String reference, String nextPhaseTransfer) {
    LocalDate replaced = jdbc.sql("SELECT phase_transfer_deadline FROM ehc_plan WHERE case_reference = ?")
        .param(reference).query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).optional()
        .flatMap(d -> d).orElse(null);
    boolean updated = jdbc.sql(
            "UPDATE ehc_plan SET next_phase_transfer = ?, phase_transfer_deadline = ? WHERE case_reference = ?")
        .params(nextPhaseTransfer, phaseTransferDeadline(nextPhaseTransfer), reference).update() == 1;
    changes.datedOn(phaseTransferDeadline(nextPhaseTransfer), replaced);
    return updated;
  }

  private LocalDate phaseTransferDeadline(String nextPhaseTransfer) {
    return nextPhaseTransfer == null ? null : rules.phaseTransferDeadline(nextPhaseTransfer);
  }

  public boolean isImported(String sourceReference) {
    return jdbc.sql("SELECT COUNT(*) FROM ehc_plan WHERE source_reference = ?").param(sourceReference)
        .query(Long.class).single() > 0;
  }

  /** A plan's review history before it came here: the last review under the old council, else its issue. */
  public LocalDate lastReviewBeforeTransfer(String reference) {
    return jdbc.sql("SELECT COALESCE(last_review_date, issued_date) FROM ehc_plan WHERE case_reference = ?")
        .param(reference).query((rs, n) -> rs.getObject(1, LocalDate.class)).single();
  }

  /** Whether a review of the plan was brought forward for this phase transfer already: it has had its review. */
  public boolean reviewedForPhaseTransfer(String reference, String phaseTransfer) {
    return jdbc.sql("SELECT COUNT(*) FROM plan_review WHERE case_reference = ? AND phase_transfer = ?")
        .params(reference, phaseTransfer).query(Integer.class).single() > 0;
  }

  public int cycles(String reference) {
    return jdbc.sql("SELECT COUNT(*) FROM plan_review WHERE case_reference = ?").param(reference)
        .query(Integer.class).single();
  }

  public void cease(String reference, LocalDate date, String ceaseReason) {
    jdbc.sql("UPDATE ehc_plan SET status = 'CEASED', ceased_date = ?, cease_reason = ? WHERE case_reference = ?")
        .params(date, ceaseReason, reference).update();
    jdbc.sql("UPDATE plan_review SET awaited_until = LEAST(COALESCE(awaited_until, ?), ?) WHERE case_reference = ?")
        .params(date, date, reference).update();
    changes.datedOn(date);
  }

  /**
   * A decision to cease, in effect on {@code ceasesOn} unless the family appeals (the plan is ACTIVE till then).
   * False, and nothing written, when the plan is not in force or a decision to cease already waits (two decisions
   * made at the same moment: the second finds the first).
   */
  public boolean recordCeaseDecided(String reference, LocalDate decided, String ceaseReason, LocalDate ceasesOn) {
    return jdbc.sql("""
            UPDATE ehc_plan SET cease_decided_date = ?, pending_cease_reason = ?, ceases_on = ?,
              cease_appealed_date = NULL, cease_mediation_certificate_date = NULL, cease_mediation_started_date = NULL
            WHERE case_reference = ? AND status = 'ACTIVE' AND cease_decided_date IS NULL""")
        .params(decided, ceaseReason, ceasesOn, reference).update() == 1;
  }

  /** The decision to cease waiting to take effect, if any (the plan still in force). */
  public Optional<PendingCease> pendingCease(String reference) {
    return jdbc.sql("""
            SELECT cease_decided_date, pending_cease_reason, ceases_on, cease_appealed_date,
              cease_mediation_certificate_date, cease_mediation_started_date
            FROM ehc_plan WHERE case_reference = ? AND status = 'ACTIVE' AND cease_decided_date IS NOT NULL""")
        .param(reference)
        .query((rs, n) -> new PendingCease(rs.getObject(1, LocalDate.class), rs.getString(2),
            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
            rs.getObject(6, LocalDate.class)))
        .optional();
  }

  /**
   * {@code appealed}: an appeal was lodged that day; {@code mediationCertificate}: it moved the last day to appeal;
   * {@code mediationStarted}: mediation under way since then (the plan waits for its certificate).
   */
  public record PendingCease(LocalDate decided, String ceaseReason, LocalDate ceasesOn, LocalDate appealed,
      LocalDate mediationCertificate, LocalDate mediationStarted) {

    public boolean inMediation() {
      return mediationStarted != null && mediationCertificate == null;
    }
  }

  public void recordCeaseMediationStarted(String reference, LocalDate started) {
    jdbc.sql("UPDATE ehc_plan SET cease_mediation_started_date = ? WHERE case_reference = ?")
        .params(started, reference).update();
  }

  public void recordCeaseAppealed(String reference, LocalDate lodged) {
    jdbc.sql("UPDATE ehc_plan SET cease_appealed_date = ? WHERE case_reference = ?").params(lodged, reference)
        .update();
  }

  public void recordCeaseMediationCertificate(String reference, LocalDate issued, LocalDate ceasesOn) {
    jdbc.sql("UPDATE ehc_plan SET cease_mediation_certificate_date = ?, ceases_on = ? WHERE case_reference = ?")
        .params(issued, ceasesOn, reference).update();
  }

  /** The decision to cease will not take effect (overturned on appeal, or the plan left for another council). */
  public void clearPendingCease(String reference) {
    jdbc.sql("""
            UPDATE ehc_plan SET cease_decided_date = NULL, pending_cease_reason = NULL, ceases_on = NULL,
              cease_appealed_date = NULL, cease_mediation_certificate_date = NULL, cease_mediation_started_date = NULL
            WHERE case_reference = ?""")
        .param(reference).update();
  }

  public void setNamedSetting(String reference, String namedSetting) {
    jdbc.sql("UPDATE ehc_plan SET named_setting = ? WHERE case_reference = ?").params(namedSetting, reference).update();
  }

  /** {@code phaseTransfer}: the phase transfer the review was brought forward for (reg 18), else null. */
  public int openCycle(String reference, LocalDate due, String phaseTransfer) {
    int cycle = jdbc.sql("SELECT COALESCE(MAX(cycle), 0) + 1 FROM plan_review WHERE case_reference = ?")
        .param(reference).query(Integer.class).single();
    jdbc.sql("INSERT INTO plan_review (case_reference, cycle, due_date, awaited_until, phase_transfer)"
            + " SELECT ?, ?, ?, ceased_date, ? FROM ehc_plan WHERE case_reference = ?")
        .params(reference, cycle, due, phaseTransfer, reference).update();
    changes.datedOn(due);
    return cycle;
  }

  public void recordMeeting(String reference, LocalDate meeting, LocalDate decisionDue) {
    updateCurrent(reference, "meeting_date", meeting);
    updateCurrent(reference, "decision_due", decisionDue);
    changes.datedOn(meeting, decisionDue);
  }

  /** The open cycle's meeting moves from {@code was}: its decision is due 4 weeks after the new date. */
  public void moveMeeting(String reference, LocalDate was, LocalDate meeting) {
    recordMeeting(reference, meeting, rules.reviewDecision(meeting));
    changes.datedOn(was, rules.reviewDecision(was));
  }

  public void recordReport(String reference, LocalDate date, String recommendation) {
    updateCurrent(reference, "report_date", date);
    updateCurrent(reference, "recommendation", recommendation);
  }

  /** The cycle no longer awaits a decision from that day ({@code awaited_until}, for the reports). */
  public void recordDecision(String reference, LocalDate date, String outcome) {
    updateCurrent(reference, "decision_date", date);
    jdbc.sql("UPDATE plan_review SET awaited_until = LEAST(COALESCE(awaited_until, ?), ?) WHERE case_reference = ?"
            + " AND cycle = (SELECT MAX(cycle) FROM plan_review WHERE case_reference = ?)")
        .params(date, date, reference, reference).update();
    updateCurrent(reference, "outcome", outcome);
    changes.datedOn(date);
  }

  public void recordAmendmentsSent(String reference, LocalDate date) {
    updateCurrent(reference, "amendments_sent_date", date);
  }

  public void recordAmendedPlan(String reference, LocalDate date) {
    updateCurrent(reference, "amended_plan_issued_date", date);
    changes.datedOn(date);
  }

  public void recordDecidedNotToAmend(String reference, LocalDate date) {
    updateCurrent(reference, "decided_not_to_amend_date", date);
  }

  public List<Review> reviews(String reference) {
    return jdbc.sql("""
            SELECT cycle, due_date, meeting_date, report_date, recommendation, decision_date, outcome,
              amendments_sent_date, amended_plan_issued_date, decided_not_to_amend_date
            FROM plan_review WHERE case_reference = ? ORDER BY cycle""")
        .param(reference)
        .query((rs, n) -> new Review(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7),
            rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class)))
        .list();
  }

  /** One review cycle as the case view shows it; {@code decidedNotToAmendDate}: reg 22(3)(b) notice instead. */
  public record Review(int cycle, LocalDate dueDate, LocalDate meetingDate, LocalDate reportDate,
      String recommendation, LocalDate decisionDate, String outcome, LocalDate amendmentsSentDate,
      LocalDate amendedPlanIssuedDate, LocalDate decidedNotToAmendDate) {
  }

  @Override
  public LocalDate reviewBase(String reference) {
    return jdbc.sql("""
            SELECT COALESCE((SELECT MAX(decision_date) FROM plan_review WHERE case_reference = ?), last_review_date,
              issued_date)
            FROM ehc_plan WHERE case_reference = ?""")
        .params(reference, reference).query((rs, n) -> rs.getObject(1, LocalDate.class)).single();
  }

  @Override
  public LocalDate reviewDue(String reference) {
    return current(reference, "due_date").orElseThrow(() -> new IllegalStateException("No review open"));
  }

  public Optional<LocalDate> currentDecisionDate(String reference) {
    return current(reference, "decision_date");
  }

  /** The due date of the review cycle open now (its decision not yet taken), if any. */
  public Optional<LocalDate> openCycleDue(String reference) {
    return jdbc.sql("SELECT due_date FROM plan_review WHERE case_reference = ? AND decision_date IS NULL"
            + " AND cycle = (SELECT MAX(cycle) FROM plan_review WHERE case_reference = ?)")
        .params(reference, reference).query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
  }

  /** The phase transfer the open (undecided) cycle was brought forward for, if it was. */
  public Optional<String> openCyclePhaseTransfer(String reference) {
    return jdbc.sql("SELECT phase_transfer FROM plan_review WHERE case_reference = ? AND decision_date IS NULL"
            + " AND cycle = (SELECT MAX(cycle) FROM plan_review WHERE case_reference = ?)")
        .params(reference, reference).query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional()
        .flatMap(transfer -> transfer);
  }

  /**
   * The open cycle, due {@code was}, is due on another date because of a phase transfer recorded while it was open:
   * brought forward for {@code phaseTransfer}, or back to its regular date ({@code phaseTransfer} null).
   */
  public void rescheduleOpenCycle(String reference, LocalDate was, LocalDate due, String phaseTransfer) {
    updateCurrent(reference, "due_date", due);
    updateCurrent(reference, "phase_transfer", phaseTransfer);
    changes.datedOn(due, was);
  }

  public int currentCycle(String reference) {
    return jdbc.sql("SELECT COALESCE(MAX(cycle), 0) FROM plan_review WHERE case_reference = ?").param(reference)
        .query(Integer.class).single();
  }

  @Override
  public Optional<LocalDate> meetingDate(String reference) {
    return current(reference, "meeting_date");
  }

  @Override
  public Optional<LocalDate> amendmentsSent(String reference) {
    return current(reference, "amendments_sent_date");
  }

  @Override
  public Optional<LocalDate> transferDate(String reference) {
    return jdbc.sql("SELECT transfer_date FROM ehc_plan WHERE case_reference = ?").param(reference)
        .query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
  }

  @Override
  public Optional<LocalDate> ceasesOn(String reference) {
    return pendingCease(reference).map(PendingCease::ceasesOn);
  }

  @Override
  public Optional<LocalDate> ceaseDecisionUnderAppeal(String reference) {
    return pendingCease(reference).filter(pending -> pending.appealed() != null).map(PendingCease::decided);
  }

  @Override
  public Optional<LocalDate> transferOutDue(String reference) {
    return jdbc.sql("SELECT transfer_out_due FROM ehc_plan WHERE case_reference = ?").param(reference)
        .query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).optional().flatMap(due -> due);
  }

  /**
   * The plan is moving to the council {@code newLaCode}: it must be transferred by {@code due} (reg 15(2)). Returns
   * false when the plan is not in force or is already moving (a second request racing the first loses here).
   */
  public boolean recordMovingOut(String reference, String newLaCode, LocalDate move, LocalDate due) {
    return jdbc.sql("""
            UPDATE ehc_plan SET new_la_code = ?, move_date = ?, transfer_out_due = ?
            WHERE case_reference = ? AND status = 'ACTIVE' AND new_la_code IS NULL""")
        .params(newLaCode, move, due, reference).update() == 1;
  }

  /** The plan is no longer moving (the move fell through, or the plan ceased first). */
  public void clearMovingOut(String reference) {
    jdbc.sql("UPDATE ehc_plan SET new_la_code = NULL, move_date = NULL, transfer_out_due = NULL"
            + " WHERE case_reference = ?").param(reference).update();
  }

  /**
   * {@link #planStatus}, with the plan's row locked until the transaction ends, so that two requests about the same
   * plan at the same moment are taken one after the other.
   */
  public Optional<PlanStatus> lockPlan(String reference) {
    jdbc.sql("UPDATE ehc_plan SET status = status WHERE case_reference = ?").param(reference).update();
    return planStatus(reference);
  }

  /** The plan in force, if any: its status and, when it is moving to another council, that council's code. */
  public Optional<PlanStatus> planStatus(String reference) {
    return jdbc.sql("SELECT status, new_la_code FROM ehc_plan WHERE case_reference = ?").param(reference)
        .query((rs, n) -> new PlanStatus(rs.getString(1), rs.getString(2))).optional();
  }

  public record PlanStatus(String status, String movingTo) {
  }

  private Optional<LocalDate> current(String reference, String column) {
    return jdbc.sql("SELECT " + column + " FROM plan_review WHERE case_reference = ? ORDER BY cycle DESC LIMIT 1")
        .param(reference).query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
  }

  private void updateCurrent(String reference, String column, Object value) {
    jdbc.sql("UPDATE plan_review SET " + column + " = ? WHERE case_reference = ? AND cycle ="
            + " (SELECT MAX(cycle) FROM plan_review WHERE case_reference = ?)")
        .params(value, reference, reference).update();
  }
}
