/*
 * indicator_rollup.c - the roll-up of a unit's subtree for a period (see
 * indicator.h): entered values gathered top-most, computed figures read
 * from the registers' statistics, references followed to a bounded depth.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/err.h"
#include "core/period.h"
#include "domain/campaign.h"
#include "domain/democracy.h"
#include "domain/dialogue.h"
#include "domain/dvk.h"
#include "domain/indicator.h"
#include "domain/indicator_int.h"
#include "domain/record.h"
#include "domain/staffing.h"
#include "domain/stats.h"
#include "domain/supervision.h"
#include "domain/vocab.h"
#include "store/store.h"

#define DEPTH_MAX	8		/* references between indicators */
#define ENTRIES_MAX	200000		/* values under one unit and period */

/* ---- the roll-up ------------------------------------------------------- */

/* A value of the subtree: one unit's entry, or a computed figure. */
struct entry {
	char	code[UNIT_CODE_MAX];
	char	path[UNIT_PATH_MAX];
	bool	commune;
	int64_t	value;
};

/* The statistics a computed indicator reads, fetched once per roll-up. */

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
		    "value", ind_scaled_json(stmt_col_int(q, 2), decimals)));
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
	if (!ind_compute_valid(spec))
		return err_set(e, ERR_INTERNAL, "internal", NULL, "indicator"
		    " %s: bad compute", rec_member(ind, "code"));
	memcpy(src, spec, n);
	src[n] = '\0';
	s = rec_index_of(ind_src_names, src);
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
	return (double)v / (double)ind_pow10[decimals];
}

static bool
cond_holds(const char *op, int64_t v, int64_t ref)
{
	switch (rec_index_of(ind_cond_ops, op)) {
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
	double r = nearbyint(v * (double)ind_pow10[decimals]);

	if (decimals == 0 && fabs(r) < 9e15)
		return json_integer((json_int_t)r);
	return json_real(r / (double)ind_pow10[decimals]);
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

		rc = ind_fetch(c->st, cc, &cond, e);
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

		rc = ind_fetch(c->st, wc, &wi, e);
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
		    ind_to_scaled(json_number_value(cv), json_integer_value(
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
	rc = ind_unit_owner(st, a, q->structure, q->unit, "invalid_param", "unit",
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
		/* for a year the previous period is the year before: once */
		if (rc == 0 && prev.from == yb.from && prev.to == yb.to) {
			p2 = json_incref(p1);
		} else if (rc == 0) {
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
