/* dvk.c - "Dân vận khéo" models, breakthrough tasks and their counts. */
#include "domain/dvk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/text.h"
#include "domain/audit.h"
#include "domain/cube.h"
#include "domain/list.h"
#include "domain/record.h"
#include "domain/unit.h"
#include "domain/vocab.h"
#include "store/store.h"

#define SQL_MAX		8192

/* Forward only, in this order (R-DVK-05). */
static const char *const model_status[] = {
	"registered", "implementing", "evaluated", "recognised", NULL
};
static const char *const model_kind[] = { "collective", "individual", NULL };
static const char *const task_status[] = {
	"registered", "in_progress", "completed", "not_completed", NULL
};

#define WRITER_WHAT	"dữ liệu Dân vận khéo và nhiệm vụ đột phá"

/* ---- small helpers --------------------------------------------------- */

static int
check_year(int64_t year, const char *api_code, const char *field,
    struct err *e)
{
	if (year < DVK_YEAR_MIN || year > DVK_YEAR_MAX)
		return err_set(e, ERR_INVAL, api_code, field,
		    "Năm phải từ %d đến %d.", DVK_YEAR_MIN, DVK_YEAR_MAX);
	return 0;
}

/* ---- list filters ---------------------------------------------------- */

static int	field_exists(struct store *st, const char *code, bool *ok,
		    struct err *e);

struct filter {
	const struct dvk_query	*f;
	const struct actor	*a;
	const char		*t;		/* table alias */
	bool			 models;
	struct rec_subtree	 sub;
	char			*like;
};

static int
filter_init(struct store *st, struct filter *c, struct err *e)
{
	int rc;

	c->like = NULL;
	rc = rec_subtree_init(st, c->f->structure, c->f->unit, "unit", &c->sub,
	    e);
	if (rc != 0)
		return rc;
	if (c->models && c->f->status != NULL &&
	    rec_index_of(model_status, c->f->status) < 0)
		return err_set(e, ERR_INVAL, "invalid_param", "status",
		    "Trạng thái mô hình không hợp lệ.");
	if (c->models && c->f->field != NULL) {
		bool ok;

		rc = field_exists(st, c->f->field, &ok, e);
		if (rc != 0)
			return rc;
		if (!ok)
			return err_set(e, ERR_INVAL, "invalid_param", "field",
			    "Lĩnh vực không có trong danh mục.");
	}
	if (c->models && c->f->q != NULL &&
	    text_like_pattern(c->f->q, &c->like) != 0)
		return err_set(e, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm không hợp lệ.");
	return 0;
}

static void
filter_sql(struct buf *sql, const char *scope, const struct filter *c)
{
	const struct dvk_query *f = c->f;
	const char *t = c->t;
	char col[24];

	buf_add_str(sql, " WHERE ");
	buf_add_str(sql, scope);
	if (f->structure != 0)
		buf_add_fmt(sql, " AND %s.unit_structure = ?", t);
	snprintf(col, sizeof(col), "%s.unit_path", t);
	rec_subtree_sql(sql, col, &c->sub);
	if (f->org_id != 0)
		buf_add_fmt(sql, " AND %s.org_id = ?", t);
	if (f->year != 0)
		buf_add_fmt(sql, " AND %s.year = ?", t);
	if (!c->models)
		return;
	if (f->field != NULL)
		buf_add_str(sql, " AND m.field = ?");
	if (f->kind != NULL)
		buf_add_str(sql, " AND m.kind = ?");
	if (f->status != NULL)
		buf_add_str(sql, " AND m.status = ?");
	if (c->like != NULL)
		buf_add_str(sql, " AND m.name_fold LIKE ? ESCAPE '\\'");
}

static int
filter_bind(struct stmt *q, const void *ctxv)
{
	const struct filter *c = ctxv;
	const struct dvk_query *f = c->f;
	int i = actor_bind_scope(c->a, q, 1);

	if (f->structure != 0)
		stmt_bind_int(q, i++, f->structure);
	i = rec_subtree_bind(q, i, &c->sub);
	if (f->org_id != 0)
		stmt_bind_int(q, i++, f->org_id);
	if (f->year != 0)
		stmt_bind_int(q, i++, f->year);
	if (!c->models)
		return i;
	if (f->field != NULL)
		stmt_bind_text(q, i++, f->field);
	if (f->kind != NULL)
		stmt_bind_text(q, i++, f->kind);
	if (f->status != NULL)
		stmt_bind_text(q, i++, f->status);
	if (c->like != NULL)
		stmt_bind_text(q, i++, c->like);
	return i;
}

/* ---- fields ---------------------------------------------------------- */

static json_t *
field_row(struct stmt *q)
{
	return json_pack("{s:s, s:s}", "code", stmt_col_text(q, 0), "name",
	    stmt_col_text(q, 1));
}

int
dvk_fields(struct store *st, json_t **out, struct err *e)
{
	struct stmt *q;
	json_t *items;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT code, name FROM dvk_fields ORDER BY"
	    " sort, code", &q, e);
	if (rc == 0)
		rc = rec_collect(q, field_row, &items, e);
	if (rc == 0)
		*out = json_pack("{s:o}", "items", items);
	return rc;
}

