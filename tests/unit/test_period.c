/*
 * test_period.c - core/period.h: reporting periods with natural
 * boundaries and with the data cut-off of R-BC-02 / R-BC-03, labels,
 * previous periods and bad input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"
#include "core/err.h"
#include "core/period.h"

struct pcase {
	const char	*in;
	int		 cutoff;
	enum period_kind kind;
	int		 year, index;
	const char	*from, *to;
	const char	*label;
};

static const struct pcase cases[] = {
	/* data cut-off on the 15th (TT 01/2024, NĐ 09/2019) */
	{ "2023", 15, PERIOD_YEAR, 2023, 0, "2022-12-15", "2023-12-14",
	    "năm 2023" },
	{ "2023-Q1", 15, PERIOD_QUARTER, 2023, 1, "2022-12-15", "2023-03-14",
	    "quý I năm 2023" },
	{ "2023-Q2", 15, PERIOD_QUARTER, 2023, 2, "2023-03-15", "2023-06-14",
	    "quý II năm 2023" },
	{ "2023-Q3", 15, PERIOD_QUARTER, 2023, 3, "2023-06-15", "2023-09-14",
	    "quý III năm 2023" },
	{ "2023-Q4", 15, PERIOD_QUARTER, 2023, 4, "2023-09-15", "2023-12-14",
	    "quý IV năm 2023" },
	{ "2023-06", 15, PERIOD_MONTH, 2023, 6, "2023-05-15", "2023-06-14",
	    "tháng 6 năm 2023" },
	{ "2023-01", 15, PERIOD_MONTH, 2023, 1, "2022-12-15", "2023-01-14",
	    "tháng 1 năm 2023" },
	{ "2023-12", 15, PERIOD_MONTH, 2023, 12, "2023-11-15", "2023-12-14",
	    "tháng 12 năm 2023" },
	{ "2023-H1", 15, PERIOD_HALF, 2023, 1, "2022-12-15", "2023-06-14",
	    "6 tháng đầu năm 2023" },
	{ "2023-H2", 15, PERIOD_HALF, 2023, 2, "2023-06-15", "2023-12-14",
	    "6 tháng cuối năm 2023" },
	{ "2023-9M", 15, PERIOD_NINE_MONTHS, 2023, 0, "2022-12-15",
	    "2023-09-14", "9 tháng đầu năm 2023" },
	/* other cut-off days; February of a leap year */
	{ "2024-03", 15, PERIOD_MONTH, 2024, 3, "2024-02-15", "2024-03-14",
	    "tháng 3 năm 2024" },
	{ "2024-03", 28, PERIOD_MONTH, 2024, 3, "2024-02-28", "2024-03-27",
	    "tháng 3 năm 2024" },
	{ "2024-03", 2, PERIOD_MONTH, 2024, 3, "2024-02-02", "2024-03-01",
	    "tháng 3 năm 2024" },
	{ "2024-01", 2, PERIOD_MONTH, 2024, 1, "2023-12-02", "2024-01-01",
	    "tháng 1 năm 2024" },
	{ "2024-Q2", 20, PERIOD_QUARTER, 2024, 2, "2024-03-20", "2024-06-19",
	    "quý II năm 2024" },
	/* natural boundaries */
	{ "2023", 0, PERIOD_YEAR, 2023, 0, "2023-01-01", "2023-12-31",
	    "năm 2023" },
	{ "2023-Q1", 0, PERIOD_QUARTER, 2023, 1, "2023-01-01", "2023-03-31",
	    "quý I năm 2023" },
	{ "2023-Q2", 0, PERIOD_QUARTER, 2023, 2, "2023-04-01", "2023-06-30",
	    "quý II năm 2023" },
	{ "2023-Q3", 0, PERIOD_QUARTER, 2023, 3, "2023-07-01", "2023-09-30",
	    "quý III năm 2023" },
	{ "2023-Q4", 0, PERIOD_QUARTER, 2023, 4, "2023-10-01", "2023-12-31",
	    "quý IV năm 2023" },
	{ "2023-06", 0, PERIOD_MONTH, 2023, 6, "2023-06-01", "2023-06-30",
	    "tháng 6 năm 2023" },
	{ "2024-02", 0, PERIOD_MONTH, 2024, 2, "2024-02-01", "2024-02-29",
	    "tháng 2 năm 2024" },
	{ "2023-02", 0, PERIOD_MONTH, 2023, 2, "2023-02-01", "2023-02-28",
	    "tháng 2 năm 2023" },
	{ "2023-H1", 0, PERIOD_HALF, 2023, 1, "2023-01-01", "2023-06-30",
	    "6 tháng đầu năm 2023" },
	{ "2023-H2", 0, PERIOD_HALF, 2023, 2, "2023-07-01", "2023-12-31",
	    "6 tháng cuối năm 2023" },
	{ "2023-9M", 0, PERIOD_NINE_MONTHS, 2023, 0, "2023-01-01",
	    "2023-09-30", "9 tháng đầu năm 2023" },
	/* custom: the cut-off does not apply */
	{ "2023-01-01..2023-06-30", 15, PERIOD_CUSTOM, 2023, 0, "2023-01-01",
	    "2023-06-30", "từ 01/01/2023 đến 30/06/2023" },
	{ "2023-01-01..2023-06-30", 0, PERIOD_CUSTOM, 2023, 0, "2023-01-01",
	    "2023-06-30", "từ 01/01/2023 đến 30/06/2023" },
	{ "2024-02-29..2024-02-29", 0, PERIOD_CUSTOM, 2024, 0, "2024-02-29",
	    "2024-02-29", "từ 29/02/2024 đến 29/02/2024" },
	{ "2010-01-01..2019-12-31", 0, PERIOD_CUSTOM, 2010, 0, "2010-01-01",
	    "2019-12-31", "từ 01/01/2010 đến 31/12/2019" },
	{ "2016-02-29..2026-02-27", 0, PERIOD_CUSTOM, 2016, 0, "2016-02-29",
	    "2026-02-27", "từ 29/02/2016 đến 27/02/2026" },
	/* ends of the range */
	{ "1900", 15, PERIOD_YEAR, 1900, 0, "1899-12-15", "1900-12-14",
	    "năm 1900" },
	{ "2199", 0, PERIOD_YEAR, 2199, 0, "2199-01-01", "2199-12-31",
	    "năm 2199" },
	{ "2199-12", 0, PERIOD_MONTH, 2199, 12, "2199-12-01", "2199-12-31",
	    "tháng 12 năm 2199" },
	{ "2190-01-01..2199-12-31", 0, PERIOD_CUSTOM, 2190, 0, "2190-01-01",
	    "2199-12-31", "từ 01/01/2190 đến 31/12/2199" },
};

