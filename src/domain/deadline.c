/*
 * deadline.c - time limits from the deadline_rules table and the working
 * calendar with the calendar_days overrides.
 */
#include "domain/deadline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/err.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "store/store.h"

#define DAY_NAME_MAX	255	/* bytes of a calendar_days name */

static const char *const cx_names[] = {
	"normal", "complex", "especially_complex"
};

#define SELECT_RULES							\
	"SELECT id, name, start_event, amount, complex_amount,"		\
	" especially_complex_amount, remote_amount, remote_complex_amount,"\
	" day_unit, status, source, updated_at FROM deadline_rules"

static const char SQL_RULE[] = SELECT_RULES " WHERE id = ?";
static const char SQL_RULES[] = SELECT_RULES " ORDER BY id";
static const char SQL_RULE_UPDATE[] =
    "UPDATE deadline_rules SET name = ?, amount = ?, complex_amount = ?,"
    " especially_complex_amount = ?, remote_amount = ?,"
    " remote_complex_amount = ?, day_unit = ?, status = ?, source = ?,"
    " updated_at = ? WHERE id = ?";
static const char SQL_DAYS[] =
    "SELECT day, kind, name FROM calendar_days WHERE day >= ? AND day <= ?"
    " ORDER BY day";
static const char SQL_DAY_SET[] =
    "INSERT INTO calendar_days (day, kind, name, updated_at)"
    " VALUES (?, ?, ?, ?) ON CONFLICT (day) DO UPDATE SET"
    " kind = excluded.kind, name = excluded.name,"
    " updated_at = excluded.updated_at";
static const char SQL_DAY_DELETE[] = "DELETE FROM calendar_days WHERE day = ?";

const char *
complexity_name(enum complexity c)
{
	if ((int)c < 0 || (int)c > CX_ESPECIALLY_COMPLEX)
		return cx_names[CX_NORMAL];
	return cx_names[c];
}

int
complexity_parse(const char *s)
{
	if (s == NULL)
		return -1;
	for (int i = 0; i <= CX_ESPECIALLY_COMPLEX; i++)
		if (strcmp(s, cx_names[i]) == 0)
			return i;
	return -1;
}

static const char *
unit_name(enum cal_unit u)
{
	return u == CAL_WORKING_DAYS ? "working" : "calendar";
}

static int
unit_parse(const char *s, enum cal_unit *out)
{
	if (strcmp(s, "calendar") == 0)
		*out = CAL_CALENDAR_DAYS;
	else if (strcmp(s, "working") == 0)
		*out = CAL_WORKING_DAYS;
	else
		return ERR_INVAL;
	return 0;
}

static int
rule_not_found(struct err *e)
{
	return err_set(e, ERR_NOTFOUND, "not_found", NULL,
	    "Không tìm thấy quy định thời hạn.");
}

static void
copy_col(char *dst, size_t n, struct stmt *q, int col)
{
	const char *s = stmt_col_text(q, col);

	snprintf(dst, n, "%s", s != NULL ? s : "");
}

/* One row of SELECT_RULES into *r. */
static int
rule_from_row(struct stmt *q, struct deadline_rule *r, struct err *e)
{
	const char *unit = stmt_col_text(q, 8);

	memset(r, 0, sizeof(*r));
	copy_col(r->id, sizeof(r->id), q, 0);
	copy_col(r->name, sizeof(r->name), q, 1);
	copy_col(r->start_event, sizeof(r->start_event), q, 2);
	r->amount = (int)stmt_col_int(q, 3);
	r->complex_amount = (int)stmt_col_int(q, 4);	/* NULL reads 0 */
	r->especially_complex_amount = (int)stmt_col_int(q, 5);
	r->remote_amount = (int)stmt_col_int(q, 6);
	r->remote_complex_amount = (int)stmt_col_int(q, 7);
	copy_col(r->status, sizeof(r->status), q, 9);
	copy_col(r->source, sizeof(r->source), q, 10);
	if (unit == NULL || unit_parse(unit, &r->unit) != 0)
		return err_set(e, ERR_DB, NULL, NULL,
		    "deadline_rules %s: day_unit không hợp lệ", r->id);
	return 0;
}

