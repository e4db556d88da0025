/*
 * indicator.c - the indicator catalogue, entered values and the roll-up of
 * a unit's subtree (see indicator.h and migration 0009).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/period.h"
#include "domain/audit.h"
#include "domain/campaign.h"
#include "domain/democracy.h"
#include "domain/dialogue.h"
#include "domain/dvk.h"
#include "domain/indicator.h"
#include "domain/list.h"
#include "domain/record.h"
#include "domain/staffing.h"
#include "domain/stats.h"
#include "domain/supervision.h"
#include "domain/unit.h"
#include "domain/vocab.h"
#include "store/store.h"

#define DECIMALS_MAX	4
#define SCALE_MAX	1000000
#define DEPTH_MAX	8		/* references between indicators */
#define ENTRIES_MAX	200000		/* values under one unit and period */

static const char *const rollups[] = {
	"sum", "ratio", "weighted_mean", "latest", "count_units", NULL
};
static const char *const sources[] = { "entered", "computed", NULL };
static const char *const cond_ops[] = { ">=", ">", "=", "<=", "<", NULL };

static const int64_t pow10_tab[] = { 1, 10, 100, 1000, 10000 };

/* The statistics a computed indicator reads ("petitions:reception.visits"),
 * in the order of enum src below. */
static const char *const src_names[] = {
	"petitions", "dialogues", "dvk", "units", "supervision", "democracy",
	"campaigns", "staffing", "staffing_front_commune", NULL
};

/* Is spec "source:member.path" with a known source? */
static bool
compute_valid(const char *spec)
{
	char src[24];
	size_t n;

	if (spec == NULL)
		return false;
	n = strcspn(spec, ":");
	if (n >= sizeof(src) || spec[n] != ':' || spec[n + 1] == '\0' ||
	    strlen(spec) > 200)
		return false;
	memcpy(src, spec, n);
	src[n] = '\0';
	return rec_index_of(src_names, src) >= 0;
}

/* ---- the catalogue ----------------------------------------------------- */

#define IND_COLS							\
	"i.code, i.name, i.measure, i.rollup, i.source, i.compute,"	\
	" i.numerator, i.denominator, i.scale, i.weight,"		\
	" i.cond_indicator, i.cond_op, i.cond_value, i.decimals,"	\
	" i.target, i.section, i.sort, i.active, COALESCE(c.decimals, 0)"
#define IND_FROM							\
	" FROM indicators i LEFT JOIN indicators c ON c.code ="		\
	" i.cond_indicator"

/* A scaled integer of `decimals` as a JSON number. */
static json_t *
scaled_json(int64_t v, int64_t decimals)
{
	if (decimals <= 0)
		return json_integer(v);
	return json_real((double)v / (double)pow10_tab[decimals]);
}

static json_t *
ind_row(struct stmt *q)
{
	int64_t dec = stmt_col_int(q, 13);
	json_t *cond = json_null(), *target = json_null();

	if (!stmt_col_is_null(q, 12))
		cond = scaled_json(stmt_col_int(q, 12), stmt_col_int(q, 18));
	if (!stmt_col_is_null(q, 14))
		target = scaled_json(stmt_col_int(q, 14), dec);
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:I, s:o,"
	    " s:o, s:o, s:o, s:I, s:o, s:s, s:I, s:b}",
	    "code", stmt_col_text(q, 0), "name", stmt_col_text(q, 1),
	    "measure", stmt_col_text(q, 2), "rollup", stmt_col_text(q, 3),
	    "source", stmt_col_text(q, 4), "compute", rec_col_str(q, 5),
	    "numerator", rec_col_str(q, 6), "denominator", rec_col_str(q, 7),
	    "scale", (json_int_t)stmt_col_int(q, 8), "weight",
	    rec_col_str(q, 9), "cond_indicator", rec_col_str(q, 10),
	    "cond_op", rec_col_str(q, 11), "cond_value", cond,
	    "decimals", (json_int_t)dec, "target", target,
	    "section", stmt_col_text(q, 15), "sort",
	    (json_int_t)stmt_col_int(q, 16), "active",
	    stmt_col_int(q, 17) != 0);
}

int
indicator_list(struct store *st, bool all, json_t **out, struct err *e)
{
	json_t *items;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, all ? "SELECT " IND_COLS IND_FROM
	    " ORDER BY i.sort, i.code" : "SELECT " IND_COLS IND_FROM
	    " WHERE i.active = 1 ORDER BY i.sort, i.code", &q, e);
	if (rc != 0)
		return rc;
	rc = rec_collect(q, ind_row, &items, e);
	if (rc == 0)
		*out = json_pack("{s:o}", "items", items);
	return rc;
}

static int
fetch_ind(struct store *st, const char *code, json_t **out, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " IND_COLS IND_FROM " WHERE i.code = ?",
	    &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, code);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		*out = ind_row(q);
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (*out == NULL)
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy chỉ tiêu.");
	return 0;
}

