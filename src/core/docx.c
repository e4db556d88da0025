/*
 * docx.c - the document model of docx.h: the header block, body,
 * closing and annex sections written into word/document.xml as the
 * caller goes (core/wml.h), then the package around it (core/docxpkg.h).
 */
#include "core/docx.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <unicode/ucasemap.h>

#include "core/calendar.h"
#include "core/docxpkg.h"
#include "core/err.h"
#include "core/text.h"
#include "core/vnfmt.h"
#include "core/wml.h"
#include "core/xalloc.h"

#define MAX_RECIPIENTS	200
#define BLANK_NO	"      "	/* number left for the clerk */
#define BLANK_DM	"     "		/* day or month left blank */

_Static_assert(DOCX_BOLD == WML_BOLD && DOCX_ITALIC == WML_ITALIC &&
    DOCX_UNDERLINE == WML_UNDERLINE, "run flags are passed through");

enum where { IN_BODY, IN_TABLE, CLOSED, IN_ANNEX };

struct docx {
	struct docx_layout	L;
	enum docx_regime	regime;
	struct wml		doc;		/* word/document.xml */
	size_t			max;
	int			rc;		/* first error, sticky */
	struct err		err;
	enum where		where, table_from;
	bool			last_table;	/* last block was a table */
	bool			landscape;	/* of the current section */
	bool			first_section;
	size_t			ncols;
	long			col_w[DOCX_MAX_COLS];	/* twips */
	enum docx_align		col_align[DOCX_MAX_COLS];
	char			*title;		/* docProps */
	char			*author;
	int			y, m, d;
};

/* ---- errors ---- */

static int	d_fail(struct docx *, struct err *, int, const char *, ...)
		    __attribute__((format(printf, 4, 5)));

static int
d_fail(struct docx *d, struct err *e, int code, const char *fmt, ...)
{
	char msg[192];
	va_list ap;

	if (d->rc == 0) {
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		d->rc = err_set(&d->err, code, err_name(code), NULL,
		    "Không tạo được tệp DOCX: %s", msg);
	}
	if (e != NULL)
		*e = d->err;
	return d->rc;
}

static int
d_check(struct docx *d, struct err *e)
{
	if (d->rc != 0 && e != NULL)
		*e = d->err;
	return d->rc;
}

/* After each call: libxml2 failures and the size limit. */
static int
d_done(struct docx *d, struct err *e)
{
	if (d->rc != 0)
		return d_check(d, e);
	if (wml_size(&d->doc) > d->max)
		return d_fail(d, e, ERR_TOOBIG, "văn bản lớn quá %zu byte",
		    d->max);
	if (d->doc.bad)
		return d_fail(d, e, ERR_INTERNAL, "libxml2");
	return 0;
}

/* ---- text: checked, NFC, optionally upper-cased (Vietnamese) ---- */

static char *
upper_vi(const char *s)
{
	UErrorCode st = U_ZERO_ERROR;
	UCaseMap *cm;
	int32_t n;
	char *out;

	cm = ucasemap_open("vi", 0, &st);
	if (U_FAILURE(st))
		return NULL;
	n = ucasemap_utf8ToUpper(cm, NULL, 0, s, -1, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) {
		ucasemap_close(cm);
		return NULL;
	}
	st = U_ZERO_ERROR;
	out = xmalloc((size_t)n + 1);
	ucasemap_utf8ToUpper(cm, out, n + 1, s, -1, &st);
	ucasemap_close(cm);
	if (U_FAILURE(st)) {
		free(out);
		return NULL;
	}
	out[n] = '\0';
	return out;
}

/* U+FFFE and U+FFFF pass text_is_valid() but XML 1.0 forbids them (a
 * file holding one does not open in Word). */
static bool
xml_chars_ok(const char *s, size_t len)
{
	for (size_t i = 0; i + 2 < len; i++)
		if ((unsigned char)s[i] == 0xef &&
		    (unsigned char)s[i + 1] == 0xbf &&
		    ((unsigned char)s[i + 2] & 0xfe) == 0xbe)
			return false;
	return true;
}

