/*
 * test_cube.c - the pre-aggregated counts (domain/cube.h, migration 0015)
 * give exactly the figures the records give.  A migrated database with the
 * real administrative units gets random records of every counted kind over
 * 2023-2024: 2024 and 2025 units of three provinces (old Hòa Bình and old
 * Phú Thọ both became new Phú Thọ), letters forwarded inside and across
 * provinces and structures, days on both sides of the 15th.  Then, for the
 * whole country and each province, for every kind of period, the statistics
 * read with the cube (default) must equal those read with DANVAN_CUBE=0;
 * again after updates and deletes (the triggers), after a 2024 commune
 * loses its successors (cube_rebuild), and the triggers' cube must equal a
 * rebuilt one.  A damaged cube must show (the cube is really read).
 *
 * SQLite on a temp file; PostgreSQL too when DANVAN_TEST_PG_CUBE_URI names
 * a database (it is migrated; records are added to what is there).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "core/err.h"
#include "domain/actor.h"
#include "domain/cube.h"
#include "domain/dialogue.h"
#include "domain/dvk.h"
#include "domain/stats.h"
#include "domain/supervision.h"
#include "domain/unit.h"
#include "store/migrate.h"
#include "store/store.h"

#define PG_ENV	"DANVAN_TEST_PG_CUBE_URI"

/* units the records are attached to: structure, path, code */
struct u {
	int	 st;
	char	 code[16], path[64];
};

struct fx {
	struct store	*st;
	char		 file[64];
	struct u	 units[64];
	int		 nunits;
	int64_t		 org;
	uint32_t	 seed;
	char		 run[16];	/* tracking codes unique per run */
};

static uint32_t
rnd(struct fx *f)
{
	f->seed = f->seed * 1103515245u + 12345u;
	return (f->seed >> 8) & 0xffffff;
}

static void
must_exec(struct store *st, const char *sql)
{
	struct err e = { 0 };
	int rc = store_exec(st, sql, &e);

	if (rc != 0)
		print_error("exec \"%s\": %s\n", sql, e.msg);
	assert_int_equal(rc, 0);
}

static struct stmt *
must_prepare(struct store *st, const char *sql)
{
	struct err e = { 0 };
	struct stmt *q = NULL;

	if (store_prepare(st, sql, &q, &e) != 0)
		print_error("prepare \"%s\": %s\n", sql, e.msg);
	assert_non_null(q);
	return q;
}

static int64_t
must_int(struct store *st, const char *sql)
{
	struct err e = { 0 };
	int64_t v = -1;

	if (store_query_int(st, sql, &v, &e) != 0) {
		print_error("query \"%s\": %s\n", sql, e.msg);
		fail();
	}
	return v;
}

/* Some units of a province of a structure: itself, districts, communes. */
static void
pick_units(struct fx *f, int structure, const char *prov, int communes)
{
	struct err e = { 0 };
	struct stmt *q = must_prepare(f->st, "SELECT code, path, level FROM"
	    " units WHERE structure = ? AND (path = ? OR path LIKE ?)"
	    " ORDER BY level = 'commune', succ_path = path, code");
	char like[32];
	int nc = 0, nd = 0;

	snprintf(like, sizeof(like), "%s/%%", prov);
	stmt_bind_int(q, 1, structure);
	stmt_bind_text(q, 2, prov);
	stmt_bind_text(q, 3, like);
	while (stmt_step(q, &e) == STEP_ROW && f->nunits < 64) {
		const char *level = stmt_col_text(q, 2);
		struct u *u = &f->units[f->nunits];

		if (strcmp(level, "commune") == 0 && nc++ >= communes)
			continue;
		if (strcmp(level, "district") == 0 && nd++ >= 1)
			continue;
		u->st = structure;
		snprintf(u->code, sizeof(u->code), "%s", stmt_col_text(q, 0));
		snprintf(u->path, sizeof(u->path), "%s", stmt_col_text(q, 1));
		f->nunits++;
	}
	stmt_finalize(q);
}

