-- bench/report_handwritten_cube.sql - the figures of bench/report_handwritten.sql
-- written by hand over the pre-aggregated counts (stat_cube, migration 0015),
-- for bench/reports.sh: the least SQL that reads those figures from what danvan
-- keeps, to set danvan's own statements against.
--
-- Same parameters as report_handwritten.sql; a 2025 unit only (:st = 2025):
-- the 2025 province whose path is in [:lo, :hi) and the 2024 units merged into
-- it are the cube rows with p25 in that range.  The period's first and last
-- half-month buckets come from :from and :to.  Letters forwarded from inside the
-- province are left out of the received and mass-case counts (k2).
--
-- Output: one "name|value" line per figure, as report_handwritten.sql.

WITH b AS (
	SELECT substr(:from, 1, 8) || CASE WHEN substr(:from, 9, 2) < '15'
	    THEN '1' ELSE '2' END AS bf,
	    substr(:to, 1, 8) || CASE WHEN substr(:to, 9, 2) < '15'
	    THEN '1' ELSE '2' END AS bt
), c AS (
	SELECT c.src, c.bucket, c.k1, c.k2, c.n, c.s1, c.s2,
	    c.bucket >= b.bf AND c.bucket <= b.bt AS inp
	FROM b, stat_cube c
	WHERE c.src IN ('r_sess', 'r_visit', 'p_flags', 'p_resolved', 'p_start',
	    'p_due', 'p_mass', 'o_cs', 'm_tot')
	    AND c.p25 >= :lo AND c.p25 < :hi
), t AS (
	SELECT
	    SUM(CASE WHEN src = 'r_sess' AND inp THEN n ELSE 0 END) AS rs,
	    SUM(CASE WHEN src = 'r_visit' AND inp THEN n ELSE 0 END) AS rv,
	    SUM(CASE WHEN src = 'r_visit' AND inp THEN s1 ELSE 0 END) AS rp,
	    SUM(CASE WHEN src = 'r_visit' AND inp THEN s2 ELSE 0 END) AS rm,
	    SUM(CASE WHEN src = 'p_flags' AND inp AND substr(k2, 3, 1) = '0'
		THEN n ELSE 0 END) AS pr,
	    SUM(CASE WHEN src = 'p_resolved' AND inp THEN n ELSE 0 END) AS pd,
	    SUM(CASE WHEN src = 'p_resolved' AND inp THEN s1 ELSE 0 END) AS po,
	    SUM(CASE WHEN src = 'p_start' AND inp THEN n ELSE 0 END) AS pa,
	    SUM(CASE WHEN src = 'p_due' AND bucket < :today THEN n ELSE 0 END)
		AS pl,
	    SUM(CASE WHEN src = 'p_mass' AND substr(k2, 3, 1) = '0' AND
		bucket <= (SELECT bt FROM b) AND (k1 = '' OR k1 >= :from)
		THEN n ELSE 0 END) AS mc,
	    SUM(CASE WHEN src = 'p_mass' AND substr(k2, 3, 1) = '0' AND
		k1 >= :from AND k1 <= :to THEN n ELSE 0 END) AS ms,
	    SUM(CASE WHEN src = 'o_cs' AND inp THEN n ELSE 0 END) AS op,
	    SUM(CASE WHEN src = 'm_tot' AND bucket = CAST(:year AS TEXT) THEN n
		ELSE 0 END) AS dm
	FROM c
)
SELECT 'dvk_models|' || dm FROM t
UNION ALL SELECT 'mass_cases|' || mc FROM t
UNION ALL SELECT 'mass_cases_settled|' || ms FROM t
UNION ALL SELECT 'mass_delegations|' || rm FROM t
UNION ALL SELECT 'opinions|' || op FROM t
UNION ALL SELECT 'overdue_open|' || pl FROM t
UNION ALL SELECT 'petitions_accepted|' || pa FROM t
UNION ALL SELECT 'petitions_received|' || pr FROM t
UNION ALL SELECT 'petitions_resolved|' || pd FROM t
UNION ALL SELECT 'petitions_resolved_on_time|' || po FROM t
UNION ALL SELECT 'reception_persons|' || rp FROM t
UNION ALL SELECT 'reception_sessions|' || rs FROM t
UNION ALL SELECT 'reception_visits|' || rv FROM t;
