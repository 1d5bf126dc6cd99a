-- Issue 7: the advice figures at the end of a period and the advice returned in it, on H2 (docs/performance.md,
-- "Report latency", H2). Both queries ask for purpose = 'ASSESSMENT' and a range of one date. With the date first in
-- V12's indexes, H2 preferred case_advice_purpose (purpose alone: every assessment advice ever requested) and read
-- each of its rows; at 99,636 cases 796 and 1,672 ms on a cold start, 13 and 12 ms with purpose first. PostgreSQL
-- answers from either order alone and keeps the same times (19 and 2 ms at a million cases).
DROP INDEX case_advice_returned;
CREATE INDEX case_advice_returned ON case_advice (purpose, returned_date, advice_type, due_date);
DROP INDEX case_advice_awaited_until;
CREATE INDEX case_advice_awaited_until ON case_advice (purpose, awaited_until, due_date, advice_type, requested_date);
