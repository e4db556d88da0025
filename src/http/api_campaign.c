/*
 * api_campaign.c - organisation changes (kiện toàn chức danh) and
 * campaigns and support activities (docs/API.md "Organisation changes and
 * campaigns (issue 5)").
 */
#include <stddef.h>
#include <string.h>

#include "domain/campaign.h"
#include "domain/staffing.h"
#include "domain/unit.h"
#include "http/http.h"

#define LIST_LIMIT_MAX	200
#define ID_MAX		999999999999	/* ids in bodies */
#define CODE_LEN_MAX	40
#define Q_LEN_MAX	200

/* period and cutoff of the totals. */
static int
query_period(struct req *r, const char **period, int *cutoff)
{
	int64_t c = -1;
	int rc;

	rc = req_query_code(r, "period", 40, period);
	if (rc == 0)
		rc = req_query_int(r, "cutoff", 0, 28, -1, &c);
	if (rc == 0 && c == 1)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "cutoff",
		    "Ngày chốt số liệu phải là 0 hoặc từ 2 đến 28.");
	*cutoff = (int)c;
	return rc;
}

/* ---- organisation changes --------------------------------------------- */

#define SF(name, type, req, max, member)				\
	{ name, type, req, max, offsetof(struct staffing_input, member),	\
	  offsetof(struct staffing_input, has_org_id) }

static const struct jfield change_fields[] = {
	SF("org_id", JF_INT, true, ID_MAX, org_id),
	SF("position", JF_STR, true, CODE_LEN_MAX, position),
	SF("change_kind", JF_STR, true, CODE_LEN_MAX, change_kind),
	SF("person_name", JF_STR, true, 200, person_name),
	SF("day", JF_STR, true, 10, day),
	SF("note", JF_STR, false, 2000, note),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_positions(struct req *r)
{
	return staffing_vocab(r->st, &r->out, &r->err);
}

static int
change_query(struct req *r, bool counts, struct staffing_query *f)
{
	int rc;

	memset(f, 0, sizeof(*f));
	rc = req_query_unit(r, &f->structure, &f->unit);
	if (rc == 0)
		rc = req_query_int(r, "org", 1, ID_MAX, 0, &f->org_id);
	if (rc == 0)
		rc = req_query_code(r, "position", CODE_LEN_MAX, &f->position);
	if (rc == 0)
		rc = req_query_code(r, "change_kind", CODE_LEN_MAX,
		    &f->change_kind);
	if (rc == 0)
		rc = req_query_code(r, "org_type", CODE_LEN_MAX, &f->org_type);
	if (rc == 0)
		rc = req_query_code(r, "level", CODE_LEN_MAX, &f->level);
	if (rc == 0 && counts)
		return query_period(r, &f->period, &f->cutoff);
	if (rc == 0)
		rc = req_query_day(r, "from", &f->from);
	if (rc == 0)
		rc = req_query_day(r, "to", &f->to);
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f->limit, &f->offset);
	return rc;
}

static int
api_changes(struct req *r)
{
	struct staffing_query f;
	int rc;

	rc = change_query(r, false, &f);
	if (rc == 0)
		rc = staffing_list(r->st, &r->sess.actor, &f, &r->out, &r->err);
	return rc;
}

static int
api_change_create(struct req *r)
{
	struct staffing_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, "việc kiện toàn chức danh");
	if (rc == 0)
		rc = req_bind(r, change_fields, &in);
	if (rc == 0)
		rc = staffing_create(r->st, &r->sess.actor, &in, &o, &r->err);
	return req_wrap(r, "change", rc, o, 201);
}

static int
api_change_delete(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = staffing_delete(r->st, &r->sess.actor, id, &r->err);
	if (rc == 0)
		r->out = json_pack("{s:s}", "status", "ok");
	return rc;
}

static int
api_change_counts(struct req *r)
{
	struct staffing_query f;
	int rc;

	rc = change_query(r, true, &f);
	if (rc == 0)
		rc = staffing_counts(r->st, &r->sess.actor, &f, &r->out,
		    &r->err);
	return rc;
}

/* ---- campaigns -------------------------------------------------------- */

#define CF(name, type, req, max, member)				\
	{ name, type, req, max, offsetof(struct campaign_input, member),	\
	  offsetof(struct campaign_input, has_int) }

