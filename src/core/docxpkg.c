/*
 * docxpkg.c - the parts of a .docx besides word/document.xml, and the
 * zip around them all.
 */
#include "core/docxpkg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zip.h>

#include "core/calendar.h"
#include "core/docx.h"
#include "core/err.h"
#include "core/wml.h"
#include "core/xalloc.h"

#define NS_PR	"http://schemas.openxmlformats.org/package/2006/relationships"
#define RT	"http://schemas.openxmlformats.org/officeDocument/2006/" \
		"relationships/"
#define CT_WML	"application/vnd.openxmlformats-officedocument." \
		"wordprocessingml."

static void
part_styles(struct wml *x, const struct docx_layout *L)
{
	static const char *const names[] = { "heading 1", "heading 2",
	    "heading 3" };
	static const char *const ids[] = { "Heading1", "Heading2",
	    "Heading3" };

	wml_start(x, "w:styles");
	wml_attr(x, "xmlns:w", WML_NS_W);
	wml_start(x, "w:docDefaults");
	wml_start(x, "w:rPrDefault");
	wml_start(x, "w:rPr");
	wml_start(x, "w:rFonts");
	wml_attr(x, "w:ascii", L->font);
	wml_attr(x, "w:hAnsi", L->font);
	wml_attr(x, "w:eastAsia", L->font);
	wml_attr(x, "w:cs", L->font);
	wml_end(x);
	wml_val_int(x, "w:sz", wml_hp(L->body_pt));
	wml_val_int(x, "w:szCs", wml_hp(L->body_pt));
	wml_start(x, "w:lang");
	wml_attr(x, "w:val", "vi-VN");
	wml_attr(x, "w:eastAsia", "vi-VN");
	wml_attr(x, "w:bidi", "ar-SA");
	wml_end(x);
	wml_end(x);
	wml_end(x);
	wml_start(x, "w:pPrDefault");
	wml_start(x, "w:pPr");
	wml_start(x, "w:spacing");
	wml_attr(x, "w:after", "0");
	wml_attr(x, "w:line", "240");
	wml_attr(x, "w:lineRule", "auto");
	wml_end(x);
	wml_end(x);
	wml_end(x);
	wml_end(x);

	wml_start(x, "w:style");
	wml_attr(x, "w:type", "paragraph");
	wml_attr(x, "w:default", "1");
	wml_attr(x, "w:styleId", "Normal");
	wml_val(x, "w:name", "Normal");
	wml_val(x, "w:qFormat", NULL);
	wml_end(x);

	wml_start(x, "w:style");
	wml_attr(x, "w:type", "character");
	wml_attr(x, "w:default", "1");
	wml_attr(x, "w:styleId", "DefaultParagraphFont");
	wml_val(x, "w:name", "Default Paragraph Font");
	wml_val_int(x, "w:uiPriority", 1);
	wml_val(x, "w:semiHidden", NULL);
	wml_val(x, "w:unhideWhenUsed", NULL);
	wml_end(x);

	wml_start(x, "w:style");
	wml_attr(x, "w:type", "table");
	wml_attr(x, "w:default", "1");
	wml_attr(x, "w:styleId", "TableNormal");
	wml_val(x, "w:name", "Normal Table");
	wml_val(x, "w:semiHidden", NULL);
	wml_val(x, "w:unhideWhenUsed", NULL);
	wml_start(x, "w:tblPr");
	wml_start(x, "w:tblInd");
	wml_attr(x, "w:w", "0");
	wml_attr(x, "w:type", "dxa");
	wml_end(x);
	wml_start(x, "w:tblCellMar");
	wml_start(x, "w:top");
	wml_attr(x, "w:w", "0");
	wml_attr(x, "w:type", "dxa");
	wml_end(x);
	wml_start(x, "w:left");
	wml_attr(x, "w:w", "108");
	wml_attr(x, "w:type", "dxa");
	wml_end(x);
	wml_start(x, "w:bottom");
	wml_attr(x, "w:w", "0");
	wml_attr(x, "w:type", "dxa");
	wml_end(x);
	wml_start(x, "w:right");
	wml_attr(x, "w:w", "108");
	wml_attr(x, "w:type", "dxa");
	wml_end(x);
	wml_end(x);
	wml_end(x);
	wml_end(x);

	wml_start(x, "w:style");
	wml_attr(x, "w:type", "table");
	wml_attr(x, "w:styleId", "TableGrid");
	wml_val(x, "w:name", "Table Grid");
	wml_val(x, "w:basedOn", "TableNormal");
	wml_end(x);

	/* body text, R-VB-09: justified, first-line indent, 6 pt after */
	wml_start(x, "w:style");
	wml_attr(x, "w:type", "paragraph");
	wml_attr(x, "w:styleId", "Body");
	wml_val(x, "w:name", "Body Text");
	wml_val(x, "w:basedOn", "Normal");
	wml_val(x, "w:qFormat", NULL);
	wml_start(x, "w:pPr");
	wml_start(x, "w:spacing");
	wml_attr_int(x, "w:after", wml_tw(L->para_after_pt));
	wml_attr_int(x, "w:line", lround(L->line_spacing * 240));
	wml_attr(x, "w:lineRule", "auto");
	wml_end(x);
	wml_start(x, "w:ind");
	wml_attr_int(x, "w:firstLine", wml_mm(L->first_indent));
	wml_end(x);
	wml_val(x, "w:jc", "both");
	wml_end(x);
	wml_end(x);

	/* table cells: no spacing, no indent, the table size */
	wml_start(x, "w:style");
	wml_attr(x, "w:type", "paragraph");
	wml_attr(x, "w:styleId", "TableText");
	wml_val(x, "w:name", "Table Text");
	wml_val(x, "w:basedOn", "Normal");
	wml_start(x, "w:rPr");
	wml_val_int(x, "w:sz", wml_hp(L->table_pt));
	wml_val_int(x, "w:szCs", wml_hp(L->table_pt));
	wml_end(x);
	wml_end(x);

	for (int i = 0; i < 3; i++) {
		wml_start(x, "w:style");
		wml_attr(x, "w:type", "paragraph");
		wml_attr(x, "w:styleId", ids[i]);
		wml_val(x, "w:name", names[i]);
		wml_val(x, "w:basedOn", "Body");
		wml_val(x, "w:next", "Body");
		wml_val(x, "w:qFormat", NULL);
		wml_start(x, "w:pPr");
		wml_val(x, "w:keepNext", NULL);
		wml_val_int(x, "w:outlineLvl", i);
		wml_end(x);
		wml_start(x, "w:rPr");
		wml_val(x, "w:b", NULL);
		wml_val(x, "w:bCs", NULL);
		if (i == 2) {
			wml_val(x, "w:i", NULL);
			wml_val(x, "w:iCs", NULL);
		}
		wml_end(x);
		wml_end(x);
	}

	wml_start(x, "w:style");
	wml_attr(x, "w:type", "paragraph");
	wml_attr(x, "w:styleId", "Header");
	wml_val(x, "w:name", "header");
	wml_val(x, "w:basedOn", "Normal");
	wml_start(x, "w:pPr");
	wml_val(x, "w:jc", "center");
	wml_end(x);
	wml_start(x, "w:rPr");
	wml_val_int(x, "w:sz", wml_hp(L->page_number_pt));
	wml_val_int(x, "w:szCs", wml_hp(L->page_number_pt));
	wml_end(x);
	wml_end(x);
	wml_end(x);
}

