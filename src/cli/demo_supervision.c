/*
 * demo_supervision.c - demo data of MTTQ supervision and social criticism:
 * the province Front's Tết supervision of 19 communes with its
 * recommendations, the wards' supervisions, drafts submitted for social
 * criticism at province and ward level with their comments, and the
 * people's contributions to building the Party and the government.
 */
#include <stdio.h>
#include <string.h>

#include "cli/demo.h"
#include "core/err.h"
#include "domain/dialogue.h"
#include "domain/supervision.h"
#include "store/store.h"

#define TET_UNITS	19

static int
communes(struct store *st, char codes[][UNIT_CODE_MAX], size_t max,
    size_t *n, struct err *e)
{
	struct stmt *q;
	int rc;

	*n = 0;
	rc = store_prepare(st, "SELECT code FROM units WHERE structure = 2025"
	    " AND parent_code = '25' AND level = 'commune' ORDER BY name_key,"
	    " code", &q, e);
	if (rc != 0)
		return rc;
	for (rc = stmt_step(q, e); rc == STEP_ROW && *n < max;
	    rc = stmt_step(q, e)) {
		snprintf(codes[*n], UNIT_CODE_MAX, "%s", stmt_col_text(q, 0));
		(*n)++;
	}
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static int
add_sup(struct store *st, const struct actor *a, const struct sup_input *in,
    int64_t *id, struct err *e)
{
	json_t *out = NULL;
	int rc = supervision_create(st, a, in, &out, e);

	if (rc == 0)
		*id = json_integer_value(json_object_get(out, "id"));
	json_decref(out);
	return rc;
}

static int
add_rec(struct store *st, const struct actor *a, int64_t sup,
    const struct sup_rec_input *in, struct err *e)
{
	json_t *out = NULL;
	int rc = supervision_rec_create(st, a, sup, in, &out, e);

	json_decref(out);
	return rc;
}

static int
supervisions(struct store *st, const struct actor *a,
    const struct demo_orgs *o, struct err *e)
{
	static const char *const bodies[] = { "UBND các xã, phường",
	    "Sở Y tế", "Sở Nội vụ" };
	char codes[TET_UNITS][UNIT_CODE_MAX];
	const char *units[TET_UNITS];
	struct sup_rec_input ri;
	struct sup_input in;
	size_t n = 0;
	int64_t id = 0;
	int rc;

	rc = communes(st, codes, TET_UNITS, &n, e);
	for (size_t i = 0; i < n; i++)
		units[i] = codes[i];
	memset(&in, 0, sizeof(in));
	in = (struct sup_input){ .org_id = o->province_front,
	    .has_org_id = true, .title = "Giám sát việc thăm hỏi, tặng quà "
	    "các gia đình chính sách, hộ nghèo dịp Tết Nguyên đán Ất Tỵ 2025",
	    .topic = "tet_gifts", .form = "delegation",
	    .from_day = "2025-01-10", .to_day = "2025-01-27",
	    .status = "done", .findings = "Quà Tết được trao đúng đối tượng, "
	    "đủ định mức, công khai danh sách tại nhà văn hóa khu dân cư; một "
	    "số xã chậm tổng hợp danh sách hộ cận nghèo.",
	    .bodies = bodies, .n_bodies = 3, .has_bodies = true,
	    .units = units, .n_units = n, .has_units = true };
	if (rc == 0)
		rc = add_sup(st, a, &in, &id, e);
	memset(&ri, 0, sizeof(ri));
	ri = (struct sup_rec_input){ "Rà soát, bổ sung danh sách hộ cận "
	    "nghèo được tặng quà", "UBND các xã, phường", "2025-02-28",
	    "2025-02-20", "Đã bổ sung 126 hộ vào danh sách", "closed" };
	if (rc == 0)
		rc = add_rec(st, a, id, &ri, e);
	ri = (struct sup_rec_input){ "Bố trí kinh phí tặng quà người có công "
	    "cư trú ngoài địa bàn", "Sở Nội vụ", "2025-03-31", NULL, NULL,
	    NULL };
	if (rc == 0)
		rc = add_rec(st, a, id, &ri, e);
	for (int w = 0; w < 2 && rc == 0; w++) {
		char ward[UNIT_CODE_MAX];
		const char *wu[1] = { ward };

		snprintf(ward, sizeof(ward), "%s", w == 0 ? "07900" : "04795");
		in = (struct sup_input){ .org_id = o->ward_front[w],
		    .has_org_id = true, .title = "Giám sát việc thực hiện chính "
		    "sách bảo hiểm y tế cho người cao tuổi",
		    .topic = "social_policy", .form = "documents",
		    .from_day = "2025-05-05", .to_day = "2025-06-20",
		    .status = w == 0 ? "done" : "in_progress",
		    .units = wu, .n_units = 1, .has_units = true };
		rc = add_sup(st, a, &in, &id, e);
		ri = (struct sup_rec_input){ "Cấp thẻ bảo hiểm y tế kịp thời "
		    "cho người từ đủ 75 tuổi", w == 0 ? "UBND phường Việt Trì" :
		    "UBND phường Hòa Bình", "2025-07-15", w == 0 ?
		    "2025-07-10" : NULL, w == 0 ? "Đã cấp bổ sung 48 thẻ" :
		    NULL, NULL };
		if (rc == 0)
			rc = add_rec(st, a, id, &ri, e);
	}
	in = (struct sup_input){ .org_id = o->ward_front[0], .has_org_id = true,
	    .title = "Giám sát việc lấy ý kiến Nhân dân về quy hoạch khu "
	    "dân cư mới", .topic = "land_environment", .form = "boards",
	    .from_day = "2025-10-01", .to_day = "2025-11-30" };
	if (rc == 0)
		rc = add_sup(st, a, &in, &id, e);
	return rc;
}

static int
drafts(struct store *st, const struct actor *a, const struct demo_orgs *o,
    struct err *e)
{
	static const struct {
		int		 who;	/* 0, 1 wards; 2 province */
		const char	*title, *issuer, *level, *type, *form, *day;
	} docs[] = {
		{ 2, "Dự thảo Nghị quyết về chính sách hỗ trợ nhà ở cho hộ "
		  "nghèo giai đoạn 2025 - 2030", "UBND tỉnh Phú Thọ", "province",
		  "resolution", "conference", "2025-03-04" },
		{ 2, "Dự thảo Quy hoạch mạng lưới trường học tỉnh Phú Thọ",
		  "Sở Giáo dục và Đào tạo", "province", "planning", "written",
		  "2025-08-12" },
		{ 0, "Dự thảo Kế hoạch chỉnh trang đô thị phường Việt Trì năm "
		  "2026", "UBND phường Việt Trì", "commune", "plan", "conference",
		  "2025-09-15" },
		{ 0, "Dự thảo Đề án thu gom, phân loại rác thải tại nguồn",
		  "UBND phường Việt Trì", "commune", "project", "dialogue",
		  "2025-10-02" },
		{ 1, "Dự thảo Quyết định ban hành quy chế dân chủ ở cơ sở",
		  "UBND phường Hòa Bình", "commune", "decision", "written",
		  "2025-09-20" },
	};
	static const struct {
		const char	*content, *result, *reason;
	} comments[] = {
		{ "Bổ sung tiêu chí ưu tiên hộ có người khuyết tật.", "accepted",
		  NULL },
		{ "Làm rõ nguồn kinh phí đối ứng của cấp xã.", "partly", NULL },
		{ "Đề nghị nâng mức hỗ trợ lên 80 triệu đồng mỗi hộ.",
		  "not_accepted", "Vượt khả năng cân đối ngân sách năm 2025." },
		{ "Quy định rõ trách nhiệm của trưởng khu dân cư.", "pending",
		  NULL },
	};
	struct crit_comment_input ci;
	struct crit_input in;
	json_t *out = NULL;
	int64_t id;
	int rc = 0;

	for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]) && rc == 0;
	    i++) {
		in = (struct crit_input){ .org_id = docs[i].who == 2 ?
		    o->province_front : o->ward_front[docs[i].who],
		    .has_org_id = true, .title = docs[i].title,
		    .issuer = docs[i].issuer, .level = docs[i].level,
		    .doc_type = docs[i].type, .form = docs[i].form,
		    .received_day = docs[i].day };
		rc = criticism_create(st, a, &in, &out, e);
		id = json_integer_value(json_object_get(out, "id"));
		json_decref(out);
		out = NULL;
		for (size_t k = 0; k < 4 && rc == 0; k++) {
			if ((i + k) % 3 == 2 && k != 2)
				continue;
			ci = (struct crit_comment_input){ comments[k].content,
			    comments[k].result, comments[k].reason };
			rc = criticism_comment_create(st, a, id, &ci, &out, e);
			json_decref(out);
			out = NULL;
		}
	}
	return rc;
}

