-- bench/gen_petitions.sql - bulk-load petitions for bench/petitions.sh.
--
-- Run with the sqlite3 CLI on a database that has had `danvan migrate` and
-- `danvan demo`, after creating the temp table bench_cfg:
--
--   CREATE TEMP TABLE bench_cfg AS SELECT 1000000 AS n, '2026-11-23' AS today;
--
-- Adds organisations in real 2025 communes (paths copied from units.path),
-- then n petitions spread over every organisation (about 100), received over
-- the 5 years up to `today` (ids grow with received_day, as letters arrive),
-- with varied status, classification, field and source, unique tracking
-- codes of the format danvan checks ("B000-0012-3456"), and ASCII folds of
-- the Vietnamese subject, content and name as text_fold() makes them.
-- The attributes come from multiplicative hashes of the row number, so two
-- loads of the same n give the same data.  Timeline events, audit entries and
-- attachments of the loaded rows are not generated (the list does not read
-- them).

-- (No PRAGMA temp_store here: changing it drops the temp table bench_cfg.)
PRAGMA foreign_keys = OFF;
PRAGMA cache_size = -400000;		-- 400 MB: the indexes stay in memory
PRAGMA journal_mode = OFF;		-- bulk load: no rollback journal, no WAL
PRAGMA synchronous = OFF;

BEGIN;

-- ---- organisations: 40 communes of Phú Thọ (25) with a people's committee
-- and a fatherland front each, 8 wards of Hà Nội (01) with a people's
-- committee; the demo already has the province 25, wards 07900 and 04795,
-- and three 2024 bodies of old Hòa Bình.
INSERT INTO organizations (name, name_fold, name_key, type, unit_structure,
    unit_code, unit_path, created_at, updated_at)
SELECT o.prefix || ' ' || u.name, o.fold || ' ' || u.name_fold, u.name_key,
    o.type, 2025, u.code, u.path, 0, 0
FROM (SELECT code, name, name_fold, name_key, path FROM units
      WHERE structure = 2025 AND level = 'commune' AND parent_code = '25'
        AND code NOT IN ('07900', '04795')
      ORDER BY code LIMIT 40) u
CROSS JOIN (SELECT 'Ủy ban nhân dân' AS prefix, 'uy ban nhan dan' AS fold,
                   'people_committee' AS type
            UNION ALL
            SELECT 'Ủy ban MTTQ Việt Nam', 'uy ban mttq viet nam',
                   'fatherland_front') o;
INSERT INTO organizations (name, name_fold, name_key, type, unit_structure,
    unit_code, unit_path, created_at, updated_at)
SELECT 'Ủy ban nhân dân ' || name, 'uy ban nhan dan ' || name_fold, name_key,
    'people_committee', 2025, code, path, 0, 0
FROM units
WHERE structure = 2025 AND level = 'commune' AND parent_code = '01'
ORDER BY code LIMIT 8;

-- ---- lookup tables, k = 0..count-1
CREATE TEMP TABLE g_org (k INTEGER PRIMARY KEY, id, st, code, path);
INSERT INTO g_org SELECT row_number() OVER (ORDER BY id) - 1, id,
    unit_structure, unit_code, unit_path FROM organizations;

CREATE TEMP TABLE g_fam (k INTEGER PRIMARY KEY, name, fold);
INSERT INTO g_fam (name, fold) VALUES ('Nguyễn', 'nguyen'), ('Trần', 'tran'),
    ('Lê', 'le'), ('Phạm', 'pham'), ('Hoàng', 'hoang'), ('Huỳnh', 'huynh'),
    ('Phan', 'phan'), ('Vũ', 'vu'), ('Võ', 'vo'), ('Đặng', 'dang'),
    ('Bùi', 'bui'), ('Đỗ', 'do'), ('Hồ', 'ho'), ('Ngô', 'ngo'),
    ('Dương', 'duong'), ('Lý', 'ly'), ('Đinh', 'dinh'), ('Hà', 'ha');