static const char *const days[] = { "2023-01-01", "2023-03-14",
    "2023-03-15", "2023-06-30", "2023-07-01", "2023-12-14", "2023-12-15",
    "2023-12-31", "2024-01-01", "2024-01-14", "2024-01-15", "2024-02-29",
    "2024-03-14", "2024-03-15", "2024-06-14", "2024-06-15", "2024-06-30",
    "2024-07-01", "2024-09-14", "2024-09-15", "2024-09-30", "2024-11-02",
    "2024-12-14", "2024-12-15", "2024-12-31", "2025-01-01" };
#define NDAYS	(int)(sizeof(days) / sizeof(days[0]))
#define PICK(f, a)	((a)[rnd(f) % (sizeof(a) / sizeof((a)[0]))])

static const char *
day_or_null(struct fx *f)
{
	return rnd(f) % 3 == 0 ? NULL : days[rnd(f) % NDAYS];
}

static void
add_petitions(struct fx *f, int n)
{
	static const char *const cls[] = { "complaint", "denunciation",
	    "recommendation", "reflection", "mixed", NULL };
	static const char *const status[] = { "received", "accepted",
	    "verifying", "dialogue", "resolved", "closed", "forwarded" };
	static const char *const fields[] = { "land", "housing", "other",
	    NULL };
	static const char *const elig[] = { "eligible", "ineligible", NULL };
	struct err e = { 0 };
	int64_t first = must_int(f->st, "SELECT COALESCE(MAX(id), 0) FROM"
	    " petitions");

	for (int i = 0; i < n; i++) {
		const struct u *u = &f->units[rnd(f) % f->nunits];
		struct stmt *q = must_prepare(f->st, "INSERT INTO petitions"
		    " (tracking_code, org_id, unit_structure, unit_code,"
		    " unit_path, source, forwarded_from, received_day, subject,"
		    " subject_fold, content, content_fold, status,"
		    " classification, field, eligibility, duplicate_of,"
		    " anonymous, mass_case, mass_settled_day, resolution_start,"
		    " resolution_due, resolved_day, on_time, created_at,"
		    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 's', 's',"
		    " 'c', 'c', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)");
		char code[48];
		bool fwd = i > 0 && rnd(f) % 3 == 0;
		const char *st = PICK(f, status);

		snprintf(code, sizeof(code), "CUBE-%s-%d", f->run, i);
		stmt_bind_text(q, 1, code);
		stmt_bind_int(q, 2, f->org);
		stmt_bind_int(q, 3, u->st);
		stmt_bind_text(q, 4, u->code);
		stmt_bind_text(q, 5, u->path);
		stmt_bind_text(q, 6, fwd ? "forwarded" : rnd(f) % 2 ? "post" :
		    "visit");
		/* a sender among the earlier letters, or none at all */
		if (fwd && rnd(f) % 8 != 0)
			stmt_bind_int(q, 7, first + 1 + (int64_t)(rnd(f) %
			    (uint32_t)i));
		else
			stmt_bind_null(q, 7);
		stmt_bind_text(q, 8, days[rnd(f) % NDAYS]);
		stmt_bind_text(q, 9, st);
		stmt_bind_text(q, 10, PICK(f, cls));
		stmt_bind_text(q, 11, PICK(f, fields));
		stmt_bind_text(q, 12, PICK(f, elig));
		if (i > 0 && rnd(f) % 6 == 0)
			stmt_bind_int(q, 13, first + 1 + (int64_t)(rnd(f) %
			    (uint32_t)i));
		else
			stmt_bind_null(q, 13);
		stmt_bind_int(q, 14, rnd(f) % 4 == 0);
		stmt_bind_int(q, 15, rnd(f) % 5 == 0);
		stmt_bind_text(q, 16, day_or_null(f));
		stmt_bind_text(q, 17, day_or_null(f));
		stmt_bind_text(q, 18, rnd(f) % 3 ? days[rnd(f) % NDAYS] :
		    "2999-01-01");
		stmt_bind_text(q, 19, day_or_null(f));
		if (rnd(f) % 3 == 0)
			stmt_bind_null(q, 20);
		else
			stmt_bind_int(q, 20, rnd(f) % 2);
		assert_int_equal(stmt_step_done(q, &e), 0);
	}
}

