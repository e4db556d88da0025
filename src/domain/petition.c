/* petition.c - petitions, their life cycle and their deadlines. */
#include "domain/petition.h"
#include "domain/petition_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/text.h"
#include "domain/audit.h"
#include "domain/deadline.h"
#include "domain/list.h"
#include "domain/protect.h"
#include "domain/record.h"
#include "domain/unit.h"
#include "domain/vocab.h"
#include "store/store.h"

#define DUP_MAX		5	/* duplicate candidates proposed */
#define DUP_SCAN	"200"	/* open letters of one petitioner compared */


#define P_COLS								\
	"p.id, p.tracking_code, p.org_id, o.name, p.unit_structure,"	\
	" p.unit_code, n.name, p.source, p.received_day,"		\
	" p.petitioner_name, p.petitioner_address,"			\
	" p.petitioner_id_number, p.petitioner_phone, p.identity_id,"	\
	" p.anonymous, p.persons, p.subject, p.content,"		\
	" p.classification, p.eligibility, p.field, p.direction,"	\
	" p.level, p.complexity, p.remote_area, p.mass_case,"		\
	" p.mass_settled_day, p.status, p.handling_rule,"		\
	" p.handling_due, p.resolution_rule, p.resolution_due,"	\
	" p.extensions, p.resolved_day, p.on_time, p.result,"		\
	" p.duplicate_of, p.repeat_count, p.forwarded_from,"		\
	" p.forwarded_to, p.assigned_user_id, u.full_name,"		\
	" p.created_at, p.updated_at, p.unit_path, p.visit_id"
#define P_FROM								\
	" FROM petitions p JOIN organizations o ON o.id = p.org_id"	\
	" JOIN units n ON n.structure = p.unit_structure AND"		\
	" n.code = p.unit_code LEFT JOIN users u ON"			\
	" u.id = p.assigned_user_id"

enum {
	C_ID, C_CODE, C_ORG, C_ORG_NAME, C_STRUCT, C_UCODE, C_UNAME, C_SOURCE,
	C_RECEIVED, C_PNAME, C_PADDR, C_PIDNO, C_PPHONE, C_IDENTITY, C_ANON,
	C_PERSONS, C_SUBJECT, C_CONTENT, C_CLASS, C_ELIG, C_FIELD, C_DIR,
	C_LEVEL, C_CX, C_REMOTE, C_MASS, C_MASS_DAY, C_STATUS, C_H_RULE,
	C_H_DUE, C_R_RULE, C_R_DUE, C_EXT, C_RESOLVED, C_ONTIME, C_RESULT,
	C_DUP, C_REPEAT, C_FFROM, C_FTO, C_ASSIGNED, C_ASSIGNED_NAME,
	C_CREATED, C_UPDATED, C_UPATH, C_VISIT
};


static json_t *
jstr(struct stmt *q, int col)
{
	const char *s = stmt_col_text(q, col);

	return s != NULL ? json_string(s) : json_null();
}

static json_t *
jint(struct stmt *q, int col)
{
	return stmt_col_is_null(q, col) ? json_null() :
	    json_integer(stmt_col_int(q, col));
}

static json_t *
jbool_or_null(struct stmt *q, int col)
{
	return stmt_col_is_null(q, col) ? json_null() :
	    json_boolean(stmt_col_int(q, col) != 0);
}

/* The petition as the API shows it; content and result only when full. */
static json_t *
row_json(struct stmt *q, bool full)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN];
	bool prot = !stmt_col_is_null(q, C_IDENTITY);
	json_t *o, *who = json_null(), *assigned = json_null();

	clock_iso(stmt_col_int(q, C_CREATED), c);
	clock_iso(stmt_col_int(q, C_UPDATED), u);
	if (!prot && !stmt_col_is_null(q, C_PNAME))
		who = json_pack("{s:o, s:o, s:o, s:o}",
		    "name", jstr(q, C_PNAME), "address", jstr(q, C_PADDR),
		    "id_number", jstr(q, C_PIDNO), "phone", jstr(q, C_PPHONE));
	if (!stmt_col_is_null(q, C_ASSIGNED))
		assigned = json_pack("{s:I, s:o}", "id",
		    (json_int_t)stmt_col_int(q, C_ASSIGNED), "full_name",
		    jstr(q, C_ASSIGNED_NAME));
	o = json_pack("{s:I, s:s, s:{s:I, s:s}, s:{s:I, s:s, s:s},"
	    " s:s, s:s, s:o, s:b, s:b, s:I, s:s}",
	    "id", (json_int_t)stmt_col_int(q, C_ID),
	    "tracking_code", stmt_col_text(q, C_CODE),
	    "org", "id", (json_int_t)stmt_col_int(q, C_ORG), "name",
	    stmt_col_text(q, C_ORG_NAME),
	    "unit", "structure", (json_int_t)stmt_col_int(q, C_STRUCT),
	    "code", stmt_col_text(q, C_UCODE), "name",
	    stmt_col_text(q, C_UNAME),
	    "source", stmt_col_text(q, C_SOURCE),
	    "received_day", stmt_col_text(q, C_RECEIVED),
	    "petitioner", who,
	    "identity_protected", prot,
	    "anonymous", stmt_col_int(q, C_ANON) != 0,
	    "persons", (json_int_t)stmt_col_int(q, C_PERSONS),
	    "subject", stmt_col_text(q, C_SUBJECT));
	if (o == NULL)
		return NULL;
	json_object_set_new(o, "classification", jstr(q, C_CLASS));
	json_object_set_new(o, "eligibility", jstr(q, C_ELIG));
	json_object_set_new(o, "field", jstr(q, C_FIELD));
	json_object_set_new(o, "direction", jstr(q, C_DIR));
	json_object_set_new(o, "level", jint(q, C_LEVEL));
	json_object_set_new(o, "complexity", jstr(q, C_CX));
	json_object_set_new(o, "remote_area",
	    json_boolean(stmt_col_int(q, C_REMOTE) != 0));
	json_object_set_new(o, "mass_case",
	    json_boolean(stmt_col_int(q, C_MASS) != 0));
	json_object_set_new(o, "mass_settled_day", jstr(q, C_MASS_DAY));
	json_object_set_new(o, "status", jstr(q, C_STATUS));
	json_object_set_new(o, "handling_rule", jstr(q, C_H_RULE));
	json_object_set_new(o, "handling_due", jstr(q, C_H_DUE));
	json_object_set_new(o, "resolution_rule", jstr(q, C_R_RULE));
	json_object_set_new(o, "resolution_due", jstr(q, C_R_DUE));
	json_object_set_new(o, "extensions", jint(q, C_EXT));
	json_object_set_new(o, "resolved_day", jstr(q, C_RESOLVED));
	json_object_set_new(o, "on_time", jbool_or_null(q, C_ONTIME));
	json_object_set_new(o, "duplicate_of", jint(q, C_DUP));
	json_object_set_new(o, "repeat_count", jint(q, C_REPEAT));
	json_object_set_new(o, "forwarded_from", jint(q, C_FFROM));
	json_object_set_new(o, "forwarded_to", jint(q, C_FTO));
	json_object_set_new(o, "assigned_user", assigned);
	json_object_set_new(o, "visit_id", jint(q, C_VISIT));
	json_object_set_new(o, "created_at", json_string(c));
	json_object_set_new(o, "updated_at", json_string(u));
	if (full) {
		json_object_set_new(o, "content", jstr(q, C_CONTENT));
		json_object_set_new(o, "result", jstr(q, C_RESULT));
	}
	return o;
}

