/*
 * test_deadline.c - domain/deadline.h against a real SQLite file migrated
 * with the embedded migrations: every seeded rule of deadline_rules
 * (DOMAIN.md §4-§6) with hand-checked due days, rules and calendar
 * overrides changed as data, and the JSON for the API.
 *
 * Default calendar facts used below (no calendar_days rows): Tết 2024 is
 * 9/2-13/2 with compensation days 14/2 and 15/2; 1/9/2024 is a Sunday,
 * so 3/9/2024 is a compensation day; Tết 2025 is 28/1-1/2 with 3/2
 * compensating Saturday 1/2; Giỗ Tổ is 18/4/2024, 7/4/2025 and Sunday
 * 26/4/2026 (compensated on 27/4); Tết 2026 is 16/2-20/2.
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

#include "core/calendar.h"
#include "core/err.h"
#include "domain/deadline.h"
#include "store/migrate.h"
#include "store/store.h"

struct fx {
	struct store	*st;
	char		 path[64];
};

static int
open_db(void **state)
{
	struct fx *fx = calloc(1, sizeof(*fx));
	struct err e = { 0 };
	int fd, applied = 0;

	if (fx == NULL)
		return -1;
	snprintf(fx->path, sizeof(fx->path), "/tmp/danvan-deadline-XXXXXX");
	fd = mkstemp(fx->path);
	if (fd < 0)
		return -1;
	close(fd);
	if (store_open(fx->path, &fx->st, &e) != 0 ||
	    migrate_run(fx->st, &applied, &e) != 0) {
		print_error("open/migrate %s: %s\n", fx->path, e.msg);
		return -1;
	}
	*state = fx;
	return 0;
}

static int
close_db(void **state)
{
	struct fx *fx = *state;
	char side[80];

	store_close(fx->st);
	unlink(fx->path);
	snprintf(side, sizeof(side), "%s-wal", fx->path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", fx->path);
	unlink(side);
	free(fx);
	return 0;
}

static struct store *
db(void **state)
{
	return ((struct fx *)*state)->st;
}

static void
must_exec(struct store *st, const char *sql)
{
	struct err e = { 0 };

	if (store_exec(st, sql, &e) != 0)
		fail_msg("%s: %s", sql, e.msg);
}

/* ---- every seeded rule ---- */

struct due_case {
	const char	*rule;
	const char	*start;
	enum complexity	 cx;
	bool		 remote;
	const char	*due;		/* NULL: the rule has no such variant */
};

#define N	CX_NORMAL
#define C	CX_COMPLEX
#define EC	CX_ESPECIALLY_COMPLEX

