/*
 * record.c - helpers shared by the registers of records (see record.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "domain/audit.h"
#include "domain/record.h"
#include "domain/unit.h"
#include "store/store.h"

int
rec_finish(struct store *st, int rc, json_t **out, struct err *e)
{
	if (rc == 0)
		rc = store_commit(st, e);
	if (rc != 0) {
		store_rollback(st);
		if (out != NULL) {
			json_decref(*out);
			*out = NULL;
		}
	}
	return rc;
}

int
rec_collect(struct stmt *q, json_t *(*row)(struct stmt *), json_t **out,
    struct err *e)
{
	int rc;

	*out = json_array();
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e))
		json_array_append_new(*out, row(q));
	stmt_finalize(q);
	if (rc < 0) {
		json_decref(*out);
		*out = NULL;
		return rc;
	}
	return 0;
}

int
rec_check_writer(const struct actor *a, const char *what, struct err *e)
{
	if (a->role == ROLE_VIEWER)
		return err_set(e, ERR_PERM, "forbidden", NULL,
		    "Tài khoản chỉ xem không được thay đổi %s.", what);
	return 0;
}

int
rec_org_owner(struct store *st, const struct actor *a, int64_t org_id,
    const char *field, struct rec_owner *o, struct err *e)
{
	return rec_org_owner_as(st, a, org_id, "invalid_field", field, o, e);
}

int
rec_org_owner_as(struct store *st, const struct actor *a, int64_t org_id,
    const char *api_code, const char *field, struct rec_owner *o,
    struct err *e)
{
	bool found = false, inside = false;
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "SELECT unit_structure, unit_code, unit_path,"
	    " name FROM organizations WHERE id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, org_id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		found = true;
		o->structure = (int)stmt_col_int(q, 0);
		snprintf(o->code, sizeof(o->code), "%s", stmt_col_text(q, 1));
		snprintf(o->path, sizeof(o->path), "%s", stmt_col_text(q, 2));
		snprintf(o->name, sizeof(o->name), "%s", stmt_col_text(q, 3));
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (found) {
		rc = actor_in_scope(st, a, o->structure, o->code, &inside, e);
		if (rc != 0)
			return rc;
	}
	if (!inside)
		return err_set(e, ERR_INVAL, api_code, field, "Tổ chức"
		    " không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.");
	return 0;
}

int
rec_fetched(struct store *st, const struct actor *a, int rc,
    const struct rec_owner *o, json_t **out, const char *what,
    struct err *e)
{
	bool inside = false;

	if (rc < 0)
		return rc;
	if (rc == STEP_ROW) {
		rc = actor_in_scope(st, a, o->structure, o->code, &inside, e);
		if (rc != 0)
			return rc;
	}
	if (!inside) {
		json_decref(*out);
		*out = NULL;
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy %s.", what);
	}
	return 0;
}

int
rec_audit(struct store *st, const struct actor *a, const char *action,
    const char *entity, int64_t id, const struct rec_owner *o, json_t *before,
    json_t *after, struct err *e)
{
	struct audit_entry ent = { action, entity, id, o->structure, o->code,
	    o->path, before, after };

	return audit_record(st, a, &ent, e);
}

int
rec_code_in(struct store *st, const char *sql, const char *code, bool *ok,
    struct err *e)
{
	struct stmt *q;
	int rc;

	*ok = false;
	if (code == NULL)
		return 0;
	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, code);
	rc = stmt_step(q, e);
	*ok = rc == STEP_ROW;
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

void
rec_bind_creator(struct stmt *q, int idx, const struct actor *a)
{
	if (a->user_id > 0)
		stmt_bind_int(q, idx, a->user_id);
	else
		stmt_bind_null(q, idx);
}

json_t *
rec_jstr(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

json_t *
rec_col_str(struct stmt *q, int c)
{
	return rec_jstr(stmt_col_text(q, c));
}

json_t *
rec_col_id(struct stmt *q, int c)
{
	return stmt_col_is_null(q, c) ? json_null() :
	    json_integer(stmt_col_int(q, c));
}

const char *
rec_member(json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

json_int_t
rec_imember(json_t *obj, const char *key)
{
	return json_integer_value(json_object_get(obj, key));
}

const char *
rec_opt(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : NULL;
}

bool
rec_empty(const char *s)
{
	return s == NULL || s[0] == '\0';
}

int
rec_index_of(const char *const *list, const char *s)
{
	for (int i = 0; s != NULL && list[i] != NULL; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

int
rec_subtree_init(struct store *st, int structure, const char *code,
    const char *param, struct rec_subtree *s, struct err *e)
{
	struct unit_info info;

	memset(s, 0, sizeof(*s));
	if (code == NULL)
		return 0;
	if (unit_lookup(st, structure, code, &info, e) != 0)
		return err_set(e, ERR_INVAL, "invalid_param", param,
		    "Đơn vị hành chính không tồn tại.");
	s->set = true;
	s->leaf = strcmp(info.level, "commune") == 0;
	snprintf(s->lo, sizeof(s->lo), "%s", info.path);
	snprintf(s->hi, sizeof(s->hi), "%s0", info.path);
	return 0;
}

void
rec_subtree_sql(struct buf *sql, const char *col, const struct rec_subtree *s)
{
	if (!s->set)
		return;
	if (s->leaf)
		buf_add_fmt(sql, " AND %s = ?", col);
	else
		buf_add_fmt(sql, " AND %s >= ? AND %s < ?", col, col);
}

int
rec_subtree_bind(struct stmt *q, int idx, const struct rec_subtree *s)
{
	if (!s->set)
		return idx;
	stmt_bind_text(q, idx++, s->lo);
	if (!s->leaf)
		stmt_bind_text(q, idx++, s->hi);
	return idx;
}
