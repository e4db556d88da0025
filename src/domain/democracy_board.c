/*
 * democracy_board.c - suggestion boxes and their openings, People's
 * Inspection Boards and Community Investment Supervision Boards with their
 * members, activities and composition warnings (rule rows of
 * dc_board_rules), and the counts of a subtree and a period (see
 * democracy.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/period.h"
#include "domain/democracy_int.h"
#include "domain/list.h"
#include "domain/unit.h"
#include "domain/vocab.h"
#include "store/store.h"

#define X_SCOPE	SCOPE_SQL("x.unit_structure", "x.unit_path")
#define U_SCOPE	SCOPE_SQL("u.structure", "u.path")
#define WRITE_WHAT	"dữ liệu dân chủ ở cơ sở"

static const char *const board_kinds[] = { "ttnd_commune", "ttnd_agency",
    "gsdtccd", NULL };
static const char *const member_roles[] = { "head", "vice", "member", NULL };

/* ---- boxes ----------------------------------------------------------- */

#define BOX_COLS							\
	"x.id, x.org_id, o.name, x.unit_structure, x.unit_code,"	\
	" x.unit_path, n.name, x.place, x.installed_day, x.note,"	\
	" x.created_at, x.updated_at, (SELECT COUNT(*) FROM"		\
	" dc_box_openings b WHERE b.box_id = x.id), (SELECT"		\
	" COALESCE(SUM(b.letters), 0) FROM dc_box_openings b WHERE"	\
	" b.box_id = x.id), (SELECT MAX(b.day) FROM dc_box_openings b"	\
	" WHERE b.box_id = x.id)"
#define BOX_FROM							\
	" FROM dc_boxes x JOIN organizations o ON o.id = x.org_id"	\
	" JOIN units n ON n.structure = x.unit_structure AND n.code ="	\
	" x.unit_code"

static json_t *
box_row(struct stmt *q)
{
	return json_pack("{s:I, s:{s:I, s:s}, s:o, s:s, s:o, s:o, s:o, s:o,"
	    " s:I, s:I, s:o}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", "id", (json_int_t)stmt_col_int(q, 1), "name",
	    stmt_col_text(q, 2), "unit", dc_unit_json(q, 3),
	    "place", stmt_col_text(q, 7), "installed_day", rec_col_str(q, 8),
	    "note", rec_col_str(q, 9), "created_at", dc_time(q, 10),
	    "updated_at", dc_time(q, 11),
	    "openings", (json_int_t)stmt_col_int(q, 12),
	    "letters", (json_int_t)stmt_col_int(q, 13),
	    "last_opened", rec_col_str(q, 14));
}

int
dc_box_list(struct store *st, const struct actor *a, const struct dc_query *f,
    json_t **out, struct err *e)
{
	struct list_query lq;
	struct dc_filter c;
	int rc;

	*out = NULL;
	rc = dc_filter_init(st, &c, a, f, BOX_FROM, "x", e);
	if (rc == 0) {
		lq = (struct list_query){ BOX_COLS, buf_cstr(&c.from),
		    "x.unit_code, x.place, x.id", dc_filter_bind, &c, box_row,
		    f->limit, f->offset, NULL, NULL, NULL };
		rc = list_run(st, &lq, out, e);
	}
	dc_filter_release(&c);
	return rc;
}

static int
fetch_box(struct store *st, const struct actor *a, int64_t id, json_t **out,
    struct rec_owner *o, struct err *e)
{
	return dc_fetch(st, a, "SELECT " BOX_COLS BOX_FROM " WHERE x.id = ?",
	    id, box_row, 3, out, o, "Không tìm thấy hòm thư góp ý.", e);
}

int
dc_box_create(struct store *st, const struct actor *a,
    const struct dc_box_input *in, json_t **out, struct err *e)
{
	struct rec_owner own, o2;
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = rec_check_writer(a, WRITE_WHAT, e);
	if (rc == 0 && !in->has_org_id)
		rc = err_set(e, ERR_INVAL, "missing_field", "org_id",
		    "Thiếu trường bắt buộc \"org_id\".");
	if (rc == 0)
		rc = dc_org_owner(st, a, in->org_id, false, &own, e);
	if (rc == 0)
		rc = dc_check_text(in->place, "place", "Nơi đặt hòm thư không"
		    " được để trống.", e);
	if (rc == 0)
		rc = dc_check_day(in->installed_day, "installed_day", false, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = store_prepare(st, "INSERT INTO dc_boxes (org_id, unit_structure,"
	    " unit_code, unit_path, place, installed_day, note, created_by,"
	    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	    " RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		stmt_bind_text(q, 5, in->place);
		stmt_bind_text(q, 6, rec_opt(in->installed_day));
		stmt_bind_text(q, 7, rec_opt(in->note));
		rec_bind_creator(q, 8, a);
		stmt_bind_int(q, 9, now);
		stmt_bind_int(q, 10, now);
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_box(st, a, id, out, &o2, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "dc_box", id, &own, NULL, *out,
		    e);
	return rec_finish(st, rc, out, e);
}

static json_t *
opening_row(struct stmt *q)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:I, s:o, s:o, s:o}", "id",
	    (json_int_t)stmt_col_int(q, 0), "box_id",
	    (json_int_t)stmt_col_int(q, 1), "day", stmt_col_text(q, 2),
	    "opened_by", stmt_col_text(q, 3), "letters",
	    (json_int_t)stmt_col_int(q, 4), "summary", rec_col_str(q, 5),
	    "follow_up", rec_col_str(q, 6), "created_at", dc_time(q, 7));
}

