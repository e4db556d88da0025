/* period.c - reporting periods: parsing, cut-off boundaries and labels. */
#include "core/period.h"

#include <stdio.h>
#include <string.h>

#include "core/err.h"

static const char MSG_BAD[] = "Kỳ báo cáo không hợp lệ (ví dụ: 2023, "
    "2023-H1, 2023-Q1, 2023-06, 2023-9M, 2023-01-01..2023-06-30).";

static int
bad(struct err *e)
{
	return err_set(e, ERR_INVAL, "invalid_param", "period", "%s", MSG_BAD);
}

static bool
cutoff_valid(int cutoff_day)
{
	return cutoff_day == 0 || (cutoff_day >= 2 && cutoff_day <= 28);
}

/* First day of month m (1..12) of y; also for January 2200 (the end of
 * December 2199), which cal_from_ymd refuses. */
static cal_day
month_first(int y, int m)
{
	cal_day d = 0;

	if (y > CAL_YEAR_MAX) {
		(void)cal_from_ymd(CAL_YEAR_MAX, 12, 31, &d);
		return d + 1;
	}
	(void)cal_from_ymd(y, m, 1, &d);
	return d;
}

/* Months first_m..last_m of year y as days, with cut-off day c (0:
 * natural boundaries). */
static void
month_range(int y, int first_m, int last_m, int c, cal_day *from,
    cal_day *to)
{
	cal_day start = month_first(y, first_m);

	if (c == 0) {
		*from = start;
		*to = last_m == 12 ? month_first(y + 1, 1) - 1 :
		    month_first(y, last_m + 1) - 1;
		return;
	}
	/* day c of the month before first_m, day c - 1 of last_m */
	if (first_m == 1)
		*from = start - 31 + (c - 1);	/* December has 31 days */
	else
		*from = start - cal_month_days(y, first_m - 1) + (c - 1);
	*to = month_first(y, last_m) + (c - 2);
}

/* Fill p from kind, year and index. */
static int
period_make(enum period_kind kind, int year, int index, int cutoff_day,
    struct period *p)
{
	int m1, m2;

	if (year < CAL_YEAR_MIN || year > CAL_YEAR_MAX ||
	    !cutoff_valid(cutoff_day))
		return ERR_INVAL;
	switch (kind) {
	case PERIOD_MONTH:
		if (index < 1 || index > 12)
			return ERR_INVAL;
		m1 = m2 = index;
		break;
	case PERIOD_QUARTER:
		if (index < 1 || index > 4)
			return ERR_INVAL;
		m1 = 3 * index - 2;
		m2 = 3 * index;
		break;
	case PERIOD_HALF:
		if (index < 1 || index > 2)
			return ERR_INVAL;
		m1 = index == 1 ? 1 : 7;
		m2 = index == 1 ? 6 : 12;
		break;
	case PERIOD_NINE_MONTHS:
		m1 = 1;
		m2 = 9;
		index = 0;
		break;
	case PERIOD_YEAR:
		m1 = 1;
		m2 = 12;
		index = 0;
		break;
	default:
		return ERR_INVAL;
	}
	p->kind = kind;
	p->year = year;
	p->index = index;
	month_range(year, m1, m2, cutoff_day, &p->from, &p->to);
	return 0;
}

static int
digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return ERR_INVAL;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* The day ten years after from (29/2 -> 28/2); INT32_MAX past 2199. */
static cal_day
ten_years_after(cal_day from)
{
	int y, m, d;
	cal_day out;

	cal_to_ymd(from, &y, &m, &d);
	y += PERIOD_MAX_YEARS;
	if (d > cal_month_days(y, m))
		d = cal_month_days(y, m);
	if (cal_from_ymd(y, m, d, &out) != 0)
		return INT32_MAX;
	return out;
}

