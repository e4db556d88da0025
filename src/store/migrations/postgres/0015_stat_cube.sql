-- 0015: pre-aggregated counts for the statistics of a province or of the
-- whole country (domain/cube.h).  stat_cube holds, per source (src), per
-- province of the record's unit (unit_structure, unit_path: the province's
-- path), per half-month of the record's day (bucket 'YYYY-MM-1' for days
-- 1-14, 'YYYY-MM-2' from the 15th; a year for the models; a due day for
-- the open deadlines) and per key (k1, k2), the number of records (n) and
-- sums (s1..s3).  p25 is the 2025 province the record belongs to: the
-- province of its unit for a 2025 unit, the province of succ_path (0014)
-- for a 2024 unit ('' when it has none), so that a 2025 province's counts
-- include the 2024 units wholly merged into it, as in actor.h SCOPE_SQL.
--
-- The cube_* views state, once, what each record contributes; triggers add
-- a row's contribution after it is written and take it away before it is
-- changed or deleted, so the cube follows every write.  The same views
-- rebuild the cube (below, and domain/cube.c cube_rebuild()).
CREATE TABLE stat_cube (
	src		TEXT COLLATE "C" NOT NULL,
	unit_structure	BIGINT NOT NULL,
	unit_path	TEXT COLLATE "C" NOT NULL,
	bucket		TEXT COLLATE "C" NOT NULL,
	k1		TEXT COLLATE "C" NOT NULL,
	k2		TEXT COLLATE "C" NOT NULL,
	p25		TEXT COLLATE "C" NOT NULL,
	n		BIGINT NOT NULL,
	s1		BIGINT NOT NULL,
	s2		BIGINT NOT NULL,
	s3		BIGINT NOT NULL,
	PRIMARY KEY (src, unit_structure, unit_path, bucket, k1, k2, p25)
);
-- a 2025 province's rows, with the counts (no visit to the table)
CREATE INDEX stat_cube_p25 ON stat_cube (src, p25, bucket, k1, k2, n, s1, s2,
	s3);

-- the 2025 province of every unit
CREATE VIEW cube_units AS
SELECT structure, code, level, CASE WHEN structure = 2024 THEN
	COALESCE(split_part(succ_path, '/', 1), '') ELSE split_part(path, '/', 1) END AS p25
FROM units;