/* A heap copy of s ready to write; NULL after recording an error. */
static char *
d_text(struct docx *d, struct err *e, const char *s, bool caps,
    const char *what)
{
	size_t len;
	char *nfc, *up;

	if (s == NULL)
		s = "";
	len = strlen(s);
	if (len > DOCX_MAX_TEXT) {
		d_fail(d, e, ERR_TOOBIG, "%s dài quá %d byte", what,
		    DOCX_MAX_TEXT);
		return NULL;
	}
	if (!text_is_valid(s, len) || !xml_chars_ok(s, len) ||
	    text_nfc(s, len, &nfc) != 0) {
		d_fail(d, e, ERR_INVAL, "%s không phải văn bản UTF-8 hợp lệ",
		    what);
		return NULL;
	}
	if (!caps)
		return nfc;
	up = upper_vi(nfc);
	free(nfc);
	if (up == NULL)
		d_fail(d, e, ERR_INTERNAL, "ICU: chữ hoa");
	return up;
}

/* "a sep b" on the heap; sep only between two non-empty parts. */
static char *
join3(const char *a, const char *sep, const char *b)
{
	size_t n;
	char *s;

	a = a != NULL ? a : "";
	b = b != NULL ? b : "";
	n = strlen(a) + strlen(sep) + strlen(b) + 1;
	s = xmalloc(n);
	snprintf(s, n, "%s%s%s", a, *a != '\0' && *b != '\0' ? sep : "", b);
	return s;
}

/* ---- layout ---- */

void
docx_layout_init(struct docx_layout *l, enum docx_regime r)
{
	bool party = r == DOCX_PARTY;

	memset(l, 0, sizeof(*l));
	l->font = "Times New Roman";
	l->page_w = 210;
	l->page_h = 297;
	l->margin_top = 20;
	l->margin_bottom = 20;
	l->margin_left = 30;
	l->margin_right = 15;
	l->header_dist = 10;
	l->body_pt = party ? 14 : 13;
	l->parent_pt = party ? 14 : 13;
	l->issuer_pt = party ? 14 : 13;
	l->national_pt = party ? 15 : 12;
	l->motto_pt = 13;
	l->number_pt = party ? 14 : 13;
	l->date_pt = 14;
	l->type_pt = party ? 16 : 14;
	l->abstract_pt = 14;
	l->table_pt = 12;
	l->recipients_title_pt = 12;
	l->recipients_pt = 11;
	l->sign_pt = 14;
	l->page_number_pt = party ? 14 : 13;
	l->first_indent = 12.7;
	l->para_after_pt = 6;
	l->line_spacing = 1.15;
	l->agency_col = 0.4;
	l->issuer_line = 25;
	l->motto_line = party ? 72 : 62;
	l->sign_space_pt = 72;
}

static bool
in(double v, double lo, double hi)
{
	return isfinite(v) && v >= lo && v <= hi;
}

static bool
layout_ok(const struct docx_layout *l)
{
	const double pts[] = { l->body_pt, l->parent_pt, l->issuer_pt,
	    l->national_pt, l->motto_pt, l->number_pt, l->date_pt,
	    l->type_pt, l->abstract_pt, l->table_pt, l->recipients_title_pt,
	    l->recipients_pt, l->sign_pt, l->page_number_pt };
	double textw = l->page_w - l->margin_left - l->margin_right;

	for (size_t i = 0; i < sizeof(pts) / sizeof(pts[0]); i++)
		if (!in(pts[i], 6, 40))
			return false;
	return l->font != NULL && *l->font != '\0' &&
	    strlen(l->font) < 64 && text_is_valid(l->font, strlen(l->font)) &&
	    in(l->page_w, 100, 600) && in(l->page_h, 100, 600) &&
	    in(l->margin_top, 0, 100) && in(l->margin_bottom, 0, 100) &&
	    in(l->margin_left, 0, 100) && in(l->margin_right, 0, 100) &&
	    in(textw, 50, 600) &&
	    l->page_h - l->margin_left - l->margin_right >= 50 &&
	    in(l->header_dist, 0, l->margin_top) &&
	    in(l->first_indent, 0, 50) && in(l->para_after_pt, 0, 72) &&
	    in(l->line_spacing, 1, 3) && in(l->agency_col, 0.2, 0.8) &&
	    in(l->issuer_line, 0, textw * l->agency_col) &&
	    in(l->motto_line, 0, textw * (1 - l->agency_col)) &&
	    in(l->sign_space_pt, 0, 300);
}

/* Text width of the current section, twips. */
static long
text_w(const struct docx *d)
{
	double pw = d->landscape ? d->L.page_h : d->L.page_w;

	return wml_mm(pw - d->L.margin_left - d->L.margin_right);
}

/* ---- the header block ---- */

