-- 0003: citizen reception and petitions (DOMAIN.md §3-§6, §15).
-- Legal time limits, reception duties, fields and holiday swaps are data:
-- rules marked U in DOMAIN.md change by UPDATE, not by a new binary.
-- Days are TEXT 'YYYY-MM-DD' (legal dates have no time zone); instants
-- are epoch seconds.

CREATE TABLE settings (
	key		TEXT PRIMARY KEY,
	value		TEXT NOT NULL,
	updated_at	INTEGER NOT NULL
);
INSERT INTO settings (key, value, updated_at) VALUES
	('mass_threshold', '5', 0),		-- R-TCD-32 (U), P-TCD-33
	('due_soon_days', '5', 0),		-- working days before a due day
	('report_cutoff_day', '15', 0),		-- R-BC-02
	('public_submit_per_hour', '5', 0),	-- per client address
	('public_track_per_10min', '60', 0);

-- Time limits (DOMAIN.md §4-§6).  start: the event the period runs from.
-- The *_amount columns are the variants; NULL means the rule has none.
CREATE TABLE deadline_rules (
	id		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	start_event	TEXT NOT NULL,		-- received | accepted | decided
	amount		INTEGER NOT NULL,
	complex_amount	INTEGER,
	especially_complex_amount INTEGER,
	remote_amount	INTEGER,
	remote_complex_amount INTEGER,
	day_unit	TEXT NOT NULL,		-- calendar | working
	status		TEXT NOT NULL,		-- C | U | P (DOMAIN.md §0.1)
	source		TEXT NOT NULL,
	updated_at	INTEGER NOT NULL
);
INSERT INTO deadline_rules VALUES
	('R-DON-09', 'Xử lý đơn: phân loại và quyết định hướng xử lý', 'received', 10, NULL, NULL, NULL, NULL, 'working', 'U', 'TT 05/2021', 0),
	('R-DON-10', 'Tiếp nhận, phân loại, xử lý ban đầu đơn tố cáo', 'received', 7, 10, NULL, NULL, NULL, 'working', 'C', 'Luật Tố cáo Điều 24 k1', 0),
	('R-DON-11', 'Chuyển đơn tố cáo không thuộc thẩm quyền', 'received', 5, NULL, NULL, NULL, NULL, 'working', 'C', 'Luật Tố cáo Điều 24 k2', 0),
	('R-DON-12', 'Thông báo kết quả xử lý tố cáo do cơ quan, báo chí chuyển đến', 'received', 20, NULL, NULL, NULL, NULL, 'calendar', 'C', 'Luật Tố cáo Điều 26 k2', 0),
	('R-KN-10', 'Thời hiệu khiếu nại lần đầu', 'decided', 90, NULL, NULL, NULL, NULL, 'calendar', 'C', 'Luật Khiếu nại Điều 9', 0),
	('R-KN-11', 'Thụ lý khiếu nại lần đầu', 'received', 10, NULL, NULL, NULL, NULL, 'calendar', 'U', 'Luật Khiếu nại Điều 27', 0),
	('R-KN-12', 'Giải quyết khiếu nại lần đầu (vùng sâu, vùng xa: R-KN-13)', 'accepted', 30, 45, NULL, 45, 60, 'calendar', 'U', 'Luật Khiếu nại Điều 28', 0),
	('R-KN-14', 'Khiếu nại lần hai sau quyết định lần đầu', 'decided', 30, NULL, NULL, 45, NULL, 'calendar', 'U', 'Luật Khiếu nại Điều 33', 0),
	('R-KN-15', 'Thụ lý khiếu nại lần hai', 'received', 10, NULL, NULL, NULL, NULL, 'calendar', 'U', 'Luật Khiếu nại Điều 36', 0),
	('R-KN-16', 'Giải quyết khiếu nại lần hai (vùng sâu, vùng xa: R-KN-17)', 'accepted', 45, 60, NULL, 60, 70, 'calendar', 'U', 'Luật Khiếu nại Điều 37', 0),
	('R-KN-19', 'Công khai quyết định giải quyết khiếu nại lần hai', 'decided', 15, NULL, NULL, NULL, NULL, 'calendar', 'U', 'NĐ 124/2020', 0),
	('R-TC-03', 'Thông báo thụ lý tố cáo cho người tố cáo', 'accepted', 5, NULL, NULL, NULL, NULL, 'working', 'U', 'Luật Tố cáo Điều 29', 0),
	('R-TC-04', 'Giải quyết tố cáo (gia hạn: R-TC-05, R-TC-06)', 'accepted', 30, 60, 90, NULL, NULL, 'calendar', 'U', 'Luật Tố cáo Điều 30', 0),
	('P-KNPA-01', 'Trả lời kiến nghị, phản ánh', 'accepted', 15, 30, NULL, NULL, NULL, 'working', 'P', 'Đề xuất; chưa có quy định thống nhất', 0);

