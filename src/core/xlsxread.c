/*
 * xlsxread.c - the first worksheet of an .xlsx package: libzip inflates
 * each XML part in chunks straight into an expat parser, so no part is
 * ever held whole and the inflated size is counted as it is produced.
 *
 * Order of work: the workbook relationships (which part is which), the
 * workbook (the first <sheet> that is a worksheet, the 1904 flag), the
 * shared strings, the styles (which cell formats are dates), then the
 * sheet itself, one <row> at a time.
 */
#include "core/xlsxread.h"

#include <expat.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/err.h"
#include "core/xalloc.h"

#define NS_SEP		'|'		/* expat: "namespace-uri|local" */
#define CHUNK		(64 * 1024)	/* inflated bytes per XML_Parse */
#define REF_MAX_ROW	1048576		/* the sheet size of Excel */
#define REF_MAX_COL	16384
#define PATH_MAX_LEN	512		/* a part name */
#define MAX_RELS	1024		/* worksheet relationships kept */
#define MAX_XFS		65536		/* cellXfs entries (Excel: 64000) */
#define MAX_NUMFMTS	65536
#define SERIAL_MAX	2958465.0	/* 9999-12-31 */
#define DATE1904_SHIFT	1462		/* 1904-01-01 is 1900 serial 1462 */

#define SHEET_DEFAULT	"xl/worksheets/sheet1.xml"
#define SST_DEFAULT	"xl/sharedStrings.xml"
#define STYLES_DEFAULT	"xl/styles.xml"
#define WORKBOOK	"xl/workbook.xml"
#define WORKBOOK_RELS	"xl/_rels/workbook.xml.rels"

enum ctype { T_NUM, T_SST, T_BOOL, T_STR, T_INLINE, T_ERR, T_DATE };

struct rel {
	char	*id;
	char	*target;		/* resolved part name */
};

struct numfmt {
	size_t	 id;
	bool	 is_date;
};

struct rd {
	zip_t			*za;
	struct xlsx_limits	 lim;
	struct err		*e;
	int			 rc;		/* first error, sticky */
	XML_Parser		 xp;		/* parser running, or NULL */
	const char		*part;		/* its label, for messages */

	/* relationships and workbook */
	struct rel		*rels;		/* worksheets only */
	size_t			 nrels;
	char			*sst_part;
	char			*styles_part;
	char			*sheet_part;	/* chosen first worksheet */
	bool			 date1904;

	/* shared strings: NUL-separated texts and their offsets */
	struct buf		 sst;
	size_t			*sst_off;
	size_t			 nsst, sst_cap;

	/* styles */
	struct numfmt		*fmts;
	size_t			 nfmts, fmts_cap;
	size_t			*xf_fmt;	/* numFmtId per cellXfs xf */
	bool			*xf_date;
	size_t			 nxfs, xfs_cap;
	bool			 in_numfmts, in_cellxfs;

	/* text collection shared by sst, inline strings and <v> */
	struct buf		 text;		/* max lim.max_cell */
	bool			 in_si, in_t, in_v, in_is;
	int			 rph;		/* depth in phonetic runs */

	/* sheet */
	bool			 in_data, in_row, in_c;
	size_t			 row_no, last_row;
	size_t			 col, last_col;
	enum ctype		 ctype;
	size_t			 style;
	struct buf		 rowtext;	/* cell texts, NUL-separated */
	size_t			*cell_off;	/* SIZE_MAX: empty */
	bool			*cell_date;
	struct xlsx_cell	*cells;
	size_t			 ncells;	/* highest column filled */
	xlsx_row_fn		 fn;
	void			*ctx;
};

static int	fail(struct rd *, int, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

/*
 * Record the first error (ERR_INVAL or ERR_TOOBIG with a Vietnamese
 * message naming the part) and stop the running parser.
 */
static int
fail(struct rd *rd, int code, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	if (rd->rc != 0)
		return rd->rc;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (code == ERR_TOOBIG)
		err_set(rd->e, code, "file_too_large", NULL,
		    "Tệp XLSX quá lớn: %s%s%s", rd->part != NULL ? rd->part :
		    "", rd->part != NULL ? ": " : "", msg);
	else if (code == ERR_INVAL)
		err_set(rd->e, code, "invalid_file", NULL,
		    "Tệp XLSX không hợp lệ: %s%s%s", rd->part != NULL ?
		    rd->part : "", rd->part != NULL ? ": " : "", msg);
	else
		err_set(rd->e, code, "internal", NULL, "xlsx: %s", msg);
	rd->rc = code;
	if (rd->xp != NULL)
		XML_StopParser(rd->xp, XML_FALSE);
	return code;
}

/* ---- small parsers ---- */

/* Local part of an expat name ("uri|local" or "local"). */
static const char *
local(const char *name)
{
	const char *p = strrchr(name, NS_SEP);

	return p != NULL ? p + 1 : name;
}

/* Value of the attribute whose local name is want, or NULL.  With ns,
 * only a namespaced attribute (r:id) matches; without, only a plain one. */
static const char *
attr(const XML_Char **atts, const char *want, bool ns)
{
	for (size_t i = 0; atts[i] != NULL; i += 2) {
		bool has_ns = strchr(atts[i], NS_SEP) != NULL;

		if (has_ns == ns && strcmp(local(atts[i]), want) == 0)
			return atts[i + 1];
	}
	return NULL;
}

/* Decimal digits only, at most max. */
static bool
parse_uint(const char *s, size_t max, size_t *out)
{
	size_t v = 0;

	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (size_t)(*s - '0');
		if (v > max)
			return false;
	}
	*out = v;
	return true;
}

