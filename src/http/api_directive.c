/*
 * api_directive.c - directives and plans, their tasks and reviews
 * (docs/API.md "Directives and plans (issue 5)").
 */
#include <stddef.h>
#include <string.h>

#include "domain/directive.h"
#include "http/http.h"

#define LIST_LIMIT_MAX	200
#define ID_MAX		999999999999	/* ids in bodies */
#define CODE_LEN_MAX	40
#define Q_LEN_MAX	200
#define WHAT		"văn bản chỉ đạo và nhiệm vụ"

/* ---- directives ------------------------------------------------------- */

#define DF(name, type, req, max, member, has)				\
	{ name, type, req, max,						\
	  offsetof(struct directive_input, member), has }

static const struct jfield dir_create_fields[] = {
	DF("org_id", JF_INT, true, ID_MAX, org_id,
	    offsetof(struct directive_input, has_org_id)),
	DF("kind", JF_STR, true, CODE_LEN_MAX, kind, 0),
	DF("number", JF_STR, true, 50, number, 0),
	DF("issuer", JF_STR, true, 300, issuer, 0),
	DF("issued_day", JF_STR, true, 10, issued_day, 0),
	DF("abstract", JF_STR, true, 2000, abstract, 0),
	DF("period_from", JF_STR, false, 10, period_from, 0),
	DF("period_to", JF_STR, false, 10, period_to, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield dir_update_fields[] = {
	DF("kind", JF_STR, false, CODE_LEN_MAX, kind, 0),
	DF("number", JF_STR, false, 50, number, 0),
	DF("issuer", JF_STR, false, 300, issuer, 0),
	DF("issued_day", JF_STR, false, 10, issued_day, 0),
	DF("abstract", JF_STR, false, 2000, abstract, 0),
	DF("period_from", JF_STR, false, 10, period_from, 0),
	DF("period_to", JF_STR, false, 10, period_to, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_kinds(struct req *r)
{
	return directive_kinds(r->st, &r->out, &r->err);
}

/* structure, unit, kind, year, q; org and days for the due list. */
static int
query_filter(struct req *r, bool due, struct directive_query *f)
{
	int rc;

	memset(f, 0, sizeof(*f));
	rc = req_query_unit(r, &f->structure, &f->unit);
	if (rc == 0)
		rc = req_query_code(r, "kind", CODE_LEN_MAX, &f->kind);
	if (rc == 0)
		rc = req_query_int(r, "year", 1900, 2199, 0, &f->year);
	if (rc == 0)
		rc = req_query(r, "q", &f->q);
	if (rc == 0 && f->q != NULL && strlen(f->q) > Q_LEN_MAX)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm quá dài.");
	if (rc == 0 && due)
		rc = req_query_int(r, "org", 1, ID_MAX, 0, &f->org_id);
	if (rc == 0 && due)
		rc = req_query_int(r, "days", 0, DIRECTIVE_DUE_DAYS_MAX, -1,
		    &f->days);
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f->limit, &f->offset);
	return rc;
}

static int
api_list(struct req *r)
{
	struct directive_query f;
	int rc;

	rc = query_filter(r, false, &f);
	if (rc == 0)
		rc = directive_list(r->st, &r->sess.actor, &f, &r->out,
		    &r->err);
	return rc;
}

static int
api_create(struct req *r)
{
	struct directive_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, dir_create_fields, &in);
	if (rc == 0)
		rc = directive_create(r->st, &r->sess.actor, &in, &o, &r->err);
	return req_wrap(r, "directive", rc, o, 201);
}

static int
api_get(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = directive_get(r->st, &r->sess.actor, id, &r->out, &r->err);
	return rc;
}

static int
api_update(struct req *r)
{
	struct directive_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, dir_update_fields, &in);
	if (rc == 0)
		rc = directive_update(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "directive", rc, o, 0);
}

/* ---- tasks ------------------------------------------------------------ */

#define TF(name, type, req, max, member, has)				\
	{ name, type, req, max,						\
	  offsetof(struct directive_task_input, member), has }

static const struct jfield task_fields[] = {
	TF("content", JF_STR, false, 2000, content, 0),
	TF("deadline", JF_STR, false, 10, deadline, 0),
	TF("status", JF_STR, false, 20, status, 0),
	TF("percent", JF_INT, false, 100, percent,
	    offsetof(struct directive_task_input, has_percent)),
	TF("notes", JF_STR, false, 5000, notes, 0),
	TF("done_day", JF_STR, false, 10, done_day, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

/* "org_ids": an array of at most DIRECTIVE_TASK_ORGS_MAX ids, taken out of
 * the body before the field table binds the rest. */
static int
take_org_ids(struct req *r, int64_t *ids, struct directive_task_input *in)
{
	json_t *v, *x;
	size_t i;
	int rc;

	if (r->body_json == NULL) {
		rc = jbind_parse(buf_cstr(&r->body), r->body.len,
		    &r->body_json, &r->err);
		if (rc != 0)
			return rc;
	}
	v = json_object_get(r->body_json, "org_ids");
	if (v == NULL)
		return 0;
	if (!json_is_array(v) ||
	    json_array_size(v) > DIRECTIVE_TASK_ORGS_MAX)
		return err_set(&r->err, ERR_INVAL, "invalid_field", "org_ids",
		    "Tổ chức chịu trách nhiệm phải là danh sách tối đa %d mã "
		    "tổ chức.", DIRECTIVE_TASK_ORGS_MAX);
	json_array_foreach(v, i, x) {
		if (!json_is_integer(x) || json_integer_value(x) < 1 ||
		    json_integer_value(x) > ID_MAX)
			return err_set(&r->err, ERR_INVAL, "invalid_field",
			    "org_ids", "Mã tổ chức không hợp lệ.");
		ids[i] = json_integer_value(x);
	}
	in->org_ids = ids;
	in->n_orgs = json_array_size(v);
	in->has_orgs = true;
	json_object_del(r->body_json, "org_ids");
	return 0;
}

static int
bind_task(struct req *r, bool create, int64_t *ids,
    struct directive_task_input *in)
{
	int rc;

	memset(in, 0, sizeof(*in));
	rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = take_org_ids(r, ids, in);
	if (rc == 0)
		rc = req_bind(r, task_fields, in);
	if (rc == 0 && create && in->content == NULL)
		rc = err_set(&r->err, ERR_INVAL, "missing_field", "content",
		    "Thiếu trường bắt buộc \"content\".");
	return rc;
}

static int
api_task_create(struct req *r)
{
	int64_t ids[DIRECTIVE_TASK_ORGS_MAX], id;
	struct directive_task_input in;
	json_t *o = NULL;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = bind_task(r, true, ids, &in);
	if (rc == 0)
		rc = directive_task_create(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "task", rc, o, 201);
}

static int
api_task_update(struct req *r)
{
	int64_t ids[DIRECTIVE_TASK_ORGS_MAX], id;
	struct directive_task_input in;
	json_t *o = NULL;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = bind_task(r, false, ids, &in);
	if (rc == 0)
		rc = directive_task_update(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "task", rc, o, 0);
}

static int
api_due(struct req *r)
{
	struct directive_query f;
	int rc;

	rc = query_filter(r, true, &f);
	if (rc == 0)
		rc = directive_tasks_due(r->st, &r->sess.actor, &f, &r->out,
		    &r->err);
	return rc;
}

/* ---- reviews ---------------------------------------------------------- */

static const struct jfield review_fields[] = {
	{ "kind", JF_STR, true, 20,
	  offsetof(struct directive_review_input, kind), 0 },
	{ "day", JF_STR, true, 10,
	  offsetof(struct directive_review_input, day), 0 },
	{ "summary", JF_STR, true, 10000,
	  offsetof(struct directive_review_input, summary), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_review_create(struct req *r)
{
	struct directive_review_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, review_fields, &in);
	if (rc == 0)
		rc = directive_review_create(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "review", rc, o, 201);
}

const struct route api_directive_routes[] = {
	{ "GET", "/api/v1/directive-kinds", api_kinds, R_AUTH },
	{ "GET", "/api/v1/directives", api_list, R_AUTH },
	{ "POST", "/api/v1/directives", api_create, R_CSRF },
	{ "GET", "/api/v1/directives/:id", api_get, R_AUTH },
	{ "PATCH", "/api/v1/directives/:id", api_update, R_CSRF },
	{ "POST", "/api/v1/directives/:id/tasks", api_task_create, R_CSRF },
	{ "POST", "/api/v1/directives/:id/reviews", api_review_create, R_CSRF },
	{ "GET", "/api/v1/directive-tasks/due", api_due, R_AUTH },
	{ "PATCH", "/api/v1/directive-tasks/:id", api_task_update, R_CSRF },
	{ NULL, NULL, NULL, 0 }
};
