/*
 * democracy_vote.c - consultations and resident votes per village or for
 * the whole commune, with the outcome computed when read from the rule row
 * of the matter (P-DC-23, see democracy.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/err.h"
#include "domain/deadline.h"
#include "domain/democracy_int.h"
#include "domain/list.h"
#include "store/store.h"

/* ---- votes ----------------------------------------------------------- */

#define VOTE_COLS							\
	"x.id, x.org_id, o.name, x.unit_structure, x.unit_code,"	\
	" x.unit_path, n.name, x.village_id, v.name, x.matter, m.name,"	\
	" x.form, x.subject, x.day, x.total_households, x.present, x.yes,"	\
	" x.no, x.abstain, x.note, r.rule_id, r.basis, r.num, r.den,"	\
	" r.strict, x.created_at, x.updated_at, x.posted_day,"		\
	" x.sent_day, x.notice_day, x.recognized_day, x.action,"	\
	" x.consent_day"
#define VOTE_FROM							\
	" FROM dc_votes x JOIN organizations o ON o.id = x.org_id"	\
	" JOIN units n ON n.structure = x.unit_structure AND n.code ="	\
	" x.unit_code JOIN dc_matters m ON m.code = x.matter LEFT JOIN"	\
	" dc_villages v ON v.id = x.village_id LEFT JOIN dc_vote_rules r"	\
	" ON r.matter = x.matter"

static json_t *
outcome_json(struct stmt *q, const struct dc_tally *t)
{
	struct dc_rule r, *rp = NULL;
	enum dc_outcome oc;
	int64_t base, needed;
	char frac[48];
	json_t *rule = json_null();

	if (!stmt_col_is_null(q, 20)) {
		memset(&r, 0, sizeof(r));
		snprintf(r.id, sizeof(r.id), "%s", stmt_col_text(q, 20));
		r.basis = strcmp(stmt_col_text(q, 21), "present") == 0 ?
		    DC_BASIS_PRESENT : DC_BASIS_TOTAL;
		r.num = stmt_col_int(q, 22);
		r.den = stmt_col_int(q, 23);
		r.strict = stmt_col_int(q, 24) != 0;
		rp = &r;
		json_decref(rule);
		rule = json_pack("{s:s, s:s, s:I, s:I, s:b, s:o}", "id", r.id,
		    "basis", stmt_col_text(q, 21), "num", (json_int_t)r.num,
		    "den", (json_int_t)r.den, "strict", r.strict, "label",
		    dc_rule_label(stmt_col_text(q, 21), r.num, r.den, r.strict));
	}
	oc = dc_vote_outcome(rp, t, &base, &needed);
	if (oc == DC_NOT_APPLICABLE)
		return json_pack("{s:s, s:o, s:n, s:n, s:n}", "result",
		    dc_outcome_name(oc), "rule", rule, "base", "needed",
		    "fraction");
	snprintf(frac, sizeof(frac), "%lld/%lld", (long long)t->yes,
	    (long long)base);
	return json_pack("{s:s, s:o, s:I, s:I, s:s}", "result",
	    dc_outcome_name(oc), "rule", rule, "base", (json_int_t)base,
	    "needed", (json_int_t)needed, "fraction", frac);
}

static json_t *
vote_row(struct stmt *q)
{
	struct dc_tally t = { stmt_col_int(q, 14), stmt_col_int(q, 15),
	    stmt_col_int(q, 16), stmt_col_int(q, 17), stmt_col_int(q, 18) };
	json_t *village = stmt_col_is_null(q, 7) ? json_null() :
	    json_pack("{s:I, s:s}", "id", (json_int_t)stmt_col_int(q, 7),
	    "name", stmt_col_text(q, 8));

	json_t *o;

	o = json_pack("{s:I, s:{s:I, s:s}, s:o, s:o, s:s, s:s, s:s, s:s,"
	    " s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:o, s:o}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", "id", (json_int_t)stmt_col_int(q, 1), "name",
	    stmt_col_text(q, 2), "unit", dc_unit_json(q, 3),
	    "village", village, "scope", stmt_col_is_null(q, 7) ? "commune" :
	    "village", "matter", stmt_col_text(q, 9), "matter_name",
	    stmt_col_text(q, 10), "form", stmt_col_text(q, 11), "subject",
	    stmt_col_text(q, 12), "day", stmt_col_text(q, 13),
	    "total_households", (json_int_t)t.total, "present",
	    (json_int_t)t.present, "yes", (json_int_t)t.yes, "no",
	    (json_int_t)t.no, "abstain", (json_int_t)t.abstain,
	    "note", rec_col_str(q, 19), "outcome", outcome_json(q, &t),
	    "created_at", dc_time(q, 25), "updated_at", dc_time(q, 26));
	if (o != NULL)
		json_object_update_new(o, json_pack("{s:o, s:o, s:o, s:o, s:o,"
		    " s:o}", "posted_day", rec_col_str(q, 27), "sent_day",
		    rec_col_str(q, 28), "notice_day", rec_col_str(q, 29),
		    "recognized_day", rec_col_str(q, 30), "action",
		    rec_col_str(q, 31), "consent_day", rec_col_str(q, 32)));
	return o;
}

