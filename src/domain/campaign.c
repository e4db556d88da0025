/* campaign.c - campaigns and support activities and their totals. */
#include "domain/campaign.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/period.h"
#include "core/text.h"
#include "domain/list.h"
#include "domain/record.h"
#include "domain/unit.h"
#include "domain/vocab.h"
#include "store/store.h"

#define SQL_MAX		8192
#define WHAT		"phong trào, hoạt động hỗ trợ"
#define NQTY		6

/* The quantities, in column order. */
static const char *const qty_names[NQTY + 1] = {
	"visits", "households", "money", "labour_days", "road_m", "canal_m",
	NULL
};
static const char *const qty_labels[NQTY] = {
	"Số lượt, suất quà", "Số hộ", "Số tiền", "Số ngày công",
	"Số mét đường", "Số mét kênh mương"
};

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

/* ---- period window (also used by staffing.c) ------------------------- */

int
campaign_window(struct store *st, const struct actor *a, const char *period,
    int cutoff, int structure, const char *unit, struct campaign_window *w,
    struct err *e)
{
	char label[PERIOD_LABEL_LEN], vf[CAL_DATE_LEN], vt[CAL_DATE_LEN];
	struct unit_info info;
	struct period p;
	bool inside = false;
	int rc;

	w->label = NULL;
	if (period == NULL)
		return err_set(e, ERR_INVAL, "invalid_param", "period",
		    "Thiếu kỳ báo cáo (tham số period).");
	if (cutoff < 0) {
		rc = settings_int(st, "report_cutoff_day", 15, &cutoff, e);
		if (rc != 0)
			return rc;
	}
	rc = period_parse(period, cutoff, &p, e);
	if (rc != 0)
		return rc;
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
	}
	cal_format(p.from, w->from);
	cal_format(p.to, w->to);
	period_label_vi(&p, label, sizeof(label));
	cal_format_vi(p.from, vf);
	cal_format_vi(p.to, vt);
	w->label = json_pack("{s:s, s:s, s:s, s:s, s:s}", "from", w->from,
	    "to", w->to, "label", label, "from_vi", vf, "to_vi", vt);
	return 0;
}

/* ---- vocabularies ----------------------------------------------------- */

static json_t *
kind_row(struct stmt *q)
{
	return json_pack("{s:s, s:s, s:s, s:s}", "code", stmt_col_text(q, 0),
	    "name", stmt_col_text(q, 1), "requires_all", stmt_col_text(q, 2),
	    "requires_any", stmt_col_text(q, 3));
}

static json_t *
target_row(struct stmt *q)
{
	return json_pack("{s:s, s:s}", "code", stmt_col_text(q, 0), "name",
	    stmt_col_text(q, 1));
}

int
campaign_vocab(struct store *st, json_t **out, struct err *e)
{
	json_t *kinds = NULL, *targets = NULL;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT code, name, requires_all, requires_any"
	    " FROM campaign_kinds ORDER BY sort, code", &q, e);
	if (rc == 0)
		rc = rec_collect(q, kind_row, &kinds, e);
	if (rc == 0)
		rc = store_prepare(st, "SELECT code, name FROM campaign_targets"
		    " ORDER BY sort, code", &q, e);
	if (rc == 0)
		rc = rec_collect(q, target_row, &targets, e);
	if (rc != 0) {
		json_decref(kinds);
		return rc;
	}
	*out = json_pack("{s:o, s:o}", "kinds", kinds, "targets", targets);
	return 0;
}

/* ---- rows ------------------------------------------------------------- */

#define CAMP_COLS							\
	"c.id, c.org_id, o.name, c.unit_structure, c.unit_code, n.name,"	\
	" c.kind, k.name, c.title, c.place, c.day, c.end_day, c.target,"	\
	" g.name, c.visits, c.households, c.money, c.labour_days,"	\
	" c.road_m, c.canal_m, c.note, c.created_at, c.updated_at,"	\
	" c.unit_path"
#define CAMP_FROM							\
	" FROM campaigns c JOIN organizations o ON o.id = c.org_id"	\
	" JOIN units n ON n.structure = c.unit_structure AND n.code ="	\
	" c.unit_code JOIN campaign_kinds k ON k.code = c.kind"		\
	" JOIN campaign_targets g ON g.code = c.target"