/* A cell reference such as "C5": column 1..16384, row 1..1048576. */
static bool
parse_ref(const char *s, size_t *col, size_t *row)
{
	size_t c = 0;

	for (; (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'); s++) {
		c = c * 26 + (size_t)((*s | 0x20) - 'a' + 1);
		if (c > REF_MAX_COL)
			return false;
	}
	if (c == 0 || !parse_uint(s, REF_MAX_ROW, row) || *row == 0)
		return false;
	*col = c;
	return true;
}

/* A number as OOXML writes it: [-+]digits[.digits][E[-+]digits]. */
static bool
number_valid(const char *s)
{
	bool digits = false;

	if (*s == '-' || *s == '+')
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
		digits = true;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			digits = true;
	if (!digits)
		return false;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		if (*s < '0' || *s > '9')
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Append s[0..len) to out, decoding the OOXML escapes "_xHHHH_" (Excel
 * writes a CR as "_x000D_" and a literal "_x" as "_x005F_x").  An escape
 * of a character XML does not allow is kept as it is written.
 */
static void
xstr_decode(struct buf *out, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned int cp = 0;
		bool esc = i + 7 <= len && s[i] == '_' && s[i + 1] == 'x' &&
		    s[i + 6] == '_';
		char u[3];

		for (size_t k = 2; esc && k < 6; k++) {
			int h = hexval(s[i + k]);

			if (h < 0)
				esc = false;
			cp = cp << 4 | (unsigned int)h;
		}
		if (esc && !(cp == 0x9 || cp == 0xa || cp == 0xd ||
		    (cp >= 0x20 && cp < 0xd800) ||
		    (cp >= 0xe000 && cp <= 0xfffd)))
			esc = false;
		if (!esc) {
			buf_add(out, s + i, 1);
			i++;
			continue;
		}
		if (cp < 0x80) {
			u[0] = (char)cp;
			buf_add(out, u, 1);
		} else if (cp < 0x800) {
			u[0] = (char)(0xc0 | cp >> 6);
			u[1] = (char)(0x80 | (cp & 0x3f));
			buf_add(out, u, 2);
		} else {
			u[0] = (char)(0xe0 | cp >> 12);
			u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
			u[2] = (char)(0x80 | (cp & 0x3f));
			buf_add(out, u, 3);
		}
		i += 7;
	}
}

int
xlsx_serial_to_ymd(double serial, int *y, int *m, int *d)
{
	long n;

	if (!(serial >= 1.0 && serial < SERIAL_MAX + 1.0))
		return ERR_RANGE;
	n = (long)serial;		/* >= 1: truncation is floor */
	if (n == 60)
		return ERR_RANGE;	/* 1900-02-29 never was */
	/* Excel counts 1900 as a leap year: before its phantom 29 Feb the
	 * serials are one day later than from day 0 = 1899-12-30. */
	if (n < 60)
		n++;
	/* day 0 = 1899-12-30 = 25569 days before 1970-01-01 */
	cal_to_ymd((cal_day)(n - 25569), y, m, d);
	return 0;
}

/* "YYYY-MM-DD" at the start of s, a real date. */
static bool
iso_date_prefix(const char *s)
{
	int v[3] = { 0, 0, 0 }, mdays;
	static const int len[3] = { 4, 2, 2 };

	for (int f = 0, i = 0; f < 3; f++, i++) {
		for (int k = 0; k < len[f]; k++, i++) {
			if (s[i] < '0' || s[i] > '9')
				return false;
			v[f] = v[f] * 10 + (s[i] - '0');
		}
		if (f < 2 && s[i] != '-')
			return false;
	}
	if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1)
		return false;
	mdays = v[1] == 2 ? ((v[0] % 4 == 0 && v[0] % 100 != 0) ||
	    v[0] % 400 == 0 ? 29 : 28) :
	    v[1] == 4 || v[1] == 6 || v[1] == 9 || v[1] == 11 ? 30 : 31;
	return v[2] <= mdays;
}

/*
 * Does a custom number format show a date?  Quoted text, escaped and
 * padding characters and [...] sections (colours, locales, elapsed time)
 * are skipped; then d or y, or m without h or s (minutes), mean a date.
 */
