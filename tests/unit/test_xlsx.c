/*
 * test_xlsx.c - core/xlsxwrite.h and core/xlsxread.h: a workbook written
 * by xlsxw_* reads back cell for cell (shared and inline strings), a
 * hand-built package exercises the reader's corners (relationships,
 * rich text, styles, gaps, cell types), malformed packages and limits
 * give ERR_INVAL / ERR_TOOBIG, and Excel serial days convert right.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <zip.h>

#include "core/err.h"
#include "core/xlsxread.h"
#include "core/xlsxwrite.h"

#define MAX_ROWS	16
#define MAX_COLS	16
#define STOP		(-1000)

static char tmpdir[64];

/* ---- collecting what the reader delivers ---- */

struct row {
	size_t	 no;
	size_t	 n;
	char	*text[MAX_COLS];
	bool	 date[MAX_COLS];
};

struct got {
	struct row	rows[MAX_ROWS];
	size_t		n;
	size_t		stop_at;	/* 0: never */
	struct err	e;
	int		rc;
};

static int
collect(void *ctx, size_t row_no, const struct xlsx_cell *cells,
    size_t ncells, struct err *e)
{
	struct got *g = ctx;
	struct row *r;

	assert_true(g->n < MAX_ROWS);
	assert_true(ncells >= 1 && ncells <= MAX_COLS);
	assert_true(cells[ncells - 1].text[0] != '\0');
	r = &g->rows[g->n++];
	r->no = row_no;
	r->n = ncells;
	for (size_t i = 0; i < ncells; i++) {
		assert_non_null(cells[i].text);
		r->text[i] = strdup(cells[i].text);
		r->date[i] = cells[i].is_date;
	}
	if (g->stop_at != 0 && g->n == g->stop_at)
		return err_set(e, STOP, "stop", NULL, "dừng");
	return 0;
}

static void
got_release(struct got *g)
{
	for (size_t i = 0; i < g->n; i++)
		for (size_t k = 0; k < g->rows[i].n; k++)
			free(g->rows[i].text[k]);
	g->n = 0;
}

static void
read_into(struct got *g, const void *data, size_t len,
    const struct xlsx_limits *lim)
{
	size_t stop = g->stop_at;

	memset(g, 0, sizeof(*g));
	g->stop_at = stop;
	g->rc = xlsx_read(data, len, lim, collect, g, &g->e);
}

static void
assert_cells(const struct got *g, size_t i, size_t row_no, size_t n, ...)
{
	const struct row *r;
	va_list ap;

	assert_true(i < g->n);
	r = &g->rows[i];
	if (r->no != row_no || r->n != n)
		print_error("row %zu: no %zu n %zu, want %zu %zu\n", i, r->no,
		    r->n, row_no, n);
	assert_int_equal(r->no, row_no);
	assert_int_equal(r->n, n);
	va_start(ap, n);
	for (size_t k = 0; k < n; k++) {
		const char *want = va_arg(ap, const char *);
		int date = va_arg(ap, int);

		if (strcmp(r->text[k], want) != 0)
			print_error("row %zu col %zu: \"%s\", want \"%s\"\n",
			    row_no, k + 1, r->text[k], want);
		assert_string_equal(r->text[k], want);
		assert_int_equal(r->date[k], date);
	}
	va_end(ap);
}

/* ---- building packages by hand with libzip ---- */

struct part {
	const char	*name;
	const char	*data;
	size_t		 len;		/* 0: strlen(data) */
};