static const struct due_case due_cases[] = {
	/* R-DON-09, 10 working days: 21..24/1 and 27/1 (5), Tết 28/1-1/2,
	 * 3/2 compensation, 4..7/2 (9), Monday 10/2 */
	{ "R-DON-09", "2025-01-20", N, false, "2025-02-10" },
	/* R-DON-09 without holidays: 4..7/6, 10..14/6, 17/6 */
	{ "R-DON-09", "2024-06-03", N, false, "2024-06-17" },
	/* R-DON-10, 7 working days from Thursday 25/4/2024: 26/4, 29/4,
	 * (30/4 and 1/5 holidays), 2/5, 3/5, 6/5, 7/5, 8/5 */
	{ "R-DON-10", "2024-04-25", N, false, "2024-05-08" },
	/* R-DON-10 verification at several places: 10 working days: ...,
	 * 9/5, 10/5, 13/5 */
	{ "R-DON-10", "2024-04-25", C, false, "2024-05-13" },
	{ "R-DON-10", "2024-04-25", EC, false, NULL },
	/* no remote variant: the same limit in remote areas */
	{ "R-DON-10", "2024-04-25", N, true, "2024-05-08" },
	/* R-DON-11, 5 working days from Thursday 29/8/2024: 30/8, (1/9
	 * Sunday, 2/9 holiday, 3/9 compensation), 4/9, 5/9, 6/9, 9/9 */
	{ "R-DON-11", "2024-08-29", N, false, "2024-09-09" },
	/* R-DON-12, 20 days: 10/4/2024 + 20 = 30/4 (holiday), 1/5
	 * (holiday) -> Thursday 2/5 */
	{ "R-DON-12", "2024-04-10", N, false, "2024-05-02" },
	/* R-KN-10, 90 days: 3/11/2024 + 90 = Saturday 1/2/2025 (Tết), 2/2
	 * Sunday, 3/2 compensation -> 4/2 */
	{ "R-KN-10", "2024-11-03", N, false, "2025-02-04" },
	/* R-KN-11, 10 days: 21/4/2025 + 10 = 1/5 (holiday) -> 2/5 */
	{ "R-KN-11", "2025-04-21", N, false, "2025-05-02" },
	{ "R-KN-11", "2025-04-21", N, true, "2025-05-02" },
	{ "R-KN-11", "2025-04-21", C, false, NULL },
	/* R-KN-12, 30 days from Saturday 8/3/2025 = Monday 7/4, Giỗ Tổ ->
	 * 8/4 */
	{ "R-KN-12", "2025-03-08", N, false, "2025-04-08" },
	/* R-KN-12 complex, 45 days: 8/3 + 45 = Tuesday 22/4 */
	{ "R-KN-12", "2025-03-08", C, false, "2025-04-22" },
	/* R-KN-13 remote area, 45 days: the same day */
	{ "R-KN-12", "2025-03-08", N, true, "2025-04-22" },
	/* R-KN-13 remote and complex, 60 days: 8/3 + 60 = Wednesday 7/5 */
	{ "R-KN-12", "2025-03-08", C, true, "2025-05-07" },
	/* no "especially complex" in Luật KN; remote: the largest remote
	 * variant (60) */
	{ "R-KN-12", "2025-03-08", EC, false, NULL },
	{ "R-KN-12", "2025-03-08", EC, true, "2025-05-07" },
	/* R-KN-14, 30 days: Saturday 2/12/2023 + 30 = 1/1/2024 (holiday)
	 * -> Tuesday 2/1 */
	{ "R-KN-14", "2023-12-02", N, false, "2024-01-02" },
	/* R-KN-14 remote, 45 days: 2/12/2023 + 45 = Tuesday 16/1/2024 */
	{ "R-KN-14", "2023-12-02", N, true, "2024-01-16" },
	{ "R-KN-14", "2023-12-02", C, false, NULL },
	/* R-KN-15, 10 days: 1/2/2024 + 10 = Sunday 11/2 (Tết), 12/2 and
	 * 13/2 Tết, 14/2 and 15/2 compensation -> Friday 16/2 */
	{ "R-KN-15", "2024-02-01", N, false, "2024-02-16" },
	/* R-KN-16, 45 days: 18/7/2024 + 45 = Sunday 1/9, 2/9 holiday, 3/9
	 * compensation -> Wednesday 4/9 */
	{ "R-KN-16", "2024-07-18", N, false, "2024-09-04" },
	/* R-KN-16 complex, 60 days: Monday 16/9 */
	{ "R-KN-16", "2024-07-18", C, false, "2024-09-16" },
	/* R-KN-17 remote, 60 days: the same day */
	{ "R-KN-16", "2024-07-18", N, true, "2024-09-16" },
	/* R-KN-17 remote and complex, 70 days: Thursday 26/9 */
	{ "R-KN-16", "2024-07-18", C, true, "2024-09-26" },
	/* R-KN-19, 15 days: Saturday 11/4/2026 + 15 = Sunday 26/4 (Giỗ
	 * Tổ), 27/4 its compensation -> Tuesday 28/4 */
	{ "R-KN-19", "2026-04-11", N, false, "2026-04-28" },
	/* R-TC-03, 5 working days from Thursday 12/2/2026: 13/2, (Tết
	 * 16/2-20/2), 23/2, 24/2, 25/2, 26/2 */
	{ "R-TC-03", "2026-02-12", N, false, "2026-02-26" },
	/* R-TC-04, 30 days: 3/7/2025 + 30 = Saturday 2/8 -> Monday 4/8 */
	{ "R-TC-04", "2025-07-03", N, false, "2025-08-04" },
	/* R-TC-05 one extension, 60 days: Monday 1/9 (holiday next to
	 * Quốc khánh), 2/9 -> Wednesday 3/9 */
	{ "R-TC-04", "2025-07-03", C, false, "2025-09-03" },
	/* R-TC-06 two extensions, 90 days: Wednesday 1/10 */
	{ "R-TC-04", "2025-07-03", EC, false, "2025-10-01" },
	{ "R-TC-04", "2025-07-03", N, true, "2025-08-04" },
	/* P-KNPA-01, 15 working days from Friday 20/12/2024: 23..27/12 (5),
	 * 30/12, 31/12, (1/1 holiday), 2/1, 3/1 (9), 6..10/1 (14), 13/1 */
	{ "P-KNPA-01", "2024-12-20", N, false, "2025-01-13" },
	/* P-KNPA-01 complex, 30 working days: 14..17/1 (19), 20..24/1 (24),
	 * 27/1, (Tết, 3/2), 4..7/2 (29), 10/2 */
	{ "P-KNPA-01", "2024-12-20", C, false, "2025-02-10" },
	/* R-DC-05 (grassroots democracy), publication 10 working days after
	 * the decision of Friday 24/1/2025: 27/1, (Tết 28/1..31/1, 3/2
	 * compensation), 4..7/2 (5), 10..14/2 (10) */
	{ "R-DC-05", "2025-01-24", N, false, "2025-02-14" },
	/* R-DC-18, 30 calendar days from the posting of a draft convention:
	 * 10/4/2025 + 30 = Saturday 10/5 -> Monday 12/5 as a due day (the
	 * vote check of democracy_vote.c counts the plain period) */
	{ "R-DC-18", "2025-04-10", N, false, "2025-05-12" },
	/* R-DC-18-hs, the recognition dossier 5 working days after Saturday
	 * 10/5/2025: 12..16/5 */
	{ "R-DC-18-hs", "2025-05-10", N, false, "2025-05-16" },
	/* R-DC-20, 60 days from Monday 10/3/2025: Friday 9/5 */
	{ "R-DC-20", "2025-03-10", N, false, "2025-05-09" },
	/* R-DC-22, 5 days of notice from 5/6/2025: Tuesday 10/6 */
	{ "R-DC-22", "2025-06-05", N, false, "2025-06-10" },
};

