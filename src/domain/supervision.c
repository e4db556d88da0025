/*
 * supervision.c - supervision activities and their recommendations, drafts
 * submitted for social criticism and their comments, and the counts of
 * both for a period and a subtree (see supervision.h).
 */
#include "domain/supervision.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/period.h"
#include "core/text.h"
#include "domain/cube.h"
#include "domain/list.h"
#include "domain/record.h"
#include "domain/unit.h"
#include "domain/vocab.h"
#include "store/store.h"

#define SQL_MAX		8192
#define UNCOVERED_MAX	500	/* communes named in the coverage */

/* Forward only, in this order. */
static const char *const sup_status[] = {
	"planned", "in_progress", "done", NULL
};
static const char *const sup_status_vi[] = {
	"Kế hoạch", "Đang giám sát", "Đã hoàn thành", NULL
};
static const char *const rec_status[] = {
	"open", "responded", "closed", NULL
};
static const char *const rec_status_vi[] = {
	"Chờ trả lời", "Đã trả lời", "Đã kết thúc theo dõi", NULL
};
static const char *const result_codes[] = {
	"pending", "accepted", "partly", "not_accepted", NULL
};
static const char *const result_vi[] = {
	"Chờ tiếp thu", "Được tiếp thu", "Tiếp thu một phần",
	"Không được tiếp thu", NULL
};

static const char SUP_WHAT[] = "dữ liệu giám sát, phản biện xã hội";

/* ---- small helpers --------------------------------------------------- */

static int
check_code(struct store *st, const char *sql, const char *code,
    const char *api_code, const char *field, const char *msg, struct err *e)
{
	bool ok;
	int rc = rec_code_in(st, sql, code, &ok, e);

	if (rc == 0 && !ok)
		rc = err_set(e, ERR_INVAL, api_code, field, "%s", msg);
	return rc;
}

#define SQL_FORM	"SELECT 1 FROM supervision_forms WHERE code = ?"
#define SQL_TOPIC	"SELECT 1 FROM supervision_topics WHERE code = ?"
#define SQL_TYPE	"SELECT 1 FROM criticism_doc_types WHERE code = ?"
#define SQL_CFORM	"SELECT 1 FROM criticism_forms WHERE code = ?"
#define SQL_LEVEL	"SELECT 1 FROM criticism_levels WHERE code = ?"

/* A day "YYYY-MM-DD"; NULL allowed unless required. */
static int
check_day(const char *s, bool required, const char *field, struct err *e)
{
	cal_day d;

	if (s == NULL && !required)
		return 0;
	if (s == NULL || cal_parse(s, &d) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", field,
		    "Ngày không hợp lệ (định dạng YYYY-MM-DD).");
	return 0;
}

/* NULL, "" or only white space. */
static bool
blank(const char *s)
{
	if (s == NULL)
		return true;
	s += strspn(s, " \t\r\n");
	return *s == '\0';
}

static void
today(char out[CAL_DATE_LEN])
{
	cal_format(cal_today(), out);
}

static json_t *
code_row(struct stmt *q)
{
	return json_pack("{s:s, s:s}", "code", stmt_col_text(q, 0), "name",
	    stmt_col_text(q, 1));
}

static json_t *
level_row(struct stmt *q)
{
	return json_pack("{s:s, s:s, s:o}", "code", stmt_col_text(q, 0),
	    "name", stmt_col_text(q, 1), "only_structure", rec_col_id(q, 2));
}

static int
rows(struct store *st, const char *sql, json_t *(*row)(struct stmt *),
    json_t **out, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, sql, &q, e);
	if (rc == 0)
		rc = rec_collect(q, row, out, e);
	return rc;
}

static json_t *
pairs(const char *const *codes, const char *const *names)
{
	json_t *a = json_array();

	for (int i = 0; codes[i] != NULL; i++)
		json_array_append_new(a, json_pack("{s:s, s:s}", "code",
		    codes[i], "name", names[i]));
	return a;
}

int
supervision_vocab(struct store *st, json_t **out, struct err *e)
{
	static const char *const sql[] = {
		"SELECT code, name FROM supervision_forms ORDER BY sort, code",
		"SELECT code, name FROM supervision_topics ORDER BY sort, code",
		("SELECT code, name, only_structure FROM criticism_levels"
		" ORDER BY sort, code"),
		"SELECT code, name FROM criticism_doc_types ORDER BY sort, code",
		"SELECT code, name FROM criticism_forms ORDER BY sort, code",
	};
	static const char *const key[] = {
		"forms", "topics", "levels", "doc_types", "criticism_forms"
	};
	json_t *res = json_object(), *x = NULL;
	int rc = 0;

	*out = NULL;
	for (int i = 0; rc == 0 && i < 5; i++) {
		rc = rows(st, sql[i], i == 2 ? level_row : code_row, &x, e);
		if (rc == 0)
			json_object_set_new(res, key[i], x);
	}
	if (rc != 0) {
		json_decref(res);
		return rc;
	}
	json_object_set_new(res, "supervision_statuses",
	    pairs(sup_status, sup_status_vi));
	json_object_set_new(res, "recommendation_statuses",
	    pairs(rec_status, rec_status_vi));
	json_object_set_new(res, "comment_results",
	    pairs(result_codes, result_vi));
	*out = res;
	return 0;
}

/* ---- list filters ---------------------------------------------------- */

#define S_SCOPE	SCOPE_SQL("t.unit_structure", "t.unit_path")

struct filter {
	const struct sup_query	*f;
	const struct actor	*a;
	bool			 drafts;
	struct rec_subtree	 sub;
	char			*like;
};

