/*
 * org.h - organisations (cấp ủy, Ban Dân vận, UBND, MTTQ, đoàn thể, other
 * agencies), each attached to one administrative unit.  Readable by every
 * user whose subtree holds the unit; written by admins of that subtree.
 */
#ifndef DOMAIN_ORG_H
#define DOMAIN_ORG_H

#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"
#include "domain/user.h"

struct err;
struct store;

struct org_input {
	const char	*name;
	const char	*type;
	struct unit_ref	 unit;
};

struct org_query {
	int		 structure;	/* 0 = any */
	const char	*unit;		/* subtree of this code (needs structure) */
	const char	*type;
	const char	*q;
	int64_t		 limit, offset;
};

bool	org_type_valid(const char *type);
int	org_create(struct store *st, const struct actor *a,
	    const struct org_input *in, json_t **out, struct err *e);
int	org_update(struct store *st, const struct actor *a, int64_t id,
	    const struct org_input *in, json_t **out, struct err *e);
int	org_delete(struct store *st, const struct actor *a, int64_t id,
	    struct err *e);
int	org_get(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);
int	org_list(struct store *st, const struct actor *a,
	    const struct org_query *f, json_t **out, struct err *e);

#endif
