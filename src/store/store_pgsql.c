/*
 * store_pgsql.c - PostgreSQL backend (libpq).  The session runs in UTF8 and
 * UTC.  '?' placeholders are rewritten to $n once per statement text, and
 * every statement text becomes a server-side prepared statement cached per
 * connection (keyed by the caller's SQL): the hot paths only pay one
 * PQexecPrepared round trip.  A step fetches the whole result at once, so a
 * caller may run other statements on the connection while walking rows.
 *
 * Evicted prepared statements are DEALLOCATEd lazily, outside transactions
 * only (a failed DEALLOCATE must never abort a caller's transaction).  A lost
 * connection is re-established on the next use, unless it was lost inside a
 * transaction: then everything fails until the caller rolls back.
 */
#include "store/store.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libpq-fe.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/log.h"
#include "core/xalloc.h"

#define STMT_CACHE	128
#define MAX_PARAMS	65535		/* limit of the wire protocol */
#define SQL_MAX		(16u << 20)	/* rewritten statement text */

struct store {
	struct store_base	 base;
	PGconn			*conn;
	struct stmt		*cache[STMT_CACHE];
	uint64_t		 tick;		/* LRU clock of the cache */
	unsigned		 next_id;	/* names server statements */
	unsigned		 gen;		/* bumped on reconnect */
	bool			 ready;		/* session settings applied */
	bool			 in_txn;	/* last known: in a tx block */
	unsigned		*dead;		/* to DEALLOCATE when idle */
	size_t			 ndead;
	size_t			 capdead;
};

/* One bound parameter; the wire value points at text, num or is NULL. */
struct param {
	char	*text;			/* heap copy of bound text */
	char	 num[24];		/* bound integer, decimal */
};

struct stmt {
	struct stmt_base	 base;
	struct store		*st;
	char			*sql;		/* caller's text: cache key */
	char			*pgsql;		/* with $n placeholders */
	uint32_t		 hash;
	unsigned		 id;
	unsigned		 gen;		/* st->gen when prepared */
	char			 name[16];	/* server-side name */
	int			 nparams;
	int			 ncols;		/* from describe */
	struct param		*par;
	const char		**vals;
	PGresult		*res;		/* NULL: not executed */
	int			 row;		/* current row, -1 before */
	int			 nrows;
	int64_t			 res_changes;	/* PQcmdTuples of res */
	int64_t			 changes;
	uint64_t		 used;		/* LRU stamp */
};

/* Length of a libpq message without its trailing newline. */
static int
msg_len(const char *m)
{
	size_t n = strlen(m);

	while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
		n--;
	return n > 1000 ? 1000 : (int)n;
}

static int
conn_error(struct store *st, const char *what, struct err *e)
{
	const char *m = PQerrorMessage(st->conn);

	return err_set(e, ERR_DB, "internal", NULL, "pgsql: %s: %.*s", what,
	    msg_len(m), m);
}

/* Map a failed result (or NULL: no memory, lost connection) to ERR_*. */
static int
res_error(struct store *st, const PGresult *res, struct err *e)
{
	const char *state, *m;

	if (res == NULL)
		return conn_error(st, "no result", e);
	state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	m = PQresultErrorMessage(res);
	if (*m == '\0')
		m = PQerrorMessage(st->conn);
	if (state != NULL && strcmp(state, "23505") == 0)
		return err_set(e, ERR_EXISTS, "conflict", NULL, "%.*s",
		    msg_len(m), m);
	return err_set(e, ERR_DB, "internal", NULL, "pgsql: %.*s",
	    msg_len(m), m);
}

static bool
res_ok(const PGresult *res)
{
	switch (PQresultStatus(res)) {
	case PGRES_COMMAND_OK:
	case PGRES_TUPLES_OK:
	case PGRES_EMPTY_QUERY:
		return true;
	default:
		return false;
	}
}

/* Remember whether the session is inside a transaction block. */
static void
note_txn(struct store *st)
{
	switch (PQtransactionStatus(st->conn)) {
	case PQTRANS_IDLE:
		st->in_txn = false;
		break;
	case PQTRANS_INTRANS:
	case PQTRANS_INERROR:
		st->in_txn = true;
		break;
	default:		/* ACTIVE or UNKNOWN (connection lost) */
		break;
	}
}