static void
test_due_every_rule(void **state)
{
	static const char *const seeded[] = {
		"R-DON-09", "R-DON-10", "R-DON-11", "R-DON-12", "R-KN-10",
		"R-KN-11", "R-KN-12", "R-KN-14", "R-KN-15", "R-KN-16",
		"R-KN-19", "R-TC-03", "R-TC-04", "P-KNPA-01", "R-DC-05",
		"R-DC-18", "R-DC-18-hs", "R-DC-20", "R-DC-22",
	};
	struct store *st = db(state);
	int64_t n = 0;

	/* the table holds exactly the rules this test covers */
	assert_int_equal(store_query_int(st,
	    "SELECT count(*) FROM deadline_rules", &n, NULL), 0);
	assert_int_equal(n, sizeof(seeded) / sizeof(seeded[0]));
	for (size_t i = 0; i < sizeof(seeded) / sizeof(seeded[0]); i++) {
		bool found = false;

		for (size_t j = 0; j < sizeof(due_cases) / sizeof(due_cases[0]);
		    j++)
			if (strcmp(due_cases[j].rule, seeded[i]) == 0 &&
			    due_cases[j].due != NULL)
				found = true;
		if (!found)
			fail_msg("no case for %s", seeded[i]);
	}

	for (size_t i = 0; i < sizeof(due_cases) / sizeof(due_cases[0]);
	    i++) {
		const struct due_case *c = &due_cases[i];
		char due[CAL_DATE_LEN] = "";
		struct err e = { 0 };
		int rc;

		rc = deadline_due(st, c->rule, c->start, c->cx, c->remote, due,
		    &e);
		if (c->due == NULL) {
			if (rc != ERR_INVAL)
				fail_msg("%s %s %s remote=%d: %d %s", c->rule,
				    c->start, complexity_name(c->cx),
				    c->remote, rc, due);
			assert_string_equal(e.api_code, "no_extension");
			assert_non_null(strstr(e.msg, c->rule));
			continue;
		}
		if (rc != 0 || strcmp(due, c->due) != 0)
			fail_msg("%s %s %s remote=%d: rc %d due %s, want %s "
			    "(%s)", c->rule, c->start,
			    complexity_name(c->cx), c->remote, rc, due,
			    c->due, e.msg);
	}
}