-- Petitions.  k2 of the counts by day received (p_cls ... p_flags, p_mass)
-- says where a forwarded letter came from, as stats.c P_SUBTREE counts a
-- letter once, where it first arrived in the subtree: '000' not forwarded
-- (or the sender is gone); else '1', then '1' when the sender is in the
-- same 2024 province (both of 2024), then '1' when it is in the same 2025
-- province.  p_mass: the mass cases by the half-month they arrived in and
-- the day they were settled (k1, '' while open).  p_due: the open ones by
-- due day.
CREATE VIEW cube_petitions AS
SELECT * FROM (SELECT b.id, s.src, b.unit_structure, b.unit_path,
	CASE s.src WHEN 'p_start' THEN (substr(b.resolution_start, 1, 8) || CASE WHEN substr(b.resolution_start, 9, 2) < '15' THEN '1' ELSE '2' END)
	    WHEN 'p_resolved' THEN (substr(b.resolved_day, 1, 8) || CASE WHEN substr(b.resolved_day, 9, 2) < '15' THEN '1' ELSE '2' END)
	    WHEN 'p_due' THEN CASE WHEN b.status IN ('accepted', 'verifying',
		'dialogue') THEN b.resolution_due END
	    WHEN 'p_mass' THEN CASE WHEN b.mass_case = 1 THEN
		(substr(b.received_day, 1, 8) || CASE WHEN substr(b.received_day, 9, 2) < '15' THEN '1' ELSE '2' END) END
	    ELSE (substr(b.received_day, 1, 8) || CASE WHEN substr(b.received_day, 9, 2) < '15' THEN '1' ELSE '2' END) END AS bucket,
	CASE s.src WHEN 'p_cls' THEN COALESCE(b.classification, '')
	    WHEN 'p_status' THEN b.status
	    WHEN 'p_field' THEN COALESCE(b.field, '')
	    WHEN 'p_mass' THEN COALESCE(b.mass_settled_day, '') ELSE '' END AS k1,
	CASE WHEN s.src IN ('p_cls', 'p_status', 'p_field', 'p_flags', 'p_mass')
	    THEN b.fwd ELSE '' END AS k2,
	b.p25, 1 AS n,
	CASE WHEN s.src = 'p_flags' AND b.eligibility = 'eligible' THEN 1
	    WHEN s.src = 'p_resolved' AND b.on_time = 1 THEN 1 ELSE 0 END AS s1,
	CASE WHEN s.src = 'p_flags' AND b.duplicate_of IS NOT NULL THEN 1
	    ELSE 0 END AS s2,
	CASE WHEN s.src = 'p_flags' THEN b.anonymous ELSE 0 END AS s3
FROM (SELECT p.id, p.unit_structure, split_part(p.unit_path, '/', 1) AS unit_path,
	COALESCE(cu.p25, CASE WHEN p.unit_structure = 2024 THEN '' ELSE split_part(p.unit_path, '/', 1) END) AS p25,
	p.received_day, p.classification, p.status, p.field, p.eligibility,
	p.duplicate_of, p.anonymous, p.resolution_start, p.resolved_day,
	p.on_time, p.resolution_due, p.mass_case, p.mass_settled_day,
	CASE WHEN p.source <> 'forwarded' OR snd.id IS NULL THEN '000'
	    ELSE '1' || CASE WHEN snd.unit_structure = 2024 AND
		p.unit_structure = 2024 AND split_part(snd.unit_path, '/', 1) =
		split_part(p.unit_path, '/', 1) THEN '1' ELSE '0' END ||
		CASE WHEN COALESCE(su.p25, CASE WHEN snd.unit_structure = 2024
		THEN '' ELSE split_part(snd.unit_path, '/', 1) END) = COALESCE(cu.p25, CASE WHEN p.unit_structure = 2024 THEN '' ELSE split_part(p.unit_path, '/', 1) END) AND
		COALESCE(cu.p25, CASE WHEN p.unit_structure = 2024 THEN '' ELSE split_part(p.unit_path, '/', 1) END) <> '' THEN '1' ELSE '0' END END AS fwd
    FROM petitions p LEFT JOIN cube_units cu ON cu.structure = p.unit_structure AND cu.code = p.unit_code
    LEFT JOIN petitions snd ON p.source = 'forwarded' AND snd.id = p.forwarded_from
    LEFT JOIN cube_units su ON su.structure = snd.unit_structure AND su.code = snd.unit_code) b
CROSS JOIN (SELECT 'p_cls' AS src UNION ALL SELECT 'p_status' AS src UNION ALL SELECT 'p_field' AS src UNION ALL SELECT 'p_flags' AS src UNION ALL SELECT 'p_start' AS src UNION ALL SELECT 'p_resolved' AS src UNION ALL SELECT 'p_due' AS src UNION ALL SELECT 'p_mass' AS src) s) f
WHERE f.bucket IS NOT NULL;

CREATE VIEW cube_reception_sessions AS
SELECT r.id, 'r_sess' AS src, r.unit_structure, split_part(r.unit_path, '/', 1) AS unit_path,
	(substr(r.day, 1, 8) || CASE WHEN substr(r.day, 9, 2) < '15' THEN '1' ELSE '2' END) AS bucket, r.kind AS k1, '' AS k2, COALESCE(cu.p25, CASE WHEN r.unit_structure = 2024 THEN '' ELSE split_part(r.unit_path, '/', 1) END) AS p25,
	1 AS n, 0 AS s1, 0 AS s2, 0 AS s3
FROM reception_sessions r LEFT JOIN cube_units cu ON cu.structure = r.unit_structure AND cu.code = r.unit_code;

CREATE VIEW cube_reception_visits AS
SELECT r.id, 'r_visit' AS src, r.unit_structure, split_part(r.unit_path, '/', 1) AS unit_path,
	(substr(r.day, 1, 8) || CASE WHEN substr(r.day, 9, 2) < '15' THEN '1' ELSE '2' END) AS bucket, '' AS k1, '' AS k2, COALESCE(cu.p25, CASE WHEN r.unit_structure = 2024 THEN '' ELSE split_part(r.unit_path, '/', 1) END) AS p25,
	1 AS n, r.persons AS s1, r.is_mass AS s2,
	CASE WHEN r.is_mass = 1 THEN r.persons ELSE 0 END AS s3
FROM reception_visits r LEFT JOIN cube_units cu ON cu.structure = r.unit_structure AND cu.code = r.unit_code;

