/* stats.c - counts for reports. */
#include "domain/stats.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/err.h"
#include "core/period.h"
#include "domain/cube.h"
#include "domain/unit.h"
#include "domain/vocab.h"
#include "store/store.h"

/* The petitions of the subtree that first arrived in it: not forwarded,
 * or forwarded from a body outside the subtree. */
#define P_SUBTREE							\
	" FROM petitions p WHERE "					\
	SCOPE_SQL("p.unit_structure", "p.unit_path")			\
	" AND (p.source <> 'forwarded' OR NOT EXISTS (SELECT 1 FROM"	\
	" petitions snd WHERE snd.id = p.forwarded_from AND "		\
	SCOPE_SQL("snd.unit_structure", "snd.unit_path") "))"

struct ctx {
	const struct actor	*sub;		/* the subtree as a scope */
	struct cube		 cube;
	char			 from[CAL_DATE_LEN], to[CAL_DATE_LEN];
	char			 today[CAL_DATE_LEN];
};

/* Run sql and hand each row to fn.  Binds: `scopes` times the subtree
 * scope, then the texts; with a negative ntexts, the -ntexts texts come
 * first (placeholders in the SELECT list). */
static int
each(struct store *st, const struct ctx *c, const char *sql, int scopes,
    const char *const *texts, int ntexts,
    void (*fn)(struct stmt *q, json_t *acc), json_t *acc, struct err *e)
{
	struct stmt *q;
	int i = 1, rc;

	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	for (int k = 0; k < -ntexts; k++)
		stmt_bind_text(q, i++, texts[k]);
	for (int k = 0; k < scopes; k++)
		i = actor_bind_scope(c->sub, q, i);
	for (int k = 0; k < ntexts; k++)
		stmt_bind_text(q, i++, texts[k]);
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e))
		fn(q, acc);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static void
put_counts(struct stmt *q, json_t *acc)
{
	int n = stmt_column_count(q);

	for (int i = 0; i < n; i++) {
		char key[12];

		snprintf(key, sizeof(key), "%d", i);
		json_object_set_new(acc, key, json_integer(
		    stmt_col_int(q, i)));
	}
}

static void
put_group(struct stmt *q, json_t *acc)
{
	const char *k = stmt_col_text(q, 0);

	json_object_set_new(acc, k != NULL ? k : "unclassified",
	    json_integer(stmt_col_int(q, 1)));
}

static void
put_field(struct stmt *q, json_t *acc)
{
	json_array_append_new(acc, json_pack("{s:s, s:s, s:I}", "code",
	    stmt_col_text(q, 0), "name", stmt_col_text(q, 1), "count",
	    (json_int_t)stmt_col_int(q, 2)));
}

static json_int_t
num(json_t *o, int i)
{
	char key[12];

	snprintf(key, sizeof(key), "%d", i);
	return json_integer_value(json_object_get(o, key));
}

static int
reception(struct store *st, const struct ctx *c, json_t **out,
    struct err *e)
{
	const char *const days[] = { c->from, c->to };
	json_t *kinds = json_object(), *v = json_object();
	json_int_t total = 0;
	const char *k;
	json_t *x;
	int rc;

