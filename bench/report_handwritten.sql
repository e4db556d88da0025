-- bench/report_handwritten.sql - the record-based figures of a unit's report
-- written by hand as aggregate SQL, for bench/reports.sh (the "hand-written
-- aggregate SQL run by the sqlite3 CLI" of issue 6).
--
-- Parameters (sqlite3 CLI, temp.sqlite_parameters):
--   :st    structure of the unit (2025 or 2024)
--   :lo    the unit's path, :hi the same followed by "0" (the subtree range,
--          as danvan binds it)
--   :from :to   the period's dates, :year its year (models), :today
--
-- Same rules as danvan: the subtree is the unit's own structure by path, plus,
-- for a 2025 unit, the rows of 2024 units whose every successor lies in the
-- subtree (unit_succ); petitions forwarded from a body inside the subtree are
-- not counted again; "resolved" and "accepted" are by their own dates,
-- wherever the letter arrived.  Unlike danvan's generic scope clause
-- (SCOPE_SQL, one WHERE with ORs for every actor), each part is its own index
-- range: the 2025 subtree is one range of petitions_path, the 2024 part one
-- equality per merged unit.
--
-- Output: one "name|value" line per figure, in the order of the names
-- bench/reports.sh compares with the API's roll-up.

DROP TABLE IF EXISTS temp.old_units;
CREATE TEMP TABLE old_units (path TEXT PRIMARY KEY, code TEXT);
INSERT INTO old_units
SELECT u.path, u.code FROM units u
WHERE :st = 2025 AND u.structure = 2024 AND u.code IN (
    SELECT old_code FROM unit_succ GROUP BY old_code
    HAVING SUM(NOT (new_path >= :lo AND new_path < :hi)) = 0);

DROP TABLE IF EXISTS temp.agg;
CREATE TEMP TABLE agg (name TEXT PRIMARY KEY, value);

-- petitions received in the period: classification x status x field
DROP TABLE IF EXISTS temp.pr;
CREATE TEMP TABLE pr AS
WITH p AS (
	SELECT id, classification, status, field, eligibility, duplicate_of,
	    anonymous, source, forwarded_from
	FROM petitions WHERE unit_structure = :st AND unit_path >= :lo
	    AND unit_path < :hi AND received_day >= :from AND received_day <= :to
	UNION ALL
	SELECT p.id, p.classification, p.status, p.field, p.eligibility,
	    p.duplicate_of, p.anonymous, p.source, p.forwarded_from
	FROM old_units o JOIN petitions p ON p.unit_structure = 2024
	    AND p.unit_path = o.path AND p.received_day >= :from
	    AND p.received_day <= :to
)
SELECT classification, status, field, COUNT(*) AS n,
    SUM(eligibility = 'eligible') AS eligible,
    SUM(duplicate_of IS NOT NULL) AS dups, SUM(anonymous) AS anon
FROM p
WHERE source <> 'forwarded' OR NOT EXISTS (SELECT 1 FROM petitions snd
    WHERE snd.id = p.forwarded_from AND (
        (snd.unit_structure = :st AND snd.unit_path >= :lo
         AND snd.unit_path < :hi)
        OR (snd.unit_structure = 2024 AND snd.unit_path IN
            (SELECT path FROM old_units))))
GROUP BY 1, 2, 3;
INSERT INTO agg SELECT 'petitions_received', COALESCE(SUM(n), 0) FROM pr;

