/*
 * api_democracy.c - grassroots democracy: villages, public disclosure and
 * its compliance, consultations and votes, suggestion boxes, inspection
 * and supervision boards, their rules and counts (docs/API.md
 * "Grassroots democracy (issue 5)").
 */
#include <stddef.h>
#include <string.h>

#include "domain/democracy.h"
#include "http/http.h"

#define LIST_LIMIT_MAX	500
#define ID_MAX		999999999999	/* ids in bodies */
#define CODE_LEN_MAX	40
#define TEXT_MAX	10000
#define WHAT		"dữ liệu dân chủ ở cơ sở"

/* The filters of the lists: structure, unit, org, village, code, from,
 * to (code: the query parameter `code_name`). */
static int
query_filter(struct req *r, const char *code_name, struct dc_query *f)
{
	int rc;

	memset(f, 0, sizeof(*f));
	rc = req_query_unit(r, &f->structure, &f->unit);
	if (rc == 0)
		rc = req_query_int(r, "org", 1, ID_MAX, 0, &f->org_id);
	if (rc == 0)
		rc = req_query_int(r, "village", 1, ID_MAX, 0, &f->village_id);
	if (rc == 0 && code_name != NULL)
		rc = req_query_code(r, code_name, CODE_LEN_MAX, &f->code);
	if (rc == 0)
		rc = req_query_day(r, "from", &f->from);
	if (rc == 0)
		rc = req_query_day(r, "to", &f->to);
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f->limit, &f->offset);
	return rc;
}

/* ---- vocabularies and rules ----------------------------------------- */

static int
api_vocab(struct req *r)
{
	return dc_vocabularies(r->st, &r->out, &r->err);
}

static int
api_vote_rules(struct req *r)
{
	return dc_vote_rules(r->st, &r->out, &r->err);
}

#define VRF(name, type, max, member, has)				\
	{ name, type, false, max,					\
	  offsetof(struct dc_vote_rule_patch, member), has }
#define VRHAS(member)	offsetof(struct dc_vote_rule_patch, member)

