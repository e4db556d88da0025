/*
 * test_vnfmt.c - core/vnfmt.h: the number and date forms of DOMAIN.md
 * §12 (P-FMT-06, R-FMT-01/02, R-VB-07/08), with the figures of the
 * reference reports in ../shared/seeds ("tiếp 3.146 lượt với 3.896
 * người", "đạt 99,74%", "04 Hội nghị", "05 văn bản", "4.365 mô hình").
 */
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/err.h"
#include "core/vnfmt.h"

static void
t_int(void **state)
{
	static const struct {
		long long	 v;
		const char	*want;
	} cases[] = {
		{ 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1.000" },
		{ 3146, "3.146" }, { 3896, "3.896" }, { 23908, "23.908" },
		{ 4365, "4.365" }, { 11784, "11.784" }, { 100000, "100.000" },
		{ 1234567, "1.234.567" }, { -1234, "-1.234" }, { -12, "-12" },
		{ LLONG_MAX, "9.223.372.036.854.775.807" },
		{ LLONG_MIN, "-9.223.372.036.854.775.808" },
	};
	char out[VN_NUM_LEN];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vn_format_int(cases[i].v, out);
		assert_string_equal(out, cases[i].want);
	}
}

static void
t_number(void **state)
{
	static const struct {
		double		 v;
		int		 dec;
		const char	*want;
	} cases[] = {
		{ 1234.5, 1, "1.234,5" },	/* P-FMT-06 */
		{ 1234567.89, 2, "1.234.567,89" },	/* R-FMT-01 */
		{ 5.953, 3, "5,953" },		/* "5,953 tỷ đồng" */
		{ 2.5, 1, "2,5" },		/* "2,5 km" */
		{ 83.5, 1, "83,5" },		/* "83,5/100 điểm" */
		{ 2.5, 2, "2,50" },
		{ 1234.56, 0, "1.235" },
		{ 3146, 0, "3.146" },
		{ 0, 0, "0" },
		{ 0.004, 2, "0,00" },
		{ -0.004, 2, "0,00" },		/* no "-0,00" */
		{ -1234.5, 1, "-1.234,5" },
		{ 999.96, 1, "1.000,0" },
		{ 123456789012345.0, 0, "123.456.789.012.345" },
	};
	char out[VN_NUM_LEN];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(vn_format_number(cases[i].v, cases[i].dec,
		    out), 0);
		assert_string_equal(out, cases[i].want);
	}
	assert_int_equal(vn_format_number(NAN, 1, out), ERR_RANGE);
	assert_string_equal(out, "");
	assert_int_equal(vn_format_number(INFINITY, 1, out), ERR_RANGE);
	assert_int_equal(vn_format_number(1e15, 0, out), ERR_RANGE);
	assert_int_equal(vn_format_number(-1e15, 0, out), ERR_RANGE);
	assert_int_equal(vn_format_number(1, -1, out), ERR_INVAL);
	assert_int_equal(vn_format_number(1, VN_DECIMALS_MAX + 1, out),
	    ERR_INVAL);
	/* the longest result fits */
	assert_int_equal(vn_format_number(-999999999999999.0,
	    VN_DECIMALS_MAX, out), 0);
	assert_true(strlen(out) < VN_NUM_LEN);
}

static void
t_percent(void **state)
{
	static const struct {
		double		 v;
		int		 dec;
		const char	*want;
	} cases[] = {
		{ 99.74, 2, "99,74%" },		/* seeds: "đạt 99,74%" */
		{ 61.24, 2, "61,24%" },
		{ 88.46, 2, "88,46%" },
		{ 82.83, 2, "82,83%" },
		{ 100, 2, "100%" },		/* "đạt 100%" */
		{ 61.2, 2, "61,2%" },
		{ 0, 2, "0%" },
		{ 3890.0 / 3900.0 * 100, 2, "99,74%" },
		{ 12.5, 0, "12%" },		/* printf: half to even */
		{ 1234.5, 1, "1.234,5%" },
	};
	char out[VN_NUM_LEN];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(vn_format_percent(cases[i].v, cases[i].dec,
		    out), 0);
		assert_string_equal(out, cases[i].want);
	}
	assert_int_equal(vn_format_percent(NAN, 2, out), ERR_RANGE);
	assert_string_equal(out, "");
}

