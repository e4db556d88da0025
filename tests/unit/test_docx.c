/*
 * test_docx.c - core/docx.h: the sample report (tests/docx/sample_report.c)
 * in both regimes is reopened with libzip, every part parses with
 * libxml2, and XPath checks the structure against DOMAIN.md §11: A4 and
 * the margins in twips, fonts and sizes in half-points, the number and
 * symbol forms and the headers per regime, page numbers from page 2,
 * the landscape annex, table alignment, escaping of "<&>", Vietnamese
 * text intact and NFC.  Then errors: bad input, order, limits, sticky.
 * tests/docx/render.sh shows the same files open in LibreOffice.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include "core/docx.h"
#include "core/err.h"
#include "../docx/sample_report.h"

#define NS_W	"http://schemas.openxmlformats.org/wordprocessingml/2006/main"

/* ---- reading a package back ---- */

struct pkg {
	zip_t		*za;
	zip_source_t	*src;
};

static void
pkg_open(struct pkg *p, const char *data, size_t len)
{
	zip_error_t ze;

	zip_error_init(&ze);
	p->src = zip_source_buffer_create(data, len, 0, &ze);
	assert_non_null(p->src);
	p->za = zip_open_from_source(p->src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	assert_non_null(p->za);
	zip_error_fini(&ze);
}

static void
pkg_close(struct pkg *p)
{
	zip_close(p->za);		/* frees the source too */
}

/* The part's bytes, NUL-terminated (heap); NULL when it is missing. */
static char *
pkg_part(struct pkg *p, const char *name, size_t *len)
{
	zip_stat_t st;
	zip_file_t *f;
	char *buf;

	if (zip_stat(p->za, name, 0, &st) != 0)
		return NULL;
	f = zip_fopen(p->za, name, 0);
	assert_non_null(f);
	buf = malloc(st.size + 1);
	assert_non_null(buf);
	assert_int_equal(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
	zip_fclose(f);
	buf[st.size] = '\0';
	if (len != NULL)
		*len = st.size;
	return buf;
}

struct xml {
	char			*raw;
	xmlDocPtr		 doc;
	xmlXPathContextPtr	 ctx;
};

static void
xml_load(struct xml *x, struct pkg *p, const char *name)
{
	size_t len = 0;

	x->raw = pkg_part(p, name, &len);
	if (x->raw == NULL)
		fail_msg("part %s missing", name);
	x->doc = xmlReadMemory(x->raw, (int)len, name, "UTF-8",
	    XML_PARSE_NONET);
	if (x->doc == NULL)
		fail_msg("part %s is not well-formed XML", name);
	x->ctx = xmlXPathNewContext(x->doc);
	xmlXPathRegisterNs(x->ctx, BAD_CAST "w", BAD_CAST NS_W);
	xmlXPathRegisterNs(x->ctx, BAD_CAST "r", BAD_CAST
	    "http://schemas.openxmlformats.org/officeDocument/2006/"
	    "relationships");
	xmlXPathRegisterNs(x->ctx, BAD_CAST "cp", BAD_CAST
	    "http://schemas.openxmlformats.org/package/2006/metadata/"
	    "core-properties");
	xmlXPathRegisterNs(x->ctx, BAD_CAST "dc",
	    BAD_CAST "http://purl.org/dc/elements/1.1/");
	xmlXPathRegisterNs(x->ctx, BAD_CAST "ct", BAD_CAST
	    "http://schemas.openxmlformats.org/package/2006/content-types");
	xmlXPathRegisterNs(x->ctx, BAD_CAST "pr", BAD_CAST
	    "http://schemas.openxmlformats.org/package/2006/relationships");
}

static void
xml_free(struct xml *x)
{
	xmlXPathFreeContext(x->ctx);
	xmlFreeDoc(x->doc);
	free(x->raw);
}

/* string(expr), heap. */
static char *
xs(struct xml *x, const char *fmt, ...)
{
	char expr[1024], wrapped[1100];
	xmlXPathObjectPtr o;
	va_list ap;
	char *s;

	va_start(ap, fmt);
	vsnprintf(expr, sizeof(expr), fmt, ap);
	va_end(ap);
	snprintf(wrapped, sizeof(wrapped), "string(%s)", expr);
	o = xmlXPathEvalExpression(BAD_CAST wrapped, x->ctx);
	if (o == NULL)
		fail_msg("bad XPath %s", wrapped);
	s = strdup((const char *)o->stringval);
	xmlXPathFreeObject(o);
	return s;
}

static void
assert_xs(struct xml *x, const char *want, const char *fmt, ...)
{
	char expr[1024];
	va_list ap;
	char *got;

	va_start(ap, fmt);
	vsnprintf(expr, sizeof(expr), fmt, ap);
	va_end(ap);
	got = xs(x, "%s", expr);
	if (strcmp(got, want) != 0)
		fail_msg("%s: \"%s\", want \"%s\"", expr, got, want);
	free(got);
}

static long
xn(struct xml *x, const char *fmt, ...)
{
	char expr[1024], wrapped[1100];
	xmlXPathObjectPtr o;
	va_list ap;
	long n;

	va_start(ap, fmt);
	vsnprintf(expr, sizeof(expr), fmt, ap);
	va_end(ap);
	snprintf(wrapped, sizeof(wrapped), "count(%s)", expr);
	o = xmlXPathEvalExpression(BAD_CAST wrapped, x->ctx);
	if (o == NULL)
		fail_msg("bad XPath %s", wrapped);
	n = (long)o->floatval;
	xmlXPathFreeObject(o);
	return n;
}

/* The run whose text is exactly t: its size, bold, italic. */
static void
assert_run(struct xml *x, const char *t, const char *sz, bool bold,
    bool italic)
{
	char r[512];

	snprintf(r, sizeof(r), "//w:r[w:t='%s']", t);
	if (xn(x, "%s", r) < 1)
		fail_msg("no run \"%s\"", t);
	assert_xs(x, sz, "%s/w:rPr/w:sz/@w:val", r);
	assert_xs(x, sz, "%s/w:rPr/w:szCs/@w:val", r);
	assert_int_equal(xn(x, "%s/w:rPr/w:b", r), bold ? 1 : 0);
	assert_int_equal(xn(x, "%s/w:rPr/w:i", r), italic ? 1 : 0);
}

/* The whole text of the document (all w:t), heap. */
static char *
all_text(struct xml *x)
{
	xmlXPathObjectPtr o;
	size_t cap = 1, len = 0;
	char *s = malloc(1);

	o = xmlXPathEvalExpression(BAD_CAST "//w:t", x->ctx);
	assert_non_null(o);
	s[0] = '\0';
	for (int i = 0; o->nodesetval != NULL &&
	    i < o->nodesetval->nodeNr; i++) {
		xmlChar *c = xmlNodeGetContent(o->nodesetval->nodeTab[i]);
		size_t n = strlen((const char *)c);

		cap += n + 1;
		s = realloc(s, cap);
		memcpy(s + len, c, n);
		len += n;
		s[len++] = '\n';
		s[len] = '\0';
		xmlFree(c);
	}
	xmlXPathFreeObject(o);
	return s;
}

/* ---- the sample report ---- */

struct sample {
	char		*data;
	size_t		 len;
	struct pkg	 p;
	struct xml	 doc, styles;
};

static void
sample_load(struct sample *s, enum docx_regime r)
{
	struct err e = { 0 };
	int rc;

	rc = sample_report(r, &s->data, &s->len, &e);
	if (rc != 0)
		fail_msg("sample_report: %d %s", rc, e.msg);
	pkg_open(&s->p, s->data, s->len);
	xml_load(&s->doc, &s->p, "word/document.xml");
	xml_load(&s->styles, &s->p, "word/styles.xml");
}

static void
sample_free(struct sample *s)
{
	xml_free(&s->doc);
	xml_free(&s->styles);
	pkg_close(&s->p);
	free(s->data);
}

static void
t_package(void **state)
{
	static const char *const parts[] = {
		"[Content_Types].xml", "_rels/.rels", "word/document.xml",
		"word/_rels/document.xml.rels", "word/styles.xml",
		"word/settings.xml", "word/header1.xml", "word/header2.xml",
		"docProps/core.xml", "docProps/app.xml",
	};
	struct sample s;
	struct xml x;

	(void)state;
	sample_load(&s, DOCX_STATE);
	assert_int_equal(zip_get_num_entries(s.p.za, 0), 10);
	/* [Content_Types].xml first, as Word writes it */
	assert_string_equal(zip_get_name(s.p.za, 0, 0), "[Content_Types].xml");
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		xml_load(&x, &s.p, parts[i]);	/* well-formed */
		xml_free(&x);
	}
	xml_load(&x, &s.p, "[Content_Types].xml");
	assert_xs(&x, "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document.main+xml",
	    "//ct:Override[@PartName='/word/document.xml']/@ContentType");
	assert_int_equal(xn(&x, "//ct:Override[contains(@ContentType,"
	    "'header+xml')]"), 2);
	xml_free(&x);
	xml_load(&x, &s.p, "_rels/.rels");
	assert_xs(&x, "word/document.xml", "//pr:Relationship[@Type='http://"
	    "schemas.openxmlformats.org/officeDocument/2006/relationships/"
	    "officeDocument']/@Target");
	xml_free(&x);
	/* every r:id of the document resolves */
	xml_load(&x, &s.p, "word/_rels/document.xml.rels");
	assert_xs(&x, "header1.xml", "//pr:Relationship[@Id='%s']/@Target",
	    "rId3");
	assert_xs(&x, "header2.xml", "//pr:Relationship[@Id='%s']/@Target",
	    "rId4");
	assert_xs(&x, "styles.xml", "//pr:Relationship[@Id='rId1']/@Target");
	xml_free(&x);
	assert_int_equal(xn(&s.doc, "//w:headerReference"), 3);
	/* page numbers: a PAGE field centred in header1, nothing in the
	 * first-page header2 */
	xml_load(&x, &s.p, "word/header1.xml");
	assert_xs(&x, " PAGE ", "//w:instrText");
	assert_xs(&x, "center", "//w:p/w:pPr/w:jc/@w:val");
	assert_xs(&x, "26", "//w:r[w:instrText]/w:rPr/w:sz/@w:val");
	xml_free(&x);
	xml_load(&x, &s.p, "word/header2.xml");
	assert_int_equal(xn(&x, "//w:instrText"), 0);
	assert_int_equal(xn(&x, "//w:t"), 0);
	xml_free(&x);
	xml_load(&x, &s.p, "docProps/core.xml");
	assert_xs(&x, "2025-06-14T00:00:00Z", "//*[local-name()='created']");
	assert_xs(&x, "ỦY BAN NHÂN DÂN\nPHƯỜNG VIỆT TRÌ", "//dc:creator");
	xml_free(&x);
	sample_free(&s);
}

static void
t_page(void **state)
{
	struct sample s;
	const char *first = "(//w:p/w:pPr/w:sectPr)[1]";
	const char *last = "/w:document/w:body/w:sectPr";

	(void)state;
	sample_load(&s, DOCX_STATE);
	/* A4 portrait, margins 20/20/30/15 mm (R-VB-01/02) in twips */
	assert_xs(&s.doc, "11906", "%s/w:pgSz/@w:w", first);
	assert_xs(&s.doc, "16838", "%s/w:pgSz/@w:h", first);
	assert_int_equal(xn(&s.doc, "%s/w:pgSz/@w:orient", first), 0);
	assert_xs(&s.doc, "1134", "%s/w:pgMar/@w:top", first);
	assert_xs(&s.doc, "1134", "%s/w:pgMar/@w:bottom", first);
	assert_xs(&s.doc, "1701", "%s/w:pgMar/@w:left", first);
	assert_xs(&s.doc, "850", "%s/w:pgMar/@w:right", first);
	assert_xs(&s.doc, "567", "%s/w:pgMar/@w:header", first);
	/* no number on the first page (R-VB-04) */
	assert_int_equal(xn(&s.doc, "%s/w:titlePg", first), 1);
	assert_xs(&s.doc, "rId4", "%s/w:headerReference[@w:type='first']"
	    "/@r:id", first);
	assert_xs(&s.doc, "rId3", "%s/w:headerReference[@w:type='default']"
	    "/@r:id", first);
	/* the annex: landscape A4, same margins, numbered */
	assert_int_equal(xn(&s.doc, "//w:sectPr"), 2);
	assert_xs(&s.doc, "landscape", "%s/w:pgSz/@w:orient", last);
	assert_xs(&s.doc, "16838", "%s/w:pgSz/@w:w", last);
	assert_xs(&s.doc, "11906", "%s/w:pgSz/@w:h", last);
	assert_xs(&s.doc, "1701", "%s/w:pgMar/@w:left", last);
	assert_int_equal(xn(&s.doc, "%s/w:titlePg", last), 0);
	assert_xs(&s.doc, "rId3", "%s/w:headerReference/@r:id", last);
	sample_free(&s);
}

static void
t_styles(void **state)
{
	struct sample s;
	const char *rpr = "/w:styles/w:docDefaults/w:rPrDefault/w:rPr";

	(void)state;
	sample_load(&s, DOCX_STATE);
	/* Times New Roman for every script (R-VB-03), 13 pt body */
	assert_xs(&s.styles, "Times New Roman", "%s/w:rFonts/@w:ascii", rpr);
	assert_xs(&s.styles, "Times New Roman", "%s/w:rFonts/@w:hAnsi", rpr);
	assert_xs(&s.styles, "Times New Roman", "%s/w:rFonts/@w:cs", rpr);
	assert_xs(&s.styles, "Times New Roman", "%s/w:rFonts/@w:eastAsia",
	    rpr);
	assert_xs(&s.styles, "26", "%s/w:sz/@w:val", rpr);
	assert_xs(&s.styles, "vi-VN", "%s/w:lang/@w:val", rpr);
	/* body text: justified, first line 1.27 cm, 6 pt after, 1.15 lines
	 * (R-VB-09) */
	assert_xs(&s.styles, "720", "//w:style[@w:styleId='Body']/w:pPr/"
	    "w:ind/@w:firstLine");
	assert_xs(&s.styles, "120", "//w:style[@w:styleId='Body']/w:pPr/"
	    "w:spacing/@w:after");
	assert_xs(&s.styles, "276", "//w:style[@w:styleId='Body']/w:pPr/"
	    "w:spacing/@w:line");
	assert_xs(&s.styles, "both", "//w:style[@w:styleId='Body']/w:pPr/"
	    "w:jc/@w:val");
	assert_xs(&s.styles, "0", "//w:style[@w:styleId='Heading1']/w:pPr/"
	    "w:outlineLvl/@w:val");
	assert_int_equal(xn(&s.styles, "//w:style[@w:styleId='Heading3']/"
	    "w:rPr/w:i"), 1);
	/* body paragraphs and headings use them */
	assert_int_equal(xn(&s.doc, "//w:p[w:pPr/w:pStyle/@w:val='Heading1']"),
	    4);
	assert_int_equal(xn(&s.doc, "//w:p[w:pPr/w:pStyle/@w:val='Heading2']"),
	    2);
	assert_true(xn(&s.doc, "//w:p[w:pPr/w:pStyle/@w:val='Body']") >= 10);
	sample_free(&s);
}

static void
t_state_header(void **state)
{
	struct sample s;

	(void)state;
	sample_load(&s, DOCX_STATE);
	/* the header block is the first table, borderless, two columns */
	assert_xs(&s.doc, "nil", "(//w:tbl)[1]/w:tblPr/w:tblBorders/w:top/"
	    "@w:val");
	assert_int_equal(xn(&s.doc, "(//w:tbl)[1]/w:tblGrid/w:gridCol"), 2);
	assert_run(&s.doc, "UBND TỈNH PHÚ THỌ", "26", false, false);
	/* the issuer was given in lower case: upper-cased, with its line
	 * break kept */
	assert_int_equal(xn(&s.doc, "(//w:tbl)[1]//w:r[w:t='ỦY BAN NHÂN DÂN'"
	    " and w:br and w:t='PHƯỜNG VIỆT TRÌ']/w:rPr/w:b"), 1);
	assert_run(&s.doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "24", true,
	    false);
	assert_run(&s.doc, "Độc lập - Tự do - Hạnh phúc", "26", true, false);
	/* lines under the issuer and the motto: bordered empty paragraphs */
	assert_int_equal(xn(&s.doc, "(//w:tbl)[1]//w:p[w:pPr/w:pBdr/w:bottom"
	    "/@w:val='single' and not(w:r)]"), 2);
	assert_run(&s.doc, "Số: 15/BC-UBND", "26", false, false);
	assert_run(&s.doc, "Phú Thọ, ngày 14 tháng 6 năm 2025", "28", false,
	    true);
	assert_run(&s.doc, "BÁO CÁO", "28", true, false);
	assert_int_equal(xn(&s.doc, "//w:r[w:t='Kết quả công tác dân vận 6 "
	    "tháng đầu năm và' and w:rPr/w:b and w:rPr/w:sz/@w:val='28']"), 1);
	assert_int_equal(xn(&s.doc, "//w:t[.='*']"), 0);
	assert_int_equal(xn(&s.doc, "//w:t[.='ĐẢNG CỘNG SẢN VIỆT NAM']"), 0);
	/* closing: recipients bold italic 12, list 11; signature */
	assert_run(&s.doc, "Nơi nhận:", "24", true, true);
	assert_run(&s.doc, "- Lưu: VT, VP.", "22", false, false);
	assert_run(&s.doc, "TM. ỦY BAN NHÂN DÂN", "28", true, false);
	assert_run(&s.doc, "CHỦ TỊCH", "28", true, false);
	assert_run(&s.doc, "Nguyễn Văn An", "28", true, false);
	assert_xs(&s.doc, "1440", "//w:p[w:r/w:t='Nguyễn Văn An']/w:pPr/"
	    "w:spacing/@w:before");
	sample_free(&s);
}

static void
t_party_header(void **state)
{
	struct sample s;
	const char *rpr = "/w:styles/w:docDefaults/w:rPrDefault/w:rPr";

	(void)state;
	sample_load(&s, DOCX_PARTY);
	assert_xs(&s.styles, "28", "%s/w:sz/@w:val", rpr);	/* 14 pt */
	assert_run(&s.doc, "TỈNH ỦY PHÚ THỌ", "28", false, false);
	assert_run(&s.doc, "BAN DÂN VẬN", "28", true, false);
	assert_run(&s.doc, "*", "28", false, false);		/* R-VB-21 */
	assert_run(&s.doc, "ĐẢNG CỘNG SẢN VIỆT NAM", "30", true, false);
	assert_run(&s.doc, "Số 15-BC/BDVTU", "28", false, false);
	assert_run(&s.doc, "Phú Thọ, ngày 14 tháng 6 năm 2025", "28", false,
	    true);
	assert_run(&s.doc, "BÁO CÁO", "32", true, false);	/* R-VB-24 */
	assert_run(&s.doc, "K/T TRƯỞNG BAN", "28", true, false);
	assert_run(&s.doc, "PHÓ TRƯỞNG BAN", "28", true, false);
	assert_int_equal(xn(&s.doc, "//w:t[contains(.,'CỘNG HÒA')]"), 0);
	assert_int_equal(xn(&s.doc, "//w:t[contains(.,'Độc lập')]"), 0);
	assert_int_equal(xn(&s.doc, "//w:t[starts-with(.,'Số:')]"), 0);
	sample_free(&s);
}

static void
t_body(void **state)
{
	struct sample s;
	char *text;

	(void)state;
	sample_load(&s, DOCX_STATE);
	/* level-1 headings upper-cased, bold from the style */
	assert_int_equal(xn(&s.doc, "//w:p[w:pPr/w:pStyle/@w:val='Heading1'"
	    " and w:r/w:t='I. KẾT QUẢ THỰC HIỆN']"), 1);
	assert_int_equal(xn(&s.doc, "//w:p[w:pPr/w:pStyle/@w:val='Heading2'"
	    " and w:r/w:t='1. Công tác lãnh đạo, chỉ đạo']"), 1);
	/* runs: bold, then italic */
	assert_int_equal(xn(&s.doc, "//w:r[w:t='04 Hội nghị đối thoại']/"
	    "w:rPr/w:b"), 1);
	assert_int_equal(xn(&s.doc, "//w:r[contains(w:t,'17-QC/TU')]/w:rPr/"
	    "w:i"), 1);
	/* the body table: grid borders, header row repeated, bold */
	assert_xs(&s.doc, "TableGrid", "(//w:tbl)[2]/w:tblPr/w:tblStyle/"
	    "@w:val");
	assert_xs(&s.doc, "single", "(//w:tbl)[2]/w:tblPr/w:tblBorders/"
	    "w:insideV/@w:val");
	assert_int_equal(xn(&s.doc, "(//w:tbl)[2]/w:tr[1]/w:trPr/w:tblHeader"),
	    1);
	assert_int_equal(xn(&s.doc, "(//w:tbl)[2]/w:tr[1]//w:r[w:t='Kết quả']"
	    "/w:rPr/w:b"), 1);
	/* figures right-aligned, in the table style (12 pt) */
	assert_xs(&s.doc, "right", "(//w:tbl)[2]//w:p[w:r/w:t='3.146']/"
	    "w:pPr/w:jc/@w:val");
	assert_xs(&s.doc, "right", "(//w:tbl)[2]//w:p[w:r/w:t='99,74%%']/"
	    "w:pPr/w:jc/@w:val");
	assert_xs(&s.doc, "TableText", "(//w:tbl)[2]//w:p[w:r/w:t='3.146']/"
	    "w:pPr/w:pStyle/@w:val");
	assert_xs(&s.styles, "24", "//w:style[@w:styleId='TableText']/w:rPr/"
	    "w:sz/@w:val");
	assert_xs(&s.doc, "left", "(//w:tbl)[2]//w:p[w:r/w:t='Lượt tiếp "
	    "công dân']/w:pPr/w:jc/@w:val");
	/* the total row is bold */
	assert_int_equal(xn(&s.doc, "(//w:tbl)[2]//w:r[w:t='4.365']/w:rPr/"
	    "w:b"), 1);
	/* the annex table: 8 columns, its total 3.146 and 99,74% */
	assert_int_equal(xn(&s.doc, "(//w:tbl)[4]/w:tblGrid/w:gridCol"), 8);
	assert_int_equal(xn(&s.doc, "(//w:tbl)[4]//w:r[w:t='99,74%%']/w:rPr/"
	    "w:b"), 1);
	/* the figure sentence, as the seeds write it */
	text = all_text(&s.doc);
	assert_non_null(strstr(text, "tổ chức tiếp 3.146 lượt với 3.896 "
	    "người"));
	assert_non_null(strstr(text, "đạt 99,74%."));
	assert_non_null(strstr(text, "(Kèm theo Báo cáo số 15/BC-UBND ngày "
	    "14/6/2025)"));
	/* "<&>" escaped on disk, intact once parsed */
	assert_non_null(strstr(text, SAMPLE_ESCAPED));
	assert_non_null(strstr(s.doc.raw, "Ký hiệu &lt;&amp;&gt; "));
	assert_null(strstr(s.doc.raw, "<&>"));
	free(text);
	sample_free(&s);
}

static void
t_deterministic(void **state)
{
	struct err e;
	char *a, *b;
	size_t na, nb;

	(void)state;
	assert_int_equal(sample_report(DOCX_PARTY, &a, &na, &e), 0);
	assert_int_equal(sample_report(DOCX_PARTY, &b, &nb, &e), 0);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	free(a);
	free(b);
}

/* ---- small documents ---- */

static struct docx_head
head(void)
{
	struct docx_head h = {
		.regime = DOCX_STATE, .issuer = "UBND XÃ HY CƯƠNG",
		.number = 5, .type_abbr = "BC", .issuer_abbr = "UBND",
		.place = "Hy Cương", .year = 2021, .month = 2, .day = 5,
		.type_name = "BÁO CÁO", .abstract = "Thử",
	};

	return h;
}

/* Finish d and load its document.xml into x (and free the bytes). */
static void
finish_load(struct docx *d, struct xml *x)
{
	struct err e;
	struct pkg p;
	char *data;
	size_t len;

	assert_int_equal(docx_finish(d, &data, &len, &e), 0);
	pkg_open(&p, data, len);
	xml_load(x, &p, "word/document.xml");
	pkg_close(&p);
	free(data);
}

static void
t_forms(void **state)
{
	struct docx_head h = head();
	struct docx *d;
	struct err e;
	struct xml x;

	(void)state;
	/* R-VB-07: "Số: 05/...", R-VB-08: "ngày 05 tháng 02"; NFD in,
	 * NFC out; no parent: the block starts with the issuer */
	h.abstract = "Nguye\xcc\x82\xcc\x83n Va\xcc\x86n";
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	finish_load(d, &x);
	assert_xs(&x, "Số: 05/BC-UBND", "(//w:tbl)[1]/w:tr[2]/w:tc[1]//w:t");
	assert_xs(&x, "Hy Cương, ngày 05 tháng 02 năm 2021",
	    "(//w:tbl)[1]/w:tr[2]/w:tc[2]//w:t");
	assert_xs(&x, "UBND XÃ HY CƯƠNG", "(//w:tbl)[1]/w:tr[1]/w:tc[1]/"
	    "w:p[1]//w:t");
	assert_int_equal(xn(&x, "//w:t[.='Nguyễn Văn']"), 1);
	xml_free(&x);

	/* number and day left blank for the clerk; công văn symbol */
	h = head();
	h.number = 0;
	h.day = 0;
	h.month = 3;
	h.type_abbr = NULL;
	h.issuer_abbr = "UBND-VP";
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	finish_load(d, &x);
	assert_xs(&x, "Số:       /UBND-VP", "(//w:tbl)[1]/w:tr[2]/w:tc[1]//"
	    "w:t");
	assert_xs(&x, "Hy Cương, ngày       tháng 3 năm 2021",
	    "(//w:tbl)[1]/w:tr[2]/w:tc[2]//w:t");
	xml_free(&x);

	/* party: number above 99 and a custom layout */
	h = head();
	h.regime = DOCX_PARTY;
	h.number = 127;
	h.type_abbr = "QĐ";
	h.issuer_abbr = "TW";
	{
		struct docx_layout l;

		docx_layout_init(&l, DOCX_PARTY);
		assert_true(l.body_pt == 14 && l.national_pt == 15 &&
		    l.type_pt == 16);
		l.margin_top = 25;
		l.margin_left = 35;
		assert_int_equal(docx_new(&d, &h, &l, 0, &e), 0);
	}
	assert_int_equal(docx_text(d, "a\tb\nc", &e), 0);
	finish_load(d, &x);
	assert_xs(&x, "Số 127-QĐ/TW", "(//w:tbl)[1]/w:tr[2]/w:tc[1]//w:t");
	assert_xs(&x, "1417", "//w:sectPr/w:pgMar/@w:top");
	assert_xs(&x, "1984", "//w:sectPr/w:pgMar/@w:left");
	assert_int_equal(xn(&x, "//w:r[w:t='a' and w:tab and w:br and "
	    "w:t='c']"), 1);
	/* without an annex there is one section, titlePg on it */
	assert_int_equal(xn(&x, "//w:sectPr/w:titlePg"), 1);
	xml_free(&x);
}

static void
t_bad_head(void **state)
{
	struct docx_layout l;
	struct docx_head h;
	struct docx *d = (struct docx *)&d;
	struct err e;

	(void)state;
	h = head();
	h.issuer = NULL;
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), ERR_INVAL);
	assert_null(d);
	assert_int_equal(e.code, ERR_INVAL);
	h = head();
	h.issuer = "UBND \xc3\x28";			/* bad UTF-8 */
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), ERR_INVAL);
	h = head();
	h.place = "X\x01";				/* control */
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), ERR_INVAL);
	h = head();
	h.day = 29;					/* 29/02/2021 */
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), ERR_INVAL);
	h = head();
	h.month = 0;					/* day, no month */
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), ERR_INVAL);
	h = head();
	h.place = "Một địa danh dài hơn sáu mươi tư byte, rất rất rất dài";
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), ERR_TOOBIG);
	h = head();
	h.number = -1;
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), ERR_INVAL);
	h = head();
	h.regime = DOCX_PARTY;
	h.type_abbr = "";
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), ERR_INVAL);
	h = head();
	h.regime = (enum docx_regime)7;
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), ERR_INVAL);
	h = head();
	docx_layout_init(&l, DOCX_STATE);
	l.body_pt = 100;
	assert_int_equal(docx_new(&d, &h, &l, 0, &e), ERR_INVAL);
	docx_layout_init(&l, DOCX_STATE);
	l.margin_left = 150;
	assert_int_equal(docx_new(&d, &h, &l, 0, &e), ERR_INVAL);
	assert_null(d);
}