static char *
zip_build(const struct part *parts, size_t n, bool store, size_t *len)
{
	zip_error_t ze;
	zip_source_t *src, *zs;
	zip_stat_t st;
	zip_t *za;
	char *out;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(za);
	for (size_t i = 0; i < n; i++) {
		size_t l = parts[i].len != 0 ? parts[i].len :
		    strlen(parts[i].data);
		zip_int64_t idx;

		zs = zip_source_buffer(za, parts[i].data, l, 0);
		assert_non_null(zs);
		idx = zip_file_add(za, parts[i].name, zs, ZIP_FL_ENC_UTF_8);
		assert_true(idx >= 0);
		if (store)
			assert_int_equal(zip_set_file_compression(za,
			    (zip_uint64_t)idx, ZIP_CM_STORE, 0), 0);
	}
	assert_int_equal(zip_close(za), 0);
	assert_int_equal(zip_source_open(src), 0);
	zip_stat_init(&st);
	assert_int_equal(zip_source_stat(src, &st), 0);
	out = malloc(st.size + 1);
	assert_non_null(out);
	assert_int_equal(zip_source_read(src, out, st.size),
	    (zip_int64_t)st.size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*len = st.size;
	return out;
}

#define NS_MAIN	"xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/" \
		"2006/main\""
#define NS_R	"xmlns:r=\"http://schemas.openxmlformats.org/" \
		"officeDocument/2006/relationships\""
#define REL	"http://schemas.openxmlformats.org/officeDocument/2006/" \
		"relationships/"
#define XMLDECL	"<?xml version=\"1.0\" encoding=\"UTF-8\" " \
		"standalone=\"yes\"?>\n"

/* A package with only a sheet at the default place. */
static char *
sheet_only(const char *sheet_xml, size_t *len)
{
	const struct part p[] = {
		{ "xl/worksheets/sheet1.xml", sheet_xml, 0 },
	};

	return zip_build(p, 1, false, len);
}

static char *
sheet_sst(const char *sheet_xml, const char *sst_xml, size_t *len)
{
	const struct part p[] = {
		{ "xl/worksheets/sheet1.xml", sheet_xml, 0 },
		{ "xl/sharedStrings.xml", sst_xml, 0 },
	};

	return zip_build(p, 2, false, len);
}

static void
assert_fails(const void *data, size_t len, const struct xlsx_limits *lim,
    int code)
{
	struct got g;

	memset(&g, 0, sizeof(g));
	read_into(&g, data, len, lim);
	if (g.rc != code)
		print_error("rc %d (%s), want %d\n", g.rc, g.e.msg, code);
	assert_int_equal(g.rc, code);
	assert_int_equal(g.e.code, code);
	assert_non_null(g.e.api_code);
	assert_string_equal(g.e.api_code, code == ERR_TOOBIG ?
	    "file_too_large" : "invalid_file");
	assert_non_null(strstr(g.e.msg, code == ERR_TOOBIG ?
	    "Tệp XLSX quá lớn" : "Tệp XLSX không hợp lệ"));
	got_release(&g);
}

/* The sheet XML alone must be rejected with code. */
static void
assert_sheet_fails(const char *sheet_xml, const struct xlsx_limits *lim,
    int code)
{
	size_t len;
	char *z = sheet_only(sheet_xml, &len);

	assert_fails(z, len, lim, code);
	free(z);
}

#define SHEET(rows) XMLDECL "<worksheet " NS_MAIN "><sheetData>" rows \
		"</sheetData></worksheet>"

/* ---- the temp directory stays clean ---- */

static size_t
tmp_entries(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *de;
	size_t n = 0;

	assert_non_null(d);
	for (de = readdir(d); de != NULL; de = readdir(d))
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static int
setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/test_xlsx-XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return rmdir(tmpdir);
}

/* ---- round trip ---- */

static const struct xlsxw_col COLS[] = {
	{ "Họ và tên", 30 },
	{ "Địa chỉ", 20 },
	{ "Số", 0 },
	{ "Ngày sinh", 12 },
	{ "Ghi chú", 0 },
};

static char *
write_sample(bool constant_memory, size_t *len)
{
	const char *titles[] = { "DANH SÁCH CÔNG DÂN", "Xã Hòa Bình" };
	const struct xlsxw_sheet s1 = {
		"Danh sách", titles, 2, COLS, 5,
	};
	const struct xlsxw_col c2[] = { { "Khác", 0 } };
	const struct xlsxw_sheet s2 = { "Trang 2", NULL, 0, c2, 1 };
	struct xlsxw_opts o = { tmpdir, constant_memory };
	struct xlsxw *w;
	struct err e;
	char *data;

	err_clear(&e);
	assert_int_equal(xlsxw_new(&w, &o, &e), 0);
	assert_int_equal(tmp_entries(), 1);
	assert_int_equal(xlsxw_add_sheet(w, &s1, &e), 0);
	assert_int_equal(xlsxw_row(w, &e), 0);
	assert_int_equal(xlsxw_str(w, "Nguyễn Văn Á", &e), 0);
	assert_int_equal(xlsxw_str(w, "Hòa Bình", &e), 0);
	assert_int_equal(xlsxw_num(w, 42, &e), 0);
	assert_int_equal(xlsxw_date(w, 2023, 6, 14, &e), 0);
	assert_int_equal(xlsxw_str(w, "a_b <&> \"ổn\"\nxuống dòng", &e), 0);
	assert_int_equal(xlsxw_row(w, &e), 0);
	assert_int_equal(xlsxw_str(w, "Trần Thị Bích", &e), 0);
	assert_int_equal(xlsxw_blank(w, &e), 0);	/* empty middle */
	assert_int_equal(xlsxw_num(w, -3.25, &e), 0);
	assert_int_equal(xlsxw_date(w, 2000, 2, 29, &e), 0);
	assert_int_equal(xlsxw_str(w, "", &e), 0);	/* trailing empty */
	assert_int_equal(xlsxw_row(w, &e), 0);		/* an empty row */
	assert_int_equal(xlsxw_row(w, &e), 0);
	assert_int_equal(xlsxw_str(w, NULL, &e), 0);
	assert_int_equal(xlsxw_date(w, 1900, 1, 1, &e), 0);
	assert_int_equal(xlsxw_add_sheet(w, &s2, &e), 0);
	assert_int_equal(xlsxw_row(w, &e), 0);
	assert_int_equal(xlsxw_str(w, "không đọc", &e), 0);
	assert_int_equal(xlsxw_finish_bytes(w, 1 << 20, &data, len, &e), 0);
	assert_non_null(data);
	assert_true(*len > 100);
	assert_memory_equal(data, "PK", 2);
	assert_int_equal(tmp_entries(), 0);
	return data;
}

static void
check_sample(const char *data, size_t len)
{
	struct got g;

	memset(&g, 0, sizeof(g));
	read_into(&g, data, len, NULL);
	if (g.rc != 0)
		print_error("%s\n", g.e.msg);
	assert_int_equal(g.rc, 0);
	assert_int_equal(g.n, 6);
	/* merged titles: the text sits in column A */
	assert_cells(&g, 0, 1, 1, "DANH SÁCH CÔNG DÂN", 0);
	assert_cells(&g, 1, 2, 1, "Xã Hòa Bình", 0);
	assert_cells(&g, 2, 3, 5, "Họ và tên", 0, "Địa chỉ", 0, "Số", 0,
	    "Ngày sinh", 0, "Ghi chú", 0);
	assert_cells(&g, 3, 4, 5, "Nguyễn Văn Á", 0, "Hòa Bình", 0, "42", 0,
	    "2023-06-14", 1, "a_b <&> \"ổn\"\nxuống dòng", 0);
	/* an empty cell in the middle, the trailing one dropped */
	assert_cells(&g, 4, 5, 4, "Trần Thị Bích", 0, "", 0, "-3.25", 0,
	    "2000-02-29", 1);
	/* row 6 is empty and skipped; 7 begins with an empty cell */
	assert_cells(&g, 5, 7, 2, "", 0, "1900-01-01", 1);
	got_release(&g);
}

static void
test_roundtrip(void **state)
{
	size_t len;
	char *data;

	(void)state;
	data = write_sample(false, &len);
	check_sample(data, len);
	free(data);
}

/* constant_memory: libxlsxwriter writes inline strings */
static void
test_roundtrip_constant_memory(void **state)
{
	size_t len;
	char *data;

	(void)state;
	data = write_sample(true, &len);
	check_sample(data, len);
	free(data);
}

static void
test_finish_path(void **state)
{
	const struct xlsxw_sheet s = { NULL, NULL, 0, COLS, 2 };
	struct xlsxw *w;
	struct err e;
	struct got g;
	char *path, *data;
	FILE *f;
	long n;

	(void)state;
	setenv("TMPDIR", tmpdir, 1);
	assert_int_equal(xlsxw_new(&w, NULL, &e), 0);
	assert_int_equal(xlsxw_add_sheet(w, &s, &e), 0);
	assert_int_equal(xlsxw_row(w, &e), 0);
	assert_int_equal(xlsxw_str(w, "Lê Thị Hồng", &e), 0);
	assert_int_equal(xlsxw_finish_path(w, &path, &e), 0);
	unsetenv("TMPDIR");
	assert_non_null(path);
	assert_true(strncmp(path, tmpdir, strlen(tmpdir)) == 0);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	data = malloc((size_t)n);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	memset(&g, 0, sizeof(g));
	read_into(&g, data, (size_t)n, NULL);
	assert_int_equal(g.rc, 0);
	assert_int_equal(g.n, 2);
	assert_cells(&g, 0, 1, 2, "Họ và tên", 0, "Địa chỉ", 0);
	assert_cells(&g, 1, 2, 1, "Lê Thị Hồng", 0);
	got_release(&g);
	free(data);
	assert_int_equal(unlink(path), 0);
	free(path);
	assert_int_equal(tmp_entries(), 0);
}

/* ---- writer errors: sticky, and the temp file goes away ---- */

static void
test_write_errors(void **state)
{
	const struct xlsxw_sheet bad = { "a/b", NULL, 0, COLS, 1 };
	const struct xlsxw_sheet good = { "Tờ 1", NULL, 0, COLS, 1 };
	const struct xlsxw_sheet none = { "x", NULL, 0, COLS, 0 };
	struct xlsxw_opts o = { tmpdir, false };
	struct xlsxw *w;
	struct err e;
	char *data;
	size_t len;

	(void)state;
	/* a bad sheet name; the error sticks until finish */
	assert_int_equal(xlsxw_new(&w, &o, &e), 0);
	assert_int_equal(xlsxw_add_sheet(w, &bad, &e), ERR_INVAL);
	err_clear(&e);
	assert_int_equal(xlsxw_row(w, &e), ERR_INVAL);
	assert_int_equal(e.code, ERR_INVAL);
	assert_non_null(strstr(e.msg, "Không tạo được tệp XLSX"));
	assert_int_equal(xlsxw_finish_bytes(w, 1 << 20, &data, &len, &e),
	    ERR_INVAL);
	assert_null(data);
	assert_int_equal(tmp_entries(), 0);

	/* no columns */
	assert_int_equal(xlsxw_new(&w, &o, &e), 0);
	assert_int_equal(xlsxw_add_sheet(w, &none, &e), ERR_INVAL);
	xlsxw_free(w);

	/* a cell before any row, invalid UTF-8, bad dates, NaN */
	assert_int_equal(xlsxw_new(&w, &o, &e), 0);
	assert_int_equal(xlsxw_add_sheet(w, &good, &e), 0);
	assert_int_equal(xlsxw_str(w, "x", &e), ERR_INTERNAL);
	xlsxw_free(w);
	assert_int_equal(xlsxw_new(&w, &o, &e), 0);
	assert_int_equal(xlsxw_add_sheet(w, &good, &e), 0);
	assert_int_equal(xlsxw_row(w, &e), 0);
	assert_int_equal(xlsxw_str(w, "Nguy\xe1\xbb", &e), ERR_INVAL);
	xlsxw_free(w);
	assert_int_equal(xlsxw_new(&w, &o, &e), 0);
	assert_int_equal(xlsxw_add_sheet(w, &good, &e), 0);
	assert_int_equal(xlsxw_row(w, &e), 0);
	assert_int_equal(xlsxw_date(w, 2023, 2, 29, &e), ERR_RANGE);
	xlsxw_free(w);
	assert_int_equal(xlsxw_new(&w, &o, &e), 0);
	assert_int_equal(xlsxw_add_sheet(w, &good, &e), 0);
	assert_int_equal(xlsxw_row(w, &e), 0);
	assert_int_equal(xlsxw_date(w, 1899, 12, 31, &e), ERR_RANGE);
	xlsxw_free(w);
	assert_int_equal(xlsxw_new(&w, &o, &e), 0);
	assert_int_equal(xlsxw_add_sheet(w, &good, &e), 0);
	assert_int_equal(xlsxw_row(w, &e), 0);
	assert_int_equal(xlsxw_num(w, 0.0 / 0.0, &e), ERR_RANGE);
	xlsxw_free(w);
	xlsxw_free(NULL);

	/* past Excel's 32,767 characters in a cell */
	assert_int_equal(xlsxw_new(&w, &o, &e), 0);
	assert_int_equal(xlsxw_add_sheet(w, &good, &e), 0);
	assert_int_equal(xlsxw_row(w, &e), 0);
	{
		char *big = malloc(40000);

		assert_non_null(big);
		memset(big, 'a', 39999);
		big[39999] = '\0';
		assert_int_equal(xlsxw_str(w, big, &e), ERR_TOOBIG);
		free(big);
	}
	xlsxw_free(w);

	/* an unfinished constant_memory workbook is dropped cleanly */
	o.constant_memory = true;
	assert_int_equal(xlsxw_new(&w, &o, &e), 0);
	assert_int_equal(xlsxw_add_sheet(w, &good, &e), 0);
	assert_int_equal(xlsxw_row(w, &e), 0);
	assert_int_equal(xlsxw_str(w, "Ngô Quyền", &e), 0);
	assert_int_equal(xlsxw_row(w, &e), 0);
	xlsxw_free(w);
	o.constant_memory = false;
	assert_int_equal(tmp_entries(), 0);

	/* the finished file is bigger than allowed */
	assert_int_equal(xlsxw_new(&w, &o, &e), 0);
	assert_int_equal(xlsxw_add_sheet(w, &good, &e), 0);
	assert_int_equal(xlsxw_finish_bytes(w, 100, &data, &len, &e),
	    ERR_TOOBIG);
	assert_null(data);
	assert_int_equal(len, 0);
	assert_int_equal(tmp_entries(), 0);

	/* a temp dir that does not exist */
	o.dir = "/nonexistent/danvan";
	assert_int_equal(xlsxw_new(&w, &o, &e), ERR_IO);
	assert_null(w);
}

/* ---- a hand-built package ---- */

static const char HB_RELS[] = XMLDECL
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\">"
    "<Relationship Id=\"rId9\" Type=\"" REL "styles\" Target=\"st.xml\"/>"
    "<Relationship Id=\"rId1\" Type=\"" REL "chartsheet\" "
    "Target=\"chartsheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL "worksheet\" "
    "Target=\"/xl/worksheets/../worksheets/./data.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL "worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"" REL "sharedStrings\" "
    "Target=\"strings.xml\"/>"
    "<Relationship Id=\"rId5\" Type=\"" REL "hyperlink\" "
    "Target=\"http://example.com/\" TargetMode=\"External\"/>"
    "</Relationships>";

static const char HB_WORKBOOK[] = XMLDECL
    "<workbook " NS_MAIN " " NS_R "><sheets>"
    "<sheet name=\"Biểu đồ\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"Dữ liệu\" sheetId=\"2\" r:id=\"rId2\"/>"
    "<sheet name=\"Khác\" sheetId=\"3\" r:id=\"rId3\"/>"
    "</sheets></workbook>";

/* rich text runs, a phonetic run that is not text, OOXML escapes */
static const char HB_SST[] = XMLDECL
    "<sst " NS_MAIN " count=\"3\" uniqueCount=\"3\">"
    "<si><t>Nguyễn Văn Á</t></si>"
    "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">Hòa </t></r>"
    "<r><t>Bình</t></r><rPh sb=\"0\" eb=\"1\"><t>ホ</t></rPh></si>"
    "<si><t>a_x000D_b_x005F_x0041_ _x0000_</t></si>"
    "</sst>";

/* xf 1: custom date, 2: built-in 14, 3: built-in 21 (a time), 4: custom
 * duration, 5: money; the numFmt of the dxf and the cellStyleXfs do not
 * count. */
static const char HB_STYLES[] = XMLDECL
    "<styleSheet " NS_MAIN ">"
    "<numFmts count=\"3\">"
    "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy;@\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm:ss\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"#,##0 &quot;đ/ngày&quot;\"/>"
    "</numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/>"
    "<xf numFmtId=\"14\"/><xf numFmtId=\"21\"/><xf numFmtId=\"165\"/>"
    "<xf numFmtId=\"166\"/></cellXfs>"
    "<dxfs count=\"1\"><dxf><numFmt numFmtId=\"14\" formatCode=\"0.00\"/>"
    "</dxf></dxfs>"
    "</styleSheet>";

static const char HB_DATA[] = XMLDECL
    "<worksheet " NS_MAIN "><dimension ref=\"A2:H7\"/><sheetData>"
    "<row r=\"2\" spans=\"1:5\">"
    "<c r=\"A2\" t=\"s\"><v>0</v></c>"
    "<c r=\"C2\" t=\"inlineStr\"><is><t>Hà Nội</t></is></c>"
    "<c r=\"D2\" s=\"1\"><v>45091</v></c>"
    "<c r=\"E2\" t=\"b\"><v>1</v></c></row>"
    "<row r=\"3\">"
    "<c r=\"A3\" t=\"s\"><v>1</v></c>"
    "<c r=\"B3\" t=\"inlineStr\"><is><r><t>Phú </t></r><r><t>Thọ</t></r>"
    "</is></c>"
    "<c r=\"C3\" s=\"2\"><v>61.5</v></c>"
    "<c r=\"D3\" s=\"3\"><v>0.5</v></c>"
    "<c r=\"E3\" s=\"4\"><v>1.25</v></c>"
    "<c r=\"F3\" s=\"5\"><v>1234.5</v></c></row>"
    "<row r=\"4\"><c r=\"A4\" s=\"1\"/><c r=\"B4\" t=\"s\"/></row>"
    "<row r=\"6\">"
    "<c r=\"A6\" t=\"str\"><f>A2&amp;\"x\"</f><v>Nguyễn Văn Áx</v></c>"
    "<c r=\"B6\" t=\"e\"><v>#N/A</v></c>"
    "<c r=\"C6\" t=\"s\"><v>2</v></c>"
    "<c t=\"n\"><v>-1.5E-3</v></c>"
    "<c r=\"F6\" t=\"b\"><v>0</v></c>"
    "<c r=\"G6\" s=\"99\"><v>7</v></c>"
    "<c r=\"H6\" s=\"2\"/></row>"
    "<row><c><v>7</v></c><c t=\"d\"><v>2024-02-29T00:00:00</v></c>"
    "<c s=\"2\"><v>60</v></c><c s=\"2\"><v>0</v></c></row>"
    "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/>"
    "</mergeCells></worksheet>";

static const char DECOY[] = SHEET(
    "<row r=\"1\"><c t=\"inlineStr\"><is><t>WRONG</t></is></c></row>");

static void
test_handmade(void **state)
{
	const struct part p[] = {
		{ "[Content_Types].xml", XMLDECL "<Types/>", 0 },
		{ "xl/_rels/workbook.xml.rels", HB_RELS, 0 },
		{ "xl/workbook.xml", HB_WORKBOOK, 0 },
		{ "xl/strings.xml", HB_SST, 0 },
		{ "xl/st.xml", HB_STYLES, 0 },
		{ "xl/worksheets/data.xml", HB_DATA, 0 },
		{ "xl/worksheets/sheet1.xml", DECOY, 0 },
		{ "xl/chartsheets/sheet1.xml", DECOY, 0 },
	};
	struct got g;
	size_t len;
	char *z;

	(void)state;
	z = zip_build(p, sizeof(p) / sizeof(p[0]), false, &len);
	memset(&g, 0, sizeof(g));
	read_into(&g, z, len, NULL);
	if (g.rc != 0)
		print_error("%s\n", g.e.msg);
	assert_int_equal(g.rc, 0);
	assert_int_equal(g.n, 4);
	assert_cells(&g, 0, 2, 5, "Nguyễn Văn Á", 0, "", 0, "Hà Nội", 0,
	    "2023-06-14", 1, "TRUE", 0);
	/* 21 is h:mm:ss, 165 a duration, 166 money: numbers stay */
	assert_cells(&g, 1, 3, 6, "Hòa Bình", 0, "Phú Thọ", 0,
	    "1900-03-01", 1, "0.5", 0, "1.25", 0, "1234.5", 0);
	/* row 4 holds only empty cells; row 5 is missing; a style index
	 * out of range is no date */
	assert_cells(&g, 2, 6, 7, "Nguyễn Văn Áx", 0, "#N/A", 0,
	    "a\rb_x0041_ _x0000_", 0, "-1.5E-3", 0, "", 0, "FALSE", 0,
	    "7", 0);
	/* no r attributes: row 7, columns A, B, ...; serial 60 (the
	 * phantom 1900-02-29) and 0 stay numbers */
	assert_cells(&g, 3, 7, 4, "7", 0, "2024-02-29", 1, "60", 0, "0", 0);
	got_release(&g);

	/* the callback stops the read */
	g.stop_at = 2;
	read_into(&g, z, len, NULL);
	assert_int_equal(g.rc, STOP);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.e.code, STOP);
	got_release(&g);
	free(z);
}

