/*
 * test_clock.c - core/clock.h: ISO timestamps in UTC and strict
 * "YYYY-MM-DD" calendar dates.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "core/clock.h"
#include "core/err.h"

#define DAY	86400

static void
assert_iso(int64_t t, const char *want)
{
	char out[ISO_TIME_LEN];

	memset(out, 'X', sizeof(out));
	clock_iso(t, out);
	assert_string_equal(out, want);
	assert_int_equal(strlen(out), ISO_TIME_LEN - 1);
}

static void
assert_date(const char *s, int64_t want)
{
	int64_t t = -1;
	int rc = clock_parse_date(s, &t);

	if (rc != 0)
		print_error("clock_parse_date(\"%s\") = %d\n", s, rc);
	assert_int_equal(rc, 0);
	assert_int_equal(t, want);
}

static void
assert_bad_date(const char *s)
{
	int64_t t = 12345;
	int rc = clock_parse_date(s, &t);

	if (rc != ERR_INVAL)
		print_error("clock_parse_date(\"%s\") accepted\n", s);
	assert_int_equal(rc, ERR_INVAL);
	assert_int_equal(t, 12345);		/* untouched on error */
}

static void
test_now(void **state)
{
	int64_t a, b;

	(void)state;
	a = clock_now();
	b = (int64_t)time(NULL);
	assert_true(a > 1700000000);		/* after November 2023 */
	assert_true(b - a >= 0 && b - a <= 2);
}

static void
test_iso(void **state)
{
	(void)state;
	assert_iso(0, "1970-01-01T00:00:00Z");
	assert_iso(1, "1970-01-01T00:00:01Z");
	assert_iso(59, "1970-01-01T00:00:59Z");
	assert_iso(DAY - 1, "1970-01-01T23:59:59Z");
	assert_iso(951782400, "2000-02-29T00:00:00Z");
	assert_iso(1700000000, "2023-11-14T22:13:20Z");
	assert_iso(1709164800, "2024-02-29T00:00:00Z");
	assert_iso(1751328000, "2025-07-01T00:00:00Z");
	assert_iso(1735689599, "2024-12-31T23:59:59Z");
	assert_iso(4102444800LL, "2100-01-01T00:00:00Z");	/* > 2^31 */
	assert_iso(-1, "1969-12-31T23:59:59Z");
}

static void
test_iso_ignores_tz(void **state)
{
	char *old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;

	(void)state;
	/* UTC+7: a local-time formatter would say 07:00 */
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	assert_iso(0, "1970-01-01T00:00:00Z");
	assert_iso(1751328000, "2025-07-01T00:00:00Z");
	assert_date("2025-07-01", 1751328000);
	setenv("TZ", "America/New_York", 1);
	tzset();
	assert_iso(1751328000, "2025-07-01T00:00:00Z");
	assert_date("2025-07-01", 1751328000);
	if (old != NULL) {
		setenv("TZ", old, 1);
		free(old);
	} else
		unsetenv("TZ");
	tzset();
}

static void
test_parse_valid(void **state)
{
	(void)state;
	assert_date("1970-01-01", 0);
	assert_date("1970-01-02", DAY);
	assert_date("1969-12-31", -DAY);
	assert_date("1900-01-01", -2208988800LL);
	assert_date("2000-01-01", 946684800);
	assert_date("2000-02-29", 951782400);		/* divisible by 400 */
	assert_date("2024-02-29", 1709164800);		/* divisible by 4 */
	assert_date("2024-03-01", 1709164800 + DAY);
	assert_date("2023-02-28", 1677542400);
	assert_date("2023-03-01", 1677542400 + DAY);
	assert_date("2025-07-01", 1751328000);
	assert_date("2024-12-31", 1735603200);
	assert_date("2038-01-19", 2147472000LL);
	assert_date("2038-01-20", 2147558400LL);	/* past 2^31 */
	assert_date("2199-12-31", 7258032000LL);	/* the calendar's last */
	/* the last day of every month */
	assert_date("2023-01-31", 1675123200);
	assert_date("2023-04-30", 1682812800);
	assert_date("2023-06-30", 1688083200);
	assert_date("2023-09-30", 1696032000);
	assert_date("2023-11-30", 1701302400);
	assert_date("2023-12-31", 1703980800);
}

