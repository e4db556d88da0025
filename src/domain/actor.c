/* actor.c - roles and scope checks. */
#include "domain/actor.h"

#include <stdio.h>
#include <string.h>

#include "store/store.h"

static const struct {
	const char	*name;
	const char	*label;
} roles[ROLE_COUNT] = {
	[ROLE_SYSADMIN] = { "sysadmin", "Quản trị hệ thống" },
	[ROLE_UNIT_ADMIN] = { "unit_admin", "Quản trị đơn vị" },
	[ROLE_LEADER] = { "leader", "Lãnh đạo" },
	[ROLE_OFFICER] = { "officer", "Cán bộ" },
	[ROLE_VIEWER] = { "viewer", "Xem báo cáo" },
};

const char *
role_name(enum role r)
{
	if ((int)r < 0 || r >= ROLE_COUNT)
		return NULL;
	return roles[r].name;
}

const char *
role_label(enum role r)
{
	if ((int)r < 0 || r >= ROLE_COUNT)
		return "";
	return roles[r].label;
}

int
role_parse(const char *s)
{
	for (int i = 0; i < ROLE_COUNT; i++)
		if (strcmp(s, roles[i].name) == 0)
			return i;
	return -1;
}

bool
actor_is_admin(const struct actor *a)
{
	return a->role == ROLE_SYSADMIN || a->role == ROLE_UNIT_ADMIN;
}

bool
actor_is_global(const struct actor *a)
{
	return a->scope_structure == 0;
}

bool
actor_can_see(const struct actor *a, int structure, const char *path)
{
	size_t n;

	if (actor_is_global(a))
		return true;
	if (path == NULL || structure != a->scope_structure)
		return false;
	n = strlen(a->scope_path);
	return strncmp(path, a->scope_path, n) == 0 &&
	    (path[n] == '\0' || path[n] == '/');
}

void
actor_init_cli(struct actor *a)
{
	memset(a, 0, sizeof(*a));
	a->role = ROLE_SYSADMIN;
	snprintf(a->username, sizeof(a->username), "%s", "(cli)");
	snprintf(a->ip, sizeof(a->ip), "%s", "cli");
}

static int
bind_subtree(const char *path, struct stmt *q, int idx)
{
	char hi[UNIT_PATH_MAX + 2];

	snprintf(hi, sizeof(hi), "%s0", path);
	stmt_bind_text(q, idx++, path);
	stmt_bind_text(q, idx++, hi);
	return idx;
}

/* A range that holds no path. */
static int
bind_empty(struct stmt *q, int idx)
{
	stmt_bind_text(q, idx++, "");
	stmt_bind_text(q, idx++, "");
	return idx;
}

int
actor_bind_scope(const struct actor *a, struct stmt *q, int idx)
{
	if (actor_is_global(a)) {
		/* The guard, and for the second form of the store, both
		 * structures whole: paths hold digits and '/', all below
		 * "~". */
		stmt_bind_int(q, idx++, 0);
		stmt_bind_int(q, idx++, 2025);
		stmt_bind_text(q, idx++, "");
		stmt_bind_text(q, idx++, "~");
		stmt_bind_int(q, idx++, 2024);
		stmt_bind_text(q, idx++, "");
		stmt_bind_text(q, idx++, "~");
		return bind_empty(q, idx);
	}
	stmt_bind_int(q, idx++, 1);
	stmt_bind_int(q, idx++, a->scope_structure);
	idx = bind_subtree(a->scope_path, q, idx);
	stmt_bind_int(q, idx++, 0);
	idx = bind_empty(q, idx);
	if (a->scope_structure == 2025)
		return bind_subtree(a->scope_path, q, idx);
	return bind_empty(q, idx);
}

static const char SQL_IN_SCOPE[] =
    "SELECT COUNT(*) FROM units WHERE structure = ? AND code = ? AND "
    SCOPE_SQL("structure", "path");

int
actor_in_scope(struct store *st, const struct actor *a, int structure,
    const char *code, bool *inside, struct err *e)
{
	struct stmt *q;
	int rc;

	*inside = actor_is_global(a);
	if (*inside)
		return 0;
	rc = store_prepare(st, SQL_IN_SCOPE, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, structure);
	stmt_bind_text(q, 2, code);
	actor_bind_scope(a, q, 3);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		*inside = stmt_col_int(q, 0) > 0;
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}
