/*
 * petition.h - petitions (đơn khiếu nại, tố cáo, kiến nghị, phản ánh):
 * registration, classification by content (R-DON-01..04), the handling
 * and resolution deadlines (§4-§6, rules as data in deadline_rules),
 * forwarding between bodies, duplicates (R-DON-08), mass cases, and the
 * protection of denouncers (R-TC-20, P-TC-24).
 *
 * A petition belongs to the organisation that holds it and so to that
 * organisation's unit: scope works as for every other record.  Forwarding
 * creates the letter anew at the receiving body (its own queue) and links
 * the two rows; the receiving side's result flows back to the sender's.
 *
 * Every change runs in one write transaction with its timeline event and
 * its audit entry.  Audit entries and lists never carry a petitioner's
 * identity.
 */
#ifndef DOMAIN_PETITION_H
#define DOMAIN_PETITION_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

#define PETITION_CODE_LEN	15	/* "ABCD-EFGH-JKMN" + NUL */

struct petition_input {
	int64_t		 org_id;
	bool		 has_org_id;
	const char	*source;
	const char	*received_day;
	int64_t		 visit_id;
	bool		 has_visit_id;
	const char	*petitioner_name;
	const char	*petitioner_address;
	const char	*petitioner_id_number;
	const char	*petitioner_phone;
	bool		 anonymous, has_anonymous;
	int64_t		 persons;
	bool		 has_persons;
	const char	*subject;
	const char	*content;
	const char	*classification;
	const char	*field;
	int64_t		 level;
	bool		 has_level;
	bool		 remote_area, has_remote_area;
	int64_t		 attach_to;
	bool		 has_attach_to;
	bool		 seal;		/* internal: seal the identity anyway */
};

/* The body of any action; each action reads the fields it declares. */
struct petition_action {
	const char	*day;
	const char	*note;
	const char	*public_note;
	const char	*classification;
	const char	*eligibility;
	const char	*field;
	const char	*complexity;
	const char	*status;
	const char	*decision;
	const char	*result;
	const char	*settled_day;
	int64_t		 level;
	bool		 has_level;
	bool		 remote_area, has_remote_area;
	int64_t		 to_org_id;
	bool		 has_to_org_id;
	int64_t		 to;
	bool		 has_to;
	int64_t		 user_id;
	bool		 has_user_id;
	bool		 mass_case, has_mass_case;
};

enum petition_act {
	PA_CLASSIFY, PA_ACCEPT, PA_RETURN, PA_FORWARD, PA_ARCHIVE, PA_ATTACH,
	PA_PROGRESS, PA_EXTEND, PA_RESOLVE, PA_WITHDRAW, PA_MASS_CASE,
	PA_ASSIGN
};

struct petition_query {
	int		 structure;	/* with unit */
	const char	*unit;
	int64_t		 org_id;
	const char	*status, *classification, *field, *source, *due, *q;
	int		 mass_case;	/* -1 any, 0, 1 */
	const char	*from, *to;	/* received days */
	int64_t		 limit, offset;
};

/* Where a petition's holder is: filled by petition_create for callers
 * that build on it (public submissions, import). */
struct petition_created {
	int64_t	id;
	char	tracking_code[PETITION_CODE_LEN];
};

/* {"petition":…, "duplicates":[…]} */
int	petition_create(struct store *st, const struct actor *a,
	    const struct petition_input *in, json_t **out, struct err *e);
/* The same inside the caller's write transaction (no commit); for
 * import and the public page.  out may be NULL. */
int	petition_insert(struct store *st, const struct actor *a,
	    const struct petition_input *in, struct petition_created *made,
	    json_t **out, struct err *e);
/* {"petition":…, "events":[…], "attachments":[…]} */
int	petition_get(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);
int	petition_list(struct store *st, const struct actor *a,
	    const struct petition_query *f, json_t **out, struct err *e);
/* {"petition":…} after the action. */
int	petition_act(struct store *st, const struct actor *a, int64_t id,
	    enum petition_act act, const struct petition_action *in,
	    json_t **out, struct err *e);
/* {"identity":{…}}: the assigned handler and a leader of the petition's
 * own unit only; audited. */
int	petition_identity(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);
/* Where a petition belongs, for audit entries of things attached to it. */
struct petition_where {
	int	structure;
	char	code[UNIT_CODE_MAX];
	char	path[UNIT_PATH_MAX];
};

/*
 * Check that a may see petition id and, when need_identity, that a may
 * see its protected material (identity, scans); fills *where when not
 * NULL.  Returns 0, ERR_NOTFOUND or ERR_PERM (identity_restricted).
 */
int	petition_check_access(struct store *st, const struct actor *a,
	    int64_t id, bool need_identity, bool *is_protected,
	    struct petition_where *where, struct err *e);
/* Public tracking: {tracking_code, status, received_day, due_day,
 * resolved_day, result, timeline}; follows forwarding. */
int	petition_track(struct store *st, const char *code, json_t **out,
	    struct err *e);
bool	petition_code_valid(const char *code);

#endif