static json_t *
row_summary(struct stmt *q)
{
	return row_json(q, false);
}

void
petition_copy_col(char *dst, size_t n, struct stmt *q, int col)
{
	const char *s = stmt_col_text(q, col);

	snprintf(dst, n, "%s", s != NULL ? s : "");
}

static int
not_found(struct err *e)
{
	return err_set(e, ERR_NOTFOUND, "not_found", NULL,
	    "Không tìm thấy đơn.");
}

/* Load petition id into *p if a may see it. */
int
petition_load(struct store *st, const struct actor *a, int64_t id, struct prow *p,
    struct err *e)
{
	struct stmt *q;
	bool inside = false;
	int rc;

	memset(p, 0, sizeof(*p));
	rc = store_prepare(st, "SELECT " P_COLS P_FROM " WHERE p.id = ?", &q,
	    e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		p->id = id;
		p->org_id = stmt_col_int(q, C_ORG);
		p->identity_id = stmt_col_int(q, C_IDENTITY);
		p->is_protected = !stmt_col_is_null(q, C_IDENTITY);
		p->assigned = stmt_col_int(q, C_ASSIGNED);
		p->forwarded_from = stmt_col_int(q, C_FFROM);
		p->forwarded_to = stmt_col_int(q, C_FTO);
		p->duplicate_of = stmt_col_int(q, C_DUP);
		p->level = stmt_col_int(q, C_LEVEL);
		p->extensions = stmt_col_int(q, C_EXT);
		p->remote = stmt_col_int(q, C_REMOTE) != 0;
		p->anonymous = stmt_col_int(q, C_ANON) != 0;
		p->structure = (int)stmt_col_int(q, C_STRUCT);
		petition_copy_col(p->code, sizeof(p->code), q, C_UCODE);
		petition_copy_col(p->path, sizeof(p->path), q, C_UPATH);
		petition_copy_col(p->status, sizeof(p->status), q, C_STATUS);
		petition_copy_col(p->classification, sizeof(p->classification), q,
		    C_CLASS);
		petition_copy_col(p->complexity, sizeof(p->complexity), q, C_CX);
		petition_copy_col(p->received, sizeof(p->received), q, C_RECEIVED);
		petition_copy_col(p->r_rule, sizeof(p->r_rule), q, C_R_RULE);
		petition_copy_col(p->r_due, sizeof(p->r_due), q, C_R_DUE);
		petition_copy_col(p->tracking, sizeof(p->tracking), q, C_CODE);
		p->json = row_json(q, true);
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (rc == STEP_DONE)
		return not_found(e);
	rc = actor_in_scope(st, a, p->structure, p->code, &inside, e);
	if (rc == 0 && !inside)
		rc = not_found(e);
	if (rc != 0) {
		json_decref(p->json);
		p->json = NULL;
	}
	return rc;
}

int
petition_load_start_day(struct store *st, struct prow *p, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "SELECT resolution_start FROM petitions"
	    " WHERE id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, p->id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		petition_copy_col(p->r_start, sizeof(p->r_start), q, 0);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

/* What the audit log keeps of a petition: never the petitioner. */
json_t *
petition_audit_view(json_t *pj)
{
	static const char *const keep[] = {
		"tracking_code", "status", "classification", "eligibility",
		"field", "direction", "level", "complexity", "remote_area",
		"mass_case", "mass_settled_day", "handling_due",
		"resolution_due", "extensions", "resolved_day", "on_time",
		"duplicate_of", "forwarded_to", "forwarded_from", NULL
	};
	json_t *o;

	if (pj == NULL)
		return NULL;
	o = json_object();
	for (int i = 0; keep[i] != NULL; i++) {
		json_t *v = json_object_get(pj, keep[i]);

		if (v != NULL)
			json_object_set(o, keep[i], v);
	}
	json_object_set(o, "org", json_object_get(pj, "org"));
	return o;
}

static bool
can_write(const struct actor *a)
{
	return a->role != ROLE_VIEWER;
}

int
petition_check_writer(const struct actor *a, struct err *e)
{
	if (!can_write(a))
		return err_set(e, ERR_PERM, "forbidden", NULL,
		    "Bạn chỉ có quyền xem, không thể cập nhật đơn.");
	return 0;
}

/* ---- days ------------------------------------------------------------ */

/* A day the user enters: a real date, not in the future (Vietnam), and
 * not before `after` when given. */
int
petition_check_day(const char *day, const char *field, const char *after,
    struct err *e)
{
	cal_day d, lo;

	if (day == NULL)
		return err_set(e, ERR_INVAL, "missing_field", field,
		    "Thiếu ngày.");
	if (cal_parse(day, &d) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", field,
		    "Ngày phải có dạng YYYY-MM-DD và là ngày có thật.");
	if (d > cal_today())
		return err_set(e, ERR_INVAL, "invalid_field", field,
		    "Ngày không được sau ngày hôm nay.");
	if (after != NULL && after[0] != '\0' && cal_parse(after, &lo) == 0 &&
	    d < lo)
		return err_set(e, ERR_INVAL, "invalid_field", field,
		    "Ngày không được trước ngày nhận đơn.");
	return 0;
}

void
petition_today_str(char out[CAL_DATE_LEN])
{
	cal_format(cal_today(), out);
}

/* Time limit for classifying and deciding the direction (§4). */
const char *
petition_handling_rule(const char *classification, int64_t level)
{
	if (classification == NULL)
		return "R-DON-09";
	if (strcmp(classification, "complaint") == 0)
		return level == 2 ? "R-KN-15" : "R-KN-11";
	if (strcmp(classification, "denunciation") == 0)
		return "R-DON-10";
	return "R-DON-09";
}

/* Time limit for resolving an accepted letter (§5.2, §6). */
const char *
petition_resolution_rule(const char *classification, int64_t level)
{
	if (strcmp(classification, "complaint") == 0)
		return level == 2 ? "R-KN-16" : "R-KN-12";
	if (strcmp(classification, "denunciation") == 0)
		return "R-TC-04";
	return "P-KNPA-01";
}

bool
petition_protects(const char *classification)
{
	return classification != NULL &&
	    (strcmp(classification, "denunciation") == 0 ||
	    strcmp(classification, "mixed") == 0);
}

/* ---- events ---------------------------------------------------------- */

int
petition_add_event(struct store *st, const struct actor *a, int64_t id,
    const char *day, const char *kind, const char *status, const char *note,
    const char *public_note, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "INSERT INTO petition_events (petition_id, at,"
	    " day, kind, status, note, public_note, actor_id, actor_name)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	stmt_bind_int(q, 2, clock_now());
	stmt_bind_text(q, 3, day);
	stmt_bind_text(q, 4, kind);
	stmt_bind_text(q, 5, status);
	stmt_bind_text(q, 6, note);
	stmt_bind_text(q, 7, public_note);
	if (a->user_id != 0)
		stmt_bind_int(q, 8, a->user_id);
	else
		stmt_bind_null(q, 8);
	stmt_bind_text(q, 9, a->username);
	rc = stmt_step(q, e);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static int
events_json(struct store *st, int64_t id, json_t **out, struct err *e)
{
	char at[ISO_TIME_LEN];
	struct stmt *q;
	json_t *arr;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT id, at, day, kind, status, note,"
	    " public_note, actor_name FROM petition_events WHERE"
	    " petition_id = ? ORDER BY id", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	arr = json_array();
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e)) {
		clock_iso(stmt_col_int(q, 1), at);
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s,"
		    " s:s, s:o, s:o, s:o}", "id",
		    (json_int_t)stmt_col_int(q, 0), "at", at, "day",
		    stmt_col_text(q, 2), "kind", stmt_col_text(q, 3),
		    "status", stmt_col_text(q, 4), "note", jstr(q, 5),
		    "public_note", jstr(q, 6), "actor_name", jstr(q, 7)));
	}
	stmt_finalize(q);
	if (rc < 0) {
		json_decref(arr);
		return rc;
	}
	*out = arr;
	return 0;
}