#define OPENING_SQL							\
	"SELECT id, box_id, day, opened_by, letters, summary, follow_up,"	\
	" created_at FROM dc_box_openings"

/* Every row of sql (one id parameter) into *out. */
static int
children(struct store *st, const char *sql, int64_t id,
    json_t *(*row)(struct stmt *), json_t **out, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	return rec_collect(q, row, out, e);
}

int
dc_box_get(struct store *st, const struct actor *a, int64_t id, json_t **out,
    struct err *e)
{
	json_t *box = NULL, *op = NULL;
	struct rec_owner o;
	int rc;

	*out = NULL;
	rc = fetch_box(st, a, id, &box, &o, e);
	if (rc == 0)
		rc = children(st, OPENING_SQL " WHERE box_id = ? ORDER BY day"
		    " DESC, id DESC", id, opening_row, &op, e);
	if (rc != 0) {
		json_decref(box);
		return rc;
	}
	*out = json_pack("{s:o, s:o}", "box", box, "openings", op);
	return 0;
}

int
dc_opening_create(struct store *st, const struct actor *a, int64_t box_id,
    const struct dc_opening_input *in, json_t **out, struct err *e)
{
	json_t *box = NULL;
	struct rec_owner o;
	struct stmt *q;
	int64_t id = 0;
	int rc;

	*out = NULL;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_box(st, a, box_id, &box, &o, e);
	json_decref(box);
	if (rc == 0)
		rc = rec_check_writer(a, WRITE_WHAT, e);
	if (rc == 0)
		rc = dc_check_day(in->day, "day", true, e);
	if (rc == 0)
		rc = dc_check_text(in->opened_by, "opened_by", "Cần ghi người,"
		    " thành phần mở hòm thư.", e);
	if (rc == 0 && !in->has_letters)
		rc = err_set(e, ERR_INVAL, "missing_field", "letters",
		    "Thiếu số thư, đơn thu được (letters).");
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO dc_box_openings (box_id, day,"
		    " opened_by, letters, summary, follow_up, created_by,"
		    " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		    &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, box_id);
		stmt_bind_text(q, 2, in->day);
		stmt_bind_text(q, 3, in->opened_by);
		stmt_bind_int(q, 4, in->letters);
		stmt_bind_text(q, 5, rec_opt(in->summary));
		stmt_bind_text(q, 6, rec_opt(in->follow_up));
		rec_bind_creator(q, 7, a);
		stmt_bind_int(q, 8, clock_now());
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = children(st, OPENING_SQL " WHERE id = ?", id, opening_row,
		    &box, e);
	if (rc == 0) {
		*out = json_incref(json_array_get(box, 0));
		json_decref(box);
		rc = rec_audit(st, a, "create", "dc_box_opening", id, &o, NULL,
		    *out, e);
	}
	return rec_finish(st, rc, out, e);
}

/* ---- boards ---------------------------------------------------------- */

#define BOARD_COLS							\
	"x.id, x.org_id, o.name, x.unit_structure, x.unit_code,"	\
	" x.unit_path, n.name, x.kind, x.name, x.project_name,"	\
	" x.term_start, x.term_end, x.dissolved_day, x.note,"		\
	" x.created_at, x.updated_at, (SELECT COUNT(*) FROM"		\
	" dc_board_members mb WHERE mb.board_id = x.id AND mb.left_day"	\
	" IS NULL)"
#define BOARD_FROM							\
	" FROM dc_boards x JOIN organizations o ON o.id = x.org_id"	\
	" JOIN units n ON n.structure = x.unit_structure AND n.code ="	\
	" x.unit_code"

/* R-DC-60: a board is active until the day it dissolves, inclusive. */
static bool
board_active(struct stmt *q)
{
	char today[CAL_DATE_LEN];

	if (stmt_col_is_null(q, 12))
		return true;
	cal_format(cal_today(), today);
	return strcmp(stmt_col_text(q, 12), today) >= 0;
}

static json_t *
board_row(struct stmt *q)
{
	return json_pack("{s:I, s:{s:I, s:s}, s:o, s:s, s:s, s:o, s:s, s:o,"
	    " s:o, s:o, s:o, s:o, s:I, s:b}",
	    "id", (json_int_t)stmt_col_int(q, 0),
	    "org", "id", (json_int_t)stmt_col_int(q, 1), "name",
	    stmt_col_text(q, 2), "unit", dc_unit_json(q, 3),
	    "kind", stmt_col_text(q, 7), "name", stmt_col_text(q, 8),
	    "project_name", rec_col_str(q, 9), "term_start",
	    stmt_col_text(q, 10), "term_end", rec_col_str(q, 11),
	    "dissolved_day", rec_col_str(q, 12), "note", rec_col_str(q, 13),
	    "created_at", dc_time(q, 14), "updated_at", dc_time(q, 15),
	    "members", (json_int_t)stmt_col_int(q, 16), "active",
	    board_active(q));
}

int
dc_board_list(struct store *st, const struct actor *a,
    const struct dc_query *f, json_t **out, struct err *e)
{
	struct list_query lq;
	struct dc_filter c;
	int rc;

	*out = NULL;
	rc = dc_filter_init(st, &c, a, f, BOARD_FROM, "x", e);
	dc_filter_text(&c, " AND x.kind = ?", f->code);
	if (rc == 0) {
		lq = (struct list_query){ BOARD_COLS, buf_cstr(&c.from),
		    "x.term_start DESC, x.id DESC", dc_filter_bind, &c,
		    board_row, f->limit, f->offset, NULL, NULL, NULL };
		rc = list_run(st, &lq, out, e);
	}
	dc_filter_release(&c);
	return rc;
}

static int
fetch_board(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct rec_owner *o, struct err *e)
{
	return dc_fetch(st, a, "SELECT " BOARD_COLS BOARD_FROM
	    " WHERE x.id = ?", id, board_row, 3, out, o,
	    "Không tìm thấy Ban Thanh tra nhân dân, Ban Giám sát đầu tư của"
	    " cộng đồng.", e);
}

struct board_vals {
	const char	*kind, *name, *project, *start, *end, *dissolved, *note;
};

static int
check_board(const struct board_vals *v, struct err *e)
{
	int rc = 0;

	if (rec_index_of(board_kinds, v->kind) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "kind", "Loại ban"
		    " phải là ttnd_commune, ttnd_agency hoặc gsdtccd.");
	if (rc == 0)
		rc = dc_check_text(v->name, "name", "Tên ban không được để"
		    " trống.", e);
	if (rc == 0 && strcmp(v->kind, "gsdtccd") == 0)
		rc = dc_check_text(v->project, "project_name", "Ban Giám sát"
		    " đầu tư của cộng đồng được lập cho một chương trình, dự án"
		    " cụ thể: cần ghi tên dự án.", e);
	if (rc == 0)
		rc = dc_check_day(v->start, "term_start", true, e);
	if (rc == 0)
		rc = dc_check_day(v->end, "term_end", false, e);
	if (rc == 0)
		rc = dc_check_day(v->dissolved, "dissolved_day", false, e);
	if (rc == 0 && v->end != NULL && strcmp(v->end, v->start) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "term_end",
		    "Ngày kết thúc nhiệm kỳ không được trước ngày bắt đầu.");
	if (rc == 0 && v->dissolved != NULL &&
	    strcmp(v->dissolved, v->start) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "dissolved_day",
		    "Ngày giải thể không được trước ngày thành lập.");
	return rc;
}

static void
bind_board(struct stmt *q, int i, const struct board_vals *v)
{
	stmt_bind_text(q, i++, v->kind);
	stmt_bind_text(q, i++, v->name);
	stmt_bind_text(q, i++, v->project);
	stmt_bind_text(q, i++, v->start);
	stmt_bind_text(q, i++, v->end);
	stmt_bind_text(q, i++, v->dissolved);
	stmt_bind_text(q, i, v->note);
}

int
dc_board_create(struct store *st, const struct actor *a,
    const struct dc_board_input *in, json_t **out, struct err *e)
{
	struct board_vals v = { in->kind, in->name, rec_opt(in->project_name),
	    in->term_start, rec_opt(in->term_end), rec_opt(in->dissolved_day),
	    rec_opt(in->note) };
	struct rec_owner own, o2;
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = rec_check_writer(a, WRITE_WHAT, e);
	if (rc == 0 && !in->has_org_id)
		rc = err_set(e, ERR_INVAL, "missing_field", "org_id",
		    "Thiếu trường bắt buộc \"org_id\".");
	if (rc == 0)
		rc = check_board(&v, e);
	/* An agency's board belongs to the agency, at any level. */
	if (rc == 0)
		rc = dc_org_owner(st, a, in->org_id,
		    strcmp(v.kind, "ttnd_agency") == 0, &own, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = store_prepare(st, "INSERT INTO dc_boards (org_id, unit_structure,"
	    " unit_code, unit_path, kind, name, project_name, term_start,"
	    " term_end, dissolved_day, note, created_by, created_at,"
	    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	    " RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, in->org_id);
		stmt_bind_int(q, 2, own.structure);
		stmt_bind_text(q, 3, own.code);
		stmt_bind_text(q, 4, own.path);
		bind_board(q, 5, &v);
		rec_bind_creator(q, 12, a);
		stmt_bind_int(q, 13, now);
		stmt_bind_int(q, 14, now);
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_board(st, a, id, out, &o2, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "dc_board", id, &own, NULL,
		    *out, e);
	return rec_finish(st, rc, out, e);
}

int
dc_board_update(struct store *st, const struct actor *a, int64_t id,
    const struct dc_board_input *in, json_t **out, struct err *e)
{
	struct board_vals v;
	json_t *before = NULL;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	*out = NULL;
	if (in->has_org_id || in->kind != NULL)
		return err_set(e, ERR_INVAL, "unknown_field", in->has_org_id ?
		    "org_id" : "kind", "Không thể đổi tổ chức hoặc loại ban.");
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_board(st, a, id, &before, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, WRITE_WHAT, e);
	if (rc != 0) {
		json_decref(before);
		return rec_finish(st, rc, out, e);
	}
	v.kind = rec_member(before, "kind");
	v.name = in->name != NULL ? in->name : rec_member(before, "name");
	v.project = dc_merge(in->project_name, before, "project_name");
	v.start = in->term_start != NULL ? in->term_start :
	    rec_member(before, "term_start");
	v.end = dc_merge(in->term_end, before, "term_end");
	v.dissolved = dc_merge(in->dissolved_day, before, "dissolved_day");
	v.note = dc_merge(in->note, before, "note");
	rc = check_board(&v, e);
	if (rc == 0)
		rc = store_prepare(st, "UPDATE dc_boards SET kind = ?, name = ?,"
		    " project_name = ?, term_start = ?, term_end = ?,"
		    " dissolved_day = ?, note = ?, updated_at = ? WHERE id = ?",
		    &q, e);
	if (rc == 0) {
		bind_board(q, 1, &v);
		stmt_bind_int(q, 8, clock_now());
		stmt_bind_int(q, 9, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = fetch_board(st, a, id, out, &o, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "dc_board", id, &o, before, *out,
		    e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

/* ---- members and activities ----------------------------------------- */

#define MEMBER_COLS							\
	"m.id, m.board_id, m.name, m.role, m.village_id, v.name,"	\
	" m.elected_day, m.left_day, x.unit_structure, x.unit_code,"	\
	" x.unit_path"
#define MEMBER_FROM							\
	" FROM dc_board_members m JOIN dc_boards x ON x.id = m.board_id"	\
	" LEFT JOIN dc_villages v ON v.id = m.village_id"

static json_t *
member_row(struct stmt *q)
{
	json_t *village = stmt_col_is_null(q, 4) ? json_null() :
	    json_pack("{s:I, s:s}", "id", (json_int_t)stmt_col_int(q, 4),
	    "name", stmt_col_text(q, 5));

	return json_pack("{s:I, s:I, s:s, s:s, s:o, s:o, s:o, s:b}", "id",
	    (json_int_t)stmt_col_int(q, 0), "board_id",
	    (json_int_t)stmt_col_int(q, 1), "name", stmt_col_text(q, 2),
	    "role", stmt_col_text(q, 3), "village", village, "elected_day",
	    rec_col_str(q, 6), "left_day", rec_col_str(q, 7), "current",
	    stmt_col_is_null(q, 7));
}

static json_t *
activity_row(struct stmt *q)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:o, s:o}", "id",
	    (json_int_t)stmt_col_int(q, 0), "board_id",
	    (json_int_t)stmt_col_int(q, 1), "day", stmt_col_text(q, 2),
	    "content", stmt_col_text(q, 3), "recommendation",
	    rec_col_str(q, 4), "created_at", dc_time(q, 5));
}

static int
fetch_member(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct rec_owner *o, struct err *e)
{
	return dc_fetch(st, a, "SELECT " MEMBER_COLS MEMBER_FROM
	    " WHERE m.id = ?", id, member_row, 8, out, o,
	    "Không tìm thấy thành viên ban.", e);
}

struct member_vals {
	const char	*name, *role, *elected, *left;
	int64_t		 village;
};

/* At most one current head per board. */
static int
check_member(struct store *st, const struct rec_owner *o, int64_t board,
    int64_t self, const struct member_vals *v, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = dc_check_text(v->name, "name", "Họ tên thành viên không được để"
	    " trống.", e);
	if (rc == 0 && rec_index_of(member_roles, v->role) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "role", "Chức danh"
		    " phải là head (Trưởng ban), vice (Phó Trưởng ban) hoặc"
		    " member (thành viên).");
	if (rc == 0)
		rc = dc_check_day(v->elected, "elected_day", false, e);
	if (rc == 0)
		rc = dc_check_day(v->left, "left_day", false, e);
	if (rc == 0 && v->left != NULL && v->elected != NULL &&
	    strcmp(v->left, v->elected) < 0)
		rc = err_set(e, ERR_INVAL, "invalid_field", "left_day",
		    "Ngày thôi làm thành viên không được trước ngày được bầu.");
	if (rc == 0 && v->village != 0)
		rc = dc_village_of(st, v->village, o, "village_id", NULL, e);
	if (rc != 0 || strcmp(v->role, "head") != 0 || v->left != NULL)
		return rc;
	rc = store_prepare(st, "SELECT 1 FROM dc_board_members WHERE board_id"
	    " = ? AND role = 'head' AND left_day IS NULL AND id <> ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, board);
	stmt_bind_int(q, 2, self);
	rc = stmt_step(q, e);
	stmt_finalize(q);
	if (rc == STEP_ROW)
		return err_set(e, ERR_EXISTS, "conflict", "role", "Ban đã có"
		    " Trưởng ban; cho người cũ thôi (left_day) trước.");
	return rc < 0 ? rc : 0;
}

int
dc_member_create(struct store *st, const struct actor *a, int64_t board_id,
    const struct dc_member_input *in, json_t **out, struct err *e)
{
	struct member_vals v = { in->name, in->role != NULL ? in->role :
	    "member", rec_opt(in->elected_day), rec_opt(in->left_day),
	    in->has_village_id ? in->village_id : 0 };
	json_t *board = NULL;
	struct rec_owner o, o2;
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	int rc;

	*out = NULL;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_board(st, a, board_id, &board, &o, e);
	json_decref(board);
	if (rc == 0)
		rc = rec_check_writer(a, WRITE_WHAT, e);
	if (rc == 0)
		rc = check_member(st, &o, board_id, 0, &v, e);
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO dc_board_members (board_id,"
		    " name, role, village_id, elected_day, left_day, created_at,"
		    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		    &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, board_id);
		stmt_bind_text(q, 2, v.name);
		stmt_bind_text(q, 3, v.role);
		if (v.village != 0)
			stmt_bind_int(q, 4, v.village);
		else
			stmt_bind_null(q, 4);
		stmt_bind_text(q, 5, v.elected);
		stmt_bind_text(q, 6, v.left);
		stmt_bind_int(q, 7, now);
		stmt_bind_int(q, 8, now);
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = fetch_member(st, a, id, out, &o2, e);
	if (rc == 0)
		rc = rec_audit(st, a, "create", "dc_board_member", id, &o, NULL,
		    *out, e);
	return rec_finish(st, rc, out, e);
}

int
dc_member_update(struct store *st, const struct actor *a, int64_t id,
    const struct dc_member_input *in, json_t **out, struct err *e)
{
	struct member_vals v;
	json_t *before = NULL;
	struct rec_owner o;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_member(st, a, id, &before, &o, e);
	if (rc == 0)
		rc = rec_check_writer(a, WRITE_WHAT, e);
	if (rc != 0) {
		json_decref(before);
		return rec_finish(st, rc, out, e);
	}
	v.name = in->name != NULL ? in->name : rec_member(before, "name");
	v.role = in->role != NULL ? in->role : rec_member(before, "role");
	v.elected = dc_merge(in->elected_day, before, "elected_day");
	v.left = dc_merge(in->left_day, before, "left_day");
	v.village = in->has_village_id ? in->village_id :
	    rec_imember(json_object_get(before, "village"), "id");
	rc = check_member(st, &o, rec_imember(before, "board_id"), id, &v, e);
	if (rc == 0)
		rc = store_prepare(st, "UPDATE dc_board_members SET name = ?,"
		    " role = ?, village_id = ?, elected_day = ?, left_day = ?,"
		    " updated_at = ? WHERE id = ?", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, v.name);
		stmt_bind_text(q, 2, v.role);
		if (v.village != 0)
			stmt_bind_int(q, 3, v.village);
		else
			stmt_bind_null(q, 3);
		stmt_bind_text(q, 4, v.elected);
		stmt_bind_text(q, 5, v.left);
		stmt_bind_int(q, 6, clock_now());
		stmt_bind_int(q, 7, id);
		rc = stmt_step_done(q, e);
	}
	if (rc == 0)
		rc = fetch_member(st, a, id, out, &o, e);
	if (rc == 0)
		rc = rec_audit(st, a, "update", "dc_board_member", id, &o,
		    before, *out, e);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

int
dc_activity_create(struct store *st, const struct actor *a, int64_t board_id,
    const struct dc_activity_input *in, json_t **out, struct err *e)
{
	json_t *board = NULL, *rows = NULL;
	struct rec_owner o;
	struct stmt *q;
	int64_t id = 0;
	int rc;

	*out = NULL;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_board(st, a, board_id, &board, &o, e);
	json_decref(board);
	if (rc == 0)
		rc = rec_check_writer(a, WRITE_WHAT, e);
	if (rc == 0)
		rc = dc_check_day(in->day, "day", true, e);
	if (rc == 0)
		rc = dc_check_text(in->content, "content", "Nội dung hoạt động,"
		    " kết quả kiểm tra, giám sát không được để trống.", e);
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO dc_board_activities"
		    " (board_id, day, content, recommendation, created_by,"
		    " created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id", &q,
		    e);
	if (rc == 0) {
		stmt_bind_int(q, 1, board_id);
		stmt_bind_text(q, 2, in->day);
		stmt_bind_text(q, 3, in->content);
		stmt_bind_text(q, 4, rec_opt(in->recommendation));
		rec_bind_creator(q, 5, a);
		stmt_bind_int(q, 6, clock_now());
		rc = stmt_step_id(q, &id, e);
	}
	if (rc == 0)
		rc = children(st, "SELECT id, board_id, day, content,"
		    " recommendation, created_at FROM dc_board_activities WHERE"
		    " id = ?", id, activity_row, &rows, e);
	if (rc == 0) {
		*out = json_incref(json_array_get(rows, 0));
		json_decref(rows);
		rc = rec_audit(st, a, "create", "dc_board_activity", id, &o,
		    NULL, *out, e);
	}
	return rec_finish(st, rc, out, e);
}

/* ---- composition warnings -------------------------------------------- */

struct comp {
	int64_t		 members, vices, residents, villages;
	const char	*start, *end;		/* the board's term */
};

static void
warn(json_t *w, const char *rule, const char *check, const char *msg)
{
	json_array_append_new(w, json_pack("{s:s, s:s, s:s}", "rule", rule,
	    "check", check, "message", msg));
}

/* R-DC-51: the board's term is the heads' term of the row (columns 5,
 * 6), when the row has one. */
static void
check_term(struct stmt *q, const struct comp *c, char *m, size_t n)
{
	char a[CAL_DATE_LEN], b[CAL_DATE_LEN];

	if (stmt_col_is_null(q, 5) || stmt_col_is_null(q, 6))
		return;
	/* copies: a column's text lives until the next column is read */
	snprintf(a, sizeof(a), "%s", stmt_col_text(q, 5));
	snprintf(b, sizeof(b), "%s", stmt_col_text(q, 6));
	if (strcmp(c->start, a) != 0 || c->end == NULL ||
	    strcmp(c->end, b) != 0)
		snprintf(m, n, "Nhiệm kỳ Ban Thanh tra nhân dân xã (%s – %s)"
		    " phải bằng nhiệm kỳ của trưởng thôn, tổ trưởng tổ dân phố"
		    " (%s – %s).", c->start, c->end != NULL ? c->end : "…", a,
		    b);
}

/* One rule row (id, check_kind, value, value2, name, heads_term_start,
 * heads_term_end) against the counts. */
static void
check_rule(struct stmt *q, const struct comp *c, json_t *w)
{
	const char *id = stmt_col_text(q, 0), *chk = stmt_col_text(q, 1);
	int64_t v = stmt_col_int(q, 2), v2 = stmt_col_int(q, 3), need;
	char m[400];

	m[0] = '\0';
	if (strcmp(chk, "min_members_villages") == 0) {
		need = c->villages > v ? c->villages : v;
		if (c->members < need)
			snprintf(m, sizeof(m), "Ban Thanh tra nhân dân xã cần"
			    " ít nhất %lld thành viên (bằng số thôn, tổ dân phố"
			    " là %lld, tối thiểu %lld); hiện có %lld.",
			    (long long)need, (long long)c->villages,
			    (long long)v, (long long)c->members);
	} else if (strcmp(chk, "max_vice_large") == 0) {
		if (c->members >= v2 && c->vices > v)
			snprintf(m, sizeof(m), "Ban có %lld thành viên (từ %lld"
			    " trở lên) chỉ được có tối đa %lld Phó Trưởng ban;"
			    " hiện có %lld.", (long long)c->members,
			    (long long)v2, (long long)v, (long long)c->vices);
	} else if (strcmp(chk, "members_between") == 0) {
		if (c->members < v || c->members > v2)
			snprintf(m, sizeof(m), "Ban phải có từ %lld đến %lld"
			    " thành viên (%s); hiện có %lld.", (long long)v,
			    (long long)v2, stmt_col_text(q, 4),
			    (long long)c->members);
	} else if (strcmp(chk, "max_resident") == 0) {
		if (c->residents > v)
			snprintf(m, sizeof(m), "Thành viên đại diện Nhân dân"
			    " (bầu từ thôn, tổ dân phố) không quá %lld người;"
			    " hiện có %lld.", (long long)v,
			    (long long)c->residents);
	} else if (strcmp(chk, "max_vice") == 0) {
		if (c->vices > v)
			snprintf(m, sizeof(m), "Ban chỉ được có tối đa %lld Phó"
			    " Trưởng ban; hiện có %lld.", (long long)v,
			    (long long)c->vices);
	} else if (strcmp(chk, "same_term") == 0) {
		check_term(q, c, m, sizeof(m));
	}
	if (m[0] != '\0')
		warn(w, id, chk, m);
}

/* The warnings of board b (its JSON) under the rule rows of its kind
 * valid on the day its term starts (R-DC-56). */
static int
board_warnings(struct store *st, json_t *b, const struct rec_owner *o,
    json_t **out, struct err *e)
{
	int64_t board_id = rec_imember(b, "id");
	const char *kind = rec_member(b, "kind");
	struct comp c = { 0, 0, 0, 0, rec_member(b, "term_start"),
	    rec_member(b, "term_end") };
	struct stmt *q;
	int rc;

	*out = json_array();
	rc = store_prepare(st, "SELECT COUNT(*), COALESCE(SUM(CASE WHEN role ="
	    " 'vice' THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN"
	    " village_id IS NOT NULL THEN 1 ELSE 0 END), 0), (SELECT COUNT(*)"
	    " FROM dc_villages WHERE unit_structure = ? AND unit_code = ?)"
	    " FROM dc_board_members WHERE board_id = ? AND left_day IS NULL",
	    &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, o->structure);
		stmt_bind_text(q, 2, o->code);
		stmt_bind_int(q, 3, board_id);
		rc = stmt_step(q, e);
		if (rc == STEP_ROW) {
			c.members = stmt_col_int(q, 0);
			c.vices = stmt_col_int(q, 1);
			c.residents = stmt_col_int(q, 2);
			c.villages = stmt_col_int(q, 3);
		}
		stmt_finalize(q);
		rc = rc < 0 ? rc : 0;
	}
	if (rc == 0)
		rc = store_prepare(st, "SELECT id, check_kind, value,"
		    " COALESCE(value2, 0), name, heads_term_start,"
		    " heads_term_end FROM dc_board_rules WHERE board_kind = ?"
		    " AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to"
		    " IS NULL OR valid_to > ?) ORDER BY id", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, kind);
		stmt_bind_text(q, 2, c.start);
		stmt_bind_text(q, 3, c.start);
		for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e))
			check_rule(q, &c, *out);
		stmt_finalize(q);
		rc = rc < 0 ? rc : 0;
	}
	if (rc != 0) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int
dc_board_get(struct store *st, const struct actor *a, int64_t id,
    json_t **out, struct err *e)
{
	json_t *b = NULL, *m = NULL, *act = NULL, *w = NULL;
	struct rec_owner o;
	int rc;

	*out = NULL;
	rc = fetch_board(st, a, id, &b, &o, e);
	if (rc == 0)
		rc = children(st, "SELECT " MEMBER_COLS MEMBER_FROM " WHERE"
		    " m.board_id = ? ORDER BY CASE m.role WHEN 'head' THEN 0"
		    " WHEN 'vice' THEN 1 ELSE 2 END, m.id", id, member_row, &m,
		    e);
	if (rc == 0)
		rc = children(st, "SELECT id, board_id, day, content,"
		    " recommendation, created_at FROM dc_board_activities WHERE"
		    " board_id = ? ORDER BY day DESC, id DESC", id,
		    activity_row, &act, e);
	if (rc == 0)
		rc = board_warnings(st, b, &o, &w, e);
	if (rc != 0) {
		json_decref(b);
		json_decref(m);
		json_decref(act);
		return rc;
	}
	*out = json_pack("{s:o, s:o, s:o, s:o}", "board", b, "members", m,
	    "activities", act, "warnings", w);
	return 0;
}

/* ---- counts ----------------------------------------------------------- */

struct sctx {
	const struct actor	*sub;
	int			 structure;
	char			 from[CAL_DATE_LEN], to[CAL_DATE_LEN];
};

/*
 * The first row of sql as integers into v[0..n).  Binds, for each char of
 * args in order: 'S' the scope (SCOPE_BINDS), 's' the structure, 'f' the
 * first day, 't' the last day of the period.
 */
static int
counts(struct store *st, const struct sctx *c, const char *sql,
    const char *args, int64_t *v, int n, struct err *e)
{
	struct stmt *q;
	int i = 1, rc;

	memset(v, 0, sizeof(*v) * (size_t)n);
	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	for (const char *p = args; *p != '\0'; p++) {
		if (*p == 'S')
			i = actor_bind_scope(c->sub, q, i);
		else if (*p == 's')
			stmt_bind_int(q, i++, c->structure);
		else
			stmt_bind_text(q, i++, *p == 'f' ? c->from : c->to);
	}
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		for (int k = 0; k < n; k++)
			v[k] = stmt_col_int(q, k);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static json_t *
matter_row(struct stmt *q)
{
	return json_pack("{s:s, s:s}", "code", stmt_col_text(q, 0), "name",
	    stmt_col_text(q, 1));
}

/* by_matter items [{code, name, held, passed, not_passed}], in order. */
static int
vote_counts(struct store *st, const struct sctx *c, json_t **out,
    struct err *e)
{
	json_int_t held = 0, passed = 0, failed = 0, na = 0;
	json_t *items = NULL, *it;
	struct stmt *q;
	size_t k;
	int i, rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT code, name FROM dc_matters ORDER BY"
	    " sort, code", &q, e);
	if (rc == 0)
		rc = rec_collect(q, matter_row, &items, e);
	if (rc != 0)
		return rc;
	json_array_foreach(items, k, it) {
		json_object_set_new(it, "held", json_integer(0));
		json_object_set_new(it, "passed", json_integer(0));
		json_object_set_new(it, "not_passed", json_integer(0));
	}
	rc = store_prepare(st, "SELECT x.matter, x.total_households,"
	    " x.present, x.yes, x.no, x.abstain, r.rule_id, r.basis, r.num,"
	    " r.den, r.strict FROM dc_votes x LEFT JOIN dc_vote_rules r ON"
	    " r.matter = x.matter WHERE " X_SCOPE " AND x.day >= ? AND"
	    " x.day <= ?", &q, e);
	if (rc != 0) {
		json_decref(items);
		return rc;
	}
	i = actor_bind_scope(c->sub, q, 1);
	stmt_bind_text(q, i++, c->from);
	stmt_bind_text(q, i, c->to);
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e)) {
		struct dc_tally t = { stmt_col_int(q, 1), stmt_col_int(q, 2),
		    stmt_col_int(q, 3), stmt_col_int(q, 4),
		    stmt_col_int(q, 5) };
		struct dc_rule r = { "", DC_BASIS_TOTAL, 0, 0, false };
		enum dc_outcome oc;
		int64_t base, need;
		const char *key;

		r.basis = !stmt_col_is_null(q, 7) &&
		    strcmp(stmt_col_text(q, 7), "present") == 0 ?
		    DC_BASIS_PRESENT : DC_BASIS_TOTAL;
		r.num = stmt_col_int(q, 8);
		r.den = stmt_col_int(q, 9);
		r.strict = stmt_col_int(q, 10) != 0;
		oc = dc_vote_outcome(stmt_col_is_null(q, 6) ? NULL : &r, &t,
		    &base, &need);
		held++;
		key = oc == DC_PASSED ? "passed" : oc == DC_NOT_PASSED ?
		    "not_passed" : NULL;
		if (oc == DC_PASSED)
			passed++;
		else if (oc == DC_NOT_PASSED)
			failed++;
		else
			na++;
		json_array_foreach(items, k, it) {
			if (strcmp(json_string_value(json_object_get(it,
			    "code")), stmt_col_text(q, 0)) != 0)
				continue;
			json_integer_set(json_object_get(it, "held"),
			    json_integer_value(json_object_get(it, "held")) + 1);
			if (key != NULL)
				json_integer_set(json_object_get(it, key),
				    json_integer_value(json_object_get(it,
				    key)) + 1);
		}
	}
	stmt_finalize(q);
	if (rc < 0) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:I, s:I, s:I, s:I, s:o}", "held", held, "passed",
	    passed, "not_passed", failed, "consultations", na, "by_matter",
	    items);
	return 0;
}

