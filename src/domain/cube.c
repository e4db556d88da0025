/* cube.c - statistics from the pre-aggregated counts (see cube.h). */
#include "domain/cube.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/err.h"
#include "store/store.h"

/* The bucket of a day: "YYYY-MM-1" for days 1-14, "YYYY-MM-2" after. */
static bool
bucket_of(cal_day d, char out[16])
{
	char s[CAL_DATE_LEN];

	cal_format(d, s);
	return snprintf(out, 16, "%.8s%c", s, strcmp(s + 8, "15") < 0 ?
	    '1' : '2') < 16;
}

static bool
day_starts_bucket(cal_day d)
{
	int y, m, dd;

	cal_to_ymd(d, &y, &m, &dd);
	return dd == 1 || dd == 15;
}

void
cube_init(struct cube *cb, const struct actor *sub, const char *from,
    const char *to)
{
	const char *off = getenv("DANVAN_CUBE");
	cal_day f, t;

	memset(cb, 0, sizeof(*cb));
	if (off != NULL && strcmp(off, "0") == 0)
		return;
	if (actor_is_global(sub))
		cb->mode = CUBE_COUNTRY;
	else if (sub->scope_path[0] != '\0' &&
	    strchr(sub->scope_path, '/') == NULL &&
	    (sub->scope_structure == 2024 || sub->scope_structure == 2025)) {
		cb->mode = sub->scope_structure == 2024 ? CUBE_P2024 :
		    CUBE_P2025;
		snprintf(cb->path, sizeof(cb->path), "%s", sub->scope_path);
	}
	if (from == NULL || to == NULL || cal_parse(from, &f) != 0 ||
	    cal_parse(to, &t) != 0 || f > t)
		return;
	cb->days = day_starts_bucket(f) && day_starts_bucket(t + 1) &&
	    bucket_of(f, cb->from) && bucket_of(t, cb->to);
}

bool
cube_for_days(const struct cube *cb)
{
	return cb->mode != CUBE_NONE && cb->days;
}

bool
cube_for_subtree(const struct cube *cb)
{
	return cb->mode != CUBE_NONE;
}

/* The condition on c for the subtree, binding one text; with
 * CUBE_ARRIVED, less the letters forwarded from inside it (k2, 0015). */
static const char *
scope_sql(const struct cube *cb, int flags)
{
	switch (cb->mode) {
	case CUBE_P2024:
		return flags & CUBE_ARRIVED ? "c.unit_structure = 2024 AND"
		    " c.unit_path = ? AND substr(c.k2, 2, 1) = '0'" :
		    "c.unit_structure = 2024 AND c.unit_path = ?";
	case CUBE_P2025:
		return flags & CUBE_ARRIVED ? "c.p25 = ? AND substr(c.k2, 3,"
		    " 1) = '0'" : "c.p25 = ?";
	default:
		return flags & CUBE_ARRIVED ? "CAST(? AS TEXT) = '' AND"
		    " c.k2 LIKE '0%'" : "CAST(? AS TEXT) = ''";
	}
}

int
cube_each(struct store *st, const struct cube *cb, const char *fmt,
    int flags, const char *const *pre, int npre, const char *const *post,
    int npost, void (*fn)(struct stmt *q, json_t *acc), json_t *acc,
    struct err *e)
{
	char sql[2048];
	struct stmt *q;
	int i = 1, n, rc;

	n = snprintf(sql, sizeof(sql), fmt, scope_sql(cb, flags));
	if (n < 0 || (size_t)n >= sizeof(sql))
		return err_set(e, ERR_INTERNAL, "internal", NULL,
		    "cube statement too long");
	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	for (int k = 0; k < npre; k++)
		stmt_bind_text(q, i++, pre[k]);
	stmt_bind_text(q, i++, cb->mode == CUBE_COUNTRY ? "" : cb->path);
	for (int k = 0; k < npost; k++)
		stmt_bind_text(q, i++, post[k]);
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e))
		fn(q, acc);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

int
cube_group(struct store *st, const struct cube *cb, const char *src,
    const char *key, int flags, void (*fn)(struct stmt *q, json_t *acc),
    json_t *acc, struct err *e)
{
	const char *const b[] = { cb->from, cb->to };
	char fmt[512];

	snprintf(fmt, sizeof(fmt), "SELECT %s, SUM(c.n) FROM stat_cube c"
	    " WHERE c.src = '%s' AND %%s AND c.bucket >= ? AND c.bucket <= ?"
	    " GROUP BY %s HAVING SUM(c.n) > 0", key, src, key);
	return cube_each(st, cb, fmt, flags, NULL, 0, b, 2, fn, acc, e);
}

int
cube_fields(struct store *st, const struct cube *cb, const char *src,
    int flags, void (*fn)(struct stmt *q, json_t *acc), json_t *acc,
    struct err *e)
{
	const char *const b[] = { cb->from, cb->to };
	char fmt[512];

	snprintf(fmt, sizeof(fmt), "SELECT f.code, f.name, c.n FROM"
	    " petition_fields f JOIN (SELECT c.k1, SUM(c.n) AS n FROM"
	    " stat_cube c WHERE c.src = '%s' AND %%s AND c.bucket >= ? AND"
	    " c.bucket <= ? GROUP BY c.k1 HAVING SUM(c.n) > 0) c ON c.k1 ="
	    " f.code ORDER BY f.sort", src);
	return cube_each(st, cb, fmt, flags, NULL, 0, b, 2, fn, acc, e);
}

int
cube_rebuild(struct store *st, struct err *e)
{
	static const char *const views[] = { "cube_petitions",
	    "cube_reception_sessions", "cube_reception_visits",
	    "cube_opinions", "cube_dvk_models" };
	int rc;

	rc = store_exec(st, "DELETE FROM stat_cube", e);
	for (size_t i = 0; rc == 0 && i < sizeof(views) / sizeof(views[0]);
	    i++) {
		char sql[512];

		snprintf(sql, sizeof(sql), "INSERT INTO stat_cube (src,"
		    " unit_structure, unit_path, bucket, k1, k2, p25, n, s1,"
		    " s2, s3) SELECT src, unit_structure, unit_path, bucket,"
		    " k1, k2, p25, SUM(n), SUM(s1), SUM(s2), SUM(s3) FROM %s"
		    " GROUP BY src, unit_structure, unit_path, bucket, k1, k2,"
		    " p25",
		    views[i]);
		rc = store_exec(st, sql, e);
	}
	return rc;
}