static int
attachments_json(struct store *st, int64_t id, json_t **out, struct err *e)
{
	char at[ISO_TIME_LEN];
	struct stmt *q;
	json_t *arr;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT id, name, mime, size, sha256,"
	    " created_at FROM petition_attachments WHERE petition_id = ?"
	    " ORDER BY id", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	arr = json_array();
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e)) {
		clock_iso(stmt_col_int(q, 5), at);
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:I,"
		    " s:s, s:s}", "id", (json_int_t)stmt_col_int(q, 0),
		    "name", stmt_col_text(q, 1), "mime", stmt_col_text(q, 2),
		    "size", (json_int_t)stmt_col_int(q, 3), "sha256",
		    stmt_col_text(q, 4), "created_at", at));
	}
	stmt_finalize(q);
	if (rc < 0) {
		json_decref(arr);
		return rc;
	}
	*out = arr;
	return 0;
}

/* ---- create ---------------------------------------------------------- */

void
petition_new_tracking_code(char out[PETITION_CODE_LEN])
{
	/* Crockford's base32 without I, L, O, U: 60 bits of chance. */
	static const char abc[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	int j = 0;

	for (int i = 0; i < 12; i++) {
		if (i > 0 && i % 4 == 0)
			out[j++] = '-';
		out[j++] = abc[randombytes_uniform(32)];
	}
	out[j] = '\0';
}

bool
petition_code_valid(const char *code)
{
	static const char abc[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	if (code == NULL || strlen(code) != PETITION_CODE_LEN - 1)
		return false;
	for (int i = 0; i < PETITION_CODE_LEN - 1; i++) {
		if (i % 5 == 4) {
			if (code[i] != '-')
				return false;
		} else if (code[i] == '\0' || strchr(abc, code[i]) == NULL) {
			return false;
		}
	}
	return true;
}


int
petition_org_unit(struct store *st, int64_t org_id, struct org_at *o, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "SELECT unit_structure, unit_code, unit_path,"
	    " type FROM organizations WHERE id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, org_id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		o->structure = (int)stmt_col_int(q, 0);
		petition_copy_col(o->code, sizeof(o->code), q, 1);
		petition_copy_col(o->path, sizeof(o->path), q, 2);
		petition_copy_col(o->type, sizeof(o->type), q, 3);
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (rc == STEP_DONE)
		return err_set(e, ERR_INVAL, "invalid_field", "org_id",
		    "Không tìm thấy cơ quan, tổ chức.");
	return 0;
}

static int
check_input(struct store *st, const struct petition_input *in,
    struct err *e)
{
	bool ok;
	int rc;

	if (!in->has_org_id)
		return err_set(e, ERR_INVAL, "missing_field", "org_id",
		    "Thiếu cơ quan tiếp nhận.");
	if (vocab_find(vocab_source, in->source) == NULL)
		return err_set(e, ERR_INVAL, "invalid_field", "source",
		    "Nguồn đơn không hợp lệ.");
	rc = petition_check_day(in->received_day, "received_day", NULL, e);
	if (rc != 0)
		return rc;
	if (in->subject == NULL || in->subject[0] == '\0')
		return err_set(e, ERR_INVAL, "missing_field", "subject",
		    "Thiếu trích yếu, đối tượng của đơn.");
	if (in->content == NULL || in->content[0] == '\0')
		return err_set(e, ERR_INVAL, "missing_field", "content",
		    "Thiếu nội dung đơn.");
	if (in->has_persons && (in->persons < 1 || in->persons > 10000))
		return err_set(e, ERR_INVAL, "invalid_field", "persons",
		    "Số người phải từ 1 đến 10.000.");
	if (in->has_level && in->level != 1 && in->level != 2)
		return err_set(e, ERR_INVAL, "invalid_field", "level",
		    "Lần khiếu nại phải là 1 hoặc 2.");
	if (in->classification != NULL &&
	    vocab_find(vocab_classification, in->classification) == NULL)
		return err_set(e, ERR_INVAL, "invalid_field", "classification",
		    "Phân loại đơn không hợp lệ.");
	if (in->field != NULL) {
		rc = vocab_field_exists(st, in->field, &ok, e);
		if (rc != 0)
			return rc;
		if (!ok)
			return err_set(e, ERR_INVAL, "invalid_field", "field",
			    "Lĩnh vực không hợp lệ.");
	}
	if (in->anonymous && in->petitioner_name != NULL &&
	    in->petitioner_name[0] != '\0')
		return err_set(e, ERR_INVAL, "invalid_field", "anonymous",
		    "Đơn nặc danh không có họ tên người gửi.");
	if (!in->anonymous && (in->petitioner_name == NULL ||
	    in->petitioner_name[0] == '\0'))
		return err_set(e, ERR_INVAL, "missing_field",
		    "petitioner_name", "Thiếu họ tên người gửi đơn"
		    " (hoặc đánh dấu đơn nặc danh).");
	return 0;
}

static json_t *
identity_of(const char *name, const char *addr, const char *idno,
    const char *phone)
{
	return json_pack("{s:s?, s:s?, s:s?, s:s?}", "name", name, "address",
	    addr, "id_number", idno, "phone", phone);
}

#define WORDS_MAX	256
#define WORD_SEPS	" ,.;:!?()\"'-/\n\r\t"

struct words {
	const char	*w[WORDS_MAX];
	size_t		 len[WORDS_MAX];
	size_t		 n;
};

/* The distinct words of folded text s (pointers into s). */
static void
words_of(const char *s, struct words *ws)
{
	bool seen;
	size_t k;

	ws->n = 0;
	while (*s != '\0' && ws->n < WORDS_MAX) {
		s += strspn(s, WORD_SEPS);
		k = strcspn(s, WORD_SEPS);
		if (k == 0)
			break;
		seen = false;
		for (size_t i = 0; i < ws->n && !seen; i++)
			seen = ws->len[i] == k && memcmp(ws->w[i], s, k) == 0;
		if (!seen) {
			ws->w[ws->n] = s;
			ws->len[ws->n++] = k;
		}
		s += k;
	}
}

/* Jaccard similarity of the word sets of two folded texts, 0..1. */
static double
similarity(const struct words *a, const char *b)
{
	struct words *wb;
	size_t both = 0, uni;
	double r;

	wb = malloc(sizeof(*wb));
	if (wb == NULL)
		return 0;
	words_of(b, wb);
	for (size_t i = 0; i < a->n; i++)
		for (size_t j = 0; j < wb->n; j++)
			if (a->len[i] == wb->len[j] &&
			    memcmp(a->w[i], wb->w[j], a->len[i]) == 0) {
				both++;
				break;
			}
	uni = a->n + wb->n - both;
	r = uni == 0 ? 0 : (double)both / (double)uni;
	free(wb);
	return r;
}

/*
 * Duplicate candidates (R-DON-08): open letters of the same petitioner
 * (keyed hash of name and id number or address) about the same subject,
 * or with similar content.  Scores 0..1; at most DUP_MAX, best first.
 * A protected letter is proposed only to those who may see its identity:
 * to anyone else the match itself would tell who the denouncer is.
 */
static int
find_duplicates(struct store *st, const struct actor *a, const char *hash,
    const char *subject_fold, const char *content_fold, int64_t skip,
    json_t **out, struct err *e)
{
	struct words *mine;
	struct stmt *q;
	json_t *arr;
	double sim;
	int rc;

	*out = json_array();
	if (hash == NULL || hash[0] == '\0')
		return 0;
	mine = malloc(sizeof(*mine));
	if (mine == NULL)
		return err_set(e, ERR_NOMEM, "internal", NULL, "out of memory");
	words_of(content_fold, mine);
	rc = store_prepare(st, "SELECT p.id, p.tracking_code, p.subject_fold,"
	    " p.content_fold FROM petitions p WHERE p.identity_hash = ? AND"
	    " p.status IN " OPEN_SQL " AND p.id <> ? AND (p.identity_id IS"
	    " NULL OR p.assigned_user_id = ? OR (? = 1 AND p.unit_structure ="
	    " ? AND p.unit_code = ?)) AND "
	    SCOPE_SQL("p.unit_structure", "p.unit_path")
	    " ORDER BY p.id DESC LIMIT " DUP_SCAN, &q, e);
	if (rc != 0) {
		free(mine);
		return rc;
	}
	stmt_bind_text(q, 1, hash);
	stmt_bind_int(q, 2, skip);
	stmt_bind_int(q, 3, a->user_id);
	stmt_bind_int(q, 4, a->role == ROLE_LEADER);
	stmt_bind_int(q, 5, a->scope_structure);
	stmt_bind_text(q, 6, a->scope_code);
	actor_bind_scope(a, q, 7);
	arr = *out;
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e)) {
		sim = similarity(mine, stmt_col_text(q, 3));
		if (strcmp(stmt_col_text(q, 2), subject_fold) == 0)
			sim = sim < 0.5 ? 0.5 + sim / 2 : sim;
		if (sim < 0.5)
			continue;
		json_array_append_new(arr, json_pack("{s:I, s:s, s:f}", "id",
		    (json_int_t)stmt_col_int(q, 0), "tracking_code",
		    stmt_col_text(q, 1), "similarity",
		    (double)(int)(sim * 100 + 0.5) / 100));
	}
	stmt_finalize(q);
	free(mine);
	if (rc < 0)
		return rc;
	/* best first, at most DUP_MAX */
	for (size_t i = 1; i < json_array_size(arr); i++)
		for (size_t j = i; j > 0 && json_real_value(json_object_get(
		    json_array_get(arr, j), "similarity")) > json_real_value(
		    json_object_get(json_array_get(arr, j - 1), "similarity"));
		    j--) {
			json_t *t = json_incref(json_array_get(arr, j));

			json_array_remove(arr, j);
			json_array_insert_new(arr, j - 1, t);
		}
	while (json_array_size(arr) > DUP_MAX)
		json_array_remove(arr, DUP_MAX);
	return 0;
}