/* No workbook, no relationships: sheet1.xml, styles.xml by default;
 * the 1904 date system. */
static void
test_defaults_1904(void **state)
{
	static const char styles[] = "<styleSheet " NS_MAIN "><cellXfs>"
	    "<xf/><xf numFmtId=\"15\"/></cellXfs></styleSheet>";
	static const char sheet[] = SHEET("<row r=\"1\"><c r=\"B1\" s=\"1\">"
	    "<v>43629</v></c></row>");
	const struct part p[] = {
		{ "xl/workbook.xml", "<workbook " NS_MAIN "><workbookPr "
		    "date1904=\"1\"/><sheets/></workbook>", 0 },
		{ "xl/styles.xml", styles, 0 },
		{ "xl/worksheets/sheet1.xml", sheet, 0 },
	};
	struct got g;
	size_t len;
	char *z;

	(void)state;
	z = zip_build(p, 3, true, &len);
	memset(&g, 0, sizeof(g));
	read_into(&g, z, len, NULL);
	assert_int_equal(g.rc, 0);
	assert_int_equal(g.n, 1);
	assert_cells(&g, 0, 1, 2, "", 0, "2023-06-14", 1);
	got_release(&g);
	free(z);

	/* an empty sheet is not an error: no rows */
	z = sheet_only(SHEET(""), &len);
	read_into(&g, z, len, NULL);
	assert_int_equal(g.rc, 0);
	assert_int_equal(g.n, 0);
	free(z);
}

