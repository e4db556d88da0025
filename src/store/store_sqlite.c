/*
 * store_sqlite.c - SQLite backend.  WAL journal with synchronous=FULL: a
 * COMMIT returns only after the WAL frame is fsync()ed, so an acknowledged
 * write survives kill -9 and power loss.  Prepared statements are cached per
 * connection (keyed by SQL text) and reset, not finalized, after use.
 */
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/err.h"
#include "core/xalloc.h"

#define STMT_CACHE	64

struct store {
	struct store_base	 base;
	sqlite3			*db;
	struct stmt		*cache[STMT_CACHE];
};

struct stmt {
	struct stmt_base	 base;
	struct store		*st;
	sqlite3_stmt		*s;		/* the one being run */
	sqlite3_stmt		*as_written;
	sqlite3_stmt		*alt;		/* store.h STORE_ALT_OR; or NULL */
	int			 guard;		/* alt: the first guard's index */
	int64_t			 guard_value;
	bool			 running;	/* stepped since the last reset */
	char			*sql;
	int64_t			 changes;
};

static const char ALT_FROM[] = "? = 0 OR " STORE_ALT_OR;
static const char ALT_TO[] = "? >= 0 AND " STORE_ALT_OR;

static void	stmt_free(struct stmt *q);

static int
db_error(sqlite3 *db, int rc, struct err *e)
{
	int ext = sqlite3_extended_errcode(db);

	if (ext == SQLITE_CONSTRAINT_UNIQUE ||
	    ext == SQLITE_CONSTRAINT_PRIMARYKEY)
		return err_set(e, ERR_EXISTS, "conflict", NULL, "%s",
		    sqlite3_errmsg(db));
	(void)rc;
	return err_set(e, ERR_DB, "internal", NULL, "sqlite: %s",
	    sqlite3_errmsg(db));
}

static int
sq_exec(struct store *st, const char *script, struct err *e)
{
	char *msg = NULL;
	int rc;

	rc = sqlite3_exec(st->db, script, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		rc = db_error(st->db, rc, e);
		sqlite3_free(msg);
		return rc;
	}
	return 0;
}

static void
sq_close(struct store *st)
{
	for (int i = 0; i < STMT_CACHE; i++) {
		if (st->cache[i] != NULL)
			stmt_free(st->cache[i]);
	}
	sqlite3_close_v2(st->db);
	free(st);
}