UPDATE g_fam SET k = k - 1;
CREATE TEMP TABLE g_mid (k INTEGER PRIMARY KEY, name, fold);
INSERT INTO g_mid (name, fold) VALUES ('Văn', 'van'), ('Thị', 'thi'),
    ('Minh', 'minh'), ('Đức', 'duc'), ('Thu', 'thu'), ('Quang', 'quang'),
    ('Ngọc', 'ngoc'), ('Hữu', 'huu');
UPDATE g_mid SET k = k - 1;
CREATE TEMP TABLE g_giv (k INTEGER PRIMARY KEY, name, fold);
INSERT INTO g_giv (name, fold) VALUES ('Hùng', 'hung'), ('Lan', 'lan'),
    ('Tâm', 'tam'), ('Hằng', 'hang'), ('Tuấn', 'tuan'), ('Mai', 'mai'),
    ('Long', 'long'), ('Thu', 'thu'), ('An', 'an'), ('Bình', 'binh'),
    ('Cường', 'cuong'), ('Dũng', 'dung'), ('Giang', 'giang'), ('Hải', 'hai'),
    ('Khánh', 'khanh'), ('Linh', 'linh'), ('Nam', 'nam'), ('Phương', 'phuong'),
    ('Quân', 'quan'), ('Sơn', 'son'), ('Thảo', 'thao'), ('Trung', 'trung'),
    ('Vân', 'van'), ('Yến', 'yen');
UPDATE g_giv SET k = k - 1;

CREATE TEMP TABLE g_txt (k INTEGER PRIMARY KEY, subject, subject_fold,
    content, content_fold);
INSERT INTO g_txt (subject, subject_fold, content, content_fold) VALUES
 ('Quyết định thu hồi đất', 'quyet dinh thu hoi dat',
  'Khiếu nại quyết định thu hồi đất vì diện tích bồi thường chưa đúng với thực tế sử dụng của gia đình.',
  'khieu nai quyet dinh thu hoi dat vi dien tich boi thuong chua dung voi thuc te su dung cua gia dinh.'),
 ('Đường giao thông tổ dân phố', 'duong giao thong to dan pho',
  'Kiến nghị sửa chữa tuyến đường nội bộ tổ dân phố bị xuống cấp, mùa mưa ngập úng, đi lại khó khăn.',
  'kien nghi sua chua tuyen duong noi bo to dan pho bi xuong cap, mua mua ngap ung, di lai kho khan.'),
 ('Ô nhiễm tiếng ồn, khói bụi', 'o nhiem tieng on, khoi bui',
  'Phản ánh cơ sở sản xuất gây tiếng ồn và khói bụi ảnh hưởng sinh hoạt của các hộ dân xung quanh.',
  'phan anh co so san xuat gay tieng on va khoi bui anh huong sinh hoat cua cac ho dan xung quanh.'),
 ('Cán bộ địa chính', 'can bo dia chinh',
  'Tố cáo cán bộ địa chính gây phiền hà, sách nhiễu khi làm thủ tục cấp giấy chứng nhận quyền sử dụng đất.',
  'to cao can bo dia chinh gay phien ha, sach nhieu khi lam thu tuc cap giay chung nhan quyen su dung dat.'),
 ('Chế độ người có công', 'che do nguoi co cong',
  'Kiến nghị xem xét giải quyết chế độ trợ cấp cho thân nhân người có công với cách mạng.',
  'kien nghi xem xet giai quyet che do tro cap cho than nhan nguoi co cong voi cach mang.'),
 ('Phương án bồi thường, tái định cư', 'phuong an boi thuong, tai dinh cu',
  'Khiếu nại phương án bồi thường, hỗ trợ tái định cư của dự án mở rộng đường tỉnh.',
  'khieu nai phuong an boi thuong, ho tro tai dinh cu cua du an mo rong duong tinh.'),
 ('Tranh chấp ranh giới đất', 'tranh chap ranh gioi dat',
  'Đề nghị giải quyết tranh chấp ranh giới thửa đất giữa hai hộ gia đình liền kề đã kéo dài nhiều năm.',
  'de nghi giai quyet tranh chap ranh gioi thua dat giua hai ho gia dinh lien ke da keo dai nhieu nam.'),
 ('Xây dựng trái phép', 'xay dung trai phep',
  'Phản ánh việc xây dựng công trình không phép lấn chiếm hành lang an toàn giao thông.',
  'phan anh viec xay dung cong trinh khong phep lan chiem hanh lang an toan giao thong.'),
 ('Trợ cấp hộ nghèo', 'tro cap ho ngheo',
  'Kiến nghị rà soát lại danh sách hộ nghèo, hộ cận nghèo của thôn vì có trường hợp chưa đúng đối tượng.',
  'kien nghi ra soat lai danh sach ho ngheo, ho can ngheo cua thon vi co truong hop chua dung doi tuong.'),
 ('Ô nhiễm nguồn nước', 'o nhiem nguon nuoc',
  'Phản ánh trang trại chăn nuôi xả thải chưa qua xử lý ra kênh tưới tiêu gây ô nhiễm nguồn nước.',
  'phan anh trang trai chan nuoi xa thai chua qua xu ly ra kenh tuoi tieu gay o nhiem nguon nuoc.'),
 ('Thi hành án dân sự', 'thi hanh an dan su',
  'Khiếu nại việc chậm tổ chức thi hành bản án dân sự đã có hiệu lực pháp luật.',
  'khieu nai viec cham to chuc thi hanh ban an dan su da co hieu luc phap luat.'),
 ('Cấp giấy chứng nhận quyền sử dụng đất', 'cap giay chung nhan quyen su dung dat',
  'Kiến nghị đẩy nhanh việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã nộp hồ sơ từ lâu.',
  'kien nghi day nhanh viec cap giay chung nhan quyen su dung dat cho cac ho da nop ho so tu lau.');
