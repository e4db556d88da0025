/*
 * api_report.c - report templates, reports (drafts, edits, issuing) and
 * their DOCX / XLSX / HTML files (docs/API.md "Reports").
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/topdf.h"
#include "domain/report.h"
#include "http/api.h"
#include "http/http.h"

#define LIST_LIMIT_MAX	200
#define ID_MAX		999999999999

#define TF(name, type, max, member, has)				\
	{ name, type, false, max, offsetof(struct report_template_input,	\
	  member), has }

static const struct jfield template_fields[] = {
	TF("name", JF_STR, 300, name, 0),
	TF("regime", JF_STR, 10, regime, 0),
	TF("type_name", JF_STR, 100, type_name, 0),
	TF("type_abbr", JF_STR, 10, type_abbr, 0),
	TF("abstract", JF_STR, 1000, abstract, 0),
	TF("cutoff_day", JF_INT, 28, cutoff_day,
	    offsetof(struct report_template_input, has_cutoff_day)),
	{ NULL, 0, false, 0, 0, 0 }
};

#define RF(name, type, req, max, member, has)				\
	{ name, type, req, max, offsetof(struct api_report_in, member), has }

const struct jfield api_report_fields[] = {
	RF("template", JF_STR, true, REPORT_CODE_MAX, template, 0),
	RF("unit", JF_UNIT, true, 0, unit, 0),
	RF("period", JF_STR, true, 22, period, 0),
	RF("org_id", JF_INT, false, ID_MAX, org_id,
	    offsetof(struct api_report_in, has_org_id)),
	RF("cutoff_day", JF_INT, false, 28, cutoff_day,
	    offsetof(struct api_report_in, has_cutoff_day)),
	{ NULL, 0, false, 0, 0, 0 }
};

struct issue_in {
	int64_t		 number;
	bool		 has_number;
	const char	*day;
};

static const struct jfield issue_fields[] = {
	{ "number", JF_INT, true, 999999, offsetof(struct issue_in, number),
	  offsetof(struct issue_in, has_number) },
	{ "day", JF_STR, true, 10, offsetof(struct issue_in, day), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_templates(struct req *r)
{
	return report_template_list(r->st, &r->out, &r->err);
}

static int
api_template_get(struct req *r)
{
	json_t *o = NULL;
	int rc = report_template_get(r->st, r->params[0], &o, &r->err);

	return req_wrap(r, "template", rc, o, 0);
}

/* Bind a template body: the member "body" (a JSON object the domain
 * checks) is taken out first; *code gets "code" when create. */
static int
bind_template(struct req *r, bool create, struct report_template_input *in,
    char *code, size_t n, json_t **tpl_body)
{
	json_t *body;
	int rc;

	memset(in, 0, sizeof(*in));
	*tpl_body = NULL;
	rc = req_json(r, &body);
	if (rc != 0)
		return rc;
	*tpl_body = json_incref(json_object_get(body, "body"));
	json_object_del(body, "body");
	if (*tpl_body != NULL && !json_is_object(*tpl_body))
		return err_set(&r->err, ERR_INVAL, "invalid_field", "body",
		    "\"body\" phải là một đối tượng.");
	if (create) {
		json_t *c = json_object_get(body, "code");

		if (!json_is_string(c) || strlen(json_string_value(c)) >= n)
			return err_set(&r->err, ERR_INVAL, "invalid_field",
			    "code", "Thiếu mã mẫu báo cáo (tối đa %d ký tự).",
			    REPORT_CODE_MAX);
		snprintf(code, n, "%s", json_string_value(c));
		json_object_del(body, "code");
	}
	rc = req_bind(r, template_fields, in);
	in->body = *tpl_body;
	return rc;
}

static int
api_template_create(struct req *r)
{
	struct report_template_input in;
	char code[REPORT_CODE_MAX + 1];
	json_t *tpl_body = NULL, *o = NULL;
	int rc;

	rc = bind_template(r, true, &in, code, sizeof(code), &tpl_body);
	if (rc == 0)
		rc = report_template_create(r->st, &r->sess.actor, code, &in,
		    &o, &r->err);
	json_decref(tpl_body);
	return req_wrap(r, "template", rc, o, 201);
}

static int
api_template_update(struct req *r)
{
	struct report_template_input in;
	json_t *tpl_body = NULL, *o = NULL;
	int rc;

	rc = bind_template(r, false, &in, NULL, 0, &tpl_body);
	if (rc == 0)
		rc = report_template_update(r->st, &r->sess.actor,
		    r->params[0], &in, &o, &r->err);
	json_decref(tpl_body);
	return req_wrap(r, "template", rc, o, 0);
}

static int
api_reports(struct req *r)
{
	struct report_list_query f;
	int rc;

	memset(&f, 0, sizeof(f));
	rc = req_query_unit(r, &f.structure, &f.unit);
	if (rc == 0)
		rc = req_query_code(r, "template", REPORT_CODE_MAX,
		    &f.template);
	if (rc == 0)
		rc = req_query_code(r, "status", 10, &f.status);
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f.limit, &f.offset);
	if (rc == 0)
		rc = report_list(r->st, &r->sess.actor, &f, &r->out, &r->err);
	return rc;
}

