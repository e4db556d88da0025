/* csvread.c - libcsv callbacks collecting one row at a time. */
#include "core/csvread.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/xalloc.h"

struct row {
	char		*fields[CSV_MAX_FIELDS];
	size_t		 n;
	size_t		 line;
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
}

static void
on_row(int c, void *data)
{
	struct row *r = data;

	(void)c;
	if (r->rc == 0)
		r->rc = r->fn(r->ctx, r->fields, r->n, r->line, r->e);
	row_clear(r);
	r->line++;
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
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL) != 0)
		return err_set(e, ERR_NOMEM, "internal", NULL, "csv_init");
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
