/*
 * wml.c - WordprocessingML building blocks: libxml2's xmlTextWriter into
 * an xmlBuffer, one part at a time.
 */
#include "core/wml.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* ---- units ---- */

long
wml_mm(double mm)
{
	return lround(mm * 1440.0 / 25.4);
}

long
wml_hp(double pt)
{
	return lround(pt * 2.0);
}

long
wml_tw(double pt)
{
	return lround(pt * 20.0);
}

/* ---- the XML writer ---- */

void
wml_open(struct wml *x)
{
	x->bad = false;
	x->buf = xmlBufferCreate();
	if (x->buf == NULL) {
		x->w = NULL;
		x->bad = true;
		return;
	}
	xmlBufferSetAllocationScheme(x->buf, XML_BUFFER_ALLOC_DOUBLEIT);
	x->w = xmlNewTextWriterMemory(x->buf, 0);
	if (x->w == NULL ||
	    xmlTextWriterStartDocument(x->w, NULL, "UTF-8", "yes") < 0)
		x->bad = true;
}

/* Close the writer; the bytes stay in x->buf. */
void
wml_close(struct wml *x)
{
	if (x->w != NULL) {
		if (xmlTextWriterEndDocument(x->w) < 0)
			x->bad = true;
		xmlFreeTextWriter(x->w);
		x->w = NULL;
	}
}

size_t
wml_size(struct wml *x)
{
	if (x->w != NULL && !x->bad && xmlTextWriterFlush(x->w) < 0)
		x->bad = true;
	return x->buf != NULL ? (size_t)xmlBufferLength(x->buf) : 0;
}

void
wml_free(struct wml *x)
{
	if (x->w != NULL)
		xmlFreeTextWriter(x->w);
	if (x->buf != NULL)
		xmlBufferFree(x->buf);
	x->w = NULL;
	x->buf = NULL;
}

void
wml_start(struct wml *x, const char *name)
{
	if (!x->bad && xmlTextWriterStartElement(x->w, BAD_CAST name) < 0)
		x->bad = true;
}

void
wml_end(struct wml *x)
{
	if (!x->bad && xmlTextWriterEndElement(x->w) < 0)
		x->bad = true;
}

void
wml_attr(struct wml *x, const char *name, const char *val)
{
	if (!x->bad && xmlTextWriterWriteAttribute(x->w, BAD_CAST name,
	    BAD_CAST val) < 0)
		x->bad = true;
}

void
wml_attr_int(struct wml *x, const char *name, long v)
{
	char s[24];

	snprintf(s, sizeof(s), "%ld", v);
	wml_attr(x, name, s);
}

void
wml_text(struct wml *x, const char *s)
{
	if (!x->bad && xmlTextWriterWriteString(x->w, BAD_CAST s) < 0)
		x->bad = true;
}

/* <name/> or <name w:val="val"/>. */
void
wml_val(struct wml *x, const char *name, const char *val)
{
	wml_start(x, name);
	if (val != NULL)
		wml_attr(x, "w:val", val);
	wml_end(x);
}

void
wml_val_int(struct wml *x, const char *name, long v)
{
	wml_start(x, name);
	wml_attr_int(x, "w:val", v);
	wml_end(x);
}

/* A simple text element: <name>text</name>. */
void
wml_el_text(struct wml *x, const char *name, const char *text)
{
	wml_start(x, name);
	wml_text(x, text);
	wml_end(x);
}

/* ---- runs and paragraphs ---- */

void
wml_rpr(struct wml *x, const struct wml_rfmt *f)
{
	if (f->flags == 0 && f->pt == 0)
		return;
	wml_start(x, "w:rPr");
	if (f->flags & WML_BOLD) {
		wml_val(x, "w:b", NULL);
		wml_val(x, "w:bCs", NULL);
	}
	if (f->flags & WML_ITALIC) {
		wml_val(x, "w:i", NULL);
		wml_val(x, "w:iCs", NULL);
	}
	if (f->pt > 0) {
		wml_val_int(x, "w:sz", wml_hp(f->pt));
		wml_val_int(x, "w:szCs", wml_hp(f->pt));
	}
	if (f->flags & WML_UNDERLINE)
		wml_val(x, "w:u", "single");
	wml_end(x);
}

/* One <w:t> for s[0..n), spaces kept. */
static void
wt(struct wml *x, const char *s, size_t n)
{
	char *c = xstrndup(s, n);

	wml_start(x, "w:t");
	wml_attr(x, "xml:space", "preserve");
	wml_text(x, c);
	wml_end(x);
	free(c);
}

/* A run; "\n" becomes <w:br/>, "\t" <w:tab/>, "\r" is dropped. */
void
wml_run(struct wml *x, const struct wml_rfmt *f, const char *s)
{
	const char *p = s;

	wml_start(x, "w:r");
	wml_rpr(x, f);
	while (*p != '\0') {
		size_t n = strcspn(p, "\n\t\r");

		if (n > 0)
			wt(x, p, n);
		p += n;
		if (*p == '\n')
			wml_val(x, "w:br", NULL);
		else if (*p == '\t')
			wml_val(x, "w:tab", NULL);
		if (*p != '\0')
			p++;
	}
	wml_end(x);
}



/* A paragraph that takes spacing and indent from its style. */
struct wml_pfmt
wml_p_style(const char *style)
{
	struct wml_pfmt f = { 0 };

	f.style = style;
	f.before = -1;
	f.after = -1;
	f.ind_first = -1;
	return f;
}

