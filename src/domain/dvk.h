/*
 * dvk.h - the "Dân vận khéo" movement (DOMAIN.md §9): models (mô hình,
 * collective) and exemplars (điển hình, individual) registered by an
 * organisation for a year, followed registered -> implementing ->
 * evaluated -> recognised (outstanding: tiêu biểu) and replicated
 * (nhân rộng); the breakthrough tasks (nhiệm vụ đột phá) each
 * organisation registers per year (settings breakthrough_min/max); and
 * the counts the reports quote, with the change against the year before.
 *
 * Every record belongs to an organisation and so to its unit: readable by
 * users whose subtree holds the unit (others get not_found), written by
 * every role but viewer (forbidden).
 */
#ifndef DOMAIN_DVK_H
#define DOMAIN_DVK_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

#define DVK_YEAR_MIN	2000
#define DVK_YEAR_MAX	2100

/* Create: org_id, name, field, kind, year required.  Update: each
 * optional (NULL / has_* false = unchanged); org_id cannot change. */
struct dvk_model_input {
	int64_t		 org_id;
	bool		 has_org_id;
	const char	*name;
	const char	*field;
	const char	*kind;
	int64_t		 year;
	bool		 has_year;
	const char	*status;
	bool		 outstanding;
	bool		 has_outstanding;
	const char	*results;
	const char	*evidence;
	int64_t		 replicated_from;
	bool		 has_replicated_from;
};

/* Filters of the model and task lists, the summary and the counts. */
struct dvk_query {
	int		 structure;	/* 0 = any */
	const char	*unit;		/* subtree of this code (needs structure) */
	int64_t		 org_id;	/* 0 = any */
	const char	*field, *kind, *status;	/* models only */
	int64_t		 year;		/* 0 = any (stats: current year) */
	const char	*q;		/* models: words of the name */
	int64_t		 limit, offset;
};

/* Create: org_id, year, title.  Update: title, progress, status,
 * evaluation. */
struct breakthrough_input {
	int64_t		 org_id;
	bool		 has_org_id;
	int64_t		 year;
	bool		 has_year;
	const char	*title;
	int64_t		 progress;
	bool		 has_progress;
	const char	*status;
	const char	*evaluation;
};

/* {"items":[{code,name}]} in their configured order. */
int	dvk_fields(struct store *st, json_t **out, struct err *e);

/* {"items":[Model],"total":N}: newest year first, then by name. */
int	dvk_model_list(struct store *st, const struct actor *a,
	    const struct dvk_query *f, json_t **out, struct err *e);
int	dvk_model_create(struct store *st, const struct actor *a,
	    const struct dvk_model_input *in, json_t **out, struct err *e);
/* {"model":Model,"replications":[Model]} (those a may see). */
int	dvk_model_get(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);
/* Status only moves forward (invalid_state otherwise); outstanding only
 * on a recognised model. */
int	dvk_model_update(struct store *st, const struct actor *a, int64_t id,
	    const struct dvk_model_input *in, json_t **out, struct err *e);

/* {"items":[Task],"total":N}: newest year first, then organisation. */
int	breakthrough_list(struct store *st, const struct actor *a,
	    const struct dvk_query *f, json_t **out, struct err *e);
/* At most breakthrough_max per organisation and year (conflict). */
int	breakthrough_create(struct store *st, const struct actor *a,
	    const struct breakthrough_input *in, json_t **out, struct err *e);
int	breakthrough_update(struct store *st, const struct actor *a,
	    int64_t id, const struct breakthrough_input *in, json_t **out,
	    struct err *e);
/* {year, min, max, items:[{org, unit, registered, completed,
 * below_minimum}]} for every organisation of the subtree. */
int	breakthrough_summary(struct store *st, const struct actor *a,
	    const struct dvk_query *f, json_t **out, struct err *e);

/* {year, models:{...}, breakthrough:{...}} (docs/API.md). */
int	dvk_stats(struct store *st, const struct actor *a,
	    const struct dvk_query *f, json_t **out, struct err *e);

#endif