static json_t *
amount_json(int v)
{
	return v > 0 ? json_integer(v) : json_null();
}

static json_t *
rule_json(const struct deadline_rule *r, int64_t updated_at)
{
	char u[ISO_TIME_LEN];

	clock_iso(updated_at, u);
	return json_pack("{s:s, s:s, s:s, s:i, s:o, s:o, s:o, s:o, s:s, s:s,"
	    " s:s, s:s}", "id", r->id, "name", r->name, "start_event",
	    r->start_event, "amount", r->amount, "complex_amount",
	    amount_json(r->complex_amount), "especially_complex_amount",
	    amount_json(r->especially_complex_amount), "remote_amount",
	    amount_json(r->remote_amount), "remote_complex_amount",
	    amount_json(r->remote_complex_amount), "day_unit",
	    unit_name(r->unit), "status", r->status, "source", r->source,
	    "updated_at", u);
}

/* Rule id into *r (and its updated_at into *updated when not NULL). */
static int
rule_fetch(struct store *st, const char *id, struct deadline_rule *r,
    int64_t *updated, struct err *e)
{
	struct stmt *q;
	int rc;

	if (id == NULL || strlen(id) >= sizeof(r->id))
		return rule_not_found(e);
	rc = store_prepare(st, SQL_RULE, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		rc = rule_from_row(q, r, e);
		if (updated != NULL)
			*updated = stmt_col_int(q, 11);
	} else if (rc == STEP_DONE)
		rc = rule_not_found(e);
	stmt_finalize(q);
	return rc;
}

int
deadline_rule_get(struct store *st, const char *id,
    struct deadline_rule *out, struct err *e)
{
	return rule_fetch(st, id, out, NULL, e);
}

int
deadline_rules_json(struct store *st, json_t **out, struct err *e)
{
	struct deadline_rule r;
	json_t *items;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, SQL_RULES, &q, e);
	if (rc != 0)
		return rc;
	items = json_array();
	for (;;) {
		rc = stmt_step(q, e);
		if (rc != STEP_ROW)
			break;
		rc = rule_from_row(q, &r, e);
		if (rc != 0)
			break;
		json_array_append_new(items, rule_json(&r,
		    stmt_col_int(q, 11)));
	}
	stmt_finalize(q);
	if (rc != 0) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o}", "items", items);
	return 0;
}

/* ---- rule updates ---- */

static int
check_amount(const char *field, int v, bool variant, struct err *e)
{
	if ((variant && v == 0) || (v >= 1 && v <= DEADLINE_AMOUNT_MAX))
		return 0;
	return err_set(e, ERR_INVAL, "invalid_field", field,
	    variant ? "Số ngày phải từ 1 đến %d (0: không áp dụng)." :
	    "Số ngày phải từ 1 đến %d.", DEADLINE_AMOUNT_MAX);
}

/* Copy text s into dst[n] if it is non-empty valid UTF-8 that fits. */
static int
set_text(char *dst, size_t n, const char *s, const char *field,
    struct err *e)
{
	size_t len = strlen(s);

	if (len == 0 || len >= n || !text_is_valid(s, len))
		return err_set(e, ERR_INVAL, "invalid_field", field,
		    "Giá trị không hợp lệ: cần văn bản không rỗng, tối đa "
		    "%zu byte.", n - 1);
	memcpy(dst, s, len + 1);
	return 0;
}

/* An optional amount of the patch into *dst. */
static int
patch_amount(bool has, int v, int *dst, const char *field, bool variant,
    struct err *e)
{
	int rc;

	if (!has)
		return 0;
	rc = check_amount(field, v, variant, e);
	if (rc == 0)
		*dst = v;
	return rc;
}

static int
patch_apply(struct deadline_rule *r, const struct deadline_rule_patch *p,
    struct err *e)
{
	int rc = 0;