static const struct jfield campaign_fields[] = {
	CF("org_id", JF_INT, true, ID_MAX, org_id),
	CF("kind", JF_STR, true, CODE_LEN_MAX, kind),
	CF("title", JF_STR, true, 300, title),
	CF("unit", JF_UNIT, false, 0, unit),
	CF("place", JF_STR, false, 300, place),
	CF("day", JF_STR, true, 10, day),
	CF("end_day", JF_STR, false, 10, end_day),
	CF("target", JF_STR, true, CODE_LEN_MAX, target),
	CF("visits", JF_INT, false, CAMPAIGN_QTY_MAX, visits),
	CF("households", JF_INT, false, CAMPAIGN_QTY_MAX, households),
	CF("money", JF_INT, false, CAMPAIGN_MONEY_MAX, money),
	CF("labour_days", JF_INT, false, CAMPAIGN_QTY_MAX, labour_days),
	CF("road_m", JF_INT, false, CAMPAIGN_QTY_MAX, road_m),
	CF("canal_m", JF_INT, false, CAMPAIGN_QTY_MAX, canal_m),
	CF("note", JF_STR, false, 5000, note),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_campaign_kinds(struct req *r)
{
	return campaign_vocab(r->st, &r->out, &r->err);
}

static int
campaign_query(struct req *r, bool totals, struct campaign_query *f)
{
	int rc;

	memset(f, 0, sizeof(*f));
	rc = req_query_unit(r, &f->structure, &f->unit);
	if (rc == 0)
		rc = req_query_int(r, "org", 1, ID_MAX, 0, &f->org_id);
	if (rc == 0)
		rc = req_query_code(r, "kind", CODE_LEN_MAX, &f->kind);
	if (rc == 0)
		rc = req_query_code(r, "target", CODE_LEN_MAX, &f->target);
	if (rc == 0 && totals)
		return query_period(r, &f->period, &f->cutoff);
	if (rc == 0)
		rc = req_query_day(r, "from", &f->from);
	if (rc == 0)
		rc = req_query_day(r, "to", &f->to);
	if (rc == 0)
		rc = req_query(r, "q", &f->q);
	if (rc == 0 && f->q != NULL && strlen(f->q) > Q_LEN_MAX)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm quá dài.");
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f->limit, &f->offset);
	return rc;
}

static int
api_campaigns(struct req *r)
{
	struct campaign_query f;
	int rc;

	rc = campaign_query(r, false, &f);
	if (rc == 0)
		rc = campaign_list(r->st, &r->sess.actor, &f, &r->out, &r->err);
	return rc;
}

static int
api_campaign_create(struct req *r)
{
	struct campaign_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_check_writer(r, "phong trào, hoạt động hỗ trợ");
	if (rc == 0)
		rc = req_bind(r, campaign_fields, &in);
	if (rc == 0)
		rc = campaign_create(r->st, &r->sess.actor, &in, &o, &r->err);
	return req_wrap(r, "campaign", rc, o, 201);
}

static int
api_campaign_get(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = campaign_get(r->st, &r->sess.actor, id, &r->out, &r->err);
	return rc;
}

static int
api_campaign_delete(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = campaign_delete(r->st, &r->sess.actor, id, &r->err);
	if (rc == 0)
		r->out = json_pack("{s:s}", "status", "ok");
	return rc;
}

static int
api_campaign_totals(struct req *r)
{
	struct campaign_query f;
	int rc;

	rc = campaign_query(r, true, &f);
	if (rc == 0)
		rc = campaign_totals(r->st, &r->sess.actor, &f, &r->out,
		    &r->err);
	return rc;
}

const struct route api_campaign_routes[] = {
	{ "GET", "/api/v1/org-positions", api_positions, R_AUTH },
	{ "GET", "/api/v1/org-changes/counts", api_change_counts, R_AUTH },
	{ "GET", "/api/v1/org-changes", api_changes, R_AUTH },
	{ "POST", "/api/v1/org-changes", api_change_create, R_CSRF },
	{ "DELETE", "/api/v1/org-changes/:id", api_change_delete, R_CSRF },
	{ "GET", "/api/v1/campaign-kinds", api_campaign_kinds, R_AUTH },
	{ "GET", "/api/v1/campaigns/totals", api_campaign_totals, R_AUTH },
	{ "GET", "/api/v1/campaigns", api_campaigns, R_AUTH },
	{ "POST", "/api/v1/campaigns", api_campaign_create, R_CSRF },
	{ "GET", "/api/v1/campaigns/:id", api_campaign_get, R_AUTH },
	{ "DELETE", "/api/v1/campaigns/:id", api_campaign_delete, R_CSRF },
	{ NULL, NULL, NULL, 0 }
};