-- Opinions: o_cs by channel (k1) and status (k2), s1 the hot spots; o_late
-- the forwarded ones by due day (k1).
CREATE VIEW cube_opinions AS
SELECT * FROM (SELECT r.id, s.src, r.unit_structure, split_part(r.unit_path, '/', 1) AS unit_path,
	CASE WHEN s.src <> 'o_late' OR (r.status = 'forwarded' AND
	    r.due_day IS NOT NULL) THEN (substr(r.day, 1, 8) || CASE WHEN substr(r.day, 9, 2) < '15' THEN '1' ELSE '2' END) END AS bucket,
	CASE s.src WHEN 'o_cs' THEN r.channel WHEN 'o_field' THEN r.field
	    ELSE COALESCE(r.due_day, '') END AS k1,
	CASE s.src WHEN 'o_cs' THEN r.status ELSE '' END AS k2,
	COALESCE(cu.p25, CASE WHEN r.unit_structure = 2024 THEN '' ELSE split_part(r.unit_path, '/', 1) END) AS p25, 1 AS n,
	CASE WHEN s.src = 'o_cs' THEN r.hot_spot ELSE 0 END AS s1,
	0 AS s2, 0 AS s3
FROM opinions r LEFT JOIN cube_units cu ON cu.structure = r.unit_structure AND cu.code = r.unit_code CROSS JOIN (SELECT 'o_cs' AS src UNION ALL SELECT 'o_field' AS src UNION ALL SELECT 'o_late' AS src) s) f
WHERE f.bucket IS NOT NULL;

-- "Dân vận khéo" models by year (bucket): m_tot (s1 outstanding, s2
-- replicated), by field, by the level of their unit, by kind, by status.
CREATE VIEW cube_dvk_models AS
SELECT r.id, s.src, r.unit_structure, split_part(r.unit_path, '/', 1) AS unit_path,
	CAST(r.year AS TEXT) AS bucket,
	CASE s.src WHEN 'm_field' THEN r.field
	    WHEN 'm_level' THEN COALESCE(cu.level, '')
	    WHEN 'm_kind' THEN r.kind WHEN 'm_status' THEN r.status
	    ELSE '' END AS k1,
	'' AS k2, COALESCE(cu.p25, CASE WHEN r.unit_structure = 2024 THEN '' ELSE split_part(r.unit_path, '/', 1) END) AS p25, 1 AS n,
	CASE WHEN s.src = 'm_tot' THEN r.outstanding ELSE 0 END AS s1,
	CASE WHEN s.src = 'm_tot' AND r.replicated_from IS NOT NULL THEN 1
	    ELSE 0 END AS s2, 0 AS s3
FROM dvk_models r LEFT JOIN cube_units cu ON cu.structure = r.unit_structure AND cu.code = r.unit_code CROSS JOIN (SELECT 'm_tot' AS src UNION ALL SELECT 'm_field' AS src UNION ALL SELECT 'm_level' AS src UNION ALL SELECT 'm_kind' AS src UNION ALL SELECT 'm_status' AS src) s;

-- Every write keeps the cube: a row's contribution is added after it is
-- written and taken away before it is changed or deleted.
CREATE FUNCTION petitions_cube_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3)
	SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3 FROM cube_petitions WHERE id = NEW.id
	ON CONFLICT (src, unit_structure, unit_path, bucket, k1, k2, p25) DO UPDATE SET n = stat_cube.n + excluded.n,
	    s1 = stat_cube.s1 + excluded.s1, s2 = stat_cube.s2 + excluded.s2,
	    s3 = stat_cube.s3 + excluded.s3;
	RETURN NULL;
END $$;
CREATE FUNCTION petitions_cube_sub() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3)
	SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, -n, -s1, -s2, -s3 FROM cube_petitions WHERE id = OLD.id
	ON CONFLICT (src, unit_structure, unit_path, bucket, k1, k2, p25) DO UPDATE SET n = stat_cube.n + excluded.n,
	    s1 = stat_cube.s1 + excluded.s1, s2 = stat_cube.s2 + excluded.s2,
	    s3 = stat_cube.s3 + excluded.s3;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER petitions_cube_ins AFTER INSERT ON petitions FOR EACH ROW EXECUTE FUNCTION petitions_cube_add();
