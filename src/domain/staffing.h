/*
 * staffing.h - organisation changes (kiện toàn chức danh): positions of
 * MTTQ and the mass organisations filled or left empty, per organisation
 * and day, and their counts for a period and subtree by position and
 * organisation type, so "kiện toàn 04 chức danh chủ tịch, 03 phó chủ tịch
 * MTTQ xã" comes out of records.  Positions and change kinds are data
 * (org_positions, org_change_kinds.fills).
 *
 * A change belongs to its organisation's unit: readable inside the
 * actor's subtree, written by every role but viewer.
 */
#ifndef DOMAIN_STAFFING_H
#define DOMAIN_STAFFING_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

struct staffing_input {
	int64_t		 org_id;
	bool		 has_org_id;
	const char	*position;
	const char	*change_kind;
	const char	*person_name;
	const char	*day;
	const char	*note;
};

struct staffing_query {
	int		 structure;	/* 0 = any */
	const char	*unit;		/* subtree of this code */
	int64_t		 org_id;	/* 0 = any */
	const char	*position, *change_kind;
	const char	*org_type;	/* fatherland_front | mass_organization */
	const char	*level;		/* province | district | commune */
	const char	*from, *to;	/* days, inclusive (list) */
	const char	*period;	/* counts */
	int		 cutoff;	/* counts: -1 = setting */
	int64_t		 limit, offset;
};

/* {"positions":[{code,name}],"change_kinds":[{code,name,fills}]}. */
int	staffing_vocab(struct store *st, json_t **out, struct err *e);
/* {"items":[Change],"total":N}: newest day first. */
int	staffing_list(struct store *st, const struct actor *a,
	    const struct staffing_query *f, json_t **out, struct err *e);
/* Only for organisations of type fatherland_front or mass_organization. */
int	staffing_create(struct store *st, const struct actor *a,
	    const struct staffing_input *in, json_t **out, struct err *e);
int	staffing_delete(struct store *st, const struct actor *a, int64_t id,
	    struct err *e);
/* {period, total:{changes,filled,vacated}, by_position:[{code,name,
 * filled,vacated}], by_org_type:[{type,filled,vacated}]}. */
int	staffing_counts(struct store *st, const struct actor *a,
	    const struct staffing_query *f, json_t **out, struct err *e);

#endif