static void
notice_receiver(void *arg, const PGresult *res)
{
	const char *m = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);

	(void)arg;
	log_debug("store", "pgsql_notice=%s msg=\"%s\"",
	    state != NULL ? state : "-", m != NULL ? m : "");
}

/* Does script begin with keyword kw (case-insensitive, whole word)? */
static bool
script_is(const char *script, const char *kw)
{
	size_t n = strlen(kw);
	char c;

	script += strspn(script, " \t\r\n");
	if (strncasecmp(script, kw, n) != 0)
		return false;
	c = script[n];
	return c == '\0' || c == ';' || c == ' ' || c == '\t' || c == '\r' ||
	    c == '\n';
}

static int
session_setup(struct store *st, struct err *e)
{
	PGresult *res;
	int rc = 0;

	res = PQexec(st->conn, "SET TIME ZONE 'UTC'");
	if (!res_ok(res))
		rc = res_error(st, res, e);
	PQclear(res);
	return rc;
}

/*
 * Make the connection usable: reconnect a lost one (not inside a transaction
 * unless the caller is rolling it back) and apply the session settings.
 */
static int
pg_ensure(struct store *st, bool ending_txn, struct err *e)
{
	int rc;

	if (PQstatus(st->conn) != CONNECTION_OK) {
		if (st->in_txn && !ending_txn)
			return err_set(e, ERR_DB, "internal", NULL,
			    "pgsql: connection lost inside a transaction");
		PQreset(st->conn);
		st->gen++;		/* server statements are gone */
		st->ndead = 0;
		st->in_txn = false;
		st->ready = false;
		if (PQstatus(st->conn) != CONNECTION_OK)
			return conn_error(st, "reconnect", e);
		log_info("store", "pgsql=reconnected");
	}
	if (!st->ready) {
		rc = session_setup(st, e);
		if (rc != 0)
			return rc;
		st->ready = true;
	}
	return 0;
}

static void
stmt_free(struct stmt *q)
{
	PQclear(q->res);
	for (int i = 0; i < q->nparams; i++)
		free(q->par[i].text);
	free(q->par);
	free(q->vals);
	free(q->sql);
	free(q->pgsql);
	free(q);
}

/* Drop a cached statement; its server side is deallocated later. */
static void
stmt_evict(struct store *st, struct stmt *q)
{
	if (q->gen == st->gen) {
		if (st->ndead == st->capdead) {
			st->capdead = st->capdead == 0 ? 16 : st->capdead * 2;
			st->dead = xrealloc(st->dead,
			    st->capdead * sizeof(*st->dead));
		}
		st->dead[st->ndead++] = q->id;
	}
	stmt_free(q);
}

/* DEALLOCATE evicted statements, only while no transaction is open. */
static void
flush_dead(struct store *st)
{
	struct buf b;
	PGresult *res;

	if (st->ndead == 0 ||
	    PQtransactionStatus(st->conn) != PQTRANS_IDLE)
		return;
	buf_init(&b, SQL_MAX);
	for (size_t i = 0; i < st->ndead; i++)
		buf_add_fmt(&b, "DEALLOCATE dv%u;", st->dead[i]);
	res = PQexec(st->conn, buf_cstr(&b));
	if (!res_ok(res))
		log_warn("store", "pgsql_deallocate_failed=\"%s\"",
		    PQerrorMessage(st->conn));
	PQclear(res);
	buf_release(&b);
	st->ndead = 0;
}

static void
pg_close(struct store *st)
{
	for (int i = 0; i < STMT_CACHE; i++) {
		if (st->cache[i] != NULL)
			stmt_free(st->cache[i]);
	}
	PQfinish(st->conn);
	free(st->dead);
	free(st);
}

