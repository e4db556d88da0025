/* emulation.c - criteria sets, blocs, scores and the bloc ranking. */
#include "domain/emulation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "core/xlsxwrite.h"
#include "domain/audit.h"
#include "domain/list.h"
#include "domain/record.h"
#include "store/store.h"

#define XLSX_MAX	((size_t)16 << 20)
#define NAME_MAX_LEN	256

/* ---- small helpers --------------------------------------------------- */

static json_t *
col_int_or_null(struct stmt *q, int c)
{
	return stmt_col_is_null(q, c) ? json_null() :
	    json_integer(stmt_col_int(q, c));
}

static json_t *
col_time(struct stmt *q, int c)
{
	char t[ISO_TIME_LEN];

	if (stmt_col_is_null(q, c))
		return json_null();
	clock_iso(stmt_col_int(q, c), t);
	return json_string(t);
}

static void
bind_opt_text(struct stmt *q, int i, const char *s)
{
	if (s != NULL)
		stmt_bind_text(q, i, s);
	else
		stmt_bind_null(q, i);
}

static void
bind_user(struct stmt *q, int i, const struct actor *a)
{
	if (a->user_id > 0)
		stmt_bind_int(q, i, a->user_id);
	else
		stmt_bind_null(q, i);
}

/* Sets and blocs are managed by administrators and leaders. */
static int
check_manager(const struct actor *a, struct err *e)
{
	if (actor_is_admin(a) || a->role == ROLE_LEADER)
		return 0;
	return err_set(e, ERR_PERM, "forbidden", NULL, "Chỉ quản trị viên và "
	    "lãnh đạo được quản lý bộ tiêu chí và khối thi đua.");
}

static int
audit(struct store *st, const struct actor *a, const char *action,
    const char *entity, int64_t id, json_t *before, json_t *after,
    struct err *e)
{
	struct audit_entry ent = { action, entity, id, 0, NULL, NULL, before,
	    after };

	return audit_record(st, a, &ent, e);
}

/* ---- sets ------------------------------------------------------------ */

#define SET_COLS							\
	"id, COALESCE(family_id, id), version, name, year, status,"	\
	" min_total, min_activity, flag_min, merit_count, created_at,"	\
	" updated_at, published_at"

static json_t *
set_row_json(struct stmt *q)
{
	return json_pack("{s:I, s:I, s:I, s:s, s:I, s:s, s:I, s:I, s:o, s:I,"
	    " s:o, s:o, s:o}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "family_id", (json_int_t)stmt_col_int(q, 1),
	    "version", (json_int_t)stmt_col_int(q, 2),
	    "name", stmt_col_text(q, 3),
	    "year", (json_int_t)stmt_col_int(q, 4),
	    "status", stmt_col_text(q, 5),
	    "min_total", (json_int_t)stmt_col_int(q, 6),
	    "min_activity", (json_int_t)stmt_col_int(q, 7),
	    "flag_min", col_int_or_null(q, 8),
	    "merit_count", (json_int_t)stmt_col_int(q, 9),
	    "created_at", col_time(q, 10), "updated_at", col_time(q, 11),
	    "published_at", col_time(q, 12));
}

/* Set id as JSON in *out, or not_found. */
static int
fetch_set(struct store *st, int64_t id, json_t **out, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " SET_COLS " FROM emulation_sets"
	    " WHERE id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		*out = set_row_json(q);
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (*out == NULL)
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy bộ tiêu chí thi đua.");
	return 0;
}

static bool
set_published(json_t *set)
{
	return strcmp(json_string_value(json_object_get(set, "status")),
	    "published") == 0;
}

static int64_t
jint(json_t *obj, const char *key)
{
	return (int64_t)json_integer_value(json_object_get(obj, key));
}

/* list_run binds through a callback: these lists have no parameters. */
static int
bind_none(struct stmt *q, const void *ctx)
{
	(void)q;
	(void)ctx;
	return 1;
}

int
emulation_set_list(struct store *st, int64_t limit, int64_t offset,
    json_t **out, struct err *e)
{
	struct list_query lq = { SET_COLS, " FROM emulation_sets",
	    "year DESC, name, version DESC, id", bind_none, NULL, set_row_json,
	    limit, offset, NULL, NULL, NULL };

	return list_run(st, &lq, out, e);
}

static int
check_set_input(const struct emulation_set_input *in, struct err *e)
{
	if (rec_empty(in->name))
		return err_set(e, ERR_INVAL, "invalid_field", "name",
		    "Tên bộ tiêu chí không được để trống.");
	if (!in->has_year || in->year < 2000 || in->year > 2100)
		return err_set(e, ERR_INVAL, "invalid_field", "year",
		    "Năm thi đua phải từ 2000 đến 2100.");
	return 0;
}