CREATE TRIGGER petitions_cube_upd_old BEFORE UPDATE OF unit_structure, unit_code, unit_path, source, forwarded_from, received_day, classification, status, field, eligibility, duplicate_of, anonymous, resolution_start, resolved_day, on_time, resolution_due, mass_case, mass_settled_day ON petitions FOR EACH ROW EXECUTE FUNCTION petitions_cube_sub();
CREATE TRIGGER petitions_cube_upd_new AFTER UPDATE OF unit_structure, unit_code, unit_path, source, forwarded_from, received_day, classification, status, field, eligibility, duplicate_of, anonymous, resolution_start, resolved_day, on_time, resolution_due, mass_case, mass_settled_day ON petitions FOR EACH ROW EXECUTE FUNCTION petitions_cube_add();
CREATE TRIGGER petitions_cube_del BEFORE DELETE ON petitions FOR EACH ROW EXECUTE FUNCTION petitions_cube_sub();
CREATE FUNCTION reception_sessions_cube_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3)
	SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3 FROM cube_reception_sessions WHERE id = NEW.id
	ON CONFLICT (src, unit_structure, unit_path, bucket, k1, k2, p25) DO UPDATE SET n = stat_cube.n + excluded.n,
	    s1 = stat_cube.s1 + excluded.s1, s2 = stat_cube.s2 + excluded.s2,
	    s3 = stat_cube.s3 + excluded.s3;
	RETURN NULL;
END $$;
CREATE FUNCTION reception_sessions_cube_sub() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3)
	SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, -n, -s1, -s2, -s3 FROM cube_reception_sessions WHERE id = OLD.id
	ON CONFLICT (src, unit_structure, unit_path, bucket, k1, k2, p25) DO UPDATE SET n = stat_cube.n + excluded.n,
	    s1 = stat_cube.s1 + excluded.s1, s2 = stat_cube.s2 + excluded.s2,
	    s3 = stat_cube.s3 + excluded.s3;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER reception_sessions_cube_ins AFTER INSERT ON reception_sessions FOR EACH ROW EXECUTE FUNCTION reception_sessions_cube_add();
CREATE TRIGGER reception_sessions_cube_upd_old BEFORE UPDATE OF unit_structure, unit_code, unit_path, day, kind ON reception_sessions FOR EACH ROW EXECUTE FUNCTION reception_sessions_cube_sub();
CREATE TRIGGER reception_sessions_cube_upd_new AFTER UPDATE OF unit_structure, unit_code, unit_path, day, kind ON reception_sessions FOR EACH ROW EXECUTE FUNCTION reception_sessions_cube_add();
CREATE TRIGGER reception_sessions_cube_del BEFORE DELETE ON reception_sessions FOR EACH ROW EXECUTE FUNCTION reception_sessions_cube_sub();
CREATE FUNCTION reception_visits_cube_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3)
	SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3 FROM cube_reception_visits WHERE id = NEW.id
	ON CONFLICT (src, unit_structure, unit_path, bucket, k1, k2, p25) DO UPDATE SET n = stat_cube.n + excluded.n,
	    s1 = stat_cube.s1 + excluded.s1, s2 = stat_cube.s2 + excluded.s2,
	    s3 = stat_cube.s3 + excluded.s3;
	RETURN NULL;
END $$;
CREATE FUNCTION reception_visits_cube_sub() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3)
	SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, -n, -s1, -s2, -s3 FROM cube_reception_visits WHERE id = OLD.id
	ON CONFLICT (src, unit_structure, unit_path, bucket, k1, k2, p25) DO UPDATE SET n = stat_cube.n + excluded.n,
	    s1 = stat_cube.s1 + excluded.s1, s2 = stat_cube.s2 + excluded.s2,
	    s3 = stat_cube.s3 + excluded.s3;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER reception_visits_cube_ins AFTER INSERT ON reception_visits FOR EACH ROW EXECUTE FUNCTION reception_visits_cube_add();
CREATE TRIGGER reception_visits_cube_upd_old BEFORE UPDATE OF unit_structure, unit_code, unit_path, day, persons, is_mass ON reception_visits FOR EACH ROW EXECUTE FUNCTION reception_visits_cube_sub();
CREATE TRIGGER reception_visits_cube_upd_new AFTER UPDATE OF unit_structure, unit_code, unit_path, day, persons, is_mass ON reception_visits FOR EACH ROW EXECUTE FUNCTION reception_visits_cube_add();
CREATE TRIGGER reception_visits_cube_del BEFORE DELETE ON reception_visits FOR EACH ROW EXECUTE FUNCTION reception_visits_cube_sub();
CREATE FUNCTION opinions_cube_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3)
	SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3 FROM cube_opinions WHERE id = NEW.id
	ON CONFLICT (src, unit_structure, unit_path, bucket, k1, k2, p25) DO UPDATE SET n = stat_cube.n + excluded.n,
	    s1 = stat_cube.s1 + excluded.s1, s2 = stat_cube.s2 + excluded.s2,
	    s3 = stat_cube.s3 + excluded.s3;
	RETURN NULL;
