/*
 * dialogue.h - dialogue conferences (hội nghị đối thoại, tiếp xúc), the
 * opinions of the people (ý kiến, kiến nghị của Nhân dân) from every
 * channel followed to their answer, leaders' dialogue requirements and
 * the statistics for reports (issue 4).
 *
 * Every record belongs to an organisation and so to its unit: readable by
 * users whose subtree holds the unit (others get not_found), written by
 * every role but viewer (forbidden); requirements are written by
 * sysadmin and unit_admin only.  Days are "YYYY-MM-DD" strings, never in
 * the future (except an opinion's due day).
 */
#ifndef DOMAIN_DIALOGUE_H
#define DOMAIN_DIALOGUE_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

/* Create: org_id, host_name, host_title, target_group, day, place,
 * participants required.  Update: each optional; org_id cannot change. */
struct dialogue_input {
	int64_t		 org_id;
	bool		 has_org_id;
	const char	*host_name;
	const char	*host_title;
	const char	*target_group;
	const char	*day;
	const char	*place;
	int64_t		 participants;
	bool		 has_participants;
	const char	*minutes;
	const char	*note;
};

/* Create: content, field required; org_id, channel, day also for an
 * opinion not raised at a dialogue.  Update: each optional. */
struct opinion_input {
	int64_t		 org_id;
	bool		 has_org_id;
	const char	*channel;
	const char	*day;
	const char	*raised_by;
	const char	*place;
	const char	*content;
	const char	*field;
	bool		 hot_spot;
	bool		 has_hot_spot;
	const char	*reported_to;
};

/* The follow-up of an opinion: status answered | studying | forwarded |
 * closed; due_day with forwarded, answer with answered and closed. */
struct opinion_response {
	const char	*status;
	const char	*forwarded_to;
	const char	*due_day;
	const char	*answer;
	const char	*day;
};

struct dialogue_requirement_input {
	int64_t		 org_id;
	bool		 has_org_id;
	const char	*host_title;
	int64_t		 year;
	bool		 has_year;
	int64_t		 required;
	bool		 has_required;
};

/* Filters of the lists; NULL / 0 / -1 = any. */
struct dialogue_query {
	int		 structure;
	const char	*unit;		/* subtree of this code */
	int64_t		 org_id;
	const char	*group;		/* dialogues */
	const char	*channel;	/* opinions */
	const char	*field;		/* opinions */
	const char	*status;	/* opinions */
	int		 hot_spot;	/* opinions: -1, 0, 1 */
	bool		 overdue;	/* opinions: forwarded, due_day < today */
	const char	*q;		/* opinions: words of the content */
	const char	*from, *to;	/* days, inclusive */
	int64_t		 year;		/* requirements: 0 = any */
	int64_t		 limit, offset;
};

/* {"items":[{code,name}]} */
int	dialogue_groups(struct store *st, json_t **out, struct err *e);
int	dialogue_channels(struct store *st, json_t **out, struct err *e);

/* {"items":[Dialogue],"total":N}, newest day first. */
int	dialogue_list(struct store *st, const struct actor *a,
	    const struct dialogue_query *f, json_t **out, struct err *e);
int	dialogue_create(struct store *st, const struct actor *a,
	    const struct dialogue_input *in, json_t **out, struct err *e);
/* {"dialogue":Dialogue,"opinions":[Opinion]} */
int	dialogue_get(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);
int	dialogue_update(struct store *st, const struct actor *a, int64_t id,
	    const struct dialogue_input *in, json_t **out, struct err *e);

/* Check that a may see dialogue id (ERR_NOTFOUND otherwise); its unit
 * for audit entries into structure, code[UNIT_CODE_MAX] and
 * path[UNIT_PATH_MAX]. */
int	dialogue_check_access(struct store *st, const struct actor *a,
	    int64_t id, int *structure, char *code, char *path,
	    struct err *e);

/* dialogue_id > 0: raised at that dialogue (channel, day and
 * organisation are the dialogue's). */
int	opinion_create(struct store *st, const struct actor *a,
	    int64_t dialogue_id, const struct opinion_input *in, json_t **out,
	    struct err *e);
int	opinion_list(struct store *st, const struct actor *a,
	    const struct dialogue_query *f, json_t **out, struct err *e);
int	opinion_get(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);
int	opinion_update(struct store *st, const struct actor *a, int64_t id,
	    const struct opinion_input *in, json_t **out, struct err *e);
int	opinion_respond(struct store *st, const struct actor *a, int64_t id,
	    const struct opinion_response *in, json_t **out, struct err *e);

/* {"items":[Requirement]} */
int	dialogue_requirement_list(struct store *st, const struct actor *a,
	    const struct dialogue_query *f, json_t **out, struct err *e);
/* Insert or replace; *created tells which. */
int	dialogue_requirement_put(struct store *st, const struct actor *a,
	    const struct dialogue_requirement_input *in, json_t **out,
	    bool *created, struct err *e);
/* {"year":Y,"items":[{id,org,host_title,year,required,held,rate}]} */
int	dialogue_compliance(struct store *st, const struct actor *a,
	    const struct dialogue_query *f, json_t **out, struct err *e);

/* {period, dialogues:{...}, opinions:{...}}; cutoff < 0: the setting. */
int	dialogue_stats(struct store *st, const struct actor *a, int structure,
	    const char *unit, const char *period, int cutoff, json_t **out,
	    struct err *e);

#endif
