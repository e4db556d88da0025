/*
 * fuzz_import.c - petition register import (domain/import.c) on arbitrary
 * files: the first byte picks CSV or XLSX, the rest is the file.  Runs
 * against a real SQLite database in a temp directory with one unit and
 * one organisation.  The import must either write every row or none and
 * say why; a failure must carry an error code and, for bad rows, a list
 * of {line, message}.
 *
 *   make fuzz && build/fuzz/fuzz_import tests/fuzz/corpus/import
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/err.h"
#include "domain/actor.h"
#include "domain/import.h"
#include "store/migrate.h"
#include "store/store.h"

static struct store *st;

static void
setup(void)
{
	static char dir[] = "/tmp/danvan-fuzz-import-XXXXXX";
	char path[96];
	struct err e = { 0 };
	int applied;

	if (sodium_init() < 0 || mkdtemp(dir) == NULL)
		abort();
	snprintf(path, sizeof(path), "%s/f.db", dir);
	if (store_open(path, &st, &e) != 0 ||
	    migrate_run(st, &applied, &e) != 0 ||
	    store_exec(st, "INSERT INTO units (structure, code, name, level,"
	    " parent_code, path, name_fold, name_key) VALUES (2025, '25',"
	    " 'Tỉnh Phú Thọ', 'province', NULL, '25', 'tinh phu tho', '00');"
	    " INSERT INTO organizations (name, name_fold, name_key, type,"
	    " unit_structure, unit_code, unit_path, created_at, updated_at)"
	    " VALUES ('UBND', 'ubnd', '00', 'people_committee', 2025, '25',"
	    " '25', 0, 0)", &e) != 0)
		abort();
}

static int64_t
count(void)
{
	int64_t n = -1;

	if (store_query_int(st, "SELECT count(*) FROM petitions", &n, NULL) !=
	    0)
		abort();
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e = { 0 };
	struct actor a;
	json_t *out = NULL;
	int64_t before, after;
	int rc;

	if (st == NULL)
		setup();
	if (size < 1)
		return 0;
	actor_init_cli(&a);
	before = count();
	rc = import_petitions(st, &a, 1, data[0] & 1 ? IMPORT_XLSX :
	    IMPORT_CSV, data + 1, size - 1, &out, &e);
	after = count();
	if (rc == 0) {
		if (out == NULL || after - before != json_integer_value(
		    json_object_get(out, "imported")))
			abort();
	} else {
		if (after != before || e.api_code == NULL ||
		    memchr(e.msg, '\0', sizeof(e.msg)) == NULL)
			abort();
		if (out != NULL && (strcmp(e.api_code, "import_invalid") != 0 ||
		    json_array_size(json_object_get(out, "rows")) == 0))
			abort();
	}
	json_decref(out);
	return 0;
}