/* ---- malformed input ---- */

static void
test_not_zip(void **state)
{
	size_t len;
	char *data;

	(void)state;
	assert_fails("hello", 5, NULL, ERR_INVAL);
	assert_fails("PK\x03\x04garbage", 11, NULL, ERR_INVAL);
	assert_fails("", 0, NULL, ERR_INVAL);
	assert_fails(NULL, 0, NULL, ERR_INVAL);

	/* a real workbook cut short or with its tail cut off */
	data = write_sample(false, &len);
	assert_fails(data, len / 2, NULL, ERR_INVAL);
	assert_fails(data, len - 10, NULL, ERR_INVAL);
	assert_fails(data + 1, len - 1, NULL, ERR_INVAL);
	free(data);
}

static void
test_no_sheet(void **state)
{
	const struct part p[] = {
		{ "xl/workbook.xml", HB_WORKBOOK, 0 },
		{ "xl/_rels/workbook.xml.rels", HB_RELS, 0 },
		{ "docProps/app.xml", "<Properties/>", 0 },
	};
	size_t len;
	char *z;

	(void)state;
	z = zip_build(p, 3, false, &len);
	assert_fails(z, len, NULL, ERR_INVAL);
	free(z);
}

static void
test_bad_xml(void **state)
{
	size_t len;
	char *z;

	(void)state;
	/* truncated */
	assert_sheet_fails(XMLDECL "<worksheet><sheetData><row r=\"1\">"
	    "<c><v>1</v></c>", NULL, ERR_INVAL);
	assert_sheet_fails("", NULL, ERR_INVAL);
	assert_sheet_fails("<worksheet><sheetData></worksheet>", NULL,
	    ERR_INVAL);
	/* invalid UTF-8: a bad byte, a cut sequence, an overlong form, a
	 * surrogate, an invalid character reference */
	assert_sheet_fails(SHEET("<row><c t=\"inlineStr\"><is><t>a\xff"
	    "</t></is></c></row>"), NULL, ERR_INVAL);
	assert_sheet_fails(SHEET("<row><c t=\"inlineStr\"><is><t>Nguy\xe1\xbb"
	    "</t></is></c></row>"), NULL, ERR_INVAL);
	assert_sheet_fails(SHEET("<row><c t=\"inlineStr\"><is><t>\xc0\xaf"
	    "</t></is></c></row>"), NULL, ERR_INVAL);
	assert_sheet_fails(SHEET("<row><c t=\"inlineStr\"><is><t>\xed\xa0\x80"
	    "</t></is></c></row>"), NULL, ERR_INVAL);
	assert_sheet_fails(SHEET("<row><c t=\"inlineStr\"><is><t>&#xD800;"
	    "</t></is></c></row>"), NULL, ERR_INVAL);
	/* a DTD (entity expansion) is refused outright */
	assert_sheet_fails(XMLDECL "<!DOCTYPE lol [<!ENTITY a \"aaaaaaaa\">"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
	    "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&b;</t>"
	    "</is></c></row></sheetData></worksheet>", NULL, ERR_INVAL);

	/* invalid UTF-8 in a shared string */
	z = sheet_sst(SHEET("<row><c t=\"s\"><v>0</v></c></row>"),
	    "<sst><si><t>Hòa B\xecnh</t></si></sst>", &len);
	assert_fails(z, len, NULL, ERR_INVAL);
	free(z);
	/* malformed workbook and relationships are errors, not fallbacks */
	{
		const struct part p[] = {
			{ "xl/workbook.xml", "<workbook><sheets>", 0 },
			{ "xl/worksheets/sheet1.xml", DECOY, 0 },
		};

		z = zip_build(p, 2, false, &len);
		assert_fails(z, len, NULL, ERR_INVAL);
		free(z);
	}
}

