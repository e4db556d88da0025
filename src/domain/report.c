/*
 * report.c - report templates, building a report's content from the
 * indicator roll-up, drafts, edits and issuing (see report.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/period.h"
#include "core/text.h"
#include "domain/audit.h"
#include "domain/indicator.h"
#include "domain/list.h"
#include "domain/record.h"
#include "domain/report_int.h"
#include "domain/unit.h"
#include "store/store.h"

#define HEAD_TEXT_MAX	300	/* characters of a header or closing field */
#define RECIPIENTS_MAX	40
#define CONTENT_MAX	(8 * 1024 * 1024)	/* bytes of stored JSON */

static const char *const regimes[] = { "state", "party", NULL };
static const char *const statuses[] = { "draft", "issued", NULL };
static const char *const head_keys[] = {
	"parent", "issuer", "issuer_abbr", "place", "type_name", "abstract",
	NULL
};
static const char *const closing_keys[] = {
	"authority", "on_behalf", "position", "name", NULL
};
static const char *const authorities[] = {
	"", "TM", "KT", "TL", "TUQ", NULL
};

/* ---- templates ---------------------------------------------------------- */

#define TPL_COLS							\
	"code, name, regime, cutoff_day, type_name, type_abbr, abstract,"	\
	" body, updated_at"

static json_t *
tpl_row(struct stmt *q)
{
	json_t *body = json_loads(stmt_col_text(q, 7), 0, NULL);

	return json_pack("{s:s, s:s, s:s, s:I, s:s, s:s, s:s, s:o, s:I}",
	    "code", stmt_col_text(q, 0), "name", stmt_col_text(q, 1),
	    "regime", stmt_col_text(q, 2), "cutoff_day",
	    (json_int_t)stmt_col_int(q, 3), "type_name", stmt_col_text(q, 4),
	    "type_abbr", stmt_col_text(q, 5), "abstract", stmt_col_text(q, 6),
	    "body", body != NULL ? body : json_object(), "updated_at",
	    (json_int_t)stmt_col_int(q, 8));
}

int
report_template_list(struct store *st, json_t **out, struct err *e)
{
	json_t *items;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " TPL_COLS " FROM report_templates"
	    " ORDER BY code", &q, e);
	if (rc != 0)
		return rc;
	rc = rec_collect(q, tpl_row, &items, e);
	if (rc == 0)
		*out = json_pack("{s:o}", "items", items);
	return rc;
}

int
report_template_get(struct store *st, const char *code, json_t **out,
    struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT " TPL_COLS " FROM report_templates"
	    " WHERE code = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, code);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		*out = tpl_row(q);
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (*out == NULL)
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy mẫu báo cáo.");
	return 0;
}

/* The catalogue codes as an object code -> true. */
static int
catalogue_codes(struct store *st, json_t **out, struct err *e)
{
	json_t *list = NULL, *row;
	size_t i;
	int rc;

	*out = NULL;
	rc = indicator_list(st, true, &list, e);
	if (rc != 0)
		return rc;
	*out = json_object();
	json_array_foreach(json_object_get(list, "items"), i, row)
		json_object_set_new(*out, rec_member(row, "code"), json_true());
	json_decref(list);
	return 0;
}

static int
text_field_ok(const char *s, size_t max, const char *field, struct err *e)
{
	if (s == NULL || !text_is_valid(s, strlen(s)))
		return err_set(e, ERR_INVAL, "invalid_field", field,
		    "\"%s\" phải là chuỗi UTF-8.", field);
	if (text_length(s) > max)
		return err_set(e, ERR_INVAL, "too_long", field, "\"%s\" dài"
		    " quá %zu ký tự.", field, max);
	return 0;
}

static int
check_placeholders(const char *s, json_t *codes, json_t *used,
    const char *field, struct err *e)
{
	const char *bad;

	if (report_text_check(s, codes, used, &bad) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", field, "Chỗ điền"
		    " số liệu không hợp lệ: \"%.40s\".", bad);
	return 0;
}

/* A template body: {head:{...}, closing:{...}, blocks:[{h1|h2|h3|p:
 * text} | {table:{title, annex?, codes?}}]}; *used collects codes. */
