/*
 * fuzz_period.c - period_parse() on arbitrary bytes, then the other
 * functions of core/period.h on what it accepts.  The first input byte
 * picks the cut-off day: '0' 15, '1' 0 (natural), '2' 2, '3' 28, '4' 29
 * (invalid), other bytes by the same rule modulo 5; the rest is the
 * period string.  Contracts checked (abort() when broken):
 *   - an error is ERR_INVAL with api_code "invalid_param", a field, a
 *     terminated non-empty message, and *out untouched;
 *   - an accepted period has from <= to, a known kind and index, a
 *     non-empty label, and re-parses to itself from its canonical text;
 *   - period_previous() ends before the period starts (the day before,
 *     except nine months, whose previous is the year before's), and
 *     period_year_before() starts earlier; both fail only with ERR_INVAL.
 *
 *   make fuzz && build/fuzz/fuzz_period tests/fuzz/corpus/period
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/err.h"
#include "core/period.h"

static const int cutoffs[] = { 15, 0, 2, 28, 29 };

static void
check_error(int rc, const struct err *e, const struct period *p)
{
	if (rc != ERR_INVAL || e->code != ERR_INVAL || e->api_code == NULL ||
	    strcmp(e->api_code, "invalid_param") != 0 || e->field == NULL ||
	    memchr(e->msg, '\0', sizeof(e->msg)) == NULL || e->msg[0] == '\0')
		abort();
	if (p->kind != PERIOD_CUSTOM || p->year != -1 || p->index != -1 ||
	    p->from != -1 || p->to != -1)
		abort();
}

/* The text period_parse() reads p from. */
static void
canonical(const struct period *p, char *s, size_t n)
{
	char a[CAL_DATE_LEN], b[CAL_DATE_LEN];

	switch (p->kind) {
	case PERIOD_MONTH:
		snprintf(s, n, "%04d-%02d", p->year, p->index);
		break;
	case PERIOD_QUARTER:
		snprintf(s, n, "%04d-Q%d", p->year, p->index);
		break;
	case PERIOD_HALF:
		snprintf(s, n, "%04d-H%d", p->year, p->index);
		break;
	case PERIOD_NINE_MONTHS:
		snprintf(s, n, "%04d-9M", p->year);
		break;
	case PERIOD_YEAR:
		snprintf(s, n, "%04d", p->year);
		break;
	case PERIOD_CUSTOM:
		cal_format(p->from, a);
		cal_format(p->to, b);
		snprintf(s, n, "%s..%s", a, b);
		break;
	default:
		abort();
	}
}

static void
check_period(const struct period *p, int cutoff)
{
	char label[PERIOD_LABEL_LEN], s[64];
	struct period q, r;
	struct err e;
	int rc;

	if (p->from > p->to || p->year < CAL_YEAR_MIN ||
	    p->year > CAL_YEAR_MAX)
		abort();
	switch (p->kind) {
	case PERIOD_MONTH:
		if (p->index < 1 || p->index > 12)
			abort();
		break;
	case PERIOD_QUARTER:
		if (p->index < 1 || p->index > 4)
			abort();
		break;
	case PERIOD_HALF:
		if (p->index < 1 || p->index > 2)
			abort();
		break;
	case PERIOD_NINE_MONTHS:
	case PERIOD_YEAR:
		if (p->index != 0)
			abort();
		break;
	case PERIOD_CUSTOM:
		if (p->index != 0 || p->to - p->from > 3653)
			abort();
		break;
	default:
		abort();
	}
	period_label_vi(p, label, sizeof(label));
	if (label[0] == '\0' || strlen(label) + 1 >= sizeof(label))
		abort();

	canonical(p, s, sizeof(s));
	memset(&e, 0, sizeof(e));
	if (period_parse(s, cutoff, &q, &e) != 0 ||
	    memcmp(&q, p, sizeof(q)) != 0)
		abort();

	rc = period_previous(p, cutoff, &r);
	if (rc == 0) {
		if (r.kind != p->kind || r.from > r.to || r.to >= p->from)
			abort();
		if (p->kind != PERIOD_NINE_MONTHS && r.to + 1 != p->from)
			abort();
		if (p->kind == PERIOD_CUSTOM &&
		    r.to - r.from != p->to - p->from)
			abort();
	} else if (rc != ERR_INVAL)
		abort();

	rc = period_year_before(p, cutoff, &r);
	if (rc == 0) {
		if (r.kind != p->kind || r.from > r.to || r.from >= p->from)
			abort();
	} else if (rc != ERR_INVAL)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct period p;
	struct err e;
	char *s;
	int cutoff, rc;

	if (size == 0)
		return 0;
	cutoff = cutoffs[((unsigned)data[0] + 2) % 5];
	s = malloc(size);
	if (s == NULL)
		return 0;
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	memset(&e, 0, sizeof(e));
	p.kind = PERIOD_CUSTOM;
	p.year = p.index = -1;
	p.from = p.to = -1;
	rc = period_parse(s, cutoff, &p, &e);
	if (rc != 0)
		check_error(rc, &e, &p);
	else
		check_period(&p, cutoff);
	/* with no struct err as well */
	if (period_parse(s, cutoff, &p, NULL) != rc)
		abort();
	free(s);
	return 0;
}
