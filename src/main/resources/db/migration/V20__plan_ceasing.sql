-- A decision to cease a plan takes effect only when the family can no longer appeal (CFA s45, s51(2)(f)): the
-- plan stays in force (status ACTIVE) from the decision until it ceases. ceases_on: the day it will cease unless an
-- appeal is lodged; cease_appealed_date: the day an appeal was lodged (the plan then waits for the tribunal);
-- cease_mediation_certificate_date: a mediation certificate, which moves the last day to appeal.
ALTER TABLE ehc_plan ADD COLUMN cease_decided_date DATE;
ALTER TABLE ehc_plan ADD COLUMN pending_cease_reason VARCHAR(2);
ALTER TABLE ehc_plan ADD COLUMN ceases_on DATE;
ALTER TABLE ehc_plan ADD COLUMN cease_appealed_date DATE;
ALTER TABLE ehc_plan ADD COLUMN cease_mediation_certificate_date DATE;