/* "Số: 15/BC-UBND" (state) or "Số 15-BC/BDVTU" (party), R-VB-07/22. */
static void
number_line(const struct docx *d, const struct docx_head *h, char *out,
    size_t outsz, const char *tabbr, const char *iabbr)
{
	char no[16];

	if (h->number > 0)
		snprintf(no, sizeof(no), "%02d", h->number);
	else
		snprintf(no, sizeof(no), "%s", BLANK_NO);
	if (d->regime == DOCX_PARTY)
		snprintf(out, outsz, "Số %s-%s/%s", no, tabbr, iabbr);
	else if (*tabbr != '\0')
		snprintf(out, outsz, "Số: %s/%s-%s", no, tabbr, iabbr);
	else
		snprintf(out, outsz, "Số: %s/%s", no, iabbr);
}

/* "<place>, ngày 14 tháng 6 năm 2025"; blanks for a missing day/month. */
static int
date_line(const struct docx_head *h, const char *place, char *out,
    size_t outsz)
{
	char dd[16], mm[16];
	int n;

	if (h->day > 0 && h->month > 0)
		return vn_format_date_long(out, outsz, place, h->year,
		    h->month, h->day);
	if (h->day > 0 || h->year < CAL_YEAR_MIN || h->year > CAL_YEAR_MAX ||
	    h->month < 0 || h->month > 12)
		return ERR_INVAL;
	snprintf(dd, sizeof(dd), "%s", BLANK_DM);
	if (h->month > 0)
		snprintf(mm, sizeof(mm), "%0*d", h->month <= 2 ? 2 : 1,
		    h->month);
	else
		snprintf(mm, sizeof(mm), "%s", BLANK_DM);
	n = snprintf(out, outsz, "%s, ngày %s tháng %s năm %d", place, dd,
	    mm, h->year);
	return n < 0 || (size_t)n >= outsz ? ERR_TOOBIG : 0;
}

struct head_text {
	char	*parent, *issuer, *tabbr, *iabbr, *place, *type, *abstract;
};

static void
head_text_free(struct head_text *t)
{
	free(t->parent);
	free(t->issuer);
	free(t->tabbr);
	free(t->iabbr);
	free(t->place);
	free(t->type);
	free(t->abstract);
}

static int
head_text(struct docx *d, const struct docx_head *h, struct head_text *t,
    struct err *e)
{
	memset(t, 0, sizeof(*t));
	if (h->issuer == NULL || *h->issuer == '\0' ||
	    h->issuer_abbr == NULL || *h->issuer_abbr == '\0' ||
	    h->place == NULL || *h->place == '\0')
		return d_fail(d, e, ERR_INVAL, "thiếu cơ quan ban hành, ký "
		    "hiệu hoặc địa danh");
	if (strlen(h->issuer_abbr) > DOCX_MAX_SYMBOL ||
	    strlen(h->place) > DOCX_MAX_SYMBOL ||
	    (h->type_abbr != NULL && strlen(h->type_abbr) > DOCX_MAX_SYMBOL))
		return d_fail(d, e, ERR_TOOBIG, "ký hiệu hoặc địa danh dài quá "
		    "%d byte", DOCX_MAX_SYMBOL);
	if (h->number < 0 || h->number > 999999)
		return d_fail(d, e, ERR_INVAL, "số văn bản không hợp lệ");
	if (d->regime == DOCX_PARTY &&
	    (h->type_abbr == NULL || *h->type_abbr == '\0'))
		return d_fail(d, e, ERR_INVAL, "văn bản Đảng cần tên viết tắt "
		    "của loại văn bản");
	t->parent = h->parent != NULL ? d_text(d, e, h->parent, true,
	    "cơ quan cấp trên") : NULL;
	t->issuer = d_text(d, e, h->issuer, true, "cơ quan ban hành");
	t->tabbr = d_text(d, e, h->type_abbr, false, "loại văn bản");
	t->iabbr = d_text(d, e, h->issuer_abbr, false, "ký hiệu");
	t->place = d_text(d, e, h->place, false, "địa danh");
	t->type = h->type_name != NULL ? d_text(d, e, h->type_name, true,
	    "tên loại") : NULL;
	t->abstract = h->abstract != NULL ? d_text(d, e, h->abstract, false,
	    "trích yếu") : NULL;
	if (d_check(d, e) != 0) {
		head_text_free(t);
		memset(t, 0, sizeof(*t));
	}
	return d->rc;
}

/* Indents that centre a line of len_mm in a cell of cell twips (less
 * the default cell margins of 108 twips each side). */