static bool
code_valid(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (n == 0 || n > INDICATOR_CODE_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' &&
		    s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

/* v in display units to a scaled integer of `decimals`; ERR_INVAL when it
 * has more decimals or is out of range. */
static int
to_scaled(double v, int64_t decimals, int64_t *out)
{
	double x = v * (double)pow10_tab[decimals];
	double r = nearbyint(x);

	if (!(fabs(r) <= (double)INDICATOR_VALUE_MAX))
		return ERR_INVAL;
	if (fabs(x - r) > 1e-6 * (fabs(x) > 1 ? fabs(x) : 1))
		return ERR_INVAL;
	*out = (int64_t)r;
	return 0;
}

/* Does the referenced indicator exist (NULL is fine)? */
static int
check_ref(struct store *st, const char *code, const char *field,
    struct err *e)
{
	json_t *row = NULL;
	int rc;

	if (code == NULL)
		return 0;
	rc = fetch_ind(st, code, &row, e);
	json_decref(row);
	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_INVAL, "invalid_field", field,
		    "Chỉ tiêu tham chiếu không có trong danh mục.");
	return rc;
}

/*
 * The rule of a whole row: what the roll-up needs is there, nothing else.
 * row is the merged catalogue row (JSON, display units).
 */
static int
check_row(struct store *st, json_t *row, struct err *e)
{
	const char *rollup = rec_member(row, "rollup");
	const char *source = rec_member(row, "source");
	const char *compute = rec_member(row, "compute");
	const char *code = rec_member(row, "code");
	int rc = 0;

	if (rec_index_of(rollups, rollup) < 0)
		return err_set(e, ERR_INVAL, "invalid_field", "rollup",
		    "Cách tổng hợp phải là sum, ratio, weighted_mean, latest"
		    " hoặc count_units.");
	if (rec_index_of(sources, source) < 0)
		return err_set(e, ERR_INVAL, "invalid_field", "source",
		    "Nguồn phải là entered (nhập) hoặc computed (tính).");
	if (strcmp(source, "computed") == 0 && !compute_valid(compute))
		return err_set(e, ERR_INVAL, "invalid_field", "compute",
		    "Chỉ tiêu tính từ dữ liệu cần công thức dạng"
		    " \"nguồn:trường\" (nguồn: petitions, dialogues, dvk,"
		    " units, supervision, democracy, campaigns, staffing,"
		    " staffing_front_commune).");
	if (strcmp(source, "entered") == 0 && compute != NULL)
		return err_set(e, ERR_INVAL, "invalid_field", "compute",
		    "Chỉ tiêu nhập không có công thức.");
	if (strcmp(rollup, "ratio") == 0 && strcmp(source, "entered") == 0 &&
	    (rec_member(row, "numerator") == NULL ||
	    rec_member(row, "denominator") == NULL))
		return err_set(e, ERR_INVAL, "invalid_field", "numerator",
		    "Tỷ lệ cần chỉ tiêu tử số và mẫu số.");
	if (strcmp(rollup, "weighted_mean") == 0 &&
	    rec_member(row, "weight") == NULL)
		return err_set(e, ERR_INVAL, "invalid_field", "weight",
		    "Bình quân gia quyền cần chỉ tiêu trọng số.");
	if (strcmp(rollup, "count_units") == 0 &&
	    (rec_member(row, "cond_indicator") == NULL ||
	    rec_index_of(cond_ops, rec_member(row, "cond_op")) < 0 ||
	    json_is_null(json_object_get(row, "cond_value"))))
		return err_set(e, ERR_INVAL, "invalid_field", "cond_indicator",
		    "Đếm đơn vị cần chỉ tiêu điều kiện, phép so sánh (>=, >, ="
		    ", <=, <) và giá trị.");
	{
		static const char *const refs[] = { "numerator",
		    "denominator", "weight", "cond_indicator", NULL };

		for (int i = 0; rc == 0 && refs[i] != NULL; i++) {
			const char *r = rec_member(row, refs[i]);

			if (r != NULL && strcmp(r, code) == 0)
				rc = err_set(e, ERR_INVAL, "invalid_field",
				    refs[i], "Chỉ tiêu không được tham chiếu"
				    " chính nó.");
			else
				rc = check_ref(st, r, refs[i], e);
		}
	}
	return rc;
}

static int
require_sysadmin(const struct actor *a, struct err *e)
{
	if (a->role != ROLE_SYSADMIN)
		return err_set(e, ERR_PERM, "forbidden", NULL, "Chỉ quản trị"
		    " hệ thống được sửa danh mục chỉ tiêu.");
	return 0;
}

static void
set_str(json_t *row, const char *key, const char *v)
{
	if (v != NULL)
		json_object_set_new(row, key, v[0] != '\0' ? json_string(v) :
		    json_null());
}

/* Merge the input into row (display units). */
static int
merge_input(json_t *row, const struct indicator_input *in, struct err *e)
{
	set_str(row, "name", in->name);
	set_str(row, "measure", in->measure);
	set_str(row, "rollup", in->rollup);
	set_str(row, "source", in->source);
	set_str(row, "compute", in->compute);
	set_str(row, "numerator", in->numerator);
	set_str(row, "denominator", in->denominator);
	set_str(row, "weight", in->weight);
	set_str(row, "cond_indicator", in->cond_indicator);
	set_str(row, "cond_op", in->cond_op);
	set_str(row, "section", in->section);
	if (in->has_scale) {
		if (in->scale < 1 || in->scale > SCALE_MAX)
			return err_set(e, ERR_INVAL, "invalid_field", "scale",
			    "Hệ số phải từ 1 đến %d.", SCALE_MAX);
		json_object_set_new(row, "scale", json_integer(in->scale));
	}
	if (in->has_decimals) {
		if (in->decimals > DECIMALS_MAX)
			return err_set(e, ERR_INVAL, "invalid_field",
			    "decimals", "Số chữ số thập phân từ 0 đến %d.",
			    DECIMALS_MAX);
		json_object_set_new(row, "decimals",
		    json_integer(in->decimals));
	}
	if (in->has_sort)
		json_object_set_new(row, "sort", json_integer(in->sort));
	if (in->has_cond_value)
		json_object_set_new(row, "cond_value",
		    json_real(in->cond_value));
	if (in->has_target)
		json_object_set_new(row, "target", json_real(in->target));
	if (in->has_active)
		json_object_set_new(row, "active", json_boolean(in->active));
	if (rec_empty(rec_member(row, "name")))
		return err_set(e, ERR_INVAL, "missing_field", "name",
		    "Thiếu tên chỉ tiêu.");
	if (rec_empty(rec_member(row, "measure")))
		return err_set(e, ERR_INVAL, "missing_field", "measure",
		    "Thiếu đơn vị tính.");
	if (rec_empty(rec_member(row, "section")))
		return err_set(e, ERR_INVAL, "missing_field", "section",
		    "Thiếu nhóm chỉ tiêu.");
	return 0;
}

/* A number member of row in units of decimals (cond_value: of the
 * condition's indicator, looked up by the caller), NULL when null. */
static int
bind_scaled(struct stmt *q, int idx, json_t *v, int64_t decimals,
    const char *field, struct err *e)
{
	int64_t n;

	if (v == NULL || json_is_null(v)) {
		stmt_bind_null(q, idx);
		return 0;
	}
	if (to_scaled(json_number_value(v), decimals, &n) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", field, "Giá trị"
		    " có nhiều chữ số thập phân hơn quy định hoặc quá lớn.");
	stmt_bind_int(q, idx, n);
	return 0;
}

static int
cond_decimals(struct store *st, json_t *row, int64_t *dec, struct err *e)
{
	const char *c = rec_member(row, "cond_indicator");
	json_t *ref = NULL;
	int rc;

	*dec = 0;
	if (c == NULL)
		return 0;
	rc = fetch_ind(st, c, &ref, e);
	if (rc == 0)
		*dec = json_integer_value(json_object_get(ref, "decimals"));
	json_decref(ref);
	return rc;
}

/* Write row (insert when create). */
static int
save_row(struct store *st, json_t *row, bool create, struct err *e)
{
	int64_t dec = json_integer_value(json_object_get(row, "decimals"));
	int64_t cdec = 0;
	struct stmt *q;
	int rc;

	rc = cond_decimals(st, row, &cdec, e);
	if (rc != 0)
		return rc;
	rc = store_prepare(st, create ? "INSERT INTO indicators (name,"
	    " measure, rollup, source, compute, numerator, denominator, scale,"
	    " weight, cond_indicator, cond_op, cond_value, decimals, target,"
	    " section, sort, active, updated_at, code) VALUES (?, ?, ?, ?, ?,"
	    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : "UPDATE indicators"
	    " SET name = ?, measure = ?, rollup = ?, source = ?, compute = ?,"
	    " numerator = ?, denominator = ?, scale = ?, weight = ?,"
	    " cond_indicator = ?, cond_op = ?, cond_value = ?, decimals = ?,"
	    " target = ?, section = ?, sort = ?, active = ?, updated_at = ?"
	    " WHERE code = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, rec_member(row, "name"));
	stmt_bind_text(q, 2, rec_member(row, "measure"));
	stmt_bind_text(q, 3, rec_member(row, "rollup"));
	stmt_bind_text(q, 4, rec_member(row, "source"));
	stmt_bind_text(q, 5, rec_member(row, "compute"));
	stmt_bind_text(q, 6, rec_member(row, "numerator"));
	stmt_bind_text(q, 7, rec_member(row, "denominator"));
	stmt_bind_int(q, 8, json_integer_value(json_object_get(row, "scale")));
	stmt_bind_text(q, 9, rec_member(row, "weight"));
	stmt_bind_text(q, 10, rec_member(row, "cond_indicator"));
	stmt_bind_text(q, 11, rec_member(row, "cond_op"));
	rc = bind_scaled(q, 12, json_object_get(row, "cond_value"), cdec,
	    "cond_value", e);
	stmt_bind_int(q, 13, dec);
	if (rc == 0)
		rc = bind_scaled(q, 14, json_object_get(row, "target"), dec,
		    "target", e);
	stmt_bind_text(q, 15, rec_member(row, "section"));
	stmt_bind_int(q, 16, json_integer_value(json_object_get(row, "sort")));
	stmt_bind_int(q, 17, json_is_true(json_object_get(row, "active")));
	stmt_bind_int(q, 18, clock_now());
	stmt_bind_text(q, 19, rec_member(row, "code"));
	if (rc != 0) {
		stmt_finalize(q);
		return rc;
	}
	rc = stmt_step_done(q, e);
	if (rc == ERR_EXISTS)
		rc = err_set(e, ERR_EXISTS, "conflict", "code",
		    "Mã chỉ tiêu đã tồn tại.");
	return rc;
}

static int
ind_audit(struct store *st, const struct actor *a, const char *action,
    json_t *before, json_t *after, struct err *e)
{
	struct audit_entry ent = { action, "indicator", 0, 0, NULL, NULL,
	    before, after };

	return audit_record(st, a, &ent, e);
}

int
indicator_create(struct store *st, const struct actor *a,
    const struct indicator_input *in, json_t **out, struct err *e)
{
	json_t *row;
	int rc;

	*out = NULL;
	rc = require_sysadmin(a, e);
	if (rc == 0 && !code_valid(in->code))
		rc = err_set(e, ERR_INVAL, "invalid_field", "code", "Mã chỉ"
		    " tiêu gồm chữ thường không dấu, số và dấu gạch dưới, tối"
		    " đa %d ký tự.", INDICATOR_CODE_MAX);
	if (rc != 0)
		return rc;
	row = json_pack("{s:s, s:n, s:n, s:s, s:s, s:n, s:n, s:n, s:i, s:n,"
	    " s:n, s:n, s:n, s:i, s:n, s:n, s:i, s:b}", "code", in->code,
	    "name", "measure", "rollup", "sum", "source", "entered", "compute",
	    "numerator", "denominator", "scale", 1, "weight", "cond_indicator",
	    "cond_op", "cond_value", "decimals", 0, "target", "section",
	    "sort", 1000, "active", 1);
	rc = merge_input(row, in, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0) {
		json_decref(row);
		return rc;
	}
	rc = check_row(st, row, e);
	if (rc == 0)
		rc = save_row(st, row, true, e);
	json_decref(row);
	if (rc == 0)
		rc = fetch_ind(st, in->code, out, e);
	if (rc == 0)
		rc = ind_audit(st, a, "create", NULL, *out, e);
	return rec_finish(st, rc, out, e);
}

int
indicator_update(struct store *st, const struct actor *a, const char *code,
    const struct indicator_input *in, json_t **out, struct err *e)
{
	json_t *before = NULL, *row = NULL;
	int rc;

	*out = NULL;
	rc = require_sysadmin(a, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_ind(st, code, &before, e);
	if (rc == 0) {
		row = json_deep_copy(before);
		rc = merge_input(row, in, e);
	}
	/* the unit of stored values does not change under them */
	if (rc == 0 && in->has_decimals && in->decimals !=
	    json_integer_value(json_object_get(before, "decimals"))) {
		int64_t n = 0;
		struct stmt *q;

		rc = store_prepare(st, "SELECT COUNT(*) FROM indicator_values"
		    " WHERE indicator = ?", &q, e);
		if (rc == 0) {
			stmt_bind_text(q, 1, code);
			rc = stmt_step_id(q, &n, e);
		}
		if (rc == 0 && n > 0)
			rc = err_set(e, ERR_EXISTS, "conflict", "decimals",
			    "Chỉ tiêu đã có số liệu: không đổi được số chữ số"
			    " thập phân.");
	}
	if (rc == 0)
		rc = check_row(st, row, e);
	if (rc == 0)
		rc = save_row(st, row, false, e);
	json_decref(row);
	if (rc == 0)
		rc = fetch_ind(st, code, out, e);
	if (rc == 0)
		rc = ind_audit(st, a, "update", before, *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

/* ---- entered values --------------------------------------------------- */

#define VAL_COLS							\
	"v.id, v.indicator, i.name, i.decimals, v.unit_structure,"	\
	" v.unit_code, u.name, v.period, v.value, v.source, v.note,"	\
	" v.created_at, v.updated_at"
#define VAL_FROM							\
	" FROM indicator_values v JOIN indicators i ON i.code ="	\
	" v.indicator JOIN units u ON u.structure = v.unit_structure AND"	\
	" u.code = v.unit_code"

static json_t *
val_row(struct stmt *q)
{
	return json_pack("{s:I, s:s, s:s, s:o, s:{s:I, s:s, s:s}, s:s, s:s,"
	    " s:o, s:I, s:I}", "id", (json_int_t)stmt_col_int(q, 0),
	    "indicator", stmt_col_text(q, 1), "indicator_name",
	    stmt_col_text(q, 2), "value", scaled_json(stmt_col_int(q, 8),
	    stmt_col_int(q, 3)), "unit", "structure",
	    (json_int_t)stmt_col_int(q, 4), "code", stmt_col_text(q, 5),
	    "name", stmt_col_text(q, 6), "period", stmt_col_text(q, 7),
	    "source", stmt_col_text(q, 9), "note", rec_col_str(q, 10),
	    "created_at", (json_int_t)stmt_col_int(q, 11), "updated_at",
	    (json_int_t)stmt_col_int(q, 12));
}

static int
fetch_val(struct store *st, int64_t id, json_t **out, struct rec_owner *o,
    struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " VAL_COLS ", v.unit_path" VAL_FROM
	    " WHERE v.id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = val_row(q);
		o->structure = (int)stmt_col_int(q, 4);
		snprintf(o->code, sizeof(o->code), "%s", stmt_col_text(q, 5));
		snprintf(o->path, sizeof(o->path), "%s", stmt_col_text(q, 13));
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (*out == NULL)
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy số liệu.");
	return 0;
}

/* The unit (structure, code) must exist and be in a's scope. */
static int
unit_owner(struct store *st, const struct actor *a, int structure,
    const char *code, const char *api_code, const char *field,
    struct rec_owner *o, struct err *e)
{
	struct unit_info info;
	bool inside = false;
	int rc;

	if (code == NULL || unit_lookup(st, structure, code, &info, e) != 0)
		return err_set(e, ERR_INVAL, api_code, field,
		    "Đơn vị hành chính không tồn tại.");
	rc = actor_in_scope(st, a, structure, code, &inside, e);
	if (rc != 0)
		return rc;
	if (!inside)
		return err_set(e, ERR_PERM, "forbidden", field, "Đơn vị nằm"
		    " ngoài phạm vi quản lý của bạn.");
	o->structure = structure;
	snprintf(o->code, sizeof(o->code), "%s", info.code);
	snprintf(o->path, sizeof(o->path), "%s", info.path);
	snprintf(o->name, sizeof(o->name), "%s", info.name);
	return 0;
}

int
indicator_value_put(struct store *st, const struct actor *a,
    const struct indicator_value_input *in, json_t **out, struct err *e)
{
	json_t *ind = NULL, *before = NULL;
	struct rec_owner own;
	struct period per;
	struct stmt *q;
	int64_t id = 0, v = 0, dec;
	int rc;

	*out = NULL;
	rc = rec_check_writer(a, "số liệu chỉ tiêu", e);
	if (rc == 0)
		rc = period_parse(in->period, 0, &per, e);
	if (rc == ERR_INVAL && e != NULL)
		e->api_code = "invalid_field";	/* a body field, not a query */
	if (rc == 0 && rec_empty(in->source))
		rc = err_set(e, ERR_INVAL, "missing_field", "source",
		    "Thiếu nguồn số liệu.");
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_ind(st, in->indicator, &ind, e);
	if (rc == ERR_NOTFOUND)
		rc = err_set(e, ERR_INVAL, "invalid_field", "indicator",
		    "Chỉ tiêu không có trong danh mục.");
	if (rc == 0 && strcmp(rec_member(ind, "source"), "entered") != 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "indicator",
		    "Chỉ tiêu này được tính từ dữ liệu, không nhập tay.");
	dec = json_integer_value(json_object_get(ind, "decimals"));
	if (rc == 0 && to_scaled(in->value, dec, &v) != 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "value", "Giá trị"
		    " có nhiều hơn %d chữ số thập phân hoặc quá lớn.", (int)dec);
	if (rc == 0)
		rc = unit_owner(st, a, in->structure, in->unit, "invalid_field",
		    "unit", &own, e);
	if (rc == 0)
		rc = store_prepare(st, "SELECT id FROM indicator_values WHERE"
		    " indicator = ? AND unit_structure = ? AND unit_code = ? AND"
		    " period = ?", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, in->indicator);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, in->period);
		rc = stmt_step(q, e);
		if (rc == STEP_ROW)
			id = stmt_col_int(q, 0);
		stmt_finalize(q);
		rc = rc < 0 ? rc : 0;
	}
	if (rc == 0 && id != 0) {
		struct rec_owner o2;

		rc = fetch_val(st, id, &before, &o2, e);
		if (rc == 0)
			rc = store_prepare(st, "UPDATE indicator_values SET"
			    " value = ?, source = ?, note = ?, entered_by = ?,"
			    " updated_at = ? WHERE id = ?", &q, e);
		if (rc == 0) {
			stmt_bind_int(q, 1, v);
			stmt_bind_text(q, 2, in->source);
			stmt_bind_text(q, 3, rec_opt(in->note));
			rec_bind_creator(q, 4, a);
			stmt_bind_int(q, 5, clock_now());
			stmt_bind_int(q, 6, id);
			rc = stmt_step_done(q, e);
		}
	} else if (rc == 0) {
		rc = store_prepare(st, "INSERT INTO indicator_values"
		    " (indicator, unit_structure, unit_code, unit_path, period,"
		    " value, source, note, entered_by, created_at, updated_at)"
		    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		    &q, e);
		if (rc == 0) {
			int64_t now = clock_now();

			stmt_bind_text(q, 1, in->indicator);
			stmt_bind_int(q, 2, own.structure);
			stmt_bind_text(q, 3, own.code);
			stmt_bind_text(q, 4, own.path);
			stmt_bind_text(q, 5, in->period);
			stmt_bind_int(q, 6, v);
			stmt_bind_text(q, 7, in->source);
			stmt_bind_text(q, 8, rec_opt(in->note));
			rec_bind_creator(q, 9, a);
			stmt_bind_int(q, 10, now);
			stmt_bind_int(q, 11, now);
			rc = stmt_step_id(q, &id, e);
		}
	}
	json_decref(ind);
	if (rc == 0) {
		struct rec_owner o2;

		rc = fetch_val(st, id, out, &o2, e);
	}
	if (rc == 0)
		rc = rec_audit(st, a, before != NULL ? "update" : "create",
		    "indicator_value", id, &own, before, *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

int
indicator_value_delete(struct store *st, const struct actor *a, int64_t id,
    struct err *e)
{
	json_t *before = NULL;
	struct rec_owner own;
	struct stmt *q;
	bool inside = false;
	int rc;

	rc = rec_check_writer(a, "số liệu chỉ tiêu", e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_val(st, id, &before, &own, e);
	if (rc == 0)
		rc = actor_in_scope(st, a, own.structure, own.code, &inside, e);
	if (rc == 0 && !inside)
		rc = err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy số liệu.");
	if (rc == 0)
		rc = store_prepare(st, "DELETE FROM indicator_values WHERE"
		    " id = ?", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = rec_audit(st, a, "delete", "indicator_value", id, &own,
		    before, NULL, e);
	json_decref(before);
	return rec_finish(st, rc, NULL, e);
}

struct val_filter {
	const struct indicator_value_query	*f;
	const struct actor			*a;
	struct rec_subtree			 sub;
};

static int
val_bind(struct stmt *q, const void *ctxv)
{
	const struct val_filter *c = ctxv;
	int i = actor_bind_scope(c->a, q, 1);

	if (c->f->structure != 0)
		stmt_bind_int(q, i++, c->f->structure);
	i = rec_subtree_bind(q, i, &c->sub);
	if (c->f->indicator != NULL)
		stmt_bind_text(q, i++, c->f->indicator);
	if (c->f->period != NULL)
		stmt_bind_text(q, i++, c->f->period);
	return i;
}

int
indicator_value_list(struct store *st, const struct actor *a,
    const struct indicator_value_query *f, json_t **out, struct err *e)
{
	struct val_filter c = { .f = f, .a = a };
	struct list_query lq;
	struct buf from;
	int rc;

	*out = NULL;
	rc = rec_subtree_init(st, f->structure, f->unit, "unit", &c.sub, e);
	if (rc != 0)
		return rc;
	buf_init(&from, 1024);
	buf_add_str(&from, VAL_FROM " WHERE " SCOPE_SQL("v.unit_structure",
	    "v.unit_path", "v.unit_code"));
	if (f->structure != 0)
		buf_add_str(&from, " AND v.unit_structure = ?");
	rec_subtree_sql(&from, "v.unit_path", &c.sub);
	if (f->indicator != NULL)
		buf_add_str(&from, " AND v.indicator = ?");
	if (f->period != NULL)
		buf_add_str(&from, " AND v.period = ?");
	memset(&lq, 0, sizeof(lq));
	lq.cols = VAL_COLS;
	lq.from = buf_cstr(&from);
	lq.order = "i.sort, v.indicator, v.period DESC, v.unit_path";
	lq.bind = val_bind;
	lq.ctx = &c;
	lq.row = val_row;
	lq.limit = f->limit;
	lq.offset = f->offset;
	rc = list_run(st, &lq, out, e);
	buf_release(&from);
	return rc;
}

/* ---- the roll-up ------------------------------------------------------- */

/* A value of the subtree: one unit's entry, or a computed figure. */
struct entry {
	char	code[UNIT_CODE_MAX];
	char	path[UNIT_PATH_MAX];
	bool	commune;
	int64_t	value;
};

/* The statistics a computed indicator reads, fetched once per roll-up. */
enum {
	SRC_PETITIONS, SRC_DIALOGUES, SRC_DVK, SRC_UNITS, SRC_SUPERVISION,
	SRC_DEMOCRACY, SRC_CAMPAIGNS, SRC_STAFFING, SRC_STAFFING_FRONT,
	SRC_COUNT
};

struct ectx {
	struct store		*st;
	const struct actor	*a;
	json_t			*cat;		/* code -> catalogue row */
	int			 structure;
	char			 code[UNIT_CODE_MAX];
	char			 name[256];
	struct rec_subtree	 sub;
	char			 period[PERIOD_MAX_LEN + 1];
	int			 cutoff;
	int			 year;
	json_t			*stats[SRC_COUNT];
	json_t			*memo;		/* code -> result */
	int			 depth;
};

static int	eval(struct ectx *c, const char *code, json_t **res,
		    struct err *e);

static int
entries_add(struct entry **v, size_t *n, size_t *cap, struct stmt *q,
    struct err *e)
{
	struct entry *x;

	if (*n == *cap) {
		size_t ncap = *cap != 0 ? *cap * 2 : 64;
		struct entry *nv;

		if (ncap > ENTRIES_MAX)
			return err_set(e, ERR_TOOBIG, "too_large", NULL, "Quá"
			    " nhiều số liệu trong phạm vi này.");
		nv = realloc(*v, ncap * sizeof(**v));
		if (nv == NULL)
			return err_set(e, ERR_NOMEM, "internal", NULL,
			    "out of memory");
		*v = nv;
		*cap = ncap;
	}
	x = &(*v)[(*n)++];
	snprintf(x->code, sizeof(x->code), "%s", stmt_col_text(q, 0));
	snprintf(x->path, sizeof(x->path), "%s", stmt_col_text(q, 1));
	x->value = stmt_col_int(q, 2);
	x->commune = strcmp(stmt_col_text(q, 3), "commune") == 0;
	return 0;
}

/* Keep the top-most entries: drop those below an entry already kept
 * (v is in path order, so an ancestor comes first). */
static size_t
top_most(struct entry *v, size_t n)
{
	size_t k = 0, len;

	for (size_t i = 0; i < n; i++) {
		if (k > 0) {
			len = strlen(v[k - 1].path);
			if (strncmp(v[i].path, v[k - 1].path, len) == 0 &&
			    v[i].path[len] == '/')
				continue;
		}
		v[k++] = v[i];
	}
	return k;
}

/*
 * The top-most entered values of indicator code under the unit: of the
 * unit's own structure, else (a 2025 unit) of the 2024 units wholly merged
 * into it.  2024 units split between the subtree and elsewhere go to
 * *partial (array) with their value, never into the entries.
 */
static int
gather(struct ectx *c, const char *code, int64_t decimals, struct entry **out,
    size_t *n, int *used, json_t *partial, struct err *e)
{
	size_t cap = 0;
	struct stmt *q;
	int rc;

	*out = NULL;
	*n = 0;
	*used = c->structure;
	rc = store_prepare(c->st, "SELECT v.unit_code, v.unit_path, v.value,"
	    " u.level FROM indicator_values v JOIN units u ON u.structure ="
	    " v.unit_structure AND u.code = v.unit_code WHERE v.indicator = ?"
	    " AND v.period = ? AND v.unit_structure = ? AND v.unit_path >= ?"
	    " AND v.unit_path < ? ORDER BY v.unit_path", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, code);
	stmt_bind_text(q, 2, c->period);
	stmt_bind_int(q, 3, c->structure);
	stmt_bind_text(q, 4, c->sub.lo);
	stmt_bind_text(q, 5, c->sub.hi);
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e)) {
		rc = entries_add(out, n, &cap, q, e);
		if (rc != 0)
			break;
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (*n > 0 || c->structure != 2025) {
		*n = top_most(*out, *n);
		return 0;
	}
	/* no value of 2025 units: the 2024 units that became this subtree */
	*used = 2024;
	rc = store_prepare(c->st, "SELECT v.unit_code, v.unit_path, v.value,"
	    " u.level, u.name, (SELECT COUNT(*) FROM unit_succ s WHERE"
	    " s.old_code = v.unit_code AND NOT (s.new_path >= ? AND"
	    " s.new_path < ?)) FROM indicator_values v JOIN units u ON"
	    " u.structure = 2024 AND u.code = v.unit_code WHERE v.indicator"
	    " = ? AND v.period = ? AND v.unit_structure = 2024 AND EXISTS"
	    " (SELECT 1 FROM unit_succ s WHERE s.old_code = v.unit_code AND"
	    " s.new_path >= ? AND s.new_path < ?) ORDER BY v.unit_path", &q,
	    e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, c->sub.lo);
	stmt_bind_text(q, 2, c->sub.hi);
	stmt_bind_text(q, 3, code);
	stmt_bind_text(q, 4, c->period);
	stmt_bind_text(q, 5, c->sub.lo);
	stmt_bind_text(q, 6, c->sub.hi);
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e)) {
		if (stmt_col_int(q, 5) == 0) {
			rc = entries_add(out, n, &cap, q, e);
			if (rc != 0)
				break;
			continue;
		}
		json_array_append_new(partial, json_pack("{s:s, s:s, s:o}",
		    "code", stmt_col_text(q, 0), "name", stmt_col_text(q, 4),
		    "value", scaled_json(stmt_col_int(q, 2), decimals)));
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	*n = top_most(*out, *n);
	if (*n == 0)
		*used = c->structure;
	return 0;
}

/* ---- computed figures ---- */

static int
src_units(struct ectx *c, json_t **out, struct err *e)
{
	int64_t communes = 0;
	struct stmt *q;
	int rc;

	rc = store_prepare(c->st, "SELECT COUNT(*) FROM units WHERE"
	    " structure = ? AND level = 'commune' AND path >= ? AND path < ?",
	    &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, c->structure);
	stmt_bind_text(q, 2, c->sub.lo);
	stmt_bind_text(q, 3, c->sub.hi);
	rc = stmt_step_id(q, &communes, e);
	if (rc == 0)
		*out = json_pack("{s:I}", "communes", (json_int_t)communes);
	return rc;
}

static int
fetch_source(struct ectx *c, int src, struct err *e)
{
	int rc = 0;

	if (c->stats[src] != NULL)
		return 0;
	switch (src) {
	case SRC_PETITIONS: {
		struct stats_query f = { c->structure, c->code, c->period,
		    c->cutoff };

		rc = stats_petitions(c->st, c->a, &f, &c->stats[src], e);
		break;
	}
	case SRC_DIALOGUES:
		rc = dialogue_stats(c->st, c->a, c->structure, c->code,
		    c->period, c->cutoff, &c->stats[src], e);
		break;
	case SRC_DVK: {
		struct dvk_query f;

		memset(&f, 0, sizeof(f));
		f.structure = c->structure;
		f.unit = c->code;
		f.year = c->year;
		rc = dvk_stats(c->st, c->a, &f, &c->stats[src], e);
		break;
	}
	case SRC_SUPERVISION:
		rc = supervision_stats(c->st, c->a, c->structure, c->code,
		    c->period, c->cutoff, NULL, &c->stats[src], e);
		break;
	case SRC_DEMOCRACY:
		rc = dc_stats(c->st, c->a, c->structure, c->code, c->period,
		    c->cutoff, &c->stats[src], e);
		break;
	case SRC_CAMPAIGNS: {
		struct campaign_query f;

		memset(&f, 0, sizeof(f));
		f.structure = c->structure;
		f.unit = c->code;
		f.period = c->period;
		f.cutoff = c->cutoff;
		rc = campaign_totals(c->st, c->a, &f, &c->stats[src], e);
		break;
	}
	case SRC_STAFFING:
	case SRC_STAFFING_FRONT: {
		struct staffing_query f;

		memset(&f, 0, sizeof(f));
		f.structure = c->structure;
		f.unit = c->code;
		f.period = c->period;
		f.cutoff = c->cutoff;
		if (src == SRC_STAFFING_FRONT) {
			f.org_type = "fatherland_front";
			f.level = "commune";
		}
		rc = staffing_counts(c->st, c->a, &f, &c->stats[src], e);
		break;
	}
	case SRC_UNITS:
	default:
		rc = src_units(c, &c->stats[src], e);
		break;
	}
	return rc;
}

/*
 * Follow a path of members: "reception.visits", and "by_field[land]" for
 * the element of an array whose "code" (or "level") is land.
 */
static json_t *
json_path(json_t *v, const char *path)
{
	char seg[96], key[96];
	const char *p = path;

	while (v != NULL && *p != '\0') {
		size_t n = strcspn(p, ".");
		char *br;

		if (n >= sizeof(seg))
			return NULL;
		memcpy(seg, p, n);
		seg[n] = '\0';
		p += n + (p[n] == '.');
		br = strchr(seg, '[');
		if (br == NULL) {
			v = json_object_get(v, seg);
			continue;
		}
		*br = '\0';
		snprintf(key, sizeof(key), "%s", br + 1);
		key[strcspn(key, "]")] = '\0';
		v = json_object_get(v, seg);
		if (!json_is_array(v))
			return NULL;
		{
			json_t *el, *found = NULL;
			size_t i;

			json_array_foreach(v, i, el) {
				const char *k = rec_member(el, "code");

				if (k == NULL)
					k = rec_member(el, "level");
				if (k == NULL)
					k = rec_member(el, "kind");
				if (k == NULL)
					k = rec_member(el, "type");
				if (k != NULL && strcmp(k, key) == 0) {
					found = el;
					break;
				}
			}
			v = found;
		}
	}
	return v;
}

static int
computed(struct ectx *c, json_t *ind, double *v, bool *has, struct err *e)
{
	const char *spec = rec_member(ind, "compute");
	char src[24];
	size_t n = strcspn(spec, ":");
	json_t *x;
	int s, rc;

	*has = false;
	if (!compute_valid(spec))
		return err_set(e, ERR_INTERNAL, "internal", NULL, "indicator"
		    " %s: bad compute", rec_member(ind, "code"));
	memcpy(src, spec, n);
	src[n] = '\0';
	s = rec_index_of(src_names, src);
	rc = fetch_source(c, s, e);
	if (rc != 0)
		return rc;
	/* "member.path/1000": the figure divided (metres to km) */
	{
		char path[201];
		char *slash;
		long div = 1;

		snprintf(path, sizeof(path), "%s", spec + n + 1);
		slash = strrchr(path, '/');
		if (slash != NULL) {
			div = strtol(slash + 1, NULL, 10);
			*slash = '\0';
		}
		x = json_path(c->stats[s], path);
		if (json_is_number(x) && div > 0) {
			*v = json_number_value(x) / (double)div;
			*has = true;
		}
	}
	return 0;
}

/* ---- one indicator ---- */

static double
scaled_double(int64_t v, int64_t decimals)
{
	return (double)v / (double)pow10_tab[decimals];
}

static bool
cond_holds(const char *op, int64_t v, int64_t ref)
{
	switch (rec_index_of(cond_ops, op)) {
	case 0: return v >= ref;
	case 1: return v > ref;
	case 2: return v == ref;
	case 3: return v <= ref;
	case 4: return v < ref;
	default: return false;
	}
}

/* The figure of a referenced indicator (numerator, weight, ...). */
static int
ref_value(struct ectx *c, const char *code, double *v, bool *has,
    struct err *e)
{
	json_t *res = NULL, *x;
	int rc = eval(c, code, &res, e);

	*has = false;
	if (rc != 0)
		return rc;
	x = json_object_get(res, "value");
	if (json_is_number(x)) {
		*v = json_number_value(x);
		*has = true;
	}
	return 0;
}

static json_t *
num_json(double v, int64_t decimals)
{
	double r = nearbyint(v * (double)pow10_tab[decimals]);

	if (decimals == 0 && fabs(r) < 9e15)
		return json_integer((json_int_t)r);
	return json_real(r / (double)pow10_tab[decimals]);
}

/* Entered indicator: result members value, basis, units, structure. */
static int
eval_entered(struct ectx *c, json_t *ind, json_t *res, struct err *e)
{
	const char *rollup = rec_member(ind, "rollup");
	const char *code = rec_member(ind, "code");
	int64_t dec = json_integer_value(json_object_get(ind, "decimals"));
	json_t *partial = json_array();
	struct entry *v = NULL;
	size_t n = 0;
	int used = c->structure, rc;
	bool own, has = false;
	double val = 0;
	const char *basis = "none";
	size_t units = 0;

	rc = gather(c, code, dec, &v, &n, &used, partial, e);
	if (rc != 0)
		goto out;
	own = n == 1 && strcmp(v[0].path, c->sub.lo) == 0 &&
	    used == c->structure;
	if (own) {
		has = true;
		val = scaled_double(v[0].value, dec);
		basis = "own";
		units = 1;
	} else if (strcmp(rollup, "sum") == 0 && n > 0) {
		int64_t sum = 0;

		for (size_t i = 0; i < n; i++)
			sum += v[i].value;
		has = true;
		val = scaled_double(sum, dec);
		basis = "subtree";
		units = n;
	} else if (strcmp(rollup, "count_units") == 0) {
		json_t *cond = NULL;
		const char *cc = rec_member(ind, "cond_indicator");
		struct entry *cv = NULL;
		size_t cn = 0, cnt = 0;
		int cused;

		rc = fetch_ind(c->st, cc, &cond, e);
		if (rc == 0)
			rc = gather(c, cc, json_integer_value(json_object_get(
			    cond, "decimals")), &cv, &cn, &cused, partial, e);
		for (size_t i = 0; rc == 0 && i < cn; i++)
			if (cv[i].commune && cond_holds(rec_member(ind,
			    "cond_op"), cv[i].value, json_integer_value(
			    json_object_get(ind, "cond_value_scaled"))))
				cnt++;
		json_decref(cond);
		free(cv);
		if (rc != 0)
			goto out;
		if (cn > 0) {
			has = true;
			val = (double)cnt;
			basis = "subtree";
			units = cn;
			used = cused;
		}
	} else if (strcmp(rollup, "weighted_mean") == 0 && n > 0) {
		const char *wc = rec_member(ind, "weight");
		json_t *wi = NULL;
		struct entry *wv = NULL;
		size_t wn = 0, j = 0;
		int wused;
		double num = 0, den = 0;

		rc = fetch_ind(c->st, wc, &wi, e);
		if (rc == 0)
			rc = gather(c, wc, json_integer_value(json_object_get(
			    wi, "decimals")), &wv, &wn, &wused, partial, e);
		/* both lists are in path order: pair equal units */
		for (size_t i = 0; rc == 0 && i < n; i++) {
			while (j < wn && strcmp(wv[j].path, v[i].path) < 0)
				j++;
			if (j < wn && strcmp(wv[j].path, v[i].path) == 0) {
				double w = scaled_double(wv[j].value,
				    json_integer_value(json_object_get(wi,
				    "decimals")));

				num += scaled_double(v[i].value, dec) * w;
				den += w;
				units++;
			}
		}
		json_decref(wi);
		free(wv);
		if (rc != 0)
			goto out;
		if (den > 0) {
			has = true;
			val = num / den;
			basis = "subtree";
		}
	}
	json_object_set_new(res, "value", has ? num_json(val, dec) :
	    json_null());
	json_object_set_new(res, "basis", json_string(basis));
	json_object_set_new(res, "units", json_integer((json_int_t)units));
	json_object_set_new(res, "structure_used", json_integer(used));
out:
	json_object_set_new(res, "partial", partial);
	free(v);
	return rc;
}

static int
eval_one(struct ectx *c, json_t *ind, json_t *res, struct err *e)
{
	int64_t dec = json_integer_value(json_object_get(ind, "decimals"));
	const char *rollup = rec_member(ind, "rollup");
	double v = 0, num, den;
	bool has = false, hn, hd;
	int rc;

	if (strcmp(rec_member(ind, "source"), "computed") == 0) {
		rc = computed(c, ind, &v, &has, e);
		json_object_set_new(res, "value", has ? num_json(v, dec) :
		    json_null());
		json_object_set_new(res, "basis", json_string("computed"));
		json_object_set_new(res, "structure_used",
		    json_integer(c->structure));
		json_object_set_new(res, "partial", json_array());
		return rc;
	}
	if (strcmp(rollup, "ratio") != 0)
		return eval_entered(c, ind, res, e);
	/* a ratio: its own entered value first, else num / den * scale */
	rc = eval_entered(c, ind, res, e);
	if (rc != 0 || strcmp(rec_member(res, "basis"), "own") == 0)
		return rc;
	rc = ref_value(c, rec_member(ind, "numerator"), &num, &hn, e);
	if (rc == 0)
		rc = ref_value(c, rec_member(ind, "denominator"), &den, &hd, e);
	if (rc != 0)
		return rc;
	has = hn && hd && den != 0;
	if (has)
		v = num / den * (double)json_integer_value(json_object_get(ind,
		    "scale"));
	json_object_set_new(res, "value", has ? num_json(v, dec) :
	    json_null());
	json_object_set_new(res, "basis", json_string(has ? "ratio" :
	    "none"));
	return 0;
}

static int
eval(struct ectx *c, const char *code, json_t **res, struct err *e)
{
	json_t *ind, *r;
	int rc;

	*res = json_object_get(c->memo, code);
	if (*res != NULL)
		return 0;
	ind = json_object_get(c->cat, code);
	if (ind == NULL)
		return err_set(e, ERR_INVAL, "invalid_param", "codes",
		    "Chỉ tiêu \"%s\" không có trong danh mục.", code);
	if (c->depth >= DEPTH_MAX)
		return err_set(e, ERR_INVAL, "invalid_param", "codes", "Các chỉ"
		    " tiêu tham chiếu nhau quá sâu hoặc vòng tròn (%s).", code);
	r = json_pack("{s:s, s:s, s:s, s:I, s:O}", "code", code, "name",
	    rec_member(ind, "name"), "measure", rec_member(ind, "measure"),
	    "decimals", json_integer_value(json_object_get(ind, "decimals")),
	    "target", json_object_get(ind, "target"));
	c->depth++;
	rc = eval_one(c, ind, r, e);
	c->depth--;
	if (rc != 0) {
		json_decref(r);
		return rc;
	}
	json_object_set_new(c->memo, code, r);
	*res = r;
	return 0;
}

/* The catalogue as code -> row, with cond_value also in the scaled units
 * of the condition's indicator ("cond_value_scaled"). */
static int
load_catalogue(struct store *st, json_t **out, struct err *e)
{
	json_t *list = NULL, *row, *map;
	size_t i;
	int rc;

	*out = NULL;
	rc = indicator_list(st, true, &list, e);
	if (rc != 0)
		return rc;
	map = json_object();
	json_array_foreach(json_object_get(list, "items"), i, row)
		json_object_set(map, rec_member(row, "code"), row);
	json_array_foreach(json_object_get(list, "items"), i, row) {
		const char *cc = rec_member(row, "cond_indicator");
		json_t *cond = cc != NULL ? json_object_get(map, cc) : NULL;
		json_t *cv = json_object_get(row, "cond_value");
		int64_t n;

		if (cond != NULL && json_is_number(cv) &&
		    to_scaled(json_number_value(cv), json_integer_value(
		    json_object_get(cond, "decimals")), &n) == 0)
			json_object_set_new(row, "cond_value_scaled",
			    json_integer(n));
	}
	json_decref(list);
	*out = map;
	return 0;
}

/* Evaluate the requested codes for one period into an object code ->
 * result. */
static int
eval_period(struct ectx *c, json_t *order, json_t **out, struct err *e)
{
	json_t *code;
	size_t i;
	int rc = 0;

	for (int s = 0; s < SRC_COUNT; s++) {
		json_decref(c->stats[s]);
		c->stats[s] = NULL;
	}
	json_object_clear(c->memo);
	*out = json_object();
	json_array_foreach(order, i, code) {
		json_t *r;

		rc = eval(c, json_string_value(code), &r, e);
		if (rc != 0)
			break;
		json_object_set(*out, json_string_value(code), r);
	}
	if (rc != 0) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

static json_t *
period_json(const struct period *p)
{
	char a[CAL_DATE_LEN], b[CAL_DATE_LEN], s[PERIOD_MAX_LEN + 1];
	char label[PERIOD_LABEL_LEN];

	cal_format(p->from, a);
	cal_format(p->to, b);
	period_string(p, s);
	period_label_vi(p, label, sizeof(label));
	return json_pack("{s:s, s:s, s:s, s:s}", "period", s, "from", a, "to",
	    b, "label", label);
}

int
indicator_rollup(struct store *st, const struct actor *a,
    const struct indicator_eval *q, json_t **out, struct err *e)
{
	struct ectx c;
	struct period per, prev, yb;
	json_t *order = NULL, *cur = NULL, *p1 = NULL, *p2 = NULL, *items;
	struct rec_owner own;
	int rc;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	c.st = st;
	c.a = a;
	c.cutoff = q->cutoff;
	if (c.cutoff < 0) {
		rc = settings_int(st, "report_cutoff_day", 15, &c.cutoff, e);
		if (rc != 0)
			return rc;
	}
	if (q->period == NULL)
		return err_set(e, ERR_INVAL, "invalid_param", "period",
		    "Thiếu kỳ báo cáo.");
	rc = period_parse(q->period, c.cutoff, &per, e);
	if (rc != 0)
		return rc;
	if (q->unit == NULL)
		return err_set(e, ERR_INVAL, "invalid_param", "unit",
		    "Thiếu đơn vị.");
	rc = unit_owner(st, a, q->structure, q->unit, "invalid_param", "unit",
	    &own, e);
	if (rc != 0)
		return rc;
	c.structure = own.structure;
	snprintf(c.code, sizeof(c.code), "%s", own.code);
	snprintf(c.name, sizeof(c.name), "%s", own.name);
	rc = rec_subtree_init(st, c.structure, c.code, "unit", &c.sub, e);
	if (rc != 0)
		return rc;
	c.sub.leaf = false;	/* the range form for every query here */
	rc = load_catalogue(st, &c.cat, e);
	if (rc != 0)
		return rc;
	order = json_array();
	if (q->codes != NULL) {
		for (int i = 0; i < q->ncodes; i++)
			json_array_append_new(order, json_string(q->codes[i]));
	} else {
		json_t *row, *list = NULL;
		size_t i;

		rc = indicator_list(st, false, &list, e);
		if (rc == 0)
			json_array_foreach(json_object_get(list, "items"), i,
			    row)
				json_array_append_new(order, json_string(
				    rec_member(row, "code")));
		json_decref(list);
	}
	c.memo = json_object();
	if (rc == 0) {
		snprintf(c.period, sizeof(c.period), "%s", q->period);
		c.year = per.year;
		rc = eval_period(&c, order, &cur, e);
	}
	if (rc == 0 && q->compare) {
		rc = period_previous(&per, c.cutoff, &prev);
		if (rc == 0) {
			period_string(&prev, c.period);
			c.year = prev.year;
			rc = eval_period(&c, order, &p1, e);
		}
		if (rc == 0)
			rc = period_year_before(&per, c.cutoff, &yb);
		if (rc == 0) {
			period_string(&yb, c.period);
			c.year = yb.year;
			rc = eval_period(&c, order, &p2, e);
		}
		if (rc == ERR_INVAL && e != NULL && e->api_code == NULL)
			rc = err_set(e, ERR_INVAL, "invalid_param", "period",
			    "Không có kỳ trước để so sánh.");
	}
	if (rc == 0) {
		json_t *code;
		size_t i;

		items = json_array();
		json_array_foreach(order, i, code) {
			const char *k = json_string_value(code);
			json_t *r = json_deep_copy(json_object_get(cur, k));

			if (p1 != NULL) {
				json_object_set(r, "previous", json_object_get(
				    json_object_get(p1, k), "value"));
				json_object_set(r, "year_before",
				    json_object_get(json_object_get(p2, k),
				    "value"));
			}
			json_array_append_new(items, r);
		}
		*out = json_pack("{s:{s:I, s:s, s:s}, s:o, s:o, s:o, s:o,"
		    " s:o}", "unit", "structure", (json_int_t)c.structure,
		    "code", c.code, "name", c.name, "period", period_json(&per),
		    "previous", q->compare ? period_json(&prev) : json_null(),
		    "year_before", q->compare ? period_json(&yb) : json_null(),
		    "cutoff_day", json_integer(c.cutoff), "items", items);
	}
	for (int s = 0; s < SRC_COUNT; s++)
		json_decref(c.stats[s]);
	json_decref(c.memo);
	json_decref(c.cat);
	json_decref(order);
	json_decref(cur);
	json_decref(p1);
	json_decref(p2);
	return rc;
}
