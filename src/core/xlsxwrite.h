/*
 * xlsxwrite.h - table exports over libxlsxwriter.  A workbook is built
 * in a temporary file (mkstemp in opts->dir, else $TMPDIR, else /tmp),
 * one sheet after another; each sheet has optional title rows (merged
 * across the columns, bold, centred), a header row (bold, wrapped,
 * bordered, frozen) and data rows filled cell by cell from the left.
 * Finishing hands back the bytes or the path of the file.
 *
 * Errors are sticky: after the first failure every call returns the
 * same code (and fills e again), so a caller may check only the result
 * of xlsxw_finish_*().  All text is UTF-8 and checked (text_is_valid);
 * Vietnamese survives as is.  Not thread-safe per workbook.
 */
#ifndef CORE_XLSXWRITE_H
#define CORE_XLSXWRITE_H

#include <stdbool.h>
#include <stddef.h>

struct err;
struct xlsxw;

struct xlsxw_opts {
	const char	*dir;		/* temp dir; NULL: $TMPDIR or /tmp */
	bool		 constant_memory;	/* rows streamed to disk, for
					 * big exports (inline strings) */
};

struct xlsxw_col {
	const char	*name;		/* header text */
	double		 width;		/* in characters; 0: Excel default */
};

struct xlsxw_sheet {
	const char		*name;		/* tab; NULL: Sheet1, ... */
	const char *const	*titles;	/* rows above the header */
	size_t			 ntitles;
	const struct xlsxw_col	*cols;
	size_t			 ncols;		/* >= 1 */
};

/* Start a workbook; opts may be NULL.  ERR_IO when the temp file cannot
 * be created. */
int	xlsxw_new(struct xlsxw **out, const struct xlsxw_opts *opts,
	    struct err *e);
/* Add a sheet and write its titles and header; data rows follow it.
 * ERR_INVAL for a bad or repeated name (at most 31 characters, none of
 * []:*?/\) or bad UTF-8. */
int	xlsxw_add_sheet(struct xlsxw *w, const struct xlsxw_sheet *s,
	    struct err *e);
/* Start the next data row of the current sheet; cells then fill it from
 * column A.  ERR_TOOBIG past Excel's 1,048,576 rows. */
int	xlsxw_row(struct xlsxw *w, struct err *e);
/* Next cell: text (NULL or "" leaves it empty; ERR_TOOBIG past 32,767
 * characters), a number (finite), a date shown dd/mm/yyyy (1900-01-01
 * to 9999-12-31, else ERR_RANGE), or nothing. */
int	xlsxw_str(struct xlsxw *w, const char *s, struct err *e);
int	xlsxw_num(struct xlsxw *w, double v, struct err *e);
int	xlsxw_date(struct xlsxw *w, int y, int m, int d, struct err *e);
int	xlsxw_blank(struct xlsxw *w, struct err *e);

/* Close the workbook and read it into *data (heap, free(); *len bytes);
 * the file is removed.  ERR_TOOBIG when it is larger than max.  w is
 * freed in every case. */
int	xlsxw_finish_bytes(struct xlsxw *w, size_t max, char **data,
	    size_t *len, struct err *e);
/* Close the workbook and leave it at *path (heap, free()); the caller
 * streams and unlink()s it.  w is freed in every case (and on error the
 * file is removed). */
int	xlsxw_finish_path(struct xlsxw *w, char **path, struct err *e);
/* Drop an unfinished workbook and its file.  NULL is fine. */
void	xlsxw_free(struct xlsxw *w);

#endif