static void
test_parse_invalid_dates(void **state)
{
	(void)state;
	assert_bad_date("2200-01-01");		/* past the calendar's range */
	assert_bad_date("2023-02-29");		/* not a leap year */
	assert_bad_date("1900-02-29");		/* divisible by 100 */
	assert_bad_date("2100-02-29");
	assert_bad_date("2024-02-30");
	assert_bad_date("2024-04-31");
	assert_bad_date("2024-06-31");
	assert_bad_date("2024-09-31");
	assert_bad_date("2024-11-31");
	assert_bad_date("2024-01-32");
	assert_bad_date("2024-12-32");
	assert_bad_date("2024-00-10");
	assert_bad_date("2024-13-01");
	assert_bad_date("2024-99-01");
	assert_bad_date("2024-01-00");
	assert_bad_date("0000-01-01");
}

static void
test_parse_garbage(void **state)
{
	(void)state;
	assert_bad_date("");
	assert_bad_date("2");
	assert_bad_date("2024");
	assert_bad_date("2024-");
	assert_bad_date("2024-02");
	assert_bad_date("2024-02-");
	assert_bad_date("2024-02-2");
	assert_bad_date("2024-2-29");
	assert_bad_date("24-02-29");
	assert_bad_date("20240229");
	assert_bad_date("2024/02/29");
	assert_bad_date("2024.02.29");
	assert_bad_date("29-02-2024");
	assert_bad_date("abcd-ef-gh");
	assert_bad_date("2024-0a-01");
	assert_bad_date("2024-01-0x");
	assert_bad_date("20x4-01-01");
	assert_bad_date("-024-01-01");
	assert_bad_date("+024-01-01");
	assert_bad_date("2024-+1-01");
	assert_bad_date("2024--1-01");
	assert_bad_date("2024-01- 1");
	assert_bad_date("２０２４-01-01");		/* full-width digits */
	/* trailing characters */
	assert_bad_date("2024-02-29 ");
	assert_bad_date("2024-02-29\n");
	assert_bad_date("2024-02-29T00:00:00Z");
	assert_bad_date("2024-02-290");
	assert_bad_date("2024-02-29x");
	/* leading characters */
	assert_bad_date(" 2024-02-29");
	assert_bad_date("\t2024-02-29");
	assert_bad_date("02024-02-29");
}

/* Every day from 1900 to 2100: consecutive dates are one day apart, and
 * the independent gmtime-based formatter agrees. */
static void
test_parse_roundtrip(void **state)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	char s[48], iso[ISO_TIME_LEN], want[64];
	int64_t t, prev = 0;
	bool first = true;

	(void)state;
	for (int y = 1900; y <= 2100; y++) {
		bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

		for (int m = 1; m <= 12; m++) {
			int n = mdays[m - 1] + (m == 2 && leap);

			for (int d = 1; d <= n + 1; d++) {
				snprintf(s, sizeof(s), "%04d-%02d-%02d", y, m, d);
				if (d > n) {
					assert_bad_date(s);
					continue;
				}
				assert_int_equal(clock_parse_date(s, &t), 0);
				if (!first)
					assert_int_equal(t, prev + DAY);
				first = false;
				prev = t;
				clock_iso(t, iso);
				snprintf(want, sizeof(want), "%sT00:00:00Z", s);
				if (strcmp(iso, want) != 0)
					print_error("%s -> %s\n", s, iso);
				assert_string_equal(iso, want);
			}
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_now),
		cmocka_unit_test(test_iso),
		cmocka_unit_test(test_iso_ignores_tz),
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_parse_invalid_dates),
		cmocka_unit_test(test_parse_garbage),
		cmocka_unit_test(test_parse_roundtrip),
	};

	return cmocka_run_group_tests_name("clock", tests, NULL, NULL);
}