static int
sq_open(const char *path, struct store **out, struct err *e)
{
	static const char pragmas[] =
	    "PRAGMA journal_mode=WAL;"
	    "PRAGMA synchronous=FULL;"
	    "PRAGMA foreign_keys=ON;"
	    "PRAGMA temp_store=MEMORY;";
	struct store *st;
	int rc;

	st = xcalloc(1, sizeof(*st));
	st->base.ops = &store_sqlite_ops;
	rc = sqlite3_open_v2(path, &st->db,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
	if (rc != SQLITE_OK) {
		err_set(e, ERR_DB, "internal", "db", "cannot open %s: %s",
		    path, st->db ? sqlite3_errmsg(st->db) : "out of memory");
		sq_close(st);
		return ERR_DB;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 10000);
	rc = sq_exec(st, pragmas, e);
	if (rc != 0) {
		sq_close(st);
		return rc;
	}
	*out = st;
	return 0;
}

/*
 * The second form of sql (store.h STORE_ALT_OR), heap, and the index of the
 * parameter of its first guard; NULL when sql has no guard.  Parameters
 * are counted outside quoted text.
 */
static char *
alt_sql(const char *sql, int *guard)
{
	const char *first = strstr(sql, ALT_FROM), *p;
	size_t nfrom = sizeof(ALT_FROM) - 1, nto = sizeof(ALT_TO) - 1;
	char quote = 0, *out, *o;
	int n = 0;

	if (first == NULL)
		return NULL;
	for (p = sql; p <= first; p++) {
		if (quote != 0) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (*p == '?') {
			n++;
		}
	}
	*guard = n;
	/* ALT_TO is longer by one byte than ALT_FROM: room for each. */
	out = xmalloc(strlen(sql) * 2 + 1);
	for (o = out, p = sql; *p != '\0';) {
		if (strncmp(p, ALT_FROM, nfrom) == 0) {
			memcpy(o, ALT_TO, nto);
			o += nto;
			p += nfrom;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return out;
}

static void
stmt_free(struct stmt *q)
{
	sqlite3_finalize(q->as_written);
	sqlite3_finalize(q->alt);
	free(q->sql);
	free(q);
}

static int
sq_prepare(struct store *st, const char *sql, struct stmt **out,
    struct err *e)
{
	struct stmt *q;
	char *alt;
	int rc;

	for (int i = 0; i < STMT_CACHE; i++) {
		q = st->cache[i];
		if (q != NULL && strcmp(q->sql, sql) == 0) {
			st->cache[i] = NULL;
			q->changes = 0;
			*out = q;
			return 0;
		}
	}
	*out = NULL;
	q = xcalloc(1, sizeof(*q));
	q->base.ops = &store_sqlite_ops;
	q->st = st;
	q->sql = xstrdup(sql);
	rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &q->as_written, NULL);
	alt = rc == SQLITE_OK ? alt_sql(sql, &q->guard) : NULL;
	if (alt != NULL) {
		rc = sqlite3_prepare_v3(st->db, alt, -1,
		    SQLITE_PREPARE_PERSISTENT, &q->alt, NULL);
		free(alt);
	}
	if (rc != SQLITE_OK) {
		rc = db_error(st->db, rc, e);
		stmt_free(q);
		return rc;
	}
	q->s = q->as_written;
	*out = q;
	return 0;
}

static void
sq_bind_int(struct stmt *q, int idx, int64_t v)
{
	sqlite3_bind_int64(q->as_written, idx, v);
	if (q->alt != NULL) {
		sqlite3_bind_int64(q->alt, idx, v);
		if (idx == q->guard)
			q->guard_value = v;
	}
}

static void
sq_bind_text(struct stmt *q, int idx, const char *s)
{
	sqlite3_bind_text(q->as_written, idx, s, -1, SQLITE_TRANSIENT);
	if (q->alt != NULL)
		sqlite3_bind_text(q->alt, idx, s, -1, SQLITE_TRANSIENT);
}

static void
sq_bind_null(struct stmt *q, int idx)
{
	sqlite3_bind_null(q->as_written, idx);
	if (q->alt != NULL) {
		sqlite3_bind_null(q->alt, idx);
		if (idx == q->guard)
			q->guard_value = 0;
	}
}

static int
sq_step(struct stmt *q, struct err *e)
{
	int rc;

	if (!q->running) {
		q->s = q->alt != NULL && q->guard_value != 0 ? q->alt :
		    q->as_written;
		q->running = true;
	}
	rc = sqlite3_step(q->s);
	if (rc == SQLITE_ROW)
		return STEP_ROW;
	q->running = false;
	if (rc == SQLITE_DONE) {
		q->changes = sqlite3_changes64(q->st->db);
		sqlite3_reset(q->s);	/* binds survive; next step re-runs */
		return STEP_DONE;
	}
	rc = db_error(q->st->db, rc, e);
	sqlite3_reset(q->s);
	return rc;
}

static int
sq_column_count(struct stmt *q)
{
	return sqlite3_column_count(q->s);
}

static bool
sq_col_is_null(struct stmt *q, int col)
{
	return sqlite3_column_type(q->s, col) == SQLITE_NULL;
}

static int64_t
sq_col_int(struct stmt *q, int col)
{
	return sqlite3_column_int64(q->s, col);
}

static const char *
sq_col_text(struct stmt *q, int col)
{
	return (const char *)sqlite3_column_text(q->s, col);
}

static int64_t
sq_changes(struct stmt *q)
{
	return q->changes;
}

static void
sq_finalize(struct stmt *q)
{
	struct store *st = q->st;
	int slot = -1;

	sqlite3_reset(q->as_written);
	sqlite3_clear_bindings(q->as_written);
	if (q->alt != NULL) {
		sqlite3_reset(q->alt);
		sqlite3_clear_bindings(q->alt);
	}
	q->s = q->as_written;
	q->guard_value = 0;
	q->running = false;
	for (int i = 0; i < STMT_CACHE; i++) {
		if (st->cache[i] == NULL) {
			slot = i;
			break;
		}
	}
	if (slot < 0) {
		/* Cache full: evict the oldest-placed entry. */
		slot = 0;
		stmt_free(st->cache[0]);
	}
	st->cache[slot] = q;
}

const struct store_ops store_sqlite_ops = {
	.name = "sqlite",
	.kind = STORE_SQLITE,
	.open = sq_open,
	.close = sq_close,
	.exec = sq_exec,
	.prepare = sq_prepare,
	.bind_int = sq_bind_int,
	.bind_text = sq_bind_text,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.column_count = sq_column_count,
	.col_is_null = sq_col_is_null,
	.col_int = sq_col_int,
	.col_text = sq_col_text,
	.changes = sq_changes,
	.finalize = sq_finalize,
};
