/*
 * sample.c - build/docx-sample DIR: write DIR/state.docx (NĐ 30/2020)
 * and DIR/party.docx (HD 36) from tests/docx/sample_report.c, for
 * tests/docx/render.sh.
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/docx.h"
#include "core/err.h"
#include "sample_report.h"

static int
write_one(const char *dir, const char *name, enum docx_regime r)
{
	struct err e = { 0 };
	char path[4096], *data;
	size_t len;
	FILE *f;

	if (sample_report(r, &data, &len, &e) != 0) {
		fprintf(stderr, "docx-sample: %s: %s\n", name, e.msg);
		return 1;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "docx-sample: cannot write %s\n", path);
		free(data);
		return 1;
	}
	free(data);
	printf("%s %zu bytes\n", path, len);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: docx-sample DIR\n");
		return 2;
	}
	return write_one(argv[1], "state.docx", DOCX_STATE) |
	    write_one(argv[1], "party.docx", DOCX_PARTY);
}
