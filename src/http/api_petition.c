/*
 * api_petition.c - petitions, their actions, attachments, import,
 * statistics, rules as data, and the public pages.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "domain/petition.h"
#include "domain/vocab.h"
#include "http/api.h"

#define LIST_LIMIT_MAX	500

const struct jfield api_petition_create_fields[] = {
	{ "org_id", JF_INT, true, INT32_MAX,
	  offsetof(struct petition_input, org_id),
	  offsetof(struct petition_input, has_org_id) },
	{ "source", JF_STR, true, 20, offsetof(struct petition_input, source), 0 },
	{ "received_day", JF_STR, true, 10,
	  offsetof(struct petition_input, received_day), 0 },
	{ "visit_id", JF_INT, false, INT32_MAX,
	  offsetof(struct petition_input, visit_id),
	  offsetof(struct petition_input, has_visit_id) },
	{ "petitioner_name", JF_STR, false, 200,
	  offsetof(struct petition_input, petitioner_name), 0 },
	{ "petitioner_address", JF_STR, false, 500,
	  offsetof(struct petition_input, petitioner_address), 0 },
	{ "petitioner_id_number", JF_STR, false, 20,
	  offsetof(struct petition_input, petitioner_id_number), 0 },
	{ "petitioner_phone", JF_STR, false, 20,
	  offsetof(struct petition_input, petitioner_phone), 0 },
	{ "anonymous", JF_BOOL, false, 0,
	  offsetof(struct petition_input, anonymous),
	  offsetof(struct petition_input, has_anonymous) },
	{ "persons", JF_INT, false, 10000,
	  offsetof(struct petition_input, persons),
	  offsetof(struct petition_input, has_persons) },
	{ "subject", JF_STR, true, 500, offsetof(struct petition_input, subject), 0 },
	{ "content", JF_STR, true, 10000,
	  offsetof(struct petition_input, content), 0 },
	{ "classification", JF_STR, false, 20,
	  offsetof(struct petition_input, classification), 0 },
	{ "field", JF_STR, false, 40, offsetof(struct petition_input, field), 0 },
	{ "level", JF_INT, false, 2, offsetof(struct petition_input, level),
	  offsetof(struct petition_input, has_level) },
	{ "remote_area", JF_BOOL, false, 0,
	  offsetof(struct petition_input, remote_area),
	  offsetof(struct petition_input, has_remote_area) },
	{ "attach_to", JF_INT, false, INT32_MAX,
	  offsetof(struct petition_input, attach_to),
	  offsetof(struct petition_input, has_attach_to) },
	{ NULL, 0, false, 0, 0, 0 }
};

#define A_STR(name, len)						\
	{ #name, JF_STR, false, len, offsetof(struct petition_action, name), 0 }
#define A_INT(name, max)						\
	{ #name, JF_INT, false, max, offsetof(struct petition_action, name), \
	  offsetof(struct petition_action, has_##name) }
#define A_BOOL(name)							\
	{ #name, JF_BOOL, false, 0, offsetof(struct petition_action, name), \
	  offsetof(struct petition_action, has_##name) }
#define A_END	{ NULL, 0, false, 0, 0, 0 }

static const struct jfield classify_fields[] = {
	A_STR(classification, 20), A_STR(eligibility, 40), A_STR(field, 40),
	A_INT(level, 2), A_BOOL(remote_area), A_END
};
static const struct jfield accept_fields[] = {
	A_STR(day, 10), A_STR(complexity, 24), A_INT(user_id, INT32_MAX),
	A_STR(note, 2000), A_END
};
static const struct jfield close_fields[] = {	/* return, archive */
	A_STR(day, 10), A_STR(note, 5000), A_STR(public_note, 2000), A_END
};
static const struct jfield forward_fields[] = {
	A_STR(day, 10), A_INT(to_org_id, INT32_MAX), A_STR(note, 2000), A_END
};
static const struct jfield attach_fields[] = {
	A_STR(day, 10), A_INT(to, INT32_MAX), A_STR(note, 2000), A_END
};
static const struct jfield progress_fields[] = {
	A_STR(day, 10), A_STR(status, 20), A_STR(note, 2000), A_END
};
static const struct jfield extend_fields[] = {
	A_STR(day, 10), A_STR(decision, 200), A_STR(note, 2000), A_END
};
static const struct jfield resolve_fields[] = {
	A_STR(day, 10), A_STR(result, 10000), A_STR(public_note, 2000), A_END
};
static const struct jfield withdraw_fields[] = {
	A_STR(day, 10), A_STR(note, 2000), A_END
};
static const struct jfield mass_fields[] = {
	A_BOOL(mass_case), A_STR(settled_day, 10), A_END
};
static const struct jfield assign_fields[] = {
	A_INT(user_id, INT32_MAX), A_END
};