#define BOARD_ACTIVE							\
	" x.term_start <= ? AND (x.term_end IS NULL OR x.term_end >= ?)"	\
	" AND (x.dissolved_day IS NULL OR x.dissolved_day >= ?)"

static int
board_counts(struct store *st, const struct sctx *c, json_t **out,
    struct err *e)
{
	int64_t b[1], m[1], act[1];
	json_t *kinds = json_object();
	json_int_t tb = 0, tm = 0, ta = 0;
	char sql[2048];
	int rc = 0;

	for (int i = 0; board_kinds[i] != NULL && rc == 0; i++) {
		snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM dc_boards x"
		    " WHERE " X_SCOPE " AND x.kind = '%s' AND" BOARD_ACTIVE,
		    board_kinds[i]);
		rc = counts(st, c, sql, "Stff", b, 1, e);
		if (rc != 0)
			break;
		snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM"
		    " dc_board_members mb JOIN dc_boards x ON x.id ="
		    " mb.board_id WHERE " X_SCOPE " AND x.kind = '%s' AND"
		    BOARD_ACTIVE " AND (mb.elected_day IS NULL OR"
		    " mb.elected_day <= ?) AND (mb.left_day IS NULL OR"
		    " mb.left_day >= ?)", board_kinds[i]);
		rc = counts(st, c, sql, "Stfftf", m, 1, e);
		if (rc != 0)
			break;
		snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM"
		    " dc_board_activities y JOIN dc_boards x ON x.id ="
		    " y.board_id WHERE " X_SCOPE " AND x.kind = '%s' AND"
		    " y.day >= ? AND y.day <= ?", board_kinds[i]);
		rc = counts(st, c, sql, "Sft", act, 1, e);
		if (rc != 0)
			break;
		tb += b[0];
		tm += m[0];
		ta += act[0];
		json_object_set_new(kinds, board_kinds[i], json_pack(
		    "{s:I, s:I, s:I}", "boards", (json_int_t)b[0], "members",
		    (json_int_t)m[0], "activities", (json_int_t)act[0]));
	}
	if (rc != 0) {
		json_decref(kinds);
		return rc;
	}
	*out = json_pack("{s:I, s:I, s:I, s:o}", "boards", tb, "members", tm,
	    "activities", ta, "by_kind", kinds);
	return 0;
}