static int
parse_custom(const char *s, struct period *out, struct err *e)
{
	char a[CAL_DATE_LEN], b[CAL_DATE_LEN];
	cal_day from, to;
	int y, m, d;

	if (s[10] != '.' || s[11] != '.')
		return bad(e);
	memcpy(a, s, 10);
	a[10] = '\0';
	memcpy(b, s + 12, 10);
	b[10] = '\0';
	if (cal_parse(a, &from) != 0 || cal_parse(b, &to) != 0)
		return bad(e);
	if (from > to)
		return err_set(e, ERR_INVAL, "invalid_param", "period",
		    "Ngày bắt đầu của kỳ báo cáo phải không sau ngày kết "
		    "thúc.");
	if (to >= ten_years_after(from))
		return err_set(e, ERR_INVAL, "invalid_param", "period",
		    "Kỳ báo cáo tùy chọn không được dài quá %d năm.",
		    PERIOD_MAX_YEARS);
	cal_to_ymd(from, &y, &m, &d);
	out->kind = PERIOD_CUSTOM;
	out->year = y;
	out->index = 0;
	out->from = from;
	out->to = to;
	return 0;
}

int
period_parse(const char *s, int cutoff_day, struct period *out,
    struct err *e)
{
	enum period_kind kind;
	struct period p;
	size_t len;
	int year, index = 0;

	if (!cutoff_valid(cutoff_day))
		return err_set(e, ERR_INVAL, "invalid_param", "cutoff_day",
		    "Ngày chốt số liệu phải là 0 hoặc từ 2 đến 28.");
	if (s == NULL)
		return bad(e);
	len = strnlen(s, PERIOD_MAX_LEN + 1);
	if (len == PERIOD_MAX_LEN)
		return parse_custom(s, out, e);
	if ((len != 4 && len != 7) || digits(s, 4, &year) != 0)
		return bad(e);
	if (len == 4) {
		kind = PERIOD_YEAR;
	} else if (s[4] != '-') {
		return bad(e);
	} else if (s[5] == 'H' && (s[6] == '1' || s[6] == '2')) {
		kind = PERIOD_HALF;
		index = s[6] - '0';
	} else if (s[5] == 'Q' && s[6] >= '1' && s[6] <= '4') {
		kind = PERIOD_QUARTER;
		index = s[6] - '0';
	} else if (s[5] == '9' && s[6] == 'M') {
		kind = PERIOD_NINE_MONTHS;
	} else if (digits(s + 5, 2, &index) == 0) {
		kind = PERIOD_MONTH;
	} else
		return bad(e);
	if (period_make(kind, year, index, cutoff_day, &p) != 0)
		return bad(e);
	*out = p;
	return 0;
}

void
period_label_vi(const struct period *p, char *out, size_t n)
{
	static const char *const roman[] = { "I", "II", "III", "IV" };
	char a[CAL_DATE_LEN], b[CAL_DATE_LEN];

	if (n == 0)
		return;
	switch (p->kind) {
	case PERIOD_MONTH:
		snprintf(out, n, "tháng %d năm %d", p->index, p->year);
		break;
	case PERIOD_QUARTER:
		snprintf(out, n, "quý %s năm %d",
		    p->index >= 1 && p->index <= 4 ? roman[p->index - 1] : "?",
		    p->year);
		break;
	case PERIOD_HALF:
		snprintf(out, n, "6 tháng %s năm %d",
		    p->index == 2 ? "cuối" : "đầu", p->year);
		break;
	case PERIOD_NINE_MONTHS:
		snprintf(out, n, "9 tháng đầu năm %d", p->year);
		break;
	case PERIOD_YEAR:
		snprintf(out, n, "năm %d", p->year);
		break;
	case PERIOD_CUSTOM:
	default:
		cal_format_vi(p->from, a);
		cal_format_vi(p->to, b);
		snprintf(out, n, "từ %s đến %s", a, b);
		break;
	}
}

