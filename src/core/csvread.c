/* csvread.c - libcsv callbacks collecting one row at a time. */
#include "core/csvread.h"

#include <csv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/xalloc.h"

struct row {
	char		*fields[CSV_MAX_FIELDS];
	size_t		 n;
	size_t		 line;		/* file line where this row starts */
	size_t		 newlines;	/* inside quoted fields of this row */
	int		 last_term;	/* character that ended the last row */
	int		 rc;		/* first error */
	csvread_row_fn	 fn;
	void		*ctx;
	struct err	*e;
};

static void
row_clear(struct row *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->fields[i]);
	r->n = 0;
}

static void
on_field(void *s, size_t len, void *data)
{
	struct row *r = data;

	if (r->rc != 0)
		return;
	if (r->n >= CSV_MAX_FIELDS) {
		r->rc = err_set(r->e, ERR_INVAL, "invalid_csv", NULL,
		    "dòng %zu: quá %d cột", r->line, CSV_MAX_FIELDS);
		return;
	}
	if (len > CSV_MAX_FIELD) {
		r->rc = err_set(r->e, ERR_INVAL, "invalid_csv", NULL,
		    "dòng %zu: ô quá dài", r->line);
		return;
	}
	r->fields[r->n++] = xstrndup(s == NULL ? "" : s, s == NULL ? 0 : len);
	for (size_t i = 0; s != NULL && i < len; i++)
		if (((const char *)s)[i] == '\n')
			r->newlines++;
}

/*
 * With CSV_REPALL_NL libcsv reports every line end outside a record as an
 * empty row, so blank lines keep the count right; the LF of a CRLF pair is
 * one of those and is not a new line.  Empty rows are not passed on.
 */
static void
on_row(int c, void *data)
{
	struct row *r = data;
	bool crlf_tail = r->n == 0 && c == '\n' && r->last_term == '\r';

	if (r->rc == 0 && r->n > 0)
		r->rc = r->fn(r->ctx, r->fields, r->n, r->line, r->e);
	row_clear(r);
	if (!crlf_tail)
		r->line += 1 + r->newlines;
	r->newlines = 0;
	r->last_term = c;
}

/* No character counts as padding: " 01" stays " 01". */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

int
csvread_parse(const char *data, size_t len, csvread_row_fn fn, void *ctx,
    struct err *e)
{
	struct csv_parser p;
	struct row r;
	size_t done;

	memset(&r, 0, sizeof(r));
	r.line = 1;
	r.fn = fn;
	r.ctx = ctx;
	r.e = e;
	/* Excel's "CSV UTF-8" starts with a byte order mark. */
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL |
	    CSV_REPALL_NL) != 0)
		return err_set(e, ERR_NOMEM, "internal", NULL, "csv_init");
	csv_set_space_func(&p, no_space);
	done = csv_parse(&p, data, len, on_field, on_row, &r);
	if (r.rc == 0 && done != len)
		r.rc = err_set(e, ERR_INVAL, "invalid_csv", NULL,
		    "dòng %zu: CSV không hợp lệ (%s)", r.line,
		    csv_strerror(csv_error(&p)));
	if (r.rc == 0 && csv_fini(&p, on_field, on_row, &r) != 0)
		r.rc = err_set(e, ERR_INVAL, "invalid_csv", NULL,
		    "dòng %zu: CSV không hợp lệ (dấu ngoặc kép chưa đóng)",
		    r.line);
	else if (r.rc != 0)
		csv_fini(&p, NULL, NULL, NULL);
	row_clear(&r);
	csv_free(&p);
	return r.rc;
}