static void
part_settings(struct wml *x)
{
	wml_start(x, "w:settings");
	wml_attr(x, "xmlns:w", WML_NS_W);
	wml_start(x, "w:zoom");
	wml_attr(x, "w:percent", "100");
	wml_end(x);
	wml_val_int(x, "w:defaultTabStop", 720);
	wml_val(x, "w:characterSpacingControl", "doNotCompress");
	wml_start(x, "w:compat");
	wml_start(x, "w:compatSetting");
	wml_attr(x, "w:name", "compatibilityMode");
	wml_attr(x, "w:uri", "http://schemas.microsoft.com/office/word");
	wml_attr(x, "w:val", "15");
	wml_end(x);
	wml_end(x);
	wml_end(x);
}

/* The page number header (R-VB-04), or the empty first-page one. */
static void
part_header(struct wml *x, const struct docx_layout *L, bool number)
{
	struct wml_rfmt r = { 0, L->page_number_pt };

	wml_start(x, "w:hdr");
	wml_attr(x, "xmlns:w", WML_NS_W);
	wml_attr(x, "xmlns:r", WML_NS_R);
	wml_start(x, "w:p");
	wml_start(x, "w:pPr");
	wml_val(x, "w:pStyle", "Header");
	wml_val(x, "w:jc", "center");
	wml_end(x);
	if (number) {
		wml_start(x, "w:r");
		wml_rpr(x, &r);
		wml_start(x, "w:fldChar");
		wml_attr(x, "w:fldCharType", "begin");
		wml_end(x);
		wml_end(x);
		wml_start(x, "w:r");
		wml_rpr(x, &r);
		wml_start(x, "w:instrText");
		wml_attr(x, "xml:space", "preserve");
		wml_text(x, " PAGE ");
		wml_end(x);
		wml_end(x);
		wml_start(x, "w:r");
		wml_rpr(x, &r);
		wml_start(x, "w:fldChar");
		wml_attr(x, "w:fldCharType", "separate");
		wml_end(x);
		wml_end(x);
		wml_start(x, "w:r");
		wml_rpr(x, &r);
		wml_el_text(x, "w:t", "2");
		wml_end(x);
		wml_start(x, "w:r");
		wml_rpr(x, &r);
		wml_start(x, "w:fldChar");
		wml_attr(x, "w:fldCharType", "end");
		wml_end(x);
		wml_end(x);
	}
	wml_end(x);
	wml_end(x);
}