static int
filter_init(struct store *st, struct filter *c, struct err *e)
{
	const struct sup_query *f = c->f;
	int rc;

	c->like = NULL;
	rc = rec_subtree_init(st, f->structure, f->unit, "unit", &c->sub, e);
	if (rc == 0 && !c->drafts && f->topic != NULL)
		rc = check_code(st, SQL_TOPIC, f->topic, "invalid_param",
		    "topic", "Nội dung giám sát không có trong danh mục.", e);
	if (rc == 0 && !c->drafts && f->form != NULL)
		rc = check_code(st, SQL_FORM, f->form, "invalid_param", "form",
		    "Hình thức giám sát không có trong danh mục.", e);
	if (rc == 0 && !c->drafts && f->status != NULL &&
	    rec_index_of(sup_status, f->status) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_param", "status",
		    "Trạng thái phải là planned, in_progress hoặc done.");
	if (rc == 0 && c->drafts && f->level != NULL)
		rc = check_code(st, SQL_LEVEL, f->level, "invalid_param",
		    "level", "Cấp ban hành không có trong danh mục.", e);
	if (rc == 0 && c->drafts && f->doc_type != NULL)
		rc = check_code(st, SQL_TYPE, f->doc_type, "invalid_param",
		    "doc_type", "Loại văn bản không có trong danh mục.", e);
	if (rc == 0 && f->q != NULL && text_like_pattern(f->q, &c->like) != 0)
		rc = err_set(e, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm không hợp lệ.");
	return rc;
}

static void
filter_sql(struct buf *sql, const struct filter *c)
{
	const struct sup_query *f = c->f;

	buf_add_str(sql, " WHERE " S_SCOPE);
	if (f->structure != 0)
		buf_add_str(sql, " AND t.unit_structure = ?");
	rec_subtree_sql(sql, "t.unit_path", &c->sub);
	if (f->org_id != 0)
		buf_add_str(sql, " AND t.org_id = ?");
	if (c->drafts) {
		if (f->level != NULL)
			buf_add_str(sql, " AND t.level = ?");
		if (f->doc_type != NULL)
			buf_add_str(sql, " AND t.doc_type = ?");
		if (f->from != NULL)
			buf_add_str(sql, " AND t.received_day >= ?");
		if (f->to != NULL)
			buf_add_str(sql, " AND t.received_day <= ?");
	} else {
		if (f->topic != NULL)
			buf_add_str(sql, " AND t.topic = ?");
		if (f->form != NULL)
			buf_add_str(sql, " AND t.form = ?");
		if (f->status != NULL)
			buf_add_str(sql, " AND t.status = ?");
		if (f->from != NULL)
			buf_add_str(sql, " AND t.to_day >= ?");
		if (f->to != NULL)
			buf_add_str(sql, " AND t.from_day <= ?");
	}
	if (c->like != NULL)
		buf_add_str(sql, " AND t.title_fold LIKE ? ESCAPE '\\'");
}

static int
filter_bind(struct stmt *q, const void *ctxv)
{
	const struct filter *c = ctxv;
	const struct sup_query *f = c->f;
	const char *txt[6];
	int i = actor_bind_scope(c->a, q, 1), n = 0;

	if (f->structure != 0)
		stmt_bind_int(q, i++, f->structure);
	i = rec_subtree_bind(q, i, &c->sub);
	if (f->org_id != 0)
		stmt_bind_int(q, i++, f->org_id);
	if (c->drafts) {
		txt[n++] = f->level;
		txt[n++] = f->doc_type;
	} else {
		txt[n++] = f->topic;
		txt[n++] = f->form;
		txt[n++] = f->status;
	}
	txt[n++] = f->from;
	txt[n++] = f->to;
	txt[n++] = c->like;
	for (int k = 0; k < n; k++)
		if (txt[k] != NULL)
			stmt_bind_text(q, i++, txt[k]);
	return i;
}

/* The org and unit objects every record carries. */
static json_t *
org_json(struct stmt *q, int c)
{
	return json_pack("{s:I, s:s}", "id", (json_int_t)stmt_col_int(q, c),
	    "name", stmt_col_text(q, c + 1));
}

static json_t *
unit_json(struct stmt *q, int c)
{
	return json_pack("{s:I, s:s, s:s}",
	    "structure", (json_int_t)stmt_col_int(q, c),
	    "code", stmt_col_text(q, c + 1), "name", stmt_col_text(q, c + 2));
}

static void
owner_of(struct stmt *q, int cs, int cc, int cp, struct rec_owner *o)
{
	o->structure = (int)stmt_col_int(q, cs);
	snprintf(o->code, sizeof(o->code), "%s", stmt_col_text(q, cc));
	snprintf(o->path, sizeof(o->path), "%s", stmt_col_text(q, cp));
}

static int
fold_title(const char *title, char **fold, struct err *e)
{
	*fold = NULL;
	if (text_fold(title, fold) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "title",
		    "Tiêu đề không hợp lệ.");
	return 0;
}

/* ---- supervisions ---------------------------------------------------- */

#define SUP_COLS							\
	"t.id, t.org_id, o.name, t.unit_structure, t.unit_code, n.name,"	\
	" t.title, t.topic, t.form, t.from_day, t.to_day, t.bodies,"	\
	" t.status, t.findings, t.note, t.created_at, t.updated_at,"	\
	" t.unit_path, (SELECT COUNT(*) FROM supervision_units u WHERE"	\
	" u.supervision_id = t.id), (SELECT COUNT(*) FROM"		\
	" supervision_recommendations r WHERE r.supervision_id = t.id)"
#define SUP_FROM							\
	" FROM supervisions t JOIN organizations o ON o.id = t.org_id"	\
	" JOIN units n ON n.structure = t.unit_structure AND n.code ="	\
	" t.unit_code"
#define SUP_ORDER	"t.from_day DESC, t.id DESC"

static json_t *
split_lines(const char *s)
{
	json_t *a = json_array();
	const char *p = s, *nl;

	while (p != NULL && *p != '\0') {
		nl = strchr(p, '\n');
		if (nl == NULL) {
			json_array_append_new(a, json_string(p));
			break;
		}
		json_array_append_new(a, json_stringn(p, (size_t)(nl - p)));
		p = nl + 1;
	}
	return a;
}

static json_t *
sup_row(struct stmt *q)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN];

	clock_iso(stmt_col_int(q, 15), c);
	clock_iso(stmt_col_int(q, 16), u);
	return json_pack("{s:I, s:o, s:o, s:s, s:s, s:s, s:s, s:s, s:o, s:s,"
	    " s:o, s:o, s:I, s:I, s:s, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", org_json(q, 1), "unit", unit_json(q, 3),
	    "title", stmt_col_text(q, 6), "topic", stmt_col_text(q, 7),
	    "form", stmt_col_text(q, 8), "from_day", stmt_col_text(q, 9),
	    "to_day", stmt_col_text(q, 10),
	    "bodies", split_lines(stmt_col_text(q, 11)),
	    "status", stmt_col_text(q, 12),
	    "findings", rec_col_str(q, 13), "note", rec_col_str(q, 14),
	    "unit_count", (json_int_t)stmt_col_int(q, 18),
	    "recommendation_count", (json_int_t)stmt_col_int(q, 19),
	    "created_at", c, "updated_at", u);
}

static json_t *
sup_unit_row(struct stmt *q)
{
	return json_pack("{s:s, s:s, s:s}", "code", stmt_col_text(q, 0),
	    "name", stmt_col_text(q, 1), "level", stmt_col_text(q, 2));
}

/* One supervision visible to a, with its units: JSON in *out, unit in *o. */
static int
fetch_sup(struct store *st, const struct actor *a, int64_t id, json_t **out,
    struct rec_owner *o, struct err *e)
{
	bool inside = false;
	json_t *units = NULL;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " SUP_COLS SUP_FROM " WHERE t.id = ?",
	    &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = sup_row(q);
		owner_of(q, 3, 4, 17, o);
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (rc == STEP_ROW)
		rc = actor_in_scope(st, a, o->structure, o->code, &inside, e);
	if (rc == 0 && !inside)
		rc = err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy hoạt động giám sát.");
	if (rc == 0)
		rc = store_prepare(st, "SELECT u.unit_code, n.name, n.level"
		    " FROM supervision_units u JOIN units n ON n.structure ="
		    " u.unit_structure AND n.code = u.unit_code WHERE"
		    " u.supervision_id = ? ORDER BY u.unit_path", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, id);
		rc = rec_collect(q, sup_unit_row, &units, e);
	}
	if (rc != 0) {
		json_decref(*out);
		*out = NULL;
		return rc;
	}
	json_object_set_new(*out, "units", units);
	return 0;
}

/* A supervision's values after merging an input over the current ones. */
struct sup_vals {
	const char	*title, *topic, *form, *from_day, *to_day, *status;
	const char	*findings, *note;
};

static int
check_sup(struct store *st, const struct sup_vals *v, struct err *e)
{
	int rc = 0;

	if (blank(v->title))
		return err_set(e, ERR_INVAL, "invalid_field", "title",
		    "Tên cuộc giám sát không được để trống.");
	rc = check_code(st, SQL_TOPIC, v->topic, "invalid_field", "topic",
	    "Nội dung giám sát không có trong danh mục.", e);
	if (rc == 0)
		rc = check_code(st, SQL_FORM, v->form, "invalid_field", "form",
		    "Hình thức giám sát không có trong danh mục.", e);
	if (rc == 0)
		rc = check_day(v->from_day, true, "from_day", e);
	if (rc == 0)
		rc = check_day(v->to_day, true, "to_day", e);
	if (rc == 0 && strcmp(v->to_day, v->from_day) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "to_day",
		    "Ngày kết thúc không được trước ngày bắt đầu.");
	if (rc == 0 && rec_index_of(sup_status, v->status) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "status",
		    "Trạng thái phải là planned (kế hoạch), in_progress (đang "
		    "giám sát) hoặc done (đã hoàn thành).");
	return rc;
}

/* The supervised bodies as one text, a line each. */
static int
join_bodies(const char *const *b, size_t n, struct buf *out, struct err *e)
{
	if (n > SUP_BODIES_MAX)
		return err_set(e, ERR_INVAL, "invalid_field", "bodies",
		    "Tối đa %d cơ quan, đơn vị được giám sát.", SUP_BODIES_MAX);
	for (size_t i = 0; i < n; i++) {
		if (blank(b[i]) || strpbrk(b[i], "\r\n") != NULL ||
		    text_length(b[i]) > SUP_BODY_LEN)
			return err_set(e, ERR_INVAL, "invalid_field", "bodies",
			    "Tên cơ quan, đơn vị được giám sát không được để "
			    "trống, xuống dòng hay dài quá %d ký tự.",
			    SUP_BODY_LEN);
		if (i > 0)
			buf_add_str(out, "\n");
		buf_add_str(out, b[i]);
	}
	return 0;
}