static void
fmt(cal_day d, char *s)
{
	cal_format(d, s);
}

static struct period
must_parse(const char *s, int cutoff)
{
	struct period p;
	struct err e = { 0 };
	int rc = period_parse(s, cutoff, &p, &e);

	if (rc != 0)
		print_error("period_parse(\"%s\", %d): %s\n", s, cutoff, e.msg);
	assert_int_equal(rc, 0);
	return p;
}

static void
assert_range(const struct period *p, const char *from, const char *to)
{
	char a[CAL_DATE_LEN], b[CAL_DATE_LEN];

	fmt(p->from, a);
	fmt(p->to, b);
	if (strcmp(a, from) != 0 || strcmp(b, to) != 0)
		print_error("got %s..%s, want %s..%s\n", a, b, from, to);
	assert_string_equal(a, from);
	assert_string_equal(b, to);
}

static void
test_parse_table(void **state)
{
	char label[PERIOD_LABEL_LEN], canon[PERIOD_MAX_LEN + 1];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct pcase *c = &cases[i];
		struct period p = must_parse(c->in, c->cutoff);

		if (p.kind != c->kind || p.year != c->year ||
		    p.index != c->index)
			fail_msg("%s: kind %d year %d index %d", c->in,
			    (int)p.kind, p.year, p.index);
		assert_range(&p, c->from, c->to);
		period_label_vi(&p, label, sizeof(label));
		assert_string_equal(label, c->label);
		/* the canonical string reads back as the same period */
		period_string(&p, canon);
		assert_string_equal(canon, c->in);
	}
}

static void
test_label_truncation(void **state)
{
	struct period p = must_parse("2023-01-01..2023-06-30", 0);
	char out[8];

	(void)state;
	memset(out, 'x', sizeof(out));
	period_label_vi(&p, out, sizeof(out));
	assert_int_equal(strlen(out), sizeof(out) - 1);
	memset(out, 'x', sizeof(out));
	period_label_vi(&p, out, 0);
	assert_int_equal(out[0], 'x');
}

static void
assert_bad(const char *s, int cutoff, const char *field)
{
	struct period p = { .kind = PERIOD_YEAR, .year = 1, .index = 2,
	    .from = 3, .to = 4 };
	struct err e = { 0 };
	int rc = period_parse(s, cutoff, &p, &e);

	if (rc != ERR_INVAL)
		fail_msg("accepted \"%s\" (cut-off %d)", s ? s : "NULL",
		    cutoff);
	assert_int_equal(e.code, ERR_INVAL);
	assert_string_equal(e.api_code, "invalid_param");
	assert_string_equal(e.field, field);
	assert_true(e.msg[0] != '\0');
	/* untouched */
	assert_true(p.kind == PERIOD_YEAR && p.year == 1 && p.index == 2 &&
	    p.from == 3 && p.to == 4);
}

