/*
 * api_dialogue.c - dialogue conferences, the opinions of the people,
 * leaders' dialogue requirements and their statistics (docs/API.md
 * "Dialogues and public opinion").
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "domain/dialogue.h"
#include "domain/reception.h"
#include "http/api.h"
#include "http/http.h"

#define WRITER_WHAT	"dữ liệu đối thoại và ý kiến Nhân dân"
#define LIST_LIMIT_MAX	500
#define ID_MAX		999999999999	/* ids in bodies */
#define DAY_LEN_MAX	32		/* longer than a day: invalid_field */

/* ---- query filters ------------------------------------------------- */

/* structure, unit, org; from, to when days. */
static int
query_filter(struct req *r, bool days, struct dialogue_query *f)
{
	int rc;

	memset(f, 0, sizeof(*f));
	f->hot_spot = -1;
	rc = req_query_unit(r, &f->structure, &f->unit);
	if (rc == 0)
		rc = req_query_int(r, "org", 1, ID_MAX, 0, &f->org_id);
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

/* ---- lookup lists ---------------------------------------------------- */

static int
api_groups(struct req *r)
{
	return dialogue_groups(r->st, &r->out, &r->err);
}

static int
api_channels(struct req *r)
{
	return dialogue_channels(r->st, &r->out, &r->err);
}

/* ---- dialogues ------------------------------------------------------- */

#define DF(name, type, req, max, member, has)				\
	{ name, type, req, max,						\
	  offsetof(struct dialogue_input, member), has }
#define DHAS(member)	offsetof(struct dialogue_input, member)

static const struct jfield dialogue_create_fields[] = {
	DF("org_id", JF_INT, true, ID_MAX, org_id, DHAS(has_org_id)),
	DF("host_name", JF_STR, true, 200, host_name, 0),
	DF("host_title", JF_STR, true, 200, host_title, 0),
	DF("target_group", JF_STR, true, 40, target_group, 0),
	DF("day", JF_STR, true, DAY_LEN_MAX, day, 0),
	DF("place", JF_STR, true, 200, place, 0),
	DF("participants", JF_INT, true, 1000000, participants,
	    DHAS(has_participants)),
	DF("minutes", JF_STR, false, 20000, minutes, 0),
	DF("note", JF_STR, false, 2000, note, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield dialogue_update_fields[] = {
	DF("host_name", JF_STR, false, 200, host_name, 0),
	DF("host_title", JF_STR, false, 200, host_title, 0),
	DF("target_group", JF_STR, false, 40, target_group, 0),
	DF("day", JF_STR, false, DAY_LEN_MAX, day, 0),
	DF("place", JF_STR, false, 200, place, 0),
	DF("participants", JF_INT, false, 1000000, participants,
	    DHAS(has_participants)),
	DF("minutes", JF_STR, false, 20000, minutes, 0),
	DF("note", JF_STR, false, 2000, note, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_dialogues(struct req *r)
{
	struct dialogue_query f;
	int rc;

	rc = query_filter(r, true, &f);
	if (rc == 0)
		rc = req_query_code(r, "group", 40, &f.group);
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f.limit, &f.offset);
	if (rc == 0)
		rc = dialogue_list(r->st, &r->sess.actor, &f, &r->out, &r->err);
	return rc;
}

static int
api_dialogue_create(struct req *r)
{
	struct dialogue_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_bind(r, dialogue_create_fields, &in);
	if (rc == 0)
		rc = dialogue_create(r->st, &r->sess.actor, &in, &o, &r->err);
	if (rc == 0)
		r->status = 201;
	return req_wrap(r, "dialogue", rc, o, 0);
}

static int
api_dialogue_get(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = dialogue_get(r->st, &r->sess.actor, id, &r->out, &r->err);
	return rc;
}

static int
api_dialogue_update(struct req *r)
{
	struct dialogue_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_bind(r, dialogue_update_fields, &in);
	if (rc == 0)
		rc = dialogue_update(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "dialogue", rc, o, 0);
}

/* ---- opinions -------------------------------------------------------- */

#define OF(name, type, req, max, member, has)				\
	{ name, type, req, max,						\
	  offsetof(struct opinion_input, member), has }
#define OHAS(member)	offsetof(struct opinion_input, member)

/* Raised at a dialogue: organisation, channel and day are the dialogue's. */
static const struct jfield dialogue_opinion_fields[] = {
	OF("raised_by", JF_STR, false, 200, raised_by, 0),
	OF("place", JF_STR, false, 200, place, 0),
	OF("content", JF_STR, true, 5000, content, 0),
	OF("field", JF_STR, true, 40, field, 0),
	OF("hot_spot", JF_BOOL, false, 0, hot_spot, OHAS(has_hot_spot)),
	OF("reported_to", JF_STR, false, 200, reported_to, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield opinion_create_fields[] = {
	OF("org_id", JF_INT, true, ID_MAX, org_id, OHAS(has_org_id)),
	OF("channel", JF_STR, true, 40, channel, 0),
	OF("day", JF_STR, true, DAY_LEN_MAX, day, 0),
	OF("raised_by", JF_STR, false, 200, raised_by, 0),
	OF("place", JF_STR, false, 200, place, 0),
	OF("content", JF_STR, true, 5000, content, 0),
	OF("field", JF_STR, true, 40, field, 0),
	OF("hot_spot", JF_BOOL, false, 0, hot_spot, OHAS(has_hot_spot)),
	OF("reported_to", JF_STR, false, 200, reported_to, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield opinion_update_fields[] = {
	OF("channel", JF_STR, false, 40, channel, 0),
	OF("day", JF_STR, false, DAY_LEN_MAX, day, 0),
	OF("raised_by", JF_STR, false, 200, raised_by, 0),
	OF("place", JF_STR, false, 200, place, 0),
	OF("content", JF_STR, false, 5000, content, 0),
	OF("field", JF_STR, false, 40, field, 0),
	OF("hot_spot", JF_BOOL, false, 0, hot_spot, OHAS(has_hot_spot)),
	OF("reported_to", JF_STR, false, 200, reported_to, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

#define RF(name, req, max, member)					\
	{ name, JF_STR, req, max,					\
	  offsetof(struct opinion_response, member), 0 }

static const struct jfield respond_fields[] = {
	RF("status", true, 20, status),
	RF("forwarded_to", false, 200, forwarded_to),
	RF("due_day", false, DAY_LEN_MAX, due_day),
	RF("answer", false, 5000, answer),
	RF("day", true, DAY_LEN_MAX, day),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
opinion_post(struct req *r, int64_t dialogue_id,
    const struct jfield *fields)
{
	struct opinion_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_bind(r, fields, &in);
	if (rc == 0)
		rc = opinion_create(r->st, &r->sess.actor, dialogue_id, &in,
		    &o, &r->err);
	if (rc == 0)
		r->status = 201;
	return req_wrap(r, "opinion", rc, o, 0);
}

static int
api_dialogue_opinion(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = opinion_post(r, id, dialogue_opinion_fields);
	return rc;
}

static int
api_opinion_create(struct req *r)
{
	return opinion_post(r, 0, opinion_create_fields);
}

static int
api_opinions(struct req *r)
{
	struct dialogue_query f;
	int64_t hot = -1, overdue = 0;
	int rc;

	rc = query_filter(r, true, &f);
	if (rc == 0)
		rc = req_query_code(r, "channel", 40, &f.channel);
	if (rc == 0)
		rc = req_query_code(r, "field", 40, &f.field);
	if (rc == 0)
		rc = req_query_code(r, "status", 40, &f.status);
	if (rc == 0 && f.status != NULL && strcmp(f.status, "open") != 0 &&
	    strcmp(f.status, "answered") != 0 &&
	    strcmp(f.status, "studying") != 0 &&
	    strcmp(f.status, "forwarded") != 0 &&
	    strcmp(f.status, "closed") != 0)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "status",
		    "Trạng thái ý kiến không hợp lệ.");
	if (rc == 0)
		rc = req_query_int(r, "hot_spot", 0, 1, -1, &hot);
	if (rc == 0)
		rc = req_query_int(r, "overdue", 0, 1, 0, &overdue);
	f.hot_spot = (int)hot;
	f.overdue = overdue == 1;
	if (rc == 0)
		rc = req_query(r, "q", &f.q);
	if (rc == 0 && f.q != NULL && strlen(f.q) > 200)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm quá dài.");
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f.limit, &f.offset);
	if (rc == 0)
		rc = opinion_list(r->st, &r->sess.actor, &f, &r->out, &r->err);
	return rc;
}

static int
api_opinion_get(struct req *r)
{
	json_t *o = NULL;
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = opinion_get(r->st, &r->sess.actor, id, &o, &r->err);
	return req_wrap(r, "opinion", rc, o, 0);
}

static int
api_opinion_update(struct req *r)
{
	struct opinion_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_bind(r, opinion_update_fields, &in);
	if (rc == 0)
		rc = opinion_update(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "opinion", rc, o, 0);
}

static int
api_opinion_respond(struct req *r)
{
	struct opinion_response in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_bind(r, respond_fields, &in);
	if (rc == 0)
		rc = opinion_respond(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "opinion", rc, o, 0);
}

/* ---- requirements ---------------------------------------------------- */

#define QF(name, type, max, member, has)				\
	{ name, type, true, max,					\
	  offsetof(struct dialogue_requirement_input, member),		\
	  offsetof(struct dialogue_requirement_input, has) }

static const struct jfield requirement_fields[] = {
	QF("org_id", JF_INT, ID_MAX, org_id, has_org_id),
	{ "host_title", JF_STR, true, 200,
	  offsetof(struct dialogue_requirement_input, host_title), 0 },
	QF("year", JF_INT, 2199, year, has_year),
	QF("required", JF_INT, 1000, required, has_required),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
query_requirements(struct req *r, struct dialogue_query *f)
{
	int rc;

	rc = query_filter(r, false, f);
	if (rc == 0)
		rc = req_query_int(r, "year", 1900, 2199, 0, &f->year);
	return rc;
}

static int
api_requirements(struct req *r)
{
	struct dialogue_query f;
	int rc;

	rc = query_requirements(r, &f);
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f.limit, &f.offset);
	if (rc == 0)
		rc = dialogue_requirement_list(r->st, &r->sess.actor, &f,
		    &r->out, &r->err);
	return rc;
}

static int
api_requirement_put(struct req *r)
{
	struct dialogue_requirement_input in;
	json_t *o = NULL;
	bool created = false;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WRITER_WHAT);
	if (rc == 0)
		rc = req_bind(r, requirement_fields, &in);
	if (rc == 0 && in.year < 1900)
		rc = err_set(&r->err, ERR_INVAL, "invalid_field", "year",
		    "Năm không hợp lệ.");
	if (rc == 0)
		rc = dialogue_requirement_put(r->st, &r->sess.actor, &in, &o,
		    &created, &r->err);
	if (rc == 0 && created)
		r->status = 201;
	return req_wrap(r, "requirement", rc, o, 0);
}

static int
api_compliance(struct req *r)
{
	struct dialogue_query f;
	json_t *o = NULL;
	int rc;

	rc = query_requirements(r, &f);
	if (rc == 0)
		rc = dialogue_compliance(r->st, &r->sess.actor, &f, &o,
		    &r->err);
	return req_send_real(r, rc, o);
}

/* ---- statistics ------------------------------------------------------ */

static int
api_stats(struct req *r)
{
	const char *unit = NULL, *period = NULL;
	int64_t st = 0, cutoff = -1;
	int rc;

	rc = req_query_int(r, "structure", 2024, 2025, 0, &st);
	if (rc == 0)
		rc = req_query(r, "unit", &unit);
	if (rc == 0 && unit != NULL && st == 0)
		st = 2025;
	if (rc == 0)
		rc = req_query(r, "period", &period);
	if (rc == 0 && period != NULL && strlen(period) > 40)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "period",
		    "Kỳ báo cáo không hợp lệ.");
	if (rc == 0)
		rc = req_query_int(r, "cutoff", 0, 28, -1, &cutoff);
	if (rc == 0 && cutoff == 1)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "cutoff",
		    "Ngày chốt số liệu là 0 (theo tháng dương lịch) hoặc từ 2"
		    " đến 28.");
	if (rc == 0)
		rc = dialogue_stats(r->st, &r->sess.actor, (int)st, unit,
		    period, (int)cutoff, &r->out, &r->err);
	return rc;
}

static int
api_dialogue_file_add(struct req *r)
{
	return api_attach_upload(r, ATTACH_DIALOGUE);
}

static int
api_dialogue_file_get(struct req *r)
{
	return api_attach_download(r, ATTACH_DIALOGUE);
}

const struct route api_dialogue_routes[] = {
	{ "GET", "/api/v1/dialogue-groups", api_groups, R_AUTH },
	{ "GET", "/api/v1/opinion-channels", api_channels, R_AUTH },
	{ "GET", "/api/v1/dialogues", api_dialogues, R_AUTH },
	{ "POST", "/api/v1/dialogues", api_dialogue_create, R_CSRF },
	{ "GET", "/api/v1/dialogues/:id", api_dialogue_get, R_AUTH },
	{ "PATCH", "/api/v1/dialogues/:id", api_dialogue_update, R_CSRF },
	{ "POST", "/api/v1/dialogues/:id/opinions", api_dialogue_opinion,
	  R_CSRF },
	{ "POST", "/api/v1/dialogues/:id/attachments", api_dialogue_file_add,
	  R_CSRF | R_UPLOAD },
	{ "GET", "/api/v1/dialogue-attachments/:id", api_dialogue_file_get,
	  R_AUTH | R_OWN_TXN },
	{ "GET", "/api/v1/opinions", api_opinions, R_AUTH },
	{ "POST", "/api/v1/opinions", api_opinion_create, R_CSRF },
	{ "GET", "/api/v1/opinions/:id", api_opinion_get, R_AUTH },
	{ "PATCH", "/api/v1/opinions/:id", api_opinion_update, R_CSRF },
	{ "POST", "/api/v1/opinions/:id/respond", api_opinion_respond,
	  R_CSRF },
	{ "GET", "/api/v1/dialogue-requirements", api_requirements, R_AUTH },
	{ "POST", "/api/v1/dialogue-requirements", api_requirement_put,
	  R_CSRF },
	{ "GET", "/api/v1/dialogue-requirements/compliance", api_compliance,
	  R_AUTH },
	{ "GET", "/api/v1/stats/dialogues", api_stats, R_AUTH },
	{ NULL, NULL, NULL, 0 }
};