static void
centre_in(struct wml_pfmt *f, long cell, double len_mm)
{
	long side = (cell - 216 - wml_mm(len_mm)) / 2;

	f->ind_left = side > 0 ? side : 0;
	f->ind_right = f->ind_left;
}

/* A solid line of len_mm centred in cell: an empty paragraph 1 pt high
 * with a bottom border, so the text above never wraps to fit it. */
static void
rule(struct wml *x, long cell, double len_mm, long after)
{
	struct wml_pfmt f = wml_p_tight(WML_JC_CENTER);

	f.border = true;
	f.after = after;
	centre_in(&f, cell, len_mm);
	f.mark.pt = 1;
	wml_p_open(x, &f);
	wml_end(x);
}

static void
write_head(struct docx *d, const struct head_text *t, const char *no,
    const char *date)
{
	struct wml *x = &d->doc;
	const struct docx_layout *L = &d->L;
	struct wml_pfmt f = wml_p_tight(WML_JC_CENTER);
	struct wml_pfmt f0 = wml_p_tight(WML_JC_CENTER);
	long tw = text_w(d), w[2];
	bool party = d->regime == DOCX_PARTY;

	w[0] = lround((double)tw * L->agency_col);
	w[1] = tw - w[0];
	wml_tbl_open(x, w, 2, false);

	/* row 1: agency | national title or the Party's name */
	wml_tr_open(x, false, true);
	wml_tc_open(x, w[0], false);
	if (t->parent != NULL && *t->parent != '\0')
		wml_p_line(x, &f, 0, L->parent_pt, t->parent);
	wml_p_line(x, &f, DOCX_BOLD, L->issuer_pt, t->issuer);
	if (party)
		wml_p_line(x, &f, 0, L->issuer_pt, "*");	/* R-VB-21 */
	else
		rule(x, w[0], L->issuer_line, 0);	/* R-VB-06 */
	wml_end(x);
	wml_tc_open(x, w[1], false);
	if (party) {					/* R-VB-20 */
		wml_p_line(x, &f, DOCX_BOLD, L->national_pt,
		    "ĐẢNG CỘNG SẢN VIỆT NAM");
		rule(x, w[1], L->motto_line, 0);
	} else {					/* R-VB-05 */
		wml_p_line(x, &f, DOCX_BOLD, L->national_pt,
		    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
		wml_p_line(x, &f, DOCX_BOLD, L->motto_pt,
		    "Độc lập - Tự do - Hạnh phúc");
		rule(x, w[1], L->motto_line, 0);
	}
	wml_end(x);
	wml_end(x);

	/* row 2: number | place and date */
	wml_tr_open(x, false, true);
	f.before = wml_tw(6);
	wml_tc_open(x, w[0], false);
	wml_p_line(x, &f, 0, L->number_pt, no);		/* R-VB-07/22 */
	wml_end(x);
	wml_tc_open(x, w[1], false);
	wml_p_line(x, &f, DOCX_ITALIC, L->date_pt, date);	/* R-VB-08/23 */
	wml_end(x);
	wml_end(x);
	wml_end(x);						/* w:tbl */

	/* type name and abstract, R-VB-09/24 */
	f = wml_p_tight(WML_JC_CENTER);
	f.keep_next = true;
	if (t->type != NULL && *t->type != '\0') {
		f.before = wml_tw(18);
		wml_p_line(x, &f, DOCX_BOLD, L->type_pt, t->type);
		f.before = 0;
	} else {
		f.before = wml_tw(12);
	}
	if (t->abstract != NULL && *t->abstract != '\0') {
		wml_p_line(x, &f, DOCX_BOLD, L->abstract_pt, t->abstract);
		if (!party)
			rule(x, tw + 216, L->issuer_line, wml_tw(12));
		else
			wml_p_line(x, &f0, 0, L->body_pt, NULL);
	} else {
		wml_p_line(x, &f0, 0, L->body_pt, NULL);
	}
}

static void
docx_free_fields(struct docx *d)
{
	wml_free(&d->doc);
	free(d->title);
	free(d->author);
}

void
docx_free(struct docx *d)
{
	if (d == NULL)
		return;
	docx_free_fields(d);
	free(d);
}

int
docx_new(struct docx **out, const struct docx_head *h,
    const struct docx_layout *layout, size_t max, struct err *e)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	struct head_text t;
	struct docx *d;
	char no[256], date[512];
	int rc;

	*out = NULL;
	pthread_once(&once, xmlInitParser);
	d = xcalloc(1, sizeof(*d));
	d->regime = h->regime == DOCX_PARTY ? DOCX_PARTY : DOCX_STATE;
	if (layout != NULL)
		d->L = *layout;
	else
		docx_layout_init(&d->L, d->regime);
	d->max = max != 0 ? max : DOCX_MAX_DEFAULT;
	d->first_section = true;
	d->where = IN_BODY;
	if (h->regime != DOCX_STATE && h->regime != DOCX_PARTY)
		d_fail(d, e, ERR_INVAL, "thể thức không hợp lệ");
	else if (!layout_ok(&d->L))
		d_fail(d, e, ERR_INVAL, "cỡ chữ, lề hoặc khổ giấy không hợp "
		    "lệ");
	if (d->rc != 0 || head_text(d, h, &t, e) != 0)
		goto fail;
	number_line(d, h, no, sizeof(no), t.tabbr, t.iabbr);
	rc = date_line(h, t.place, date, sizeof(date));
	if (rc != 0) {
		d_fail(d, e, rc, "ngày ban hành không hợp lệ");
		head_text_free(&t);
		goto fail;
	}
	d->y = h->year;
	d->m = h->month > 0 ? h->month : 1;
	d->d = h->day > 0 ? h->day : 1;
	d->title = join3(t.type, " ", t.abstract);
	d->author = h->author != NULL ?
	    d_text(d, e, h->author, false, "tác giả") : xstrdup(t.issuer);
	if (d->rc != 0) {
		head_text_free(&t);
		goto fail;
	}

	wml_open(&d->doc);
	wml_start(&d->doc, "w:document");
	wml_attr(&d->doc, "xmlns:w", WML_NS_W);
	wml_attr(&d->doc, "xmlns:r", WML_NS_R);
	wml_start(&d->doc, "w:body");
	write_head(d, &t, no, date);
	head_text_free(&t);
	if (d_done(d, e) != 0)
		goto fail;
	*out = d;
	return 0;
fail:
	rc = d->rc;
	docx_free(d);
	return rc;
}