	if (p->name != NULL)
		rc = set_text(r->name, sizeof(r->name), p->name, "name", e);
	if (rc == 0)
		rc = patch_amount(p->has_amount, p->amount, &r->amount,
		    "amount", false, e);
	if (rc == 0)
		rc = patch_amount(p->has_complex_amount, p->complex_amount,
		    &r->complex_amount, "complex_amount", true, e);
	if (rc == 0)
		rc = patch_amount(p->has_especially_complex_amount,
		    p->especially_complex_amount,
		    &r->especially_complex_amount,
		    "especially_complex_amount", true, e);
	if (rc == 0)
		rc = patch_amount(p->has_remote_amount, p->remote_amount,
		    &r->remote_amount, "remote_amount", true, e);
	if (rc == 0)
		rc = patch_amount(p->has_remote_complex_amount,
		    p->remote_complex_amount, &r->remote_complex_amount,
		    "remote_complex_amount", true, e);
	if (rc == 0 && p->unit != NULL && unit_parse(p->unit, &r->unit) != 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "day_unit",
		    "Đơn vị tính phải là \"calendar\" (ngày) hoặc \"working\" "
		    "(ngày làm việc).");
	if (rc == 0 && p->status != NULL) {
		if (strcmp(p->status, "C") != 0 &&
		    strcmp(p->status, "U") != 0 && strcmp(p->status, "P") != 0)
			rc = err_set(e, ERR_INVAL, "invalid_field", "status",
			    "Tình trạng phải là C, U hoặc P.");
		else
			memcpy(r->status, p->status, 2);
	}
	if (rc == 0 && p->source != NULL)
		rc = set_text(r->source, sizeof(r->source), p->source,
		    "source", e);
	return rc;
}

static void
bind_amount(struct stmt *q, int idx, int v)
{
	if (v > 0)
		stmt_bind_int(q, idx, v);
	else
		stmt_bind_null(q, idx);
}

int
deadline_rule_update(struct store *st, const char *id,
    const struct deadline_rule_patch *p, json_t **out, struct err *e)
{
	struct deadline_rule r;
	struct stmt *q;
	int64_t now = clock_now(), updated;
	int rc;

	*out = NULL;
	rc = rule_fetch(st, id, &r, &updated, e);
	if (rc == 0)
		rc = patch_apply(&r, p, e);
	if (rc == 0)
		rc = store_prepare(st, SQL_RULE_UPDATE, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, r.name);
	stmt_bind_int(q, 2, r.amount);
	bind_amount(q, 3, r.complex_amount);
	bind_amount(q, 4, r.especially_complex_amount);
	bind_amount(q, 5, r.remote_amount);
	bind_amount(q, 6, r.remote_complex_amount);
	stmt_bind_text(q, 7, unit_name(r.unit));
	stmt_bind_text(q, 8, r.status);
	stmt_bind_text(q, 9, r.source);
	stmt_bind_int(q, 10, now);
	stmt_bind_text(q, 11, r.id);
	rc = stmt_step(q, e);
	if (rc == STEP_DONE && stmt_changes(q) == 0)
		rc = rule_not_found(e);
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	*out = rule_json(&r, now);
	return 0;
}

/* ---- due days ---- */

static int
no_variant(struct err *e, const struct deadline_rule *r, const char *what)
{
	return err_set(e, ERR_INVAL, "no_extension", "complexity",
	    "Quy định %s không có thời hạn cho %s.", r->id, what);
}

