/* cmd_import.c - danvan import petitions: load a register file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cmd.h"
#include "core/err.h"
#include "domain/actor.h"
#include "domain/import.h"
#include "store/store.h"

#define FILE_MAX	(64L * 1024 * 1024)

static int
read_file(const char *path, char **data, size_t *len)
{
	FILE *f;
	long n;

	*data = NULL;
	f = fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "danvan import: cannot open %s\n", path);
		return -1;
	}
	n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
	if (n < 0 || n > FILE_MAX || fseek(f, 0, SEEK_SET) != 0) {
		fprintf(stderr, "danvan import: %s is not a readable file of at"
		    " most 64 MiB\n", path);
		fclose(f);
		return -1;
	}
	*data = malloc((size_t)n + 1);
	if (*data == NULL || fread(*data, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "danvan import: cannot read %s\n", path);
		free(*data);
		*data = NULL;
		fclose(f);
		return -1;
	}
	fclose(f);
	*len = (size_t)n;
	return 0;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

int
cmd_import(const struct cmd *c, int argc, char **argv)
{
	const char *db = NULL, *org = NULL, *format = NULL, *key = NULL;
	const char *file = NULL;
	struct opt opts[] = {
		{ "--db", &db, NULL }, { "--org", &org, NULL },
		{ "--format", &format, NULL }, { "--key-file", &key, NULL },
		{ NULL, NULL, NULL }
	};
	enum import_format fmt;
	struct store *st = NULL;
	struct err e = { 0 };
	struct actor a;
	json_t *out = NULL, *row;
	char *data = NULL;
	size_t len = 0, i;
	long org_id;
	int rc;

	if (argc < 3 || strcmp(argv[1], "petitions") != 0) {
		cmd_usage(c, stderr);
		return 2;
	}
	file = argv[argc - 1];
	if (opt_parse(c, argc - 1, argv, opts, 2) != 0)
		return 2;
	if (db == NULL || org == NULL) {
		fprintf(stderr, "danvan import: --db and --org are required\n");
		return 2;
	}
	if (opt_int("--org", org, 1, 2147483647L, &org_id) != 0)
		return 2;
	if (format == NULL)
		format = ends_with(file, ".xlsx") ? "xlsx" : "csv";
	if (strcmp(format, "csv") != 0 && strcmp(format, "xlsx") != 0) {
		fprintf(stderr, "danvan import: --format is csv or xlsx\n");
		return 2;
	}
	fmt = strcmp(format, "xlsx") == 0 ? IMPORT_XLSX : IMPORT_CSV;
	if (read_file(file, &data, &len) != 0)
		return 1;
	if (cli_open(db, &st, &e) != 0 || cli_key(db, key, false, false) != 0) {
		free(data);
		store_close(st);
		return 1;
	}
	actor_init_cli(&a);
	rc = import_petitions(st, &a, org_id, fmt, data, len, &out, &e);
	free(data);
	store_close(st);
	if (rc == 0) {
		printf("imported %lld petitions\n", (long long)
		    json_integer_value(json_object_get(out, "imported")));
		json_decref(out);
		return 0;
	}
	if (out != NULL) {
		fprintf(stderr, "danvan import: %s\n", e.msg);
		json_array_foreach(json_object_get(out, "rows"), i, row)
			fprintf(stderr, "  dòng %lld%s%s: %s\n", (long long)
			    json_integer_value(json_object_get(row, "line")),
			    json_is_string(json_object_get(row, "field")) ?
			    ", cột " : "", json_is_string(json_object_get(row,
			    "field")) ? json_string_value(json_object_get(row,
			    "field")) : "", json_string_value(json_object_get(
			    row, "message")));
		json_decref(out);
		return 1;
	}
	return cli_fail("import", rc, &e);
}
