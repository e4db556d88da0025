/* dialogue.c - dialogue conferences, opinions of the people, leaders'
 * dialogue requirements and their statistics. */
#include "domain/dialogue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/period.h"
#include "core/text.h"
#include "domain/audit.h"
#include "domain/cube.h"
#include "domain/list.h"
#include "domain/record.h"
#include "domain/unit.h"
#include "domain/vocab.h"
#include "store/store.h"

#define SQL_MAX		8192

#define WRITER_WHAT	"dữ liệu đối thoại và ý kiến Nhân dân"

/* ---- small helpers --------------------------------------------------- */

/* A real "YYYY-MM-DD" day, and not after today unless future is true. */
static int
check_day(const char *s, bool future, const char *field, struct err *e)
{
	cal_day d;

	if (s == NULL || cal_parse(s, &d) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", field,
		    "Ngày phải có dạng YYYY-MM-DD.");
	if (!future && d > cal_today())
		return err_set(e, ERR_INVAL, "invalid_field", field,
		    "Ngày không được sau ngày hôm nay.");
	return 0;
}

/* ---- lookup lists ------------------------------------------------------ */

static json_t *
code_row_json(struct stmt *q)
{
	return json_pack("{s:s, s:s}", "code", stmt_col_text(q, 0), "name",
	    stmt_col_text(q, 1));
}

static int
code_list(struct store *st, const char *sql, json_t **out, struct err *e)
{
	json_t *items = NULL;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, sql, &q, e);
	if (rc == 0)
		rc = rec_collect(q, code_row_json, &items, e);
	if (rc == 0)
		*out = json_pack("{s:o}", "items", items);
	return rc;
}

int
dialogue_groups(struct store *st, json_t **out, struct err *e)
{
	return code_list(st, "SELECT code, name FROM dialogue_groups"
	    " ORDER BY sort, code", out, e);
}

int
dialogue_channels(struct store *st, json_t **out, struct err *e)
{
	return code_list(st, "SELECT code, name FROM opinion_channels"
	    " ORDER BY sort, code", out, e);
}

/* ---- list filters ------------------------------------------------------ */

enum kind { K_DIALOGUE, K_OPINION, K_REQUIREMENT };

struct filter {
	const struct dialogue_query	*f;
	const struct actor		*a;
	enum kind			 kind;
	struct rec_subtree		 sub;
	char				 today[CAL_DATE_LEN];
	char				*like;	/* heap */
};

static int
filter_init(struct store *st, struct filter *c, struct err *e)
{
	int rc;

	c->like = NULL;
	cal_format(cal_today(), c->today);
	rc = rec_subtree_init(st, c->f->structure, c->f->unit, "unit", &c->sub,
	    e);
	if (rc != 0)
		return rc;
	if (c->f->q != NULL && text_like_pattern(c->f->q, &c->like) != 0)
		return err_set(e, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm không hợp lệ.");
	return 0;
}

/* WHERE of table alias x. */
static void
filter_sql(struct buf *sql, const struct filter *c)
{
	const struct dialogue_query *f = c->f;

	buf_add_str(sql, " WHERE ");
	buf_add_str(sql, SCOPE_SQL("x.unit_structure", "x.unit_path"));
	if (f->structure != 0)
		buf_add_str(sql, " AND x.unit_structure = ?");
	rec_subtree_sql(sql, "x.unit_path", &c->sub);
	if (f->org_id != 0)
		buf_add_str(sql, " AND x.org_id = ?");
	if (c->kind == K_REQUIREMENT) {
		if (f->year != 0)
			buf_add_str(sql, " AND x.year = ?");
		return;
	}
	if (c->kind == K_DIALOGUE && f->group != NULL)
		buf_add_str(sql, " AND x.target_group = ?");
	if (c->kind == K_OPINION) {
		if (f->channel != NULL)
			buf_add_str(sql, " AND x.channel = ?");
		if (f->field != NULL)
			buf_add_str(sql, " AND x.field = ?");
		if (f->status != NULL)
			buf_add_str(sql, " AND x.status = ?");
		if (f->hot_spot >= 0)
			buf_add_str(sql, " AND x.hot_spot = ?");
		if (f->overdue)
			buf_add_str(sql, " AND x.status = 'forwarded' AND"
			    " x.due_day < ?");
		if (c->like != NULL)
			buf_add_str(sql, " AND x.content_fold LIKE ?"
			    " ESCAPE '\\'");
	}
	if (f->from != NULL)
		buf_add_str(sql, " AND x.day >= ?");
	if (f->to != NULL)
		buf_add_str(sql, " AND x.day <= ?");
}

static int
filter_bind(struct stmt *q, const void *ctxv)
{
	const struct filter *c = ctxv;
	const struct dialogue_query *f = c->f;
	int i = actor_bind_scope(c->a, q, 1);

	if (f->structure != 0)
		stmt_bind_int(q, i++, f->structure);
	i = rec_subtree_bind(q, i, &c->sub);
	if (f->org_id != 0)
		stmt_bind_int(q, i++, f->org_id);
	if (c->kind == K_REQUIREMENT) {
		if (f->year != 0)
			stmt_bind_int(q, i++, f->year);
		return i;
	}
	if (c->kind == K_DIALOGUE && f->group != NULL)
		stmt_bind_text(q, i++, f->group);
	if (c->kind == K_OPINION) {
		if (f->channel != NULL)
			stmt_bind_text(q, i++, f->channel);
		if (f->field != NULL)
			stmt_bind_text(q, i++, f->field);
		if (f->status != NULL)
			stmt_bind_text(q, i++, f->status);
		if (f->hot_spot >= 0)
			stmt_bind_int(q, i++, f->hot_spot);
		if (f->overdue)
			stmt_bind_text(q, i++, c->today);
		if (c->like != NULL)
			stmt_bind_text(q, i++, c->like);
	}
	if (f->from != NULL)
		stmt_bind_text(q, i++, f->from);
	if (f->to != NULL)
		stmt_bind_text(q, i++, f->to);
	return i;
}

static int
run_list(struct store *st, struct filter *c, const char *cols,
    const char *from, const char *order, json_t *(*row)(struct stmt *),
    json_t **out, struct err *e)
{
	/* the table alone ("FROM opinions x") counts and sorts the keys */
	const char *joins = strstr(from, " JOIN ");
	struct list_query lq;
	struct buf sql, count;
	int rc;

	*out = NULL;
	rc = filter_init(st, c, e);
	if (rc != 0) {
		free(c->like);
		return rc;
	}
	buf_init(&sql, SQL_MAX);
	buf_init(&count, SQL_MAX);
	buf_add_str(&sql, from);
	filter_sql(&sql, c);
	buf_add(&count, from, joins != NULL ? (size_t)(joins - from) :
	    strlen(from));
	filter_sql(&count, c);
	rc = buf_error(&sql) != 0 || buf_error(&count) != 0 ? ERR_NOMEM : 0;
	if (rc == 0) {
		lq = (struct list_query){ cols, buf_cstr(&sql), order,
		    filter_bind, c, row, c->f->limit, c->f->offset,
		    buf_cstr(&count), "x.id", from };
		rc = list_run(st, &lq, out, e);
	}
	buf_release(&sql);
	buf_release(&count);
	free(c->like);
	return rc;
}

/* ---- dialogues ----------------------------------------------------------- */

#define DIALOGUE_COLS							\
	"x.id, x.org_id, o.name, x.unit_structure, x.unit_code, n.name,"	\
	" n.level, x.host_name, x.host_title, x.target_group, g.name,"	\
	" x.day, x.place, x.participants, x.minutes, x.note,"		\
	" x.created_at, x.updated_at, x.unit_path, (SELECT COUNT(*) FROM"	\
	" opinions op WHERE op.dialogue_id = x.id)"
#define DIALOGUE_FROM							\
	" FROM dialogues x JOIN organizations o ON o.id = x.org_id"	\
	" JOIN units n ON n.structure = x.unit_structure AND n.code ="	\
	" x.unit_code JOIN dialogue_groups g ON g.code = x.target_group"

static json_t *
dialogue_row_json(struct stmt *q)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN];

	clock_iso(stmt_col_int(q, 16), c);
	clock_iso(stmt_col_int(q, 17), u);
	return json_pack("{s:I, s:{s:I, s:s}, s:{s:I, s:s, s:s, s:s}, s:s,"
	    " s:s, s:s, s:s, s:s, s:s, s:I, s:o, s:o, s:I, s:s, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", "id", (json_int_t)stmt_col_int(q, 1),
	    "name", stmt_col_text(q, 2),
	    "unit", "structure", (json_int_t)stmt_col_int(q, 3),
	    "code", stmt_col_text(q, 4), "name", stmt_col_text(q, 5),
	    "level", stmt_col_text(q, 6),
	    "host_name", stmt_col_text(q, 7),
	    "host_title", stmt_col_text(q, 8),
	    "target_group", stmt_col_text(q, 9),
	    "target_group_name", stmt_col_text(q, 10),
	    "day", stmt_col_text(q, 11),
	    "place", stmt_col_text(q, 12),
	    "participants", (json_int_t)stmt_col_int(q, 13),
	    "minutes", rec_col_str(q, 14), "note", rec_col_str(q, 15),
	    "opinions", (json_int_t)stmt_col_int(q, 19),
	    "created_at", c, "updated_at", u);
}

