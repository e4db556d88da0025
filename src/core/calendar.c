/*
 * calendar.c - civil days, lunar dates through ICU, and the working
 * calendar: one entry per day of the built range.
 */
#include "core/calendar.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/utypes.h>

#include "core/clock.h"
#include "core/err.h"
#include "core/xalloc.h"

#define DAY_MS		86400000LL
#define VN_OFFSET	(7 * 3600)	/* Vietnam: UTC+7, no DST */
#define MAX_YEARS	300
#define MAX_AMOUNT	3650
/* ICU's Chinese extended year of the lunar year starting in Gregorian
 * year y is y + 2637 (ChineseCalendar epoch: 2637 BCE). */
#define CHINESE_YEAR_OFFSET	2637

static const char NAME_NEW_YEAR[] = "Tết Dương lịch";
static const char NAME_TET[] = "Tết Nguyên đán";
static const char NAME_HUNG[] = "Giỗ Tổ Hùng Vương";
static const char NAME_VICTORY[] = "Ngày Chiến thắng";
static const char NAME_LABOUR[] = "Ngày Quốc tế Lao động";
static const char NAME_NATIONAL[] = "Quốc khánh";
static const char NAME_COMPENSATION[] = "Nghỉ bù";
static const char NAME_OFF[] = "Ngày nghỉ theo quyết định";
static const char NAME_WORK[] = "Ngày làm việc theo quyết định";

struct cal_entry {
	const char	*name;		/* static or one of calendar.names */
	uint8_t		 kind;		/* enum cal_day_kind */
};

struct calendar {
	cal_day			 first, last;	/* inclusive */
	int			 first_year, last_year;
	struct cal_entry	*days;		/* last - first + 1 */
	char			**names;	/* copies of override names */
	size_t			 nnames;
};

/* ---- civil days ---- */

/* Days from 1970-01-01 (H. Hinnant's days_from_civil). */
static cal_day
days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
cal_month_days(int y, int m)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return mdays[m - 1] + (m == 2 && is_leap(y));
}

int
cal_from_ymd(int y, int m, int d, cal_day *out)
{
	if (y < CAL_YEAR_MIN || y > CAL_YEAR_MAX || m < 1 || m > 12 ||
	    d < 1 || d > cal_month_days(y, m))
		return ERR_INVAL;
	*out = days_from_civil(y, m, d);
	return 0;
}

