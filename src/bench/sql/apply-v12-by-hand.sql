ALTER TABLE case_advice ADD COLUMN awaited_until DATE;
UPDATE case_advice SET awaited_until = LEAST(returned_date, closed_without_return_date,
  (SELECT c.closed_date FROM ehc_case c WHERE c.case_reference = case_advice.case_reference));
CREATE INDEX case_advice_awaited_until ON case_advice (awaited_until, due_date, purpose, advice_type, requested_date);

-- The deadline of the plan's next phase transfer (StatutoryDeadlines.phaseTransferDeadline), written with it by
-- PlanRecords, so the reports find the transfers due in a period by index; V13 fills it in for existing plans.
ALTER TABLE ehc_plan ADD COLUMN phase_transfer_deadline DATE;
CREATE INDEX ehc_plan_phase_transfer_deadline ON ehc_plan (phase_transfer_deadline);

-- Each report query reads a range of one date column; these indexes also hold the columns it counts by, so
-- PostgreSQL answers from the index alone. They replace the single-column indexes of V8 and V7.
DROP INDEX ehc_case_received;
CREATE INDEX ehc_case_received ON ehc_case (request_received_date, origin, request_source, created_by);
DROP INDEX ehc_case_decision_to_assess;
CREATE INDEX ehc_case_decision_to_assess ON ehc_case (decision_to_assess_date, origin, request_source, created_by,
  status, decision_to_assess_due);
DROP INDEX ehc_case_decision_to_issue;
CREATE INDEX ehc_case_decision_to_issue ON ehc_case (decision_to_issue_date, origin, status, no_plan_decision_due);
DROP INDEX ehc_case_final_plan;
CREATE INDEX ehc_case_final_plan ON ehc_case (final_plan_issued_date, origin, request_source, created_by,
  request_received_date, final_plan_due, week20_exception_applies);
DROP INDEX case_advice_purpose;
CREATE INDEX case_advice_purpose ON case_advice (purpose, requested_date, advice_type);
DROP INDEX case_advice_returned;
CREATE INDEX case_advice_returned ON case_advice (returned_date, purpose, advice_type, due_date);
DROP INDEX plan_review_decision;
CREATE INDEX plan_review_decision ON plan_review (decision_date, due_date, decision_due);

-- The at-risk list's draft dates: an open case's DRAFT_PLAN_SERVED milestone without reading its other milestones.
CREATE INDEX case_milestone_case_type ON case_milestone (case_reference, milestone_type, milestone_date);
-- measurement only: the same deadlines StatutoryDeadlines gives for the bench's four transfers
UPDATE ehc_plan SET phase_transfer_deadline = CASE next_phase_transfer WHEN 'SCHOOL:2025' THEN DATE '2025-02-15' WHEN 'SCHOOL:2026' THEN DATE '2026-02-15' WHEN 'POST16:2026' THEN DATE '2026-03-31' WHEN 'POST16_TO_POST16:2025-09-01' THEN DATE '2025-04-01' END WHERE next_phase_transfer IS NOT NULL;
VACUUM ANALYZE ehc_case; VACUUM ANALYZE case_advice; VACUUM ANALYZE ehc_plan; VACUUM ANALYZE plan_review; VACUUM ANALYZE case_milestone;