static void
t_order_and_sticky(void **state)
{
	static const struct docx_col cols[] = { { "A", 1, DOCX_LEFT } };
	struct docx_table t = { cols, 1 };
	struct docx_head h = head();
	struct docx_sign sg = { DOCX_SIGN_DIRECT, NULL, "Chủ tịch", "A" };
	struct docx *d;
	struct err e;
	char *data = (char *)&data;
	size_t len = 1;

	(void)state;
	/* a row outside a table, then everything fails the same way */
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	assert_int_equal(docx_table_row(d, NULL, 0, 0, &e), ERR_INVAL);
	assert_int_equal(docx_text(d, "ok", &e), ERR_INVAL);
	assert_int_equal(e.code, ERR_INVAL);
	assert_int_equal(docx_finish(d, &data, &len, &e), ERR_INVAL);
	assert_null(data);
	assert_int_equal(len, 0);

	/* bad UTF-8 in a paragraph is sticky too */
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	assert_int_equal(docx_text(d, "\xff", &e), ERR_INVAL);
	assert_int_equal(docx_heading(d, 1, "I. Ổn", &e), ERR_INVAL);
	docx_free(d);

	/* U+FFFF: valid UTF-8, not an XML character */
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	assert_int_equal(docx_text(d, "a\xef\xbf\xbf", &e), ERR_INVAL);
	docx_free(d);
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	assert_int_equal(docx_text(d, "a\xef\xbf\xbd", &e), 0);	/* U+FFFD */
	docx_free(d);

	/* body after the closing; closing twice; table left open */
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	assert_int_equal(docx_closing(d, NULL, 0, &sg, &e), 0);
	assert_int_equal(docx_text(d, "late", &e), ERR_INVAL);
	docx_free(d);
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	assert_int_equal(docx_closing(d, NULL, 0, &sg, &e), 0);
	assert_int_equal(docx_closing(d, NULL, 0, &sg, &e), ERR_INVAL);
	docx_free(d);
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	assert_int_equal(docx_table_begin(d, &t, &e), 0);
	assert_int_equal(docx_table_row(d, (const char *const[]){ "1", "2" },
	    2, 0, &e), ERR_INVAL);			/* too many cells */
	docx_free(d);
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	assert_int_equal(docx_table_begin(d, &t, &e), 0);
	assert_int_equal(docx_finish(d, &data, &len, &e), ERR_INVAL);
	/* heading levels, run flags */
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	assert_int_equal(docx_heading(d, 4, "x", &e), ERR_INVAL);
	docx_free(d);
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	assert_int_equal(docx_para(d, 0, &(struct docx_run){ "x", 0x80 }, 1,
	    &e), ERR_INVAL);
	docx_free(d);
	docx_free(NULL);
}

