/*
 * report_render.c - a report's content (report.c) as DOCX in the official
 * layout (core/docx.h), as an XLSX annex of its tables (core/xlsxwrite.h)
 * and as HTML (libxml2's writer, so every text is escaped by the library).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "core/calendar.h"
#include "core/docx.h"
#include "core/err.h"
#include "core/vnfmt.h"
#include "core/xlsxwrite.h"
#include "domain/record.h"
#include "domain/report_int.h"

#define XLSX_MAX	(64u * 1024 * 1024)
#define CELL_LEN	64

/* A table cell as text: numbers in the row's form, null as "…". */
static void
cell_text(json_t *row, json_t *cell, char *out, size_t n)
{
	int dec = (int)json_integer_value(json_object_get(row, "decimals"));
	bool pct = json_is_true(json_object_get(row, "percent"));

	if (json_is_string(cell))
		snprintf(out, n, "%s", json_string_value(cell));
	else if (json_is_number(cell))
		report_figure(json_number_value(cell), dec, pct ? "%" : NULL,
		    out, n);
	else if (json_is_null(cell) && json_object_get(row, "decimals") != NULL)
		snprintf(out, n, "…");
	else
		out[0] = '\0';
}

static bool
ymd(const char *day, int *y, int *m, int *d)
{
	cal_day c;

	if (day == NULL || cal_parse(day, &c) != 0)
		return false;
	cal_to_ymd(c, y, m, d);
	return true;
}

static enum docx_authority
authority(const char *s)
{
	if (s == NULL)
		return DOCX_SIGN_DIRECT;
	if (strcmp(s, "TM") == 0)
		return DOCX_SIGN_TM;
	if (strcmp(s, "KT") == 0)
		return DOCX_SIGN_KT;
	if (strcmp(s, "TL") == 0)
		return DOCX_SIGN_TL;
	if (strcmp(s, "TUQ") == 0)
		return DOCX_SIGN_TUQ;
	return DOCX_SIGN_DIRECT;
}

static const char *
nonempty(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : NULL;
}

static int
docx_tables(struct docx *d, json_t *t, struct err *e)
{
	json_t *cols = json_object_get(t, "columns"), *c, *row;
	struct docx_col dc[DOCX_MAX_COLS];
	struct docx_table tab;
	size_t i, n = json_array_size(cols);
	int rc = 0;

	if (n == 0 || n > DOCX_MAX_COLS)
		return err_set(e, ERR_INVAL, "invalid_state", NULL, "Bảng"
		    " không hợp lệ.");
	json_array_foreach(cols, i, c) {
		const char *al = rec_member(c, "align");

		dc[i].name = rec_member(c, "name");
		dc[i].width = (unsigned)json_integer_value(json_object_get(c,
		    "width"));
		dc[i].align = al != NULL && strcmp(al, "right") == 0 ?
		    DOCX_RIGHT : al != NULL && strcmp(al, "center") == 0 ?
		    DOCX_CENTER : DOCX_LEFT;
	}
	tab.cols = dc;
	tab.ncols = n;
	rc = docx_text(d, rec_member(t, "title"), e);
	if (rc == 0)
		rc = docx_table_begin(d, &tab, e);
	json_array_foreach(json_object_get(t, "rows"), i, row) {
		char buf[DOCX_MAX_COLS][CELL_LEN * 4];
		const char *cells[DOCX_MAX_COLS];
		json_t *cl = json_object_get(row, "cells"), *cell;
		size_t j, k = 0;

		json_array_foreach(cl, j, cell) {
			if (k == n)
				break;
			cell_text(row, cell, buf[k], sizeof(buf[k]));
			cells[k] = buf[k];
			k++;
		}
		if (rc == 0)
			rc = docx_table_row(d, cells, k, json_is_true(
			    json_object_get(row, "bold")) ? DOCX_ROW_BOLD : 0,
			    e);
	}
	if (rc == 0)
		rc = docx_table_end(d, e);
	return rc;
}