	if (cube_for_days(&c->cube)) {
		const char *const b[] = { c->cube.from, c->cube.to };

		rc = cube_group(st, &c->cube, "r_sess", "c.k1", CUBE_PLAIN,
		    put_group, kinds, e);
		if (rc == 0)
			rc = cube_each(st, &c->cube, "SELECT COALESCE("
			    "SUM(c.n), 0), COALESCE(SUM(c.s1), 0),"
			    " COALESCE(SUM(c.s2), 0), COALESCE(SUM(c.s3), 0)"
			    " FROM stat_cube c WHERE c.src = 'r_visit' AND %s"
			    " AND c.bucket >= ? AND c.bucket <= ?", CUBE_PLAIN,
			    NULL, 0, b, 2, put_counts, v, e);
	} else {
		rc = each(st, c, "SELECT kind, COUNT(*) FROM reception_sessions"
		    " p WHERE " SCOPE_SQL("p.unit_structure", "p.unit_path")
		    " AND p.day >= ? AND p.day <= ? GROUP BY kind", 1, days, 2,
		    put_group, kinds, e);
		if (rc == 0)
			rc = each(st, c, "SELECT COUNT(*), COALESCE(SUM("
			    "persons), 0), COALESCE(SUM(is_mass), 0),"
			    " COALESCE(SUM(CASE WHEN is_mass = 1 THEN persons"
			    " ELSE 0 END), 0) FROM reception_visits p WHERE "
			    SCOPE_SQL("p.unit_structure", "p.unit_path")
			    " AND p.day >= ? AND p.day <= ?", 1, days, 2,
			    put_counts, v, e);
	}
	if (rc != 0) {
		json_decref(kinds);
		json_decref(v);
		return rc;
	}
	for (int i = 0; vocab_session_kind[i].code != NULL; i++)
		if (json_object_get(kinds, vocab_session_kind[i].code) == NULL)
			json_object_set_new(kinds, vocab_session_kind[i].code,
			    json_integer(0));
	json_object_foreach(kinds, k, x)
		total += json_integer_value(x);
	json_object_set_new(kinds, "total", json_integer(total));
	*out = json_pack("{s:o, s:I, s:I, s:I, s:I}", "sessions", kinds,
	    "visits", num(v, 0), "persons", num(v, 1), "mass_visits",
	    num(v, 2), "mass_persons", num(v, 3));
	json_decref(v);
	return 0;
}

/* The counts by day of petitions(), from the records. */
static int
petitions_raw(struct store *st, const struct ctx *c, json_t *cls,
    json_t *status, json_t *fields, json_t *v, json_t *r, struct err *e)
{
	const char *const days[] = { c->from, c->to };
	int rc;

	rc = each(st, c, "SELECT p.classification, COUNT(*)" P_SUBTREE
	    " AND p.received_day >= ? AND p.received_day <= ?"
	    " GROUP BY p.classification", 2, days, 2, put_group, cls, e);
	if (rc == 0)
		rc = each(st, c, "SELECT p.status, COUNT(*)" P_SUBTREE
		    " AND p.received_day >= ? AND p.received_day <= ?"
		    " GROUP BY p.status", 2, days, 2, put_group, status, e);
	if (rc == 0)
		rc = each(st, c, "SELECT f.code, f.name, p.n FROM"
		    " petition_fields f JOIN (SELECT p.field, COUNT(*) AS n"
		    P_SUBTREE " AND p.received_day >= ? AND p.received_day <= ?"
		    " GROUP BY p.field) p ON p.field = f.code ORDER BY f.sort",
		    2, days, 2, put_field, fields, e);
	if (rc == 0)
		rc = each(st, c, "SELECT COUNT(*), COALESCE(SUM(CASE WHEN"
		    " p.eligibility = 'eligible' THEN 1 ELSE 0 END), 0),"
		    " COALESCE(SUM(CASE WHEN p.duplicate_of IS NOT NULL THEN 1"
		    " ELSE 0 END), 0), COALESCE(SUM(p.anonymous), 0)" P_SUBTREE
		    " AND p.received_day >= ? AND p.received_day <= ?", 2, days,
		    2, put_counts, v, e);
	/* Accepted and resolved in the period, wherever they arrived. */
	if (rc == 0)
		rc = each(st, c, "SELECT COALESCE(SUM(CASE WHEN"
		    " p.resolution_start >= ? AND p.resolution_start <= ? THEN"
		    " 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN p.resolved_day"
		    " >= ? AND p.resolved_day <= ? THEN 1 ELSE 0 END), 0),"
		    " COALESCE(SUM(CASE WHEN p.resolved_day >= ? AND"
		    " p.resolved_day <= ? AND p.on_time = 1 THEN 1 ELSE 0 END),"
		    " 0) FROM petitions p WHERE " SCOPE_SQL("p.unit_structure",
		    "p.unit_path"), 1, (const char *const[]){
		    c->from, c->to, c->from, c->to, c->from, c->to }, -6,
		    put_counts, r, e);
	return rc;
}

