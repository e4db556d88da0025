/* directive.c - directives and plans, their tasks and reviews. */
#include "domain/directive.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/text.h"
#include "domain/list.h"
#include "domain/record.h"
#include "domain/vocab.h"
#include "store/store.h"

#define SQL_MAX		8192
#define WHAT		"văn bản chỉ đạo và nhiệm vụ"

static const char *const task_status[] = {
	"not_started", "in_progress", "done", NULL
};
static const char *const review_kinds[] = { "interim", "final", NULL };

/* NULL, "" or only white space. */
static bool
blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return false;
	return true;
}

/* ---- small helpers --------------------------------------------------- */

static void
today_str(char out[CAL_DATE_LEN])
{
	cal_format(cal_today(), out);
}

/* An optional day: NULL/"" pass; otherwise a real "YYYY-MM-DD". */
static int
check_day(const char *s, const char *field, struct err *e)
{
	cal_day d;

	if (rec_empty(s) || cal_parse(s, &d) == 0)
		return 0;
	return err_set(e, ERR_INVAL, "invalid_field", field,
	    "Ngày phải có dạng YYYY-MM-DD.");
}

static int
kind_exists(struct store *st, const char *code, bool *ok, struct err *e)
{
	struct stmt *q;
	int rc;

	*ok = false;
	rc = store_prepare(st, "SELECT 1 FROM directive_kinds WHERE code = ?",
	    &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, code);
	rc = stmt_step(q, e);
	*ok = rc == STEP_ROW;
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

const char *
directive_task_status(const char *stored, const char *deadline,
    const char *today)
{
	if (strcmp(stored, "done") != 0 && deadline != NULL &&
	    strcmp(deadline, today) < 0)
		return "overdue";
	return stored;
}

/* ---- kinds ------------------------------------------------------------ */

static json_t *
kind_row(struct stmt *q)
{
	return json_pack("{s:s, s:s}", "code", stmt_col_text(q, 0), "name",
	    stmt_col_text(q, 1));
}

int
directive_kinds(struct store *st, json_t **out, struct err *e)
{
	struct stmt *q;
	json_t *items;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT code, name FROM directive_kinds ORDER BY"
	    " sort, code", &q, e);
	if (rc == 0)
		rc = rec_collect(q, kind_row, &items, e);
	if (rc == 0)
		*out = json_pack("{s:o}", "items", items);
	return rc;
}

/* ---- directives ------------------------------------------------------- */

#define DIR_COLS							\
	"d.id, d.org_id, o.name, d.unit_structure, d.unit_code, n.name,"	\
	" d.kind, k.name, d.number, d.issuer, d.issued_day, d.abstract,"	\
	" d.period_from, d.period_to, (SELECT COUNT(*) FROM"		\
	" directive_tasks t WHERE t.directive_id = d.id), (SELECT"		\
	" COUNT(*) FROM directive_tasks t WHERE t.directive_id = d.id AND"	\
	" t.status = 'done'), (SELECT COALESCE(SUM(t.percent), 0) FROM"	\
	" directive_tasks t WHERE t.directive_id = d.id), d.created_at,"	\
	" d.updated_at, d.unit_path"
#define DIR_FROM							\
	" FROM directives d JOIN organizations o ON o.id = d.org_id"	\
	" JOIN units n ON n.structure = d.unit_structure AND n.code ="	\
	" d.unit_code JOIN directive_kinds k ON k.code = d.kind"
#define DIR_SCOPE							\
	SCOPE_SQL("d.unit_structure", "d.unit_path")

static json_t *
dir_row(struct stmt *q)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN];
	json_int_t n = stmt_col_int(q, 14), sum = stmt_col_int(q, 16);

	clock_iso(stmt_col_int(q, 17), c);
	clock_iso(stmt_col_int(q, 18), u);
	return json_pack("{s:I, s:{s:I, s:s}, s:{s:I, s:s, s:s}, s:s, s:s,"
	    " s:s, s:s, s:s, s:s, s:o, s:o, s:{s:I, s:I, s:I}, s:s, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", "id", (json_int_t)stmt_col_int(q, 1),
	    "name", stmt_col_text(q, 2),
	    "unit", "structure", (json_int_t)stmt_col_int(q, 3),
	    "code", stmt_col_text(q, 4), "name", stmt_col_text(q, 5),
	    "kind", stmt_col_text(q, 6), "kind_name", stmt_col_text(q, 7),
	    "number", stmt_col_text(q, 8), "issuer", stmt_col_text(q, 9),
	    "issued_day", stmt_col_text(q, 10),
	    "abstract", stmt_col_text(q, 11),
	    "period_from", rec_col_str(q, 12), "period_to", rec_col_str(q, 13),
	    "tasks", "total", n, "done", (json_int_t)stmt_col_int(q, 15),
	    "percent", n > 0 ? sum / n : (json_int_t)0,
	    "created_at", c, "updated_at", u);
}

