/*
 * democracy.c - grassroots democracy: the vote outcome, vocabularies and
 * rule rows, villages, public disclosure and its compliance (see
 * democracy.h); votes are in democracy_vote.c, boxes, boards and counts in
 * democracy_board.c.
 */
#include "domain/democracy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/text.h"
#include "domain/audit.h"
#include "domain/deadline.h"
#include "domain/democracy_int.h"
#include "domain/list.h"
#include "domain/unit.h"
#include "store/store.h"

#define X_SCOPE	SCOPE_SQL("x.unit_structure", "x.unit_path")

static const char *const village_kinds[] = { "village", "residential_group",
    NULL };
static const char *const village_kind_names[] = { "Thôn, làng, bản, ấp",
    "Tổ dân phố", NULL };
const char *const dc_vote_forms[] = { "meeting", "ballot", "online",
    NULL };
static const char *const vote_form_names[] = { "Hội nghị cộng đồng",
    "Phát phiếu lấy ý kiến hộ gia đình", "Biểu quyết trực tuyến", NULL };
static const char *const board_kinds[] = { "ttnd_commune", "ttnd_agency",
    "gsdtccd", NULL };
static const char *const board_kind_names[] = { "Ban Thanh tra nhân dân xã",
    "Ban Thanh tra nhân dân cơ quan, đơn vị",
    "Ban Giám sát đầu tư của cộng đồng", NULL };
static const char *const member_roles[] = { "head", "vice", "member", NULL };
static const char *const member_role_names[] = { "Trưởng ban", "Phó Trưởng ban",
    "Thành viên", NULL };

/* ---- the vote outcome ------------------------------------------------ */

const char *
dc_outcome_name(enum dc_outcome o)
{
	switch (o) {
	case DC_PASSED:
		return "passed";
	case DC_NOT_PASSED:
		return "not_passed";
	case DC_NOT_APPLICABLE:
		break;
	}
	return "not_applicable";
}

enum dc_outcome
dc_vote_outcome(const struct dc_rule *r, const struct dc_tally *t,
    int64_t *base, int64_t *needed)
{
	int64_t b, lhs, rhs;

	*base = 0;
	*needed = 0;
	if (r == NULL || r->den <= 0 || r->num < 0)
		return DC_NOT_APPLICABLE;
	b = r->basis == DC_BASIS_PRESENT ? t->present : t->total;
	*base = b;
	/* yes * den > num * b, or >=: the least such yes. */
	rhs = r->num * b;
	*needed = r->strict ? rhs / r->den + 1 : (rhs + r->den - 1) / r->den;
	lhs = t->yes * r->den;
	if (r->strict ? lhs > rhs : lhs >= rhs)
		return DC_PASSED;
	return DC_NOT_PASSED;
}

const char *
dc_tally_check(const struct dc_tally *t)
{
	if (t->total < 1 || t->total > DC_COUNT_MAX)
		return "total_households";
	if (t->present < 0 || t->present > t->total)
		return "present";
	if (t->yes < 0 || t->yes > t->present)
		return "yes";
	if (t->no < 0 || t->no > t->present)
		return "no";
	if (t->abstain < 0 || t->abstain > t->present)
		return "abstain";
	if (t->yes + t->no + t->abstain > t->present)
		return "yes";
	return NULL;
}

int
dc_add_months(const char *day, int months, char out[DC_DAY_LEN])
{
	cal_day d;
	int y, m, md, last;

	if (day == NULL || cal_parse(day, &d) != 0 || months < 0 ||
	    months > DC_MONTHS_MAX)
		return -1;
	cal_to_ymd(d, &y, &m, &md);
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	last = cal_month_days(y, m);
	if (md > last)
		md = last;
	if (cal_from_ymd(y, m, md, &d) != 0)
		return -1;
	cal_format(d, out);
	return 0;
}

/* ---- shared helpers (democracy_int.h) --------------------------------- */

int
dc_filter_init(struct store *st, struct dc_filter *f, const struct actor *a,
    const struct dc_query *q, const char *from, const char *alias,
    struct err *e)
{
	char col[32];
	int rc;

	memset(f, 0, sizeof(*f));
	f->a = a;
	buf_init(&f->from, DC_SQL_MAX);
	rc = rec_subtree_init(st, q->structure, q->unit, "unit", &f->sub, e);
	if (rc != 0)
		return rc;
	buf_add_str(&f->from, from);
	buf_add_str(&f->from, " WHERE " X_SCOPE);
	snprintf(col, sizeof(col), "%s.unit_path", alias);
	rec_subtree_sql(&f->from, col, &f->sub);
	if (f->sub.set)
		dc_filter_int(f, " AND x.unit_structure = ?", q->structure);
	if (q->org_id != 0)
		dc_filter_int(f, " AND x.org_id = ?", q->org_id);
	return 0;
}

void
dc_filter_text(struct dc_filter *f, const char *sql, const char *v)
{
	if (v == NULL || f->n >= DC_BINDS_MAX)
		return;
	buf_add_str(&f->from, sql);
	f->kind[f->n] = 't';
	f->s[f->n++] = v;
}

void
dc_filter_int(struct dc_filter *f, const char *sql, int64_t v)
{
	if (f->n >= DC_BINDS_MAX)
		return;
	buf_add_str(&f->from, sql);
	f->kind[f->n] = 'i';
	f->i[f->n++] = v;
}

int
dc_filter_bind(struct stmt *q, const void *ctx)
{
	const struct dc_filter *f = ctx;
	int i = actor_bind_scope(f->a, q, 1);

	i = rec_subtree_bind(q, i, &f->sub);
	for (int k = 0; k < f->n; k++) {
		if (f->kind[k] == 't')
			stmt_bind_text(q, i++, f->s[k]);
		else
			stmt_bind_int(q, i++, f->i[k]);
	}
	return i;
}

void
dc_filter_release(struct dc_filter *f)
{
	buf_release(&f->from);
}