static void
t_limits(void **state)
{
	struct docx_col cols[DOCX_MAX_COLS + 1];
	struct docx_table t = { cols, DOCX_MAX_COLS + 1 };
	struct docx_head h = head();
	struct docx *d;
	struct err e;
	char *big, *data;
	size_t len;
	int rc = 0;

	(void)state;
	memset(cols, 0, sizeof(cols));
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	assert_int_equal(docx_table_begin(d, &t, &e), ERR_TOOBIG);
	docx_free(d);
	/* DOCX_MAX_COLS is fine */
	t.ncols = DOCX_MAX_COLS;
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	assert_int_equal(docx_table_begin(d, &t, &e), 0);
	assert_int_equal(docx_table_end(d, &e), 0);
	assert_int_equal(docx_finish(d, &data, &len, &e), 0);
	free(data);
	/* a text over DOCX_MAX_TEXT */
	big = malloc(DOCX_MAX_TEXT + 2);
	memset(big, 'a', DOCX_MAX_TEXT + 1);
	big[DOCX_MAX_TEXT + 1] = '\0';
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	assert_int_equal(docx_text(d, big, &e), ERR_TOOBIG);
	docx_free(d);
	big[DOCX_MAX_TEXT] = '\0';
	assert_int_equal(docx_new(&d, &h, NULL, 0, &e), 0);
	assert_int_equal(docx_text(d, big, &e), 0);
	docx_free(d);
	/* document.xml over the caller's max */
	assert_int_equal(docx_new(&d, &h, NULL, 64 * 1024, &e), 0);
	for (int i = 0; i < 100 && rc == 0; i++)
		rc = docx_text(d, big + DOCX_MAX_TEXT - 2000, &e);
	assert_int_equal(rc, ERR_TOOBIG);
	assert_int_equal(e.code, ERR_TOOBIG);
	assert_int_equal(docx_finish(d, &data, &len, &e), ERR_TOOBIG);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_package),
		cmocka_unit_test(t_page),
		cmocka_unit_test(t_styles),
		cmocka_unit_test(t_state_header),
		cmocka_unit_test(t_party_header),
		cmocka_unit_test(t_body),
		cmocka_unit_test(t_deterministic),
		cmocka_unit_test(t_forms),
		cmocka_unit_test(t_bad_head),
		cmocka_unit_test(t_order_and_sticky),
		cmocka_unit_test(t_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
