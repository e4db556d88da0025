/*
 * sample_report.c - the sample report: header, type name, abstract,
 * headings of three levels, paragraphs with bold and italic runs, a
 * table in the body, recipients and signature, and a landscape annex
 * with a wide statistical table.  Figures go through core/vnfmt.h.
 */
#include "sample_report.h"

#include <stdbool.h>
#include <stdio.h>

#include "core/docx.h"
#include "core/err.h"
#include "core/vnfmt.h"

static const char *const filler =
    "Các cấp ủy, chính quyền tiếp tục quán triệt, triển khai thực hiện "
    "nghiêm túc các chủ trương của Đảng, chính sách, pháp luật của Nhà "
    "nước về công tác dân vận; phát huy vai trò của Mặt trận Tổ quốc và "
    "các tổ chức chính trị - xã hội trong tuyên truyền, vận động Nhân "
    "dân thực hiện tốt quy chế dân chủ ở cơ sở, phong trào thi đua "
    "\"Dân vận khéo\" và xây dựng chính quyền thân thiện vì Nhân dân "
    "phục vụ.";

static void
body(struct docx *d, struct err *e)
{
	char visits[VN_NUM_LEN], people[VN_NUM_LEN], pct[VN_NUM_LEN];
	char conf[VN_NUM_LEN], models[VN_NUM_LEN], s[512];
	struct docx_run runs[3];
	static const struct docx_col cols[] = {
		{ "STT", 1, DOCX_CENTER },
		{ "Chỉ tiêu", 6, DOCX_LEFT },
		{ "Đơn vị tính", 2, DOCX_CENTER },
		{ "Kết quả", 2, DOCX_RIGHT },
	};
	const struct docx_table t = { cols, 4 };

	vn_format_int(3146, visits);
	vn_format_int(3896, people);
	vn_format_percent(99.74, 2, pct);
	vn_format_count2(4, conf);
	vn_format_int(4365, models);

	docx_heading(d, 1, "I. Kết quả thực hiện", e);
	docx_heading(d, 2, "1. Công tác lãnh đạo, chỉ đạo", e);
	docx_text(d, filler, e);
	runs[0] = (struct docx_run){ "Trong kỳ, Chủ tịch Ủy ban nhân dân đã "
	    "tổ chức ", 0 };
	snprintf(s, sizeof(s), "%s Hội nghị đối thoại", conf);
	runs[1] = (struct docx_run){ s, DOCX_BOLD };
	runs[2] = (struct docx_run){ " với Nhân dân (theo Quy chế số "
	    "17-QC/TU); " SAMPLE_ESCAPED ".", DOCX_ITALIC };
	docx_para(d, 0, runs, 3, e);
	docx_heading(d, 2, "2. Tiếp công dân, giải quyết khiếu nại, tố cáo",
	    e);
	snprintf(s, sizeof(s), "Ban Tiếp công dân tổ chức tiếp %s lượt với "
	    "%s người đến Trụ sở tiếp công dân để khiếu nại, tố cáo, kiến "
	    "nghị, phản ánh; tỷ lệ hồ sơ giải quyết đúng hạn đạt %s.", visits,
	    people, pct);
	docx_text(d, s, e);
	docx_table_begin(d, &t, e);
	docx_table_row(d, (const char *const[]){ "1", "Lượt tiếp công dân",
	    "lượt", visits }, 4, 0, e);
	docx_table_row(d, (const char *const[]){ "2", "Số người được tiếp",
	    "người", people }, 4, 0, e);
	docx_table_row(d, (const char *const[]){ "3", "Hồ sơ giải quyết "
	    "đúng hạn", "%", pct }, 4, 0, e);
	docx_table_row(d, (const char *const[]){ "4", "Mô hình \"Dân vận "
	    "khéo\"", "mô hình", models }, 4, DOCX_ROW_BOLD, e);
	docx_table_end(d, e);
	docx_heading(d, 3, "a) Thực hiện dân chủ ở cơ sở", e);
	for (int i = 0; i < 3; i++)
		docx_text(d, filler, e);
	docx_heading(d, 1, "II. Đánh giá chung", e);
	for (int i = 0; i < 4; i++)
		docx_text(d, filler, e);
	docx_heading(d, 1, "III. Phương hướng, nhiệm vụ 6 tháng cuối năm",
	    e);
	for (int i = 0; i < 4; i++)
		docx_text(d, filler, e);
	docx_heading(d, 1, "IV. Đề xuất, kiến nghị", e);
	docx_text(d, filler, e);
}

