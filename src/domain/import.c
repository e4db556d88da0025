/* import.c - petition registers from CSV and XLSX. */
#include "domain/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/csvread.h"
#include "core/err.h"
#include "core/text.h"
#include "core/xlsxread.h"
#include "domain/petition.h"
#include "domain/vocab.h"
#include "store/store.h"

enum col {
	COL_DAY, COL_NAME, COL_ADDRESS, COL_ID, COL_PHONE, COL_PERSONS,
	COL_SUBJECT, COL_CONTENT, COL_CLASS, COL_FIELD, COL_SOURCE, COL_ANON,
	COL_LEVEL, NCOLS
};

/* Column names (docs/import.md): the code, then accepted headings,
 * compared after folding (case, tone marks, đ/d). */
static const struct {
	const char	*code;
	const char	*alias[3];
	size_t		 max;		/* code points */
} cols[NCOLS] = {
	{ "ngay_nhan", { "ngay nhan", "ngay nhan don", NULL }, 10 },
	{ "ho_ten", { "ho ten", "ho va ten", "ho ten nguoi gui" }, 200 },
	{ "dia_chi", { "dia chi", NULL, NULL }, 500 },
	{ "so_giay_to", { "so giay to", "so cccd", "cccd" }, 20 },
	{ "dien_thoai", { "dien thoai", "so dien thoai", NULL }, 20 },
	{ "so_nguoi", { "so nguoi", NULL, NULL }, 6 },
	{ "trich_yeu", { "trich yeu", "doi tuong", NULL }, 500 },
	{ "noi_dung", { "noi dung", NULL, NULL }, 10000 },
	{ "phan_loai", { "phan loai", NULL, NULL }, 40 },
	{ "linh_vuc", { "linh vuc", NULL, NULL }, 100 },
	{ "nguon", { "nguon", "nguon don", NULL }, 40 },
	{ "nac_danh", { "nac danh", NULL, NULL }, 10 },
	{ "lan", { "lan khieu nai", NULL, NULL }, 2 },
};

struct importer {
	struct store	*st;
	int		 map[256];	/* file column -> enum col, -1 */
	size_t		 ncols;
	bool		 have_header;
	json_t		*rows;		/* checked rows: arrays of NCOLS strings */
	json_t		*errors;
	json_t		*fields;	/* petition_fields: folded name -> code */
};

static int
add_error(struct importer *im, size_t line, const char *field,
    const char *msg)
{
	if (json_array_size(im->errors) < IMPORT_MAX_ERRORS)
		json_array_append_new(im->errors, json_pack("{s:I, s:s?, s:s}",
		    "line", (json_int_t)line, "field", field, "message", msg));
	return 0;
}

static int
fold(const char *s, char **out)
{
	return text_fold(s, out) == 0 ? 0 : ERR_INVAL;
}

static int
header(struct importer *im, char **v, size_t n, size_t line)
{
	bool seen[NCOLS] = { false };
	char *f;
	int c;

	im->have_header = true;
	im->ncols = n;
	for (size_t i = 0; i < n && i < 256; i++) {
		im->map[i] = -1;
		if (v[i][0] == '\0')
			continue;
		if (fold(v[i], &f) != 0)
			return add_error(im, line, NULL,
			    "Dòng tiêu đề có ký tự không hợp lệ.");
		for (size_t k = 0; f[k] != '\0'; k++)
			if (f[k] == '_')
				f[k] = ' ';
		for (c = 0; c < NCOLS; c++) {
			char code[32];

			snprintf(code, sizeof(code), "%s", cols[c].code);
			for (size_t k = 0; code[k] != '\0'; k++)
				if (code[k] == '_')
					code[k] = ' ';
			if (strcmp(f, code) == 0)
				break;
			for (int a = 0; a < 3 && cols[c].alias[a] != NULL; a++)
				if (strcmp(f, cols[c].alias[a]) == 0)
					goto found;
		}
found:
		if (c == NCOLS) {
			char msg[300];

			snprintf(msg, sizeof(msg), "Cột \"%.200s\" không được"
			    " hỗ trợ (xem docs/import.md).", v[i]);
			add_error(im, line, NULL, msg);
		} else if (seen[c]) {
			add_error(im, line, cols[c].code, "Cột bị lặp.");
		} else {
			seen[c] = true;
			im->map[i] = c;
		}
		free(f);
	}
	for (c = 0; c < NCOLS; c++)
		if (!seen[c] && (c == COL_DAY || c == COL_SUBJECT ||
		    c == COL_CONTENT))
			add_error(im, line, cols[c].code, "Thiếu cột bắt buộc.");
	return 0;
}

