/*
 * ratelimit.h - abuse limits of the public pages: a fixed-window counter
 * per (kind, client address), in memory, shared by the server's threads.
 * The table is bounded; when full, windows that have ended are reused and
 * then the oldest entry.  A restart forgets the counters, which is fine
 * for abuse limits (logins have their own, persistent throttle).
 */
#ifndef HTTP_RATELIMIT_H
#define HTTP_RATELIMIT_H

#include <stdbool.h>
#include <stdint.h>

/* Count one hit of kind from ip at now.  True when within limit per
 * window seconds; otherwise false with *retry_after in seconds. */
bool	ratelimit_hit(const char *kind, const char *ip, int limit,
	    int64_t window, int64_t now, int *retry_after);
void	ratelimit_reset(void);	/* tests */

#endif
