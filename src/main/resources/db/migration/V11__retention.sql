-- Issue 6: a closed case's personal data is removed when its retention period is over; the dated facts stay so
-- the timeliness figures of past years do not change.
ALTER TABLE ehc_case ALTER COLUMN child_date_of_birth DROP NOT NULL;
ALTER TABLE ehc_case ALTER COLUMN child_postcode DROP NOT NULL;
ALTER TABLE ehc_case ADD COLUMN personal_data_removed_date DATE;
CREATE INDEX ehc_case_closed ON ehc_case (status, closed_date);
