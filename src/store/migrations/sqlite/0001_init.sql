-- 0001: administrative units, users, sessions, organisations, audit log.
-- Ids are never reused (AUTOINCREMENT): the audit log refers to them.
-- Text columns ending in _key hold a Vietnamese collation key (hex); they
-- compare bytewise.  *_path columns hold the unit path "17/148/04765".

CREATE TABLE units (
	structure	INTEGER NOT NULL,	-- 2024 (3 levels) or 2025 (2 levels)
	code		TEXT NOT NULL,
	name		TEXT NOT NULL,
	level		TEXT NOT NULL,		-- province | district | commune
	parent_code	TEXT,
	path		TEXT NOT NULL,
	name_fold	TEXT NOT NULL,
	name_key	TEXT NOT NULL,
	PRIMARY KEY (structure, code)
);
CREATE INDEX units_parent ON units (structure, parent_code, name_key);
CREATE INDEX units_level ON units (structure, level, name_key);
CREATE INDEX units_path ON units (structure, path);

-- The 1 July 2025 reform: old (2024) unit -> new (2025) unit.
CREATE TABLE unit_map (
	old_code	TEXT NOT NULL,
	new_code	TEXT NOT NULL,
	level		TEXT NOT NULL,
	type		TEXT NOT NULL,		-- full | partial
	remark		TEXT,
	PRIMARY KEY (old_code, new_code, level)
);
CREATE INDEX unit_map_new ON unit_map (new_code, level);

CREATE TABLE users (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	username	TEXT NOT NULL UNIQUE,
	full_name	TEXT NOT NULL,
	name_fold	TEXT NOT NULL,
	name_key	TEXT NOT NULL,
	password_hash	TEXT NOT NULL,
	role		TEXT NOT NULL,
	unit_structure	INTEGER,
	unit_code	TEXT,
	unit_path	TEXT,
	disabled	INTEGER NOT NULL DEFAULT 0,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL,
	FOREIGN KEY (unit_structure, unit_code) REFERENCES units (structure, code)
);
CREATE INDEX users_path ON users (unit_path);

CREATE TABLE sessions (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	token_hash	TEXT NOT NULL UNIQUE,
	user_id		INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	csrf_token	TEXT NOT NULL,
	created_at	INTEGER NOT NULL,
	last_seen	INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_attempts (
	key		TEXT PRIMARY KEY,	-- "u:NAME" or "ip:ADDR"
	failures	INTEGER NOT NULL,
	first_at	INTEGER NOT NULL,
	locked_until	INTEGER NOT NULL
);

CREATE TABLE organizations (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	name		TEXT NOT NULL,
	name_fold	TEXT NOT NULL,
	name_key	TEXT NOT NULL,
	type		TEXT NOT NULL,
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL,
	FOREIGN KEY (unit_structure, unit_code) REFERENCES units (structure, code)
);
CREATE INDEX organizations_path ON organizations (unit_structure, unit_path);

CREATE TABLE audit_log (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	at		INTEGER NOT NULL,
	actor_id	INTEGER,
	actor_name	TEXT,
	action		TEXT NOT NULL,
	entity		TEXT NOT NULL,
	entity_id	INTEGER,
	unit_structure	INTEGER,
	unit_code	TEXT,
	unit_path	TEXT,
	before_json	TEXT,
	after_json	TEXT,
	ip		TEXT
);
CREATE INDEX audit_at ON audit_log (at);
CREATE INDEX audit_entity ON audit_log (entity, at);