static int
pg_open(const char *dsn, struct store **out, struct err *e)
{
	/* The DSN is expanded; the later client_encoding overrides it. */
	static const char *const keys[] = { "dbname", "client_encoding",
	    NULL };
	const char *vals[] = { dsn, "UTF8", NULL };
	const char *m;
	struct store *st;
	int rc;

	*out = NULL;
	st = xcalloc(1, sizeof(*st));
	st->base.ops = &store_pgsql_ops;
	st->conn = PQconnectdbParams(keys, vals, 1);
	if (st->conn == NULL) {
		free(st);
		return err_set(e, ERR_DB, "internal", "db",
		    "pgsql: out of memory");
	}
	if (PQstatus(st->conn) != CONNECTION_OK) {
		m = PQerrorMessage(st->conn);
		rc = err_set(e, ERR_DB, "internal", "db",
		    "pgsql: cannot connect: %.*s", msg_len(m), m);
		pg_close(st);
		return rc;
	}
	PQsetNoticeReceiver(st->conn, notice_receiver, NULL);
	rc = pg_ensure(st, false, e);
	if (rc != 0) {
		pg_close(st);
		return rc;
	}
	*out = st;
	return 0;
}

static int
pg_exec(struct store *st, const char *script, struct err *e)
{
	PGresult *res;
	int rc;

	rc = pg_ensure(st, script_is(script, "ROLLBACK"), e);
	if (rc != 0)
		return rc;
	res = PQexec(st->conn, script);
	note_txn(st);
	if (!res_ok(res))
		rc = res_error(st, res, e);
	else if ((script_is(script, "COMMIT") || script_is(script, "END")) &&
	    strcmp(PQcmdStatus(res), "ROLLBACK") == 0)
		/* COMMIT of a transaction aborted by an earlier error. */
		rc = err_set(e, ERR_DB, "internal", NULL,
		    "pgsql: transaction was aborted and has been rolled back");
	PQclear(res);
	return rc;
}

static const char *
skip_quoted(const char *p)
{
	char quote = *p++;

	for (; *p != '\0'; p++) {
		if (*p != quote)
			continue;
		if (p[1] != quote)
			return p + 1;
		p++;		/* doubled quote stays inside */
	}
	return p;
}

static const char *
skip_comment(const char *p)
{
	const char *end;

	if (p[0] == '-') {
		end = strchr(p, '\n');
		return end != NULL ? end : p + strlen(p);
	}
	end = strstr(p + 2, "*/");
	return end != NULL ? end + 2 : p + strlen(p);
}

/*
 * Append the placeholder at p ('?' or SQLite's '?NNN') as $n; *max is the
 * largest index so far, which a bare '?' continues.  Returns the rest.
 */
static const char *
add_placeholder(const char *p, long *max, struct buf *out)
{
	const char *rest = p + 1;
	char *end;
	long n;

	if (*rest >= '0' && *rest <= '9') {
		n = strtol(rest, &end, 10);
		rest = end;
	} else
		n = *max + 1;
	if (n < 1 || n > MAX_PARAMS)
		return NULL;
	if (n > *max)
		*max = n;
	buf_add_fmt(out, "$%ld", n);
	return rest;
}

/*
 * Rewrite '?' placeholders to $n, leaving quoted strings, quoted identifiers
 * and comments alone.  Returns the number of parameters or -1.
 */
static int
rewrite_sql(const char *sql, struct buf *out)
{
	const char *p = sql, *next;
	long max = 0;

	while (*p != '\0') {
		if (*p == '\'' || *p == '"')
			next = skip_quoted(p);
		else if ((p[0] == '-' && p[1] == '-') ||
		    (p[0] == '/' && p[1] == '*'))
			next = skip_comment(p);
		else if (*p == '?') {
			p = add_placeholder(p, &max, out);
			if (p == NULL)
				return -1;
			continue;
		} else
			next = p + 1 + strcspn(p + 1, "'\"-/?");
		buf_add(out, p, (size_t)(next - p));
		p = next;
	}
	return buf_error(out) != 0 ? -1 : (int)max;
}