static void
ct(struct wml *x, const char *el, const char *key, const char *kv,
    const char *type)
{
	wml_start(x, el);
	wml_attr(x, key, kv);
	wml_attr(x, "ContentType", type);
	wml_end(x);
}

static void
part_content_types(struct wml *x)
{
	wml_start(x, "Types");
	wml_attr(x, "xmlns",
	    "http://schemas.openxmlformats.org/package/2006/content-types");
	ct(x, "Default", "Extension", "rels",
	    "application/vnd.openxmlformats-package.relationships+xml");
	ct(x, "Default", "Extension", "xml", "application/xml");
	ct(x, "Override", "PartName", "/word/document.xml",
	    CT_WML "document.main+xml");
	ct(x, "Override", "PartName", "/word/styles.xml",
	    CT_WML "styles+xml");
	ct(x, "Override", "PartName", "/word/settings.xml",
	    CT_WML "settings+xml");
	ct(x, "Override", "PartName", "/word/header1.xml",
	    CT_WML "header+xml");
	ct(x, "Override", "PartName", "/word/header2.xml",
	    CT_WML "header+xml");
	ct(x, "Override", "PartName", "/docProps/core.xml",
	    "application/vnd.openxmlformats-package.core-properties+xml");
	ct(x, "Override", "PartName", "/docProps/app.xml",
	    "application/vnd.openxmlformats-officedocument."
	    "extended-properties+xml");
	wml_end(x);
}

static void
rel(struct wml *x, const char *id, const char *type, const char *target)
{
	wml_start(x, "Relationship");
	wml_attr(x, "Id", id);
	wml_attr(x, "Type", type);
	wml_attr(x, "Target", target);
	wml_end(x);
}

static void
part_rels(struct wml *x)
{
	wml_start(x, "Relationships");
	wml_attr(x, "xmlns", NS_PR);
	rel(x, "rId1", RT "officeDocument", "word/document.xml");
	rel(x, "rId2", "http://schemas.openxmlformats.org/package/2006/"
	    "relationships/metadata/core-properties", "docProps/core.xml");
	rel(x, "rId3", RT "extended-properties", "docProps/app.xml");
	wml_end(x);
}

static void
part_doc_rels(struct wml *x)
{
	wml_start(x, "Relationships");
	wml_attr(x, "xmlns", NS_PR);
	rel(x, "rId1", RT "styles", "styles.xml");
	rel(x, "rId2", RT "settings", "settings.xml");
	rel(x, DOCXPKG_RID_HEADER, RT "header", "header1.xml");
	rel(x, DOCXPKG_RID_HEADER_FIRST, RT "header", "header2.xml");
	wml_end(x);
}