int
dc_fetch(struct store *st, const struct actor *a, const char *sql, int64_t id,
    json_t *(*row)(struct stmt *), int ucol, json_t **out,
    struct rec_owner *o, const char *msg, struct err *e)
{
	bool inside = false;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = row(q);
		o->structure = (int)stmt_col_int(q, ucol);
		snprintf(o->code, sizeof(o->code), "%s",
		    stmt_col_text(q, ucol + 1));
		snprintf(o->path, sizeof(o->path), "%s",
		    stmt_col_text(q, ucol + 2));
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (rc == STEP_ROW)
		rc = actor_in_scope(st, a, o->structure, o->code, &inside, e);
	if (rc == 0 && !inside) {
		json_decref(*out);
		*out = NULL;
		rc = err_set(e, ERR_NOTFOUND, "not_found", NULL, "%s", msg);
	}
	return rc;
}

int
dc_org_owner(struct store *st, const struct actor *a, int64_t org_id,
    bool any_level, struct rec_owner *o, struct err *e)
{
	struct unit_info info;
	int rc;

	rc = rec_org_owner(st, a, org_id, "org_id", o, e);
	if (rc != 0 || any_level)
		return rc;
	rc = unit_lookup(st, o->structure, o->code, &info, e);
	if (rc != 0)
		return rc;
	if (strcmp(info.level, "commune") != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "org_id",
		    "Tổ chức phải thuộc cấp xã (UBND xã, Ủy ban MTTQ xã...).");
	return 0;
}

int
dc_village_of(struct store *st, int64_t village_id, const struct rec_owner *o,
    const char *field, int64_t *hh, struct err *e)
{
	bool found = false;
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "SELECT households FROM dc_villages WHERE"
	    " id = ? AND unit_structure = ? AND unit_code = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, village_id);
	stmt_bind_int(q, 2, o->structure);
	stmt_bind_text(q, 3, o->code);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		found = true;
		if (hh != NULL)
			*hh = stmt_col_int(q, 0);
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (!found)
		return err_set(e, ERR_INVAL, "invalid_field", field, "Thôn, tổ"
		    " dân phố không tồn tại hoặc không thuộc xã của tổ chức.");
	return 0;
}

int
dc_check_day(const char *day, const char *field, bool required,
    struct err *e)
{
	cal_day d;

	if (rec_empty(day)) {
		if (required)
			return err_set(e, ERR_INVAL, "missing_field", field,
			    "Thiếu ngày bắt buộc \"%s\".", field);
		return 0;
	}
	if (cal_parse(day, &d) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", field,
		    "Ngày phải có dạng YYYY-MM-DD.");
	return 0;
}

int
dc_check_text(const char *s, const char *field, const char *msg,
    struct err *e)
{
	if (rec_empty(s))
		return err_set(e, ERR_INVAL, "invalid_field", field, "%s", msg);
	return 0;
}

int
dc_code_exists(struct store *st, const char *table, const char *code,
    bool *ok, struct err *e)
{
	char sql[96];
	struct stmt *q;
	int rc;

	*ok = false;
	if (code == NULL)
		return 0;
	snprintf(sql, sizeof(sql), "SELECT 1 FROM %s WHERE code = ?", table);
	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, code);
	rc = stmt_step(q, e);
	*ok = rc == STEP_ROW;
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

json_t *
dc_unit_json(struct stmt *q, int c)
{
	return json_pack("{s:I, s:s, s:s}", "structure",
	    (json_int_t)stmt_col_int(q, c), "code", stmt_col_text(q, c + 1),
	    "name", stmt_col_text(q, c + 3));
}

json_t *
dc_time(struct stmt *q, int c)
{
	char t[ISO_TIME_LEN];

	clock_iso(stmt_col_int(q, c), t);
	return json_string(t);
}

json_t *
dc_int_or_null(struct stmt *q, int c)
{
	return stmt_col_is_null(q, c) ? json_null() :
	    json_integer(stmt_col_int(q, c));
}

/* ---- vocabularies and rules ----------------------------------------- */

static json_t *
code_name_row(struct stmt *q)
{
	return json_pack("{s:s, s:s}", "code", stmt_col_text(q, 0), "name",
	    stmt_col_text(q, 1));
}

static json_t *
group_row(struct stmt *q)
{
	return json_pack("{s:s, s:s, s:b, s:s, s:s}", "code",
	    stmt_col_text(q, 0), "name", stmt_col_text(q, 1), "required",
	    stmt_col_int(q, 2) != 0, "status", stmt_col_text(q, 3), "source",
	    stmt_col_text(q, 4));
}

static json_t *
static_list(const char *const *codes, const char *const *names)
{
	json_t *a = json_array();

	for (int i = 0; codes[i] != NULL; i++)
		json_array_append_new(a, json_pack("{s:s, s:s}", "code",
		    codes[i], "name", names[i]));
	return a;
}

static int
collect(struct store *st, const char *sql, json_t *(*row)(struct stmt *),
    json_t **out, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, sql, &q, e);
	if (rc == 0)
		rc = rec_collect(q, row, out, e);
	return rc;
}

int
dc_vocabularies(struct store *st, json_t **out, struct err *e)
{
	json_t *g = NULL, *c = NULL, *m = NULL;
	int rc;

	*out = NULL;
	rc = collect(st, "SELECT code, name, required, status, source FROM"
	    " dc_disclosure_groups ORDER BY sort, code", group_row, &g, e);
	if (rc == 0)
		rc = collect(st, "SELECT code, name FROM dc_channels ORDER BY"
		    " sort, code", code_name_row, &c, e);
	if (rc == 0)
		rc = collect(st, "SELECT code, name FROM dc_matters ORDER BY"
		    " sort, code", code_name_row, &m, e);
	if (rc != 0) {
		json_decref(g);
		json_decref(c);
		return rc;
	}
	*out = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "groups", g,
	    "channels", c, "matters", m, "forms",
	    static_list(dc_vote_forms, vote_form_names), "village_kinds",
	    static_list(village_kinds, village_kind_names), "board_kinds",
	    static_list(board_kinds, board_kind_names), "member_roles",
	    static_list(member_roles, member_role_names));
	return 0;
}

/* "Trên 1/2 số đại diện hộ gia đình dự họp", "Từ 2/3 tổng số hộ gia
 * đình trở lên". */
