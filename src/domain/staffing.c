/* staffing.c - organisation changes (kiện toàn chức danh) and counts. */
#include "domain/staffing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/err.h"
#include "domain/campaign.h"
#include "domain/list.h"
#include "domain/record.h"
#include "store/store.h"

#define SQL_MAX		8192
#define WHAT		"việc kiện toàn chức danh"

/* The organisations whose positions are recorded here. */
static const char *const org_types[] = {
	"fatherland_front", "mass_organization", NULL
};
static const char *const levels[] = {
	"province", "district", "commune", NULL
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

/* ---- vocabularies ----------------------------------------------------- */

static json_t *
pos_row(struct stmt *q)
{
	return json_pack("{s:s, s:s}", "code", stmt_col_text(q, 0), "name",
	    stmt_col_text(q, 1));
}

static json_t *
ck_row(struct stmt *q)
{
	return json_pack("{s:s, s:s, s:b}", "code", stmt_col_text(q, 0),
	    "name", stmt_col_text(q, 1), "fills", stmt_col_int(q, 2) != 0);
}

int
staffing_vocab(struct store *st, json_t **out, struct err *e)
{
	json_t *pos = NULL, *ck = NULL;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT code, name FROM org_positions ORDER BY"
	    " sort, code", &q, e);
	if (rc == 0)
		rc = rec_collect(q, pos_row, &pos, e);
	if (rc == 0)
		rc = store_prepare(st, "SELECT code, name, fills FROM"
		    " org_change_kinds ORDER BY sort, code", &q, e);
	if (rc == 0)
		rc = rec_collect(q, ck_row, &ck, e);
	if (rc != 0) {
		json_decref(pos);
		return rc;
	}
	*out = json_pack("{s:o, s:o}", "positions", pos, "change_kinds", ck);
	return 0;
}

/* ---- rows ------------------------------------------------------------- */

#define CH_COLS								\
	"c.id, c.org_id, o.name, o.type, c.unit_structure, c.unit_code,"	\
	" n.name, n.level, c.position, p.name, c.change_kind, k.name,"	\
	" k.fills, c.person_name, c.day, c.note, c.created_at, c.unit_path"
#define CH_FROM								\
	" FROM org_changes c JOIN organizations o ON o.id = c.org_id"	\
	" JOIN units n ON n.structure = c.unit_structure AND n.code ="	\
	" c.unit_code JOIN org_positions p ON p.code = c.position"	\
	" JOIN org_change_kinds k ON k.code = c.change_kind"
#define CH_SCOPE							\
	SCOPE_SQL("c.unit_structure", "c.unit_path")

static json_t *
ch_row(struct stmt *q)
{
	char c[ISO_TIME_LEN];

	clock_iso(stmt_col_int(q, 16), c);
	return json_pack("{s:I, s:{s:I, s:s, s:s}, s:{s:I, s:s, s:s, s:s},"
	    " s:s, s:s, s:s, s:s, s:b, s:s, s:s, s:o, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", "id", (json_int_t)stmt_col_int(q, 1),
	    "name", stmt_col_text(q, 2), "type", stmt_col_text(q, 3),
	    "unit", "structure", (json_int_t)stmt_col_int(q, 4),
	    "code", stmt_col_text(q, 5), "name", stmt_col_text(q, 6),
	    "level", stmt_col_text(q, 7),
	    "position", stmt_col_text(q, 8), "position_name",
	    stmt_col_text(q, 9), "change_kind", stmt_col_text(q, 10),
	    "change_kind_name", stmt_col_text(q, 11),
	    "fills", stmt_col_int(q, 12) != 0,
	    "person_name", stmt_col_text(q, 13), "day", stmt_col_text(q, 14),
	    "note", rec_col_str(q, 15), "created_at", c);
}

