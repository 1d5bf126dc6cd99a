-- Plans imported from a council's existing system, and each plan's next phase transfer.
ALTER TABLE ehc_plan ADD COLUMN source_reference VARCHAR(40);
ALTER TABLE ehc_plan ADD COLUMN next_phase_transfer VARCHAR(40);
CREATE UNIQUE INDEX ehc_plan_source_reference ON ehc_plan (source_reference);
