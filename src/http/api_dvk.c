/*
 * api_dvk.c - "Dân vận khéo" models and breakthrough tasks (docs/API.md
 * "Dân vận khéo and breakthrough tasks").
 */
#include <stddef.h>
#include <string.h>

#include "domain/dvk.h"
#include "http/http.h"

#define WRITER_WHAT	"dữ liệu Dân vận khéo và nhiệm vụ đột phá"
#define LIST_LIMIT_MAX	500
#define ID_MAX		999999999999	/* ids in bodies */
#define CODE_LEN_MAX	40

/* structure, unit, org, year; field, kind, status and q for models. */
static int
query_filter(struct req *r, bool models, struct dvk_query *f)
{
	int rc;

	memset(f, 0, sizeof(*f));
	rc = req_query_unit(r, &f->structure, &f->unit);
	if (rc == 0)
		rc = req_query_int(r, "org", 1, ID_MAX, 0, &f->org_id);
	if (rc == 0)
		rc = req_query_int(r, "year", DVK_YEAR_MIN, DVK_YEAR_MAX, 0,
		    &f->year);
	if (rc == 0 && models)
		rc = req_query_code(r, "field", CODE_LEN_MAX, &f->field);
	if (rc == 0 && models)
		rc = req_query_code(r, "kind", CODE_LEN_MAX, &f->kind);
	if (rc == 0 && f->kind != NULL && strcmp(f->kind, "collective") != 0 &&
	    strcmp(f->kind, "individual") != 0)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "kind",
		    "Loại phải là collective hoặc individual.");
	if (rc == 0 && models)
		rc = req_query_code(r, "status", CODE_LEN_MAX, &f->status);
	if (rc == 0 && models)
		rc = req_query(r, "q", &f->q);
	if (rc == 0 && f->q != NULL && strlen(f->q) > 800)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm quá dài.");
	return rc;
}

/* ---- models ---------------------------------------------------------- */

#define MF(name, type, req, max, member, has)				\
	{ name, type, req, max,						\
	  offsetof(struct dvk_model_input, member), has }
#define MHAS(member)	offsetof(struct dvk_model_input, member)