static void
annex(struct docx *d, enum docx_regime r, struct err *e)
{
	static const struct docx_col cols[] = {
		{ "STT", 1, DOCX_CENTER },
		{ "Đơn vị", 5, DOCX_LEFT },
		{ "Lượt tiếp", 2, DOCX_RIGHT },
		{ "Số người", 2, DOCX_RIGHT },
		{ "Đơn thư", 2, DOCX_RIGHT },
		{ "Đối thoại", 2, DOCX_RIGHT },
		{ "Mô hình\n\"Dân vận khéo\"", 3, DOCX_RIGHT },
		{ "Hồ sơ đúng hạn", 3, DOCX_RIGHT },
	};
	static const struct {
		const char	*unit;
		long long	 visits, people, letters, dialogues, models;
		double		 pct;
	} rows[] = {
		{ "Phường Việt Trì", 1204, 1530, 318, 2, 1650, 99.81 },
		{ "Phường Nông Trang", 987, 1201, 254, 1, 1390, 99.62 },
		{ "Xã Hy Cương", 955, 1165, 196, 1, 1325, 99.77 },
	};
	const struct docx_table t = { cols, 8 };
	char c[7][VN_NUM_LEN];

	docx_annex(d, true, r == DOCX_PARTY ?
	    "Phụ lục\nSỐ LIỆU CÔNG TÁC DÂN VẬN 6 THÁNG ĐẦU NĂM 2025\n"
	    "(Kèm theo Báo cáo số 15-BC/BDVTU ngày 14/6/2025)" :
	    "Phụ lục\nSỐ LIỆU CÔNG TÁC DÂN VẬN 6 THÁNG ĐẦU NĂM 2025\n"
	    "(Kèm theo Báo cáo số 15/BC-UBND ngày 14/6/2025)", e);
	docx_table_begin(d, &t, e);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		snprintf(c[0], sizeof(c[0]), "%zu", i + 1);
		vn_format_int(rows[i].visits, c[1]);
		vn_format_int(rows[i].people, c[2]);
		vn_format_int(rows[i].letters, c[3]);
		vn_format_count2(rows[i].dialogues, c[4]);
		vn_format_int(rows[i].models, c[5]);
		vn_format_percent(rows[i].pct, 2, c[6]);
		docx_table_row(d, (const char *const[]){ c[0], rows[i].unit,
		    c[1], c[2], c[3], c[4], c[5], c[6] }, 8, 0, e);
	}
	vn_format_int(3146, c[1]);
	vn_format_int(3896, c[2]);
	vn_format_int(768, c[3]);
	vn_format_count2(4, c[4]);
	vn_format_int(4365, c[5]);
	vn_format_percent(99.74, 2, c[6]);
	docx_table_row(d, (const char *const[]){ "", "Tổng cộng", c[1], c[2],
	    c[3], c[4], c[5], c[6] }, 8, DOCX_ROW_BOLD, e);
	docx_table_end(d, e);
}

int
sample_report(enum docx_regime r, char **data, size_t *len, struct err *e)
{
	static const char *const state_rec[] = {
		"- Ban Tuyên giáo và Dân vận Tỉnh ủy;",
		"- Thường trực Đảng ủy phường;",
		"- Chủ tịch, các Phó Chủ tịch UBND phường;",
		"- Lưu: VT, VP.",
	};
	static const char *const party_rec[] = {
		"- Ban Tuyên giáo và Dân vận Trung ương;",
		"- Thường trực Tỉnh ủy;",
		"- Lưu Văn phòng Tỉnh ủy.",
	};
	struct docx_head h = {
		.regime = r,
		.number = 15,
		.type_abbr = "BC",
		.place = "Phú Thọ",
		.year = 2025, .month = 6, .day = 14,
		.type_name = "Báo cáo",
		.abstract = "Kết quả công tác dân vận 6 tháng đầu năm và\n"
		    "phương hướng, nhiệm vụ 6 tháng cuối năm 2025",
	};
	struct docx_sign sign;
	struct docx *d;
	bool party = r == DOCX_PARTY;
	int rc;

	if (party) {
		h.parent = "Tỉnh ủy Phú Thọ";
		h.issuer = "Ban Dân vận";
		h.issuer_abbr = "BDVTU";
		sign = (struct docx_sign){ DOCX_SIGN_KT, "Trưởng ban",
		    "Phó Trưởng ban", "Trần Thị Bình" };
	} else {
		h.parent = "UBND tỉnh Phú Thọ";
		h.issuer = "Ủy ban nhân dân\nphường Việt Trì";
		h.issuer_abbr = "UBND";
		sign = (struct docx_sign){ DOCX_SIGN_TM, "Ủy ban nhân dân",
		    "Chủ tịch", "Nguyễn Văn An" };
	}
	rc = docx_new(&d, &h, NULL, 0, e);
	if (rc != 0)
		return rc;
	body(d, e);
	if (party)
		docx_closing(d, party_rec, 3, &sign, e);
	else
		docx_closing(d, state_rec, 4, &sign, e);
	annex(d, r, e);
	return docx_finish(d, data, len, e);
}
