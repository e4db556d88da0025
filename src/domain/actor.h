/*
 * actor.h - who is acting (a logged-in user, or the CLI) and what they may
 * see: a role plus a scope, the subtree of one administrative unit.
 *
 * Scope paths are unit codes joined by '/', root first ("17/148/04765").
 * Codes hold only digits, so the subtree of P is P itself plus every path
 * in the open range (P + "/", P + "0"): an index-friendly prefix test.
 */
#ifndef DOMAIN_ACTOR_H
#define DOMAIN_ACTOR_H

#include <stdbool.h>
#include <stdint.h>

struct stmt;

enum role {
	ROLE_SYSADMIN,
	ROLE_UNIT_ADMIN,
	ROLE_LEADER,
	ROLE_OFFICER,
	ROLE_VIEWER,
	ROLE_COUNT
};

#define UNIT_CODE_MAX	8
#define UNIT_PATH_MAX	32

struct actor {
	int64_t		user_id;		/* 0 for the CLI */
	char		username[72];
	enum role	role;
	int		scope_structure;	/* 0: whole country */
	char		scope_code[UNIT_CODE_MAX];
	char		scope_path[UNIT_PATH_MAX];
	char		ip[48];
};

/* "sysadmin", ... ; NULL for an invalid value. */
const char	*role_name(enum role r);
/* Parse a role name; -1 when unknown. */
int		 role_parse(const char *s);
/* Vietnamese label ("Quản trị hệ thống", ...). */
const char	*role_label(enum role r);

bool	actor_is_admin(const struct actor *a);	/* sysadmin or unit_admin */
bool	actor_is_global(const struct actor *a);
/* True when the unit (structure, path) lies in the actor's subtree. */
bool	actor_can_see(const struct actor *a, int structure, const char *path);
/* The CLI acts as an unscoped system administrator. */
void	actor_init_cli(struct actor *a);

/*
 * SQL fragment restricting rows to the actor's subtree.  `st` and `path`
 * are column names.  Binds five parameters starting at idx with
 * actor_bind_scope(); returns the next free index.
 */
#define SCOPE_SQL(st, path)						\
	"(? = 0 OR (" st " = ? AND (" path " = ? OR (" path " > ? AND "	\
	path " < ?))))"
int	actor_bind_scope(const struct actor *a, struct stmt *q, int idx);

#endif