static void
test_bad_references(void **state)
{
	size_t len;
	char *z;

	(void)state;
	/* shared string index out of range, huge, not a number */
	z = sheet_sst(SHEET("<row><c t=\"s\"><v>1</v></c></row>"),
	    "<sst><si><t>x</t></si></sst>", &len);
	assert_fails(z, len, NULL, ERR_INVAL);
	free(z);
	z = sheet_sst(SHEET("<row><c t=\"s\"><v>99999999999999999999999</v>"
	    "</c></row>"), "<sst><si><t>x</t></si></sst>", &len);
	assert_fails(z, len, NULL, ERR_INVAL);
	free(z);
	assert_sheet_fails(SHEET("<row><c t=\"s\"><v>0</v></c></row>"), NULL,
	    ERR_INVAL);
	assert_sheet_fails(SHEET("<row><c t=\"s\"><v>-1</v></c></row>"), NULL,
	    ERR_INVAL);
	/* cell references */
	assert_sheet_fails(SHEET("<row r=\"1\"><c r=\"A0\"><v>1</v></c>"
	    "</row>"), NULL, ERR_INVAL);
	assert_sheet_fails(SHEET("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c>"
	    "</row>"), NULL, ERR_INVAL);
	assert_sheet_fails(SHEET("<row r=\"1\"><c r=\"1A\"><v>1</v></c>"
	    "</row>"), NULL, ERR_INVAL);
	assert_sheet_fails(SHEET("<row r=\"1\"><c r=\"A2\"><v>1</v></c>"
	    "</row>"), NULL, ERR_INVAL);
	assert_sheet_fails(SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c>"
	    "<c r=\"A1\"><v>2</v></c></row>"), NULL, ERR_INVAL);
	assert_sheet_fails(SHEET("<row r=\"1\"><c r=\"B1\"><v>1</v></c>"
	    "<c r=\"A1\"><v>2</v></c></row>"), NULL, ERR_INVAL);
	/* rows */
	assert_sheet_fails(SHEET("<row r=\"2\"/><row r=\"1\"/>"), NULL,
	    ERR_INVAL);
	assert_sheet_fails(SHEET("<row r=\"0\"/>"), NULL, ERR_INVAL);
	assert_sheet_fails(SHEET("<row r=\"1048577\"/>"), NULL, ERR_INVAL);
	assert_sheet_fails(SHEET("<row r=\"1\"><row r=\"2\"/></row>"), NULL,
	    ERR_INVAL);
	assert_sheet_fails(SHEET("<c><v>1</v></c>"), NULL, ERR_INVAL);
	/* cell types and values */
	assert_sheet_fails(SHEET("<row><c t=\"x\"><v>1</v></c></row>"), NULL,
	    ERR_INVAL);
	assert_sheet_fails(SHEET("<row><c><v>1,5</v></c></row>"), NULL,
	    ERR_INVAL);
	assert_sheet_fails(SHEET("<row><c t=\"b\"><v>2</v></c></row>"), NULL,
	    ERR_INVAL);
	assert_sheet_fails(SHEET("<row><c s=\"-1\"><v>2</v></c></row>"), NULL,
	    ERR_INVAL);
	assert_sheet_fails(SHEET("<row><c><c/></c></row>"), NULL, ERR_INVAL);
}