static void
test_due_errors(void **state)
{
	struct store *st = db(state);
	char due[CAL_DATE_LEN];
	struct err e = { 0 };

	assert_int_equal(deadline_due(st, "R-XX-99", "2025-01-01", N, false,
	    due, &e), ERR_NOTFOUND);
	assert_string_equal(e.api_code, "not_found");
	assert_int_equal(deadline_due(st, "R-DON-09-and-a-very-long-id",
	    "2025-01-01", N, false, due, &e), ERR_NOTFOUND);
	assert_int_equal(deadline_due(st, "R-DON-09", "2025-02-30", N, false,
	    due, &e), ERR_INVAL);
	assert_string_equal(e.field, "start");
	assert_string_equal(e.api_code, "invalid_field");
	assert_int_equal(deadline_due(st, "R-DON-09", "30/01/2025", N, false,
	    due, &e), ERR_INVAL);
	assert_int_equal(deadline_due(st, "R-DON-09", NULL, N, false, due,
	    NULL), ERR_INVAL);
	/* the end of the supported range still gives an answer */
	assert_int_equal(deadline_due(st, "R-KN-10", "2199-12-01", N, false,
	    due, &e), 0);
	assert_string_equal(due, "2200-03-03");
}

/* ---- rules are data ---- */

static void
test_rule_row_changes_result(void **state)
{
	struct store *st = db(state);
	char due[CAL_DATE_LEN];
	struct err e = { 0 };

	assert_int_equal(deadline_due(st, "R-KN-11", "2025-04-21", N, false,
	    due, &e), 0);
	assert_string_equal(due, "2025-05-02");
	/* Luật KN's "days" turn out to be working days, and 20 of them:
	 * 22..25/4 (4), 28/4, 29/4, (30/4, 1/5), 2/5 (7), 5..9/5 (12),
	 * 12..16/5 (17), 19/5, 20/5, 21/5 */
	must_exec(st, "UPDATE deadline_rules SET amount = 20,"
	    " day_unit = 'working' WHERE id = 'R-KN-11'");
	assert_int_equal(deadline_due(st, "R-KN-11", "2025-04-21", N, false,
	    due, &e), 0);
	assert_string_equal(due, "2025-05-21");
	/* a remote variant appears */
	must_exec(st, "UPDATE deadline_rules SET remote_amount = 21"
	    " WHERE id = 'R-KN-11'");
	assert_int_equal(deadline_due(st, "R-KN-11", "2025-04-21", N, true,
	    due, &e), 0);
	assert_string_equal(due, "2025-05-22");
	/* and the complex variant of R-TC-04 goes away */
	must_exec(st, "UPDATE deadline_rules SET complex_amount = NULL"
	    " WHERE id = 'R-TC-04'");
	assert_int_equal(deadline_due(st, "R-TC-04", "2025-07-03", C, false,
	    due, &e), ERR_INVAL);
	assert_string_equal(e.api_code, "no_extension");
	/* a corrupt unit is a database error, not a guess */
	must_exec(st, "UPDATE deadline_rules SET day_unit = 'weeks'"
	    " WHERE id = 'R-TC-03'");
	assert_int_equal(deadline_due(st, "R-TC-03", "2025-07-03", N, false,
	    due, &e), ERR_DB);
}

