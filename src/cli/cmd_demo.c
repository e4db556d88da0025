/*
 * cmd_demo.c - danvan demo: a small demo data set on real units, for the
 * quick start: organisations of Phú Thọ province (2025) and of old Hòa
 * Bình (2024), and users of each role.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/demo.h"
#include "core/err.h"
#include "core/calendar.h"
#include "domain/org.h"
#include "domain/deadline.h"
#include "domain/dialogue.h"
#include "domain/dvk.h"
#include "domain/petition.h"
#include "domain/reception.h"
#include "domain/user.h"
#include "store/store.h"

#define DEMO_PASSWORD	"demo-password-1"

static const struct {
	int		 structure;
	const char	*unit;
	const char	*type;
	const char	*name;
} demo_orgs[] = {
	{ 2025, "25", "mass_mobilization_board",
	  "Ban Tuyên giáo và Dân vận Tỉnh ủy Phú Thọ" },
	{ 2025, "25", "fatherland_front", "Ủy ban MTTQ Việt Nam tỉnh Phú Thọ" },
	{ 2025, "25", "people_committee", "Ủy ban nhân dân tỉnh Phú Thọ" },
	{ 2025, "25", "mass_organization", "Hội Nông dân tỉnh Phú Thọ" },
	{ 2025, "25", "mass_organization", "Hội Liên hiệp Phụ nữ tỉnh Phú Thọ" },
	{ 2025, "25", "mass_organization",
	  "Tỉnh đoàn Phú Thọ (Đoàn Thanh niên Cộng sản Hồ Chí Minh)" },
	{ 2024, "17", "mass_mobilization_board", "Ban Dân vận Tỉnh ủy Hòa Bình" },
	{ 2024, "17", "fatherland_front", "Ủy ban MTTQ Việt Nam tỉnh Hòa Bình" },
	{ 2024, "148", "mass_mobilization_board",
	  "Ban Dân vận Thành ủy Hòa Bình" },
	{ 2025, "07900", "people_committee", "Ủy ban nhân dân phường Việt Trì" },
	{ 2025, "07900", "fatherland_front",
	  "Ủy ban MTTQ Việt Nam phường Việt Trì" },
	{ 2025, "04795", "people_committee", "Ủy ban nhân dân phường Hòa Bình" },
	{ 2025, "04795", "fatherland_front",
	  "Ủy ban MTTQ Việt Nam phường Hòa Bình" },
};

static const struct {
	const char	*username;
	const char	*full_name;
	const char	*role;
	int		 structure;
	const char	*unit;
} demo_users[] = {
	{ "quantri.tinh", "Nguyễn Văn An", "unit_admin", 2025, "25" },
	{ "lanhdao.tinh", "Trần Thị Bình", "leader", 2025, "25" },
	{ "canbo.tinh", "Lê Minh Châu", "officer", 2025, "25" },
	{ "xem.tinh", "Phạm Thu Dung", "viewer", 2025, "25" },
	{ "chutich.viettri", "Hoàng Văn Đức", "leader", 2025, "07900" },
	{ "canbo.viettri", "Vũ Thị Hoa", "officer", 2025, "07900" },
	{ "canbo.hoabinh", "Đinh Công Khánh", "officer", 2025, "04795" },
};

/* Demo letters: who, about what; the rest varies with the index. */
static const char *const demo_names[] = {
	"Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn Tâm", "Phạm Thị Hằng",
	"Hoàng Minh Tuấn", "Đỗ Thị Mai", "Bùi Văn Long", "Đặng Thị Thu",
};
static const struct {
	const char	*classification, *field, *subject, *content;
} demo_letters[] = {
	{ "complaint", "land", "Quyết định thu hồi đất",
	  "Khiếu nại quyết định thu hồi đất vì diện tích bồi thường chưa đúng"
	  " với thực tế sử dụng." },
	{ "recommendation", "construction", "Đường giao thông tổ dân phố",
	  "Kiến nghị sửa chữa tuyến đường nội bộ tổ dân phố bị xuống cấp,"
	  " mùa mưa ngập úng." },
	{ "reflection", "environment", "Ô nhiễm tiếng ồn, khói bụi",
	  "Phản ánh cơ sở sản xuất gây tiếng ồn và khói bụi ảnh hưởng sinh"
	  " hoạt của các hộ dân xung quanh." },
	{ "denunciation", "civil_servant", "Cán bộ địa chính",
	  "Tố cáo cán bộ địa chính gây phiền hà, sách nhiễu khi làm thủ tục"
	  " cấp giấy chứng nhận quyền sử dụng đất." },
	{ "recommendation", "social_policy", "Chế độ người có công",
	  "Kiến nghị xem xét giải quyết chế độ trợ cấp cho thân nhân người có"
	  " công với cách mạng." },
	{ "complaint", "compensation", "Phương án bồi thường, tái định cư",
	  "Khiếu nại phương án bồi thường, hỗ trợ tái định cư của dự án mở"
	  " rộng đường." },
};

