/* clock.h - wall-clock time and the formats the API uses. */
#ifndef CORE_CLOCK_H
#define CORE_CLOCK_H

#include <stdint.h>

#define ISO_TIME_LEN	21	/* "2026-11-23T19:05:00Z" + NUL */

int64_t	clock_now(void);	/* seconds since the epoch */
/* Format t as "YYYY-MM-DDTHH:MM:SSZ" (UTC) into out[ISO_TIME_LEN]. */
void	clock_iso(int64_t t, char *out);
/* Parse "YYYY-MM-DD" (a real calendar date) to the epoch second of its
 * midnight UTC.  Returns 0 or ERR_INVAL. */
int	clock_parse_date(const char *s, int64_t *out);

#endif
