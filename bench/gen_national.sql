-- bench/gen_national.sql - national-scale records for bench/reports.sh.
--
-- Run with the sqlite3 CLI on a database made by `danvan migrate`, after
-- creating the temp table bench_cfg (bench/reports.sh does it from SCALE):
--
--   CREATE TEMP TABLE bench_cfg AS SELECT 6000000 AS np, 4000000 AS nv,
--       1000000 AS nd, 5000000 AS nop;
--
-- np petitions, nv reception visits (in sessions of 6 visits), nd "Dân vận
-- khéo" models, nop opinions, over the five years 2021-01-01 .. 2025-12-31,
-- in every commune of the country:
--
--  - structure: records dated before 1 July 2025 (the reform) belong to a
--    2024 commune (10,035 of them, structure 2024), records from that day on
--    to a 2025 commune (3,321, structure 2025); models of the years 2021-2024
--    to 2024 communes, of 2025 to 2025 communes.  A 2025 report of 2024 thus
--    reaches its records through the old -> new mapping (unit_succ), as it
--    will in production;
--  - one organisation (people's committee) per commune of both structures,
--    created here (13,356);
--  - communes are picked uniformly (by a multiplicative hash of the row
--    number), so a province's share is its share of communes; the days are
--    spread evenly over the five years and ids grow with the day;
--  - petitions: classification 30 % complaint, 10 % denunciation, 30 %
--    recommendation, 25 % reflection, 5 % mixed; field weighted (land 3/16,
--    compensation, social policy, construction 2/16 each, ...); source 30 %
--    visit, 20 % online, 8 % forwarded, the rest post; status by age at
--    2025-12-31 (recent letters open, older ones mostly resolved, returned,
--    forwarded, archived, attached, withdrawn); resolution due 45 days after
--    acceptance, resolved 10..99 days after receipt (on time when within the
--    due date, about 70 %); 1 % mass cases (đông người, 5..30 persons), 70 %
--    of them settled 30..330 days later; 3 % duplicates, 2 % anonymous;
--  - visits: 3 % mass visits (5..50 persons); sessions 70 % regular, 20 %
--    periodic, 10 % ad hoc;
--  - models: 70 % collective, status by year, 10 % outstanding, 15 %
--    replicated from an earlier model;
--  - opinions: eight channels, 2 % hot spots, status open / answered /
--    studying / forwarded / closed.
--
-- The attributes come from hashes (i * A) % P with P prime, so two loads of
-- the same sizes give the same data.  Texts are short; timeline events,
-- audit entries and attachments are not generated (no statistic reads them).
-- bench/reports.sh drops the tables' secondary indexes before this script
-- and recreates them (and runs ANALYZE) after it.

PRAGMA foreign_keys = OFF;
PRAGMA cache_size = -500000;
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;

BEGIN;

-- ---- one people's committee per commune of each structure
INSERT INTO organizations (name, name_fold, name_key, type, unit_structure,
    unit_code, unit_path, created_at, updated_at)
SELECT 'Ủy ban nhân dân ' || name, 'uy ban nhan dan ' || name_fold, name_key,
    'people_committee', structure, code, path, 0, 0
FROM units WHERE level = 'commune' ORDER BY structure, code;

-- communes: k = 0 .. n24-1 the 2024 ones, n24 .. n24+n25-1 the 2025 ones
CREATE TEMP TABLE g_c (k INTEGER PRIMARY KEY, st, code, path, org);
INSERT INTO g_c SELECT row_number() OVER (ORDER BY o.unit_structure,
    o.unit_code) - 1, o.unit_structure, o.unit_code, o.unit_path, o.id
FROM organizations o JOIN units u ON u.structure = o.unit_structure
    AND u.code = o.unit_code AND u.level = 'commune'
WHERE o.type = 'people_committee';
CREATE TEMP TABLE g_n AS SELECT
    (SELECT COUNT(*) FROM g_c WHERE st = 2024) AS n24,
    (SELECT COUNT(*) FROM g_c WHERE st = 2025) AS n25;

CREATE TEMP TABLE g_field (k INTEGER PRIMARY KEY, code);
INSERT INTO g_field (k, code) VALUES (0, 'land'), (1, 'land'), (2, 'land'),
    (3, 'compensation'), (4, 'compensation'), (5, 'housing'),
    (6, 'social_policy'), (7, 'social_policy'), (8, 'construction'),
    (9, 'construction'), (10, 'environment'), (11, 'civil_servant'),
    (12, 'justice'), (13, 'party'), (14, 'other'), (15, 'other');
CREATE TEMP TABLE g_txt (k INTEGER PRIMARY KEY, t, f);
INSERT INTO g_txt (k, t, f) VALUES
    (0, 'Khiếu nại quyết định thu hồi đất', 'khieu nai quyet dinh thu hoi dat'),
    (1, 'Kiến nghị sửa chữa đường giao thông', 'kien nghi sua chua duong giao thong'),
    (2, 'Phản ánh ô nhiễm môi trường', 'phan anh o nhiem moi truong'),
    (3, 'Tố cáo cán bộ gây phiền hà', 'to cao can bo gay phien ha'),
    (4, 'Chế độ người có công', 'che do nguoi co cong'),
    (5, 'Phương án bồi thường, tái định cư', 'phuong an boi thuong, tai dinh cu'),
    (6, 'Tranh chấp ranh giới đất', 'tranh chap ranh gioi dat'),
    (7, 'Cấp giấy chứng nhận quyền sử dụng đất', 'cap giay chung nhan quyen su dung dat');

-- ---- petitions
WITH RECURSIVE seq(i) AS (
	SELECT 1 UNION ALL SELECT i + 1 FROM seq
	WHERE i < (SELECT np FROM bench_cfg)
), h AS (
	SELECT i,
	    (i * 618033) % 1000003 AS h1,	-- commune
	    (i * 414213) % 999983 AS h2,	-- status
	    (i * 732051) % 1000033 AS h3,	-- classification, mass
	    (i * 236068) % 1000037 AS h4,	-- field, source
	    (i * 141421) % 999979 AS h5,	-- petitioner
	    (i * 302775) % 999961 AS h6,	-- text, days
	    date('2021-01-01', '+' || ((i - 1) * 1826 / (SELECT np FROM
	        bench_cfg)) || ' days') AS day
	FROM seq
), r AS (
	SELECT h.*,
	    julianday('2025-12-31') - julianday(day) AS age,
	    CASE WHEN day < '2025-07-01' THEN h1 % (SELECT n24 FROM g_n)
	         ELSE (SELECT n24 FROM g_n) + h1 % (SELECT n25 FROM g_n)
	    END AS ck,
	    CASE WHEN h3 % 100 < 30 THEN 'complaint'
	         WHEN h3 % 100 < 40 THEN 'denunciation'
	         WHEN h3 % 100 < 70 THEN 'recommendation'
	         WHEN h3 % 100 < 95 THEN 'reflection'
	         ELSE 'mixed' END AS cls,
	    10 + h6 % 60 + (CASE WHEN h6 % 3 = 0 THEN h6 / 7 % 30 ELSE 0 END)
	        AS rdays,
	    (h3 / 100 % 100 = 0) AS mass
	FROM h
), s AS (
	SELECT r.*,
	    CASE WHEN age < 30 THEN
	        CASE WHEN h2 % 100 < 50 THEN 'received'
	             WHEN h2 % 100 < 80 THEN 'accepted'
	             WHEN h2 % 100 < 90 THEN 'verifying'
	             ELSE 'dialogue' END
	    WHEN age < 120 THEN
	        CASE WHEN h2 % 100 < 10 THEN 'received'
	             WHEN h2 % 100 < 40 THEN 'accepted'
	             WHEN h2 % 100 < 50 THEN 'verifying'
	             WHEN h2 % 100 < 55 THEN 'dialogue'
	             WHEN h2 % 100 < 80 THEN 'resolved'
	             WHEN h2 % 100 < 90 THEN 'returned'
	             WHEN h2 % 100 < 95 THEN 'forwarded'
	             ELSE 'archived' END
	    ELSE
	        CASE WHEN h2 % 100 < 2 THEN 'accepted'
	             WHEN h2 % 100 < 55 THEN 'resolved'
	             WHEN h2 % 100 < 70 THEN 'returned'
	             WHEN h2 % 100 < 80 THEN 'forwarded'
	             WHEN h2 % 100 < 88 THEN 'archived'
	             WHEN h2 % 100 < 93 THEN 'attached'
	             WHEN h2 % 100 < 96 THEN 'withdrawn'
	             ELSE 'resolved' END
	    END AS status
	FROM r
), t AS (
	SELECT s.*, status IN ('accepted', 'verifying', 'dialogue', 'resolved',
	    'withdrawn') AS acc
	FROM s
)
INSERT INTO petitions (id, tracking_code, org_id, unit_structure, unit_code,
    unit_path, source, received_day, petitioner_name, petitioner_fold,
    identity_hash, anonymous, persons, subject, subject_fold, content,
    content_fold, classification, eligibility, field, direction, level,
    mass_case, mass_settled_day, status, handling_rule, handling_due,
    resolution_rule, resolution_start, resolution_due, resolved_day, on_time,
    duplicate_of, created_at, updated_at)
SELECT t.i,
    printf('B%03d-%04d-%04d', t.i / 100000000 % 1000, t.i / 10000 % 10000,
        t.i % 10000),
    c.org, c.st, c.code, c.path,
    CASE WHEN h4 / 16 % 100 < 30 THEN 'visit'
         WHEN h4 / 16 % 100 < 50 THEN 'online'
         WHEN h4 / 16 % 100 < 58 THEN 'forwarded' ELSE 'post' END,
    t.day,
    CASE WHEN h5 % 50 = 0 THEN NULL ELSE 'Công dân số ' || h5 END,
    CASE WHEN h5 % 50 = 0 THEN NULL ELSE 'cong dan so ' || h5 END,
    printf('%016x', h5 * 2654435761),
    (h5 % 50 = 0),
    CASE WHEN mass THEN 5 + h6 % 26 ELSE 1 END,
    x.t, x.f, x.t || '.', x.f || '.',
    t.cls,
    CASE WHEN t.status = 'received' THEN NULL
         WHEN h2 / 100 % 100 < 85 THEN 'eligible' ELSE 'ineligible' END,
    fi.code,
    CASE WHEN t.status = 'received' THEN NULL ELSE 'accept' END,
    CASE WHEN t.cls = 'complaint' AND h3 % 10 = 0 THEN 2 ELSE 1 END,
    mass,
    CASE WHEN mass AND h6 % 10 < 7 THEN date(t.day, '+' || (30 + h6 % 300)
        || ' days') END,
    t.status,
    CASE t.cls WHEN 'complaint' THEN 'R-KN-11' WHEN 'denunciation'
        THEN 'R-DON-10' ELSE 'R-DON-09' END,
    date(t.day, '+14 days'),
    CASE WHEN NOT acc THEN NULL WHEN t.cls = 'complaint' THEN 'R-KN-12'
        WHEN t.cls = 'denunciation' THEN 'R-TC-04' ELSE 'P-KNPA-01' END,
    CASE WHEN acc THEN date(t.day, '+5 days') END,
    CASE WHEN acc THEN date(t.day, '+50 days') END,
    CASE WHEN t.status = 'resolved' THEN date(t.day, '+' || rdays || ' days')
        END,
    CASE WHEN t.status = 'resolved' THEN (rdays <= 50) END,
    CASE WHEN h4 % 100 < 3 AND t.i > 1000 THEN t.i - 1 - h5 % 1000 END,
    CAST(strftime('%s', t.day) AS INTEGER) + 3600 + h6 % 28800,
    CAST(strftime('%s', t.day) AS INTEGER) + 3600 + h6 % 28800 + 86400 * 5
FROM t
JOIN g_c c ON c.k = t.ck
JOIN g_txt x ON x.k = t.h6 % 8
JOIN g_field fi ON fi.k = t.h4 % 16;

-- ---- reception sessions (6 visits each) and visits
WITH RECURSIVE seq(i) AS (
	SELECT 1 UNION ALL SELECT i + 1 FROM seq
	WHERE i < ((SELECT nv FROM bench_cfg) + 5) / 6
), h AS (
	SELECT i, (i * 618033) % 1000003 AS h1, (i * 414213) % 999983 AS h2,
	    date('2021-01-01', '+' || ((i - 1) * 1826 / (((SELECT nv FROM
	        bench_cfg) + 5) / 6)) || ' days') AS day
	FROM seq
)
INSERT INTO reception_sessions (id, org_id, unit_structure, unit_code,
    unit_path, kind, day, place, host_name, created_at, updated_at)
SELECT h.i, c.org, c.st, c.code, c.path,
    CASE WHEN h2 % 10 < 7 THEN 'regular' WHEN h2 % 10 < 9 THEN 'periodic'
        ELSE 'ad_hoc' END,
    h.day, 'Trụ sở Ủy ban nhân dân', 'Chủ tịch Ủy ban nhân dân',
    CAST(strftime('%s', h.day) AS INTEGER) + 7200,
    CAST(strftime('%s', h.day) AS INTEGER) + 7200
FROM h JOIN g_c c ON c.k = CASE WHEN h.day < '2025-07-01'
    THEN h.h1 % (SELECT n24 FROM g_n)
    ELSE (SELECT n24 FROM g_n) + h.h1 % (SELECT n25 FROM g_n) END;

WITH RECURSIVE seq(i) AS (
	SELECT 1 UNION ALL SELECT i + 1 FROM seq
	WHERE i < (SELECT nv FROM bench_cfg)
), h AS (
	SELECT i, (i - 1) / 6 + 1 AS sid,
	    (i * 732051) % 1000033 AS h3, (i * 236068) % 1000037 AS h4,
	    (i * 302775) % 999961 AS h6
	FROM seq
)
INSERT INTO reception_visits (session_id, unit_structure, unit_code,
    unit_path, day, citizen_name, persons, representatives, is_mass, content,
    classification, field, direction, created_at, updated_at)
SELECT h.sid, s.unit_structure, s.unit_code, s.unit_path, s.day,
    'Công dân số ' || h.h6,
    CASE WHEN h3 % 100 < 3 THEN 5 + h6 % 46 ELSE 1 END,
    CASE WHEN h3 % 100 < 3 THEN 2 + h6 % 4 ELSE 0 END,
    (h3 % 100 < 3),
    x.t,
    CASE WHEN h3 / 100 % 100 < 30 THEN 'complaint'
         WHEN h3 / 100 % 100 < 40 THEN 'denunciation'
         WHEN h3 / 100 % 100 < 70 THEN 'recommendation'
         WHEN h3 / 100 % 100 < 95 THEN 'reflection'
         ELSE 'mixed' END,
    fi.code,
    CASE WHEN h4 / 16 % 10 < 5 THEN 'accept'
         WHEN h4 / 16 % 10 < 8 THEN 'guide_and_return'
         WHEN h4 / 16 % 10 < 9 THEN 'forward' ELSE 'none' END,
    s.created_at, s.created_at
FROM h JOIN reception_sessions s ON s.id = h.sid
JOIN g_txt x ON x.k = h.h6 % 8
JOIN g_field fi ON fi.k = h.h4 % 16;

-- ---- "Dân vận khéo" models
WITH RECURSIVE seq(i) AS (
	SELECT 1 UNION ALL SELECT i + 1 FROM seq
	WHERE i < (SELECT nd FROM bench_cfg)
), h AS (
	SELECT i, (i * 618033) % 1000003 AS h1, (i * 414213) % 999983 AS h2,
	    (i * 236068) % 1000037 AS h4,
	    2021 + (i - 1) * 5 / (SELECT nd FROM bench_cfg) AS year
	FROM seq
)
INSERT INTO dvk_models (id, org_id, unit_structure, unit_code, unit_path,
    name, name_fold, name_key, field, kind, year, status, outstanding,
    replicated_from, created_at, updated_at)
SELECT h.i, c.org, c.st, c.code, c.path,
    'Mô hình dân vận khéo số ' || h.i, 'mo hinh dan van kheo so ' || h.i,
    hex('mo hinh dan van kheo so ' || h.i),
    CASE h4 % 6 WHEN 0 THEN 'economy' WHEN 1 THEN 'economy'
        WHEN 2 THEN 'culture_society' WHEN 3 THEN 'new_rural'
        WHEN 4 THEN 'political_system' ELSE
        CASE WHEN h4 % 12 = 5 THEN 'defense_security' ELSE 'other' END END,
    CASE WHEN h2 % 10 < 7 THEN 'collective' ELSE 'individual' END,
    h.year,
    CASE WHEN h.year = 2025 THEN
        CASE WHEN h2 % 3 = 0 THEN 'registered' ELSE 'implementing' END
    WHEN h.year = 2024 THEN
        CASE WHEN h2 % 3 = 0 THEN 'implementing' WHEN h2 % 3 = 1
            THEN 'evaluated' ELSE 'recognised' END
    ELSE CASE WHEN h2 % 5 = 0 THEN 'evaluated' ELSE 'recognised' END END,
    (h2 / 10 % 10 = 0),
    CASE WHEN h4 / 10 % 100 < 15 AND h.i > 1000 THEN h.i - 1 - h4 % 1000 END,
    CAST(strftime('%s', h.year || '-03-01') AS INTEGER),
    CAST(strftime('%s', h.year || '-03-01') AS INTEGER)
FROM h JOIN g_c c ON c.k = CASE WHEN h.year < 2025
    THEN h.h1 % (SELECT n24 FROM g_n)
    ELSE (SELECT n24 FROM g_n) + h.h1 % (SELECT n25 FROM g_n) END;

-- ---- opinions
WITH RECURSIVE seq(i) AS (
	SELECT 1 UNION ALL SELECT i + 1 FROM seq
	WHERE i < (SELECT nop FROM bench_cfg)
), h AS (
	SELECT i, (i * 618033) % 1000003 AS h1, (i * 414213) % 999983 AS h2,
	    (i * 236068) % 1000037 AS h4, (i * 302775) % 999961 AS h6,
	    date('2021-01-01', '+' || ((i - 1) * 1826 / (SELECT nop FROM
	        bench_cfg)) || ' days') AS day
	FROM seq
)
INSERT INTO opinions (org_id, unit_structure, unit_code, unit_path, channel,
    day, raised_by, content, content_fold, field, hot_spot, status,
    forwarded_to, due_day, answer, answered_day, created_at, updated_at)
SELECT c.org, c.st, c.code, c.path,
    CASE h2 % 8 WHEN 0 THEN 'dialogue' WHEN 1 THEN 'reception'
        WHEN 2 THEN 'voter_meeting' WHEN 3 THEN 'mailbox' WHEN 4 THEN 'portal'
        WHEN 5 THEN 'media' WHEN 6 THEN 'grassroots' ELSE 'other' END,
    h.day, 'Cử tri thôn ' || (h6 % 20 + 1), x.t, x.f, fi.code,
    (h4 % 50 = 0),
    CASE WHEN h2 / 8 % 20 < 2 THEN 'open' WHEN h2 / 8 % 20 < 10 THEN 'answered'
        WHEN h2 / 8 % 20 < 13 THEN 'studying'
        WHEN h2 / 8 % 20 < 17 THEN 'forwarded' ELSE 'closed' END,
    CASE WHEN h2 / 8 % 20 BETWEEN 13 AND 16 THEN 'Ủy ban nhân dân cấp trên'
        END,
    CASE WHEN h2 / 8 % 20 BETWEEN 13 AND 16 THEN date(h.day, '+30 days') END,
    CASE WHEN h2 / 8 % 20 >= 2 AND h2 / 8 % 20 < 10 OR h2 / 8 % 20 >= 17
        THEN 'Đã trả lời cử tri.' END,
    CASE WHEN h2 / 8 % 20 >= 2 AND h2 / 8 % 20 < 10 OR h2 / 8 % 20 >= 17
        THEN date(h.day, '+' || (h6 % 40) || ' days') END,
    CAST(strftime('%s', h.day) AS INTEGER) + 3600,
    CAST(strftime('%s', h.day) AS INTEGER) + 3600
FROM h JOIN g_c c ON c.k = CASE WHEN h.day < '2025-07-01'
    THEN h.h1 % (SELECT n24 FROM g_n)
    ELSE (SELECT n24 FROM g_n) + h.h1 % (SELECT n25 FROM g_n) END
JOIN g_txt x ON x.k = h.h6 % 8
JOIN g_field fi ON fi.k = h.h4 % 16;

COMMIT;