UPDATE g_txt SET k = k - 1;

CREATE TEMP TABLE g_field (k INTEGER PRIMARY KEY, code);
INSERT INTO g_field (k, code) VALUES (0, 'land'), (1, 'land'), (2, 'land'),
    (3, 'compensation'), (4, 'compensation'), (5, 'housing'),
    (6, 'social_policy'), (7, 'social_policy'), (8, 'construction'),
    (9, 'construction'), (10, 'environment'), (11, 'civil_servant'),
    (12, 'justice'), (13, 'party'), (14, 'other'), (15, 'other');

-- ---- petitions
-- i = 1..n.  Hashes h1..h7 = (i * A) % P with P prime: for i < P each is a
-- permutation, so every attribute is spread evenly and independently.
WITH RECURSIVE seq(i) AS (
	SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < (SELECT n FROM bench_cfg)
), h AS (
	SELECT i,
	    (i * 618033) % 1000003 AS h1,	-- organisation
	    (i * 414213) % 999983 AS h2,	-- status
	    (i * 732051) % 1000033 AS h3,	-- classification
	    (i * 236068) % 1000037 AS h4,	-- field, source
	    (i * 141421) % 999979 AS h5,	-- petitioner
	    (i * 302775) % 999961 AS h6,	-- subject, persons
	    -- age in days, 1825 for the first row down to 0 for the last
	    1825 - ((i - 1) * 1826) / (SELECT n FROM bench_cfg) AS age
	FROM seq
), r AS (
	SELECT h.*,
	    date((SELECT today FROM bench_cfg), '-' || age || ' days') AS day,
	    CASE WHEN h3 % 100 < 30 THEN 'complaint'
	         WHEN h3 % 100 < 40 THEN 'denunciation'
	         WHEN h3 % 100 < 70 THEN 'recommendation'
	         WHEN h3 % 100 < 95 THEN 'reflection'
	         ELSE 'mixed' END AS cls,
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
	FROM h
)
INSERT INTO petitions (tracking_code, org_id, unit_structure, unit_code,
    unit_path, source, received_day, petitioner_name, petitioner_address,
    petitioner_phone, petitioner_fold, identity_hash, anonymous, persons,
    subject, subject_fold, content, content_fold, classification,
    eligibility, field, direction, level, status, handling_rule,
    handling_due, resolution_rule, resolution_start, resolution_due,
    resolved_day, on_time, result, created_at, updated_at)