/* One directive visible to a: JSON in *out (may be NULL) and unit in *o. */
static int
fetch_dir(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct rec_owner *o, struct err *e)
{
	struct stmt *q;
	int rc;

	if (out != NULL)
		*out = NULL;
	rc = store_prepare(st, "SELECT " DIR_COLS DIR_FROM " WHERE d.id = ?"
	    " AND " DIR_SCOPE, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	actor_bind_scope(a, q, 2);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		o->structure = (int)stmt_col_int(q, 3);
		snprintf(o->code, sizeof(o->code), "%s", stmt_col_text(q, 4));
		snprintf(o->path, sizeof(o->path), "%s", stmt_col_text(q, 19));
		if (out != NULL)
			*out = dir_row(q);
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (rc != STEP_ROW)
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy văn bản.");
	return 0;
}

struct dir_filter {
	const struct directive_query	*f;
	const struct actor		*a;
	struct rec_subtree		 sub;
	char				 from[CAL_DATE_LEN], to[CAL_DATE_LEN];
	char				*like;
	bool				 tasks;		/* the due list */
	char				 until[CAL_DATE_LEN];
};

static int
dir_filter_init(struct store *st, struct dir_filter *c, struct err *e)
{
	const struct directive_query *f = c->f;
	bool ok;
	int rc;

	c->like = NULL;
	rc = rec_subtree_init(st, f->structure, f->unit, "unit", &c->sub, e);
	if (rc != 0)
		return rc;
	if (f->kind != NULL) {
		rc = kind_exists(st, f->kind, &ok, e);
		if (rc != 0)
			return rc;
		if (!ok)
			return err_set(e, ERR_INVAL, "invalid_param", "kind",
			    "Loại văn bản không có trong danh mục.");
	}
	if (f->year != 0) {
		snprintf(c->from, sizeof(c->from), "%04d-01-01", (int)f->year);
		snprintf(c->to, sizeof(c->to), "%04d-12-31", (int)f->year);
	}
	if (f->q != NULL && text_like_pattern(f->q, &c->like) != 0)
		return err_set(e, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm không hợp lệ.");
	return 0;
}

static void
dir_filter_sql(struct buf *sql, const struct dir_filter *c)
{
	const struct directive_query *f = c->f;

	buf_add_str(sql, " WHERE " DIR_SCOPE);
	if (f->structure != 0)
		buf_add_str(sql, " AND d.unit_structure = ?");
	rec_subtree_sql(sql, "d.unit_path", &c->sub);
	if (f->kind != NULL)
		buf_add_str(sql, " AND d.kind = ?");
	if (f->year != 0)
		buf_add_str(sql, " AND d.issued_day >= ? AND d.issued_day <= ?");
	if (c->like != NULL)
		buf_add_str(sql, " AND d.search_fold LIKE ? ESCAPE '\\'");
	if (!c->tasks)
		return;
	buf_add_str(sql, " AND t.status <> 'done' AND t.deadline IS NOT NULL"
	    " AND t.deadline <= ?");
	if (f->org_id != 0)
		buf_add_str(sql, " AND EXISTS (SELECT 1 FROM directive_task_orgs"
		    " x WHERE x.task_id = t.id AND x.org_id = ?)");
}

static int
dir_filter_bind(struct stmt *q, const void *ctxv)
{
	const struct dir_filter *c = ctxv;
	const struct directive_query *f = c->f;
	int i = actor_bind_scope(c->a, q, 1);

	if (f->structure != 0)
		stmt_bind_int(q, i++, f->structure);
	i = rec_subtree_bind(q, i, &c->sub);
	if (f->kind != NULL)
		stmt_bind_text(q, i++, f->kind);
	if (f->year != 0) {
		stmt_bind_text(q, i++, c->from);
		stmt_bind_text(q, i++, c->to);
	}
	if (c->like != NULL)
		stmt_bind_text(q, i++, c->like);
	if (!c->tasks)
		return i;
	stmt_bind_text(q, i++, c->until);
	if (f->org_id != 0)
		stmt_bind_int(q, i++, f->org_id);
	return i;
}

int
directive_list(struct store *st, const struct actor *a,
    const struct directive_query *f, json_t **out, struct err *e)
{
	struct dir_filter c = { .f = f, .a = a };
	struct list_query lq;
	struct buf from, cnt;
	int rc;

	*out = NULL;
	rc = dir_filter_init(st, &c, e);
	if (rc != 0) {
		free(c.like);
		return rc;
	}
	buf_init(&from, SQL_MAX);
	buf_init(&cnt, SQL_MAX);
	buf_add_str(&from, DIR_FROM);
	buf_add_str(&cnt, " FROM directives d");
	dir_filter_sql(&from, &c);
	dir_filter_sql(&cnt, &c);
	lq = (struct list_query){ DIR_COLS, buf_cstr(&from),
	    "d.issued_day DESC, d.id DESC", dir_filter_bind, &c, dir_row,
	    f->limit, f->offset, buf_cstr(&cnt), NULL, NULL };
	rc = list_run(st, &lq, out, e);
	buf_release(&from);
	buf_release(&cnt);
	free(c.like);
	return rc;
}

/* The text the search runs on. */
static int
dir_fold(const char *number, const char *issuer, const char *abstract,
    char **out)
{
	struct buf b;
	int rc;

	buf_init(&b, 64 * 1024);
	buf_add_fmt(&b, "%s %s %s", number, issuer, abstract);
	rc = text_fold(buf_cstr(&b), out);
	buf_release(&b);
	return rc;
}

/* Fields of a directive after merging an update into its current state. */
struct dir_state {
	const char	*kind, *number, *issuer, *issued_day, *abstract;
	const char	*period_from, *period_to;
};

static int
dir_validate(struct store *st, const struct dir_state *s, struct err *e)
{
	char today[CAL_DATE_LEN];
	bool ok = false;
	int rc;

	today_str(today);
	if (rec_empty(s->kind))
		return err_set(e, ERR_INVAL, "invalid_field", "kind",
		    "Loại văn bản không có trong danh mục.");
	rc = kind_exists(st, s->kind, &ok, e);
	if (rc != 0)
		return rc;
	if (!ok)
		return err_set(e, ERR_INVAL, "invalid_field", "kind",
		    "Loại văn bản không có trong danh mục.");
	if (blank(s->number))
		return err_set(e, ERR_INVAL, "invalid_field", "number",
		    "Số, ký hiệu văn bản không được để trống.");
	if (blank(s->issuer))
		return err_set(e, ERR_INVAL, "invalid_field", "issuer",
		    "Cơ quan ban hành không được để trống.");
	if (blank(s->abstract))
		return err_set(e, ERR_INVAL, "invalid_field", "abstract",
		    "Trích yếu không được để trống.");
	if (rec_empty(s->issued_day))
		return err_set(e, ERR_INVAL, "invalid_field", "issued_day",
		    "Ngày ban hành không được để trống.");
	rc = check_day(s->issued_day, "issued_day", e);
	if (rc == 0)
		rc = check_day(s->period_from, "period_from", e);
	if (rc == 0)
		rc = check_day(s->period_to, "period_to", e);
	if (rc != 0)
		return rc;
	if (strcmp(s->issued_day, today) > 0)
		return err_set(e, ERR_INVAL, "invalid_field", "issued_day",
		    "Ngày ban hành không được sau ngày hôm nay.");
	if (s->period_from != NULL && s->period_to != NULL &&
	    strcmp(s->period_from, s->period_to) > 0)
		return err_set(e, ERR_INVAL, "invalid_field", "period_to",
		    "Thời kỳ thực hiện: ngày kết thúc phải sau ngày bắt đầu.");
	return 0;
}

static void
dir_bind_state(struct stmt *q, int i, const struct dir_state *s,
    const char *fold)
{
	stmt_bind_text(q, i++, s->kind);
	stmt_bind_text(q, i++, s->number);
	stmt_bind_text(q, i++, s->issuer);
	stmt_bind_text(q, i++, s->issued_day);
	stmt_bind_text(q, i++, s->abstract);
	stmt_bind_text(q, i++, fold);
	stmt_bind_text(q, i++, s->period_from);
	stmt_bind_text(q, i, s->period_to);
}

int
directive_create(struct store *st, const struct actor *a,
    const struct directive_input *in, json_t **out, struct err *e)
{
	struct dir_state s = { in->kind, in->number, in->issuer,
	    in->issued_day, in->abstract, rec_opt(in->period_from),
	    rec_opt(in->period_to) };
	struct rec_owner own, o2;
	char *fold = NULL;
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = rec_check_writer(a, WHAT, e);
	if (rc == 0 && !in->has_org_id)
		rc = err_set(e, ERR_INVAL, "missing_field", "org_id",
		    "Thiếu trường bắt buộc \"org_id\".");
	if (rc == 0)
		rc = rec_org_owner(st, a, in->org_id, "org_id", &own, e);
	if (rc == 0)
		rc = dir_validate(st, &s, e);
	if (rc == 0 && dir_fold(s.number, s.issuer, s.abstract, &fold) != 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "abstract",
		    "Văn bản không hợp lệ.");
	if (rc != 0)
		return rc;
	rc = store_begin_write(st, e);
	if (rc != 0) {
		free(fold);
		return rc;
	}
	rc = store_prepare(st, "INSERT INTO directives (org_id, unit_structure,"
	    " unit_code, unit_path, kind, number, issuer, issued_day, abstract,"
	    " search_fold, period_from, period_to, created_by, created_at,"
	    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	    " RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		dir_bind_state(q, 5, &s, fold);
		rec_bind_creator(q, 13, a);
		stmt_bind_int(q, 14, now);
		stmt_bind_int(q, 15, now);
		rc = stmt_step_id(q, &id, e);
	}
	free(fold);
	if (rc == 0)
		rc = fetch_dir(st, a, id, out, &o2, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "directive", id, &own, NULL,
		    *out, e);
	return rec_finish(st, rc, out, e);
}

static const char *
pick(const char *given, json_t *before, const char *key)
{
	return given != NULL ? given : rec_member(before, key);
}

static const char *
pick_opt(const char *given, json_t *before, const char *key)
{
	return given != NULL ? rec_opt(given) : rec_member(before, key);
}

int
directive_update(struct store *st, const struct actor *a, int64_t id,
    const struct directive_input *in, json_t **out, struct err *e)
{
	json_t *before = NULL;
	struct dir_state s;
	struct rec_owner o;
	char *fold = NULL;
	struct stmt *q;
	int rc;

	*out = NULL;
	if (in->has_org_id)
		return err_set(e, ERR_INVAL, "unknown_field", "org_id",
		    "Không thể đổi tổ chức quản lý văn bản.");
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_dir(st, a, id, &before, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, WHAT, e);
	if (rc == 0) {
		s = (struct dir_state){ pick(in->kind, before, "kind"),
		    pick(in->number, before, "number"),
		    pick(in->issuer, before, "issuer"),
		    pick(in->issued_day, before, "issued_day"),
		    pick(in->abstract, before, "abstract"),
		    pick_opt(in->period_from, before, "period_from"),
		    pick_opt(in->period_to, before, "period_to") };
		rc = dir_validate(st, &s, e);
	}
	if (rc == 0 && dir_fold(s.number, s.issuer, s.abstract, &fold) != 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "abstract",
		    "Văn bản không hợp lệ.");
	if (rc == 0)
		rc = store_prepare(st, "UPDATE directives SET kind = ?, number ="
		    " ?, issuer = ?, issued_day = ?, abstract = ?, search_fold ="
		    " ?, period_from = ?, period_to = ?, updated_at = ? WHERE"
		    " id = ?", &q, e);
	if (rc == 0) {
		dir_bind_state(q, 1, &s, fold);
		stmt_bind_int(q, 9, clock_now());
		stmt_bind_int(q, 10, id);
		rc = stmt_step_done(q, e);
	}
	free(fold);
	if (rc == 0)
		rc = fetch_dir(st, a, id, out, &o, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "directive", id, &o, before,
		    *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

/* ---- tasks ------------------------------------------------------------ */

#define TASK_COLS							\
	"t.id, t.directive_id, t.content, t.deadline, t.status,"	\
	" t.percent, t.notes, t.done_day, t.created_at, t.updated_at,"	\
	" d.kind, d.number"

static json_t *
task_row(struct stmt *q)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN];

	clock_iso(stmt_col_int(q, 8), c);
	clock_iso(stmt_col_int(q, 9), u);
	return json_pack("{s:I, s:{s:I, s:s, s:s}, s:s, s:o, s:s, s:I, s:o,"
	    " s:o, s:[], s:s, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "directive", "id", (json_int_t)stmt_col_int(q, 1),
	    "kind", stmt_col_text(q, 10), "number", stmt_col_text(q, 11),
	    "content", stmt_col_text(q, 2),
	    "deadline", rec_col_str(q, 3), "status", stmt_col_text(q, 4),
	    "percent", (json_int_t)stmt_col_int(q, 5),
	    "notes", rec_col_str(q, 6), "done_day", rec_col_str(q, 7),
	    "orgs", "created_at", c, "updated_at", u);
}

static json_t *
org_ref_row(struct stmt *q)
{
	return json_pack("{s:I, s:s}", "id", (json_int_t)stmt_col_int(q, 0),
	    "name", stmt_col_text(q, 1));
}

/* Add the responsible organisations and the status as of today. */
static int
task_complete(struct store *st, json_t *t, const char *today, struct err *e)
{
	json_t *orgs = NULL;
	struct stmt *q;
	int rc;

	json_object_set_new(t, "status", json_string(directive_task_status(
	    rec_member(t, "status"), rec_member(t, "deadline"), today)));
	rc = store_prepare(st, "SELECT o.id, o.name FROM directive_task_orgs x"
	    " JOIN organizations o ON o.id = x.org_id WHERE x.task_id = ?"
	    " ORDER BY o.name_key, o.id", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, rec_imember(t, "id"));
	rc = rec_collect(q, org_ref_row, &orgs, e);
	if (rc == 0)
		json_object_set_new(t, "orgs", orgs);
	return rc;
}

static int
tasks_complete(struct store *st, json_t *items, struct err *e)
{
	char today[CAL_DATE_LEN];
	size_t i;
	json_t *t;
	int rc = 0;

	today_str(today);
	json_array_foreach(items, i, t) {
		rc = task_complete(st, t, today, e);
		if (rc != 0)
			break;
	}
	return rc;
}

/* One task whose directive a may see: JSON in *out, directive unit in *o. */
static int
fetch_task(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct rec_owner *o, struct err *e)
{
	char today[CAL_DATE_LEN];
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " TASK_COLS ", d.unit_structure,"
	    " d.unit_code, d.unit_path FROM directive_tasks t JOIN directives"
	    " d ON d.id = t.directive_id WHERE t.id = ? AND " DIR_SCOPE, &q,
	    e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	actor_bind_scope(a, q, 2);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = task_row(q);
		o->structure = (int)stmt_col_int(q, 12);
		snprintf(o->code, sizeof(o->code), "%s", stmt_col_text(q, 13));
		snprintf(o->path, sizeof(o->path), "%s", stmt_col_text(q, 14));
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (rc != STEP_ROW)
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy nhiệm vụ.");
	today_str(today);
	rc = task_complete(st, *out, today, e);
	if (rc != 0) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

/* Status, percent and done day after an update (R: done means 100 % and
 * a done day no later than today; progress on a task not started means
 * it has begun; 100 % means done). */
struct task_state {
	const char	*status;
	int64_t		 percent;
	const char	*done_day;
};

static int
task_settle(const struct directive_task_input *in, struct task_state *s,
    const char *today, struct err *e)
{
	if (in->status != NULL)
		s->status = in->status;
	if (in->has_percent)
		s->percent = in->percent;
	if (in->done_day != NULL)
		s->done_day = rec_opt(in->done_day);
	if (in->status == NULL && in->has_percent) {
		if (s->percent == 100)
			s->status = "done";
		else if (s->percent > 0 && strcmp(s->status, "not_started") == 0)
			s->status = "in_progress";
		else if (strcmp(s->status, "done") == 0)
			s->status = s->percent > 0 ? "in_progress" :
			    "not_started";
	}
	if (rec_index_of(task_status, s->status) < 0)
		return err_set(e, ERR_INVAL, "invalid_field", "status",
		    "Trạng thái phải là not_started, in_progress hoặc done.");
	if (check_day(s->done_day, "done_day", e) != 0)
		return ERR_INVAL;
	if (strcmp(s->status, "done") == 0) {
		if (!in->has_percent)
			s->percent = 100;
		else if (s->percent != 100)
			return err_set(e, ERR_INVAL, "invalid_field", "percent",
			    "Nhiệm vụ đã hoàn thành thì tiến độ phải là 100%%.");
		if (s->done_day == NULL)
			s->done_day = today;
		if (strcmp(s->done_day, today) > 0)
			return err_set(e, ERR_INVAL, "invalid_field",
			    "done_day", "Ngày hoàn thành không được sau ngày "
			    "hôm nay.");
		return 0;
	}
	if (in->done_day != NULL && s->done_day != NULL)
		return err_set(e, ERR_INVAL, "invalid_field", "done_day",
		    "Chỉ ghi ngày hoàn thành khi nhiệm vụ đã hoàn thành.");
	s->done_day = NULL;
	if (strcmp(s->status, "not_started") == 0) {
		if (in->has_percent && s->percent > 0)
			return err_set(e, ERR_INVAL, "invalid_field", "percent",
			    "Nhiệm vụ chưa triển khai thì tiến độ phải là 0%%.");
		s->percent = 0;
	} else if (s->percent == 100) {
		return err_set(e, ERR_INVAL, "invalid_field", "percent",
		    "Tiến độ 100%% nghĩa là đã hoàn thành; hãy chọn trạng "
		    "thái hoàn thành.");
	}
	return 0;
}

/* The responsible organisations: each visible to a, no repeats. */
static int
check_orgs(struct store *st, const struct actor *a,
    const struct directive_task_input *in, struct err *e)
{
	struct rec_owner o;
	int rc;

	if (in->n_orgs == 0)
		return err_set(e, ERR_INVAL, "invalid_field", "org_ids",
		    "Cần ít nhất một tổ chức chịu trách nhiệm.");
	if (in->n_orgs > DIRECTIVE_TASK_ORGS_MAX)
		return err_set(e, ERR_INVAL, "invalid_field", "org_ids",
		    "Tối đa %d tổ chức chịu trách nhiệm.",
		    DIRECTIVE_TASK_ORGS_MAX);
	for (size_t i = 0; i < in->n_orgs; i++) {
		for (size_t j = 0; j < i; j++)
			if (in->org_ids[j] == in->org_ids[i])
				return err_set(e, ERR_INVAL, "invalid_field",
				    "org_ids", "Một tổ chức được ghi hai lần.");
		rc = rec_org_owner(st, a, in->org_ids[i], "org_ids", &o, e);
		if (rc != 0)
			return rc;
	}
	return 0;
}

static int
save_orgs(struct store *st, int64_t task_id,
    const struct directive_task_input *in, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "DELETE FROM directive_task_orgs WHERE task_id"
	    " = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, task_id);
	rc = stmt_step_done(q, e);
	for (size_t i = 0; rc == 0 && i < in->n_orgs; i++) {
		rc = store_prepare(st, "INSERT INTO directive_task_orgs (task_id,"
		    " org_id) VALUES (?, ?)", &q, e);
		if (rc != 0)
			break;
		stmt_bind_int(q, 1, task_id);
		stmt_bind_int(q, 2, in->org_ids[i]);
		rc = stmt_step_done(q, e);
	}
	return rc;
}

int
directive_task_create(struct store *st, const struct actor *a,
    int64_t directive_id, const struct directive_task_input *in,
    json_t **out, struct err *e)
{
	struct task_state s = { "not_started", 0, NULL };
	char today[CAL_DATE_LEN];
	struct rec_owner o, o2;
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	today_str(today);
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_dir(st, a, directive_id, NULL, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, WHAT, e);
	if (rc == 0 && blank(in->content))
		rc = err_set(e, ERR_INVAL, "invalid_field", "content",
		    "Nội dung nhiệm vụ không được để trống.");
	if (rc == 0 && !in->has_orgs)
		rc = err_set(e, ERR_INVAL, "missing_field", "org_ids",
		    "Thiếu trường bắt buộc \"org_ids\".");
	if (rc == 0)
		rc = check_orgs(st, a, in, e);
	if (rc == 0)
		rc = check_day(in->deadline, "deadline", e);
	if (rc == 0)
		rc = task_settle(in, &s, today, e);
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO directive_tasks (directive_id,"
		    " content, deadline, status, percent, notes, done_day,"
		    " created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?,"
		    " ?, ?, ?, ?, ?) RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, directive_id);
		stmt_bind_text(q, 2, in->content);
		stmt_bind_text(q, 3, rec_opt(in->deadline));
		stmt_bind_text(q, 4, s.status);
		stmt_bind_int(q, 5, s.percent);
		stmt_bind_text(q, 6, rec_opt(in->notes));
		stmt_bind_text(q, 7, s.done_day);
		rec_bind_creator(q, 8, a);
		stmt_bind_int(q, 9, now);
		stmt_bind_int(q, 10, now);
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = save_orgs(st, id, in, e);
	if (rc == 0)
		rc = fetch_task(st, a, id, out, &o2, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "directive_task", id, &o, NULL,
		    *out, e);
	return rec_finish(st, rc, out, e);
}

static int
stored_status(struct store *st, int64_t id, const char **out, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = "not_started";
	rc = store_prepare(st, "SELECT status FROM directive_tasks WHERE id ="
	    " ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		int i = rec_index_of(task_status, stmt_col_text(q, 0));

		*out = task_status[i > 0 ? i : 0];
	}
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

int
directive_task_update(struct store *st, const struct actor *a,
    int64_t task_id, const struct directive_task_input *in, json_t **out,
    struct err *e)
{
	char today[CAL_DATE_LEN], done[CAL_DATE_LEN] = "";
	const char *content, *deadline, *notes;
	struct task_state s = { NULL, 0, NULL };
	json_t *before = NULL;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	*out = NULL;
	today_str(today);
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_task(st, a, task_id, &before, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, WHAT, e);
	if (rc != 0) {
		json_decref(before);
		return rec_finish(st, rc, out, e);
	}
	content = pick(in->content, before, "content");
	deadline = pick_opt(in->deadline, before, "deadline");
	notes = pick_opt(in->notes, before, "notes");
	/* The stored status (before reads "overdue" when late). */
	rc = stored_status(st, task_id, &s.status, e);
	s.percent = rec_imember(before, "percent");
	if (rec_member(before, "done_day") != NULL) {
		snprintf(done, sizeof(done), "%s",
		    rec_member(before, "done_day"));
		s.done_day = done;
	}
	if (rc == 0 && blank(content))
		rc = err_set(e, ERR_INVAL, "invalid_field", "content",
		    "Nội dung nhiệm vụ không được để trống.");
	if (rc == 0 && in->has_orgs)
		rc = check_orgs(st, a, in, e);
	if (rc == 0)
		rc = check_day(deadline, "deadline", e);
	if (rc == 0)
		rc = task_settle(in, &s, today, e);
	if (rc == 0)
		rc = store_prepare(st, "UPDATE directive_tasks SET content = ?,"
		    " deadline = ?, status = ?, percent = ?, notes = ?, done_day"
		    " = ?, updated_at = ? WHERE id = ?", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, content);
		stmt_bind_text(q, 2, deadline);
		stmt_bind_text(q, 3, s.status);
		stmt_bind_int(q, 4, s.percent);
		stmt_bind_text(q, 5, notes);
		stmt_bind_text(q, 6, s.done_day);
		stmt_bind_int(q, 7, clock_now());
		stmt_bind_int(q, 8, task_id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0 && in->has_orgs)
		rc = save_orgs(st, task_id, in, e);
	if (rc == 0)
		rc = fetch_task(st, a, task_id, out, &o, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "directive_task", task_id, &o,
		    before, *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

/* ---- reviews ---------------------------------------------------------- */

#define REVIEW_COLS	"r.id, r.directive_id, r.kind, r.day, r.summary,"	\
			" r.created_at"

static json_t *
review_row(struct stmt *q)
{
	char c[ISO_TIME_LEN];

	clock_iso(stmt_col_int(q, 5), c);
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "directive_id", (json_int_t)stmt_col_int(q, 1),
	    "kind", stmt_col_text(q, 2), "day", stmt_col_text(q, 3),
	    "summary", stmt_col_text(q, 4), "created_at", c);
}

static int
fetch_one(struct store *st, const char *sql, int64_t id,
    json_t *(*row)(struct stmt *), json_t **out, struct err *e)
{
	json_t *arr = NULL;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = rec_collect(q, row, &arr, e);
	if (rc == 0 && json_array_size(arr) == 1)
		*out = json_incref(json_array_get(arr, 0));
	else if (rc == 0)
		rc = err_set(e, ERR_INTERNAL, "internal", NULL, "Lỗi hệ thống.");
	json_decref(arr);
	return rc;
}

int
directive_review_create(struct store *st, const struct actor *a,
    int64_t directive_id, const struct directive_review_input *in,
    json_t **out, struct err *e)
{
	char today[CAL_DATE_LEN];
	json_t *d = NULL;
	struct rec_owner o;
	struct stmt *q;
	int64_t id = 0;
	int rc;

	*out = NULL;
	today_str(today);
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_dir(st, a, directive_id, &d, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, WHAT, e);
	if (rc == 0 && rec_index_of(review_kinds, in->kind) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "kind",
		    "Loại đánh giá phải là interim (sơ kết) hoặc final (tổng "
		    "kết).");
	if (rc == 0 && rec_empty(in->day))
		rc = err_set(e, ERR_INVAL, "invalid_field", "day",
		    "Ngày sơ kết, tổng kết không được để trống.");
	if (rc == 0)
		rc = check_day(in->day, "day", e);
	if (rc == 0 && strcmp(in->day, rec_member(d, "issued_day")) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "day",
		    "Ngày sơ kết, tổng kết không được trước ngày ban hành.");
	if (rc == 0 && strcmp(in->day, today) > 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "day",
		    "Ngày sơ kết, tổng kết không được sau ngày hôm nay.");
	if (rc == 0 && blank(in->summary))
		rc = err_set(e, ERR_INVAL, "invalid_field", "summary",
		    "Nội dung kết quả không được để trống.");
	json_decref(d);
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO directive_reviews"
		    " (directive_id, kind, day, summary, created_by, created_at)"
		    " VALUES (?, ?, ?, ?, ?, ?) RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, directive_id);
		stmt_bind_text(q, 2, in->kind);
		stmt_bind_text(q, 3, in->day);
		stmt_bind_text(q, 4, in->summary);
		rec_bind_creator(q, 5, a);
		stmt_bind_int(q, 6, clock_now());
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_one(st, "SELECT " REVIEW_COLS " FROM directive_reviews"
		    " r WHERE r.id = ?", id, review_row, out, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "directive_review", id, &o, NULL,
		    *out, e);
	return rec_finish(st, rc, out, e);
}

/* ---- detail and the due list ----------------------------------------- */

int
directive_get(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct err *e)
{
	json_t *d = NULL, *tasks = NULL, *reviews = NULL;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = fetch_dir(st, a, id, &d, &o, e);
	if (rc == 0)
		rc = store_prepare(st, "SELECT " TASK_COLS " FROM directive_tasks"
		    " t JOIN directives d ON d.id = t.directive_id WHERE"
		    " t.directive_id = ? ORDER BY t.deadline IS NULL, t.deadline,"
		    " t.id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, id);
		rc = rec_collect(q, task_row, &tasks, e);
	}
	if (rc == 0)
		rc = tasks_complete(st, tasks, e);
	if (rc == 0)
		rc = store_prepare(st, "SELECT " REVIEW_COLS " FROM"
		    " directive_reviews r WHERE r.directive_id = ? ORDER BY"
		    " r.day, r.id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, id);
		rc = rec_collect(q, review_row, &reviews, e);
	}
	if (rc != 0) {
		json_decref(d);
		json_decref(tasks);
		return rc;
	}
	*out = json_pack("{s:o, s:o, s:o}", "directive", d, "tasks", tasks,
	    "reviews", reviews);
	return 0;
}

int
directive_tasks_due(struct store *st, const struct actor *a,
    const struct directive_query *f, json_t **out, struct err *e)
{
	struct dir_filter c = { .f = f, .a = a, .tasks = true };
	char today[CAL_DATE_LEN];
	struct list_query lq;
	struct buf from;
	json_t *res = NULL;
	int days = 14, rc;

	*out = NULL;
	rc = dir_filter_init(st, &c, e);
	if (rc == 0 && f->days < 0)
		rc = settings_int(st, "directive_due_soon_days", 14, &days, e);
	else
		days = (int)f->days;
	if (rc != 0) {
		free(c.like);
		return rc;
	}
	today_str(today);
	cal_format(cal_today() + days, c.until);
	buf_init(&from, SQL_MAX);
	buf_add_str(&from, " FROM directive_tasks t JOIN directives d ON d.id"
	    " = t.directive_id");
	dir_filter_sql(&from, &c);
	lq = (struct list_query){ TASK_COLS, buf_cstr(&from),
	    "t.deadline, t.id", dir_filter_bind, &c, task_row, f->limit,
	    f->offset, NULL, NULL, NULL };
	rc = list_run(st, &lq, &res, e);
	buf_release(&from);
	free(c.like);
	if (rc == 0)
		rc = tasks_complete(st, json_object_get(res, "items"), e);
	if (rc != 0) {
		json_decref(res);
		return rc;
	}
	json_object_set_new(res, "today", json_string(today));
	json_object_set_new(res, "until", json_string(c.until));
	json_object_set_new(res, "days", json_integer(days));
	*out = res;
	return 0;
}