int
emulation_set_create(struct store *st, const struct actor *a,
    const struct emulation_set_input *in, json_t **out, struct err *e)
{
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = check_manager(a, e);
	if (rc == 0)
		rc = check_set_input(in, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = store_prepare(st, "INSERT INTO emulation_sets (family_id,"
	    " version, name, year, status, min_total, min_activity, flag_min,"
	    " merit_count, created_by, created_at, updated_at) VALUES (NULL,"
	    " 1, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?) RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, in->name);
		stmt_bind_int(q, 2, in->year);
		stmt_bind_int(q, 3, in->has_min_total ? in->min_total : 0);
		stmt_bind_int(q, 4, in->has_min_activity ?
		    in->min_activity : 0);
		if (in->has_flag_min)
			stmt_bind_int(q, 5, in->flag_min);
		else
			stmt_bind_null(q, 5);
		stmt_bind_int(q, 6, in->has_merit_count ?
		    in->merit_count : 0);
		bind_user(q, 7, a);
		stmt_bind_int(q, 8, now);
		stmt_bind_int(q, 9, now);
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_set(st, id, out, e);
	if (rc == 0)
		rc = audit(st, a, "create", "emulation_set", id, NULL, *out, e);
	return rec_finish(st, rc, out, e);
}

#define CRIT_COLS							\
	"id, set_id, group_name, code, name, max_points, kind,"		\
	" evidence_required, sort"

static json_t *
crit_row_json(struct stmt *q)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:I, s:s, s:b, s:I}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "set_id", (json_int_t)stmt_col_int(q, 1),
	    "group_name", stmt_col_text(q, 2), "code", stmt_col_text(q, 3),
	    "name", stmt_col_text(q, 4),
	    "max_points", (json_int_t)stmt_col_int(q, 5),
	    "kind", stmt_col_text(q, 6),
	    "evidence_required", stmt_col_int(q, 7) != 0,
	    "sort", (json_int_t)stmt_col_int(q, 8));
}

/* The criteria of set id, in order, as an array. */
static int
set_criteria(struct store *st, int64_t id, json_t **out, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " CRIT_COLS " FROM emulation_criteria"
	    " WHERE set_id = ? ORDER BY sort, id", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	return rec_collect(q, crit_row_json, out, e);
}

int
emulation_set_get(struct store *st, int64_t id, json_t **out, struct err *e)
{
	json_t *set = NULL, *crit = NULL;
	int rc;

	*out = NULL;
	rc = fetch_set(st, id, &set, e);
	if (rc == 0)
		rc = set_criteria(st, id, &crit, e);
	if (rc != 0) {
		json_decref(set);
		return rc;
	}
	*out = json_pack("{s:o, s:o}", "set", set, "criteria", crit);
	return 0;
}

static int
refuse_published(json_t *set, struct err *e)
{
	if (set_published(set))
		return err_set(e, ERR_EXISTS, "set_published", NULL, "Bộ tiêu "
		    "chí đã ban hành không được sửa; hãy tạo phiên bản mới.");
	return 0;
}

static int
check_criterion(const struct emulation_criterion_input *in, struct err *e)
{
	if (rec_empty(in->group_name))
		return err_set(e, ERR_INVAL, "invalid_field", "group_name",
		    "Nhóm tiêu chí không được để trống.");
	if (rec_empty(in->code))
		return err_set(e, ERR_INVAL, "invalid_field", "code",
		    "Mã tiêu chí không được để trống.");
	if (rec_empty(in->name))
		return err_set(e, ERR_INVAL, "invalid_field", "name",
		    "Tên tiêu chí không được để trống.");
	if (!in->has_max_points || in->max_points < 1)
		return err_set(e, ERR_INVAL, "invalid_field", "max_points",
		    "Điểm tối đa phải là số nguyên dương.");
	if (in->kind == NULL || (strcmp(in->kind, "score") != 0 &&
	    strcmp(in->kind, "deduction") != 0 &&
	    strcmp(in->kind, "bonus") != 0))
		return err_set(e, ERR_INVAL, "invalid_field", "kind",
		    "Loại tiêu chí phải là score, deduction hoặc bonus.");
	return 0;
}

/* Count the rows of a one-parameter COUNT query. */
static int
count_of(struct store *st, const char *sql, int64_t id, int64_t *n,
    struct err *e)
{
	struct stmt *q;
	int rc;