/* "dd/mm/yyyy" or "yyyy-mm-dd" to "yyyy-mm-dd". */
static bool
parse_day(const char *s, char out[CAL_DATE_LEN])
{
	int d, m, y, n = 0;
	cal_day cd;

	if (cal_parse(s, &cd) == 0) {
		cal_format(cd, out);
		return true;
	}
	if (sscanf(s, "%2d/%2d/%4d%n", &d, &m, &y, &n) != 3 ||
	    s[n] != '\0' || cal_from_ymd(y, m, d, &cd) != 0)
		return false;
	cal_format(cd, out);
	return true;
}

struct word {
	const char	*folded;
	const char	*code;
};

static const struct word class_words[] = {
	{ "khieu nai", "complaint" }, { "to cao", "denunciation" },
	{ "kien nghi", "recommendation" }, { "phan anh", "reflection" },
	{ "nhieu noi dung", "mixed" }, { "kien nghi, phan anh",
	"recommendation" }, { NULL, NULL }
};

static const struct word source_words[] = {
	{ "tiep cong dan", "visit" }, { "truc tiep", "visit" },
	{ "buu chinh", "post" }, { "truc tuyen", "online" },
	{ "co quan khac chuyen den", "forwarded" }, { "chuyen den",
	"forwarded" }, { NULL, NULL }
};

/* A code given as itself or as its Vietnamese word. */
static const char *
word_code(const char *v, const struct vocab *codes, const char *folded,
    const struct word *words)
{
	if (vocab_find(codes, v) != NULL)
		return vocab_find(codes, v)->code;
	if (vocab_find(codes, folded) != NULL)	/* "Complaint" */
		return vocab_find(codes, folded)->code;
	for (; words->folded != NULL; words++)
		if (strcmp(folded, words->folded) == 0)
			return words->code;
	return NULL;
}

static void
set(json_t *row, int c, const char *v)
{
	json_array_set_new(row, (size_t)c, v != NULL ? json_string(v) :
	    json_null());
}

