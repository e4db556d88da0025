-- 0014: the statistics of a subtree as index ranges (bench/reports.sh).
--
-- The scope of a 2025 unit over records of 2024 units: for every 2024
-- unit, succ_path is the lowest common ancestor of the 2025 units it
-- became (unit_succ).  The old unit belongs wholly to a 2025 subtree
-- exactly when succ_path lies in that subtree, so "old units wholly inside
-- [P, P + '0')" is one range of units_succ instead of a per-row test of
-- every successor (domain/actor.h SCOPE_SQL).  An old commune split
-- between two new communes of one province has the province as succ_path;
-- one split across provinces has ''.  NULL for 2025 units and old units
-- without successors.  Filled by `danvan migrate` with unit_succ
-- (domain/unit.c).
ALTER TABLE units ADD COLUMN succ_path TEXT COLLATE "C";
CREATE INDEX units_succ ON units (structure, succ_path, path);

-- The statistics read a subtree's rows through the (unit_structure,
-- unit_path, ...) indexes; these carry every column the statistics count
-- by, so those reads need not visit the table.
DROP INDEX petitions_path;
CREATE INDEX petitions_path ON petitions (unit_structure, unit_path,
	received_day, status, classification, field, source, forwarded_from,
	eligibility, anonymous, duplicate_of);
-- accepted and resolved in a period wherever they arrived, open and overdue
CREATE INDEX petitions_resolution ON petitions (unit_structure, unit_path,
	resolution_start, resolved_day, on_time, status, resolution_due);
-- mass cases followed in a period
CREATE INDEX petitions_mass ON petitions (unit_structure, unit_path,
	received_day, mass_settled_day, source, forwarded_from)
	WHERE mass_case = 1;
DROP INDEX reception_sessions_path;
CREATE INDEX reception_sessions_path ON reception_sessions (unit_structure,
	unit_path, day, kind);
DROP INDEX reception_visits_path;
CREATE INDEX reception_visits_path ON reception_visits (unit_structure,
	unit_path, day, persons, is_mass);
DROP INDEX opinions_path;
CREATE INDEX opinions_path ON opinions (unit_structure, unit_path, day,
	channel, status, field, hot_spot, due_day);
DROP INDEX dvk_models_path;
-- (not unit_code: with it, SQLite would join units to the models of a
-- whole structure through this index, for every unit)
CREATE INDEX dvk_models_path ON dvk_models (unit_structure, unit_path, year,
	field, status, kind, outstanding, replicated_from);
