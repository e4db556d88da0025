/*
 * store.h - the storage interface.  Domain code speaks only this: SQL in the
 * common dialect of SQLite and PostgreSQL with '?' placeholders (rewritten to
 * $n for PostgreSQL), values always bound, never formatted into SQL.
 *
 * A struct store is one connection, used by one thread at a time.  The
 * backend is chosen by the DSN: "postgresql://..." or "postgres://..." (also
 * "host=... dbname=..." key/value strings) selects libpq; anything else is a
 * SQLite file path (optionally "sqlite:PATH").
 */
#ifndef STORE_STORE_H
#define STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct err;
struct store;
struct stmt;

enum store_kind { STORE_SQLITE, STORE_PGSQL };
enum { STEP_DONE = 0, STEP_ROW = 1 };

/* Backend operations: one const table per backend (store_sqlite.c,
 * store_pgsql.c).  Only store.c calls them. */
struct store_ops {
	const char	*name;
	enum store_kind	 kind;
	int	(*open)(const char *dsn, struct store **out, struct err *e);
	void	(*close)(struct store *st);
	int	(*exec)(struct store *st, const char *script, struct err *e);
	int	(*prepare)(struct store *st, const char *sql, struct stmt **out,
		    struct err *e);
	void	(*bind_int)(struct stmt *q, int idx, int64_t v);
	void	(*bind_text)(struct stmt *q, int idx, const char *s);
	void	(*bind_null)(struct stmt *q, int idx);
	int	(*step)(struct stmt *q, struct err *e);
	int	(*column_count)(struct stmt *q);
	bool	(*col_is_null)(struct stmt *q, int col);
	int64_t	(*col_int)(struct stmt *q, int col);
	const char *(*col_text)(struct stmt *q, int col);
	int64_t	(*changes)(struct stmt *q);
	void	(*finalize)(struct stmt *q);
};

/* Every backend's struct store and struct stmt begin with these. */
struct store_base {
	const struct store_ops	*ops;
	bool			 writer;	/* holds the writer lock */
};
struct stmt_base {
	const struct store_ops	*ops;
};

extern const struct store_ops store_sqlite_ops;
extern const struct store_ops store_pgsql_ops;

/*
 * A guarded disjunction: "(? = 0 OR " STORE_ALT_OR "(a OR b ...))" reads
 * every row when the guard is bound 0 and the disjunction otherwise.
 * SQLite plans a statement once, before the values are bound, and a guard
 * in the OR keeps it from reading the disjunction's terms through their
 * indexes (one range each); with the guard out of the OR it must read
 * them that way even when they cover the whole table.  So the SQLite
 * backend prepares such a statement in two forms, as written and with
 * every "? = 0 OR " STORE_ALT_OR turned into "? >= 0 AND " STORE_ALT_OR,
 * binds both, and runs the second when the parameter of the first guard
 * is bound to a value other than 0.  The disjunction must hold every row
 * the guard lets through when bound 0 whose result matters (the second
 * form is the same query when it does).  PostgreSQL plans with the bound
 * values and runs the text as written.
 */
#define STORE_ALT_OR	"/*alt*/ "

/* Open a connection for dsn.  Returns 0, ERR_DB or ERR_INVAL (detail in e). */
int		 store_open(const char *dsn, struct store **out, struct err *e);
void		 store_close(struct store *st);	/* NULL is a no-op */
enum store_kind	 store_kind(const struct store *st);
bool		 store_dsn_is_pgsql(const char *dsn);

/* Run a script of several statements without parameters (migrations). */
int	store_exec(struct store *st, const char *script, struct err *e);

/* Transactions.  store_begin_write takes the write lock at once (SQLite
 * BEGIN IMMEDIATE) so concurrent writers wait instead of failing later.
 * On SQLite the writers of one process also queue on a mutex held from
 * BEGIN IMMEDIATE to COMMIT or ROLLBACK: a waiting writer starts the
 * moment the lock is free instead of sleeping in SQLite's busy handler
 * (which backs off up to 100 ms).  Every store_begin_write must end in
 * store_commit or store_rollback. */
int	store_begin(struct store *st, struct err *e);
int	store_begin_write(struct store *st, struct err *e);
int	store_commit(struct store *st, struct err *e);
void	store_rollback(struct store *st);

/* Prepared statements.  Indexes of binds are 1-based, of columns 0-based.
 * Text passed to bind_text is copied; a NULL text binds SQL NULL.  col_text
 * returns NULL for SQL NULL; the pointer is valid until the next step or
 * finalize. */
int		 store_prepare(struct store *st, const char *sql,
		    struct stmt **out, struct err *e);
void		 stmt_bind_int(struct stmt *q, int idx, int64_t v);
void		 stmt_bind_text(struct stmt *q, int idx, const char *s);
void		 stmt_bind_null(struct stmt *q, int idx);
/* STEP_ROW, STEP_DONE, or ERR_DB / ERR_EXISTS (unique violation). */
int		 stmt_step(struct stmt *q, struct err *e);
int		 stmt_column_count(struct stmt *q);
bool		 stmt_col_is_null(struct stmt *q, int col);
int64_t		 stmt_col_int(struct stmt *q, int col);
const char	*stmt_col_text(struct stmt *q, int col);
/* Rows changed by the last completed INSERT/UPDATE/DELETE step. */
int64_t		 stmt_changes(struct stmt *q);
void		 stmt_finalize(struct stmt *q);	/* NULL is a no-op */

/* Step q once and finalize it.  stmt_step_id: *id = the row's first
 * column (ERR_INTERNAL when there is no row, e.g. INSERT ... RETURNING id).
 * stmt_step_done: for a statement that returns no row. */
int	stmt_step_id(struct stmt *q, int64_t *id, struct err *e);
int	stmt_step_done(struct stmt *q, struct err *e);

/* Convenience: prepare, bind nothing, step once; *out = first column as
 * integer (0 when no row). */
int	store_query_int(struct store *st, const char *sql, int64_t *out,
	    struct err *e);

#endif
