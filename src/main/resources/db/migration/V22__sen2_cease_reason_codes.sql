-- The review outcome form labelled SEN2 cease reasons with a list that did not match DfE's 2024 schema (for
-- example 1 "Moved to another local authority", which the schema codes 5; its 1 is "Reached maximum age"), and a
-- plan sent to another council was stored with 1. Each stored code is moved to the schema's code for what the
-- caseworker chose: 1 -> 5, 5 (19+ no longer wishes to engage) -> 6, 6 (moved outside England) -> 7, 7 (deceased)
-- -> 8, 8 (other) -> 9; 9 (transferred to adult social care, not an SEN2 reason) -> 9 (other). 2, 3 and 4 meant
-- the same in both lists.
UPDATE ehc_plan SET cease_reason = CASE cease_reason
    WHEN '1' THEN '5' WHEN '5' THEN '6' WHEN '6' THEN '7' WHEN '7' THEN '8' WHEN '8' THEN '9'
    ELSE cease_reason END
  WHERE cease_reason IN ('1', '5', '6', '7', '8');
UPDATE ehc_plan SET pending_cease_reason = CASE pending_cease_reason
    WHEN '1' THEN '5' WHEN '5' THEN '6' WHEN '6' THEN '7' WHEN '7' THEN '8' WHEN '8' THEN '9'
    ELSE pending_cease_reason END
  WHERE pending_cease_reason IN ('1', '5', '6', '7', '8');
