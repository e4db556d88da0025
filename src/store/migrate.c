/* migrate.c - apply the embedded SQL migrations in version order. */
#include "store/migrate.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/embed.h"
#include "core/err.h"
#include "store/store.h"

#define MIGR_DIR	"src/store/migrations/"

static const char SQL_VERSION_TABLE[] =
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)";

static const char *
dialect_dir(const struct store *st)
{
	return store_kind(st) == STORE_PGSQL ? MIGR_DIR "postgres/" :
	    MIGR_DIR "sqlite/";
}

/* Version number of an embedded migration file of this dialect, or 0. */
static int
file_version(const struct store *st, const struct embedded_file *f)
{
	const char *dir = dialect_dir(st), *p;
	int v = 0;

	if (strncmp(f->path, dir, strlen(dir)) != 0)
		return 0;
	p = f->path + strlen(dir);
	for (int i = 0; i < 4; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

int
migrate_known_version(const struct store *st)
{
	const struct embedded_file *f;
	int v, max = 0;

	for (f = embedded_files; f->path != NULL; f++) {
		v = file_version(st, f);
		if (v > max)
			max = v;
	}
	return max;
}

int
migrate_current_version(struct store *st, int *out, struct err *e)
{
	int64_t v;
	int rc;

	rc = store_exec(st, SQL_VERSION_TABLE, e);
	if (rc != 0)
		return rc;
	rc = store_query_int(st,
	    "SELECT COALESCE(MAX(version), 0) FROM schema_version", &v, e);
	*out = (int)v;
	return rc;
}

static int
apply_one(struct store *st, const struct embedded_file *f, int version,
    struct err *e)
{
	struct stmt *q = NULL;
	int rc;

	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = store_exec(st, (const char *)f->data, e);
	if (rc == 0)
		rc = store_prepare(st, "INSERT INTO schema_version "
		    "(version, applied_at) VALUES (?, ?)", &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, version);
		stmt_bind_int(q, 2, (int64_t)time(NULL));
		rc = stmt_step(q, e);
		stmt_finalize(q);
	}
	if (rc == 0)
		rc = store_commit(st, e);
	if (rc != 0)
		store_rollback(st);
	return rc;
}

int
migrate_run(struct store *st, int *applied, struct err *e)
{
	const struct embedded_file *f;
	int cur, known, rc, v;

	*applied = 0;
	rc = migrate_current_version(st, &cur, e);
	if (rc != 0)
		return rc;
	known = migrate_known_version(st);
	if (cur > known)
		return err_set(e, ERR_VERSION, "database_too_new", NULL,
		    "database schema version %d is newer than this program "
		    "knows (%d); use a newer danvan", cur, known);
	/* embedded_files is in sorted path order, so versions ascend. */
	for (f = embedded_files; f->path != NULL; f++) {
		v = file_version(st, f);
		if (v == 0 || v <= cur)
			continue;
		rc = apply_one(st, f, v, e);
		if (rc != 0)
			return rc;
		(*applied)++;
	}
	return 0;
}

int
migrate_check(struct store *st, struct err *e)
{
	int cur, known, rc;

	rc = migrate_current_version(st, &cur, e);
	if (rc != 0)
		return rc;
	known = migrate_known_version(st);
	if (cur > known)
		return err_set(e, ERR_VERSION, "database_too_new", NULL,
		    "database schema version %d is newer than this program "
		    "knows (%d); refusing to start", cur, known);
	if (cur < known)
		return err_set(e, ERR_VERSION, "database_too_old", NULL,
		    "database schema version %d is older than %d; run "
		    "'danvan migrate' first", cur, known);
	return 0;
}
