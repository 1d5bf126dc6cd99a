-- Issue 5: what the timeliness reports need from the read model, and indexes for them.

-- Where a case came from: a request to this council, a plan moved in (reg 15), or a plan imported from the
-- council's old system. Only requests count in the DfE's timeliness figures.
ALTER TABLE ehc_case ADD COLUMN origin VARCHAR(12) DEFAULT 'REQUEST' NOT NULL;
UPDATE ehc_case SET origin = 'TRANSFER_IN'
  WHERE case_reference IN (SELECT case_reference FROM ehc_plan WHERE old_la_code IS NOT NULL);
UPDATE ehc_case SET origin = 'IMPORT'
  WHERE case_reference IN (SELECT case_reference FROM ehc_plan WHERE source_reference IS NOT NULL);

-- The review decision's 4-week limit (reg 20(10)), stored when the meeting is set, as ehc_case stores its deadlines.
ALTER TABLE plan_review ADD COLUMN decision_due DATE;

CREATE INDEX ehc_case_received ON ehc_case (request_received_date);
CREATE INDEX ehc_case_decision_to_assess ON ehc_case (decision_to_assess_date);
CREATE INDEX ehc_case_decision_to_issue ON ehc_case (decision_to_issue_date);
CREATE INDEX ehc_case_final_plan ON ehc_case (final_plan_issued_date);
CREATE INDEX case_advice_returned ON case_advice (returned_date);
CREATE INDEX plan_review_decision ON plan_review (decision_date);
CREATE INDEX plan_review_due ON plan_review (due_date);