/* ---- limits ---- */

static void
test_limits(void **state)
{
	struct xlsx_limits lim;
	struct got g;
	size_t len;
	char *z;

	(void)state;
	/* rows: the third row with a value is one too many */
	memset(&lim, 0, sizeof(lim));
	lim.max_rows = 2;
	z = sheet_only(SHEET("<row><c><v>1</v></c></row><row><c><v>2</v></c>"
	    "</row><row><c><v>3</v></c></row>"), &len);
	memset(&g, 0, sizeof(g));
	read_into(&g, z, len, &lim);
	assert_int_equal(g.rc, ERR_TOOBIG);
	assert_string_equal(g.e.api_code, "file_too_large");
	assert_int_equal(g.n, 2);		/* rows before the limit */
	got_release(&g);
	free(z);
	/* a styled but empty row past the limit is fine */
	z = sheet_only(SHEET("<row><c><v>1</v></c></row>"
	    "<row r=\"1048576\"><c r=\"XFD1048576\" s=\"1\"/></row>"), &len);
	read_into(&g, z, len, &lim);
	assert_int_equal(g.rc, 0);
	assert_int_equal(g.n, 1);
	got_release(&g);
	free(z);

	/* columns */
	memset(&lim, 0, sizeof(lim));
	lim.max_cols = 3;
	assert_sheet_fails(SHEET("<row><c r=\"D1\"><v>1</v></c></row>"), &lim,
	    ERR_TOOBIG);
	assert_sheet_fails(SHEET("<row><c r=\"ZZ1\"><v>1</v></c></row>"), NULL,
	    ERR_TOOBIG);

	/* cell text: 4 bytes pass, 5 do not; also for shared strings */
	memset(&lim, 0, sizeof(lim));
	lim.max_cell = 4;
	z = sheet_only(SHEET("<row><c t=\"inlineStr\"><is><t>abcd</t></is>"
	    "</c></row>"), &len);
	read_into(&g, z, len, &lim);
	assert_int_equal(g.rc, 0);
	got_release(&g);
	free(z);
	assert_sheet_fails(SHEET("<row><c t=\"inlineStr\"><is><t>abcde</t>"
	    "</is></c></row>"), &lim, ERR_TOOBIG);
	assert_sheet_fails(SHEET("<row><c><v>12345</v></c></row>"), &lim,
	    ERR_TOOBIG);
	z = sheet_sst(SHEET(""), "<sst><si><t>abcde</t></si></sst>", &len);
	assert_fails(z, len, &lim, ERR_TOOBIG);
	free(z);

	/* shared strings */
	memset(&lim, 0, sizeof(lim));
	lim.max_strings = 1;
	z = sheet_sst(SHEET(""), "<sst><si><t>a</t></si><si><t>b</t></si>"
	    "</sst>", &len);
	assert_fails(z, len, &lim, ERR_TOOBIG);
	free(z);
}