/* A body block may be written here. */
static int
body_ready(struct docx *d, struct err *e)
{
	if (d_check(d, e) != 0)
		return d->rc;
	if (d->where != IN_BODY && d->where != IN_ANNEX)
		return d_fail(d, e, ERR_INVAL, "nội dung đặt sai chỗ (sau phần "
		    "nơi nhận, hoặc trong một bảng)");
	return 0;
}

int
docx_heading(struct docx *d, int level, const char *text, struct err *e)
{
	static const char *const styles[] = { "Heading1", "Heading2",
	    "Heading3" };
	struct wml_pfmt f = wml_p_style(NULL);
	char *s;

	if (body_ready(d, e) != 0)
		return d->rc;
	if (level < 1 || level > 3)
		return d_fail(d, e, ERR_INVAL, "cấp đề mục %d", level);
	s = d_text(d, e, text, level == 1, "đề mục");
	if (s == NULL)
		return d->rc;
	f.style = styles[level - 1];
	if (d->last_table)
		f.before = wml_tw(6);
	wml_p_line(&d->doc, &f, 0, 0, s);
	free(s);
	d->last_table = false;
	return d_done(d, e);
}

int
docx_para(struct docx *d, unsigned pflags, const struct docx_run *runs,
    size_t nruns, struct err *e)
{
	struct wml_pfmt f = wml_p_style("Body");
	char **t;

	if (body_ready(d, e) != 0)
		return d->rc;
	if (nruns == 0 || runs == NULL || nruns > 1000 ||
	    (pflags & ~(DOCX_P_CENTER | DOCX_P_RIGHT | DOCX_P_NOINDENT)) != 0)
		return d_fail(d, e, ERR_INVAL, "đoạn văn không hợp lệ");
	for (size_t i = 0; i < nruns; i++)
		if ((runs[i].flags & ~(DOCX_BOLD | DOCX_ITALIC |
		    DOCX_UNDERLINE)) != 0)
			return d_fail(d, e, ERR_INVAL, "kiểu chữ không hợp lệ");
	t = xcalloc(nruns, sizeof(*t));
	for (size_t i = 0; i < nruns && d->rc == 0; i++)
		t[i] = d_text(d, e, runs[i].text, false, "đoạn văn");
	if (d->rc == 0) {
		if (pflags & DOCX_P_CENTER)
			f.jc = WML_JC_CENTER;
		else if (pflags & DOCX_P_RIGHT)
			f.jc = WML_JC_RIGHT;
		if (pflags & (DOCX_P_NOINDENT | DOCX_P_CENTER | DOCX_P_RIGHT))
			f.ind_first = 0;
		if (d->last_table)
			f.before = wml_tw(6);
		wml_p_open(&d->doc, &f);
		for (size_t i = 0; i < nruns; i++) {
			struct wml_rfmt r = { runs[i].flags, 0 };

			if (*t[i] != '\0')
				wml_run(&d->doc, &r, t[i]);
		}
		wml_end(&d->doc);
		d->last_table = false;
	}
	for (size_t i = 0; i < nruns; i++)
		free(t[i]);
	free(t);
	return d_done(d, e);
}

