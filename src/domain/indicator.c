/*
 * indicator.c - the indicator catalogue and the entered values (see
 * indicator.h and migration 0009); the roll-up is indicator_rollup.c.
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
#include "domain/indicator.h"
#include "domain/indicator_int.h"
#include "domain/list.h"
#include "domain/record.h"
#include "domain/unit.h"
#include "store/store.h"

#define DECIMALS_MAX	4
#define SCALE_MAX	1000000

static const char *const rollups[] = {
	"sum", "ratio", "weighted_mean", "latest", "count_units", NULL
};
static const char *const sources[] = { "entered", "computed", NULL };
const char *const ind_cond_ops[] = { ">=", ">", "=", "<=", "<", NULL };

const int64_t ind_pow10[] = { 1, 10, 100, 1000, 10000 };

/* The statistics a computed indicator reads ("petitions:reception.visits"),
 * in the order of the SRC_ enum of indicator_int.h. */
const char *const ind_src_names[] = {
	"petitions", "dialogues", "dvk", "units", "supervision", "democracy",
	"campaigns", "staffing", "staffing_front_commune", NULL
};

/* Is spec "source:member.path" with a known source? */
bool
ind_compute_valid(const char *spec)
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
	return rec_index_of(ind_src_names, src) >= 0;
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
json_t *
ind_scaled_json(int64_t v, int64_t decimals)
{
	if (decimals <= 0)
		return json_integer(v);
	return json_real((double)v / (double)ind_pow10[decimals]);
}

static json_t *
ind_row(struct stmt *q)
{
	int64_t dec = stmt_col_int(q, 13);
	json_t *cond = json_null(), *target = json_null();

	if (!stmt_col_is_null(q, 12))
		cond = ind_scaled_json(stmt_col_int(q, 12), stmt_col_int(q, 18));
	if (!stmt_col_is_null(q, 14))
		target = ind_scaled_json(stmt_col_int(q, 14), dec);
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

int
ind_fetch(struct store *st, const char *code, json_t **out, struct err *e)
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
int
ind_to_scaled(double v, int64_t decimals, int64_t *out)
{
	double x = v * (double)ind_pow10[decimals];
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
	rc = ind_fetch(st, code, &row, e);
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
	if (strcmp(source, "computed") == 0 && !ind_compute_valid(compute))
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
	    rec_index_of(ind_cond_ops, rec_member(row, "cond_op")) < 0 ||
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
	if (ind_to_scaled(json_number_value(v), decimals, &n) != 0)
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
	rc = ind_fetch(st, c, &ref, e);
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
		rc = ind_fetch(st, in->code, out, e);
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
	rc = ind_fetch(st, code, &before, e);
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
		rc = ind_fetch(st, code, out, e);
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
	    stmt_col_text(q, 2), "value", ind_scaled_json(stmt_col_int(q, 8),
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
int
ind_unit_owner(struct store *st, const struct actor *a, int structure,
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
	rc = ind_fetch(st, in->indicator, &ind, e);
	if (rc == ERR_NOTFOUND)
		rc = err_set(e, ERR_INVAL, "invalid_field", "indicator",
		    "Chỉ tiêu không có trong danh mục.");
	if (rc == 0 && strcmp(rec_member(ind, "source"), "entered") != 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "indicator",
		    "Chỉ tiêu này được tính từ dữ liệu, không nhập tay.");
	dec = json_integer_value(json_object_get(ind, "decimals"));
	if (rc == 0 && ind_to_scaled(in->value, dec, &v) != 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "value", "Giá trị"
		    " có nhiều hơn %d chữ số thập phân hoặc quá lớn.", (int)dec);
	if (rc == 0)
		rc = ind_unit_owner(st, a, in->structure, in->unit, "invalid_field",
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
	    "v.unit_path"));
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

