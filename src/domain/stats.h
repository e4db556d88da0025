/*
 * stats.h - reception and petition statistics for a unit subtree and a
 * period: what the periodic reports quote ("tiếp 3.146 lượt với 3.896
 * người", "giải quyết dứt điểm 19/26", the on-time rate).  Counts only;
 * no identity ever leaves this module.
 *
 * The subtree follows the scope rule of actor.h, so a 2025 unit's figures
 * include the 2024 units wholly merged into it.  A letter forwarded
 * between two bodies of the same subtree is counted once, where it first
 * arrived.
 */
#ifndef DOMAIN_STATS_H
#define DOMAIN_STATS_H

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

struct stats_query {
	int		 structure;	/* with unit; 0 = the actor's scope */
	const char	*unit;
	const char	*period;	/* "2023", "2023-Q3", ... */
	int		 cutoff;	/* -1: setting report_cutoff_day */
};

int	stats_petitions(struct store *st, const struct actor *a,
	    const struct stats_query *f, json_t **out, struct err *e);

#endif
