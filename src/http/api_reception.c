/*
 * api_reception.c - citizen reception: sessions, visits, the register and
 * leaders' reception duty (docs/API.md "Reception").
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "domain/reception.h"
#include "domain/vocab.h"
#include "http/http.h"

#define WRITER_WHAT	"dữ liệu tiếp công dân"
#define LIST_LIMIT_MAX	500
#define ID_MAX		999999999999	/* ids in bodies */
#define DAY_LEN_MAX	32		/* longer than a day: invalid_field */

#define XLSX_TYPE							\
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* ---- query filters ------------------------------------------------- */

/* structure, unit, org; kind and from, to when asked for. */
static int
query_filter(struct req *r, bool kind, bool days, struct reception_query *f)
{
	int rc;

	memset(f, 0, sizeof(*f));
	rc = req_query_unit(r, &f->structure, &f->unit);
	if (rc == 0)
		rc = req_query_int(r, "org", 1, ID_MAX, 0, &f->org_id);
	if (rc == 0 && kind)
		rc = req_query(r, "kind", &f->kind);
	if (rc == 0 && f->kind != NULL &&
	    vocab_find(vocab_session_kind, f->kind) == NULL)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "kind",
		    "Hình thức tiếp không hợp lệ.");
	if (rc == 0 && days)
		rc = req_query_day(r, "from", &f->from);
	if (rc == 0 && days)
		rc = req_query_day(r, "to", &f->to);
	if (rc == 0 && f->from != NULL && f->to != NULL &&
	    strcmp(f->from, f->to) > 0)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "to",
		    "Ngày kết thúc không được trước ngày bắt đầu.");
	return rc;
}

/* ---- sessions ------------------------------------------------------ */

