/*
 * cube.h - the statistics of a province or of the whole country from the
 * pre-aggregated counts of stat_cube (migration 0015), kept by triggers on
 * every write: a province's year is a few hundred cube rows instead of
 * every record of its subtree.
 *
 * The cube holds counts per province and half-month (days 1-14, 15-end),
 * so it answers a subtree that is a province or the whole country, for a
 * period made of whole half-months (every month, quarter, 6/9 months and
 * year, with the default cut-off on the 15th or none).  Anything else
 * (a district or commune, a custom period, another cut-off day) reads the
 * records, as before; both give the same figures (tests/unit/test_cube.c).
 *
 * DANVAN_CUBE=0 in the environment turns the cube off (the statistics then
 * read the records), for comparison and diagnosis.
 */
#ifndef DOMAIN_CUBE_H
#define DOMAIN_CUBE_H

#include <stdbool.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct stmt;
struct store;

enum cube_mode {
	CUBE_NONE,		/* read the records */
	CUBE_COUNTRY,		/* a global actor: every row */
	CUBE_P2024,		/* a province of the 2024 structure */
	CUBE_P2025,		/* a 2025 province, with the old units in it */
};

struct cube {
	enum cube_mode	 mode;
	bool		 days;		/* the period is whole half-months */
	char		 path[UNIT_PATH_MAX];
	char		 from[16], to[16];	/* its first and last bucket */
};

/* For the subtree of sub and the days [from, to] ("YYYY-MM-DD"; NULL when
 * the statistics are by year). */
void	cube_init(struct cube *cb, const struct actor *sub, const char *from,
	    const char *to);
/* Whether counts by day of the period, or counts by year, or counts of
 * the subtree regardless of the period can come from the cube. */
bool	cube_for_days(const struct cube *cb);
bool	cube_for_subtree(const struct cube *cb);

enum {
	CUBE_PLAIN = 0,
	/* the letters that first arrived in the subtree (stats.c P_SUBTREE) */
	CUBE_ARRIVED = 1,
};

/*
 * Run a statement over stat_cube c.  fmt holds one "%s", which becomes the
 * condition on c for the subtree (one placeholder).  Bound in order: the
 * npre texts of pre, the subtree, the npost texts of post.  Each row goes
 * to fn.
 */
int	cube_each(struct store *st, const struct cube *cb, const char *fmt,
	    int flags, const char *const *pre, int npre,
	    const char *const *post, int npost,
	    void (*fn)(struct stmt *q, json_t *acc), json_t *acc,
	    struct err *e);

/*
 * Over the period's buckets of one source (cube_for_days): the counts
 * grouped by key ("c.k1", "c.k2", an expression of them), groups with
 * rows only, to fn as (key, count); and the counts by field
 * (petition_fields: code, name, count, in the fields' order).
 */
int	cube_group(struct store *st, const struct cube *cb, const char *src,
	    const char *key, int flags,
	    void (*fn)(struct stmt *q, json_t *acc), json_t *acc,
	    struct err *e);
int	cube_fields(struct store *st, const struct cube *cb, const char *src,
	    int flags, void (*fn)(struct stmt *q, json_t *acc), json_t *acc,
	    struct err *e);

/* Recount the whole cube from the records (in the caller's transaction). */
int	cube_rebuild(struct store *st, struct err *e);

#endif