static const struct jfield vote_rule_fields[] = {
	VRF("basis", JF_STR, 10, basis, 0),
	VRF("num", JF_INT, DC_RULE_NUM_MAX, num, VRHAS(has_num)),
	VRF("den", JF_INT, DC_RULE_NUM_MAX, den, VRHAS(has_den)),
	VRF("strict", JF_BOOL, 0, strict, VRHAS(has_strict)),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_vote_rule_update(struct req *r)
{
	struct dc_vote_rule_patch p;
	json_t *o = NULL;
	int rc;

	memset(&p, 0, sizeof(p));
	rc = req_bind(r, vote_rule_fields, &p);
	if (rc == 0)
		rc = dc_vote_rule_update(r->st, &r->sess.actor, r->params[0],
		    &p, &o, &r->err);
	return req_wrap(r, "rule", rc, o, 0);
}

static int
api_period_rules(struct req *r)
{
	return dc_period_rules(r->st, &r->out, &r->err);
}

static const struct jfield period_rule_fields[] = {
	{ "months", JF_INT, false, DC_MONTHS_MAX,
	  offsetof(struct dc_period_rule_patch, months),
	  offsetof(struct dc_period_rule_patch, has_months) },
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_period_rule_update(struct req *r)
{
	struct dc_period_rule_patch p;
	json_t *o = NULL;
	int rc;

	memset(&p, 0, sizeof(p));
	rc = req_bind(r, period_rule_fields, &p);
	if (rc == 0)
		rc = dc_period_rule_update(r->st, &r->sess.actor, r->params[0],
		    &p, &o, &r->err);
	return req_wrap(r, "rule", rc, o, 0);
}

static int
api_board_rules(struct req *r)
{
	return dc_board_rules(r->st, &r->out, &r->err);
}

#define BRF(name, member, has)						\
	{ name, JF_INT, false, DC_RULE_VALUE_MAX,			\
	  offsetof(struct dc_board_rule_patch, member),		\
	  offsetof(struct dc_board_rule_patch, has) }

static const struct jfield board_rule_fields[] = {
	BRF("value", value, has_value),
	BRF("value2", value2, has_value2),
	{ "valid_from", JF_STR, false, 10,
	  offsetof(struct dc_board_rule_patch, valid_from), 0 },
	{ "valid_to", JF_STR, false, 10,
	  offsetof(struct dc_board_rule_patch, valid_to), 0 },
	{ "heads_term_start", JF_STR, false, 10,
	  offsetof(struct dc_board_rule_patch, heads_term_start), 0 },
	{ "heads_term_end", JF_STR, false, 10,
	  offsetof(struct dc_board_rule_patch, heads_term_end), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_board_rule_update(struct req *r)
{
	struct dc_board_rule_patch p;
	json_t *o = NULL;
	int rc;

	memset(&p, 0, sizeof(p));
	rc = req_bind(r, board_rule_fields, &p);
	if (rc == 0)
		rc = dc_board_rule_update(r->st, &r->sess.actor, r->params[0],
		    &p, &o, &r->err);
	return req_wrap(r, "rule", rc, o, 0);
}

/* ---- villages -------------------------------------------------------- */

#define VF(name, type, req, max, member, has)				\
	{ name, type, req, max,						\
	  offsetof(struct dc_village_input, member), has }

static const struct jfield village_create_fields[] = {
	VF("unit", JF_UNIT, true, 0, unit, 0),
	VF("name", JF_STR, true, 200, name, 0),
	VF("kind", JF_STR, true, 20, kind, 0),
	VF("households", JF_INT, true, DC_COUNT_MAX, households,
	    offsetof(struct dc_village_input, has_households)),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield village_update_fields[] = {
	VF("name", JF_STR, false, 200, name, 0),
	VF("kind", JF_STR, false, 20, kind, 0),
	VF("households", JF_INT, false, DC_COUNT_MAX, households,
	    offsetof(struct dc_village_input, has_households)),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_villages(struct req *r)
{
	struct dc_query f;
	int rc;

	rc = query_filter(r, NULL, &f);
	if (rc == 0)
		rc = dc_village_list(r->st, &r->sess.actor, &f, &r->out,
		    &r->err);
	return rc;
}

static int
api_village_create(struct req *r)
{
	struct dc_village_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, village_create_fields, &in);
	if (rc == 0)
		rc = dc_village_create(r->st, &r->sess.actor, &in, &o, &r->err);
	return req_wrap(r, "village", rc, o, 201);
}

static int
api_village_update(struct req *r)
{
	struct dc_village_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_bind(r, village_update_fields, &in);
	if (rc == 0)
		rc = dc_village_update(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "village", rc, o, 0);
}

/* ---- disclosure ----------------------------------------------------- */

#define DF(name, type, req, max, member, has)				\
	{ name, type, req, max,						\
	  offsetof(struct dc_disclosure_input, member), has }
#define DHAS(member)	offsetof(struct dc_disclosure_input, member)

static const struct jfield disc_create_fields[] = {
	DF("org_id", JF_INT, true, ID_MAX, org_id, DHAS(has_org_id)),
	DF("group", JF_STR, true, CODE_LEN_MAX, group, 0),
	DF("title", JF_STR, true, 500, title, 0),
	DF("document", JF_STR, false, 200, document, 0),
	DF("decision_day", JF_STR, false, 10, decision_day, 0),
	DF("from_day", JF_STR, true, 10, from_day, 0),
	DF("duration_days", JF_INT, false, 3650, duration_days,
	    DHAS(has_duration_days)),
	DF("until_day", JF_STR, false, 10, until_day, 0),
	DF("note", JF_STR, false, TEXT_MAX, note, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield disc_update_fields[] = {
	DF("group", JF_STR, false, CODE_LEN_MAX, group, 0),
	DF("title", JF_STR, false, 500, title, 0),
	DF("document", JF_STR, false, 200, document, 0),
	DF("decision_day", JF_STR, false, 10, decision_day, 0),
	DF("from_day", JF_STR, false, 10, from_day, 0),
	DF("duration_days", JF_INT, false, 3650, duration_days,
	    DHAS(has_duration_days)),
	DF("until_day", JF_STR, false, 10, until_day, 0),
	DF("note", JF_STR, false, TEXT_MAX, note, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

/*
 * Take the "channels" array out of the body (jbind has no arrays): at most
 * DC_CHANNELS_MAX codes of at most CODE_LEN_MAX bytes.  The codes point
 * into *held, which the caller releases (json_decref) when done.
 */
static int
take_channels(struct req *r, bool required, struct dc_disclosure_input *in,
    json_t **held)
{
	json_t *ch, *v;
	size_t i;
	int rc;

	*held = NULL;
	if (r->body_json == NULL) {
		rc = jbind_parse(buf_cstr(&r->body), r->body.len,
		    &r->body_json, &r->err);
		if (rc != 0)
			return rc;
	}
	ch = json_object_get(r->body_json, "channels");
	if (ch == NULL) {
		if (required)
			return err_set(&r->err, ERR_INVAL, "missing_field",
			    "channels", "Thiếu trường bắt buộc \"channels\".");
		return 0;
	}
	if (!json_is_array(ch) || json_array_size(ch) > DC_CHANNELS_MAX)
		return err_set(&r->err, ERR_INVAL, "invalid_field", "channels",
		    "Hình thức công khai phải là danh sách tối đa %d mã.",
		    DC_CHANNELS_MAX);
	json_array_foreach(ch, i, v) {
		if (!json_is_string(v) ||
		    json_string_length(v) > CODE_LEN_MAX)
			return err_set(&r->err, ERR_INVAL, "invalid_field",
			    "channels", "Mã hình thức công khai không hợp"
			    " lệ.");
		in->channels[i] = json_string_value(v);
	}
	in->nchannels = (int)json_array_size(ch);
	in->has_channels = true;
	*held = json_incref(ch);
	json_object_del(r->body_json, "channels");
	return 0;
}

static int
api_disclosures(struct req *r)
{
	struct dc_query f;
	int rc;

	rc = query_filter(r, "group", &f);
	if (rc == 0)
		rc = dc_disclosure_list(r->st, &r->sess.actor, &f, &r->out,
		    &r->err);
	return rc;
}

static int
api_disclosure_create(struct req *r)
{
	struct dc_disclosure_input in;
	json_t *o = NULL, *held = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = take_channels(r, true, &in, &held);
	if (rc == 0)
		rc = req_bind(r, disc_create_fields, &in);
	if (rc == 0)
		rc = dc_disclosure_create(r->st, &r->sess.actor, &in, &o,
		    &r->err);
	json_decref(held);
	return req_wrap(r, "disclosure", rc, o, 201);
}

static int
api_disclosure_get(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = dc_disclosure_get(r->st, &r->sess.actor, id, &r->out,
		    &r->err);
	return rc;
}

static int
api_disclosure_update(struct req *r)
{
	struct dc_disclosure_input in;
	json_t *o = NULL, *held = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = take_channels(r, false, &in, &held);
	if (rc == 0)
		rc = req_bind(r, disc_update_fields, &in);
	if (rc == 0)
		rc = dc_disclosure_update(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	json_decref(held);
	return req_wrap(r, "disclosure", rc, o, 0);
}

static int
api_compliance(struct req *r)
{
	const char *unit = NULL;
	int64_t year = 0;
	int structure, rc;

	rc = req_query_unit(r, &structure, &unit);
	if (rc == 0)
		rc = req_query_int(r, "year", 2000, 2100, 0, &year);
	if (rc == 0 && year == 0)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "year",
		    "Thiếu năm (tham số year).");
	if (rc == 0)
		rc = dc_compliance(r->st, &r->sess.actor, structure, unit, year,
		    &r->out, &r->err);
	return rc;
}

/* ---- votes ----------------------------------------------------------- */

#define TF(name, type, req, max, member, has)				\
	{ name, type, req, max,						\
	  offsetof(struct dc_vote_input, member), has }
#define THAS(member)	offsetof(struct dc_vote_input, member)

static const struct jfield vote_create_fields[] = {
	TF("org_id", JF_INT, true, ID_MAX, org_id, THAS(has_org_id)),
	TF("village_id", JF_INT, false, ID_MAX, village_id,
	    THAS(has_village_id)),
	TF("matter", JF_STR, true, CODE_LEN_MAX, matter, 0),
	TF("form", JF_STR, true, 20, form, 0),
	TF("subject", JF_STR, true, 500, subject, 0),
	TF("day", JF_STR, true, 10, day, 0),
	TF("total_households", JF_INT, false, DC_COUNT_MAX, total_households,
	    THAS(has_total_households)),
	TF("present", JF_INT, true, DC_COUNT_MAX, present, THAS(has_present)),
	TF("yes", JF_INT, false, DC_COUNT_MAX, yes, THAS(has_yes)),
	TF("no", JF_INT, false, DC_COUNT_MAX, no, THAS(has_no)),
	TF("abstain", JF_INT, false, DC_COUNT_MAX, abstain, THAS(has_abstain)),
	TF("note", JF_STR, false, TEXT_MAX, note, 0),
	TF("posted_day", JF_STR, false, 10, posted_day, 0),
	TF("sent_day", JF_STR, false, 10, sent_day, 0),
	TF("notice_day", JF_STR, false, 10, notice_day, 0),
	TF("recognized_day", JF_STR, false, 10, recognized_day, 0),
	TF("action", JF_STR, false, 10, action, 0),
	TF("consent_day", JF_STR, false, 10, consent_day, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield vote_update_fields[] = {
	TF("village_id", JF_INT, false, ID_MAX, village_id,
	    THAS(has_village_id)),
	TF("matter", JF_STR, false, CODE_LEN_MAX, matter, 0),
	TF("form", JF_STR, false, 20, form, 0),
	TF("subject", JF_STR, false, 500, subject, 0),
	TF("day", JF_STR, false, 10, day, 0),
	TF("total_households", JF_INT, false, DC_COUNT_MAX, total_households,
	    THAS(has_total_households)),
	TF("present", JF_INT, false, DC_COUNT_MAX, present, THAS(has_present)),
	TF("yes", JF_INT, false, DC_COUNT_MAX, yes, THAS(has_yes)),
	TF("no", JF_INT, false, DC_COUNT_MAX, no, THAS(has_no)),
	TF("abstain", JF_INT, false, DC_COUNT_MAX, abstain, THAS(has_abstain)),
	TF("note", JF_STR, false, TEXT_MAX, note, 0),
	TF("posted_day", JF_STR, false, 10, posted_day, 0),
	TF("sent_day", JF_STR, false, 10, sent_day, 0),
	TF("notice_day", JF_STR, false, 10, notice_day, 0),
	TF("recognized_day", JF_STR, false, 10, recognized_day, 0),
	TF("action", JF_STR, false, 10, action, 0),
	TF("consent_day", JF_STR, false, 10, consent_day, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_votes(struct req *r)
{
	struct dc_query f;
	int rc;

	rc = query_filter(r, "matter", &f);
	if (rc == 0)
		rc = dc_vote_list(r->st, &r->sess.actor, &f, &r->out, &r->err);
	return rc;
}

static int
api_vote_create(struct req *r)
{
	struct dc_vote_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, vote_create_fields, &in);
	if (rc == 0)
		rc = dc_vote_create(r->st, &r->sess.actor, &in, &o, &r->err);
	return req_wrap(r, "vote", rc, o, 201);
}

static int
api_vote_get(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = dc_vote_get(r->st, &r->sess.actor, id, &r->out, &r->err);
	return rc;
}

static int
api_vote_update(struct req *r)
{
	struct dc_vote_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_bind(r, vote_update_fields, &in);
	if (rc == 0)
		rc = dc_vote_update(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "vote", rc, o, 0);
}

/* ---- boxes ----------------------------------------------------------- */

static const struct jfield box_fields[] = {
	{ "org_id", JF_INT, true, ID_MAX, offsetof(struct dc_box_input,
	  org_id), offsetof(struct dc_box_input, has_org_id) },
	{ "place", JF_STR, true, 300, offsetof(struct dc_box_input, place),
	  0 },
	{ "installed_day", JF_STR, false, 10, offsetof(struct dc_box_input,
	  installed_day), 0 },
	{ "note", JF_STR, false, TEXT_MAX, offsetof(struct dc_box_input,
	  note), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

#define OF(name, type, req, max, member, has)				\
	{ name, type, req, max,						\
	  offsetof(struct dc_opening_input, member), has }

static const struct jfield opening_fields[] = {
	OF("day", JF_STR, true, 10, day, 0),
	OF("opened_by", JF_STR, true, 500, opened_by, 0),
	OF("letters", JF_INT, true, DC_COUNT_MAX, letters,
	    offsetof(struct dc_opening_input, has_letters)),
	OF("summary", JF_STR, false, TEXT_MAX, summary, 0),
	OF("follow_up", JF_STR, false, TEXT_MAX, follow_up, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_boxes(struct req *r)
{
	struct dc_query f;
	int rc;

	rc = query_filter(r, NULL, &f);
	if (rc == 0)
		rc = dc_box_list(r->st, &r->sess.actor, &f, &r->out, &r->err);
	return rc;
}

static int
api_box_create(struct req *r)
{
	struct dc_box_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, box_fields, &in);
	if (rc == 0)
		rc = dc_box_create(r->st, &r->sess.actor, &in, &o, &r->err);
	return req_wrap(r, "box", rc, o, 201);
}

static int
api_box_get(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = dc_box_get(r->st, &r->sess.actor, id, &r->out, &r->err);
	return rc;
}

static int
api_opening_create(struct req *r)
{
	struct dc_opening_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, opening_fields, &in);
	if (rc == 0)
		rc = dc_opening_create(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "opening", rc, o, 201);
}

/* ---- boards ---------------------------------------------------------- */

#define BF(name, req, max, member)					\
	{ name, JF_STR, req, max,					\
	  offsetof(struct dc_board_input, member), 0 }

static const struct jfield board_create_fields[] = {
	{ "org_id", JF_INT, true, ID_MAX, offsetof(struct dc_board_input,
	  org_id), offsetof(struct dc_board_input, has_org_id) },
	BF("kind", true, 20, kind),
	BF("name", true, 300, name),
	BF("project_name", false, 500, project_name),
	BF("term_start", true, 10, term_start),
	BF("term_end", false, 10, term_end),
	BF("dissolved_day", false, 10, dissolved_day),
	BF("note", false, TEXT_MAX, note),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield board_update_fields[] = {
	BF("name", false, 300, name),
	BF("project_name", false, 500, project_name),
	BF("term_start", false, 10, term_start),
	BF("term_end", false, 10, term_end),
	BF("dissolved_day", false, 10, dissolved_day),
	BF("note", false, TEXT_MAX, note),
	{ NULL, 0, false, 0, 0, 0 }
};

#define MF(name, type, req, max, member, has)				\
	{ name, type, req, max,						\
	  offsetof(struct dc_member_input, member), has }

static const struct jfield member_create_fields[] = {
	MF("name", JF_STR, true, 200, name, 0),
	MF("role", JF_STR, false, 10, role, 0),
	MF("village_id", JF_INT, false, ID_MAX, village_id,
	    offsetof(struct dc_member_input, has_village_id)),
	MF("elected_day", JF_STR, false, 10, elected_day, 0),
	MF("left_day", JF_STR, false, 10, left_day, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield member_update_fields[] = {
	MF("name", JF_STR, false, 200, name, 0),
	MF("role", JF_STR, false, 10, role, 0),
	MF("village_id", JF_INT, false, ID_MAX, village_id,
	    offsetof(struct dc_member_input, has_village_id)),
	MF("elected_day", JF_STR, false, 10, elected_day, 0),
	MF("left_day", JF_STR, false, 10, left_day, 0),
	{ NULL, 0, false, 0, 0, 0 }
};

static const struct jfield activity_fields[] = {
	{ "day", JF_STR, true, 10, offsetof(struct dc_activity_input, day),
	  0 },
	{ "content", JF_STR, true, TEXT_MAX,
	  offsetof(struct dc_activity_input, content), 0 },
	{ "recommendation", JF_STR, false, TEXT_MAX,
	  offsetof(struct dc_activity_input, recommendation), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_boards(struct req *r)
{
	struct dc_query f;
	int rc;

	rc = query_filter(r, "kind", &f);
	if (rc == 0)
		rc = dc_board_list(r->st, &r->sess.actor, &f, &r->out, &r->err);
	return rc;
}

static int
api_board_create(struct req *r)
{
	struct dc_board_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, board_create_fields, &in);
	if (rc == 0)
		rc = dc_board_create(r->st, &r->sess.actor, &in, &o, &r->err);
	return req_wrap(r, "board", rc, o, 201);
}

static int
api_board_get(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = dc_board_get(r->st, &r->sess.actor, id, &r->out, &r->err);
	return rc;
}

static int
api_board_update(struct req *r)
{
	struct dc_board_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_bind(r, board_update_fields, &in);
	if (rc == 0)
		rc = dc_board_update(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "board", rc, o, 0);
}

static int
api_member_create(struct req *r)
{
	struct dc_member_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, member_create_fields, &in);
	if (rc == 0)
		rc = dc_member_create(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "member", rc, o, 201);
}

static int
api_member_update(struct req *r)
{
	struct dc_member_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_bind(r, member_update_fields, &in);
	if (rc == 0)
		rc = dc_member_update(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "member", rc, o, 0);
}

static int
api_activity_create(struct req *r)
{
	struct dc_activity_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_check_writer(r, WHAT);
	if (rc == 0)
		rc = req_bind(r, activity_fields, &in);
	if (rc == 0)
		rc = dc_activity_create(r->st, &r->sess.actor, id, &in, &o,
		    &r->err);
	return req_wrap(r, "activity", rc, o, 201);
}

static int
api_stats(struct req *r)
{
	const char *unit = NULL, *period = NULL;
	int64_t cutoff = -1;
	int structure, rc;

	rc = req_query_unit(r, &structure, &unit);
	if (rc == 0)
		rc = req_query_code(r, "period", 40, &period);
	if (rc == 0)
		rc = req_query_int(r, "cutoff", 0, 28, -1, &cutoff);
	if (rc == 0 && cutoff == 1)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "cutoff",
		    "Ngày chốt số liệu phải là 0 hoặc từ 2 đến 28.");
	if (rc == 0)
		rc = dc_stats(r->st, &r->sess.actor, structure, unit, period,
		    (int)cutoff, &r->out, &r->err);
	return rc;
}

const struct route api_democracy_routes[] = {
	{ "GET", "/api/v1/democracy/vocabularies", api_vocab, R_AUTH },
	{ "GET", "/api/v1/democracy/vote-rules", api_vote_rules, R_AUTH },
	{ "PATCH", "/api/v1/democracy/vote-rules/:matter",
	  api_vote_rule_update, R_CSRF },
	{ "GET", "/api/v1/democracy/period-rules", api_period_rules, R_AUTH },
	{ "PATCH", "/api/v1/democracy/period-rules/:id",
	  api_period_rule_update, R_CSRF },
	{ "GET", "/api/v1/democracy/board-rules", api_board_rules, R_AUTH },
	{ "PATCH", "/api/v1/democracy/board-rules/:id", api_board_rule_update,
	  R_CSRF },
	{ "GET", "/api/v1/democracy/villages", api_villages, R_AUTH },
	{ "POST", "/api/v1/democracy/villages", api_village_create, R_CSRF },
	{ "PATCH", "/api/v1/democracy/villages/:id", api_village_update,
	  R_CSRF },
	{ "GET", "/api/v1/democracy/disclosures/compliance", api_compliance,
	  R_AUTH },
	{ "GET", "/api/v1/democracy/disclosures", api_disclosures, R_AUTH },
	{ "POST", "/api/v1/democracy/disclosures", api_disclosure_create,
	  R_CSRF },
	{ "GET", "/api/v1/democracy/disclosures/:id", api_disclosure_get,
	  R_AUTH },
	{ "PATCH", "/api/v1/democracy/disclosures/:id", api_disclosure_update,
	  R_CSRF },
	{ "GET", "/api/v1/democracy/votes", api_votes, R_AUTH },
	{ "POST", "/api/v1/democracy/votes", api_vote_create, R_CSRF },
	{ "GET", "/api/v1/democracy/votes/:id", api_vote_get, R_AUTH },
	{ "PATCH", "/api/v1/democracy/votes/:id", api_vote_update, R_CSRF },
	{ "GET", "/api/v1/democracy/boxes", api_boxes, R_AUTH },
	{ "POST", "/api/v1/democracy/boxes", api_box_create, R_CSRF },
	{ "GET", "/api/v1/democracy/boxes/:id", api_box_get, R_AUTH },
	{ "POST", "/api/v1/democracy/boxes/:id/openings", api_opening_create,
	  R_CSRF },
	{ "GET", "/api/v1/democracy/boards", api_boards, R_AUTH },
	{ "POST", "/api/v1/democracy/boards", api_board_create, R_CSRF },
	{ "GET", "/api/v1/democracy/boards/:id", api_board_get, R_AUTH },
	{ "PATCH", "/api/v1/democracy/boards/:id", api_board_update, R_CSRF },
	{ "POST", "/api/v1/democracy/boards/:id/members", api_member_create,
	  R_CSRF },
	{ "POST", "/api/v1/democracy/boards/:id/activities",
	  api_activity_create, R_CSRF },
	{ "PATCH", "/api/v1/democracy/board-members/:id", api_member_update,
	  R_CSRF },
	{ "GET", "/api/v1/stats/democracy", api_stats, R_AUTH },
	{ NULL, NULL, NULL, 0 }
};
