-- 0005: emulation (thi đua, DOMAIN.md §10): criteria sets as versioned
-- data, emulation blocs (khối thi đua) of organisations, self-assessed
-- and appraised points, and the prize rules a bloc's ranking applies.

-- A criteria set (bộ tiêu chí, thang điểm).  A published set is frozen;
-- a change is a new version in the same family (P-EV-04).
CREATE TABLE emulation_sets (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	family_id	INTEGER,		-- id of version 1 (NULL: itself)
	version		INTEGER NOT NULL,
	name		TEXT NOT NULL,
	year		INTEGER NOT NULL,
	status		TEXT NOT NULL,		-- draft | published
	min_total	INTEGER NOT NULL,	-- appraised total below: no prize
	min_activity	INTEGER NOT NULL,	-- activities in the year below: no prize
	flag_min	INTEGER,		-- Cờ thi đua from this total; NULL: none
	merit_count	INTEGER NOT NULL,	-- Bằng khen for the next N
	created_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL,
	published_at	INTEGER,
	UNIQUE (family_id, version)
);

-- One criterion: a score, a deduction (trừ điểm) or a bonus (điểm thưởng).
CREATE TABLE emulation_criteria (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	set_id		INTEGER NOT NULL REFERENCES emulation_sets (id),
	group_name	TEXT NOT NULL,
	code		TEXT NOT NULL,
	name		TEXT NOT NULL,
	max_points	INTEGER NOT NULL,
	kind		TEXT NOT NULL,		-- score | deduction | bonus
	evidence_required INTEGER NOT NULL,
	sort		INTEGER NOT NULL,
	UNIQUE (set_id, code)
);

-- An emulation bloc (khối thi đua) ranked with one criteria set.
CREATE TABLE emulation_blocs (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	name		TEXT NOT NULL,
	set_id		INTEGER NOT NULL REFERENCES emulation_sets (id),
	created_by	INTEGER,
	created_at	INTEGER NOT NULL
);

CREATE TABLE emulation_bloc_members (
	bloc_id		INTEGER NOT NULL REFERENCES emulation_blocs (id),
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	PRIMARY KEY (bloc_id, org_id)
);

-- Points of one organisation on one criterion: its own assessment and
-- the appraisal by the level above.
CREATE TABLE emulation_scores (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	set_id		INTEGER NOT NULL REFERENCES emulation_sets (id),
	criterion_id	INTEGER NOT NULL REFERENCES emulation_criteria (id),
	org_id		INTEGER NOT NULL REFERENCES organizations (id),
	self_points	INTEGER,
	self_note	TEXT,
	evidence	TEXT,
	self_by		INTEGER,
	appraised_points INTEGER,
	appraisal_note	TEXT,
	appraised_by	INTEGER,
	updated_at	INTEGER NOT NULL,
	UNIQUE (criterion_id, org_id)
);
CREATE INDEX emulation_scores_org ON emulation_scores (set_id, org_id);
