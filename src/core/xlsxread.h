/*
 * xlsxread.h - the first worksheet of an .xlsx file held in memory, read
 * row by row over libzip and expat.  Every cell comes out as UTF-8 text:
 * shared and inline strings (rich text runs joined), numbers as stored
 * ("45091", "0.1"), booleans as "TRUE"/"FALSE", formula results (t="str")
 * and error values ("#N/A") as their text.  A number whose cell style is a
 * date format becomes "YYYY-MM-DD" with is_date set.
 *
 * The input is untrusted: every XML part is inflated and parsed in chunks
 * with a limit on the bytes actually produced (zip bombs), DTDs are
 * refused, and all indices and cell references are range-checked.
 */
#ifndef CORE_XLSXREAD_H
#define CORE_XLSXREAD_H

#include <stdbool.h>
#include <stddef.h>

struct err;

/* Defaults for a zero field of struct xlsx_limits (or lim == NULL). */
#define XLSX_MAX_PART		((size_t)64 << 20)	/* bytes, inflated */
#define XLSX_MAX_ROWS		1000000
#define XLSX_MAX_COLS		256
#define XLSX_MAX_CELL		(32 * 1024)		/* bytes of text */
#define XLSX_MAX_STRINGS	1000000

struct xlsx_limits {
	size_t	max_part;	/* inflated size of one XML part */
	size_t	max_rows;	/* highest row number holding a value */
	size_t	max_cols;	/* highest column number holding a value */
	size_t	max_cell;	/* bytes of a cell's text or shared string */
	size_t	max_strings;	/* entries of the shared string table */
};

struct xlsx_cell {
	const char	*text;		/* never NULL; "" for an empty cell */
	bool		 is_date;	/* text is "YYYY-MM-DD" */
};

/*
 * Called once per sheet row that holds at least one non-empty cell, in
 * order.  row_no is the 1-based sheet row number, so skipped or empty
 * rows show as gaps in row_no.  cells[i] is column i + 1 (A, B, ...);
 * missing cells in between are "" and trailing empty cells are dropped,
 * so ncells >= 1 and cells[ncells - 1].text is not "".  The cells and
 * their text are valid only during the call.  Return 0 to go on; any
 * other value stops reading and is returned by xlsx_read (use a negative
 * ERR_* code and fill e).
 */
typedef int (*xlsx_row_fn)(void *ctx, size_t row_no,
    const struct xlsx_cell *cells, size_t ncells, struct err *e);

/*
 * Read the first worksheet of data[0..len) (found through
 * xl/workbook.xml and its relationships, else xl/worksheets/sheet1.xml).
 * lim may be NULL; zero fields take the XLSX_MAX_* defaults.
 * Returns 0, the callback's non-zero value, or:
 *   ERR_INVAL   not a zip, no worksheet, malformed XML, invalid UTF-8,
 *               bad cell reference, shared string index out of range
 *               (api_code "invalid_file");
 *   ERR_TOOBIG  a limit of lim was passed (api_code "file_too_large").
 * e->msg is Vietnamese and names the part or row.
 */
int	xlsx_read(const void *data, size_t len, const struct xlsx_limits *lim,
	    xlsx_row_fn fn, void *ctx, struct err *e);

/*
 * Excel serial day number (1900 date system) to a calendar date: 1 is
 * 1900-01-01, 59 is 1900-02-28, 61 is 1900-03-01; the fraction (time of
 * day) is dropped.  Serial 60 is Excel's phantom 1900-02-29, which does
 * not exist: ERR_RANGE, as for serials below 1 or after 9999-12-31.
 * Returns 0 with *y, *m, *d set, or ERR_RANGE (outputs untouched).
 */
int	xlsx_serial_to_ymd(double serial, int *y, int *m, int *d);

#endif
