/*
 * list.h - one paginated list: the total number of matching rows and one
 * page of them, as {"items":[...],"total":N}.  The caller writes the FROM
 * and WHERE part once; the count and the page query bind the same
 * parameters through one callback.
 */
#ifndef DOMAIN_LIST_H
#define DOMAIN_LIST_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

struct err;
struct stmt;
struct store;

struct list_query {
	const char	*cols;		/* "code, name, level" */
	const char	*from;		/* " FROM units WHERE ..." */
	const char	*order;		/* "name_key, code" */
	/* Bind the WHERE parameters from 1 on; return the next index. */
	int		(*bind)(struct stmt *q, const void *ctx);
	const void	*ctx;
	json_t		*(*row)(struct stmt *q);
	int64_t		 limit, offset;
	/* FROM and WHERE for the count when the joins of from are not
	 * needed to count (same parameters); NULL: from. */
	const char	*count_from;
	/* Optional: the integer key of a row ("p.id") when order and
	 * count_from need no joined table.  An export on SQLite then sorts
	 * the keys alone and reads the rows by key in that order, instead of
	 * sorting whole rows; with joins, so does a page. */
	const char	*key;
	/* Optional, with key: "FROM" and the joins of from, without its
	 * WHERE.  A page then sorts the keys alone in count_from, LIMIT and
	 * OFFSET, and joins only those rows (a first page of a large subtree
	 * reads one index, not every row with its joins). */
	const char	*joins;
};

int	list_run(struct store *st, const struct list_query *lq, json_t **out,
	    struct err *e);

/*
 * An export sink: instead of one page, every matching row of the next
 * list_run on this thread goes to the sink (limit and offset ignored).
 * The exporter (http/api_export.c) installs it with list_sink_set()
 * around one list handler call and removes it with list_sink_set(NULL);
 * the pointer is thread-local, so the handler itself needs no change.
 * list_run counts, calls begin(total) (which may refuse, e.g. too many
 * rows: its error is returned), then hands each row to row() (borrowed:
 * list_run frees it right after) and sets produced.  The sink serves one
 * list: it is spent after that list_run, and a later list_run of the
 * same request runs normally.  *out is then {"items":[],"total":N}.
 * On SQLite the rows come from one query without LIMIT (stepped, so
 * memory stays bounded; with a key, from the keys in list order in a temp
 * table, 16 bytes a row); on PostgreSQL, whose client reads a whole
 * result at once, from pages of LIST_SINK_BATCH rows.
 */
#ifndef LIST_SINK_BATCH
#define LIST_SINK_BATCH	20000
#endif

struct list_sink {
	int	(*begin)(void *ctx, int64_t total, struct err *e);
	int	(*row)(void *ctx, json_t *row, struct err *e);
	void	*ctx;
	bool	 produced;	/* set by list_run */
};

void	list_sink_set(struct list_sink *s);

#endif
