/*
 * demo_democracy.c - demo data of grassroots democracy in the two wards
 * (Việt Trì, Hòa Bình): residential groups with their households, public
 * disclosures of 2025 (one late), resident votes that pass and fail,
 * a commune-wide ballot, a suggestion box with its openings, a People's
 * Inspection Board and a Community Investment Supervision Board.
 */
#include <stdio.h>
#include <string.h>

#include "cli/demo.h"
#include "core/err.h"
#include "domain/democracy.h"
#include "store/store.h"

#define GROUPS	6

static const char *const group_names[2][GROUPS] = {
	{ "Tổ dân phố Tân Xuân", "Tổ dân phố Hồng Hà", "Tổ dân phố Gia Cẩm",
	  "Tổ dân phố Tiên Cát", "Tổ dân phố Thọ Sơn", "Tổ dân phố Nông Trang" },
	{ "Tổ dân phố Tân Thịnh", "Tổ dân phố Hữu Nghị", "Tổ dân phố Phương Lâm",
	  "Tổ dân phố Đồng Tiến", "Tổ dân phố Thái Bình", "Tổ dân phố Chăm Mát" },
};
static const int64_t group_households[GROUPS] = { 412, 365, 298, 276, 230,
    187 };

/* The new id of a created record (member "id" of out), then out freed. */
static int64_t
take_id(json_t *out)
{
	int64_t id = json_integer_value(json_object_get(out, "id"));

	json_decref(out);
	return id;
}

static int
org_unit(struct store *st, int64_t org, struct unit_ref *u, struct err *e)
{
	struct stmt *q;
	int rc;

	memset(u, 0, sizeof(*u));
	rc = store_prepare(st, "SELECT unit_structure, unit_code FROM"
	    " organizations WHERE id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, org);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		u->set = true;
		u->structure = (int)stmt_col_int(q, 0);
		snprintf(u->code, sizeof(u->code), "%s", stmt_col_text(q, 1));
	}
	stmt_finalize(q);
	if (rc == STEP_ROW)
		return 0;
	return rc < 0 ? rc : err_set(e, ERR_NOTFOUND, "not_found", NULL,
	    "Không tìm thấy tổ chức của dữ liệu mẫu.");
}

static int
villages(struct store *st, const struct actor *a, int w, int64_t org,
    int64_t *ids, struct err *e)
{
	struct dc_village_input in;
	json_t *out = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = org_unit(st, org, &in.unit, e);
	for (int i = 0; i < GROUPS && rc == 0; i++) {
		in.name = group_names[w][i];
		in.kind = "residential_group";
		in.households = group_households[i] - 17 * w;
		in.has_households = true;
		rc = dc_village_create(st, a, &in, &out, e);
		if (rc == 0)
			ids[i] = take_id(out);
	}
	return rc;
}

static const struct {
	const char	*group, *title, *decision, *from;
	int64_t		 days;
	const char	*channels[3];
} disclosures[] = {
	{ "g01", "Kế hoạch phát triển kinh tế - xã hội năm 2025", "2025-01-06",
	  "2025-01-10", 90, { "posting", "portal", "village_head" } },
	{ "g02", "Dự toán ngân sách phường năm 2025", "2025-01-08",
	  "2025-01-15", 90, { "posting", "portal", NULL } },
	{ "g02", "Tình hình thực hiện dự toán ngân sách 6 tháng đầu năm 2025",
	  "2025-07-10", "2025-07-31", 30, { "posting", "portal", NULL } },
	{ "g03", "Phương án bồi thường, hỗ trợ giải phóng mặt bằng đường"
	  " Nguyễn Tất Thành kéo dài", "2025-03-04", "2025-03-12", 30,
	  { "posting", "conference", "village_head" } },
	{ "g05", "Bộ thủ tục hành chính thuộc thẩm quyền cấp xã", "2025-07-01",
	  "2025-07-03", 365, { "posting", "portal", NULL } },
	{ "g06", "Danh sách hộ nghèo, hộ cận nghèo được hỗ trợ năm 2025",
	  "2025-02-17", "2025-02-20", 15, { "posting", "loudspeaker",
	  "village_head" } },
	{ "g07", "Thu, chi quỹ Vì người nghèo năm 2024", "2025-01-20",
	  "2025-02-05", 30, { "posting", "conference", NULL } },
};
#define NDISC	(sizeof(disclosures) / sizeof(disclosures[0]))

