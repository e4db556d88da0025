/*
 * directive.h - the register of directives and plans (nghị quyết, chỉ
 * thị, kết luận, quy chế, kế hoạch, đề án, ...): number and symbol,
 * issuer, issue day, abstract (trích yếu) and the period covered; the
 * tasks derived from each with the responsible organisations, deadline
 * and progress; and the reviews (sơ kết, tổng kết).
 *
 * A directive belongs to an organisation and so to its unit: readable by
 * users whose subtree holds the unit (others get not_found), written by
 * every role but viewer (forbidden).  Task status is stored as
 * not_started, in_progress or done; it reads "overdue" while the deadline
 * has passed and the task is not done.
 */
#ifndef DOMAIN_DIRECTIVE_H
#define DOMAIN_DIRECTIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

#define DIRECTIVE_TASK_ORGS_MAX	20	/* responsible organisations */
#define DIRECTIVE_DUE_DAYS_MAX	366

/* Create: org_id, kind, number, issuer, issued_day, abstract required.
 * Update: each optional (NULL = unchanged, "" clears the period days);
 * org_id cannot change. */
struct directive_input {
	int64_t		 org_id;
	bool		 has_org_id;
	const char	*kind;
	const char	*number;
	const char	*issuer;
	const char	*issued_day;
	const char	*abstract;
	const char	*period_from;
	const char	*period_to;
};

/* Create: content and org_ids required.  Update: each optional;
 * deadline and done_day "" clear. */
struct directive_task_input {
	const char	*content;
	const int64_t	*org_ids;
	size_t		 n_orgs;
	bool		 has_orgs;
	const char	*deadline;
	const char	*status;
	int64_t		 percent;
	bool		 has_percent;
	const char	*notes;
	const char	*done_day;
};

struct directive_review_input {
	const char	*kind;		/* interim (sơ kết) | final (tổng kết) */
	const char	*day;
	const char	*summary;
};

/* Filters of the directive list and of the due-task list. */
struct directive_query {
	int		 structure;	/* 0 = any */
	const char	*unit;		/* subtree of this code */
	const char	*kind;
	int64_t		 year;		/* of the issue day; 0 = any */
	const char	*q;		/* number, issuer, abstract */
	int64_t		 org_id;	/* due tasks: responsible org */
	int64_t		 days;		/* due tasks: horizon; -1 = setting */
	int64_t		 limit, offset;
};

/* The status a task reads as on day today ("YYYY-MM-DD"): stored unless
 * it is not done and deadline (NULL = none) is before today. */
const char *directive_task_status(const char *stored, const char *deadline,
	    const char *today);

/* {"items":[{code,name}]} in their configured order. */
int	directive_kinds(struct store *st, json_t **out, struct err *e);
/* {"items":[Directive],"total":N}: newest issue day first. */
int	directive_list(struct store *st, const struct actor *a,
	    const struct directive_query *f, json_t **out, struct err *e);
int	directive_create(struct store *st, const struct actor *a,
	    const struct directive_input *in, json_t **out, struct err *e);
/* {"directive":D,"tasks":[Task],"reviews":[Review]}. */
int	directive_get(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);
int	directive_update(struct store *st, const struct actor *a, int64_t id,
	    const struct directive_input *in, json_t **out, struct err *e);
int	directive_task_create(struct store *st, const struct actor *a,
	    int64_t directive_id, const struct directive_task_input *in,
	    json_t **out, struct err *e);
int	directive_task_update(struct store *st, const struct actor *a,
	    int64_t task_id, const struct directive_task_input *in,
	    json_t **out, struct err *e);
int	directive_review_create(struct store *st, const struct actor *a,
	    int64_t directive_id, const struct directive_review_input *in,
	    json_t **out, struct err *e);
/* {"today","until","days","items":[Task + directive],"total"}: tasks not
 * done whose deadline is at most `days` days away (or passed), soonest
 * first. */
int	directive_tasks_due(struct store *st, const struct actor *a,
	    const struct directive_query *f, json_t **out, struct err *e);

#endif
