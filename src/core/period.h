/*
 * period.h - reporting periods and their data cut-off (DOMAIN.md §16).
 *
 * With cutoff_day 0 a period has its natural boundaries (the 1st of its
 * first month to the last day of its last month).  With a cut-off day c
 * (2..28; 15 under TT 01/2024 R-BC-02 and NĐ 09/2019 R-BC-03, the
 * settings row report_cutoff_day) a period whose months are m1..m2 of
 * year Y runs from day c of the month before m1 (December of Y-1 for
 * m1 = 1) to day c-1 of m2.  With c = 15: year 2023 = 15/12/2022 ..
 * 14/12/2023, Q1 = 15/12/2022 .. 14/3/2023, Q2 = 15/3 .. 14/6, month 06 =
 * 15/5 .. 14/6, H1 = 15/12/2022 .. 14/6/2023, H2 = 15/6 .. 14/12, 9M =
 * 15/12/2022 .. 14/9/2023.  Custom ranges are taken as given.
 */
#ifndef CORE_PERIOD_H
#define CORE_PERIOD_H

#include <stddef.h>

#include "core/calendar.h"

struct err;

#define PERIOD_MAX_LEN	22	/* "YYYY-MM-DD..YYYY-MM-DD" */
#define PERIOD_LABEL_LEN 48	/* enough for every label */
#define PERIOD_MAX_YEARS 10	/* longest custom range */

enum period_kind {
	PERIOD_MONTH, PERIOD_QUARTER, PERIOD_HALF, PERIOD_NINE_MONTHS,
	PERIOD_YEAR, PERIOD_CUSTOM
};

/*
 * index: month 1..12, quarter 1..4, half 1..2, 0 for 9 months, year and
 * custom.  year: the reporting year (custom: the year of from).  from and
 * to are inclusive.
 */
struct period {
	enum period_kind kind;
	int		 year, index;
	cal_day		 from, to;
};

/*
 * Parse "2023" (year), "2023-H1" / "2023-H2", "2023-Q1".."2023-Q4",
 * "2023-06" (month), "2023-9M" (first nine months) or
 * "2023-01-01..2023-06-30" (custom: from <= to, at most 10 years).  Years
 * 1900..2199; exactly these forms (upper case, no spaces).  cutoff_day: 0
 * or 2..28, see above.  Returns 0 or ERR_INVAL (api_code "invalid_param",
 * field "period" or "cutoff_day", Vietnamese message); *out is untouched
 * on error.
 */
int	period_parse(const char *s, int cutoff_day, struct period *out,
	    struct err *e);
/*
 * "năm 2023", "6 tháng đầu năm 2023", "6 tháng cuối năm 2023", "quý III
 * năm 2023", "tháng 6 năm 2023", "9 tháng đầu năm 2023", "từ 01/01/2023
 * đến 30/06/2023" into out[n] (truncated to fit; PERIOD_LABEL_LEN is
 * always enough).
 */
void	period_label_vi(const struct period *p, char *out, size_t n);
/* The string period_parse() reads back as p: "2023", "2023-H1",
 * "2023-Q3", "2023-06", "2023-9M" or "2023-01-01..2023-06-30". */
void	period_string(const struct period *p, char out[PERIOD_MAX_LEN + 1]);
/*
 * The period before p: previous month, quarter, half or year; for nine
 * months the nine months of the previous year (there is no nine-month
 * period in between); for custom the same number of days just before.
 * Returns 0, or ERR_INVAL when that period would leave 1900..2199 or
 * cutoff_day is invalid.
 */
int	period_previous(const struct period *p, int cutoff_day,
	    struct period *out);
/*
 * The same period of the previous year (custom: the same dates one year
 * earlier, 29/2 becoming 28/2).  Returns 0 or ERR_INVAL as above.
 */
int	period_year_before(const struct period *p, int cutoff_day,
	    struct period *out);

#endif
