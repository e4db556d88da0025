/*
 * csvread.h - RFC 4180 CSV reading over libcsv, with limits: each row is
 * handed to a callback as an array of NUL-terminated fields.
 */
#ifndef CORE_CSVREAD_H
#define CORE_CSVREAD_H

#include <stddef.h>

struct err;

#define CSV_MAX_FIELDS	32
#define CSV_MAX_FIELD	65536	/* bytes: 10,000 Vietnamese characters fit */

/* Called per row; line is 1-based.  Return 0 to go on, < 0 to stop (that
 * code is returned by csvread_parse). */
typedef int (*csvread_row_fn)(void *ctx, char **fields, size_t nfields,
    size_t line, struct err *e);

/* Parse data[0..len); a leading UTF-8 byte order mark is skipped.
 * Returns 0, the callback's error, or ERR_INVAL for
 * malformed CSV / too many fields / an over-long field (detail in e). */
int	csvread_parse(const char *data, size_t len, csvread_row_fn fn,
	    void *ctx, struct err *e);

#endif