static bool
fmt_code_is_date(const char *p)
{
	bool d = false, m = false, y = false, h = false, s = false;
	const char *close;

	for (; *p != '\0'; p++) {
		switch (*p) {
		case '"':
		case '[':
			close = strchr(p + 1, *p == '"' ? '"' : ']');
			if (close == NULL)
				return false;		/* malformed */
			p = close;
			break;
		case '\\':
		case '_':
		case '*':
			if (p[1] != '\0')
				p++;
			break;
		case 'd':
		case 'D':
			d = true;
			break;
		case 'm':
		case 'M':
			m = true;
			break;
		case 'y':
		case 'Y':
			y = true;
			break;
		case 'h':
		case 'H':
			h = true;
			break;
		case 's':
		case 'S':
			s = true;
			break;
		default:
			break;
		}
	}
	return d || y || (m && !h && !s);
}

/*
 * Built-in formats that show a date: 14-17 (m/d/yyyy, d-mmm-yy, d-mmm,
 * mmm-yy) and 22 (m/d/yy h:mm).  18-21 and 45-47 show only a time of
 * day or a duration and are not dates.
 */
static bool
fmt_builtin_is_date(size_t id)
{
	return (id >= 14 && id <= 17) || id == 22;
}

/*
 * Resolve a relationship target against the folder of its source part
 * ("xl/"), folding "." and "..": "worksheets/sheet1.xml" gives
 * "xl/worksheets/sheet1.xml", "/xl/x.xml" gives "xl/x.xml".  NULL when it
 * climbs above the package root or is too long.
 */
static char *
part_resolve(const char *base, const char *target)
{
	char path[PATH_MAX_LEN], out[PATH_MAX_LEN];
	size_t n = 0;
	int w;

	if (target[0] == '/')
		w = snprintf(path, sizeof(path), "%s", target + 1);
	else
		w = snprintf(path, sizeof(path), "%s%s", base, target);
	if (w < 0 || (size_t)w >= sizeof(path))
		return NULL;
	for (char *seg = path, *next; seg != NULL; seg = next) {
		size_t sl;

		next = strchr(seg, '/');
		if (next != NULL)
			*next++ = '\0';
		sl = strlen(seg);
		if (sl == 0 || strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			if (n == 0)
				return NULL;
			while (n > 0 && out[n - 1] != '/')
				n--;
			if (n > 0)
				n--;		/* the '/' */
			continue;
		}
		if (n > 0)
			out[n++] = '/';
		memcpy(out + n, seg, sl);	/* fits: out is as big */
		n += sl;
	}
	if (n == 0)
		return NULL;
	out[n] = '\0';
	return xstrdup(out);
}

/* ---- streaming one part through expat ---- */

static void
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int has_internal)
{
	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal;
	fail(ud, ERR_INVAL, "có khai báo DOCTYPE");
}

/*
 * Inflate part name chunk by chunk into a fresh expat parser with the
 * given handlers.  label names the part in messages (never the name from
 * the file).  Returns 0, ERR_NOTFOUND (no error recorded) when the part
 * is absent, or the recorded error.
 */
static int
part_parse(struct rd *rd, const char *name, const char *label,
    XML_StartElementHandler start, XML_EndElementHandler end,
    XML_CharacterDataHandler chars)
{
	zip_int64_t idx;
	zip_stat_t st;
	zip_file_t *zf;
	XML_Parser p;
	enum XML_Status xs;
	char *chunk;
	size_t total = 0;

	idx = zip_name_locate(rd->za, name, ZIP_FL_NOCASE);
	if (idx < 0)
		return ERR_NOTFOUND;
	rd->part = label;
	zip_stat_init(&st);
	if (zip_stat_index(rd->za, (zip_uint64_t)idx, 0, &st) == 0 &&
	    (st.valid & ZIP_STAT_SIZE) && st.size > rd->lim.max_part)
		return fail(rd, ERR_TOOBIG, "phần giải nén quá lớn");
	zf = zip_fopen_index(rd->za, (zip_uint64_t)idx, 0);
	if (zf == NULL)
		return fail(rd, ERR_INVAL, "không giải nén được (%s)",
		    zip_strerror(rd->za));
	p = XML_ParserCreateNS(NULL, NS_SEP);
	if (p == NULL) {
		zip_fclose(zf);
		return fail(rd, ERR_NOMEM, "XML_ParserCreateNS");
	}
	XML_SetUserData(p, rd);
	XML_SetElementHandler(p, start, end);
	XML_SetCharacterDataHandler(p, chars);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	chunk = xmalloc(CHUNK);
	while (rd->rc == 0) {
		zip_int64_t n = zip_fread(zf, chunk, CHUNK);

		if (n < 0) {
			fail(rd, ERR_INVAL, "dữ liệu nén hỏng (%s)",
			    zip_file_strerror(zf));
			break;
		}
		total += (size_t)n;
		if (total > rd->lim.max_part) {
			fail(rd, ERR_TOOBIG, "phần giải nén quá lớn");
			break;
		}
		rd->xp = p;		/* handlers may stop it */
		xs = XML_Parse(p, chunk, (int)n, n == 0);
		rd->xp = NULL;
		if (xs != XML_STATUS_OK) {
			fail(rd, ERR_INVAL, "XML hỏng ở dòng %lu: %s",
			    (unsigned long)XML_GetCurrentLineNumber(p),
			    XML_ErrorString(XML_GetErrorCode(p)));
			break;
		}
		if (n == 0)
			break;
	}
	free(chunk);
	XML_ParserFree(p);
	zip_fclose(zf);
	return rd->rc;
}