static int
render_docx(json_t *c, char **data, size_t *len, struct err *e)
{
	json_t *head = json_object_get(c, "head");
	json_t *closing = json_object_get(c, "closing");
	json_t *blocks = json_object_get(c, "blocks"), *b;
	const char *recip[64];
	struct docx_head h;
	struct docx_sign s;
	struct docx *d = NULL;
	size_t i, nr = 0;
	bool annex = false;
	int rc, y = 0, m = 0, dd = 0;
	const char *period = rec_member(json_object_get(c, "period"), "period");

	memset(&h, 0, sizeof(h));
	h.regime = strcmp(rec_member(head, "regime"), "party") == 0 ?
	    DOCX_PARTY : DOCX_STATE;
	h.parent = nonempty(rec_member(head, "parent"));
	h.issuer = rec_member(head, "issuer");
	h.number = (int)json_integer_value(json_object_get(head, "number"));
	h.type_abbr = rec_member(head, "type_abbr");
	h.issuer_abbr = rec_member(head, "issuer_abbr");
	h.place = rec_member(head, "place");
	if (!ymd(rec_member(head, "day"), &y, &m, &dd)) {
		/* a draft: the year of the period, day and month blank */
		y = period != NULL ? (int)strtol(period, NULL, 10) : 0;
		m = dd = 0;
	}
	h.year = y;
	h.month = m;
	h.day = dd;
	h.type_name = nonempty(rec_member(head, "type_name"));
	h.abstract = nonempty(rec_member(head, "abstract"));
	rc = docx_new(&d, &h, NULL, 0, e);
	if (rc != 0)
		return rc;
	json_array_foreach(blocks, i, b) {
		const char *k = rec_member(b, "kind");

		if (strcmp(k, "table") == 0) {
			if (json_is_true(json_object_get(b, "annex")))
				continue;
			rc = docx_tables(d, b, e);
		} else if (k[0] == 'h') {
			rc = docx_heading(d, k[1] - '0', rec_member(b, "text"),
			    e);
		} else {
			rc = docx_text(d, rec_member(b, "text"), e);
		}
		if (rc != 0)
			break;
	}
	json_array_foreach(json_object_get(closing, "recipients"), i, b)
		if (nr < sizeof(recip) / sizeof(recip[0]))
			recip[nr++] = json_string_value(b);
	memset(&s, 0, sizeof(s));
	s.authority = authority(rec_member(closing, "authority"));
	s.on_behalf = nonempty(rec_member(closing, "on_behalf"));
	s.position = nonempty(rec_member(closing, "position"));
	s.name = rec_member(closing, "name") != NULL ? rec_member(closing,
	    "name") : "";
	if (rc == 0)
		rc = docx_closing(d, recip, nr, s.position != NULL ? &s : NULL,
		    e);
	json_array_foreach(blocks, i, b) {
		if (rc != 0 || strcmp(rec_member(b, "kind"), "table") != 0 ||
		    !json_is_true(json_object_get(b, "annex")))
			continue;
		if (!annex)
			rc = docx_annex(d, true, "Phụ lục", e);
		annex = true;
		if (rc == 0)
			rc = docx_tables(d, b, e);
	}
	if (rc != 0) {
		docx_free(d);
		return rc;
	}
	return docx_finish(d, data, len, e);
}

/* ---- XLSX: one sheet per table, numbers as numbers ---- */

