/*
 * petition_act.c - the actions of a petition's life cycle (DOMAIN.md §4,
 * §5.4, §6): classify, accept, return, forward, archive, attach, progress,
 * extend, resolve, withdraw, mass case, assign.  Each runs in one write
 * transaction with its timeline event and its audit entry.
 */
#include "domain/petition.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/err.h"
#include "domain/audit.h"
#include "domain/deadline.h"
#include "domain/petition_int.h"
#include "domain/protect.h"
#include "domain/record.h"
#include "domain/unit.h"
#include "domain/vocab.h"
#include "store/store.h"

/* ---- actions --------------------------------------------------------- */

static bool
is_open(const char *status)
{
	return strcmp(status, "received") == 0 ||
	    strcmp(status, "accepted") == 0 ||
	    strcmp(status, "verifying") == 0 ||
	    strcmp(status, "dialogue") == 0;
}

static bool
in_progress(const char *status)
{
	return is_open(status) && strcmp(status, "received") != 0;
}

static int
bad_state(const struct prow *p, const char *what, struct err *e)
{
	return err_set(e, ERR_EXISTS, "invalid_state", NULL,
	    "Đơn đang ở trạng thái \"%s\", không thể %s.",
	    vocab_label(vocab_status, p->status), what);
}

/* Run an UPDATE of petition id whose SET clause binds the given texts
 * (NULL binds SQL NULL) and then updated_at and the id. */