static void
test_rule_update(void **state)
{
	struct store *st = db(state);
	struct deadline_rule r;
	struct deadline_rule_patch p;
	char due[CAL_DATE_LEN];
	struct err e = { 0 };
	json_t *out = NULL;

	/* R-TC-04: 30 calendar days become 20 working days; the complex
	 * extension is removed, the especially complex one changed */
	memset(&p, 0, sizeof(p));
	p.has_amount = true;
	p.amount = 20;
	p.has_complex_amount = true;
	p.complex_amount = 0;
	p.has_especially_complex_amount = true;
	p.especially_complex_amount = 40;
	p.unit = "working";
	p.status = "C";
	p.source = "Luật Tố cáo 2018 Điều 30";
	assert_int_equal(deadline_rule_update(st, "R-TC-04", &p, &out, &e),
	    0);
	assert_non_null(out);
	assert_string_equal(json_string_value(json_object_get(out, "id")),
	    "R-TC-04");
	assert_int_equal(json_integer_value(json_object_get(out, "amount")),
	    20);
	assert_true(json_is_null(json_object_get(out, "complex_amount")));
	assert_int_equal(json_integer_value(json_object_get(out,
	    "especially_complex_amount")), 40);
	assert_string_equal(json_string_value(json_object_get(out, "day_unit")),
	    "working");
	assert_string_equal(json_string_value(json_object_get(out, "status")),
	    "C");
	/* unchanged */
	assert_string_equal(json_string_value(json_object_get(out, "name")),
	    "Giải quyết tố cáo (gia hạn: R-TC-05, R-TC-06)");
	json_decref(out);

	assert_int_equal(deadline_rule_get(st, "R-TC-04", &r, &e), 0);
	assert_int_equal(r.amount, 20);
	assert_int_equal(r.complex_amount, 0);
	assert_int_equal(r.unit, CAL_WORKING_DAYS);
	assert_string_equal(r.source, "Luật Tố cáo 2018 Điều 30");
	/* 20 working days from Thursday 3/7/2025: 4/7, 7..11/7 (6),
	 * 14..18/7 (11), 21..25/7 (16), 28..31/7 (20) */
	assert_int_equal(deadline_due(st, "R-TC-04", "2025-07-03", N, false,
	    due, &e), 0);
	assert_string_equal(due, "2025-07-31");
	assert_int_equal(deadline_due(st, "R-TC-04", "2025-07-03", C, false,
	    due, &e), ERR_INVAL);

	/* an empty patch changes nothing but is fine */
	memset(&p, 0, sizeof(p));
	assert_int_equal(deadline_rule_update(st, "R-TC-04", &p, &out, &e),
	    0);
	json_decref(out);
	assert_int_equal(deadline_rule_get(st, "R-TC-04", &r, &e), 0);
	assert_int_equal(r.amount, 20);
}

static void
test_rule_update_invalid(void **state)
{
	static const struct {
		struct deadline_rule_patch p;
		const char *field;
	} bad[] = {
		{ { .has_amount = true, .amount = 0 }, "amount" },
		{ { .has_amount = true, .amount = 366 }, "amount" },
		{ { .has_amount = true, .amount = -3 }, "amount" },
		{ { .has_complex_amount = true, .complex_amount = 366 },
		    "complex_amount" },
		{ { .has_especially_complex_amount = true,
		    .especially_complex_amount = -1 },
		    "especially_complex_amount" },
		{ { .has_remote_amount = true, .remote_amount = 1000 },
		    "remote_amount" },
		{ { .has_remote_complex_amount = true,
		    .remote_complex_amount = -30 }, "remote_complex_amount" },
		{ { .unit = "weeks" }, "day_unit" },
		{ { .unit = "" }, "day_unit" },
		{ { .status = "X" }, "status" },
		{ { .status = "CU" }, "status" },
		{ { .name = "" }, "name" },
		{ { .name = "bad \x01 control" }, "name" },
		{ { .source = "bad \xff utf-8" }, "source" },
		{ { .has_amount = true, .amount = 12, .unit = "weeks" },
		    "day_unit" },
	};
	struct store *st = db(state);
	struct deadline_rule r;
	struct err e = { 0 };
	json_t *out = (json_t *)&e;
	char longname[300];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&e, 0, sizeof(e));
		assert_int_equal(deadline_rule_update(st, "R-KN-12", &bad[i].p,
		    &out, &e), ERR_INVAL);
		assert_null(out);
		assert_string_equal(e.api_code, "invalid_field");
		assert_string_equal(e.field, bad[i].field);
	}
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	assert_int_equal(deadline_rule_update(st, "R-KN-12",
	    &(struct deadline_rule_patch){ .name = longname }, &out, &e),
	    ERR_INVAL);
	assert_int_equal(deadline_rule_update(st, "R-NONE",
	    &(struct deadline_rule_patch){ .has_amount = true, .amount = 5 },
	    &out, &e), ERR_NOTFOUND);
	/* nothing was written */
	assert_int_equal(deadline_rule_get(st, "R-KN-12", &r, &e), 0);
	assert_int_equal(r.amount, 30);
	assert_int_equal(r.complex_amount, 45);
	assert_int_equal(r.especially_complex_amount, 0);
	assert_int_equal(r.remote_amount, 45);
	assert_int_equal(r.remote_complex_amount, 60);
	assert_int_equal(r.unit, CAL_CALENDAR_DAYS);
	assert_string_equal(r.status, "U");
	assert_string_equal(r.start_event, "accepted");
	assert_int_equal(deadline_rule_get(st, "R-NONE", &r, &e),
	    ERR_NOTFOUND);
}