/* ---- xl/_rels/workbook.xml.rels ---- */

static bool
type_is(const char *type, const char *suffix)
{
	size_t tl = strlen(type), sl = strlen(suffix);

	return tl >= sl && strcmp(type + tl - sl, suffix) == 0;
}

static void
rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct rd *rd = ud;
	const char *id, *type, *target, *mode;
	char *path;

	if (rd->rc != 0 || strcmp(local(name), "Relationship") != 0)
		return;
	id = attr(atts, "Id", false);
	type = attr(atts, "Type", false);
	target = attr(atts, "Target", false);
	mode = attr(atts, "TargetMode", false);
	if (id == NULL || type == NULL || target == NULL ||
	    (mode != NULL && strcmp(mode, "External") == 0))
		return;
	if (!type_is(type, "/worksheet") && !type_is(type, "/sharedStrings") &&
	    !type_is(type, "/styles"))
		return;
	path = part_resolve("xl/", target);
	if (path == NULL) {
		fail(rd, ERR_INVAL, "đường dẫn phần không hợp lệ");
		return;
	}
	if (type_is(type, "/sharedStrings") && rd->sst_part == NULL) {
		rd->sst_part = path;
	} else if (type_is(type, "/styles") && rd->styles_part == NULL) {
		rd->styles_part = path;
	} else if (type_is(type, "/worksheet")) {
		if (rd->nrels == MAX_RELS) {
			free(path);
			fail(rd, ERR_TOOBIG, "quá %d trang tính", MAX_RELS);
			return;
		}
		if (rd->rels == NULL)
			rd->rels = xcalloc(MAX_RELS, sizeof(*rd->rels));
		rd->rels[rd->nrels].id = xstrndup(id, strnlen(id,
		    PATH_MAX_LEN));
		rd->rels[rd->nrels++].target = path;
	} else
		free(path);
}

static void
ignore_end(void *ud, const XML_Char *name)
{
	(void)ud;
	(void)name;
}

static void
ignore_chars(void *ud, const XML_Char *s, int len)
{
	(void)ud;
	(void)s;
	(void)len;
}

/* ---- xl/workbook.xml ---- */

static void
workbook_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct rd *rd = ud;
	const char *ln = local(name), *v;

	if (rd->rc != 0)
		return;
	if (strcmp(ln, "workbookPr") == 0) {
		v = attr(atts, "date1904", false);
		rd->date1904 = v != NULL && (strcmp(v, "1") == 0 ||
		    strcmp(v, "true") == 0);
		return;
	}
	if (strcmp(ln, "sheet") != 0 || rd->sheet_part != NULL)
		return;
	v = attr(atts, "id", true);
	for (size_t i = 0; v != NULL && i < rd->nrels; i++)
		if (strcmp(rd->rels[i].id, v) == 0) {
			rd->sheet_part = xstrdup(rd->rels[i].target);
			return;
		}
}

/* ---- text of <si>, <is> and <v> ---- */

/* Collect characters into rd->text while a text element is open. */
static void
text_chars(void *ud, const XML_Char *s, int len)
{
	struct rd *rd = ud;

	if (rd->rc != 0 || len <= 0)
		return;
	if (!((rd->in_t && rd->rph == 0 && (rd->in_si || rd->in_is)) ||
	    rd->in_v))
		return;
	buf_add(&rd->text, s, (size_t)len);
	if (buf_error(&rd->text) != 0) {
		if (rd->in_si)
			fail(rd, ERR_TOOBIG, "chuỗi dùng chung thứ %zu dài "
			    "quá %zu byte", rd->nsst + 1, rd->lim.max_cell);
		else
			fail(rd, ERR_TOOBIG, "hàng %zu: ô dài quá %zu byte",
			    rd->row_no, rd->lim.max_cell);
	}
}

/* Shared by <si> and <is>: runs <r><t>, plain <t>, phonetic <rPh>. */
static void
richtext_start(struct rd *rd, const char *ln)
{
	if (strcmp(ln, "t") == 0)
		rd->in_t = true;
	else if (strcmp(ln, "rPh") == 0)
		rd->rph++;
}

static void
richtext_end(struct rd *rd, const char *ln)
{
	if (strcmp(ln, "t") == 0)
		rd->in_t = false;
	else if (strcmp(ln, "rPh") == 0 && rd->rph > 0)
		rd->rph--;
}

/* ---- xl/sharedStrings.xml ---- */

