-- Issue 7: the figures of closed calendar months, kept so that a report over a year reads twelve stored months
-- instead of counting every case of the year again (docs/reports.md, "Stored figures of closed months").
-- A month is stored only once it has been over for more than a day; any write to the read model dated into a
-- stored month drops that month and every later one, in the writer's own transaction (ReadModelChanges).
CREATE TABLE report_month (
  month_start DATE PRIMARY KEY,
  figures     VARCHAR(1000000) NOT NULL,
  stored_on   DATE NOT NULL
);

-- One row. Every write that drops stored months adds one to the generation, in its own transaction; a report
-- stores the months it counted only if the generation is the one it read before counting, so figures counted
-- while a backdated write was committing are never kept.
CREATE TABLE report_month_generation (
  id         INT PRIMARY KEY,
  generation BIGINT NOT NULL
);
INSERT INTO report_month_generation (id, generation) VALUES (1, 0);

-- The day a review cycle stopped awaiting its decision: the decision, or its plan ceasing, whichever came first;
-- empty while it still awaits one. "Reviews overdue at the end of a period" reads this one date and its index
-- instead of joining every undecided cycle to its plan. PlanRecords keeps it up to date (as case_advice's, V12).
ALTER TABLE plan_review ADD COLUMN awaited_until DATE;
UPDATE plan_review SET awaited_until = LEAST(decision_date,
  (SELECT p.ceased_date FROM ehc_plan p WHERE p.case_reference = plan_review.case_reference));
CREATE INDEX plan_review_awaited_until ON plan_review (awaited_until, due_date);
