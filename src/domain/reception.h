/*
 * reception.h - citizen reception (DOMAIN.md §3): reception sessions
 * (buổi tiếp công dân) of an organisation, the visits received in them
 * (lượt tiếp, one row of the register), the register itself (sổ tiếp công
 * dân, Mẫu 03 of TT 04/2021, R-TCD-40) and leaders' periodic reception
 * duty (R-TCD-11..18, P-TCD-19).
 *
 * Every record belongs to an organisation and so to its unit: readable by
 * users whose subtree holds the unit (others get not_found), written by
 * every role but viewer (forbidden).  A denunciation visit's identity is
 * sealed (domain/protect.h) and never stored, returned or audited in
 * clear.  Days are "YYYY-MM-DD" strings.
 */
#ifndef DOMAIN_RECEPTION_H
#define DOMAIN_RECEPTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

/* Visits per register request (XLSX and JSON). */
#define RECEPTION_REGISTER_MAX	10000
/* Planned days of a "month:" pattern. */
#define RECEPTION_PATTERN_MAX_DAYS	8

/* Create: org_id, kind, day, place, host_name required.  Update: each
 * optional (NULL / has_* false = unchanged); org_id cannot change. */
struct reception_session_input {
	int64_t		 org_id;
	bool		 has_org_id;
	const char	*kind;
	const char	*day;
	const char	*place;
	const char	*host_name;
	int64_t		 schedule_id;
	bool		 has_schedule_id;
	bool		 delegated;
	bool		 has_delegated;
	const char	*note;
};

/* Filters of the session list and of the register. */
struct reception_query {
	int		 structure;	/* 0 = any */
	const char	*unit;		/* subtree of this code (needs structure) */
	int64_t		 org_id;	/* 0 = any */
	const char	*kind;		/* sessions only */
	const char	*from, *to;	/* days, inclusive; NULL = open */
	int64_t		 limit, offset;	/* sessions only */
};

/* Create: citizen_name, citizen_address, persons, content,
 * classification, field, direction required.  Update: each optional. */
struct reception_visit_input {
	const char	*citizen_name;
	const char	*citizen_address;
	const char	*citizen_id_number;
	int64_t		 persons;
	bool		 has_persons;
	int64_t		 representatives;
	bool		 has_representatives;
	const char	*content;
	const char	*classification;
	const char	*field;
	const char	*prior_handler;
	const char	*direction;
	const char	*forwarded_to;
	const char	*follow_up;
	const char	*note;
	bool		 refused;
	bool		 has_refused;
	const char	*refusal_reason;
};

struct reception_schedule_input {
	int64_t		 org_id;
	bool		 has_org_id;
	const char	*leader_name;
	const char	*leader_title;
	const char	*rule_id;
	const char	*pattern;
	const char	*valid_from;
	const char	*valid_to;
};

/* True for a "YYYY-MM-DD" real calendar day. */
bool	reception_day_valid(const char *s);
/* True for "week:N" (N = 1 Monday .. 7 Sunday) or "month:D[,D...]" (at
 * most RECEPTION_PATTERN_MAX_DAYS distinct days 1..31). */
bool	reception_pattern_valid(const char *s);

/* Sessions: {"items":[Session],"total":N}, newest day first. */
int	reception_session_list(struct store *st, const struct actor *a,
	    const struct reception_query *f, json_t **out, struct err *e);
int	reception_session_create(struct store *st, const struct actor *a,
	    const struct reception_session_input *in, json_t **out,
	    struct err *e);
/* {"session":Session,"visits":[Visit]} */
int	reception_session_get(struct store *st, const struct actor *a,
	    int64_t id, json_t **out, struct err *e);
int	reception_session_update(struct store *st, const struct actor *a,
	    int64_t id, const struct reception_session_input *in,
	    json_t **out, struct err *e);
/* Only a session without visits (conflict otherwise). */
int	reception_session_delete(struct store *st, const struct actor *a,
	    int64_t id, struct err *e);

int	reception_visit_create(struct store *st, const struct actor *a,
	    int64_t session_id, const struct reception_visit_input *in,
	    json_t **out, struct err *e);
int	reception_visit_update(struct store *st, const struct actor *a,
	    int64_t id, const struct reception_visit_input *in, json_t **out,
	    struct err *e);

/* The register as {"rows":[...],"total":N} (at most
 * RECEPTION_REGISTER_MAX rows, else invalid_param). */
int	reception_register(struct store *st, const struct actor *a,
	    const struct reception_query *f, json_t **out, struct err *e);
/* The same as an XLSX workbook: *data (heap, free()) of *len bytes. */
int	reception_register_xlsx(struct store *st, const struct actor *a,
	    const struct reception_query *f, char **data, size_t *len,
	    struct err *e);

/* {"items":[{id,name,per,days,status,source}]} */
int	reception_duty_rules(struct store *st, json_t **out, struct err *e);
int	reception_schedule_list(struct store *st, const struct actor *a,
	    const struct reception_query *f, json_t **out, struct err *e);
int	reception_schedule_create(struct store *st, const struct actor *a,
	    const struct reception_schedule_input *in, json_t **out,
	    struct err *e);
/* {period, required, held, rate, planned, held_days, missed} for the
 * period string (period.h forms, natural boundaries). */
int	reception_compliance(struct store *st, const struct actor *a,
	    int64_t schedule_id, const char *period, json_t **out,
	    struct err *e);

#endif