static void
sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct rd *rd = ud;
	const char *ln = local(name);

	(void)atts;
	if (rd->rc != 0)
		return;
	if (strcmp(ln, "si") == 0) {
		if (rd->in_si) {
			fail(rd, ERR_INVAL, "thẻ <si> lồng nhau");
			return;
		}
		rd->in_si = true;
		rd->in_t = false;
		rd->rph = 0;
		buf_reset(&rd->text);
	} else if (rd->in_si)
		richtext_start(rd, ln);
}

static void
sst_end(void *ud, const XML_Char *name)
{
	struct rd *rd = ud;
	const char *ln = local(name);

	if (rd->rc != 0 || !rd->in_si)
		return;
	if (strcmp(ln, "si") != 0) {
		richtext_end(rd, ln);
		return;
	}
	rd->in_si = false;
	if (rd->nsst >= rd->lim.max_strings) {
		fail(rd, ERR_TOOBIG, "quá %zu chuỗi dùng chung",
		    rd->lim.max_strings);
		return;
	}
	if (rd->nsst == rd->sst_cap) {
		rd->sst_cap = rd->sst_cap == 0 ? 256 : rd->sst_cap * 2;
		rd->sst_off = xrealloc(rd->sst_off,
		    rd->sst_cap * sizeof(*rd->sst_off));
	}
	rd->sst_off[rd->nsst++] = rd->sst.len;
	xstr_decode(&rd->sst, rd->text.ptr, rd->text.len);
	buf_add_char(&rd->sst, '\0');
	if (buf_error(&rd->sst) != 0)
		fail(rd, ERR_TOOBIG, "bảng chuỗi dùng chung quá lớn");
}

/* ---- xl/styles.xml ---- */

static void
styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct rd *rd = ud;
	const char *ln = local(name), *v;
	size_t id = 0;

	if (rd->rc != 0)
		return;
	if (strcmp(ln, "numFmts") == 0)
		rd->in_numfmts = true;
	else if (strcmp(ln, "cellXfs") == 0)
		rd->in_cellxfs = true;
	else if (strcmp(ln, "numFmt") == 0 && rd->in_numfmts) {
		v = attr(atts, "numFmtId", false);
		if (v == NULL || !parse_uint(v, SIZE_MAX / 10, &id)) {
			fail(rd, ERR_INVAL, "numFmtId không hợp lệ");
			return;
		}
		if (rd->nfmts == MAX_NUMFMTS) {
			fail(rd, ERR_TOOBIG, "quá %d định dạng số",
			    MAX_NUMFMTS);
			return;
		}
		if (rd->nfmts == rd->fmts_cap) {
			rd->fmts_cap = rd->fmts_cap == 0 ? 16 :
			    rd->fmts_cap * 2;
			rd->fmts = xrealloc(rd->fmts,
			    rd->fmts_cap * sizeof(*rd->fmts));
		}
		v = attr(atts, "formatCode", false);
		rd->fmts[rd->nfmts].id = id;
		rd->fmts[rd->nfmts++].is_date = v != NULL &&
		    fmt_code_is_date(v);
	} else if (strcmp(ln, "xf") == 0 && rd->in_cellxfs) {
		v = attr(atts, "numFmtId", false);
		if (v != NULL && !parse_uint(v, SIZE_MAX / 10, &id)) {
			fail(rd, ERR_INVAL, "numFmtId không hợp lệ");
			return;
		}
		if (rd->nxfs == MAX_XFS) {
			fail(rd, ERR_TOOBIG, "quá %d kiểu ô", MAX_XFS);
			return;
		}
		if (rd->nxfs == rd->xfs_cap) {
			rd->xfs_cap = rd->xfs_cap == 0 ? 16 : rd->xfs_cap * 2;
			rd->xf_fmt = xrealloc(rd->xf_fmt,
			    rd->xfs_cap * sizeof(*rd->xf_fmt));
		}
		rd->xf_fmt[rd->nxfs++] = id;
	}
}

static void
styles_end(void *ud, const XML_Char *name)
{
	struct rd *rd = ud;
	const char *ln = local(name);

	if (strcmp(ln, "numFmts") == 0)
		rd->in_numfmts = false;
	else if (strcmp(ln, "cellXfs") == 0)
		rd->in_cellxfs = false;
}