static int
update_row(struct store *st, int64_t id, const char *set,
    const char *const *vals, int nvals, struct err *e)
{
	char sql[1024];
	struct stmt *q;
	int rc, i;

	snprintf(sql, sizeof(sql), "UPDATE petitions SET %s, updated_at = ?"
	    " WHERE id = ?", set);
	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	for (i = 0; i < nvals; i++)
		stmt_bind_text(q, i + 1, vals[i]);
	stmt_bind_int(q, i + 1, clock_now());
	stmt_bind_int(q, i + 2, id);
	rc = stmt_step(q, e);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static const char *
itoa_buf(int64_t v, char *buf, size_t n)
{
	snprintf(buf, n, "%lld", (long long)v);
	return buf;
}

static int
act_classify(struct store *st, const struct actor *a, struct prow *p,
    const struct petition_action *in, struct err *e)
{
	char due[CAL_DATE_LEN], lv[24], rem[4], idb[24], note[300];
	const char *rule, *elig = in->eligibility;
	int64_t level = in->has_level ? in->level : p->level;
	int64_t ident = 0;
	json_t *who;
	bool ok, anon_elig;
	int rc;

	if (strcmp(p->status, "received") != 0)
		return bad_state(p, "phân loại lại", e);
	if (vocab_find(vocab_classification, in->classification) == NULL)
		return err_set(e, ERR_INVAL, in->classification == NULL ?
		    "missing_field" : "invalid_field", "classification",
		    "Phân loại đơn theo nội dung không hợp lệ.");
	if (vocab_find(vocab_eligibility, elig) == NULL)
		return err_set(e, ERR_INVAL, elig == NULL ? "missing_field" :
		    "invalid_field", "eligibility",
		    "Điều kiện xử lý không hợp lệ.");
	anon_elig = strncmp(elig, "anonymous_", 10) == 0;
	if (anon_elig != p->anonymous)
		return err_set(e, ERR_INVAL, "invalid_field", "eligibility",
		    p->anonymous ? "Đơn nặc danh chỉ được xếp loại \"nặc danh,"
		    " có căn cứ kiểm tra\" hoặc \"nặc danh, lưu đơn\"." :
		    "Đơn có họ tên người gửi không xếp loại nặc danh.");
	if (in->field == NULL)
		return err_set(e, ERR_INVAL, "missing_field", "field",
		    "Thiếu lĩnh vực.");
	rc = vocab_field_exists(st, in->field, &ok, e);
	if (rc != 0)
		return rc;
	if (!ok)
		return err_set(e, ERR_INVAL, "invalid_field", "field",
		    "Lĩnh vực không hợp lệ.");
	if (level != 1 && level != 2)
		return err_set(e, ERR_INVAL, "invalid_field", "level",
		    "Lần khiếu nại phải là 1 hoặc 2.");
	rule = petition_handling_rule(in->classification, level);
	rc = deadline_due(st, rule, p->received, CX_NORMAL, false, due, e);
	if (rc != 0)
		return rc;
	/* A denunciation's identity goes into the protected store now; the
	 * plain columns are emptied in the same transaction. */
	if (petition_protects(in->classification) && !p->is_protected &&
	    !p->anonymous) {
		who = json_incref(json_object_get(p->json, "petitioner"));
		rc = protect_seal(st, who, &ident, e);
		json_decref(who);
		if (rc == 0)
			rc = update_row(st, p->id, "identity_id = CAST(? AS"
			    " BIGINT), petitioner_name = NULL,"
			    " petitioner_address = NULL,"
			    " petitioner_id_number = NULL,"
			    " petitioner_phone = NULL, petitioner_fold = NULL",
			    (const char *const[]){ itoa_buf(ident, idb,
			    sizeof(idb)) }, 1, e);
		if (rc != 0)
			return rc;
	}
	rc = update_row(st, p->id, "classification = ?, eligibility = ?,"
	    " field = ?, level = CAST(? AS BIGINT), remote_area = CAST(? AS"
	    " BIGINT), handling_rule = ?, handling_due = ?",
	    (const char *const[]){ in->classification, elig, in->field,
	    itoa_buf(level, lv, sizeof(lv)), itoa_buf(in->has_remote_area ?
	    in->remote_area : p->remote, rem, sizeof(rem)), rule, due }, 7, e);
	if (rc != 0)
		return rc;
	snprintf(note, sizeof(note), "%s; %s",
	    vocab_label(vocab_classification, in->classification),
	    vocab_label(vocab_eligibility, elig));
	return petition_add_event(st, a, p->id, p->received, "classify", "received",
	    note, NULL, e);
}

static int
check_assignee(struct store *st, const struct prow *p, int64_t uid,
    struct err *e)
{
	char path[UNIT_PATH_MAX] = "";
	struct stmt *q;
	bool ok = false;
	size_t n;
	int rc;

	rc = store_prepare(st, "SELECT unit_structure, unit_path, disabled,"
	    " role FROM users WHERE id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, uid);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW && stmt_col_int(q, 2) == 0 &&
	    strcmp(stmt_col_text(q, 3), "viewer") != 0) {
		if (stmt_col_is_null(q, 0)) {
			ok = true;
		} else if (stmt_col_int(q, 0) == p->structure) {
			petition_copy_col(path, sizeof(path), q, 1);
			n = strlen(path);
			ok = strncmp(p->path, path, n) == 0 &&
			    (p->path[n] == '\0' || p->path[n] == '/');
		}
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (!ok)
		return err_set(e, ERR_INVAL, "invalid_field", "user_id",
		    "Người được giao phải là cán bộ đang hoạt động của cơ quan"
		    " có thẩm quyền.");
	return 0;
}

static int
act_accept(struct store *st, const struct actor *a, struct prow *p,
    const struct petition_action *in, const char *elig, struct err *e)
{
	char due[CAL_DATE_LEN], pub[160], vi[CAL_DATE_LEN], uid[24];
	const char *rule, *cxs = in->complexity != NULL ? in->complexity :
	    "normal";
	cal_day d;
	int cx, rc;

	if (strcmp(p->status, "received") != 0)
		return bad_state(p, "thụ lý", e);
	if (p->classification[0] == '\0')
		return err_set(e, ERR_EXISTS, "invalid_state", NULL,
		    "Cần phân loại đơn trước khi thụ lý.");
	if (elig == NULL || (strcmp(elig, "eligible") != 0 &&
	    strcmp(elig, "anonymous_verifiable") != 0))
		return err_set(e, ERR_EXISTS, "invalid_state", NULL,
		    "Chỉ thụ lý đơn đủ điều kiện xử lý.");
	rc = petition_check_day(in->day, "day", p->received, e);
	if (rc != 0)
		return rc;
	cx = complexity_parse(cxs);
	if (cx < 0)
		return err_set(e, ERR_INVAL, "invalid_field", "complexity",
		    "Mức độ phức tạp không hợp lệ.");
	if (in->has_user_id) {
		rc = check_assignee(st, p, in->user_id, e);
		if (rc != 0)
			return rc;
	}
	rule = petition_resolution_rule(p->classification, p->level);
	rc = deadline_due(st, rule, in->day, (enum complexity)cx, p->remote,
	    due, e);
	if (rc != 0)
		return rc;
	rc = update_row(st, p->id, "status = 'accepted', direction = 'accept',"
	    " resolution_rule = ?, resolution_start = ?, resolution_due = ?,"
	    " complexity = ?, assigned_user_id = COALESCE(CAST(? AS BIGINT),"
	    " assigned_user_id)",
	    (const char *const[]){ rule, in->day, due, cxs, in->has_user_id ?
	    itoa_buf(in->user_id, uid, sizeof(uid)) : NULL }, 5, e);
	if (rc != 0)
		return rc;
	cal_parse(due, &d);
	cal_format_vi(d, vi);
	snprintf(pub, sizeof(pub), "Đơn đã được thụ lý để giải quyết; hạn"
	    " giải quyết %s.", vi);
	return petition_add_event(st, a, p->id, in->day, "accept", "accepted",
	    in->note, pub, e);
}

static int
act_simple_close(struct store *st, const struct actor *a, struct prow *p,
    const struct petition_action *in, const char *status,
    const char *direction, const char *what, const char *pub,
    struct err *e)
{
	int rc;

	if (strcmp(p->status, "received") != 0)
		return bad_state(p, what, e);
	rc = petition_check_day(in->day, "day", p->received, e);
	if (rc != 0)
		return rc;
	if (in->note == NULL || in->note[0] == '\0')
		return err_set(e, ERR_INVAL, "missing_field", "note",
		    "Cần ghi rõ lý do, nội dung hướng dẫn.");
	rc = update_row(st, p->id, "status = ?, direction = ?",
	    (const char *const[]){ status, direction }, 2, e);
	if (rc == 0)
		rc = petition_add_event(st, a, p->id, in->day, direction, status,
		    in->note, in->public_note != NULL ? in->public_note : pub,
		    e);
	return rc;
}

static const char SQL_FORWARD_COPY[] =
    "INSERT INTO petitions (tracking_code, org_id, unit_structure,"
    " unit_code, unit_path, source, received_day, petitioner_name,"
    " petitioner_address, petitioner_id_number, petitioner_phone,"
    " petitioner_fold, identity_id, identity_hash, anonymous, persons,"
    " subject, subject_fold, content, content_fold, classification,"
    " eligibility, field, level, remote_area, mass_case, status,"
    " handling_rule, handling_due, forwarded_from, created_by, created_at,"
    " updated_at)"
    " SELECT ?, ?, ?, ?, ?, 'forwarded', ?, petitioner_name,"
    " petitioner_address, petitioner_id_number, petitioner_phone,"
    " petitioner_fold, identity_id, identity_hash, anonymous, persons,"
    " subject, subject_fold, content, content_fold, classification,"
    " eligibility, field, level, remote_area, mass_case, 'received', ?, ?,"
    " id, ?, ?, ? FROM petitions WHERE id = ? RETURNING id";

static int
org_name(struct store *st, int64_t id, char *out, size_t n, struct err *e)
{
	struct stmt *q;
	int rc;

	out[0] = '\0';
	rc = store_prepare(st, "SELECT name FROM organizations WHERE id = ?",
	    &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		petition_copy_col(out, n, q, 0);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static int
act_forward(struct store *st, const struct actor *a, struct prow *p,
    const struct petition_action *in, struct err *e)
{
	char code[PETITION_CODE_LEN], due[CAL_DATE_LEN], lim[CAL_DATE_LEN];
	char to_name[256], from_name[256], note[600], pub[400], idb[24];
	const char *rule;
	struct org_at to;
	int64_t nid = 0;
	struct stmt *q;
	int rc, tries;

	if (strcmp(p->status, "received") != 0)
		return bad_state(p, "chuyển đơn", e);
	rc = petition_check_day(in->day, "day", p->received, e);
	if (rc != 0)
		return rc;
	if (!in->has_to_org_id || in->to_org_id == p->org_id)
		return err_set(e, ERR_INVAL, in->has_to_org_id ?
		    "invalid_field" : "missing_field", "to_org_id",
		    "Cần chọn cơ quan có thẩm quyền khác để chuyển đơn.");
	rc = petition_org_unit(st, in->to_org_id, &to, e);
	if (rc == ERR_INVAL)
		e->field = "to_org_id";
	if (rc == 0)
		rc = org_name(st, in->to_org_id, to_name, sizeof(to_name), e);
	if (rc == 0)
		rc = org_name(st, p->org_id, from_name, sizeof(from_name), e);
	if (rc != 0)
		return rc;
	rule = petition_handling_rule(p->classification[0] != '\0' ?
	    p->classification : NULL, p->level);
	rc = deadline_due(st, rule, in->day, CX_NORMAL, false, due, e);
	if (rc != 0)
		return rc;
	for (tries = 0; tries < 3; tries++) {
		petition_new_tracking_code(code);
		rc = store_prepare(st, SQL_FORWARD_COPY, &q, e);
		if (rc != 0)
			return rc;
		stmt_bind_text(q, 1, code);
		stmt_bind_int(q, 2, in->to_org_id);
		stmt_bind_int(q, 3, to.structure);
		stmt_bind_text(q, 4, to.code);
		stmt_bind_text(q, 5, to.path);
		stmt_bind_text(q, 6, in->day);
		stmt_bind_text(q, 7, rule);
		stmt_bind_text(q, 8, due);
		petition_bind_opt_id(q, 9, a->user_id);
		stmt_bind_int(q, 10, clock_now());
		stmt_bind_int(q, 11, clock_now());
		stmt_bind_int(q, 12, p->id);
		rc = stmt_step(q, e);
		if (rc == STEP_ROW)
			nid = stmt_col_int(q, 0);
		stmt_finalize(q);
		if (rc != ERR_EXISTS)
			break;
	}
	if (rc != STEP_ROW)
		return rc < 0 ? rc : ERR_INTERNAL;
	rc = update_row(st, p->id, "status = 'forwarded', direction ="
	    " 'forward', forwarded_to = CAST(? AS BIGINT)",
	    (const char *const[]){ itoa_buf(nid, idb, sizeof(idb)) }, 1, e);
	if (rc != 0)
		return rc;
	/* R-DON-11: a denunciation outside the competence is forwarded
	 * within 5 working days of receipt. */
	note[0] = '\0';
	if (strcmp(p->classification, "denunciation") == 0) {
		rc = deadline_due(st, "R-DON-11", p->received, CX_NORMAL, false,
		    lim, e);
		if (rc != 0)
			return rc;
		if (strcmp(in->day, lim) > 0)
			snprintf(note, sizeof(note), "Chuyển đơn tố cáo quá"
			    " thời hạn (R-DON-11, hạn %s). ", lim);
	}
	snprintf(note + strlen(note), sizeof(note) - strlen(note),
	    "Chuyển đến %s%s%s", to_name, in->note != NULL ? ". " : "",
	    in->note != NULL ? in->note : "");
	snprintf(pub, sizeof(pub), "Đơn đã được chuyển đến %s để giải quyết"
	    " theo thẩm quyền.", to_name);
	rc = petition_add_event(st, a, p->id, in->day, "forward", "forwarded", note,
	    pub, e);
	if (rc == 0) {
		snprintf(note, sizeof(note), "Nhận đơn do %s chuyển đến (mã %s)",
		    from_name, p->tracking);
		snprintf(pub, sizeof(pub), "%s đã nhận đơn.", to_name);
		rc = petition_add_event(st, a, nid, in->day, "received", "received",
		    note, pub, e);
	}
	return rc;
}

static int
act_attach(struct store *st, const struct actor *a, struct prow *p,
    const struct petition_action *in, struct err *e)
{
	char idb[24];
	struct prow t;
	int rc;

	if (strcmp(p->status, "received") != 0)
		return bad_state(p, "gộp vào hồ sơ khác", e);
	rc = petition_check_day(in->day, "day", p->received, e);
	if (rc != 0)
		return rc;
	if (!in->has_to || in->to == p->id)
		return err_set(e, ERR_INVAL, "invalid_field", "to",
		    "Cần chọn hồ sơ đang giải quyết để gộp đơn.");
	rc = petition_attach_target(st, a, in->to, &t, e);
	if (rc != 0)
		return rc;
	rc = update_row(st, p->id, "status = 'attached', direction ="
	    " 'attach_to_existing', duplicate_of = CAST(? AS BIGINT)",
	    (const char *const[]){ itoa_buf(t.id, idb, sizeof(idb)) }, 1, e);
	if (rc == 0)
		rc = petition_add_event(st, a, p->id, in->day, "attach", "attached",
		    in->note, "Đơn trùng nội dung với hồ sơ đang giải quyết,"
		    " được gộp vào hồ sơ.", e);
	if (rc == 0)
		rc = petition_bump_repeat(st, a, &t, in->day, p->tracking, e);
	json_decref(t.json);
	return rc;
}

static int
act_progress(struct store *st, const struct actor *a, struct prow *p,
    const struct petition_action *in, struct err *e)
{
	int rc;

	if (!in_progress(p->status))
		return bad_state(p, "cập nhật tiến độ", e);
	if (in->status == NULL || (strcmp(in->status, "verifying") != 0 &&
	    strcmp(in->status, "dialogue") != 0))
		return err_set(e, ERR_INVAL, "invalid_field", "status",
		    "Tiến độ phải là \"verifying\" hoặc \"dialogue\".");
	rc = petition_check_day(in->day, "day", p->received, e);
	if (rc == 0)
		rc = update_row(st, p->id, "status = ?",
		    (const char *const[]){ in->status }, 1, e);
	if (rc == 0)
		rc = petition_add_event(st, a, p->id, in->day, "progress", in->status,
		    in->note, vocab_label(vocab_status, in->status), e);
	return rc;
}

static int
act_extend(struct store *st, const struct actor *a, struct prow *p,
    const struct petition_action *in, struct err *e)
{
	char due[CAL_DATE_LEN], note[400], vi[CAL_DATE_LEN], pub[160];
	int cx, rc;
	cal_day d;

	if (!in_progress(p->status))
		return bad_state(p, "gia hạn", e);
	rc = petition_check_day(in->day, "day", p->received, e);
	if (rc != 0)
		return rc;
	if (in->decision == NULL || in->decision[0] == '\0')
		return err_set(e, ERR_INVAL, "missing_field", "decision",
		    "Cần ghi số, ngày quyết định gia hạn (R-TC-07).");
	cx = complexity_parse(p->complexity);
	if (cx < 0 || cx >= CX_ESPECIALLY_COMPLEX)
		return err_set(e, ERR_INVAL, "no_extension", NULL,
		    "Đã gia hạn tối đa theo quy định.");
	rc = petition_load_start_day(st, p, e);
	if (rc == 0)
		rc = deadline_due(st, p->r_rule, p->r_start,
		    (enum complexity)(cx + 1), p->remote, due, e);
	if (rc != 0)
		return rc;
	rc = update_row(st, p->id, "complexity = ?, extensions = extensions"
	    " + 1, resolution_due = ?", (const char *const[]){
	    complexity_name((enum complexity)(cx + 1)), due }, 2, e);
	if (rc != 0)
		return rc;
	cal_parse(due, &d);
	cal_format_vi(d, vi);
	snprintf(note, sizeof(note), "Gia hạn giải quyết: %s%s%s",
	    in->decision, in->note != NULL ? ". " : "",
	    in->note != NULL ? in->note : "");
	snprintf(pub, sizeof(pub), "Gia hạn thời hạn giải quyết đến %s.", vi);
	return petition_add_event(st, a, p->id, in->day, "extend", p->status, note, pub,
	    e);
}

/* The result of a forwarded letter flows back along the chain. */
static int
flow_back(struct store *st, const struct actor *a, int64_t from,
    const char *day, const char *result, struct err *e)
{
	struct stmt *q;
	int64_t up;
	int rc, hops;

	for (hops = 0; from > 0 && hops < TRACK_DEPTH; hops++) {
		rc = store_prepare(st, "SELECT status FROM petitions WHERE"
		    " id = ?", &q, e);
		if (rc != 0)
			return rc;
		stmt_bind_int(q, 1, from);
		rc = stmt_step(q, e);
		stmt_finalize(q);
		if (rc < 0)
			return rc;
		rc = update_row(st, from, "result = ?",
		    (const char *const[]){ result }, 1, e);
		if (rc == 0)
			rc = petition_add_event(st, a, from, day, "result_received",
			    "forwarded", "Cơ quan được chuyển đơn đã có kết quả"
			    " giải quyết.", "Cơ quan có thẩm quyền đã có kết quả"
			    " giải quyết.", e);
		if (rc != 0)
			return rc;
		rc = store_prepare(st, "SELECT forwarded_from FROM petitions"
		    " WHERE id = ?", &q, e);
		if (rc != 0)
			return rc;
		stmt_bind_int(q, 1, from);
		up = 0;
		rc = stmt_step(q, e);
		if (rc == STEP_ROW)
			up = stmt_col_int(q, 0);
		stmt_finalize(q);
		if (rc < 0)
			return rc;
		from = up;
	}
	return 0;
}

static int
act_resolve(struct store *st, const struct actor *a, struct prow *p,
    const struct petition_action *in, struct err *e)
{
	const char *on_time;
	int rc;

	if (!in_progress(p->status))
		return bad_state(p, "ghi kết quả giải quyết", e);
	rc = petition_load_start_day(st, p, e);
	if (rc == 0)
		rc = petition_check_day(in->day, "day", p->r_start, e);
	if (rc != 0)
		return rc;
	if (in->result == NULL || in->result[0] == '\0')
		return err_set(e, ERR_INVAL, "missing_field", "result",
		    "Thiếu kết quả giải quyết.");
	on_time = p->r_due[0] == '\0' || strcmp(in->day, p->r_due) <= 0 ?
	    "1" : "0";
	rc = update_row(st, p->id, "status = 'resolved', resolved_day = ?,"
	    " on_time = CAST(? AS BIGINT), result = ?",
	    (const char *const[]){ in->day, on_time, in->result }, 3, e);
	if (rc == 0)
		rc = petition_add_event(st, a, p->id, in->day, "resolve", "resolved",
		    NULL, in->public_note != NULL ? in->public_note :
		    "Đã có kết quả giải quyết.", e);
	if (rc == 0)
		rc = flow_back(st, a, p->forwarded_from, in->day, in->result,
		    e);
	return rc;
}

static int
act_withdraw(struct store *st, const struct actor *a, struct prow *p,
    const struct petition_action *in, struct err *e)
{
	int rc;

	if (!is_open(p->status))
		return bad_state(p, "rút đơn", e);
	rc = petition_check_day(in->day, "day", p->received, e);
	if (rc == 0)
		rc = update_row(st, p->id, "status = 'withdrawn'", NULL, 0, e);
	if (rc == 0)
		rc = petition_add_event(st, a, p->id, in->day, "withdraw", "withdrawn",
		    in->note, "Người gửi đã rút đơn.", e);
	return rc;
}

static int
act_mass_case(struct store *st, const struct actor *a, struct prow *p,
    const struct petition_action *in, struct err *e)
{
	char today[CAL_DATE_LEN];
	int rc;

	if (!in->has_mass_case)
		return err_set(e, ERR_INVAL, "missing_field", "mass_case",
		    "Thiếu trường \"mass_case\".");
	if (in->settled_day != NULL) {
		if (!in->mass_case)
			return err_set(e, ERR_INVAL, "invalid_field",
			    "settled_day", "Chỉ vụ việc đông người, phức tạp"
			    " mới có ngày giải quyết dứt điểm.");
		rc = petition_check_day(in->settled_day, "settled_day", p->received, e);
		if (rc != 0)
			return rc;
	}
	rc = update_row(st, p->id, "mass_case = CAST(? AS BIGINT),"
	    " mass_settled_day = ?", (const char *const[]){ in->mass_case ?
	    "1" : "0", in->settled_day }, 2, e);
	petition_today_str(today);
	if (rc == 0)
		rc = petition_add_event(st, a, p->id, in->settled_day != NULL ?
		    in->settled_day : today, "mass_case", p->status,
		    in->settled_day != NULL ? "Vụ việc đông người, phức tạp đã"
		    " được giải quyết dứt điểm." : in->mass_case ? "Đánh dấu vụ"
		    " việc đông người, phức tạp, kéo dài." : "Bỏ đánh dấu vụ"
		    " việc đông người, phức tạp, kéo dài.", NULL, e);
	return rc;
}

static int
act_assign(struct store *st, const struct actor *a, struct prow *p,
    const struct petition_action *in, struct err *e)
{
	char uid[24], today[CAL_DATE_LEN];
	int rc;

	if (!is_open(p->status))
		return bad_state(p, "giao xử lý", e);
	if (!in->has_user_id)
		return err_set(e, ERR_INVAL, "missing_field", "user_id",
		    "Cần chọn người được giao xử lý.");
	rc = check_assignee(st, p, in->user_id, e);
	if (rc == 0)
		rc = update_row(st, p->id, "assigned_user_id = CAST(? AS"
		    " BIGINT)", (const char *const[]){ itoa_buf(in->user_id,
		    uid, sizeof(uid)) }, 1, e);
	petition_today_str(today);
	if (rc == 0)
		rc = petition_add_event(st, a, p->id, today, "assign", p->status,
		    "Giao người xử lý.", NULL, e);
	return rc;
}

static const char *const act_names[] = {
	"classify", "accept", "return", "forward", "archive", "attach",
	"progress", "extend", "resolve", "withdraw", "mass_case", "assign"
};

int
petition_act(struct store *st, const struct actor *a, int64_t id,
    enum petition_act act, const struct petition_action *in, json_t **out,
    struct err *e)
{
	struct audit_entry ent;
	struct prow p, after;
	json_t *before = NULL, *elig;
	int rc;

	*out = NULL;
	memset(&after, 0, sizeof(after));
	rc = petition_check_writer(a, e);
	if (rc != 0)
		return rc;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = petition_load(st, a, id, &p, e);
	if (rc != 0)
		return rec_finish(st, rc, NULL, e);
	before = petition_audit_view(p.json);
	switch (act) {
	case PA_CLASSIFY:
		rc = act_classify(st, a, &p, in, e);
		break;
	case PA_ACCEPT:
		elig = json_object_get(p.json, "eligibility");
		rc = act_accept(st, a, &p, in, json_string_value(elig), e);
		break;
	case PA_RETURN:
		rc = act_simple_close(st, a, &p, in, "returned",
		    "guide_and_return", "trả lại đơn", "Đơn được trả lại kèm"
		    " hướng dẫn gửi đến cơ quan có thẩm quyền.", e);
		break;
	case PA_ARCHIVE:
		rc = act_simple_close(st, a, &p, in, "archived", "archive",
		    "lưu đơn", "Đơn được lưu theo quy định.", e);
		break;
	case PA_FORWARD:
		rc = act_forward(st, a, &p, in, e);
		break;
	case PA_ATTACH:
		rc = act_attach(st, a, &p, in, e);
		break;
	case PA_PROGRESS:
		rc = act_progress(st, a, &p, in, e);
		break;
	case PA_EXTEND:
		rc = act_extend(st, a, &p, in, e);
		break;
	case PA_RESOLVE:
		rc = act_resolve(st, a, &p, in, e);
		break;
	case PA_WITHDRAW:
		rc = act_withdraw(st, a, &p, in, e);
		break;
	case PA_MASS_CASE:
		rc = act_mass_case(st, a, &p, in, e);
		break;
	case PA_ASSIGN:
		rc = act_assign(st, a, &p, in, e);
		break;
	default:
		rc = ERR_INTERNAL;
	}
	if (rc == 0)
		rc = petition_load(st, a, id, &after, e);
	if (rc == 0) {
		ent = (struct audit_entry){ act_names[act], "petition", id,
		    p.structure, p.code, p.path, before,
		    petition_audit_view(after.json) };
		rc = audit_record(st, a, &ent, e);
		json_decref(ent.after);
	}
	if (rc == 0) {
		*out = json_pack("{s:o}", "petition", after.json);
		after.json = NULL;
	}
	json_decref(after.json);
	json_decref(before);
	json_decref(p.json);
	return rec_finish(st, rc, out, e);
}

