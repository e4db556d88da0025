/*
 * democracy_int.h - what democracy.c and democracy_board.c share: the list
 * filter, the fetch of one record inside the actor's scope, the commune
 * owner check and small validators.  Not for other modules.
 */
#ifndef DOMAIN_DEMOCRACY_INT_H
#define DOMAIN_DEMOCRACY_INT_H

#include "core/buf.h"
#include "domain/democracy.h"
#include "domain/record.h"

#define DC_SQL_MAX	8192
#define DC_BINDS_MAX	8

/* A list's FROM ... WHERE with the actor's scope, the unit subtree and
 * equality / range filters, bound in the order they were added. */
struct dc_filter {
	const struct actor	*a;
	struct rec_subtree	 sub;
	int			 structure;
	struct buf		 from;
	int			 n;
	char			 kind[DC_BINDS_MAX];
	const char		*s[DC_BINDS_MAX];
	int64_t			 i[DC_BINDS_MAX];
};

/* from: " FROM x ..." ; alias: the table holding unit_* columns. */
int	dc_filter_init(struct store *st, struct dc_filter *f,
	    const struct actor *a, const struct dc_query *q, const char *from,
	    const char *alias, struct err *e);
void	dc_filter_text(struct dc_filter *f, const char *sql, const char *v);
void	dc_filter_int(struct dc_filter *f, const char *sql, int64_t v);
int	dc_filter_bind(struct stmt *q, const void *ctx);
void	dc_filter_release(struct dc_filter *f);

/* Run sql (one ? for the id) and build *out with row(); the unit columns
 * are at ucol, ucol + 1, ucol + 2 (structure, code, path).  not_found with
 * msg when there is no row or a may not see it. */
int	dc_fetch(struct store *st, const struct actor *a, const char *sql,
	    int64_t id, json_t *(*row)(struct stmt *), int ucol, json_t **out,
	    struct rec_owner *o, const char *msg, struct err *e);

/* rec_org_owner, and the organisation's unit must be a commune unless
 * any_level. */
int	dc_org_owner(struct store *st, const struct actor *a, int64_t org_id,
	    bool any_level, struct rec_owner *o, struct err *e);
/* A village of the commune o (invalid_field on field otherwise); *hh: its
 * households when not NULL. */
int	dc_village_of(struct store *st, int64_t village_id,
	    const struct rec_owner *o, const char *field, int64_t *hh,
	    struct err *e);
/* NULL or a valid "YYYY-MM-DD" (invalid_field on field). */
int	dc_check_day(const char *day, const char *field, bool required,
	    struct err *e);
/* Not empty (invalid_field with msg). */
int	dc_check_text(const char *s, const char *field, const char *msg,
	    struct err *e);
/* Does code exist in table (a vocabulary with a code column)? */
int	dc_code_exists(struct store *st, const char *table, const char *code,
	    bool *ok, struct err *e);
json_t	*dc_unit_json(struct stmt *q, int c);	/* {structure, code, name} */
json_t	*dc_time(struct stmt *q, int c);		/* ISO time */
json_t	*dc_int_or_null(struct stmt *q, int c);
/* "Trên 1/2 tổng số hộ gia đình", "Từ 2/3 ... trở lên". */
json_t	*dc_rule_label(const char *basis, int64_t num, int64_t den,
	    bool strict);
/* An optional text of a PATCH: NULL keeps before[key], "" clears. */
const char *dc_merge(const char *in, json_t *before, const char *key);

/* meeting | ballot | online (R-DC-11), NULL-terminated. */
extern const char *const dc_vote_forms[];

#endif