END $$;
CREATE FUNCTION opinions_cube_sub() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3)
	SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, -n, -s1, -s2, -s3 FROM cube_opinions WHERE id = OLD.id
	ON CONFLICT (src, unit_structure, unit_path, bucket, k1, k2, p25) DO UPDATE SET n = stat_cube.n + excluded.n,
	    s1 = stat_cube.s1 + excluded.s1, s2 = stat_cube.s2 + excluded.s2,
	    s3 = stat_cube.s3 + excluded.s3;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER opinions_cube_ins AFTER INSERT ON opinions FOR EACH ROW EXECUTE FUNCTION opinions_cube_add();
CREATE TRIGGER opinions_cube_upd_old BEFORE UPDATE OF unit_structure, unit_code, unit_path, day, channel, field, status, hot_spot, due_day ON opinions FOR EACH ROW EXECUTE FUNCTION opinions_cube_sub();
CREATE TRIGGER opinions_cube_upd_new AFTER UPDATE OF unit_structure, unit_code, unit_path, day, channel, field, status, hot_spot, due_day ON opinions FOR EACH ROW EXECUTE FUNCTION opinions_cube_add();
CREATE TRIGGER opinions_cube_del BEFORE DELETE ON opinions FOR EACH ROW EXECUTE FUNCTION opinions_cube_sub();
CREATE FUNCTION dvk_models_cube_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3)
	SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3 FROM cube_dvk_models WHERE id = NEW.id
	ON CONFLICT (src, unit_structure, unit_path, bucket, k1, k2, p25) DO UPDATE SET n = stat_cube.n + excluded.n,
	    s1 = stat_cube.s1 + excluded.s1, s2 = stat_cube.s2 + excluded.s2,
	    s3 = stat_cube.s3 + excluded.s3;
	RETURN NULL;
END $$;
CREATE FUNCTION dvk_models_cube_sub() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3)
	SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, -n, -s1, -s2, -s3 FROM cube_dvk_models WHERE id = OLD.id
	ON CONFLICT (src, unit_structure, unit_path, bucket, k1, k2, p25) DO UPDATE SET n = stat_cube.n + excluded.n,
	    s1 = stat_cube.s1 + excluded.s1, s2 = stat_cube.s2 + excluded.s2,
	    s3 = stat_cube.s3 + excluded.s3;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER dvk_models_cube_ins AFTER INSERT ON dvk_models FOR EACH ROW EXECUTE FUNCTION dvk_models_cube_add();
CREATE TRIGGER dvk_models_cube_upd_old BEFORE UPDATE OF unit_structure, unit_code, unit_path, year, field, kind, status, outstanding, replicated_from ON dvk_models FOR EACH ROW EXECUTE FUNCTION dvk_models_cube_sub();
CREATE TRIGGER dvk_models_cube_upd_new AFTER UPDATE OF unit_structure, unit_code, unit_path, year, field, kind, status, outstanding, replicated_from ON dvk_models FOR EACH ROW EXECUTE FUNCTION dvk_models_cube_add();
CREATE TRIGGER dvk_models_cube_del BEFORE DELETE ON dvk_models FOR EACH ROW EXECUTE FUNCTION dvk_models_cube_sub();

-- The records already there (domain/cube.c cube_rebuild() does the same).
INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3)
SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, SUM(n), SUM(s1), SUM(s2), SUM(s3) FROM cube_petitions
GROUP BY src, unit_structure, unit_path, bucket, k1, k2, p25;
INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3)
SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, SUM(n), SUM(s1), SUM(s2), SUM(s3) FROM cube_reception_sessions
GROUP BY src, unit_structure, unit_path, bucket, k1, k2, p25;
INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3)
SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, SUM(n), SUM(s1), SUM(s2), SUM(s3) FROM cube_reception_visits
GROUP BY src, unit_structure, unit_path, bucket, k1, k2, p25;
INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3)
SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, SUM(n), SUM(s1), SUM(s2), SUM(s3) FROM cube_opinions
GROUP BY src, unit_structure, unit_path, bucket, k1, k2, p25;
INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3)
SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, SUM(n), SUM(s1), SUM(s2), SUM(s3) FROM cube_dvk_models
GROUP BY src, unit_structure, unit_path, bucket, k1, k2, p25;
