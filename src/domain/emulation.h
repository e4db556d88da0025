/*
 * emulation.h - emulation (thi đua, DOMAIN.md §10): criteria sets as
 * versioned data (P-EV-04), emulation blocs (khối thi đua, R-EV-13) of
 * organisations, each member's self-assessment, the appraisal by the
 * level above, and the bloc's ranking with its prizes (hạng Nhất / Nhì /
 * Ba, Cờ thi đua, Bằng khen).
 *
 * Sets and blocs are managed by administrators and leaders (forbidden
 * otherwise); a published set is frozen (conflict) and changes go into a
 * new version.  A member organisation must lie in the manager's scope.
 * Points of an organisation are self-assessed by users whose scope is
 * exactly the organisation's unit, and appraised by users whose scope
 * holds that unit but is not it (the level above, or a global user).
 *
 * A total is Σ score + Σ bonus − Σ deduction (not clamped).  The ranking
 * orders members by appraised total; a member below the set's min_total,
 * or with fewer activities (reception sessions and dialogues of its
 * organisation in the set's year) than min_activity, is listed and ranked
 * but gets no prize.  Prizes go to the eligible members in order: the
 * first three get hạng Nhất, Nhì, Ba; the first gets the Cờ thi đua when
 * its total reaches flag_min; the next merit_count without a flag get a
 * Bằng khen.
 */
#ifndef DOMAIN_EMULATION_H
#define DOMAIN_EMULATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

/* Criteria per set, members per bloc. */
#define EMULATION_CRITERIA_MAX	500
#define EMULATION_MEMBERS_MAX	500

struct emulation_set_input {
	const char	*name;
	int64_t		 year;
	bool		 has_year;
	int64_t		 min_total;
	bool		 has_min_total;
	int64_t		 min_activity;
	bool		 has_min_activity;
	int64_t		 flag_min;
	bool		 has_flag_min;
	int64_t		 merit_count;
	bool		 has_merit_count;
};

struct emulation_criterion_input {
	const char	*group_name;
	const char	*code;
	const char	*name;
	int64_t		 max_points;
	bool		 has_max_points;
	const char	*kind;		/* score | deduction | bonus */
	bool		 evidence_required;
	bool		 has_evidence_required;
	int64_t		 sort;
	bool		 has_sort;
};

struct emulation_bloc_input {
	const char	*name;
	int64_t		 set_id;
	bool		 has_set_id;
};

/* One self-assessment ("self") or appraisal ("appraisal"). */
struct emulation_score_input {
	int64_t		 org_id;
	bool		 has_org_id;
	int64_t		 criterion_id;
	bool		 has_criterion_id;
	const char	*kind;
	int64_t		 points;
	bool		 has_points;
	const char	*note;
	const char	*evidence;	/* self only */
};

/* {"items":[Set],"total":N}, newest year first. */
int	emulation_set_list(struct store *st, int64_t limit, int64_t offset,
	    json_t **out, struct err *e);
int	emulation_set_create(struct store *st, const struct actor *a,
	    const struct emulation_set_input *in, json_t **out, struct err *e);
/* {"set":Set,"criteria":[Criterion]} */
int	emulation_set_get(struct store *st, int64_t id, json_t **out,
	    struct err *e);
int	emulation_criterion_create(struct store *st, const struct actor *a,
	    int64_t set_id, const struct emulation_criterion_input *in,
	    json_t **out, struct err *e);
int	emulation_set_publish(struct store *st, const struct actor *a,
	    int64_t id, json_t **out, struct err *e);
/* A draft copy of set id and its criteria, one version up; as get. */
int	emulation_set_new_version(struct store *st, const struct actor *a,
	    int64_t id, json_t **out, struct err *e);

/* {"items":[Bloc],"total":N} */
int	emulation_bloc_list(struct store *st, int64_t limit, int64_t offset,
	    json_t **out, struct err *e);
int	emulation_bloc_create(struct store *st, const struct actor *a,
	    const struct emulation_bloc_input *in, json_t **out, struct err *e);
int	emulation_bloc_add_member(struct store *st, const struct actor *a,
	    int64_t bloc_id, int64_t org_id, json_t **out, struct err *e);

int	emulation_score_put(struct store *st, const struct actor *a,
	    const struct emulation_score_input *in, json_t **out,
	    struct err *e);

/* {"bloc":Bloc,"set":Set,"rows":[Row]} */
int	emulation_ranking(struct store *st, int64_t bloc_id, json_t **out,
	    struct err *e);
/* The same as an XLSX workbook: *data (heap, free()) of *len bytes. */
int	emulation_ranking_xlsx(struct store *st, int64_t bloc_id, char **data,
	    size_t *len, struct err *e);

#endif
