/*
 * fuzz_jbind.c - request-body validation: jbind_parse() on arbitrary bytes,
 * then jbind() against the field tables of the API (http/api.h: user
 * create/update, organisation create/update, login, petition create,
 * public submission, indicator create, indicator value).
 * Every binding must either fail with a filled struct err or produce
 * strings that are valid NFC text within their length limit; owned
 * strings are always released (LeakSanitizer checks).
 *
 *   make fuzz && build/fuzz/fuzz_jbind tests/fuzz/corpus/jbind
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/text.h"
#include "domain/indicator.h"
#include "domain/org.h"
#include "domain/petition.h"
#include "domain/public.h"
#include "domain/user.h"
#include "http/api.h"
#include "http/jbind.h"

/* A bound string must be NFC-stable valid text within its limit. */
static void
check_str(const char *s, const struct jfield *f)
{
	char *again = NULL;

	if (s == NULL) {
		if (f->required)
			abort();
		return;
	}
	if (!text_is_valid(s, strlen(s)) || text_length(s) > f->max_len)
		abort();
	if (text_nfc(s, strlen(s), &again) != 0 || strcmp(again, s) != 0)
		abort();
	free(again);
}

static void
check_unit(const struct unit_ref *u, const struct jfield *f)
{
	size_t n;

	if (!u->set) {
		if (f->required)
			abort();
		return;
	}
	if (u->structure != 2024 && u->structure != 2025)
		abort();
	n = strlen(u->code);
	if (n != 2 && n != 3 && n != 5)
		abort();
	for (size_t i = 0; i < n; i++)
		if (u->code[i] < '0' || u->code[i] > '9')
			abort();
}

static void
check_result(int rc, const struct err *e, const struct jfield *fields,
    const void *dst)
{
	if (rc != 0) {
		/* a failure always says what and (for bind) where */
		if (rc != e->code || e->api_code == NULL || e->field == NULL ||
		    memchr(e->msg, '\0', sizeof(e->msg)) == NULL)
			abort();
		return;
	}
	for (const struct jfield *f = fields; f->name != NULL; f++) {
		const char *p = (const char *)dst + f->off;

		switch (f->type) {
		case JF_STR: {
			const char *s;

			memcpy(&s, p, sizeof(s));
			check_str(s, f);
			break;
		}
		case JF_UNIT: {
			struct unit_ref u;

			memcpy(&u, p, sizeof(u));
			check_unit(&u, f);
			break;
		}
		case JF_INT: {
			int64_t v;
			bool set;

			memcpy(&v, p, sizeof(v));
			memcpy(&set, (const char *)dst + f->set_off,
			    sizeof(set));
			if ((!set && v != 0) || v < 0 ||
			    (uint64_t)v > (uint64_t)f->max_len)
				abort();
			break;
		}
		case JF_NUM: {
			double v;
			bool set;

			memcpy(&v, p, sizeof(v));
			memcpy(&set, (const char *)dst + f->set_off,
			    sizeof(set));
			if ((!set && v != 0) || !(v >= -(double)f->max_len &&
			    v <= (double)f->max_len))
				abort();
			break;
		}
		case JF_BOOL: {
			bool v, set;

			memcpy(&v, p, sizeof(v));
			memcpy(&set, (const char *)dst + f->set_off,
			    sizeof(set));
			if (!set && v)
				abort();	/* untouched fields stay zero */
			break;
		}
		}
	}
}

static void
bind_one(json_t *obj, const struct jfield *fields, void *dst, size_t size,
    struct jbind_strings *owned)
{
	struct err e;
	int rc;

	memset(dst, 0, size);
	memset(&e, 0, sizeof(e));
	rc = jbind(obj, fields, dst, owned, &e);
	check_result(rc, &e, fields, dst);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jbind_strings owned;
	struct user_input ui;
	struct org_input oi;
	struct login_in li;
	struct petition_input pi;
	struct public_input pu;
	struct indicator_input ii;
	struct api_value_in vi;
	struct err e;
	json_t *obj = NULL;
	int rc;

	memset(&e, 0, sizeof(e));
	rc = jbind_parse((const char *)data, size, &obj, &e);
	if (rc != 0) {
		if (obj != NULL || e.api_code == NULL ||
		    (strcmp(e.api_code, "invalid_json") != 0 &&
		    strcmp(e.api_code, "invalid_utf8") != 0))
			abort();
		return 0;
	}
	if (!json_is_object(obj))
		abort();

	/* one table at a time, released after each, as a request does */
	memset(&owned, 0, sizeof(owned));
	bind_one(obj, api_user_create_fields, &ui, sizeof(ui), &owned);
	jbind_strings_release(&owned);
	bind_one(obj, api_user_update_fields, &ui, sizeof(ui), &owned);
	jbind_strings_release(&owned);
	bind_one(obj, api_org_create_fields, &oi, sizeof(oi), &owned);
	jbind_strings_release(&owned);
	bind_one(obj, api_org_update_fields, &oi, sizeof(oi), &owned);
	jbind_strings_release(&owned);
	bind_one(obj, api_login_fields, &li, sizeof(li), &owned);
	jbind_strings_release(&owned);
	bind_one(obj, api_petition_create_fields, &pi, sizeof(pi), &owned);
	jbind_strings_release(&owned);
	bind_one(obj, api_public_submit_fields, &pu, sizeof(pu), &owned);
	jbind_strings_release(&owned);
	bind_one(obj, api_indicator_fields, &ii, sizeof(ii), &owned);
	jbind_strings_release(&owned);
	bind_one(obj, api_indicator_value_fields, &vi, sizeof(vi), &owned);
	jbind_strings_release(&owned);

	/* all tables sharing one owned list, so that JBIND_MAX_STRINGS is
	 * reached on rich inputs; bound pointers must stay valid until the
	 * release */
	bind_one(obj, api_user_create_fields, &ui, sizeof(ui), &owned);
	bind_one(obj, api_org_create_fields, &oi, sizeof(oi), &owned);
	bind_one(obj, api_user_update_fields, &ui, sizeof(ui), &owned);
	bind_one(obj, api_login_fields, &li, sizeof(li), &owned);
	bind_one(obj, api_user_create_fields, &ui, sizeof(ui), &owned);
	bind_one(obj, api_login_fields, &li, sizeof(li), &owned);
	bind_one(obj, api_petition_create_fields, &pi, sizeof(pi), &owned);
	if (owned.n > JBIND_MAX_STRINGS)
		abort();
	jbind_strings_release(&owned);
	if (owned.n != 0)
		abort();

	json_decref(obj);
	return 0;
}