SELECT
    printf('B%03d-%04d-%04d', r.i / 100000000 % 1000, r.i / 10000 % 10000,
        r.i % 10000),
    o.id, o.st, o.code, o.path,
    CASE h4 / 16 % 10 WHEN 0 THEN 'online' WHEN 1 THEN 'forwarded'
        WHEN 2 THEN 'visit' WHEN 3 THEN 'visit' WHEN 4 THEN 'visit'
        ELSE 'post' END,
    r.day,
    fa.name || ' ' || mi.name || ' ' || gi.name,
    'Tổ dân phố ' || (h5 % 30 + 1) || ', ' || COALESCE((SELECT name FROM units
        WHERE structure = o.st AND code = o.code), ''),
    printf('09%08d', h5 * 97 % 100000000),
    fa.fold || ' ' || mi.fold || ' ' || gi.fold,
    printf('%016x%016x', h5 * 2654435761, h5 * 40503 + r.i),
    0,
    CASE WHEN h6 % 20 = 0 THEN 5 + h6 % 26 ELSE 1 END,
    t.subject, t.subject_fold,
    t.content || ' Hồ sơ số ' || r.i || '.',
    t.content_fold || ' ho so so ' || r.i || '.',
    r.cls,
    CASE WHEN r.status = 'received' THEN NULL ELSE 'eligible' END,
    fi.code,
    CASE WHEN r.status = 'received' THEN NULL ELSE 'accept' END,
    CASE WHEN r.cls = 'complaint' AND h3 % 10 = 0 THEN 2 ELSE 1 END,
    r.status,
    CASE r.cls WHEN 'complaint' THEN 'R-KN-11' WHEN 'denunciation'
        THEN 'R-DON-10' ELSE 'R-DON-09' END,
    date(r.day, '+14 days'),
    CASE WHEN r.status IN ('received', 'returned', 'forwarded', 'archived',
        'attached') THEN NULL
        WHEN r.cls = 'complaint' THEN 'R-KN-12'
        WHEN r.cls = 'denunciation' THEN 'R-TC-04' ELSE 'P-KNPA-01' END,
    CASE WHEN r.status IN ('received', 'returned', 'forwarded', 'archived',
        'attached') THEN NULL ELSE date(r.day, '+5 days') END,
    CASE WHEN r.status IN ('received', 'returned', 'forwarded', 'archived',
        'attached') THEN NULL ELSE date(r.day, '+40 days') END,
    CASE WHEN r.status = 'resolved' THEN date(r.day, '+' || (20 + h6 % 40)
        || ' days') END,
    CASE WHEN r.status = 'resolved' THEN (20 + h6 % 40 <= 40) END,
    CASE WHEN r.status = 'resolved' THEN
        'Đã xem xét, trả lời bằng văn bản cho công dân.' END,
    CAST(strftime('%s', r.day) AS INTEGER) + 3600 + h6 % 28800,
    CAST(strftime('%s', r.day) AS INTEGER) + 3600 + h6 % 28800 + 86400 * 5
FROM r
JOIN g_org o ON o.k = r.h1 % (SELECT COUNT(*) FROM g_org)
JOIN g_fam fa ON fa.k = r.h5 % 18
JOIN g_mid mi ON mi.k = r.h5 / 18 % 8
JOIN g_giv gi ON gi.k = r.h5 / 144 % 24
JOIN g_txt t ON t.k = r.h6 % 12
JOIN g_field fi ON fi.k = r.h4 % 16;

COMMIT;

ANALYZE;
PRAGMA journal_mode = WAL;
