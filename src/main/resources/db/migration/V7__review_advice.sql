-- Issue 4: advice for an annual review meeting (reg 20(4)) sits beside the assessment's advice (regs 6 and 8),
-- told apart so that 6-week advice figures count only assessment advice.
ALTER TABLE case_advice ADD COLUMN purpose VARCHAR(20) DEFAULT 'ASSESSMENT' NOT NULL;
ALTER TABLE case_advice ADD COLUMN review_cycle INT;
CREATE INDEX case_advice_purpose ON case_advice (purpose, requested_date);

-- Reg 22(3)(b): after the family's views the council may decide not to amend the plan after all.
ALTER TABLE plan_review ADD COLUMN decided_not_to_amend_date DATE;