static void
test_rules_json(void **state)
{
	struct store *st = db(state);
	struct err e = { 0 };
	json_t *out = NULL, *items, *it;
	size_t i;

	assert_int_equal(deadline_rules_json(st, &out, &e), 0);
	items = json_object_get(out, "items");
	assert_true(json_is_array(items));
	assert_int_equal(json_array_size(items), 19);
	json_array_foreach(items, i, it) {
		const char *id = json_string_value(json_object_get(it, "id"));

		assert_non_null(id);
		assert_true(json_is_integer(json_object_get(it, "amount")));
		assert_non_null(json_string_value(json_object_get(it,
		    "updated_at")));
		if (strcmp(id, "R-KN-12") != 0)
			continue;
		assert_int_equal(json_integer_value(json_object_get(it,
		    "complex_amount")), 45);
		assert_true(json_is_null(json_object_get(it,
		    "especially_complex_amount")));
		assert_int_equal(json_integer_value(json_object_get(it,
		    "remote_complex_amount")), 60);
		assert_string_equal(json_string_value(json_object_get(it,
		    "day_unit")), "calendar");
		assert_string_equal(json_string_value(json_object_get(it,
		    "start_event")), "accepted");
		assert_string_equal(json_string_value(json_object_get(it,
		    "source")), "Luật Khiếu nại Điều 28");
	}
	json_decref(out);
}

static void
test_amount(void **state)
{
	struct deadline_rule r = { .id = "X", .amount = 10 };
	struct err e = { 0 };
	int a = -1;

	(void)state;
	assert_int_equal(deadline_amount(&r, N, false, &a, &e), 0);
	assert_int_equal(a, 10);
	assert_int_equal(deadline_amount(&r, C, false, &a, &e), ERR_INVAL);
	assert_string_equal(e.api_code, "no_extension");
	/* no remote variant at all: the ordinary limit applies there too */
	a = -1;
	assert_int_equal(deadline_amount(&r, N, true, &a, NULL), 0);
	assert_int_equal(a, 10);
	/* remote + especially complex: the largest remote variant */
	r.remote_amount = 45;
	assert_int_equal(deadline_amount(&r, EC, true, &a, &e), 0);
	assert_int_equal(a, 45);
	r.remote_complex_amount = 60;
	assert_int_equal(deadline_amount(&r, EC, true, &a, &e), 0);
	assert_int_equal(a, 60);
	r.remote_amount = 0;
	assert_int_equal(deadline_amount(&r, N, true, &a, &e), ERR_INVAL);
	assert_int_equal(deadline_amount(&r, C, true, &a, &e), 0);
	assert_int_equal(a, 60);
	r.especially_complex_amount = 90;
	assert_int_equal(deadline_amount(&r, EC, false, &a, &e), 0);
	assert_int_equal(a, 90);

	assert_string_equal(complexity_name(CX_NORMAL), "normal");
	assert_string_equal(complexity_name(CX_COMPLEX), "complex");
	assert_string_equal(complexity_name(CX_ESPECIALLY_COMPLEX),
	    "especially_complex");
	assert_int_equal(complexity_parse("normal"), CX_NORMAL);
	assert_int_equal(complexity_parse("complex"), CX_COMPLEX);
	assert_int_equal(complexity_parse("especially_complex"),
	    CX_ESPECIALLY_COMPLEX);
	assert_int_equal(complexity_parse("Complex"), -1);
	assert_int_equal(complexity_parse(""), -1);
	assert_int_equal(complexity_parse(NULL), -1);
}

/* ---- calendar_days overrides ---- */