static const struct jfield model_create_fields[] = {
	MF("org_id", JF_INT, true, ID_MAX, org_id, MHAS(has_org_id)),
	MF("name", JF_STR, true, 300, name, 0),
	MF("field", JF_STR, true, CODE_LEN_MAX, field, 0),
	MF("kind", JF_STR, true, 20, kind, 0),
	MF("year", JF_INT, true, DVK_YEAR_MAX, year, MHAS(has_year)),
	MF("status", JF_STR, false, 20, status, 0),
	MF("outstanding", JF_BOOL, false, 0, outstanding,
	    MHAS(has_outstanding)),
	MF("results", JF_STR, false, 10000, results, 0),
	MF("evidence", JF_STR, false, 10000, evidence, 0),
	MF("replicated_from", JF_INT, false, ID_MAX, replicated_from,
	    MHAS(has_replicated_from)),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield model_update_fields[] = {
	MF("name", JF_STR, false, 300, name, 0),
	MF("field", JF_STR, false, CODE_LEN_MAX, field, 0),
	MF("kind", JF_STR, false, 20, kind, 0),
	MF("year", JF_INT, false, DVK_YEAR_MAX, year, MHAS(has_year)),
	MF("status", JF_STR, false, 20, status, 0),
	MF("outstanding", JF_BOOL, false, 0, outstanding,
	    MHAS(has_outstanding)),
	MF("results", JF_STR, false, 10000, results, 0),
	MF("evidence", JF_STR, false, 10000, evidence, 0),
	MF("replicated_from", JF_INT, false, ID_MAX, replicated_from,
	    MHAS(has_replicated_from)),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_fields(struct req *r)
{
	return dvk_fields(r->st, &r->out, &r->err);
}

static int
api_models(struct req *r)
{
	struct dvk_query f;
	int rc;

	rc = query_filter(r, true, &f);
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f.limit, &f.offset);
	if (rc == 0)
		rc = dvk_model_list(r->st, &r->sess.actor, &f, &r->out,
		    &r->err);
	return rc;
}

static int
api_model_create(struct req *r)
{
	struct dvk_model_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_bind(r, model_create_fields, &in);
	if (rc == 0)
		rc = dvk_model_create(r->st, &r->sess.actor, &in, &o, &r->err);
	if (rc == 0)
		r->status = 201;
	return req_wrap(r, "model", rc, o, 0);
}

static int
api_model_get(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = dvk_model_get(r->st, &r->sess.actor, id, &r->out, &r->err);
	return rc;
}

static int
api_model_update(struct req *r)
{
	struct dvk_model_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_bind(r, model_update_fields, &in);
	if (rc == 0)
		rc = dvk_model_update(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "model", rc, o, 0);
}

/* ---- breakthrough tasks ---------------------------------------------- */

#define TF(name, type, req, max, member, has)				\
	{ name, type, req, max,						\
	  offsetof(struct breakthrough_input, member), has }
#define THAS(member)	offsetof(struct breakthrough_input, member)

static const struct jfield task_create_fields[] = {
	TF("org_id", JF_INT, true, ID_MAX, org_id, THAS(has_org_id)),
	TF("year", JF_INT, true, DVK_YEAR_MAX, year, THAS(has_year)),
	TF("title", JF_STR, true, 500, title, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield task_update_fields[] = {
	TF("title", JF_STR, false, 500, title, 0),
	TF("progress", JF_INT, false, 100, progress, THAS(has_progress)),
	TF("status", JF_STR, false, 20, status, 0),
	TF("evaluation", JF_STR, false, 10000, evaluation, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_tasks(struct req *r)
{
	struct dvk_query f;
	int rc;

	rc = query_filter(r, false, &f);
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f.limit, &f.offset);
	if (rc == 0)
		rc = breakthrough_list(r->st, &r->sess.actor, &f, &r->out,
		    &r->err);
	return rc;
}

static int
api_task_create(struct req *r)
{
	struct breakthrough_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_bind(r, task_create_fields, &in);
	if (rc == 0)
		rc = breakthrough_create(r->st, &r->sess.actor, &in, &o,
		    &r->err);
	if (rc == 0)
		r->status = 201;
	return req_wrap(r, "task", rc, o, 0);
}

static int
api_task_update(struct req *r)
{
	struct breakthrough_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_bind(r, task_update_fields, &in);
	if (rc == 0)
		rc = breakthrough_update(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "task", rc, o, 0);
}

/* structure, unit, year (the summary and the counts). */
static int
query_subtree(struct req *r, struct dvk_query *f)
{
	int rc;

	memset(f, 0, sizeof(*f));
	rc = req_query_unit(r, &f->structure, &f->unit);
	if (rc == 0)
		rc = req_query_int(r, "year", DVK_YEAR_MIN, DVK_YEAR_MAX, 0,
		    &f->year);
	return rc;
}

static int
api_task_summary(struct req *r)
{
	struct dvk_query f;
	int rc;

	rc = query_subtree(r, &f);
	if (rc == 0)
		rc = breakthrough_summary(r->st, &r->sess.actor, &f, &r->out,
		    &r->err);
	return rc;
}

static int
api_stats(struct req *r)
{
	struct dvk_query f;
	int rc;

	rc = query_subtree(r, &f);
	if (rc == 0)
		rc = dvk_stats(r->st, &r->sess.actor, &f, &r->out, &r->err);
	return rc;
}

const struct route api_dvk_routes[] = {
	{ "GET", "/api/v1/dvk-fields", api_fields, R_AUTH },
	{ "GET", "/api/v1/dvk-models", api_models, R_AUTH },
	{ "POST", "/api/v1/dvk-models", api_model_create, R_CSRF },
	{ "GET", "/api/v1/dvk-models/:id", api_model_get, R_AUTH },
	{ "PATCH", "/api/v1/dvk-models/:id", api_model_update, R_CSRF },
	{ "GET", "/api/v1/breakthrough-tasks/summary", api_task_summary,
	  R_AUTH },
	{ "GET", "/api/v1/breakthrough-tasks", api_tasks, R_AUTH },
	{ "POST", "/api/v1/breakthrough-tasks", api_task_create, R_CSRF },
	{ "PATCH", "/api/v1/breakthrough-tasks/:id", api_task_update, R_CSRF },
	{ "GET", "/api/v1/stats/dvk", api_stats, R_AUTH },
	{ NULL, NULL, NULL, 0 }
};
