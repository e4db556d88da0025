/* indicator_int.h - shared by indicator.c (catalogue, values) and
 * indicator_rollup.c (the roll-up). */
#ifndef DOMAIN_INDICATOR_INT_H
#define DOMAIN_INDICATOR_INT_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/record.h"

struct actor;
struct err;
struct store;

/* The statistics a computed indicator reads, in the order of
 * ind_src_names. */
enum {
	SRC_PETITIONS, SRC_DIALOGUES, SRC_DVK, SRC_UNITS, SRC_SUPERVISION,
	SRC_DEMOCRACY, SRC_CAMPAIGNS, SRC_STAFFING, SRC_STAFFING_FRONT,
	SRC_COUNT
};

extern const char *const ind_src_names[];	/* "petitions", ... */
extern const char *const ind_cond_ops[];	/* ">=", ">", "=", "<=", "<" */
extern const int64_t ind_pow10[];		/* 10^0 .. 10^4 */

/* Is spec "source:member.path[/divisor]" with a known source? */
bool	ind_compute_valid(const char *spec);
/* A scaled integer of `decimals` as a JSON number. */
json_t	*ind_scaled_json(int64_t v, int64_t decimals);
/* The catalogue row of code (ERR_NOTFOUND when unknown). */
int	ind_fetch(struct store *st, const char *code, json_t **out,
	    struct err *e);
/* v in display units as a scaled integer of `decimals`; ERR_INVAL when it
 * has more decimals or is out of range. */
int	ind_to_scaled(double v, int64_t decimals, int64_t *out);
/* The unit (structure, code), which must exist and be in a's scope. */
int	ind_unit_owner(struct store *st, const struct actor *a, int structure,
	    const char *code, const char *api_code, const char *field,
	    struct rec_owner *o, struct err *e);

#endif
