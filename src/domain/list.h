/*
 * list.h - one paginated list: the total number of matching rows and one
 * page of them, as {"items":[...],"total":N}.  The caller writes the FROM
 * and WHERE part once; the count and the page query bind the same
 * parameters through one callback.
 */
#ifndef DOMAIN_LIST_H
#define DOMAIN_LIST_H

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
};

int	list_run(struct store *st, const struct list_query *lq, json_t **out,
	    struct err *e);

#endif
