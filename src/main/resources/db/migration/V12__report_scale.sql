-- Issue 7: the timeliness reports and the at-risk list at a million cases (docs/performance.md, docs/reports.md).

-- The day an advice request stopped being awaited: returned, closed without it, or its case closed, whichever came
-- first; empty while it is still awaited. "Outstanding at the end of a period" reads this one date and its index
-- instead of three dates on two tables over the whole history. CaseRecords keeps it up to date.
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
