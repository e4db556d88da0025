/* list.c - count + page for every list endpoint. */
#include "domain/list.h"

#include "core/buf.h"
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

int
list_run(struct store *st, const struct list_query *lq, json_t **out,
    struct err *e)
{
	struct stmt *q;
	struct buf sql;
	json_t *items;
	int64_t total;
	int rc, i;

	*out = NULL;
	rc = list_count(st, lq, &total, e);
	if (rc != 0)
		return rc;
	buf_init(&sql, LIST_SQL_MAX);
	buf_add_fmt(&sql, "SELECT %s%s ORDER BY %s LIMIT ? OFFSET ?",
	    lq->cols, lq->from, lq->order);
	rc = buf_error(&sql);
	if (rc == 0)
		rc = store_prepare(st, buf_cstr(&sql), &q, e);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	i = lq->bind(q, lq->ctx);
	stmt_bind_int(q, i++, lq->limit);
	stmt_bind_int(q, i, lq->offset);
	items = json_array();
	for (;;) {
		rc = stmt_step(q, e);
		if (rc != STEP_ROW)
			break;
		json_array_append_new(items, lq->row(q));
	}
	stmt_finalize(q);
	if (rc != STEP_DONE) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o, s:I}", "items", items, "total",
	    (json_int_t)total);
	return 0;
}