static int
numfmt_cmp(const void *a, const void *b)
{
	const struct numfmt *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* After styles.xml: which xf indices are date formats.  A custom
 * numFmt may also redefine a built-in id. */
static void
styles_resolve(struct rd *rd)
{
	rd->xf_date = xcalloc(rd->nxfs + 1, sizeof(*rd->xf_date));
	if (rd->nfmts > 0)
		qsort(rd->fmts, rd->nfmts, sizeof(*rd->fmts), numfmt_cmp);
	for (size_t i = 0; i < rd->nxfs; i++) {
		struct numfmt key = { .id = rd->xf_fmt[i] }, *f = NULL;

		if (rd->nfmts > 0)
			f = bsearch(&key, rd->fmts, rd->nfmts,
			    sizeof(*rd->fmts), numfmt_cmp);
		rd->xf_date[i] = f != NULL ? f->is_date :
		    fmt_builtin_is_date(key.id);
	}
}

/* ---- the worksheet ---- */

static void
row_reset(struct rd *rd)
{
	buf_reset(&rd->rowtext);
	rd->ncells = 0;
	rd->last_col = 0;
}

static void
col_name(size_t col, char *out, size_t outsz)
{
	char tmp[8];
	size_t n = 0, i = 0;

	while (col > 0 && n < sizeof(tmp)) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	while (n > 0 && i + 1 < outsz)
		out[i++] = tmp[--n];
	out[i] = '\0';
}

static void
row_start(struct rd *rd, const XML_Char **atts)
{
	const char *r = attr(atts, "r", false);
	size_t n;

	if (rd->in_row) {
		fail(rd, ERR_INVAL, "thẻ <row> lồng nhau");
		return;
	}
	if (r == NULL)
		n = rd->last_row + 1;
	else if (!parse_uint(r, REF_MAX_ROW, &n) || n == 0) {
		fail(rd, ERR_INVAL, "sau hàng %zu: số hàng không hợp lệ",
		    rd->last_row);
		return;
	}
	if (n <= rd->last_row || n > REF_MAX_ROW) {
		fail(rd, ERR_INVAL, "hàng %zu đứng sau hàng %zu", n,
		    rd->last_row);
		return;
	}
	rd->in_row = true;
	rd->row_no = rd->last_row = n;
	row_reset(rd);
}

static void
cell_start(struct rd *rd, const XML_Char **atts)
{
	const char *r = attr(atts, "r", false);
	const char *t = attr(atts, "t", false);
	const char *s = attr(atts, "s", false);
	size_t col, row;

	if (rd->in_c) {
		fail(rd, ERR_INVAL, "hàng %zu: thẻ <c> lồng nhau", rd->row_no);
		return;
	}
	if (r == NULL) {
		col = rd->last_col + 1;
		if (col > REF_MAX_COL) {
			fail(rd, ERR_INVAL, "hàng %zu: quá nhiều cột",
			    rd->row_no);
			return;
		}
	} else if (!parse_ref(r, &col, &row) || row != rd->row_no) {
		fail(rd, ERR_INVAL, "hàng %zu: tham chiếu ô không hợp lệ",
		    rd->row_no);
		return;
	}
	if (col <= rd->last_col) {
		fail(rd, ERR_INVAL, "hàng %zu: ô lặp lại hoặc sai thứ tự",
		    rd->row_no);
		return;
	}
	if (t == NULL || strcmp(t, "n") == 0)
		rd->ctype = T_NUM;
	else if (strcmp(t, "s") == 0)
		rd->ctype = T_SST;
	else if (strcmp(t, "b") == 0)
		rd->ctype = T_BOOL;
	else if (strcmp(t, "str") == 0)
		rd->ctype = T_STR;
	else if (strcmp(t, "inlineStr") == 0)
		rd->ctype = T_INLINE;
	else if (strcmp(t, "e") == 0)
		rd->ctype = T_ERR;
	else if (strcmp(t, "d") == 0)
		rd->ctype = T_DATE;
	else {
		fail(rd, ERR_INVAL, "hàng %zu: kiểu ô không hợp lệ",
		    rd->row_no);
		return;
	}
	rd->style = 0;
	if (s != NULL && !parse_uint(s, SIZE_MAX / 10, &rd->style)) {
		fail(rd, ERR_INVAL, "hàng %zu: kiểu định dạng ô không hợp lệ",
		    rd->row_no);
		return;
	}
	rd->in_c = true;
	rd->col = rd->last_col = col;
	rd->in_v = rd->in_is = rd->in_t = false;
	rd->rph = 0;
	buf_reset(&rd->text);
}

/* Store the text of the finished cell as column rd->col of the row. */
static void
cell_store(struct rd *rd, const char *s, size_t len, bool is_date)
{
	char ref[8];

	if (len == 0)
		return;
	col_name(rd->col, ref, sizeof(ref));
	if (rd->row_no > rd->lim.max_rows) {
		fail(rd, ERR_TOOBIG, "quá %zu hàng (ô %s%zu)",
		    rd->lim.max_rows, ref, rd->row_no);
		return;
	}
	if (rd->col > rd->lim.max_cols) {
		fail(rd, ERR_TOOBIG, "quá %zu cột (ô %s%zu)",
		    rd->lim.max_cols, ref, rd->row_no);
		return;
	}
	if (len > rd->lim.max_cell) {
		fail(rd, ERR_TOOBIG, "ô %s%zu dài quá %zu byte", ref,
		    rd->row_no, rd->lim.max_cell);
		return;
	}
	for (size_t i = rd->ncells; i + 1 < rd->col; i++)
		rd->cell_off[i] = SIZE_MAX;
	rd->cell_off[rd->col - 1] = rd->rowtext.len;
	rd->cell_date[rd->col - 1] = is_date;
	rd->ncells = rd->col;
	buf_add(&rd->rowtext, s, len);
	buf_add_char(&rd->rowtext, '\0');
}

/* A number cell: "YYYY-MM-DD" when its style is a date format. */
static void
cell_number(struct rd *rd, const char *v, size_t len)
{
	char date[16];
	double serial;
	int y, m, d;

	if (len == 0)
		return;
	if (!number_valid(v)) {
		fail(rd, ERR_INVAL, "hàng %zu: số không hợp lệ", rd->row_no);
		return;
	}
	if (rd->style < rd->nxfs && rd->xf_date[rd->style]) {
		serial = strtod(v, NULL);
		if (rd->date1904)
			serial += DATE1904_SHIFT;
		if (xlsx_serial_to_ymd(serial, &y, &m, &d) == 0) {
			snprintf(date, sizeof(date), "%04d-%02d-%02d", y, m,
			    d);
			cell_store(rd, date, strlen(date), true);
			return;
		}
	}
	cell_store(rd, v, len, false);
}

static void
cell_end(struct rd *rd)
{
	const char *v = buf_cstr(&rd->text);
	size_t len = rd->text.len, idx;
	struct buf dec;

	rd->in_c = false;
	switch (rd->ctype) {
	case T_NUM:
		cell_number(rd, v, len);
		break;
	case T_SST:
		if (len == 0)
			break;
		if (!parse_uint(v, SIZE_MAX / 10, &idx) || idx >= rd->nsst) {
			fail(rd, ERR_INVAL, "hàng %zu: chỉ số chuỗi dùng "
			    "chung ngoài phạm vi", rd->row_no);
			break;
		}
		v = rd->sst.ptr + rd->sst_off[idx];
		cell_store(rd, v, strlen(v), false);
		break;
	case T_BOOL:
		if (len == 0)
			break;
		if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0) {
			fail(rd, ERR_INVAL, "hàng %zu: giá trị logic không "
			    "hợp lệ", rd->row_no);
			break;
		}
		v = v[0] == '1' ? "TRUE" : "FALSE";
		cell_store(rd, v, strlen(v), false);
		break;
	case T_DATE:
		if (len >= 10 && iso_date_prefix(v))
			cell_store(rd, v, 10, true);
		else
			cell_store(rd, v, len, false);
		break;
	case T_STR:
	case T_INLINE:
	case T_ERR:
		buf_init(&dec, SIZE_MAX);
		xstr_decode(&dec, v, len);
		cell_store(rd, buf_cstr(&dec), dec.len, false);
		buf_release(&dec);
		break;
	}
}

