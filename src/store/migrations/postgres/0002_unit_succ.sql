-- 0002: for every 2024 unit, the paths of the 2025 units it became
-- (provinces, communes and island districts directly from unit_map; other
-- districts through their communes).  Filled by `danvan migrate` after the
-- units are loaded; used by the scope rule for 2024 records seen by users
-- of the 2025 structure.
CREATE TABLE unit_succ (
	old_code	TEXT NOT NULL,
	new_path	TEXT COLLATE "C" NOT NULL,
	PRIMARY KEY (old_code, new_path)
);