static void
part_core(struct wml *x, const struct docxpkg_info *d)
{
	char when[32];

	snprintf(when, sizeof(when), "%04d-%02d-%02dT00:00:00Z", d->y, d->m,
	    d->d);
	wml_start(x, "cp:coreProperties");
	wml_attr(x, "xmlns:cp", "http://schemas.openxmlformats.org/package/"
	    "2006/metadata/core-properties");
	wml_attr(x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	wml_attr(x, "xmlns:dcterms", "http://purl.org/dc/terms/");
	wml_attr(x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	wml_el_text(x, "dc:title", d->title);
	wml_el_text(x, "dc:creator", d->author);
	wml_el_text(x, "dc:language", "vi-VN");
	wml_start(x, "dcterms:created");
	wml_attr(x, "xsi:type", "dcterms:W3CDTF");
	wml_text(x, when);
	wml_end(x);
	wml_start(x, "dcterms:modified");
	wml_attr(x, "xsi:type", "dcterms:W3CDTF");
	wml_text(x, when);
	wml_end(x);
	wml_end(x);
}

static void
part_app(struct wml *x)
{
	wml_start(x, "Properties");
	wml_attr(x, "xmlns", "http://schemas.openxmlformats.org/officeDocument/"
	    "2006/extended-properties");
	wml_el_text(x, "Application", "danvan");
	wml_end(x);
}

/* ---- the package ---- */

#define NPARTS	10

struct part {
	const char	*name;
	struct wml	 x;
};

static int
zip_fail(struct err *e, const char *what)
{
	return err_set(e, ERR_INTERNAL, "internal", NULL,
	    "Không tạo được tệp DOCX: %s", what);
}

/* Zip the parts into *data (their bytes are read until zip_close). */
static int
zip_parts(const struct docxpkg_info *info, struct part *parts, size_t n,
    char **data, size_t *len, struct err *e)
{
	zip_source_t *src, *zs;
	zip_error_t ze;
	zip_stat_t st;
	zip_t *za;
	cal_day day = 0;
	time_t mtime;
	char *p;

	cal_from_ymd(info->y, info->m, info->d, &day);
	mtime = (time_t)day * 86400 + 12 * 3600;
	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (src == NULL) {
		zip_error_fini(&ze);
		return zip_fail(e, "libzip");
	}
	zip_source_keep(src);		/* we read it after zip_close */
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	zip_error_fini(&ze);
	if (za == NULL) {
		zip_source_free(src);
		zip_source_free(src);
		return zip_fail(e, "libzip");
	}
	for (size_t i = 0; i < n; i++) {
		zip_int64_t idx;

		zs = zip_source_buffer(za, xmlBufferContent(parts[i].x.buf),
		    (zip_uint64_t)xmlBufferLength(parts[i].x.buf), 0);
		idx = zs != NULL ? zip_file_add(za, parts[i].name, zs,
		    ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0) {
			zip_source_free(zs);
			zip_discard(za);
			zip_source_free(src);
			return zip_fail(e, parts[i].name);
		}
		zip_file_set_mtime(za, (zip_uint64_t)idx, mtime, 0);
		/* libzip deflates at level 9 by default; 6 takes a third
		 * less time on big tables for about 10 % more bytes */
		zip_set_file_compression(za, (zip_uint64_t)idx,
		    ZIP_CM_DEFLATE, 6);
	}
	if (zip_close(za) != 0) {
		zip_discard(za);
		zip_source_free(src);
		return zip_fail(e, "zip_close");
	}
	if (zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0) {
		zip_source_free(src);
		return zip_fail(e, "libzip: đọc gói");
	}
	p = xmalloc((size_t)st.size + 1);
	if (zip_source_read(src, p, st.size) != (zip_int64_t)st.size) {
		free(p);
		zip_source_close(src);
		zip_source_free(src);
		return zip_fail(e, "libzip: đọc gói");
	}
	zip_source_close(src);
	zip_source_free(src);
	p[st.size] = '\0';
	*data = p;
	*len = (size_t)st.size;
	return 0;
}

int
docxpkg_build(struct wml *document, const struct docxpkg_info *info,
    char **data, size_t *len, struct err *e)
{
	struct part parts[NPARTS] = {
		{ "[Content_Types].xml", { 0 } },
		{ "_rels/.rels", { 0 } },
		{ "word/document.xml", { 0 } },
		{ "word/_rels/document.xml.rels", { 0 } },
		{ "word/styles.xml", { 0 } },
		{ "word/settings.xml", { 0 } },
		{ "word/header1.xml", { 0 } },
		{ "word/header2.xml", { 0 } },
		{ "docProps/core.xml", { 0 } },
		{ "docProps/app.xml", { 0 } },
	};
	int rc = 0;

	*data = NULL;
	*len = 0;
	parts[2].x = *document;
	memset(document, 0, sizeof(*document));
	for (size_t i = 0; i < NPARTS && rc == 0; i++) {
		struct wml *x = &parts[i].x;

		if (i == 2)
			continue;
		wml_open(x);
		switch (i) {
		case 0: part_content_types(x); break;
		case 1: part_rels(x); break;
		case 3: part_doc_rels(x); break;
		case 4: part_styles(x, info->layout); break;
		case 5: part_settings(x); break;
		case 6: part_header(x, info->layout, true); break;
		case 7: part_header(x, info->layout, false); break;
		case 8: part_core(x, info); break;
		case 9: part_app(x); break;
		}
		wml_close(x);
		if (x->bad)
			rc = zip_fail(e, parts[i].name);
	}
	if (rc == 0)
		rc = zip_parts(info, parts, NPARTS, data, len, e);
	for (size_t i = 0; i < NPARTS; i++)
		wml_free(&parts[i].x);
	return rc;
}