static int
row_emit(struct rd *rd)
{
	for (size_t i = 0; i < rd->ncells; i++) {
		rd->cells[i].text = rd->cell_off[i] == SIZE_MAX ? "" :
		    rd->rowtext.ptr + rd->cell_off[i];
		rd->cells[i].is_date = rd->cell_off[i] != SIZE_MAX &&
		    rd->cell_date[i];
	}
	return rd->fn(rd->ctx, rd->row_no, rd->cells, rd->ncells, rd->e);
}

static void
sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct rd *rd = ud;
	const char *ln = local(name);

	if (rd->rc != 0)
		return;
	if (!rd->in_data) {
		if (strcmp(ln, "sheetData") == 0)
			rd->in_data = true;
		return;
	}
	if (strcmp(ln, "row") == 0)
		row_start(rd, atts);
	else if (strcmp(ln, "c") == 0) {
		if (!rd->in_row) {
			fail(rd, ERR_INVAL, "thẻ <c> ngoài <row>");
			return;
		}
		cell_start(rd, atts);
	} else if (!rd->in_c)
		return;
	else if (strcmp(ln, "v") == 0)
		rd->in_v = rd->ctype != T_INLINE;
	else if (strcmp(ln, "is") == 0)
		rd->in_is = rd->ctype == T_INLINE;
	else if (rd->in_is)
		richtext_start(rd, ln);
}

static void
sheet_end(void *ud, const XML_Char *name)
{
	struct rd *rd = ud;
	const char *ln = local(name);
	int rc;

	if (rd->rc != 0 || !rd->in_data)
		return;
	if (strcmp(ln, "sheetData") == 0)
		rd->in_data = false;
	else if (strcmp(ln, "row") == 0 && rd->in_row) {
		rd->in_row = false;
		if (rd->ncells == 0)
			return;
		rc = row_emit(rd);
		if (rc != 0) {
			rd->rc = rc;
			XML_StopParser(rd->xp, XML_FALSE);
		}
	} else if (!rd->in_c)
		return;
	else if (strcmp(ln, "c") == 0)
		cell_end(rd);
	else if (strcmp(ln, "v") == 0)
		rd->in_v = false;
	else if (strcmp(ln, "is") == 0)
		rd->in_is = false;
	else if (rd->in_is)
		richtext_end(rd, ln);
}