static const char SQL_INSERT[] =
    "INSERT INTO petitions (tracking_code, org_id, unit_structure,"
    " unit_code, unit_path, source, visit_id, received_day,"
    " petitioner_name, petitioner_address, petitioner_id_number,"
    " petitioner_phone, petitioner_fold, identity_id, identity_hash,"
    " anonymous, persons, subject, subject_fold, content, content_fold,"
    " classification, field, level, remote_area, status, handling_rule,"
    " handling_due, duplicate_of, forwarded_from, created_by, created_at,"
    " updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

void
petition_bind_opt_id(struct stmt *q, int i, int64_t v)
{
	if (v > 0)
		stmt_bind_int(q, i, v);
	else
		stmt_bind_null(q, i);
}

/* Everything a new row needs beyond the input. */
struct fresh {
	const struct org_at	*org;
	int64_t			 identity_id, duplicate_of, forwarded_from;
	const char		*status, *hash, *pfold, *sfold, *cfold;
	const char		*h_rule;
	char			 h_due[CAL_DATE_LEN];
	char			 code[PETITION_CODE_LEN];
};

static int
insert_row(struct store *st, const struct actor *a,
    const struct petition_input *in, struct fresh *f, int64_t *id,
    struct err *e)
{
	bool plain = f->identity_id == 0;
	struct stmt *q;
	int rc, tries;