int
deadline_amount(const struct deadline_rule *r, enum complexity cx,
    bool remote, int *amount, struct err *e)
{
	int v;

	/* A rule with no remote-area variant at all has the same limit in
	 * remote areas (R-KN-13 and R-KN-17 are the only remote rules). */
	if (remote && r->remote_amount <= 0 && r->remote_complex_amount <= 0)
		remote = false;
	if (!remote) {
		switch (cx) {
		case CX_NORMAL:
			v = r->amount;
			break;
		case CX_COMPLEX:
			v = r->complex_amount;
			break;
		case CX_ESPECIALLY_COMPLEX:
			v = r->especially_complex_amount;
			break;
		default:
			v = 0;
			break;
		}
		if (v <= 0)
			return no_variant(e, r, cx == CX_COMPLEX ?
			    "vụ việc phức tạp" : cx == CX_ESPECIALLY_COMPLEX ?
			    "vụ việc đặc biệt phức tạp" : "vụ việc thông thường");
	} else {
		if (cx == CX_NORMAL)
			v = r->remote_amount;
		else if (cx == CX_COMPLEX)
			v = r->remote_complex_amount;
		else
			v = r->remote_amount > r->remote_complex_amount ?
			    r->remote_amount : r->remote_complex_amount;
		if (v <= 0)
			return no_variant(e, r, cx == CX_NORMAL ?
			    "vùng sâu, vùng xa" :
			    "vụ việc phức tạp ở vùng sâu, vùng xa");
	}
	*amount = v;
	return 0;
}

int
deadline_due(struct store *st, const char *rule_id, const char *start,
    enum complexity cx, bool remote, char due[CAL_DATE_LEN], struct err *e)
{
	struct deadline_rule r;
	struct calendar *cal = NULL;
	cal_day from, end;
	int amount, y0, y1, m, d, rc;

	rc = deadline_rule_get(st, rule_id, &r, e);
	if (rc == 0)
		rc = deadline_amount(&r, cx, remote, &amount, e);
	if (rc != 0)
		return rc;
	if (start == NULL || cal_parse(start, &from) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "start",
		    "Ngày bắt đầu tính thời hạn không hợp lệ (YYYY-MM-DD).");
	/* Years that the period can reach: amount working days take at
	 * most 7/5 of it plus the holidays; twice it plus two months is
	 * more than enough. */
	cal_to_ymd(from, &y0, &m, &d);
	cal_to_ymd(from + 2 * amount + 60, &y1, &m, &d);
	if (y1 > CAL_YEAR_MAX)
		y1 = CAL_YEAR_MAX;
	rc = calendar_load(st, y0, y1, &cal, e);
	if (rc != 0)
		return rc;
	end = calendar_add(cal, from, amount, r.unit);
	calendar_free(cal);
	cal_format(end, due);
	return 0;
}

/* ---- the calendar with its overrides ---- */

/* Overrides read from calendar_days, with their own copies of the
 * names (a column's text lives only until the next step). */
struct day_rows {
	struct cal_override	*ov;
	char			**names;
	size_t			 n, cap;
};

static void
day_rows_add(struct day_rows *r, cal_day day, bool working,
    const char *name)
{
	if (r->n == r->cap) {
		r->cap = r->cap == 0 ? 16 : r->cap * 2;
		r->ov = xrealloc(r->ov, r->cap * sizeof(*r->ov));
		r->names = xrealloc(r->names, r->cap * sizeof(*r->names));
	}
	r->names[r->n] = name != NULL ? xstrdup(name) : NULL;
	r->ov[r->n].day = day;
	r->ov[r->n].working = working;
	r->ov[r->n].name = r->names[r->n];
	r->n++;
}

static void
day_rows_release(struct day_rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->names[i]);
	free(r->names);
	free(r->ov);
	memset(r, 0, sizeof(*r));
}

int
calendar_load(struct store *st, int first_year, int last_year,
    struct calendar **out, struct err *e)
{
	struct day_rows rows = { 0 };
	char a[CAL_DATE_LEN], b[CAL_DATE_LEN];
	cal_day from, to;
	struct stmt *q;
	int rc;

