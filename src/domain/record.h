/*
 * record.h - what every register of records shares: the transaction ending,
 * rows into JSON arrays, the writer check, the owning unit of a record
 * (through its organisation, inside the actor's scope) and the audit entry
 * that names it, and the subtree filter of list queries.
 *
 * A register (dialogues, models, supervision, ...) keeps its own rows,
 * checks and SQL; these helpers are the parts that were the same in each.
 */
#ifndef DOMAIN_RECORD_H
#define DOMAIN_RECORD_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct buf;
struct err;
struct stmt;
struct store;

/* The administrative unit a record belongs to. */
struct rec_owner {
	int	structure;
	char	code[UNIT_CODE_MAX];
	char	path[UNIT_PATH_MAX];
	char	name[256];	/* of the organisation (rec_org_owner) */
};

/* Commit on rc == 0, roll back otherwise; on failure *out (when out is not
 * NULL) is released and set to NULL.  Returns the final rc. */
int	rec_finish(struct store *st, int rc, json_t **out, struct err *e);

/* Every row of q through row() into a new array *out; finalizes q. */
int	rec_collect(struct stmt *q, json_t *(*row)(struct stmt *),
	    json_t **out, struct err *e);

/* ERR_PERM "forbidden" for a viewer account: "Tài khoản chỉ xem không được
 * thay đổi <what>." */
int	rec_check_writer(const struct actor *a, const char *what,
	    struct err *e);

/* The unit of organisation org_id, which a must see; invalid_field on
 * `field` otherwise (a missing organisation reads the same). */
int	rec_org_owner(struct store *st, const struct actor *a, int64_t org_id,
	    const char *field, struct rec_owner *o, struct err *e);
/* The same with the error's api_code chosen: "invalid_param" when the
 * organisation comes from a query parameter. */
int	rec_org_owner_as(struct store *st, const struct actor *a,
	    int64_t org_id, const char *api_code, const char *field,
	    struct rec_owner *o, struct err *e);

/* The end of a fetch by id, after stmt_finalize: rc is what stmt_step
 * returned and o the row's unit.  No row, or a row outside a's scope, is
 * not found ("Không tìm thấy <what>.") and *out is dropped; an error is
 * returned as it is. */
int	rec_fetched(struct store *st, const struct actor *a, int rc,
	    const struct rec_owner *o, json_t **out, const char *what,
	    struct err *e);

/* One audit entry for entity #id of unit o. */
int	rec_audit(struct store *st, const struct actor *a, const char *action,
	    const char *entity, int64_t id, const struct rec_owner *o,
	    json_t *before, json_t *after, struct err *e);

/* Is code a row of the lookup query sql ("SELECT 1 FROM t WHERE code =
 * ?")?  A NULL code is not. */
int	rec_code_in(struct store *st, const char *sql, const char *code,
	    bool *ok, struct err *e);

/* Bind the acting user's id at idx, NULL for the CLI. */
void	rec_bind_creator(struct stmt *q, int idx, const struct actor *a);

/* JSON from columns and members. */
json_t		*rec_jstr(const char *s);		/* NULL -> null */
json_t		*rec_col_str(struct stmt *q, int c);
json_t		*rec_col_id(struct stmt *q, int c);	/* NULL -> null */
const char	*rec_member(json_t *obj, const char *key);
json_int_t	 rec_imember(json_t *obj, const char *key);
/* An optional text: NULL for NULL or "". */
const char	*rec_opt(const char *s);
bool		 rec_empty(const char *s);
/* Index of s in a NULL-terminated list, -1 when absent or s is NULL. */
int		 rec_index_of(const char *const *list, const char *s);

/*
 * The subtree of one unit as a filter on a path column.  Paths hold digits
 * and '/', so the subtree of P is the one range [P, P + "0"); a commune has
 * no children and filters by equality, which lets an index on (path, ...)
 * also give the order.
 */
struct rec_subtree {
	bool	set;
	bool	leaf;
	char	lo[UNIT_PATH_MAX];
	char	hi[UNIT_PATH_MAX + 1];
};

/* Look up unit (structure, code); invalid_param on `param` when unknown.
 * code NULL leaves s unset (no filter). */
int	rec_subtree_init(struct store *st, int structure, const char *code,
	    const char *param, struct rec_subtree *s, struct err *e);
/* " AND col = ?" or " AND col >= ? AND col < ?"; nothing when unset. */
void	rec_subtree_sql(struct buf *sql, const char *col,
	    const struct rec_subtree *s);
/* Bind from idx; returns the next free index. */
int	rec_subtree_bind(struct stmt *q, int idx, const struct rec_subtree *s);

#endif
