/*
 * import.h - loading an existing petition register (CSV or XLSX, column
 * format in docs/import.md) into one organisation.  All or nothing: every
 * row is checked first and every bad row is reported with its line and
 * reason; only a clean file is written, in one transaction.
 */
#ifndef DOMAIN_IMPORT_H
#define DOMAIN_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

enum import_format { IMPORT_CSV, IMPORT_XLSX };

#define IMPORT_MAX_ROWS		100000
#define IMPORT_MAX_ERRORS	1000

/*
 * Import data[0..len) into organisation org_id.  Returns 0 with
 * *out = {"imported":N}; or ERR_INVAL with *out = {"rows":[{"line",
 * "field", "message"}]} (api_code "import_invalid") and nothing written;
 * or another ERR_* code.
 */
int	import_petitions(struct store *st, const struct actor *a,
	    int64_t org_id, enum import_format fmt, const void *data,
	    size_t len, json_t **out, struct err *e);

#endif