/* A part that inflates past max_part is stopped, whatever its header
 * claims. */
static void
test_zip_bomb(void **state)
{
	struct xlsx_limits lim;
	struct part p[1];
	size_t big = 4 << 20, len, head, done;
	char *xml, *z;

	(void)state;
	xml = malloc(big);
	assert_non_null(xml);
	memset(xml, ' ', big);
	memcpy(xml, "<worksheet>", 11);
	memcpy(xml + big - 12, "</worksheet>", 12);
	p[0].name = "xl/worksheets/sheet1.xml";
	p[0].data = xml;
	p[0].len = big;
	z = zip_build(p, 1, false, &len);
	assert_true(len < 64 * 1024);		/* deflate squeezes it */
	memset(&lim, 0, sizeof(lim));
	lim.max_part = 64 * 1024;
	assert_fails(z, len, &lim, ERR_TOOBIG);
	/* the same with the declared sizes forged to 100 bytes: the
	 * inflated bytes are counted, not the headers believed */
	assert_memory_equal(z, "PK\x03\x04", 4);
	z[22] = 100;
	z[23] = z[24] = z[25] = 0;
	head = 0;
	for (done = len - 4; done > 0; done--)
		if (memcmp(z + done, "PK\x01\x02", 4) == 0) {
			head = done;
			break;
		}
	assert_true(head > 0);
	z[head + 24] = 100;
	z[head + 25] = z[head + 26] = z[head + 27] = 0;
	{
		struct got g;

		memset(&g, 0, sizeof(g));
		read_into(&g, z, len, &lim);
		assert_true(g.rc == ERR_TOOBIG || g.rc == ERR_INVAL);
		assert_int_equal(g.n, 0);
	}
	/* with the default limit it is only big, not bad */
	free(z);
	z = zip_build(p, 1, false, &len);
	{
		struct got g;

		memset(&g, 0, sizeof(g));
		read_into(&g, z, len, NULL);
		assert_int_equal(g.rc, 0);
	}
	/* a flipped byte in the compressed data */
	head = 30 + (size_t)(unsigned char)z[26] +
	    ((size_t)(unsigned char)z[27] << 8) +
	    (size_t)(unsigned char)z[28] +
	    ((size_t)(unsigned char)z[29] << 8);
	z[head + 40] ^= 0x55;
	assert_fails(z, len, NULL, ERR_INVAL);
	free(z);
	free(xml);
}

