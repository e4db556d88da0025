/* org.c - organisations and their rules. */
#include "domain/org.h"
#include "domain/record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/text.h"
#include "domain/audit.h"
#include "domain/list.h"
#include "domain/unit.h"
#include "store/store.h"

static const char *const org_types[] = {
	"party_committee", "mass_mobilization_board", "people_committee",
	"fatherland_front", "mass_organization", "agency", NULL
};

#define ORG_COLS							\
	"o.id, o.name, o.type, o.unit_structure, o.unit_code, n.name,"	\
	" o.created_at, o.updated_at, o.unit_path"
#define ORG_FROM							\
	" FROM organizations o JOIN units n ON n.structure ="		\
	" o.unit_structure AND n.code = o.unit_code"

static const char SQL_ORG_BY_ID[] =
    "SELECT " ORG_COLS ORG_FROM " WHERE o.id = ?";

bool
org_type_valid(const char *type)
{
	for (int i = 0; org_types[i] != NULL; i++)
		if (strcmp(type, org_types[i]) == 0)
			return true;
	return false;
}

static json_t *
org_row_json(struct stmt *q)
{
	char c[ISO_TIME_LEN], u[ISO_TIME_LEN];

	clock_iso(stmt_col_int(q, 6), c);
	clock_iso(stmt_col_int(q, 7), u);
	return json_pack("{s:I, s:s, s:s, s:{s:I, s:s, s:s}, s:s, s:s}",
	    "id", (json_int_t)stmt_col_int(q, 0), "name", stmt_col_text(q, 1),
	    "type", stmt_col_text(q, 2), "unit", "structure",
	    (json_int_t)stmt_col_int(q, 3), "code", stmt_col_text(q, 4),
	    "name", stmt_col_text(q, 5), "created_at", c, "updated_at", u);
}

static int
not_found(struct err *e)
{
	return err_set(e, ERR_NOTFOUND, "not_found", NULL,
	    "Không tìm thấy tổ chức.");
}

/* Fetch one organisation visible to a; its unit facts into *structure,
 * code and path. */
static int
fetch_org(struct store *st, const struct actor *a, int64_t id, json_t **out,
    int *structure, char *code, char *path, struct err *e)
{
	bool inside = false;
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, SQL_ORG_BY_ID, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = org_row_json(q);
		*structure = (int)stmt_col_int(q, 3);
		snprintf(code, UNIT_CODE_MAX, "%s", stmt_col_text(q, 4));
		snprintf(path, UNIT_PATH_MAX, "%s", stmt_col_text(q, 8));
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (rc == STEP_ROW)
		rc = actor_in_scope(st, a, *structure, code, &inside, e);
	if (rc == 0 && !inside) {
		json_decref(*out);
		*out = NULL;
		rc = not_found(e);
	}
	return rc;
}

static int
check_writer(const struct actor *a, struct err *e)
{
	if (!actor_is_admin(a))
		return err_set(e, ERR_PERM, "forbidden", NULL,
		    "Bạn không có quyền thay đổi danh mục tổ chức.");
	return 0;
}

static int
check_fields(const struct org_input *in, struct err *e)
{
	if (in->name != NULL && in->name[0] == '\0')
		return err_set(e, ERR_INVAL, "invalid_field", "name",
		    "Tên tổ chức không được để trống.");
	if (in->type != NULL && !org_type_valid(in->type))
		return err_set(e, ERR_INVAL, "invalid_field", "type",
		    "Loại tổ chức không hợp lệ.");
	return 0;
}

static const char SQL_ORG_INSERT[] =
    "INSERT INTO organizations (name, name_fold, name_key, type,"
    " unit_structure, unit_code, unit_path, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

static int
insert_org(struct store *st, const struct org_input *in,
    const struct unit_info *info, int64_t *id, struct err *e)
{
	char *fold = NULL, *key = NULL;
	struct stmt *q = NULL;
	int64_t now = clock_now();
	int rc;

	rc = text_fold(in->name, &fold);
	if (rc == 0)
		rc = text_sort_key(in->name, &key);
	if (rc == 0)
		rc = store_prepare(st, SQL_ORG_INSERT, &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, in->name);
		stmt_bind_text(q, 2, fold);
		stmt_bind_text(q, 3, key);
		stmt_bind_text(q, 4, in->type);
		stmt_bind_int(q, 5, in->unit.structure);
		stmt_bind_text(q, 6, info->code);
		stmt_bind_text(q, 7, info->path);
		stmt_bind_int(q, 8, now);
		stmt_bind_int(q, 9, now);
		rc = stmt_step_id(q, id, e);
	}
	free(fold);
	free(key);
	return rc;
}

