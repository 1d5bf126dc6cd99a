-- Issue 7: the at-risk list at a national size (docs/reports.md, docs/performance.md).

-- The day the draft plan was first served (the earliest DRAFT_PLAN_SERVED milestone), kept on the case by
-- CaseRecords.recordMilestone, so that the at-risk list and the council's recent pace read it with the case instead
-- of looking up the milestones of each case.
ALTER TABLE ehc_case ADD COLUMN draft_served_date DATE;
UPDATE ehc_case SET draft_served_date = (SELECT MIN(m.milestone_date) FROM case_milestone m
    WHERE m.case_reference = ehc_case.case_reference AND m.milestone_type = 'DRAFT_PLAN_SERVED')
  WHERE case_reference IN (SELECT case_reference FROM case_milestone WHERE milestone_type = 'DRAFT_PLAN_SERVED');

-- The recent pace (AtRiskList): the plans issued in the last 12 months with the dates of their steps, from the index
-- alone.
CREATE INDEX ehc_case_recent_pace ON ehc_case (final_plan_issued_date, origin, request_received_date,
  decision_to_assess_date, decision_to_issue_date, draft_served_date);

-- A page of the at-risk list (AtRiskRanking): every open case's RAG and next deadline worked out from the index
-- alone. It starts with status, so it also serves every query ehc_case_status (V1) served.
DROP INDEX ehc_case_status;
CREATE INDEX ehc_case_open_deadlines ON ehc_case (status, decision_to_assess_date, decision_to_issue_date,
  final_plan_issued_date, decision_to_assess_due, no_plan_decision_due, final_plan_due, case_reference);
