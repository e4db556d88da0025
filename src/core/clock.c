/* clock.c - time helpers with no dependence on the process time zone. */
#include "core/clock.h"

#include <time.h>

#include "core/calendar.h"
#include "core/err.h"

int64_t
clock_now(void)
{
	return (int64_t)time(NULL);
}

void
clock_iso(int64_t t, char *out)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, ISO_TIME_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int
clock_parse_date(const char *s, int64_t *out)
{
	cal_day d;

	if (cal_parse(s, &d) != 0)
		return ERR_INVAL;
	*out = (int64_t)d * 86400;
	return 0;
}
