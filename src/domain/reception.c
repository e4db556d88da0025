/* reception.c - reception sessions, visits, the register and leaders' duty. */
#include "domain/reception.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/period.h"
#include "core/xlsxwrite.h"
#include "domain/audit.h"
#include "domain/deadline.h"
#include "domain/list.h"
#include "domain/protect.h"
#include "domain/record.h"
#include "domain/unit.h"
#include "domain/vocab.h"
#include "store/store.h"

#define SQL_MAX		8192
#define XLSX_MAX	((size_t)64 << 20)
#define SECRET_TEXT	"(Được giữ bí mật)"
/* Planned days before a period may move into it (R-TCD-18); no run of
 * rest days and holidays is this long. */
#define SHIFT_MARGIN	31

#define WRITER_WHAT	"dữ liệu tiếp công dân"

/* ---- small helpers --------------------------------------------------- */

bool
reception_day_valid(const char *s)
{
	cal_day d;

	return s != NULL && cal_parse(s, &d) == 0;
}

/* Scan 1..2 digits at *p into *out (1..max), no leading zero. */
static bool
scan_small(const char **p, int max, int *out)
{
	int v = 0, n = 0;

	if (**p == '0')
		return false;
	while (**p >= '0' && **p <= '9' && n < 2) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (n == 0 || (**p >= '0' && **p <= '9') || v < 1 || v > max)
		return false;
	*out = v;
	return true;
}

/* Days of a pattern: week -> *weekday (1..7); month -> mdays[0..*n). */
static bool
pattern_parse(const char *s, int *weekday,
    int mdays[RECEPTION_PATTERN_MAX_DAYS], size_t *n)
{
	const char *p;
	int d;

	*weekday = 0;
	*n = 0;
	if (s == NULL)
		return false;
	if (strncmp(s, "week:", 5) == 0) {
		p = s + 5;
		return scan_small(&p, 7, weekday) && *p == '\0';
	}
	if (strncmp(s, "month:", 6) != 0)
		return false;
	p = s + 6;
	for (;;) {
		if (*n == RECEPTION_PATTERN_MAX_DAYS || !scan_small(&p, 31, &d))
			return false;
		for (size_t i = 0; i < *n; i++)
			if (mdays[i] == d)
				return false;
		mdays[(*n)++] = d;
		if (*p == '\0')
			return true;
		if (*p++ != ',')
			return false;
	}
}

bool
reception_pattern_valid(const char *s)
{
	int mdays[RECEPTION_PATTERN_MAX_DAYS], wd;
	size_t n;

	return pattern_parse(s, &wd, mdays, &n);
}

/* ---- list filters ---------------------------------------------------- */

/* Shared by the session list, the register and the schedule list. */
struct filter {
	const struct reception_query	*f;
	const struct actor		*a;
	const char			*alias;		/* unit columns */
	const char			*org_col;
	const char			*day_col;	/* NULL: none */
	bool				 kind;
	struct rec_subtree		 sub;
};

static int
filter_init(struct store *st, struct filter *c, struct err *e)
{
	return rec_subtree_init(st, c->f->structure, c->f->unit, "unit",
	    &c->sub, e);
}

/* scope: SCOPE_SQL() of the alias's unit columns. */
static void
filter_sql(struct buf *sql, const char *scope, const struct filter *c)
{
	const struct reception_query *f = c->f;
	const char *t = c->alias;
	char col[24];

	buf_add_str(sql, " WHERE ");
	buf_add_str(sql, scope);
	if (f->structure != 0)
		buf_add_fmt(sql, " AND %s.unit_structure = ?", t);
	snprintf(col, sizeof(col), "%s.unit_path", t);
	rec_subtree_sql(sql, col, &c->sub);
	if (f->org_id != 0)
		buf_add_fmt(sql, " AND %s = ?", c->org_col);
	if (c->kind && f->kind != NULL)
		buf_add_fmt(sql, " AND %s.kind = ?", t);
	if (c->day_col != NULL && f->from != NULL)
		buf_add_fmt(sql, " AND %s >= ?", c->day_col);
	if (c->day_col != NULL && f->to != NULL)
		buf_add_fmt(sql, " AND %s <= ?", c->day_col);
}

static int
filter_bind(struct stmt *q, const void *ctxv)
{
	const struct filter *c = ctxv;
	const struct reception_query *f = c->f;
	int i = actor_bind_scope(c->a, q, 1);

	if (f->structure != 0)
		stmt_bind_int(q, i++, f->structure);
	i = rec_subtree_bind(q, i, &c->sub);
	if (f->org_id != 0)
		stmt_bind_int(q, i++, f->org_id);
	if (c->kind && f->kind != NULL)
		stmt_bind_text(q, i++, f->kind);
	if (c->day_col != NULL && f->from != NULL)
		stmt_bind_text(q, i++, f->from);
	if (c->day_col != NULL && f->to != NULL)
		stmt_bind_text(q, i++, f->to);
	return i;
}

/* ---- sessions ---------------------------------------------------------- */

/* rs: the alias of the sessions. */
#define SESSION_COLS							\
	"rs.id, rs.org_id, o.name, rs.unit_structure, rs.unit_code,"	\
	" n.name, rs.kind, rs.day, rs.place, rs.host_name,"		\
	" rs.schedule_id, rs.delegated, rs.note, rs.created_at,"	\
	" rs.updated_at, (SELECT COUNT(*) FROM reception_visits v WHERE"	\
	" v.session_id = rs.id), (SELECT COALESCE(SUM(v.persons), 0)"	\
	" FROM reception_visits v WHERE v.session_id = rs.id),"		\
	" rs.unit_path"
#define SESSION_FROM							\
	" FROM reception_sessions rs JOIN organizations o ON"		\
	" o.id = rs.org_id JOIN units n ON n.structure ="		\
	" rs.unit_structure AND n.code = rs.unit_code"

static json_t *
session_row_json(struct stmt *q)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN];

	clock_iso(stmt_col_int(q, 13), c);
	clock_iso(stmt_col_int(q, 14), u);
	return json_pack("{s:I, s:{s:I, s:s}, s:{s:I, s:s, s:s}, s:s, s:s,"
	    " s:s, s:s, s:o, s:b, s:o, s:I, s:I, s:s, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", "id", (json_int_t)stmt_col_int(q, 1),
	    "name", stmt_col_text(q, 2),
	    "unit", "structure", (json_int_t)stmt_col_int(q, 3),
	    "code", stmt_col_text(q, 4), "name", stmt_col_text(q, 5),
	    "kind", stmt_col_text(q, 6), "day", stmt_col_text(q, 7),
	    "place", stmt_col_text(q, 8), "host_name", stmt_col_text(q, 9),
	    "schedule_id", rec_col_id(q, 10),
	    "delegated", stmt_col_int(q, 11) != 0,
	    "note", rec_col_str(q, 12),
	    "visits", (json_int_t)stmt_col_int(q, 15),
	    "persons", (json_int_t)stmt_col_int(q, 16),
	    "created_at", c, "updated_at", u);
}

/* What writes need to know about a session beside its JSON. */
struct sess {
	int64_t		org_id;
	struct rec_owner	own;
	int64_t		visits;
};

/* One session visible to a: its JSON in *out and its facts in *s. */
static int
fetch_session(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct sess *s, struct err *e)
{
	bool inside = false;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " SESSION_COLS SESSION_FROM
	    " WHERE rs.id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = session_row_json(q);
		s->org_id = stmt_col_int(q, 1);
		s->own.structure = (int)stmt_col_int(q, 3);
		snprintf(s->own.code, sizeof(s->own.code), "%s",
		    stmt_col_text(q, 4));
		snprintf(s->own.path, sizeof(s->own.path), "%s",
		    stmt_col_text(q, 17));
		snprintf(s->own.name, sizeof(s->own.name), "%s",
		    stmt_col_text(q, 2));
		s->visits = stmt_col_int(q, 15);
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (rc == STEP_ROW)
		rc = actor_in_scope(st, a, s->own.structure, s->own.code,
		    &inside, e);
	if (rc == 0 && !inside) {
		json_decref(*out);
		*out = NULL;
		rc = err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy buổi tiếp công dân.");
	}
	return rc;
}