static int
fetch_ch(struct store *st, const struct actor *a, int64_t id, json_t **out,
    struct rec_owner *o, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " CH_COLS CH_FROM " WHERE c.id = ? AND "
	    CH_SCOPE, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	actor_bind_scope(a, q, 2);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = ch_row(q);
		o->structure = (int)stmt_col_int(q, 4);
		snprintf(o->code, sizeof(o->code), "%s", stmt_col_text(q, 5));
		snprintf(o->path, sizeof(o->path), "%s", stmt_col_text(q, 17));
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (rc != STEP_ROW)
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy bản ghi kiện toàn.");
	return 0;
}

/* ---- list ------------------------------------------------------------- */

struct ch_filter {
	const struct staffing_query	*f;
	const struct actor		*a;
	struct rec_subtree		 sub;
	const char			*from, *to;
};

static int
ch_filter_check(const struct staffing_query *f, struct err *e)
{
	if (f->org_type != NULL && rec_index_of(org_types, f->org_type) < 0)
		return err_set(e, ERR_INVAL, "invalid_param", "org_type",
		    "Loại tổ chức phải là fatherland_front hoặc "
		    "mass_organization.");
	if (f->level != NULL && rec_index_of(levels, f->level) < 0)
		return err_set(e, ERR_INVAL, "invalid_param", "level",
		    "Cấp phải là province, district hoặc commune.");
	return 0;
}

static void
ch_filter_sql(struct buf *sql, const struct ch_filter *c)
{
	const struct staffing_query *f = c->f;

	buf_add_str(sql, " WHERE " CH_SCOPE);
	if (f->structure != 0)
		buf_add_str(sql, " AND c.unit_structure = ?");
	rec_subtree_sql(sql, "c.unit_path", &c->sub);
	if (f->org_id != 0)
		buf_add_str(sql, " AND c.org_id = ?");
	if (f->position != NULL)
		buf_add_str(sql, " AND c.position = ?");
	if (f->change_kind != NULL)
		buf_add_str(sql, " AND c.change_kind = ?");
	if (f->org_type != NULL)
		buf_add_str(sql, " AND o.type = ?");
	if (f->level != NULL)
		buf_add_str(sql, " AND n.level = ?");
	if (c->from != NULL)
		buf_add_str(sql, " AND c.day >= ?");
	if (c->to != NULL)
		buf_add_str(sql, " AND c.day <= ?");
}

static int
ch_filter_bind(struct stmt *q, const void *ctxv)
{
	const struct ch_filter *c = ctxv;
	const struct staffing_query *f = c->f;
	int i = actor_bind_scope(c->a, q, 1);

	if (f->structure != 0)
		stmt_bind_int(q, i++, f->structure);
	i = rec_subtree_bind(q, i, &c->sub);
	if (f->org_id != 0)
		stmt_bind_int(q, i++, f->org_id);
	if (f->position != NULL)
		stmt_bind_text(q, i++, f->position);
	if (f->change_kind != NULL)
		stmt_bind_text(q, i++, f->change_kind);
	if (f->org_type != NULL)
		stmt_bind_text(q, i++, f->org_type);
	if (f->level != NULL)
		stmt_bind_text(q, i++, f->level);
	if (c->from != NULL)
		stmt_bind_text(q, i++, c->from);
	if (c->to != NULL)
		stmt_bind_text(q, i++, c->to);
	return i;
}

int
staffing_list(struct store *st, const struct actor *a,
    const struct staffing_query *f, json_t **out, struct err *e)
{
	struct ch_filter c = { .f = f, .a = a, .from = f->from, .to = f->to };
	struct list_query lq;
	struct buf from;
	int rc;

	*out = NULL;
	rc = ch_filter_check(f, e);
	if (rc == 0)
		rc = rec_subtree_init(st, f->structure, f->unit, "unit", &c.sub,
		    e);
	if (rc != 0)
		return rc;
	buf_init(&from, SQL_MAX);
	buf_add_str(&from, CH_FROM);
	ch_filter_sql(&from, &c);
	lq = (struct list_query){ CH_COLS, buf_cstr(&from),
	    "c.day DESC, c.id DESC", ch_filter_bind, &c, ch_row, f->limit,
	    f->offset, NULL, NULL, NULL };
	rc = list_run(st, &lq, out, e);
	buf_release(&from);
	return rc;
}

