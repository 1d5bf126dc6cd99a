-- Issue 5: what the SEN2 return needs that a caseworker can give when logging a request or a plan moving in.
-- All optional: without an ethnicity the return says NOBT (information not yet obtained); without a primary need a
-- plan is left out of the return's ActivePlans (SEN2 has no "not known" need). See docs/sen2.md.
ALTER TABLE ehc_case ADD COLUMN child_ethnicity VARCHAR(4);
ALTER TABLE ehc_case ADD COLUMN primary_need VARCHAR(4);
ALTER TABLE ehc_case ADD COLUMN secondary_need VARCHAR(4);
