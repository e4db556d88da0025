/*
 * fuzz_xlsx.c - xlsx_read() on arbitrary bytes, in two forms:
 *
 *   - input starting with "PK" is the package itself: libzip's reading
 *     of the directory, inflating and CRC checks, then the XML;
 *   - any other input is up to five XML parts separated by NUL bytes
 *     (sheet, shared strings, styles, workbook, workbook relationships)
 *     that are packed here into a stored zip, so that mutations reach the
 *     XML handlers instead of failing a CRC.  Its first byte picks the
 *     row at which the callback stops (byte % 4, 0: never).
 *
 * The callback checks the contract of xlsx_row_fn (rows in increasing
 * order within the limits, cells never NULL, valid UTF-8 within
 * max_cell, the last cell not empty, date cells "YYYY-MM-DD"); errors
 * must be ERR_INVAL / ERR_TOOBIG with their api_code and a valid UTF-8
 * message.
 *
 *   make fuzz && build/fuzz/fuzz_xlsx tests/fuzz/corpus/xlsx
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "core/err.h"
#include "core/xlsxread.h"

#define STOP_CODE	(-1000)
#define NPARTS		5

static const char *const part_names[NPARTS] = {
	"xl/worksheets/sheet1.xml",
	"xl/sharedStrings.xml",
	"xl/styles.xml",
	"xl/workbook.xml",
	"xl/_rels/workbook.xml.rels",
};

static const struct xlsx_limits lim = {
	.max_part = 1 << 20,
	.max_rows = 10000,
	.max_cols = 64,
	.max_cell = 1024,
	.max_strings = 1000,
};

struct ctx {
	size_t		rows;
	size_t		last_row;
	size_t		stop_at;	/* 0: never */
	uint32_t	sum;
};

/* Well-formed UTF-8: no overlong forms, surrogates or values past
 * U+10FFFF. */
static bool
utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t len;
		uint32_t cp, min;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			len = 2;
			cp = c & 0x1f;
			min = 0x80;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 3;
			cp = c & 0x0f;
			min = 0x800;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4;
			cp = c & 0x07;
			min = 0x10000;
		} else
			return false;
		if (i + len > n)
			return false;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += len;
	}
	return true;
}

static bool
is_ymd(const char *s)
{
	static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	return !(m == 2 && d == 29 &&
	    !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

static int
on_row(void *p, size_t row_no, const struct xlsx_cell *cells, size_t ncells,
    struct err *e)
{
	struct ctx *c = p;

	if (row_no <= c->last_row || row_no > lim.max_rows || ncells == 0 ||
	    ncells > lim.max_cols || cells == NULL)
		abort();
	c->last_row = row_no;
	c->rows++;
	for (size_t i = 0; i < ncells; i++) {
		size_t n;

		if (cells[i].text == NULL)
			abort();
		n = strlen(cells[i].text);
		if (n > lim.max_cell ||
		    !utf8_valid((const unsigned char *)cells[i].text, n))
			abort();
		if ((i + 1 == ncells && n == 0) ||
		    (cells[i].is_date && !is_ymd(cells[i].text)))
			abort();
		for (size_t k = 0; k <= n; k++)
			c->sum = c->sum * 31 + (unsigned char)cells[i].text[k];
	}
	if (c->stop_at != 0 && c->rows == c->stop_at)
		return err_set(e, STOP_CODE, "stop", NULL, "stop at %zu",
		    row_no);
	return 0;
}

/*
 * Pack the NUL-separated parts of in[0..n) into a stored zip.  Returns
 * the heap bytes (free()) or NULL when libzip would not build it.
 */
static char *
pack(const uint8_t *in, size_t n, size_t *len)
{
	zip_error_t ze;
	zip_source_t *src, *zs;
	zip_stat_t st;
	zip_t *za;
	char *out = NULL;
	size_t start = 0, k = 0;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (src == NULL)
		abort();
	zip_source_keep(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (za == NULL)
		abort();
	for (size_t i = 0; i <= n && k < NPARTS; i++) {
		zip_int64_t idx;

		if (i < n && in[i] != '\0')
			continue;
		zs = zip_source_buffer(za, in + start, i - start, 0);
		if (zs == NULL)
			abort();
		idx = zip_file_add(za, part_names[k++], zs, 0);
		if (idx < 0)
			abort();
		zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE,
		    0);
		start = i + 1;
	}
	if (zip_close(za) != 0)
		abort();
	if (zip_source_open(src) == 0) {
		zip_stat_init(&st);
		if (zip_source_stat(src, &st) == 0) {
			out = malloc(st.size + 1);
			if (out == NULL || zip_source_read(src, out,
			    st.size) != (zip_int64_t)st.size)
				abort();
			*len = st.size;
		}
		zip_source_close(src);
	}
	zip_source_free(src);
	zip_error_fini(&ze);
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctx c;
	struct err e;
	char *pkg = NULL;
	size_t len = size;
	const void *in = data;
	int rc;

	memset(&c, 0, sizeof(c));
	memset(&e, 0, sizeof(e));
	if (size < 2 || data[0] != 'P' || data[1] != 'K') {
		if (size > 0)
			c.stop_at = data[0] % 4;
		pkg = pack(size > 0 ? data + 1 : data, size > 0 ? size - 1 : 0,
		    &len);
		if (pkg == NULL)
			abort();
		in = pkg;
	}
	rc = xlsx_read(in, len, &lim, on_row, &c, &e);
	if (rc == STOP_CODE) {
		if (c.stop_at == 0 || c.rows != c.stop_at)
			abort();
	} else if (rc != 0) {
		if ((rc != ERR_INVAL && rc != ERR_TOOBIG) || e.code != rc ||
		    e.api_code == NULL ||
		    strcmp(e.api_code, rc == ERR_INVAL ? "invalid_file" :
		    "file_too_large") != 0 ||
		    memchr(e.msg, '\0', sizeof(e.msg)) == NULL ||
		    !utf8_valid((const unsigned char *)e.msg, strlen(e.msg)))
			abort();
	}
	if (c.stop_at != 0 && c.rows > c.stop_at)
		abort();
	free(pkg);
	return 0;
}
