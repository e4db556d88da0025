/*
 * audit.h - the audit log: every write records who, when, what, and the
 * before/after values, inside the writer's own transaction so that a
 * change and its audit entry are committed together or not at all.
 */
#ifndef DOMAIN_AUDIT_H
#define DOMAIN_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

struct audit_entry {
	const char	*action;	/* create update delete login logout password */
	const char	*entity;	/* user organization session */
	int64_t		 entity_id;
	int		 unit_structure;	/* 0: none */
	const char	*unit_code;
	const char	*unit_path;
	json_t		*before;	/* borrowed; NULL allowed */
	json_t		*after;		/* borrowed; NULL allowed */
};

bool	audit_entity_valid(const char *entity);
bool	audit_action_valid(const char *action);

int	audit_record(struct store *st, const struct actor *a,
	    const struct audit_entry *ent, struct err *e);

struct audit_query {
	const char	*entity, *action, *actor;
	int64_t		 from, to;	/* epoch seconds; 0 = open */
	int64_t		 limit, offset;
};

/* Newest first, restricted to a's subtree (global actors see all). */
int	audit_list(struct store *st, const struct actor *a,
	    const struct audit_query *f, json_t **out, struct err *e);

#endif
