-- 0004: dialogue conferences and the opinions raised there or anywhere
-- else, "Dân vận khéo" models and breakthrough tasks (DOMAIN.md §9-§10).
-- Lists that offices extend are data (target groups, model fields,
-- opinion channels); counts per year are settings.

INSERT INTO settings (key, value, updated_at) VALUES
	('breakthrough_min', '3', 0),
	('breakthrough_max', '5', 0);

-- Who a dialogue is held with (configurable).
CREATE TABLE dialogue_groups (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	sort		INTEGER NOT NULL
);
INSERT INTO dialogue_groups VALUES
	('citizens', 'Nhân dân', 10),
	('youth', 'Thanh niên', 20),
	('farmers', 'Nông dân', 30),
	('workers', 'Công nhân và người lao động', 40),
	('women', 'Phụ nữ', 50),
	('veterans', 'Cựu chiến binh', 60),
	('business', 'Doanh nghiệp', 70),
	('front_cadres', 'Cán bộ Mặt trận, đoàn thể', 80),
	('religious', 'Chức sắc, tín đồ tôn giáo', 90),
	('other', 'Đối tượng khác', 100);

-- A dialogue conference (hội nghị đối thoại, tiếp xúc).
CREATE TABLE dialogues (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	host_name	TEXT NOT NULL,
	host_title	TEXT NOT NULL,		-- Bí thư, Chủ tịch UBND, ...
	target_group	TEXT NOT NULL REFERENCES dialogue_groups (code),
	day		TEXT NOT NULL,
	place		TEXT NOT NULL,
	participants	INTEGER NOT NULL,
	minutes		TEXT,
	note		TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX dialogues_path ON dialogues (unit_structure, unit_path, day);

-- Minutes, photos and other files of a dialogue (base64, as for petitions).
CREATE TABLE dialogue_attachments (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	dialogue_id	INTEGER NOT NULL REFERENCES dialogues (id),
	name		TEXT NOT NULL,
	mime		TEXT NOT NULL,
	size		INTEGER NOT NULL,
	sha256		TEXT NOT NULL,
	data		TEXT NOT NULL,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL
);
CREATE INDEX dialogue_attachments_dialogue ON dialogue_attachments (dialogue_id);

-- Dialogues a leader must hold per year (the unit's dialogue regulation).
CREATE TABLE dialogue_requirements (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	host_title	TEXT NOT NULL,
	year		INTEGER NOT NULL,
	required	INTEGER NOT NULL,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL,
	UNIQUE (org_id, host_title, year)
);

-- Where an opinion of the people came from (configurable).
CREATE TABLE opinion_channels (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	sort		INTEGER NOT NULL
);
INSERT INTO opinion_channels VALUES
	('dialogue', 'Hội nghị đối thoại, tiếp xúc', 10),
	('reception', 'Tiếp công dân', 20),
	('voter_meeting', 'Tiếp xúc cử tri', 30),
	('mailbox', 'Hòm thư góp ý', 40),
	('portal', 'Cổng thông tin trực tuyến', 50),
	('media', 'Báo chí, mạng xã hội', 60),
	('grassroots', 'Báo cáo của cơ sở', 70),
	('other', 'Kênh khác', 80);

-- An opinion (ý kiến, kiến nghị của Nhân dân), followed to its answer.
-- status: open -> answered (at the meeting) | studying (accepted for
-- study) | forwarded (to a competent body, due_day) -> closed.
CREATE TABLE opinions (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	channel		TEXT NOT NULL REFERENCES opinion_channels (code),
	dialogue_id	INTEGER REFERENCES dialogues (id),
	day		TEXT NOT NULL,
	raised_by	TEXT,
	place		TEXT,
	content		TEXT NOT NULL,
	content_fold	TEXT NOT NULL,
	field		TEXT NOT NULL REFERENCES petition_fields (code),
	hot_spot	INTEGER NOT NULL DEFAULT 0,	-- điểm nóng
	reported_to	TEXT,				-- cấp ủy, UBND, ...
	status		TEXT NOT NULL,
	forwarded_to	TEXT,
	due_day		TEXT,
	answer		TEXT,
	answered_day	TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX opinions_path ON opinions (unit_structure, unit_path, day);
CREATE INDEX opinions_dialogue ON opinions (dialogue_id);

-- Fields of "Dân vận khéo" models (configurable).
CREATE TABLE dvk_fields (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	sort		INTEGER NOT NULL
);
INSERT INTO dvk_fields VALUES
	('economy', 'Kinh tế', 10),
	('culture_society', 'Văn hóa - xã hội', 20),
	('defense_security', 'Quốc phòng - an ninh', 30),
	('political_system', 'Xây dựng hệ thống chính trị', 40),
	('new_rural', 'Xây dựng nông thôn mới, đô thị văn minh', 50),
	('other', 'Lĩnh vực khác', 60);

-- A "Dân vận khéo" model (collective) or exemplar (individual).
-- status: registered -> implementing -> evaluated -> recognised.
CREATE TABLE dvk_models (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	name		TEXT NOT NULL,
	name_fold	TEXT NOT NULL,
	name_key	TEXT NOT NULL,
	field		TEXT NOT NULL REFERENCES dvk_fields (code),
	kind		TEXT NOT NULL,		-- collective | individual
	year		INTEGER NOT NULL,
	status		TEXT NOT NULL,
	outstanding	INTEGER NOT NULL DEFAULT 0,	-- tiêu biểu
	results		TEXT,
	evidence	TEXT,
	replicated_from	INTEGER REFERENCES dvk_models (id),	-- nhân rộng
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX dvk_models_path ON dvk_models (unit_structure, unit_path, year);

-- Breakthrough tasks (nhiệm vụ đột phá) an organisation registers per
-- year (between settings breakthrough_min and breakthrough_max).
CREATE TABLE breakthrough_tasks (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	year		INTEGER NOT NULL,
	title		TEXT NOT NULL,
	progress	INTEGER NOT NULL DEFAULT 0,	-- percent
	status		TEXT NOT NULL,		-- registered | in_progress | completed | not_completed
	evaluation	TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX breakthrough_tasks_org ON breakthrough_tasks (org_id, year);
CREATE INDEX breakthrough_tasks_path ON breakthrough_tasks (unit_structure, unit_path, year);