void
period_string(const struct period *p, char out[PERIOD_MAX_LEN + 1])
{
	char a[CAL_DATE_LEN], b[CAL_DATE_LEN];

	switch (p->kind) {
	case PERIOD_MONTH:
		snprintf(out, PERIOD_MAX_LEN + 1, "%04d-%02d", p->year,
		    p->index);
		break;
	case PERIOD_QUARTER:
		snprintf(out, PERIOD_MAX_LEN + 1, "%04d-Q%d", p->year,
		    p->index);
		break;
	case PERIOD_HALF:
		snprintf(out, PERIOD_MAX_LEN + 1, "%04d-H%d", p->year,
		    p->index);
		break;
	case PERIOD_NINE_MONTHS:
		snprintf(out, PERIOD_MAX_LEN + 1, "%04d-9M", p->year);
		break;
	case PERIOD_YEAR:
		snprintf(out, PERIOD_MAX_LEN + 1, "%04d", p->year);
		break;
	case PERIOD_CUSTOM:
	default:
		cal_format(p->from, a);
		cal_format(p->to, b);
		snprintf(out, PERIOD_MAX_LEN + 1, "%s..%s", a, b);
		break;
	}
}

/* The custom period [from, to] if it stays inside 1900..2199. */
static int
custom_make(cal_day from, cal_day to, struct period *out)
{
	cal_day min, max;
	int y, m, d;

	(void)cal_from_ymd(CAL_YEAR_MIN, 1, 1, &min);
	(void)cal_from_ymd(CAL_YEAR_MAX, 12, 31, &max);
	if (from < min || to > max || from > to)
		return ERR_INVAL;
	cal_to_ymd(from, &y, &m, &d);
	out->kind = PERIOD_CUSTOM;
	out->year = y;
	out->index = 0;
	out->from = from;
	out->to = to;
	return 0;
}

int
period_previous(const struct period *p, int cutoff_day, struct period *out)
{
	struct period r;
	int rc;

	switch (p->kind) {
	case PERIOD_MONTH:
		rc = p->index == 1 ?
		    period_make(PERIOD_MONTH, p->year - 1, 12, cutoff_day, &r) :
		    period_make(PERIOD_MONTH, p->year, p->index - 1, cutoff_day,
		    &r);
		break;
	case PERIOD_QUARTER:
		rc = p->index == 1 ?
		    period_make(PERIOD_QUARTER, p->year - 1, 4, cutoff_day,
		    &r) :
		    period_make(PERIOD_QUARTER, p->year, p->index - 1,
		    cutoff_day, &r);
		break;
	case PERIOD_HALF:
		rc = p->index == 1 ?
		    period_make(PERIOD_HALF, p->year - 1, 2, cutoff_day, &r) :
		    period_make(PERIOD_HALF, p->year, 1, cutoff_day, &r);
		break;
	case PERIOD_NINE_MONTHS:
	case PERIOD_YEAR:
		rc = period_make(p->kind, p->year - 1, 0, cutoff_day, &r);
		break;
	case PERIOD_CUSTOM:
		rc = custom_make(p->from - (p->to - p->from + 1), p->from - 1,
		    &r);
		break;
	default:
		rc = ERR_INVAL;
		break;
	}
	if (rc == 0)
		*out = r;
	return rc;
}

/* day one year earlier, 29/2 -> 28/2; ERR_INVAL before 1900. */
static int
year_earlier(cal_day day, cal_day *out)
{
	int y, m, d;

	cal_to_ymd(day, &y, &m, &d);
	if (m == 2 && d == 29)
		d = 28;
	return cal_from_ymd(y - 1, m, d, out);
}

int
period_year_before(const struct period *p, int cutoff_day,
    struct period *out)
{
	struct period r;
	cal_day from, to;
	int rc;

	if (p->kind == PERIOD_CUSTOM) {
		rc = year_earlier(p->from, &from);
		if (rc == 0)
			rc = year_earlier(p->to, &to);
		if (rc == 0)
			rc = custom_make(from, to, &r);
	} else
		rc = period_make(p->kind, p->year - 1, p->index, cutoff_day,
		    &r);
	if (rc == 0)
		*out = r;
	return rc;
}