/* Required groups, counted once for the compliance test. */
#define REQUIRED_ALL							\
	"(SELECT COUNT(*) FROM dc_disclosure_groups WHERE required = 1)"

static int
stats_run(struct store *st, const struct sctx *c, json_t **out,
    struct err *e)
{
	int64_t d[2], cm[2], bx[1], op[2];
	json_t *votes = NULL, *boards = NULL;
	int rc;

	*out = NULL;
	rc = counts(st, c, "SELECT COUNT(*), COALESCE(SUM(x.late), 0) FROM"
	    " dc_disclosures x WHERE " X_SCOPE " AND x.from_day >= ? AND"
	    " x.from_day <= ?", "Sft", d, 2, e);
	if (rc == 0)
		rc = counts(st, c, "SELECT COUNT(*), COALESCE(SUM(CASE WHEN"
		    " (SELECT COUNT(DISTINCT d.group_code) FROM dc_disclosures d"
		    " JOIN dc_disclosure_groups g ON g.code = d.group_code AND"
		    " g.required = 1 WHERE d.unit_structure = u.structure AND"
		    " d.unit_code = u.code AND d.from_day >= ? AND d.from_day <="
		    " ?) >= " REQUIRED_ALL " THEN 1 ELSE 0 END), 0) FROM units u"
		    " WHERE u.level = 'commune' AND u.structure = ? AND "
		    U_SCOPE, "ftsS", cm, 2, e);
	if (rc == 0)
		rc = counts(st, c, "SELECT COUNT(*) FROM dc_boxes x WHERE "
		    X_SCOPE, "S", bx, 1, e);
	if (rc == 0)
		rc = counts(st, c, "SELECT COUNT(*), COALESCE(SUM(b.letters), 0)"
		    " FROM dc_box_openings b JOIN dc_boxes x ON x.id = b.box_id"
		    " WHERE " X_SCOPE " AND b.day >= ? AND b.day <= ?", "Sft", op,
		    2, e);
	if (rc == 0)
		rc = vote_counts(st, c, &votes, e);
	if (rc == 0)
		rc = board_counts(st, c, &boards, e);
	if (rc != 0) {
		json_decref(votes);
		return rc;
	}
	*out = json_pack("{s:{s:I, s:I}, s:{s:I, s:I}, s:o, s:{s:I, s:I, s:I},"
	    " s:o}", "disclosures", "count", (json_int_t)d[0], "late",
	    (json_int_t)d[1], "compliance", "communes", (json_int_t)cm[0],
	    "compliant", (json_int_t)cm[1], "votes", votes, "boxes", "boxes",
	    (json_int_t)bx[0], "openings", (json_int_t)op[0], "letters",
	    (json_int_t)op[1], "boards", boards);
	return 0;
}