static bool
path_inside(const char *path, const char *root)
{
	size_t n = strlen(root);

	return strncmp(path, root, n) == 0 &&
	    (path[n] == '\0' || path[n] == '/');
}

/* Replace the supervised units of #id by codes (each a unit of the
 * owner's structure inside its subtree, no repeats). */
static int
put_units(struct store *st, int64_t id, const struct rec_owner *own,
    const char *const *codes, size_t n, struct err *e)
{
	struct unit_info info;
	struct stmt *q;
	int rc;

	if (n > SUP_UNITS_MAX)
		return err_set(e, ERR_INVAL, "invalid_field", "units",
		    "Tối đa %d đơn vị được giám sát.", SUP_UNITS_MAX);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(codes[i], codes[j]) == 0)
				return err_set(e, ERR_INVAL, "invalid_field",
				    "units", "Đơn vị %s bị lặp lại.", codes[i]);
	rc = store_prepare(st, "DELETE FROM supervision_units WHERE"
	    " supervision_id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step_done(q, e);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		if (unit_lookup(st, own->structure, codes[i], &info, e) != 0 ||
		    !path_inside(info.path, own->path))
			return err_set(e, ERR_INVAL, "invalid_field", "units",
			    "Đơn vị %s không tồn tại hoặc không thuộc địa bàn "
			    "của tổ chức giám sát.", codes[i]);
		rc = store_prepare(st, "INSERT INTO supervision_units"
		    " (supervision_id, unit_structure, unit_code, unit_path)"
		    " VALUES (?, ?, ?, ?)", &q, e);
		if (rc != 0)
			return rc;
		stmt_bind_int(q, 1, id);
		stmt_bind_int(q, 2, own->structure);
		stmt_bind_text(q, 3, info.code);
		stmt_bind_text(q, 4, info.path);
		rc = stmt_step_done(q, e);
	}
	return rc;
}

/* Binds title, title_fold, topic, form, from_day, to_day, bodies, status,
 * findings, note from i. */
static int
bind_sup(struct stmt *q, int i, const struct sup_vals *v, const char *bodies,
    struct err *e)
{
	char *fold;
	int rc = fold_title(v->title, &fold, e);

	if (rc != 0)
		return rc;
	stmt_bind_text(q, i++, v->title);
	stmt_bind_text(q, i++, fold);
	free(fold);
	stmt_bind_text(q, i++, v->topic);
	stmt_bind_text(q, i++, v->form);
	stmt_bind_text(q, i++, v->from_day);
	stmt_bind_text(q, i++, v->to_day);
	stmt_bind_text(q, i++, bodies);
	stmt_bind_text(q, i++, v->status);
	stmt_bind_text(q, i++, v->findings);
	stmt_bind_text(q, i, v->note);
	return 0;
}

int
supervision_list(struct store *st, const struct actor *a,
    const struct sup_query *f, json_t **out, struct err *e)
{
	struct filter c = { f, a, false, { 0 }, NULL };
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
	buf_add_str(&from, SUP_FROM);
	filter_sql(&from, &c);
	lq = (struct list_query){ SUP_COLS, buf_cstr(&from), SUP_ORDER,
	    filter_bind, &c, sup_row, f->limit, f->offset, NULL, NULL, NULL };
	rc = list_run(st, &lq, out, e);
	buf_release(&from);
	free(c.like);
	return rc;
}

int
supervision_create(struct store *st, const struct actor *a,
    const struct sup_input *in, json_t **out, struct err *e)
{
	struct sup_vals v = { in->title, in->topic, in->form, in->from_day,
	    in->to_day, in->status != NULL ? in->status : "planned",
	    rec_opt(in->findings), rec_opt(in->note) };
	struct rec_owner own, o2;
	struct stmt *q;
	struct buf bodies;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	buf_init(&bodies, 64 * 1024);
	rc = rec_check_writer(a, SUP_WHAT, e);
	if (rc == 0 && !in->has_org_id)
		rc = err_set(e, ERR_INVAL, "missing_field", "org_id",
		    "Thiếu trường bắt buộc \"org_id\".");
	if (rc == 0)
		rc = rec_org_owner(st, a, in->org_id, "org_id", &own, e);
	if (rc == 0)
		rc = check_sup(st, &v, e);
	if (rc == 0)
		rc = join_bodies(in->bodies, in->has_bodies ? in->n_bodies : 0,
		    &bodies, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0) {
		buf_release(&bodies);
		return rc;
	}
	rc = store_prepare(st, "INSERT INTO supervisions (org_id,"
	    " unit_structure, unit_code, unit_path, title, title_fold, topic,"
	    " form, from_day, to_day, bodies, status, findings, note,"
	    " created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?,"
	    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		rc = bind_sup(q, 5, &v, buf_cstr(&bodies), e);
		if (rc != 0) {
			stmt_finalize(q);
		} else {
			rec_bind_creator(q, 15, a);
			stmt_bind_int(q, 16, now);
			stmt_bind_int(q, 17, now);
			rc = stmt_step_id(q, &id, e);
		}
	}
	buf_release(&bodies);
	if (rc == 0 && in->has_units)
		rc = put_units(st, id, &own, in->units, in->n_units, e);
	if (rc == 0)
		rc = fetch_sup(st, a, id, out, &o2, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "supervision", id, &own, NULL,
		    *out, e);
	return rec_finish(st, rc, out, e);
}

/* ---- recommendations ------------------------------------------------- */

#define REC_COLS							\
	"r.id, r.supervision_id, r.content, r.addressee, r.due_day,"	\
	" r.response_day, r.response, r.status, r.created_at,"		\
	" r.updated_at"

static json_t *
recommendation_row(struct stmt *q)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN], d[CAL_DATE_LEN];
	const char *due = stmt_col_text(q, 4), *status = stmt_col_text(q, 7);

	today(d);
	clock_iso(stmt_col_int(q, 8), c);
	clock_iso(stmt_col_int(q, 9), u);
	return json_pack("{s:I, s:I, s:s, s:s, s:o, s:o, s:o, s:s, s:b, s:s,"
	    " s:s}", "id", (json_int_t)stmt_col_int(q, 0),
	    "supervision_id", (json_int_t)stmt_col_int(q, 1),
	    "content", stmt_col_text(q, 2), "addressee", stmt_col_text(q, 3),
	    "due_day", rec_jstr(due), "response_day", rec_col_str(q, 5),
	    "response", rec_col_str(q, 6), "status", status,
	    "overdue", due != NULL && strcmp(status, "open") == 0 &&
	    strcmp(due, d) < 0, "created_at", c, "updated_at", u);
}

int
supervision_get(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct err *e)
{
	json_t *s = NULL, *recs = NULL;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = fetch_sup(st, a, id, &s, &o, e);
	if (rc == 0)
		rc = store_prepare(st, "SELECT " REC_COLS " FROM"
		    " supervision_recommendations r WHERE r.supervision_id = ?"
		    " ORDER BY r.id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, id);
		rc = rec_collect(q, recommendation_row, &recs, e);
	}
	if (rc != 0) {
		json_decref(s);
		return rc;
	}
	*out = json_pack("{s:o, s:o}", "supervision", s, "recommendations",
	    recs);
	return 0;
}