/* ---- serial days ---- */

static void
assert_serial(double serial, int y, int m, int d)
{
	int gy = 0, gm = 0, gd = 0;

	assert_int_equal(xlsx_serial_to_ymd(serial, &gy, &gm, &gd), 0);
	if (gy != y || gm != m || gd != d)
		print_error("%f: %d-%d-%d, want %d-%d-%d\n", serial, gy, gm,
		    gd, y, m, d);
	assert_int_equal(gy, y);
	assert_int_equal(gm, m);
	assert_int_equal(gd, d);
}

static void
test_serial(void **state)
{
	int y = -1, m = -1, d = -1;

	(void)state;
	assert_serial(45091, 2023, 6, 14);
	assert_serial(45091.99, 2023, 6, 14);	/* the time is dropped */
	assert_serial(1, 1900, 1, 1);
	assert_serial(31, 1900, 1, 31);
	assert_serial(59, 1900, 2, 28);
	assert_serial(61, 1900, 3, 1);
	assert_serial(366, 1900, 12, 31);
	assert_serial(367, 1901, 1, 1);
	assert_serial(36585, 2000, 2, 29);
	assert_serial(2958465, 9999, 12, 31);
	/* 60 is Excel's 1900-02-29, which never was */
	assert_int_equal(xlsx_serial_to_ymd(60, &y, &m, &d), ERR_RANGE);
	assert_int_equal(xlsx_serial_to_ymd(60.5, &y, &m, &d), ERR_RANGE);
	assert_int_equal(xlsx_serial_to_ymd(0.99, &y, &m, &d), ERR_RANGE);
	assert_int_equal(xlsx_serial_to_ymd(-1, &y, &m, &d), ERR_RANGE);
	assert_int_equal(xlsx_serial_to_ymd(2958466, &y, &m, &d), ERR_RANGE);
	assert_int_equal(xlsx_serial_to_ymd(1e300, &y, &m, &d), ERR_RANGE);
	assert_int_equal(xlsx_serial_to_ymd(0.0 / 0.0, &y, &m, &d),
	    ERR_RANGE);
	assert_int_equal(y, -1);		/* untouched */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_roundtrip_constant_memory),
		cmocka_unit_test(test_finish_path),
		cmocka_unit_test(test_write_errors),
		cmocka_unit_test(test_handmade),
		cmocka_unit_test(test_defaults_1904),
		cmocka_unit_test(test_not_zip),
		cmocka_unit_test(test_no_sheet),
		cmocka_unit_test(test_bad_xml),
		cmocka_unit_test(test_bad_references),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_zip_bomb),
		cmocka_unit_test(test_serial),
	};

	return cmocka_run_group_tests_name("xlsx", tests, setup, teardown);
}