int
docx_text(struct docx *d, const char *text, struct err *e)
{
	struct docx_run r = { text, 0 };

	return docx_para(d, 0, &r, 1, e);
}

int
docx_table_begin(struct docx *d, const struct docx_table *t, struct err *e)
{
	struct wml_pfmt f = wml_p_style("TableText");
	unsigned long sum = 0;
	long tw, used = 0;

	if (body_ready(d, e) != 0)
		return d->rc;
	if (t->ncols > DOCX_MAX_COLS)
		return d_fail(d, e, ERR_TOOBIG, "quá %d cột", DOCX_MAX_COLS);
	if (t->ncols == 0 || t->cols == NULL)
		return d_fail(d, e, ERR_INVAL, "bảng không có cột");
	for (size_t c = 0; c < t->ncols; c++) {
		if (t->cols[c].width > 1000 || t->cols[c].align > DOCX_RIGHT)
			return d_fail(d, e, ERR_INVAL, "cột %zu không hợp lệ",
			    c + 1);
		sum += t->cols[c].width != 0 ? t->cols[c].width : 1;
	}
	/* a table straight after a table would merge with it */
	if (d->last_table)
		wml_p_line(&d->doc, &f, 0, 0, NULL);
	tw = text_w(d);
	d->ncols = t->ncols;
	for (size_t c = 0; c < t->ncols; c++) {
		unsigned wgt = t->cols[c].width != 0 ? t->cols[c].width : 1;

		d->col_w[c] = c + 1 < t->ncols ?
		    (long)((double)tw * wgt / (double)sum) : tw - used;
		used += d->col_w[c];
		d->col_align[c] = t->cols[c].align;
	}
	wml_tbl_open(&d->doc, d->col_w, d->ncols, true);
	wml_tr_open(&d->doc, true, true);
	f.jc = WML_JC_CENTER;
	for (size_t c = 0; c < t->ncols && d->rc == 0; c++) {
		char *s = d_text(d, e, t->cols[c].name, false, "tên cột");

		if (s == NULL)
			break;
		wml_tc_open(&d->doc, d->col_w[c], true);
		wml_p_line(&d->doc, &f, DOCX_BOLD, 0, s);
		wml_end(&d->doc);
		free(s);
	}
	wml_end(&d->doc);
	d->table_from = d->where;
	d->where = IN_TABLE;
	return d_done(d, e);
}

int
docx_table_row(struct docx *d, const char *const *cells, size_t ncells,
    unsigned rflags, struct err *e)
{
	static const enum wml_jc jcs[] = { WML_JC_LEFT, WML_JC_CENTER,
	    WML_JC_RIGHT };
	char *s[DOCX_MAX_COLS] = { 0 };

	if (d_check(d, e) != 0)
		return d->rc;
	if (d->where != IN_TABLE)
		return d_fail(d, e, ERR_INVAL, "hàng nằm ngoài bảng");
	if (ncells > d->ncols || (ncells > 0 && cells == NULL) ||
	    (rflags & ~DOCX_ROW_BOLD) != 0)
		return d_fail(d, e, ERR_INVAL, "hàng có %zu ô, bảng có %zu cột",
		    ncells, d->ncols);
	for (size_t c = 0; c < ncells && d->rc == 0; c++)
		if (cells[c] != NULL)
			s[c] = d_text(d, e, cells[c], false, "ô bảng");
	if (d->rc == 0) {
		wml_tr_open(&d->doc, false, true);
		for (size_t c = 0; c < d->ncols; c++) {
			struct wml_pfmt f = wml_p_style("TableText");

			f.jc = jcs[d->col_align[c]];

			wml_tc_open(&d->doc, d->col_w[c], true);
			wml_p_line(&d->doc, &f, (rflags & DOCX_ROW_BOLD) ?
			    DOCX_BOLD : 0, 0, s[c]);
			wml_end(&d->doc);
		}
		wml_end(&d->doc);
	}
	for (size_t c = 0; c < ncells; c++)
		free(s[c]);
	return d_done(d, e);
}