static int
field_exists(struct store *st, const char *code, bool *ok, struct err *e)
{
	struct stmt *q;
	int rc;

	*ok = false;
	rc = store_prepare(st, "SELECT 1 FROM dvk_fields WHERE code = ?", &q,
	    e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, code);
	rc = stmt_step(q, e);
	*ok = rc == STEP_ROW;
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

/* ---- models ---------------------------------------------------------- */

#define MODEL_COLS							\
	"m.id, m.org_id, o.name, m.unit_structure, m.unit_code, n.name,"	\
	" m.name, m.field, m.kind, m.year, m.status, m.outstanding,"	\
	" m.results, m.evidence, m.replicated_from, m.created_at,"	\
	" m.updated_at, m.unit_path"
#define MODEL_FROM							\
	" FROM dvk_models m JOIN organizations o ON o.id = m.org_id"	\
	" JOIN units n ON n.structure = m.unit_structure AND n.code ="	\
	" m.unit_code"
#define MODEL_SCOPE							\
	SCOPE_SQL("m.unit_structure", "m.unit_path")
#define MODEL_ORDER	"m.year DESC, m.name_key, m.id"

static json_t *
model_row(struct stmt *q)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN];

	clock_iso(stmt_col_int(q, 15), c);
	clock_iso(stmt_col_int(q, 16), u);
	return json_pack("{s:I, s:{s:I, s:s}, s:{s:I, s:s, s:s}, s:s, s:s,"
	    " s:s, s:I, s:s, s:b, s:o, s:o, s:o, s:s, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", "id", (json_int_t)stmt_col_int(q, 1),
	    "name", stmt_col_text(q, 2),
	    "unit", "structure", (json_int_t)stmt_col_int(q, 3),
	    "code", stmt_col_text(q, 4), "name", stmt_col_text(q, 5),
	    "name", stmt_col_text(q, 6), "field", stmt_col_text(q, 7),
	    "kind", stmt_col_text(q, 8), "year", (json_int_t)stmt_col_int(q, 9),
	    "status", stmt_col_text(q, 10),
	    "outstanding", stmt_col_int(q, 11) != 0,
	    "results", rec_col_str(q, 12), "evidence", rec_col_str(q, 13),
	    "replicated_from", rec_col_id(q, 14),
	    "created_at", c, "updated_at", u);
}

/* One model visible to a: its JSON in *out and its unit in *o. */
static int
fetch_model(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct rec_owner *o, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " MODEL_COLS MODEL_FROM
	    " WHERE m.id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = model_row(q);
		o->structure = (int)stmt_col_int(q, 3);
		snprintf(o->code, sizeof(o->code), "%s", stmt_col_text(q, 4));
		snprintf(o->path, sizeof(o->path), "%s", stmt_col_text(q, 17));
	}
	stmt_finalize(q);
	return rec_fetched(st, a, rc, o, out, "mô hình Dân vận khéo", e);
}

/* A model's values after merging an input over the current ones. */
struct model_vals {
	const char	*name, *field, *kind, *status, *results, *evidence;
	int64_t		 year, replicated_from;	/* 0: none */
	bool		 outstanding;
};

/* Is the source of a replication a model that a sees? */
static int
check_source(struct store *st, const struct actor *a, int64_t src,
    int64_t self, struct err *e)
{
	struct rec_owner o;
	json_t *m = NULL;
	int rc;

	if (src == self)
		return err_set(e, ERR_INVAL, "invalid_field", "replicated_from",
		    "Mô hình không thể nhân rộng từ chính nó.");
	rc = fetch_model(st, a, src, &m, &o, e);
	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_INVAL, "invalid_field", "replicated_from",
		    "Mô hình gốc được nhân rộng không tồn tại hoặc nằm ngoài "
		    "phạm vi quản lý của bạn.");
	json_decref(m);
	return rc;
}

static int
check_model(struct store *st, const struct actor *a,
    const struct model_vals *v, int64_t self, struct err *e)
{
	bool ok;
	int rc;

	if (rec_empty(v->name))
		return err_set(e, ERR_INVAL, "invalid_field", "name",
		    "Tên mô hình không được để trống.");
	rc = field_exists(st, v->field, &ok, e);
	if (rc != 0)
		return rc;
	if (!ok)
		return err_set(e, ERR_INVAL, "invalid_field", "field",
		    "Lĩnh vực không có trong danh mục lĩnh vực Dân vận khéo.");
	if (rec_index_of(model_kind, v->kind) < 0)
		return err_set(e, ERR_INVAL, "invalid_field", "kind",
		    "Loại phải là collective (tập thể) hoặc individual (cá "
		    "nhân).");
	rc = check_year(v->year, "invalid_field", "year", e);
	if (rc == 0 && rec_index_of(model_status, v->status) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "status",
		    "Trạng thái phải là registered, implementing, evaluated "
		    "hoặc recognised.");
	if (rc == 0 && v->outstanding && strcmp(v->status, "recognised") != 0)
		rc = err_set(e, ERR_EXISTS, "invalid_state", "outstanding",
		    "Chỉ mô hình đã được công nhận mới được đánh giá tiêu "
		    "biểu.");
	if (rc == 0 && v->replicated_from != 0)
		rc = check_source(st, a, v->replicated_from, self, e);
	return rc;
}

/* Binds name, name_fold, name_key, field, kind, year, status,
 * outstanding, results, evidence, replicated_from from i. */