/* A session's values after merging an input over the current ones. */
struct session_vals {
	const char	*kind, *day, *place, *host_name, *note;
	int64_t		 schedule_id;	/* 0: none */
	bool		 delegated;
};

/* Does schedule id belong to organisation org_id? */
static int
schedule_of_org(struct store *st, int64_t id, int64_t org_id, bool *ok,
    struct err *e)
{
	struct stmt *q;
	int rc;

	*ok = false;
	rc = store_prepare(st, "SELECT org_id FROM reception_schedules"
	    " WHERE id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		*ok = stmt_col_int(q, 0) == org_id;
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

/*
 * Periodic reception is the leader's scheduled duty (R-TCD-10), so a
 * periodic session names a schedule of its own organisation; other kinds
 * name none.
 */
static int
check_session(struct store *st, const struct session_vals *v, int64_t org_id,
    struct err *e)
{
	bool ok;
	int rc;

	if (vocab_find(vocab_session_kind, v->kind) == NULL)
		return err_set(e, ERR_INVAL, "invalid_field", "kind",
		    "Hình thức tiếp phải là regular, periodic hoặc ad_hoc.");
	if (!reception_day_valid(v->day))
		return err_set(e, ERR_INVAL, "invalid_field", "day",
		    "Ngày tiếp phải có dạng YYYY-MM-DD.");
	if (rec_empty(v->place))
		return err_set(e, ERR_INVAL, "invalid_field", "place",
		    "Địa điểm tiếp không được để trống.");
	if (rec_empty(v->host_name))
		return err_set(e, ERR_INVAL, "invalid_field", "host_name",
		    "Người chủ trì tiếp không được để trống.");
	if (strcmp(v->kind, "periodic") != 0) {
		if (v->schedule_id != 0)
			return err_set(e, ERR_INVAL, "invalid_field",
			    "schedule_id", "Chỉ buổi tiếp định kỳ mới gắn với "
			    "lịch tiếp của lãnh đạo.");
		return 0;
	}
	if (v->schedule_id == 0)
		return err_set(e, ERR_INVAL, "invalid_field", "schedule_id",
		    "Buổi tiếp định kỳ phải gắn với lịch tiếp của lãnh đạo.");
	rc = schedule_of_org(st, v->schedule_id, org_id, &ok, e);
	if (rc == 0 && !ok)
		rc = err_set(e, ERR_INVAL, "invalid_field", "schedule_id",
		    "Lịch tiếp không tồn tại hoặc không thuộc tổ chức này.");
	return rc;
}

static void
bind_session_vals(struct stmt *q, int i, const struct session_vals *v)
{
	stmt_bind_text(q, i++, v->kind);
	stmt_bind_text(q, i++, v->day);
	stmt_bind_text(q, i++, v->place);
	stmt_bind_text(q, i++, v->host_name);
	if (v->schedule_id != 0)
		stmt_bind_int(q, i++, v->schedule_id);
	else
		stmt_bind_null(q, i++);
	stmt_bind_int(q, i++, v->delegated ? 1 : 0);
	stmt_bind_text(q, i, v->note);
}

static int
audit_session(struct store *st, const struct actor *a, const char *action,
    int64_t id, const struct sess *s, json_t *before, json_t *after,
    struct err *e)
{
	struct audit_entry ent = { action, "reception_session", id,
	    s->own.structure, s->own.code, s->own.path, before, after };

	return audit_record(st, a, &ent, e);
}

int
reception_session_create(struct store *st, const struct actor *a,
    const struct reception_session_input *in, json_t **out, struct err *e)
{
	struct session_vals v = { in->kind, in->day, in->place, in->host_name,
	    rec_opt(in->note), in->has_schedule_id ? in->schedule_id : 0,
	    in->has_delegated && in->delegated };
	struct rec_owner own;
	struct sess s;
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = rec_check_writer(a, WRITER_WHAT, e);
	if (rc == 0 && !in->has_org_id)
		rc = err_set(e, ERR_INVAL, "missing_field", "org_id",
		    "Thiếu trường bắt buộc \"org_id\".");
	if (rc == 0)
		rc = rec_org_owner(st, a, in->org_id, "org_id", &own, e);
	if (rc == 0)
		rc = check_session(st, &v, in->org_id, e);
	if (rc != 0)
		return rc;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = store_prepare(st, "INSERT INTO reception_sessions (org_id,"
	    " unit_structure, unit_code, unit_path, kind, day, place,"
	    " host_name, schedule_id, delegated, note, created_by, created_at,"
	    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	    " RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		bind_session_vals(q, 5, &v);
		rec_bind_creator(q, 12, a);
		stmt_bind_int(q, 13, now);
		stmt_bind_int(q, 14, now);
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_session(st, a, id, out, &s, e);
	if (rc == 0)
		rc = audit_session(st, a, "create", id, &s, NULL, *out, e);
	return rec_finish(st, rc, out, e);
}

int
reception_session_update(struct store *st, const struct actor *a, int64_t id,
    const struct reception_session_input *in, json_t **out, struct err *e)
{
	struct session_vals v;
	json_t *before = NULL;
	struct stmt *q;
	struct sess s;
	int rc;

	*out = NULL;
	memset(&v, 0, sizeof(v));
	if (in->has_org_id)
		return err_set(e, ERR_INVAL, "unknown_field", "org_id",
		    "Không thể chuyển buổi tiếp sang tổ chức khác.");
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_session(st, a, id, &before, &s, e);
	if (rc == 0)
		rc = rec_check_writer(a, WRITER_WHAT, e);
	if (rc == 0) {
		v = (struct session_vals){ rec_member(before, "kind"),
		    rec_member(before, "day"), rec_member(before, "place"),
		    rec_member(before, "host_name"), rec_member(before, "note"),
		    json_integer_value(json_object_get(before, "schedule_id")),
		    json_is_true(json_object_get(before, "delegated")) };
		if (in->kind != NULL)
			v.kind = in->kind;
		if (in->day != NULL)
			v.day = in->day;
		if (in->place != NULL)
			v.place = in->place;
		if (in->host_name != NULL)
			v.host_name = in->host_name;
		if (in->note != NULL)
			v.note = rec_opt(in->note);
		if (in->has_delegated)
			v.delegated = in->delegated;
		/* Leaving periodic drops the schedule unless one is given. */
		if (in->has_schedule_id)
			v.schedule_id = in->schedule_id;
		else if (strcmp(v.kind, "periodic") != 0)
			v.schedule_id = 0;
		rc = check_session(st, &v, s.org_id, e);
	}
	if (rc == 0)
		rc = store_prepare(st, "UPDATE reception_sessions SET kind = ?,"
		    " day = ?, place = ?, host_name = ?, schedule_id = ?,"
		    " delegated = ?, note = ?, updated_at = ? WHERE id = ?",
		    &q, e);
	if (rc == 0) {
		bind_session_vals(q, 1, &v);
		stmt_bind_int(q, 8, clock_now());
		stmt_bind_int(q, 9, id);
		rc = stmt_step_done(q, e);
	}
	/* A visit's day is its session's day. */
	if (rc == 0)
		rc = store_prepare(st, "UPDATE reception_visits SET day = ?"
		    " WHERE session_id = ? AND day <> ?", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, v.day);
		stmt_bind_int(q, 2, id);
		stmt_bind_text(q, 3, v.day);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = fetch_session(st, a, id, out, &s, e);
	if (rc == 0)
		rc = audit_session(st, a, "update", id, &s, before, *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

int
reception_session_delete(struct store *st, const struct actor *a, int64_t id,
    struct err *e)
{
	json_t *before = NULL;
	struct stmt *q;
	struct sess s;
	int rc;

	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_session(st, a, id, &before, &s, e);
	if (rc == 0)
		rc = rec_check_writer(a, WRITER_WHAT, e);
	if (rc == 0 && s.visits > 0)
		rc = err_set(e, ERR_EXISTS, "conflict", NULL,
		    "Buổi tiếp đã có lượt tiếp công dân nên không xóa được.");
	if (rc == 0)
		rc = store_prepare(st, "DELETE FROM reception_sessions"
		    " WHERE id = ?", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = audit_session(st, a, "delete", id, &s, before, NULL, e);
	json_decref(before);
	return rec_finish(st, rc, NULL, e);
}

int
reception_session_list(struct store *st, const struct actor *a,
    const struct reception_query *f, json_t **out, struct err *e)
{
	struct filter c = { .f = f, .a = a, .alias = "rs", .org_col = "rs.org_id",
	    .day_col = "rs.day", .kind = true };
	struct list_query lq;
	struct buf from;
	int rc;

	*out = NULL;
	rc = filter_init(st, &c, e);
	if (rc != 0)
		return rc;
	buf_init(&from, SQL_MAX);
	buf_add_str(&from, SESSION_FROM);
	filter_sql(&from, SCOPE_SQL("rs.unit_structure", "rs.unit_path"), &c);
	rc = buf_error(&from);
	if (rc == 0) {
		lq = (struct list_query){ SESSION_COLS, buf_cstr(&from),
		    "rs.day DESC, rs.id DESC", filter_bind, &c,
		    session_row_json, f->limit, f->offset, NULL, NULL, NULL };
		rc = list_run(st, &lq, out, e);
	}
	buf_release(&from);
	return rc;
}

/* ---- visits ------------------------------------------------------------ */

#define VISIT_COLS							\
	"v.id, v.session_id, v.day, v.citizen_name, v.citizen_address,"	\
	" v.citizen_id_number, v.identity_id, v.persons,"		\
	" v.representatives, v.is_mass, v.content, v.classification,"	\
	" v.field, v.prior_handler, v.direction, v.forwarded_to,"	\
	" v.follow_up, v.note, v.refused, v.refusal_reason, v.petition_id"
#define VISIT_NCOLS	21	/* columns of VISIT_COLS */

static json_t *
visit_row_json(struct stmt *q)
{
	return json_pack("{s:I, s:I, s:s, s:o, s:o, s:o, s:b, s:I, s:I, s:b,"
	    " s:s, s:s, s:s, s:o, s:s, s:o, s:o, s:o, s:b, s:o, s:o}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "session_id", (json_int_t)stmt_col_int(q, 1),
	    "day", stmt_col_text(q, 2),
	    "citizen_name", rec_col_str(q, 3),
	    "citizen_address", rec_col_str(q, 4),
	    "citizen_id_number", rec_col_str(q, 5),
	    "identity_protected", !stmt_col_is_null(q, 6),
	    "persons", (json_int_t)stmt_col_int(q, 7),
	    "representatives", (json_int_t)stmt_col_int(q, 8),
	    "is_mass", stmt_col_int(q, 9) != 0,
	    "content", stmt_col_text(q, 10),
	    "classification", stmt_col_text(q, 11),
	    "field", stmt_col_text(q, 12),
	    "prior_handler", rec_col_str(q, 13),
	    "direction", stmt_col_text(q, 14),
	    "forwarded_to", rec_col_str(q, 15),
	    "follow_up", rec_col_str(q, 16),
	    "note", rec_col_str(q, 17),
	    "refused", stmt_col_int(q, 18) != 0,
	    "refusal_reason", rec_col_str(q, 19),
	    "petition_id", stmt_col_is_null(q, 20) ? json_null() :
	    json_integer(stmt_col_int(q, 20)));
}

/* Visits of a session in order, as a JSON array in *out. */
static int
session_visits(struct store *st, int64_t session_id, json_t **out,
    struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " VISIT_COLS " FROM reception_visits v"
	    " WHERE v.session_id = ? ORDER BY v.id", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, session_id);
	return rec_collect(q, visit_row_json, out, e);
}

int
reception_session_get(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct err *e)
{
	json_t *sj = NULL, *visits = NULL;
	struct sess s;
	int rc;

	*out = NULL;
	rc = fetch_session(st, a, id, &sj, &s, e);
	if (rc == 0)
		rc = session_visits(st, id, &visits, e);
	if (rc != 0) {
		json_decref(sj);
		return rc;
	}
	*out = json_pack("{s:o, s:o}", "session", sj, "visits", visits);
	return 0;
}

/* One visit visible to a; *identity_id its sealed identity (0: none). */
static int
fetch_visit(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct rec_owner *own, int64_t *identity_id, struct err *e)
{
	bool inside = false;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " VISIT_COLS ", v.unit_structure,"
	    " v.unit_code, v.unit_path FROM reception_visits v WHERE v.id = ?",
	    &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = visit_row_json(q);
		*identity_id = stmt_col_is_null(q, 6) ? 0 :
		    stmt_col_int(q, 6);
		own->structure = (int)stmt_col_int(q, VISIT_NCOLS);
		snprintf(own->code, sizeof(own->code), "%s",
		    stmt_col_text(q, VISIT_NCOLS + 1));
		snprintf(own->path, sizeof(own->path), "%s",
		    stmt_col_text(q, VISIT_NCOLS + 2));
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (rc == STEP_ROW)
		rc = actor_in_scope(st, a, own->structure, own->code, &inside,
		    e);
	if (rc == 0 && !inside) {
		json_decref(*out);
		*out = NULL;
		rc = err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy lượt tiếp công dân.");
	}
	return rc;
}

/* A visit's values after merging an input over the current ones. */
struct visit_vals {
	const char	*name, *address, *id_number;
	int64_t		 persons, representatives;
	const char	*content, *classification, *field, *prior_handler;
	const char	*direction, *forwarded_to, *follow_up, *note;
	bool		 refused;
	const char	*refusal_reason;
};

static void
visit_overlay(struct visit_vals *v, const struct reception_visit_input *in)
{
	if (in->citizen_name != NULL)
		v->name = in->citizen_name;
	if (in->citizen_address != NULL)
		v->address = in->citizen_address;
	if (in->citizen_id_number != NULL)
		v->id_number = rec_opt(in->citizen_id_number);
	if (in->has_persons)
		v->persons = in->persons;
	if (in->has_representatives)
		v->representatives = in->representatives;
	if (in->content != NULL)
		v->content = in->content;
	if (in->classification != NULL)
		v->classification = in->classification;
	if (in->field != NULL)
		v->field = in->field;
	if (in->prior_handler != NULL)
		v->prior_handler = rec_opt(in->prior_handler);
	if (in->direction != NULL)
		v->direction = in->direction;
	if (in->forwarded_to != NULL)
		v->forwarded_to = rec_opt(in->forwarded_to);
	if (in->follow_up != NULL)
		v->follow_up = rec_opt(in->follow_up);
	if (in->note != NULL)
		v->note = rec_opt(in->note);
	if (in->has_refused)
		v->refused = in->refused;
	if (in->refusal_reason != NULL)
		v->refusal_reason = rec_opt(in->refusal_reason);
}

static bool
id_number_valid(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= 'a' && *s <= 'z')))
			return false;
	return true;
}

static int
check_visit(struct store *st, const struct visit_vals *v, struct err *e)
{
	bool ok;
	int rc;

	if (rec_empty(v->name))
		return err_set(e, ERR_INVAL, "invalid_field", "citizen_name",
		    "Họ tên công dân không được để trống.");
	if (rec_empty(v->address))
		return err_set(e, ERR_INVAL, "invalid_field", "citizen_address",
		    "Địa chỉ công dân không được để trống.");
	if (v->id_number != NULL && !id_number_valid(v->id_number))
		return err_set(e, ERR_INVAL, "invalid_field",
		    "citizen_id_number", "Số giấy tờ tùy thân chỉ gồm chữ "
		    "và số.");
	if (v->persons < 1 || v->persons > 10000)
		return err_set(e, ERR_INVAL, "invalid_field", "persons",
		    "Số người phải từ 1 đến 10000.");
	if (v->representatives < 0 || v->representatives > 5)
		return err_set(e, ERR_INVAL, "invalid_field", "representatives",
		    "Số người đại diện không quá 5 người (Luật Tiếp công dân, "
		    "R-TCD-30).");
	if (v->representatives > v->persons)
		return err_set(e, ERR_INVAL, "invalid_field", "representatives",
		    "Số người đại diện không được lớn hơn số người.");
	if (rec_empty(v->content))
		return err_set(e, ERR_INVAL, "invalid_field", "content",
		    "Nội dung vụ việc không được để trống.");
	if (vocab_find(vocab_classification, v->classification) == NULL)
		return err_set(e, ERR_INVAL, "invalid_field", "classification",
		    "Phân loại đơn không hợp lệ.");
	if (vocab_find(vocab_visit_direction, v->direction) == NULL)
		return err_set(e, ERR_INVAL, "invalid_field", "direction",
		    "Hướng xử lý không hợp lệ.");
	if (strcmp(v->direction, "forward") == 0 && v->forwarded_to == NULL)
		return err_set(e, ERR_INVAL, "invalid_field", "forwarded_to",
		    "Cần ghi cơ quan có thẩm quyền được chuyển đơn.");
	if (v->refused && v->refusal_reason == NULL)
		return err_set(e, ERR_INVAL, "invalid_field", "refusal_reason",
		    "Cần ghi lý do từ chối tiếp (Luật Tiếp công dân Điều 9).");
	if (rec_empty(v->field))
		return err_set(e, ERR_INVAL, "invalid_field", "field",
		    "Lĩnh vực không hợp lệ.");
	rc = vocab_field_exists(st, v->field, &ok, e);
	if (rc == 0 && !ok)
		rc = err_set(e, ERR_INVAL, "invalid_field", "field",
		    "Lĩnh vực không hợp lệ.");
	return rc;
}

/* Denunciations, alone or among other contents, protect the denouncer
 * (R-TC-20, R-TCD-41). */
static bool
needs_protection(const char *classification)
{
	return strcmp(classification, "denunciation") == 0 ||
	    strcmp(classification, "mixed") == 0;
}

static int
seal_identity(struct store *st, const struct visit_vals *v, int64_t *id,
    struct err *e)
{
	json_t *ident;
	int rc;

	ident = json_pack("{s:s, s:s, s:o}", "name", v->name, "address",
	    v->address, "id_number", rec_jstr(v->id_number));
	if (ident == NULL)
		return err_set(e, ERR_NOMEM, "internal", NULL, "out of memory");
	rc = protect_seal(st, ident, id, e);
	json_decref(ident);
	return rc;
}

/* Bind the 17 columns from citizen_name to refusal_reason from idx on;
 * identity_id != 0 replaces the citizen's columns. */
static int
bind_visit_vals(struct stmt *q, int i, const struct visit_vals *v,
    int64_t identity_id, int threshold)
{
	bool sealed = identity_id != 0;

	stmt_bind_text(q, i++, sealed ? NULL : v->name);
	stmt_bind_text(q, i++, sealed ? NULL : v->address);
	stmt_bind_text(q, i++, sealed ? NULL : v->id_number);
	if (sealed)
		stmt_bind_int(q, i++, identity_id);
	else
		stmt_bind_null(q, i++);
	stmt_bind_int(q, i++, v->persons);
	stmt_bind_int(q, i++, v->representatives);
	stmt_bind_int(q, i++, v->persons >= threshold ? 1 : 0);
	stmt_bind_text(q, i++, v->content);
	stmt_bind_text(q, i++, v->classification);
	stmt_bind_text(q, i++, v->field);
	stmt_bind_text(q, i++, v->prior_handler);
	stmt_bind_text(q, i++, v->direction);
	stmt_bind_text(q, i++, v->forwarded_to);
	stmt_bind_text(q, i++, v->follow_up);
	stmt_bind_text(q, i++, v->note);
	stmt_bind_int(q, i++, v->refused ? 1 : 0);
	stmt_bind_text(q, i++, v->refusal_reason);
	return i;
}

#define VISIT_VAL_COLS							\
	"citizen_name, citizen_address, citizen_id_number,"		\
	" identity_id, persons, representatives, is_mass, content,"	\
	" classification, field, prior_handler, direction,"		\
	" forwarded_to, follow_up, note, refused, refusal_reason"

static void
redact(json_t *visit)
{
	json_object_set_new(visit, "citizen_name", json_null());
	json_object_set_new(visit, "citizen_address", json_null());
	json_object_set_new(visit, "citizen_id_number", json_null());
}

/*
 * Audit a visit write.  Like petitions, the audit log keeps no citizen's
 * identity at all (P-DL-12: no personal data in logs), so a later
 * reclassification as a denunciation cannot leave a name behind in it.
 */
static int
audit_visit(struct store *st, const struct actor *a, const char *action,
    int64_t id, const struct rec_owner *own, json_t *before, json_t *after,
    struct err *e)
{
	struct audit_entry ent = { action, "reception_visit", id,
	    own->structure, own->code, own->path, NULL, NULL };
	int rc;

	ent.before = before != NULL ? json_deep_copy(before) : NULL;
	ent.after = after != NULL ? json_deep_copy(after) : NULL;
	if (ent.before != NULL)
		redact(ent.before);
	if (ent.after != NULL)
		redact(ent.after);
	rc = audit_record(st, a, &ent, e);
	json_decref(ent.before);
	json_decref(ent.after);
	return rc;
}

int
reception_visit_create(struct store *st, const struct actor *a,
    int64_t session_id, const struct reception_visit_input *in, json_t **out,
    struct err *e)
{
	struct visit_vals v;
	json_t *sj = NULL;
	struct rec_owner own;
	struct stmt *q;
	struct sess s;
	int64_t id = 0, ident = 0, now = clock_now(), unused;
	int threshold, rc;

	*out = NULL;
	memset(&v, 0, sizeof(v));
	visit_overlay(&v, in);
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_session(st, a, session_id, &sj, &s, e);
	if (rc == 0)
		rc = rec_check_writer(a, WRITER_WHAT, e);
	if (rc == 0 && !in->has_persons)
		rc = err_set(e, ERR_INVAL, "missing_field", "persons",
		    "Thiếu trường bắt buộc \"persons\".");
	if (rc == 0)
		rc = check_visit(st, &v, e);
	if (rc == 0)
		rc = settings_int(st, "mass_threshold", 5, &threshold, e);
	if (rc == 0 && needs_protection(v.classification))
		rc = seal_identity(st, &v, &ident, e);
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO reception_visits"
		    " (session_id, unit_structure, unit_code, unit_path, day, "
		    VISIT_VAL_COLS ", created_by, created_at, updated_at)"
		    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
		    " ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, session_id);
		stmt_bind_int(q, 2, s.own.structure);
		stmt_bind_text(q, 3, s.own.code);
		stmt_bind_text(q, 4, s.own.path);
		stmt_bind_text(q, 5, rec_member(sj, "day"));
		bind_visit_vals(q, 6, &v, ident, threshold);
		rec_bind_creator(q, 23, a);
		stmt_bind_int(q, 24, now);
		stmt_bind_int(q, 25, now);
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_visit(st, a, id, out, &own, &unused, e);
	if (rc == 0)
		rc = audit_visit(st, a, "create", id, &own, NULL, *out, e);
	json_decref(sj);
	return rec_finish(st, rc, out, e);
}

static bool
touches_identity(const struct reception_visit_input *in)
{
	return in->citizen_name != NULL || in->citizen_address != NULL ||
	    in->citizen_id_number != NULL;
}

/* The current values of a visit: its JSON, and for a protected visit the
 * identity opened into *ident (kept alive by the caller). */
static int
visit_current(struct store *st, json_t *before, int64_t identity_id,
    json_t **ident, struct visit_vals *v, struct err *e)
{
	int rc;

	*ident = NULL;
	*v = (struct visit_vals){ rec_member(before, "citizen_name"),
	    rec_member(before, "citizen_address"),
	    rec_member(before, "citizen_id_number"),
	    json_integer_value(json_object_get(before, "persons")),
	    json_integer_value(json_object_get(before, "representatives")),
	    rec_member(before, "content"), rec_member(before, "classification"),
	    rec_member(before, "field"), rec_member(before, "prior_handler"),
	    rec_member(before, "direction"), rec_member(before, "forwarded_to"),
	    rec_member(before, "follow_up"), rec_member(before, "note"),
	    json_is_true(json_object_get(before, "refused")),
	    rec_member(before, "refusal_reason") };
	if (identity_id == 0)
		return 0;
	rc = protect_open(st, identity_id, ident, e);
	if (rc != 0)
		return rc;
	v->name = rec_member(*ident, "name");
	v->address = rec_member(*ident, "address");
	v->id_number = rec_member(*ident, "id_number");
	return 0;
}

/*
 * Edit a visit.  Protection only ever grows: a visit whose identity is
 * sealed stays sealed whatever its new classification (the identity was
 * given as a denouncer's), and an edit of a sealed identity seals the new
 * one and drops the old box.
 */
int
reception_visit_update(struct store *st, const struct actor *a, int64_t id,
    const struct reception_visit_input *in, json_t **out, struct err *e)
{
	json_t *before = NULL, *ident = NULL;
	int64_t old_ident = 0, new_ident = 0, unused;
	struct visit_vals v;
	struct rec_owner own;
	struct stmt *q;
	int threshold, rc;

	*out = NULL;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_visit(st, a, id, &before, &own, &old_ident, e);
	if (rc == 0)
		rc = rec_check_writer(a, WRITER_WHAT, e);
	/* The sealed identity is opened only when the edit changes it. */
	if (rc == 0)
		rc = visit_current(st, before, touches_identity(in) ?
		    old_ident : 0, &ident, &v, e);
	if (rc == 0) {
		visit_overlay(&v, in);
		if (old_ident != 0 && !touches_identity(in))
			v.name = v.address = "-";	/* unchanged, sealed */
		rc = check_visit(st, &v, e);
	}
	if (rc == 0)
		rc = settings_int(st, "mass_threshold", 5, &threshold, e);
	if (rc == 0) {
		new_ident = old_ident;
		if ((old_ident == 0 && needs_protection(v.classification)) ||
		    (old_ident != 0 && touches_identity(in)))
			rc = seal_identity(st, &v, &new_ident, e);
	}
	if (rc == 0)
		rc = store_prepare(st, "UPDATE reception_visits SET"
		    " citizen_name = ?, citizen_address = ?,"
		    " citizen_id_number = ?, identity_id = ?, persons = ?,"
		    " representatives = ?, is_mass = ?, content = ?,"
		    " classification = ?, field = ?, prior_handler = ?,"
		    " direction = ?, forwarded_to = ?, follow_up = ?, note = ?,"
		    " refused = ?, refusal_reason = ?, updated_at = ?"
		    " WHERE id = ?", &q, e);
	if (rc == 0) {
		bind_visit_vals(q, 1, &v, new_ident, threshold);
		stmt_bind_int(q, 18, clock_now());
		stmt_bind_int(q, 19, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0 && old_ident != 0 && new_ident != old_ident)
		rc = store_prepare(st, "DELETE FROM protected_identities"
		    " WHERE id = ?", &q, e);
	if (rc == 0 && old_ident != 0 && new_ident != old_ident) {
		stmt_bind_int(q, 1, old_ident);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = fetch_visit(st, a, id, out, &own, &unused, e);
	if (rc == 0)
		rc = audit_visit(st, a, "update", id, &own, before, *out, e);
	json_decref(ident);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

/* ---- the register (sổ tiếp công dân, Mẫu 03) -------------------------- */

#define REG_COLS							\
	"v.id, v.day, v.citizen_name, v.citizen_address,"		\
	" v.citizen_id_number, v.identity_id, v.content,"		\
	" v.classification, v.persons, v.prior_handler, v.direction,"	\
	" v.forwarded_to, v.follow_up, v.note, v.refused,"		\
	" v.refusal_reason"
#define REG_FROM							\
	" FROM reception_visits v JOIN reception_sessions rs ON"	\
	" rs.id = v.session_id"

/* name_address: "Name, address" (either may be missing). */
static void
reg_name_address(struct buf *b, const char *name, const char *address)
{
	buf_reset(b);
	if (name != NULL)
		buf_add_str(b, name);
	if (name != NULL && address != NULL)
		buf_add_str(b, ", ");
	if (address != NULL)
		buf_add_str(b, address);
}

/*
 * One register row.  Besides the documented columns it carries
 * "direction_code" and "forwarded_to" for the XLSX (columns 8-10); the
 * JSON answer drops them.
 */
static json_t *
reg_row_json(struct stmt *q, int64_t seq)
{
	const char *dir = stmt_col_text(q, 10), *fwd = stmt_col_text(q, 11);
	const char *note = stmt_col_text(q, 13);
	bool sealed = !stmt_col_is_null(q, 5);
	struct buf na, cp, dr, nt;
	json_t *row;

	buf_init(&na, 4096);
	buf_init(&cp, 256);
	buf_init(&dr, 2048);
	buf_init(&nt, 8192);
	if (sealed)
		buf_add_str(&na, SECRET_TEXT);
	else
		reg_name_address(&na, stmt_col_text(q, 2),
		    stmt_col_text(q, 3));
	buf_add_fmt(&cp, "%s; %lld người",
	    vocab_label(vocab_classification, stmt_col_text(q, 7)),
	    (long long)stmt_col_int(q, 8));
	buf_add_str(&dr, vocab_label(vocab_visit_direction, dir));
	if (strcmp(dir, "forward") == 0 && fwd != NULL)
		buf_add_fmt(&dr, ": %s", fwd);
	if (stmt_col_int(q, 14) != 0) {
		buf_add_str(&nt, "Từ chối tiếp");
		if (stmt_col_text(q, 15) != NULL)
			buf_add_fmt(&nt, ": %s", stmt_col_text(q, 15));
		if (note != NULL)
			buf_add_str(&nt, "; ");
	}
	if (note != NULL)
		buf_add_str(&nt, note);
	row = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s,"
	    " s:s, s:o}", "seq", (json_int_t)seq, "day", stmt_col_text(q, 1),
	    "name_address", buf_cstr(&na),
	    "id_number", sealed ? SECRET_TEXT : (stmt_col_text(q, 4) != NULL ?
	    stmt_col_text(q, 4) : ""),
	    "content", stmt_col_text(q, 6),
	    "classification_persons", buf_cstr(&cp),
	    "prior_handler", stmt_col_text(q, 9) != NULL ?
	    stmt_col_text(q, 9) : "",
	    "direction", buf_cstr(&dr),
	    "follow_up", stmt_col_text(q, 12) != NULL ?
	    stmt_col_text(q, 12) : "",
	    "note", buf_cstr(&nt), "direction_code", dir,
	    "forwarded_to", rec_jstr(fwd));
	buf_release(&na);
	buf_release(&cp);
	buf_release(&dr);
	buf_release(&nt);
	return row;
}

/* The register's rows (with the XLSX-only members) into *rows. */
static int
reg_rows(struct store *st, const struct actor *a,
    const struct reception_query *f, json_t **rows, struct err *e)
{
	struct filter c = { .f = f, .a = a, .alias = "v", .org_col = "rs.org_id",
	    .day_col = "v.day", .kind = false };
	struct stmt *q = NULL;
	struct rec_owner own;
	struct buf sql;
	int64_t n = 0;
	int rc;

	*rows = NULL;
	rc = filter_init(st, &c, e);
	if (rc == 0 && f->org_id != 0)
		rc = rec_org_owner_as(st, a, f->org_id, "invalid_param", "org",
		    &own, e);
	if (rc != 0)
		return rc;
	buf_init(&sql, SQL_MAX);
	buf_add_str(&sql, "SELECT " REG_COLS REG_FROM);
	filter_sql(&sql, SCOPE_SQL("v.unit_structure", "v.unit_path"), &c);
	buf_add_str(&sql, " ORDER BY v.day, v.id LIMIT ?");
	rc = buf_error(&sql);
	if (rc == 0)
		rc = store_prepare(st, buf_cstr(&sql), &q, e);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, filter_bind(q, &c), RECEPTION_REGISTER_MAX + 1);
	*rows = json_array();
	for (;;) {
		rc = stmt_step(q, e);
		if (rc != STEP_ROW || n == RECEPTION_REGISTER_MAX)
			break;
		json_array_append_new(*rows, reg_row_json(q, ++n));
	}
	stmt_finalize(q);
	if (rc == STEP_ROW)
		rc = err_set(e, ERR_INVAL, "invalid_param", "from",
		    "Sổ có hơn %d lượt tiếp; hãy chọn khoảng thời gian ngắn "
		    "hơn.", RECEPTION_REGISTER_MAX);
	if (rc < 0) {
		json_decref(*rows);
		*rows = NULL;
		return rc;
	}
	return 0;
}

int
reception_register(struct store *st, const struct actor *a,
    const struct reception_query *f, json_t **out, struct err *e)
{
	json_t *rows, *row;
	size_t i;
	int rc;

	*out = NULL;
	rc = reg_rows(st, a, f, &rows, e);
	if (rc != 0)
		return rc;
	json_array_foreach(rows, i, row)
		json_object_del(row, "forwarded_to");
	*out = json_pack("{s:o, s:I}", "rows", rows, "total",
	    (json_int_t)json_array_size(rows));
	return 0;
}

/* The second title row: the organisation, the unit or the scope. */
static int
reg_subject(struct store *st, const struct actor *a,
    const struct reception_query *f, char *out, size_t n, struct err *e)
{
	struct unit_info info;
	struct rec_owner own;
	int rc;

	if (f->org_id != 0) {
		rc = rec_org_owner_as(st, a, f->org_id, "invalid_param", "org",
		    &own, e);
		if (rc == 0)
			snprintf(out, n, "%s", own.name);
		return rc;
	}
	if (f->unit != NULL || !actor_is_global(a)) {
		rc = f->unit != NULL ? unit_lookup(st, f->structure, f->unit,
		    &info, e) : unit_lookup(st, a->scope_structure,
		    a->scope_code, &info, e);
		if (rc != 0)
			return rc;
		snprintf(out, n, "%s", info.name);
		return 0;
	}
	snprintf(out, n, "%s", "Toàn quốc");
	return 0;
}

static void
vi_date(const char *day, char out[CAL_DATE_LEN])
{
	cal_day d;

	out[0] = '\0';
	if (day != NULL && cal_parse(day, &d) == 0)
		cal_format_vi(d, out);
}

static const struct xlsxw_col reg_cols[] = {
	{ "STT", 6 },
	{ "Ngày tiếp", 12 },
	{ "Họ tên - Địa chỉ", 30 },
	{ "Số CCCD/CMND/Hộ chiếu", 16 },
	{ "Nội dung vụ việc", 40 },
	{ "Phân loại đơn/Số người", 18 },
	{ "Cơ quan đã giải quyết", 20 },
	{ "Thụ lý để giải quyết", 12 },
	{ "Trả lại đơn và hướng dẫn", 12 },
	{ "Chuyển đơn đến cơ quan, tổ chức, đơn vị có thẩm quyền", 22 },
	{ "Theo dõi kết quả giải quyết", 20 },
	{ "Ghi chú", 20 },
};

static int
reg_xlsx_row(struct xlsxw *w, json_t *row, struct err *e)
{
	const char *dir = rec_member(row, "direction_code");
	const char *fwd = rec_member(row, "forwarded_to");
	int y = 0, m = 0, d = 0;
	cal_day day;

	if (cal_parse(rec_member(row, "day"), &day) == 0)
		cal_to_ymd(day, &y, &m, &d);
	xlsxw_row(w, e);
	xlsxw_num(w, (double)json_integer_value(json_object_get(row, "seq")),
	    e);
	xlsxw_date(w, y, m, d, e);
	xlsxw_str(w, rec_member(row, "name_address"), e);
	xlsxw_str(w, rec_member(row, "id_number"), e);
	xlsxw_str(w, rec_member(row, "content"), e);
	xlsxw_str(w, rec_member(row, "classification_persons"), e);
	xlsxw_str(w, rec_member(row, "prior_handler"), e);
	xlsxw_str(w, strcmp(dir, "accept") == 0 ? "x" : NULL, e);
	xlsxw_str(w, strcmp(dir, "guide_and_return") == 0 ? "x" : NULL, e);
	xlsxw_str(w, strcmp(dir, "forward") == 0 ? (fwd != NULL ? fwd : "x") :
	    NULL, e);
	xlsxw_str(w, rec_member(row, "follow_up"), e);
	return xlsxw_str(w, rec_member(row, "note"), e);
}

int
reception_register_xlsx(struct store *st, const struct actor *a,
    const struct reception_query *f, char **data, size_t *len, struct err *e)
{
	char subject[256], from[CAL_DATE_LEN], to[CAL_DATE_LEN], period[96];
	const char *titles[3];
	struct xlsxw_sheet sheet;
	struct xlsxw *w = NULL;
	json_t *rows, *row;
	size_t i, nrows;
	int rc;

	*data = NULL;
	*len = 0;
	rc = reg_rows(st, a, f, &rows, e);
	if (rc == 0)
		rc = reg_subject(st, a, f, subject, sizeof(subject), e);
	if (rc != 0) {
		json_decref(rows);
		return rc;
	}
	nrows = json_array_size(rows);
	vi_date(f->from != NULL ? f->from : (nrows > 0 ?
	    rec_member(json_array_get(rows, 0), "day") : NULL), from);
	vi_date(f->to != NULL ? f->to : (nrows > 0 ?
	    rec_member(json_array_get(rows, nrows - 1), "day") : NULL), to);
	titles[0] = "SỔ TIẾP CÔNG DÂN";
	titles[1] = subject;
	period[0] = '\0';
	if (from[0] != '\0' || to[0] != '\0')
		snprintf(period, sizeof(period), "Từ ngày %s đến ngày %s",
		    from[0] != '\0' ? from : "...", to[0] != '\0' ? to : "...");
	titles[2] = period;
	sheet = (struct xlsxw_sheet){ "Sổ tiếp công dân", titles,
	    period[0] != '\0' ? 3 : 2, reg_cols,
	    sizeof(reg_cols) / sizeof(reg_cols[0]) };
	rc = xlsxw_new(&w, NULL, e);
	if (rc == 0)
		rc = xlsxw_add_sheet(w, &sheet, e);
	json_array_foreach(rows, i, row) {
		if (rc != 0)
			break;
		rc = reg_xlsx_row(w, row, e);
	}
	json_decref(rows);
	if (rc != 0) {
		xlsxw_free(w);
		return rc;
	}
	return xlsxw_finish_bytes(w, XLSX_MAX, data, len, e);
}

/* ---- leaders' duty: rules, schedules, compliance ----------------------- */

static json_t *
rule_row_json(struct stmt *q)
{
	return json_pack("{s:s, s:s, s:s, s:I, s:s, s:s}", "id",
	    stmt_col_text(q, 0), "name", stmt_col_text(q, 1), "per",
	    stmt_col_text(q, 2), "days", (json_int_t)stmt_col_int(q, 3),
	    "status", stmt_col_text(q, 4), "source", stmt_col_text(q, 5));
}

int
reception_duty_rules(struct store *st, json_t **out, struct err *e)
{
	struct stmt *q;
	json_t *items;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT id, name, per, days, status, source"
	    " FROM reception_duty_rules ORDER BY id", &q, e);
	if (rc != 0)
		return rc;
	rc = rec_collect(q, rule_row_json, &items, e);
	if (rc == 0)
		*out = json_pack("{s:o}", "items", items);
	return rc;
}

#define SCHED_COLS							\
	"c.id, c.org_id, o.name, c.unit_structure, c.unit_code,"	\
	" n.name, c.leader_name, c.leader_title, c.rule_id, r.name,"	\
	" r.per, r.days, c.pattern, c.valid_from, c.valid_to,"		\
	" c.created_at, c.updated_at, c.unit_path"
#define SCHED_FROM							\
	" FROM reception_schedules c JOIN organizations o ON o.id ="	\
	" c.org_id JOIN units n ON n.structure = c.unit_structure AND"	\
	" n.code = c.unit_code JOIN reception_duty_rules r ON r.id ="	\
	" c.rule_id"

static json_t *
sched_row_json(struct stmt *q)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN];