int
supervision_update(struct store *st, const struct actor *a, int64_t id,
    const struct sup_input *in, json_t **out, struct err *e)
{
	json_t *before = NULL, *b = NULL;
	struct sup_vals v;
	struct rec_owner o;
	struct stmt *q;
	struct buf bodies;
	int rc;

	*out = NULL;
	if (in->has_org_id)
		return err_set(e, ERR_INVAL, "unknown_field", "org_id",
		    "Không thể chuyển hoạt động giám sát sang tổ chức khác.");
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	buf_init(&bodies, 64 * 1024);
	rc = fetch_sup(st, a, id, &before, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, SUP_WHAT, e);
	if (rc == 0) {
		v = (struct sup_vals){ rec_member(before, "title"),
		    rec_member(before, "topic"), rec_member(before, "form"),
		    rec_member(before, "from_day"),
		    rec_member(before, "to_day"), rec_member(before, "status"),
		    rec_member(before, "findings"), rec_member(before, "note") };
		if (in->title != NULL)
			v.title = in->title;
		if (in->topic != NULL)
			v.topic = in->topic;
		if (in->form != NULL)
			v.form = in->form;
		if (in->from_day != NULL)
			v.from_day = in->from_day;
		if (in->to_day != NULL)
			v.to_day = in->to_day;
		if (in->findings != NULL)
			v.findings = rec_opt(in->findings);
		if (in->note != NULL)
			v.note = rec_opt(in->note);
		if (in->status != NULL) {
			int from = rec_index_of(sup_status, v.status);
			int to = rec_index_of(sup_status, in->status);

			if (to >= 0 && to < from)
				rc = err_set(e, ERR_EXISTS, "invalid_state",
				    "status", "Trạng thái cuộc giám sát chỉ "
				    "được chuyển tiếp (kế hoạch → đang giám "
				    "sát → đã hoàn thành).");
			v.status = in->status;
		}
	}
	if (rc == 0)
		rc = check_sup(st, &v, e);
	if (rc == 0 && in->has_bodies) {
		rc = join_bodies(in->bodies, in->n_bodies, &bodies, e);
	} else if (rc == 0) {
		b = json_object_get(before, "bodies");
		for (size_t i = 0; i < json_array_size(b); i++) {
			if (i > 0)
				buf_add_str(&bodies, "\n");
			buf_add_str(&bodies,
			    json_string_value(json_array_get(b, i)));
		}
	}
	if (rc == 0)
		rc = store_prepare(st, "UPDATE supervisions SET title = ?,"
		    " title_fold = ?, topic = ?, form = ?, from_day = ?,"
		    " to_day = ?, bodies = ?, status = ?, findings = ?,"
		    " note = ?, updated_at = ? WHERE id = ?", &q, e);
	if (rc == 0) {
		rc = bind_sup(q, 1, &v, buf_cstr(&bodies), e);
		if (rc != 0) {
			stmt_finalize(q);
		} else {
			stmt_bind_int(q, 11, clock_now());
			stmt_bind_int(q, 12, id);
			rc = stmt_step_done(q, e);
		}
	}
	buf_release(&bodies);
	if (rc == 0 && in->has_units)
		rc = put_units(st, id, &o, in->units, in->n_units, e);
	if (rc == 0)
		rc = fetch_sup(st, a, id, out, &o, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "supervision", id, &o, before,
		    *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

static int
fetch_rec(struct store *st, const struct actor *a, int64_t id, json_t **out,
    struct rec_owner *o, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " REC_COLS ", t.unit_structure,"
	    " t.unit_code, t.unit_path FROM supervision_recommendations r"
	    " JOIN supervisions t ON t.id = r.supervision_id WHERE r.id = ?",
	    &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = recommendation_row(q);
		owner_of(q, 10, 11, 12, o);
	}
	stmt_finalize(q);
	return rec_fetched(st, a, rc, o, out, "kiến nghị", e);
}

struct rec_vals {
	const char	*content, *addressee, *due_day, *response_day;
	const char	*response, *status;
};

/*
 * A response (day and text together) moves an open recommendation to
 * responded unless a status is given; closed needs a response; the status
 * never moves back.
 */
static int
check_rec(struct rec_vals *v, const char *old_status, bool given,
    struct err *e)
{
	int rc, from, to;

	if (blank(v->content))
		return err_set(e, ERR_INVAL, "invalid_field", "content",
		    "Nội dung kiến nghị không được để trống.");
	if (blank(v->addressee))
		return err_set(e, ERR_INVAL, "invalid_field", "addressee",
		    "Nơi nhận kiến nghị không được để trống.");
	rc = check_day(v->due_day, false, "due_day", e);
	if (rc == 0)
		rc = check_day(v->response_day, false, "response_day", e);
	if (rc != 0)
		return rc;
	if ((v->response == NULL) != (v->response_day == NULL))
		return err_set(e, ERR_INVAL, "missing_field",
		    v->response == NULL ? "response" : "response_day",
		    "Ghi nhận trả lời cần cả ngày nhận và nội dung trả lời.");
	if (!given && v->response != NULL && strcmp(v->status, "open") == 0)
		v->status = "responded";
	to = rec_index_of(rec_status, v->status);
	if (to < 0)
		return err_set(e, ERR_INVAL, "invalid_field", "status",
		    "Trạng thái phải là open, responded hoặc closed.");
	from = rec_index_of(rec_status, old_status);
	if (to < from)
		return err_set(e, ERR_EXISTS, "invalid_state", "status",
		    "Trạng thái kiến nghị chỉ được chuyển tiếp (chờ trả lời → "
		    "đã trả lời → kết thúc theo dõi).");
	if (to > 0 && v->response == NULL)
		return err_set(e, ERR_EXISTS, "invalid_state", "status",
		    "Chưa ghi nhận trả lời của cơ quan được kiến nghị.");
	return 0;
}

static void
bind_rec(struct stmt *q, int i, const struct rec_vals *v)
{
	stmt_bind_text(q, i++, v->content);
	stmt_bind_text(q, i++, v->addressee);
	stmt_bind_text(q, i++, v->due_day);
	stmt_bind_text(q, i++, v->response_day);
	stmt_bind_text(q, i++, v->response);
	stmt_bind_text(q, i, v->status);
}

int
supervision_rec_create(struct store *st, const struct actor *a,
    int64_t sup_id, const struct sup_rec_input *in, json_t **out,
    struct err *e)
{
	struct rec_vals v = { in->content, in->addressee, rec_opt(in->due_day),
	    rec_opt(in->response_day), rec_opt(in->response),
	    in->status != NULL ? in->status : "open" };
	json_t *s = NULL;
	struct rec_owner o;
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_sup(st, a, sup_id, &s, &o, e);
	json_decref(s);
	if (rc == 0)
		rc = rec_check_writer(a, SUP_WHAT, e);
	if (rc == 0)
		rc = check_rec(&v, "open", in->status != NULL, e);
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO supervision_recommendations"
		    " (supervision_id, content, addressee, due_day,"
		    " response_day, response, status, created_by, created_at,"
		    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
		    " RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, sup_id);
		bind_rec(q, 2, &v);
		rec_bind_creator(q, 8, a);
		stmt_bind_int(q, 9, now);
		stmt_bind_int(q, 10, now);
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_rec(st, a, id, out, &o, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "supervision_recommendation",
		    id, &o, NULL, *out, e);
	return rec_finish(st, rc, out, e);
}

int
supervision_rec_update(struct store *st, const struct actor *a, int64_t id,
    const struct sup_rec_input *in, json_t **out, struct err *e)
{
	json_t *before = NULL;
	struct rec_vals v;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_rec(st, a, id, &before, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, SUP_WHAT, e);
	if (rc == 0) {
		v = (struct rec_vals){ rec_member(before, "content"),
		    rec_member(before, "addressee"),
		    rec_member(before, "due_day"),
		    rec_member(before, "response_day"),
		    rec_member(before, "response"),
		    rec_member(before, "status") };
		if (in->content != NULL)
			v.content = in->content;
		if (in->addressee != NULL)
			v.addressee = in->addressee;
		if (in->due_day != NULL)
			v.due_day = rec_opt(in->due_day);
		if (in->response_day != NULL)
			v.response_day = rec_opt(in->response_day);
		if (in->response != NULL)
			v.response = rec_opt(in->response);
		if (in->status != NULL)
			v.status = in->status;
		rc = check_rec(&v, rec_member(before, "status"),
		    in->status != NULL, e);
	}
	if (rc == 0)
		rc = store_prepare(st, "UPDATE supervision_recommendations SET"
		    " content = ?, addressee = ?, due_day = ?, response_day = ?,"
		    " response = ?, status = ?, updated_at = ? WHERE id = ?", &q,
		    e);
	if (rc == 0) {
		bind_rec(q, 1, &v);
		stmt_bind_int(q, 7, clock_now());
		stmt_bind_int(q, 8, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = fetch_rec(st, a, id, out, &o, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "supervision_recommendation",
		    id, &o, before, *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

/* ---- drafts for social criticism --------------------------------------- */

#define DOC_COLS							\
	"t.id, t.org_id, o.name, t.unit_structure, t.unit_code, n.name,"	\
	" t.title, t.issuer, t.level, t.doc_type, t.form, t.received_day,"	\
	" t.due_day, t.note, t.created_at, t.updated_at, t.unit_path,"	\
	" (SELECT COUNT(*) FROM criticism_comments c WHERE c.doc_id ="	\
	" t.id), (SELECT COUNT(*) FROM criticism_comments c WHERE"	\
	" c.doc_id = t.id AND c.result IN ('accepted', 'partly'))"
#define DOC_FROM							\
	" FROM criticism_docs t JOIN organizations o ON o.id = t.org_id"	\
	" JOIN units n ON n.structure = t.unit_structure AND n.code ="	\
	" t.unit_code"
#define DOC_ORDER	"t.received_day DESC, t.id DESC"

static json_t *
doc_row(struct stmt *q)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN];

	clock_iso(stmt_col_int(q, 14), c);
	clock_iso(stmt_col_int(q, 15), u);
	return json_pack("{s:I, s:o, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:o,"
	    " s:o, s:I, s:I, s:s, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", org_json(q, 1), "unit", unit_json(q, 3),
	    "title", stmt_col_text(q, 6), "issuer", stmt_col_text(q, 7),
	    "level", stmt_col_text(q, 8), "doc_type", stmt_col_text(q, 9),
	    "form", stmt_col_text(q, 10),
	    "received_day", stmt_col_text(q, 11),
	    "due_day", rec_col_str(q, 12), "note", rec_col_str(q, 13),
	    "comment_count", (json_int_t)stmt_col_int(q, 17),
	    "accepted_count", (json_int_t)stmt_col_int(q, 18),
	    "created_at", c, "updated_at", u);
}

static int
fetch_doc(struct store *st, const struct actor *a, int64_t id, json_t **out,
    struct rec_owner *o, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " DOC_COLS DOC_FROM " WHERE t.id = ?",
	    &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = doc_row(q);
		owner_of(q, 3, 4, 16, o);
	}
	stmt_finalize(q);
	return rec_fetched(st, a, rc, o, out, "dự thảo văn bản", e);
}

struct doc_vals {
	const char	*title, *issuer, *level, *doc_type, *form;
	const char	*received_day, *due_day, *note;
};

/* The level must exist and, when it is limited to one structure (the
 * district level: 2024), be used by an organisation of that structure. */
static int
check_level(struct store *st, const char *level, int structure,
    struct err *e)
{
	bool found = false, fits = true;
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "SELECT only_structure FROM criticism_levels"
	    " WHERE code = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, level != NULL ? level : "");
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		found = true;
		fits = stmt_col_is_null(q, 0) ||
		    stmt_col_int(q, 0) == structure;
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (!found)
		return err_set(e, ERR_INVAL, "invalid_field", "level",
		    "Cấp ban hành không có trong danh mục.");
	if (!fits)
		return err_set(e, ERR_INVAL, "invalid_field", "level",
		    "Cấp ban hành này không có trong cơ cấu hành chính %d của "
		    "tổ chức (cấp huyện chỉ có trước ngày 01/7/2025).",
		    structure);
	return 0;
}

static int
check_doc(struct store *st, const struct doc_vals *v, int structure,
    struct err *e)
{
	int rc;

	if (blank(v->title))
		return err_set(e, ERR_INVAL, "invalid_field", "title",
		    "Tên dự thảo văn bản không được để trống.");
	if (blank(v->issuer))
		return err_set(e, ERR_INVAL, "invalid_field", "issuer",
		    "Cơ quan soạn thảo, ban hành không được để trống.");
	rc = check_level(st, v->level, structure, e);
	if (rc == 0)
		rc = check_code(st, SQL_TYPE, v->doc_type, "invalid_field",
		    "doc_type", "Loại văn bản không có trong danh mục.", e);
	if (rc == 0)
		rc = check_code(st, SQL_CFORM, v->form, "invalid_field", "form",
		    "Hình thức phản biện không có trong danh mục.", e);
	if (rc == 0)
		rc = check_day(v->received_day, true, "received_day", e);
	if (rc == 0)
		rc = check_day(v->due_day, false, "due_day", e);
	if (rc == 0 && v->due_day != NULL &&
	    strcmp(v->due_day, v->received_day) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "due_day",
		    "Hạn góp ý không được trước ngày nhận dự thảo.");
	return rc;
}

static int
bind_doc(struct stmt *q, int i, const struct doc_vals *v, struct err *e)
{
	char *fold;
	int rc = fold_title(v->title, &fold, e);

	if (rc != 0)
		return rc;
	stmt_bind_text(q, i++, v->title);
	stmt_bind_text(q, i++, fold);
	free(fold);
	stmt_bind_text(q, i++, v->issuer);
	stmt_bind_text(q, i++, v->level);
	stmt_bind_text(q, i++, v->doc_type);
	stmt_bind_text(q, i++, v->form);
	stmt_bind_text(q, i++, v->received_day);
	stmt_bind_text(q, i++, v->due_day);
	stmt_bind_text(q, i, v->note);
	return 0;
}

int
criticism_list(struct store *st, const struct actor *a,
    const struct sup_query *f, json_t **out, struct err *e)
{
	struct filter c = { f, a, true, { 0 }, NULL };
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
	buf_add_str(&from, DOC_FROM);
	filter_sql(&from, &c);
	lq = (struct list_query){ DOC_COLS, buf_cstr(&from), DOC_ORDER,
	    filter_bind, &c, doc_row, f->limit, f->offset, NULL, NULL, NULL };
	rc = list_run(st, &lq, out, e);
	buf_release(&from);
	free(c.like);
	return rc;
}

int
criticism_create(struct store *st, const struct actor *a,
    const struct crit_input *in, json_t **out, struct err *e)
{
	struct doc_vals v = { in->title, in->issuer, in->level, in->doc_type,
	    in->form, in->received_day, rec_opt(in->due_day),
	    rec_opt(in->note) };
	struct rec_owner own, o2;
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = rec_check_writer(a, SUP_WHAT, e);
	if (rc == 0 && !in->has_org_id)
		rc = err_set(e, ERR_INVAL, "missing_field", "org_id",
		    "Thiếu trường bắt buộc \"org_id\".");
	if (rc == 0)
		rc = rec_org_owner(st, a, in->org_id, "org_id", &own, e);
	if (rc == 0)
		rc = check_doc(st, &v, own.structure, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = store_prepare(st, "INSERT INTO criticism_docs (org_id,"
	    " unit_structure, unit_code, unit_path, title, title_fold, issuer,"
	    " level, doc_type, form, received_day, due_day, note, created_by,"
	    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	    " ?, ?, ?, ?, ?) RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		rc = bind_doc(q, 5, &v, e);
		if (rc != 0) {
			stmt_finalize(q);
		} else {
			rec_bind_creator(q, 14, a);
			stmt_bind_int(q, 15, now);
			stmt_bind_int(q, 16, now);
			rc = stmt_step_id(q, &id, e);
		}
	}
	if (rc == 0)
		rc = fetch_doc(st, a, id, out, &o2, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "criticism_draft", id, &own,
		    NULL, *out, e);
	return rec_finish(st, rc, out, e);
}

#define COMMENT_COLS							\
	"c.id, c.doc_id, c.content, c.result, c.reason, c.created_at,"	\
	" c.updated_at"

static json_t *
comment_row(struct stmt *q)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN];

	clock_iso(stmt_col_int(q, 5), c);
	clock_iso(stmt_col_int(q, 6), u);
	return json_pack("{s:I, s:I, s:s, s:s, s:o, s:s, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "draft_id", (json_int_t)stmt_col_int(q, 1),
	    "content", stmt_col_text(q, 2), "result", stmt_col_text(q, 3),
	    "reason", rec_col_str(q, 4), "created_at", c, "updated_at", u);
}

int
criticism_get(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct err *e)
{
	json_t *d = NULL, *cs = NULL;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = fetch_doc(st, a, id, &d, &o, e);
	if (rc == 0)
		rc = store_prepare(st, "SELECT " COMMENT_COLS " FROM"
		    " criticism_comments c WHERE c.doc_id = ? ORDER BY c.id",
		    &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, id);
		rc = rec_collect(q, comment_row, &cs, e);
	}
	if (rc != 0) {
		json_decref(d);
		return rc;
	}
	*out = json_pack("{s:o, s:o}", "draft", d, "comments", cs);
	return 0;
}

