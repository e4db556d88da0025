/*
 * user.c - user accounts and their rules.  Every write runs in one write
 * transaction together with its audit entry.
 */
#include "domain/user.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/buf.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/audit.h"
#include "domain/list.h"
#include "domain/unit.h"
#include "store/store.h"

static const char SQL_USER_BY_ID[] =
    "SELECT " USER_COLS USER_FROM " WHERE u.id = ?";

int
password_hash(const char *pw, char **out)
{
	char h[crypto_pwhash_STRBYTES];

	if (crypto_pwhash_str(h, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return ERR_NOMEM;
	*out = xstrdup(h);
	return 0;
}

bool
password_verify(const char *hash, const char *pw)
{
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

bool
username_valid(const char *s)
{
	size_t n = strlen(s);

	if (n < 3 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (i > 0 && (c == '.' || c == '_' || c == '-'))))
			return false;
	}
	return true;
}

json_t *
user_row_json(struct stmt *q, int b)
{
	char at[ISO_TIME_LEN];
	json_t *unit = json_null();

	clock_iso(stmt_col_int(q, b + 8), at);
	if (!stmt_col_is_null(q, b + 4))
		unit = json_pack("{s:I, s:s, s:s?}", "structure",
		    (json_int_t)stmt_col_int(q, b + 4), "code",
		    stmt_col_text(q, b + 5), "name", stmt_col_text(q, b + 6));
	return json_pack("{s:I, s:s, s:s, s:s, s:o, s:b, s:s}",
	    "id", (json_int_t)stmt_col_int(q, b), "username",
	    stmt_col_text(q, b + 1), "full_name", stmt_col_text(q, b + 2),
	    "role", stmt_col_text(q, b + 3), "unit", unit, "disabled",
	    (int)stmt_col_int(q, b + 7), "created_at", at);
}

/* Fetch a user's JSON and scope facts; ERR_NOTFOUND when absent. */
static int
fetch_user(struct store *st, int64_t id, json_t **out, int *structure,
    char *path, struct err *e)
{
	struct stmt *q;
	int rc;

	*out = NULL;
	rc = store_prepare(st, SQL_USER_BY_ID, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		*out = user_row_json(q, 0);
		if (structure != NULL)
			*structure = (int)stmt_col_int(q, 4);
		if (path != NULL)
			snprintf(path, UNIT_PATH_MAX, "%s",
			    stmt_col_is_null(q, 9) ? "" : stmt_col_text(q, 9));
		rc = 0;
	} else if (rc == STEP_DONE) {
		rc = err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy người dùng.");
	}
	stmt_finalize(q);
	return rc;
}

int
user_json_by_id(struct store *st, int64_t id, json_t **out, struct err *e)
{
	return fetch_user(st, id, out, NULL, NULL, e);
}

/* May actor a see a user whose scope unit is (structure, code)?  Users
 * without a unit (sysadmins) are visible to global actors only.  On a "no"
 * e says not_found. */
static int
check_user_visible(struct store *st, const struct actor *a, int structure,
    const char *code, struct err *e)
{
	bool inside = actor_is_global(a);
	int rc;

	if (!inside && structure != 0) {
		rc = actor_in_scope(st, a, structure, code, &inside, e);
		if (rc != 0)
			return rc;
	}
	if (!inside)
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy người dùng.");
	return 0;
}

static const char *
user_unit_code(json_t *user)
{
	const char *c = json_string_value(json_object_get(json_object_get(user,
	    "unit"), "code"));

	return c != NULL ? c : "";
}

static int
check_password(const char *pw, const char *field, struct err *e)
{
	size_t n = text_length(pw);

	if (n < PASSWORD_MIN || strlen(pw) > PASSWORD_MAX)
		return err_set(e, ERR_INVAL, "invalid_field", field,
		    "Mật khẩu phải có từ %d đến %d ký tự.", PASSWORD_MIN,
		    PASSWORD_MAX);
	return 0;
}

/* Resolve and authorise the role and scope unit of a new or changed user. */
static int
check_role_unit(struct store *st, const struct actor *a, int role,
    const struct unit_ref *unit, struct unit_info *info, struct err *e)
{
	bool inside;

	if (role < 0)
		return err_set(e, ERR_INVAL, "invalid_field", "role",
		    "Vai trò không hợp lệ.");
	if (role == ROLE_SYSADMIN && a->role != ROLE_SYSADMIN)
		return err_set(e, ERR_PERM, "forbidden", "role",
		    "Chỉ quản trị hệ thống mới tạo được quản trị hệ thống.");
	if (role == ROLE_SYSADMIN)
		return 0;
	if (!unit->set)
		return err_set(e, ERR_INVAL, "missing_field", "unit",
		    "Cần chọn đơn vị hành chính cho người dùng.");
	if (unit_lookup(st, unit->structure, unit->code, info, e) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", "unit",
		    "Đơn vị hành chính không tồn tại.");
	if (actor_in_scope(st, a, unit->structure, unit->code, &inside, e) != 0)
		return ERR_DB;
	if (!inside)
		return err_set(e, ERR_PERM, "forbidden", "unit",
		    "Đơn vị nằm ngoài phạm vi quản lý của bạn.");
	return 0;
}

static const char SQL_USER_INSERT[] =
    "INSERT INTO users (username, full_name, name_fold, name_key,"
    " password_hash, role, unit_structure, unit_code, unit_path, disabled,"
    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"
    " RETURNING id";

static int
insert_user(struct store *st, const struct user_input *in, int role,
    const struct unit_info *info, int64_t *id, struct err *e)
{
	char *fold = NULL, *key = NULL, *hash = NULL;
	struct stmt *q = NULL;
	int64_t now = clock_now();
	int rc;

	rc = text_fold(in->full_name, &fold);
	if (rc == 0)
		rc = text_sort_key(in->full_name, &key);
	if (rc == 0)
		rc = password_hash(in->password, &hash);
	if (rc == 0)
		rc = store_prepare(st, SQL_USER_INSERT, &q, e);
	if (rc == 0) {
		bool scoped = role != ROLE_SYSADMIN;

		stmt_bind_text(q, 1, in->username);
		stmt_bind_text(q, 2, in->full_name);
		stmt_bind_text(q, 3, fold);
		stmt_bind_text(q, 4, key);
		stmt_bind_text(q, 5, hash);
		stmt_bind_text(q, 6, role_name(role));
		if (scoped)
			stmt_bind_int(q, 7, in->unit.structure);
		else
			stmt_bind_null(q, 7);
		stmt_bind_text(q, 8, scoped ? info->code : NULL);
		stmt_bind_text(q, 9, scoped ? info->path : NULL);
		stmt_bind_int(q, 10, now);
		stmt_bind_int(q, 11, now);
		rc = stmt_step(q, e);
		if (rc == STEP_ROW) {
			*id = stmt_col_int(q, 0);
			rc = 0;
		} else if (rc == ERR_EXISTS) {
			rc = err_set(e, ERR_EXISTS, "conflict", "username",
			    "Tên đăng nhập đã được dùng.");
		} else if (rc == STEP_DONE) {
			rc = ERR_INTERNAL;
		}
		stmt_finalize(q);
	}
	if (hash != NULL)
		sodium_memzero(hash, strlen(hash));
	free(hash);
	free(fold);
	free(key);
	return rc;
}

int
user_create(struct store *st, const struct actor *a,
    const struct user_input *in, json_t **out, struct err *e)
{
	struct unit_info info;
	struct audit_entry ent;
	int64_t id = 0;
	int role, rc;

	*out = NULL;
	if (!actor_is_admin(a))
		return err_set(e, ERR_PERM, "forbidden", NULL,
		    "Bạn không có quyền quản lý người dùng.");
	if (!username_valid(in->username))
		return err_set(e, ERR_INVAL, "invalid_field", "username",
		    "Tên đăng nhập gồm 3–64 ký tự a-z, 0-9, dấu chấm, gạch "
		    "dưới hoặc gạch ngang.");
	if (in->full_name[0] == '\0')
		return err_set(e, ERR_INVAL, "invalid_field", "full_name",
		    "Họ và tên không được để trống.");
	rc = check_password(in->password, "password", e);
	if (rc != 0)
		return rc;
	memset(&info, 0, sizeof(info));
	role = role_parse(in->role);
	rc = check_role_unit(st, a, role, &in->unit, &info, e);
	if (rc != 0)
		return rc;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = insert_user(st, in, role, &info, &id, e);
	if (rc == 0)
		rc = fetch_user(st, id, out, NULL, NULL, e);
	if (rc == 0) {
		ent = (struct audit_entry){ "create", "user", id,
		    role == ROLE_SYSADMIN ? 0 : in->unit.structure, info.code,
		    info.path, NULL, *out };
		rc = audit_record(st, a, &ent, e);
	}
	if (rc == 0)
		rc = store_commit(st, e);
	if (rc != 0) {
		store_rollback(st);
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

static int
end_sessions(struct store *st, int64_t user_id, int64_t keep, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "DELETE FROM sessions WHERE user_id = ? AND"
	    " id <> ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, user_id);
	stmt_bind_int(q, 2, keep);
	rc = stmt_step(q, e);
	stmt_finalize(q);
	return rc;
}

static const char SQL_USER_UPDATE[] =
    "UPDATE users SET full_name = COALESCE(?, full_name),"
    " name_fold = COALESCE(?, name_fold), name_key = COALESCE(?, name_key),"
    " role = ?, unit_structure = ?, unit_code = ?, unit_path = ?,"
    " disabled = ?, password_hash = COALESCE(?, password_hash),"
    " updated_at = ? WHERE id = ?";

/* Apply the update; role/unit are final values (already authorised). */
static int
update_row(struct store *st, int64_t id, const struct user_input *in,
    int role, const struct unit_info *info, int structure, bool disabled,
    struct err *e)
{
	char *fold = NULL, *key = NULL, *hash = NULL;
	struct stmt *q = NULL;
	int rc = 0;

	if (in->full_name != NULL) {
		rc = text_fold(in->full_name, &fold);
		if (rc == 0)
			rc = text_sort_key(in->full_name, &key);
	}
	if (rc == 0 && in->password != NULL)
		rc = password_hash(in->password, &hash);
	if (rc == 0)
		rc = store_prepare(st, SQL_USER_UPDATE, &q, e);
	if (rc == 0) {
		bool scoped = role != ROLE_SYSADMIN;

		stmt_bind_text(q, 1, in->full_name);
		stmt_bind_text(q, 2, fold);
		stmt_bind_text(q, 3, key);
		stmt_bind_text(q, 4, role_name(role));
		if (scoped)
			stmt_bind_int(q, 5, structure);
		else
			stmt_bind_null(q, 5);
		stmt_bind_text(q, 6, scoped ? info->code : NULL);
		stmt_bind_text(q, 7, scoped ? info->path : NULL);
		stmt_bind_int(q, 8, disabled);
		stmt_bind_text(q, 9, hash);
		stmt_bind_int(q, 10, clock_now());
		stmt_bind_int(q, 11, id);
		rc = stmt_step(q, e);
		stmt_finalize(q);
	}
	free(fold);
	free(key);
	free(hash);
	return rc;
}

int
user_update(struct store *st, const struct actor *a, int64_t id,
    const struct user_input *in, json_t **out, struct err *e)
{
	json_t *before = NULL, *unit;
	struct unit_info info;
	struct audit_entry ent;
	char path[UNIT_PATH_MAX];
	int structure = 0, role, rc;
	bool disabled;

	*out = NULL;
	if (!actor_is_admin(a))
		return err_set(e, ERR_PERM, "forbidden", NULL,
		    "Bạn không có quyền quản lý người dùng.");
	if (in->password != NULL) {
		rc = check_password(in->password, "password", e);
		if (rc != 0)
			return rc;
	}
	if (in->full_name != NULL && in->full_name[0] == '\0')
		return err_set(e, ERR_INVAL, "invalid_field", "full_name",
		    "Họ và tên không được để trống.");
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = fetch_user(st, id, &before, &structure, path, e);
	if (rc == 0)
		rc = check_user_visible(st, a, structure, user_unit_code(before),
		    e);
	if (rc != 0)
		goto out;
	role = role_parse(in->role != NULL ? in->role :
	    json_string_value(json_object_get(before, "role")));
	memset(&info, 0, sizeof(info));
	if (in->unit.set) {
		structure = in->unit.structure;
	} else if (structure != 0) {
		unit = json_object_get(before, "unit");
		info.code[0] = '\0';
		snprintf(info.code, sizeof(info.code), "%s",
		    json_string_value(json_object_get(unit, "code")));
		snprintf(info.path, sizeof(info.path), "%s", path);
	}
	if (in->unit.set || in->role != NULL) {
		struct unit_ref ref = in->unit;

		if (!ref.set && structure != 0) {
			ref.set = true;
			ref.structure = structure;
			snprintf(ref.code, sizeof(ref.code), "%s", info.code);
		}
		rc = check_role_unit(st, a, role, &ref, &info, e);
		if (rc != 0)
			goto out;
	}
	if (a->user_id == id && (in->role != NULL || in->unit.set ||
	    (in->has_disabled && in->disabled))) {
		rc = err_set(e, ERR_PERM, "forbidden", NULL,
		    "Không thể tự thay đổi vai trò, đơn vị hoặc khóa tài khoản "
		    "của chính mình.");
		goto out;
	}
	disabled = in->has_disabled ? in->disabled :
	    json_is_true(json_object_get(before, "disabled"));
	rc = update_row(st, id, in, role, &info, structure, disabled, e);
	if (rc == 0 && (disabled || in->password != NULL))
		rc = end_sessions(st, id, 0, e);
	if (rc == 0)
		rc = fetch_user(st, id, out, &structure, path, e);
	if (rc == 0) {
		ent = (struct audit_entry){ "update", "user", id, structure,
		    info.code, path, before, *out };
		rc = audit_record(st, a, &ent, e);
	}
	if (rc == 0)
		rc = store_commit(st, e);
out:
	if (rc != 0) {
		store_rollback(st);
		json_decref(*out);
		*out = NULL;
	}
	json_decref(before);
	return rc;
}

int
user_get(struct store *st, const struct actor *a, int64_t id, json_t **out,
    struct err *e)
{
	char path[UNIT_PATH_MAX];
	int structure = 0, rc;

	if (!actor_is_admin(a))
		return err_set(e, ERR_PERM, "forbidden", NULL,
		    "Bạn không có quyền quản lý người dùng.");
	rc = fetch_user(st, id, out, &structure, path, e);
	if (rc == 0)
		rc = check_user_visible(st, a, structure, user_unit_code(*out), e);
	if (rc != 0) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

static void
list_where(struct buf *sql, const struct user_query *f)
{
	buf_add_str(sql, USER_FROM " WHERE (" SCOPE_SQL("u.unit_structure",
	    "u.unit_path") ")");
	if (f->q != NULL)
		buf_add_str(sql, " AND (u.name_fold LIKE ? ESCAPE '\\' OR"
		    " u.username LIKE ? ESCAPE '\\')");
	if (f->role != NULL)
		buf_add_str(sql, " AND u.role = ?");
}

struct user_list_ctx {
	const struct user_query	*f;
	const struct actor	*a;
	const char		*like;
};

static int
list_bind(struct stmt *q, const void *ctxv)
{
	const struct user_list_ctx *c = ctxv;
	int i = actor_bind_scope(c->a, q, 1);

	if (c->f->q != NULL) {
		stmt_bind_text(q, i++, c->like);
		stmt_bind_text(q, i++, c->like);
	}
	if (c->f->role != NULL)
		stmt_bind_text(q, i++, c->f->role);
	return i;
}

static json_t *
user_row_json0(struct stmt *q)
{
	return user_row_json(q, 0);
}

int
user_list(struct store *st, const struct actor *a, const struct user_query *f,
    json_t **out, struct err *e)
{
	struct user_list_ctx c = { f, a, NULL };
	struct list_query lq;
	struct buf from;
	char *like = NULL;
	int rc;

	*out = NULL;
	if (!actor_is_admin(a))
		return err_set(e, ERR_PERM, "forbidden", NULL,
		    "Bạn không có quyền quản lý người dùng.");
	if (f->q != NULL && text_like_pattern(f->q, &like) != 0)
		return err_set(e, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm không hợp lệ.");
	c.like = like;
	buf_init(&from, 4096);
	list_where(&from, f);
	lq = (struct list_query){ USER_COLS, buf_cstr(&from),
	    "u.name_key, u.username", list_bind, &c, user_row_json0, f->limit,
	    f->offset, NULL, NULL, NULL };
	rc = list_run(st, &lq, out, e);
	buf_release(&from);
	free(like);
	return rc;
}

int
user_list_all(struct store *st, json_t **out, struct err *e)
{
	struct actor cli;
	struct user_query f = { NULL, NULL, 1000000, 0 };

	actor_init_cli(&cli);
	return user_list(st, &cli, &f, out, e);
}

int
user_disable_by_name(struct store *st, const struct actor *a,
    const char *username, struct err *e)
{
	struct user_input in;
	json_t *out = NULL;
	struct stmt *q;
	int64_t id = 0;
	int rc;

	rc = store_prepare(st, "SELECT id FROM users WHERE username = ?", &q,
	    e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, username);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		id = stmt_col_int(q, 0);
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (id == 0)
		return err_set(e, ERR_NOTFOUND, "not_found", "username",
		    "no such user: %s", username);
	memset(&in, 0, sizeof(in));
	in.has_disabled = true;
	in.disabled = true;
	rc = user_update(st, a, id, &in, &out, e);
	json_decref(out);
	return rc;
}

int
user_change_password(struct store *st, const struct actor *a,
    const char *old_pw, const char *new_pw, int64_t keep_session_id,
    struct err *e)
{
	struct audit_entry ent;
	struct stmt *q;
	char *hash = NULL, *nh = NULL;
	int rc;

	rc = check_password(new_pw, "new_password", e);
	if (rc != 0)
		return rc;
	rc = store_prepare(st, "SELECT password_hash FROM users WHERE id = ?",
	    &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, a->user_id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		hash = xstrdup(stmt_col_text(q, 0));
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (hash == NULL || !password_verify(hash, old_pw)) {
		free(hash);
		return err_set(e, ERR_INVAL, "invalid_field", "old_password",
		    "Mật khẩu hiện tại không đúng.");
	}
	free(hash);
	rc = password_hash(new_pw, &nh);
	if (rc != 0)
		return rc;
	rc = store_begin_write(st, e);
	if (rc == 0)
		rc = store_prepare(st, "UPDATE users SET password_hash = ?,"
		    " updated_at = ? WHERE id = ?", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, nh);
		stmt_bind_int(q, 2, clock_now());
		stmt_bind_int(q, 3, a->user_id);
		rc = stmt_step(q, e);
		stmt_finalize(q);
	}
	if (rc == 0)
		rc = end_sessions(st, a->user_id, keep_session_id, e);
	if (rc == 0) {
		ent = (struct audit_entry){ "password", "user", a->user_id,
		    a->scope_structure, a->scope_code, a->scope_path, NULL,
		    NULL };
		rc = audit_record(st, a, &ent, e);
	}
	if (rc == 0)
		rc = store_commit(st, e);
	else
		store_rollback(st);
	free(nh);
	return rc;
}
