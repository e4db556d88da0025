/*
 * rules.h - the rules that are data (DOMAIN.md §0.1: rules marked U must
 * be configurable): legal time limits, the government's yearly calendar
 * swaps, and the settings (mass-delegation threshold, report cut-off day,
 * public abuse limits).  Read by every user; changed by system
 * administrators only, each change audited with before and after.
 */
#ifndef DOMAIN_RULES_H
#define DOMAIN_RULES_H

#include <stdbool.h>

#include <jansson.h>

#include "domain/actor.h"
#include "domain/deadline.h"

struct err;
struct store;

int	rules_deadline_update(struct store *st, const struct actor *a,
	    const char *id, const struct deadline_rule_patch *p, json_t **out,
	    struct err *e);
int	rules_calendar_set(struct store *st, const struct actor *a,
	    const char *day, bool working, const char *name, struct err *e);
int	rules_calendar_delete(struct store *st, const struct actor *a,
	    const char *day, struct err *e);

/* {"mass_threshold":5, ...}: every known setting with its value. */
int	settings_json(struct store *st, json_t **out, struct err *e);
/* Apply the members of patch (integers, known keys, each in range). */
int	settings_update(struct store *st, const struct actor *a, json_t *patch,
	    json_t **out, struct err *e);
/* {"items":[{code,name,group}]} */
int	petition_fields_json(struct store *st, json_t **out, struct err *e);

#endif
