/*
 * democracy_vote.c - consultations and resident votes per village or for
 * the whole commune, with the outcome computed when read from the rule row
 * of the matter (P-DC-23, see democracy.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/clock.h"
#include "core/err.h"
#include "domain/democracy_int.h"
#include "domain/list.h"
#include "store/store.h"

/* ---- votes ----------------------------------------------------------- */

#define VOTE_COLS							\
	"x.id, x.org_id, o.name, x.unit_structure, x.unit_code,"	\
	" x.unit_path, n.name, x.village_id, v.name, x.matter, m.name,"	\
	" x.form, x.subject, x.day, x.total_households, x.present, x.yes,"	\
	" x.no, x.abstain, x.note, r.rule_id, r.basis, r.num, r.den,"	\
	" r.strict, x.created_at, x.updated_at"
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

	return json_pack("{s:I, s:{s:I, s:s}, s:o, s:o, s:s, s:s, s:s, s:s,"
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
		    f->limit, f->offset, NULL };
		rc = list_run(st, &lq, out, e);
	}
	dc_filter_release(&c);
	return rc;
}

static int
fetch_vote(struct store *st, const struct actor *a, int64_t id, json_t **out,
    struct rec_owner *o, struct err *e)
{
	return dc_fetch(st, a, "SELECT " VOTE_COLS VOTE_FROM " WHERE x.id = ?",
	    id, vote_row, 3, out, o, "Không tìm thấy cuộc biểu quyết, lấy ý"
	    " kiến.", e);
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
};

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
	stmt_bind_text(q, i, v->note);
}

int
dc_vote_create(struct store *st, const struct actor *a,
    const struct dc_vote_input *in, json_t **out, struct err *e)
{
	struct vote_vals v = { in->has_village_id ? in->village_id : 0,
	    in->matter, in->form, in->subject, in->day, rec_opt(in->note),
	    { in->total_households, in->present, in->yes, in->no,
	    in->abstain }, in->has_total_households };
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
		    " abstain, note, created_by, created_at, updated_at) VALUES"
		    " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
		    " RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		bind_vote(q, 5, &v);
		rec_bind_creator(q, 16, a);
		stmt_bind_int(q, 17, now);
		stmt_bind_int(q, 18, now);
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
		    " abstain = ?, note = ?, updated_at = ? WHERE id = ?", &q,
		    e);
	if (rc == 0) {
		bind_vote(q, 1, &v);
		stmt_bind_int(q, 12, clock_now());
		stmt_bind_int(q, 13, id);
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