/* One dialogue visible to a: JSON in *out, its unit in *o. */
static int
fetch_dialogue(struct store *st, const struct actor *a, int64_t id,
    json_t **out, int64_t *org_id, struct rec_owner *o, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " DIALOGUE_COLS DIALOGUE_FROM
	    " WHERE x.id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = dialogue_row_json(q);
		*org_id = stmt_col_int(q, 1);
		o->structure = (int)stmt_col_int(q, 3);
		snprintf(o->code, sizeof(o->code), "%s", stmt_col_text(q, 4));
		snprintf(o->path, sizeof(o->path), "%s", stmt_col_text(q, 18));
	}
	stmt_finalize(q);
	return rec_fetched(st, a, rc, o, out, "hội nghị đối thoại", e);
}

struct dialogue_vals {
	const char	*host_name, *host_title, *target_group, *day, *place;
	const char	*minutes, *note;
	int64_t		 participants;
};

static int
check_dialogue(struct store *st, const struct dialogue_vals *v,
    struct err *e)
{
	bool ok;
	int rc;

	if (rec_empty(v->host_name))
		return err_set(e, ERR_INVAL, "invalid_field", "host_name",
		    "Người chủ trì đối thoại không được để trống.");
	if (rec_empty(v->host_title))
		return err_set(e, ERR_INVAL, "invalid_field", "host_title",
		    "Chức vụ người chủ trì không được để trống.");
	rc = check_day(v->day, false, "day", e);
	if (rc != 0)
		return rc;
	if (rec_empty(v->place))
		return err_set(e, ERR_INVAL, "invalid_field", "place",
		    "Địa điểm đối thoại không được để trống.");
	rc = rec_code_in(st, "SELECT 1 FROM dialogue_groups WHERE code = ?",
	    v->target_group, &ok, e);
	if (rc == 0 && !ok)
		rc = err_set(e, ERR_INVAL, "invalid_field", "target_group",
		    "Đối tượng đối thoại không hợp lệ.");
	return rc;
}

static void
bind_dialogue_vals(struct stmt *q, int i, const struct dialogue_vals *v)
{
	stmt_bind_text(q, i++, v->host_name);
	stmt_bind_text(q, i++, v->host_title);
	stmt_bind_text(q, i++, v->target_group);
	stmt_bind_text(q, i++, v->day);
	stmt_bind_text(q, i++, v->place);
	stmt_bind_int(q, i++, v->participants);
	stmt_bind_text(q, i++, v->minutes);
	stmt_bind_text(q, i, v->note);
}