static int
bind_model_vals(struct stmt *q, int i, const struct model_vals *v,
    struct err *e)
{
	char *fold = NULL, *key = NULL;

	if (text_fold(v->name, &fold) != 0 ||
	    text_sort_key(v->name, &key) != 0) {
		free(fold);
		free(key);
		return err_set(e, ERR_INVAL, "invalid_field", "name",
		    "Tên mô hình không hợp lệ.");
	}
	stmt_bind_text(q, i++, v->name);
	stmt_bind_text(q, i++, fold);
	stmt_bind_text(q, i++, key);
	free(fold);
	free(key);
	stmt_bind_text(q, i++, v->field);
	stmt_bind_text(q, i++, v->kind);
	stmt_bind_int(q, i++, v->year);
	stmt_bind_text(q, i++, v->status);
	stmt_bind_int(q, i++, v->outstanding ? 1 : 0);
	stmt_bind_text(q, i++, v->results);
	stmt_bind_text(q, i++, v->evidence);
	if (v->replicated_from != 0)
		stmt_bind_int(q, i, v->replicated_from);
	else
		stmt_bind_null(q, i);
	return 0;
}

int
dvk_model_list(struct store *st, const struct actor *a,
    const struct dvk_query *f, json_t **out, struct err *e)
{
	struct filter c = { .f = f, .a = a, .t = "m", .models = true };
	struct list_query lq;
	struct buf from;
	int rc;

	*out = NULL;
	rc = filter_init(st, &c, e);
	if (rc != 0) {
		free(c.like);
		return rc;
	}
	buf_init(&from, SQL_MAX);
	buf_add_str(&from, MODEL_FROM);
	filter_sql(&from, MODEL_SCOPE, &c);
	lq = (struct list_query){ MODEL_COLS, buf_cstr(&from), MODEL_ORDER,
	    filter_bind, &c, model_row, f->limit, f->offset, NULL, NULL, NULL };
	rc = list_run(st, &lq, out, e);
	buf_release(&from);
	free(c.like);
	return rc;
}

int
dvk_model_create(struct store *st, const struct actor *a,
    const struct dvk_model_input *in, json_t **out, struct err *e)
{
	struct model_vals v = { in->name, in->field, in->kind,
	    in->status != NULL ? in->status : "registered", rec_opt(in->results),
	    rec_opt(in->evidence), in->year,
	    in->has_replicated_from ? in->replicated_from : 0,
	    in->has_outstanding && in->outstanding };
	struct rec_owner own, o2;
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
		rc = check_model(st, a, &v, 0, e);
	if (rc != 0)
		return rc;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = store_prepare(st, "INSERT INTO dvk_models (org_id,"
	    " unit_structure, unit_code, unit_path, name, name_fold,"
	    " name_key, field, kind, year, status, outstanding, results,"
	    " evidence, replicated_from, created_by, created_at, updated_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	    " RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		rc = bind_model_vals(q, 5, &v, e);
		if (rc != 0) {
			stmt_finalize(q);
		} else {
			rec_bind_creator(q, 16, a);
			stmt_bind_int(q, 17, now);
			stmt_bind_int(q, 18, now);
			rc = stmt_step_id(q, &id, e);
		}
	}
	if (rc == 0)
		rc = fetch_model(st, a, id, out, &o2, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "dvk_model", id, &own, NULL, *out,
		    e);
	return rec_finish(st, rc, out, e);
}

int
dvk_model_get(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct err *e)
{
	json_t *m = NULL, *reps = NULL;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = fetch_model(st, a, id, &m, &o, e);
	if (rc == 0)
		rc = store_prepare(st, "SELECT " MODEL_COLS MODEL_FROM
		    " WHERE m.replicated_from = ? AND " MODEL_SCOPE
		    " ORDER BY " MODEL_ORDER, &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, id);
		actor_bind_scope(a, q, 2);
		rc = rec_collect(q, model_row, &reps, e);
	}
	if (rc != 0) {
		json_decref(m);
		return rc;
	}
	*out = json_pack("{s:o, s:o}", "model", m, "replications", reps);
	return 0;
}

