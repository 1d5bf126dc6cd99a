-- Plans that move in from another local authority (reg 15).
ALTER TABLE ehc_plan ADD COLUMN old_la_code VARCHAR(3);
ALTER TABLE ehc_plan ADD COLUMN transfer_date DATE;
ALTER TABLE ehc_plan ADD COLUMN last_review_date DATE;