int
dialogue_create(struct store *st, const struct actor *a,
    const struct dialogue_input *in, json_t **out, struct err *e)
{
	struct dialogue_vals v = { in->host_name, in->host_title,
	    in->target_group, in->day, in->place, rec_opt(in->minutes),
	    rec_opt(in->note), in->participants };
	struct rec_owner own;
	struct stmt *q;
	int64_t id = 0, org = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = rec_check_writer(a, WRITER_WHAT, e);
	if (rc == 0)
		rc = rec_org_owner(st, a, in->org_id, "org_id", &own, e);
	if (rc == 0)
		rc = check_dialogue(st, &v, e);
	if (rc != 0)
		return rc;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = store_prepare(st, "INSERT INTO dialogues (org_id, unit_structure,"
	    " unit_code, unit_path, host_name, host_title, target_group, day,"
	    " place, participants, minutes, note, created_by, created_at,"
	    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	    " RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		bind_dialogue_vals(q, 5, &v);
		rec_bind_creator(q, 13, a);
		stmt_bind_int(q, 14, now);
		stmt_bind_int(q, 15, now);
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_dialogue(st, a, id, out, &org, &own, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "dialogue", id, &own, NULL, *out, e);
	return rec_finish(st, rc, out, e);
}

int
dialogue_update(struct store *st, const struct actor *a, int64_t id,
    const struct dialogue_input *in, json_t **out, struct err *e)
{
	struct dialogue_vals v;
	json_t *before = NULL;
	struct rec_owner own;
	struct stmt *q;
	int64_t org = 0;
	int rc;

	*out = NULL;
	if (in->has_org_id)
		return err_set(e, ERR_INVAL, "unknown_field", "org_id",
		    "Không thể chuyển hội nghị đối thoại sang tổ chức khác.");
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_dialogue(st, a, id, &before, &org, &own, e);
	if (rc == 0)
		rc = rec_check_writer(a, WRITER_WHAT, e);
	if (rc == 0) {
		v = (struct dialogue_vals){ rec_member(before, "host_name"),
		    rec_member(before, "host_title"),
		    rec_member(before, "target_group"), rec_member(before, "day"),
		    rec_member(before, "place"), rec_member(before, "minutes"),
		    rec_member(before, "note"), json_integer_value(
		    json_object_get(before, "participants")) };
		if (in->host_name != NULL)
			v.host_name = in->host_name;
		if (in->host_title != NULL)
			v.host_title = in->host_title;
		if (in->target_group != NULL)
			v.target_group = in->target_group;
		if (in->day != NULL)
			v.day = in->day;
		if (in->place != NULL)
			v.place = in->place;
		if (in->minutes != NULL)
			v.minutes = rec_opt(in->minutes);
		if (in->note != NULL)
			v.note = rec_opt(in->note);
		if (in->has_participants)
			v.participants = in->participants;
		rc = check_dialogue(st, &v, e);
	}
	if (rc == 0)
		rc = store_prepare(st, "UPDATE dialogues SET host_name = ?,"
		    " host_title = ?, target_group = ?, day = ?, place = ?,"
		    " participants = ?, minutes = ?, note = ?, updated_at = ?"
		    " WHERE id = ?", &q, e);
	if (rc == 0) {
		bind_dialogue_vals(q, 1, &v);
		stmt_bind_int(q, 9, clock_now());
		stmt_bind_int(q, 10, id);
		rc = stmt_step_done(q, e);
	}
	/* An opinion raised at a dialogue has the dialogue's day. */
	if (rc == 0)
		rc = store_prepare(st, "UPDATE opinions SET day = ? WHERE"
		    " dialogue_id = ? AND day <> ?", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, v.day);
		stmt_bind_int(q, 2, id);
		stmt_bind_text(q, 3, v.day);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = fetch_dialogue(st, a, id, out, &org, &own, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "dialogue", id, &own, before, *out,
		    e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

int
dialogue_list(struct store *st, const struct actor *a,
    const struct dialogue_query *f, json_t **out, struct err *e)
{
	struct filter c = { .f = f, .a = a, .kind = K_DIALOGUE };

	return run_list(st, &c, DIALOGUE_COLS, DIALOGUE_FROM,
	    "x.day DESC, x.id DESC", dialogue_row_json, out, e);
}

/* ---- opinions ------------------------------------------------------------ */

#define OPINION_COLS							\
	"x.id, x.org_id, o.name, x.unit_structure, x.unit_code, n.name,"	\
	" x.channel, x.dialogue_id, x.day, x.raised_by, x.place,"	\
	" x.content, x.field, x.hot_spot, x.reported_to, x.status,"	\
	" x.forwarded_to, x.due_day, x.answer, x.answered_day,"		\
	" x.created_at, x.updated_at, x.unit_path"
#define OPINION_FROM							\
	" FROM opinions x JOIN organizations o ON o.id = x.org_id"	\
	" JOIN units n ON n.structure = x.unit_structure AND n.code ="	\
	" x.unit_code"

static json_t *
opinion_row_json(struct stmt *q)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN], today[CAL_DATE_LEN];
	const char *status = stmt_col_text(q, 15), *due = stmt_col_text(q, 17);

	clock_iso(stmt_col_int(q, 20), c);
	clock_iso(stmt_col_int(q, 21), u);
	cal_format(cal_today(), today);
	return json_pack("{s:I, s:{s:I, s:s}, s:{s:I, s:s, s:s}, s:s, s:o,"
	    " s:s, s:o, s:o, s:s, s:s, s:b, s:o, s:s, s:o, s:o, s:o, s:o,"
	    " s:b, s:s, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", "id", (json_int_t)stmt_col_int(q, 1),
	    "name", stmt_col_text(q, 2),
	    "unit", "structure", (json_int_t)stmt_col_int(q, 3),
	    "code", stmt_col_text(q, 4), "name", stmt_col_text(q, 5),
	    "channel", stmt_col_text(q, 6),
	    "dialogue_id", stmt_col_is_null(q, 7) ? json_null() :
	    json_integer(stmt_col_int(q, 7)),
	    "day", stmt_col_text(q, 8),
	    "raised_by", rec_col_str(q, 9), "place", rec_col_str(q, 10),
	    "content", stmt_col_text(q, 11), "field", stmt_col_text(q, 12),
	    "hot_spot", stmt_col_int(q, 13) != 0,
	    "reported_to", rec_col_str(q, 14), "status", status,
	    "forwarded_to", rec_col_str(q, 16), "due_day", rec_col_str(q, 17),
	    "answer", rec_col_str(q, 18), "answered_day", rec_col_str(q, 19),
	    "overdue", strcmp(status, "forwarded") == 0 && due != NULL &&
	    strcmp(due, today) < 0,
	    "created_at", c, "updated_at", u);
}

static int
fetch_opinion(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct rec_owner *o, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " OPINION_COLS OPINION_FROM
	    " WHERE x.id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = opinion_row_json(q);
		o->structure = (int)stmt_col_int(q, 3);
		snprintf(o->code, sizeof(o->code), "%s", stmt_col_text(q, 4));
		snprintf(o->path, sizeof(o->path), "%s", stmt_col_text(q, 22));
	}
	stmt_finalize(q);
	return rec_fetched(st, a, rc, o, out, "ý kiến, kiến nghị", e);
}

/* Opinions of a dialogue in order, as a JSON array. */
static int
dialogue_opinions(struct store *st, int64_t id, json_t **out, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "SELECT " OPINION_COLS OPINION_FROM
	    " WHERE x.dialogue_id = ? ORDER BY x.id", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	return rec_collect(q, opinion_row_json, out, e);
}

int
dialogue_check_access(struct store *st, const struct actor *a, int64_t id,
    int *structure, char *code, char *path, struct err *e)
{
	struct rec_owner own;
	json_t *d = NULL;
	int64_t org;
	int rc;

	rc = fetch_dialogue(st, a, id, &d, &org, &own, e);
	json_decref(d);
	if (rc != 0)
		return rc;
	*structure = own.structure;
	snprintf(code, UNIT_CODE_MAX, "%s", own.code);
	snprintf(path, UNIT_PATH_MAX, "%s", own.path);
	return 0;
}