	*out = NULL;
	if (cal_from_ymd(first_year, 1, 1, &from) != 0 ||
	    cal_from_ymd(last_year, 12, 31, &to) != 0 || from > to)
		return err_set(e, ERR_INVAL, "invalid_param", "year",
		    "Năm không hợp lệ (%d-%d).", CAL_YEAR_MIN, CAL_YEAR_MAX);
	cal_format(from, a);
	cal_format(to, b);
	rc = store_prepare(st, SQL_DAYS, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, a);
	stmt_bind_text(q, 2, b);
	for (;;) {
		const char *day, *kind;
		cal_day dd;

		rc = stmt_step(q, e);
		if (rc != STEP_ROW)
			break;
		day = stmt_col_text(q, 0);
		kind = stmt_col_text(q, 1);
		if (day == NULL || kind == NULL || cal_parse(day, &dd) != 0 ||
		    (strcmp(kind, "off") != 0 && strcmp(kind, "work") != 0)) {
			rc = err_set(e, ERR_DB, NULL, NULL,
			    "calendar_days: dòng không hợp lệ (%s)",
			    day != NULL ? day : "NULL");
			break;
		}
		day_rows_add(&rows, dd, strcmp(kind, "work") == 0,
		    stmt_col_text(q, 2));
	}
	stmt_finalize(q);
	if (rc == STEP_DONE)
		rc = calendar_new(first_year, last_year, rows.ov, rows.n, out,
		    e);
	day_rows_release(&rows);
	return rc;
}

static const char *
kind_name(enum cal_day_kind k)
{
	switch (k) {
	case CAL_DAY_HOLIDAY:		return "holiday";
	case CAL_DAY_COMPENSATION:	return "compensation";
	case CAL_DAY_OFF:		return "off";
	case CAL_DAY_WORK:		return "work";
	default:			return NULL;
	}
}

int
calendar_year_json(struct store *st, int year, json_t **out, struct err *e)
{
	struct calendar *cal = NULL;
	char s[CAL_DATE_LEN];
	cal_day from, to;
	json_t *days;
	int rc;

	*out = NULL;
	if (cal_from_ymd(year, 1, 1, &from) != 0 ||
	    cal_from_ymd(year, 12, 31, &to) != 0)
		return err_set(e, ERR_INVAL, "invalid_param", "year",
		    "Năm không hợp lệ (%d-%d).", CAL_YEAR_MIN, CAL_YEAR_MAX);
	rc = calendar_load(st, year, year, &cal, e);
	if (rc != 0)
		return rc;
	days = json_array();
	for (cal_day d = from; d <= to; d++) {
		const char *kind = kind_name(calendar_day_kind(cal, d));

		if (kind == NULL)
			continue;
		cal_format(d, s);
		json_array_append_new(days, json_pack("{s:s, s:s, s:s}",
		    "day", s, "name", calendar_day_name(cal, d), "kind", kind));
	}
	calendar_free(cal);
	*out = json_pack("{s:i, s:o}", "year", year, "days", days);
	return 0;
}

static int
bad_day(struct err *e)
{
	return err_set(e, ERR_INVAL, "invalid_field", "day",
	    "Ngày không hợp lệ (YYYY-MM-DD, năm %d-%d).", CAL_YEAR_MIN,
	    CAL_YEAR_MAX);
}

int
calendar_day_set(struct store *st, const char *day, bool working,
    const char *name, struct err *e)
{
	struct stmt *q;
	cal_day d;
	size_t len;
	int rc;

	if (day == NULL || cal_parse(day, &d) != 0)
		return bad_day(e);
	len = name != NULL ? strlen(name) : 0;
	if (len == 0 || len > DAY_NAME_MAX || !text_is_valid(name, len))
		return err_set(e, ERR_INVAL, "invalid_field", "name",
		    "Tên ngày không được để trống, tối đa %d byte.",
		    DAY_NAME_MAX);
	rc = store_prepare(st, SQL_DAY_SET, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, day);
	stmt_bind_text(q, 2, working ? "work" : "off");
	stmt_bind_text(q, 3, name);
	stmt_bind_int(q, 4, clock_now());
	rc = stmt_step(q, e);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

int
calendar_day_delete(struct store *st, const char *day, struct err *e)
{
	struct stmt *q;
	cal_day d;
	int rc;

	if (day == NULL || cal_parse(day, &d) != 0)
		return bad_day(e);
	rc = store_prepare(st, SQL_DAY_DELETE, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, day);
	rc = stmt_step(q, e);
	if (rc == STEP_DONE && stmt_changes(q) == 0)
		rc = err_set(e, ERR_NOTFOUND, "not_found", "day",
		    "Ngày này không có trong lịch điều chỉnh.");
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}