static int
check_row(struct importer *im, char **v, size_t n, size_t line)
{
	char day[CAL_DATE_LEN], *f = NULL, *nfc = NULL, msg[200];
	const char *cell[NCOLS] = { NULL };
	json_t *row;
	const char *code, *fieldcode;
	bool anon = false;
	long num;
	char *end;
	size_t before = json_array_size(im->errors);

	for (size_t i = 0; i < n && i < im->ncols && i < 256; i++)
		if (im->map[i] >= 0 && v[i][0] != '\0')
			cell[im->map[i]] = v[i];
	for (size_t i = im->ncols; i < n; i++)
		if (v[i][0] != '\0') {
			add_error(im, line, NULL, "Dòng có nhiều cột hơn dòng"
			    " tiêu đề.");
			break;
		}
	row = json_array();
	for (int c = 0; c < NCOLS; c++)
		json_array_append_new(row, json_null());
	for (int c = 0; c < NCOLS; c++) {
		if (cell[c] == NULL)
			continue;
		if (text_nfc(cell[c], strlen(cell[c]), &nfc) != 0) {
			add_error(im, line, cols[c].code, "Có ký tự không hợp"
			    " lệ (cần UTF-8).");
			continue;
		}
		if (text_length(nfc) > cols[c].max) {
			snprintf(msg, sizeof(msg), "Dài quá %zu ký tự.",
			    cols[c].max);
			add_error(im, line, cols[c].code, msg);
		}
		set(row, c, nfc);
		free(nfc);
		nfc = NULL;
	}
#define CELL(c)	json_string_value(json_array_get(row, (c)))
	if (CELL(COL_DAY) == NULL)
		add_error(im, line, "ngay_nhan", "Thiếu ngày nhận đơn.");
	else if (!parse_day(CELL(COL_DAY), day))
		add_error(im, line, "ngay_nhan", "Ngày phải có dạng"
		    " dd/mm/yyyy và là ngày có thật.");
	else {
		cal_day d;

		cal_parse(day, &d);
		if (d > cal_today())
			add_error(im, line, "ngay_nhan", "Ngày nhận đơn sau"
			    " ngày hôm nay.");
		set(row, COL_DAY, day);
	}
	if (CELL(COL_ANON) != NULL) {
		fold(CELL(COL_ANON), &f);
		anon = f != NULL && (strcmp(f, "co") == 0 ||
		    strcmp(f, "x") == 0 || strcmp(f, "1") == 0);
		if (f == NULL || (!anon && strcmp(f, "khong") != 0 &&
		    strcmp(f, "0") != 0))
			add_error(im, line, "nac_danh", "Ghi \"có\" hoặc"
			    " \"không\".");
		set(row, COL_ANON, anon ? "1" : NULL);
		free(f);
		f = NULL;
	}
	if (!anon && CELL(COL_NAME) == NULL)
		add_error(im, line, "ho_ten", "Thiếu họ tên người gửi (hoặc"
		    " ghi \"có\" ở cột nac_danh).");
	if (anon && CELL(COL_NAME) != NULL)
		add_error(im, line, "ho_ten", "Đơn nặc danh không có họ tên.");
	if (CELL(COL_SUBJECT) == NULL)
		add_error(im, line, "trich_yeu", "Thiếu trích yếu.");
	if (CELL(COL_CONTENT) == NULL)
		add_error(im, line, "noi_dung", "Thiếu nội dung.");
	if (CELL(COL_PERSONS) != NULL) {
		num = strtol(CELL(COL_PERSONS), &end, 10);
		if (*end != '\0' || num < 1 || num > 10000)
			add_error(im, line, "so_nguoi", "Số người phải từ 1 đến"
			    " 10.000.");
	}
	if (CELL(COL_LEVEL) != NULL && strcmp(CELL(COL_LEVEL), "1") != 0 &&
	    strcmp(CELL(COL_LEVEL), "2") != 0)
		add_error(im, line, "lan", "Lần khiếu nại là 1 hoặc 2.");
	if (CELL(COL_CLASS) != NULL) {
		fold(CELL(COL_CLASS), &f);
		code = f == NULL ? NULL : word_code(CELL(COL_CLASS),
		    vocab_classification, f, class_words);
		if (code == NULL)
			add_error(im, line, "phan_loai", "Phân loại là khiếu"
			    " nại, tố cáo, kiến nghị, phản ánh hoặc nhiều nội"
			    " dung.");
		set(row, COL_CLASS, code);
		free(f);
		f = NULL;
	}
	if (CELL(COL_SOURCE) != NULL) {
		fold(CELL(COL_SOURCE), &f);
		code = f == NULL ? NULL : word_code(CELL(COL_SOURCE),
		    vocab_source, f, source_words);
		if (code == NULL)
			add_error(im, line, "nguon", "Nguồn đơn là tiếp công"
			    " dân, bưu chính, trực tuyến hoặc cơ quan khác"
			    " chuyển đến.");
		set(row, COL_SOURCE, code);
		free(f);
		f = NULL;
	}
	if (CELL(COL_FIELD) != NULL) {
		fold(CELL(COL_FIELD), &f);
		fieldcode = f == NULL ? NULL : json_string_value(
		    json_object_get(im->fields, f));
		if (fieldcode == NULL)
			fieldcode = json_string_value(json_object_get(
			    im->fields, CELL(COL_FIELD)));
		if (fieldcode == NULL)
			add_error(im, line, "linh_vuc", "Lĩnh vực không có"
			    " trong danh mục.");
		set(row, COL_FIELD, fieldcode);
		free(f);
		f = NULL;
	}
#undef CELL
	if (json_array_size(im->errors) == before) {
		json_array_append_new(row, json_integer((json_int_t)line));
		json_array_append_new(im->rows, row);
	} else {
		json_decref(row);
	}
	return 0;
}

static int
on_row(struct importer *im, char **v, size_t n, size_t line,
    struct err *e)
{
	bool blank = true;

	for (size_t i = 0; i < n && blank; i++)
		blank = v[i][0] == '\0';
	if (blank)
		return 0;
	if (!im->have_header)
		return header(im, v, n, line);
	if (json_array_size(im->rows) + json_array_size(im->errors) >=
	    IMPORT_MAX_ROWS)
		return err_set(e, ERR_TOOBIG, "file_too_large", NULL,
		    "Tệp có quá %d dòng.", IMPORT_MAX_ROWS);
	return check_row(im, v, n, line);
}

static int
csv_row(void *ctx, char **fields, size_t n, size_t line, struct err *e)
{
	return on_row(ctx, fields, n, line, e);
}

static int
xlsx_row(void *ctx, size_t row_no, const struct xlsx_cell *cells,
    size_t n, struct err *e)
{
	char *v[256];

	if (n > 256)
		return err_set(e, ERR_INVAL, "invalid_file", NULL,
		    "Dòng %zu có quá nhiều cột.", row_no);
	for (size_t i = 0; i < n; i++)
		v[i] = (char *)(uintptr_t)cells[i].text;
	return on_row(ctx, v, n, row_no, e);
}

