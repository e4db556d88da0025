/*
 * docx.h - official Vietnamese documents as .docx (DOMAIN.md §11): the
 * state format of NĐ 30/2020 (Phụ lục I) or the Party format of
 * HD 36-HD/VPTW.  A document is written front to back:
 *
 *   docx_new()          header block (agency | national title or
 *                       "ĐẢNG CỘNG SẢN VIỆT NAM", number | place and
 *                       date), type name and abstract
 *   docx_heading()      \
 *   docx_para/text()     > the body, in any order
 *   docx_table_*()      /
 *   docx_closing()      "Nơi nhận:" bottom left, signature bottom right
 *   docx_annex()        a new section (portrait or landscape) for an
 *                       appendix; headings, paragraphs and tables follow
 *   docx_finish()       the package bytes
 *
 * The package is built in memory: WordprocessingML written by libxml2's
 * xmlTextWriter (all text escaped by libxml2), zipped by libzip.  Paper
 * A4, Times New Roman, page numbers centred in the top margin from page
 * 2 on.  Sizes and margins that DOMAIN marks unconfirmed (U) are fields
 * of struct docx_layout, filled with defaults by docx_layout_init().
 *
 * Text is UTF-8 (checked with text_is_valid, NFC-normalised); "\n"
 * breaks the line, "\t" is a tab.  Texts marked "caps" are upper-cased
 * here (ICU, Vietnamese rules), so "Ủy ban nhân dân" may be passed as is.
 *
 * Errors are sticky, as in xlsxwrite.h: after the first failure every
 * call returns the same code (and fills e again), so a caller may check
 * only docx_finish().  ERR_INVAL: bad UTF-8, a missing required field, a
 * call out of order; ERR_TOOBIG: a text over DOCX_MAX_TEXT bytes (an
 * abbreviation or the place over DOCX_MAX_SYMBOL), more than
 * DOCX_MAX_COLS columns, document.xml over the max given to
 * docx_new().  Not thread-safe per document; documents on different
 * threads are independent.
 */
#ifndef CORE_DOCX_H
#define CORE_DOCX_H

#include <stdbool.h>
#include <stddef.h>

struct err;
struct docx;

#define DOCX_MAX_TEXT		(64 * 1024)	/* bytes per text argument */
#define DOCX_MAX_COLS		32
#define DOCX_MAX_SYMBOL		64		/* abbreviations, place */
#define DOCX_MAX_DEFAULT	(64u * 1024 * 1024)	/* document.xml */

enum docx_regime {
	DOCX_STATE,		/* NĐ 30/2020: "Số: 15/BC-UBND", "TM." */
	DOCX_PARTY,		/* HD 36: "Số 15-BC/BDVTU", "T/M" */
};

/*
 * Measures: font sizes in points (Word stores half-points), lengths in
 * millimetres.  docx_layout_init() gives the defaults per regime; a
 * caller may change any field before docx_new().  [R-VB-..] tells where
 * a default comes from; (U) marks those DOMAIN could not confirm.
 */
struct docx_layout {
	const char	*font;		/* "Times New Roman" [R-VB-03] */
	double		 page_w, page_h;	/* 210 × 297 A4 [R-VB-01] */
	double		 margin_top, margin_bottom;	/* 20 [R-VB-02] */
	double		 margin_left, margin_right;	/* 30, 15 */
	double		 header_dist;	/* page number from the edge: 10 */
	double		 body_pt;	/* 13 state, 14 party [R-VB-09/24] */
	double		 parent_pt;	/* 13 state (U), 14 party */
	double		 issuer_pt;	/* 13 state (U), 14 party */
	double		 national_pt;	/* 12 state, 15 party [R-VB-05/20] */
	double		 motto_pt;	/* 13 [R-VB-05]; unused for party */
	double		 number_pt;	/* 13 state, 14 party [R-VB-07/22] */
	double		 date_pt;	/* 14 [R-VB-08/23] */
	double		 type_pt;	/* 14 state, 16 party [R-VB-09/24] */
	double		 abstract_pt;	/* 14 [R-VB-09/24] */
	double		 table_pt;	/* 12 (U) */
	double		 recipients_title_pt;	/* 12 [R-VB-12] (U) */
	double		 recipients_pt;	/* 11 [R-VB-12] (U) */
	double		 sign_pt;	/* 14 [R-VB-12] (U) */
	double		 page_number_pt;	/* 13 state, 14 party
						 * [R-VB-04] */
	double		 first_indent;	/* 12.7 mm [R-VB-09] (U) */
	double		 para_after_pt;	/* 6 [R-VB-09] */
	double		 line_spacing;	/* 1.15 lines, 1..1.5 [R-VB-09] */
	double		 agency_col;	/* header: left column, 40 % of the
					 * text width (U) */
	double		 issuer_line;	/* line under the issuer: 25 mm (U) */
	double		 motto_line;	/* under the motto / the Party
					 * header: 62 / 72 mm (U) */
	double		 sign_space_pt;	/* room to sign above the name: 72 */
};

/* The defaults of regime r (see the field comments). */
void	docx_layout_init(struct docx_layout *l, enum docx_regime r);

/*
 * The header block and title.  Required: issuer, issuer_abbr, place,
 * year.  Strings are read during docx_new() only.
 */