	clock_iso(stmt_col_int(q, 15), c);
	clock_iso(stmt_col_int(q, 16), u);
	return json_pack("{s:I, s:{s:I, s:s}, s:{s:I, s:s, s:s}, s:s, s:s,"
	    " s:s, s:{s:s, s:s, s:s, s:I}, s:s, s:s, s:o, s:s, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", "id", (json_int_t)stmt_col_int(q, 1),
	    "name", stmt_col_text(q, 2),
	    "unit", "structure", (json_int_t)stmt_col_int(q, 3),
	    "code", stmt_col_text(q, 4), "name", stmt_col_text(q, 5),
	    "leader_name", stmt_col_text(q, 6),
	    "leader_title", stmt_col_text(q, 7),
	    "rule_id", stmt_col_text(q, 8),
	    "rule", "id", stmt_col_text(q, 8), "name", stmt_col_text(q, 9),
	    "per", stmt_col_text(q, 10),
	    "days", (json_int_t)stmt_col_int(q, 11),
	    "pattern", stmt_col_text(q, 12),
	    "valid_from", stmt_col_text(q, 13),
	    "valid_to", rec_col_str(q, 14),
	    "created_at", c, "updated_at", u);
}

/* What compliance needs about a schedule. */
struct sched {
	struct rec_owner	own;
	char		per[8];
	int		days;
	char		pattern[64];
	cal_day		valid_from, valid_to;	/* valid_to -1: open */
};