static void
t_count2(void **state)
{
	static const struct {
		long long	 v;
		const char	*want;
	} cases[] = {
		{ 4, "04" },		/* "04 Hội nghị đối thoại" */
		{ 5, "05" },		/* "05 văn bản" */
		{ 7, "07" },		/* "còn 07 vụ" */
		{ 1, "01" }, { 9, "09" },
		{ 0, "0" }, { 10, "10" }, { 26, "26" }, { 61, "61" },
		{ 4365, "4.365" }, { -3, "-3" },
	};
	char out[VN_NUM_LEN];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vn_format_count2(cases[i].v, out);
		assert_string_equal(out, cases[i].want);
	}
}

static void
t_date_long(void **state)
{
	static const struct {
		const char	*place;
		int		 y, m, d;
		const char	*want;
	} cases[] = {
		/* R-VB-08 and P-FMT-06 */
		{ NULL, 2021, 2, 5, "ngày 05 tháng 02 năm 2021" },
		{ NULL, 2023, 12, 26, "ngày 26 tháng 12 năm 2023" },
		{ NULL, 2025, 3, 15, "ngày 15 tháng 3 năm 2025" },
		{ "", 2025, 1, 1, "ngày 01 tháng 01 năm 2025" },
		{ NULL, 2025, 9, 30, "ngày 30 tháng 9 năm 2025" },
		{ NULL, 2024, 10, 9, "ngày 09 tháng 10 năm 2024" },
		{ "Phú Thọ", 2025, 6, 14,
		    "Phú Thọ, ngày 14 tháng 6 năm 2025" },
		/* R-VB-23 */
		{ "Hạ Long", 2018, 2, 20,
		    "Hạ Long, ngày 20 tháng 02 năm 2018" },
		{ NULL, 2024, 2, 29, "ngày 29 tháng 02 năm 2024" },
	};
	char out[128];
	size_t n;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(vn_format_date_long(out, sizeof(out),
		    cases[i].place, cases[i].y, cases[i].m, cases[i].d), 0);
		assert_string_equal(out, cases[i].want);
	}
	assert_int_equal(vn_format_date_long(out, sizeof(out), NULL, 2023,
	    2, 29), ERR_INVAL);
	assert_string_equal(out, "");
	assert_int_equal(vn_format_date_long(out, sizeof(out), NULL, 2025,
	    13, 1), ERR_INVAL);
	assert_int_equal(vn_format_date_long(out, sizeof(out), NULL, 1899,
	    12, 31), ERR_INVAL);
	assert_int_equal(vn_format_date_long(out, sizeof(out), NULL, 2025,
	    6, 0), ERR_INVAL);
	/* exactly fitting, one byte short */
	n = strlen("ngày 05 tháng 02 năm 2021") + 1;
	assert_int_equal(vn_format_date_long(out, n, NULL, 2021, 2, 5), 0);
	assert_string_equal(out, "ngày 05 tháng 02 năm 2021");
	assert_int_equal(vn_format_date_long(out, n - 1, NULL, 2021, 2, 5),
	    ERR_TOOBIG);
	assert_string_equal(out, "");
	assert_int_equal(vn_format_date_long(out, 0, "X", 2021, 2, 5),
	    ERR_TOOBIG);
}

static void
t_date_short(void **state)
{
	static const struct {
		int		 y, m, d;
		const char	*want;
	} cases[] = {
		{ 2023, 12, 26, "26/12/2023" },	/* R-FMT-02 */
		{ 2021, 2, 5, "05/02/2021" },
		{ 2025, 6, 14, "14/06/2025" },
		{ 2023, 1, 1, "01/01/2023" },
	};
	char out[VN_DATE_SHORT_LEN];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(vn_format_date_short(cases[i].y, cases[i].m,
		    cases[i].d, out), 0);
		assert_string_equal(out, cases[i].want);
	}
	assert_int_equal(vn_format_date_short(2023, 11, 31, out), ERR_INVAL);
	assert_string_equal(out, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_int),
		cmocka_unit_test(t_number),
		cmocka_unit_test(t_percent),
		cmocka_unit_test(t_count2),
		cmocka_unit_test(t_date_long),
		cmocka_unit_test(t_date_short),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