int
dc_stats(struct store *st, const struct actor *a, int structure,
    const char *unit, const char *period, int cutoff, json_t **out,
    struct err *e)
{
	char label[PERIOD_LABEL_LEN], vf[CAL_DATE_LEN], vt[CAL_DATE_LEN];
	struct unit_info info;
	struct actor sub;
	struct period p;
	struct sctx c;
	json_t *res = NULL;
	bool inside;
	int rc;

	*out = NULL;
	if (cutoff < 0) {
		rc = settings_int(st, "report_cutoff_day", 15, &cutoff, e);
		if (rc != 0)
			return rc;
	}
	if (period == NULL)
		return err_set(e, ERR_INVAL, "invalid_param", "period",
		    "Thiếu kỳ báo cáo (tham số period).");
	rc = period_parse(period, cutoff, &p, e);
	if (rc != 0) {
		e->field = "period";
		return rc;
	}
	sub = *a;
	sub.role = ROLE_VIEWER;
	if (unit != NULL) {
		if (unit_lookup(st, structure, unit, &info, e) != 0)
			return err_set(e, ERR_INVAL, "invalid_param", "unit",
			    "Đơn vị hành chính không tồn tại.");
		rc = actor_in_scope(st, a, structure, unit, &inside, e);
		if (rc != 0)
			return rc;
		if (!inside)
			return err_set(e, ERR_PERM, "forbidden", "unit",
			    "Đơn vị nằm ngoài phạm vi quản lý của bạn.");
		sub.scope_structure = structure;
		snprintf(sub.scope_code, sizeof(sub.scope_code), "%s",
		    info.code);
		snprintf(sub.scope_path, sizeof(sub.scope_path), "%s",
		    info.path);
	}
	memset(&c, 0, sizeof(c));
	c.sub = &sub;
	c.structure = sub.scope_structure != 0 ? sub.scope_structure : 2025;
	cal_format(p.from, c.from);
	cal_format(p.to, c.to);
	rc = stats_run(st, &c, &res, e);
	if (rc != 0)
		return rc;
	period_label_vi(&p, label, sizeof(label));
	cal_format_vi(p.from, vf);
	cal_format_vi(p.to, vt);
	*out = json_pack("{s:{s:s, s:s, s:s, s:s, s:s}, s:O, s:O, s:O, s:O,"
	    " s:O}", "period", "from", c.from, "to", c.to, "label", label,
	    "from_vi", vf, "to_vi", vt,
	    "disclosures", json_object_get(res, "disclosures"),
	    "compliance", json_object_get(res, "compliance"),
	    "votes", json_object_get(res, "votes"),
	    "boxes", json_object_get(res, "boxes"),
	    "boards", json_object_get(res, "boards"));
	json_decref(res);
	return 0;
}
