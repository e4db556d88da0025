/*
 * log.c - the only process-wide mutable setting is the log level, set once
 * at start-up before any thread exists.
 */
#include "core/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static int log_level = LL_INFO;

void
log_set_level(int level)
{
	log_level = level;
}

void
log_msg(int level, const char *area, const char *fmt, ...)
{
	static const char *names[] = { "debug", "info", "warn", "error" };
	char line[1024], ts[32];
	struct tm tm;
	time_t now;
	va_list ap;

	if (level < log_level)
		return;
	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s level=%s area=%s %s\n", ts, names[level], area,
	    line);
}