/* Run an action on petition id; the demo stops at the first error. */
static int
demo_act(struct store *st, const struct actor *a, int64_t id,
    enum petition_act act, struct petition_action *in, struct err *e)
{
	json_t *out = NULL;
	int rc;

	rc = petition_act(st, a, id, act, in, &out, e);
	json_decref(out);
	return rc;
}

static int64_t
json_id(json_t *obj)
{
	return (int64_t)json_integer_value(json_object_get(obj, "id"));
}

/* A chair's weekly reception at each ward through 2025 (R-TCD-13), a few
 * weeks missed, with one to three visits a session. */
static int
demo_reception(struct store *st, const struct actor *a, const int64_t *ward,
    struct err *e)
{
	static const char *const chair[] = { "Hoàng Văn Đức", "Ngô Thị Hạnh" };
	static const char *const place[] = {
		"Trụ sở tiếp công dân phường Việt Trì",
		"Trụ sở tiếp công dân phường Hòa Bình"
	};
	static const char *const dirs[] = { "accept", "guide_and_return",
	    "forward", "none" };
	struct reception_schedule_input si;
	struct reception_session_input ss;
	struct reception_visit_input vi;
	struct calendar *cal = NULL;
	char day[CAL_DATE_LEN], pattern[8], addr[120];
	size_t nl = sizeof(demo_letters) / sizeof(demo_letters[0]);
	json_t *out;
	int64_t sched, sess;
	cal_day monday, d;
	int rc, v = 0;

	rc = calendar_load(st, 2025, 2025, &cal, e);
	if (rc != 0)
		return rc;
	cal_from_ymd(2025, 1, 6, &monday);
	for (int w = 0; w < 2 && rc == 0; w++) {
		memset(&si, 0, sizeof(si));
		si.org_id = ward[w];
		si.has_org_id = true;
		si.leader_name = chair[w];
		si.leader_title = "Chủ tịch UBND phường";
		si.rule_id = "R-TCD-13";
		snprintf(pattern, sizeof(pattern), "week:%d", w == 0 ? 4 : 2);
		si.pattern = pattern;
		si.valid_from = "2025-01-01";
		out = NULL;
		rc = reception_schedule_create(st, a, &si, &out, e);
		sched = json_id(out);
		json_decref(out);
		for (int k = 0; k < 44 && rc == 0; k++) {
			if (k % 6 == 5)
				continue;	/* a missed week */
			d = calendar_next_working(cal, monday + 7 * k +
			    (w == 0 ? 3 : 1));
			cal_format(d, day);
			memset(&ss, 0, sizeof(ss));
			ss.org_id = ward[w];
			ss.has_org_id = true;
			ss.kind = k % 4 == 3 ? "regular" : "periodic";
			ss.schedule_id = sched;
			ss.has_schedule_id = k % 4 != 3;
			ss.day = day;
			ss.place = place[w];
			ss.host_name = k % 4 == 3 ? "Cán bộ tiếp công dân" :
			    chair[w];
			out = NULL;
			rc = reception_session_create(st, a, &ss, &out, e);
			sess = json_id(out);
			json_decref(out);
			for (int j = 0; j <= k % 3 && rc == 0; j++, v++) {
				size_t l = (size_t)v % nl;

				snprintf(addr, sizeof(addr), "Tổ dân phố %d, %s",
				    v % 9 + 1, w == 0 ? "phường Việt Trì" :
				    "phường Hòa Bình");
				memset(&vi, 0, sizeof(vi));
				vi.citizen_name = demo_names[(size_t)v %
				    (sizeof(demo_names) / sizeof(demo_names[0]))];
				vi.citizen_address = addr;
				vi.persons = v % 11 == 5 ? 9 : 1 + v % 2;
				vi.has_persons = true;
				vi.representatives = v % 11 == 5 ? 2 : 0;
				vi.has_representatives = true;
				vi.content = demo_letters[l].content;
				vi.classification =
				    demo_letters[l].classification;
				vi.field = demo_letters[l].field;
				vi.direction = dirs[v % 4];
				vi.forwarded_to = v % 4 == 2 ?
				    "Ủy ban nhân dân tỉnh Phú Thọ" : NULL;
				out = NULL;
				rc = reception_visit_create(st, a, sess, &vi,
				    &out, e);
				json_decref(out);
			}
		}
	}
	calendar_free(cal);
	return rc;
}

