/*
 * api_petition.c - petitions, their actions, attachments, import,
 * statistics, rules as data, and the public pages.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/clock.h"
#include "domain/attach.h"
#include "domain/import.h"
#include "domain/petition.h"
#include "domain/rules.h"
#include "domain/stats.h"
#include "domain/public.h"
#include "domain/vocab.h"
#include "http/api.h"
#include "http/ratelimit.h"

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
		rc = req_query_day(r, "from", &f.from);
	if (rc == 0)
		rc = req_query_day(r, "to", &f.to);
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

/* ---- import ------------------------------------------------------------ */

static int
api_import(struct req *r)
{
	enum import_format fmt = IMPORT_CSV;
	const char *format;
	json_t *out = NULL;
	int64_t org;
	int rc;

	rc = req_query_int(r, "org_id", 1, INT32_MAX, 0, &org);
	if (rc == 0 && org == 0)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "org_id",
		    "Thiếu cơ quan nhận dữ liệu.");
	if (rc == 0)
		rc = req_query(r, "format", &format);
	if (rc == 0 && format != NULL && strcmp(format, "xlsx") == 0)
		fmt = IMPORT_XLSX;
	else if (rc == 0 && format != NULL && strcmp(format, "csv") != 0)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "format",
		    "Định dạng tệp là csv hoặc xlsx.");
	if (rc == 0)
		rc = import_petitions(r->st, &r->sess.actor, org, fmt,
		    buf_cstr(&r->body), r->body.len, &out, &r->err);
	if (rc == ERR_INVAL && out != NULL) {
		/* Every bad row, with the error: 422 and nothing written. */
		r->status = 422;
		r->out = json_pack("{s:{s:s, s:s, s:O}}", "error", "code",
		    r->err.api_code, "message", r->err.msg, "rows",
		    json_object_get(out, "rows"));
		json_decref(out);
		return 0;
	}
	if (rc == 0)
		r->out = out;
	return rc;
}

/* ---- statistics ------------------------------------------------------ */

static int
api_stats(struct req *r)
{
	struct stats_query f;
	int64_t st = 0, cutoff = -1;
	int rc;

	memset(&f, 0, sizeof(f));
	rc = req_query_int(r, "structure", 2024, 2025, 0, &st);
	if (rc == 0)
		rc = req_query(r, "unit", &f.unit);
	if (rc == 0 && f.unit != NULL && st == 0)
		st = 2025;
	f.structure = (int)st;
	if (rc == 0)
		rc = req_query(r, "period", &f.period);
	if (rc == 0 && f.period != NULL && strlen(f.period) > 40)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "period",
		    "Kỳ báo cáo không hợp lệ.");
	if (rc == 0)
		rc = req_query_int(r, "cutoff", 0, 28, -1, &cutoff);
	if (rc == 0 && cutoff == 1)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "cutoff",
		    "Ngày chốt số liệu là 0 (theo tháng dương lịch) hoặc từ 2"
		    " đến 28.");
	f.cutoff = (int)cutoff;
	if (rc == 0)
		rc = stats_petitions(r->st, &r->sess.actor, &f, &r->out,
		    &r->err);
	return rc;
}

/* ---- attachments ---------------------------------------------------- */

/* Upload the body as a file of the owner in path parameter 0. */
int
api_attach_upload(struct req *r, enum attach_owner kind)
{
	const char *name;
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_query(r, "name", &name);
	if (rc == 0)
		rc = attach_add(r->st, &r->sess.actor, kind, id, name,
		    buf_cstr(&r->body), r->body.len, &r->out, &r->err);
	if (rc == 0)
		r->status = 201;
	return rc;
}