/* ---- driver ---- */

static void
rd_release(struct rd *rd)
{
	for (size_t i = 0; i < rd->nrels; i++) {
		free(rd->rels[i].id);
		free(rd->rels[i].target);
	}
	free(rd->rels);
	free(rd->sst_part);
	free(rd->styles_part);
	free(rd->sheet_part);
	buf_release(&rd->sst);
	free(rd->sst_off);
	free(rd->fmts);
	free(rd->xf_fmt);
	free(rd->xf_date);
	buf_release(&rd->text);
	buf_release(&rd->rowtext);
	free(rd->cell_off);
	free(rd->cell_date);
	free(rd->cells);
	if (rd->za != NULL)
		zip_discard(rd->za);
}

static void
limits_init(struct xlsx_limits *l, const struct xlsx_limits *in)
{
	memset(l, 0, sizeof(*l));
	if (in != NULL)
		*l = *in;
	if (l->max_part == 0)
		l->max_part = XLSX_MAX_PART;
	if (l->max_rows == 0 || l->max_rows > REF_MAX_ROW)
		l->max_rows = l->max_rows == 0 ? XLSX_MAX_ROWS : REF_MAX_ROW;
	if (l->max_cols == 0 || l->max_cols > REF_MAX_COL)
		l->max_cols = l->max_cols == 0 ? XLSX_MAX_COLS : REF_MAX_COL;
	if (l->max_cell == 0)
		l->max_cell = XLSX_MAX_CELL;
	if (l->max_strings == 0)
		l->max_strings = XLSX_MAX_STRINGS;
}

/* Parse an optional part; absent is fine. */
static int
part_optional(struct rd *rd, const char *name, const char *label,
    XML_StartElementHandler start, XML_EndElementHandler end,
    XML_CharacterDataHandler chars)
{
	int rc = part_parse(rd, name, label, start, end, chars);

	return rc == ERR_NOTFOUND ? 0 : rc;
}

static int
zip_load(struct rd *rd, const void *data, size_t len)
{
	zip_error_t ze;
	zip_source_t *src;

	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (src != NULL) {
		rd->za = zip_open_from_source(src, ZIP_RDONLY, &ze);
		if (rd->za == NULL)
			zip_source_free(src);
	}
	zip_error_fini(&ze);
	if (rd->za == NULL)
		return fail(rd, ERR_INVAL, "không phải tệp ZIP");
	return 0;
}

int
xlsx_read(const void *data, size_t len, const struct xlsx_limits *lim,
    xlsx_row_fn fn, void *ctx, struct err *e)
{
	struct rd rd;
	const char *sheet;
	int rc;

	memset(&rd, 0, sizeof(rd));
	limits_init(&rd.lim, lim);
	rd.e = e;
	rd.fn = fn;
	rd.ctx = ctx;
	buf_init(&rd.sst, SIZE_MAX);
	buf_init(&rd.text, rd.lim.max_cell);
	buf_init(&rd.rowtext, SIZE_MAX);
	if ((data == NULL && len > 0) || fn == NULL) {
		rc = fail(&rd, ERR_INVAL, "không có dữ liệu");
		goto out;
	}
	rc = zip_load(&rd, data, len);
	if (rc == 0)
		rc = part_optional(&rd, WORKBOOK_RELS, "quan hệ sổ tính",
		    rels_start, ignore_end, ignore_chars);
	if (rc == 0)
		rc = part_optional(&rd, WORKBOOK, "sổ tính", workbook_start,
		    ignore_end, ignore_chars);
	if (rc == 0)
		rc = part_optional(&rd, rd.sst_part != NULL ? rd.sst_part :
		    SST_DEFAULT, "chuỗi dùng chung", sst_start, sst_end,
		    text_chars);
	if (rc == 0)
		rc = part_optional(&rd, rd.styles_part != NULL ?
		    rd.styles_part : STYLES_DEFAULT, "định dạng", styles_start,
		    styles_end, ignore_chars);
	if (rc != 0)
		goto out;
	styles_resolve(&rd);
	rd.in_si = rd.in_t = false;
	rd.rph = 0;
	rd.cell_off = xcalloc(rd.lim.max_cols, sizeof(*rd.cell_off));
	rd.cell_date = xcalloc(rd.lim.max_cols, sizeof(*rd.cell_date));
	rd.cells = xcalloc(rd.lim.max_cols, sizeof(*rd.cells));
	sheet = rd.sheet_part;
	if (sheet == NULL || zip_name_locate(rd.za, sheet, ZIP_FL_NOCASE) < 0)
		sheet = SHEET_DEFAULT;
	rc = part_parse(&rd, sheet, "trang tính", sheet_start, sheet_end,
	    text_chars);
	if (rc == ERR_NOTFOUND) {
		rd.part = NULL;
		rc = fail(&rd, ERR_INVAL, "không tìm thấy trang tính");
	}
out:
	rd_release(&rd);
	return rc;
}