static void
test_override_shifts_deadline(void **state)
{
	struct store *st = db(state);
	char due[CAL_DATE_LEN];
	struct err e = { 0 };

	/* R-DON-11, 5 working days from 29/8/2024: 30/8, 4/9..6/9, 9/9 */
	assert_int_equal(deadline_due(st, "R-DON-11", "2024-08-29", N, false,
	    due, &e), 0);
	assert_string_equal(due, "2024-09-09");
	/* an extra day off on Wednesday 4/9: 30/8, 5/9, 6/9, 9/9, 10/9 */
	assert_int_equal(calendar_day_set(st, "2024-09-04", false,
	    "Nghỉ thêm theo quyết định", &e), 0);
	assert_int_equal(deadline_due(st, "R-DON-11", "2024-08-29", N, false,
	    due, &e), 0);
	assert_string_equal(due, "2024-09-10");
	/* and Saturday 31/8 worked: 30/8, 31/8, 5/9, 6/9, 9/9 */
	assert_int_equal(calendar_day_set(st, "2024-08-31", true,
	    "Làm bù cho ngày 04/09", &e), 0);
	assert_int_equal(deadline_due(st, "R-DON-11", "2024-08-29", N, false,
	    due, &e), 0);
	assert_string_equal(due, "2024-09-09");
	/* upsert: 4/9 back to work; 30/8, 31/8, 4/9, 5/9, 6/9 */
	assert_int_equal(calendar_day_set(st, "2024-09-04", true,
	    "Làm việc", &e), 0);
	assert_int_equal(deadline_due(st, "R-DON-11", "2024-08-29", N, false,
	    due, &e), 0);
	assert_string_equal(due, "2024-09-06");
	/* a calendar-day period ending on a worked Saturday ends there:
	 * R-DON-12, 11/8/2024 + 20 = Saturday 31/8 */
	assert_int_equal(deadline_due(st, "R-DON-12", "2024-08-11", N, false,
	    due, &e), 0);
	assert_string_equal(due, "2024-08-31");
	/* deleting the rows restores the default */
	assert_int_equal(calendar_day_delete(st, "2024-09-04", &e), 0);
	assert_int_equal(calendar_day_delete(st, "2024-08-31", &e), 0);
	assert_int_equal(deadline_due(st, "R-DON-11", "2024-08-29", N, false,
	    due, &e), 0);
	assert_string_equal(due, "2024-09-09");
	assert_int_equal(deadline_due(st, "R-DON-12", "2024-08-11", N, false,
	    due, &e), 0);
	assert_string_equal(due, "2024-09-04");
	assert_int_equal(calendar_day_delete(st, "2024-08-31", &e),
	    ERR_NOTFOUND);
	assert_string_equal(e.api_code, "not_found");
}

static void
test_calendar_day_errors(void **state)
{
	struct store *st = db(state);
	struct err e = { 0 };
	char longname[300];

	assert_int_equal(calendar_day_set(st, "2024-02-30", false, "x", &e),
	    ERR_INVAL);
	assert_string_equal(e.field, "day");
	assert_int_equal(calendar_day_set(st, NULL, false, "x", &e),
	    ERR_INVAL);
	assert_int_equal(calendar_day_set(st, "2300-01-01", false, "x", &e),
	    ERR_INVAL);
	assert_int_equal(calendar_day_set(st, "2024-02-03", false, "", &e),
	    ERR_INVAL);
	assert_string_equal(e.field, "name");
	assert_int_equal(calendar_day_set(st, "2024-02-03", false, NULL, &e),
	    ERR_INVAL);
	assert_int_equal(calendar_day_set(st, "2024-02-03", false,
	    "a\x1b[31m", &e), ERR_INVAL);
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	assert_int_equal(calendar_day_set(st, "2024-02-03", false, longname,
	    &e), ERR_INVAL);
	assert_int_equal(calendar_day_delete(st, "03/02/2024", &e),
	    ERR_INVAL);
	/* a row the program did not write is refused when loading */
	must_exec(st, "INSERT INTO calendar_days VALUES"
	    " ('2024-02-30', 'off', 'x', 0)");
	assert_int_equal(calendar_year_json(st, 2024, &(json_t *){ NULL },
	    &e), ERR_DB);
}