int
criticism_update(struct store *st, const struct actor *a, int64_t id,
    const struct crit_input *in, json_t **out, struct err *e)
{
	json_t *before = NULL;
	struct doc_vals v;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	*out = NULL;
	if (in->has_org_id)
		return err_set(e, ERR_INVAL, "unknown_field", "org_id",
		    "Không thể chuyển dự thảo sang tổ chức khác.");
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_doc(st, a, id, &before, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, SUP_WHAT, e);
	if (rc == 0) {
		v = (struct doc_vals){ rec_member(before, "title"),
		    rec_member(before, "issuer"), rec_member(before, "level"),
		    rec_member(before, "doc_type"), rec_member(before, "form"),
		    rec_member(before, "received_day"),
		    rec_member(before, "due_day"), rec_member(before, "note") };
		if (in->title != NULL)
			v.title = in->title;
		if (in->issuer != NULL)
			v.issuer = in->issuer;
		if (in->level != NULL)
			v.level = in->level;
		if (in->doc_type != NULL)
			v.doc_type = in->doc_type;
		if (in->form != NULL)
			v.form = in->form;
		if (in->received_day != NULL)
			v.received_day = in->received_day;
		if (in->due_day != NULL)
			v.due_day = rec_opt(in->due_day);
		if (in->note != NULL)
			v.note = rec_opt(in->note);
		rc = check_doc(st, &v, o.structure, e);
	}
	if (rc == 0)
		rc = store_prepare(st, "UPDATE criticism_docs SET title = ?,"
		    " title_fold = ?, issuer = ?, level = ?, doc_type = ?,"
		    " form = ?, received_day = ?, due_day = ?, note = ?,"
		    " updated_at = ? WHERE id = ?", &q, e);
	if (rc == 0) {
		rc = bind_doc(q, 1, &v, e);
		if (rc != 0) {
			stmt_finalize(q);
		} else {
			stmt_bind_int(q, 10, clock_now());
			stmt_bind_int(q, 11, id);
			rc = stmt_step_done(q, e);
		}
	}
	if (rc == 0)
		rc = fetch_doc(st, a, id, out, &o, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "criticism_draft", id, &o,
		    before, *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

static int
fetch_comment(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct rec_owner *o, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " COMMENT_COLS ", t.unit_structure,"
	    " t.unit_code, t.unit_path FROM criticism_comments c JOIN"
	    " criticism_docs t ON t.id = c.doc_id WHERE c.id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = comment_row(q);
		owner_of(q, 7, 8, 9, o);
	}
	stmt_finalize(q);
	return rec_fetched(st, a, rc, o, out, "ý kiến phản biện", e);
}

static int
check_comment(const char *content, const char *result, const char *reason,
    struct err *e)
{
	if (blank(content))
		return err_set(e, ERR_INVAL, "invalid_field", "content",
		    "Nội dung ý kiến phản biện không được để trống.");
	if (rec_index_of(result_codes, result) < 0)
		return err_set(e, ERR_INVAL, "invalid_field", "result",
		    "Kết quả tiếp thu phải là pending, accepted, partly hoặc "
		    "not_accepted.");
	if (strcmp(result, "not_accepted") == 0 && blank(reason))
		return err_set(e, ERR_INVAL, "reason_required", "reason",
		    "Phải nêu lý do khi ý kiến phản biện không được tiếp "
		    "thu.");
	return 0;
}

int
criticism_comment_create(struct store *st, const struct actor *a,
    int64_t doc_id, const struct crit_comment_input *in, json_t **out,
    struct err *e)
{
	const char *result = in->result != NULL ? in->result : "pending";
	const char *reason = rec_opt(in->reason);
	json_t *d = NULL;
	struct rec_owner o;
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_doc(st, a, doc_id, &d, &o, e);
	json_decref(d);
	if (rc == 0)
		rc = rec_check_writer(a, SUP_WHAT, e);
	if (rc == 0)
		rc = check_comment(in->content, result, reason, e);
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO criticism_comments (doc_id,"
		    " content, result, reason, created_by, created_at,"
		    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
		    &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, doc_id);
		stmt_bind_text(q, 2, in->content);
		stmt_bind_text(q, 3, result);
		stmt_bind_text(q, 4, reason);
		rec_bind_creator(q, 5, a);
		stmt_bind_int(q, 6, now);
		stmt_bind_int(q, 7, now);
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_comment(st, a, id, out, &o, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "criticism_comment", id, &o,
		    NULL, *out, e);
	return rec_finish(st, rc, out, e);
}

int
criticism_comment_update(struct store *st, const struct actor *a, int64_t id,
    const struct crit_comment_input *in, json_t **out, struct err *e)
{
	const char *content, *result, *reason;
	json_t *before = NULL;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_comment(st, a, id, &before, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, SUP_WHAT, e);
	if (rc == 0) {
		content = in->content != NULL ? in->content :
		    rec_member(before, "content");
		result = in->result != NULL ? in->result :
		    rec_member(before, "result");
		reason = in->reason != NULL ? rec_opt(in->reason) :
		    rec_member(before, "reason");
		rc = check_comment(content, result, reason, e);
	}
	if (rc == 0)
		rc = store_prepare(st, "UPDATE criticism_comments SET"
		    " content = ?, result = ?, reason = ?, updated_at = ?"
		    " WHERE id = ?", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, content);
		stmt_bind_text(q, 2, result);
		stmt_bind_text(q, 3, reason);
		stmt_bind_int(q, 4, clock_now());
		stmt_bind_int(q, 5, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = fetch_comment(st, a, id, out, &o, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "criticism_comment", id, &o,
		    before, *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

/* ---- statistics ------------------------------------------------------ */

/* One bound value of a statistics query. */
enum { B_INT, B_TEXT, B_SCOPE, B_TREE };
struct bnd {
	int				 k;
	int64_t				 i;
	const char			*s;
	const struct actor		*a;
	const struct rec_subtree	*t;
};

#define BI(v)	{ B_INT, (v), NULL, NULL, NULL }
#define BT(v)	{ B_TEXT, 0, (v), NULL, NULL }
#define BS(v)	{ B_SCOPE, 0, NULL, (v), NULL }
#define BR(v)	{ B_TREE, 0, NULL, NULL, (v) }

static int
run(struct store *st, const char *sql, const struct bnd *b, int n,
    void (*fn)(struct stmt *q, json_t *acc), json_t *acc, struct err *e)
{
	struct stmt *q;
	int i = 1, rc;

	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	for (int k = 0; k < n; k++) {
		if (b[k].k == B_INT)
			stmt_bind_int(q, i++, b[k].i);
		else if (b[k].k == B_TEXT)
			stmt_bind_text(q, i++, b[k].s);
		else if (b[k].k == B_SCOPE)
			i = actor_bind_scope(b[k].a, q, i);
		else
			i = rec_subtree_bind(q, i, b[k].t);
	}
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e))
		fn(q, acc);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

/* acc[i] = column i. */
static void
put_counts(struct stmt *q, json_t *acc)
{
	for (int i = 0; i < stmt_column_count(q); i++)
		json_array_append_new(acc, json_integer(stmt_col_int(q, i)));
}

/* {code, name, count} rows. */
static void
put_named(struct stmt *q, json_t *acc)
{
	json_array_append_new(acc, json_pack("{s:s, s:s, s:I}", "code",
	    stmt_col_text(q, 0), "name", stmt_col_text(q, 1), "count",
	    (json_int_t)stmt_col_int(q, 2)));
}

/* acc[code] = count for codes already in acc. */
static void
put_group(struct stmt *q, json_t *acc)
{
	json_t *x = json_object_get(acc, stmt_col_text(q, 0));

	if (x != NULL)
		json_integer_set(x, stmt_col_int(q, 1));
	else
		json_object_set_new(acc, stmt_col_text(q, 0),
		    json_integer(stmt_col_int(q, 1)));
}

/* Coverage: communes with their covered flag. */
static void
put_commune(struct stmt *q, json_t *acc)
{
	json_t *n = json_object_get(acc, "communes");
	json_t *c = json_object_get(acc, "covered");
	json_t *u = json_object_get(acc, "uncovered");

	json_integer_set(n, json_integer_value(n) + 1);
	if (stmt_col_int(q, 2) != 0) {
		json_integer_set(c, json_integer_value(c) + 1);
		return;
	}
	if (json_array_size(u) < UNCOVERED_MAX)
		json_array_append_new(u, json_pack("{s:s, s:s}", "code",
		    stmt_col_text(q, 0), "name", stmt_col_text(q, 1)));
}

static json_int_t
at(json_t *arr, size_t i)
{
	return json_integer_value(json_array_get(arr, i));
}

static json_t *
zeros(const char *const *codes)
{
	json_t *o = json_object();

	for (int i = 0; codes[i] != NULL; i++)
		json_object_set_new(o, codes[i], json_integer(0));
	return o;
}

/* Everything the counts need. */
struct sctx {
	const struct actor	*a;	/* the caller: coverage activities */
	const struct actor	*sub;	/* the subtree, read only */
	int			 structure;	/* of the communes counted */
	struct rec_subtree	 tree;		/* the communes counted */
	const char		*topic;
	char			 from[CAL_DATE_LEN], to[CAL_DATE_LEN];
	char			 today[CAL_DATE_LEN];
};

/* Activities running on some day of the period, in the subtree. */
#define SUP_IN	" AND " S_SCOPE " AND t.from_day <= ? AND t.to_day >= ?"

static int
sup_counts(struct store *st, const struct sctx *c, json_t **out,
    struct err *e)
{
	const struct bnd per[] = { BS(c->sub), BT(c->to), BT(c->from) };
	const struct bnd recb[] = { BT(c->today), BS(c->sub), BT(c->to),
	    BT(c->from) };
	json_t *tot = json_array(), *forms = json_array(), *topics =
	    json_array(), *status = zeros(sup_status), *recs = json_array();
	int rc;

	rc = run(st, "SELECT COUNT(*) FROM supervisions t WHERE 1 = 1" SUP_IN,
	    per, 3, put_counts, tot, e);
	if (rc == 0)
		rc = run(st, "SELECT v.code, v.name, COUNT(t.id) FROM"
		    " supervision_forms v LEFT JOIN supervisions t ON t.form ="
		    " v.code" SUP_IN " GROUP BY v.code, v.name, v.sort ORDER BY"
		    " v.sort, v.code", per, 3, put_named, forms, e);
	if (rc == 0)
		rc = run(st, "SELECT v.code, v.name, COUNT(t.id) FROM"
		    " supervision_topics v LEFT JOIN supervisions t ON t.topic ="
		    " v.code" SUP_IN " GROUP BY v.code, v.name, v.sort ORDER BY"
		    " v.sort, v.code", per, 3, put_named, topics, e);
	if (rc == 0)
		rc = run(st, "SELECT t.status, COUNT(*) FROM supervisions t"
		    " WHERE 1 = 1" SUP_IN " GROUP BY t.status", per, 3,
		    put_group, status, e);
	if (rc == 0)
		rc = run(st, "SELECT COUNT(r.id), COALESCE(SUM(CASE WHEN"
		    " r.status = 'open' THEN 1 ELSE 0 END), 0),"
		    " COALESCE(SUM(CASE WHEN r.status = 'responded' THEN 1 ELSE"
		    " 0 END), 0), COALESCE(SUM(CASE WHEN r.status = 'closed'"
		    " THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN r.status ="
		    " 'open' AND r.due_day IS NOT NULL AND r.due_day < ? THEN 1"
		    " ELSE 0 END), 0) FROM supervision_recommendations r JOIN"
		    " supervisions t ON t.id = r.supervision_id WHERE 1 = 1"
		    SUP_IN, recb, 4, put_counts, recs, e);
	if (rc == 0)
		*out = json_pack("{s:I, s:O, s:O, s:O, s:{s:I, s:I, s:I, s:I,"
		    " s:I}}", "total", at(tot, 0), "by_form", forms,
		    "by_topic", topics, "by_status", status,
		    "recommendations", "made", at(recs, 0),
		    "open", at(recs, 1), "responded", at(recs, 2),
		    "closed", at(recs, 3), "overdue", at(recs, 4));
	json_decref(tot);
	json_decref(forms);
	json_decref(topics);
	json_decref(status);
	json_decref(recs);
	return rc;
}

/*
 * The communes of the subtree, each covered when a supervision the caller
 * may see (in progress or done, running on some day of the period, of the
 * topic when one is given) names it among its units.
 */
static int
coverage(struct store *st, const struct sctx *c, json_t **out, struct err *e)
{
	const struct bnd b[] = { BS(c->a), BT(c->to), BT(c->from),
	    BT(c->topic != NULL ? c->topic : ""), BI(c->topic != NULL),
	    BI(c->structure), BR(&c->tree) };
	struct buf sql;
	json_t *acc;
	int rc;

	acc = json_pack("{s:o, s:i, s:i, s:[]}", "topic", rec_jstr(c->topic),
	    "communes", 0, "covered", 0, "uncovered");
	buf_init(&sql, SQL_MAX);
	buf_add_str(&sql, "SELECT n.code, n.name, CASE WHEN EXISTS (SELECT 1"
	    " FROM supervision_units u JOIN supervisions t ON t.id ="
	    " u.supervision_id WHERE u.unit_structure = n.structure AND"
	    " u.unit_code = n.code AND t.status <> 'planned'" SUP_IN
	    " AND (t.topic = ? OR ? = 0)) THEN 1 ELSE 0 END FROM units n WHERE"
	    " n.structure = ? AND n.level = 'commune'");
	rec_subtree_sql(&sql, "n.path", &c->tree);
	buf_add_str(&sql, " ORDER BY n.name_key, n.code");
	rc = run(st, buf_cstr(&sql), b, 7, put_commune, acc, e);
	buf_release(&sql);
	if (rc != 0) {
		json_decref(acc);
		return rc;
	}
	json_object_set_new(acc, "uncovered_count", json_integer(
	    json_integer_value(json_object_get(acc, "communes")) -
	    json_integer_value(json_object_get(acc, "covered"))));
	*out = acc;
	return 0;
}

#define DOC_SCOPE	SCOPE_SQL("t.unit_structure", "t.unit_path")
#define DOC_IN							\
	" AND " DOC_SCOPE " AND t.received_day >= ? AND t.received_day <= ?"
#define OP_IN	" AND " DOC_SCOPE " AND t.day >= ? AND t.day <= ?"

static int
crit_counts(struct store *st, const struct sctx *c, json_t **out,
    struct err *e)
{
	const struct bnd per[] = { BS(c->sub), BT(c->from), BT(c->to) };
	json_t *tot = json_array(), *levels = json_array(), *types =
	    json_array(), *forms = json_array(), *cm = json_array();
	json_t *items;
	json_int_t decided, yes;
	int rc;

	rc = run(st, "SELECT COUNT(*) FROM criticism_docs t WHERE 1 = 1"
	    DOC_IN, per, 3, put_counts, tot, e);
	if (rc == 0)
		rc = run(st, "SELECT v.code, v.name, COUNT(t.id), v.only_structure"
		    " FROM criticism_levels v LEFT JOIN criticism_docs t ON"
		    " t.level = v.code" DOC_IN " GROUP BY v.code, v.name, v.sort,"
		    " v.only_structure ORDER BY v.sort, v.code", per, 3,
		    put_named, levels, e);
	if (rc == 0)
		rc = run(st, "SELECT v.code, v.name, COUNT(t.id) FROM"
		    " criticism_doc_types v LEFT JOIN criticism_docs t ON"
		    " t.doc_type = v.code" DOC_IN " GROUP BY v.code, v.name,"
		    " v.sort ORDER BY v.sort, v.code", per, 3, put_named, types,
		    e);
	if (rc == 0)
		rc = run(st, "SELECT v.code, v.name, COUNT(t.id) FROM"
		    " criticism_forms v LEFT JOIN criticism_docs t ON t.form ="
		    " v.code" DOC_IN " GROUP BY v.code, v.name, v.sort ORDER BY"
		    " v.sort, v.code", per, 3, put_named, forms, e);
	if (rc == 0)
		rc = run(st, "SELECT COUNT(x.id), COALESCE(SUM(CASE WHEN"
		    " x.result = 'accepted' THEN 1 ELSE 0 END), 0),"
		    " COALESCE(SUM(CASE WHEN x.result = 'partly' THEN 1 ELSE 0"
		    " END), 0), COALESCE(SUM(CASE WHEN x.result = 'not_accepted'"
		    " THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN x.result ="
		    " 'pending' THEN 1 ELSE 0 END), 0) FROM criticism_comments x"
		    " JOIN criticism_docs t ON t.id = x.doc_id WHERE 1 = 1"
		    DOC_IN, per, 3, put_counts, cm, e);
	if (rc == 0) {
		/* A level limited to another structure is shown only when
		 * used (the district level in 2025 reports). */
		items = json_array();
		for (size_t i = 0; i < json_array_size(levels); i++) {
			json_t *l = json_array_get(levels, i);

			if (strcmp(rec_member(l, "code"), "district") == 0 &&
			    c->structure != 2024 &&
			    rec_imember(l, "count") == 0)
				continue;
			json_array_append(items, l);
		}
		decided = at(cm, 1) + at(cm, 2) + at(cm, 3);
		yes = at(cm, 1) + at(cm, 2);
		*out = json_pack("{s:I, s:o, s:O, s:O, s:{s:I, s:I, s:I, s:I,"
		    " s:I, s:o}}", "drafts", at(tot, 0), "by_level", items,
		    "by_type", types, "by_form", forms, "comments",
		    "made", at(cm, 0), "accepted", at(cm, 1),
		    "partly", at(cm, 2), "not_accepted", at(cm, 3),
		    "pending", at(cm, 4), "acceptance_rate", decided > 0 ?
		    json_real((double)((yes * 1000 + decided / 2) /
		    decided) / 10.0) :
		    json_null());
	}
	json_decref(tot);
	json_decref(levels);
	json_decref(types);
	json_decref(forms);
	json_decref(cm);
	return rc;
}

/* QĐ 218 contributions: opinions of channel party_building. */
static int
party_counts(struct store *st, const struct sctx *c, json_t **out,
    struct err *e)
{
	const struct bnd per[] = { BS(c->sub), BT(c->from), BT(c->to) };
	json_t *status = json_object(), *tot = json_array();
	struct cube cb;
	int rc;

	cube_init(&cb, c->sub, c->from, c->to);
	if (cube_for_days(&cb)) {
		const char *const b[] = { cb.from, cb.to };

		rc = cube_each(st, &cb, "SELECT COALESCE(SUM(c.n), 0) FROM"
		    " stat_cube c WHERE c.src = 'o_cs' AND c.k1 ="
		    " 'party_building' AND %s AND c.bucket >= ? AND c.bucket <="
		    " ?", CUBE_PLAIN, NULL, 0, b, 2, put_counts, tot, e);
		if (rc == 0)
			rc = cube_each(st, &cb, "SELECT c.k2, SUM(c.n) FROM"
			    " stat_cube c WHERE c.src = 'o_cs' AND c.k1 ="
			    " 'party_building' AND %s AND c.bucket >= ? AND"
			    " c.bucket <= ? GROUP BY c.k2 HAVING SUM(c.n) > 0",
			    CUBE_PLAIN, NULL, 0, b, 2, put_group, status, e);
	} else {
		rc = run(st, "SELECT COUNT(*) FROM opinions t WHERE t.channel ="
		    " 'party_building'" OP_IN, per, 3, put_counts, tot, e);
		if (rc == 0)
			rc = run(st, "SELECT t.status, COUNT(*) FROM opinions t"
			    " WHERE t.channel = 'party_building'" OP_IN
			    " GROUP BY t.status", per, 3, put_group, status, e);
	}
	if (rc == 0)
		*out = json_pack("{s:I, s:O}", "opinions", at(tot, 0),
		    "by_status", status);
	json_decref(status);
	json_decref(tot);
	return rc;
}

/* The subtree of (structure, unit), which a must see, as a read-only
 * actor; without a unit a's own scope.  tree: the communes counted. */
static int
stats_scope(struct store *st, const struct actor *a, int structure,
    const char *unit, struct actor *sub, struct sctx *c, struct err *e)
{
	struct unit_info info;
	bool inside = false;
	int rc;

	*sub = *a;
	sub->role = ROLE_VIEWER;
	if (unit == NULL && !actor_is_global(a)) {
		structure = a->scope_structure;
		unit = a->scope_code;
	}
	c->structure = structure != 0 ? structure : 2025;
	if (unit == NULL)
		return rec_subtree_init(st, c->structure, NULL, "unit",
		    &c->tree, e);
	if (unit_lookup(st, c->structure, unit, &info, e) != 0)
		return err_set(e, ERR_INVAL, "invalid_param", "unit",
		    "Đơn vị hành chính không tồn tại.");
	rc = actor_in_scope(st, a, c->structure, unit, &inside, e);
	if (rc != 0)
		return rc;
	if (!inside)
		return err_set(e, ERR_PERM, "forbidden", "unit",
		    "Đơn vị nằm ngoài phạm vi quản lý của bạn.");
	sub->scope_structure = c->structure;
	snprintf(sub->scope_code, sizeof(sub->scope_code), "%s", info.code);
	snprintf(sub->scope_path, sizeof(sub->scope_path), "%s", info.path);
	return rec_subtree_init(st, c->structure, info.code, "unit", &c->tree,
	    e);
}

int
supervision_stats(struct store *st, const struct actor *a, int structure,
    const char *unit, const char *period, int cutoff, const char *topic,
    json_t **out, struct err *e)
{
	char label[PERIOD_LABEL_LEN], vf[CAL_DATE_LEN], vt[CAL_DATE_LEN];
	json_t *sv = NULL, *cov = NULL, *cr = NULL, *pb = NULL;
	struct actor sub;
	struct period p;
	struct sctx c;
	int rc;

	*out = NULL;
	memset(&c, 0, sizeof(c));
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
	if (topic != NULL) {
		rc = check_code(st, SQL_TOPIC, topic, "invalid_param", "topic",
		    "Nội dung giám sát không có trong danh mục.", e);
		if (rc != 0)
			return rc;
	}
	rc = stats_scope(st, a, structure, unit, &sub, &c, e);
	if (rc != 0)
		return rc;
	c.a = a;
	c.sub = &sub;
	c.topic = topic;
	cal_format(p.from, c.from);
	cal_format(p.to, c.to);
	today(c.today);
	rc = sup_counts(st, &c, &sv, e);
	if (rc == 0)
		rc = coverage(st, &c, &cov, e);
	if (rc == 0)
		rc = crit_counts(st, &c, &cr, e);
	if (rc == 0)
		rc = party_counts(st, &c, &pb, e);
	if (rc != 0) {
		json_decref(sv);
		json_decref(cov);
		json_decref(cr);
		return rc;
	}
	json_object_set_new(sv, "coverage", cov);
	period_label_vi(&p, label, sizeof(label));
	cal_format_vi(p.from, vf);
	cal_format_vi(p.to, vt);
	*out = json_pack("{s:{s:s, s:s, s:s, s:s, s:s}, s:o, s:o, s:o, s:o}",
	    "period", "from", c.from, "to", c.to, "label", label,
	    "from_vi", vf, "to_vi", vt, "unit", unit != NULL || sub.scope_code[0]
	    != '\0' ? json_pack("{s:i, s:s}", "structure", c.structure, "code",
	    sub.scope_code) : json_null(), "supervision", sv, "criticism", cr,
	    "party_building", pb);
	return 0;
}