/* About forty letters through 2025 at the two wards, in every state. */
static int
demo_petitions(struct store *st, const struct actor *a, const int64_t *ward,
    int64_t province, struct err *e)
{
	char day[CAL_DATE_LEN], later[CAL_DATE_LEN], addr[200];
	struct petition_input in;
	json_t *out;
	int64_t id;
	struct petition_action act;
	cal_day start, d;
	size_t nl = sizeof(demo_letters) / sizeof(demo_letters[0]);
	int rc = 0;

	cal_from_ymd(2025, 1, 6, &start);
	for (int i = 0; i < 40 && rc == 0; i++) {
		size_t k = (size_t)i % nl;

		d = start + i * 8;
		cal_format(d, day);
		snprintf(addr, sizeof(addr), "Tổ dân phố %d, %s", i % 9 + 1,
		    i % 2 == 0 ? "phường Việt Trì" : "phường Hòa Bình");
		memset(&in, 0, sizeof(in));
		in.org_id = ward[i % 2];
		in.has_org_id = true;
		in.source = i % 3 == 0 ? "visit" : "post";
		in.received_day = day;
		in.petitioner_name = demo_names[(size_t)i %
		    (sizeof(demo_names) / sizeof(demo_names[0]))];
		in.petitioner_address = addr;
		in.subject = demo_letters[k].subject;
		in.content = demo_letters[k].content;
		in.persons = i % 10 == 4 ? 12 : 1;
		in.has_persons = true;
		out = NULL;
		rc = petition_create(st, a, &in, &out, e);
		if (rc != 0)
			break;
		id = (int64_t)json_integer_value(json_object_get(
		    json_object_get(out, "petition"), "id"));
		json_decref(out);
		memset(&act, 0, sizeof(act));
		act.classification = demo_letters[k].classification;
		act.eligibility = "eligible";
		act.field = demo_letters[k].field;
		rc = demo_act(st, a, id, PA_CLASSIFY, &act, e);
		if (rc != 0 || i >= 36)
			continue;	/* the newest stay received */
		memset(&act, 0, sizeof(act));
		cal_format(d + 3, later);
		act.day = later;
		if (i % 9 == 8) {
			act.has_to_org_id = true;
			act.to_org_id = province;
			act.note = "Vượt thẩm quyền cấp xã.";
			rc = demo_act(st, a, id, PA_FORWARD, &act, e);
			continue;
		}
		rc = demo_act(st, a, id, PA_ACCEPT, &act, e);
		if (rc == 0 && i % 10 == 4) {
			memset(&act, 0, sizeof(act));
			act.has_mass_case = act.mass_case = true;
			cal_format(d + 50, later);
			act.settled_day = i < 20 ? later : NULL;
			rc = demo_act(st, a, id, PA_MASS_CASE, &act, e);
		}
		if (rc != 0 || i >= 30)
			continue;	/* still being resolved */
		memset(&act, 0, sizeof(act));
		cal_format(d + (i % 7 == 6 ? 70 : 20), later);
		act.day = later;
		act.result = "Đã xem xét, trả lời bằng văn bản cho công dân.";
		rc = demo_act(st, a, id, PA_RESOLVE, &act, e);
	}
	return rc;
}

/* Dialogues at both wards through 2025, three opinions each, followed
 * up in every way; the year's "Dân vận khéo" models of the province and
 * the wards (2024 and 2025) and the wards' breakthrough tasks. */