#define CAMP_SCOPE							\
	SCOPE_SQL("c.unit_structure", "c.unit_path")

static json_t *
camp_row(struct stmt *q)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN];
	json_t *r;

	clock_iso(stmt_col_int(q, 21), c);
	clock_iso(stmt_col_int(q, 22), u);
	r = json_pack("{s:I, s:{s:I, s:s}, s:{s:I, s:s, s:s}, s:s, s:s, s:s,"
	    " s:o, s:s, s:o, s:s, s:s, s:o, s:s, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", "id", (json_int_t)stmt_col_int(q, 1),
	    "name", stmt_col_text(q, 2),
	    "unit", "structure", (json_int_t)stmt_col_int(q, 3),
	    "code", stmt_col_text(q, 4), "name", stmt_col_text(q, 5),
	    "kind", stmt_col_text(q, 6), "kind_name", stmt_col_text(q, 7),
	    "title", stmt_col_text(q, 8), "place", rec_col_str(q, 9),
	    "day", stmt_col_text(q, 10), "end_day", rec_col_str(q, 11),
	    "target", stmt_col_text(q, 12), "target_name", stmt_col_text(q, 13),
	    "note", rec_col_str(q, 20), "created_at", c, "updated_at", u);
	for (int i = 0; i < NQTY; i++)
		json_object_set_new(r, qty_names[i],
		    json_integer(stmt_col_int(q, 14 + i)));
	return r;
}

static int
fetch_camp(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct rec_owner *o, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " CAMP_COLS CAMP_FROM " WHERE c.id = ?"
	    " AND " CAMP_SCOPE, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	actor_bind_scope(a, q, 2);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = camp_row(q);
		o->structure = (int)stmt_col_int(q, 3);
		snprintf(o->code, sizeof(o->code), "%s", stmt_col_text(q, 4));
		snprintf(o->path, sizeof(o->path), "%s", stmt_col_text(q, 23));
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (rc != STEP_ROW)
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy hoạt động.");
	return 0;
}

int
campaign_get(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct err *e)
{
	struct rec_owner o;
	json_t *c = NULL;
	int rc;

	*out = NULL;
	rc = fetch_camp(st, a, id, &c, &o, e);
	if (rc == 0)
		*out = json_pack("{s:o}", "campaign", c);
	return rc;
}

/* ---- list ------------------------------------------------------------- */

struct camp_filter {
	const struct campaign_query	*f;
	const struct actor		*a;
	struct rec_subtree		 sub;
	char				*like;
	const char			*from, *to;
};

static void
camp_filter_sql(struct buf *sql, const struct camp_filter *c)
{
	const struct campaign_query *f = c->f;

	buf_add_str(sql, " WHERE " CAMP_SCOPE);
	if (f->structure != 0)
		buf_add_str(sql, " AND c.unit_structure = ?");
	rec_subtree_sql(sql, "c.unit_path", &c->sub);
	if (f->org_id != 0)
		buf_add_str(sql, " AND c.org_id = ?");
	if (f->kind != NULL)
		buf_add_str(sql, " AND c.kind = ?");
	if (f->target != NULL)
		buf_add_str(sql, " AND c.target = ?");
	if (c->from != NULL)
		buf_add_str(sql, " AND c.day >= ?");
	if (c->to != NULL)
		buf_add_str(sql, " AND c.day <= ?");
	if (c->like != NULL)
		buf_add_str(sql, " AND c.title_fold LIKE ? ESCAPE '\\'");
}

static int
camp_filter_bind(struct stmt *q, const void *ctxv)
{
	const struct camp_filter *c = ctxv;
	const struct campaign_query *f = c->f;
	int i = actor_bind_scope(c->a, q, 1);

	if (f->structure != 0)
		stmt_bind_int(q, i++, f->structure);
	i = rec_subtree_bind(q, i, &c->sub);
	if (f->org_id != 0)
		stmt_bind_int(q, i++, f->org_id);
	if (f->kind != NULL)
		stmt_bind_text(q, i++, f->kind);
	if (f->target != NULL)
		stmt_bind_text(q, i++, f->target);
	if (c->from != NULL)
		stmt_bind_text(q, i++, c->from);
	if (c->to != NULL)
		stmt_bind_text(q, i++, c->to);
	if (c->like != NULL)
		stmt_bind_text(q, i++, c->like);
	return i;
}