static int
load_fields(struct store *st, json_t *map, struct err *e)
{
	struct stmt *q;
	char *f;
	int rc;

	rc = store_prepare(st, "SELECT code, name FROM petition_fields", &q,
	    e);
	if (rc != 0)
		return rc;
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e)) {
		json_object_set_new(map, stmt_col_text(q, 0),
		    json_string(stmt_col_text(q, 0)));
		if (text_fold(stmt_col_text(q, 1), &f) == 0) {
			json_object_set_new(map, f,
			    json_string(stmt_col_text(q, 0)));
			free(f);
		}
	}
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static const char *
cell(json_t *row, int c)
{
	return json_string_value(json_array_get(row, (size_t)c));
}

static int
write_rows(struct store *st, const struct actor *a, int64_t org_id,
    json_t *rows, json_t *errors, struct err *e)
{
	struct petition_input in;
	size_t i;
	json_t *row;
	int rc = 0;

	json_array_foreach(rows, i, row) {
		memset(&in, 0, sizeof(in));
		in.org_id = org_id;
		in.has_org_id = true;
		in.received_day = cell(row, COL_DAY);
		in.petitioner_name = cell(row, COL_NAME);
		in.petitioner_address = cell(row, COL_ADDRESS);
		in.petitioner_id_number = cell(row, COL_ID);
		in.petitioner_phone = cell(row, COL_PHONE);
		in.anonymous = cell(row, COL_ANON) != NULL;
		in.has_persons = cell(row, COL_PERSONS) != NULL;
		in.persons = in.has_persons ? strtol(cell(row, COL_PERSONS),
		    NULL, 10) : 1;
		in.subject = cell(row, COL_SUBJECT);
		in.content = cell(row, COL_CONTENT);
		in.classification = cell(row, COL_CLASS);
		in.field = cell(row, COL_FIELD);
		in.source = cell(row, COL_SOURCE) != NULL ?
		    cell(row, COL_SOURCE) : "post";
		in.has_level = cell(row, COL_LEVEL) != NULL;
		in.level = in.has_level ? strtol(cell(row, COL_LEVEL), NULL,
		    10) : 1;
		rc = petition_insert(st, a, &in, NULL, NULL, e);
		if (rc == ERR_INVAL) {
			add_error(&(struct importer){ .errors = errors },
			    (size_t)json_integer_value(json_array_get(row,
			    NCOLS)), e->field, e->msg);
			return rc;
		}
		if (rc != 0)
			return rc;
	}
	return 0;
}

int
import_petitions(struct store *st, const struct actor *a, int64_t org_id,
    enum import_format fmt, const void *data, size_t len, json_t **out,
    struct err *e)
{
	struct importer im;
	int rc;

	*out = NULL;
	memset(&im, 0, sizeof(im));
	im.st = st;
	im.rows = json_array();
	im.errors = json_array();
	im.fields = json_object();
	rc = load_fields(st, im.fields, e);
	if (rc == 0 && fmt == IMPORT_CSV)
		rc = csvread_parse(data, len, csv_row, &im, e);
	else if (rc == 0)
		rc = xlsx_read(data, len, NULL, xlsx_row, &im, e);
	if (rc == 0 && !im.have_header)
		rc = err_set(e, ERR_INVAL, "invalid_file", NULL,
		    "Tệp không có dòng tiêu đề và dữ liệu.");
	if (rc == 0 && json_array_size(im.errors) == 0) {
		rc = store_begin_write(st, e);
		if (rc == 0) {
			rc = write_rows(st, a, org_id, im.rows, im.errors, e);
			if (rc == 0)
				rc = store_commit(st, e);
			if (rc != 0)
				store_rollback(st);
		}
	}
	if (rc == 0 && json_array_size(im.errors) == 0)
		*out = json_pack("{s:I}", "imported",
		    (json_int_t)json_array_size(im.rows));
	else if (rc == 0 || (rc == ERR_INVAL && json_array_size(im.errors) >
	    0)) {
		*out = json_pack("{s:O}", "rows", im.errors);
		rc = err_set(e, ERR_INVAL, "import_invalid", NULL,
		    "Tệp có %zu dòng lỗi; chưa ghi dòng nào.",
		    json_array_size(im.errors));
	}
	json_decref(im.rows);
	json_decref(im.errors);
	json_decref(im.fields);
	return rc;
}