static uint32_t
sql_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Create (or re-create after a reconnect) the server-side statement. */
static int
server_prepare(struct stmt *q, struct err *e)
{
	struct store *st = q->st;
	PGresult *res;
	int rc = 0;

	res = PQprepare(st->conn, q->name, q->pgsql, 0, NULL);
	note_txn(st);
	if (!res_ok(res)) {
		rc = res_error(st, res, e);
		PQclear(res);
		return rc;
	}
	PQclear(res);
	res = PQdescribePrepared(st->conn, q->name);
	if (!res_ok(res))
		rc = res_error(st, res, e);
	else
		q->ncols = PQnfields(res);
	PQclear(res);
	if (rc == 0)
		q->gen = st->gen;
	return rc;
}

static struct stmt *
cache_take(struct store *st, const char *sql, uint32_t h)
{
	struct stmt *q;

	for (int i = 0; i < STMT_CACHE; i++) {
		q = st->cache[i];
		if (q != NULL && q->hash == h && strcmp(q->sql, sql) == 0) {
			st->cache[i] = NULL;
			return q;
		}
	}
	return NULL;
}

static int
stmt_new(struct store *st, const char *sql, uint32_t h, struct stmt **out,
    struct err *e)
{
	struct stmt *q;
	struct buf b;
	int n, rc;

	buf_init(&b, SQL_MAX);
	n = rewrite_sql(sql, &b);
	if (n < 0) {
		buf_release(&b);
		return err_set(e, ERR_DB, "internal", NULL,
		    "pgsql: bad placeholder or statement too long");
	}
	q = xcalloc(1, sizeof(*q));
	q->base.ops = &store_pgsql_ops;
	q->st = st;
	q->sql = xstrdup(sql);
	q->pgsql = buf_detach(&b, NULL);
	q->hash = h;
	q->id = ++st->next_id;
	snprintf(q->name, sizeof(q->name), "dv%u", q->id);
	q->nparams = n;
	q->par = xcalloc((size_t)n + 1, sizeof(*q->par));
	q->vals = xcalloc((size_t)n + 1, sizeof(*q->vals));
	q->row = -1;
	rc = server_prepare(q, e);
	if (rc != 0) {
		stmt_free(q);
		return rc;
	}
	*out = q;
	return 0;
}

static int
pg_prepare(struct store *st, const char *sql, struct stmt **out,
    struct err *e)
{
	uint32_t h = sql_hash(sql);
	struct stmt *q;
	int rc;

	*out = NULL;
	q = cache_take(st, sql, h);
	if (q != NULL) {
		q->changes = 0;
		*out = q;
		return 0;
	}
	rc = pg_ensure(st, false, e);
	if (rc != 0)
		return rc;
	flush_dead(st);
	return stmt_new(st, sql, h, out, e);
}

static struct param *
param_at(struct stmt *q, int idx)
{
	if (idx < 1 || idx > q->nparams)
		return NULL;	/* like SQLITE_RANGE: ignored */
	free(q->par[idx - 1].text);
	q->par[idx - 1].text = NULL;
	return &q->par[idx - 1];
}

static void
pg_bind_int(struct stmt *q, int idx, int64_t v)
{
	struct param *p = param_at(q, idx);

	if (p == NULL)
		return;
	snprintf(p->num, sizeof(p->num), "%" PRId64, v);
	q->vals[idx - 1] = p->num;
}

static void
pg_bind_text(struct stmt *q, int idx, const char *s)
{
	struct param *p = param_at(q, idx);

	if (p == NULL)
		return;
	p->text = xstrdup(s);
	q->vals[idx - 1] = p->text;
}

static void
pg_bind_null(struct stmt *q, int idx)
{
	if (param_at(q, idx) != NULL)
		q->vals[idx - 1] = NULL;
}

static int64_t
parse_changes(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	return strtoll(s, NULL, 10);
}

static int
stmt_execute(struct stmt *q, struct err *e)
{
	struct store *st = q->st;
	PGresult *res;
	int rc;

	rc = pg_ensure(st, false, e);
	if (rc == 0 && q->gen != st->gen)
		rc = server_prepare(q, e);
	if (rc != 0)
		return rc;
	res = PQexecPrepared(st->conn, q->name, q->nparams, q->vals, NULL,
	    NULL, 0);
	note_txn(st);
	if (!res_ok(res)) {
		rc = res_error(st, res, e);
		PQclear(res);
		return rc;
	}
	q->res = res;
	q->row = -1;
	q->nrows = PQntuples(res);
	q->res_changes = parse_changes(PQcmdTuples(res));
	return 0;
}

