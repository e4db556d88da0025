/* audit.c - append-only audit entries and their listing. */
#include "domain/audit.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/clock.h"
#include "core/err.h"
#include "domain/list.h"
#include "store/store.h"

static const char *const entities[] = {
	"user", "organization", "session", "petition", "attachment",
	"dialogue_attachment",
	"settings", "deadline_rule", "calendar_day", "reception_session",
	"reception_visit", "reception_schedule", "dvk_model",
	"breakthrough_task", "dialogue", "opinion",
	"dialogue_requirement", "emulation_set",
	"emulation_criterion", "emulation_bloc", "emulation_score",
	"dc_village", "dc_disclosure", "dc_vote", "dc_box", "dc_box_opening",
	"dc_board", "dc_board_member", "dc_board_activity", "dc_vote_rule",
	"dc_board_rule",
	"supervision", "supervision_recommendation", "criticism_draft",
	"criticism_comment",
	"directive", "directive_task", "directive_review", "org_change",
	"campaign", "indicator", "indicator_value", "report", "report_template",
	NULL
};
static const char *const actions[] = {
	"create", "update", "delete", "login", "logout", "password",
	"classify", "accept", "return", "forward", "archive", "attach",
	"progress", "extend", "resolve", "withdraw", "mass_case", "assign",
	"read_identity", "download", "import", NULL
};

static bool
in_list(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

bool
audit_entity_valid(const char *entity)
{
	return in_list(entities, entity);
}

bool
audit_action_valid(const char *action)
{
	return in_list(actions, action);
}

static const char SQL_AUDIT_INSERT[] =
    "INSERT INTO audit_log (at, actor_id, actor_name, action, entity,"
    " entity_id, unit_structure, unit_code, unit_path, before_json,"
    " after_json, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

int
audit_record(struct store *st, const struct actor *a,
    const struct audit_entry *ent, struct err *e)
{
	char *before = NULL, *after = NULL;
	struct stmt *q;
	int rc;

	rc = store_prepare(st, SQL_AUDIT_INSERT, &q, e);
	if (rc != 0)
		return rc;
	if (ent->before != NULL)
		before = json_dumps(ent->before, JSON_COMPACT | JSON_SORT_KEYS);
	if (ent->after != NULL)
		after = json_dumps(ent->after, JSON_COMPACT | JSON_SORT_KEYS);
	stmt_bind_int(q, 1, clock_now());
	if (a->user_id > 0)
		stmt_bind_int(q, 2, a->user_id);
	else
		stmt_bind_null(q, 2);
	stmt_bind_text(q, 3, a->username);
	stmt_bind_text(q, 4, ent->action);
	stmt_bind_text(q, 5, ent->entity);
	stmt_bind_int(q, 6, ent->entity_id);
	if (ent->unit_structure != 0)
		stmt_bind_int(q, 7, ent->unit_structure);
	else
		stmt_bind_null(q, 7);
	stmt_bind_text(q, 8, ent->unit_structure ? ent->unit_code : NULL);
	stmt_bind_text(q, 9, ent->unit_structure ? ent->unit_path : NULL);
	stmt_bind_text(q, 10, before);
	stmt_bind_text(q, 11, after);
	stmt_bind_text(q, 12, a->ip[0] ? a->ip : NULL);
	rc = stmt_step(q, e);
	stmt_finalize(q);
	free(before);
	free(after);
	return rc;
}

static void
audit_where(struct buf *sql, const struct audit_query *f)
{
	buf_add_str(sql, " FROM audit_log WHERE " SCOPE_SQL("unit_structure",
	    "unit_path"));
	if (f->entity != NULL)
		buf_add_str(sql, " AND entity = ?");
	if (f->action != NULL)
		buf_add_str(sql, " AND action = ?");
	if (f->actor != NULL)
		buf_add_str(sql, " AND actor_name = ?");
	if (f->from != 0)
		buf_add_str(sql, " AND at >= ?");
	if (f->to != 0)
		buf_add_str(sql, " AND at < ?");
}

struct audit_list_ctx {
	const struct audit_query	*f;
	const struct actor		*a;
};

static int
audit_bind(struct stmt *q, const void *ctxv)
{
	const struct audit_list_ctx *c = ctxv;
	const struct audit_query *f = c->f;
	int i = actor_bind_scope(c->a, q, 1);

	if (f->entity != NULL)
		stmt_bind_text(q, i++, f->entity);
	if (f->action != NULL)
		stmt_bind_text(q, i++, f->action);
	if (f->actor != NULL)
		stmt_bind_text(q, i++, f->actor);
	if (f->from != 0)
		stmt_bind_int(q, i++, f->from);
	if (f->to != 0)
		stmt_bind_int(q, i++, f->to);
	return i;
}

static json_t *
json_or_null(const char *s)
{
	json_t *j;

	if (s == NULL)
		return json_null();
	j = json_loads(s, 0, NULL);
	return j != NULL ? j : json_null();
}

static json_t *
audit_row_json(struct stmt *q)
{
	char at[ISO_TIME_LEN];
	json_t *unit = json_null(), *actor;

	clock_iso(stmt_col_int(q, 1), at);
	if (!stmt_col_is_null(q, 7))
		unit = json_pack("{s:I, s:s}", "structure",
		    (json_int_t)stmt_col_int(q, 7), "code", stmt_col_text(q, 8));
	actor = json_pack("{s:o, s:s?}", "id", stmt_col_is_null(q, 2) ?
	    json_null() : json_integer(stmt_col_int(q, 2)), "username",
	    stmt_col_text(q, 3));
	return json_pack("{s:I, s:s, s:o, s:s, s:s, s:I, s:o, s:o, s:o}",
	    "id", (json_int_t)stmt_col_int(q, 0), "at", at, "actor", actor,
	    "action", stmt_col_text(q, 4), "entity", stmt_col_text(q, 5),
	    "entity_id", (json_int_t)stmt_col_int(q, 6), "unit", unit,
	    "before", json_or_null(stmt_col_text(q, 9)),
	    "after", json_or_null(stmt_col_text(q, 10)));
}

int
audit_list(struct store *st, const struct actor *a,
    const struct audit_query *f, json_t **out, struct err *e)
{
	struct audit_list_ctx c = { f, a };
	struct list_query lq;
	struct buf from;
	int rc;

	buf_init(&from, 4096);
	audit_where(&from, f);
	lq = (struct list_query){ "id, at, actor_id, actor_name, action, entity,"
	    " entity_id, unit_structure, unit_code, before_json, after_json",
	    buf_cstr(&from), "at DESC, id DESC", audit_bind, &c, audit_row_json,
	    f->limit, f->offset, NULL, NULL, NULL };
	rc = list_run(st, &lq, out, e);
	buf_release(&from);
	return rc;
}