	*n = 0;
	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		*n = stmt_col_int(q, 0);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

int
emulation_criterion_create(struct store *st, const struct actor *a,
    int64_t set_id, const struct emulation_criterion_input *in,
    json_t **out, struct err *e)
{
	json_t *set = NULL;
	struct stmt *q;
	int64_t id = 0, n = 0;
	int rc;

	*out = NULL;
	rc = check_manager(a, e);
	if (rc == 0)
		rc = check_criterion(in, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_set(st, set_id, &set, e);
	if (rc == 0)
		rc = refuse_published(set, e);
	json_decref(set);
	if (rc == 0)
		rc = count_of(st, "SELECT COUNT(*) FROM emulation_criteria"
		    " WHERE set_id = ?", set_id, &n, e);
	if (rc == 0 && n >= EMULATION_CRITERIA_MAX)
		rc = err_set(e, ERR_INVAL, "invalid_field", "code",
		    "Bộ tiêu chí đã có quá nhiều tiêu chí.");
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO emulation_criteria (set_id,"
		    " group_name, code, name, max_points, kind,"
		    " evidence_required, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
		    " RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, set_id);
		stmt_bind_text(q, 2, in->group_name);
		stmt_bind_text(q, 3, in->code);
		stmt_bind_text(q, 4, in->name);
		stmt_bind_int(q, 5, in->max_points);
		stmt_bind_text(q, 6, in->kind);
		stmt_bind_int(q, 7, in->has_evidence_required &&
		    in->evidence_required ? 1 : 0);
		stmt_bind_int(q, 8, in->has_sort ? in->sort : (n + 1) * 10);
		rc = stmt_step_id(q, &id, e);
		if (rc == ERR_EXISTS)
			rc = err_set(e, ERR_EXISTS, "conflict", "code",
			    "Mã tiêu chí đã có trong bộ tiêu chí này.");
	}
	if (rc == 0)
		rc = store_prepare(st, "SELECT " CRIT_COLS " FROM"
		    " emulation_criteria WHERE id = ?", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, id);
		rc = stmt_step(q, e);
		if (rc == STEP_ROW)
			*out = crit_row_json(q);
		stmt_finalize(q);
		rc = rc == STEP_ROW ? 0 : (rc < 0 ? rc : ERR_INTERNAL);
	}
	if (rc == 0)
		rc = audit(st, a, "create", "emulation_criterion", id, NULL,
		    *out, e);
	return rec_finish(st, rc, out, e);
}

int
emulation_set_publish(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct err *e)
{
	json_t *before = NULL;
	struct stmt *q;
	int64_t n = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = check_manager(a, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_set(st, id, &before, e);
	if (rc == 0)
		rc = refuse_published(before, e);
	if (rc == 0)
		rc = count_of(st, "SELECT COUNT(*) FROM emulation_criteria"
		    " WHERE set_id = ?", id, &n, e);
	if (rc == 0 && n == 0)
		rc = err_set(e, ERR_EXISTS, "invalid_state", NULL,
		    "Bộ tiêu chí chưa có tiêu chí nào để ban hành.");
	if (rc == 0)
		rc = store_prepare(st, "UPDATE emulation_sets SET status ="
		    " 'published', published_at = ?, updated_at = ? WHERE id = ?",
		    &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, now);
		stmt_bind_int(q, 2, now);
		stmt_bind_int(q, 3, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = fetch_set(st, id, out, e);
	if (rc == 0)
		rc = audit(st, a, "update", "emulation_set", id, before, *out,
		    e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

int
emulation_set_new_version(struct store *st, const struct actor *a,
    int64_t id, json_t **out, struct err *e)
{
	json_t *src = NULL;
	struct stmt *q;
	int64_t nid = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = check_manager(a, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_set(st, id, &src, e);
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO emulation_sets (family_id,"
		    " version, name, year, status, min_total, min_activity,"
		    " flag_min, merit_count, created_by, created_at, updated_at)"
		    " SELECT COALESCE(family_id, id), version + 1, name, year,"
		    " 'draft', min_total, min_activity, flag_min, merit_count, ?,"
		    " ?, ? FROM emulation_sets WHERE id = ? RETURNING id", &q, e);
	if (rc == 0) {
		bind_user(q, 1, a);
		stmt_bind_int(q, 2, now);
		stmt_bind_int(q, 3, now);
		stmt_bind_int(q, 4, id);
		rc = stmt_step_id(q, &nid, e);
		if (rc == ERR_EXISTS)
			rc = err_set(e, ERR_EXISTS, "conflict", NULL, "Phiên bản "
			    "tiếp theo của bộ tiêu chí này đã được tạo.");
	}
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO emulation_criteria (set_id,"
		    " group_name, code, name, max_points, kind,"
		    " evidence_required, sort) SELECT ?, group_name, code, name,"
		    " max_points, kind, evidence_required, sort FROM"
		    " emulation_criteria WHERE set_id = ? ORDER BY sort, id",
		    &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, nid);
		stmt_bind_int(q, 2, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = emulation_set_get(st, nid, out, e);
	if (rc == 0)
		rc = audit(st, a, "create", "emulation_set", nid, src,
		    json_object_get(*out, "set"), e);
	json_decref(src);
	return rec_finish(st, rc, out, e);
}

/* ---- blocs ----------------------------------------------------------- */

#define BLOC_COLS							\
	"b.id, b.name, b.set_id, es.year, es.name, es.version,"		\
	" b.created_at"
#define BLOC_FROM							\
	" FROM emulation_blocs b JOIN emulation_sets es ON"		\
	" es.id = b.set_id"

/* The members of bloc id as [{id, name}] by name. */
static int
bloc_members(struct store *st, int64_t id, json_t **out, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT o.id, o.name FROM"
	    " emulation_bloc_members m JOIN organizations o ON o.id ="
	    " m.org_id WHERE m.bloc_id = ? ORDER BY o.name, o.id", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	*out = json_array();
	for (;;) {
		rc = stmt_step(q, e);
		if (rc != STEP_ROW)
			break;
		json_array_append_new(*out, json_pack("{s:I, s:s}", "id",
		    (json_int_t)stmt_col_int(q, 0), "name",
		    stmt_col_text(q, 1)));
	}
	stmt_finalize(q);
	if (rc < 0) {
		json_decref(*out);
		*out = NULL;
		return rc;
	}
	return 0;
}

static json_t *
bloc_row_json(struct stmt *q)
{
	return json_pack("{s:I, s:s, s:{s:I, s:I, s:s, s:I}, s:o}",
	    "id", (json_int_t)stmt_col_int(q, 0), "name", stmt_col_text(q, 1),
	    "set", "id", (json_int_t)stmt_col_int(q, 2),
	    "year", (json_int_t)stmt_col_int(q, 3),
	    "name", stmt_col_text(q, 4),
	    "version", (json_int_t)stmt_col_int(q, 5),
	    "created_at", col_time(q, 6));
}

/* Bloc id with its members, or not_found. */
static int
fetch_bloc(struct store *st, int64_t id, json_t **out, struct err *e)
{
	json_t *members = NULL;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " BLOC_COLS BLOC_FROM
	    " WHERE b.id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		*out = bloc_row_json(q);
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (*out == NULL)
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy khối thi đua.");
	rc = bloc_members(st, id, &members, e);
	if (rc != 0) {
		json_decref(*out);
		*out = NULL;
		return rc;
	}
	json_object_set_new(*out, "members", members);
	return 0;
}

static json_t *
bloc_list_row(struct stmt *q)
{
	json_t *o = bloc_row_json(q);

	json_object_set_new(o, "member_count",
	    json_integer(stmt_col_int(q, 7)));
	return o;
}

int
emulation_bloc_list(struct store *st, int64_t limit, int64_t offset,
    json_t **out, struct err *e)
{
	struct list_query lq = { BLOC_COLS ", (SELECT COUNT(*) FROM"
	    " emulation_bloc_members m WHERE m.bloc_id = b.id)", BLOC_FROM,
	    "es.year DESC, b.name, b.id", bind_none, NULL, bloc_list_row, limit,
	    offset, " FROM emulation_blocs b", NULL, NULL };

	return list_run(st, &lq, out, e);
}

int
emulation_bloc_create(struct store *st, const struct actor *a,
    const struct emulation_bloc_input *in, json_t **out, struct err *e)
{
	json_t *set = NULL;
	struct stmt *q;
	int64_t id = 0;
	int rc;

	*out = NULL;
	rc = check_manager(a, e);
	if (rc == 0 && rec_empty(in->name))
		rc = err_set(e, ERR_INVAL, "invalid_field", "name",
		    "Tên khối thi đua không được để trống.");
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_set(st, in->set_id, &set, e);
	json_decref(set);
	if (rc == ERR_NOTFOUND)
		rc = err_set(e, ERR_INVAL, "invalid_field", "set_id",
		    "Bộ tiêu chí thi đua không tồn tại.");
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO emulation_blocs (name,"
		    " set_id, created_by, created_at) VALUES (?, ?, ?, ?)"
		    " RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, in->name);
		stmt_bind_int(q, 2, in->set_id);
		bind_user(q, 3, a);
		stmt_bind_int(q, 4, clock_now());
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_bloc(st, id, out, e);
	if (rc == 0)
		rc = audit(st, a, "create", "emulation_bloc", id, NULL, *out, e);
	return rec_finish(st, rc, out, e);
}

int
emulation_bloc_add_member(struct store *st, const struct actor *a,
    int64_t bloc_id, int64_t org_id, json_t **out, struct err *e)
{
	json_t *before = NULL;
	struct rec_owner own;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = check_manager(a, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_bloc(st, bloc_id, &before, e);
	if (rc == 0)
		rc = rec_org_owner(st, a, org_id, "org_id", &own, e);
	if (rc == 0 && json_array_size(json_object_get(before, "members")) >=
	    EMULATION_MEMBERS_MAX)
		rc = err_set(e, ERR_INVAL, "invalid_field", "org_id",
		    "Khối thi đua đã có quá nhiều thành viên.");
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO emulation_bloc_members"
		    " (bloc_id, org_id) VALUES (?, ?)", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, bloc_id);
		stmt_bind_int(q, 2, org_id);
		rc = stmt_step_done(q, e);
		if (rc == ERR_EXISTS)
			rc = err_set(e, ERR_EXISTS, "conflict", "org_id",
			    "Tổ chức đã là thành viên của khối thi đua.");
	}
	if (rc == 0)
		rc = fetch_bloc(st, bloc_id, out, e);
	if (rc == 0)
		rc = audit(st, a, "update", "emulation_bloc", bloc_id, before,
		    *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

/* ---- scores ---------------------------------------------------------- */

struct crit {
	int64_t	set_id;
	int64_t	max_points;
	bool	evidence_required;
	bool	published;
};

static int
fetch_crit(struct store *st, int64_t id, struct crit *c, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "SELECT c.set_id, c.max_points,"
	    " c.evidence_required, es.status FROM emulation_criteria c JOIN"
	    " emulation_sets es ON es.id = c.set_id WHERE c.id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		c->set_id = stmt_col_int(q, 0);
		c->max_points = stmt_col_int(q, 1);
		c->evidence_required = stmt_col_int(q, 2) != 0;
		c->published = strcmp(stmt_col_text(q, 3), "published") == 0;
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (rc != STEP_ROW)
		return err_set(e, ERR_INVAL, "invalid_field", "criterion_id",
		    "Tiêu chí thi đua không tồn tại.");
	if (!c->published)
		return err_set(e, ERR_EXISTS, "set_draft", NULL, "Bộ tiêu chí "
		    "chưa ban hành nên chưa thể chấm điểm.");
	return 0;
}

/*
 * May a write the kind of points for an organisation of unit own?  Self:
 * the actor's scope is exactly that unit.  Appraisal: the unit is inside
 * the scope but is not the scope itself (actor_in_scope checked it).
 */
static int
check_assessor(const struct actor *a, bool self, const struct rec_owner *own,
    struct err *e)
{
	bool same = a->scope_structure == own->structure &&
	    strcmp(a->scope_path, own->path) == 0;

	if (a->role == ROLE_VIEWER)
		return err_set(e, ERR_PERM, "forbidden", NULL, "Tài khoản chỉ "
		    "xem không được chấm điểm thi đua.");
	if (self && !same)
		return err_set(e, ERR_PERM, "forbidden", NULL, "Chỉ cán bộ của "
		    "chính đơn vị được tự chấm điểm cho tổ chức này.");
	if (!self && same)
		return err_set(e, ERR_PERM, "forbidden", NULL, "Việc thẩm định "
		    "điểm do cấp trên thực hiện, không do chính đơn vị.");
	return 0;
}

#define SCORE_COLS							\
	"id, criterion_id, org_id, self_points, self_note, evidence,"	\
	" appraised_points, appraisal_note, updated_at"

static json_t *
score_row_json(struct stmt *q)
{
	return json_pack("{s:I, s:I, s:I, s:o, s:o, s:o, s:o, s:o, s:o}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "criterion_id", (json_int_t)stmt_col_int(q, 1),
	    "org_id", (json_int_t)stmt_col_int(q, 2),
	    "self_points", col_int_or_null(q, 3),
	    "self_note", rec_jstr(stmt_col_text(q, 4)),
	    "evidence", rec_jstr(stmt_col_text(q, 5)),
	    "appraised_points", col_int_or_null(q, 6),
	    "appraisal_note", rec_jstr(stmt_col_text(q, 7)),
	    "updated_at", col_time(q, 8));
}

/* The score row of (criterion, org) in *out (NULL when none). */
static int
fetch_score(struct store *st, int64_t crit, int64_t org, json_t **out,
    struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " SCORE_COLS " FROM emulation_scores"
	    " WHERE criterion_id = ? AND org_id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, crit);
	stmt_bind_int(q, 2, org);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		*out = score_row_json(q);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static int
check_score(const struct emulation_score_input *in, const struct crit *c,
    bool self, struct err *e)
{
	if (!in->has_points || in->points > c->max_points)
		return err_set(e, ERR_INVAL, "invalid_field", "points",
		    "Điểm phải từ 0 đến điểm tối đa của tiêu chí.");
	if (self && c->evidence_required && in->points > 0 &&
	    rec_empty(in->evidence))
		return err_set(e, ERR_INVAL, "invalid_field", "evidence",
		    "Tiêu chí này bắt buộc có minh chứng khi tự chấm điểm.");
	if (!self && in->evidence != NULL)
		return err_set(e, ERR_INVAL, "invalid_field", "evidence",
		    "Minh chứng chỉ kèm theo khi đơn vị tự chấm điểm.");
	return 0;
}

/* Is org a member of a bloc ranked with set_id? */
static int
check_member(struct store *st, int64_t set_id, int64_t org, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "SELECT 1 FROM emulation_bloc_members m JOIN"
	    " emulation_blocs b ON b.id = m.bloc_id WHERE b.set_id = ? AND"
	    " m.org_id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, set_id);
	stmt_bind_int(q, 2, org);
	rc = stmt_step(q, e);
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (rc != STEP_ROW)
		return err_set(e, ERR_INVAL, "invalid_field", "org_id", "Tổ "
		    "chức không thuộc khối thi đua nào dùng bộ tiêu chí này.");
	return 0;
}

static int
write_score(struct store *st, const struct actor *a,
    const struct emulation_score_input *in, int64_t set_id, bool self,
    bool exists, struct err *e)
{
	const char *sql;
	struct stmt *q;
	int rc, i = 1;

	if (!exists) {
		rc = store_prepare(st, "INSERT INTO emulation_scores (set_id,"
		    " criterion_id, org_id, updated_at) VALUES (?, ?, ?, ?)",
		    &q, e);
		if (rc != 0)
			return rc;
		stmt_bind_int(q, 1, set_id);
		stmt_bind_int(q, 2, in->criterion_id);
		stmt_bind_int(q, 3, in->org_id);
		stmt_bind_int(q, 4, clock_now());
		rc = stmt_step_done(q, e);
		if (rc != 0)
			return rc;
	}
	sql = self ? "UPDATE emulation_scores SET self_points = ?, self_note ="
	    " ?, evidence = ?, self_by = ?, updated_at = ? WHERE criterion_id"
	    " = ? AND org_id = ?" : "UPDATE emulation_scores SET"
	    " appraised_points = ?, appraisal_note = ?, appraised_by = ?,"
	    " updated_at = ? WHERE criterion_id = ? AND org_id = ?";
	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, i++, in->points);
	bind_opt_text(q, i++, rec_opt(in->note));
	if (self)
		bind_opt_text(q, i++, rec_opt(in->evidence));
	bind_user(q, i++, a);
	stmt_bind_int(q, i++, clock_now());
	stmt_bind_int(q, i++, in->criterion_id);
	stmt_bind_int(q, i, in->org_id);
	return stmt_step_done(q, e);
}

int
emulation_score_put(struct store *st, const struct actor *a,
    const struct emulation_score_input *in, json_t **out, struct err *e)
{
	struct audit_entry ent;
	json_t *before = NULL;
	struct rec_owner own;
	struct crit c = { 0, 0, false, false };
	bool self;
	int rc;

	*out = NULL;
	if (a->role == ROLE_VIEWER)
		return err_set(e, ERR_PERM, "forbidden", NULL, "Tài khoản chỉ "
		    "xem không được chấm điểm thi đua.");
	if (in->kind == NULL || (strcmp(in->kind, "self") != 0 &&
	    strcmp(in->kind, "appraisal") != 0))
		return err_set(e, ERR_INVAL, "invalid_field", "kind",
		    "Loại chấm điểm phải là self hoặc appraisal.");
	self = strcmp(in->kind, "self") == 0;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = rec_org_owner(st, a, in->org_id, "org_id", &own, e);
	if (rc == 0)
		rc = check_assessor(a, self, &own, e);
	if (rc == 0)
		rc = fetch_crit(st, in->criterion_id, &c, e);
	if (rc == 0)
		rc = check_member(st, c.set_id, in->org_id, e);
	if (rc == 0)
		rc = check_score(in, &c, self, e);
	if (rc == 0)
		rc = fetch_score(st, in->criterion_id, in->org_id, &before, e);
	if (rc == 0)
		rc = write_score(st, a, in, c.set_id, self, before != NULL, e);
	if (rc == 0)
		rc = fetch_score(st, in->criterion_id, in->org_id, out, e);
	if (rc == 0 && *out == NULL)
		rc = ERR_INTERNAL;
	if (rc == 0) {
		ent = (struct audit_entry){ before != NULL ? "update" :
		    "create", "emulation_score", jint(*out, "id"),
		    own.structure, own.code, own.path, before, *out };
		rc = audit_record(st, a, &ent, e);
	}
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

/* ---- ranking ----------------------------------------------------------- */

struct member {
	int64_t		 org_id;
	char		 name[NAME_MAX_LEN];
	int64_t		 activity;
	int64_t		 self_total, appraised_total;
	bool		 has_self, has_appraised;
};

/* Members of the bloc with their totals under set (year) into *ms. */
static int
load_members(struct store *st, int64_t bloc_id, int64_t set_id,
    int64_t year, struct member **ms, size_t *n, struct err *e)
{
	char from[16], to[16];
	struct member *m;
	struct stmt *q;
	size_t cap = 8;
	int rc;

	*ms = NULL;
	*n = 0;
	snprintf(from, sizeof(from), "%04d-01-01", (int)year);
	snprintf(to, sizeof(to), "%04d-12-31", (int)year);
	rc = store_prepare(st, "SELECT o.id, o.name, (SELECT COUNT(*) FROM"
	    " reception_sessions r WHERE r.org_id = o.id AND r.day >= ? AND"
	    " r.day <= ?) + (SELECT COUNT(*) FROM dialogues d WHERE d.org_id ="
	    " o.id AND d.day >= ? AND d.day <= ?) FROM emulation_bloc_members"
	    " bm JOIN organizations o ON o.id = bm.org_id WHERE bm.bloc_id = ?"
	    " ORDER BY o.name, o.id", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, from);
	stmt_bind_text(q, 2, to);
	stmt_bind_text(q, 3, from);
	stmt_bind_text(q, 4, to);
	stmt_bind_int(q, 5, bloc_id);
	*ms = xcalloc(cap, sizeof(**ms));
	for (;;) {
		rc = stmt_step(q, e);
		if (rc != STEP_ROW)
			break;
		if (*n == cap) {
			cap *= 2;
			*ms = xrealloc(*ms, cap * sizeof(**ms));
		}
		m = &(*ms)[(*n)++];
		memset(m, 0, sizeof(*m));
		m->org_id = stmt_col_int(q, 0);
		snprintf(m->name, sizeof(m->name), "%s", stmt_col_text(q, 1));
		m->activity = stmt_col_int(q, 2);
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	/* Points of every member, summed here (no SUM over NUMERIC). */
	rc = store_prepare(st, "SELECT s.org_id, c.kind, s.self_points,"
	    " s.appraised_points FROM emulation_scores s JOIN"
	    " emulation_criteria c ON c.id = s.criterion_id JOIN"
	    " emulation_bloc_members bm ON bm.org_id = s.org_id AND"
	    " bm.bloc_id = ? WHERE s.set_id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, bloc_id);
	stmt_bind_int(q, 2, set_id);
	for (;;) {
		rc = stmt_step(q, e);
		if (rc != STEP_ROW)
			break;
		int64_t org = stmt_col_int(q, 0);
		int sign = strcmp(stmt_col_text(q, 1), "deduction") == 0 ?
		    -1 : 1;

		for (size_t i = 0; i < *n; i++) {
			m = &(*ms)[i];
			if (m->org_id != org)
				continue;
			if (!stmt_col_is_null(q, 2)) {
				m->has_self = true;
				m->self_total += sign * stmt_col_int(q, 2);
			}
			if (!stmt_col_is_null(q, 3)) {
				m->has_appraised = true;
				m->appraised_total += sign *
				    stmt_col_int(q, 3);
			}
		}
	}
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

/* Appraised first, by appraised total, then self total, then name. */
static int
member_cmp(const void *x, const void *y)
{
	const struct member *a = x, *b = y;

	if (a->has_appraised != b->has_appraised)
		return a->has_appraised ? -1 : 1;
	if (a->appraised_total != b->appraised_total)
		return a->appraised_total > b->appraised_total ? -1 : 1;
	if (a->self_total != b->self_total)
		return a->self_total > b->self_total ? -1 : 1;
	return strcmp(a->name, b->name);
}

static const char *const class_codes[] = { "first", "second", "third" };
static const char *const class_names[] = { "Hạng Nhất", "Hạng Nhì",
	"Hạng Ba" };

/* Ranked rows of the members under the set's prize rules. */
static json_t *
ranking_rows(struct member *ms, size_t n, json_t *set)
{
	int64_t min_total = jint(set, "min_total");
	int64_t min_act = jint(set, "min_activity");
	json_t *flag = json_object_get(set, "flag_min");
	int64_t merits = jint(set, "merit_count"), given = 0, pos = 0;
	int64_t rank = 0;
	json_t *rows = json_array();
	char prize[128], note[200];

	qsort(ms, n, sizeof(*ms), member_cmp);
	for (size_t i = 0; i < n; i++) {
		struct member *m = &ms[i];
		json_t *awards = json_array();

		prize[0] = note[0] = '\0';
		if (m->has_appraised && (i == 0 || !ms[i - 1].has_appraised ||
		    ms[i - 1].appraised_total != m->appraised_total))
			rank = (int64_t)i + 1;
		if (!m->has_appraised)
			snprintf(note, sizeof(note), "Chưa được thẩm định");
		else if (m->appraised_total < min_total)
			snprintf(note, sizeof(note), "Tổng điểm dưới mức tối "
			    "thiểu %lld", (long long)min_total);
		else if (m->activity < min_act)
			snprintf(note, sizeof(note), "Chưa đủ hoạt động "
			    "(%lld/%lld)", (long long)m->activity,
			    (long long)min_act);
		if (note[0] == '\0') {
			if (pos < 3) {
				json_array_append_new(awards,
				    json_string(class_codes[pos]));
				snprintf(prize, sizeof(prize), "%s",
				    class_names[pos]);
			}
			if (pos == 0 && json_is_integer(flag) &&
			    m->appraised_total >= json_integer_value(flag)) {
				json_array_append_new(awards,
				    json_string("flag"));
				snprintf(prize + strlen(prize), sizeof(prize) -
				    strlen(prize), "%sCờ thi đua",
				    prize[0] != '\0' ? ", " : "");
			} else if (given < merits) {
				given++;
				json_array_append_new(awards,
				    json_string("merit"));
				snprintf(prize + strlen(prize), sizeof(prize) -
				    strlen(prize), "%sBằng khen",
				    prize[0] != '\0' ? ", " : "");
			}
			pos++;
		}
		json_array_append_new(rows, json_pack("{s:o, s:{s:I, s:s},"
		    " s:I, s:o, s:o, s:b, s:o, s:o, s:o}",
		    "rank", m->has_appraised ? json_integer(rank) : json_null(),
		    "org", "id", (json_int_t)m->org_id, "name", m->name,
		    "activity", (json_int_t)m->activity,
		    "self_total", m->has_self ? json_integer(m->self_total) :
		    json_null(),
		    "appraised_total", m->has_appraised ?
		    json_integer(m->appraised_total) : json_null(),
		    "eligible", note[0] == '\0',
		    "prize", prize[0] != '\0' ? json_string(prize) : json_null(),
		    "awards", awards,
		    "note", note[0] != '\0' ? json_string(note) : json_null()));
	}
	return rows;
}

int
emulation_ranking(struct store *st, int64_t bloc_id, json_t **out,
    struct err *e)
{
	json_t *bloc = NULL, *set = NULL;
	struct member *ms = NULL;
	int64_t set_id;
	size_t n = 0;
	int rc;

	*out = NULL;
	rc = fetch_bloc(st, bloc_id, &bloc, e);
	if (rc != 0)
		return rc;
	json_object_del(bloc, "members");
	set_id = jint(json_object_get(bloc, "set"), "id");
	rc = fetch_set(st, set_id, &set, e);
	if (rc == 0)
		rc = load_members(st, bloc_id, set_id, jint(set, "year"), &ms,
		    &n, e);
	if (rc == 0)
		*out = json_pack("{s:o, s:o, s:o}", "bloc", bloc, "set", set,
		    "rows", ranking_rows(ms, n, set));
	free(ms);
	if (rc != 0) {
		json_decref(bloc);
		json_decref(set);
	}
	return rc;
}

static const struct xlsxw_col rank_cols[] = {
	{ "Xếp thứ", 8 },
	{ "Đơn vị", 36 },
	{ "Số hoạt động", 12 },
	{ "Điểm tự chấm", 12 },
	{ "Điểm thẩm định", 14 },
	{ "Khen thưởng", 26 },
	{ "Ghi chú", 30 },
};

static void
xlsx_opt_num(struct xlsxw *w, json_t *v, struct err *e)
{
	if (json_is_integer(v))
		xlsxw_num(w, (double)json_integer_value(v), e);
	else
		xlsxw_blank(w, e);
}

int
emulation_ranking_xlsx(struct store *st, int64_t bloc_id, char **data,
    size_t *len, struct err *e)
{
	char t1[NAME_MAX_LEN + 32], t2[2 * NAME_MAX_LEN + 64];
	const char *titles[3];
	struct xlsxw_sheet sheet;
	struct xlsxw *w = NULL;
	json_t *res, *row, *bloc, *set;
	size_t i;
	int rc;

	*data = NULL;
	*len = 0;
	rc = emulation_ranking(st, bloc_id, &res, e);
	if (rc != 0)
		return rc;
	bloc = json_object_get(res, "bloc");
	set = json_object_get(res, "set");
	snprintf(t1, sizeof(t1), "Khối thi đua: %s",
	    json_string_value(json_object_get(bloc, "name")));
	snprintf(t2, sizeof(t2), "Năm %lld - %s (phiên bản %lld)",
	    (long long)jint(set, "year"),
	    json_string_value(json_object_get(set, "name")),
	    (long long)jint(set, "version"));
	titles[0] = "KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA";
	titles[1] = t1;
	titles[2] = t2;
	sheet = (struct xlsxw_sheet){ "Kết quả thi đua", titles, 3, rank_cols,
	    sizeof(rank_cols) / sizeof(rank_cols[0]) };
	rc = xlsxw_new(&w, NULL, e);
	if (rc == 0)
		rc = xlsxw_add_sheet(w, &sheet, e);
	json_array_foreach(json_object_get(res, "rows"), i, row) {
		if (rc != 0)
			break;
		xlsxw_row(w, e);
		xlsx_opt_num(w, json_object_get(row, "rank"), e);
		xlsxw_str(w, json_string_value(json_object_get(
		    json_object_get(row, "org"), "name")), e);
		xlsx_opt_num(w, json_object_get(row, "activity"), e);
		xlsx_opt_num(w, json_object_get(row, "self_total"), e);
		xlsx_opt_num(w, json_object_get(row, "appraised_total"), e);
		xlsxw_str(w, json_string_value(json_object_get(row, "prize")),
		    e);
		rc = xlsxw_str(w, json_string_value(json_object_get(row,
		    "note")), e);
	}
	json_decref(res);
	if (rc != 0) {
		xlsxw_free(w);
		return rc;
	}
	return xlsxw_finish_bytes(w, XLSX_MAX, data, len, e);
}