void
cal_to_ymd(cal_day day, int *y, int *m, int *d)
{
	int z, era, doe, yoe, doy, mp;

	z = day + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
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

int
cal_parse(const char *s, cal_day *out)
{
	int y, m, d;

	if (s == NULL || digits(s, 4, &y) != 0 || s[4] != '-' ||
	    digits(s + 5, 2, &m) != 0 || s[7] != '-' ||
	    digits(s + 8, 2, &d) != 0 || s[10] != '\0')
		return ERR_INVAL;
	return cal_from_ymd(y, m, d, out);
}

/* Write v as exactly n decimal digits (v is taken modulo 10^n). */
static void
put_digits(char *p, int v, int n)
{
	if (v < 0)
		v = -v;
	for (int i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

void
cal_format(cal_day day, char out[CAL_DATE_LEN])
{
	int y, m, d;

	cal_to_ymd(day, &y, &m, &d);
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
}

void
cal_format_vi(cal_day day, char out[CAL_DATE_LEN])
{
	int y, m, d;

	cal_to_ymd(day, &y, &m, &d);
	put_digits(out, d, 2);
	out[2] = '/';
	put_digits(out + 3, m, 2);
	out[5] = '/';
	put_digits(out + 6, y, 4);
	out[10] = '\0';
}

int
cal_weekday(cal_day day)
{
	int r = (day + 3) % 7;		/* 1970-01-01 was a Thursday */

	if (r < 0)
		r += 7;
	return r + 1;
}

cal_day
cal_today(void)
{
	int64_t t = clock_now() + VN_OFFSET;
	int64_t d = t / 86400;

	if (t % 86400 < 0)
		d--;
	return (cal_day)d;
}

/* ---- lunar dates (ICU) ---- */

static UCalendar *
chinese_open(struct err *e)
{
	static const UChar utc[] = { 'U', 'T', 'C', 0 };
	UErrorCode st = U_ZERO_ERROR;
	UCalendar *uc;

	uc = ucal_open(utc, -1, "@calendar=chinese", UCAL_DEFAULT, &st);
	if (U_FAILURE(st)) {
		err_set(e, ERR_INTERNAL, NULL, NULL,
		    "ICU: cannot open the Chinese calendar: %s",
		    u_errorName(st));
		return NULL;
	}
	ucal_setAttribute(uc, UCAL_LENIENT, 0);
	return uc;
}

static int
bad_lunar(struct err *e, int year, int lmonth, int lday)
{
	return err_set(e, ERR_INVAL, "invalid_date", NULL,
	    "Ngày âm lịch %d/%d năm %d không tồn tại.", lday, lmonth, year);
}

/* Lunar year/lmonth/lday (non-leap month) -> day, on an open calendar. */
static int
lunar_solar(UCalendar *uc, int year, int lmonth, int lday, cal_day *out,
    struct err *e)
{
	UErrorCode st = U_ZERO_ERROR;
	int64_t ms, day;
	UDate t;

	if (year < CAL_YEAR_MIN || year > CAL_YEAR_MAX || lmonth < 1 ||
	    lmonth > 12 || lday < 1 || lday > 30)
		return bad_lunar(e, year, lmonth, lday);
	ucal_clear(uc);
	ucal_set(uc, UCAL_EXTENDED_YEAR, year + CHINESE_YEAR_OFFSET);
	ucal_set(uc, UCAL_MONTH, lmonth - 1);
	ucal_set(uc, UCAL_IS_LEAP_MONTH, 0);
	ucal_set(uc, UCAL_DATE, lday);
	t = ucal_getMillis(uc, &st);
	if (st == U_ILLEGAL_ARGUMENT_ERROR)
		return bad_lunar(e, year, lmonth, lday);
	if (U_FAILURE(st))
		return err_set(e, ERR_INTERNAL, NULL, NULL, "ICU: %s",
		    u_errorName(st));
	/* Read the fields back: a non-lenient calendar should have refused
	 * anything that does not exist, but check rather than trust. */
	if (ucal_get(uc, UCAL_EXTENDED_YEAR, &st) !=
	    year + CHINESE_YEAR_OFFSET ||
	    ucal_get(uc, UCAL_MONTH, &st) != lmonth - 1 ||
	    ucal_get(uc, UCAL_IS_LEAP_MONTH, &st) != 0 ||
	    ucal_get(uc, UCAL_DATE, &st) != lday || U_FAILURE(st))
		return bad_lunar(e, year, lmonth, lday);
	ms = (int64_t)t;
	day = ms / DAY_MS;
	if (ms % DAY_MS < 0)
		day--;
	*out = (cal_day)day;
	return 0;
}

int
cal_lunar_to_solar(int year, int lmonth, int lday, cal_day *out,
    struct err *e)
{
	UCalendar *uc;
	int rc;

	uc = chinese_open(e);
	if (uc == NULL)
		return ERR_INTERNAL;
	rc = lunar_solar(uc, year, lmonth, lday, out, e);
	ucal_close(uc);
	return rc;
}

/* ---- the working calendar ---- */

static struct cal_entry *
entry(const struct calendar *c, cal_day d)
{
	if (c == NULL || d < c->first || d > c->last)
		return NULL;
	return &c->days[d - c->first];
}

static void
mark(struct calendar *c, cal_day d, enum cal_day_kind kind, const char *name)
{
	struct cal_entry *p = entry(c, d);

	if (p != NULL) {
		p->kind = (uint8_t)kind;
		p->name = name;
	}
}

static void
mark_ymd(struct calendar *c, int y, int m, int d, const char *name)
{
	cal_day day;

	if (cal_from_ymd(y, m, d, &day) == 0)
		mark(c, day, CAL_DAY_HOLIDAY, name);
}

/*
 * Tết (lunar 1/1) and Giỗ Tổ (lunar 10/3) of each year never change, and
 * computing them through ICU costs more than the rest of a request: they
 * are kept for the life of the process (every deadline builds a
 * calendar).  0 = not yet known (day 0 is 1970-01-01, never either).
 */
static cal_day		lunar_memo[CAL_YEAR_MAX - CAL_YEAR_MIN + 1][2];
static pthread_mutex_t	lunar_lock = PTHREAD_MUTEX_INITIALIZER;

/* Tết and Giỗ Tổ of year y; opens *uc (ICU) on the first miss. */
static int
lunar_days(UCalendar **uc, int y, cal_day *tet, cal_day *hung,
    struct err *e)
{
	cal_day *m = lunar_memo[y - CAL_YEAR_MIN];
	int rc = 0;

	pthread_mutex_lock(&lunar_lock);
	*tet = m[0];
	*hung = m[1];
	pthread_mutex_unlock(&lunar_lock);
	if (*tet != 0 && *hung != 0)
		return 0;
	if (*uc == NULL)
		*uc = chinese_open(e);
	if (*uc == NULL)
		return ERR_INTERNAL;
	rc = lunar_solar(*uc, y, 1, 1, tet, e);
	if (rc == 0)
		rc = lunar_solar(*uc, y, 3, 10, hung, e);
	if (rc != 0)
		return rc == ERR_INVAL ? ERR_INTERNAL : rc;
	pthread_mutex_lock(&lunar_lock);
	m[0] = *tet;
	m[1] = *hung;
	pthread_mutex_unlock(&lunar_lock);
	return 0;
}

/* The public holidays of year y (Bộ luật Lao động 2019 Điều 112). */
static int
mark_holidays(struct calendar *c, UCalendar **uc, int y, struct err *e)
{
	cal_day tet, hung;
	int rc;

	rc = lunar_days(uc, y, &tet, &hung, e);
	if (rc != 0)
		return rc;
	mark_ymd(c, y, 1, 1, NAME_NEW_YEAR);
	for (cal_day d = tet - 1; d <= tet + 3; d++)
		mark(c, d, CAL_DAY_HOLIDAY, NAME_TET);
	mark(c, hung, CAL_DAY_HOLIDAY, NAME_HUNG);
	mark_ymd(c, y, 4, 30, NAME_VICTORY);
	mark_ymd(c, y, 5, 1, NAME_LABOUR);
	mark_ymd(c, y, 9, 1, NAME_NATIONAL);	/* default adjacent day */
	mark_ymd(c, y, 9, 2, NAME_NATIONAL);
	return 0;
}

static bool
is_weekend(cal_day d)
{
	return cal_weekday(d) >= 6;
}

/* Điều 111 k3: a holiday on a weekend is taken on the next weekday that
 * is free of holidays and earlier compensation days.  Holidays are
 * visited in day order so a block (Tết) pushes its days past its end. */
static void
mark_compensation(struct calendar *c)
{
	for (cal_day d = c->first; d <= c->last; d++) {
		cal_day n;

		if (c->days[d - c->first].kind != CAL_DAY_HOLIDAY ||
		    !is_weekend(d))
			continue;
		for (n = d + 1; n <= c->last; n++)
			if (!is_weekend(n) &&
			    c->days[n - c->first].kind == CAL_DAY_ORDINARY)
				break;
		mark(c, n, CAL_DAY_COMPENSATION, NAME_COMPENSATION);
	}
}

static void
apply_overrides(struct calendar *c, const struct cal_override *ov,
    size_t nov)
{
	size_t n = 0;

	for (size_t i = 0; i < nov; i++)
		if (entry(c, ov[i].day) != NULL && ov[i].name != NULL)
			n++;
	if (n > 0)
		c->names = xcalloc(n, sizeof(*c->names));
	for (size_t i = 0; i < nov; i++) {
		const char *name = ov[i].working ? NAME_WORK : NAME_OFF;

		if (entry(c, ov[i].day) == NULL)
			continue;
		if (ov[i].name != NULL) {
			c->names[c->nnames] = xstrdup(ov[i].name);
			name = c->names[c->nnames++];
		}
		mark(c, ov[i].day, ov[i].working ? CAL_DAY_WORK : CAL_DAY_OFF,
		    name);
	}
}

int
calendar_new(int first_year, int last_year, const struct cal_override *ov,
    size_t nov, struct calendar **out, struct err *e)
{
	struct calendar *c;
	UCalendar *uc = NULL;
	int rc = 0;

	*out = NULL;
	if (first_year < CAL_YEAR_MIN || last_year > CAL_YEAR_MAX ||
	    first_year > last_year || last_year - first_year >= MAX_YEARS)
		return err_set(e, ERR_INVAL, "invalid_param", "year",
		    "Khoảng năm của lịch không hợp lệ (%d-%d).", first_year,
		    last_year);
	c = xcalloc(1, sizeof(*c));
	c->first_year = first_year;
	c->last_year = last_year;
	c->first = days_from_civil(first_year, 1, 1);
	c->last = days_from_civil(last_year, 12, 31);
	c->days = xcalloc((size_t)(c->last - c->first + 1), sizeof(*c->days));
	for (int y = first_year; y <= last_year && rc == 0; y++)
		rc = mark_holidays(c, &uc, y, e);
	if (uc != NULL)
		ucal_close(uc);
	if (rc != 0) {
		calendar_free(c);
		return rc;
	}
	mark_compensation(c);
	apply_overrides(c, ov, nov);
	*out = c;
	return 0;
}

void
calendar_free(struct calendar *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->nnames; i++)
		free(c->names[i]);
	free(c->names);
	free(c->days);
	free(c);
}

bool
calendar_is_working(const struct calendar *c, cal_day d)
{
	const struct cal_entry *p = entry(c, d);

	if (p == NULL || p->kind == CAL_DAY_ORDINARY)
		return !is_weekend(d);
	return p->kind == CAL_DAY_WORK;
}

const char *
calendar_day_name(const struct calendar *c, cal_day d)
{
	const struct cal_entry *p = entry(c, d);

	return p != NULL ? p->name : NULL;
}

enum cal_day_kind
calendar_day_kind(const struct calendar *c, cal_day d)
{
	const struct cal_entry *p = entry(c, d);

	return p != NULL ? (enum cal_day_kind)p->kind : CAL_DAY_ORDINARY;
}

cal_day
calendar_next_working(const struct calendar *c, cal_day d)
{
	while (!calendar_is_working(c, d))
		d++;
	return d;
}

cal_day
calendar_add(const struct calendar *c, cal_day event, int amount,
    enum cal_unit unit)
{
	cal_day d = event;

	if (amount < 0)
		amount = 0;
	if (amount > MAX_AMOUNT)
		amount = MAX_AMOUNT;
	if (unit == CAL_CALENDAR_DAYS)
		return calendar_next_working(c, event + amount);
	while (amount > 0) {
		d++;
		if (calendar_is_working(c, d))
			amount--;
	}
	return d;
}

int
calendar_each_holiday(const struct calendar *c, int year,
    int (*fn)(void *ctx, cal_day d, const char *name), void *ctx)
{
	cal_day from, to;
	int rc;

	if (c == NULL || year < c->first_year || year > c->last_year)
		return 0;
	from = days_from_civil(year, 1, 1);
	to = days_from_civil(year, 12, 31);
	for (cal_day d = from; d <= to; d++) {
		if (is_weekend(d) || calendar_is_working(c, d))
			continue;
		rc = fn(ctx, d, calendar_day_name(c, d));
		if (rc != 0)
			return rc;
	}
	return 0;
}