/* The same from the cube (cube.h). */
static int
petitions_cube(struct store *st, const struct ctx *c, json_t *cls,
    json_t *status, json_t *fields, json_t *v, json_t *r, struct err *e)
{
	const char *const b[] = { c->cube.from, c->cube.to };
	int rc;

	/* no classification yet: NULL, as the records say */
	rc = cube_group(st, &c->cube, "p_cls", "NULLIF(c.k1, '')",
	    CUBE_ARRIVED, put_group, cls, e);
	if (rc == 0)
		rc = cube_group(st, &c->cube, "p_status", "c.k1", CUBE_ARRIVED,
		    put_group, status, e);
	if (rc == 0)
		rc = cube_fields(st, &c->cube, "p_field", CUBE_ARRIVED,
		    put_field, fields, e);
	if (rc == 0)
		rc = cube_each(st, &c->cube, "SELECT COALESCE(SUM(c.n), 0),"
		    " COALESCE(SUM(c.s1), 0), COALESCE(SUM(c.s2), 0),"
		    " COALESCE(SUM(c.s3), 0) FROM stat_cube c WHERE c.src ="
		    " 'p_flags' AND %s AND c.bucket >= ? AND c.bucket <= ?",
		    CUBE_ARRIVED, NULL, 0, b, 2, put_counts, v, e);
	if (rc == 0)
		rc = cube_each(st, &c->cube, "SELECT COALESCE(SUM(CASE WHEN"
		    " c.src = 'p_start' THEN c.n ELSE 0 END), 0),"
		    " COALESCE(SUM(CASE WHEN c.src = 'p_resolved' THEN c.n"
		    " ELSE 0 END), 0), COALESCE(SUM(CASE WHEN c.src ="
		    " 'p_resolved' THEN c.s1 ELSE 0 END), 0) FROM stat_cube c"
		    " WHERE c.src IN ('p_start',"
		    " 'p_resolved') AND %s AND c.bucket >= ? AND c.bucket <= ?",
		    CUBE_PLAIN, NULL, 0, b, 2, put_counts, r, e);
	return rc;
}

static int
petitions(struct store *st, const struct ctx *c, json_t **out,
    struct err *e)
{
	const char *const due[] = { c->today };
	json_t *cls = json_object(), *status = json_object();
	json_t *fields = json_array(), *v = json_object(), *r = json_object();
	json_t *m = json_object(), *o = json_object(), *rate;
	int rc;

	if (cube_for_days(&c->cube))
		rc = petitions_cube(st, c, cls, status, fields, v, r, e);
	else
		rc = petitions_raw(st, c, cls, status, fields, v, r, e);
	if (rc == 0 && cube_for_subtree(&c->cube))
		rc = cube_each(st, &c->cube, "SELECT COALESCE(SUM(c.n), 0) FROM"
		    " stat_cube c WHERE c.src = 'p_due' AND %s AND c.bucket < ?",
		    CUBE_PLAIN, NULL, 0, due, 1, put_counts, o, e);
	else if (rc == 0)
		rc = each(st, c, "SELECT COUNT(*) FROM petitions p WHERE "
		    SCOPE_SQL("p.unit_structure", "p.unit_path")
		    " AND p.status IN ('accepted', 'verifying', 'dialogue') AND"
		    " p.resolution_due < ?", 1, due, 1, put_counts, o, e);
	/* Mass cases followed in the period and settled in it: arrived by
	 * its end (a whole half-month), not settled before it began. */
	if (rc == 0 && cube_for_days(&c->cube))
		rc = cube_each(st, &c->cube, "SELECT COALESCE(SUM(CASE WHEN"
		    " c.bucket <= ? AND (c.k1 = '' OR c.k1 >= ?) THEN c.n ELSE"
		    " 0 END), 0), COALESCE(SUM(CASE WHEN c.k1 >= ? AND"
		    " c.k1 <= ? THEN c.n ELSE 0 END), 0) FROM stat_cube c WHERE"
		    " c.src = 'p_mass' AND %s", CUBE_ARRIVED,
		    (const char *const[]){ c->cube.to, c->from, c->from, c->to },
		    4, NULL, 0, put_counts, m, e);
	else if (rc == 0)
		rc = each(st, c, "SELECT COALESCE(SUM(CASE WHEN"
		    " p.received_day <= ? AND (p.mass_settled_day IS NULL OR"
		    " p.mass_settled_day >= ?) THEN 1 ELSE 0 END), 0),"
		    " COALESCE(SUM(CASE WHEN p.mass_settled_day >= ? AND"
		    " p.mass_settled_day <= ? THEN 1 ELSE 0 END), 0)" P_SUBTREE
		    " AND p.mass_case = 1", 2, (const char *const[]){ c->to,
		    c->from, c->from, c->to }, -4, put_counts, m, e);
	if (rc != 0) {
		json_decref(cls);
		json_decref(status);
		json_decref(fields);
		json_decref(v);
		json_decref(r);
		json_decref(m);
		json_decref(o);
		return rc;
	}
	for (int i = 0; vocab_classification[i].code != NULL; i++)
		if (json_object_get(cls, vocab_classification[i].code) == NULL)
			json_object_set_new(cls, vocab_classification[i].code,
			    json_integer(0));
	rate = num(r, 1) > 0 ? json_real((double)(json_int_t)((double)num(r,
	    2) * 10000.0 / (double)num(r, 1) + 0.5) / 100.0) : json_null();
	*out = json_pack("{s:{s:I, s:o, s:o, s:o, s:I, s:I, s:I, s:I, s:I,"
	    " s:I, s:I, s:o}, s:{s:I, s:I, s:I}}",
	    "petitions", "received", num(v, 0), "by_classification", cls,
	    "by_field", fields, "by_status", status, "eligible", num(v, 1),
	    "duplicates", num(v, 2), "anonymous", num(v, 3), "accepted",
	    num(r, 0), "resolved", num(r, 1), "resolved_on_time", num(r, 2),
	    "overdue_open", num(o, 0), "on_time_rate", rate,
	    "mass_cases", "total", num(m, 0), "settled", num(m, 1), "open",
	    num(m, 0) - num(m, 1));
	json_decref(v);
	json_decref(r);
	json_decref(m);
	json_decref(o);
	return 0;
}