static void
test_bad_input(void **state)
{
	static const char *const bad[] = {
		"", "2", "23", "202", "20233", "2023-", "2023-1", "2023-6",
		"2023-001", "2023-00", "2023-13", "2023-99", "2023-Q0",
		"2023-Q5", "2023-q1", "2023-H0", "2023-H3", "2023-h1",
		"2023-9m", "2023-8M", "2023-10M", "2023-M9", "2023-Y",
		"1899", "2200", "0000", "1899-12", "2200-01", "2200-Q1",
		" 2023", "2023 ", "2023\n", "2023-Q1 ", "+2023", "-2023",
		"2023_Q1", "2023/Q1", "2023-01-01", "2023-06-30..",
		"abcd", "20a3", "2023-01-01.2023-06-30",
		"2023-01-01..2023-06-31", "2023-01-01..2023-6-30",
		"2023-01-01...2023-06-30", "2023-01-01--2023-06-30",
		"2023-01-01..2023-06-30x", "1899-12-31..1900-01-10",
		"2199-12-01..2200-01-01",
		"\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x93", /* ２０２３ */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_bad(bad[i], 15, "period");
		assert_bad(bad[i], 0, "period");
	}
	assert_bad(NULL, 15, "period");
	/* custom: order and length */
	assert_bad("2023-06-30..2023-01-01", 0, "period");
	assert_bad("2023-01-02..2023-01-01", 0, "period");
	assert_bad("2010-01-01..2020-01-01", 0, "period");
	assert_bad("2016-02-29..2026-02-28", 0, "period");
	assert_bad("1900-01-01..2199-12-31", 0, "period");
	/* the cut-off day itself */
	assert_bad("2023", 1, "cutoff_day");
	assert_bad("2023", 29, "cutoff_day");
	assert_bad("2023", 31, "cutoff_day");
	assert_bad("2023", -1, "cutoff_day");
	/* and without a struct err */
	assert_int_equal(period_parse("2023-Q5", 15, &(struct period){ 0 },
	    NULL), ERR_INVAL);
}

static void
test_previous(void **state)
{
	static const struct {
		const char	*in;
		int		 cutoff;
		const char	*from, *to, *label;
	} prev[] = {
		{ "2023-01", 15, "2022-11-15", "2022-12-14",
		    "tháng 12 năm 2022" },
		{ "2023-07", 0, "2023-06-01", "2023-06-30",
		    "tháng 6 năm 2023" },
		{ "2023-Q1", 15, "2022-09-15", "2022-12-14",
		    "quý IV năm 2022" },
		{ "2023-Q3", 0, "2023-04-01", "2023-06-30",
		    "quý II năm 2023" },
		{ "2023-H1", 15, "2022-06-15", "2022-12-14",
		    "6 tháng cuối năm 2022" },
		{ "2023-H2", 15, "2022-12-15", "2023-06-14",
		    "6 tháng đầu năm 2023" },
		{ "2023-9M", 15, "2021-12-15", "2022-09-14",
		    "9 tháng đầu năm 2022" },
		{ "2023", 0, "2022-01-01", "2022-12-31", "năm 2022" },
		{ "2023-01-01..2023-06-30", 15, "2022-07-04", "2022-12-31",
		    "từ 04/07/2022 đến 31/12/2022" },
		{ "2024-03-01..2024-03-01", 0, "2024-02-29", "2024-02-29",
		    "từ 29/02/2024 đến 29/02/2024" },
	};
	char label[PERIOD_LABEL_LEN];
	struct period p, q;

	(void)state;
	for (size_t i = 0; i < sizeof(prev) / sizeof(prev[0]); i++) {
		p = must_parse(prev[i].in, prev[i].cutoff);
		assert_int_equal(period_previous(&p, prev[i].cutoff, &q), 0);
		assert_int_equal(q.kind, p.kind);
		assert_range(&q, prev[i].from, prev[i].to);
		period_label_vi(&q, label, sizeof(label));
		assert_string_equal(label, prev[i].label);
	}
	/* nothing before 1900 */
	q.year = 77;
	p = must_parse("1900", 15);
	assert_int_equal(period_previous(&p, 15, &q), ERR_INVAL);
	p = must_parse("1900-01", 0);
	assert_int_equal(period_previous(&p, 0, &q), ERR_INVAL);
	p = must_parse("1900-Q1", 0);
	assert_int_equal(period_previous(&p, 0, &q), ERR_INVAL);
	p = must_parse("1900-H1", 0);
	assert_int_equal(period_previous(&p, 0, &q), ERR_INVAL);
	p = must_parse("1900-01-01..1900-01-10", 0);
	assert_int_equal(period_previous(&p, 0, &q), ERR_INVAL);
	assert_int_equal(q.year, 77);
	/* but within 1900 */
	p = must_parse("1900-02", 0);
	assert_int_equal(period_previous(&p, 0, &q), 0);
	assert_range(&q, "1900-01-01", "1900-01-31");
	/* an invalid cut-off */
	p = must_parse("2023-02", 0);
	assert_int_equal(period_previous(&p, 40, &q), ERR_INVAL);
}