static void
add_opinions(struct fx *f, int n)
{
	static const char *const chans[] = { "dialogue", "party_building",
	    "voter_meeting", "mailbox" };
	static const char *const status[] = { "open", "answered",
	    "studying", "forwarded", "closed" };
	static const char *const fields[] = { "land", "environment",
	    "other" };
	struct err e = { 0 };

	for (int i = 0; i < n; i++) {
		const struct u *u = &f->units[rnd(f) % f->nunits];
		struct stmt *q = must_prepare(f->st, "INSERT INTO opinions"
		    " (org_id, unit_structure, unit_code, unit_path, channel,"
		    " day, content, content_fold, field, status, hot_spot,"
		    " due_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?,"
		    " ?, 'c', 'c', ?, ?, ?, ?, 0, 0)");

		stmt_bind_int(q, 1, f->org);
		stmt_bind_int(q, 2, u->st);
		stmt_bind_text(q, 3, u->code);
		stmt_bind_text(q, 4, u->path);
		stmt_bind_text(q, 5, PICK(f, chans));
		stmt_bind_text(q, 6, days[rnd(f) % NDAYS]);
		stmt_bind_text(q, 7, PICK(f, fields));
		stmt_bind_text(q, 8, PICK(f, status));
		stmt_bind_int(q, 9, rnd(f) % 4 == 0);
		stmt_bind_text(q, 10, rnd(f) % 2 ? day_or_null(f) : "2999-12-31");
		assert_int_equal(stmt_step_done(q, &e), 0);
	}
}

static void
add_reception(struct fx *f, int n)
{
	static const char *const kinds[] = { "regular", "periodic",
	    "ad_hoc" };
	struct err e = { 0 };

	for (int i = 0; i < n; i++) {
		const struct u *u = &f->units[rnd(f) % f->nunits];
		const char *day = days[rnd(f) % NDAYS];
		struct stmt *q = must_prepare(f->st, "INSERT INTO"
		    " reception_sessions (org_id, unit_structure, unit_code,"
		    " unit_path, kind, day, place, host_name, created_at,"
		    " updated_at) VALUES (?, ?, ?, ?, ?, ?, 'p', 'h', 0, 0)"
		    " RETURNING id");
		int64_t sid = 0;
		int visits = (int)(rnd(f) % 4);

		stmt_bind_int(q, 1, f->org);
		stmt_bind_int(q, 2, u->st);
		stmt_bind_text(q, 3, u->code);
		stmt_bind_text(q, 4, u->path);
		stmt_bind_text(q, 5, PICK(f, kinds));
		stmt_bind_text(q, 6, day);
		assert_int_equal(stmt_step_id(q, &sid, &e), 0);
		for (int k = 0; k < visits; k++) {
			int mass = rnd(f) % 4 == 0;

			q = must_prepare(f->st, "INSERT INTO"
			    " reception_visits (session_id, unit_structure,"
			    " unit_code, unit_path, day, persons, is_mass,"
			    " content, classification, field, direction,"
			    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?,"
			    " ?, 'c', 'complaint', 'land', 'none', 0, 0)");
			stmt_bind_int(q, 1, sid);
			stmt_bind_int(q, 2, u->st);
			stmt_bind_text(q, 3, u->code);
			stmt_bind_text(q, 4, u->path);
			stmt_bind_text(q, 5, day);
			stmt_bind_int(q, 6, mass ? 5 + rnd(f) % 20 : 1 +
			    rnd(f) % 2);
			stmt_bind_int(q, 7, mass);
			assert_int_equal(stmt_step_done(q, &e), 0);
		}
	}
}