/*
 * The first step executes; later ones walk the rows.  After STEP_DONE (or an
 * error) the next step executes again with the current binds, like SQLite's
 * automatic reset.
 */
static int
pg_step(struct stmt *q, struct err *e)
{
	int rc;

	if (q->res == NULL) {
		rc = stmt_execute(q, e);
		if (rc != 0)
			return rc;
	}
	if (q->row + 1 < q->nrows) {
		q->row++;
		return STEP_ROW;
	}
	q->changes = q->res_changes;
	PQclear(q->res);
	q->res = NULL;
	q->row = -1;
	q->nrows = 0;
	return STEP_DONE;
}

static int
pg_column_count(struct stmt *q)
{
	return q->res != NULL ? PQnfields(q->res) : q->ncols;
}

/* The current row's value, or NULL (no row, bad column, SQL NULL). */
static const char *
cell(struct stmt *q, int col)
{
	if (q->res == NULL || q->row < 0 || q->row >= q->nrows ||
	    col < 0 || col >= PQnfields(q->res) ||
	    PQgetisnull(q->res, q->row, col))
		return NULL;
	return PQgetvalue(q->res, q->row, col);
}

static bool
pg_col_is_null(struct stmt *q, int col)
{
	return cell(q, col) == NULL;
}

/* A real in text form, truncated toward zero and clamped like SQLite. */
static int64_t
real_to_int(const char *s)
{
	double d = strtod(s, NULL);

	if (isnan(d))
		return 0;
	if (d >= 9223372036854775807.0)
		return INT64_MAX;
	if (d <= -9223372036854775808.0)
		return INT64_MIN;
	return (int64_t)d;
}

static int64_t
pg_col_int(struct stmt *q, int col)
{
	const char *s = cell(q, col);
	char *end;
	long long v;

	if (s == NULL)
		return 0;
	if ((s[0] == 't' || s[0] == 'f') && s[1] == '\0')
		return s[0] == 't';	/* boolean */
	v = strtoll(s, &end, 10);
	if (*end == '.' || *end == 'e' || *end == 'E' ||
	    (end == s && *s != '\0'))
		return real_to_int(s);	/* numeric, float, Infinity, NaN */
	return (int64_t)v;		/* ERANGE: clamped by strtoll */
}

static const char *
pg_col_text(struct stmt *q, int col)
{
	return cell(q, col);
}

static int64_t
pg_changes(struct stmt *q)
{
	return q->changes;
}

static void
stmt_reset(struct stmt *q)
{
	PQclear(q->res);
	q->res = NULL;
	q->row = -1;
	q->nrows = 0;
	for (int i = 0; i < q->nparams; i++) {
		free(q->par[i].text);
		q->par[i].text = NULL;
		q->vals[i] = NULL;
	}
}

/* Back into the cache; when full, the least recently used one goes. */
static void
pg_finalize(struct stmt *q)
{
	struct store *st = q->st;
	int slot = -1, lru = 0;

	stmt_reset(q);
	q->used = ++st->tick;
	for (int i = 0; i < STMT_CACHE; i++) {
		if (st->cache[i] == NULL) {
			slot = i;
			break;
		}
		if (st->cache[i]->used < st->cache[lru]->used)
			lru = i;
	}
	if (slot < 0) {
		slot = lru;
		stmt_evict(st, st->cache[lru]);
	}
	st->cache[slot] = q;
}

const struct store_ops store_pgsql_ops = {
	.name = "pgsql",
	.kind = STORE_PGSQL,
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.prepare = pg_prepare,
	.bind_int = pg_bind_int,
	.bind_text = pg_bind_text,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.column_count = pg_column_count,
	.col_is_null = pg_col_is_null,
	.col_int = pg_col_int,
	.col_text = pg_col_text,
	.changes = pg_changes,
	.finalize = pg_finalize,
};