static int
render_xlsx(json_t *c, char **data, size_t *len, struct err *e)
{
	struct xlsxw *w = NULL;
	json_t *b;
	size_t i;
	int rc, nt = 0;
	const char *unit = rec_member(json_object_get(c, "unit"), "name");

	rc = xlsxw_new(&w, NULL, e);
	if (rc != 0)
		return rc;
	json_array_foreach(json_object_get(c, "blocks"), i, b) {
		struct xlsxw_col cols[DOCX_MAX_COLS];
		const char *titles[2];
		struct xlsxw_sheet sh;
		char name[32];
		json_t *col, *row;
		size_t j, n = 0;

		if (rc != 0 || strcmp(rec_member(b, "kind"), "table") != 0)
			continue;
		json_array_foreach(json_object_get(b, "columns"), j, col) {
			if (n == DOCX_MAX_COLS)
				break;
			cols[n].name = rec_member(col, "name");
			cols[n].width = 6.0 * (double)json_integer_value(
			    json_object_get(col, "width"));
			n++;
		}
		snprintf(name, sizeof(name), "Biểu %02d", ++nt);
		titles[0] = rec_member(b, "title");
		titles[1] = unit;
		memset(&sh, 0, sizeof(sh));
		sh.name = name;
		sh.titles = titles;
		sh.ntitles = 2;
		sh.cols = cols;
		sh.ncols = n;
		rc = xlsxw_add_sheet(w, &sh, e);
		json_array_foreach(json_object_get(b, "rows"), j, row) {
			json_t *cell;
			size_t k;

			if (rc == 0)
				rc = xlsxw_row(w, e);
			json_array_foreach(json_object_get(row, "cells"), k,
			    cell) {
				if (rc != 0 || k >= n)
					break;
				if (json_is_number(cell))
					rc = xlsxw_num(w, json_number_value(
					    cell), e);
				else if (json_is_string(cell))
					rc = xlsxw_str(w, json_string_value(
					    cell), e);
				else
					rc = xlsxw_blank(w, e);
			}
		}
	}
	if (rc == 0 && nt == 0) {
		const char *titles[1] = { "Báo cáo không có bảng số liệu." };
		struct xlsxw_col col = { "", 40 };
		struct xlsxw_sheet sh = { "Biểu 01", titles, 1, &col, 1 };

		rc = xlsxw_add_sheet(w, &sh, e);
	}
	if (rc != 0) {
		xlsxw_free(w);
		return rc;
	}
	return xlsxw_finish_bytes(w, XLSX_MAX, data, len, e);
}

/* ---- HTML ---- */

#define W(call)	do { if ((call) < 0) bad = true; } while (0)

static void
html_el(xmlTextWriterPtr x, const char *el, const char *cls,
    const char *text, bool *badp)
{
	bool bad = false;

	W(xmlTextWriterStartElement(x, BAD_CAST el));
	if (cls != NULL)
		W(xmlTextWriterWriteAttribute(x, BAD_CAST "class",
		    BAD_CAST cls));
	W(xmlTextWriterWriteString(x, BAD_CAST(text != NULL ? text : "")));
	W(xmlTextWriterEndElement(x));
	if (bad)
		*badp = true;
}

static void
html_table(xmlTextWriterPtr x, json_t *t, bool *badp)
{
	json_t *col, *row, *cell;
	size_t i, j;
	bool bad = false;
	char buf[CELL_LEN * 4];

	html_el(x, "p", "table-title", rec_member(t, "title"), badp);
	W(xmlTextWriterStartElement(x, BAD_CAST "table"));
	W(xmlTextWriterStartElement(x, BAD_CAST "thead"));
	W(xmlTextWriterStartElement(x, BAD_CAST "tr"));
	json_array_foreach(json_object_get(t, "columns"), i, col)
		html_el(x, "th", NULL, rec_member(col, "name"), badp);
	W(xmlTextWriterEndElement(x));
	W(xmlTextWriterEndElement(x));
	W(xmlTextWriterStartElement(x, BAD_CAST "tbody"));
	json_array_foreach(json_object_get(t, "rows"), i, row) {
		W(xmlTextWriterStartElement(x, BAD_CAST "tr"));
		if (json_is_true(json_object_get(row, "bold")))
			W(xmlTextWriterWriteAttribute(x, BAD_CAST "class",
			    BAD_CAST "group"));
		json_array_foreach(json_object_get(row, "cells"), j, cell) {
			cell_text(row, cell, buf, sizeof(buf));
			html_el(x, "td", json_is_number(cell) ||
			    json_is_null(cell) ? "num" : NULL, buf, badp);
		}
		W(xmlTextWriterEndElement(x));
	}
	W(xmlTextWriterEndElement(x));
	W(xmlTextWriterEndElement(x));
	if (bad)
		*badp = true;
}