static void
add_models(struct fx *f, int n)
{
	static const char *const fields[] = { "economy", "new_rural",
	    "culture_society", "other" };
	static const char *const kinds[] = { "collective", "individual" };
	static const char *const status[] = { "registered", "recognised",
	    "rejected" };
	struct err e = { 0 };
	int64_t first = must_int(f->st, "SELECT COALESCE(MAX(id), 0) FROM"
	    " dvk_models");

	for (int i = 0; i < n; i++) {
		const struct u *u = &f->units[rnd(f) % f->nunits];
		struct stmt *q = must_prepare(f->st, "INSERT INTO dvk_models"
		    " (org_id, unit_structure, unit_code, unit_path, name,"
		    " name_fold, name_key, field, kind, year, status,"
		    " outstanding, replicated_from, created_at, updated_at)"
		    " VALUES (?, ?, ?, ?, 'm', 'm', 'm', ?, ?, ?, ?, ?, ?, 0,"
		    " 0)");

		stmt_bind_int(q, 1, f->org);
		stmt_bind_int(q, 2, u->st);
		stmt_bind_text(q, 3, u->code);
		stmt_bind_text(q, 4, u->path);
		stmt_bind_text(q, 5, PICK(f, fields));
		stmt_bind_text(q, 6, PICK(f, kinds));
		stmt_bind_int(q, 7, 2022 + rnd(f) % 3);
		stmt_bind_text(q, 8, PICK(f, status));
		stmt_bind_int(q, 9, rnd(f) % 3 == 0);
		if (i > 0 && rnd(f) % 4 == 0)
			stmt_bind_int(q, 10, first + 1 + (int64_t)(rnd(f) %
			    (uint32_t)i));
		else
			stmt_bind_null(q, 10);
		assert_int_equal(stmt_step_done(q, &e), 0);
	}
}

static int
setup(void **state, const char *dsn)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct err e = { 0 };
	int64_t loaded;
	int applied;

	assert_non_null(f);
	if (dsn == NULL) {
		snprintf(f->file, sizeof(f->file), "/tmp/test_cube.%ld.db",
		    (long)getpid());
		unlink(f->file);
		dsn = f->file;
	}
	if (store_open(dsn, &f->st, &e) != 0 ||
	    migrate_run(f->st, &applied, &e) != 0 ||
	    unit_load_embedded(f->st, &loaded, &e) != 0) {
		print_error("%s: %s\n", dsn, e.msg);
		return -1;
	}
	f->seed = 20241115u;
	snprintf(f->run, sizeof(f->run), "%ld", (long)getpid());
	pick_units(f, 2024, "17", 4);	/* old Hòa Bình -> new Phú Thọ */
	pick_units(f, 2024, "25", 4);	/* old Phú Thọ -> new Phú Thọ */
	pick_units(f, 2024, "01", 3);
	pick_units(f, 2025, "25", 4);
	pick_units(f, 2025, "01", 3);
	assert_true(f->nunits > 20);
	must_exec(f->st, "INSERT INTO organizations (name, name_fold,"
	    " name_key, type, unit_structure, unit_code, unit_path,"
	    " created_at, updated_at) VALUES ('UBND', 'ubnd', 'ubnd',"
	    " 'people_committee', 2025, '25', '25', 0, 0)");
	f->org = must_int(f->st, "SELECT MAX(id) FROM organizations");
	assert_int_equal(store_begin_write(f->st, &e), 0);
	add_petitions(f, 600);
	add_opinions(f, 400);
	add_reception(f, 150);
	add_models(f, 300);
	assert_int_equal(store_commit(f->st, &e), 0);
	*state = f;
	return 0;
}

static int
setup_sqlite(void **state)
{
	return setup(state, NULL);
}

static int
setup_pgsql(void **state)
{
	return setup(state, getenv(PG_ENV));
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	store_close(f->st);
	if (f->file[0] != '\0') {
		char side[80];

		unlink(f->file);
		snprintf(side, sizeof(side), "%s-wal", f->file);
		unlink(side);
		snprintf(side, sizeof(side), "%s-shm", f->file);
		unlink(side);
		snprintf(side, sizeof(side), "%s.key", f->file);
		unlink(side);
	}
	free(f);
	return 0;
}

