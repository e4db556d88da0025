/*
 * campaign.h - campaigns and support activities: gifts and visits (lượt),
 * houses built or repaired for households in difficulty, donations,
 * volunteer labour (ngày công, metres of road and canal), scholarships;
 * who organised them, where (a unit inside the organiser's unit) and for
 * whom; and their totals by kind for a period and subtree.
 *
 * Money is in đồng, lengths in metres, all integers.  Which quantities a
 * kind needs is data (campaign_kinds.requires_all / requires_any).  A
 * campaign belongs to the unit where it took place: readable inside the
 * actor's subtree, written by every role but viewer.
 */
#ifndef DOMAIN_CAMPAIGN_H
#define DOMAIN_CAMPAIGN_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"
#include "domain/user.h"

struct err;
struct store;

#define CAMPAIGN_MONEY_MAX	1000000000000000	/* 10^15 đồng */
#define CAMPAIGN_QTY_MAX	1000000000

struct campaign_input {
	int64_t		 org_id;
	const char	*kind;
	const char	*title;
	struct unit_ref	 unit;		/* unset: the organiser's unit */
	const char	*place;
	const char	*day;
	const char	*end_day;
	const char	*target;
	int64_t		 visits, households, money, labour_days;
	int64_t		 road_m, canal_m;
	const char	*note;
	bool		 has_int;	/* set by the binder, not used */
};

struct campaign_query {
	int		 structure;	/* 0 = any */
	const char	*unit;		/* subtree of this code */
	int64_t		 org_id;
	const char	*kind, *target;
	const char	*from, *to;	/* days, inclusive */
	const char	*q;		/* words of the title */
	const char	*period;	/* totals */
	int		 cutoff;	/* totals: -1 = setting */
	int64_t		 limit, offset;
};

/*
 * The period and subtree of a total (shared with staffing.c): period as
 * core/period.h with cut-off day cutoff (-1: setting report_cutoff_day);
 * unit (needs structure) must lie in a's scope (forbidden otherwise).
 * *label gets {from, to, label, from_vi, to_vi}.
 */
struct campaign_window {
	char	from[11], to[11];
	json_t	*label;
};
int	campaign_window(struct store *st, const struct actor *a,
	    const char *period, int cutoff, int structure, const char *unit,
	    struct campaign_window *w, struct err *e);

/* {"kinds":[{code,name,requires_all,requires_any}],"targets":[...]}. */
int	campaign_vocab(struct store *st, json_t **out, struct err *e);
/* {"items":[Campaign],"total":N}: newest day first. */
int	campaign_list(struct store *st, const struct actor *a,
	    const struct campaign_query *f, json_t **out, struct err *e);
int	campaign_create(struct store *st, const struct actor *a,
	    const struct campaign_input *in, json_t **out, struct err *e);
int	campaign_get(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);
int	campaign_delete(struct store *st, const struct actor *a, int64_t id,
	    struct err *e);
/* {period, items:[{kind,name,activities,visits,households,money,
 * labour_days,road_m,canal_m}], total:{...}}. */
int	campaign_totals(struct store *st, const struct actor *a,
	    const struct campaign_query *f, json_t **out, struct err *e);

#endif
