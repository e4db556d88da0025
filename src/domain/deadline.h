/*
 * deadline.h - legal time limits (DOMAIN.md §4-§6, §15).  The rules are
 * data (table deadline_rules: amount, variants and day unit per rule, so
 * a legal clarification is an UPDATE), and so are the government's
 * yearly calendar decisions (table calendar_days, the overrides of
 * core/calendar.h).
 *
 * These are pure data functions: no audit entries and no transactions
 * (the caller owns both).  Errors carry a Vietnamese message and a stable
 * api_code.
 */
#ifndef DOMAIN_DEADLINE_H
#define DOMAIN_DEADLINE_H

#include <stdbool.h>

#include <jansson.h>

#include "core/calendar.h"

struct err;
struct store;

#define DEADLINE_AMOUNT_MAX	365

enum complexity { CX_NORMAL, CX_COMPLEX, CX_ESPECIALLY_COMPLEX };

/* "normal", "complex", "especially_complex" ("normal" for anything
 * else). */
const char	*complexity_name(enum complexity c);
/* The enum value of one of those names; -1 when unknown or NULL. */
int		 complexity_parse(const char *s);

/* One row of deadline_rules.  An amount of 0 means the rule has no such
 * variant (NULL in the table). */
struct deadline_rule {
	char		 id[16];
	char		 name[256];
	char		 start_event[16];	/* received | accepted | decided */
	int		 amount;
	int		 complex_amount;
	int		 especially_complex_amount;
	int		 remote_amount;
	int		 remote_complex_amount;
	enum cal_unit	 unit;
	char		 status[2];		/* C | U | P (DOMAIN.md §0.1) */
	char		 source[128];
};

/*
 * A change to a rule; every field is optional.  Amounts are 1..365; a
 * variant (complex_amount .. remote_complex_amount) set to 0 is removed.
 * unit is "calendar" or "working", status "C", "U" or "P"; name and
 * source are non-empty UTF-8 that fits struct deadline_rule.
 */
struct deadline_rule_patch {
	const char	*name;
	bool		 has_amount;
	int		 amount;
	bool		 has_complex_amount;
	int		 complex_amount;
	bool		 has_especially_complex_amount;
	int		 especially_complex_amount;
	bool		 has_remote_amount;
	int		 remote_amount;
	bool		 has_remote_complex_amount;
	int		 remote_complex_amount;
	const char	*unit;
	const char	*status;
	const char	*source;
};

/* Read rule id into *out.  Returns 0, ERR_NOTFOUND or ERR_DB. */
int	deadline_rule_get(struct store *st, const char *id,
	    struct deadline_rule *out, struct err *e);
/* {"items":[{"id", "name", "start_event", "amount", "complex_amount",
 * "especially_complex_amount", "remote_amount", "remote_complex_amount"
 * (null when absent), "day_unit": "calendar"|"working", "status", "source",
 * "updated_at"}]} ordered by id; *out owned by the caller. */
int	deadline_rules_json(struct store *st, json_t **out, struct err *e);
/* Apply p to rule id and return its new JSON (one item as above) in
 * *out.  Returns 0, ERR_NOTFOUND, ERR_INVAL (api_code "invalid_field",
 * field named) or ERR_DB. */
int	deadline_rule_update(struct store *st, const char *id,
	    const struct deadline_rule_patch *p, json_t **out, struct err *e);

/*
 * The amount that applies to a case: not remote: amount, complex_amount
 * or especially_complex_amount; remote: remote_amount,
 * remote_complex_amount, or for an especially complex remote case the
 * largest remote variant.  A rule without any remote variant applies its
 * ordinary amounts in remote areas too.  ERR_INVAL (api_code
 * "no_extension") when the rule has no such variant.
 */
int	deadline_amount(const struct deadline_rule *r, enum complexity cx,
	    bool remote, int *amount, struct err *e);
/*
 * Due day ("YYYY-MM-DD") of rule rule_id for an event on start
 * ("YYYY-MM-DD"), counted by calendar_add() on the calendar of the years
 * involved with the calendar_days overrides.  Returns 0, ERR_NOTFOUND,
 * ERR_INVAL (bad start: api_code "invalid_field", field "start"; or
 * "no_extension") or ERR_DB.
 */
int	deadline_due(struct store *st, const char *rule_id, const char *start,
	    enum complexity cx, bool remote, char due[CAL_DATE_LEN],
	    struct err *e);

/* The working calendar of first_year..last_year: built-in holidays plus
 * the calendar_days rows as overrides.  *out: calendar_free(). */
int	calendar_load(struct store *st, int first_year, int last_year,
	    struct calendar **out, struct err *e);
/* {"year":Y,"days":[{"day":"2025-01-01","name":"Tết Dương lịch",
 * "kind":"holiday|compensation|off|work"}]}: every day of year that is
 * not ordinary (holidays also when they fall on a weekend), in order. */
int	calendar_year_json(struct store *st, int year, json_t **out,
	    struct err *e);
/* Insert or replace the calendar_days row of day: a day off (working
 * false) or a working day, with its name (required).  ERR_INVAL with
 * field "day" or "name". */
int	calendar_day_set(struct store *st, const char *day, bool working,
	    const char *name, struct err *e);
/* Delete the row of day; ERR_NOTFOUND when there is none. */
int	calendar_day_delete(struct store *st, const char *day, struct err *e);

#endif
