/*
 * api_indicator.c - the indicator catalogue, entered values and the
 * roll-up (docs/API.md "Indicators").
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "domain/indicator.h"
#include "http/api.h"
#include "http/http.h"

#define LIST_LIMIT_MAX	500
#define VALUE_MAX	1e15		/* display units; scaled range checked too */
#define CODES_LEN_MAX	(INDICATOR_EVAL_MAX * (INDICATOR_CODE_MAX + 1))

#define IF(name, type, req, max, member, has)				\
	{ name, type, req, max, offsetof(struct indicator_input, member),	\
	  has }
#define IHAS(m)		offsetof(struct indicator_input, m)

const struct jfield api_indicator_fields[] = {
	IF("code", JF_STR, true, INDICATOR_CODE_MAX, code, 0),
	IF("name", JF_STR, true, 300, name, 0),
	IF("measure", JF_STR, true, 40, measure, 0),
	IF("rollup", JF_STR, true, 20, rollup, 0),
	IF("source", JF_STR, true, 20, source, 0),
	IF("compute", JF_STR, false, 200, compute, 0),
	IF("numerator", JF_STR, false, INDICATOR_CODE_MAX, numerator, 0),
	IF("denominator", JF_STR, false, INDICATOR_CODE_MAX, denominator, 0),
	IF("weight", JF_STR, false, INDICATOR_CODE_MAX, weight, 0),
	IF("cond_indicator", JF_STR, false, INDICATOR_CODE_MAX, cond_indicator,
	    0),
	IF("cond_op", JF_STR, false, 2, cond_op, 0),
	IF("cond_value", JF_NUM, false, 1000000000, cond_value,
	    IHAS(has_cond_value)),
	IF("scale", JF_INT, false, 1000000, scale, IHAS(has_scale)),
	IF("decimals", JF_INT, false, 4, decimals, IHAS(has_decimals)),
	IF("target", JF_NUM, false, 1000000000000000, target,
	    IHAS(has_target)),
	IF("section", JF_STR, true, 200, section, 0),
	IF("sort", JF_INT, false, 1000000, sort, IHAS(has_sort)),
	IF("active", JF_BOOL, false, 0, active, IHAS(has_active)),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield indicator_update_fields[] = {
	IF("name", JF_STR, false, 300, name, 0),
	IF("measure", JF_STR, false, 40, measure, 0),
	IF("rollup", JF_STR, false, 20, rollup, 0),
	IF("source", JF_STR, false, 20, source, 0),
	IF("compute", JF_STR, false, 200, compute, 0),
	IF("numerator", JF_STR, false, INDICATOR_CODE_MAX, numerator, 0),
	IF("denominator", JF_STR, false, INDICATOR_CODE_MAX, denominator, 0),
	IF("weight", JF_STR, false, INDICATOR_CODE_MAX, weight, 0),
	IF("cond_indicator", JF_STR, false, INDICATOR_CODE_MAX, cond_indicator,
	    0),
	IF("cond_op", JF_STR, false, 2, cond_op, 0),
	IF("cond_value", JF_NUM, false, 1000000000, cond_value,
	    IHAS(has_cond_value)),
	IF("scale", JF_INT, false, 1000000, scale, IHAS(has_scale)),
	IF("decimals", JF_INT, false, 4, decimals, IHAS(has_decimals)),
	IF("target", JF_NUM, false, 1000000000000000, target,
	    IHAS(has_target)),
	IF("section", JF_STR, false, 200, section, 0),
	IF("sort", JF_INT, false, 1000000, sort, IHAS(has_sort)),
	IF("active", JF_BOOL, false, 0, active, IHAS(has_active)),
	{ NULL, 0, false, 0, 0, 0 }
};

#define VF(name, type, req, max, member, has)				\
	{ name, type, req, max, offsetof(struct api_value_in, member), has }

const struct jfield api_indicator_value_fields[] = {
	VF("indicator", JF_STR, true, INDICATOR_CODE_MAX, indicator, 0),
	VF("unit", JF_UNIT, true, 0, unit, 0),
	VF("period", JF_STR, true, 22, period, 0),
	VF("value", JF_NUM, true, 1000000000000000, value,
	    offsetof(struct api_value_in, has_value)),
	VF("source", JF_STR, true, 500, source, 0),
	VF("note", JF_STR, false, 2000, note, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_indicators(struct req *r)
{
	int64_t all = 0;
	int rc;

	rc = req_query_int(r, "all", 0, 1, 0, &all);
	if (rc == 0)
		rc = indicator_list(r->st, all != 0, &r->out, &r->err);
	return rc;
}

static int
api_indicator_create(struct req *r)
{
	struct indicator_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_bind(r, api_indicator_fields, &in);
	if (rc == 0)
		rc = indicator_create(r->st, &r->sess.actor, &in, &o, &r->err);
	return req_wrap(r, "indicator", rc, o, 201);
}

static int
api_indicator_update(struct req *r)
{
	struct indicator_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_bind(r, indicator_update_fields, &in);
	if (rc == 0)
		rc = indicator_update(r->st, &r->sess.actor, r->params[0], &in,
		    &o, &r->err);
	return req_wrap(r, "indicator", rc, o, 0);
}

static int
api_values(struct req *r)
{
	struct indicator_value_query f;
	json_t *o = NULL;
	int rc;

	memset(&f, 0, sizeof(f));
	rc = req_query_unit(r, &f.structure, &f.unit);
	if (rc == 0)
		rc = req_query_code(r, "indicator", INDICATOR_CODE_MAX,
		    &f.indicator);
	if (rc == 0)
		rc = req_query_code(r, "period", 22, &f.period);
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f.limit, &f.offset);
	if (rc == 0)
		rc = indicator_value_list(r->st, &r->sess.actor, &f, &o,
		    &r->err);
	return req_send_real(r, rc, o);
}

static int
api_value_put(struct req *r)
{
	struct api_value_in b;
	struct indicator_value_input in;
	json_t *o = NULL;
	int rc;

	memset(&b, 0, sizeof(b));
	rc = req_check_writer(r, "số liệu chỉ tiêu");
	if (rc == 0)
		rc = req_bind(r, api_indicator_value_fields, &b);
	if (rc != 0)
		return rc;
	memset(&in, 0, sizeof(in));
	in.indicator = b.indicator;
	in.structure = b.unit.structure;
	in.unit = b.unit.code;
	in.period = b.period;
	in.value = b.value;
	in.source = b.source;
	in.note = b.note;
	rc = indicator_value_put(r->st, &r->sess.actor, &in, &o, &r->err);
	return req_send_real(r, rc, rc == 0 ? json_pack("{s:o}", "value", o) :
	    NULL);
}

static int
api_value_delete(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = indicator_value_delete(r->st, &r->sess.actor, id, &r->err);
	if (rc == 0)
		r->out = json_pack("{s:s}", "status", "ok");
	return rc;
}

/* codes=a,b,c: at most INDICATOR_EVAL_MAX codes, split in place in *buf. */
static int
split_codes(struct req *r, const char *s, char **buf, const char **codes,
    int *n)
{
	char *p, *comma;

	*n = 0;
	*buf = strdup(s);
	if (*buf == NULL)
		return err_set(&r->err, ERR_NOMEM, "internal", NULL,
		    "out of memory");
	for (p = *buf; p != NULL; p = comma != NULL ? comma + 1 : NULL) {
		comma = strchr(p, ',');
		if (comma != NULL)
			*comma = '\0';
		if (*p == '\0')
			continue;
		if (*n == INDICATOR_EVAL_MAX || strlen(p) > INDICATOR_CODE_MAX)
			return err_set(&r->err, ERR_INVAL, "invalid_param",
			    "codes", "Tối đa %d mã chỉ tiêu, mỗi mã tối đa %d"
			    " ký tự.", INDICATOR_EVAL_MAX, INDICATOR_CODE_MAX);
		codes[(*n)++] = p;
	}
	return 0;
}

static int
api_rollup(struct req *r)
{
	const char *codes[INDICATOR_EVAL_MAX], *cs = NULL;
	struct indicator_eval q;
	char *buf = NULL;
	int64_t cutoff = -1, compare = 0;
	json_t *o = NULL;
	int rc;

	memset(&q, 0, sizeof(q));
	rc = req_query_unit(r, &q.structure, &q.unit);
	if (rc == 0)
		rc = req_query_code(r, "period", 22, &q.period);
	if (rc == 0)
		rc = req_query_int(r, "cutoff_day", 0, 28, -1, &cutoff);
	if (rc == 0 && cutoff == 1)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "cutoff_day",
		    "Ngày chốt số liệu là 0 hoặc từ 2 đến 28.");
	if (rc == 0)
		rc = req_query_int(r, "compare", 0, 1, 0, &compare);
	if (rc == 0)
		rc = req_query_code(r, "codes", CODES_LEN_MAX, &cs);
	if (rc == 0 && cs != NULL) {
		rc = split_codes(r, cs, &buf, codes, &q.ncodes);
		q.codes = codes;
	}
	q.cutoff = (int)cutoff;
	q.compare = compare != 0;
	if (rc == 0)
		rc = indicator_rollup(r->st, &r->sess.actor, &q, &o, &r->err);
	free(buf);
	return req_send_real(r, rc, o);
}

const struct route api_indicator_routes[] = {
	{ "GET", "/api/v1/indicators", api_indicators, R_AUTH },
	{ "POST", "/api/v1/indicators", api_indicator_create, R_CSRF },
	{ "PATCH", "/api/v1/indicators/:code", api_indicator_update, R_CSRF },
	{ "GET", "/api/v1/indicator-values", api_values, R_AUTH },
	{ "PUT", "/api/v1/indicator-values", api_value_put, R_CSRF },
	{ "DELETE", "/api/v1/indicator-values/:id", api_value_delete, R_CSRF },
	{ "GET", "/api/v1/stats/indicators", api_rollup, R_AUTH },
	{ NULL, NULL, NULL, 0 }
};
