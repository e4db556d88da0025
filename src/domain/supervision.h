/*
 * supervision.h - social supervision and social criticism by MTTQ and the
 * socio-political organisations (DOMAIN.md §8, QĐ 217-QĐ/TW).
 *
 * A supervision (giám sát, P-GS-04) is a plan or activity of an
 * organisation: a title, a topic, a form (R-GS-03: data), the period it
 * runs, the supervised bodies (free text) and the supervised
 * administrative units, from which the coverage "19/19 xã" is counted.
 * Status planned -> in_progress -> done, forward only.  Its
 * recommendations (kiến nghị) are followed open -> responded -> closed;
 * an open one past its response deadline is overdue.
 *
 * A draft document submitted for social criticism (phản biện xã hội) has
 * an issuer, a level and a type (data; the district level belongs to the
 * 2024 structure only), dates and a form; each comment made on it is
 * pending, accepted, partly accepted or not accepted (with the reason).
 *
 * The people's contributions to building the Party and the government
 * (QĐ 218) are opinions of channel party_building (dialogue.h).
 *
 * Every record belongs to an organisation and so to its unit: readable by
 * users whose subtree holds the unit (others get not_found), written by
 * every role but viewer (forbidden).
 */
#ifndef DOMAIN_SUPERVISION_H
#define DOMAIN_SUPERVISION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

#define SUP_UNITS_MAX	1000	/* supervised units of one activity */
#define SUP_BODIES_MAX	50	/* supervised bodies of one activity */
#define SUP_BODY_LEN	300	/* characters of one body's name */

/* Create: org_id, title, topic, form, from_day, to_day required (units
 * and bodies optional).  Update: each optional (NULL / has_* false =
 * unchanged); org_id cannot change. */
struct sup_input {
	int64_t		 org_id;
	bool		 has_org_id;
	const char	*title, *topic, *form, *from_day, *to_day, *status;
	const char	*findings, *note;
	const char	*const *bodies;
	size_t		 n_bodies;
	bool		 has_bodies;
	const char	*const *units;		/* codes of the org's structure */
	size_t		 n_units;
	bool		 has_units;
};

/* A recommendation: content and addressee required on create. */
struct sup_rec_input {
	const char	*content, *addressee, *due_day;
	const char	*response_day, *response, *status;
};

/* A draft document: all but due_day and note required on create. */
struct crit_input {
	int64_t		 org_id;
	bool		 has_org_id;
	const char	*title, *issuer, *level, *doc_type, *form;
	const char	*received_day, *due_day, *note;
};

/* A comment: content required on create; result defaults to pending;
 * reason is required when the result is not_accepted. */
struct crit_comment_input {
	const char	*content, *result, *reason;
};

/* Filters of both lists.  from/to: activities running on some day of
 * [from, to]; drafts received in it. */
struct sup_query {
	int		 structure;	/* 0 = any */
	const char	*unit;		/* subtree of this code (needs structure) */
	int64_t		 org_id;	/* 0 = any */
	const char	*topic, *form, *status;		/* supervisions */
	const char	*level, *doc_type;		/* drafts */
	const char	*from, *to;
	const char	*q;		/* words of the title */
	int64_t		 limit, offset;
};

/* {forms, topics, supervision_statuses, levels, doc_types,
 * criticism_forms, comment_results}: each [{code, name}] in order
 * (levels also carry only_structure). */
int	supervision_vocab(struct store *st, json_t **out, struct err *e);

/* {"items":[Supervision],"total":N}: newest start first. */
int	supervision_list(struct store *st, const struct actor *a,
	    const struct sup_query *f, json_t **out, struct err *e);
int	supervision_create(struct store *st, const struct actor *a,
	    const struct sup_input *in, json_t **out, struct err *e);
/* {"supervision":Supervision,"recommendations":[Recommendation]}. */
int	supervision_get(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);
int	supervision_update(struct store *st, const struct actor *a, int64_t id,
	    const struct sup_input *in, json_t **out, struct err *e);
int	supervision_rec_create(struct store *st, const struct actor *a,
	    int64_t sup_id, const struct sup_rec_input *in, json_t **out,
	    struct err *e);
int	supervision_rec_update(struct store *st, const struct actor *a,
	    int64_t id, const struct sup_rec_input *in, json_t **out,
	    struct err *e);

/* {"items":[Draft],"total":N}: newest received first. */
int	criticism_list(struct store *st, const struct actor *a,
	    const struct sup_query *f, json_t **out, struct err *e);
int	criticism_create(struct store *st, const struct actor *a,
	    const struct crit_input *in, json_t **out, struct err *e);
/* {"draft":Draft,"comments":[Comment]}. */
int	criticism_get(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);
int	criticism_update(struct store *st, const struct actor *a, int64_t id,
	    const struct crit_input *in, json_t **out, struct err *e);
int	criticism_comment_create(struct store *st, const struct actor *a,
	    int64_t doc_id, const struct crit_comment_input *in, json_t **out,
	    struct err *e);
int	criticism_comment_update(struct store *st, const struct actor *a,
	    int64_t id, const struct crit_comment_input *in, json_t **out,
	    struct err *e);

/* Counts for the subtree of unit (NULL: a's scope) in period (period.h
 * syntax; cutoff < 0: settings report_cutoff_day); topic (NULL: any)
 * narrows the coverage.  Shape in docs/API.md. */
int	supervision_stats(struct store *st, const struct actor *a,
	    int structure, const char *unit, const char *period, int cutoff,
	    const char *topic, json_t **out, struct err *e);

#endif
