/* vocab.c - codes and labels. */
#include "domain/vocab.h"

#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "store/store.h"

const struct vocab vocab_session_kind[] = {
	{ "regular", "Thường xuyên" },
	{ "periodic", "Định kỳ" },
	{ "ad_hoc", "Đột xuất" },
	{ NULL, NULL }
};

const struct vocab vocab_classification[] = {
	{ "complaint", "Khiếu nại" },
	{ "denunciation", "Tố cáo" },
	{ "recommendation", "Kiến nghị" },
	{ "reflection", "Phản ánh" },
	{ "mixed", "Nhiều nội dung" },
	{ NULL, NULL }
};

const struct vocab vocab_eligibility[] = {
	{ "eligible", "Đủ điều kiện xử lý" },
	{ "ineligible_missing_identity", "Không đủ điều kiện: thiếu họ tên, địa chỉ" },
	{ "ineligible_missing_signature", "Không đủ điều kiện: không ký tên, điểm chỉ" },
	{ "ineligible_language", "Không đủ điều kiện: không dùng tiếng Việt, không có bản dịch" },
	{ "ineligible_content_unclear", "Không đủ điều kiện: nội dung không rõ" },
	{ "anonymous_verifiable", "Nặc danh, có căn cứ kiểm tra" },
	{ "anonymous_archived", "Nặc danh, lưu đơn" },
	{ NULL, NULL }
};

const struct vocab vocab_visit_direction[] = {
	{ "accept", "Thụ lý để giải quyết" },
	{ "guide_and_return", "Trả lại đơn và hướng dẫn" },
	{ "forward", "Chuyển đơn đến cơ quan có thẩm quyền" },
	{ "none", "Không có đơn" },
	{ NULL, NULL }
};

const struct vocab vocab_source[] = {
	{ "visit", "Qua tiếp công dân" },
	{ "post", "Qua bưu chính" },
	{ "online", "Trực tuyến" },
	{ "forwarded", "Cơ quan khác chuyển đến" },
	{ NULL, NULL }
};

const struct vocab vocab_status[] = {
	{ "received", "Đã tiếp nhận" },
	{ "accepted", "Đã thụ lý, đang giải quyết" },
	{ "verifying", "Đang xác minh" },
	{ "dialogue", "Đang đối thoại" },
	{ "resolved", "Đã có kết quả" },
	{ "returned", "Đã trả lại và hướng dẫn" },
	{ "forwarded", "Đã chuyển cơ quan có thẩm quyền" },
	{ "attached", "Đơn trùng, gộp vào hồ sơ đang giải quyết" },
	{ "archived", "Lưu đơn" },
	{ "withdrawn", "Đã rút đơn" },
	{ NULL, NULL }
};

const struct vocab *
vocab_find(const struct vocab *v, const char *code)
{
	if (code == NULL)
		return NULL;
	for (; v->code != NULL; v++)
		if (strcmp(v->code, code) == 0)
			return v;
	return NULL;
}

const char *
vocab_label(const struct vocab *v, const char *code)
{
	const struct vocab *f = vocab_find(v, code);

	return f != NULL ? f->label : (code != NULL ? code : "");
}

int
vocab_field_exists(struct store *st, const char *code, bool *ok,
    struct err *e)
{
	struct stmt *q;
	int rc;

	*ok = false;
	rc = store_prepare(st, "SELECT 1 FROM petition_fields WHERE code = ?",
	    &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, code);
	rc = stmt_step(q, e);
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	*ok = rc == STEP_ROW;
	return 0;
}

int
settings_int(struct store *st, const char *key, int def, int *out,
    struct err *e)
{
	struct stmt *q;
	const char *v;
	char *end;
	long n;
	int rc;

	*out = def;
	rc = store_prepare(st, "SELECT value FROM settings WHERE key = ?", &q,
	    e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, key);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		v = stmt_col_text(q, 0);
		n = strtol(v, &end, 10);
		if (end != v && *end == '\0' && n >= 0 && n <= 1000000)
			*out = (int)n;
	}
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}