int
campaign_list(struct store *st, const struct actor *a,
    const struct campaign_query *f, json_t **out, struct err *e)
{
	struct camp_filter c = { .f = f, .a = a, .from = f->from, .to = f->to };
	struct list_query lq;
	struct buf from, cnt;
	int rc;

	*out = NULL;
	rc = rec_subtree_init(st, f->structure, f->unit, "unit", &c.sub, e);
	if (rc != 0)
		return rc;
	if (f->q != NULL && text_like_pattern(f->q, &c.like) != 0)
		return err_set(e, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm không hợp lệ.");
	buf_init(&from, SQL_MAX);
	buf_init(&cnt, SQL_MAX);
	buf_add_str(&from, CAMP_FROM);
	buf_add_str(&cnt, " FROM campaigns c");
	camp_filter_sql(&from, &c);
	camp_filter_sql(&cnt, &c);
	lq = (struct list_query){ CAMP_COLS, buf_cstr(&from),
	    "c.day DESC, c.id DESC", camp_filter_bind, &c, camp_row, f->limit,
	    f->offset, buf_cstr(&cnt), NULL, NULL };
	rc = list_run(st, &lq, out, e);
	buf_release(&from);
	buf_release(&cnt);
	free(c.like);
	return rc;
}

/* ---- create and delete ------------------------------------------------ */

/* Is name in the comma-separated list? */
static bool
in_csv(const char *csv, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = csv; *p != '\0';) {
		const char *end = strchr(p, ',');
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);

		if (len == n && strncmp(p, name, n) == 0)
			return true;
		p += len;
		if (*p == ',')
			p++;
	}
	return false;
}

/* The kind's rules (requires_all / requires_any) on the quantities. */
static int
check_quantities(struct store *st, const char *kind, const int64_t *qty,
    struct err *e)
{
	char all[256] = "", any[256] = "", names[256] = "";
	bool found = false, some = false;
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "SELECT requires_all, requires_any FROM"
	    " campaign_kinds WHERE code = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, kind);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		found = true;
		snprintf(all, sizeof(all), "%s", stmt_col_text(q, 0));
		snprintf(any, sizeof(any), "%s", stmt_col_text(q, 1));
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (!found)
		return err_set(e, ERR_INVAL, "invalid_field", "kind",
		    "Loại hoạt động không có trong danh mục.");
	for (int i = 0; i < NQTY; i++) {
		if (in_csv(all, qty_names[i]) && qty[i] <= 0)
			return err_set(e, ERR_INVAL, "invalid_field",
			    qty_names[i], "Loại hoạt động này cần ghi %s "
			    "(lớn hơn 0).", qty_labels[i]);
		if (in_csv(any, qty_names[i])) {
			size_t l = strlen(names);

			snprintf(names + l, sizeof(names) - l, "%s%s",
			    l > 0 ? ", " : "", qty_labels[i]);
			if (qty[i] > 0)
				some = true;
		}
	}
	if (any[0] != '\0' && !some)
		return err_set(e, ERR_INVAL, "invalid_field", "kind",
		    "Loại hoạt động này cần ghi ít nhất một trong: %s.", names);
	return 0;
}