static int
fetch_schedule(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct sched *s, struct err *e)
{
	bool inside = false;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " SCHED_COLS SCHED_FROM
	    " WHERE c.id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = sched_row_json(q);
		s->own.structure = (int)stmt_col_int(q, 3);
		snprintf(s->own.code, sizeof(s->own.code), "%s",
		    stmt_col_text(q, 4));
		snprintf(s->own.path, sizeof(s->own.path), "%s",
		    stmt_col_text(q, 17));
		snprintf(s->per, sizeof(s->per), "%s", stmt_col_text(q, 10));
		s->days = (int)stmt_col_int(q, 11);
		snprintf(s->pattern, sizeof(s->pattern), "%s",
		    stmt_col_text(q, 12));
		s->valid_to = -1;
		if (cal_parse(stmt_col_text(q, 13), &s->valid_from) != 0 ||
		    (!stmt_col_is_null(q, 14) &&
		    cal_parse(stmt_col_text(q, 14), &s->valid_to) != 0))
			rc = err_set(e, ERR_INTERNAL, "internal", NULL,
			    "schedule %lld has a bad day", (long long)id);
	}
	stmt_finalize(q);
	if (rc < 0) {
		json_decref(*out);
		*out = NULL;
		return rc;
	}
	if (rc == STEP_ROW)
		rc = actor_in_scope(st, a, s->own.structure, s->own.code,
		    &inside, e);
	if (rc == 0 && !inside) {
		json_decref(*out);
		*out = NULL;
		rc = err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy lịch tiếp công dân.");
	}
	return rc;
}