int
stats_petitions(struct store *st, const struct actor *a,
    const struct stats_query *f, json_t **out, struct err *e)
{
	char label[128], vf[CAL_DATE_LEN], vt[CAL_DATE_LEN];
	struct unit_info info;
	struct actor sub;
	struct period p;
	struct ctx c;
	json_t *rec = NULL, *pet = NULL;
	bool inside;
	int cutoff = f->cutoff, rc;

	*out = NULL;
	if (cutoff < 0) {
		rc = settings_int(st, "report_cutoff_day", 15, &cutoff, e);
		if (rc != 0)
			return rc;
	}
	if (f->period == NULL)
		return err_set(e, ERR_INVAL, "invalid_param", "period",
		    "Thiếu kỳ báo cáo (tham số period).");
	rc = period_parse(f->period, cutoff, &p, e);
	if (rc != 0) {
		e->field = "period";
		return rc;
	}
	sub = *a;
	sub.role = ROLE_VIEWER;
	if (f->unit != NULL) {
		if (unit_lookup(st, f->structure, f->unit, &info, e) != 0)
			return err_set(e, ERR_INVAL, "invalid_param", "unit",
			    "Đơn vị hành chính không tồn tại.");
		rc = actor_in_scope(st, a, f->structure, f->unit, &inside, e);
		if (rc != 0)
			return rc;
		if (!inside)
			return err_set(e, ERR_PERM, "forbidden", "unit",
			    "Đơn vị nằm ngoài phạm vi quản lý của bạn.");
		sub.scope_structure = f->structure;
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
	rc = reception(st, &c, &rec, e);
	if (rc == 0)
		rc = petitions(st, &c, &pet, e);
	if (rc != 0) {
		json_decref(rec);
		json_decref(pet);
		return rc;
	}
	period_label_vi(&p, label, sizeof(label));
	cal_format_vi(p.from, vf);
	cal_format_vi(p.to, vt);
	*out = json_pack("{s:{s:s, s:s, s:s, s:s, s:s}, s:o, s:O, s:O}",
	    "period", "from", c.from, "to", c.to, "label", label,
	    "from_vi", vf, "to_vi", vt, "reception", rec,
	    "petitions", json_object_get(pet, "petitions"),
	    "mass_cases", json_object_get(pet, "mass_cases"));
	json_decref(pet);
	return 0;
}