json_t *
dc_rule_label(const char *basis, int64_t num, int64_t den, bool strict)
{
	char s[160];

	snprintf(s, sizeof(s), "%s %lld/%lld %s%s", strict ? "Trên" : "Từ",
	    (long long)num, (long long)den, strcmp(basis, "present") == 0 ?
	    "số đại diện hộ gia đình dự họp" : "tổng số hộ gia đình",
	    strict ? "" : " trở lên");
	return json_string(s);
}

static json_t *
vote_rule_row(struct stmt *q)
{
	const char *basis = stmt_col_text(q, 3);
	int64_t num = stmt_col_int(q, 4), den = stmt_col_int(q, 5);
	bool strict = stmt_col_int(q, 6) != 0;

	return json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:b, s:o, s:s, s:s}",
	    "matter", stmt_col_text(q, 0), "matter_name", stmt_col_text(q, 1),
	    "rule_id", stmt_col_text(q, 2), "basis", basis, "num",
	    (json_int_t)num, "den", (json_int_t)den, "strict", strict, "label",
	    dc_rule_label(basis, num, den, strict), "status", stmt_col_text(q, 7),
	    "source", stmt_col_text(q, 8));
}

#define VOTE_RULE_SQL							\
	"SELECT r.matter, m.name, r.rule_id, r.basis, r.num, r.den,"	\
	" r.strict, r.status, r.source FROM dc_vote_rules r JOIN"	\
	" dc_matters m ON m.code = r.matter"

int
dc_vote_rules(struct store *st, json_t **out, struct err *e)
{
	json_t *items;
	int rc;

	*out = NULL;
	rc = collect(st, VOTE_RULE_SQL " ORDER BY m.sort, m.code",
	    vote_rule_row, &items, e);
	if (rc == 0)
		*out = json_pack("{s:o}", "items", items);
	return rc;
}

static int
check_sysadmin(const struct actor *a, struct err *e)
{
	if (a->role != ROLE_SYSADMIN)
		return err_set(e, ERR_PERM, "forbidden", NULL, "Chỉ quản trị"
		    " hệ thống được thay đổi quy định về dân chủ ở cơ sở.");
	return 0;
}

/* The single row of sql (one text parameter) through row(). */
static int
one_row(struct store *st, const char *sql, const char *key,
    json_t *(*row)(struct stmt *), json_t **out, const char *msg,
    struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, key);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		*out = row(q);
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (*out == NULL)
		return err_set(e, ERR_NOTFOUND, "not_found", NULL, "%s", msg);
	return 0;
}

static int
rule_audit(struct store *st, const struct actor *a, const char *entity,
    json_t *before, json_t *after, struct err *e)
{
	struct audit_entry ent = { "update", entity, 0, 0, NULL, NULL, before,
	    after };

	return audit_record(st, a, &ent, e);
}

/* ---- period rules (R-DC-21) ----------------------------------------- */

#define PERIOD_RULE_SQL							\
	"SELECT id, name, months, status, source FROM dc_period_rules"

static json_t *
period_rule_row(struct stmt *q)
{
	return json_pack("{s:s, s:s, s:I, s:s, s:s}", "id",
	    stmt_col_text(q, 0), "name", stmt_col_text(q, 1), "months",
	    (json_int_t)stmt_col_int(q, 2), "status", stmt_col_text(q, 3),
	    "source", stmt_col_text(q, 4));
}

int
dc_period_rules(struct store *st, json_t **out, struct err *e)
{
	json_t *items;
	int rc;

	*out = NULL;
	rc = collect(st, PERIOD_RULE_SQL " ORDER BY id", period_rule_row,
	    &items, e);
	if (rc == 0)
		*out = json_pack("{s:o}", "items", items);
	return rc;
}