/* The files of dialogue id, oldest first. */
static int
dialogue_files(struct store *st, int64_t id, json_t **out, struct err *e)
{
	char at[ISO_TIME_LEN];
	struct stmt *q;
	json_t *arr;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT id, name, mime, size, sha256,"
	    " created_at FROM dialogue_attachments WHERE dialogue_id = ?"
	    " ORDER BY id", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	arr = json_array();
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e)) {
		clock_iso(stmt_col_int(q, 5), at);
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:I,"
		    " s:s, s:s}", "id", (json_int_t)stmt_col_int(q, 0),
		    "name", stmt_col_text(q, 1), "mime", stmt_col_text(q, 2),
		    "size", (json_int_t)stmt_col_int(q, 3), "sha256",
		    stmt_col_text(q, 4), "created_at", at));
	}
	stmt_finalize(q);
	if (rc < 0) {
		json_decref(arr);
		return rc;
	}
	*out = arr;
	return 0;
}

int
dialogue_get(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct err *e)
{
	json_t *d = NULL, *ops = NULL, *files = NULL;
	struct rec_owner own;
	int64_t org;
	int rc;

	*out = NULL;
	rc = fetch_dialogue(st, a, id, &d, &org, &own, e);
	if (rc == 0)
		rc = dialogue_opinions(st, id, &ops, e);
	if (rc == 0)
		rc = dialogue_files(st, id, &files, e);
	if (rc != 0) {
		json_decref(d);
		json_decref(ops);
		return rc;
	}
	*out = json_pack("{s:o, s:o, s:o}", "dialogue", d, "opinions", ops,
	    "attachments", files);
	return 0;
}

struct opinion_vals {
	const char	*channel, *day, *raised_by, *place, *content, *field;
	const char	*reported_to;
	bool		 hot_spot;
};

static int
check_opinion(struct store *st, const struct opinion_vals *v, bool dialogue,
    struct err *e)
{
	bool ok;
	int rc;

	if (rec_empty(v->content))
		return err_set(e, ERR_INVAL, "invalid_field", "content",
		    "Nội dung ý kiến không được để trống.");
	rc = vocab_field_exists(st, v->field != NULL ? v->field : "", &ok, e);
	if (rc == 0 && !ok)
		rc = err_set(e, ERR_INVAL, "invalid_field", "field",
		    "Lĩnh vực không hợp lệ.");
	if (rc != 0 || dialogue)
		return rc;
	rc = rec_code_in(st, "SELECT 1 FROM opinion_channels WHERE code = ?",
	    v->channel, &ok, e);
	if (rc == 0 && !ok)
		rc = err_set(e, ERR_INVAL, "invalid_field", "channel",
		    "Kênh tiếp nhận ý kiến không hợp lệ.");
	if (rc == 0 && strcmp(v->channel, "dialogue") == 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "channel",
		    "Ý kiến tại hội nghị đối thoại được ghi qua hội nghị đó.");
	if (rc == 0)
		rc = check_day(v->day, false, "day", e);
	return rc;
}

int
opinion_create(struct store *st, const struct actor *a, int64_t dialogue_id,
    const struct opinion_input *in, json_t **out, struct err *e)
{
	struct opinion_vals v = { in->channel, in->day, rec_opt(in->raised_by),
	    rec_opt(in->place), in->content, in->field, rec_opt(in->reported_to),
	    in->has_hot_spot && in->hot_spot };
	json_t *d = NULL;
	char *fold = NULL, *dday = NULL, *dplace = NULL;
	struct rec_owner own;
	struct stmt *q;
	int64_t id = 0, org = in->org_id, now = clock_now();
	int rc;

	*out = NULL;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	if (dialogue_id > 0) {
		rc = fetch_dialogue(st, a, dialogue_id, &d, &org, &own, e);
		if (rc == 0 && (in->has_org_id || in->channel != NULL ||
		    in->day != NULL))
			rc = err_set(e, ERR_INVAL, "unknown_field",
			    in->has_org_id ? "org_id" : in->channel != NULL ?
			    "channel" : "day", "Ý kiến tại hội nghị lấy tổ "
			    "chức, kênh và ngày của hội nghị.");
		if (rc == 0) {
			dday = strdup(rec_member(d, "day"));
			dplace = strdup(rec_member(d, "place"));
			v.channel = "dialogue";
			v.day = dday;
			if (v.place == NULL)
				v.place = dplace;
		}
		json_decref(d);
	}
	if (rc == 0)
		rc = rec_check_writer(a, WRITER_WHAT, e);
	if (rc == 0 && dialogue_id <= 0)
		rc = rec_org_owner(st, a, in->org_id, "org_id", &own, e);
	if (rc == 0)
		rc = check_opinion(st, &v, dialogue_id > 0, e);
	if (rc == 0 && text_fold(v.content, &fold) != 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "content",
		    "Nội dung ý kiến không hợp lệ.");
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO opinions (org_id,"
		    " unit_structure, unit_code, unit_path, channel,"
		    " dialogue_id, day, raised_by, place, content,"
		    " content_fold, field, hot_spot, reported_to, status,"
		    " created_by, created_at, updated_at) VALUES (?, ?, ?, ?,"
		    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)"
		    " RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, org);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		stmt_bind_text(q, 5, v.channel);
		if (dialogue_id > 0)
			stmt_bind_int(q, 6, dialogue_id);
		else
			stmt_bind_null(q, 6);
		stmt_bind_text(q, 7, v.day);
		stmt_bind_text(q, 8, v.raised_by);
		stmt_bind_text(q, 9, v.place);
		stmt_bind_text(q, 10, v.content);
		stmt_bind_text(q, 11, fold);
		stmt_bind_text(q, 12, v.field);
		stmt_bind_int(q, 13, v.hot_spot ? 1 : 0);
		stmt_bind_text(q, 14, v.reported_to);
		rec_bind_creator(q, 15, a);
		stmt_bind_int(q, 16, now);
		stmt_bind_int(q, 17, now);
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_opinion(st, a, id, out, &own, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "opinion", id, &own, NULL, *out, e);
	free(fold);
	free(dday);
	free(dplace);
	return rec_finish(st, rc, out, e);
}

int
opinion_get(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct err *e)
{
	struct rec_owner own;

	return fetch_opinion(st, a, id, out, &own, e);
}

int
opinion_list(struct store *st, const struct actor *a,
    const struct dialogue_query *f, json_t **out, struct err *e)
{
	struct filter c = { .f = f, .a = a, .kind = K_OPINION };

	return run_list(st, &c, OPINION_COLS, OPINION_FROM,
	    "x.day DESC, x.id DESC", opinion_row_json, out, e);
}