	for (tries = 0; tries < 3; tries++) {
		petition_new_tracking_code(f->code);
		rc = store_prepare(st, SQL_INSERT, &q, e);
		if (rc != 0)
			return rc;
		stmt_bind_text(q, 1, f->code);
		stmt_bind_int(q, 2, in->org_id);
		stmt_bind_int(q, 3, f->org->structure);
		stmt_bind_text(q, 4, f->org->code);
		stmt_bind_text(q, 5, f->org->path);
		stmt_bind_text(q, 6, in->source);
		petition_bind_opt_id(q, 7, in->has_visit_id ? in->visit_id : 0);
		stmt_bind_text(q, 8, in->received_day);
		stmt_bind_text(q, 9, plain ? in->petitioner_name : NULL);
		stmt_bind_text(q, 10, plain ? in->petitioner_address : NULL);
		stmt_bind_text(q, 11, plain ? in->petitioner_id_number : NULL);
		stmt_bind_text(q, 12, plain ? in->petitioner_phone : NULL);
		stmt_bind_text(q, 13, plain ? f->pfold : NULL);
		petition_bind_opt_id(q, 14, f->identity_id);
		stmt_bind_text(q, 15, f->hash != NULL && f->hash[0] != '\0' ?
		    f->hash : NULL);
		stmt_bind_int(q, 16, in->anonymous);
		stmt_bind_int(q, 17, in->has_persons ? in->persons : 1);
		stmt_bind_text(q, 18, in->subject);
		stmt_bind_text(q, 19, f->sfold);
		stmt_bind_text(q, 20, in->content);
		stmt_bind_text(q, 21, f->cfold);
		stmt_bind_text(q, 22, in->classification);
		stmt_bind_text(q, 23, in->field);
		stmt_bind_int(q, 24, in->has_level ? in->level : 1);
		stmt_bind_int(q, 25, in->remote_area);
		stmt_bind_text(q, 26, f->status);
		stmt_bind_text(q, 27, f->h_rule);
		stmt_bind_text(q, 28, f->h_due[0] != '\0' ? f->h_due : NULL);
		petition_bind_opt_id(q, 29, f->duplicate_of);
		petition_bind_opt_id(q, 30, f->forwarded_from);
		petition_bind_opt_id(q, 31, a->user_id);
		stmt_bind_int(q, 32, clock_now());
		stmt_bind_int(q, 33, clock_now());
		rc = stmt_step(q, e);
		if (rc == STEP_ROW)
			*id = stmt_col_int(q, 0);
		stmt_finalize(q);
		if (rc != ERR_EXISTS)	/* a tracking code collision: retry */
			break;
	}
	return rc == STEP_ROW ? 0 : (rc < 0 ? rc : ERR_INTERNAL);
}

/* A letter handed in at a visit (lượt tiếp): the visit must be visible to
 * a, of the same body, and not linked to another letter yet. */