struct docx_head {
	enum docx_regime regime;
	const char	*parent;	/* caps, upright: "UBND TỈNH PHÚ THỌ",
					 * "ĐẢNG BỘ TỈNH PHÚ THỌ"; NULL: none */
	const char	*issuer;	/* caps, bold: "VĂN PHÒNG UBND TỈNH",
					 * "BAN TUYÊN GIÁO VÀ DÂN VẬN" */
	int		 number;	/* 1..999999; 0: left blank for the
					 * clerk ("Số:      /BC-UBND") */
	const char	*type_abbr;	/* "BC"; NULL or "" for a state công
					 * văn ("Số: 123/UBND-VP") */
	const char	*issuer_abbr;	/* "UBND", "BDVTU" */
	const char	*place;		/* "Phú Thọ" */
	int		 year, month, day;	/* month/day 0: left blank */
	const char	*type_name;	/* caps, bold: "BÁO CÁO"; NULL: none */
	const char	*abstract;	/* trích yếu, bold (state: a short
					 * line under it, U); NULL: none */
	const char	*author;	/* docProps only; NULL: issuer */
};

/* A run of text inside a paragraph. */
#define DOCX_BOLD	0x01u
#define DOCX_ITALIC	0x02u
#define DOCX_UNDERLINE	0x04u
struct docx_run {
	const char	*text;
	unsigned	 flags;		/* DOCX_BOLD | DOCX_ITALIC | ... */
};

/* Paragraph flags (docx_para): body paragraphs are justified with a
 * first-line indent unless told otherwise. */
#define DOCX_P_CENTER	0x01u
#define DOCX_P_RIGHT	0x02u
#define DOCX_P_NOINDENT	0x04u

enum docx_align { DOCX_LEFT, DOCX_CENTER, DOCX_RIGHT };

struct docx_col {
	const char	*name;		/* header cell (bold, centred) */
	unsigned	 width;		/* relative weight; 0 counts as 1 */
	enum docx_align	 align;		/* data cells: DOCX_RIGHT for figures */
};

struct docx_table {
	const struct docx_col	*cols;
	size_t			 ncols;		/* 1..DOCX_MAX_COLS */
};

/* Row flags (docx_table_row). */
#define DOCX_ROW_BOLD	0x01u		/* a total or group row */

/* Authority of the signer (R-VB-12, R-VB-27): state "TM." / "KT." /
 * "TL." / "TUQ.", party "T/M" / "K/T" / "T/L" / "T/U". */
enum docx_authority {
	DOCX_SIGN_DIRECT,		/* the head signs: no prefix */
	DOCX_SIGN_TM,			/* on behalf of a collective */
	DOCX_SIGN_KT,			/* deputy for the head */
	DOCX_SIGN_TL,			/* by delegation */
	DOCX_SIGN_TUQ,			/* by authorisation */
};

struct docx_sign {
	enum docx_authority authority;
	const char	*on_behalf;	/* caps, after the prefix: "ỦY BAN NHÂN
					 * DÂN", "BAN THƯỜNG VỤ", "CHỦ TỊCH" */
	const char	*position;	/* caps: "CHỦ TỊCH", "PHÓ TRƯỞNG BAN" */
	const char	*name;		/* bold, as given: "Nguyễn Văn An" */
};

/*
 * Start a document and write its header block, type name and abstract.
 * layout NULL: docx_layout_init(h->regime).  max bounds document.xml
 * (0: DOCX_MAX_DEFAULT).  ERR_INVAL for a missing or bad field, a date
 * that does not exist (a blank day or month is allowed) or a layout
 * value out of range.  *out is NULL on error.
 */
int	docx_new(struct docx **out, const struct docx_head *h,
	    const struct docx_layout *layout, size_t max, struct err *e);
/*
 * A heading of level 1..3: 1 "I. KẾT QUẢ ..." bold (text upper-cased),
 * 2 "1. Công tác ..." bold, 3 "a) ..." bold italic.  The caller writes
 * the numbering into text.
 */
int	docx_heading(struct docx *d, int level, const char *text,
	    struct err *e);
/* A body paragraph from runs (1..1000; a run's text may be ""); pflags
 * DOCX_P_*, run flags DOCX_BOLD | DOCX_ITALIC | DOCX_UNDERLINE. */
int	docx_para(struct docx *d, unsigned pflags, const struct docx_run *runs,
	    size_t nruns, struct err *e);
/* A plain body paragraph. */
int	docx_text(struct docx *d, const char *text, struct err *e);
/* A bordered table; its header row repeats on every page.  Rows follow
 * with docx_table_row() and the table ends with docx_table_end(). */
int	docx_table_begin(struct docx *d, const struct docx_table *t,
	    struct err *e);
/* One data row: ncells <= the table's columns (missing cells are
 * empty); NULL cells are empty.  Numbers come already formatted
 * (vnfmt.h). */
int	docx_table_row(struct docx *d, const char *const *cells,
	    size_t ncells, unsigned rflags, struct err *e);
int	docx_table_end(struct docx *d, struct err *e);
/*
 * Close the body: "Nơi nhận:" and its lines (as given, e.g. "- Như
 * trên;", "- Lưu: VT."; at most 200) bottom left, the signature block
 * bottom right: "<prefix> <on_behalf>", the position, room to sign, the
 * name (s NULL: no signature).  Once only, not inside an annex; after
 * it only docx_annex() and its content may follow.
 */
int	docx_closing(struct docx *d, const char *const *recipients,
	    size_t nrecipients, const struct docx_sign *s, struct err *e);
/* Start an appendix on a new page, landscape when asked (R-VB-01), with
 * its title (NULL: none) bold and centred; page numbers go on. */
int	docx_annex(struct docx *d, bool landscape, const char *title,
	    struct err *e);
/*
 * Finish the package and hand its bytes to the caller in *data (heap,
 * free(); *len bytes).  d is freed in every case.
 */
int	docx_finish(struct docx *d, char **data, size_t *len, struct err *e);
/* Drop an unfinished document.  NULL is fine. */
void	docx_free(struct docx *d);

#endif
