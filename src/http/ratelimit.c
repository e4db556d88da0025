/* ratelimit.c - fixed windows per key. */
#include "http/ratelimit.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define SLOTS	4096

struct slot {
	char	key[80];
	int64_t	start, window;
	int	hits;
};

static struct slot	slots[SLOTS];
static pthread_mutex_t	lock = PTHREAD_MUTEX_INITIALIZER;

static uint32_t
hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Reuse preference: an empty slot, then an ended window, then the
 * oldest window. */
static int
rank(const struct slot *s, int64_t now)
{
	if (s->key[0] == '\0')
		return 0;
	return s->start + s->window <= now ? 1 : 2;
}

/* The slot of key, probing 16 places from its hash; a new key takes the
 * best slot to reuse. */
static struct slot *
find(const char *key, int64_t now)
{
	struct slot *s, *victim = NULL;
	uint32_t h = hash(key);

	for (int i = 0; i < 16; i++) {
		s = &slots[(h + (uint32_t)i) % SLOTS];
		if (strcmp(s->key, key) == 0)
			return s;
		if (victim == NULL || rank(s, now) < rank(victim, now) ||
		    (rank(s, now) == rank(victim, now) &&
		    s->start < victim->start))
			victim = s;
	}
	snprintf(victim->key, sizeof(victim->key), "%s", key);
	victim->start = now;
	victim->window = 0;
	victim->hits = 0;
	return victim;
}

bool
ratelimit_hit(const char *kind, const char *ip, int limit, int64_t window,
    int64_t now, int *retry_after)
{
	char key[80];
	struct slot *s;
	bool ok;

	snprintf(key, sizeof(key), "%s:%s", kind, ip);
	pthread_mutex_lock(&lock);
	s = find(key, now);
	if (s->start + window <= now || s->window != window) {
		s->start = now;
		s->window = window;
		s->hits = 0;
	}
	ok = s->hits < limit;
	if (ok)
		s->hits++;
	*retry_after = ok ? 0 : (int)(s->start + window - now);
	if (*retry_after < 1 && !ok)
		*retry_after = 1;
	pthread_mutex_unlock(&lock);
	return ok;
}

void
ratelimit_reset(void)
{
	pthread_mutex_lock(&lock);
	memset(slots, 0, sizeof(slots));
	pthread_mutex_unlock(&lock);
}