/* QĐ 218: contributions of the people to building the Party and the
 * government, opinions of channel party_building. */
static int
party_building(struct store *st, const struct actor *a,
    const struct demo_orgs *o, struct err *e)
{
	static const char *const text[] = {
		"Đề nghị cán bộ, đảng viên khu dân cư thường xuyên nắm tình hình, "
		"lắng nghe ý kiến Nhân dân.",
		"Góp ý rút ngắn thời gian giải quyết thủ tục cấp giấy chứng nhận "
		"quyền sử dụng đất.",
	};
	struct opinion_response resp;
	struct opinion_input oi;
	json_t *out = NULL;
	int64_t id;
	int rc = 0;

	for (int w = 0; w < 2 && rc == 0; w++) {
		for (int k = 0; k < 2 && rc == 0; k++) {
			memset(&oi, 0, sizeof(oi));
			oi.org_id = o->ward_front[w];
			oi.has_org_id = true;
			oi.channel = "party_building";
			oi.day = k == 0 ? "2025-04-22" : "2025-09-08";
			oi.content = text[k];
			oi.field = k == 0 ? "party" : "land";
			oi.raised_by = k == 0 ? "Cử tri khu dân cư số 3" : NULL;
			rc = opinion_create(st, a, 0, &oi, &out, e);
			id = json_integer_value(json_object_get(out, "id"));
			json_decref(out);
			out = NULL;
			if (rc != 0 || k != 0)
				continue;
			memset(&resp, 0, sizeof(resp));
			resp.status = "answered";
			resp.answer = "Đảng ủy phường đã chỉ đạo chi bộ khu dân cư "
			    "tổ chức tiếp xúc, đối thoại hằng quý.";
			resp.day = "2025-05-10";
			rc = opinion_respond(st, a, id, &resp, &out, e);
			json_decref(out);
			out = NULL;
		}
	}
	return rc;
}

int
demo_supervision(struct store *st, const struct actor *a,
    const struct demo_orgs *o, struct err *e)
{
	int64_t n = 0;
	int rc;

	rc = store_query_int(st, "SELECT COUNT(*) FROM supervisions", &n, e);
	if (rc != 0 || n > 0)
		return rc;		/* demo already loaded */
	rc = supervisions(st, a, o, e);
	if (rc == 0)
		rc = drafts(st, a, o, e);
	if (rc == 0)
		rc = party_building(st, a, o, e);
	return rc;
}