-- Government decisions per year: extra days off and Saturdays made
-- working days (the holidays of the Labour Code are computed).
CREATE TABLE calendar_days (
	day		TEXT PRIMARY KEY,
	kind		TEXT NOT NULL,		-- off | work
	name		TEXT NOT NULL,
	updated_at	INTEGER NOT NULL
);
-- ICU's Chinese calendar puts Tết 2027 on 7 February (its new moon falls
-- minutes after midnight, ICU-23274); in Vietnam it is 6 February.
INSERT INTO calendar_days VALUES
	('2027-02-05', 'off', 'Tết Nguyên đán (30 tháng Chạp)', 0),
	('2027-02-10', 'off', 'Nghỉ bù Tết Nguyên đán', 0),
	('2027-02-12', 'work', 'Ngày làm việc (hiệu chỉnh lịch Tết 2027)', 0);

-- Fields (lĩnh vực) of letters and cases, R-TCD-43 (list U: data).
CREATE TABLE petition_fields (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	grp		TEXT NOT NULL,		-- administrative | justice | party | other
	sort		INTEGER NOT NULL
);
INSERT INTO petition_fields VALUES
	('land', 'Đất đai', 'administrative', 10),
	('housing', 'Nhà ở', 'administrative', 20),
	('compensation', 'Bồi thường, hỗ trợ, tái định cư', 'administrative', 30),
	('social_policy', 'Chính sách xã hội', 'administrative', 40),
	('civil_servant', 'Chế độ, chính sách cán bộ, công chức', 'administrative', 50),
	('environment', 'Tài nguyên, môi trường', 'administrative', 60),
	('construction', 'Xây dựng, hạ tầng', 'administrative', 70),
	('justice', 'Tư pháp (tòa án, thi hành án)', 'justice', 80),
	('party', 'Đảng', 'party', 90),
	('other', 'Lĩnh vực khác', 'other', 100);

-- Leaders' reception duty (R-TCD-11..16): how many days per week/month.
CREATE TABLE reception_duty_rules (
	id		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	per		TEXT NOT NULL,		-- week | month
	days		INTEGER NOT NULL,
	status		TEXT NOT NULL,
	source		TEXT NOT NULL,
	updated_at	INTEGER NOT NULL
);
INSERT INTO reception_duty_rules VALUES
	('R-TCD-11', 'Chủ tịch UBND cấp tỉnh', 'month', 1, 'C', 'Luật Tiếp công dân Điều 12 k5', 0),
	('R-TCD-12', 'Chủ tịch UBND cấp huyện (trước 01/7/2025)', 'month', 2, 'C', 'Luật Tiếp công dân Điều 13 k5', 0),
	('R-TCD-13', 'Chủ tịch UBND cấp xã', 'week', 1, 'C', 'Luật Tiếp công dân Điều 15 k2', 0),
	('R-TCD-14', 'Thủ trưởng cơ quan hành chính nhà nước', 'month', 1, 'C', 'Luật Tiếp công dân Điều 18 k2', 0),
	('R-TCD-16-T', 'Người đứng đầu cấp ủy cấp tỉnh', 'month', 1, 'C', 'QĐ 11-QĐi/TW; KL 215-KL/TW', 0),
	('R-TCD-16-X', 'Người đứng đầu cấp ủy cấp xã', 'month', 2, 'C', 'QĐ 11-QĐi/TW; KL 215-KL/TW', 0);