static int
check_visit(struct store *st, const struct actor *a,
    const struct petition_input *in, struct err *e)
{
	char code[UNIT_CODE_MAX] = "";
	int64_t org = 0, linked = 0;
	bool inside = false;
	struct stmt *q;
	int structure = 0, rc;

	if (strcmp(in->source, "visit") != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "visit_id",
		    "Chỉ đơn nhận qua tiếp công dân mới gắn với lượt tiếp.");
	rc = store_prepare(st, "SELECT v.unit_structure, v.unit_code,"
	    " s.org_id, COALESCE(v.petition_id, 0) FROM reception_visits v"
	    " JOIN reception_sessions s ON s.id = v.session_id WHERE v.id = ?",
	    &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, in->visit_id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		structure = (int)stmt_col_int(q, 0);
		petition_copy_col(code, sizeof(code), q, 1);
		org = stmt_col_int(q, 2);
		linked = stmt_col_int(q, 3);
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (rc == STEP_ROW)
		rc = actor_in_scope(st, a, structure, code, &inside, e);
	if (rc < 0)
		return rc;
	if (!inside)
		return err_set(e, ERR_INVAL, "invalid_field", "visit_id",
		    "Không tìm thấy lượt tiếp công dân.");
	if (org != in->org_id)
		return err_set(e, ERR_INVAL, "invalid_field", "visit_id",
		    "Lượt tiếp thuộc cơ quan khác.");
	if (linked != 0)
		return err_set(e, ERR_EXISTS, "conflict", "visit_id",
		    "Lượt tiếp này đã có đơn.");
	return 0;
}

/* The citizen of a visit, for a letter handed in at it: the visible
 * columns, or the sealed identity of a denunciation visit. */
static int
visit_petitioner(struct store *st, int64_t visit, json_t **who,
    bool *sealed, struct err *e)
{
	struct stmt *q;
	int64_t ident = 0;
	int rc;

	*who = NULL;
	rc = store_prepare(st, "SELECT citizen_name, citizen_address,"
	    " citizen_id_number, COALESCE(identity_id, 0) FROM"
	    " reception_visits WHERE id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, visit);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		ident = stmt_col_int(q, 3);
		if (ident == 0)
			*who = identity_of(stmt_col_text(q, 0),
			    stmt_col_text(q, 1), stmt_col_text(q, 2), NULL);
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	*sealed = ident != 0;
	if (ident != 0)
		return protect_open(st, ident, who, e);
	return 0;
}

static int
link_visit(struct store *st, int64_t visit, int64_t petition,
    struct err *e)
{
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "UPDATE reception_visits SET petition_id = ?,"
	    " updated_at = ? WHERE id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, petition);
	stmt_bind_int(q, 2, clock_now());
	stmt_bind_int(q, 3, visit);
	rc = stmt_step(q, e);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

/* The open case a duplicate letter is attached to. */
int
petition_attach_target(struct store *st, const struct actor *a, int64_t to,
    struct prow *t, struct err *e)
{
	int rc;

	rc = petition_load(st, a, to, t, e);
	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_INVAL, "invalid_field", "attach_to",
		    "Không tìm thấy hồ sơ để gộp đơn.");
	if (rc != 0)
		return rc;
	if (strstr(OPEN_SQL, t->status) == NULL) {
		json_decref(t->json);
		t->json = NULL;
		return err_set(e, ERR_EXISTS, "invalid_state", "attach_to",
		    "Chỉ gộp vào hồ sơ đang giải quyết.");
	}
	return 0;
}

int
petition_bump_repeat(struct store *st, const struct actor *a, const struct prow *t,
    const char *day, const char *code, struct err *e)
{
	char note[96];
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "UPDATE petitions SET repeat_count ="
	    " repeat_count + 1, updated_at = ? WHERE id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, clock_now());
	stmt_bind_int(q, 2, t->id);
	rc = stmt_step(q, e);
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	snprintf(note, sizeof(note), "Nhận thêm đơn trùng, mã %s", code);
	return petition_add_event(st, a, t->id, day, "duplicate_received", t->status,
	    note, NULL, e);
}

static int
insert_checked(struct store *st, const struct actor *a,
    const struct petition_input *in, struct petition_created *made,
    json_t **out, struct err *e)
{
	char hash[PROTECT_HASH_LEN] = "", *pfold = NULL, *sfold = NULL;
	char *cfold = NULL;
	struct audit_entry ent;
	struct org_at org;
	struct fresh f;
	struct prow p, t;
	json_t *id_json, *dups = NULL;
	int64_t id = 0;
	bool inside = false;
	int rc;

	if (out != NULL)
		*out = NULL;
	memset(&f, 0, sizeof(f));
	memset(&t, 0, sizeof(t));
	memset(&p, 0, sizeof(p));
	rc = petition_check_writer(a, e);
	if (rc == 0)
		rc = check_input(st, in, e);
	if (rc == 0)
		rc = petition_org_unit(st, in->org_id, &org, e);
	if (rc == 0)
		rc = actor_in_scope(st, a, org.structure, org.code, &inside, e);
	if (rc == 0 && !inside)
		rc = err_set(e, ERR_PERM, "forbidden", "org_id",
		    "Cơ quan nằm ngoài phạm vi quản lý của bạn.");
	if (rc == 0 && in->has_visit_id)
		rc = check_visit(st, a, in, e);
	if (rc == 0 && in->has_attach_to)
		rc = petition_attach_target(st, a, in->attach_to, &t, e);
	if (rc != 0)
		return rc;
	if (!in->anonymous && protect_key_loaded())
		rc = protect_person_hash(in->petitioner_name,
		    in->petitioner_id_number, in->petitioner_address, hash, e);
	if (rc == 0 && !in->anonymous)
		rc = text_fold(in->petitioner_name, &pfold);
	if (rc == 0)
		rc = text_fold(in->subject, &sfold);
	if (rc == 0)
		rc = text_fold(in->content, &cfold);
	if (rc == 0 && !in->anonymous && (in->seal ||
	    petition_protects(in->classification))) {
		id_json = identity_of(in->petitioner_name,
		    in->petitioner_address, in->petitioner_id_number,
		    in->petitioner_phone);
		rc = protect_seal(st, id_json, &f.identity_id, e);
		json_decref(id_json);
	}
	f.org = &org;
	f.hash = hash;
	f.pfold = pfold;
	f.sfold = sfold;
	f.cfold = cfold;
	f.status = in->has_attach_to ? "attached" : "received";
	f.duplicate_of = in->has_attach_to ? t.id : 0;
	f.h_rule = petition_handling_rule(in->classification,
	    in->has_level ? in->level : 1);
	if (rc == 0 && !in->has_attach_to)
		rc = deadline_due(st, f.h_rule, in->received_day, CX_NORMAL,
		    false, f.h_due, e);
	if (rc == 0)
		rc = insert_row(st, a, in, &f, &id, e);
	if (rc == 0 && in->has_visit_id)
		rc = link_visit(st, in->visit_id, id, e);
	if (rc == 0)
		rc = petition_add_event(st, a, id, in->received_day, "received",
		    "received", NULL, "Đã tiếp nhận đơn.", e);
	if (rc == 0 && in->has_attach_to) {
		rc = petition_add_event(st, a, id, in->received_day, "attach",
		    "attached", NULL, "Đơn trùng nội dung với hồ sơ đang giải"
		    " quyết, được gộp vào hồ sơ.", e);
		if (rc == 0)
			rc = petition_bump_repeat(st, a, &t, in->received_day, f.code, e);
	}
	if (rc == 0)
		rc = petition_load(st, a, id, &p, e);
	if (rc == 0 && !in->has_attach_to)
		rc = find_duplicates(st, a, hash, sfold, cfold, id, &dups, e);
	if (rc == 0) {
		ent = (struct audit_entry){ "create", "petition", id,
		    org.structure, org.code, org.path, NULL,
		    petition_audit_view(p.json) };
		rc = audit_record(st, a, &ent, e);
		json_decref(ent.after);
	}
	if (rc == 0 && made != NULL) {
		made->id = id;
		snprintf(made->tracking_code, sizeof(made->tracking_code),
		    "%s", f.code);
	}
	if (rc == 0 && out != NULL) {
		*out = json_pack("{s:O, s:o}", "petition", p.json,
		    "duplicates", dups != NULL ? dups : json_array());
		dups = NULL;
	}
	json_decref(dups);
	json_decref(p.json);
	json_decref(t.json);
	free(pfold);
	free(sfold);
	free(cfold);
	return rc;
}

int
petition_insert(struct store *st, const struct actor *a,
    const struct petition_input *in, struct petition_created *made,
    json_t **out, struct err *e)
{
	struct petition_input from_visit;
	json_t *who = NULL;
	bool sealed = false;
	int rc;

	/* A letter handed in at a visit without petitioner fields takes the
	 * visit's citizen (sealed or not). */
	if (!in->has_visit_id || in->anonymous || in->petitioner_name != NULL ||
	    in->source == NULL || !in->has_org_id)
		return insert_checked(st, a, in, made, out, e);
	rc = petition_check_writer(a, e);
	if (rc == 0)
		rc = check_visit(st, a, in, e);
	if (rc == 0)
		rc = visit_petitioner(st, in->visit_id, &who, &sealed, e);
	if (rc != 0)
		return rc;
	from_visit = *in;
	from_visit.petitioner_name = json_string_value(json_object_get(who,
	    "name"));
	from_visit.petitioner_address = json_string_value(json_object_get(who,
	    "address"));
	from_visit.petitioner_id_number = json_string_value(json_object_get(who,
	    "id_number"));
	from_visit.seal = sealed;	/* a denouncer stays protected */
	rc = insert_checked(st, a, &from_visit, made, out, e);
	json_decref(who);
	return rc;
}

int
petition_create(struct store *st, const struct actor *a,
    const struct petition_input *in, json_t **out, struct err *e)
{
	int rc;

	*out = NULL;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = petition_insert(st, a, in, NULL, out, e);
	return rec_finish(st, rc, out, e);
}

/* ---- read ------------------------------------------------------------ */

int
petition_get(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct err *e)
{
	json_t *ev = NULL, *att = NULL;
	struct prow p;
	int rc;

	*out = NULL;
	rc = petition_load(st, a, id, &p, e);
	if (rc != 0)
		return rc;
	rc = events_json(st, id, &ev, e);
	if (rc == 0)
		rc = attachments_json(st, id, &att, e);
	if (rc == 0) {
		*out = json_pack("{s:o, s:o, s:o}", "petition", p.json,
		    "events", ev, "attachments", att);
		p.json = NULL;
		ev = att = NULL;
	}
	json_decref(p.json);
	json_decref(ev);
	json_decref(att);
	return rc;
}

int
petition_check_access(struct store *st, const struct actor *a, int64_t id,
    bool need_identity, bool *is_protected, struct petition_where *where,
    struct err *e)
{
	struct prow p;
	int rc;

	rc = petition_load(st, a, id, &p, e);
	if (rc != 0)
		return rc;
	json_decref(p.json);
	*is_protected = p.is_protected;
	if (where != NULL) {
		where->structure = p.structure;
		snprintf(where->code, sizeof(where->code), "%s", p.code);
		snprintf(where->path, sizeof(where->path), "%s", p.path);
	}
	if (!need_identity || !p.is_protected)
		return 0;
	/* R-TC-20, P-TC-24: the handler and the head of the competent body. */
	if ((p.assigned != 0 && p.assigned == a->user_id) ||
	    (a->role == ROLE_LEADER && a->scope_structure == p.structure &&
	    strcmp(a->scope_code, p.code) == 0))
		return 0;
	return err_set(e, ERR_PERM, "identity_restricted", NULL,
	    "Danh tính người tố cáo chỉ được xem bởi người được giao xử lý"
	    " và người đứng đầu cơ quan có thẩm quyền.");
}

int
petition_identity(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct err *e)
{
	struct audit_entry ent;
	json_t *who = NULL;
	struct prow p;
	bool prot;
	int rc;

	*out = NULL;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = petition_check_access(st, a, id, true, &prot, NULL, e);
	if (rc == 0)
		rc = petition_load(st, a, id, &p, e);
	if (rc != 0)
		return rec_finish(st, rc, NULL, e);
	if (prot) {
		rc = protect_open(st, p.identity_id, &who, e);
	} else {
		who = json_incref(json_object_get(p.json, "petitioner"));
		if (who == NULL || json_is_null(who)) {
			json_decref(who);
			who = json_null();
		}
	}
	if (rc == 0 && prot) {
		ent = (struct audit_entry){ "read_identity", "petition", id,
		    p.structure, p.code, p.path, NULL, NULL };
		rc = audit_record(st, a, &ent, e);
	}
	if (rc == 0) {
		*out = json_pack("{s:o}", "identity", who);
		who = NULL;
	}
	json_decref(who);
	json_decref(p.json);
	return rec_finish(st, rc, out, e);
}

/* ---- list ------------------------------------------------------------ */

struct list_ctx {
	const struct petition_query	*f;
	const struct actor		*a;
	const char			*upath, *like;
	bool				 scoped;	/* apply SCOPE_SQL */
	bool				 leaf;		/* the unit has no children */
	char				 today[CAL_DATE_LEN];
	char				 soon[CAL_DATE_LEN];
};

/*
 * The WHERE of a list, on petitions p alone (the count needs no join).
 * The scope clause is left out when it cannot exclude a row: for global
 * actors, and when the asked subtree lies inside the actor's own, same
 * structure.  A subtree is one range of paths, [P, P + "0"): P itself and
 * P + "/..." ('/' sorts just below '0'), so one index range answers it; a
 * commune has no children, and its equality lets the index give the order.
 */
static void
list_where(struct buf *sql, const struct list_ctx *c)
{
	const struct petition_query *f = c->f;

	buf_add_str(sql, " WHERE 1 = 1");
	if (c->scoped)
		buf_add_str(sql, " AND " SCOPE_SQL("p.unit_structure",
		    "p.unit_path"));
	if (f->unit != NULL && c->leaf)
		buf_add_str(sql, " AND p.unit_structure = ? AND p.unit_path = ?");
	else if (f->unit != NULL)
		buf_add_str(sql, " AND p.unit_structure = ? AND p.unit_path >= ?"
		    " AND p.unit_path < ?");
	if (f->org_id > 0)
		buf_add_str(sql, " AND p.org_id = ?");
	if (f->status != NULL)
		buf_add_str(sql, " AND p.status = ?");
	if (f->classification != NULL)
		buf_add_str(sql, " AND p.classification = ?");
	if (f->field != NULL)
		buf_add_str(sql, " AND p.field = ?");
	if (f->source != NULL)
		buf_add_str(sql, " AND p.source = ?");
	if (f->mass_case >= 0)
		buf_add_str(sql, " AND p.mass_case = ?");
	if (f->from != NULL)
		buf_add_str(sql, " AND p.received_day >= ?");
	if (f->to != NULL)
		buf_add_str(sql, " AND p.received_day <= ?");
	if (f->q != NULL)
		buf_add_str(sql, " AND (p.subject_fold LIKE ? ESCAPE '\\' OR"
		    " p.content_fold LIKE ? ESCAPE '\\')");
	if (f->due != NULL && strcmp(f->due, "overdue") == 0)
		buf_add_str(sql, " AND ((p.status = 'received' AND"
		    " p.handling_due < ?) OR (p.status IN ('accepted',"
		    " 'verifying', 'dialogue') AND p.resolution_due < ?))");
	if (f->due != NULL && strcmp(f->due, "soon") == 0)
		buf_add_str(sql, " AND ((p.status = 'received' AND"
		    " p.handling_due >= ? AND p.handling_due <= ?) OR"
		    " (p.status IN ('accepted', 'verifying', 'dialogue') AND"
		    " p.resolution_due >= ? AND p.resolution_due <= ?))");
}

static int
list_bind(struct stmt *q, const void *ctxv)
{
	const struct list_ctx *c = ctxv;
	const struct petition_query *f = c->f;
	char hi[UNIT_PATH_MAX + 2];
	int i = 1;

	if (c->scoped)
		i = actor_bind_scope(c->a, q, i);
	if (f->unit != NULL) {
		snprintf(hi, sizeof(hi), "%s0", c->upath);
		stmt_bind_int(q, i++, f->structure);
		stmt_bind_text(q, i++, c->upath);
		if (!c->leaf)
			stmt_bind_text(q, i++, hi);
	}
	if (f->org_id > 0)
		stmt_bind_int(q, i++, f->org_id);
	if (f->status != NULL)
		stmt_bind_text(q, i++, f->status);
	if (f->classification != NULL)
		stmt_bind_text(q, i++, f->classification);
	if (f->field != NULL)
		stmt_bind_text(q, i++, f->field);
	if (f->source != NULL)
		stmt_bind_text(q, i++, f->source);
	if (f->mass_case >= 0)
		stmt_bind_int(q, i++, f->mass_case);
	if (f->from != NULL)
		stmt_bind_text(q, i++, f->from);
	if (f->to != NULL)
		stmt_bind_text(q, i++, f->to);
	if (f->q != NULL) {
		stmt_bind_text(q, i++, c->like);
		stmt_bind_text(q, i++, c->like);
	}
	if (f->due != NULL && strcmp(f->due, "overdue") == 0) {
		stmt_bind_text(q, i++, c->today);
		stmt_bind_text(q, i++, c->today);
	}
	if (f->due != NULL && strcmp(f->due, "soon") == 0) {
		for (int k = 0; k < 2; k++) {
			stmt_bind_text(q, i++, c->today);
			stmt_bind_text(q, i++, c->soon);
		}
	}
	return i;
}

/* The last day counted as "due soon": today plus due_soon_days working
 * days. */
static int
soon_day(struct store *st, cal_day today, char out[CAL_DATE_LEN],
    struct err *e)
{
	struct calendar *cal = NULL;
	int y, m, d, n, rc;

	rc = settings_int(st, "due_soon_days", 5, &n, e);
	if (rc != 0)
		return rc;
	cal_to_ymd(today, &y, &m, &d);
	rc = calendar_load(st, y, y + 1, &cal, e);
	if (rc != 0)
		return rc;
	cal_format(calendar_add(cal, today, n, CAL_WORKING_DAYS), out);
	calendar_free(cal);
	return 0;
}

int
petition_list(struct store *st, const struct actor *a,
    const struct petition_query *f, json_t **out, struct err *e)
{
	struct list_ctx c;
	struct unit_info info;
	struct list_query lq;
	struct buf where, from, count;
	char *like = NULL;
	int rc;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	memset(&info, 0, sizeof(info));
	if (f->unit != NULL && unit_lookup(st, f->structure, f->unit, &info,
	    e) != 0)
		return err_set(e, ERR_INVAL, "invalid_param", "unit",
		    "Đơn vị hành chính không tồn tại.");
	if (f->q != NULL && text_like_pattern(f->q, &like) != 0)
		return err_set(e, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm không hợp lệ.");
	c.f = f;
	c.a = a;
	c.upath = info.path;
	c.like = like;
	c.scoped = !actor_is_global(a) && !(f->unit != NULL &&
	    actor_can_see(a, f->structure, info.path));
	c.leaf = f->unit != NULL && strcmp(info.level, "commune") == 0;
	petition_today_str(c.today);
	if (f->due != NULL && strcmp(f->due, "soon") == 0) {
		rc = soon_day(st, cal_today(), c.soon, e);
		if (rc != 0) {
			free(like);
			return rc;
		}
	}
	buf_init(&where, 4096);
	buf_init(&from, 8192);
	buf_init(&count, 8192);
	list_where(&where, &c);
	buf_add_str(&from, P_FROM);
	buf_add_str(&from, buf_cstr(&where));
	buf_add_str(&count, " FROM petitions p");
	buf_add_str(&count, buf_cstr(&where));
	lq = (struct list_query){ P_COLS, buf_cstr(&from),
	    "p.received_day DESC, p.id DESC", list_bind, &c, row_summary,
	    f->limit, f->offset, buf_cstr(&count), "p.id", P_FROM };
	rc = buf_error(&from) != 0 || buf_error(&count) != 0 ? ERR_NOMEM :
	    list_run(st, &lq, out, e);
	buf_release(&where);
	buf_release(&from);
	buf_release(&count);
	free(like);
	return rc;
}

/* ---- public tracking ------------------------------------------------- */

/* The public events of the rows chain[0..n), in the order they happened. */
static int
track_timeline(struct store *st, const int64_t *chain, int n,
    json_t **out, struct err *e)
{
	struct buf sql;
	struct stmt *q;
	json_t *arr;
	int rc;

	*out = NULL;
	buf_init(&sql, 1024);
	buf_add_str(&sql, "SELECT day, status, public_note FROM petition_events"
	    " WHERE public_note IS NOT NULL AND petition_id IN (?");
	for (int i = 1; i < n; i++)
		buf_add_str(&sql, ", ?");
	buf_add_str(&sql, ") ORDER BY day, at, id");
	rc = buf_error(&sql) != 0 ? ERR_NOMEM :
	    store_prepare(st, buf_cstr(&sql), &q, e);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	for (int i = 0; i < n; i++)
		stmt_bind_int(q, i + 1, chain[i]);
	arr = json_array();
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e))
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s}", "day",
		    stmt_col_text(q, 0), "status", stmt_col_text(q, 1),
		    "public_note", stmt_col_text(q, 2)));
	stmt_finalize(q);
	if (rc < 0) {
		json_decref(arr);
		return rc;
	}
	*out = arr;
	return 0;
}

