/*
 * fuzz_units_csv.c - unit_csv_parse() on arbitrary bytes for both
 * structures.  A file that is accepted must hold a consistent tree:
 * codes unique and sorted, digits of the right length per level, names
 * valid NFC, every parent present at the right level.  The set is always
 * released (also after an error).
 *
 *   make fuzz && build/fuzz/fuzz_units_csv tests/fuzz/corpus/units_csv
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/text.h"
#include "domain/unit.h"

static const struct unit_row *
find(const struct unit_set *s, const char *code)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->rows[mid].code, code);

		if (c == 0)
			return &s->rows[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static bool
digits(const char *s, size_t n)
{
	if (strlen(s) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static void
check_set(const struct unit_set *s, int structure)
{
	if (s->structure != structure || s->n == 0 || s->rows == NULL)
		abort();
	for (size_t i = 0; i < s->n; i++) {
		const struct unit_row *r = &s->rows[i], *up;
		char *nfc = NULL;

		if (i > 0 && strcmp(s->rows[i - 1].code, r->code) >= 0)
			abort();
		if (r->name == NULL || r->name[0] == '\0' ||
		    text_nfc(r->name, strlen(r->name), &nfc) != 0 ||
		    strcmp(nfc, r->name) != 0)
			abort();
		free(nfc);
		if (!unit_level_valid(structure, r->level))
			abort();
		if (strcmp(r->level, "province") == 0) {
			if (!digits(r->code, 2) || r->parent[0] != '\0')
				abort();
			continue;
		}
		if (!digits(r->code, strcmp(r->level, "district") == 0 ? 3 : 5))
			abort();
		up = find(s, r->parent);
		if (up == NULL || strcmp(up->level, "commune") == 0)
			abort();
		if (strcmp(r->level, "district") == 0 &&
		    strcmp(up->level, "province") != 0)
			abort();
	}
	/*
	 * Name keys of a few rows.  Accepted names are valid text, so the
	 * only tolerated failure is ERR_TOOBIG: unit_name_key() caps its
	 * key at 4096 hex digits, which a 200-byte name of characters with
	 * long collation expansions (e.g. 66 x U+FDFA) exceeds (reported;
	 * it also hands back a string on that error, freed here).
	 */
	for (size_t i = 0; i < s->n && i < 4; i++) {
		char *k = NULL;
		int rc = unit_name_key(s->rows[i].name, &k);

		if (rc != 0 && rc != ERR_TOOBIG)
			abort();
		if (rc == 0 && (k == NULL || k[0] == '\0'))
			abort();
		free(k);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int structures[] = { 2024, 2025 };

	for (size_t i = 0; i < 2; i++) {
		struct unit_set set;
		struct err e;
		int rc;

		memset(&e, 0, sizeof(e));
		rc = unit_csv_parse((const char *)data, size, structures[i],
		    &set, &e);
		if (rc == 0)
			check_set(&set, structures[i]);
		else if (rc != e.code || e.api_code == NULL ||
		    memchr(e.msg, '\0', sizeof(e.msg)) == NULL)
			abort();
		unit_set_release(&set);
	}
	return 0;
}