static void
test_calendar_year_json(void **state)
{
	static const struct {
		const char *day, *name, *kind;
	} want[] = {
		{ "2024-01-01", "Tết Dương lịch", "holiday" },
		{ "2024-02-09", "Tết Nguyên đán", "holiday" },
		{ "2024-02-10", "Tết Nguyên đán", "holiday" },
		{ "2024-02-11", "Tết Nguyên đán", "holiday" },
		{ "2024-02-12", "Tết Nguyên đán", "holiday" },
		{ "2024-02-13", "Tết Nguyên đán", "holiday" },
		{ "2024-02-14", "Nghỉ bù", "compensation" },
		{ "2024-02-15", "Nghỉ bù", "compensation" },
		{ "2024-02-17", "Làm bù", "work" },
		{ "2024-04-18", "Giỗ Tổ Hùng Vương", "holiday" },
		{ "2024-04-29", "Nghỉ hoán đổi", "off" },
		{ "2024-04-30", "Ngày Chiến thắng", "holiday" },
		{ "2024-05-01", "Ngày Quốc tế Lao động", "holiday" },
		{ "2024-09-01", "Quốc khánh", "holiday" },
		{ "2024-09-02", "Quốc khánh", "holiday" },
		{ "2024-09-03", "Nghỉ bù", "compensation" },
	};
	struct store *st = db(state);
	struct err e = { 0 };
	json_t *out = NULL, *days, *d;
	size_t i;

	assert_int_equal(calendar_day_set(st, "2024-04-29", false,
	    "Nghỉ hoán đổi", &e), 0);
	assert_int_equal(calendar_day_set(st, "2024-02-17", true, "Làm bù",
	    &e), 0);
	assert_int_equal(calendar_day_set(st, "2025-01-27", false,
	    "Another year", &e), 0);
	assert_int_equal(calendar_year_json(st, 2024, &out, &e), 0);
	assert_int_equal(json_integer_value(json_object_get(out, "year")),
	    2024);
	days = json_object_get(out, "days");
	if (json_array_size(days) != sizeof(want) / sizeof(want[0])) {
		char *s = json_dumps(days, 0);

		print_error("%s\n", s);
		free(s);
		fail();
	}
	json_array_foreach(days, i, d) {
		assert_string_equal(json_string_value(json_object_get(d,
		    "day")), want[i].day);
		assert_string_equal(json_string_value(json_object_get(d,
		    "name")), want[i].name);
		assert_string_equal(json_string_value(json_object_get(d,
		    "kind")), want[i].kind);
	}
	json_decref(out);
	out = (json_t *)&e;
	assert_int_equal(calendar_year_json(st, 1899, &out, &e), ERR_INVAL);
	assert_null(out);
	assert_int_equal(calendar_year_json(st, 2200, &out, &e), ERR_INVAL);
}

static void
test_calendar_load(void **state)
{
	struct store *st = db(state);
	struct calendar *c = NULL;
	struct err e = { 0 };
	cal_day d;

	assert_int_equal(calendar_day_set(st, "2025-02-08", true,
	    "Làm bù cho ngày 27/01", &e), 0);
	assert_int_equal(calendar_day_set(st, "2025-01-27", false,
	    "Nghỉ Tết", &e), 0);
	assert_int_equal(calendar_load(st, 2025, 2025, &c, &e), 0);
	assert_int_equal(cal_parse("2025-02-08", &d), 0);
	assert_true(calendar_is_working(c, d));
	assert_string_equal(calendar_day_name(c, d), "Làm bù cho ngày 27/01");
	assert_int_equal(cal_parse("2025-01-27", &d), 0);
	assert_false(calendar_is_working(c, d));
	calendar_free(c);
	/* rows outside the years asked for are not loaded */
	assert_int_equal(calendar_load(st, 2026, 2026, &c, &e), 0);
	assert_int_equal(cal_parse("2025-01-27", &d), 0);
	assert_true(calendar_is_working(c, d));
	calendar_free(c);
	assert_int_equal(calendar_load(st, 2026, 2025, &c, &e), ERR_INVAL);
	assert_null(c);
}

int
main(void)
{
#define T(f)	cmocka_unit_test_setup_teardown(f, open_db, close_db)
	const struct CMUnitTest tests[] = {
		T(test_due_every_rule),
		T(test_due_errors),
		T(test_rule_row_changes_result),
		T(test_rule_update),
		T(test_rule_update_invalid),
		T(test_rules_json),
		cmocka_unit_test(test_amount),
		T(test_override_shifts_deadline),
		T(test_calendar_day_errors),
		T(test_calendar_year_json),
		T(test_calendar_load),
	};
#undef T

	return cmocka_run_group_tests_name("deadline", tests, NULL, NULL);
}
