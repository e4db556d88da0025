/*
 * api_supervision.c - MTTQ supervision and social criticism (docs/API.md
 * "MTTQ supervision and social criticism (issue 5)").
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/supervision.h"
#include "http/http.h"

#define LIST_LIMIT_MAX	500
#define ID_MAX		999999999999	/* ids in bodies */
#define CODE_LEN_MAX	40
#define TEXT_MAX	20000
#define TITLE_MAX	500

static const char WHAT[] = "dữ liệu giám sát, phản biện xã hội";

/* ---- array members of a body ----------------------------------------- */

/* The string arrays of a supervision body (units, bodies): taken out of
 * the body before the field table binds the rest. */
struct arrays {
	char	**units;
	size_t	  n_units;
	bool	  has_units;
	char	**bodies;
	size_t	  n_bodies;
	bool	  has_bodies;
};

static void
arrays_free(struct arrays *x)
{
	for (size_t i = 0; i < x->n_units; i++)
		free(x->units[i]);
	for (size_t i = 0; i < x->n_bodies; i++)
		free(x->bodies[i]);
	free(x->units);
	free(x->bodies);
}

/* Member key of the body: an array of at most max strings of at most
 * len characters, NFC copies into *out; removed from the body. */
static int
take_array(struct req *r, const char *key, size_t max, size_t len,
    char ***out, size_t *n, bool *has)
{
	json_t *arr = json_object_get(r->body_json, key);
	size_t k;

	*out = NULL;
	*n = 0;
	*has = arr != NULL;
	if (arr == NULL)
		return 0;
	if (!json_is_array(arr) || json_array_size(arr) > max)
		return err_set(&r->err, ERR_INVAL, "invalid_field", key,
		    "Trường \"%s\" phải là danh sách tối đa %zu mục.", key,
		    max);
	*out = calloc(json_array_size(arr) + 1, sizeof(char *));
	for (k = 0; k < json_array_size(arr); k++) {
		json_t *s = json_array_get(arr, k);

		if (!json_is_string(s) ||
		    text_nfc(json_string_value(s), json_string_length(s),
		    &(*out)[k]) != 0 || text_length((*out)[k]) > len) {
			*n = k + ((*out)[k] != NULL ? 1 : 0);
			return err_set(&r->err, ERR_INVAL, "invalid_field", key,
			    "Mỗi mục của \"%s\" phải là chuỗi tối đa %zu ký "
			    "tự.", key, len);
		}
		*n = k + 1;
	}
	json_object_del(r->body_json, key);
	return 0;
}

static int
take_arrays(struct req *r, struct arrays *x)
{
	int rc = 0;

	memset(x, 0, sizeof(*x));
	if (r->body_json == NULL)
		rc = jbind_parse(buf_cstr(&r->body), r->body.len,
		    &r->body_json, &r->err);
	if (rc == 0)
		rc = take_array(r, "units", SUP_UNITS_MAX, UNIT_CODE_MAX - 1,
		    &x->units, &x->n_units, &x->has_units);
	if (rc == 0)
		rc = take_array(r, "bodies", SUP_BODIES_MAX, SUP_BODY_LEN,
		    &x->bodies, &x->n_bodies, &x->has_bodies);
	return rc;
}

static void
arrays_put(const struct arrays *x, struct sup_input *in)
{
	in->units = (const char *const *)x->units;
	in->n_units = x->n_units;
	in->has_units = x->has_units;
	in->bodies = (const char *const *)x->bodies;
	in->n_bodies = x->n_bodies;
	in->has_bodies = x->has_bodies;
}

/* ---- filters --------------------------------------------------------- */

/* structure, unit, org, from, to, q; topic, form, status (supervisions)
 * or level, doc_type (drafts). */