static int
api_report_create(struct req *r)
{
	struct api_report_in b;
	struct report_query q;
	json_t *o = NULL;
	int rc;

	memset(&b, 0, sizeof(b));
	rc = req_check_writer(r, "báo cáo");
	if (rc == 0)
		rc = req_bind(r, api_report_fields, &b);
	if (rc != 0)
		return rc;
	memset(&q, 0, sizeof(q));
	q.template = b.template;
	q.structure = b.unit.structure;
	q.unit = b.unit.code;
	q.period = b.period;
	q.org_id = b.has_org_id ? b.org_id : 0;
	q.cutoff = b.has_cutoff_day ? (int)b.cutoff_day : -1;
	if (q.cutoff == 1)
		return err_set(&r->err, ERR_INVAL, "invalid_field",
		    "cutoff_day", "Ngày chốt số liệu là 0 hoặc từ 2 đến 28.");
	rc = report_create(r->st, &r->sess.actor, &q, &o, &r->err);
	if (rc == 0)
		r->status = 201;
	return req_send_real(r, rc, rc == 0 ? json_pack("{s:o}", "report",
	    o) : NULL);
}

static int
api_report_get(struct req *r)
{
	int64_t id;
	json_t *o = NULL;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = report_get(r->st, &r->sess.actor, id, &o, &r->err);
	return req_send_real(r, rc, rc == 0 ? json_pack("{s:o}", "report",
	    o) : NULL);
}

static int
api_report_update(struct req *r)
{
	json_t *edits, *o = NULL;
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_check_writer(r, "báo cáo");
	if (rc == 0)
		rc = req_json(r, &edits);
	if (rc == 0)
		rc = report_update(r->st, &r->sess.actor, id, edits, &o,
		    &r->err);
	return req_send_real(r, rc, rc == 0 ? json_pack("{s:o}", "report",
	    o) : NULL);
}

static int
api_report_issue(struct req *r)
{
	struct issue_in in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_bind(r, issue_fields, &in);
	if (rc == 0)
		rc = report_issue(r->st, &r->sess.actor, id, in.number, in.day,
		    &o, &r->err);
	return req_send_real(r, rc, rc == 0 ? json_pack("{s:o}", "report",
	    o) : NULL);
}

static int
api_report_delete(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = report_delete(r->st, &r->sess.actor, id, &r->err);
	if (rc == 0)
		r->out = json_pack("{s:s}", "status", "ok");
	return rc;
}

static int
send_format(struct req *r, enum report_format f)
{
	static const char *const types[] = {
		"application/vnd.openxmlformats-officedocument."
		"wordprocessingml.document",
		"application/vnd.openxmlformats-officedocument."
		"spreadsheetml.sheet",
		"text/html; charset=utf-8",
	};
	json_t *content = NULL;
	char *data = NULL, name[128];
	size_t len = 0;
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = report_content(r->st, &r->sess.actor, id, &content,
		    &r->err);
	if (rc == 0)
		rc = report_render(content, f, &data, &len, &r->err);
	if (rc == 0) {
		report_file_name(content, f, name, sizeof(name));
		req_send_file(r, data, len, types[f], name);
	}
	json_decref(content);
	return rc;
}

/* The DOCX through LibreOffice (503 unavailable when it is not installed). */
static int
api_report_pdf(struct req *r)
{
	json_t *content = NULL;
	char *docx = NULL, *pdf = NULL, name[128];
	size_t len = 0, plen = 0;
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = report_content(r->st, &r->sess.actor, id, &content,
		    &r->err);
	if (rc == 0)
		rc = report_render(content, REPORT_DOCX, &docx, &len, &r->err);
	if (rc == 0)
		rc = topdf_from_docx(docx, len, &pdf, &plen, &r->err);
	free(docx);
	if (rc == 0) {
		char *dot;

		report_file_name(content, REPORT_DOCX, name, sizeof(name));
		dot = strrchr(name, '.');
		if (dot != NULL && (size_t)(dot - name) + 5 <= sizeof(name))
			memcpy(dot, ".pdf", 5);
		req_send_file(r, pdf, plen, "application/pdf", name);
	}
	json_decref(content);
	return rc;
}

static int
api_report_docx(struct req *r)
{
	return send_format(r, REPORT_DOCX);
}

static int
api_report_xlsx(struct req *r)
{
	return send_format(r, REPORT_XLSX);
}

static int
api_report_html(struct req *r)
{
	return send_format(r, REPORT_HTML);
}

const struct route api_report_routes[] = {
	{ "GET", "/api/v1/report-templates", api_templates, R_AUTH },
	{ "POST", "/api/v1/report-templates", api_template_create, R_CSRF },
	{ "GET", "/api/v1/report-templates/:code", api_template_get, R_AUTH },
	{ "PATCH", "/api/v1/report-templates/:code", api_template_update,
	  R_CSRF },
	{ "GET", "/api/v1/reports", api_reports, R_AUTH },
	{ "POST", "/api/v1/reports", api_report_create, R_CSRF },
	{ "GET", "/api/v1/reports/:id", api_report_get, R_AUTH },
	{ "PATCH", "/api/v1/reports/:id", api_report_update, R_CSRF },
	{ "POST", "/api/v1/reports/:id/issue", api_report_issue, R_CSRF },
	{ "DELETE", "/api/v1/reports/:id", api_report_delete, R_CSRF },
	{ "GET", "/api/v1/reports/:id/docx", api_report_docx, R_AUTH },
	{ "GET", "/api/v1/reports/:id/xlsx", api_report_xlsx, R_AUTH },
	{ "GET", "/api/v1/reports/:id/html", api_report_html, R_AUTH },
	{ "GET", "/api/v1/reports/:id/pdf", api_report_pdf, R_AUTH },
	{ NULL, NULL, NULL, 0 }
};
