-- 0006: social supervision and social criticism by MTTQ and the
-- socio-political organisations (DOMAIN.md §8, QĐ 217-QĐ/TW), and the
-- people's contributions to building the Party and the government
-- (QĐ 218-QĐ/TW), which are opinions of a channel of their own.
-- The forms (R-GS-03, status U), topics, document levels and types are
-- data that offices extend.

-- Forms of supervision (Luật MTTQ Điều 27, NQLT 403/2017).
CREATE TABLE supervision_forms (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	sort		INTEGER NOT NULL
);
INSERT INTO supervision_forms VALUES
	('documents', 'Nghiên cứu, xem xét văn bản', 10),
	('delegation', 'Tổ chức đoàn giám sát', 20),
	('boards', 'Thông qua Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng', 30),
	('state_joint', 'Tham gia hoạt động giám sát của cơ quan nhà nước', 40);

-- What a supervision is about: the theme coverage is counted by.
CREATE TABLE supervision_topics (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	sort		INTEGER NOT NULL
);
INSERT INTO supervision_topics VALUES
	('tet_gifts', 'Thăm hỏi, tặng quà dịp Tết', 10),
	('social_policy', 'Thực hiện chính sách an sinh xã hội', 20),
	('land_environment', 'Đất đai, môi trường', 30),
	('admin_reform', 'Cải cách hành chính, tiếp công dân', 40),
	('grassroots_democracy', 'Thực hiện dân chủ ở cơ sở', 50),
	('investment', 'Đầu tư xây dựng, nông thôn mới', 60),
	('officials', 'Tu dưỡng, rèn luyện của cán bộ, đảng viên', 70),
	('other', 'Nội dung khác', 100);

-- A supervision plan or activity (P-GS-04).
-- status: planned -> in_progress -> done (forward only).
-- bodies: the supervised bodies, one per line.
CREATE TABLE supervisions (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	title		TEXT NOT NULL,
	title_fold	TEXT NOT NULL,
	topic		TEXT NOT NULL REFERENCES supervision_topics (code),
	form		TEXT NOT NULL REFERENCES supervision_forms (code),
	from_day	TEXT NOT NULL,
	to_day		TEXT NOT NULL,
	bodies		TEXT NOT NULL,
	status		TEXT NOT NULL,
	findings	TEXT,
	note		TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX supervisions_path ON supervisions (unit_structure, unit_path, from_day);

-- The administrative units a supervision covered (inside the subtree of
-- its organisation's unit): "19/19 xã" is counted from these rows.
CREATE TABLE supervision_units (
	supervision_id	INTEGER NOT NULL REFERENCES supervisions (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	PRIMARY KEY (supervision_id, unit_code)
);
CREATE INDEX supervision_units_path ON supervision_units (unit_structure, unit_path);

-- Recommendations (kiến nghị) after a supervision, followed to the
-- answer.  status: open -> responded -> closed; overdue is computed
-- (open past due_day).
CREATE TABLE supervision_recommendations (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	supervision_id	INTEGER NOT NULL REFERENCES supervisions (id),
	content		TEXT NOT NULL,
	addressee	TEXT NOT NULL,
	due_day		TEXT,
	response_day	TEXT,
	response	TEXT,
	status		TEXT NOT NULL,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX supervision_recommendations_sup ON supervision_recommendations (supervision_id);

-- Level of the body issuing a draft; only_structure limits a level to
-- one administrative structure (districts ended on 1 July 2025).
CREATE TABLE criticism_levels (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	sort		INTEGER NOT NULL,
	only_structure	INTEGER
);
INSERT INTO criticism_levels VALUES
	('province', 'Cấp tỉnh', 10, NULL),
	('district', 'Cấp huyện', 20, 2024),
	('commune', 'Cấp xã', 30, NULL);

CREATE TABLE criticism_doc_types (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	sort		INTEGER NOT NULL
);
INSERT INTO criticism_doc_types VALUES
	('resolution', 'Nghị quyết', 10),
	('decision', 'Quyết định', 20),
	('project', 'Đề án', 30),
	('plan', 'Kế hoạch', 40),
	('planning', 'Quy hoạch', 50),
	('other', 'Văn bản khác', 100);

-- Forms of social criticism (Luật MTTQ Điều 34).
CREATE TABLE criticism_forms (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	sort		INTEGER NOT NULL
);
INSERT INTO criticism_forms VALUES
	('conference', 'Hội nghị phản biện', 10),
	('written', 'Gửi dự thảo lấy ý kiến bằng văn bản', 20),
	('dialogue', 'Đối thoại trực tiếp', 30);

-- A draft document submitted for social criticism (phản biện xã hội).
CREATE TABLE criticism_docs (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	title		TEXT NOT NULL,
	title_fold	TEXT NOT NULL,
	issuer		TEXT NOT NULL,
	level		TEXT NOT NULL REFERENCES criticism_levels (code),
	doc_type	TEXT NOT NULL REFERENCES criticism_doc_types (code),
	form		TEXT NOT NULL REFERENCES criticism_forms (code),
	received_day	TEXT NOT NULL,
	due_day		TEXT,
	note		TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX criticism_docs_path ON criticism_docs (unit_structure, unit_path, received_day);

-- A comment made on a draft and whether the drafting body took it in.
-- result: pending | accepted | partly | not_accepted (reason required).
CREATE TABLE criticism_comments (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	doc_id		INTEGER NOT NULL REFERENCES criticism_docs (id),
	content		TEXT NOT NULL,
	result		TEXT NOT NULL,
	reason		TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX criticism_comments_doc ON criticism_comments (doc_id);

-- QĐ 218: the people's contributions to building the Party and the
-- government are opinions of their own channel, with the same follow-up.
INSERT INTO opinion_channels VALUES
	('party_building', 'Góp ý xây dựng Đảng, xây dựng chính quyền', 75);