-- A leader's periodic reception schedule (P-TCD-19).  pattern: planned
-- days, "week:N" (weekday N, 1 = Monday) or "month:D[,D...]" (days of
-- the month); a planned day on a holiday moves to the next working day.
CREATE TABLE reception_schedules (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	leader_name	TEXT NOT NULL,
	leader_title	TEXT NOT NULL,
	rule_id		TEXT NOT NULL REFERENCES reception_duty_rules (id),
	pattern		TEXT NOT NULL,
	valid_from	TEXT NOT NULL,
	valid_to	TEXT,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX reception_schedules_path ON reception_schedules (unit_structure, unit_path);

-- Denouncers' identities (R-TC-20/21, P-TC-24): a libsodium secretbox of
-- the identity JSON; rows hold only the reference.
CREATE TABLE protected_identities (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	key_id		TEXT NOT NULL,
	nonce		TEXT NOT NULL,		-- base64
	box		TEXT NOT NULL,		-- base64
	created_at	INTEGER NOT NULL
);

-- A reception session (buổi tiếp công dân).
CREATE TABLE reception_sessions (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	kind		TEXT NOT NULL,		-- regular | periodic | ad_hoc
	day		TEXT NOT NULL,
	place		TEXT NOT NULL,
	host_name	TEXT NOT NULL,
	schedule_id	INTEGER REFERENCES reception_schedules (id),
	delegated	INTEGER NOT NULL DEFAULT 0,	-- R-TCD-18: deputy received
	note		TEXT,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX reception_sessions_path ON reception_sessions (unit_structure, unit_path, day);
CREATE INDEX reception_sessions_schedule ON reception_sessions (schedule_id, day);

-- Petitions (đơn).  The receiving body is org_id at unit_*; a forwarded
-- letter becomes a new row at the receiving body (forwarded_from) and the
-- sender's row points to it (forwarded_to), so each side has its queue.
CREATE TABLE petitions (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	tracking_code	TEXT NOT NULL UNIQUE,
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	source		TEXT NOT NULL,		-- visit | post | online | forwarded
	visit_id	INTEGER,
	received_day	TEXT NOT NULL,
	petitioner_name	TEXT,			-- NULL when protected or anonymous
	petitioner_address TEXT,
	petitioner_id_number TEXT,
	petitioner_phone TEXT,
	petitioner_fold	TEXT,
	identity_id	INTEGER REFERENCES protected_identities (id),
	identity_hash	TEXT,			-- keyed hash, for duplicates
	anonymous	INTEGER NOT NULL DEFAULT 0,
	persons		INTEGER NOT NULL DEFAULT 1,
	subject		TEXT NOT NULL,
	subject_fold	TEXT NOT NULL,
	content		TEXT NOT NULL,
	content_fold	TEXT NOT NULL,
	classification	TEXT,		-- complaint denunciation recommendation reflection mixed
	eligibility	TEXT,
	field		TEXT REFERENCES petition_fields (code),
	direction	TEXT,
	level		INTEGER NOT NULL DEFAULT 1,
	complexity	TEXT NOT NULL DEFAULT 'normal',
	remote_area	INTEGER NOT NULL DEFAULT 0,
	mass_case	INTEGER NOT NULL DEFAULT 0,	-- đông người, phức tạp, kéo dài
	mass_settled_day TEXT,				-- giải quyết dứt điểm
	status		TEXT NOT NULL,
	handling_rule	TEXT,
	handling_due	TEXT,
	resolution_rule	TEXT,
	resolution_start TEXT,
	resolution_due	TEXT,
	extensions	INTEGER NOT NULL DEFAULT 0,
	resolved_day	TEXT,
	on_time		INTEGER,
	result		TEXT,
	duplicate_of	INTEGER REFERENCES petitions (id),
	repeat_count	INTEGER NOT NULL DEFAULT 0,
	forwarded_from	INTEGER REFERENCES petitions (id),
	forwarded_to	INTEGER REFERENCES petitions (id),
	assigned_user_id INTEGER REFERENCES users (id),
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
-- Lists: a unit subtree (one range of paths) or a period, filtered by
-- status and classification inside the index (bench/petitions.sh).
CREATE INDEX petitions_path ON petitions (unit_structure, unit_path, received_day, status, classification);
CREATE INDEX petitions_day ON petitions (unit_structure, received_day, unit_path, status, classification);
CREATE INDEX petitions_org ON petitions (org_id, status, received_day);
CREATE INDEX petitions_due ON petitions (status, resolution_due);
CREATE INDEX petitions_identity ON petitions (identity_hash);
CREATE INDEX petitions_petitioner ON petitions (petitioner_fold);
CREATE INDEX petitions_dup ON petitions (duplicate_of);

-- A visit (lượt tiếp) within a session: one row of the register (Mẫu 03).
CREATE TABLE reception_visits (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	session_id	INTEGER NOT NULL REFERENCES reception_sessions (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	day		TEXT NOT NULL,
	citizen_name	TEXT,			-- NULL when protected
	citizen_address	TEXT,
	citizen_id_number TEXT,
	identity_id	INTEGER REFERENCES protected_identities (id),
	persons		INTEGER NOT NULL,
	representatives	INTEGER NOT NULL DEFAULT 0,
	is_mass		INTEGER NOT NULL,
	content		TEXT NOT NULL,
	classification	TEXT NOT NULL,
	field		TEXT NOT NULL REFERENCES petition_fields (code),
	prior_handler	TEXT,
	direction	TEXT NOT NULL,		-- accept | guide_and_return | forward | none
	forwarded_to	TEXT,
	follow_up	TEXT,
	note		TEXT,
	refused		INTEGER NOT NULL DEFAULT 0,
	refusal_reason	TEXT,
	petition_id	INTEGER REFERENCES petitions (id),
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX reception_visits_session ON reception_visits (session_id, id);
CREATE INDEX reception_visits_path ON reception_visits (unit_structure, unit_path, day);

-- Every status change of a petition, oldest first (the timeline).
-- public_note is what the citizen's tracking page may show.
CREATE TABLE petition_events (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	petition_id	INTEGER NOT NULL REFERENCES petitions (id),
	at		INTEGER NOT NULL,
	day		TEXT NOT NULL,
	kind		TEXT NOT NULL,
	status		TEXT NOT NULL,
	note		TEXT,
	public_note	TEXT,
	actor_id	INTEGER,
	actor_name	TEXT
);
CREATE INDEX petition_events_petition ON petition_events (petition_id, id);

-- Scans and photos; data is base64 so both backends store it as text.
CREATE TABLE petition_attachments (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	petition_id	INTEGER NOT NULL REFERENCES petitions (id),
	name		TEXT NOT NULL,
	mime		TEXT NOT NULL,
	size		INTEGER NOT NULL,
	sha256		TEXT NOT NULL,
	data		TEXT NOT NULL,
	created_by	INTEGER,
	created_at	INTEGER NOT NULL
);
CREATE INDEX petition_attachments_petition ON petition_attachments (petition_id);