static int
check_body(json_t *body, json_t *codes, json_t *used, struct err *e)
{
	json_t *blocks = json_object_get(body, "blocks"), *b, *v;
	const char *k;
	size_t i;
	int rc = 0;

	if (!json_is_object(body) || !json_is_array(blocks) ||
	    json_array_size(blocks) > REPORT_BLOCKS_MAX)
		return err_set(e, ERR_INVAL, "invalid_field", "body", "Nội dung"
		    " mẫu phải có danh sách khối (blocks, tối đa %d).",
		    REPORT_BLOCKS_MAX);
	json_object_foreach(json_object_get(body, "head"), k, v) {
		if (rec_index_of(head_keys, k) < 0 || !json_is_string(v))
			return err_set(e, ERR_INVAL, "invalid_field", "body",
			    "Trường đầu văn bản không hợp lệ: %s.", k);
		rc = text_field_ok(json_string_value(v), HEAD_TEXT_MAX, "body",
		    e);
		if (rc == 0)
			rc = check_placeholders(json_string_value(v), codes,
			    NULL, "body", e);
		if (rc != 0)
			return rc;
	}
	json_array_foreach(blocks, i, b) {
		const char *key = json_object_size(b) == 1 ?
		    json_object_iter_key(json_object_iter(b)) : NULL;
		json_t *val = key != NULL ? json_object_get(b, key) : NULL;

		if (key != NULL && json_is_string(val) && (strcmp(key, "h1") ==
		    0 || strcmp(key, "h2") == 0 || strcmp(key, "h3") == 0 ||
		    strcmp(key, "p") == 0)) {
			rc = text_field_ok(json_string_value(val),
			    REPORT_TEXT_MAX, "body", e);
			if (rc == 0)
				rc = check_placeholders(json_string_value(val),
				    codes, used, "body", e);
		} else if (key != NULL && strcmp(key, "table") == 0 &&
		    json_is_object(val)) {
			json_t *cl = json_object_get(val, "codes"), *c;
			size_t j;

			if (!json_is_string(json_object_get(val, "title")) ||
			    (cl != NULL && !json_is_array(cl)))
				return err_set(e, ERR_INVAL, "invalid_field",
				    "body", "Bảng cần tiêu đề và danh sách mã"
				    " chỉ tiêu.");
			rc = check_placeholders(rec_member(val, "title"),
			    codes, NULL, "body", e);
			json_array_foreach(cl, j, c)
				if (rc == 0 && json_object_get(codes,
				    json_string_value(c)) == NULL)
					rc = err_set(e, ERR_INVAL,
					    "invalid_field", "body", "Chỉ tiêu"
					    " \"%s\" không có trong danh mục.",
					    json_is_string(c) ?
					    json_string_value(c) : "?");
		} else {
			rc = err_set(e, ERR_INVAL, "invalid_field", "body",
			    "Khối thứ %zu phải là h1, h2, h3, p hoặc table.",
			    i + 1);
		}
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Apply in to template code and audit it as action, inside the caller's
 * write transaction. */
static int
template_save(struct store *st, const struct actor *a, const char *code,
    const struct report_template_input *in, const char *action, json_t **out,
    struct err *e)
{
	json_t *before = NULL, *codes = NULL, *row;
	struct stmt *q;
	char *body = NULL;
	int rc;

	rc = report_template_get(st, code, &before, e);
	if (rc == 0)
		rc = catalogue_codes(st, &codes, e);
	row = before != NULL ? json_deep_copy(before) : NULL;
	if (rc == 0 && in->name != NULL)
		json_object_set_new(row, "name", json_string(in->name));
	if (rc == 0 && in->type_name != NULL)
		json_object_set_new(row, "type_name",
		    json_string(in->type_name));
	if (rc == 0 && in->type_abbr != NULL)
		json_object_set_new(row, "type_abbr",
		    json_string(in->type_abbr));
	if (rc == 0 && in->abstract != NULL)
		json_object_set_new(row, "abstract", json_string(in->abstract));
	if (rc == 0 && in->regime != NULL) {
		if (rec_index_of(regimes, in->regime) < 0)
			rc = err_set(e, ERR_INVAL, "invalid_field", "regime",
			    "Thể thức phải là state (NĐ 30/2020) hoặc party"
			    " (HD 36-HD/VPTW).");
		else
			json_object_set_new(row, "regime",
			    json_string(in->regime));
	}
	if (rc == 0 && in->has_cutoff_day) {
		if (in->cutoff_day == 1 || in->cutoff_day > 28)
			rc = err_set(e, ERR_INVAL, "invalid_field",
			    "cutoff_day", "Ngày chốt số liệu là 0 hoặc từ 2"
			    " đến 28.");
		else
			json_object_set_new(row, "cutoff_day",
			    json_integer(in->cutoff_day));
	}
	if (rc == 0 && in->body != NULL) {
		rc = check_body(in->body, codes, NULL, e);
		if (rc == 0)
			json_object_set(row, "body", in->body);
	}
	if (rc == 0)
		rc = check_placeholders(rec_member(row, "abstract"), codes,
		    NULL, "abstract", e);
	if (rc == 0) {
		body = json_dumps(json_object_get(row, "body"), JSON_COMPACT);
		rc = store_prepare(st, "UPDATE report_templates SET name = ?,"
		    " regime = ?, cutoff_day = ?, type_name = ?, type_abbr = ?,"
		    " abstract = ?, body = ?, updated_at = ? WHERE code = ?",
		    &q, e);
	}
	if (rc == 0) {
		stmt_bind_text(q, 1, rec_member(row, "name"));
		stmt_bind_text(q, 2, rec_member(row, "regime"));
		stmt_bind_int(q, 3, json_integer_value(json_object_get(row,
		    "cutoff_day")));
		stmt_bind_text(q, 4, rec_member(row, "type_name"));
		stmt_bind_text(q, 5, rec_member(row, "type_abbr"));
		stmt_bind_text(q, 6, rec_member(row, "abstract"));
		stmt_bind_text(q, 7, body);
		stmt_bind_int(q, 8, clock_now());
		stmt_bind_text(q, 9, code);
		rc = stmt_step_done(q, e);
	}
	free(body);
	json_decref(row);
	json_decref(codes);
	if (rc == 0)
		rc = report_template_get(st, code, out, e);
	if (rc == 0) {
		struct audit_entry ent = { action, "report_template", 0, 0,
		    NULL, NULL, strcmp(action, "create") == 0 ? NULL : before,
		    *out };

		rc = audit_record(st, a, &ent, e);
	}
	json_decref(before);
	return rc;
}

int
report_template_update(struct store *st, const struct actor *a,
    const char *code, const struct report_template_input *in, json_t **out,
    struct err *e)
{
	int rc;

	*out = NULL;
	if (a->role != ROLE_SYSADMIN)
		return err_set(e, ERR_PERM, "forbidden", NULL, "Chỉ quản trị"
		    " hệ thống được sửa mẫu báo cáo.");
	rc = store_begin_write(st, e);
	if (rc == 0)
		rc = template_save(st, a, code, in, "update", out, e);
	return rec_finish(st, rc, out, e);
}

static bool
code_valid(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (n == 0 || n > REPORT_CODE_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' &&
		    s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

int
report_template_create(struct store *st, const struct actor *a,
    const char *code, const struct report_template_input *in, json_t **out,
    struct err *e)
{
	struct report_template_input full = *in;
	struct stmt *q;
	int rc;

	*out = NULL;
	if (a->role != ROLE_SYSADMIN)
		return err_set(e, ERR_PERM, "forbidden", NULL, "Chỉ quản trị"
		    " hệ thống được thêm mẫu báo cáo.");
	if (!code_valid(code))
		return err_set(e, ERR_INVAL, "invalid_field", "code", "Mã mẫu"
		    " gồm chữ thường không dấu, số và dấu gạch dưới, tối đa %d"
		    " ký tự.", REPORT_CODE_MAX);
	if (in->name == NULL || in->regime == NULL || in->type_name == NULL ||
	    in->type_abbr == NULL || in->abstract == NULL || in->body == NULL)
		return err_set(e, ERR_INVAL, "missing_field", in->name == NULL ?
		    "name" : in->regime == NULL ? "regime" : in->type_name ==
		    NULL ? "type_name" : in->type_abbr == NULL ? "type_abbr" :
		    in->abstract == NULL ? "abstract" : "body", "Thiếu trường"
		    " bắt buộc của mẫu báo cáo.");
	if (!full.has_cutoff_day) {
		full.has_cutoff_day = true;
		full.cutoff_day = 15;
	}
	/* a placeholder row, filled and checked by the update below in the
	 * same transaction */
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = store_prepare(st, "INSERT INTO report_templates (code, name,"
	    " regime, cutoff_day, type_name, type_abbr, abstract, body)"
	    " VALUES (?, '', 'state', 15, '', '', '', '{\"blocks\":[]}')", &q,
	    e);
	if (rc == 0) {
		stmt_bind_text(q, 1, code);
		rc = stmt_step_done(q, e);
		if (rc == ERR_EXISTS)
			rc = err_set(e, ERR_EXISTS, "conflict", "code", "Mã mẫu"
			    " báo cáo đã tồn tại.");
	}
	if (rc == 0)
		rc = template_save(st, a, code, &full, "create", out, e);
	return rec_finish(st, rc, out, e);
}

/* ---- building the content ----------------------------------------------- */

/* Fill text into a new JSON string (NULL text: ""). */
static int
fill_json(const char *text, const struct report_ctx *c, json_t *warnings,
    json_t **out, struct err *e)
{
	char *s = NULL;
	int rc;

	*out = NULL;
	rc = report_fill(text != NULL ? text : "", c, &s, warnings);
	if (rc != 0)
		return err_set(e, rc, "too_long", NULL, "Văn bản quá dài.");
	*out = json_string(s);
	free(s);
	return *out != NULL ? 0 : err_set(e, ERR_INVAL, "invalid_field", NULL,
	    "Văn bản không hợp lệ.");
}

/* A figures table: STT, indicator, measure, this period, the previous,
 * a year before.  codes NULL: every active indicator by section. */
static json_t *
figures_table(const char *title, bool annex, json_t *codes,
    const struct report_ctx *c, json_t *catalogue)
{
	json_t *rows = json_array(), *code, *row;
	const char *section = NULL;
	size_t i;
	int n = 0;

	if (codes == NULL) {
		codes = json_array();
		json_array_foreach(json_object_get(catalogue, "items"), i, row)
			json_array_append_new(codes, json_string(rec_member(row,
			    "code")));
	} else {
		json_incref(codes);
	}
	json_array_foreach(codes, i, code) {
		json_t *it = json_object_get(c->figures,
		    json_string_value(code));
		const char *sec;
		char stt[16];

		if (it == NULL)
			continue;
		sec = rec_member(it, "section");
		if (sec != NULL && (section == NULL || strcmp(sec, section) !=
		    0)) {
			section = sec;
			json_array_append_new(rows, json_pack("{s:[s,s], s:b}",
			    "cells", "", sec, "bold", 1));
		}
		snprintf(stt, sizeof(stt), "%d", ++n);
		json_array_append_new(rows, json_pack("{s:[s, s, s, O, O, O],"
		    " s:I, s:b}", "cells", stt, rec_member(it, "name"),
		    rec_member(it, "measure"), json_object_get(it, "value"),
		    json_object_get(it, "previous"), json_object_get(it,
		    "year_before"), "decimals", json_integer_value(
		    json_object_get(it, "decimals")), "percent",
		    strcmp(rec_member(it, "measure"), "%") == 0));
	}
	json_decref(codes);
	return json_pack("{s:s, s:s, s:b, s:[{s:s,s:i,s:s}, {s:s,s:i,s:s},"
	    " {s:s,s:i,s:s}, {s:s,s:i,s:s}, {s:s,s:i,s:s}, {s:s,s:i,s:s}],"
	    " s:o}", "kind", "table", "title", title, "annex", annex,
	    "columns", "name", "STT", "width", 1, "align", "center",
	    "name", "Chỉ tiêu", "width", 8, "align", "left",
	    "name", "Đơn vị tính", "width", 2, "align", "center",
	    "name", c->period_label, "width", 3, "align", "right",
	    "name", c->prev_label, "width", 3, "align", "right",
	    "name", c->yb_label, "width", 3, "align", "right", "rows", rows);
}

/* The unit of the report, in a's scope. */
static int
report_unit(struct store *st, const struct actor *a, int structure,
    const char *code, struct rec_owner *o, struct err *e)
{
	struct unit_info info;
	bool inside = false;
	int rc;

	if (code == NULL || unit_lookup(st, structure != 0 ? structure : 2025,
	    code, &info, e) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "unit",
		    "Đơn vị hành chính không tồn tại.");
	o->structure = structure != 0 ? structure : 2025;
	rc = actor_in_scope(st, a, o->structure, code, &inside, e);
	if (rc != 0)
		return rc;
	if (!inside)
		return err_set(e, ERR_PERM, "forbidden", "unit", "Đơn vị nằm"
		    " ngoài phạm vi quản lý của bạn.");
	snprintf(o->code, sizeof(o->code), "%s", info.code);
	snprintf(o->path, sizeof(o->path), "%s", info.path);
	snprintf(o->name, sizeof(o->name), "%s", info.name);
	return 0;
}

/* Fill the labels of c from the roll-up answer. */
static void
ctx_labels(struct report_ctx *c, json_t *roll, const struct period *per)
{
	int y, m, d;
	cal_day day;

	snprintf(c->period_label, sizeof(c->period_label), "%s",
	    rec_member(json_object_get(roll, "period"), "label"));
	snprintf(c->prev_label, sizeof(c->prev_label), "%s",
	    rec_member(json_object_get(roll, "previous"), "label"));
	snprintf(c->yb_label, sizeof(c->yb_label), "%s",
	    rec_member(json_object_get(roll, "year_before"), "label"));
	if (per->kind == PERIOD_YEAR)
		snprintf(c->yb_words, sizeof(c->yb_words), "%s", c->yb_label);
	else
		snprintf(c->yb_words, sizeof(c->yb_words), "cùng kỳ năm %d",
		    per->year - 1);
	if (cal_parse(rec_member(json_object_get(roll, "period"), "from"),
	    &day) == 0) {
		cal_to_ymd(day, &y, &m, &d);
		snprintf(c->from_vi, sizeof(c->from_vi), "%02d/%02d/%04d", d,
		    m, y);
	}
	if (cal_parse(rec_member(json_object_get(roll, "period"), "to"),
	    &day) == 0) {
		cal_to_ymd(day, &y, &m, &d);
		snprintf(c->to_vi, sizeof(c->to_vi), "%02d/%02d/%04d", d, m,
		    y);
	}
}

/* The issuing organisation's name (0: none). */
static int
org_name(struct store *st, const struct actor *a, int64_t org_id, char *out,
    size_t n, struct err *e)
{
	struct rec_owner o;
	int rc;

	out[0] = '\0';
	if (org_id == 0)
		return 0;
	rc = rec_org_owner(st, a, org_id, "org_id", &o, e);
	if (rc == 0)
		snprintf(out, n, "%s", o.name);
	return rc;
}

/* Unique warnings, in order. */
static json_t *
unique(json_t *list)
{
	json_t *seen = json_object(), *out = json_array(), *w;
	size_t i;

	json_array_foreach(list, i, w) {
		if (json_object_get(seen, json_string_value(w)) != NULL)
			continue;
		json_object_set_new(seen, json_string_value(w), json_true());
		json_array_append(out, w);
	}
	json_decref(seen);
	json_decref(list);
	return out;
}

int
report_build(struct store *st, const struct actor *a,
    const struct report_query *q, json_t **content, struct err *e)
{
	json_t *tpl = NULL, *codes = NULL, *used = NULL, *roll = NULL;
	json_t *catalogue = NULL, *blocks, *warnings, *head, *closing, *b;
	const char **list = NULL;
	struct indicator_eval ev;
	struct report_ctx c;
	struct rec_owner unit;
	struct period per;
	char issuer[256];
	const char *k;
	json_t *v;
	size_t i;
	int rc, cutoff, n = 0;

	*content = NULL;
	memset(&c, 0, sizeof(c));
	rc = report_template_get(st, q->template != NULL ? q->template :
	    "dan_van", &tpl, e);
	if (rc == ERR_NOTFOUND)
		rc = err_set(e, ERR_INVAL, "invalid_field", "template",
		    "Mẫu báo cáo không tồn tại.");
	if (rc == 0)
		rc = report_unit(st, a, q->structure, q->unit, &unit, e);
	if (rc == 0)
		rc = org_name(st, a, q->org_id, issuer, sizeof(issuer), e);
	cutoff = q->cutoff >= 0 ? q->cutoff : (int)json_integer_value(
	    json_object_get(tpl, "cutoff_day"));
	if (rc == 0 && (q->period == NULL || period_parse(q->period, cutoff,
	    &per, e) != 0))
		rc = err_set(e, ERR_INVAL, "invalid_field", "period", "Kỳ báo"
		    " cáo không hợp lệ (ví dụ 2023, 2023-H1, 2023-Q3, 2023-06,"
		    " 2023-9M).");
	if (rc == 0)
		rc = catalogue_codes(st, &codes, e);
	used = json_object();
	if (rc == 0)
		rc = check_body(json_object_get(tpl, "body"), codes, used, e);
	if (rc == 0)
		rc = check_placeholders(rec_member(tpl, "abstract"), codes,
		    used, "abstract", e);
	if (rc == 0)
		rc = indicator_list(st, false, &catalogue, e);
	/* a table without codes shows every active indicator */
	json_array_foreach(json_object_get(json_object_get(tpl, "body"),
	    "blocks"), i, b) {
		json_t *t = json_object_get(b, "table");

		if (rc == 0 && t != NULL && json_object_get(t, "codes") ==
		    NULL) {
			json_t *row;
			size_t j;

			json_array_foreach(json_object_get(catalogue, "items"),
			    j, row)
				json_object_set_new(used, rec_member(row,
				    "code"), json_true());
		} else if (t != NULL) {
			json_t *cd;
			size_t j;

			json_array_foreach(json_object_get(t, "codes"), j, cd)
				json_object_set_new(used, json_string_value(cd),
				    json_true());
		}
	}
	if (rc == 0) {
		list = calloc(json_object_size(used) + 1, sizeof(*list));
		if (list == NULL)
			rc = err_set(e, ERR_NOMEM, "internal", NULL,
			    "out of memory");
	}
	if (rc == 0) {
		json_object_foreach(used, k, v)
			list[n++] = k;
		memset(&ev, 0, sizeof(ev));
		ev.structure = unit.structure;
		ev.unit = unit.code;
		ev.period = q->period;
		ev.cutoff = cutoff;
		ev.codes = list;
		ev.ncodes = n;
		ev.compare = true;
		rc = n > 0 ? indicator_rollup(st, a, &ev, &roll, e) : 0;
		if (rc == 0 && n == 0) {
			ev.codes = (const char *const[]){ "communes" };
			ev.ncodes = 1;
			rc = indicator_rollup(st, a, &ev, &roll, e);
		}
	}
	free(list);
	if (rc != 0)
		goto out;
	c.figures = json_object();
	json_array_foreach(json_object_get(roll, "items"), i, b) {
		json_t *row;
		size_t j;

		json_array_foreach(json_object_get(catalogue, "items"), j, row)
			if (strcmp(rec_member(row, "code"),
			    rec_member(b, "code")) == 0)
				json_object_set(b, "section",
				    json_object_get(row, "section"));
		json_object_set(c.figures, rec_member(b, "code"), b);
	}
	ctx_labels(&c, roll, &per);
	snprintf(c.unit_name, sizeof(c.unit_name), "%s", unit.name);
	report_unit_words(unit.name, c.unit_kind, sizeof(c.unit_kind),
	    c.unit_short, sizeof(c.unit_short));

	warnings = json_array();
	head = json_object();
	json_object_set_new(head, "regime", json_string(rec_member(tpl,
	    "regime")));
	json_object_set_new(head, "type_abbr", json_string(rec_member(tpl,
	    "type_abbr")));
	json_object_set_new(head, "type_name", json_string(rec_member(tpl,
	    "type_name")));
	json_object_set_new(head, "place", json_string(c.unit_short));
	json_object_foreach(json_object_get(json_object_get(tpl, "body"),
	    "head"), k, v) {
		json_t *s = NULL;

		if (rc == 0)
			rc = fill_json(json_string_value(v), &c, warnings, &s,
			    e);
		if (s != NULL)
			json_object_set_new(head, k, s);
	}
	if (issuer[0] != '\0')
		json_object_set_new(head, "issuer", json_string(issuer));
	/* what the official header cannot do without */
	if (rec_empty(rec_member(head, "issuer"))) {
		char def[320];

		snprintf(def, sizeof(def), "%s%s", strcmp(rec_member(tpl,
		    "regime"), "party") == 0 ? "Ban Tuyên giáo và Dân vận" :
		    "Ủy ban nhân dân ", strcmp(rec_member(tpl, "regime"),
		    "party") == 0 ? "" : c.unit_name);
		json_object_set_new(head, "issuer", json_string(def));
	}
	if (rec_empty(rec_member(head, "issuer_abbr")))
		json_object_set_new(head, "issuer_abbr", json_string(strcmp(
		    rec_member(tpl, "regime"), "party") == 0 ? "BTGDV" :
		    "UBND"));
	if (rec_empty(rec_member(head, "place")))
		json_object_set_new(head, "place", json_string(c.unit_short));
	if (rc == 0) {
		json_t *s = NULL;

		rc = fill_json(rec_member(tpl, "abstract"), &c, warnings, &s,
		    e);
		json_object_set_new(head, "abstract", s != NULL ? s :
		    json_string(""));
	}
	json_object_set_new(head, "number", json_integer(0));
	json_object_set_new(head, "day", json_null());

	closing = json_deep_copy(json_object_get(json_object_get(tpl, "body"),
	    "closing"));
	if (!json_is_object(closing)) {
		json_decref(closing);
		closing = json_pack("{s:[], s:s, s:s, s:s, s:s}", "recipients",
		    "authority", "", "on_behalf", "", "position", "", "name",
		    "");
	}
	blocks = json_array();
	json_array_foreach(json_object_get(json_object_get(tpl, "body"),
	    "blocks"), i, b) {
		const char *key = json_object_iter_key(json_object_iter(b));
		json_t *val = json_object_get(b, key), *s = NULL;

		if (rc != 0)
			break;
		if (strcmp(key, "table") == 0) {
			rc = fill_json(rec_member(val, "title"), &c, warnings,
			    &s, e);
			if (rc == 0)
				json_array_append_new(blocks, figures_table(
				    json_string_value(s), json_is_true(
				    json_object_get(val, "annex")),
				    json_object_get(val, "codes"), &c,
				    catalogue));
			json_decref(s);
			continue;
		}
		rc = fill_json(json_string_value(val), &c, warnings, &s, e);
		if (rc == 0)
			json_array_append_new(blocks, json_pack("{s:s, s:o}",
			    "kind", key, "text", s));
	}
	if (rc == 0)
		*content = json_pack("{s:i, s:s, s:{s:I, s:s, s:s}, s:O, s:O,"
		    " s:O, s:i, s:o, s:o, s:o, s:o, s:O}",
		    "version", 1, "template", rec_member(tpl, "code"),
		    "unit", "structure", (json_int_t)unit.structure, "code",
		    unit.code, "name", unit.name,
		    "period", json_object_get(roll, "period"),
		    "previous", json_object_get(roll, "previous"),
		    "year_before", json_object_get(roll, "year_before"),
		    "cutoff_day", cutoff, "head", head, "blocks", blocks,
		    "closing", closing, "warnings", unique(warnings),
		    "figures", json_object_get(roll, "items"));
	else {
		json_decref(head);
		json_decref(blocks);
		json_decref(closing);
		json_decref(warnings);
	}
	if (rc == 0 && *content == NULL)
		rc = err_set(e, ERR_NOMEM, "internal", NULL, "out of memory");
	json_decref(c.figures);
out:
	json_decref(tpl);
	json_decref(codes);
	json_decref(used);
	json_decref(roll);
	json_decref(catalogue);
	return rc;
}

/* ---- stored reports ----------------------------------------------------- */

#define REP_COLS							\
	"r.id, r.template, r.org_id, r.unit_structure, r.unit_code,"	\
	" n.name, r.period, r.cutoff_day, r.status, r.number,"		\
	" r.issued_day, r.created_at, r.updated_at"
#define REP_FROM							\
	" FROM reports r JOIN units n ON n.structure = r.unit_structure"	\
	" AND n.code = r.unit_code"

static json_t *
rep_row(struct stmt *q)
{
	return json_pack("{s:I, s:s, s:o, s:{s:I, s:s, s:s}, s:s, s:I, s:s,"
	    " s:o, s:o, s:I, s:I}", "id", (json_int_t)stmt_col_int(q, 0),
	    "template", stmt_col_text(q, 1), "org_id", rec_col_id(q, 2),
	    "unit", "structure", (json_int_t)stmt_col_int(q, 3), "code",
	    stmt_col_text(q, 4), "name", stmt_col_text(q, 5), "period",
	    stmt_col_text(q, 6), "cutoff_day", (json_int_t)stmt_col_int(q, 7),
	    "status", stmt_col_text(q, 8), "number", rec_col_id(q, 9),
	    "issued_day", rec_col_str(q, 10), "created_at",
	    (json_int_t)stmt_col_int(q, 11), "updated_at",
	    (json_int_t)stmt_col_int(q, 12));
}

/* Report id with its content, in a's scope (404 otherwise). */
static int
fetch(struct store *st, const struct actor *a, int64_t id, json_t **row,
    json_t **content, struct rec_owner *o, struct err *e)
{
	struct stmt *q;
	int rc;

	*row = NULL;
	if (content != NULL)
		*content = NULL;
	rc = store_prepare(st, "SELECT " REP_COLS ", r.content, r.unit_path"
	    REP_FROM " WHERE r.id = ? AND " SCOPE_SQL("r.unit_structure",
	    "r.unit_path"), &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	actor_bind_scope(a, q, 2);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*row = rep_row(q);
		if (content != NULL)
			*content = json_loads(stmt_col_text(q, 13), 0, NULL);
		if (o != NULL) {
			o->structure = (int)stmt_col_int(q, 3);
			snprintf(o->code, sizeof(o->code), "%s",
			    stmt_col_text(q, 4));
			snprintf(o->path, sizeof(o->path), "%s",
			    stmt_col_text(q, 14));
		}
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (*row == NULL)
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy báo cáo.");
	if (content != NULL && *content == NULL)
		return err_set(e, ERR_INTERNAL, "internal", NULL,
		    "report %lld: bad content", (long long)id);
	return 0;
}

static int
save_content(struct store *st, int64_t id, json_t *content, struct err *e)
{
	char *text = json_dumps(content, JSON_COMPACT);
	struct stmt *q;
	int rc;

	if (text == NULL)
		return err_set(e, ERR_NOMEM, "internal", NULL, "out of memory");
	if (strlen(text) > CONTENT_MAX) {
		free(text);
		return err_set(e, ERR_TOOBIG, "too_long", NULL, "Báo cáo quá"
		    " lớn.");
	}
	rc = store_prepare(st, "UPDATE reports SET content = ?, updated_at = ?"
	    " WHERE id = ?", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, text);
		stmt_bind_int(q, 2, clock_now());
		stmt_bind_int(q, 3, id);
		rc = stmt_step_done(q, e);
	}
	free(text);
	return rc;
}

/* The report with its content, as the API returns it. */
static int
full(struct store *st, const struct actor *a, int64_t id, json_t **out,
    struct err *e)
{
	json_t *content = NULL;
	int rc = fetch(st, a, id, out, &content, NULL, e);

	if (rc == 0)
		json_object_set_new(*out, "content", content);
	else
		json_decref(content);
	return rc;
}

int
report_create(struct store *st, const struct actor *a,
    const struct report_query *q, json_t **out, struct err *e)
{
	json_t *content = NULL;
	struct rec_owner unit;
	struct stmt *s;
	char *text = NULL;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = rec_check_writer(a, "báo cáo", e);
	if (rc != 0)
		return rc;
	/* figures are read before the write lock is taken */
	rc = report_build(st, a, q, &content, e);
	if (rc == 0)
		rc = report_unit(st, a, q->structure, q->unit, &unit, e);
	if (rc == 0) {
		text = json_dumps(content, JSON_COMPACT);
		if (text == NULL)
			rc = err_set(e, ERR_NOMEM, "internal", NULL,
			    "out of memory");
	}
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0) {
		free(text);
		json_decref(content);
		return rc;
	}
	rc = store_prepare(st, "INSERT INTO reports (template, org_id,"
	    " unit_structure, unit_code, unit_path, period, cutoff_day, status,"
	    " content, created_by, created_at, updated_at) VALUES (?, ?, ?, ?,"
	    " ?, ?, ?, 'draft', ?, ?, ?, ?) RETURNING id", &s, e);
	if (rc == 0) {
		stmt_bind_text(s, 1, rec_member(content, "template"));
		if (q->org_id != 0)
			stmt_bind_int(s, 2, q->org_id);
		else
			stmt_bind_null(s, 2);
		stmt_bind_int(s, 3, unit.structure);
		stmt_bind_text(s, 4, unit.code);
		stmt_bind_text(s, 5, unit.path);
		stmt_bind_text(s, 6, rec_member(json_object_get(content,
		    "period"), "period"));
		stmt_bind_int(s, 7, json_integer_value(json_object_get(content,
		    "cutoff_day")));
		stmt_bind_text(s, 8, text);
		rec_bind_creator(s, 9, a);
		stmt_bind_int(s, 10, now);
		stmt_bind_int(s, 11, now);
		rc = stmt_step_id(s, &id, e);
	}
	free(text);
	json_decref(content);
	if (rc == 0)
		rc = full(st, a, id, out, e);
	if (rc == 0) {
		json_t *summary = json_pack("{s:s, s:s}", "template",
		    rec_member(*out, "template"), "period", rec_member(*out,
		    "period"));

		rc = rec_audit(st, a, "create", "report", id, &unit, NULL,
		    summary, e);
		json_decref(summary);
	}
	return rec_finish(st, rc, out, e);
}

int
report_get(struct store *st, const struct actor *a, int64_t id, json_t **out,
    struct err *e)
{
	*out = NULL;
	return full(st, a, id, out, e);
}

int
report_content(struct store *st, const struct actor *a, int64_t id,
    json_t **content, struct err *e)
{
	json_t *row = NULL;
	int rc = fetch(st, a, id, &row, content, NULL, e);

	/* the issued number and day are part of what is rendered */
	if (rc == 0) {
		json_t *head = json_object_get(*content, "head");

		json_object_set(head, "number", json_object_get(row, "number"));
		json_object_set(head, "day", json_object_get(row,
		    "issued_day"));
		json_object_set(*content, "status", json_object_get(row,
		    "status"));
		json_object_set(*content, "id", json_object_get(row, "id"));
	}
	json_decref(row);
	return rc;
}

struct list_ctx {
	const struct report_list_query	*f;
	const struct actor		*a;
	struct rec_subtree		 sub;
};

static int
list_bind(struct stmt *q, const void *ctxv)
{
	const struct list_ctx *c = ctxv;
	int i = actor_bind_scope(c->a, q, 1);

	if (c->f->structure != 0)
		stmt_bind_int(q, i++, c->f->structure);
	i = rec_subtree_bind(q, i, &c->sub);
	if (c->f->template != NULL)
		stmt_bind_text(q, i++, c->f->template);
	if (c->f->status != NULL)
		stmt_bind_text(q, i++, c->f->status);
	return i;
}

int
report_list(struct store *st, const struct actor *a,
    const struct report_list_query *f, json_t **out, struct err *e)
{
	struct list_ctx c = { .f = f, .a = a };
	struct list_query lq;
	struct buf from;
	int rc;

	*out = NULL;
	if (f->status != NULL && rec_index_of(statuses, f->status) < 0)
		return err_set(e, ERR_INVAL, "invalid_param", "status",
		    "Trạng thái là draft hoặc issued.");
	rc = rec_subtree_init(st, f->structure, f->unit, "unit", &c.sub, e);
	if (rc != 0)
		return rc;
	buf_init(&from, 2048);
	buf_add_str(&from, REP_FROM " WHERE " SCOPE_SQL("r.unit_structure",
	    "r.unit_path"));
	if (f->structure != 0)
		buf_add_str(&from, " AND r.unit_structure = ?");
	rec_subtree_sql(&from, "r.unit_path", &c.sub);
	if (f->template != NULL)
		buf_add_str(&from, " AND r.template = ?");
	if (f->status != NULL)
		buf_add_str(&from, " AND r.status = ?");
	memset(&lq, 0, sizeof(lq));
	lq.cols = REP_COLS;
	lq.from = buf_cstr(&from);
	lq.order = "r.updated_at DESC, r.id DESC";
	lq.bind = list_bind;
	lq.ctx = &c;
	lq.row = rep_row;
	lq.limit = f->limit;
	lq.offset = f->offset;
	rc = list_run(st, &lq, out, e);
	buf_release(&from);
	return rc;
}

/* Apply edits to a draft's content. */
static int
apply_edits(json_t *content, json_t *edits, struct err *e)
{
	json_t *head = json_object_get(edits, "head");
	json_t *texts = json_object_get(edits, "texts");
	json_t *closing = json_object_get(edits, "closing");
	json_t *blocks = json_object_get(content, "blocks"), *v, *t;
	const char *k;
	size_t i;
	int rc;

	json_object_foreach(edits, k, v)
		if (strcmp(k, "head") != 0 && strcmp(k, "texts") != 0 &&
		    strcmp(k, "closing") != 0)
			return err_set(e, ERR_INVAL, "unknown_field", k,
			    "Trường không hợp lệ: %s.", k);
	if ((head != NULL && !json_is_object(head)) || (texts != NULL &&
	    !json_is_array(texts)) || (closing != NULL &&
	    !json_is_object(closing)))
		return err_set(e, ERR_INVAL, "invalid_field", NULL, "head và"
		    " closing là đối tượng, texts là danh sách.");
	json_object_foreach(head, k, v) {
		if (rec_index_of(head_keys, k) < 0 || !json_is_string(v))
			return err_set(e, ERR_INVAL, "invalid_field", "head",
			    "Trường đầu văn bản không hợp lệ: %s.", k);
		/* abbreviations and the place go into fixed header slots */
		rc = text_field_ok(json_string_value(v), strcmp(k,
		    "issuer_abbr") == 0 || strcmp(k, "place") == 0 ? 20 :
		    HEAD_TEXT_MAX, "head", e);
		if (rc == 0 && json_string_length(v) == 0 && (strcmp(k,
		    "issuer") == 0 || strcmp(k, "issuer_abbr") == 0 ||
		    strcmp(k, "place") == 0))
			rc = err_set(e, ERR_INVAL, "missing_field", "head",
			    "Cơ quan ban hành, chữ viết tắt và địa danh không"
			    " được để trống.");
		if (rc != 0)
			return rc;
		json_object_set(json_object_get(content, "head"), k, v);
	}
	json_array_foreach(texts, i, t) {
		json_t *idx = json_object_get(t, "index");
		json_t *b;
		const char *s = rec_member(t, "text");

		if (!json_is_integer(idx) || json_integer_value(idx) < 0 ||
		    (size_t)json_integer_value(idx) >=
		    json_array_size(blocks) || s == NULL ||
		    json_object_size(t) != 2)
			return err_set(e, ERR_INVAL, "invalid_field", "texts",
			    "Mỗi đoạn sửa gồm index (số thứ tự khối) và text.");
		b = json_array_get(blocks, (size_t)json_integer_value(idx));
		if (json_object_get(b, "text") == NULL)
			return err_set(e, ERR_INVAL, "invalid_field", "texts",
			    "Khối %lld là bảng số liệu, không sửa được chữ.",
			    (long long)json_integer_value(idx));
		rc = text_field_ok(s, REPORT_TEXT_MAX, "texts", e);
		if (rc != 0)
			return rc;
		json_object_set_new(b, "text", json_string(s));
	}
	json_object_foreach(closing, k, v) {
		json_t *dst = json_object_get(content, "closing");

		if (strcmp(k, "recipients") == 0) {
			json_t *r;
			size_t j;

			if (!json_is_array(v) || json_array_size(v) >
			    RECIPIENTS_MAX)
				return err_set(e, ERR_INVAL, "invalid_field",
				    "closing", "Nơi nhận là danh sách tối đa"
				    " %d dòng.", RECIPIENTS_MAX);
			json_array_foreach(v, j, r) {
				rc = text_field_ok(json_string_value(r),
				    HEAD_TEXT_MAX, "closing", e);
				if (rc != 0)
					return rc;
			}
		} else if (rec_index_of(closing_keys, k) < 0 ||
		    !json_is_string(v)) {
			return err_set(e, ERR_INVAL, "invalid_field", "closing",
			    "Trường chữ ký không hợp lệ: %s.", k);
		} else {
			rc = text_field_ok(json_string_value(v), HEAD_TEXT_MAX,
			    "closing", e);
			if (rc == 0 && strcmp(k, "authority") == 0 &&
			    rec_index_of(authorities, json_string_value(v)) < 0)
				rc = err_set(e, ERR_INVAL, "invalid_field",
				    "closing", "Thẩm quyền ký là TM, KT, TL, TUQ"
				    " hoặc để trống.");
			if (rc != 0)
				return rc;
		}
		json_object_set(dst, k, v);
	}
	return 0;
}

int
report_update(struct store *st, const struct actor *a, int64_t id,
    json_t *edits, json_t **out, struct err *e)
{
	json_t *row = NULL, *content = NULL;
	struct rec_owner o;
	int rc;

	*out = NULL;
	rc = rec_check_writer(a, "báo cáo", e);
	if (rc == 0 && !json_is_object(edits))
		rc = err_set(e, ERR_INVAL, "invalid_json", NULL, "Nội dung"
		    " phải là một đối tượng JSON.");
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch(st, a, id, &row, &content, &o, e);
	if (rc == 0 && strcmp(rec_member(row, "status"), "draft") != 0)
		rc = err_set(e, ERR_EXISTS, "invalid_state", NULL, "Báo cáo đã"
		    " ban hành, không sửa được.");
	if (rc == 0)
		rc = apply_edits(content, edits, e);
	if (rc == 0)
		rc = save_content(st, id, content, e);
	if (rc == 0)
		rc = full(st, a, id, out, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "report", id, &o, NULL, edits,
		    e);
	json_decref(row);
	json_decref(content);
	return rec_finish(st, rc, out, e);
}

int
report_issue(struct store *st, const struct actor *a, int64_t id,
    int64_t number, const char *day, json_t **out, struct err *e)
{
	json_t *row = NULL, *after;
	struct rec_owner o;
	struct stmt *q;
	cal_day d;
	int rc = 0;

	*out = NULL;
	if (!actor_is_admin(a) && a->role != ROLE_LEADER)
		return err_set(e, ERR_PERM, "forbidden", NULL, "Chỉ lãnh đạo"
		    " hoặc quản trị viên được ban hành báo cáo.");
	if (number < 1 || number > 999999)
		return err_set(e, ERR_INVAL, "invalid_field", "number", "Số văn"
		    " bản từ 1 đến 999999.");
	if (day == NULL || cal_parse(day, &d) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "day", "Ngày ban"
		    " hành phải có dạng YYYY-MM-DD.");
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch(st, a, id, &row, NULL, &o, e);
	if (rc == 0 && strcmp(rec_member(row, "status"), "draft") != 0)
		rc = err_set(e, ERR_EXISTS, "invalid_state", NULL, "Báo cáo đã"
		    " ban hành.");
	if (rc == 0)
		rc = store_prepare(st, "UPDATE reports SET status = 'issued',"
		    " number = ?, issued_day = ?, issued_by = ?, updated_at = ?"
		    " WHERE id = ?", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, number);
		stmt_bind_text(q, 2, day);
		rec_bind_creator(q, 3, a);
		stmt_bind_int(q, 4, clock_now());
		stmt_bind_int(q, 5, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = full(st, a, id, out, e);
	if (rc == 0) {
		after = json_pack("{s:s, s:I, s:s}", "status", "issued",
		    "number", (json_int_t)number, "issued_day", day);
		rc = rec_audit(st, a, "update", "report", id, &o, NULL, after,
		    e);
		json_decref(after);
	}
	json_decref(row);
	return rec_finish(st, rc, out, e);
}

int
report_delete(struct store *st, const struct actor *a, int64_t id,
    struct err *e)
{
	json_t *row = NULL;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	rc = rec_check_writer(a, "báo cáo", e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch(st, a, id, &row, NULL, &o, e);
	if (rc == 0 && strcmp(rec_member(row, "status"), "draft") != 0)
		rc = err_set(e, ERR_EXISTS, "invalid_state", NULL, "Báo cáo đã"
		    " ban hành được lưu lại, không xóa được.");
	if (rc == 0)
		rc = store_prepare(st, "DELETE FROM reports WHERE id = ?", &q,
		    e);
	if (rc == 0) {
		stmt_bind_int(q, 1, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = rec_audit(st, a, "delete", "report", id, &o, row, NULL, e);
	json_decref(row);
	return rec_finish(st, rc, NULL, e);
}