int
dc_period_rule_update(struct store *st, const struct actor *a,
    const char *id, const struct dc_period_rule_patch *p, json_t **out,
    struct err *e)
{
	static const char sql[] = PERIOD_RULE_SQL " WHERE id = ?";
	json_t *before = NULL;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = check_sysadmin(a, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = one_row(st, sql, id, period_rule_row, &before,
	    "Không tìm thấy quy định về thời hạn.", e);
	if (rc != 0)
		return rec_finish(st, rc, out, e);
	if (p->has_months && (p->months < 1 || p->months > DC_MONTHS_MAX))
		rc = err_set(e, ERR_INVAL, "invalid_field", "months", "Số tháng"
		    " phải từ 1 đến %d.", DC_MONTHS_MAX);
	if (rc == 0)
		rc = store_prepare(st, "UPDATE dc_period_rules SET months = ?,"
		    " updated_at = ? WHERE id = ?", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, p->has_months ? p->months :
		    rec_imember(before, "months"));
		stmt_bind_int(q, 2, clock_now());
		stmt_bind_text(q, 3, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = one_row(st, sql, id, period_rule_row, out, "", e);
	if (rc == 0)
		rc = rule_audit(st, a, "dc_period_rule", before, *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

int
dc_vote_rule_update(struct store *st, const struct actor *a,
    const char *matter, const struct dc_vote_rule_patch *p, json_t **out,
    struct err *e)
{
	static const char sql[] = VOTE_RULE_SQL " WHERE r.matter = ?";
	static const char *const bases[] = { "present", "total", NULL };
	const char *basis;
	json_t *before = NULL;
	int64_t num, den;
	struct stmt *q;
	bool strict;
	int rc;

	*out = NULL;
	rc = check_sysadmin(a, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = one_row(st, sql, matter, vote_rule_row, &before,
	    "Không có quy tắc biểu quyết cho nội dung này.", e);
	if (rc != 0)
		return rec_finish(st, rc, out, e);
	basis = p->basis != NULL ? p->basis : rec_member(before, "basis");
	num = p->has_num ? p->num : rec_imember(before, "num");
	den = p->has_den ? p->den : rec_imember(before, "den");
	strict = p->has_strict ? p->strict :
	    json_is_true(json_object_get(before, "strict"));
	if (rec_index_of(bases, basis) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "basis", "Cơ sở"
		    " tính phải là present (số hộ dự họp) hoặc total (tổng số"
		    " hộ).");
	else if (num < 1 || den < 1 || num > den)
		rc = err_set(e, ERR_INVAL, "invalid_field", p->has_num ? "num" :
		    "den", "Tỷ lệ phải là một phân số từ 1/%d đến 1/1.",
		    DC_RULE_NUM_MAX);
	if (rc == 0)
		rc = store_prepare(st, "UPDATE dc_vote_rules SET basis = ?,"
		    " num = ?, den = ?, strict = ?, updated_at = ? WHERE"
		    " matter = ?", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, basis);
		stmt_bind_int(q, 2, num);
		stmt_bind_int(q, 3, den);
		stmt_bind_int(q, 4, strict ? 1 : 0);
		stmt_bind_int(q, 5, clock_now());
		stmt_bind_text(q, 6, matter);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = one_row(st, sql, matter, vote_rule_row, out, "", e);
	if (rc == 0)
		rc = rule_audit(st, a, "dc_vote_rule", before, *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

static json_t *
board_rule_row(struct stmt *q)
{
	return json_pack("{s:s, s:s, s:s, s:I, s:o, s:s, s:s, s:s, s:o, s:o,"
	    " s:o, s:o}", "id",
	    stmt_col_text(q, 0), "board_kind", stmt_col_text(q, 1),
	    "check", stmt_col_text(q, 2), "value",
	    (json_int_t)stmt_col_int(q, 3), "value2", dc_int_or_null(q, 4),
	    "name", stmt_col_text(q, 5), "status", stmt_col_text(q, 6),
	    "source", stmt_col_text(q, 7), "valid_from", rec_col_str(q, 8),
	    "valid_to", rec_col_str(q, 9), "heads_term_start",
	    rec_col_str(q, 10), "heads_term_end", rec_col_str(q, 11));
}

#define BOARD_RULE_SQL							\
	"SELECT id, board_kind, check_kind, value, value2, name, status,"	\
	" source, valid_from, valid_to, heads_term_start, heads_term_end"	\
	" FROM dc_board_rules"

/* The days of a board rule patch merged with the row (R-DC-51, 56). */
static int
board_rule_days(const struct dc_board_rule_patch *p, json_t *before,
    const char *d[4], struct err *e)
{
	bool same = strcmp(rec_member(before, "check"), "same_term") == 0;
	int rc;

	d[0] = dc_merge(p->valid_from, before, "valid_from");
	d[1] = dc_merge(p->valid_to, before, "valid_to");
	d[2] = dc_merge(p->heads_term_start, before, "heads_term_start");
	d[3] = dc_merge(p->heads_term_end, before, "heads_term_end");
	rc = dc_check_day(d[0], "valid_from", false, e);
	if (rc == 0)
		rc = dc_check_day(d[1], "valid_to", false, e);
	if (rc == 0)
		rc = dc_check_day(d[2], "heads_term_start", false, e);
	if (rc == 0)
		rc = dc_check_day(d[3], "heads_term_end", false, e);
	if (rc == 0 && d[0] != NULL && d[1] != NULL && strcmp(d[0], d[1]) >= 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "valid_to",
		    "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.");
	if (rc == 0 && !same && (p->heads_term_start != NULL ||
	    p->heads_term_end != NULL))
		rc = err_set(e, ERR_INVAL, "invalid_field", p->heads_term_start
		    != NULL ? "heads_term_start" : "heads_term_end", "Nhiệm kỳ"
		    " trưởng thôn chỉ ghi ở quy định same_term (R-DC-51).");
	if (rc == 0 && d[2] != NULL && d[3] != NULL && strcmp(d[2], d[3]) > 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "heads_term_end",
		    "Ngày kết thúc nhiệm kỳ không được trước ngày bắt đầu.");
	return rc;
}

int
dc_board_rules(struct store *st, json_t **out, struct err *e)
{
	json_t *items;
	int rc;

	*out = NULL;
	rc = collect(st, BOARD_RULE_SQL " ORDER BY id", board_rule_row,
	    &items, e);
	if (rc == 0)
		*out = json_pack("{s:o}", "items", items);
	return rc;
}

int
dc_board_rule_update(struct store *st, const struct actor *a, const char *id,
    const struct dc_board_rule_patch *p, json_t **out, struct err *e)
{
	static const char sql[] = BOARD_RULE_SQL " WHERE id = ?";
	const char *d[4];
	json_t *before = NULL, *v2;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = check_sysadmin(a, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = one_row(st, sql, id, board_rule_row, &before,
	    "Không tìm thấy quy định về thành phần ban.", e);
	if (rc != 0)
		return rec_finish(st, rc, out, e);
	v2 = json_object_get(before, "value2");
	if (p->has_value2 && json_is_null(v2))
		rc = err_set(e, ERR_INVAL, "invalid_field", "value2",
		    "Quy định này chỉ có một giá trị.");
	if (rc == 0)
		rc = board_rule_days(p, before, d, e);
	if (rc == 0)
		rc = store_prepare(st, "UPDATE dc_board_rules SET value = ?,"
		    " value2 = ?, updated_at = ?, valid_from = ?, valid_to = ?,"
		    " heads_term_start = ?, heads_term_end = ? WHERE id = ?", &q,
		    e);
	if (rc == 0) {
		stmt_bind_int(q, 1, p->has_value ? p->value :
		    rec_imember(before, "value"));
		if (p->has_value2)
			stmt_bind_int(q, 2, p->value2);
		else if (json_is_null(v2))
			stmt_bind_null(q, 2);
		else
			stmt_bind_int(q, 2, json_integer_value(v2));
		stmt_bind_int(q, 3, clock_now());
		for (int i = 0; i < 4; i++)
			stmt_bind_text(q, 4 + i, d[i]);
		stmt_bind_text(q, 8, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = one_row(st, sql, id, board_rule_row, out, "", e);
	if (rc == 0)
		rc = rule_audit(st, a, "dc_board_rule", before, *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

/* ---- villages -------------------------------------------------------- */

#define VILLAGE_COLS							\
	"x.id, x.unit_structure, x.unit_code, x.unit_path, n.name, x.name,"	\
	" x.kind, x.households, x.created_at, x.updated_at"
#define VILLAGE_FROM							\
	" FROM dc_villages x JOIN units n ON n.structure ="		\
	" x.unit_structure AND n.code = x.unit_code"

static json_t *
village_row(struct stmt *q)
{
	return json_pack("{s:I, s:o, s:s, s:s, s:I, s:o, s:o}", "id",
	    (json_int_t)stmt_col_int(q, 0), "unit", dc_unit_json(q, 1),
	    "name", stmt_col_text(q, 5), "kind", stmt_col_text(q, 6),
	    "households", (json_int_t)stmt_col_int(q, 7), "created_at",
	    dc_time(q, 8), "updated_at", dc_time(q, 9));
}

int
dc_village_list(struct store *st, const struct actor *a,
    const struct dc_query *f, json_t **out, struct err *e)
{
	struct dc_query vq = *f;
	struct list_query lq;
	struct dc_filter c;
	int rc;

	*out = NULL;
	vq.org_id = 0;		/* villages belong to their commune */
	rc = dc_filter_init(st, &c, a, &vq, VILLAGE_FROM, "x", e);
	if (rc == 0) {
		lq = (struct list_query){ VILLAGE_COLS, buf_cstr(&c.from),
		    "x.unit_code, x.name_key, x.id", dc_filter_bind, &c,
		    village_row, f->limit, f->offset, NULL, NULL, NULL };
		rc = list_run(st, &lq, out, e);
	}
	dc_filter_release(&c);
	return rc;
}

static int
fetch_village(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct rec_owner *o, struct err *e)
{
	return dc_fetch(st, a, "SELECT " VILLAGE_COLS VILLAGE_FROM
	    " WHERE x.id = ?", id, village_row, 1, out, o,
	    "Không tìm thấy thôn, tổ dân phố.", e);
}

static int
check_village(struct store *st, const struct rec_owner *o, int64_t self,
    const char *name, const char *kind, int64_t hh, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = dc_check_text(name, "name", "Tên thôn, tổ dân phố không được"
	    " để trống.", e);
	if (rc == 0 && rec_index_of(village_kinds, kind) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "kind", "Loại phải"
		    " là village (thôn) hoặc residential_group (tổ dân phố).");
	if (rc == 0 && (hh < 0 || hh > DC_COUNT_MAX))
		rc = err_set(e, ERR_INVAL, "invalid_field", "households",
		    "Số hộ gia đình phải từ 0 đến %d.", DC_COUNT_MAX);
	if (rc == 0)
		rc = store_prepare(st, "SELECT 1 FROM dc_villages WHERE"
		    " unit_structure = ? AND unit_code = ? AND name = ? AND"
		    " id <> ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, o->structure);
	stmt_bind_text(q, 2, o->code);
	stmt_bind_text(q, 3, name);
	stmt_bind_int(q, 4, self);
	rc = stmt_step(q, e);
	stmt_finalize(q);
	if (rc == STEP_ROW)
		return err_set(e, ERR_EXISTS, "conflict", "name", "Xã đã có"
		    " thôn, tổ dân phố mang tên này.");
	return rc < 0 ? rc : 0;
}

int
dc_village_create(struct store *st, const struct actor *a,
    const struct dc_village_input *in, json_t **out, struct err *e)
{
	struct unit_info info;
	struct rec_owner o, o2;
	bool inside = false;
	char *key = NULL;
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = rec_check_writer(a, "dữ liệu dân chủ ở cơ sở", e);
	if (rc == 0 && !in->unit.set)
		rc = err_set(e, ERR_INVAL, "missing_field", "unit",
		    "Thiếu trường bắt buộc \"unit\".");
	if (rc == 0 && unit_lookup(st, in->unit.structure, in->unit.code,
	    &info, e) != 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "unit",
		    "Đơn vị hành chính không tồn tại.");
	if (rc == 0)
		rc = actor_in_scope(st, a, in->unit.structure, in->unit.code,
		    &inside, e);
	if (rc == 0 && (!inside || strcmp(info.level, "commune") != 0))
		rc = err_set(e, ERR_INVAL, "invalid_field", "unit", "Thôn, tổ"
		    " dân phố phải thuộc một xã, phường trong phạm vi quản lý"
		    " của bạn.");
	if (rc != 0)
		return rc;
	o.structure = in->unit.structure;
	snprintf(o.code, sizeof(o.code), "%s", info.code);
	snprintf(o.path, sizeof(o.path), "%s", info.path);
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = check_village(st, &o, 0, in->name, in->kind,
	    in->has_households ? in->households : -1, e);
	if (rc == 0 && text_sort_key(in->name, &key) != 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "name",
		    "Tên thôn, tổ dân phố không hợp lệ.");
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO dc_villages (unit_structure,"
		    " unit_code, unit_path, name, name_key, kind, households,"
		    " created_by, created_at, updated_at) VALUES (?, ?, ?, ?,"
		    " ?, ?, ?, ?, ?, ?) RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, o.structure);
		stmt_bind_text(q, 2, o.code);
		stmt_bind_text(q, 3, o.path);
		stmt_bind_text(q, 4, in->name);
		stmt_bind_text(q, 5, key);
		stmt_bind_text(q, 6, in->kind);
		stmt_bind_int(q, 7, in->households);
		rec_bind_creator(q, 8, a);
		stmt_bind_int(q, 9, now);
		stmt_bind_int(q, 10, now);
		rc = stmt_step_id(q, &id, e);
	}
	free(key);
	if (rc == 0)
		rc = fetch_village(st, a, id, out, &o2, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "dc_village", id, &o, NULL,
		    *out, e);
	return rec_finish(st, rc, out, e);
}

int
dc_village_update(struct store *st, const struct actor *a, int64_t id,
    const struct dc_village_input *in, json_t **out, struct err *e)
{
	const char *name, *kind;
	json_t *before = NULL;
	struct rec_owner o;
	char *key = NULL;
	struct stmt *q;
	int64_t hh;
	int rc;

	*out = NULL;
	if (in->unit.set)
		return err_set(e, ERR_INVAL, "unknown_field", "unit",
		    "Không thể chuyển thôn, tổ dân phố sang xã khác.");
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_village(st, a, id, &before, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, "dữ liệu dân chủ ở cơ sở", e);
	if (rc != 0) {
		json_decref(before);
		return rec_finish(st, rc, out, e);
	}
	name = in->name != NULL ? in->name : rec_member(before, "name");
	kind = in->kind != NULL ? in->kind : rec_member(before, "kind");
	hh = in->has_households ? in->households :
	    rec_imember(before, "households");
	rc = check_village(st, &o, id, name, kind, hh, e);
	if (rc == 0 && text_sort_key(name, &key) != 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "name",
		    "Tên thôn, tổ dân phố không hợp lệ.");
	if (rc == 0)
		rc = store_prepare(st, "UPDATE dc_villages SET name = ?,"
		    " name_key = ?, kind = ?, households = ?, updated_at = ?"
		    " WHERE id = ?", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, name);
		stmt_bind_text(q, 2, key);
		stmt_bind_text(q, 3, kind);
		stmt_bind_int(q, 4, hh);
		stmt_bind_int(q, 5, clock_now());
		stmt_bind_int(q, 6, id);
		rc = stmt_step_done(q, e);
	}
	free(key);
	if (rc == 0)
		rc = fetch_village(st, a, id, out, &o, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "dc_village", id, &o, before,
		    *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

/* ---- disclosure ----------------------------------------------------- */

#define DISC_COLS							\
	"x.id, x.org_id, o.name, x.unit_structure, x.unit_code,"	\
	" x.unit_path, n.name, x.group_code, g.name, x.title, x.document,"	\
	" x.decision_day, x.from_day, x.duration_days, x.until_day,"	\
	" x.due_day, x.late, x.channels, x.note, x.created_at,"	\
	" x.updated_at"
#define DISC_FROM							\
	" FROM dc_disclosures x JOIN organizations o ON o.id = x.org_id"	\
	" JOIN units n ON n.structure = x.unit_structure AND n.code ="	\
	" x.unit_code JOIN dc_disclosure_groups g ON g.code ="	\
	" x.group_code"

/* ["posting", "portal"] from "posting,portal". */
static json_t *
split_codes(const char *s)
{
	json_t *a = json_array();
	const char *p = s;

	while (p != NULL && *p != '\0') {
		size_t n = strcspn(p, ",");

		json_array_append_new(a, json_stringn(p, n));
		p += n;
		if (*p == ',')
			p++;
	}
	return a;
}

/* The last day on display: until_day, or from_day + duration - 1. */
static json_t *
end_day(struct stmt *q)
{
	char s[CAL_DATE_LEN];
	cal_day d;

	if (!stmt_col_is_null(q, 14))
		return json_string(stmt_col_text(q, 14));
	if (stmt_col_is_null(q, 13) || cal_parse(stmt_col_text(q, 12), &d))
		return json_null();
	cal_format(d + (cal_day)stmt_col_int(q, 13) - 1, s);
	return json_string(s);
}

static json_t *
disc_row(struct stmt *q)
{
	return json_pack("{s:I, s:{s:I, s:s}, s:o, s:{s:s, s:s}, s:s, s:o,"
	    " s:o, s:s, s:o, s:o, s:o, s:o, s:b, s:o, s:o, s:o, s:o}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", "id", (json_int_t)stmt_col_int(q, 1), "name",
	    stmt_col_text(q, 2), "unit", dc_unit_json(q, 3),
	    "group", "code", stmt_col_text(q, 7), "name", stmt_col_text(q, 8),
	    "title", stmt_col_text(q, 9), "document", rec_col_str(q, 10),
	    "decision_day", rec_col_str(q, 11), "from_day",
	    stmt_col_text(q, 12), "duration_days", dc_int_or_null(q, 13),
	    "until_day", rec_col_str(q, 14), "end_day", end_day(q),
	    "due_day", rec_col_str(q, 15), "late", stmt_col_int(q, 16) != 0,
	    "channels", split_codes(stmt_col_text(q, 17)),
	    "note", rec_col_str(q, 18), "created_at", dc_time(q, 19),
	    "updated_at", dc_time(q, 20));
}

int
dc_disclosure_list(struct store *st, const struct actor *a,
    const struct dc_query *f, json_t **out, struct err *e)
{
	struct list_query lq;
	struct dc_filter c;
	int rc;

	*out = NULL;
	rc = dc_filter_init(st, &c, a, f, DISC_FROM, "x", e);
	dc_filter_text(&c, " AND x.group_code = ?", f->code);
	dc_filter_text(&c, " AND x.from_day >= ?", f->from);
	dc_filter_text(&c, " AND x.from_day <= ?", f->to);
	if (rc == 0) {
		lq = (struct list_query){ DISC_COLS, buf_cstr(&c.from),
		    "x.from_day DESC, x.id DESC", dc_filter_bind, &c,
		    disc_row, f->limit, f->offset, NULL, NULL, NULL };
		rc = list_run(st, &lq, out, e);
	}
	dc_filter_release(&c);
	return rc;
}

static int
fetch_disc(struct store *st, const struct actor *a, int64_t id, json_t **out,
    struct rec_owner *o, struct err *e)
{
	return dc_fetch(st, a, "SELECT " DISC_COLS DISC_FROM " WHERE x.id = ?",
	    id, disc_row, 3, out, o, "Không tìm thấy nội dung công khai.", e);
}

int
dc_disclosure_get(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct err *e)
{
	struct rec_owner o;
	json_t *d = NULL;
	int rc;

	rc = fetch_disc(st, a, id, &d, &o, e);
	*out = rc == 0 ? json_pack("{s:o}", "disclosure", d) : NULL;
	return rc;
}

/* A disclosure's values after merging an input over the current ones. */
struct disc_vals {
	const char	*group, *title, *document, *decision_day, *from_day;
	const char	*until_day, *note;
	int64_t		 duration;	/* 0: none */
	struct buf	 channels;	/* "a,b" */
	char		 due[CAL_DATE_LEN];
	bool		 late;
};

static int
check_channels(struct store *st, const struct dc_disclosure_input *in,
    struct buf *b, struct err *e)
{
	bool ok;
	int rc;

	if (in->nchannels < 1)
		return err_set(e, ERR_INVAL, "invalid_field", "channels",
		    "Cần ít nhất một hình thức công khai.");
	for (int i = 0; i < in->nchannels; i++) {
		rc = dc_code_exists(st, "dc_channels", in->channels[i], &ok, e);
		if (rc != 0)
			return rc;
		if (!ok)
			return err_set(e, ERR_INVAL, "invalid_field",
			    "channels", "Hình thức công khai không có trong"
			    " danh mục.");
		for (int k = 0; k < i; k++)
			if (strcmp(in->channels[k], in->channels[i]) == 0)
				return err_set(e, ERR_INVAL, "invalid_field",
				    "channels", "Hình thức công khai bị lặp.");
		if (i > 0)
			buf_add_str(b, ",");
		buf_add_str(b, in->channels[i]);
	}
	return 0;
}

static int
check_disc(struct store *st, struct disc_vals *v, struct err *e)
{
	bool ok;
	int rc;

	rc = dc_code_exists(st, "dc_disclosure_groups", v->group, &ok, e);
	if (rc == 0 && !ok)
		rc = err_set(e, ERR_INVAL, "invalid_field", "group", "Nhóm nội"
		    " dung không có trong danh mục nội dung phải công khai.");
	if (rc == 0)
		rc = dc_check_text(v->title, "title", "Nội dung công khai không"
		    " được để trống.", e);
	if (rc == 0)
		rc = dc_check_day(v->from_day, "from_day", true, e);
	if (rc == 0)
		rc = dc_check_day(v->decision_day, "decision_day", false, e);
	if (rc == 0)
		rc = dc_check_day(v->until_day, "until_day", false, e);
	if (rc == 0 && v->until_day != NULL && v->duration != 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "until_day", "Chỉ"
		    " ghi thời hạn công khai theo số ngày hoặc đến ngày, không"
		    " cả hai.");
	if (rc == 0 && v->until_day != NULL &&
	    strcmp(v->until_day, v->from_day) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "until_day",
		    "Ngày kết thúc công khai không được trước ngày bắt đầu.");
	if (rc == 0 && (v->duration < 0 || v->duration > 3650))
		rc = err_set(e, ERR_INVAL, "invalid_field", "duration_days",
		    "Thời hạn công khai phải từ 1 đến 3650 ngày.");
	v->due[0] = '\0';
	v->late = false;
	if (rc == 0 && v->decision_day != NULL) {
		rc = deadline_due(st, "R-DC-05", v->decision_day, CX_NORMAL,
		    false, v->due, e);
		v->late = rc == 0 && strcmp(v->from_day, v->due) > 0;
	}
	return rc;
}

/* Binds group_code .. late (10 values) from i. */
static int
bind_disc(struct stmt *q, int i, const struct disc_vals *v, struct err *e)
{
	char *fold = NULL;

	if (text_fold(v->title, &fold) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "title",
		    "Nội dung công khai không hợp lệ.");
	stmt_bind_text(q, i++, v->group);
	stmt_bind_text(q, i++, v->title);
	stmt_bind_text(q, i++, fold);
	free(fold);
	stmt_bind_text(q, i++, v->document);
	stmt_bind_text(q, i++, v->decision_day);
	stmt_bind_text(q, i++, v->from_day);
	if (v->duration != 0)
		stmt_bind_int(q, i++, v->duration);
	else
		stmt_bind_null(q, i++);
	stmt_bind_text(q, i++, v->until_day);
	stmt_bind_text(q, i++, v->due[0] != '\0' ? v->due : NULL);
	stmt_bind_int(q, i++, v->late ? 1 : 0);
	stmt_bind_text(q, i++, buf_cstr(&v->channels));
	stmt_bind_text(q, i, v->note);
	return 0;
}

int
dc_disclosure_create(struct store *st, const struct actor *a,
    const struct dc_disclosure_input *in, json_t **out, struct err *e)
{
	struct disc_vals v = { in->group, in->title, rec_opt(in->document),
	    rec_opt(in->decision_day), in->from_day, rec_opt(in->until_day),
	    rec_opt(in->note), in->has_duration_days ? in->duration_days : 0,
	    { 0 }, "", false };
	struct rec_owner own, o2;
	struct stmt *q = NULL;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	buf_init(&v.channels, 1024);
	rc = rec_check_writer(a, "dữ liệu dân chủ ở cơ sở", e);
	if (rc == 0 && !in->has_org_id)
		rc = err_set(e, ERR_INVAL, "missing_field", "org_id",
		    "Thiếu trường bắt buộc \"org_id\".");
	if (rc == 0)
		rc = dc_org_owner(st, a, in->org_id, false, &own, e);
	if (rc == 0 && in->has_duration_days && in->duration_days < 1)
		rc = err_set(e, ERR_INVAL, "invalid_field", "duration_days",
		    "Thời hạn công khai phải từ 1 đến 3650 ngày.");
	if (rc == 0)
		rc = check_channels(st, in, &v.channels, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0) {
		buf_release(&v.channels);
		return rc;
	}
	rc = check_disc(st, &v, e);
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO dc_disclosures (org_id,"
		    " unit_structure, unit_code, unit_path, group_code, title,"
		    " title_fold, document, decision_day, from_day,"
		    " duration_days, until_day, due_day, late, channels, note,"
		    " created_by, created_at, updated_at) VALUES (?, ?, ?, ?,"
		    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		    &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		rc = bind_disc(q, 5, &v, e);
		rec_bind_creator(q, 17, a);
		stmt_bind_int(q, 18, now);
		stmt_bind_int(q, 19, now);
		if (rc == 0)
			rc = stmt_step_id(q, &id, e);
		else
			stmt_finalize(q);
	}
	buf_release(&v.channels);
	if (rc == 0)
		rc = fetch_disc(st, a, id, out, &o2, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "dc_disclosure", id, &own, NULL,
		    *out, e);
	return rec_finish(st, rc, out, e);
}

const char *
dc_merge(const char *in, json_t *before, const char *key)
{
	return in != NULL ? rec_opt(in) : rec_member(before, key);
}

int
dc_disclosure_update(struct store *st, const struct actor *a, int64_t id,
    const struct dc_disclosure_input *in, json_t **out, struct err *e)
{
	struct disc_vals v;
	json_t *before = NULL, *ch;
	struct rec_owner o;
	struct stmt *q;
	size_t i;
	int rc;

	*out = NULL;
	if (in->has_org_id)
		return err_set(e, ERR_INVAL, "unknown_field", "org_id",
		    "Không thể đổi tổ chức của nội dung công khai.");
	memset(&v, 0, sizeof(v));
	buf_init(&v.channels, 1024);
	rc = store_begin_write(st, e);
	if (rc == 0)
		rc = fetch_disc(st, a, id, &before, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, "dữ liệu dân chủ ở cơ sở", e);
	if (rc == 0 && in->has_channels)
		rc = check_channels(st, in, &v.channels, e);
	if (rc != 0)
		goto out;
	if (!in->has_channels) {
		json_array_foreach(json_object_get(before, "channels"), i, ch) {
			if (i > 0)
				buf_add_str(&v.channels, ",");
			buf_add_str(&v.channels, json_string_value(ch));
		}
	}
	v.group = in->group != NULL ? in->group :
	    json_string_value(json_object_get(json_object_get(before, "group"),
	    "code"));
	v.title = in->title != NULL ? in->title : rec_member(before, "title");
	v.document = dc_merge(in->document, before, "document");
	v.decision_day = dc_merge(in->decision_day, before, "decision_day");
	v.from_day = in->from_day != NULL ? in->from_day :
	    rec_member(before, "from_day");
	v.until_day = dc_merge(in->until_day, before, "until_day");
	v.note = dc_merge(in->note, before, "note");
	v.duration = in->has_duration_days ? in->duration_days :
	    rec_imember(before, "duration_days");
	if (in->has_duration_days && in->duration_days < 1)
		v.duration = -1;
	/* A new length of one kind replaces the other. */
	if (in->has_duration_days && in->until_day == NULL)
		v.until_day = NULL;
	if (in->until_day != NULL && !in->has_duration_days)
		v.duration = 0;
	rc = check_disc(st, &v, e);
	if (rc == 0)
		rc = store_prepare(st, "UPDATE dc_disclosures SET group_code ="
		    " ?, title = ?, title_fold = ?, document = ?, decision_day"
		    " = ?, from_day = ?, duration_days = ?, until_day = ?,"
		    " due_day = ?, late = ?, channels = ?, note = ?, updated_at"
		    " = ? WHERE id = ?", &q, e);
	if (rc == 0) {
		rc = bind_disc(q, 1, &v, e);
		stmt_bind_int(q, 13, clock_now());
		stmt_bind_int(q, 14, id);
		if (rc == 0)
			rc = stmt_step_done(q, e);
		else
			stmt_finalize(q);
	}
	if (rc == 0)
		rc = fetch_disc(st, a, id, out, &o, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "dc_disclosure", id, &o, before,
		    *out, e);
out:
	buf_release(&v.channels);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

static json_t *
compliance_row(struct stmt *q)
{
	int64_t n = stmt_col_int(q, 5);

	return json_pack("{s:s, s:s, s:b, s:s, s:I, s:I, s:b}", "code",
	    stmt_col_text(q, 0), "name", stmt_col_text(q, 1), "required",
	    stmt_col_int(q, 2) != 0, "status", stmt_col_text(q, 3), "items",
	    (json_int_t)n, "late", (json_int_t)stmt_col_int(q, 4),
	    "disclosed", n > 0);
}

int
dc_compliance(struct store *st, const struct actor *a, int structure,
    const char *unit, int64_t year, json_t **out, struct err *e)
{
	char from[CAL_DATE_LEN], to[CAL_DATE_LEN];
	struct unit_info info;
	json_int_t req = 0, done = 0;
	bool inside = false;
	json_t *groups, *g;
	struct stmt *q;
	size_t i;
	int rc;

	*out = NULL;
	if (unit == NULL)
		return err_set(e, ERR_INVAL, "invalid_param", "unit",
		    "Cần chọn một xã, phường (tham số unit).");
	if (unit_lookup(st, structure, unit, &info, e) != 0 ||
	    strcmp(info.level, "commune") != 0)
		return err_set(e, ERR_INVAL, "invalid_param", "unit",
		    "Đơn vị phải là một xã, phường.");
	rc = actor_in_scope(st, a, structure, unit, &inside, e);
	if (rc != 0)
		return rc;
	if (!inside)
		return err_set(e, ERR_PERM, "forbidden", "unit",
		    "Đơn vị nằm ngoài phạm vi quản lý của bạn.");
	snprintf(from, sizeof(from), "%04d-01-01", (int)year);
	snprintf(to, sizeof(to), "%04d-12-31", (int)year);
	rc = store_prepare(st, "SELECT g.code, g.name, g.required, g.status,"
	    " COALESCE(SUM(d.late), 0), COUNT(d.id) FROM dc_disclosure_groups"
	    " g LEFT JOIN dc_disclosures d ON d.group_code = g.code AND"
	    " d.unit_structure = ? AND d.unit_code = ? AND d.from_day >= ? AND"
	    " d.from_day <= ? GROUP BY g.code, g.name, g.required, g.status,"
	    " g.sort ORDER BY g.sort, g.code", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, structure);
	stmt_bind_text(q, 2, info.code);
	stmt_bind_text(q, 3, from);
	stmt_bind_text(q, 4, to);
	rc = rec_collect(q, compliance_row, &groups, e);
	if (rc != 0)
		return rc;
	json_array_foreach(groups, i, g) {
		if (!json_is_true(json_object_get(g, "required")))
			continue;
		req++;
		if (json_is_true(json_object_get(g, "disclosed")))
			done++;
	}
	*out = json_pack("{s:{s:i, s:s, s:s}, s:I, s:I, s:I, s:o}", "unit",
	    "structure", structure, "code", info.code, "name", info.name,
	    "year", (json_int_t)year, "required", req, "disclosed", done,
	    "groups", groups);
	return 0;
}
