-- A plan moving with its child to another council (reg 15(2)): the new council's LA code, the day of the move and
-- the day by which the plan must be transferred. The plan then ceases here with SEN2 cease reason 1.
ALTER TABLE ehc_plan ADD COLUMN new_la_code VARCHAR(3);
ALTER TABLE ehc_plan ADD COLUMN move_date DATE;
ALTER TABLE ehc_plan ADD COLUMN transfer_out_due DATE;
