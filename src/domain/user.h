/*
 * user.h - user accounts: username, full name, argon2id password hash
 * (libsodium), role and scope unit.  Admins manage users inside their own
 * subtree; nobody but a sysadmin creates a sysadmin.
 */
#ifndef DOMAIN_USER_H
#define DOMAIN_USER_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct stmt;
struct store;

#define PASSWORD_MIN	8
#define PASSWORD_MAX	256

/* A unit reference as sent by clients. */
struct unit_ref {
	bool	set;
	int	structure;
	char	code[UNIT_CODE_MAX];
};

/* Input for create (all but unit required) and update (each optional:
 * NULL / unset = unchanged). */
struct user_input {
	const char	*username;
	const char	*full_name;
	const char	*password;
	const char	*role;
	struct unit_ref	 unit;
	bool		 has_disabled;
	bool		 disabled;
};

struct user_query {
	const char	*q;
	const char	*role;
	int64_t		 limit, offset;
};

/*
 * The columns of a user row and the join that gives them: a query selects
 * USER_COLS (after any columns of its own, at index b) from users u
 * USER_JOIN_UNIT, and user_row_json(q, b) builds the user's JSON.
 */
#define USER_COLS							\
	"u.id, u.username, u.full_name, u.role, u.unit_structure,"	\
	" u.unit_code, n.name, u.disabled, u.created_at, u.unit_path"
#define USER_JOIN_UNIT							\
	" LEFT JOIN units n ON n.structure = u.unit_structure"		\
	" AND n.code = u.unit_code"
#define USER_FROM	" FROM users u" USER_JOIN_UNIT
json_t	*user_row_json(struct stmt *q, int b);

int	user_create(struct store *st, const struct actor *a,
	    const struct user_input *in, json_t **out, struct err *e);
int	user_update(struct store *st, const struct actor *a, int64_t id,
	    const struct user_input *in, json_t **out, struct err *e);
int	user_get(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);
int	user_list(struct store *st, const struct actor *a,
	    const struct user_query *f, json_t **out, struct err *e);
/* {"id":..,"username":..} rows for the CLI's user list: all users. */
int	user_list_all(struct store *st, json_t **out, struct err *e);
/* Disable by username (CLI).  Ends the user's sessions. */
int	user_disable_by_name(struct store *st, const struct actor *a,
	    const char *username, struct err *e);
/* The user's own password change: checks old, ends other sessions
 * (every session except keep_session_id). */
int	user_change_password(struct store *st, const struct actor *a,
	    const char *old_pw, const char *new_pw, int64_t keep_session_id,
	    struct err *e);
/* The JSON of one user by id (no scope check), for /me and login. */
int	user_json_by_id(struct store *st, int64_t id, json_t **out,
	    struct err *e);

/* argon2id hash into a string the caller frees. */
int	password_hash(const char *pw, char **out);
bool	password_verify(const char *hash, const char *pw);
/* Validate a username: 3..64 of [a-z0-9._-], starting with a letter or digit. */
bool	username_valid(const char *s);

#endif
