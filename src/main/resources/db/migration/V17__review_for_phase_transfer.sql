-- The phase transfer (reg 18) a review cycle was brought forward for, e.g. SCHOOL:2027; null for a regular review.
-- Once such a review is decided, the plan's next review is regular again, even while the transfer is still ahead
-- (docs/reviews.md). V18 (review.PhaseTransferReviewBackfill) fills it in for the cycles opened before.
ALTER TABLE plan_review ADD COLUMN phase_transfer VARCHAR(40);
