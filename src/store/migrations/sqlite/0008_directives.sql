-- 0008: the register of directives and plans (nghị quyết, chỉ thị, kế
-- hoạch, ...) with the tasks derived from each and their reviews (sơ
-- kết, tổng kết); organisation changes (kiện toàn chức danh) in MTTQ and
-- the mass organisations; campaigns and support activities (gifts,
-- houses, donations, volunteer labour) with their quantities.  Kinds,
-- positions and target groups are data; which change kinds fill a
-- position and which quantities each campaign kind needs are columns.

INSERT INTO settings (key, value, updated_at) VALUES
	('directive_due_soon_days', '14', 0);

CREATE TABLE directive_kinds (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	sort		INTEGER NOT NULL
);
INSERT INTO directive_kinds VALUES
	('resolution', 'Nghị quyết', 10),
	('directive', 'Chỉ thị', 20),
	('conclusion', 'Kết luận', 30),
	('regulation', 'Quy chế', 40),
	('plan', 'Kế hoạch', 50),
	('project', 'Đề án', 60),
	('guidance', 'Hướng dẫn', 70),
	('decision', 'Quyết định', 80),
	('other', 'Văn bản khác', 90);

-- A directive or plan the owning organisation keeps track of.
CREATE TABLE directives (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	kind		TEXT NOT NULL REFERENCES directive_kinds (code),
	number		TEXT NOT NULL,		-- "25-NQ/TW", "12/KH-UBND"
	issuer		TEXT NOT NULL,
	issued_day	TEXT NOT NULL,
	abstract	TEXT NOT NULL,		-- trích yếu
	search_fold	TEXT NOT NULL,		-- number, issuer, abstract
	period_from	TEXT,
	period_to	TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX directives_path ON directives (unit_structure, unit_path, issued_day);

-- A task derived from a directive.  status holds not_started,
-- in_progress or done; "overdue" is computed (deadline passed, not done).
CREATE TABLE directive_tasks (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	directive_id	INTEGER NOT NULL REFERENCES directives (id),
	content		TEXT NOT NULL,
	deadline	TEXT,
	status		TEXT NOT NULL,
	percent		INTEGER NOT NULL DEFAULT 0,
	notes		TEXT,
	done_day	TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX directive_tasks_directive ON directive_tasks (directive_id);
CREATE INDEX directive_tasks_deadline ON directive_tasks (deadline);

-- The organisations responsible for a task.
CREATE TABLE directive_task_orgs (
	task_id		INTEGER NOT NULL REFERENCES directive_tasks (id),
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	PRIMARY KEY (task_id, org_id)
);

-- Reviews: kind interim (sơ kết) or final (tổng kết).
CREATE TABLE directive_reviews (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	directive_id	INTEGER NOT NULL REFERENCES directives (id),
	kind		TEXT NOT NULL,
	day		TEXT NOT NULL,
	summary		TEXT NOT NULL,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL
);
CREATE INDEX directive_reviews_directive ON directive_reviews (directive_id);

-- Positions of MTTQ and the mass organisations (configurable).
CREATE TABLE org_positions (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	sort		INTEGER NOT NULL
);
INSERT INTO org_positions VALUES
	('chair', 'Chủ tịch', 10),
	('vice_chair', 'Phó Chủ tịch', 20),
	('secretary', 'Bí thư', 30),
	('deputy_secretary', 'Phó Bí thư', 40),
	('standing_member', 'Ủy viên Ban Thường trực', 50),
	('front_work_head', 'Trưởng ban Công tác Mặt trận', 60),
	('other', 'Chức danh khác', 70);

-- Change kinds; fills = 1 when the change fills the position (counted
-- as kiện toàn), 0 when it leaves it empty.
CREATE TABLE org_change_kinds (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	fills		INTEGER NOT NULL,
	sort		INTEGER NOT NULL
);
INSERT INTO org_change_kinds VALUES
	('elected', 'Bầu', 1, 10),
	('appointed', 'Chỉ định, bổ nhiệm', 1, 20),
	('replaced', 'Thay thế', 1, 30),
	('dismissed', 'Miễn nhiệm, cho thôi', 0, 40),
	('vacated', 'Khuyết (nghỉ hưu, chuyển công tác)', 0, 50);

-- One change of a position in an organisation.
CREATE TABLE org_changes (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	position	TEXT NOT NULL REFERENCES org_positions (code),
	change_kind	TEXT NOT NULL REFERENCES org_change_kinds (code),
	person_name	TEXT NOT NULL,
	day		TEXT NOT NULL,
	note		TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL
);
CREATE INDEX org_changes_path ON org_changes (unit_structure, unit_path, day);

-- Campaign kinds.  requires_all: quantities that must be positive;
-- requires_any: at least one of these must be (comma-separated names
-- among visits, households, money, labour_days, road_m, canal_m).
CREATE TABLE campaign_kinds (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	requires_all	TEXT NOT NULL,
	requires_any	TEXT NOT NULL,
	sort		INTEGER NOT NULL
);
INSERT INTO campaign_kinds VALUES
	('gifts', 'Thăm hỏi, tặng quà', 'visits', '', 10),
	('houses_built', 'Xây dựng nhà đại đoàn kết, nhà tình nghĩa', 'households', '', 20),
	('houses_repaired', 'Sửa chữa nhà ở', 'households', '', 30),
	('donations', 'Quyên góp, ủng hộ', 'money', '', 40),
	('volunteer_labour', 'Ngày công lao động tình nguyện', '', 'labour_days,road_m,canal_m', 50),
	('scholarships', 'Trao học bổng', 'visits', '', 60),
	('other', 'Hoạt động khác', '', 'visits,households,money,labour_days,road_m,canal_m', 70);

CREATE TABLE campaign_targets (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	sort		INTEGER NOT NULL
);
INSERT INTO campaign_targets VALUES
	('policy_families', 'Gia đình chính sách, người có công', 10),
	('poor_households', 'Hộ nghèo', 20),
	('near_poor', 'Hộ cận nghèo', 30),
	('difficult', 'Hộ có hoàn cảnh khó khăn', 40),
	('elderly', 'Người cao tuổi', 50),
	('students', 'Học sinh, sinh viên', 60),
	('disabled', 'Người khuyết tật', 70),
	('disaster', 'Người dân vùng thiên tai, dịch bệnh', 80),
	('community', 'Cộng đồng dân cư', 90),
	('other', 'Đối tượng khác', 100);

-- A campaign or support activity.  The unit columns are where it took
-- place (inside the organiser's unit); money in đồng, roads and canals in
-- metres.
CREATE TABLE campaigns (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	kind		TEXT NOT NULL REFERENCES campaign_kinds (code),
	title		TEXT NOT NULL,
	title_fold	TEXT NOT NULL,
	place		TEXT,
	day		TEXT NOT NULL,
	end_day		TEXT,
	target		TEXT NOT NULL REFERENCES campaign_targets (code),
	visits		INTEGER NOT NULL DEFAULT 0,
	households	INTEGER NOT NULL DEFAULT 0,
	money		INTEGER NOT NULL DEFAULT 0,
	labour_days	INTEGER NOT NULL DEFAULT 0,
	road_m		INTEGER NOT NULL DEFAULT 0,
	canal_m		INTEGER NOT NULL DEFAULT 0,
	note		TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX campaigns_path ON campaigns (unit_structure, unit_path, day);