static int
disclose(struct store *st, const struct actor *a, int64_t org,
    struct err *e)
{
	struct dc_disclosure_input in;
	json_t *out = NULL;
	int rc = 0;

	for (size_t i = 0; i < NDISC && rc == 0; i++) {
		memset(&in, 0, sizeof(in));
		in.org_id = org;
		in.has_org_id = true;
		in.group = disclosures[i].group;
		in.title = disclosures[i].title;
		in.decision_day = disclosures[i].decision;
		in.from_day = disclosures[i].from;
		in.duration_days = disclosures[i].days;
		in.has_duration_days = true;
		for (int k = 0; k < 3 && disclosures[i].channels[k] != NULL; k++)
			in.channels[in.nchannels++] = disclosures[i].channels[k];
		rc = dc_disclosure_create(st, a, &in, &out, e);
		json_decref(out);
		out = NULL;
	}
	return rc;
}

static int
vote(struct store *st, const struct actor *a, int64_t org, int64_t village,
    const char *matter, const char *form, const char *subject,
    const char *day, const int64_t t[4], struct err *e)
{
	struct dc_vote_input in;
	json_t *out = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	in.org_id = org;
	in.has_org_id = true;
	in.village_id = village;
	in.has_village_id = true;
	in.matter = matter;
	in.form = form;
	in.subject = subject;
	in.day = day;
	in.present = t[0];
	in.has_present = true;
	in.yes = t[1];
	in.no = t[2];
	in.abstain = t[3];
	rc = dc_vote_create(st, a, &in, &out, e);
	json_decref(out);
	return rc;
}

static int
votes(struct store *st, const struct actor *a, int64_t org,
    const int64_t *v, struct err *e)
{
	int rc;

	rc = vote(st, a, org, v[0], "procedural", "meeting", "Bầu thư ký và tổ"
	    " kiểm phiếu hội nghị", "2025-04-12", (const int64_t[]){ 318, 301,
	    9, 8 }, e);
	if (rc == 0)
		rc = vote(st, a, org, v[0], "convention", "meeting", "Thông qua"
		    " quy ước tổ dân phố (sửa đổi, bổ sung)", "2025-04-12",
		    (const int64_t[]){ 318, 287, 21, 10 }, e);
	if (rc == 0)
		rc = vote(st, a, org, v[1], "infrastructure", "meeting", "Mức"
		    " đóng góp cứng hóa ngõ xóm (300.000 đồng/hộ)", "2025-05-18",
		    (const int64_t[]){ 301, 262, 30, 9 }, e);
	if (rc == 0)
		rc = vote(st, a, org, v[2], "infrastructure", "meeting", "Mức"
		    " đóng góp lắp đèn chiếu sáng ngõ (500.000 đồng/hộ)",
		    "2025-05-25", (const int64_t[]){ 240, 171, 55, 14 }, e);
	if (rc == 0)
		rc = vote(st, a, org, v[3], "village_head", "meeting", "Bầu tổ"
		    " trưởng tổ dân phố nhiệm kỳ 2025 - 2027", "2025-06-08",
		    (const int64_t[]){ 231, 204, 19, 8 }, e);
	if (rc == 0)
		rc = vote(st, a, org, 0, "comment", "ballot", "Lấy ý kiến về dự"
		    " thảo quy hoạch chi tiết khu dân cư Đồng Tiến",
		    "2025-08-20", (const int64_t[]){ 1204, 0, 0, 0 }, e);
	return rc;
}

static int
box(struct store *st, const struct actor *a, int64_t org, struct err *e)
{
	static const struct {
		const char	*day, *by, *summary, *follow;
		int64_t		 letters;
	} op[] = {
		{ "2025-03-31", "Ủy ban MTTQ phường, UBND phường, Ban TTND",
		  "Phản ánh đèn chiếu sáng ngõ hỏng; đề nghị nạo vét rãnh"
		  " thoát nước", "Chuyển UBND phường xử lý; đã sửa đèn", 2 },
		{ "2025-06-30", "Ủy ban MTTQ phường, UBND phường, Ban TTND",
		  "Góp ý thái độ tiếp dân ở bộ phận một cửa", "Kiểm điểm,"
		  " nhắc nhở công chức", 1 },
		{ "2025-09-30", "Ủy ban MTTQ phường, Ban TTND", NULL, NULL, 0 },
	};
	struct dc_opening_input oin;
	struct dc_box_input in;
	json_t *out = NULL;
	int64_t id = 0;
	int rc;

	memset(&in, 0, sizeof(in));
	in.org_id = org;
	in.has_org_id = true;
	in.place = "Trụ sở Ủy ban nhân dân phường";
	in.installed_day = "2023-01-05";
	rc = dc_box_create(st, a, &in, &out, e);
	if (rc == 0)
		id = take_id(out);
	for (size_t i = 0; i < sizeof(op) / sizeof(op[0]) && rc == 0; i++) {
		memset(&oin, 0, sizeof(oin));
		oin.day = op[i].day;
		oin.opened_by = op[i].by;
		oin.letters = op[i].letters;
		oin.has_letters = true;
		oin.summary = op[i].summary;
		oin.follow_up = op[i].follow;
		out = NULL;
		rc = dc_opening_create(st, a, id, &oin, &out, e);
		json_decref(out);
	}
	return rc;
}