/* Send the file of path parameter 0. */
int
api_attach_download(struct req *r, enum attach_owner kind)
{
	char name[512], ascii[128];
	const char *mime;
	char *bytes;
	size_t len, j = 0;
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = attach_fetch(r->st, &r->sess.actor, kind, id, &bytes,
		    &len, &mime, name, sizeof(name), &r->err);
	if (rc != 0)
		return rc;
	/* The download name in the header is plain ASCII; the real name is
	 * in the attachment list. */
	for (size_t i = 0; name[i] != '\0' && j < sizeof(ascii) - 1; i++) {
		unsigned char c = (unsigned char)name[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')
			ascii[j++] = (char)c;
	}
	ascii[j] = '\0';
	req_send_file(r, bytes, len, mime, j > 0 ? ascii : "tep-dinh-kem");
	return 0;
}

static int
api_attach_add(struct req *r)
{
	return api_attach_upload(r, ATTACH_PETITION);
}

static int
api_attach_get(struct req *r)
{
	return api_attach_download(r, ATTACH_PETITION);
}

/* ---- rules as data ---------------------------------------------------- */

static int
api_fields(struct req *r)
{
	return petition_fields_json(r->st, &r->out, &r->err);
}

static int
api_rules(struct req *r)
{
	return deadline_rules_json(r->st, &r->out, &r->err);
}

struct rule_patch_in {
	int64_t		 amount, complex_amount, especially_complex_amount;
	int64_t		 remote_amount, remote_complex_amount;
	bool		 has_amount, has_complex_amount;
	bool		 has_especially_complex_amount, has_remote_amount;
	bool		 has_remote_complex_amount;
	const char	*day_unit;
};

#define R_INT(name)							\
	{ #name, JF_INT, false, DEADLINE_AMOUNT_MAX,			\
	  offsetof(struct rule_patch_in, name),			\
	  offsetof(struct rule_patch_in, has_##name) }

static const struct jfield rule_patch_fields[] = {
	R_INT(amount), R_INT(complex_amount), R_INT(especially_complex_amount),
	R_INT(remote_amount), R_INT(remote_complex_amount),
	{ "day_unit", JF_STR, false, 10,
	  offsetof(struct rule_patch_in, day_unit), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_rule_update(struct req *r)
{
	struct deadline_rule_patch p;
	struct rule_patch_in in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	memset(&p, 0, sizeof(p));
	rc = req_bind(r, rule_patch_fields, &in);
	if (rc != 0)
		return rc;
	p.has_amount = in.has_amount;
	p.amount = (int)in.amount;
	p.has_complex_amount = in.has_complex_amount;
	p.complex_amount = (int)in.complex_amount;
	p.has_especially_complex_amount = in.has_especially_complex_amount;
	p.especially_complex_amount = (int)in.especially_complex_amount;
	p.has_remote_amount = in.has_remote_amount;
	p.remote_amount = (int)in.remote_amount;
	p.has_remote_complex_amount = in.has_remote_complex_amount;
	p.remote_complex_amount = (int)in.remote_complex_amount;
	p.unit = in.day_unit;
	rc = rules_deadline_update(r->st, &r->sess.actor, r->params[0], &p,
	    &o, &r->err);
	if (rc == 0)
		r->out = json_pack("{s:o}", "rule", o);
	return rc;
}

static int
api_calendar(struct req *r)
{
	int64_t year;
	int rc;

	rc = req_query_int(r, "year", 1900, 2199, 0, &year);
	if (rc == 0 && year == 0) {
		int y, m, d;

		cal_to_ymd(cal_today(), &y, &m, &d);
		year = y;
	}
	if (rc == 0)
		rc = calendar_year_json(r->st, (int)year, &r->out, &r->err);
	return rc;
}

struct calday_in {
	bool		 working, has_working;
	const char	*name;
};

static const struct jfield calday_fields[] = {
	{ "working", JF_BOOL, true, 0, offsetof(struct calday_in, working),
	  offsetof(struct calday_in, has_working) },
	{ "name", JF_STR, true, 200, offsetof(struct calday_in, name), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_calday_set(struct req *r)
{
	struct calday_in in;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_bind(r, calday_fields, &in);
	if (rc == 0)
		rc = rules_calendar_set(r->st, &r->sess.actor, r->params[0],
		    in.working, in.name, &r->err);
	if (rc == 0)
		r->out = json_pack("{s:s}", "status", "ok");
	return rc;
}

static int
api_calday_delete(struct req *r)
{
	int rc;

	rc = rules_calendar_delete(r->st, &r->sess.actor, r->params[0],
	    &r->err);
	if (rc == 0)
		r->out = json_pack("{s:s}", "status", "ok");
	return rc;
}

static int
api_settings(struct req *r)
{
	return settings_json(r->st, &r->out, &r->err);
}

struct settings_in {
	int64_t	v[5];
	bool	has[5];
};

#define S_INT(name, i)							\
	{ name, JF_INT, false, 100000, offsetof(struct settings_in, v) +	\
	  (i) * sizeof(int64_t), offsetof(struct settings_in, has) + (i) }

static const struct jfield settings_fields[] = {
	S_INT("mass_threshold", 0), S_INT("due_soon_days", 1),
	S_INT("report_cutoff_day", 2), S_INT("public_submit_per_hour", 3),
	S_INT("public_track_per_10min", 4),
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_settings_update(struct req *r)
{
	struct settings_in in;
	json_t *patch;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_bind(r, settings_fields, &in);
	if (rc != 0)
		return rc;
	patch = json_object();
	for (int i = 0; settings_fields[i].name != NULL; i++)
		if (in.has[i])
			json_object_set_new(patch, settings_fields[i].name,
			    json_integer(in.v[i]));
	rc = settings_update(r->st, &r->sess.actor, patch, &r->out, &r->err);
	json_decref(patch);
	return rc;
}

/* ---- public pages ---------------------------------------------------- */

const struct jfield api_public_submit_fields[] = {
	{ "unit", JF_UNIT, true, 0, offsetof(struct public_input, unit), 0 },
	{ "classification", JF_STR, true, 20,
	  offsetof(struct public_input, classification), 0 },
	{ "name", JF_STR, true, 200, offsetof(struct public_input, name), 0 },
	{ "address", JF_STR, true, 500,
	  offsetof(struct public_input, address), 0 },
	{ "phone", JF_STR, false, 20, offsetof(struct public_input, phone), 0 },
	{ "subject", JF_STR, true, 500,
	  offsetof(struct public_input, subject), 0 },
	{ "content", JF_STR, true, 5000,
	  offsetof(struct public_input, content), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

/* One hit of the public limit `setting` per `window` seconds. */
static int
public_limit(struct req *r, const char *kind, const char *setting,
    int def, int64_t window)
{
	int limit, retry;
	int rc;

	rc = settings_int(r->st, setting, def, &limit, &r->err);
	if (rc != 0)
		return rc;
	if (ratelimit_hit(kind, r->ip, limit, window, clock_now(), &retry))
		return 0;
	rc = err_set(&r->err, ERR_THROTTLED, "too_many_attempts", NULL,
	    "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau.");
	r->err.retry_after = retry;
	return rc;
}

static int
api_public_submit(struct req *r)
{
	struct public_input in;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_bind(r, api_public_submit_fields, &in);
	if (rc == 0)
		rc = public_limit(r, "submit", "public_submit_per_hour", 5,
		    3600);
	if (rc == 0)
		rc = public_submit(r->st, &in, r->ip, &r->out, &r->err);
	if (rc == 0)
		r->status = 201;
	return rc;
}

static int
api_track(struct req *r)
{
	int rc;

	rc = public_limit(r, "track", "public_track_per_10min", 60, 600);
	if (rc == 0)
		rc = petition_track(r->st, r->params[0], &r->out, &r->err);
	return rc;
}

static int
api_public_units(struct req *r)
{
	const char *parent;
	int rc;

	rc = req_query(r, "parent", &parent);
	if (rc == 0 && parent != NULL && (strlen(parent) < 2 ||
	    strlen(parent) > 5 || strspn(parent, "0123456789") !=
	    strlen(parent)))
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "parent",
		    "Mã đơn vị hành chính không hợp lệ.");
	if (rc == 0)
		rc = public_units(r->st, parent, &r->out, &r->err);
	return rc;
}

const struct route api_petition_routes[] = {
	{ "GET", "/api/v1/petitions", api_petitions, R_AUTH },
	{ "POST", "/api/v1/petitions", api_petition_create, R_CSRF },
	{ "GET", "/api/v1/petitions/:id", api_petition_get, R_AUTH },
	{ "GET", "/api/v1/petitions/:id/identity", api_petition_identity,
	  R_AUTH | R_OWN_TXN },
	{ "POST", "/api/v1/petitions/:id/attachments", api_attach_add,
	  R_CSRF | R_UPLOAD },
	{ "POST", "/api/v1/petitions/:id/:action", api_petition_action,
	  R_CSRF },
	{ "GET", "/api/v1/attachments/:id", api_attach_get, R_AUTH | R_OWN_TXN },
	{ "GET", "/api/v1/petition-fields", api_fields, R_AUTH },
	{ "POST", "/api/v1/import/petitions", api_import, R_CSRF | R_UPLOAD },
	{ "GET", "/api/v1/stats/petitions", api_stats, R_AUTH },
	{ "GET", "/api/v1/deadline-rules", api_rules, R_AUTH },
	{ "PATCH", "/api/v1/deadline-rules/:id", api_rule_update, R_CSRF },
	{ "GET", "/api/v1/calendar", api_calendar, R_AUTH },
	{ "PUT", "/api/v1/calendar/days/:day", api_calday_set, R_CSRF },
	{ "DELETE", "/api/v1/calendar/days/:day", api_calday_delete, R_CSRF },
	{ "GET", "/api/v1/settings", api_settings, R_AUTH },
	{ "PATCH", "/api/v1/settings", api_settings_update, R_CSRF },
	{ "POST", "/api/v1/public/petitions", api_public_submit, 0 },
	{ "GET", "/api/v1/public/petitions/:code", api_track, 0 },
	{ "GET", "/api/v1/public/units", api_public_units, 0 },
	{ NULL, NULL, NULL, 0 }
};