/* The action routes: path suffix, action, body fields. */
static const struct {
	const char		*name;
	enum petition_act	 act;
	const struct jfield	*fields;
} actions[] = {
	{ "classify", PA_CLASSIFY, classify_fields },
	{ "accept", PA_ACCEPT, accept_fields },
	{ "return", PA_RETURN, close_fields },
	{ "forward", PA_FORWARD, forward_fields },
	{ "archive", PA_ARCHIVE, close_fields },
	{ "attach", PA_ATTACH, attach_fields },
	{ "progress", PA_PROGRESS, progress_fields },
	{ "extend", PA_EXTEND, extend_fields },
	{ "resolve", PA_RESOLVE, resolve_fields },
	{ "withdraw", PA_WITHDRAW, withdraw_fields },
	{ "mass-case", PA_MASS_CASE, mass_fields },
	{ "assign", PA_ASSIGN, assign_fields },
};

static int
query_day(struct req *r, const char *name, const char **out)
{
	cal_day d;
	int rc;

	rc = req_query(r, name, out);
	if (rc == 0 && *out != NULL && cal_parse(*out, &d) != 0)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", name,
		    "Ngày phải có dạng YYYY-MM-DD.");
	return rc;
}

static int
query_enum(struct req *r, const char *name, const struct vocab *v,
    const char **out)
{
	int rc;

	rc = req_query(r, name, out);
	if (rc == 0 && *out != NULL && vocab_find(v, *out) == NULL)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", name,
		    "Giá trị của tham số \"%s\" không hợp lệ.", name);
	return rc;
}

static int
api_petitions(struct req *r)
{
	struct petition_query f;
	int64_t st = 0, org = 0, mass = -1;
	int rc;

	memset(&f, 0, sizeof(f));
	rc = req_query_int(r, "structure", 2024, 2025, 0, &st);
	if (rc == 0)
		rc = req_query(r, "unit", &f.unit);
	if (rc == 0 && f.unit != NULL && st == 0)
		st = 2025;
	f.structure = (int)st;
	if (rc == 0)
		rc = req_query_int(r, "org", 1, INT32_MAX, 0, &org);
	f.org_id = org;
	if (rc == 0)
		rc = query_enum(r, "status", vocab_status, &f.status);
	if (rc == 0)
		rc = query_enum(r, "classification", vocab_classification,
		    &f.classification);
	if (rc == 0)
		rc = query_enum(r, "source", vocab_source, &f.source);
	if (rc == 0)
		rc = req_query(r, "field", &f.field);
	if (rc == 0 && f.field != NULL && strlen(f.field) > 40)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "field",
		    "Lĩnh vực không hợp lệ.");
	if (rc == 0)
		rc = req_query_int(r, "mass_case", 0, 1, -1, &mass);
	f.mass_case = (int)mass;
	if (rc == 0)
		rc = req_query(r, "due", &f.due);
	if (rc == 0 && f.due != NULL && strcmp(f.due, "overdue") != 0 &&
	    strcmp(f.due, "soon") != 0)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "due",
		    "Tham số \"due\" phải là overdue hoặc soon.");
	if (rc == 0)
		rc = req_query(r, "q", &f.q);
	if (rc == 0 && f.q != NULL && strlen(f.q) > 200)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm quá dài.");
	if (rc == 0)
		rc = query_day(r, "from", &f.from);
	if (rc == 0)
		rc = query_day(r, "to", &f.to);
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f.limit, &f.offset);
	if (rc == 0)
		rc = petition_list(r->st, &r->sess.actor, &f, &r->out, &r->err);
	return rc;
}

static int
api_petition_create(struct req *r)
{
	struct petition_input in;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_bind(r, api_petition_create_fields, &in);
	if (rc == 0)
		rc = petition_create(r->st, &r->sess.actor, &in, &r->out,
		    &r->err);
	if (rc == 0)
		r->status = 201;
	return rc;
}

static int
api_petition_get(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = petition_get(r->st, &r->sess.actor, id, &r->out, &r->err);
	return rc;
}

static int
api_petition_action(struct req *r)
{
	struct petition_action in;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc != 0)
		return rc;
	for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++) {
		if (strcmp(r->params[1], actions[i].name) != 0)
			continue;
		rc = req_bind(r, actions[i].fields, &in);
		if (rc == 0)
			rc = petition_act(r->st, &r->sess.actor, id,
			    actions[i].act, &in, &r->out, &r->err);
		return rc;
	}
	return err_set(&r->err, ERR_NOTFOUND, "not_found", NULL,
	    "Không tìm thấy địa chỉ API này.");
}

static int
api_petition_identity(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = petition_identity(r->st, &r->sess.actor, id, &r->out,
		    &r->err);
	return rc;
}

static int
api_track(struct req *r)
{
	return petition_track(r->st, r->params[0], &r->out, &r->err);
}

const struct route api_petition_routes[] = {
	{ "GET", "/api/v1/petitions", api_petitions, R_AUTH },
	{ "POST", "/api/v1/petitions", api_petition_create, R_CSRF },
	{ "GET", "/api/v1/petitions/:id", api_petition_get, R_AUTH },
	{ "GET", "/api/v1/petitions/:id/identity", api_petition_identity,
	  R_AUTH | R_OWN_TXN },
	{ "POST", "/api/v1/petitions/:id/:action", api_petition_action,
	  R_CSRF },
	{ "GET", "/api/v1/public/petitions/:code", api_track, 0 },
	{ NULL, NULL, NULL, 0 }
};
