/*
 * indicator.h - the indicator catalogue (chỉ tiêu) as data, the values
 * entered per unit and period, and the roll-up of a unit's subtree that the
 * periodic reports quote (issue 6; DOMAIN.md P-BC-07, §13.3).
 *
 * An indicator is computed from records (a member of one of the statistics
 * of reception and petitions, dialogues or "Dân vận khéo" models) or
 * entered per unit and period with its source.  Entered values roll up by
 * the indicator's rule (migration 0009): a unit's own value when it has
 * one, else what its subtree gives.  A value counts once: below a unit
 * that has a value nothing more is added.
 *
 * Across the 1 July 2025 reform a 2025 unit's figure uses the values of
 * its own structure; when it has none, the values of the 2024 units wholly
 * merged into it (table unit_succ).  A 2024 unit split between the subtree
 * and another one is never added: it is listed under "partial" with its
 * value, so the reader sees what was left out.
 */
#ifndef DOMAIN_INDICATOR_H
#define DOMAIN_INDICATOR_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

#define INDICATOR_CODE_MAX	40	/* bytes of a code: [a-z0-9_] */
#define INDICATOR_VALUE_MAX	1000000000000000000LL	/* 10^18 units */
#define INDICATOR_EVAL_MAX	64	/* codes in one roll-up request */

/* GET /indicators: the catalogue in section order. */
int	indicator_list(struct store *st, bool all, json_t **out,
	    struct err *e);

/* A new indicator or a change (sysadmin).  Members as in the catalogue;
 * unset strings are NULL, unset numbers have has_* false. */
struct indicator_input {
	const char	*code, *name, *measure, *rollup, *source, *compute;
	const char	*numerator, *denominator, *weight, *cond_indicator;
	const char	*cond_op, *section;
	int64_t		 scale, decimals, sort;
	double		 cond_value, target;
	bool		 has_scale, has_decimals, has_sort, has_cond_value;
	bool		 has_target, target_null, has_active, active;
};

int	indicator_create(struct store *st, const struct actor *a,
	    const struct indicator_input *in, json_t **out, struct err *e);
int	indicator_update(struct store *st, const struct actor *a,
	    const char *code, const struct indicator_input *in, json_t **out,
	    struct err *e);

/* One entered value (PUT /indicator-values: insert or replace). */
struct indicator_value_input {
	const char	*indicator;
	int		 structure;
	const char	*unit;
	const char	*period;	/* canonical: "2023", "2023-H1", ... */
	double		 value;
	const char	*source, *note;
};

int	indicator_value_put(struct store *st, const struct actor *a,
	    const struct indicator_value_input *in, json_t **out,
	    struct err *e);
int	indicator_value_delete(struct store *st, const struct actor *a,
	    int64_t id, struct err *e);

struct indicator_value_query {
	const char	*indicator;	/* NULL: all */
	int		 structure;
	const char	*unit;		/* subtree; NULL: the actor's scope */
	const char	*period;	/* NULL: all */
	int64_t		 limit, offset;
};

int	indicator_value_list(struct store *st, const struct actor *a,
	    const struct indicator_value_query *f, json_t **out,
	    struct err *e);

/* The roll-up of the unit's subtree for a period.  codes: NULL for every
 * active indicator.  compare: also the previous period and the same period
 * of the previous year.  cutoff: -1 for the setting report_cutoff_day. */
struct indicator_eval {
	int		 structure;
	const char	*unit;
	const char	*period;
	int		 cutoff;
	const char	*const *codes;
	int		 ncodes;
	bool		 compare;
};

int	indicator_rollup(struct store *st, const struct actor *a,
	    const struct indicator_eval *q, json_t **out, struct err *e);

#endif
