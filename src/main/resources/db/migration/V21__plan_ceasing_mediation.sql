-- A family in mediation after a decision to cease (they must consider it before appealing): the plan stays in force
-- until the mediation certificate, and then until the last day to appeal after it (CFA s55, the appeal rule).
ALTER TABLE ehc_plan ADD COLUMN cease_mediation_started_date DATE;