/* Open <w:p> with its properties; the caller adds runs and closes it. */
void
wml_p_open(struct wml *x, const struct wml_pfmt *f)
{
	static const char *const jcs[] = { NULL, "left", "center", "right",
	    "both" };

	wml_start(x, "w:p");
	wml_start(x, "w:pPr");
	if (f->style != NULL)
		wml_val(x, "w:pStyle", f->style);
	if (f->keep_next)
		wml_val(x, "w:keepNext", NULL);
	if (f->border) {
		wml_start(x, "w:pBdr");
		wml_start(x, "w:bottom");
		wml_attr(x, "w:val", "single");
		wml_attr(x, "w:sz", "6");
		wml_attr(x, "w:space", "1");
		wml_attr(x, "w:color", "000000");
		wml_end(x);
		wml_end(x);
	}
	if (f->before >= 0 || f->after >= 0) {
		wml_start(x, "w:spacing");
		if (f->before >= 0)
			wml_attr_int(x, "w:before", f->before);
		if (f->after >= 0)
			wml_attr_int(x, "w:after", f->after);
		wml_end(x);
	}
	if (f->ind_left != 0 || f->ind_right != 0 || f->ind_first >= 0) {
		wml_start(x, "w:ind");
		if (f->ind_left != 0)
			wml_attr_int(x, "w:left", f->ind_left);
		if (f->ind_right != 0)
			wml_attr_int(x, "w:right", f->ind_right);
		if (f->ind_first >= 0)
			wml_attr_int(x, "w:firstLine", f->ind_first);
		wml_end(x);
	}
	if (f->jc != WML_JC_INHERIT)
		wml_val(x, "w:jc", jcs[f->jc]);
	wml_rpr(x, &f->mark);
	wml_end(x);
}

/* A paragraph of one run. */
void
wml_p_line(struct wml *x, const struct wml_pfmt *pf, unsigned flags, double pt,
    const char *text)
{
	struct wml_pfmt f = *pf;
	struct wml_rfmt r = { flags, pt };

	f.mark = r;
	wml_p_open(x, &f);
	if (text != NULL && *text != '\0')
		wml_run(x, &r, text);
	wml_end(x);
}

/* Centred, no spacing, no indent: the header blocks and table cells. */
struct wml_pfmt
wml_p_tight(enum wml_jc jc)
{
	struct wml_pfmt f = { 0 };

	f.jc = jc;		/* before, after, indents 0 */
	return f;
}

/* ---- tables ---- */

/* <w:tbl><w:tblPr/><w:tblGrid/>: borderless unless grid. */
void
wml_tbl_open(struct wml *x, const long *w, size_t n, bool grid)
{
	static const char *const sides[] = { "w:top", "w:left", "w:bottom",
	    "w:right", "w:insideH", "w:insideV" };
	long total = 0;

	for (size_t i = 0; i < n; i++)
		total += w[i];
	wml_start(x, "w:tbl");
	wml_start(x, "w:tblPr");
	if (grid)
		wml_val(x, "w:tblStyle", "TableGrid");
	wml_start(x, "w:tblW");
	wml_attr_int(x, "w:w", total);
	wml_attr(x, "w:type", "dxa");
	wml_end(x);
	if (grid)
		wml_val(x, "w:jc", "center");
	wml_start(x, "w:tblBorders");
	for (size_t i = 0; i < sizeof(sides) / sizeof(sides[0]); i++) {
		wml_start(x, sides[i]);
		if (grid) {
			wml_attr(x, "w:val", "single");
			wml_attr(x, "w:sz", "4");
			wml_attr(x, "w:space", "0");
			wml_attr(x, "w:color", "000000");
		} else {
			wml_attr(x, "w:val", "nil");
		}
		wml_end(x);
	}
	wml_end(x);
	wml_start(x, "w:tblLayout");
	wml_attr(x, "w:type", "fixed");
	wml_end(x);
	wml_start(x, "w:tblLook");
	wml_attr(x, "w:val", "0000");
	wml_attr(x, "w:firstRow", "0");
	wml_attr(x, "w:lastRow", "0");
	wml_attr(x, "w:firstColumn", "0");
	wml_attr(x, "w:lastColumn", "0");
	wml_attr(x, "w:noHBand", "1");
	wml_attr(x, "w:noVBand", "1");
	wml_end(x);
	wml_end(x);
	wml_start(x, "w:tblGrid");
	for (size_t i = 0; i < n; i++) {
		wml_start(x, "w:gridCol");
		wml_attr_int(x, "w:w", w[i]);
		wml_end(x);
	}
	wml_end(x);
}

void
wml_tr_open(struct wml *x, bool header, bool cant_split)
{
	wml_start(x, "w:tr");
	if (header || cant_split) {
		wml_start(x, "w:trPr");
		if (cant_split)
			wml_val(x, "w:cantSplit", NULL);
		if (header)
			wml_val(x, "w:tblHeader", NULL);
		wml_end(x);
	}
}

void
wml_tc_open(struct wml *x, long w, bool vcenter)
{
	wml_start(x, "w:tc");
	wml_start(x, "w:tcPr");
	wml_start(x, "w:tcW");
	wml_attr_int(x, "w:w", w);
	wml_attr(x, "w:type", "dxa");
	wml_end(x);
	if (vcenter)
		wml_val(x, "w:vAlign", "center");
	wml_end(x);
}