static int
demo_mobilisation(struct store *st, const struct actor *a,
    const int64_t *ward, int64_t province_front, struct err *e)
{
	static const char *const groups[] = { "citizens", "youth", "farmers",
	    "business" };
	static const char *const opinions[] = {
		"Đề nghị sớm sửa chữa tuyến đường liên tổ bị xuống cấp.",
		"Phản ánh tình trạng thu gom rác thải chưa đúng giờ.",
		"Kiến nghị hỗ trợ vốn vay cho hộ sản xuất kinh doanh nhỏ.",
	};
	static const char *const fields[] = { "construction", "environment",
	    "social_policy" };
	static const struct {
		const char	*name, *field, *kind, *status;
		int		 year, who;	/* who: 0, 1 wards; 2 province */
	} models[] = {
		{ "Dân vận khéo trong vận động hiến đất mở rộng đường", "new_rural",
		  "collective", "recognised", 2024, 0 },
		{ "Tổ dân phố tự quản về an ninh trật tự", "defense_security",
		  "collective", "recognised", 2024, 1 },
		{ "Hội viên phụ nữ giúp nhau phát triển kinh tế", "economy",
		  "collective", "evaluated", 2024, 2 },
		{ "Dân vận khéo trong cải cách hành chính", "political_system",
		  "collective", "recognised", 2025, 0 },
		{ "Tuyến phố văn minh, sạch đẹp", "culture_society",
		  "collective", "implementing", 2025, 0 },
		{ "Cựu chiến binh làm kinh tế giỏi", "economy", "individual",
		  "recognised", 2025, 1 },
		{ "Thu gom, phân loại rác tại nguồn", "culture_society",
		  "collective", "implementing", 2025, 1 },
		{ "Mặt trận tham gia giám sát công trình dân sinh",
		  "political_system", "collective", "registered", 2025, 2 },
	};
	static const char *const tasks[] = {
		"Hoàn thành chuyển đổi số thủ tục hành chính cấp phường",
		"Giải quyết dứt điểm các vụ việc khiếu nại kéo dài",
		"Chỉnh trang đô thị các tuyến phố chính",
	};
	struct opinion_response resp;
	struct dvk_model_input mi;
	struct breakthrough_input bi;
	struct dialogue_input di;
	struct opinion_input oi;
	char day[CAL_DATE_LEN], due[CAL_DATE_LEN];
	int64_t dlg, op;
	json_t *out;
	cal_day d;
	int rc = 0;

	for (int w = 0; w < 2 && rc == 0; w++) {
		for (int k = 0; k < 4 && rc == 0; k++) {
			cal_from_ymd(2025, 2 + 3 * k, 10 + w, &d);
			cal_format(d, day);
			memset(&di, 0, sizeof(di));
			di.org_id = ward[w];
			di.has_org_id = true;
			di.host_name = w == 0 ? "Hoàng Văn Đức" : "Ngô Thị Hạnh";
			di.host_title = "Chủ tịch UBND phường";
			di.target_group = groups[k];
			di.day = day;
			di.place = "Nhà văn hóa tổ dân phố";
			di.participants = 80 + 35 * k + 10 * w;
			di.has_participants = true;
			out = NULL;
			rc = dialogue_create(st, a, &di, &out, e);
			dlg = json_id(out);
			json_decref(out);
			for (int j = 0; j < 3 && rc == 0; j++) {
				memset(&oi, 0, sizeof(oi));
				oi.content = opinions[j];
				oi.field = fields[j];
				oi.raised_by = "Đại biểu tổ dân phố";
				out = NULL;
				rc = opinion_create(st, a, dlg, &oi, &out, e);
				op = json_id(out);
				json_decref(out);
				if (rc != 0)
					break;
				memset(&resp, 0, sizeof(resp));
				resp.day = day;
				if (j == 0) {
					resp.status = "answered";
					resp.answer = "Đã trả lời tại hội nghị.";
				} else if (j == 1) {
					resp.status = "forwarded";
					resp.forwarded_to = "Ủy ban nhân dân tỉnh";
					cal_format(d + 30, due);
					resp.due_day = due;
				} else {
					resp.status = "studying";
				}
				out = NULL;
				rc = opinion_respond(st, a, op, &resp, &out, e);
				json_decref(out);
			}
		}
	}
	for (size_t i = 0; i < sizeof(models) / sizeof(models[0]) && rc == 0;
	    i++) {
		memset(&mi, 0, sizeof(mi));
		mi.org_id = models[i].who == 2 ? province_front :
		    ward[models[i].who];
		mi.has_org_id = true;
		mi.name = models[i].name;
		mi.field = models[i].field;
		mi.kind = models[i].kind;
		mi.year = models[i].year;
		mi.has_year = true;
		out = NULL;
		rc = dvk_model_create(st, a, &mi, &out, e);
		if (rc == 0 && strcmp(models[i].status, "registered") != 0) {
			int64_t id = json_id(out);

			memset(&mi, 0, sizeof(mi));
			mi.status = models[i].status;
			mi.results = "Được Nhân dân đồng tình, hưởng ứng.";
			json_decref(out);
			out = NULL;
			rc = dvk_model_update(st, a, id, &mi, &out, e);
		}
		json_decref(out);
	}
	for (int w = 0; w < 2 && rc == 0; w++)
		for (size_t t = 0; t < 3 && rc == 0; t++) {
			memset(&bi, 0, sizeof(bi));
			bi.org_id = ward[w];
			bi.has_org_id = true;
			bi.year = 2025;
			bi.has_year = true;
			bi.title = tasks[t];
			out = NULL;
			rc = breakthrough_create(st, a, &bi, &out, e);
			json_decref(out);
		}
	return rc;
}