-- the whole subtree, every year: resolved / accepted in the period, open
-- and overdue today, mass cases followed and settled
WITH p AS (
	SELECT id, source, forwarded_from, received_day, resolution_start,
	    resolved_day, on_time, status, resolution_due, mass_case,
	    mass_settled_day
	FROM petitions WHERE unit_structure = :st AND unit_path >= :lo
	    AND unit_path < :hi
	UNION ALL
	SELECT p.id, p.source, p.forwarded_from, p.received_day,
	    p.resolution_start, p.resolved_day, p.on_time, p.status,
	    p.resolution_due, p.mass_case, p.mass_settled_day
	FROM old_units o JOIN petitions p ON p.unit_structure = 2024
	    AND p.unit_path = o.path
)
INSERT INTO agg SELECT column1, column2 FROM (
SELECT 'petitions_resolved' AS column1,
    COALESCE(SUM(resolved_day >= :from AND resolved_day <= :to), 0)
    AS column2 FROM p
UNION ALL SELECT 'petitions_resolved_on_time',
    COALESCE(SUM(resolved_day >= :from AND resolved_day <= :to
        AND on_time = 1), 0) FROM p
UNION ALL SELECT 'petitions_accepted',
    COALESCE(SUM(resolution_start >= :from AND resolution_start <= :to), 0)
    FROM p
UNION ALL SELECT 'overdue_open',
    COALESCE(SUM(status IN ('accepted', 'verifying', 'dialogue')
        AND resolution_due < :today), 0) FROM p
UNION ALL SELECT 'mass_cases',
    COALESCE(SUM(mass_case = 1 AND received_day <= :to
        AND (mass_settled_day IS NULL OR mass_settled_day >= :from)), 0)
    FROM p
UNION ALL SELECT 'mass_cases_settled',
    COALESCE(SUM(mass_case = 1 AND mass_settled_day >= :from
        AND mass_settled_day <= :to), 0) FROM p);

-- reception: sessions and visits in the period
INSERT INTO agg
SELECT 'reception_sessions', COUNT(*) FROM (
	SELECT 1 FROM reception_sessions WHERE unit_structure = :st
	    AND unit_path >= :lo AND unit_path < :hi AND day >= :from
	    AND day <= :to
	UNION ALL
	SELECT 1 FROM old_units o JOIN reception_sessions s
	    ON s.unit_structure = 2024 AND s.unit_path = o.path
	    AND s.day >= :from AND s.day <= :to);
DROP TABLE IF EXISTS temp.rv;
CREATE TEMP TABLE rv AS
WITH v AS (
	SELECT persons, is_mass FROM reception_visits WHERE unit_structure = :st
	    AND unit_path >= :lo AND unit_path < :hi AND day >= :from
	    AND day <= :to
	UNION ALL
	SELECT v.persons, v.is_mass FROM old_units o JOIN reception_visits v
	    ON v.unit_structure = 2024 AND v.unit_path = o.path
	    AND v.day >= :from AND v.day <= :to
)
SELECT COUNT(*) AS visits, COALESCE(SUM(persons), 0) AS persons,
    COALESCE(SUM(is_mass), 0) AS mass FROM v;
INSERT INTO agg SELECT 'reception_visits', visits FROM rv;
INSERT INTO agg SELECT 'reception_persons', persons FROM rv;
INSERT INTO agg SELECT 'mass_delegations', mass FROM rv;

-- opinions in the period, models of the year
INSERT INTO agg
SELECT 'opinions', COUNT(*) FROM (
	SELECT 1 FROM opinions WHERE unit_structure = :st AND unit_path >= :lo
	    AND unit_path < :hi AND day >= :from AND day <= :to
	UNION ALL
	SELECT 1 FROM old_units o JOIN opinions x ON x.unit_structure = 2024
	    AND x.unit_path = o.path AND x.day >= :from AND x.day <= :to);
INSERT INTO agg
SELECT 'dvk_models', COUNT(*) FROM (
	SELECT 1 FROM dvk_models WHERE unit_structure = :st
	    AND unit_path >= :lo AND unit_path < :hi AND year = :year
	UNION ALL
	SELECT 1 FROM old_units o JOIN dvk_models m ON m.unit_structure = 2024
	    AND m.unit_path = o.path AND m.year = :year);

SELECT name || '|' || value FROM agg ORDER BY name;