static int
check_schedule(struct store *st, const struct reception_schedule_input *in,
    struct err *e)
{
	struct stmt *q;
	int rc;

	if (rec_empty(in->leader_name))
		return err_set(e, ERR_INVAL, "invalid_field", "leader_name",
		    "Họ tên lãnh đạo không được để trống.");
	if (rec_empty(in->leader_title))
		return err_set(e, ERR_INVAL, "invalid_field", "leader_title",
		    "Chức vụ lãnh đạo không được để trống.");
	if (!reception_pattern_valid(in->pattern))
		return err_set(e, ERR_INVAL, "invalid_field", "pattern",
		    "Lịch tiếp phải có dạng \"week:N\" (N từ 1 là thứ Hai đến 7"
		    " là Chủ nhật) hoặc \"month:D,D\" (tối đa %d ngày từ 1 đến"
		    " 31).", RECEPTION_PATTERN_MAX_DAYS);
	if (!reception_day_valid(in->valid_from))
		return err_set(e, ERR_INVAL, "invalid_field", "valid_from",
		    "Ngày bắt đầu phải có dạng YYYY-MM-DD.");
	if (in->valid_to != NULL && !reception_day_valid(in->valid_to))
		return err_set(e, ERR_INVAL, "invalid_field", "valid_to",
		    "Ngày kết thúc phải có dạng YYYY-MM-DD.");
	if (in->valid_to != NULL && strcmp(in->valid_to, in->valid_from) < 0)
		return err_set(e, ERR_INVAL, "invalid_field", "valid_to",
		    "Ngày kết thúc không được trước ngày bắt đầu.");
	rc = store_prepare(st, "SELECT 1 FROM reception_duty_rules"
	    " WHERE id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, in->rule_id != NULL ? in->rule_id : "");
	rc = stmt_step(q, e);
	stmt_finalize(q);
	if (rc == STEP_DONE)
		return err_set(e, ERR_INVAL, "invalid_field", "rule_id",
		    "Quy định về trách nhiệm tiếp công dân không tồn tại.");
	return rc < 0 ? rc : 0;
}

int
reception_schedule_create(struct store *st, const struct actor *a,
    const struct reception_schedule_input *in, json_t **out, struct err *e)
{
	struct audit_entry ent;
	struct rec_owner own;
	struct sched s;
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = rec_check_writer(a, WRITER_WHAT, e);
	if (rc == 0 && !in->has_org_id)
		rc = err_set(e, ERR_INVAL, "missing_field", "org_id",
		    "Thiếu trường bắt buộc \"org_id\".");
	if (rc == 0)
		rc = rec_org_owner(st, a, in->org_id, "org_id", &own, e);
	if (rc == 0)
		rc = check_schedule(st, in, e);
	if (rc != 0)
		return rc;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = store_prepare(st, "INSERT INTO reception_schedules (org_id,"
	    " unit_structure, unit_code, unit_path, leader_name, leader_title,"
	    " rule_id, pattern, valid_from, valid_to, created_at, updated_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		stmt_bind_text(q, 5, in->leader_name);
		stmt_bind_text(q, 6, in->leader_title);
		stmt_bind_text(q, 7, in->rule_id);
		stmt_bind_text(q, 8, in->pattern);
		stmt_bind_text(q, 9, in->valid_from);
		stmt_bind_text(q, 10, in->valid_to);
		stmt_bind_int(q, 11, now);
		stmt_bind_int(q, 12, now);
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_schedule(st, a, id, out, &s, e);
	if (rc == 0) {
		ent = (struct audit_entry){ "create", "reception_schedule", id,
		    s.own.structure, s.own.code, s.own.path, NULL, *out };
		rc = audit_record(st, a, &ent, e);
	}
	return rec_finish(st, rc, out, e);
}

int
reception_schedule_list(struct store *st, const struct actor *a,
    const struct reception_query *f, json_t **out, struct err *e)
{
	struct filter c = { .f = f, .a = a, .alias = "c", .org_col = "c.org_id",
	    .day_col = NULL, .kind = false };
	struct list_query lq;
	struct buf from;
	int rc;

	*out = NULL;
	rc = filter_init(st, &c, e);
	if (rc != 0)
		return rc;
	buf_init(&from, SQL_MAX);
	buf_add_str(&from, SCHED_FROM);
	filter_sql(&from, SCOPE_SQL("c.unit_structure", "c.unit_path"), &c);
	rc = buf_error(&from);
	if (rc == 0) {
		lq = (struct list_query){ SCHED_COLS, buf_cstr(&from),
		    "c.valid_from DESC, c.id DESC", filter_bind, &c,
		    sched_row_json, f->limit, f->offset, NULL, NULL, NULL };
		rc = list_run(st, &lq, out, e);
	}
	buf_release(&from);
	return rc;
}

/* Is day d an original planned day of the pattern? */
static bool
pattern_has(int weekday, const int *mdays, size_t n, cal_day d)
{
	int y, m, md;

	if (weekday != 0)
		return cal_weekday(d) == weekday;
	cal_to_ymd(d, &y, &m, &md);
	/* A day beyond the month's length (31 in April) is skipped. */
	for (size_t i = 0; i < n; i++)
		if (mdays[i] == md)
			return true;
	return false;
}

static void
push_day(json_t *arr, cal_day d)
{
	char s[CAL_DATE_LEN];

	cal_format(d, s);
	json_array_append_new(arr, json_string(s));
}

/*
 * Planned days in [from, to]: each day of the pattern inside the
 * schedule's validity, moved to the next working day when it is a rest
 * day or a holiday (R-TCD-18).  A day moved out of the period belongs to
 * the next one, and a day moved in from just before it counts here; two
 * days moved onto the same working day count once.
 */
static json_t *
planned_days(const struct calendar *cal, const struct sched *s, cal_day from,
    cal_day to)
{
	int mdays[RECEPTION_PATTERN_MAX_DAYS], weekday;
	cal_day d, lo, hi, moved, last = -1;
	json_t *arr = json_array();
	size_t n;

	if (!pattern_parse(s->pattern, &weekday, mdays, &n))
		return arr;
	lo = from - SHIFT_MARGIN > s->valid_from ? from - SHIFT_MARGIN :
	    s->valid_from;
	hi = s->valid_to >= 0 && s->valid_to < to ? s->valid_to : to;
	for (d = lo; d <= hi; d++) {
		if (!pattern_has(weekday, mdays, n, d))
			continue;
		moved = calendar_next_working(cal, d);
		if (moved < from || moved > to || moved == last)
			continue;
		push_day(arr, moved);
		last = moved;
	}
	return arr;
}

/*
 * Sessions required in [lo, hi] (the period within the schedule's
 * validity): the rule's days per week or per month times the number of
 * ISO weeks (Monday to Sunday) or calendar months that intersect it.  A
 * partly covered week or month counts whole: the duty is "at least N
 * days per week/month" and a leader can meet it on any day of one.
 */
static int64_t
required_days(const struct sched *s, cal_day lo, cal_day hi)
{
	int y1, m1, y2, m2, d;
	int64_t units;

	if (lo > hi)
		return 0;
	if (strcmp(s->per, "week") == 0) {
		units = ((hi - (cal_weekday(hi) - 1)) -
		    (lo - (cal_weekday(lo) - 1))) / 7 + 1;
	} else {
		cal_to_ymd(lo, &y1, &m1, &d);
		cal_to_ymd(hi, &y2, &m2, &d);
		units = ((int64_t)y2 * 12 + m2) - ((int64_t)y1 * 12 + m1) + 1;
	}
	return units * s->days;
}

static json_t *
first_col_json(struct stmt *q)
{
	return json_string(stmt_col_text(q, 0));
}

/* Distinct days of periodic sessions of the schedule in [from, to]. */
static int
held_days(struct store *st, int64_t id, cal_day from, cal_day to,
    json_t **out, struct err *e)
{
	char f[CAL_DATE_LEN], t[CAL_DATE_LEN];
	struct stmt *q;
	int rc;

	*out = NULL;
	cal_format(from, f);
	cal_format(to, t);
	rc = store_prepare(st, "SELECT DISTINCT day FROM reception_sessions"
	    " WHERE schedule_id = ? AND kind = 'periodic' AND day >= ? AND"
	    " day <= ? ORDER BY day", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	stmt_bind_text(q, 2, f);
	stmt_bind_text(q, 3, t);
	return rec_collect(q, first_col_json, out, e);
}

/* Planned days without a held session (both lists sorted). */
static json_t *
missed_days(json_t *planned, json_t *held)
{
	json_t *out = json_array(), *p;
	size_t i, j = 0, nh = json_array_size(held);
	const char *ps;
	int cmp;

	json_array_foreach(planned, i, p) {
		ps = json_string_value(p);
		cmp = 1;
		for (; j < nh; j++) {
			cmp = strcmp(json_string_value(json_array_get(held, j)),
			    ps);
			if (cmp >= 0)
				break;
		}
		if (j >= nh || cmp != 0)
			json_array_append(out, p);
	}
	return out;
}

/* held / required as a percentage rounded to 2 decimals; null when
 * nothing is required. */
static json_t *
rate_json(int64_t held, int64_t required)
{
	int64_t bp;

	if (required <= 0)
		return json_null();
	bp = (held * 20000 + required) / (2 * required);	/* half up */
	return json_real((double)bp / 100.0);
}

int
reception_compliance(struct store *st, const struct actor *a,
    int64_t schedule_id, const char *period, json_t **out, struct err *e)
{
	char label[PERIOD_LABEL_LEN], f[CAL_DATE_LEN], t[CAL_DATE_LEN];
	json_t *sj = NULL, *planned = NULL, *held = NULL;
	struct calendar *cal = NULL;
	struct period p;
	struct sched s;
	cal_day lo, hi;
	int y1, y2, m, d, rc;
	int64_t required;

	*out = NULL;
	rc = fetch_schedule(st, a, schedule_id, &sj, &s, e);
	if (rc == 0 && period == NULL)
		rc = err_set(e, ERR_INVAL, "invalid_param", "period",
		    "Cần chọn kỳ (ví dụ 2025-Q3).");
	if (rc == 0)
		rc = period_parse(period, 0, &p, e);
	json_decref(sj);
	if (rc != 0)
		return rc;
	cal_to_ymd(p.from - SHIFT_MARGIN, &y1, &m, &d);
	cal_to_ymd(p.to, &y2, &m, &d);
	if (y1 < CAL_YEAR_MIN)
		y1 = CAL_YEAR_MIN;
	rc = calendar_load(st, y1, y2, &cal, e);
	if (rc == 0)
		rc = held_days(st, schedule_id, p.from, p.to, &held, e);
	if (rc != 0) {
		calendar_free(cal);
		return rc;
	}
	planned = planned_days(cal, &s, p.from, p.to);
	calendar_free(cal);
	lo = p.from > s.valid_from ? p.from : s.valid_from;
	hi = s.valid_to >= 0 && s.valid_to < p.to ? s.valid_to : p.to;
	required = required_days(&s, lo, hi);
	period_label_vi(&p, label, sizeof(label));
	cal_format(p.from, f);
	cal_format(p.to, t);
	*out = json_pack("{s:I, s:{s:s, s:s, s:s}, s:I, s:I, s:o, s:o, s:o,"
	    " s:o}", "schedule_id", (json_int_t)schedule_id,
	    "period", "from", f, "to", t, "label", label,
	    "required", (json_int_t)required,
	    "held", (json_int_t)json_array_size(held),
	    "rate", rate_json((int64_t)json_array_size(held), required),
	    "planned", planned, "held_days", held,
	    "missed", missed_days(planned, held));
	return *out != NULL ? 0 : err_set(e, ERR_NOMEM, "internal", NULL,
	    "out of memory");
}