int
opinion_update(struct store *st, const struct actor *a, int64_t id,
    const struct opinion_input *in, json_t **out, struct err *e)
{
	struct opinion_vals v;
	json_t *before = NULL;
	char *fold = NULL;
	struct rec_owner own;
	struct stmt *q;
	bool dialogue = false;
	int rc;

	*out = NULL;
	memset(&v, 0, sizeof(v));
	if (in->has_org_id)
		return err_set(e, ERR_INVAL, "unknown_field", "org_id",
		    "Không thể chuyển ý kiến sang tổ chức khác.");
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_opinion(st, a, id, &before, &own, e);
	if (rc == 0)
		rc = rec_check_writer(a, WRITER_WHAT, e);
	if (rc == 0) {
		dialogue = !json_is_null(json_object_get(before,
		    "dialogue_id"));
		v = (struct opinion_vals){ rec_member(before, "channel"),
		    rec_member(before, "day"), rec_member(before, "raised_by"),
		    rec_member(before, "place"), rec_member(before, "content"),
		    rec_member(before, "field"), rec_member(before, "reported_to"),
		    json_is_true(json_object_get(before, "hot_spot")) };
		if (dialogue && (in->channel != NULL || in->day != NULL))
			rc = err_set(e, ERR_INVAL, "unknown_field",
			    in->channel != NULL ? "channel" : "day",
			    "Ý kiến tại hội nghị lấy kênh và ngày của hội "
			    "nghị.");
		if (in->channel != NULL)
			v.channel = in->channel;
		if (in->day != NULL)
			v.day = in->day;
		if (in->raised_by != NULL)
			v.raised_by = rec_opt(in->raised_by);
		if (in->place != NULL)
			v.place = rec_opt(in->place);
		if (in->content != NULL)
			v.content = in->content;
		if (in->field != NULL)
			v.field = in->field;
		if (in->reported_to != NULL)
			v.reported_to = rec_opt(in->reported_to);
		if (in->has_hot_spot)
			v.hot_spot = in->hot_spot;
	}
	if (rc == 0)
		rc = check_opinion(st, &v, dialogue, e);
	if (rc == 0 && text_fold(v.content, &fold) != 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "content",
		    "Nội dung ý kiến không hợp lệ.");
	if (rc == 0)
		rc = store_prepare(st, "UPDATE opinions SET channel = ?,"
		    " day = ?, raised_by = ?, place = ?, content = ?,"
		    " content_fold = ?, field = ?, hot_spot = ?,"
		    " reported_to = ?, updated_at = ? WHERE id = ?", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, v.channel);
		stmt_bind_text(q, 2, v.day);
		stmt_bind_text(q, 3, v.raised_by);
		stmt_bind_text(q, 4, v.place);
		stmt_bind_text(q, 5, v.content);
		stmt_bind_text(q, 6, fold);
		stmt_bind_text(q, 7, v.field);
		stmt_bind_int(q, 8, v.hot_spot ? 1 : 0);
		stmt_bind_text(q, 9, v.reported_to);
		stmt_bind_int(q, 10, clock_now());
		stmt_bind_int(q, 11, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = fetch_opinion(st, a, id, out, &own, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "opinion", id, &own, before, *out,
		    e);
	free(fold);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

static int
check_response(const struct opinion_response *in, const char *raised,
    struct err *e)
{
	const char *s = in->status;
	int rc;

	if (s == NULL || (strcmp(s, "answered") != 0 &&
	    strcmp(s, "studying") != 0 && strcmp(s, "forwarded") != 0 &&
	    strcmp(s, "closed") != 0))
		return err_set(e, ERR_INVAL, "invalid_field", "status",
		    "Trạng thái phải là answered, studying, forwarded hoặc "
		    "closed.");
	rc = check_day(in->day, false, "day", e);
	if (rc == 0 && strcmp(in->day, raised) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "day",
		    "Ngày trả lời không được trước ngày tiếp nhận ý kiến.");
	if (rc != 0)
		return rc;
	if (strcmp(s, "forwarded") == 0) {
		if (in->due_day == NULL)
			return err_set(e, ERR_INVAL, "missing_field", "due_day",
			    "Chuyển cơ quan có thẩm quyền phải có hạn trả "
			    "lời (due_day).");
		rc = check_day(in->due_day, true, "due_day", e);
		if (rc == 0 && strcmp(in->due_day, in->day) < 0)
			rc = err_set(e, ERR_INVAL, "invalid_field", "due_day",
			    "Hạn trả lời không được trước ngày chuyển.");
		return rc;
	}
	if (in->due_day != NULL || in->forwarded_to != NULL)
		return err_set(e, ERR_INVAL, "invalid_field",
		    in->due_day != NULL ? "due_day" : "forwarded_to",
		    "Chỉ ý kiến chuyển cơ quan có thẩm quyền mới có nơi nhận "
		    "và hạn trả lời.");
	if ((strcmp(s, "answered") == 0 || strcmp(s, "closed") == 0) &&
	    rec_empty(in->answer))
		return err_set(e, ERR_INVAL, "missing_field", "answer",
		    "Cần ghi nội dung trả lời (answer).");
	return 0;
}

/*
 * The follow-up only moves on: open -> answered | studying | forwarded;
 * studying -> forwarded | answered; answered, forwarded -> closed.
 */
static const char *
step_label(const char *status)
{
	static const char *const steps[][2] = {
		{ "open", "mới ghi nhận" }, { "answered", "đã trả lời" },
		{ "studying", "tiếp thu, nghiên cứu" },
		{ "forwarded", "đã chuyển cơ quan có thẩm quyền" },
		{ "closed", "đã kết thúc" },
	};

	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (strcmp(status, steps[i][0]) == 0)
			return steps[i][1];
	return status;
}

static bool
response_allowed(const char *from, const char *to)
{
	if (strcmp(to, "closed") == 0 || strcmp(from, "open") == 0)
		return true;
	if (strcmp(from, "studying") == 0)
		return strcmp(to, "forwarded") == 0 ||
		    strcmp(to, "answered") == 0;
	return false;
}

int
opinion_respond(struct store *st, const struct actor *a, int64_t id,
    const struct opinion_response *in, json_t **out, struct err *e)
{
	json_t *before = NULL;
	struct rec_owner own;
	struct stmt *q;
	const char *s = in->status;
	bool fwd, done;
	int rc;

	*out = NULL;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_opinion(st, a, id, &before, &own, e);
	if (rc == 0)
		rc = rec_check_writer(a, WRITER_WHAT, e);
	if (rc == 0 && strcmp(rec_member(before, "status"), "closed") == 0)
		rc = err_set(e, ERR_EXISTS, "conflict", NULL,
		    "Ý kiến đã kết thúc theo dõi.");
	if (rc == 0)
		rc = check_response(in, rec_member(before, "day"), e);
	if (rc == 0 && !response_allowed(rec_member(before, "status"), s))
		rc = err_set(e, ERR_EXISTS, "invalid_state", "status",
		    "Ý kiến đang ở bước \"%s\", không chuyển sang \"%s\".",
		    step_label(rec_member(before, "status")), step_label(s));
	if (rc == 0)
		rc = store_prepare(st, "UPDATE opinions SET status = ?,"
		    " forwarded_to = ?, due_day = ?, answer = ?,"
		    " answered_day = ?, updated_at = ? WHERE id = ?", &q, e);
	if (rc == 0) {
		fwd = strcmp(s, "forwarded") == 0;
		done = strcmp(s, "answered") == 0 || strcmp(s, "closed") == 0;
		stmt_bind_text(q, 1, s);
		/* Closing keeps where it was forwarded and by when. */
		stmt_bind_text(q, 2, fwd ? rec_opt(in->forwarded_to) :
		    strcmp(s, "closed") == 0 ? rec_member(before, "forwarded_to") :
		    NULL);
		stmt_bind_text(q, 3, fwd ? in->due_day : strcmp(s, "closed") == 0 ?
		    rec_member(before, "due_day") : NULL);
		stmt_bind_text(q, 4, rec_opt(in->answer));
		stmt_bind_text(q, 5, done ? in->day : NULL);
		stmt_bind_int(q, 6, clock_now());
		stmt_bind_int(q, 7, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = fetch_opinion(st, a, id, out, &own, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "opinion", id, &own, before, *out,
		    e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

/* ---- requirements -------------------------------------------------------- */

#define REQ_COLS							\
	"x.id, x.org_id, o.name, x.unit_structure, x.unit_code, n.name,"	\
	" x.host_title, x.year, x.required, x.created_at, x.updated_at,"	\
	" x.unit_path"
#define REQ_FROM							\
	" FROM dialogue_requirements x JOIN organizations o ON o.id ="	\
	" x.org_id JOIN units n ON n.structure = x.unit_structure AND"	\
	" n.code = x.unit_code"

static json_t *
req_row_json(struct stmt *q)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN];

	clock_iso(stmt_col_int(q, 9), c);
	clock_iso(stmt_col_int(q, 10), u);
	return json_pack("{s:I, s:{s:I, s:s}, s:{s:I, s:s, s:s}, s:s, s:I,"
	    " s:I, s:s, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", "id", (json_int_t)stmt_col_int(q, 1),
	    "name", stmt_col_text(q, 2),
	    "unit", "structure", (json_int_t)stmt_col_int(q, 3),
	    "code", stmt_col_text(q, 4), "name", stmt_col_text(q, 5),
	    "host_title", stmt_col_text(q, 6),
	    "year", (json_int_t)stmt_col_int(q, 7),
	    "required", (json_int_t)stmt_col_int(q, 8),
	    "created_at", c, "updated_at", u);
}

int
dialogue_requirement_list(struct store *st, const struct actor *a,
    const struct dialogue_query *f, json_t **out, struct err *e)
{
	struct filter c = { .f = f, .a = a, .kind = K_REQUIREMENT };

	return run_list(st, &c, REQ_COLS, REQ_FROM,
	    "x.year DESC, x.org_id, x.host_title", req_row_json, out, e);
}

int
dialogue_requirement_put(struct store *st, const struct actor *a,
    const struct dialogue_requirement_input *in, json_t **out,
    bool *created, struct err *e)
{
	json_t *before = NULL;
	struct rec_owner own;
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	*created = false;
	if (a->role != ROLE_SYSADMIN && a->role != ROLE_UNIT_ADMIN)
		return err_set(e, ERR_PERM, "forbidden", NULL,
		    "Chỉ quản trị viên được đặt yêu cầu đối thoại.");
	rc = rec_org_owner(st, a, in->org_id, "org_id", &own, e);
	if (rc == 0 && rec_empty(in->host_title))
		rc = err_set(e, ERR_INVAL, "invalid_field", "host_title",
		    "Chức vụ người chủ trì không được để trống.");
	if (rc != 0)
		return rc;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = store_prepare(st, "SELECT " REQ_COLS REQ_FROM " WHERE"
	    " x.org_id = ? AND x.host_title = ? AND x.year = ?", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_text(q, 2, in->host_title);
		stmt_bind_int(q, 3, in->year);
		rc = stmt_step(q, e);
		if (rc == STEP_ROW) {
			before = req_row_json(q);
			id = stmt_col_int(q, 0);
		}
		stmt_finalize(q);
		rc = rc < 0 ? rc : 0;
	}
	if (rc == 0 && before != NULL)
		rc = store_prepare(st, "UPDATE dialogue_requirements SET"
		    " required = ?, updated_at = ? WHERE id = ?", &q, e);
	if (rc == 0 && before != NULL) {
		stmt_bind_int(q, 1, in->required);
		stmt_bind_int(q, 2, now);
		stmt_bind_int(q, 3, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0 && before == NULL)
		rc = store_prepare(st, "INSERT INTO dialogue_requirements"
		    " (org_id, unit_structure, unit_code, unit_path,"
		    " host_title, year, required, created_at, updated_at)"
		    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", &q, e);
	if (rc == 0 && before == NULL) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		stmt_bind_text(q, 5, in->host_title);
		stmt_bind_int(q, 6, in->year);
		stmt_bind_int(q, 7, in->required);
		stmt_bind_int(q, 8, now);
		stmt_bind_int(q, 9, now);
		rc = stmt_step_id(q, &id, e);
		*created = rc == 0;
	}
	if (rc == 0)
		rc = store_prepare(st, "SELECT " REQ_COLS REQ_FROM
		    " WHERE x.id = ?", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, id);
		rc = stmt_step(q, e);
		if (rc == STEP_ROW)
			*out = req_row_json(q);
		stmt_finalize(q);
		rc = rc == STEP_ROW ? 0 : (rc < 0 ? rc : ERR_INTERNAL);
	}
	if (rc == 0)
		rc = rec_audit(st, a, before != NULL ? "update" : "create",
		    "dialogue_requirement", id, &own, before, *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

static json_t *
compliance_row_json(struct stmt *q)
{
	json_int_t req = stmt_col_int(q, 4), held = stmt_col_int(q, 5);

	return json_pack("{s:I, s:{s:I, s:s}, s:s, s:I, s:I, s:I, s:o}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", "id", (json_int_t)stmt_col_int(q, 1),
	    "name", stmt_col_text(q, 2),
	    "host_title", stmt_col_text(q, 3),
	    "year", (json_int_t)stmt_col_int(q, 6),
	    "required", req, "held", held,
	    "rate", req > 0 ? json_real((double)(json_int_t)((double)held *
	    10000.0 / (double)req + 0.5) / 100.0) : json_null());
}

int
dialogue_compliance(struct store *st, const struct actor *a,
    const struct dialogue_query *f, json_t **out, struct err *e)
{
	struct filter c = { .f = f, .a = a, .kind = K_REQUIREMENT };
	json_t *items = NULL;
	struct stmt *q;
	struct buf sql;
	int rc;

	*out = NULL;
	rc = filter_init(st, &c, e);
	if (rc != 0)
		return rc;
	buf_init(&sql, SQL_MAX);
	/* Held: dialogues of the organisation with that host title in the
	 * calendar year. */
	buf_add_str(&sql, "SELECT x.id, x.org_id, o.name, x.host_title,"
	    " x.required, (SELECT COUNT(*) FROM dialogues d WHERE d.org_id ="
	    " x.org_id AND d.host_title = x.host_title AND d.day >="
	    " CAST(x.year AS TEXT) || '-01-01' AND d.day <= CAST(x.year AS"
	    " TEXT) || '-12-31'), x.year" REQ_FROM);
	filter_sql(&sql, &c);
	buf_add_str(&sql, " ORDER BY x.year DESC, o.name, x.host_title"
	    " LIMIT 1000");
	rc = buf_error(&sql);
	if (rc == 0)
		rc = store_prepare(st, buf_cstr(&sql), &q, e);
	if (rc == 0) {
		filter_bind(q, &c);
		rc = rec_collect(q, compliance_row_json, &items, e);
	}
	buf_release(&sql);
	if (rc == 0)
		*out = json_pack("{s:o, s:o}", "year", f->year != 0 ?
		    json_integer(f->year) : json_null(), "items", items);
	return rc;
}

/* ---- statistics ------------------------------------------------------------ */

struct sctx {
	const struct actor	*sub;
	struct cube		 cube;
	char			 from[CAL_DATE_LEN], to[CAL_DATE_LEN];
	char			 today[CAL_DATE_LEN];
};

#define IN_PERIOD(t)							\
	" WHERE " SCOPE_SQL(t ".unit_structure", t ".unit_path")	\
	" AND " t ".day >= ? AND " t ".day <= ?"

/* Run sql (scope then from, to, then extra) and hand rows to fn. */
static int
each(struct store *st, const struct sctx *c, const char *sql,
    const char *extra, void (*fn)(struct stmt *q, json_t *acc), json_t *acc,
    struct err *e)
{
	struct stmt *q;
	int i, rc;

	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	i = actor_bind_scope(c->sub, q, 1);
	stmt_bind_text(q, i++, c->from);
	stmt_bind_text(q, i++, c->to);
	if (extra != NULL)
		stmt_bind_text(q, i, extra);
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e))
		fn(q, acc);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static void
put_pair(struct stmt *q, json_t *acc)
{
	json_object_set_new(acc, "0", json_integer(stmt_col_int(q, 0)));
	if (stmt_column_count(q) > 1)
		json_object_set_new(acc, "1", json_integer(stmt_col_int(q,
		    1)));
}

static void
put_group(struct stmt *q, json_t *acc)
{
	json_object_set_new(acc, stmt_col_text(q, 0),
	    json_integer(stmt_col_int(q, 1)));
}

static void
put_field(struct stmt *q, json_t *acc)
{
	json_array_append_new(acc, json_pack("{s:s, s:s, s:I}", "code",
	    stmt_col_text(q, 0), "name", stmt_col_text(q, 1), "count",
	    (json_int_t)stmt_col_int(q, 2)));
}

/* A zero count for every code of sql missing from obj. */
static int
fill_zero(struct store *st, const char *sql, json_t *obj, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e))
		if (json_object_get(obj, stmt_col_text(q, 0)) == NULL)
			json_object_set_new(obj, stmt_col_text(q, 0),
			    json_integer(0));
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static json_int_t
num(json_t *o, const char *k)
{
	return json_integer_value(json_object_get(o, k));
}

/* The opinions' counts of stats_run(), from the records. */
static int
opinion_raw(struct store *st, const struct sctx *c, json_t *ov,
    json_t *chans, json_t *fields, json_t *status, json_t *hot,
    json_t *late, struct err *e)
{
	int rc;

	rc = each(st, c, "SELECT COUNT(*) FROM opinions x" IN_PERIOD("x"),
	    NULL, put_pair, ov, e);
	if (rc == 0)
		rc = each(st, c, "SELECT x.channel, COUNT(*) FROM opinions x"
		    IN_PERIOD("x") " GROUP BY x.channel", NULL, put_group,
		    chans, e);
	if (rc == 0)
		rc = each(st, c, "SELECT f.code, f.name, x.n FROM"
		    " petition_fields f JOIN (SELECT x.field, COUNT(*) AS n"
		    " FROM opinions x" IN_PERIOD("x") " GROUP BY x.field) x ON"
		    " x.field = f.code ORDER BY f.sort", NULL, put_field,
		    fields, e);
	if (rc == 0)
		rc = each(st, c, "SELECT x.status, COUNT(*) FROM opinions x"
		    IN_PERIOD("x") " GROUP BY x.status", NULL, put_group,
		    status, e);
	if (rc == 0)
		rc = each(st, c, "SELECT COUNT(*) FROM opinions x"
		    IN_PERIOD("x") " AND x.hot_spot = 1", NULL, put_pair, hot,
		    e);
	if (rc == 0)
		rc = each(st, c, "SELECT COUNT(*) FROM opinions x"
		    IN_PERIOD("x") " AND x.status = 'forwarded' AND"
		    " x.due_day < ?", c->today, put_pair, late, e);
	return rc;
}

/* The same from the cube (cube.h) when it can. */
static int
opinion_counts(struct store *st, const struct sctx *c, json_t *ov,
    json_t *chans, json_t *fields, json_t *status, json_t *hot,
    json_t *late, struct err *e)
{
	const char *const b[] = { c->cube.from, c->cube.to };
	const char *const bt[] = { c->cube.from, c->cube.to, c->today };
	int rc;

	if (!cube_for_days(&c->cube))
		return opinion_raw(st, c, ov, chans, fields, status, hot,
		    late, e);
	rc = cube_each(st, &c->cube, "SELECT COALESCE(SUM(c.n), 0) FROM"
	    " stat_cube c WHERE c.src = 'o_cs' AND %s AND c.bucket >= ? AND"
	    " c.bucket <= ?", CUBE_PLAIN, NULL, 0, b, 2, put_pair, ov, e);
	/* o_cs: k1 the channel, k2 the status */
	if (rc == 0)
		rc = cube_group(st, &c->cube, "o_cs", "c.k1", CUBE_PLAIN,
		    put_group, chans, e);
	if (rc == 0)
		rc = cube_fields(st, &c->cube, "o_field", CUBE_PLAIN, put_field,
		    fields, e);
	if (rc == 0)
		rc = cube_group(st, &c->cube, "o_cs", "c.k2", CUBE_PLAIN,
		    put_group, status, e);
	if (rc == 0)
		rc = cube_each(st, &c->cube, "SELECT COALESCE(SUM(c.s1), 0)"
		    " FROM stat_cube c WHERE c.src = 'o_cs' AND %s AND"
		    " c.bucket >= ? AND c.bucket <= ?", CUBE_PLAIN, NULL, 0, b,
		    2, put_pair, hot, e);
	if (rc == 0)
		rc = cube_each(st, &c->cube, "SELECT COALESCE(SUM(c.n), 0)"
		    " FROM stat_cube c WHERE c.src = 'o_late' AND %s AND"
		    " c.bucket >= ? AND c.bucket <= ? AND c.k1 < ?", CUBE_PLAIN,
		    NULL, 0, bt, 3, put_pair, late, e);
	return rc;
}

static int
stats_run(struct store *st, const struct sctx *c, json_t **out,
    struct err *e)
{
	json_t *dv = json_object(), *groups = json_object();
	json_t *levels = json_object();
	json_t *ov = json_object(), *chans = json_object();
	json_t *fields = json_array(), *status = json_object();
	json_t *hot = json_object(), *late = json_object();
	static const char *const statuses[] = { "open", "answered",
	    "studying", "forwarded", "closed", NULL };
	static const char *const unit_levels[] = { "province", "district",
	    "commune", NULL };
	int rc;

	rc = each(st, c, "SELECT COUNT(*), COALESCE(SUM(x.participants), 0)"
	    " FROM dialogues x" IN_PERIOD("x"), NULL, put_pair, dv, e);
	if (rc == 0)
		rc = each(st, c, "SELECT g.code, COUNT(x.id) FROM"
		    " dialogue_groups g JOIN (SELECT x.id, x.target_group FROM"
		    " dialogues x" IN_PERIOD("x") ") x ON x.target_group ="
		    " g.code GROUP BY g.code", NULL, put_group, groups, e);
	/* by the level of the organisation's unit: "cấp huyện 09 cuộc, cấp xã
	 * 52 cuộc" */
	if (rc == 0)
		rc = each(st, c, "SELECT n.level, COUNT(*) FROM dialogues x JOIN"
		    " units n ON n.structure = x.unit_structure AND n.code ="
		    " x.unit_code" IN_PERIOD("x") " GROUP BY n.level", NULL,
		    put_group, levels, e);
	if (rc == 0)
		rc = opinion_counts(st, c, ov, chans, fields, status, hot, late,
		    e);
	if (rc == 0)
		rc = fill_zero(st, "SELECT code FROM dialogue_groups", groups,
		    e);
	if (rc == 0)
		rc = fill_zero(st, "SELECT code FROM opinion_channels", chans,
		    e);
	for (int i = 0; statuses[i] != NULL; i++)
		if (json_object_get(status, statuses[i]) == NULL)
			json_object_set_new(status, statuses[i],
			    json_integer(0));
	for (int i = 0; unit_levels[i] != NULL; i++)
		if (json_object_get(levels, unit_levels[i]) == NULL)
			json_object_set_new(levels, unit_levels[i],
			    json_integer(0));
	if (rc == 0)
		*out = json_pack("{s:{s:I, s:I, s:O, s:O}, s:{s:I, s:O, s:O,"
		    " s:O, s:I, s:I}}",
		    "dialogues", "count", num(dv, "0"), "participants",
		    num(dv, "1"), "by_group", groups, "by_level", levels,
		    "opinions", "count", num(ov, "0"), "by_channel", chans,
		    "by_field", fields, "by_status", status, "hot_spots",
		    num(hot, "0"), "forwarded_overdue", num(late, "0"));
	json_decref(dv);
	json_decref(groups);
	json_decref(levels);
	json_decref(ov);
	json_decref(chans);
	json_decref(fields);
	json_decref(status);
	json_decref(hot);
	json_decref(late);
	return rc;
}

int
dialogue_stats(struct store *st, const struct actor *a, int structure,
    const char *unit, const char *period, int cutoff, json_t **out,
    struct err *e)
{
	char label[PERIOD_LABEL_LEN], vf[CAL_DATE_LEN], vt[CAL_DATE_LEN];
	struct unit_info info;
	struct actor sub;
	struct period p;
	struct sctx c;
	json_t *res = NULL;
	bool inside;
	int rc;

	*out = NULL;
	if (cutoff < 0) {
		rc = settings_int(st, "report_cutoff_day", 15, &cutoff, e);
		if (rc != 0)
			return rc;
	}
	if (period == NULL)
		return err_set(e, ERR_INVAL, "invalid_param", "period",
		    "Thiếu kỳ báo cáo (tham số period).");
	rc = period_parse(period, cutoff, &p, e);
	if (rc != 0) {
		e->field = "period";
		return rc;
	}
	sub = *a;
	sub.role = ROLE_VIEWER;
	if (unit != NULL) {
		if (unit_lookup(st, structure, unit, &info, e) != 0)
			return err_set(e, ERR_INVAL, "invalid_param", "unit",
			    "Đơn vị hành chính không tồn tại.");
		rc = actor_in_scope(st, a, structure, unit, &inside, e);
		if (rc != 0)
			return rc;
		if (!inside)
			return err_set(e, ERR_PERM, "forbidden", "unit",
			    "Đơn vị nằm ngoài phạm vi quản lý của bạn.");
		sub.scope_structure = structure;
		snprintf(sub.scope_code, sizeof(sub.scope_code), "%s",
		    info.code);
		snprintf(sub.scope_path, sizeof(sub.scope_path), "%s",
		    info.path);
	}
	memset(&c, 0, sizeof(c));
	c.sub = &sub;
	cal_format(p.from, c.from);
	cal_format(p.to, c.to);
	cal_format(cal_today(), c.today);
	cube_init(&c.cube, &sub, c.from, c.to);
	rc = stats_run(st, &c, &res, e);
	if (rc != 0)
		return rc;
	period_label_vi(&p, label, sizeof(label));
	cal_format_vi(p.from, vf);
	cal_format_vi(p.to, vt);
	*out = json_pack("{s:{s:s, s:s, s:s, s:s, s:s}, s:O, s:O}",
	    "period", "from", c.from, "to", c.to, "label", label,
	    "from_vi", vf, "to_vi", vt,
	    "dialogues", json_object_get(res, "dialogues"),
	    "opinions", json_object_get(res, "opinions"));
	json_decref(res);
	return 0;
}