static const char *const members[] = {
	"Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn Quang", "Phạm Thị Hòa",
	"Hoàng Văn Sơn", "Đỗ Thị Nga",
};

static int
board(struct store *st, const struct actor *a, int64_t front,
    const int64_t *v, struct err *e)
{
	struct dc_activity_input act;
	struct dc_member_input m;
	struct dc_board_input in;
	json_t *out = NULL;
	int64_t id = 0;
	int rc;

	memset(&in, 0, sizeof(in));
	in.org_id = front;
	in.has_org_id = true;
	in.kind = "ttnd_commune";
	in.name = "Ban Thanh tra nhân dân phường";
	in.term_start = "2025-07-15";
	in.term_end = "2027-12-31";
	rc = dc_board_create(st, a, &in, &out, e);
	if (rc == 0)
		id = take_id(out);
	for (int i = 0; i < GROUPS && rc == 0; i++) {
		memset(&m, 0, sizeof(m));
		m.name = members[i];
		m.role = i == 0 ? "head" : i == 1 ? "vice" : "member";
		m.village_id = v[i];
		m.has_village_id = true;
		m.elected_day = "2025-07-10";
		out = NULL;
		rc = dc_member_create(st, a, id, &m, &out, e);
		json_decref(out);
	}
	memset(&act, 0, sizeof(act));
	act.day = "2025-10-15";
	act.content = "Giám sát việc thu, chi quỹ cứng hóa ngõ xóm tổ dân phố";
	act.recommendation = "Công khai bảng kê thu, chi tại nhà văn hóa";
	out = NULL;
	if (rc == 0)
		rc = dc_activity_create(st, a, id, &act, &out, e);
	json_decref(out);
	memset(&in, 0, sizeof(in));
	in.org_id = front;
	in.has_org_id = true;
	in.kind = "gsdtccd";
	in.name = "Ban Giám sát đầu tư của cộng đồng dự án cứng hóa ngõ xóm";
	in.project_name = "Cứng hóa ngõ xóm tổ dân phố năm 2025";
	in.term_start = "2025-06-01";
	out = NULL;
	if (rc == 0)
		rc = dc_board_create(st, a, &in, &out, e);
	if (rc == 0)
		id = take_id(out);
	for (int i = 0; i < 3 && rc == 0; i++) {
		memset(&m, 0, sizeof(m));
		m.name = members[GROUPS - 1 - i];
		m.role = i == 0 ? "head" : "member";
		m.village_id = v[1];
		m.has_village_id = true;
		m.elected_day = "2025-05-18";
		out = NULL;
		rc = dc_member_create(st, a, id, &m, &out, e);
		json_decref(out);
	}
	return rc;
}

int
demo_democracy(struct store *st, const struct actor *a,
    const struct demo_orgs *o, struct err *e)
{
	int64_t v[GROUPS], n = 0;
	int rc;

	/* a second `danvan demo` leaves the registers as they are */
	rc = store_query_int(st, "SELECT COUNT(*) FROM dc_villages", &n, e);
	if (rc != 0 || n > 0)
		return rc;
	for (int w = 0; w < 2 && rc == 0; w++) {
		rc = villages(st, a, w, o->ward_committee[w], v, e);
		if (rc == 0)
			rc = disclose(st, a, o->ward_committee[w], e);
		if (rc == 0)
			rc = votes(st, a, o->ward_committee[w], v, e);
		if (rc == 0)
			rc = box(st, a, o->ward_front[w], e);
		if (rc == 0)
			rc = board(st, a, o->ward_front[w], v, e);
	}
	return rc;
}
