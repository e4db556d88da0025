/*
 * petition_int.h - what petition.c (letters, their rows, reads, lists,
 * tracking) and petition_act.c (the actions of their life cycle) share.
 * Not for other modules: they use petition.h.
 */
#ifndef DOMAIN_PETITION_INT_H
#define DOMAIN_PETITION_INT_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "core/calendar.h"
#include "domain/actor.h"
#include "domain/petition.h"

struct err;
struct stmt;
struct store;

#define TRACK_DEPTH	10	/* forwarding hops followed */
/* Statuses in which a letter is still being handled. */
#define OPEN_SQL	"('received', 'accepted', 'verifying', 'dialogue')"

/* The facts the rules need about one petition. */
struct prow {
	int64_t	id, org_id, identity_id, assigned, forwarded_from, forwarded_to;
	int64_t	duplicate_of, level, extensions;
	bool	remote, anonymous, is_protected;
	int	structure;
	char	code[UNIT_CODE_MAX], path[UNIT_PATH_MAX];
	char	status[16], classification[16], complexity[24];
	char	received[CAL_DATE_LEN], r_rule[16], r_start[CAL_DATE_LEN];
	char	r_due[CAL_DATE_LEN], tracking[PETITION_CODE_LEN];
	json_t	*json;		/* full petition JSON */
};

/* The receiving organisation and its unit. */
struct org_at {
	int	structure;
	char	code[UNIT_CODE_MAX], path[UNIT_PATH_MAX], type[40];
};

/* Load petition id into *p (p->json: the API view) if a may see it;
 * ERR_NOTFOUND otherwise. */
int	petition_load(struct store *st, const struct actor *a, int64_t id,
	    struct prow *p, struct err *e);
int	petition_load_start_day(struct store *st, struct prow *p,
	    struct err *e);
/* What the audit log keeps of a petition: never the petitioner. */
json_t	*petition_audit_view(json_t *pj);
int	petition_check_writer(const struct actor *a, struct err *e);
/* A real day, not in the future (Vietnam), not before after. */
int	petition_check_day(const char *day, const char *field,
	    const char *after, struct err *e);
void	petition_today_str(char out[CAL_DATE_LEN]);
/* The time limits of a classification (DOMAIN §4-§6 rule ids). */
const char *petition_handling_rule(const char *classification,
	    int64_t level);
const char *petition_resolution_rule(const char *classification,
	    int64_t level);
/* Does this classification protect the petitioner (R-TC-20)? */
bool	petition_protects(const char *classification);
int	petition_add_event(struct store *st, const struct actor *a,
	    int64_t id, const char *day, const char *kind, const char *status,
	    const char *note, const char *public_note, struct err *e);
void	petition_new_tracking_code(char out[PETITION_CODE_LEN]);
int	petition_org_unit(struct store *st, int64_t org_id,
	    struct org_at *o, struct err *e);
void	petition_bind_opt_id(struct stmt *q, int i, int64_t v);
void	petition_copy_col(char *dst, size_t n, struct stmt *q, int col);
int	petition_attach_target(struct store *st, const struct actor *a,
	    int64_t to, struct prow *t, struct err *e);
int	petition_bump_repeat(struct store *st, const struct actor *a,
	    const struct prow *t, const char *day, const char *code,
	    struct err *e);

#endif