/* What the citizen sees: statuses, days and public notes only, along the
 * forwarding chain to the body that holds the letter now. */
int
petition_track(struct store *st, const char *code, json_t **out,
    struct err *e)
{
	int64_t chain[TRACK_DEPTH], next;
	char status[16] = "", received[CAL_DATE_LEN] = "";
	char due[CAL_DATE_LEN] = "", resolved[CAL_DATE_LEN] = "";
	json_t *timeline = NULL, *result = json_null();
	struct stmt *q;
	int n = 0, rc;

	*out = NULL;
	if (!petition_code_valid(code))
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy đơn với mã tra cứu này.");
	rc = store_prepare(st, "SELECT id, received_day FROM petitions WHERE"
	    " tracking_code = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, code);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		chain[n++] = stmt_col_int(q, 0);
		petition_copy_col(received, sizeof(received), q, 1);
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (n == 0)
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy đơn với mã tra cứu này.");
	for (int i = 0; i < n; i++) {
		rc = store_prepare(st, "SELECT status, COALESCE(resolution_due,"
		    " handling_due), resolved_day, result, forwarded_to FROM"
		    " petitions WHERE id = ?", &q, e);
		if (rc != 0)
			break;
		stmt_bind_int(q, 1, chain[i]);
		rc = stmt_step(q, e);
		next = 0;
		if (rc == STEP_ROW) {
			petition_copy_col(status, sizeof(status), q, 0);
			petition_copy_col(due, sizeof(due), q, 1);
			petition_copy_col(resolved, sizeof(resolved), q, 2);
			if (!stmt_col_is_null(q, 3)) {
				json_decref(result);
				result = jstr(q, 3);
			}
			next = stmt_col_int(q, 4);
		}
		stmt_finalize(q);
		if (rc < 0)
			break;
		if (next > 0 && n < TRACK_DEPTH)
			chain[n++] = next;
	}
	if (rc >= 0)
		rc = track_timeline(st, chain, n, &timeline, e);
	if (rc < 0) {
		json_decref(result);
		return rc;
	}
	*out = json_pack("{s:s, s:s, s:s, s:s?, s:s?, s:o, s:o}",
	    "tracking_code", code, "status", status, "received_day", received,
	    "due_day", due[0] != '\0' ? due : NULL, "resolved_day",
	    resolved[0] != '\0' ? resolved : NULL, "result", result,
	    "timeline", timeline);
	return *out != NULL ? 0 : err_set(e, ERR_NOMEM, "internal", NULL,
	    "out of memory");
}