int
org_create(struct store *st, const struct actor *a,
    const struct org_input *in, json_t **out, struct err *e)
{
	struct unit_info info;
	struct audit_entry ent;
	char code[UNIT_CODE_MAX], path[UNIT_PATH_MAX];
	int64_t id = 0;
	bool inside;
	int structure, rc;

	*out = NULL;
	rc = check_writer(a, e);
	if (rc == 0)
		rc = check_fields(in, e);
	if (rc != 0)
		return rc;
	if (unit_lookup(st, in->unit.structure, in->unit.code, &info, e) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "unit",
		    "Đơn vị hành chính không tồn tại.");
	rc = actor_in_scope(st, a, in->unit.structure, in->unit.code, &inside,
	    e);
	if (rc != 0)
		return rc;
	if (!inside)
		return err_set(e, ERR_PERM, "forbidden", "unit",
		    "Đơn vị nằm ngoài phạm vi quản lý của bạn.");
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = insert_org(st, in, &info, &id, e);
	if (rc == 0)
		rc = fetch_org(st, a, id, out, &structure, code, path, e);
	if (rc == 0) {
		ent = (struct audit_entry){ "create", "organization", id,
		    structure, code, path, NULL, *out };
		rc = audit_record(st, a, &ent, e);
	}
	return rec_finish(st, rc, out, e);
}

int
org_update(struct store *st, const struct actor *a, int64_t id,
    const struct org_input *in, json_t **out, struct err *e)
{
	char code[UNIT_CODE_MAX], path[UNIT_PATH_MAX], *fold = NULL, *key = NULL;
	struct audit_entry ent;
	json_t *before = NULL;
	struct stmt *q;
	int structure, rc;

	*out = NULL;
	rc = check_fields(in, e);
	if (rc != 0)
		return rc;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_org(st, a, id, &before, &structure, code, path, e);
	if (rc == 0)
		rc = check_writer(a, e);
	if (rc == 0 && in->name != NULL) {
		rc = text_fold(in->name, &fold);
		if (rc == 0)
			rc = text_sort_key(in->name, &key);
	}
	if (rc == 0)
		rc = store_prepare(st, "UPDATE organizations SET"
		    " name = COALESCE(?, name), name_fold = COALESCE(?, name_fold),"
		    " name_key = COALESCE(?, name_key), type = COALESCE(?, type),"
		    " updated_at = ? WHERE id = ?", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, in->name);
		stmt_bind_text(q, 2, fold);
		stmt_bind_text(q, 3, key);
		stmt_bind_text(q, 4, in->type);
		stmt_bind_int(q, 5, clock_now());
		stmt_bind_int(q, 6, id);
		rc = stmt_step(q, e);
		stmt_finalize(q);
	}
	if (rc == 0)
		rc = fetch_org(st, a, id, out, &structure, code, path, e);
	if (rc == 0) {
		ent = (struct audit_entry){ "update", "organization", id,
		    structure, code, path, before, *out };
		rc = audit_record(st, a, &ent, e);
	}
	free(fold);
	free(key);
	json_decref(before);
	return rec_finish(st, rc, out, e);
}

/* Tables whose rows belong to an organisation: one that holds any stays,
 * or its records would lose their body. */
static const char *const org_tables[] = {
	"petitions", "reception_sessions", "reception_schedules", "dialogues",
	"opinions", "dialogue_requirements", "dvk_models",
	"breakthrough_tasks", "emulation_bloc_members", "emulation_scores",
	NULL
};

