/*
 * api_emulation.c - emulation: criteria sets, blocs, scores and the bloc
 * ranking with its XLSX result table (docs/API.md "Emulation").
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "domain/emulation.h"
#include "http/http.h"

#define WRITER_WHAT	"dữ liệu thi đua"
#define LIST_LIMIT_MAX	500
#define ID_MAX		999999999999	/* ids in bodies */
#define POINTS_MAX	100000
#define COUNT_MAX	1000

#define XLSX_TYPE							\
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* ---- sets ------------------------------------------------------------ */

static const struct jfield set_fields[] = {
	{ "name", JF_STR, true, 300,
	  offsetof(struct emulation_set_input, name), 0 },
	{ "year", JF_INT, true, 9999,
	  offsetof(struct emulation_set_input, year),
	  offsetof(struct emulation_set_input, has_year) },
	{ "min_total", JF_INT, false, POINTS_MAX,
	  offsetof(struct emulation_set_input, min_total),
	  offsetof(struct emulation_set_input, has_min_total) },
	{ "min_activity", JF_INT, false, COUNT_MAX,
	  offsetof(struct emulation_set_input, min_activity),
	  offsetof(struct emulation_set_input, has_min_activity) },
	{ "flag_min", JF_INT, false, POINTS_MAX,
	  offsetof(struct emulation_set_input, flag_min),
	  offsetof(struct emulation_set_input, has_flag_min) },
	{ "merit_count", JF_INT, false, COUNT_MAX,
	  offsetof(struct emulation_set_input, merit_count),
	  offsetof(struct emulation_set_input, has_merit_count) },
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield criterion_fields[] = {
	{ "group_name", JF_STR, true, 300,
	  offsetof(struct emulation_criterion_input, group_name), 0 },
	{ "code", JF_STR, true, 40,
	  offsetof(struct emulation_criterion_input, code), 0 },
	{ "name", JF_STR, true, 1000,
	  offsetof(struct emulation_criterion_input, name), 0 },
	{ "max_points", JF_INT, true, POINTS_MAX,
	  offsetof(struct emulation_criterion_input, max_points),
	  offsetof(struct emulation_criterion_input, has_max_points) },
	{ "kind", JF_STR, true, 20,
	  offsetof(struct emulation_criterion_input, kind), 0 },
	{ "evidence_required", JF_BOOL, false, 0,
	  offsetof(struct emulation_criterion_input, evidence_required),
	  offsetof(struct emulation_criterion_input, has_evidence_required) },
	{ "sort", JF_INT, false, 1000000,
	  offsetof(struct emulation_criterion_input, sort),
	  offsetof(struct emulation_criterion_input, has_sort) },
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_sets(struct req *r)
{
	int64_t limit, offset;
	int rc;

	rc = req_page(r, LIST_LIMIT_MAX, &limit, &offset);
	if (rc == 0)
		rc = emulation_set_list(r->st, limit, offset, &r->out, &r->err);
	return rc;
}

static int
api_set_create(struct req *r)
{
	struct emulation_set_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_bind(r, set_fields, &in);
	if (rc == 0)
		rc = emulation_set_create(r->st, &r->sess.actor, &in, &o,
		    &r->err);
	return req_wrap(r, "set", rc, o, 201);
}

static int
api_set_get(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = emulation_set_get(r->st, id, &r->out, &r->err);
	return rc;
}

static int
api_criterion_create(struct req *r)
{
	struct emulation_criterion_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_bind(r, criterion_fields, &in);
	if (rc == 0)
		rc = emulation_criterion_create(r->st, &r->sess.actor, id, &in,
		    &o, &r->err);
	return req_wrap(r, "criterion", rc, o, 201);
}

static int
api_set_publish(struct req *r)
{
	json_t *o = NULL;
	int64_t id;
	int rc;

	rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = emulation_set_publish(r->st, &r->sess.actor, id, &o,
		    &r->err);
	return req_wrap(r, "set", rc, o, 200);
}

static int
api_set_new_version(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = emulation_set_new_version(r->st, &r->sess.actor, id,
		    &r->out, &r->err);
	if (rc == 0)
		r->status = 201;
	return rc;
}

/* ---- blocs ----------------------------------------------------------- */

static const struct jfield bloc_fields[] = {
	{ "name", JF_STR, true, 300,
	  offsetof(struct emulation_bloc_input, name), 0 },
	{ "set_id", JF_INT, true, ID_MAX,
	  offsetof(struct emulation_bloc_input, set_id),
	  offsetof(struct emulation_bloc_input, has_set_id) },
	{ NULL, 0, false, 0, 0, 0 }
};

struct member_input {
	int64_t	org_id;
	bool	has_org_id;
};

static const struct jfield member_fields[] = {
	{ "org_id", JF_INT, true, ID_MAX,
	  offsetof(struct member_input, org_id),
	  offsetof(struct member_input, has_org_id) },
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_blocs(struct req *r)
{
	int64_t limit, offset;
	int rc;

	rc = req_page(r, LIST_LIMIT_MAX, &limit, &offset);
	if (rc == 0)
		rc = emulation_bloc_list(r->st, limit, offset, &r->out,
		    &r->err);
	return rc;
}

static int
api_bloc_create(struct req *r)
{
	struct emulation_bloc_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_bind(r, bloc_fields, &in);
	if (rc == 0)
		rc = emulation_bloc_create(r->st, &r->sess.actor, &in, &o,
		    &r->err);
	return req_wrap(r, "bloc", rc, o, 201);
}

static int
api_bloc_member_add(struct req *r)
{
	struct member_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_bind(r, member_fields, &in);
	if (rc == 0)
		rc = emulation_bloc_add_member(r->st, &r->sess.actor, id,
		    in.org_id, &o, &r->err);
	return req_wrap(r, "bloc", rc, o, 200);
}

static int
api_ranking(struct req *r)
{
	const char *format;
	char *data = NULL;
	size_t len = 0;
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_query(r, "format", &format);
	if (rc != 0)
		return rc;
	if (format == NULL || strcmp(format, "json") == 0)
		return emulation_ranking(r->st, id, &r->out, &r->err);
	if (strcmp(format, "xlsx") != 0)
		return err_set(&r->err, ERR_INVAL, "invalid_param", "format",
		    "Định dạng phải là json hoặc xlsx.");
	rc = emulation_ranking_xlsx(r->st, id, &data, &len, &r->err);
	if (rc == 0)
		req_send_file(r, data, len, XLSX_TYPE, "ket-qua-thi-dua.xlsx");
	return rc;
}

/* ---- scores ---------------------------------------------------------- */

static const struct jfield score_fields[] = {
	{ "org_id", JF_INT, true, ID_MAX,
	  offsetof(struct emulation_score_input, org_id),
	  offsetof(struct emulation_score_input, has_org_id) },
	{ "criterion_id", JF_INT, true, ID_MAX,
	  offsetof(struct emulation_score_input, criterion_id),
	  offsetof(struct emulation_score_input, has_criterion_id) },
	{ "kind", JF_STR, true, 20,
	  offsetof(struct emulation_score_input, kind), 0 },
	{ "points", JF_INT, true, POINTS_MAX,
	  offsetof(struct emulation_score_input, points),
	  offsetof(struct emulation_score_input, has_points) },
	{ "note", JF_STR, false, 2000,
	  offsetof(struct emulation_score_input, note), 0 },
	{ "evidence", JF_STR, false, 2000,
	  offsetof(struct emulation_score_input, evidence), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_score_put(struct req *r)
{
	struct emulation_score_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_bind(r, score_fields, &in);
	if (rc == 0)
		rc = emulation_score_put(r->st, &r->sess.actor, &in, &o,
		    &r->err);
	return req_wrap(r, "score", rc, o, 200);
}

const struct route api_emulation_routes[] = {
	{ "GET", "/api/v1/emulation/sets", api_sets, R_AUTH },
	{ "POST", "/api/v1/emulation/sets", api_set_create, R_CSRF },
	{ "GET", "/api/v1/emulation/sets/:id", api_set_get, R_AUTH },
	{ "POST", "/api/v1/emulation/sets/:id/criteria", api_criterion_create,
	  R_CSRF },
	{ "POST", "/api/v1/emulation/sets/:id/publish", api_set_publish,
	  R_CSRF },
	{ "POST", "/api/v1/emulation/sets/:id/new-version",
	  api_set_new_version, R_CSRF },
	{ "GET", "/api/v1/emulation/blocs", api_blocs, R_AUTH },
	{ "POST", "/api/v1/emulation/blocs", api_bloc_create, R_CSRF },
	{ "POST", "/api/v1/emulation/blocs/:id/members", api_bloc_member_add,
	  R_CSRF },
	{ "GET", "/api/v1/emulation/blocs/:id/ranking", api_ranking, R_AUTH },
	{ "PUT", "/api/v1/emulation/scores", api_score_put, R_CSRF },
	{ NULL, NULL, NULL, 0 }
};