static int
target_exists(struct store *st, const char *code, bool *ok, struct err *e)
{
	struct stmt *q;
	int rc;

	*ok = false;
	rc = store_prepare(st, "SELECT 1 FROM campaign_targets WHERE code = ?",
	    &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, code);
	rc = stmt_step(q, e);
	*ok = rc == STEP_ROW;
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static int
check_days(const struct campaign_input *in, struct err *e)
{
	char today[CAL_DATE_LEN];
	cal_day d;

	cal_format(cal_today(), today);
	if (rec_empty(in->day) || cal_parse(in->day, &d) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "day",
		    "Ngày phải có dạng YYYY-MM-DD.");
	if (strcmp(in->day, today) > 0)
		return err_set(e, ERR_INVAL, "invalid_field", "day",
		    "Ngày tổ chức không được sau ngày hôm nay.");
	if (rec_empty(in->end_day))
		return 0;
	if (cal_parse(in->end_day, &d) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "end_day",
		    "Ngày phải có dạng YYYY-MM-DD.");
	if (strcmp(in->end_day, in->day) < 0)
		return err_set(e, ERR_INVAL, "invalid_field", "end_day",
		    "Ngày kết thúc không được trước ngày bắt đầu.");
	return 0;
}

/* Where: in->unit (inside the organiser's unit and a's scope) or the
 * organiser's unit. */
static int
where_unit(struct store *st, const struct actor *a,
    const struct campaign_input *in, const struct rec_owner *org,
    struct rec_owner *w, struct err *e)
{
	struct unit_info info;
	bool inside = false;
	size_t n = strlen(org->path);
	int rc;

	if (!in->unit.set) {
		*w = *org;
		return 0;
	}
	if (unit_lookup(st, in->unit.structure, in->unit.code, &info, e) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "unit",
		    "Đơn vị hành chính không tồn tại.");
	rc = actor_in_scope(st, a, in->unit.structure, in->unit.code, &inside,
	    e);
	if (rc != 0)
		return rc;
	if (!inside || in->unit.structure != org->structure ||
	    strncmp(info.path, org->path, n) != 0 ||
	    (info.path[n] != '\0' && info.path[n] != '/'))
		return err_set(e, ERR_INVAL, "invalid_field", "unit",
		    "Địa bàn phải thuộc đơn vị của tổ chức thực hiện.");
	w->structure = in->unit.structure;
	snprintf(w->code, sizeof(w->code), "%s", info.code);
	snprintf(w->path, sizeof(w->path), "%s", info.path);
	return 0;
}

int
campaign_create(struct store *st, const struct actor *a,
    const struct campaign_input *in, json_t **out, struct err *e)
{
	const int64_t qty[NQTY] = { in->visits, in->households, in->money,
	    in->labour_days, in->road_m, in->canal_m };
	struct rec_owner org, w, o2;
	char *fold = NULL;
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	bool ok = false;
	int rc;

	*out = NULL;
	rc = rec_check_writer(a, WHAT, e);
	if (rc == 0)
		rc = rec_org_owner(st, a, in->org_id, "org_id", &org, e);
	if (rc == 0)
		rc = where_unit(st, a, in, &org, &w, e);
	if (rc == 0 && blank(in->title))
		rc = err_set(e, ERR_INVAL, "invalid_field", "title",
		    "Tên hoạt động không được để trống.");
	if (rc == 0)
		rc = check_days(in, e);
	if (rc == 0)
		rc = target_exists(st, in->target, &ok, e);
	if (rc == 0 && !ok)
		rc = err_set(e, ERR_INVAL, "invalid_field", "target",
		    "Đối tượng không có trong danh mục.");
	if (rc == 0)
		rc = check_quantities(st, in->kind, qty, e);
	if (rc == 0 && text_fold(in->title, &fold) != 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "title",
		    "Tên hoạt động không hợp lệ.");
	if (rc != 0)
		return rc;
	rc = store_begin_write(st, e);
	if (rc != 0) {
		free(fold);
		return rc;
	}
	rc = store_prepare(st, "INSERT INTO campaigns (org_id, unit_structure,"
	    " unit_code, unit_path, kind, title, title_fold, place, day,"
	    " end_day, target, visits, households, money, labour_days, road_m,"
	    " canal_m, note, created_by, created_at, updated_at) VALUES (?, ?,"
	    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	    " RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, w.structure);
		stmt_bind_text(q, 3, w.code);
		stmt_bind_text(q, 4, w.path);
		stmt_bind_text(q, 5, in->kind);
		stmt_bind_text(q, 6, in->title);
		stmt_bind_text(q, 7, fold);
		stmt_bind_text(q, 8, rec_opt(in->place));
		stmt_bind_text(q, 9, in->day);
		stmt_bind_text(q, 10, rec_opt(in->end_day));
		stmt_bind_text(q, 11, in->target);
		for (int i = 0; i < NQTY; i++)
			stmt_bind_int(q, 12 + i, qty[i]);
		stmt_bind_text(q, 18, rec_opt(in->note));
		rec_bind_creator(q, 19, a);
		stmt_bind_int(q, 20, now);
		stmt_bind_int(q, 21, now);
		rc = stmt_step_id(q, &id, e);
	}
	free(fold);
	if (rc == 0)
		rc = fetch_camp(st, a, id, out, &o2, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "campaign", id, &w, NULL, *out,
		    e);
	return rec_finish(st, rc, out, e);
}

int
campaign_delete(struct store *st, const struct actor *a, int64_t id,
    struct err *e)
{
	json_t *before = NULL;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_camp(st, a, id, &before, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, WHAT, e);
	if (rc == 0)
		rc = store_prepare(st, "DELETE FROM campaigns WHERE id = ?", &q,
		    e);
	if (rc == 0) {
		stmt_bind_int(q, 1, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = rec_audit(st, a, "delete", "campaign", id, &o, before, NULL,
		    e);
	json_decref(before);
	return rec_finish(st, rc, NULL, e);
}

/* ---- totals ----------------------------------------------------------- */

static json_t *
total_row(struct stmt *q)
{
	json_t *r = json_pack("{s:s, s:s, s:I}", "kind", stmt_col_text(q, 0),
	    "name", stmt_col_text(q, 1),
	    "activities", (json_int_t)stmt_col_int(q, 2));

	for (int i = 0; i < NQTY; i++)
		json_object_set_new(r, qty_names[i],
		    json_integer(stmt_col_int(q, 3 + i)));
	return r;
}

static json_t *
sum_items(json_t *items)
{
	json_t *t = json_pack("{s:I}", "activities", (json_int_t)0), *it;
	size_t i;

	for (int k = 0; k < NQTY; k++)
		json_object_set_new(t, qty_names[k], json_integer(0));
	json_array_foreach(items, i, it) {
		const char *key;
		json_t *v;

		json_object_foreach(t, key, v)
			json_integer_set(v, json_integer_value(v) +
			    rec_imember(it, key));
	}
	return t;
}

int
campaign_totals(struct store *st, const struct actor *a,
    const struct campaign_query *f, json_t **out, struct err *e)
{
	struct camp_filter c = { .f = f, .a = a };
	struct campaign_window w;
	json_t *items = NULL;
	struct stmt *q;
	struct buf sql;
	int rc;

	*out = NULL;
	rc = campaign_window(st, a, f->period, f->cutoff, f->structure,
	    f->unit, &w, e);
	if (rc == 0)
		rc = rec_subtree_init(st, f->structure, f->unit, "unit", &c.sub,
		    e);
	if (rc != 0) {
		json_decref(w.label);
		return rc;
	}
	c.from = w.from;
	c.to = w.to;
	buf_init(&sql, SQL_MAX);
	buf_add_str(&sql, "SELECT k.code, k.name, COUNT(c.id),"
	    " COALESCE(SUM(c.visits), 0), COALESCE(SUM(c.households), 0),"
	    " COALESCE(SUM(c.money), 0), COALESCE(SUM(c.labour_days), 0),"
	    " COALESCE(SUM(c.road_m), 0), COALESCE(SUM(c.canal_m), 0) FROM"
	    " campaign_kinds k LEFT JOIN (SELECT c.* FROM campaigns c");
	camp_filter_sql(&sql, &c);
	buf_add_str(&sql, ") c ON c.kind = k.code GROUP BY k.code, k.name,"
	    " k.sort ORDER BY k.sort, k.code");
	rc = store_prepare(st, buf_cstr(&sql), &q, e);
	buf_release(&sql);
	if (rc == 0) {
		camp_filter_bind(q, &c);
		rc = rec_collect(q, total_row, &items, e);
	}
	if (rc != 0) {
		json_decref(w.label);
		return rc;
	}
	*out = json_pack("{s:o, s:o, s:o}", "period", w.label, "total",
	    sum_items(items), "items", items);
	return 0;
}