int
cmd_demo(const struct cmd *c, int argc, char **argv)
{
	const char *db = NULL, *key = NULL;
	struct opt opts[] = { { "--db", &db, NULL }, { "--key-file", &key, NULL },
	    { NULL, NULL, NULL } };
	int64_t org_ids[sizeof(demo_orgs) / sizeof(demo_orgs[0])];
	struct store *st = NULL;
	struct demo_orgs dorgs;
	struct actor cli;
	struct err e = { 0 };
	json_t *out;
	int rc = 0;

	if (opt_parse(c, argc, argv, opts, 1) != 0)
		return 2;
	if (cli_open(db, &st, &e) != 0)
		return 1;
	if (cli_key(db, key, false, false) != 0) {
		store_close(st);
		return 1;
	}
	actor_init_cli(&cli);
	for (size_t i = 0; i < sizeof(demo_orgs) / sizeof(demo_orgs[0]); i++) {
		struct org_input in;

		memset(&in, 0, sizeof(in));
		in.name = demo_orgs[i].name;
		in.type = demo_orgs[i].type;
		in.unit.set = true;
		in.unit.structure = demo_orgs[i].structure;
		snprintf(in.unit.code, sizeof(in.unit.code), "%s",
		    demo_orgs[i].unit);
		out = NULL;
		rc = org_create(st, &cli, &in, &out, &e);
		org_ids[i] = rc == 0 ? (int64_t)json_integer_value(
		    json_object_get(out, "id")) : 0;
		json_decref(out);
		if (rc != 0)
			goto out;
	}
	for (size_t i = 0; i < sizeof(demo_users) / sizeof(demo_users[0]); i++) {
		struct user_input in;

		memset(&in, 0, sizeof(in));
		in.username = demo_users[i].username;
		in.full_name = demo_users[i].full_name;
		in.password = DEMO_PASSWORD;
		in.role = demo_users[i].role;
		in.unit.set = true;
		in.unit.structure = demo_users[i].structure;
		snprintf(in.unit.code, sizeof(in.unit.code), "%s",
		    demo_users[i].unit);
		out = NULL;
		rc = user_create(st, &cli, &in, &out, &e);
		json_decref(out);
		if (rc == ERR_EXISTS)
			rc = 0;		/* demo already loaded */
		if (rc != 0)
			goto out;
	}
	dorgs = (struct demo_orgs){ .province_front = org_ids[1],
	    .province_committee = org_ids[2], .province_board = org_ids[0],
	    .ward_committee = { org_ids[9], org_ids[11] },
	    .ward_front = { org_ids[10], org_ids[12] } };
	/* org_ids: 2 = UBND tỉnh Phú Thọ, 9 and 11 = the two wards */
	rc = demo_reception(st, &cli, (const int64_t[]){ org_ids[9],
	    org_ids[11] }, &e);
	if (rc == 0)
		rc = demo_petitions(st, &cli, (const int64_t[]){ org_ids[9],
		    org_ids[11] }, org_ids[2], &e);
	/* org_ids: 1 = Ủy ban MTTQ tỉnh Phú Thọ */
	if (rc == 0)
		rc = demo_mobilisation(st, &cli, (const int64_t[]){ org_ids[9],
		    org_ids[11] }, org_ids[1], &e);
	/* The registers of issue 5 each add a line here:
	 * rc = demo_<area>(st, &cli, &dorgs, &e); */
	if (rc == 0)
		rc = demo_supervision(st, &cli, &dorgs, &e);
	if (rc == 0)
		rc = demo_democracy(st, &cli, &dorgs, &e);
	if (rc == 0)
		rc = demo_directives(st, &cli, &dorgs, &e);
	if (rc == 0)
		rc = demo_indicators(st, &cli, &dorgs, &e);
	(void)dorgs;
	if (rc != 0)
		goto out;
	printf("demo data added: %zu organisations, %zu users (password %s)\n",
	    sizeof(demo_orgs) / sizeof(demo_orgs[0]),
	    sizeof(demo_users) / sizeof(demo_users[0]), DEMO_PASSWORD);
out:
	store_close(st);
	if (rc != 0)
		return cli_fail("demo", rc, &e);
	return 0;
}