int
dvk_model_update(struct store *st, const struct actor *a, int64_t id,
    const struct dvk_model_input *in, json_t **out, struct err *e)
{
	struct model_vals v;
	json_t *before = NULL;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	*out = NULL;
	memset(&v, 0, sizeof(v));
	if (in->has_org_id)
		return err_set(e, ERR_INVAL, "unknown_field", "org_id",
		    "Không thể chuyển mô hình sang tổ chức khác.");
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_model(st, a, id, &before, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, WRITER_WHAT, e);
	if (rc == 0) {
		v = (struct model_vals){ rec_member(before, "name"),
		    rec_member(before, "field"), rec_member(before, "kind"),
		    rec_member(before, "status"), rec_member(before, "results"),
		    rec_member(before, "evidence"), rec_imember(before, "year"),
		    rec_imember(before, "replicated_from"),
		    json_is_true(json_object_get(before, "outstanding")) };
		if (in->name != NULL)
			v.name = in->name;
		if (in->field != NULL)
			v.field = in->field;
		if (in->kind != NULL)
			v.kind = in->kind;
		if (in->has_year)
			v.year = in->year;
		if (in->results != NULL)
			v.results = rec_opt(in->results);
		if (in->evidence != NULL)
			v.evidence = rec_opt(in->evidence);
		if (in->has_replicated_from)
			v.replicated_from = in->replicated_from;
		if (in->has_outstanding)
			v.outstanding = in->outstanding;
		if (in->status != NULL) {
			int from = rec_index_of(model_status, v.status);
			int to = rec_index_of(model_status, in->status);

			if (to >= 0 && to < from)
				rc = err_set(e, ERR_EXISTS, "invalid_state",
				    "status", "Trạng thái mô hình chỉ được "
				    "chuyển tiếp (đăng ký → triển khai → đánh "
				    "giá → công nhận), không được lùi lại.");
			v.status = in->status;
		}
	}
	if (rc == 0)
		rc = check_model(st, a, &v, id, e);
	if (rc == 0)
		rc = store_prepare(st, "UPDATE dvk_models SET name = ?,"
		    " name_fold = ?, name_key = ?, field = ?, kind = ?,"
		    " year = ?, status = ?, outstanding = ?, results = ?,"
		    " evidence = ?, replicated_from = ?, updated_at = ?"
		    " WHERE id = ?", &q, e);
	if (rc == 0) {
		rc = bind_model_vals(q, 1, &v, e);
		if (rc != 0) {
			stmt_finalize(q);
		} else {
			stmt_bind_int(q, 12, clock_now());
			stmt_bind_int(q, 13, id);
			rc = stmt_step_done(q, e);
		}
	}
	if (rc == 0)
		rc = fetch_model(st, a, id, out, &o, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "dvk_model", id, &o, before, *out,
		    e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

/* ---- breakthrough tasks ---------------------------------------------- */

#define TASK_COLS							\
	"t.id, t.org_id, o.name, t.unit_structure, t.unit_code, n.name,"	\
	" t.year, t.title, t.progress, t.status, t.evaluation,"		\
	" t.created_at, t.updated_at, t.unit_path"
#define TASK_FROM							\
	" FROM breakthrough_tasks t JOIN organizations o ON"		\
	" o.id = t.org_id JOIN units n ON n.structure ="		\
	" t.unit_structure AND n.code = t.unit_code"
#define TASK_SCOPE							\
	SCOPE_SQL("t.unit_structure", "t.unit_path")

static json_t *
task_row(struct stmt *q)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN];

	clock_iso(stmt_col_int(q, 11), c);
	clock_iso(stmt_col_int(q, 12), u);
	return json_pack("{s:I, s:{s:I, s:s}, s:{s:I, s:s, s:s}, s:I, s:s,"
	    " s:I, s:s, s:o, s:s, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", "id", (json_int_t)stmt_col_int(q, 1),
	    "name", stmt_col_text(q, 2),
	    "unit", "structure", (json_int_t)stmt_col_int(q, 3),
	    "code", stmt_col_text(q, 4), "name", stmt_col_text(q, 5),
	    "year", (json_int_t)stmt_col_int(q, 6),
	    "title", stmt_col_text(q, 7),
	    "progress", (json_int_t)stmt_col_int(q, 8),
	    "status", stmt_col_text(q, 9), "evaluation", rec_col_str(q, 10),
	    "created_at", c, "updated_at", u);
}

static int
fetch_task(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct rec_owner *o, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " TASK_COLS TASK_FROM " WHERE t.id = ?",
	    &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = task_row(q);
		o->structure = (int)stmt_col_int(q, 3);
		snprintf(o->code, sizeof(o->code), "%s", stmt_col_text(q, 4));
		snprintf(o->path, sizeof(o->path), "%s", stmt_col_text(q, 13));
	}
	stmt_finalize(q);
	return rec_fetched(st, a, rc, o, out, "nhiệm vụ đột phá", e);
}

int
breakthrough_list(struct store *st, const struct actor *a,
    const struct dvk_query *f, json_t **out, struct err *e)
{
	struct filter c = { .f = f, .a = a, .t = "t", .models = false };
	struct list_query lq;
	struct buf from;
	int rc;

	*out = NULL;
	rc = filter_init(st, &c, e);
	if (rc != 0)
		return rc;
	buf_init(&from, SQL_MAX);
	buf_add_str(&from, TASK_FROM);
	filter_sql(&from, TASK_SCOPE, &c);
	lq = (struct list_query){ TASK_COLS, buf_cstr(&from),
	    "t.year DESC, o.name_key, t.org_id, t.id", filter_bind, &c,
	    task_row, f->limit, f->offset, NULL, NULL, NULL };
	rc = list_run(st, &lq, out, e);
	buf_release(&from);
	return rc;
}

/*
 * Tasks of org_id registered for year.  The no-op update locks the
 * organisation's row first (PostgreSQL writers run at READ COMMITTED), so
 * two concurrent registrations cannot both pass the maximum; SQLite
 * writers are serialised already.
 */
static int
task_count(struct store *st, int64_t org_id, int64_t year, int64_t *n,
    struct err *e)
{
	struct stmt *q;
	int rc;