static const struct jfield session_create_fields[] = {
	{ "org_id", JF_INT, true, ID_MAX,
	  offsetof(struct reception_session_input, org_id),
	  offsetof(struct reception_session_input, has_org_id) },
	{ "kind", JF_STR, true, 20,
	  offsetof(struct reception_session_input, kind), 0 },
	{ "day", JF_STR, true, DAY_LEN_MAX,
	  offsetof(struct reception_session_input, day), 0 },
	{ "place", JF_STR, true, 200,
	  offsetof(struct reception_session_input, place), 0 },
	{ "host_name", JF_STR, true, 200,
	  offsetof(struct reception_session_input, host_name), 0 },
	{ "schedule_id", JF_INT, false, ID_MAX,
	  offsetof(struct reception_session_input, schedule_id),
	  offsetof(struct reception_session_input, has_schedule_id) },
	{ "delegated", JF_BOOL, false, 0,
	  offsetof(struct reception_session_input, delegated),
	  offsetof(struct reception_session_input, has_delegated) },
	{ "note", JF_STR, false, 2000,
	  offsetof(struct reception_session_input, note), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

/* The same but all optional, and the organisation is fixed. */
static const struct jfield session_update_fields[] = {
	{ "kind", JF_STR, false, 20,
	  offsetof(struct reception_session_input, kind), 0 },
	{ "day", JF_STR, false, DAY_LEN_MAX,
	  offsetof(struct reception_session_input, day), 0 },
	{ "place", JF_STR, false, 200,
	  offsetof(struct reception_session_input, place), 0 },
	{ "host_name", JF_STR, false, 200,
	  offsetof(struct reception_session_input, host_name), 0 },
	{ "schedule_id", JF_INT, false, ID_MAX,
	  offsetof(struct reception_session_input, schedule_id),
	  offsetof(struct reception_session_input, has_schedule_id) },
	{ "delegated", JF_BOOL, false, 0,
	  offsetof(struct reception_session_input, delegated),
	  offsetof(struct reception_session_input, has_delegated) },
	{ "note", JF_STR, false, 2000,
	  offsetof(struct reception_session_input, note), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_sessions(struct req *r)
{
	struct reception_query f;
	int rc;

	rc = query_filter(r, true, true, &f);
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f.limit, &f.offset);
	if (rc == 0)
		rc = reception_session_list(r->st, &r->sess.actor, &f, &r->out,
		    &r->err);
	return rc;
}

static int
api_session_create(struct req *r)
{
	struct reception_session_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_bind(r, session_create_fields, &in);
	if (rc == 0)
		rc = reception_session_create(r->st, &r->sess.actor, &in, &o,
		    &r->err);
	if (rc == 0)
		r->status = 201;
	return req_wrap(r, "session", rc, o, 0);
}

static int
api_session_get(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = reception_session_get(r->st, &r->sess.actor, id, &r->out,
		    &r->err);
	return rc;
}

static int
api_session_update(struct req *r)
{
	struct reception_session_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_bind(r, session_update_fields, &in);
	if (rc == 0)
		rc = reception_session_update(r->st, &r->sess.actor, id, &in,
		    &o, &r->err);
	return req_wrap(r, "session", rc, o, 0);
}

static int
api_session_delete(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = reception_session_delete(r->st, &r->sess.actor, id,
		    &r->err);
	if (rc == 0)
		r->out = json_pack("{s:s}", "status", "ok");
	return rc;
}

/* ---- visits -------------------------------------------------------- */

#define VF(name, type, req, max, member, has)				\
	{ name, type, req, max,						\
	  offsetof(struct reception_visit_input, member), has }
#define VHAS(member)	offsetof(struct reception_visit_input, member)

static const struct jfield visit_create_fields[] = {
	VF("citizen_name", JF_STR, true, 200, citizen_name, 0),
	VF("citizen_address", JF_STR, true, 500, citizen_address, 0),
	VF("citizen_id_number", JF_STR, false, 20, citizen_id_number, 0),
	VF("persons", JF_INT, true, 10000, persons, VHAS(has_persons)),
	/* Up to 5 (R-TCD-30): the domain says so in words. */
	VF("representatives", JF_INT, false, 10000, representatives,
	    VHAS(has_representatives)),
	VF("content", JF_STR, true, 5000, content, 0),
	VF("classification", JF_STR, true, 20, classification, 0),
	VF("field", JF_STR, true, 40, field, 0),
	VF("prior_handler", JF_STR, false, 500, prior_handler, 0),
	VF("direction", JF_STR, true, 20, direction, 0),
	VF("forwarded_to", JF_STR, false, 500, forwarded_to, 0),
	VF("follow_up", JF_STR, false, 2000, follow_up, 0),
	VF("note", JF_STR, false, 2000, note, 0),
	VF("refused", JF_BOOL, false, 0, refused, VHAS(has_refused)),
	VF("refusal_reason", JF_STR, false, 1000, refusal_reason, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield visit_update_fields[] = {
	VF("citizen_name", JF_STR, false, 200, citizen_name, 0),
	VF("citizen_address", JF_STR, false, 500, citizen_address, 0),
	VF("citizen_id_number", JF_STR, false, 20, citizen_id_number, 0),
	VF("persons", JF_INT, false, 10000, persons, VHAS(has_persons)),
	VF("representatives", JF_INT, false, 10000, representatives,
	    VHAS(has_representatives)),
	VF("content", JF_STR, false, 5000, content, 0),
	VF("classification", JF_STR, false, 20, classification, 0),
	VF("field", JF_STR, false, 40, field, 0),
	VF("prior_handler", JF_STR, false, 500, prior_handler, 0),
	VF("direction", JF_STR, false, 20, direction, 0),
	VF("forwarded_to", JF_STR, false, 500, forwarded_to, 0),
	VF("follow_up", JF_STR, false, 2000, follow_up, 0),
	VF("note", JF_STR, false, 2000, note, 0),
	VF("refused", JF_BOOL, false, 0, refused, VHAS(has_refused)),
	VF("refusal_reason", JF_STR, false, 1000, refusal_reason, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_visit_create(struct req *r)
{
	struct reception_visit_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_bind(r, visit_create_fields, &in);
	if (rc == 0)
		rc = reception_visit_create(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	if (rc == 0)
		r->status = 201;
	return req_wrap(r, "visit", rc, o, 0);
}

static int
api_visit_update(struct req *r)
{
	struct reception_visit_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_bind(r, visit_update_fields, &in);
	if (rc == 0)
		rc = reception_visit_update(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "visit", rc, o, 0);
}

/* ---- the register ---------------------------------------------------- */

static int
api_register(struct req *r)
{
	struct reception_query f;
	const char *format;
	char *data = NULL;
	size_t len = 0;
	int rc;

	rc = query_filter(r, false, true, &f);
	if (rc == 0)
		rc = req_query(r, "format", &format);
	if (rc != 0)
		return rc;
	if (format == NULL || strcmp(format, "json") == 0)
		return reception_register(r->st, &r->sess.actor, &f, &r->out,
		    &r->err);
	if (strcmp(format, "xlsx") != 0)
		return err_set(&r->err, ERR_INVAL, "invalid_param", "format",
		    "Định dạng phải là json hoặc xlsx.");
	rc = reception_register_xlsx(r->st, &r->sess.actor, &f, &data, &len,
	    &r->err);
	if (rc == 0)
		req_send_file(r, data, len, XLSX_TYPE, "so-tiep-cong-dan.xlsx");
	return rc;
}

/* ---- leaders' duty --------------------------------------------------- */

static const struct jfield schedule_create_fields[] = {
	{ "org_id", JF_INT, true, ID_MAX,
	  offsetof(struct reception_schedule_input, org_id),
	  offsetof(struct reception_schedule_input, has_org_id) },
	{ "leader_name", JF_STR, true, 200,
	  offsetof(struct reception_schedule_input, leader_name), 0 },
	{ "leader_title", JF_STR, true, 200,
	  offsetof(struct reception_schedule_input, leader_title), 0 },
	{ "rule_id", JF_STR, true, 40,
	  offsetof(struct reception_schedule_input, rule_id), 0 },
	{ "pattern", JF_STR, true, 100,
	  offsetof(struct reception_schedule_input, pattern), 0 },
	{ "valid_from", JF_STR, true, DAY_LEN_MAX,
	  offsetof(struct reception_schedule_input, valid_from), 0 },
	{ "valid_to", JF_STR, false, DAY_LEN_MAX,
	  offsetof(struct reception_schedule_input, valid_to), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_duty_rules(struct req *r)
{
	return reception_duty_rules(r->st, &r->out, &r->err);
}

static int
api_schedules(struct req *r)
{
	struct reception_query f;
	int rc;

	rc = query_filter(r, false, false, &f);
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f.limit, &f.offset);
	if (rc == 0)
		rc = reception_schedule_list(r->st, &r->sess.actor, &f,
		    &r->out, &r->err);
	return rc;
}

static int
api_schedule_create(struct req *r)
{
	struct reception_schedule_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_bind(r, schedule_create_fields, &in);
	if (rc == 0)
		rc = reception_schedule_create(r->st, &r->sess.actor, &in, &o,
		    &r->err);
	if (rc == 0)
		r->status = 201;
	return req_wrap(r, "schedule", rc, o, 0);
}

static int
api_compliance(struct req *r)
{
	const char *period;
	json_t *o = NULL;
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_query(r, "period", &period);
	if (rc == 0)
		rc = reception_compliance(r->st, &r->sess.actor, id, period, &o,
		    &r->err);
	if (rc != 0)
		return rc;
	/* The rate has two decimals: print 33.33, not 33.329999999999998. */
	r->out_text = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(15));
	json_decref(o);
	if (r->out_text == NULL)
		return err_set(&r->err, ERR_NOMEM, "internal", NULL,
		    "out of memory");
	return 0;
}

const struct route api_reception_routes[] = {
	{ "GET", "/api/v1/reception/sessions", api_sessions, R_AUTH },
	{ "POST", "/api/v1/reception/sessions", api_session_create, R_CSRF },
	{ "GET", "/api/v1/reception/sessions/:id", api_session_get, R_AUTH },
	{ "PATCH", "/api/v1/reception/sessions/:id", api_session_update,
	  R_CSRF },
	{ "DELETE", "/api/v1/reception/sessions/:id", api_session_delete,
	  R_CSRF },
	{ "POST", "/api/v1/reception/sessions/:id/visits", api_visit_create,
	  R_CSRF },
	{ "PATCH", "/api/v1/reception/visits/:id", api_visit_update, R_CSRF },
	{ "GET", "/api/v1/reception/register", api_register, R_AUTH },
	{ "GET", "/api/v1/reception/duty-rules", api_duty_rules, R_AUTH },
	{ "GET", "/api/v1/reception/schedules", api_schedules, R_AUTH },
	{ "POST", "/api/v1/reception/schedules", api_schedule_create, R_CSRF },
	{ "GET", "/api/v1/reception/schedules/:id/compliance", api_compliance,
	  R_AUTH },
	{ NULL, NULL, NULL, 0 }
};