static int
check_unused(struct store *st, int64_t id, struct err *e)
{
	struct stmt *q;
	struct buf sql;
	int n = 0, rc;

	buf_init(&sql, 2048);
	buf_add_str(&sql, "SELECT CASE WHEN 1 = 0");
	for (; org_tables[n] != NULL; n++)
		buf_add_fmt(&sql, " OR EXISTS (SELECT 1 FROM %s WHERE org_id ="
		    " ?)", org_tables[n]);
	buf_add_str(&sql, " THEN 1 ELSE 0 END");
	rc = buf_error(&sql) != 0 ? ERR_NOMEM :
	    store_prepare(st, buf_cstr(&sql), &q, e);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	for (int i = 1; i <= n; i++)
		stmt_bind_int(q, i, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW && stmt_col_int(q, 0) != 0)
		rc = err_set(e, ERR_EXISTS, "in_use", NULL,
		    "Tổ chức đã có dữ liệu (đơn thư, sổ tiếp công dân, đối"
		    " thoại, mô hình, thi đua...), không thể xóa.");
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

int
org_delete(struct store *st, const struct actor *a, int64_t id,
    struct err *e)
{
	char code[UNIT_CODE_MAX], path[UNIT_PATH_MAX];
	struct audit_entry ent;
	json_t *before = NULL;
	struct stmt *q;
	int structure, rc;

	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_org(st, a, id, &before, &structure, code, path, e);
	if (rc == 0)
		rc = check_writer(a, e);
	if (rc == 0)
		rc = check_unused(st, id, e);
	if (rc == 0)
		rc = store_prepare(st, "DELETE FROM organizations WHERE id = ?",
		    &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, id);
		rc = stmt_step(q, e);
		stmt_finalize(q);
	}
	if (rc == 0) {
		ent = (struct audit_entry){ "delete", "organization", id,
		    structure, code, path, before, NULL };
		rc = audit_record(st, a, &ent, e);
	}
	json_decref(before);
	return rec_finish(st, rc, NULL, e);
}

int
org_get(struct store *st, const struct actor *a, int64_t id, json_t **out,
    struct err *e)
{
	char code[UNIT_CODE_MAX], path[UNIT_PATH_MAX];
	int structure;

	return fetch_org(st, a, id, out, &structure, code, path, e);
}

static void
list_where(struct buf *sql, const struct org_query *f,
    const struct rec_subtree *sub)
{
	buf_add_str(sql, ORG_FROM " WHERE " SCOPE_SQL("o.unit_structure",
	    "o.unit_path"));
	if (f->structure != 0)
		buf_add_str(sql, " AND o.unit_structure = ?");
	rec_subtree_sql(sql, "o.unit_path", sub);
	if (f->type != NULL)
		buf_add_str(sql, " AND o.type = ?");
	if (f->q != NULL)
		buf_add_str(sql, " AND o.name_fold LIKE ? ESCAPE '\\'");
}

struct org_list_ctx {
	const struct org_query	*f;
	const struct actor	*a;
	struct rec_subtree	 sub;
	const char		*like;
};

static int
list_bind(struct stmt *q, const void *ctxv)
{
	const struct org_list_ctx *c = ctxv;
	const struct org_query *f = c->f;
	int i = actor_bind_scope(c->a, q, 1);

	if (f->structure != 0)
		stmt_bind_int(q, i++, f->structure);
	i = rec_subtree_bind(q, i, &c->sub);
	if (f->type != NULL)
		stmt_bind_text(q, i++, f->type);
	if (f->q != NULL)
		stmt_bind_text(q, i++, c->like);
	return i;
}

int
org_list(struct store *st, const struct actor *a, const struct org_query *f,
    json_t **out, struct err *e)
{
	struct org_list_ctx c = { .f = f, .a = a };
	struct list_query lq;
	struct buf from;
	char *like = NULL;
	int rc;

	*out = NULL;
	rc = rec_subtree_init(st, f->structure, f->unit, "unit", &c.sub, e);
	if (rc != 0)
		return rc;
	if (f->q != NULL && text_like_pattern(f->q, &like) != 0)
		return err_set(e, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm không hợp lệ.");
	c.like = like;
	buf_init(&from, 4096);
	list_where(&from, f, &c.sub);
	lq = (struct list_query){ ORG_COLS, buf_cstr(&from), "o.name_key, o.id",
	    list_bind, &c, org_row_json, f->limit, f->offset, NULL, NULL,
	    NULL };
	rc = list_run(st, &lq, out, e);
	buf_release(&from);
	free(like);
	return rc;
}
