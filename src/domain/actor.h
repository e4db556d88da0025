/*
 * actor.h - who is acting (a logged-in user, or the CLI) and what they may
 * see: a role plus a scope, the subtree of one administrative unit.
 *
 * Scope paths are unit codes joined by '/', root first ("17/148/04765").
 * Codes hold only digits, so the subtree of P (P itself and every path
 * below it, P + "/...") is the one range [P, P + "0"): an index-friendly
 * prefix test.
 */
#ifndef DOMAIN_ACTOR_H
#define DOMAIN_ACTOR_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

struct err;
struct stmt;
struct store;

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
/* True when the unit (structure, path) lies in the actor's subtree, within
 * the actor's own structure (no mapping; see actor_in_scope). */
bool	actor_can_see(const struct actor *a, int structure, const char *path);
/* The CLI acts as an unscoped system administrator. */
void	actor_init_cli(struct actor *a);

/*
 * SQL fragment restricting rows to the actor's subtree.  `st` and `path`
 * are the row's unit columns.  A global actor sees every row (those with
 * no unit too).  A row of the actor's own structure is inside when its
 * path is in the subtree.  For an actor of the 2025 structure, a row
 * attached to a 2024 unit is inside when every 2025 unit that old unit
 * became (unit_succ, from the 1 July 2025 mapping) is in the subtree,
 * that is when their common ancestor units.succ_path is: old Hòa Bình (17)
 * records belong to new Phú Thọ (25), and an old commune split between
 * two new communes belongs to neither alone (but to their province).
 *
 * Past the guard (0 for a global actor, which reads everything), every
 * part is an index range on (unit_structure, unit_path, ...): the own
 * structure's subtree, the other structure whole (global actors only,
 * else empty) and the old units wholly merged into the subtree, one
 * equality each; the store runs the parts through their indexes when the
 * guard is not 0 (store.h STORE_ALT_OR).
 *
 * Binds SCOPE_BINDS parameters starting at idx with actor_bind_scope(),
 * which returns the next free index.
 */
#define SCOPE_SUBTREE(path)						\
	"(" path " >= ? AND " path " < ?)"
#define SCOPE_SQL(st, path)						\
	"(? = 0 OR " STORE_ALT_OR "((" st " = ? AND " SCOPE_SUBTREE(path)	\
	") OR (" st " = ? AND " SCOPE_SUBTREE(path) ") OR (" st " = 2024"	\
	" AND " path " IN (SELECT scope_u.path FROM units scope_u WHERE"	\
	" scope_u.structure = 2024 AND "					\
	SCOPE_SUBTREE("scope_u.succ_path") "))))"
#define SCOPE_BINDS	9
int	actor_bind_scope(const struct actor *a, struct stmt *q, int idx);

/*
 * Is the unit (structure, code) inside a's scope, by the rule above?
 * Returns 0 with *inside set, or ERR_DB.  Global actors: always inside.
 */
int	actor_in_scope(struct store *st, const struct actor *a, int structure,
	    const char *code, bool *inside, struct err *e);

#endif