int
docx_table_end(struct docx *d, struct err *e)
{
	if (d_check(d, e) != 0)
		return d->rc;
	if (d->where != IN_TABLE)
		return d_fail(d, e, ERR_INVAL, "không có bảng đang mở");
	wml_end(&d->doc);
	d->where = d->table_from;
	d->last_table = true;
	return d_done(d, e);
}

static const char *
sign_prefix(enum docx_regime r, enum docx_authority a)
{
	static const char *const state[] = { "", "TM.", "KT.", "TL.",
	    "TUQ." };				/* R-VB-12 */
	static const char *const party[] = { "", "T/M", "K/T", "T/L",
	    "T/U" };				/* R-VB-27 */

	return r == DOCX_PARTY ? party[a] : state[a];
}

int
docx_closing(struct docx *d, const char *const *recipients,
    size_t nrecipients, const struct docx_sign *s, struct err *e)
{
	const struct docx_layout *L = &d->L;
	struct wml *x = &d->doc;
	struct wml_pfmt f;
	char *behalf = NULL, *pos = NULL, *name = NULL, **rec = NULL;
	long tw, w[2];

	if (d_check(d, e) != 0)
		return d->rc;
	if (d->where != IN_BODY)
		return d_fail(d, e, ERR_INVAL, "phần nơi nhận và chữ ký đặt "
		    "sai chỗ");
	if (nrecipients > MAX_RECIPIENTS)
		return d_fail(d, e, ERR_TOOBIG, "quá %d nơi nhận",
		    MAX_RECIPIENTS);
	if ((nrecipients > 0 && recipients == NULL) ||
	    (s != NULL && (unsigned)s->authority > DOCX_SIGN_TUQ))
		return d_fail(d, e, ERR_INVAL, "nơi nhận hoặc chữ ký không "
		    "hợp lệ");
	rec = xcalloc(nrecipients + 1, sizeof(*rec));
	for (size_t i = 0; i < nrecipients && d->rc == 0; i++)
		rec[i] = d_text(d, e, recipients[i], false, "nơi nhận");
	if (s != NULL && d->rc == 0) {
		char *ob = d_text(d, e, s->on_behalf, true, "thẩm quyền ký");

		if (ob != NULL)
			behalf = join3(sign_prefix(d->regime, s->authority),
			    " ", ob);
		free(ob);
		pos = d_text(d, e, s->position, true, "chức vụ");
		name = d_text(d, e, s->name, false, "họ tên");
	}
	if (d->rc != 0)
		goto out;

	f = wml_p_tight(WML_JC_LEFT);
	wml_p_line(x, &f, 0, L->body_pt, NULL);
	tw = text_w(d);
	w[0] = lround((double)tw * 0.45);
	w[1] = tw - w[0];
	wml_tbl_open(x, w, 2, false);
	wml_tr_open(x, false, true);
	wml_tc_open(x, w[0], false);
	f = wml_p_tight(WML_JC_LEFT);
	if (nrecipients > 0) {
		wml_p_line(x, &f, DOCX_BOLD | DOCX_ITALIC,
		    L->recipients_title_pt,
		    "Nơi nhận:");
		for (size_t i = 0; i < nrecipients; i++)
			wml_p_line(x, &f, 0, L->recipients_pt, rec[i]);
	} else {
		wml_p_line(x, &f, 0, L->recipients_pt, NULL);
	}
	wml_end(x);
	wml_tc_open(x, w[1], false);
	f = wml_p_tight(WML_JC_CENTER);
	if (behalf != NULL && *behalf != '\0')
		wml_p_line(x, &f, DOCX_BOLD, L->sign_pt, behalf);
	if (pos != NULL && *pos != '\0')
		wml_p_line(x, &f, DOCX_BOLD, L->sign_pt, pos);
	f.before = wml_tw(L->sign_space_pt);
	wml_p_line(x, &f, DOCX_BOLD, L->sign_pt, name);
	wml_end(x);
	wml_end(x);
	wml_end(x);
	d->where = CLOSED;
	d->last_table = true;
out:
	for (size_t i = 0; i < nrecipients; i++)
		free(rec[i]);
	free(rec);
	free(behalf);
	free(pos);
	free(name);
	return d_done(d, e);
}