/* ---- the checks of the days (R-DC-18, R-DC-20, R-DC-22) --------------- */

/* "dd/mm/yyyy" of a valid "YYYY-MM-DD". */
static const char *
day_vi(const char *iso, char out[CAL_DATE_LEN])
{
	cal_day d;

	if (cal_parse(iso, &d) != 0)
		return iso;
	cal_format_vi(d, out);
	return out;
}

/*
 * The first day an event may take place when rule asks for a minimum
 * period after from: from + amount calendar days, not moved to a working
 * day (the period only has to have passed), or the amount-th working day
 * when the row counts working days.
 */
static int
min_day(struct store *st, const char *rule, const char *from,
    char out[CAL_DATE_LEN], int *amount, struct err *e)
{
	struct deadline_rule r;
	cal_day d;
	int rc;

	rc = deadline_rule_get(st, rule, &r, e);
	if (rc != 0)
		return rc;
	*amount = r.amount;
	if (r.unit == CAL_WORKING_DAYS)
		return deadline_due(st, rule, from, CX_NORMAL, false, out, e);
	if (cal_parse(from, &d) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "start", "Ngày"
		    " không hợp lệ (YYYY-MM-DD).");
	cal_format(d + r.amount, out);
	return 0;
}

static void
violation(json_t *w, const char *rule, const char *check, const char *msg)
{
	json_array_append_new(w, json_pack("{s:s, s:s, s:s}", "rule", rule,
	    "check", check, "message", msg));
}

/* The first election of a village head in the village (or the whole
 * commune) of v on or after from, other than v; "" when none. */
