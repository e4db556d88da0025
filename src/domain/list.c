/* list.c - count + page for every list endpoint. */
#include "domain/list.h"

#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "store/store.h"

#define LIST_SQL_MAX	8192

static int
list_count(struct store *st, const struct list_query *lq, int64_t *total,
    struct err *e)
{
	struct stmt *q;
	struct buf sql;
	int rc;

	buf_init(&sql, LIST_SQL_MAX);
	buf_add_str(&sql, "SELECT COUNT(*)");
	buf_add_str(&sql, lq->count_from != NULL ? lq->count_from : lq->from);
	rc = buf_error(&sql);
	if (rc == 0)
		rc = store_prepare(st, buf_cstr(&sql), &q, e);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	lq->bind(q, lq->ctx);
	rc = stmt_step(q, e);
	*total = rc == STEP_ROW ? stmt_col_int(q, 0) : 0;
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

/* The sink of the next list_run on this thread (list.h). */
static _Thread_local struct list_sink *list_cur;

void
list_sink_set(struct list_sink *s)
{
	list_cur = s;
}

/* Step q (bound) to its end: each row is appended to items, or given to
 * sink and freed.  *n: the number of rows read.  Finalizes q. */
static int
list_rows(struct stmt *q, const struct list_query *lq, json_t *items,
    struct list_sink *sink, int64_t *n, struct err *e)
{
	json_t *row;
	int rc;

	*n = 0;
	for (;;) {
		rc = stmt_step(q, e);
		if (rc != STEP_ROW)
			break;
		row = lq->row(q);
		(*n)++;
		if (sink == NULL) {
			json_array_append_new(items, row);
			continue;
		}
		rc = sink->row(sink->ctx, row, e);
		json_decref(row);
		if (rc != 0)
			break;
	}
	stmt_finalize(q);
	return rc == STEP_DONE ? 0 : rc;
}

/* The page query from offset, at most limit rows (limit < 0: all, on
 * SQLite only), to list_rows().  With key and joins, the page's keys are
 * sorted alone over count_from and only their rows joined (list.h). */
static int
list_page(struct store *st, const struct list_query *lq, int64_t limit,
    int64_t offset, json_t *items, struct list_sink *sink, int64_t *n,
    struct err *e)
{
	struct stmt *q;
	struct buf sql;
	int rc, i;

	*n = 0;
	buf_init(&sql, LIST_SQL_MAX);
	if (lq->key != NULL && lq->joins != NULL && lq->count_from != NULL &&
	    strncmp(lq->joins, " FROM ", 6) == 0)
		buf_add_fmt(&sql, "SELECT %s FROM (SELECT %s AS list_key%s ORDER"
		    " BY %s LIMIT ? OFFSET ?) list_k CROSS JOIN %s WHERE %s ="
		    " list_k.list_key ORDER BY %s", lq->cols, lq->key,
		    lq->count_from, lq->order, lq->joins + 6, lq->key,
		    lq->order);
	else
		buf_add_fmt(&sql, "SELECT %s%s ORDER BY %s LIMIT ? OFFSET ?",
		    lq->cols, lq->from, lq->order);
	rc = buf_error(&sql);
	if (rc == 0)
		rc = store_prepare(st, buf_cstr(&sql), &q, e);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	i = lq->bind(q, lq->ctx);
	stmt_bind_int(q, i++, limit);
	stmt_bind_int(q, i, offset);
	return list_rows(q, lq, items, sink, n, e);
}

/* Run sql with the list's parameters; no row expected. */
static int
keys_exec(struct store *st, const struct list_query *lq, struct buf *sql,
    struct err *e)
{
	struct stmt *q;
	int rc;

	rc = buf_error(sql);
	if (rc == 0)
		rc = store_prepare(st, buf_cstr(sql), &q, e);
	if (rc != 0)
		return rc;
	lq->bind(q, lq->ctx);
	return stmt_step_done(q, e);
}

/*
 * Every row to sink on SQLite with a key (list.h): the keys in list order
 * into temp.list_keys (a sort of keys, not of whole rows), then the rows
 * joined to them in that order, which needs no sort.  Both in the caller's
 * read transaction.
 */
static int
list_sink_keyed(struct store *st, const struct list_query *lq,
    struct list_sink *sink, struct err *e)
{
	static const char FROM[] = " FROM ";
	struct err ignored = { 0 };
	struct stmt *q = NULL;
	struct buf sql;
	int64_t n;
	int rc;

	rc = store_exec(st, "DROP TABLE IF EXISTS temp.list_keys;"
	    " CREATE TEMP TABLE list_keys (pos INTEGER PRIMARY KEY,"
	    " k INTEGER NOT NULL)", e);
	if (rc != 0)
		return rc;
	buf_init(&sql, LIST_SQL_MAX);
	buf_add_fmt(&sql, "INSERT INTO temp.list_keys (k) SELECT %s%s ORDER BY"
	    " %s", lq->key, lq->count_from != NULL ? lq->count_from :
	    lq->from, lq->order);
	rc = keys_exec(st, lq, &sql, e);
	buf_reset(&sql);
	buf_add_fmt(&sql, "SELECT %s FROM temp.list_keys list_k CROSS JOIN %s"
	    " AND %s = list_k.k ORDER BY list_k.pos", lq->cols, lq->from +
	    strlen(FROM), lq->key);
	if (rc == 0)
		rc = buf_error(&sql);
	if (rc == 0)
		rc = store_prepare(st, buf_cstr(&sql), &q, e);
	buf_release(&sql);
	if (rc == 0) {
		lq->bind(q, lq->ctx);
		rc = list_rows(q, lq, NULL, sink, &n, e);
	}
	if (rc == 0)
		rc = store_exec(st, "DROP TABLE temp.list_keys", e);
	else
		(void)store_exec(st, "DROP TABLE IF EXISTS temp.list_keys",
		    &ignored);
	return rc;
}

/* Every row to sink: one query on SQLite, pages on PostgreSQL. */
static int
list_sink_run(struct store *st, const struct list_query *lq,
    struct list_sink *sink, int64_t total, struct err *e)
{
	int64_t off = 0, n;
	int rc;

	rc = sink->begin(sink->ctx, total, e);
	if (rc != 0)
		return rc;
	if (store_kind(st) != STORE_PGSQL && lq->key != NULL &&
	    strncmp(lq->from, " FROM ", 6) == 0 && strstr(lq->from,
	    " WHERE ") != NULL)
		return list_sink_keyed(st, lq, sink, e);
	if (store_kind(st) != STORE_PGSQL)
		return list_page(st, lq, -1, 0, NULL, sink, &n, e);
	do {
		rc = list_page(st, lq, LIST_SINK_BATCH, off, NULL, sink, &n,
		    e);
		off += n;
	} while (rc == 0 && n == LIST_SINK_BATCH);
	return rc;
}

int
list_run(struct store *st, const struct list_query *lq, json_t **out,
    struct err *e)
{
	struct list_sink *sink = list_cur;
	json_t *items;
	int64_t total, n;
	int rc;

	*out = NULL;
	list_cur = NULL;
	rc = list_count(st, lq, &total, e);
	if (rc != 0)
		return rc;
	items = json_array();
	if (sink != NULL) {
		sink->produced = true;
		rc = list_sink_run(st, lq, sink, total, e);
	} else {
		rc = list_page(st, lq, lq->limit, lq->offset, items, NULL, &n,
		    e);
	}
	if (rc != 0) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o, s:I}", "items", items, "total",
	    (json_int_t)total);
	return 0;
}