/* The sectPr of the section being ended (or of the last one). */
static void
sect(struct docx *d)
{
	struct wml *x = &d->doc;
	const struct docx_layout *L = &d->L;

	wml_start(x, "w:sectPr");
	wml_start(x, "w:headerReference");
	wml_attr(x, "w:type", "default");
	wml_attr(x, "r:id", DOCXPKG_RID_HEADER);
	wml_end(x);
	if (d->first_section) {
		wml_start(x, "w:headerReference");
		wml_attr(x, "w:type", "first");
		wml_attr(x, "r:id", DOCXPKG_RID_HEADER_FIRST);
		wml_end(x);
	}
	wml_start(x, "w:pgSz");
	if (d->landscape) {
		wml_attr_int(x, "w:w", wml_mm(L->page_h));
		wml_attr_int(x, "w:h", wml_mm(L->page_w));
		wml_attr(x, "w:orient", "landscape");
	} else {
		wml_attr_int(x, "w:w", wml_mm(L->page_w));
		wml_attr_int(x, "w:h", wml_mm(L->page_h));
	}
	wml_end(x);
	wml_start(x, "w:pgMar");
	wml_attr_int(x, "w:top", wml_mm(L->margin_top));
	wml_attr_int(x, "w:right", wml_mm(L->margin_right));
	wml_attr_int(x, "w:bottom", wml_mm(L->margin_bottom));
	wml_attr_int(x, "w:left", wml_mm(L->margin_left));
	wml_attr_int(x, "w:header", wml_mm(L->header_dist));
	wml_attr_int(x, "w:footer", wml_mm(L->header_dist));
	wml_attr(x, "w:gutter", "0");
	wml_end(x);
	if (d->first_section)
		wml_val(x, "w:titlePg", NULL);	/* no number on page 1 */
	wml_end(x);
}

int
docx_annex(struct docx *d, bool landscape, const char *title,
    struct err *e)
{
	struct wml *x = &d->doc;
	struct wml_pfmt f;
	char *t = NULL;

	if (d_check(d, e) != 0)
		return d->rc;
	if (d->where == IN_TABLE)
		return d_fail(d, e, ERR_INVAL, "phụ lục bắt đầu trong bảng");
	if (title != NULL) {
		t = d_text(d, e, title, false, "tên phụ lục");
		if (t == NULL)
			return d->rc;
	}
	/* the paragraph that ends the section carries its sectPr */
	wml_start(x, "w:p");
	wml_start(x, "w:pPr");
	wml_start(x, "w:spacing");
	wml_attr(x, "w:before", "0");
	wml_attr(x, "w:after", "0");
	wml_end(x);
	sect(d);
	wml_end(x);
	wml_end(x);
	d->first_section = false;
	d->landscape = landscape;
	d->where = IN_ANNEX;
	d->last_table = false;
	if (t != NULL) {
		f = wml_p_tight(WML_JC_CENTER);
		f.keep_next = true;
		f.after = wml_tw(12);
		wml_p_line(x, &f, DOCX_BOLD, d->L.body_pt, t);
		free(t);
	}
	return d_done(d, e);
}

int
docx_finish(struct docx *d, char **data, size_t *len, struct err *e)
{
	struct docxpkg_info info;
	int rc;

	*data = NULL;
	*len = 0;
	if (d_check(d, e) != 0)
		goto out;
	if (d->where == IN_TABLE) {
		d_fail(d, e, ERR_INVAL, "bảng chưa đóng");
		goto out;
	}
	/* the body may not end with a table */
	if (d->last_table) {
		struct wml_pfmt f = wml_p_tight(WML_JC_LEFT);

		wml_p_line(&d->doc, &f, 0, 1, NULL);
	}
	sect(d);
	wml_end(&d->doc);		/* w:body */
	wml_end(&d->doc);		/* w:document */
	wml_close(&d->doc);
	if (d_done(d, e) != 0)
		goto out;
	info = (struct docxpkg_info){ &d->L, d->title, d->author, d->y,
	    d->m, d->d };
	rc = docxpkg_build(&d->doc, &info, data, len, &d->err);
	if (rc != 0) {
		d->rc = rc;
		if (e != NULL)
			*e = d->err;
	}
out:
	rc = d->rc;
	docx_free(d);
	return rc;
}