static int
next_election(struct store *st, json_t *v, const char *from,
    char out[CAL_DATE_LEN], struct err *e)
{
	json_t *u = json_object_get(v, "unit");
	json_t *vl = json_object_get(v, "village");
	struct stmt *q;
	int rc;

	out[0] = '\0';
	rc = store_prepare(st, "SELECT MIN(day) FROM dc_votes WHERE"
	    " unit_structure = ? AND unit_code = ? AND matter = 'village_head'"
	    " AND action = 'elect' AND id <> ? AND day >= ? AND"
	    " COALESCE(village_id, 0) = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, rec_imember(u, "structure"));
	stmt_bind_text(q, 2, rec_member(u, "code"));
	stmt_bind_int(q, 3, rec_imember(v, "id"));
	stmt_bind_text(q, 4, from);
	stmt_bind_int(q, 5, json_is_object(vl) ? rec_imember(vl, "id") : 0);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW && !stmt_col_is_null(q, 0))
		snprintf(out, CAL_DATE_LEN, "%s", stmt_col_text(q, 0));
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

/* R-DC-18: the draft posted long enough before the vote, the recognition
 * dossier of an adopted convention sent in time. */
static int
check_convention(struct store *st, json_t *v, const char *today,
    json_t *w, struct err *e)
{
	const char *day = rec_member(v, "day");
	const char *posted = rec_member(v, "posted_day");
	const char *sent = rec_member(v, "sent_day");
	const char *res = rec_member(json_object_get(v, "outcome"), "result");
	char d[CAL_DATE_LEN], a[CAL_DATE_LEN], b[CAL_DATE_LEN];
	char c[CAL_DATE_LEN], m[400];
	bool late;
	int n, rc = 0;

	if (posted != NULL)
		rc = min_day(st, "R-DC-18", posted, d, &n, e);
	if (rc != 0)
		return rc;
	if (posted != NULL) {
		json_object_set_new(v, "posting_min_day", json_string(d));
		snprintf(m, sizeof(m), "Dự thảo hương ước, quy ước niêm yết"
		    " từ ngày %s, chưa đủ %d ngày trước ngày biểu quyết %s"
		    " (biểu quyết sớm nhất ngày %s).", day_vi(posted, a), n,
		    day_vi(day, b), day_vi(d, c));
		if (strcmp(day, d) < 0)
			violation(w, "R-DC-18", "posting", m);
	}
	if (res == NULL || strcmp(res, "passed") != 0)
		return 0;
	rc = deadline_due(st, "R-DC-18-hs", day, CX_NORMAL, false, d, e);
	if (rc != 0)
		return rc;
	late = sent != NULL ? strcmp(sent, d) > 0 : strcmp(today, d) > 0;
	json_object_set_new(v, "dossier_due", json_string(d));
	json_object_set_new(v, "dossier_late", json_boolean(late));
	if (late && sent != NULL)
		snprintf(m, sizeof(m), "Hồ sơ đề nghị công nhận hương ước, quy"
		    " ước gửi UBND xã ngày %s, quá hạn ngày %s.",
		    day_vi(sent, a), day_vi(d, b));
	else if (late)
		snprintf(m, sizeof(m), "Chưa gửi hồ sơ đề nghị công nhận hương"
		    " ước, quy ước đến UBND xã; hạn gửi ngày %s.",
		    day_vi(d, b));
	if (late)
		violation(w, "R-DC-18", "dossier", m);
	return 0;
}

/* R-DC-20: a new election within the period after the recognition of a
 * village head's dismissal. */
static int
check_dismissal(struct store *st, json_t *v, const char *today,
    json_t *w, struct err *e)
{
	const char *rec = rec_member(v, "recognized_day");
	const char *res = rec_member(json_object_get(v, "outcome"), "result");
	const char *act = rec_member(v, "action");
	char d[CAL_DATE_LEN], el[CAL_DATE_LEN], a[CAL_DATE_LEN], m[400];
	bool over;
	int rc;

	if (rec == NULL || act == NULL || strcmp(act, "dismiss") != 0 ||
	    strcmp(rec_member(v, "matter"), "village_head") != 0 ||
	    res == NULL || strcmp(res, "passed") != 0)
		return 0;
	rc = deadline_due(st, "R-DC-20", rec, CX_NORMAL, false, d, e);
	if (rc == 0)
		rc = next_election(st, v, rec, el, e);
	if (rc != 0)
		return rc;
	over = el[0] != '\0' ? strcmp(el, d) > 0 : strcmp(today, d) > 0;
	json_object_set_new(v, "election_due", json_string(d));
	json_object_set_new(v, "election_day", el[0] != '\0' ?
	    json_string(el) : json_null());
	json_object_set_new(v, "election_overdue", json_boolean(over));
	if (over && el[0] != '\0')
		snprintf(m, sizeof(m), "Bầu trưởng thôn, tổ trưởng tổ dân phố"
		    " mới ngày %s, quá hạn ngày %s.", day_vi(el, a),
		    day_vi(d, d));
	else if (over)
		snprintf(m, sizeof(m), "Chưa tổ chức bầu trưởng thôn, tổ trưởng"
		    " tổ dân phố mới; hạn ngày %s.", day_vi(d, d));
	if (over)
		violation(w, "R-DC-20", "election", m);
	return 0;
}

/* R-DC-21: the households' consents to an initiative, collected from
 * consent_day, are still valid on the vote day. */
static int
check_consent(struct store *st, json_t *v, json_t *w, struct err *e)
{
	const char *from = rec_member(v, "consent_day");
	const char *day = rec_member(v, "day");
	char u[DC_DAY_LEN], a[CAL_DATE_LEN], b[CAL_DATE_LEN];
	char c[CAL_DATE_LEN], m[400];
	struct stmt *q;
	int64_t months = 0;
	int rc;

	if (from == NULL)
		return 0;
	rc = store_prepare(st, "SELECT months FROM dc_period_rules WHERE id"
	    " = 'R-DC-21'", &q, e);
	if (rc != 0)
		return rc;
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		months = stmt_col_int(q, 0);
	stmt_finalize(q);
	if (rc != STEP_ROW || dc_add_months(from, (int)months, u) != 0)
		return rc < 0 ? rc : 0;
	json_object_set_new(v, "consent_valid_until", json_string(u));
	if (strcmp(day, u) <= 0)
		return 0;
	snprintf(m, sizeof(m), "Ý kiến đồng ý của hộ gia đình thu thập từ"
	    " ngày %s chỉ có giá trị %lld tháng (đến ngày %s), đã hết hạn vào"
	    " ngày biểu quyết %s.", day_vi(from, a), (long long)months,
	    day_vi(u, b), day_vi(day, c));
	violation(w, "R-DC-21", "consent", m);
	return 0;
}

/* Add the computed days and the violations to the vote v. */
static int
vote_checks(struct store *st, json_t *v, struct err *e)
{
	const char *day = rec_member(v, "day");
	const char *notice = rec_member(v, "notice_day");
	char today[CAL_DATE_LEN], d[CAL_DATE_LEN], a[CAL_DATE_LEN];
	char c[CAL_DATE_LEN], m[400];
	json_t *w = json_array();
	int n, rc = 0;

	cal_format(cal_today(), today);
	json_object_set_new(v, "posting_min_day", json_null());
	json_object_set_new(v, "notice_min_day", json_null());
	json_object_set_new(v, "dossier_due", json_null());
	json_object_set_new(v, "dossier_late", json_null());
	json_object_set_new(v, "election_due", json_null());
	json_object_set_new(v, "election_day", json_null());
	json_object_set_new(v, "election_overdue", json_null());
	json_object_set_new(v, "consent_valid_until", json_null());
	json_object_set_new(v, "violations", w);
	if (notice != NULL)
		rc = min_day(st, "R-DC-22", notice, d, &n, e);
	if (rc == 0 && notice != NULL) {
		json_object_set_new(v, "notice_min_day", json_string(d));
		snprintf(m, sizeof(m), "Thông báo hội nghị đến hộ gia đình"
		    " ngày %s, chưa đủ %d ngày trước ngày họp (họp sớm nhất"
		    " ngày %s).", day_vi(notice, a), n, day_vi(d, c));
		if (strcmp(day, d) < 0)
			violation(w, "R-DC-22", "notice", m);
	}
	if (rc == 0 && strcmp(rec_member(v, "matter"), "convention") == 0)
		rc = check_convention(st, v, today, w, e);
	if (rc == 0)
		rc = check_dismissal(st, v, today, w, e);
	if (rc == 0)
		rc = check_consent(st, v, w, e);
	return rc;
}

/* vote_checks on each item of a list. */
static int
list_checks(struct store *st, json_t *list, struct err *e)
{
	json_t *it;
	size_t i;
	int rc = 0;

	json_array_foreach(json_object_get(list, "items"), i, it) {
		rc = vote_checks(st, it, e);
		if (rc != 0)
			break;
	}
	return rc;
}

int
dc_vote_list(struct store *st, const struct actor *a,
    const struct dc_query *f, json_t **out, struct err *e)
{
	struct list_query lq;
	struct dc_filter c;
	int rc;

	*out = NULL;
	rc = dc_filter_init(st, &c, a, f, VOTE_FROM, "x", e);
	if (f->village_id != 0)
		dc_filter_int(&c, " AND x.village_id = ?", f->village_id);
	dc_filter_text(&c, " AND x.matter = ?", f->code);
	dc_filter_text(&c, " AND x.day >= ?", f->from);
	dc_filter_text(&c, " AND x.day <= ?", f->to);
	if (rc == 0) {
		lq = (struct list_query){ VOTE_COLS, buf_cstr(&c.from),
		    "x.day DESC, x.id DESC", dc_filter_bind, &c, vote_row,
		    f->limit, f->offset, NULL, NULL, NULL };
		rc = list_run(st, &lq, out, e);
	}
	dc_filter_release(&c);
	if (rc == 0)
		rc = list_checks(st, *out, e);
	if (rc != 0) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

static int
fetch_vote(struct store *st, const struct actor *a, int64_t id, json_t **out,
    struct rec_owner *o, struct err *e)
{
	int rc;

	rc = dc_fetch(st, a, "SELECT " VOTE_COLS VOTE_FROM " WHERE x.id = ?",
	    id, vote_row, 3, out, o, "Không tìm thấy cuộc biểu quyết, lấy ý"
	    " kiến.", e);
	if (rc == 0)
		rc = vote_checks(st, *out, e);
	if (rc != 0) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int
dc_vote_get(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct err *e)
{
	struct rec_owner o;
	json_t *v = NULL;
	int rc;

	rc = fetch_vote(st, a, id, &v, &o, e);
	*out = rc == 0 ? json_pack("{s:o}", "vote", v) : NULL;
	return rc;
}

struct vote_vals {
	int64_t		 village;	/* 0: whole commune */
	const char	*matter, *form, *subject, *day, *note;
	struct dc_tally	 t;
	bool		 has_total;
	const char	*posted, *sent, *notice, *recognized, *action;
	const char	*consent;
};

/* The days of R-DC-18, 20 and 22 and the action, each where it belongs. */
static int
check_vote_days(const struct vote_vals *v, struct err *e)
{
	static const char *const actions[] = { "elect", "dismiss", NULL };
	bool conv = strcmp(v->matter, "convention") == 0;
	bool elect = strcmp(v->matter, "village_head") == 0 ||
	    strcmp(v->matter, "board_members") == 0;
	int rc;

	rc = dc_check_day(v->posted, "posted_day", false, e);
	if (rc == 0)
		rc = dc_check_day(v->sent, "sent_day", false, e);
	if (rc == 0)
		rc = dc_check_day(v->notice, "notice_day", false, e);
	if (rc == 0)
		rc = dc_check_day(v->recognized, "recognized_day", false, e);
	if (rc == 0)
		rc = dc_check_day(v->consent, "consent_day", false, e);
	if (rc != 0)
		return rc;
	if (v->consent != NULL && strcmp(v->matter, "initiative") != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "consent_day",
		    "Ngày thu thập ý kiến đồng ý chỉ dùng cho sáng kiến của"
		    " công dân (R-DC-21).");
	if (v->consent != NULL && strcmp(v->consent, v->day) > 0)
		return err_set(e, ERR_INVAL, "invalid_field", "consent_day",
		    "Ngày thu thập ý kiến đồng ý không được sau ngày biểu"
		    " quyết.");
	if (!conv && (v->posted != NULL || v->sent != NULL))
		return err_set(e, ERR_INVAL, "invalid_field", v->posted != NULL ?
		    "posted_day" : "sent_day", "Ngày niêm yết dự thảo và ngày"
		    " gửi hồ sơ công nhận chỉ dùng cho hương ước, quy ước"
		    " (R-DC-18).");
	if (v->posted != NULL && strcmp(v->posted, v->day) > 0)
		return err_set(e, ERR_INVAL, "invalid_field", "posted_day",
		    "Ngày niêm yết dự thảo không được sau ngày biểu quyết.");
	if (v->sent != NULL && strcmp(v->sent, v->day) < 0)
		return err_set(e, ERR_INVAL, "invalid_field", "sent_day",
		    "Ngày gửi hồ sơ không được trước ngày biểu quyết.");
	if (v->notice != NULL && strcmp(v->form, "meeting") != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "notice_day",
		    "Ngày thông báo chỉ dùng cho hội nghị (R-DC-22).");
	if (v->notice != NULL && strcmp(v->notice, v->day) > 0)
		return err_set(e, ERR_INVAL, "invalid_field", "notice_day",
		    "Ngày thông báo không được sau ngày họp.");
	if (v->recognized != NULL && strcmp(v->recognized, v->day) < 0)
		return err_set(e, ERR_INVAL, "invalid_field", "recognized_day",
		    "Ngày công nhận không được trước ngày biểu quyết.");
	if (v->action != NULL && (!elect || rec_index_of(actions,
	    v->action) < 0))
		return err_set(e, ERR_INVAL, "invalid_field", "action",
		    "action là elect (bầu) hoặc dismiss (cho thôi làm), chỉ cho"
		    " việc bầu, cho thôi làm trưởng thôn, thành viên ban.");
	return 0;
}

/* The households of the whole commune: its villages together. */
static int
commune_households(struct store *st, const struct rec_owner *o, int64_t *n,
    struct err *e)
{
	struct stmt *q;
	int rc;

	*n = 0;
	rc = store_prepare(st, "SELECT COALESCE(SUM(households), 0) FROM"
	    " dc_villages WHERE unit_structure = ? AND unit_code = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, o->structure);
	stmt_bind_text(q, 2, o->code);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		*n = stmt_col_int(q, 0);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static int
check_vote(struct store *st, const struct rec_owner *o, struct vote_vals *v,
    struct err *e)
{
	const char *bad;
	int64_t hh = 0;
	bool ok;
	int rc;

	rc = dc_code_exists(st, "dc_matters", v->matter, &ok, e);
	if (rc == 0 && !ok)
		rc = err_set(e, ERR_INVAL, "invalid_field", "matter", "Nội dung"
		    " biểu quyết không có trong danh mục.");
	if (rc == 0 && rec_index_of(dc_vote_forms, v->form) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "form", "Hình thức"
		    " phải là meeting (hội nghị), ballot (phát phiếu) hoặc"
		    " online (trực tuyến).");
	if (rc == 0)
		rc = dc_check_text(v->subject, "subject", "Nội dung cuộc biểu"
		    " quyết, lấy ý kiến không được để trống.", e);
	if (rc == 0)
		rc = dc_check_day(v->day, "day", true, e);
	if (rc == 0)
		rc = check_vote_days(v, e);
	if (rc == 0 && v->village == 0 && strcmp(v->form, "meeting") == 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "village_id",
		    "Hội nghị cộng đồng được tổ chức ở thôn, tổ dân phố; lấy ý"
		    " kiến toàn xã bằng phát phiếu hoặc trực tuyến (R-DC-12).");
	if (rc == 0 && v->village != 0)
		rc = dc_village_of(st, v->village, o, "village_id", &hh, e);
	else if (rc == 0)
		rc = commune_households(st, o, &hh, e);
	if (rc != 0)
		return rc;
	if (!v->has_total)
		v->t.total = hh;
	bad = dc_tally_check(&v->t);
	if (bad != NULL && strcmp(bad, "total_households") == 0)
		return err_set(e, ERR_INVAL, "invalid_field", bad, "Tổng số hộ"
		    " gia đình của thôn, tổ dân phố (hoặc của xã) phải từ 1 đến"
		    " %d.", DC_COUNT_MAX);
	if (bad != NULL && strcmp(bad, "present") == 0)
		return err_set(e, ERR_INVAL, "invalid_field", bad, "Số đại"
		    " diện hộ gia đình tham dự không được vượt tổng số hộ.");
	if (bad != NULL)
		return err_set(e, ERR_INVAL, "invalid_field", bad, "Số phiếu"
		    " tán thành, không tán thành và không biểu quyết cộng lại"
		    " không được vượt số đại diện hộ tham dự.");
	return 0;
}

static void
bind_vote(struct stmt *q, int i, const struct vote_vals *v)
{
	if (v->village != 0)
		stmt_bind_int(q, i++, v->village);
	else
		stmt_bind_null(q, i++);
	stmt_bind_text(q, i++, v->matter);
	stmt_bind_text(q, i++, v->form);
	stmt_bind_text(q, i++, v->subject);
	stmt_bind_text(q, i++, v->day);
	stmt_bind_int(q, i++, v->t.total);
	stmt_bind_int(q, i++, v->t.present);
	stmt_bind_int(q, i++, v->t.yes);
	stmt_bind_int(q, i++, v->t.no);
	stmt_bind_int(q, i++, v->t.abstain);
	stmt_bind_text(q, i++, v->note);
	stmt_bind_text(q, i++, v->posted);
	stmt_bind_text(q, i++, v->sent);
	stmt_bind_text(q, i++, v->notice);
	stmt_bind_text(q, i++, v->recognized);
	stmt_bind_text(q, i++, v->action);
	stmt_bind_text(q, i, v->consent);
}

int
dc_vote_create(struct store *st, const struct actor *a,
    const struct dc_vote_input *in, json_t **out, struct err *e)
{
	struct vote_vals v = { in->has_village_id ? in->village_id : 0,
	    in->matter, in->form, in->subject, in->day, rec_opt(in->note),
	    { in->total_households, in->present, in->yes, in->no,
	    in->abstain }, in->has_total_households, rec_opt(in->posted_day),
	    rec_opt(in->sent_day), rec_opt(in->notice_day),
	    rec_opt(in->recognized_day), rec_opt(in->action),
	    rec_opt(in->consent_day) };
	struct rec_owner own, o2;
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = rec_check_writer(a, "dữ liệu dân chủ ở cơ sở", e);
	if (rc == 0 && !in->has_org_id)
		rc = err_set(e, ERR_INVAL, "missing_field", "org_id",
		    "Thiếu trường bắt buộc \"org_id\".");
	if (rc == 0 && !in->has_present)
		rc = err_set(e, ERR_INVAL, "missing_field", "present",
		    "Thiếu số đại diện hộ gia đình tham dự (present).");
	if (rc == 0)
		rc = dc_org_owner(st, a, in->org_id, false, &own, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = check_vote(st, &own, &v, e);
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO dc_votes (org_id,"
		    " unit_structure, unit_code, unit_path, village_id, matter,"
		    " form, subject, day, total_households, present, yes, no,"
		    " abstain, note, posted_day, sent_day, notice_day,"
		    " recognized_day, action, consent_day, created_by,"
		    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
		    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
		    " RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		bind_vote(q, 5, &v);
		rec_bind_creator(q, 22, a);
		stmt_bind_int(q, 23, now);
		stmt_bind_int(q, 24, now);
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_vote(st, a, id, out, &o2, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "dc_vote", id, &own, NULL, *out,
		    e);
	return rec_finish(st, rc, out, e);
}

int
dc_vote_update(struct store *st, const struct actor *a, int64_t id,
    const struct dc_vote_input *in, json_t **out, struct err *e)
{
	struct vote_vals v;
	json_t *before = NULL, *vl;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	*out = NULL;
	if (in->has_org_id)
		return err_set(e, ERR_INVAL, "unknown_field", "org_id",
		    "Không thể đổi tổ chức của cuộc biểu quyết.");
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_vote(st, a, id, &before, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, "dữ liệu dân chủ ở cơ sở", e);
	if (rc != 0) {
		json_decref(before);
		return rec_finish(st, rc, out, e);
	}
	vl = json_object_get(before, "village");
	v.village = in->has_village_id ? in->village_id :
	    rec_imember(vl, "id");
	v.matter = in->matter != NULL ? in->matter : rec_member(before,
	    "matter");
	v.form = in->form != NULL ? in->form : rec_member(before, "form");
	v.subject = in->subject != NULL ? in->subject : rec_member(before,
	    "subject");
	v.day = in->day != NULL ? in->day : rec_member(before, "day");
	v.note = dc_merge(in->note, before, "note");
	v.posted = dc_merge(in->posted_day, before, "posted_day");
	v.sent = dc_merge(in->sent_day, before, "sent_day");
	v.notice = dc_merge(in->notice_day, before, "notice_day");
	v.recognized = dc_merge(in->recognized_day, before,
	    "recognized_day");
	v.action = dc_merge(in->action, before, "action");
	v.consent = dc_merge(in->consent_day, before, "consent_day");
	v.t.total = in->has_total_households ? in->total_households :
	    rec_imember(before, "total_households");
	v.has_total = true;
	v.t.present = in->has_present ? in->present : rec_imember(before,
	    "present");
	v.t.yes = in->has_yes ? in->yes : rec_imember(before, "yes");
	v.t.no = in->has_no ? in->no : rec_imember(before, "no");
	v.t.abstain = in->has_abstain ? in->abstain : rec_imember(before,
	    "abstain");
	rc = check_vote(st, &o, &v, e);
	if (rc == 0)
		rc = store_prepare(st, "UPDATE dc_votes SET village_id = ?,"
		    " matter = ?, form = ?, subject = ?, day = ?,"
		    " total_households = ?, present = ?, yes = ?, no = ?,"
		    " abstain = ?, note = ?, posted_day = ?, sent_day = ?,"
		    " notice_day = ?, recognized_day = ?, action = ?,"
		    " consent_day = ?, updated_at = ? WHERE id = ?", &q, e);
	if (rc == 0) {
		bind_vote(q, 1, &v);
		stmt_bind_int(q, 18, clock_now());
		stmt_bind_int(q, 19, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = fetch_vote(st, a, id, out, &o, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "dc_vote", id, &o, before, *out,
		    e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}
