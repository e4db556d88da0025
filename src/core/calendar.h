/*
 * calendar.h - civil days and the Vietnamese working calendar of state
 * offices (DOMAIN.md §15).
 *
 * A cal_day counts days since 1970-01-01 in the proleptic Gregorian
 * calendar; legal dates have no time of day and no time zone.
 *
 * Working calendar (R-TH-03, Bộ luật Lao động 2019 Điều 112, Điều 111 k3):
 *   - Saturday and Sunday are rest days;
 *   - public holidays: 1/1 (Tết Dương lịch); Tết Nguyên đán, 5 days: the
 *     last day of the lunar year and lunar 1/1 to 4/1; Giỗ Tổ Hùng Vương,
 *     lunar 10/3; 30/4; 1/5; 2/9 (Quốc khánh) and one adjacent day, by
 *     default 1/9;
 *   - a holiday on a Saturday or Sunday gives a compensation day off
 *     ("Nghỉ bù") on the next weekday that is neither a holiday nor
 *     already a compensation day;
 *   - overrides win over everything.  The government decides every year
 *     how Tết and Quốc khánh are taken (which day next to 2/9, which
 *     Saturdays are worked in exchange for a bridge day off): those
 *     decisions are data (table calendar_days), passed in as overrides.
 *     Compensation days are computed from the built-in holidays only.
 *
 * Lunar dates come from ICU's Chinese calendar ("@calendar=chinese"); there
 * is no astronomy of our own.  Two caveats, both corrected by overrides:
 *   - ICU computes new moons in China's time (UTC+8); Vietnam's calendar
 *     uses UTC+7.  When a new moon falls between 23:00 and 24:00 Vietnam
 *     time the months start on different days: Tết was 17/2/2007 in
 *     Vietnam but 18/2 in China, 21/1/1985 in Vietnam but 20/2 in China
 *     (a different leap month), and Tết 2030 is 2/2 in Vietnam, 3/2 in
 *     China.
 *   - ICU's own new-moon approximation is off by minutes, which matters
 *     near midnight (ICU-23274).  With ICU 72 lunar 1/1 of 2027 comes out
 *     as 7/2/2027 instead of 6/2/2027 (the true date in both countries),
 *     and 2030 comes out as 2/2/2030: right for Vietnam, although China's
 *     date is 3/2.
 * The tests (tests/unit/test_calendar.c) pin ICU's answers for 2020..2030.
 *
 * All functions are thread-safe; a struct calendar is immutable once built
 * and may be shared between threads.
 */
#ifndef CORE_CALENDAR_H
#define CORE_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct err;

typedef int32_t cal_day;			/* days since 1970-01-01 */
#define CAL_DATE_LEN	11			/* "YYYY-MM-DD" + NUL */
#define CAL_YEAR_MIN	1900
#define CAL_YEAR_MAX	2199

/* y-m-d -> day.  ERR_INVAL unless a real date of years 1900..2199. */
int	cal_from_ymd(int y, int m, int d, cal_day *out);
/* Any day -> y-m-d (proleptic Gregorian, also outside 1900..2199). */
void	cal_to_ymd(cal_day day, int *y, int *m, int *d);
/* Strict "YYYY-MM-DD" (a real date, 1900..2199).  Returns 0 or ERR_INVAL;
 * *out is untouched on error. */
int	cal_parse(const char *s, cal_day *out);
/* "YYYY-MM-DD" into out[CAL_DATE_LEN]. */
void	cal_format(cal_day day, char out[CAL_DATE_LEN]);
/* "dd/mm/yyyy" into out[CAL_DATE_LEN] (Vietnamese documents). */
void	cal_format_vi(cal_day day, char out[CAL_DATE_LEN]);
/* 1 Monday .. 7 Sunday. */
int	cal_weekday(cal_day day);
/* Today in Vietnam (UTC+7), whatever the process time zone. */
cal_day	cal_today(void);
/* Number of days of month m (1..12) of year y. */
int	cal_month_days(int y, int m);

/*
 * Lunar date -> solar day through ICU's Chinese calendar.  year is the
 * Gregorian year in which that lunar year begins (lunar 1/1/2024 is
 * 10/2/2024); lmonth 1..12 is the ordinary (non-leap) month, lday 1..30.
 * Returns 0, ERR_INVAL (api_code "invalid_date": no such lunar day, e.g. 30
 * of a 29-day month, or year outside 1900..2199) or ERR_INTERNAL (ICU
 * failed).  See the header comment for the differences from Vietnam's
 * official calendar.
 */
int	cal_lunar_to_solar(int year, int lmonth, int lday, cal_day *out,
	    struct err *e);

/*
 * A government decision for one day: an extra day off (working false) or
 * a day made a working day (working true, usually a Saturday).  name is
 * copied; NULL gives a generic name.
 */
struct cal_override {
	cal_day		 day;
	bool		 working;
	const char	*name;
};

/* What a day of a built calendar is. */
enum cal_day_kind {
	CAL_DAY_ORDINARY,	/* Mon-Fri working, Sat/Sun rest */
	CAL_DAY_HOLIDAY,	/* public holiday (also on a weekend) */
	CAL_DAY_COMPENSATION,	/* "Nghỉ bù" for a holiday on a weekend */
	CAL_DAY_OFF,		/* override: day off */
	CAL_DAY_WORK,		/* override: working day */
};

struct calendar;

/*
 * Build the working calendar of years first_year..last_year (within
 * 1900..2199, at most 300 years), applying the overrides ov[0..nov) that
 * fall inside that range (others are ignored; a later override of the
 * same day wins).  On success *out is owned by the caller
 * (calendar_free).  Returns 0, ERR_INVAL (bad range) or ERR_INTERNAL
 * (ICU failed).
 */
int	calendar_new(int first_year, int last_year,
	    const struct cal_override *ov, size_t nov, struct calendar **out,
	    struct err *e);
void	calendar_free(struct calendar *c);	/* NULL is a no-op */
/* Working day?  Outside the built range: Monday to Friday. */
bool	calendar_is_working(const struct calendar *c, cal_day d);
/* "Tết Nguyên đán", "Giỗ Tổ Hùng Vương", "Nghỉ bù", an override's
 * name...; NULL for ordinary days and outside the range.  Valid until
 * calendar_free. */
const char *calendar_day_name(const struct calendar *c, cal_day d);
/* CAL_DAY_ORDINARY outside the range. */
enum cal_day_kind calendar_day_kind(const struct calendar *c, cal_day d);

enum cal_unit { CAL_CALENDAR_DAYS, CAL_WORKING_DAYS };

/*
 * The last day of a period of amount days (0..3650; values outside are
 * clamped) from event (R-TH-02): counting starts the day after the event.
 * CAL_CALENDAR_DAYS: event + amount, moved to the next working day when
 * that is a rest day or holiday.  CAL_WORKING_DAYS: the amount-th working
 * day after the event (amount 0: the event itself).
 */
cal_day	calendar_add(const struct calendar *c, cal_day event, int amount,
	    enum cal_unit unit);
/* d itself when it is a working day, else the next working day. */
cal_day	calendar_next_working(const struct calendar *c, cal_day d);
/*
 * For display: call fn(ctx, day, name) for each non-working weekday
 * (Monday..Friday: holiday, compensation day or override) of year, in
 * order.  Stops at and returns the first nonzero value fn returns; else
 * 0.  A year outside the built range has none.
 */
int	calendar_each_holiday(const struct calendar *c, int year,
	    int (*fn)(void *ctx, cal_day d, const char *name), void *ctx);

#endif
