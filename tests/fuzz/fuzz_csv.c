/*
 * fuzz_csv.c - csvread_parse() on arbitrary bytes.  The callback reads
 * every byte of every field and checks the documented limits (at most
 * CSV_MAX_FIELDS fields of at most CSV_MAX_FIELD bytes, NUL-terminated,
 * file lines strictly increasing from 1).  The first input byte, when it is a digit,
 * makes the callback stop at that row with an error, so the early-stop
 * path is fuzzed as well.
 *
 *   make fuzz && build/fuzz/fuzz_csv tests/fuzz/corpus/csv
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvread.h"
#include "core/err.h"

#define STOP_CODE	(-1000)

struct ctx {
	size_t		rows;
	size_t		last_line;
	size_t		stop_at;	/* 0: never */
	uint32_t	sum;
};

static int
on_row(void *p, char **fields, size_t nfields, size_t line, struct err *e)
{
	struct ctx *c = p;

	/* Lines are file lines: blank lines and line ends inside quoted
	 * fields are skipped over, so they only ever increase. */
	if (nfields == 0 || nfields > CSV_MAX_FIELDS || line <= c->last_line)
		abort();
	c->last_line = line;
	c->rows++;
	for (size_t i = 0; i < nfields; i++) {
		size_t n;

		if (fields[i] == NULL)
			abort();
		n = strlen(fields[i]);
		if (n > CSV_MAX_FIELD)
			abort();
		/* touch every byte so ASan sees any overread */
		for (size_t j = 0; j <= n; j++)
			c->sum = c->sum * 31 + (unsigned char)fields[i][j];
	}
	if (c->stop_at != 0 && c->rows == c->stop_at)
		return err_set(e, STOP_CODE, "stop", NULL, "stop at %zu", line);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctx c;
	struct err e;
	int rc;

	memset(&c, 0, sizeof(c));
	memset(&e, 0, sizeof(e));
	if (size > 0 && data[0] >= '1' && data[0] <= '9')
		c.stop_at = (size_t)(data[0] - '0');
	rc = csvread_parse((const char *)data, size, on_row, &c, &e);
	if (rc == STOP_CODE) {
		if (c.rows != c.stop_at)
			abort();
	} else if (rc != 0) {
		if (rc != ERR_INVAL || e.code != rc || e.api_code == NULL ||
		    memchr(e.msg, '\0', sizeof(e.msg)) == NULL)
			abort();
	}
	/* after a stop no further rows are delivered */
	if (c.stop_at != 0 && c.rows > c.stop_at)
		abort();
	return 0;
}