/* ---- create and delete ------------------------------------------------ */

static int
org_type(struct store *st, int64_t org_id, char *out, size_t n,
    struct err *e)
{
	struct stmt *q;
	int rc;

	out[0] = '\0';
	rc = store_prepare(st, "SELECT type FROM organizations WHERE id = ?",
	    &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, org_id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		snprintf(out, n, "%s", stmt_col_text(q, 0));
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static int
check_input(struct store *st, const struct staffing_input *in,
    struct err *e)
{
	char today[CAL_DATE_LEN], type[40];
	bool ok = false;
	cal_day d;
	int rc;

	rc = org_type(st, in->org_id, type, sizeof(type), e);
	if (rc != 0)
		return rc;
	if (rec_index_of(org_types, type) < 0)
		return err_set(e, ERR_INVAL, "invalid_field", "org_id",
		    "Chỉ ghi kiện toàn chức danh của Mặt trận Tổ quốc và các "
		    "tổ chức chính trị - xã hội.");
	rc = rec_code_in(st, "SELECT 1 FROM org_positions WHERE code = ?",
	    in->position, &ok, e);
	if (rc != 0)
		return rc;
	if (!ok)
		return err_set(e, ERR_INVAL, "invalid_field", "position",
		    "Chức danh không có trong danh mục.");
	rc = rec_code_in(st, "SELECT 1 FROM org_change_kinds WHERE code = ?",
	    in->change_kind, &ok, e);
	if (rc != 0)
		return rc;
	if (!ok)
		return err_set(e, ERR_INVAL, "invalid_field", "change_kind",
		    "Hình thức kiện toàn không có trong danh mục.");
	if (blank(in->person_name))
		return err_set(e, ERR_INVAL, "invalid_field", "person_name",
		    "Họ và tên không được để trống.");
	cal_format(cal_today(), today);
	if (rec_empty(in->day) || cal_parse(in->day, &d) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "day",
		    "Ngày phải có dạng YYYY-MM-DD.");
	if (strcmp(in->day, today) > 0)
		return err_set(e, ERR_INVAL, "invalid_field", "day",
		    "Ngày kiện toàn không được sau ngày hôm nay.");
	return 0;
}

int
staffing_create(struct store *st, const struct actor *a,
    const struct staffing_input *in, json_t **out, struct err *e)
{
	struct rec_owner own, o2;
	struct stmt *q;
	int64_t id = 0;
	int rc;

	*out = NULL;
	rc = rec_check_writer(a, WHAT, e);
	if (rc == 0)
		rc = rec_org_owner(st, a, in->org_id, "org_id", &own, e);
	if (rc == 0)
		rc = check_input(st, in, e);
	if (rc != 0)
		return rc;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = store_prepare(st, "INSERT INTO org_changes (org_id,"
	    " unit_structure, unit_code, unit_path, position, change_kind,"
	    " person_name, day, note, created_by, created_at) VALUES (?, ?, ?,"
	    " ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		stmt_bind_text(q, 5, in->position);
		stmt_bind_text(q, 6, in->change_kind);
		stmt_bind_text(q, 7, in->person_name);
		stmt_bind_text(q, 8, in->day);
		stmt_bind_text(q, 9, rec_opt(in->note));
		rec_bind_creator(q, 10, a);
		stmt_bind_int(q, 11, clock_now());
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_ch(st, a, id, out, &o2, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "org_change", id, &own, NULL,
		    *out, e);
	return rec_finish(st, rc, out, e);
}

int
staffing_delete(struct store *st, const struct actor *a, int64_t id,
    struct err *e)
{
	json_t *before = NULL;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_ch(st, a, id, &before, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, WHAT, e);
	if (rc == 0)
		rc = store_prepare(st, "DELETE FROM org_changes WHERE id = ?", &q,
		    e);
	if (rc == 0) {
		stmt_bind_int(q, 1, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = rec_audit(st, a, "delete", "org_change", id, &o, before,
		    NULL, e);
	json_decref(before);
	return rec_finish(st, rc, NULL, e);
}

/* ---- counts ----------------------------------------------------------- */

static json_t *
count_row(struct stmt *q)
{
	return json_pack("{s:s, s:s, s:I, s:I}", "code", stmt_col_text(q, 0),
	    "name", stmt_col_text(q, 1),
	    "filled", (json_int_t)stmt_col_int(q, 2),
	    "vacated", (json_int_t)stmt_col_int(q, 3));
}

static json_t *
type_row(struct stmt *q)
{
	return json_pack("{s:s, s:I, s:I}", "type", stmt_col_text(q, 0),
	    "filled", (json_int_t)stmt_col_int(q, 1),
	    "vacated", (json_int_t)stmt_col_int(q, 2));
}

#define FILLED	"COALESCE(SUM(CASE WHEN k.fills = 1 THEN 1 ELSE 0 END), 0)"
#define VACATED	"COALESCE(SUM(CASE WHEN k.fills = 0 THEN 1 ELSE 0 END), 0)"

/* "SELECT <head> FROM ... WHERE <filters> <tail>" into *out. */
static int
count_query(struct store *st, const struct ch_filter *c, const char *head,
    const char *tail, json_t *(*row)(struct stmt *), json_t **out,
    struct err *e)
{
	struct stmt *q;
	struct buf sql;
	int rc;

	buf_init(&sql, SQL_MAX);
	buf_add_str(&sql, head);
	buf_add_str(&sql, CH_FROM);
	ch_filter_sql(&sql, c);
	buf_add_str(&sql, tail);
	rc = store_prepare(st, buf_cstr(&sql), &q, e);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	ch_filter_bind(q, c);
	return rec_collect(q, row, out, e);
}

int
staffing_counts(struct store *st, const struct actor *a,
    const struct staffing_query *f, json_t **out, struct err *e)
{
	struct ch_filter c = { .f = f, .a = a };
	json_t *pos = NULL, *types = NULL, *all;
	struct campaign_window w;
	json_int_t filled = 0, vacated = 0;
	size_t i;
	json_t *it;
	int rc;

	*out = NULL;
	rc = ch_filter_check(f, e);
	if (rc == 0)
		rc = campaign_window(st, a, f->period, f->cutoff, f->structure,
		    f->unit, &w, e);
	if (rc != 0)
		return rc;
	rc = rec_subtree_init(st, f->structure, f->unit, "unit", &c.sub, e);
	c.from = w.from;
	c.to = w.to;
	if (rc == 0)
		rc = count_query(st, &c, "SELECT p.code, p.name, " FILLED ", "
		    VACATED, " GROUP BY p.code, p.name, p.sort ORDER BY p.sort,"
		    " p.code", count_row, &pos, e);
	if (rc == 0)
		rc = count_query(st, &c, "SELECT o.type, " FILLED ", " VACATED,
		    " GROUP BY o.type ORDER BY o.type", type_row, &types, e);
	if (rc != 0) {
		json_decref(w.label);
		json_decref(pos);
		return rc;
	}
	json_array_foreach(pos, i, it) {
		filled += rec_imember(it, "filled");
		vacated += rec_imember(it, "vacated");
	}
	all = json_pack("{s:I, s:I, s:I}", "changes", filled + vacated,
	    "filled", filled, "vacated", vacated);
	*out = json_pack("{s:o, s:o, s:o, s:o}", "period", w.label, "total",
	    all, "by_position", pos, "by_org_type", types);
	return 0;
}
