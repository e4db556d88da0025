-- 0007: grassroots democracy (Luật Thực hiện dân chủ ở cơ sở 2022,
-- DOMAIN.md §7): villages and residential groups under a commune, public
-- disclosure (công khai) with the legally required content groups and the
-- channels as data, consultations and resident votes whose outcome is
-- computed from threshold rules stored as rows, suggestion boxes and
-- their openings, People's Inspection Boards and Community Investment
-- Supervision Boards with their members, activities and the composition
-- rules (numbers as data).

-- R-DC-05: publication at the latest 10 working days after the decision.
INSERT INTO deadline_rules VALUES
	('R-DC-05', 'Công khai thông tin chậm nhất sau khi có quyết định, văn bản', 'decided', 10, NULL, NULL, NULL, NULL, 'working', 'C', 'Luật THDCCS 2022', 0);

-- Villages (thôn, làng, bản, ấp) and residential groups (tổ dân phố) of a
-- commune; units stop at communes, so these are records of the commune.
-- kind: village | residential_group.
CREATE TABLE dc_villages (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	name		TEXT NOT NULL,
	name_key	TEXT NOT NULL,
	kind		TEXT NOT NULL,
	households	INTEGER NOT NULL,	-- current number of households
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL,
	UNIQUE (unit_structure, unit_code, name)
);
CREATE INDEX dc_villages_path ON dc_villages (unit_structure, unit_path, name_key);

-- The content groups the commune government must publicise (R-DC-01..03,
-- Điều 11).  Groups 1-3 are confirmed, 4-14 are paraphrased (status U);
-- required = 0 drops a group from the compliance count.
CREATE TABLE dc_disclosure_groups (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	required	INTEGER NOT NULL,
	status		TEXT NOT NULL,		-- C | U (DOMAIN.md §0.1)
	source		TEXT NOT NULL,
	sort		INTEGER NOT NULL
);
INSERT INTO dc_disclosure_groups VALUES
	('g01', 'Kế hoạch phát triển kinh tế - xã hội hằng năm, phương án chuyển dịch cơ cấu kinh tế và kết quả thực hiện', 1, 'C', 'Luật THDCCS Điều 11 k1', 10),
	('g02', 'Dự toán, tình hình thực hiện, quyết toán ngân sách xã và kết quả kiểm toán', 1, 'C', 'Luật THDCCS Điều 11 k2', 20),
	('g03', 'Dự án đầu tư, thu hồi đất, bồi thường, tái định cư, quy hoạch xây dựng', 1, 'C', 'Luật THDCCS Điều 11 k3', 30),
	('g04', 'Nội quy, quy chế làm việc của chính quyền cấp xã', 1, 'U', 'Luật THDCCS Điều 11 k4', 40),
	('g05', 'Thủ tục hành chính', 1, 'U', 'Luật THDCCS Điều 11 k5', 50),
	('g06', 'Chủ trương, chính sách, chương trình hỗ trợ và đối tượng thụ hưởng', 1, 'U', 'Luật THDCCS Điều 11 k6', 60),
	('g07', 'Quản lý, sử dụng các quỹ, khoản tài trợ và khoản đóng góp của Nhân dân', 1, 'U', 'Luật THDCCS Điều 11 k7', 70),
	('g08', 'Kết quả thanh tra, kiểm tra; giải quyết khiếu nại, tố cáo', 1, 'U', 'Luật THDCCS Điều 11 k8', 80),
	('g09', 'Kết quả lấy ý kiến Nhân dân', 1, 'U', 'Luật THDCCS Điều 11 k9', 90),
	('g10', 'Phí, lệ phí và các khoản thu', 1, 'U', 'Luật THDCCS Điều 11 k10', 100),
	('g11', 'Kết quả giải quyết thủ tục hành chính', 1, 'U', 'Luật THDCCS Điều 11 k11', 110),
	('g12', 'Quản lý, sử dụng đất đai', 1, 'U', 'Luật THDCCS Điều 11 k12', 120),
	('g13', 'Đề án thành lập, nhập, chia, điều chỉnh địa giới đơn vị hành chính', 1, 'U', 'Luật THDCCS Điều 11 k13', 130),
	('g14', 'Nội dung khác theo quy định của pháp luật', 0, 'U', 'Luật THDCCS Điều 11 k14', 140);

