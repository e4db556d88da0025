/*
 * store.c - backend dispatch.  The only place that knows which backends
 * exist; everything else calls through the ops table in the handle.
 */
#include "store/store.h"

#include <pthread.h>
#include <string.h>

#include "core/err.h"

#define OPS(x)	(((const struct store_base *)(const void *)(x))->ops)
#define QOPS(q)	(((const struct stmt_base *)(const void *)(q))->ops)

bool
store_dsn_is_pgsql(const char *dsn)
{
	return strncmp(dsn, "postgresql://", 13) == 0 ||
	    strncmp(dsn, "postgres://", 11) == 0 ||
	    strstr(dsn, "dbname=") != NULL;
}

int
store_open(const char *dsn, struct store **out, struct err *e)
{
	*out = NULL;
	if (dsn == NULL || *dsn == '\0')
		return err_set(e, ERR_INVAL, "invalid_param", "db",
		    "no database given");
	if (store_dsn_is_pgsql(dsn))
		return store_pgsql_ops.open(dsn, out, e);
	if (strncmp(dsn, "sqlite:", 7) == 0)
		dsn += 7;
	return store_sqlite_ops.open(dsn, out, e);
}

static void	writer_release(struct store *);

void
store_close(struct store *st)
{
	if (st != NULL) {
		writer_release(st);	/* closing ends any transaction */
		OPS(st)->close(st);
	}
}

enum store_kind
store_kind(const struct store *st)
{
	return OPS(st)->kind;
}

int
store_exec(struct store *st, const char *script, struct err *e)
{
	return OPS(st)->exec(st, script, e);
}

/*
 * Transaction control.  On SQLite these go through the statement cache
 * like any query (sqlite3_exec would parse them on every call, and every
 * read request runs BEGIN and COMMIT); libpq sends them as simple queries.
 */
static int
control(struct store *st, const char *sql, struct err *e)
{
	struct stmt *q;
	int rc;

	if (OPS(st)->kind != STORE_SQLITE)
		return store_exec(st, sql, e);
	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	rc = stmt_step(q, e);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

int
store_begin(struct store *st, struct err *e)
{
	return control(st, "BEGIN", e);
}

/* One SQLite writer of this process at a time (see store.h). */
static pthread_mutex_t writer_lock = PTHREAD_MUTEX_INITIALIZER;

static struct store_base *
base(struct store *st)
{
	return (struct store_base *)(void *)st;
}

static void
writer_release(struct store *st)
{
	if (base(st)->writer) {
		base(st)->writer = false;
		pthread_mutex_unlock(&writer_lock);
	}
}

int
store_begin_write(struct store *st, struct err *e)
{
	int rc;

	if (OPS(st)->kind != STORE_SQLITE)
		return control(st, "BEGIN", e);
	/* A nested write transaction is a bug: say so instead of waiting
	 * forever for the lock this connection already holds. */
	if (base(st)->writer)
		return err_set(e, ERR_DB, "internal", NULL,
		    "sqlite: cannot start a transaction within a transaction");
	pthread_mutex_lock(&writer_lock);
	base(st)->writer = true;
	rc = control(st, "BEGIN IMMEDIATE", e);
	if (rc != 0)
		writer_release(st);
	return rc;
}

int
store_commit(struct store *st, struct err *e)
{
	int rc;

	rc = control(st, "COMMIT", e);
	/* A failed COMMIT leaves the transaction open: the caller rolls
	 * back, which releases the lock. */
	if (rc == 0)
		writer_release(st);
	return rc;
}

void
store_rollback(struct store *st)
{
	(void)control(st, "ROLLBACK", NULL);
	writer_release(st);
}

int
store_prepare(struct store *st, const char *sql, struct stmt **out,
    struct err *e)
{
	return OPS(st)->prepare(st, sql, out, e);
}

void
stmt_bind_int(struct stmt *q, int idx, int64_t v)
{
	QOPS(q)->bind_int(q, idx, v);
}

void
stmt_bind_text(struct stmt *q, int idx, const char *s)
{
	if (s == NULL)
		QOPS(q)->bind_null(q, idx);
	else
		QOPS(q)->bind_text(q, idx, s);
}

void
stmt_bind_null(struct stmt *q, int idx)
{
	QOPS(q)->bind_null(q, idx);
}

int
stmt_step(struct stmt *q, struct err *e)
{
	return QOPS(q)->step(q, e);
}

int
stmt_column_count(struct stmt *q)
{
	return QOPS(q)->column_count(q);
}

bool
stmt_col_is_null(struct stmt *q, int col)
{
	return QOPS(q)->col_is_null(q, col);
}

int64_t
stmt_col_int(struct stmt *q, int col)
{
	return QOPS(q)->col_int(q, col);
}

const char *
stmt_col_text(struct stmt *q, int col)
{
	return QOPS(q)->col_text(q, col);
}

int64_t
stmt_changes(struct stmt *q)
{
	return QOPS(q)->changes(q);
}

void
stmt_finalize(struct stmt *q)
{
	if (q != NULL)
		QOPS(q)->finalize(q);
}

int
store_query_int(struct store *st, const char *sql, int64_t *out,
    struct err *e)
{
	struct stmt *q;
	int rc;

	*out = 0;
	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		*out = stmt_col_int(q, 0);
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

int
stmt_step_id(struct stmt *q, int64_t *id, struct err *e)
{
	int rc = stmt_step(q, e);

	if (rc == STEP_ROW)
		*id = stmt_col_int(q, 0);
	stmt_finalize(q);
	if (rc == STEP_DONE)
		return err_set(e, ERR_INTERNAL, NULL, NULL,
		    "statement returned no row");
	return rc < 0 ? rc : 0;
}

int
stmt_step_done(struct stmt *q, struct err *e)
{
	int rc = stmt_step(q, e);

	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}