static const char css[] =
    "body{font-family:'Times New Roman',serif;font-size:14pt;max-width:"
    "210mm;margin:auto;padding:20mm 15mm 20mm 30mm;line-height:1.4}"
    ".head{display:flex;justify-content:space-between;text-align:center;"
    "gap:2em}.caps{text-transform:uppercase}.b{font-weight:bold}"
    ".date{font-style:italic;text-align:right}h1,h2,h3{font-size:14pt}"
    "h1{text-transform:uppercase}.type{text-align:center;font-weight:bold;"
    "text-transform:uppercase;margin-top:1em}.abstract{text-align:center;"
    "font-weight:bold}p.body{text-indent:1.27cm;text-align:justify}"
    "table{border-collapse:collapse;width:100%;font-size:12pt}td,th{border:"
    "1px solid #000;padding:2px 4px}td.num{text-align:right}tr.group td{"
    "font-weight:bold}.table-title{font-weight:bold;text-align:center}"
    ".closing{display:flex;justify-content:space-between;margin-top:2em}"
    ".warn{color:#a00;font-family:sans-serif;font-size:11pt}";

static int
render_html(json_t *c, char **data, size_t *len, struct err *e)
{
	json_t *head = json_object_get(c, "head"), *b, *r;
	json_t *closing = json_object_get(c, "closing");
	bool party = strcmp(rec_member(head, "regime"), "party") == 0;
	xmlBufferPtr xb = xmlBufferCreate();
	xmlTextWriterPtr x = xb != NULL ? xmlNewTextWriterMemory(xb, 0) : NULL;
	char num[96], date[128];
	bool bad = x == NULL;
	size_t i;
	int y, m, d;
	long long n = json_integer_value(json_object_get(head, "number"));

	if (x == NULL) {
		if (xb != NULL)
			xmlBufferFree(xb);
		return err_set(e, ERR_NOMEM, "internal", NULL,
		    "out of memory");
	}
	if (n > 0)
		snprintf(num, sizeof(num), party ? "Số %02lld-%s/%s" :
		    "Số: %02lld/%s-%s", n, rec_member(head, "type_abbr"),
		    rec_member(head, "issuer_abbr"));
	else
		snprintf(num, sizeof(num), party ? "Số      -%s/%s" :
		    "Số:      /%s-%s", rec_member(head, "type_abbr"),
		    rec_member(head, "issuer_abbr"));
	if (ymd(rec_member(head, "day"), &y, &m, &d)) {
		if (vn_format_date_long(date, sizeof(date), rec_member(head,
		    "place"), y, m, d) != 0)
			date[0] = '\0';
	} else {
		snprintf(date, sizeof(date), "%s, ngày    tháng    năm %s",
		    rec_member(head, "place"), rec_member(json_object_get(c,
		    "period"), "period") != NULL ? "…" : "");
	}
	W(xmlTextWriterStartDocument(x, NULL, "UTF-8", NULL));
	W(xmlTextWriterWriteDTD(x, BAD_CAST "html", NULL, NULL, NULL));
	W(xmlTextWriterStartElement(x, BAD_CAST "html"));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "lang", BAD_CAST "vi"));
	W(xmlTextWriterStartElement(x, BAD_CAST "head"));
	W(xmlTextWriterStartElement(x, BAD_CAST "meta"));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "charset", BAD_CAST "utf-8"));
	W(xmlTextWriterEndElement(x));
	html_el(x, "title", NULL, rec_member(head, "abstract"), &bad);
	html_el(x, "style", NULL, css, &bad);
	W(xmlTextWriterEndElement(x));
	W(xmlTextWriterStartElement(x, BAD_CAST "body"));
	W(xmlTextWriterStartElement(x, BAD_CAST "div"));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "class", BAD_CAST "head"));
	W(xmlTextWriterStartElement(x, BAD_CAST "div"));
	html_el(x, "div", "caps", rec_member(head, "parent"), &bad);
	html_el(x, "div", "caps b", rec_member(head, "issuer"), &bad);
	if (party)
		html_el(x, "div", NULL, "*", &bad);
	html_el(x, "div", NULL, num, &bad);
	W(xmlTextWriterEndElement(x));
	W(xmlTextWriterStartElement(x, BAD_CAST "div"));
	if (party) {
		html_el(x, "div", "b", "ĐẢNG CỘNG SẢN VIỆT NAM", &bad);
	} else {
		html_el(x, "div", "b", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		    &bad);
		html_el(x, "div", "b", "Độc lập - Tự do - Hạnh phúc", &bad);
	}
	html_el(x, "div", "date", date, &bad);
	W(xmlTextWriterEndElement(x));
	W(xmlTextWriterEndElement(x));
	html_el(x, "div", "type", rec_member(head, "type_name"), &bad);
	html_el(x, "div", "abstract", rec_member(head, "abstract"), &bad);
	json_array_foreach(json_object_get(c, "warnings"), i, b)
		html_el(x, "p", "warn", json_string_value(b), &bad);
	json_array_foreach(json_object_get(c, "blocks"), i, b) {
		const char *k = rec_member(b, "kind");

		if (strcmp(k, "table") == 0)
			html_table(x, b, &bad);
		else if (k[0] == 'h')
			html_el(x, k, NULL, rec_member(b, "text"), &bad);
		else
			html_el(x, "p", "body", rec_member(b, "text"), &bad);
	}
	W(xmlTextWriterStartElement(x, BAD_CAST "div"));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "class", BAD_CAST "closing"));
	W(xmlTextWriterStartElement(x, BAD_CAST "div"));
	html_el(x, "div", "b", "Nơi nhận:", &bad);
	json_array_foreach(json_object_get(closing, "recipients"), i, r)
		html_el(x, "div", NULL, json_string_value(r), &bad);
	W(xmlTextWriterEndElement(x));
	W(xmlTextWriterStartElement(x, BAD_CAST "div"));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "style",
	    BAD_CAST "text-align:center"));
	{
		char line[400];
		const char *au = rec_member(closing, "authority");

		snprintf(line, sizeof(line), "%s%s%s", au != NULL &&
		    au[0] != '\0' ? (party ? (strcmp(au, "TM") == 0 ? "T/M" :
		    strcmp(au, "KT") == 0 ? "K/T" : strcmp(au, "TL") == 0 ?
		    "T/L" : "T/U") : au) : "", au != NULL && au[0] != '\0' ?
		    (party ? " " : ". ") : "", au != NULL && au[0] != '\0' ?
		    rec_member(closing, "on_behalf") : "");
		html_el(x, "div", "caps b", line, &bad);
	}
	html_el(x, "div", "caps b", rec_member(closing, "position"), &bad);
	html_el(x, "div", "b", rec_member(closing, "name"), &bad);
	W(xmlTextWriterEndElement(x));
	W(xmlTextWriterEndElement(x));
	W(xmlTextWriterEndDocument(x));
	xmlFreeTextWriter(x);
	if (bad) {
		xmlBufferFree(xb);
		return err_set(e, ERR_INVAL, "invalid_state", NULL, "Không tạo"
		    " được HTML của báo cáo.");
	}
	*len = (size_t)xmlBufferLength(xb);
	*data = malloc(*len + 1);
	if (*data == NULL) {
		xmlBufferFree(xb);
		return err_set(e, ERR_NOMEM, "internal", NULL,
		    "out of memory");
	}
	memcpy(*data, xmlBufferContent(xb), *len);
	(*data)[*len] = '\0';
	xmlBufferFree(xb);
	return 0;
}

int
report_render(json_t *content, enum report_format f, char **data,
    size_t *len, struct err *e)
{
	*data = NULL;
	*len = 0;
	if (!json_is_object(json_object_get(content, "head")))
		return err_set(e, ERR_INVAL, "invalid_state", NULL, "Báo cáo"
		    " không hợp lệ.");
	switch (f) {
	case REPORT_DOCX:
		return render_docx(content, data, len, e);
	case REPORT_XLSX:
		return render_xlsx(content, data, len, e);
	case REPORT_HTML:
	default:
		return render_html(content, data, len, e);
	}
}

void
report_file_name(json_t *content, enum report_format f, char *out, size_t n)
{
	static const char *const ext[] = { "docx", "xlsx", "html" };

	snprintf(out, n, "bao-cao-%s-%s-%s.%s", rec_member(content,
	    "template"), rec_member(json_object_get(content, "unit"), "code"),
	    rec_member(json_object_get(content, "period"), "period"),
	    ext[f]);
	for (char *p = out; *p != '\0'; p++)
		if (*p == '.' && strchr(p + 1, '.') != NULL)
			*p = '-';
}
