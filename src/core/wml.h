/*
 * wml.h - WordprocessingML building blocks over libxml2's xmlTextWriter,
 * for docx.c: one XML part in memory, elements and attributes (all text
 * escaped by libxml2), runs, paragraphs and tables with their
 * properties, and the units Word counts in.
 *
 * Properties are written in the order of the ECMA-376 schema sequences
 * (pPr, rPr, tblPr, tcPr): Word refuses a file whose properties come in
 * another order, LibreOffice does not, so no render test would notice.
 *
 * A failing libxml2 call sets wml.bad and turns later calls into no-ops;
 * the caller checks bad once.  Text must already be valid UTF-8.
 */
#ifndef CORE_WML_H
#define CORE_WML_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/xmlwriter.h>

#define WML_NS_W	"http://schemas.openxmlformats.org/wordprocessingml/" \
			"2006/main"
#define WML_NS_R	"http://schemas.openxmlformats.org/officeDocument/" \
			"2006/relationships"

struct wml {
	xmlBufferPtr		buf;	/* the part's bytes */
	xmlTextWriterPtr	w;	/* NULL once closed */
	bool			bad;	/* a libxml2 call failed */
};

/* Start a part (XML declaration, UTF-8, standalone). */
void	wml_open(struct wml *x);
/* End the document and drop the writer; the bytes stay in x->buf. */
void	wml_close(struct wml *x);
/* Bytes written so far (flushed). */
size_t	wml_size(struct wml *x);
/* Release the writer and the buffer.  A zeroed struct is fine. */
void	wml_free(struct wml *x);

void	wml_start(struct wml *x, const char *name);
void	wml_end(struct wml *x);
void	wml_attr(struct wml *x, const char *name, const char *val);
void	wml_attr_int(struct wml *x, const char *name, long v);
void	wml_text(struct wml *x, const char *s);
/* <name/> or <name w:val="val"/>. */
void	wml_val(struct wml *x, const char *name, const char *val);
void	wml_val_int(struct wml *x, const char *name, long v);
/* <name>text</name>. */
void	wml_el_text(struct wml *x, const char *name, const char *text);

/* Units: millimetres and points to twips, points to half-points. */
long	wml_mm(double mm);
long	wml_tw(double pt);
long	wml_hp(double pt);

#define WML_BOLD	0x01u
#define WML_ITALIC	0x02u
#define WML_UNDERLINE	0x04u

struct wml_rfmt {
	unsigned	flags;		/* WML_BOLD ... */
	double		pt;		/* 0: the style's size */
};

/* <w:rPr> (nothing when f asks for nothing). */
void	wml_rpr(struct wml *x, const struct wml_rfmt *f);
/* A run; "\n" becomes <w:br/>, "\t" <w:tab/>, "\r" is dropped. */
void	wml_run(struct wml *x, const struct wml_rfmt *f, const char *s);

enum wml_jc { WML_JC_INHERIT, WML_JC_LEFT, WML_JC_CENTER, WML_JC_RIGHT,
	WML_JC_BOTH };

struct wml_pfmt {
	const char	*style;		/* NULL: Normal */
	bool		 keep_next;
	bool		 border;	/* a solid line under the paragraph */
	long		 before, after;	/* twips; -1: the style's */
	long		 ind_left, ind_right;	/* twips */
	long		 ind_first;	/* twips; -1: the style's */
	enum wml_jc	 jc;
	struct wml_rfmt	 mark;		/* the paragraph mark's run props */
};

/* A paragraph that takes spacing and indent from style. */
struct wml_pfmt	wml_p_style(const char *style);
/* No spacing, no indent, aligned jc: header blocks and table cells. */
struct wml_pfmt	wml_p_tight(enum wml_jc jc);
/* Open <w:p> with its properties; the caller adds runs and ends it. */
void	wml_p_open(struct wml *x, const struct wml_pfmt *f);
/* A whole paragraph of one run (text NULL or "": an empty paragraph
 * whose mark has the run's format). */
void	wml_p_line(struct wml *x, const struct wml_pfmt *f, unsigned flags,
	    double pt, const char *text);

/* <w:tbl> with its properties and grid of n columns (twips), fixed
 * layout; grid: style TableGrid, single borders, centred; else no
 * borders.  Rows follow; the caller ends the table. */
void	wml_tbl_open(struct wml *x, const long *w, size_t n, bool grid);
/* <w:tr>; header: repeated on each page; cant_split: kept on a page. */
void	wml_tr_open(struct wml *x, bool header, bool cant_split);
/* <w:tc> of width w twips, optionally centred vertically; the caller
 * writes its paragraphs and ends it. */
void	wml_tc_open(struct wml *x, long w, bool vcenter);

#endif