	*n = 0;
	rc = store_prepare(st, "UPDATE organizations SET updated_at ="
	    " updated_at WHERE id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, org_id);
	rc = stmt_step_done(q, e);
	if (rc != 0)
		return rc;
	rc = store_prepare(st, "SELECT COUNT(*) FROM breakthrough_tasks"
	    " WHERE org_id = ? AND year = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, org_id);
	stmt_bind_int(q, 2, year);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		*n = stmt_col_int(q, 0);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

int
breakthrough_create(struct store *st, const struct actor *a,
    const struct breakthrough_input *in, json_t **out, struct err *e)
{
	struct rec_owner own, o2;
	struct stmt *q;
	int64_t id = 0, n = 0, now = clock_now();
	int max = 5, rc;

	*out = NULL;
	rc = rec_check_writer(a, WRITER_WHAT, e);
	if (rc == 0 && !in->has_org_id)
		rc = err_set(e, ERR_INVAL, "missing_field", "org_id",
		    "Thiếu trường bắt buộc \"org_id\".");
	if (rc == 0)
		rc = rec_org_owner(st, a, in->org_id, "org_id", &own, e);
	if (rc == 0)
		rc = check_year(in->year, "invalid_field", "year", e);
	if (rc == 0 && rec_empty(in->title))
		rc = err_set(e, ERR_INVAL, "invalid_field", "title",
		    "Tên nhiệm vụ đột phá không được để trống.");
	if (rc != 0)
		return rc;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = settings_int(st, "breakthrough_max", 5, &max, e);
	if (rc == 0)
		rc = task_count(st, in->org_id, in->year, &n, e);
	if (rc == 0 && n >= max)
		rc = err_set(e, ERR_EXISTS, "conflict", "year", "Tổ chức đã "
		    "đăng ký đủ %d nhiệm vụ đột phá cho năm %d; mỗi năm chỉ "
		    "được đăng ký tối đa %d nhiệm vụ.", (int)n, (int)in->year,
		    max);
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO breakthrough_tasks (org_id,"
		    " unit_structure, unit_code, unit_path, year, title,"
		    " progress, status, created_by, created_at, updated_at)"
		    " VALUES (?, ?, ?, ?, ?, ?, 0, 'registered', ?, ?, ?)"
		    " RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		stmt_bind_int(q, 5, in->year);
		stmt_bind_text(q, 6, in->title);
		rec_bind_creator(q, 7, a);
		stmt_bind_int(q, 8, now);
		stmt_bind_int(q, 9, now);
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_task(st, a, id, out, &o2, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "breakthrough_task", id, &own, NULL,
		    *out, e);
	return rec_finish(st, rc, out, e);
}

int
breakthrough_update(struct store *st, const struct actor *a, int64_t id,
    const struct breakthrough_input *in, json_t **out, struct err *e)
{
	const char *title, *status, *eval;
	json_t *before = NULL;
	int64_t progress = 0;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	*out = NULL;
	if (in->has_org_id || in->has_year)
		return err_set(e, ERR_INVAL, "unknown_field",
		    in->has_org_id ? "org_id" : "year", "Không thể đổi tổ "
		    "chức hoặc năm của nhiệm vụ đột phá.");
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_task(st, a, id, &before, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, WRITER_WHAT, e);
	if (rc != 0) {
		json_decref(before);
		return rec_finish(st, rc, out, e);
	}
	title = in->title != NULL ? in->title : rec_member(before, "title");
	progress = in->has_progress ? in->progress :
	    rec_imember(before, "progress");
	status = in->status != NULL ? in->status : rec_member(before, "status");
	eval = in->evaluation != NULL ? rec_opt(in->evaluation) :
	    rec_member(before, "evaluation");
	/* Progress reported on a registered task means work has begun. */
	if (in->status == NULL && strcmp(status, "registered") == 0 &&
	    progress > 0)
		status = "in_progress";
	if (rec_empty(title))
		rc = err_set(e, ERR_INVAL, "invalid_field", "title",
		    "Tên nhiệm vụ đột phá không được để trống.");
	else if (rec_index_of(task_status, status) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "status",
		    "Trạng thái phải là registered, in_progress, completed "
		    "hoặc not_completed.");
	else if (rec_index_of(task_status, status) >= 2 && eval == NULL)
		rc = err_set(e, ERR_INVAL, "invalid_field", "evaluation",
		    "Đánh giá cuối năm (hoàn thành hoặc không hoàn thành) "
		    "cần có nội dung đánh giá.");
	if (rc == 0)
		rc = store_prepare(st, "UPDATE breakthrough_tasks SET title = ?,"
		    " progress = ?, status = ?, evaluation = ?, updated_at = ?"
		    " WHERE id = ?", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, title);
		stmt_bind_int(q, 2, progress);
		stmt_bind_text(q, 3, status);
		stmt_bind_text(q, 4, eval);
		stmt_bind_int(q, 5, clock_now());
		stmt_bind_int(q, 6, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = fetch_task(st, a, id, out, &o, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "breakthrough_task", id, &o, before,
		    *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

/* ---- subtree counts -------------------------------------------------- */

/* a narrowed to the unit of f (which a must see) as a read-only actor. */
static int
subtree(struct store *st, const struct actor *a, const struct dvk_query *f,
    struct actor *sub, struct err *e)
{
	struct unit_info info;
	bool inside = false;
	int rc;

	*sub = *a;
	sub->role = ROLE_VIEWER;
	if (f->unit == NULL)
		return 0;
	if (unit_lookup(st, f->structure, f->unit, &info, e) != 0)
		return err_set(e, ERR_INVAL, "invalid_param", "unit",
		    "Đơn vị hành chính không tồn tại.");
	rc = actor_in_scope(st, a, f->structure, f->unit, &inside, e);
	if (rc != 0)
		return rc;
	if (!inside)
		return err_set(e, ERR_PERM, "forbidden", "unit",
		    "Đơn vị nằm ngoài phạm vi quản lý của bạn.");
	sub->scope_structure = f->structure;
	snprintf(sub->scope_code, sizeof(sub->scope_code), "%s", info.code);
	snprintf(sub->scope_path, sizeof(sub->scope_path), "%s", info.path);
	return 0;
}

static int64_t
this_year(void)
{
	char d[CAL_DATE_LEN];
	int64_t y = 0;

	cal_format(cal_today(), d);
	for (int i = 0; i < 4; i++)
		y = y * 10 + (d[i] - '0');
	return y;
}

/* Run sql: bind the npre integers, the subtree scope, the npost
 * integers; hand each row to fn. */
static int
each(struct store *st, const struct actor *sub, const char *sql,
    const int64_t *pre, int npre, const int64_t *post, int npost,
    void (*fn)(struct stmt *q, json_t *acc), json_t *acc, struct err *e)
{
	struct stmt *q;
	int i = 1, rc;

	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	for (int k = 0; k < npre; k++)
		stmt_bind_int(q, i++, pre[k]);
	i = actor_bind_scope(sub, q, i);
	for (int k = 0; k < npost; k++)
		stmt_bind_int(q, i++, post[k]);
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e))
		fn(q, acc);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

/* Columns as integers: acc[i] = column i. */
static void
put_counts(struct stmt *q, json_t *acc)
{
	int n = stmt_column_count(q);

	for (int i = 0; i < n; i++)
		json_array_append_new(acc, json_integer(stmt_col_int(q, i)));
}

static void
put_group(struct stmt *q, json_t *acc)
{
	json_t *x = json_object_get(acc, stmt_col_text(q, 0));

	if (x != NULL)
		json_integer_set(x, stmt_col_int(q, 1));
}

static void
put_field(struct stmt *q, json_t *acc)
{
	json_int_t cur = stmt_col_int(q, 2), prev = stmt_col_int(q, 3);

	json_array_append_new(acc, json_pack("{s:s, s:s, s:I, s:I, s:I}",
	    "code", stmt_col_text(q, 0), "name", stmt_col_text(q, 1),
	    "count", cur, "previous", prev, "change", cur - prev));
}

static void
put_summary(struct stmt *q, json_t *acc)
{
	json_int_t min = json_integer_value(json_object_get(acc, "min"));
	json_int_t n = stmt_col_int(q, 5);

	json_array_append_new(json_object_get(acc, "items"), json_pack(
	    "{s:{s:I, s:s}, s:{s:I, s:s, s:s}, s:I, s:I, s:b}",
	    "org", "id", (json_int_t)stmt_col_int(q, 0),
	    "name", stmt_col_text(q, 1),
	    "unit", "structure", (json_int_t)stmt_col_int(q, 2),
	    "code", stmt_col_text(q, 3), "name", stmt_col_text(q, 4),
	    "registered", n, "completed", (json_int_t)stmt_col_int(q, 6),
	    "below_minimum", n < min));
}

static json_t *
zeros(const char *const *codes)
{
	json_t *o = json_object();

	for (int i = 0; codes[i] != NULL; i++)
		json_object_set_new(o, codes[i], json_integer(0));
	return o;
}

static json_int_t
at(json_t *arr, size_t i)
{
	return json_integer_value(json_array_get(arr, i));
}

/* acc[level] = [count, previous]. */
static void
put_level(struct stmt *q, json_t *acc)
{
	json_object_set_new(acc, stmt_col_text(q, 0), json_pack("[I, I]",
	    (json_int_t)stmt_col_int(q, 1), (json_int_t)stmt_col_int(q, 2)));
}

/* by_level items in level order: province and commune always, district
 * (2024 structure only) when it has models in either year. */
static json_t *
level_items(json_t *acc)
{
	static const char *const code[] = { "province", "district", "commune" };
	static const char *const name[] = { "Cấp tỉnh", "Cấp huyện", "Cấp xã" };
	json_t *items = json_array();

	for (int i = 0; i < 3; i++) {
		json_t *c = json_object_get(acc, code[i]);
		json_int_t cur = at(c, 0), prev = at(c, 1);

		if (i == 1 && cur == 0 && prev == 0)
			continue;
		json_array_append_new(items, json_pack(
		    "{s:s, s:s, s:I, s:I, s:I}", "level", code[i],
		    "name", name[i], "count", cur, "previous", prev,
		    "change", cur - prev));
	}
	return items;
}

#define O_SCOPE	SCOPE_SQL("o.unit_structure", "o.unit_path")

int
breakthrough_summary(struct store *st, const struct actor *a,
    const struct dvk_query *f, json_t **out, struct err *e)
{
	int64_t year = f->year != 0 ? f->year : this_year();
	int min = 3, max = 5, rc;
	struct actor sub;
	json_t *acc;

	*out = NULL;
	rc = subtree(st, a, f, &sub, e);
	if (rc == 0)
		rc = settings_int(st, "breakthrough_min", 3, &min, e);
	if (rc == 0)
		rc = settings_int(st, "breakthrough_max", 5, &max, e);
	if (rc != 0)
		return rc;
	acc = json_pack("{s:I, s:i, s:i, s:[]}", "year", (json_int_t)year,
	    "min", min, "max", max, "items");
	rc = each(st, &sub, "SELECT o.id, o.name, o.unit_structure,"
	    " o.unit_code, n.name, COUNT(t.id), COALESCE(SUM(CASE WHEN"
	    " t.status = 'completed' THEN 1 ELSE 0 END), 0) FROM organizations"
	    " o JOIN units n ON n.structure = o.unit_structure AND n.code ="
	    " o.unit_code LEFT JOIN breakthrough_tasks t ON t.org_id = o.id"
	    " AND t.year = ? WHERE " O_SCOPE " GROUP BY o.id, o.name,"
	    " o.unit_structure, o.unit_code, n.name, o.name_key ORDER BY"
	    " o.name_key, o.id", &year, 1, NULL, 0, put_summary, acc, e);
	if (rc != 0) {
		json_decref(acc);
		return rc;
	}
	*out = acc;
	return 0;
}

/* The models' counts of model_counts(), from the records. */
static int
model_raw(struct store *st, const struct actor *sub, int64_t y, json_t *t,
    json_t *fields, json_t *levels, json_t *kinds, json_t *status,
    struct err *e)
{
	const int64_t two[] = { y, y - 1, y, y - 1 };
	const int64_t tot[] = { y, y - 1, y, y };
	int rc;

	rc = each(st, sub, "SELECT COALESCE(SUM(CASE WHEN m.year = ? THEN 1"
	    " ELSE 0 END), 0), COALESCE(SUM(CASE WHEN m.year = ? THEN 1 ELSE"
	    " 0 END), 0), COALESCE(SUM(CASE WHEN m.year = ? AND"
	    " m.outstanding = 1 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE"
	    " WHEN m.year = ? AND m.replicated_from IS NOT NULL THEN 1 ELSE 0"
	    " END), 0) FROM dvk_models m WHERE " MODEL_SCOPE, tot, 4, NULL,
	    0, put_counts, t, e);
	if (rc == 0)
		rc = each(st, sub, "SELECT f.code, f.name, COALESCE(SUM(CASE"
		    " WHEN m.year = ? THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE"
		    " WHEN m.year = ? THEN 1 ELSE 0 END), 0) FROM dvk_fields f"
		    " LEFT JOIN dvk_models m ON m.field = f.code AND m.year IN"
		    " (?, ?) AND " MODEL_SCOPE " GROUP BY f.code, f.name, f.sort"
		    " ORDER BY f.sort, f.code", two, 4, NULL, 0, put_field,
		    fields, e);
	if (rc == 0)
		rc = each(st, sub, "SELECT n.level, COALESCE(SUM(CASE WHEN"
		    " m.year = ? THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN"
		    " m.year = ? THEN 1 ELSE 0 END), 0) FROM dvk_models m JOIN"
		    " units n ON n.structure = m.unit_structure AND n.code ="
		    " m.unit_code WHERE " MODEL_SCOPE " AND m.year IN (?, ?)"
		    " GROUP BY n.level", two, 2, two, 2, put_level, levels, e);
	if (rc == 0)
		rc = each(st, sub, "SELECT m.kind, COUNT(*) FROM dvk_models m"
		    " WHERE " MODEL_SCOPE " AND m.year = ? GROUP BY m.kind",
		    NULL, 0, &y, 1, put_group, kinds, e);
	if (rc == 0)
		rc = each(st, sub, "SELECT m.status, COUNT(*) FROM dvk_models m"
		    " WHERE " MODEL_SCOPE " AND m.year = ? GROUP BY m.status",
		    NULL, 0, &y, 1, put_group, status, e);
	return rc;
}

/* The same from the cube (cube.h): bucket is the year. */
static int
model_cube(struct store *st, const struct cube *cb, int64_t y, json_t *t,
    json_t *fields, json_t *levels, json_t *kinds, json_t *status,
    struct err *e)
{
	char cur[24], prev[24];
	int rc;

	snprintf(cur, sizeof(cur), "%lld", (long long)y);
	snprintf(prev, sizeof(prev), "%lld", (long long)(y - 1));
	rc = cube_each(st, cb, "SELECT COALESCE(SUM(CASE WHEN c.bucket = ?"
	    " THEN c.n ELSE 0 END), 0), COALESCE(SUM(CASE WHEN c.bucket = ?"
	    " THEN c.n ELSE 0 END), 0), COALESCE(SUM(CASE WHEN c.bucket = ?"
	    " THEN c.s1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN c.bucket = ?"
	    " THEN c.s2 ELSE 0 END), 0) FROM stat_cube c WHERE c.src = 'm_tot'"
	    " AND %s AND c.bucket IN (?, ?)", CUBE_PLAIN,
	    (const char *const[]){ cur, prev, cur, cur }, 4,
	    (const char *const[]){ cur, prev }, 2, put_counts, t, e);
	if (rc == 0)
		rc = cube_each(st, cb, "SELECT f.code, f.name, COALESCE(SUM("
		    "CASE WHEN c.bucket = ? THEN c.n ELSE 0 END), 0),"
		    " COALESCE(SUM(CASE WHEN c.bucket = ? THEN c.n ELSE 0 END),"
		    " 0) FROM dvk_fields f LEFT JOIN stat_cube c ON c.src ="
		    " 'm_field' AND c.k1 = f.code AND c.bucket IN (?, ?) AND %s"
		    " GROUP BY f.code, f.name, f.sort ORDER BY f.sort, f.code",
		    CUBE_PLAIN,
		    (const char *const[]){ cur, prev, cur, prev }, 4, NULL, 0,
		    put_field, fields, e);
	if (rc == 0)
		rc = cube_each(st, cb, "SELECT c.k1, COALESCE(SUM(CASE WHEN"
		    " c.bucket = ? THEN c.n ELSE 0 END), 0), COALESCE(SUM(CASE"
		    " WHEN c.bucket = ? THEN c.n ELSE 0 END), 0) FROM"
		    " stat_cube c WHERE c.src = 'm_level' AND %s AND c.bucket"
		    " IN (?, ?) AND c.k1 <> '' GROUP BY c.k1 HAVING SUM(c.n) >"
		    " 0", CUBE_PLAIN, (const char *const[]){ cur, prev }, 2,
		    (const char *const[]){ cur, prev }, 2, put_level, levels,
		    e);
	if (rc == 0)
		rc = cube_each(st, cb, "SELECT c.k1, SUM(c.n) FROM stat_cube c"
		    " WHERE c.src = 'm_kind' AND %s AND c.bucket = ? GROUP BY"
		    " c.k1", CUBE_PLAIN, NULL, 0, (const char *const[]){ cur },
		    1, put_group, kinds, e);
	if (rc == 0)
		rc = cube_each(st, cb, "SELECT c.k1, SUM(c.n) FROM stat_cube c"
		    " WHERE c.src = 'm_status' AND %s AND c.bucket = ? GROUP BY"
		    " c.k1", CUBE_PLAIN, NULL, 0, (const char *const[]){ cur },
		    1, put_group, status, e);
	return rc;
}

static int
model_counts(struct store *st, const struct actor *sub, int64_t y,
    json_t **out, struct err *e)
{
	json_t *t = json_array(), *fields = json_array();
	json_t *kinds = zeros(model_kind), *status = zeros(model_status);
	json_t *levels = json_object();
	struct cube cb;
	int rc;

	cube_init(&cb, sub, NULL, NULL);
	if (cube_for_subtree(&cb))
		rc = model_cube(st, &cb, y, t, fields, levels, kinds, status,
		    e);
	else
		rc = model_raw(st, sub, y, t, fields, levels, kinds, status,
		    e);
	if (rc != 0) {
		json_decref(t);
		json_decref(fields);
		json_decref(kinds);
		json_decref(status);
		json_decref(levels);
		return rc;
	}
	*out = json_pack("{s:I, s:I, s:I, s:o, s:o, s:o, s:o, s:I, s:I}",
	    "total", at(t, 0), "previous_year_total", at(t, 1),
	    "change", at(t, 0) - at(t, 1), "by_field", fields,
	    "by_level", level_items(levels), "by_kind", kinds,
	    "by_status", status, "outstanding", at(t, 2),
	    "replicated", at(t, 3));
	json_decref(t);
	json_decref(levels);
	return 0;
}

static int
task_counts(struct store *st, const struct actor *sub, int64_t y,
    json_t **out, struct err *e)
{
	json_t *t = json_array(), *b = json_array();
	int64_t below[2] = { y, 3 };
	int min = 3, rc;

	rc = settings_int(st, "breakthrough_min", 3, &min, e);
	below[1] = min;
	if (rc == 0)
		rc = each(st, sub, "SELECT COUNT(DISTINCT t.org_id), COUNT(*),"
		    " COALESCE(SUM(CASE WHEN t.status = 'completed' THEN 1 ELSE"
		    " 0 END), 0) FROM breakthrough_tasks t WHERE " TASK_SCOPE
		    " AND t.year = ?", NULL, 0, &y, 1, put_counts, t, e);
	if (rc == 0)
		rc = each(st, sub, "SELECT COUNT(*) FROM organizations o WHERE "
		    O_SCOPE " AND (SELECT COUNT(*) FROM breakthrough_tasks t"
		    " WHERE t.org_id = o.id AND t.year = ?) < ?", NULL, 0,
		    below, 2, put_counts, b, e);
	if (rc == 0)
		*out = json_pack("{s:I, s:I, s:I, s:I}", "organisations",
		    at(t, 0), "tasks", at(t, 1), "completed", at(t, 2),
		    "below_minimum", at(b, 0));
	json_decref(t);
	json_decref(b);
	return rc;
}

int
dvk_stats(struct store *st, const struct actor *a, const struct dvk_query *f,
    json_t **out, struct err *e)
{
	int64_t year = f->year != 0 ? f->year : this_year();
	json_t *m = NULL, *b = NULL;
	struct actor sub;
	int rc;

	*out = NULL;
	rc = subtree(st, a, f, &sub, e);
	if (rc == 0)
		rc = model_counts(st, &sub, year, &m, e);
	if (rc == 0)
		rc = task_counts(st, &sub, year, &b, e);
	if (rc != 0) {
		json_decref(m);
		return rc;
	}
	*out = json_pack("{s:I, s:o, s:o}", "year", (json_int_t)year,
	    "models", m, "breakthrough", b);
	return 0;
}
