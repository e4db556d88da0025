/* cmd_report.c - danvan report: a periodic report as DOCX, XLSX or HTML. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "core/err.h"
#include "domain/actor.h"
#include "domain/report.h"
#include "store/store.h"

static int
write_file(const char *path, const char *data, size_t len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
	bool ok;

	if (f == NULL) {
		fprintf(stderr, "danvan report: cannot create %s\n", path);
		return -1;
	}
	ok = fwrite(data, 1, len, f) == len;
	if (f != stdout)
		ok = fclose(f) == 0 && ok;
	else
		ok = fflush(f) == 0 && ok;
	if (!ok)
		fprintf(stderr, "danvan report: cannot write %s\n", path);
	return ok ? 0 : -1;
}

int
cmd_report(const struct cmd *c, int argc, char **argv)
{
	const char *db = NULL, *unit = NULL, *structure = NULL, *period = NULL;
	const char *format = NULL, *out_path = NULL, *tpl = NULL;
	const char *cutoff = NULL, *key = NULL;
	struct opt opts[] = {
		{ "--db", &db, NULL }, { "--unit", &unit, NULL },
		{ "--structure", &structure, NULL }, { "--period", &period, NULL },
		{ "--format", &format, NULL }, { "--out", &out_path, NULL },
		{ "--template", &tpl, NULL }, { "--cutoff-day", &cutoff, NULL },
		{ "--key-file", &key, NULL }, { NULL, NULL, NULL }
	};
	struct report_query q;
	enum report_format f = REPORT_DOCX;
	struct store *st = NULL;
	struct err e = { 0 };
	struct actor a;
	json_t *content = NULL, *w;
	char *data = NULL;
	size_t len = 0, i;
	long sv = 2025, cv = -1;
	int rc;

	if (opt_parse(c, argc, argv, opts, 1) != 0)
		return 2;
	if (db == NULL || unit == NULL || period == NULL || out_path == NULL) {
		fprintf(stderr, "danvan report: --db, --unit, --period and --out"
		    " are required\n");
		return 2;
	}
	if (structure != NULL && opt_int("--structure", structure, 2024, 2025,
	    &sv) != 0)
		return 2;
	if (cutoff != NULL && (opt_int("--cutoff-day", cutoff, 0, 28, &cv) !=
	    0 || cv == 1)) {
		fprintf(stderr, "danvan report: --cutoff-day is 0 or 2..28\n");
		return 2;
	}
	if (format != NULL && strcmp(format, "docx") == 0)
		f = REPORT_DOCX;
	else if (format != NULL && strcmp(format, "xlsx") == 0)
		f = REPORT_XLSX;
	else if (format != NULL && strcmp(format, "html") == 0)
		f = REPORT_HTML;
	else if (format != NULL) {
		fprintf(stderr, "danvan report: --format is docx, xlsx or html\n");
		return 2;
	}
	if (cli_open(db, &st, &e) != 0 || cli_key(db, key, false, false) != 0) {
		store_close(st);
		return 1;
	}
	actor_init_cli(&a);
	memset(&q, 0, sizeof(q));
	q.template = tpl;
	q.structure = (int)sv;
	q.unit = unit;
	q.period = period;
	q.cutoff = (int)cv;
	rc = store_begin(st, &e);
	if (rc == 0) {
		rc = report_build(st, &a, &q, &content, &e);
		store_rollback(st);
	}
	store_close(st);
	if (rc == 0)
		rc = report_render(content, f, &data, &len, &e);
	if (rc != 0) {
		json_decref(content);
		return cli_fail("report", rc, &e);
	}
	json_array_foreach(json_object_get(content, "warnings"), i, w)
		fprintf(stderr, "danvan report: %s\n", json_string_value(w));
	json_decref(content);
	rc = write_file(out_path, data, len);
	free(data);
	return rc == 0 ? 0 : 1;
}