/* every statistic of one subtree and period */
static json_t *
all_stats(struct store *st, int structure, const char *unit,
    const char *period, int64_t year)
{
	struct stats_query sq = { structure, unit, period, -1 };
	struct dvk_query dq;
	struct actor a;
	struct err e = { 0 };
	json_t *p = NULL, *d = NULL, *m = NULL, *s = NULL;

	actor_init_cli(&a);
	memset(&dq, 0, sizeof(dq));
	dq.structure = structure;
	dq.unit = unit;
	dq.year = year;
	if (stats_petitions(st, &a, &sq, &p, &e) != 0 ||
	    dialogue_stats(st, &a, structure, unit, period, -1, &d, &e) != 0
	    || dvk_stats(st, &a, &dq, &m, &e) != 0 ||
	    supervision_stats(st, &a, structure, unit, period, -1, NULL, &s,
	    &e) != 0) {
		print_error("stats %d %s %s: %s\n", structure, unit ? unit :
		    "-", period, e.msg);
		fail();
	}
	return json_pack("{s:o, s:o, s:o, s:o}", "petitions", p, "dialogues",
	    d, "dvk", m, "supervision", s);
}

/* The statistics read with the cube (the default) and without it. */
static void
both_ways(struct store *st, int structure, const char *unit,
    const char *period, int64_t year, json_t **cube, json_t **raw)
{
	unsetenv("DANVAN_CUBE");
	*cube = all_stats(st, structure, unit, period, year);
	setenv("DANVAN_CUBE", "0", 1);
	*raw = all_stats(st, structure, unit, period, year);
	unsetenv("DANVAN_CUBE");
}

struct scope {
	int		 structure;
	const char	*unit;
};

static const struct scope scopes[] = { { 0, NULL }, { 2025, "25" },
    { 2025, "01" }, { 2024, "17" }, { 2024, "25" }, { 2024, "01" },
    { 2025, "79" } };
static const char *const periods[] = { "2024", "2023", "2024-Q3",
    "2024-06", "2024-H1", "2024-9M", "2024-02", "2023-Q4" };

/* The statistics with the cube equal those without, everywhere; returns
 * how many comparisons were made. */
static int
compare_all(struct store *st)
{
	int n = 0;

	for (size_t s = 0; s < sizeof(scopes) / sizeof(scopes[0]); s++)
		for (size_t p = 0; p < sizeof(periods) / sizeof(periods[0]);
		    p++) {
			int64_t year = 2023 + (int64_t)(p % 2 == 0);
			json_t *cube, *raw;

			both_ways(st, scopes[s].structure, scopes[s].unit,
			    periods[p], year, &cube, &raw);
			if (!json_equal(cube, raw)) {
				char *a = json_dumps(cube, JSON_SORT_KEYS);
				char *b = json_dumps(raw, JSON_SORT_KEYS);

				print_error("%d %s %s:\ncube %s\nrecords %s\n",
				    scopes[s].structure, scopes[s].unit ?
				    scopes[s].unit : "-", periods[p], a, b);
				free(a);
				free(b);
				fail();
			}
			json_decref(cube);
			json_decref(raw);
			n++;
		}
	return n;
}

/* The cube kept by the triggers holds what a recount gives (rows that
 * went back to zero aside). */
static void
cube_matches_recount(struct store *st)
{
	static const char cols[] = "src, unit_structure, unit_path, bucket,"
	    " k1, k2, p25";
	static const char *const views[] = { "cube_petitions",
	    "cube_reception_sessions", "cube_reception_visits",
	    "cube_opinions", "cube_dvk_models" };
	char sql[4096], recount[2048];
	size_t off = 0;

	for (size_t i = 0; i < sizeof(views) / sizeof(views[0]); i++)
		off += (size_t)snprintf(recount + off, sizeof(recount) - off,
		    "%sSELECT %s, SUM(n) AS n, SUM(s1) AS s1, SUM(s2) AS s2,"
		    " SUM(s3) AS s3 FROM %s GROUP BY %s", i ? " UNION ALL " :
		    "", cols, views[i], cols);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM (SELECT %s, n, s1,"
	    " s2, s3 FROM stat_cube WHERE n <> 0 OR s1 <> 0 OR s2 <> 0 OR s3"
	    " <> 0 EXCEPT SELECT * FROM (%s) r) x", cols, recount);
	assert_int_equal(must_int(st, sql), 0);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM (SELECT * FROM (%s)"
	    " r EXCEPT SELECT %s, n, s1, s2, s3 FROM stat_cube) x", recount,
	    cols);
	assert_int_equal(must_int(st, sql), 0);
}