-- Publicity channels (R-DC-04, Điều 12 k1).
CREATE TABLE dc_channels (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	sort		INTEGER NOT NULL
);
INSERT INTO dc_channels VALUES
	('posting', 'Niêm yết công khai', 10),
	('portal', 'Cổng, trang thông tin điện tử của xã', 20),
	('loudspeaker', 'Hệ thống truyền thanh cấp xã', 30),
	('village_head', 'Qua trưởng thôn, tổ trưởng tổ dân phố', 40),
	('letter', 'Gửi văn bản đến Nhân dân', 50),
	('conference', 'Hội nghị trao đổi, đối thoại với Nhân dân', 60),
	('reception', 'Tiếp công dân, tiếp xúc cử tri, báo chí', 70),
	('organisations', 'Thông báo đến các tổ chức chính trị - xã hội', 80),
	('social_media', 'Mạng viễn thông, mạng xã hội', 90),
	('other', 'Hình thức khác', 100);

-- A disclosure item: what (group, title), where/how (channels), from when
-- and for how long (duration_days or until_day), the decision it
-- publicises and the due day computed from R-DC-05 at write time.
-- channels: the codes of dc_channels, in the order given.
CREATE TABLE dc_disclosures (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	group_code	TEXT NOT NULL REFERENCES dc_disclosure_groups (code),
	title		TEXT NOT NULL,
	title_fold	TEXT NOT NULL,
	document	TEXT,			-- số, ký hiệu văn bản
	decision_day	TEXT,
	from_day	TEXT NOT NULL,
	duration_days	INTEGER,
	until_day	TEXT,
	due_day		TEXT,
	channels	TEXT NOT NULL,		-- codes of dc_channels, comma-separated
	late		INTEGER NOT NULL DEFAULT 0,
	note		TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX dc_disclosures_path ON dc_disclosures (unit_structure, unit_path, from_day);

-- What residents discuss and decide, or comment on (R-DC-10, R-DC-30).
CREATE TABLE dc_matters (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	sort		INTEGER NOT NULL
);
INSERT INTO dc_matters VALUES
	('procedural', 'Biểu quyết thủ tục tại hội nghị (thư ký, tổ kiểm phiếu, hình thức biểu quyết)', 10),
	('infrastructure', 'Chủ trương, mức đóng góp xây dựng cơ sở hạ tầng, công trình công cộng', 20),
	('contributions', 'Thu, chi, quản lý các khoản đóng góp, quỹ, tài sản của cộng đồng', 30),
	('convention', 'Hương ước, quy ước', 40),
	('village_head', 'Bầu, cho thôi làm trưởng thôn, tổ trưởng tổ dân phố', 50),
	('board_members', 'Bầu, cho thôi làm thành viên Ban TTND, Ban GSĐTCCĐ', 60),
	('admin_unit', 'Thành lập, nhập, chia, điều chỉnh địa giới đơn vị hành chính', 70),
	('comment', 'Tham gia ý kiến (không biểu quyết quyết định)', 80),
	('other', 'Công việc tự quản khác của cộng đồng', 90);

-- The threshold of each matter (P-DC-23): passed when
-- yes * den > num * base (strict = 1) or yes * den >= num * base
-- (strict = 0), base = households present or total households of the
-- scope.  A matter without a row (comment) has no outcome.
CREATE TABLE dc_vote_rules (
	matter		TEXT PRIMARY KEY REFERENCES dc_matters (code),
	rule_id		TEXT NOT NULL,
	basis		TEXT NOT NULL,		-- present | total
	num		INTEGER NOT NULL,
	den		INTEGER NOT NULL,
	strict		INTEGER NOT NULL,	-- 1: '>', 0: '>='
	status		TEXT NOT NULL,		-- C | U | P
	source		TEXT NOT NULL,
	updated_at	INTEGER NOT NULL
);
INSERT INTO dc_vote_rules VALUES
	('procedural', 'R-DC-15', 'present', 1, 2, 1, 'C', 'NĐ 59/2023 Điều 3 k5', 0),
	('infrastructure', 'R-DC-16', 'total', 2, 3, 0, 'C', 'Luật THDCCS 2022', 0),
	('contributions', 'R-DC-16', 'total', 2, 3, 0, 'C', 'Luật THDCCS 2022', 0),
	('convention', 'R-DC-17', 'total', 1, 2, 1, 'C', 'NĐ 61/2023', 0),
	('village_head', 'R-DC-10', 'total', 1, 2, 1, 'U', 'Luật THDCCS Điều 15; NĐ 59/2023', 0),
	('board_members', 'R-DC-10', 'total', 1, 2, 1, 'U', 'Luật THDCCS Điều 15; NĐ 59/2023', 0),
	('admin_unit', 'R-DC-31', 'total', 1, 2, 1, 'C', 'NĐ 321/2025/NĐ-CP', 0),
	('other', 'R-DC-10', 'total', 1, 2, 1, 'U', 'Luật THDCCS Điều 15', 0);

-- A consultation or vote of the households of a village, or of the whole
-- commune (village_id NULL: household ballots, R-DC-12).
-- form: meeting | ballot | online (R-DC-11).
CREATE TABLE dc_votes (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	village_id	INTEGER REFERENCES dc_villages (id),
	matter		TEXT NOT NULL REFERENCES dc_matters (code),
	form		TEXT NOT NULL,
	subject		TEXT NOT NULL,
	day		TEXT NOT NULL,
	total_households INTEGER NOT NULL,
	present		INTEGER NOT NULL,	-- household representatives
	yes		INTEGER NOT NULL,
	no		INTEGER NOT NULL,
	abstain		INTEGER NOT NULL,
	note		TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX dc_votes_path ON dc_votes (unit_structure, unit_path, day);
CREATE INDEX dc_votes_village ON dc_votes (village_id);

-- Suggestion boxes (hòm thư góp ý) and their openings.
CREATE TABLE dc_boxes (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	place		TEXT NOT NULL,
	installed_day	TEXT,
	note		TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX dc_boxes_path ON dc_boxes (unit_structure, unit_path);
CREATE TABLE dc_box_openings (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	box_id		INTEGER NOT NULL REFERENCES dc_boxes (id),
	day		TEXT NOT NULL,
	opened_by	TEXT NOT NULL,
	letters		INTEGER NOT NULL,
	summary		TEXT,
	follow_up	TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL
);
CREATE INDEX dc_box_openings_box ON dc_box_openings (box_id, day);

-- People's Inspection Boards and Community Investment Supervision Boards
-- (P-DC-64).  kind: ttnd_commune | ttnd_agency | gsdtccd.
CREATE TABLE dc_boards (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	kind		TEXT NOT NULL,
	name		TEXT NOT NULL,
	project_name	TEXT,			-- gsdtccd only
	term_start	TEXT NOT NULL,
	term_end	TEXT,
	dissolved_day	TEXT,
	note		TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX dc_boards_path ON dc_boards (unit_structure, unit_path, term_start);
-- role: head | vice | member; a member who left has left_day.
CREATE TABLE dc_board_members (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	board_id	INTEGER NOT NULL REFERENCES dc_boards (id),
	name		TEXT NOT NULL,
	role		TEXT NOT NULL,
	village_id	INTEGER REFERENCES dc_villages (id),
	elected_day	TEXT,
	left_day	TEXT,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX dc_board_members_board ON dc_board_members (board_id);
CREATE TABLE dc_board_activities (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	board_id	INTEGER NOT NULL REFERENCES dc_boards (id),
	day		TEXT NOT NULL,
	content		TEXT NOT NULL,
	recommendation	TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL
);
CREATE INDEX dc_board_activities_board ON dc_board_activities (board_id, day);

-- Composition rules of the boards (numbers as data).  check:
--   min_members_villages: current members >= max(value, villages of the
--     commune) (R-DC-50);
--   max_vice_large: with at least value2 members, vice-heads <= value
--     (R-DC-52);
--   members_between: value <= members <= value2 (R-DC-54);
--   max_resident: members elected from a village <= value (R-DC-61);
--   max_vice: vice-heads <= value (R-DC-61).
CREATE TABLE dc_board_rules (
	id		TEXT PRIMARY KEY,
	board_kind	TEXT NOT NULL,
	check_kind	TEXT NOT NULL,
	value		INTEGER NOT NULL,
	value2		INTEGER,
	name		TEXT NOT NULL,
	status		TEXT NOT NULL,
	source		TEXT NOT NULL,
	updated_at	INTEGER NOT NULL
);
INSERT INTO dc_board_rules VALUES
	('R-DC-50', 'ttnd_commune', 'min_members_villages', 5, NULL, 'Số thành viên Ban TTND xã bằng số thôn, tổ dân phố, tối thiểu 5 người', 'C', 'Luật THDCCS Điều 36 k1; NĐ 59/2023', 0),
	('R-DC-52', 'ttnd_commune', 'max_vice_large', 2, 9, 'Ban TTND có từ 9 thành viên trở lên có không quá 2 Phó Trưởng ban', 'C', 'NĐ 59/2023', 0),
	('R-DC-54', 'ttnd_agency', 'members_between', 3, 9, 'Ban TTND ở cơ quan, đơn vị có từ 3 đến 9 thành viên', 'C', 'Luật THDCCS 2022', 0),
	('R-DC-61', 'gsdtccd', 'max_resident', 5, NULL, 'Thành viên đại diện Nhân dân của Ban GSĐTCCĐ không quá 5 người', 'C', 'NĐ 59/2023 Điều 17 k1-3', 0),
	('R-DC-61-vice', 'gsdtccd', 'max_vice', 2, NULL, 'Ban GSĐTCCĐ có không quá 2 Phó Trưởng ban', 'C', 'NĐ 59/2023 Điều 17 k3', 0);