static void
test_year_before(void **state)
{
	static const struct {
		const char	*in;
		int		 cutoff;
		const char	*from, *to;
	} yb[] = {
		{ "2023-Q3", 15, "2022-06-15", "2022-09-14" },
		{ "2024-02", 0, "2023-02-01", "2023-02-28" },
		{ "2025-03", 15, "2024-02-15", "2024-03-14" },
		{ "2023-H2", 0, "2022-07-01", "2022-12-31" },
		{ "2023-9M", 15, "2021-12-15", "2022-09-14" },
		{ "2023", 15, "2021-12-15", "2022-12-14" },
		{ "2024-02-29..2024-03-31", 0, "2023-02-28", "2023-03-31" },
		{ "2023-01-01..2023-06-30", 0, "2022-01-01", "2022-06-30" },
	};
	struct period p, q;

	(void)state;
	for (size_t i = 0; i < sizeof(yb) / sizeof(yb[0]); i++) {
		p = must_parse(yb[i].in, yb[i].cutoff);
		assert_int_equal(period_year_before(&p, yb[i].cutoff, &q), 0);
		assert_int_equal(q.kind, p.kind);
		assert_int_equal(q.index, p.index);
		if (p.kind != PERIOD_CUSTOM)
			assert_int_equal(q.year, p.year - 1);
		assert_range(&q, yb[i].from, yb[i].to);
	}
	p = must_parse("1900-Q2", 15);
	assert_int_equal(period_year_before(&p, 15, &q), ERR_INVAL);
	p = must_parse("1900-03-01..1900-04-01", 15);
	assert_int_equal(period_year_before(&p, 15, &q), ERR_INVAL);
}

/* For every year and several cut-off days: months and quarters tile the
 * year without gaps, halves and nine months end where their last quarter
 * ends, and every previous period ends the day before. */
static void
test_tiling(void **state)
{
	static const int cutoffs[] = { 0, 2, 10, 15, 28 };
	static const char *const parts[] = { "Q1", "Q2", "Q3", "Q4", "H1",
	    "H2", "9M" };

	(void)state;
	for (size_t c = 0; c < sizeof(cutoffs) / sizeof(cutoffs[0]); c++)
		for (int y = 1901; y <= CAL_YEAR_MAX; y++) {
			struct period yr, p[7], m, prev, q;
			cal_day next;
			char s[40];
			int k = cutoffs[c];

			snprintf(s, sizeof(s), "%d", y);
			yr = must_parse(s, k);
			for (int i = 0; i < 7; i++) {
				snprintf(s, sizeof(s), "%d-%s", y, parts[i]);
				p[i] = must_parse(s, k);
			}
			assert_int_equal(yr.from, p[0].from);
			assert_int_equal(yr.to, p[3].to);
			assert_int_equal(p[0].to + 1, p[1].from);
			assert_int_equal(p[1].to + 1, p[2].from);
			assert_int_equal(p[2].to + 1, p[3].from);
			assert_int_equal(p[4].from, p[0].from);
			assert_int_equal(p[4].to, p[1].to);
			assert_int_equal(p[5].from, p[2].from);
			assert_int_equal(p[5].to, p[3].to);
			assert_int_equal(p[6].from, p[0].from);
			assert_int_equal(p[6].to, p[2].to);
			next = yr.from;
			for (int mo = 1; mo <= 12; mo++) {
				snprintf(s, sizeof(s), "%d-%02d", y, mo);
				m = must_parse(s, k);
				assert_int_equal(m.from, next);
				assert_true(m.to >= m.from);
				next = m.to + 1;
				assert_int_equal(period_previous(&m, k, &prev),
				    0);
				assert_int_equal(prev.to + 1, m.from);
			}
			assert_int_equal(next, yr.to + 1);
			for (int i = 0; i < 6; i++) {
				assert_int_equal(period_previous(&p[i], k,
				    &prev), 0);
				assert_int_equal(prev.to + 1, p[i].from);
			}
			assert_int_equal(period_previous(&yr, k, &prev), 0);
			assert_int_equal(prev.to + 1, yr.from);
			assert_int_equal(period_year_before(&yr, k, &q), 0);
			assert_int_equal(q.from, prev.from);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_table),
		cmocka_unit_test(test_label_truncation),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_previous),
		cmocka_unit_test(test_year_before),
		cmocka_unit_test(test_tiling),
	};

	return cmocka_run_group_tests_name("period", tests, NULL, NULL);
}