static void
test_inserted(void **state)
{
	struct fx *f = *state;

	/* the data has what the test is about */
	assert_true(must_int(f->st, "SELECT COUNT(*) FROM stat_cube WHERE"
	    " src = 'p_cls' AND k2 = '111'") > 0);
	assert_true(must_int(f->st, "SELECT COUNT(*) FROM stat_cube WHERE"
	    " src = 'p_cls' AND k2 = '101'") > 0);
	assert_true(must_int(f->st, "SELECT COUNT(*) FROM stat_cube WHERE"
	    " src = 'p_cls' AND k2 = '100'") > 0);
	assert_true(must_int(f->st, "SELECT COUNT(*) FROM stat_cube WHERE"
	    " unit_structure = 2024 AND unit_path = '17' AND p25 = '25'") > 0);
	cube_matches_recount(f->st);
	assert_int_equal(compare_all(f->st), 56);
}

static void
test_updated_and_deleted(void **state)
{
	struct fx *f = *state;
	struct err e = { 0 };

	assert_int_equal(store_begin_write(f->st, &e), 0);
	must_exec(f->st, "UPDATE petitions SET status = 'resolved',"
	    " resolved_day = '2024-06-15', on_time = 1 WHERE id % 5 = 0 AND"
	    " tracking_code LIKE 'CUBE-%'");
	must_exec(f->st, "UPDATE petitions SET classification = NULL, field ="
	    " 'land', received_day = '2024-03-15' WHERE id % 7 = 0 AND"
	    " tracking_code LIKE 'CUBE-%'");
	must_exec(f->st, "UPDATE petitions SET mass_case = 1, mass_settled_day"
	    " = '2024-07-01' WHERE id % 11 = 0");
	must_exec(f->st, "UPDATE petitions SET subject = 'only the subject'"
	    " WHERE id % 3 = 0");
	must_exec(f->st, "UPDATE opinions SET status = 'forwarded', due_day ="
	    " '2024-01-01' WHERE id % 4 = 0");
	must_exec(f->st, "UPDATE dvk_models SET year = 2024, outstanding = 1"
	    " WHERE id % 6 = 0");
	must_exec(f->st, "DELETE FROM reception_visits WHERE session_id % 3 ="
	    " 0");
	must_exec(f->st, "DELETE FROM reception_sessions WHERE id % 3 = 0");
	must_exec(f->st, "UPDATE reception_visits SET persons = persons + 1"
	    " WHERE id % 2 = 0");
	assert_int_equal(store_commit(f->st, &e), 0);
	cube_matches_recount(f->st);
	assert_int_equal(compare_all(f->st), 56);
}

static void
test_rebuilt(void **state)
{
	struct fx *f = *state;
	struct err e = { 0 };

	/* an old commune with records loses its successors: its records
	 * leave new Phú Thọ; the cube follows once rebuilt */
	assert_int_equal(store_begin_write(f->st, &e), 0);
	must_exec(f->st, "UPDATE units SET succ_path = '' WHERE structure ="
	    " 2024 AND code = (SELECT MIN(unit_code) FROM petitions WHERE"
	    " unit_structure = 2024 AND unit_path LIKE '17/%/%')");
	assert_int_equal(cube_rebuild(f->st, &e), 0);
	assert_int_equal(store_commit(f->st, &e), 0);
	assert_true(must_int(f->st, "SELECT COUNT(*) FROM stat_cube WHERE"
	    " unit_structure = 2024 AND unit_path = '17' AND p25 = ''") > 0);
	cube_matches_recount(f->st);
	assert_int_equal(compare_all(f->st), 56);
}