static int
query_filter(struct req *r, bool drafts, struct sup_query *f)
{
	int rc;

	memset(f, 0, sizeof(*f));
	rc = req_query_unit(r, &f->structure, &f->unit);
	if (rc == 0)
		rc = req_query_int(r, "org", 1, ID_MAX, 0, &f->org_id);
	if (rc == 0)
		rc = req_query_day(r, "from", &f->from);
	if (rc == 0)
		rc = req_query_day(r, "to", &f->to);
	if (rc == 0 && !drafts)
		rc = req_query_code(r, "topic", CODE_LEN_MAX, &f->topic);
	if (rc == 0 && !drafts)
		rc = req_query_code(r, "form", CODE_LEN_MAX, &f->form);
	if (rc == 0 && !drafts)
		rc = req_query_code(r, "status", CODE_LEN_MAX, &f->status);
	if (rc == 0 && drafts)
		rc = req_query_code(r, "level", CODE_LEN_MAX, &f->level);
	if (rc == 0 && drafts)
		rc = req_query_code(r, "doc_type", CODE_LEN_MAX, &f->doc_type);
	if (rc == 0)
		rc = req_query(r, "q", &f->q);
	if (rc == 0 && f->q != NULL && strlen(f->q) > 800)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm quá dài.");
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f->limit, &f->offset);
	return rc;
}

static int
api_vocab(struct req *r)
{
	return supervision_vocab(r->st, &r->out, &r->err);
}

/* ---- supervisions ---------------------------------------------------- */

#define SF(name, type, req, max, member, has)				\
	{ name, type, req, max, offsetof(struct sup_input, member), has }
#define SHAS(member)	offsetof(struct sup_input, member)

