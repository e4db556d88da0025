/*
 * demo_directives.c - demo data of the directives register (Nghị quyết
 * 25-NQ/TW, Chỉ thị 16/CT-TTg, the wards' plans with their tasks and
 * reviews), organisation changes (kiện toàn chủ tịch, phó chủ tịch MTTQ)
 * and campaigns (Tết gifts, nhà đại đoàn kết, donations, volunteer labour
 * on roads and canals) in Phú Thọ.
 */
#include <stdio.h>
#include <string.h>

#include "cli/demo.h"
#include "core/calendar.h"
#include "core/err.h"
#include "domain/campaign.h"
#include "domain/directive.h"
#include "domain/staffing.h"
#include "store/store.h"

/* Skip when the demo directives are there already. */
static int
loaded(struct store *st, bool *yes, struct err *e)
{
	struct stmt *q;
	int rc;

	*yes = false;
	rc = store_prepare(st, "SELECT COUNT(*) FROM directives", &q, e);
	if (rc != 0)
		return rc;
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		*yes = stmt_col_int(q, 0) > 0;
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static int
add_directive(struct store *st, const struct actor *a,
    const struct directive_input *in, int64_t *id, struct err *e)
{
	json_t *out = NULL;
	int rc = directive_create(st, a, in, &out, e);

	if (rc == 0)
		*id = json_integer_value(json_object_get(out, "id"));
	json_decref(out);
	return rc;
}

static int
add_task(struct store *st, const struct actor *a, int64_t dir,
    const char *content, const int64_t *orgs, size_t n, const char *deadline,
    const char *status, int64_t percent, const char *notes, struct err *e)
{
	bool done = status != NULL && strcmp(status, "done") == 0;
	struct directive_task_input in = { content, orgs, n, true, deadline,
	    status, percent, percent > 0, notes, done ? deadline : NULL };
	json_t *out = NULL;
	int rc = directive_task_create(st, a, dir, &in, &out, e);

	json_decref(out);
	return rc;
}

static int
add_review(struct store *st, const struct actor *a, int64_t dir,
    const char *kind, const char *day, const char *summary, struct err *e)
{
	struct directive_review_input in = { kind, day, summary };
	json_t *out = NULL;
	int rc = directive_review_create(st, a, dir, &in, &out, e);

	json_decref(out);
	return rc;
}

static int
directives(struct store *st, const struct actor *a,
    const struct demo_orgs *o, struct err *e)
{
	char soon[CAL_DATE_LEN];
	int64_t d1 = 0, d2 = 0, d3 = 0;
	int rc;

	cal_format(cal_today() + 10, soon);
	rc = add_directive(st, a, &(struct directive_input){
	    o->province_board, true, "resolution", "25-NQ/TW",
	    "Ban Chấp hành Trung ương Đảng (khóa XI)", "2013-06-03",
	    "Về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác "
	    "dân vận trong tình hình mới", "2013-06-03", NULL }, &d1, e);
	if (rc == 0)
		rc = add_task(st, a, d1, "Tham mưu sơ kết 10 năm thực hiện Nghị "
		    "quyết 25-NQ/TW trên địa bàn tỉnh",
		    (const int64_t[]){ o->province_board, o->province_front }, 2,
		    "2023-06-30", "done", 100, "Đã tổ chức hội nghị sơ kết.", e);
	if (rc == 0)
		rc = add_review(st, a, d1, "interim", "2023-06-20", "Sơ kết 10 "
		    "năm: 100% cấp ủy cơ sở ban hành chương trình hành động; "
		    "công tác dân vận chuyển biến rõ nét.", e);
	if (rc == 0)
		rc = add_directive(st, a, &(struct directive_input){
		    o->province_committee, true, "directive", "16/CT-TTg",
		    "Thủ tướng Chính phủ", "2016-05-16", "Về tăng cường và đổi "
		    "mới công tác dân vận trong cơ quan hành chính nhà nước, "
		    "chính quyền các cấp trong tình hình mới", NULL, NULL }, &d2,
		    e);
	if (rc == 0)
		rc = add_task(st, a, d2, "Đưa nội dung dân vận chính quyền vào "
		    "tiêu chí thi đua của các sở, ngành",
		    (const int64_t[]){ o->province_committee }, 1, "2025-12-31",
		    "in_progress", 70, NULL, e);
	if (rc == 0)
		rc = add_directive(st, a, &(struct directive_input){
		    o->ward_front[0], true, "plan", "12/KH-MTTQ-BTT",
		    "Ban Thường trực Ủy ban MTTQ Việt Nam phường Việt Trì",
		    "2025-02-10", "Kế hoạch thực hiện Cuộc vận động \"Toàn dân "
		    "đoàn kết xây dựng nông thôn mới, đô thị văn minh\" năm 2025",
		    "2025-01-01", "2025-12-31" }, &d3, e);
	if (rc == 0)
		rc = add_task(st, a, d3, "Vận động xây dựng 03 nhà đại đoàn kết "
		    "cho hộ nghèo", (const int64_t[]){ o->ward_front[0] }, 1,
		    "2025-09-30", "done", 100, "Bàn giao 03 nhà ngày 02/9.", e);
	if (rc == 0)
		rc = add_task(st, a, d3, "Ra quân bê tông hóa 2,5 km đường liên "
		    "tổ dân phố", (const int64_t[]){ o->ward_front[0],
		    o->ward_committee[0] }, 2, "2025-11-30", "in_progress", 60,
		    NULL, e);
	if (rc == 0)
		rc = add_task(st, a, d3, "Tổng kết Cuộc vận động, biểu dương "
		    "điển hình", (const int64_t[]){ o->ward_front[0] }, 1, soon,
		    NULL, 0, NULL, e);
	return rc;
}

static int
add_change(struct store *st, const struct actor *a, int64_t org,
    const char *position, const char *kind, const char *person,
    const char *day, struct err *e)
{
	struct staffing_input in = { org, true, position, kind, person, day,
	    NULL };
	json_t *out = NULL;
	int rc = staffing_create(st, a, &in, &out, e);

	json_decref(out);
	return rc;
}

static int
changes(struct store *st, const struct actor *a, const struct demo_orgs *o,
    struct err *e)
{
	int rc;

	rc = add_change(st, a, o->ward_front[0], "chair", "elected",
	    "Nguyễn Thị Thu Hà", "2025-07-15", e);
	if (rc == 0)
		rc = add_change(st, a, o->ward_front[0], "vice_chair", "elected",
		    "Phạm Văn Khánh", "2025-07-15", e);
	if (rc == 0)
		rc = add_change(st, a, o->ward_front[1], "chair", "appointed",
		    "Bùi Quang Minh", "2025-07-20", e);
	if (rc == 0)
		rc = add_change(st, a, o->ward_front[1], "vice_chair", "dismissed",
		    "Hà Thị Yến", "2025-03-31", e);
	if (rc == 0)
		rc = add_change(st, a, o->province_front, "vice_chair", "replaced",
		    "Đỗ Minh Tuấn", "2025-08-01", e);
	return rc;
}

static int
add_campaign(struct store *st, const struct actor *a,
    const struct campaign_input *in, struct err *e)
{
	json_t *out = NULL;
	int rc = campaign_create(st, a, in, &out, e);

	json_decref(out);
	return rc;
}

static int
campaigns(struct store *st, const struct actor *a, const struct demo_orgs *o,
    struct err *e)
{
	struct campaign_input in;
	int rc;

	memset(&in, 0, sizeof(in));
	in = (struct campaign_input){ .org_id = o->ward_front[0],
	    .kind = "gifts", .title = "Thăm hỏi, tặng quà gia đình chính sách "
	    "dịp Tết Nguyên đán Ất Tỵ", .day = "2025-01-20",
	    .target = "policy_families", .visits = 235, .money = 117500000 };
	rc = add_campaign(st, a, &in, e);
	if (rc == 0) {
		in = (struct campaign_input){ .org_id = o->ward_front[1],
		    .kind = "houses_built", .title = "Bàn giao nhà đại đoàn kết "
		    "cho hộ nghèo", .place = "Tổ dân phố 7", .day = "2025-09-02",
		    .target = "poor_households", .households = 3,
		    .money = 180000000 };
		rc = add_campaign(st, a, &in, e);
	}
	if (rc == 0) {
		in = (struct campaign_input){ .org_id = o->province_front,
		    .kind = "donations", .title = "Vận động ủng hộ đồng bào bị "
		    "thiệt hại do bão số 3", .day = "2024-09-15",
		    .end_day = "2024-10-15", .target = "disaster",
		    .money = 1250000000 };
		rc = add_campaign(st, a, &in, e);
	}
	if (rc == 0) {
		in = (struct campaign_input){ .org_id = o->ward_front[0],
		    .kind = "volunteer_labour", .title = "Ra quân làm đường bê "
		    "tông liên tổ và nạo vét kênh mương nội đồng",
		    .day = "2025-04-06", .target = "community",
		    .labour_days = 450, .road_m = 2500, .canal_m = 2000 };
		rc = add_campaign(st, a, &in, e);
	}
	return rc;
}

int
demo_directives(struct store *st, const struct actor *a,
    const struct demo_orgs *o, struct err *e)
{
	bool yes = false;
	int rc;

	rc = loaded(st, &yes, e);
	if (rc != 0 || yes)
		return rc;
	rc = directives(st, a, o, e);
	if (rc == 0)
		rc = changes(st, a, o, e);
	if (rc == 0)
		rc = campaigns(st, a, o, e);
	return rc;
}