static void
test_cube_is_read(void **state)
{
	struct fx *f = *state;
	json_t *cube, *raw;

	must_exec(f->st, "UPDATE stat_cube SET n = n + 1 WHERE src ="
	    " 'p_status' AND p25 = '25'");
	both_ways(f->st, 2025, "25", "2024", 2024, &cube, &raw);
	assert_false(json_equal(cube, raw));
	json_decref(cube);
	json_decref(raw);
	/* the damaged province's custom period and its communes read the
	 * records */
	both_ways(f->st, 2025, "25", "2024-01-02..2024-06-30", 2024, &cube,
	    &raw);
	assert_true(json_equal(cube, raw));
	json_decref(cube);
	json_decref(raw);
	for (int i = 0; i < f->nunits; i++) {
		if (f->units[i].st != 2025 || strncmp(f->units[i].path, "25/",
		    3) != 0)
			continue;
		both_ways(f->st, 2025, f->units[i].code, "2024", 2024, &cube,
		    &raw);
		assert_true(json_equal(cube, raw));
		json_decref(cube);
		json_decref(raw);
	}
	must_exec(f->st, "UPDATE stat_cube SET n = n - 1 WHERE src ="
	    " 'p_status' AND p25 = '25'");
}

static void
test_init(void **state)
{
	struct actor a;
	struct cube cb;

	(void)state;
	actor_init_cli(&a);
	cube_init(&cb, &a, "2023-12-15", "2024-12-14");
	assert_int_equal(cb.mode, CUBE_COUNTRY);
	assert_true(cube_for_days(&cb));
	assert_string_equal(cb.from, "2023-12-2");
	assert_string_equal(cb.to, "2024-12-1");
	cube_init(&cb, &a, "2024-02-01", "2024-02-29");
	assert_true(cube_for_days(&cb));
	assert_string_equal(cb.to, "2024-02-2");
	cube_init(&cb, &a, "2024-01-02", "2024-12-31");
	assert_false(cube_for_days(&cb));
	assert_true(cube_for_subtree(&cb));
	cube_init(&cb, &a, "2024-01-01", "2024-12-30");
	assert_false(cube_for_days(&cb));
	cube_init(&cb, &a, "2024-01-01", "2024-01-15");
	assert_false(cube_for_days(&cb));
	a.scope_structure = 2025;
	snprintf(a.scope_path, sizeof(a.scope_path), "25");
	cube_init(&cb, &a, "2024-01-01", "2024-01-14");
	assert_int_equal(cb.mode, CUBE_P2025);
	assert_true(cube_for_days(&cb));
	a.scope_structure = 2024;
	snprintf(a.scope_path, sizeof(a.scope_path), "17");
	cube_init(&cb, &a, NULL, NULL);
	assert_int_equal(cb.mode, CUBE_P2024);
	assert_false(cube_for_days(&cb));
	snprintf(a.scope_path, sizeof(a.scope_path), "17/148");
	cube_init(&cb, &a, "2024-01-01", "2024-12-31");
	assert_int_equal(cb.mode, CUBE_NONE);
	assert_false(cube_for_subtree(&cb));
	setenv("DANVAN_CUBE", "0", 1);
	actor_init_cli(&a);
	cube_init(&cb, &a, "2024-01-01", "2024-12-31");
	unsetenv("DANVAN_CUBE");
	assert_int_equal(cb.mode, CUBE_NONE);
}

int
main(void)
{
	const struct CMUnitTest sqlite_tests[] = {
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_inserted),
		cmocka_unit_test(test_updated_and_deleted),
		cmocka_unit_test(test_rebuilt),
		cmocka_unit_test(test_cube_is_read),
	};
	const struct CMUnitTest pg_tests[] = {
		cmocka_unit_test(test_inserted),
		cmocka_unit_test(test_updated_and_deleted),
		cmocka_unit_test(test_rebuilt),
		cmocka_unit_test(test_cube_is_read),
	};
	int failed;

	unsetenv("DANVAN_CUBE");
	failed = cmocka_run_group_tests_name("cube (sqlite)", sqlite_tests,
	    setup_sqlite, teardown);
	if (getenv(PG_ENV) != NULL)
		failed += cmocka_run_group_tests_name("cube (postgresql)",
		    pg_tests, setup_pgsql, teardown);
	return failed;
}