static const struct jfield sup_create_fields[] = {
	SF("org_id", JF_INT, true, ID_MAX, org_id, SHAS(has_org_id)),
	SF("title", JF_STR, true, TITLE_MAX, title, 0),
	SF("topic", JF_STR, true, CODE_LEN_MAX, topic, 0),
	SF("form", JF_STR, true, CODE_LEN_MAX, form, 0),
	SF("from_day", JF_STR, true, 10, from_day, 0),
	SF("to_day", JF_STR, true, 10, to_day, 0),
	SF("status", JF_STR, false, 20, status, 0),
	SF("findings", JF_STR, false, TEXT_MAX, findings, 0),
	SF("note", JF_STR, false, TEXT_MAX, note, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield sup_update_fields[] = {
	SF("org_id", JF_INT, false, ID_MAX, org_id, SHAS(has_org_id)),
	SF("title", JF_STR, false, TITLE_MAX, title, 0),
	SF("topic", JF_STR, false, CODE_LEN_MAX, topic, 0),
	SF("form", JF_STR, false, CODE_LEN_MAX, form, 0),
	SF("from_day", JF_STR, false, 10, from_day, 0),
	SF("to_day", JF_STR, false, 10, to_day, 0),
	SF("status", JF_STR, false, 20, status, 0),
	SF("findings", JF_STR, false, TEXT_MAX, findings, 0),
	SF("note", JF_STR, false, TEXT_MAX, note, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_sups(struct req *r)
{
	struct sup_query f;
	int rc;

	rc = query_filter(r, false, &f);
	if (rc == 0)
		rc = supervision_list(r->st, &r->sess.actor, &f, &r->out,
		    &r->err);
	return rc;
}

static int
api_sup_create(struct req *r)
{
	struct sup_input in;
	struct arrays x;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	memset(&x, 0, sizeof(x));
	rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = take_arrays(r, &x);
	if (rc == 0)
		rc = req_bind(r, sup_create_fields, &in);
	if (rc == 0) {
		arrays_put(&x, &in);
		rc = supervision_create(r->st, &r->sess.actor, &in, &o,
		    &r->err);
	}
	arrays_free(&x);
	return req_wrap(r, "supervision", rc, o, 201);
}

static int
api_sup_get(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = supervision_get(r->st, &r->sess.actor, id, &r->out,
		    &r->err);
	return rc;
}

static int
api_sup_update(struct req *r)
{
	struct sup_input in;
	struct arrays x;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	memset(&x, 0, sizeof(x));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = take_arrays(r, &x);
	if (rc == 0)
		rc = req_bind(r, sup_update_fields, &in);
	if (rc == 0) {
		arrays_put(&x, &in);
		rc = supervision_update(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	}
	arrays_free(&x);
	return req_wrap(r, "supervision", rc, o, 0);
}

#define RF(name, req, max, member)					\
	{ name, JF_STR, req, max, offsetof(struct sup_rec_input, member), 0 }

static const struct jfield rec_create_fields[] = {
	RF("content", true, TEXT_MAX, content),
	RF("addressee", true, TITLE_MAX, addressee),
	RF("due_day", false, 10, due_day),
	RF("response_day", false, 10, response_day),
	RF("response", false, TEXT_MAX, response),
	RF("status", false, 20, status),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield rec_update_fields[] = {
	RF("content", false, TEXT_MAX, content),
	RF("addressee", false, TITLE_MAX, addressee),
	RF("due_day", false, 10, due_day),
	RF("response_day", false, 10, response_day),
	RF("response", false, TEXT_MAX, response),
	RF("status", false, 20, status),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_rec_create(struct req *r)
{
	struct sup_rec_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, rec_create_fields, &in);
	if (rc == 0)
		rc = supervision_rec_create(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "recommendation", rc, o, 201);
}

static int
api_rec_update(struct req *r)
{
	struct sup_rec_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, rec_update_fields, &in);
	if (rc == 0)
		rc = supervision_rec_update(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "recommendation", rc, o, 0);
}

/* ---- drafts for social criticism ------------------------------------- */

#define DF(name, type, req, max, member, has)				\
	{ name, type, req, max, offsetof(struct crit_input, member), has }
#define DHAS(member)	offsetof(struct crit_input, member)

static const struct jfield doc_create_fields[] = {
	DF("org_id", JF_INT, true, ID_MAX, org_id, DHAS(has_org_id)),
	DF("title", JF_STR, true, TITLE_MAX, title, 0),
	DF("issuer", JF_STR, true, TITLE_MAX, issuer, 0),
	DF("level", JF_STR, true, CODE_LEN_MAX, level, 0),
	DF("doc_type", JF_STR, true, CODE_LEN_MAX, doc_type, 0),
	DF("form", JF_STR, true, CODE_LEN_MAX, form, 0),
	DF("received_day", JF_STR, true, 10, received_day, 0),
	DF("due_day", JF_STR, false, 10, due_day, 0),
	DF("note", JF_STR, false, TEXT_MAX, note, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield doc_update_fields[] = {
	DF("org_id", JF_INT, false, ID_MAX, org_id, DHAS(has_org_id)),
	DF("title", JF_STR, false, TITLE_MAX, title, 0),
	DF("issuer", JF_STR, false, TITLE_MAX, issuer, 0),
	DF("level", JF_STR, false, CODE_LEN_MAX, level, 0),
	DF("doc_type", JF_STR, false, CODE_LEN_MAX, doc_type, 0),
	DF("form", JF_STR, false, CODE_LEN_MAX, form, 0),
	DF("received_day", JF_STR, false, 10, received_day, 0),
	DF("due_day", JF_STR, false, 10, due_day, 0),
	DF("note", JF_STR, false, TEXT_MAX, note, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_docs(struct req *r)
{
	struct sup_query f;
	int rc;

	rc = query_filter(r, true, &f);
	if (rc == 0)
		rc = criticism_list(r->st, &r->sess.actor, &f, &r->out,
		    &r->err);
	return rc;
}

static int
api_doc_create(struct req *r)
{
	struct crit_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, doc_create_fields, &in);
	if (rc == 0)
		rc = criticism_create(r->st, &r->sess.actor, &in, &o, &r->err);
	return req_wrap(r, "draft", rc, o, 201);
}

static int
api_doc_get(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = criticism_get(r->st, &r->sess.actor, id, &r->out,
		    &r->err);
	return rc;
}

static int
api_doc_update(struct req *r)
{
	struct crit_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, doc_update_fields, &in);
	if (rc == 0)
		rc = criticism_update(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "draft", rc, o, 0);
}

#define CF(name, req, max, member)					\
	{ name, JF_STR, req, max,					\
	  offsetof(struct crit_comment_input, member), 0 }

static const struct jfield comment_create_fields[] = {
	CF("content", true, TEXT_MAX, content),
	CF("result", false, 20, result),
	CF("reason", false, TEXT_MAX, reason),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield comment_update_fields[] = {
	CF("content", false, TEXT_MAX, content),
	CF("result", false, 20, result),
	CF("reason", false, TEXT_MAX, reason),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_comment_create(struct req *r)
{
	struct crit_comment_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, comment_create_fields, &in);
	if (rc == 0)
		rc = criticism_comment_create(r->st, &r->sess.actor, id, &in,
		    &o, &r->err);
	return req_wrap(r, "comment", rc, o, 201);
}

static int
api_comment_update(struct req *r)
{
	struct crit_comment_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, comment_update_fields, &in);
	if (rc == 0)
		rc = criticism_comment_update(r->st, &r->sess.actor, id, &in,
		    &o, &r->err);
	return req_wrap(r, "comment", rc, o, 0);
}

/* ---- statistics ------------------------------------------------------ */

static int
api_stats(struct req *r)
{
	const char *unit = NULL, *period = NULL, *topic = NULL;
	json_t *o = NULL;
	int64_t cutoff = -1;
	int structure = 0, rc;

	rc = req_query_unit(r, &structure, &unit);
	if (rc == 0)
		rc = req_query_code(r, "period", 40, &period);
	if (rc == 0)
		rc = req_query_int(r, "cutoff", 0, 28, -1, &cutoff);
	if (rc == 0 && cutoff == 1)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "cutoff",
		    "Ngày chốt số liệu phải là 0 hoặc từ 2 đến 28.");
	if (rc == 0)
		rc = req_query_code(r, "topic", CODE_LEN_MAX, &topic);
	if (rc == 0)
		rc = supervision_stats(r->st, &r->sess.actor, structure, unit,
		    period, (int)cutoff, topic, &o, &r->err);
	/* The acceptance rate prints as 66.7, not 66.700000000000003. */
	return req_send_real(r, rc, o);
}

const struct route api_supervision_routes[] = {
	{ "GET", "/api/v1/supervision-vocabularies", api_vocab, R_AUTH },
	{ "GET", "/api/v1/supervisions", api_sups, R_AUTH },
	{ "POST", "/api/v1/supervisions", api_sup_create, R_CSRF },
	{ "GET", "/api/v1/supervisions/:id", api_sup_get, R_AUTH },
	{ "PATCH", "/api/v1/supervisions/:id", api_sup_update, R_CSRF },
	{ "POST", "/api/v1/supervisions/:id/recommendations", api_rec_create,
	  R_CSRF },
	{ "PATCH", "/api/v1/supervision-recommendations/:id", api_rec_update,
	  R_CSRF },
	{ "GET", "/api/v1/criticism-drafts", api_docs, R_AUTH },
	{ "POST", "/api/v1/criticism-drafts", api_doc_create, R_CSRF },
	{ "GET", "/api/v1/criticism-drafts/:id", api_doc_get, R_AUTH },
	{ "PATCH", "/api/v1/criticism-drafts/:id", api_doc_update, R_CSRF },
	{ "POST", "/api/v1/criticism-drafts/:id/comments", api_comment_create,
	  R_CSRF },
	{ "PATCH", "/api/v1/criticism-comments/:id", api_comment_update,
	  R_CSRF },
	{ "GET", "/api/v1/stats/supervision", api_stats, R_AUTH },
	{ NULL, NULL, NULL, 0 }
};
