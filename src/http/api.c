/*
 * api.c - the route table and the JSON API handlers.  Handlers bind input
 * through field tables, call one domain function and hand back its JSON.
 */
#include "http/api.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "domain/audit.h"
#include "domain/org.h"
#include "domain/unit.h"
#include "domain/user.h"

#define UNITS_LIMIT_MAX	1000
#define LIST_LIMIT_MAX	500

/* ---- health, auth, me ---------------------------------------------- */

static int
api_health(struct req *r)
{
	r->out = json_pack("{s:s}", "status", "ok");
	return 0;
}

const struct jfield api_login_fields[] = {
	{ "username", JF_STR, true, 64, offsetof(struct login_in, username), 0 },
	{ "password", JF_STR, true, 256, offsetof(struct login_in, password), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

static void
set_session_cookie(struct req *r, const char *token, int64_t max_age)
{
	snprintf(r->set_cookie, sizeof(r->set_cookie),
	    "danvan_session=%s; Path=/; HttpOnly; SameSite=Strict; "
	    "Max-Age=%lld%s", token, (long long)max_age,
	    req_secure_cookie(r) ? "; Secure" : "");
}

static int
me_json(struct req *r)
{
	json_t *user = NULL;
	int rc;

	/* A looked-up session carries its user; a fresh login does not. */
	if (r->sess.user != NULL) {
		user = json_incref(r->sess.user);
	} else {
		rc = user_json_by_id(r->st, r->sess.actor.user_id, &user,
		    &r->err);
		if (rc != 0)
			return rc;
	}
	r->out = json_pack("{s:o, s:s}", "user", user, "csrf_token",
	    r->sess.csrf);
	return 0;
}

static int
api_login(struct req *r)
{
	char token[SESSION_TOKEN_LEN];
	struct login_in in = { 0 };
	int rc;

	rc = req_bind(r, api_login_fields, &in);
	if (rc != 0)
		return rc;
	rc = session_login(r->st, req_session_conf(r), in.username,
	    in.password, r->ip, token, &r->sess, &r->err);
	if (rc != 0)
		return rc;
	set_session_cookie(r, token, req_session_conf(r)->max_age);
	return me_json(r);
}

static int
api_logout(struct req *r)
{
	int rc;

	rc = session_logout(r->st, &r->sess, &r->err);
	if (rc != 0)
		return rc;
	set_session_cookie(r, "", 0);
	r->out = json_pack("{s:s}", "status", "ok");
	return 0;
}

static int
api_me(struct req *r)
{
	return me_json(r);
}

const struct jfield api_password_fields[] = {
	{ "old_password", JF_STR, true, 256,
	  offsetof(struct password_in, old_password), 0 },
	{ "new_password", JF_STR, true, 256,
	  offsetof(struct password_in, new_password), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_password(struct req *r)
{
	struct password_in in = { 0 };
	int rc;

	rc = req_bind(r, api_password_fields, &in);
	if (rc == 0)
		rc = user_change_password(r->st, &r->sess.actor,
		    in.old_password, in.new_password, r->sess.id, &r->err);
	if (rc == 0)
		r->out = json_pack("{s:s}", "status", "ok");
	return rc;
}

/* ---- units ------------------------------------------------------------ */

static int
query_structure(struct req *r, int *out)
{
	int64_t v;
	int rc;

	rc = req_query_int(r, "structure", 2024, 2025, 2025, &v);
	if (rc == 0 && !unit_structure_valid((int)v))
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "structure",
		    "Cơ cấu phải là 2024 hoặc 2025.");
	*out = (int)v;
	return rc;
}

static int
api_units(struct req *r)
{
	struct unit_query f;
	int rc;

	memset(&f, 0, sizeof(f));
	rc = query_structure(r, &f.structure);
	if (rc == 0)
		rc = req_query(r, "level", &f.level);
	/* "district" is a valid level in both structures; 2025 has none. */
	if (rc == 0 && f.level != NULL && !unit_level_valid(2024, f.level))
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "level",
		    "Cấp đơn vị không hợp lệ.");
	if (rc == 0)
		rc = req_query(r, "parent", &f.parent);
	if (rc == 0)
		rc = req_query(r, "q", &f.q);
	if (rc == 0 && f.q != NULL && strlen(f.q) > 200)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm quá dài.");
	if (rc == 0)
		rc = req_page(r, UNITS_LIMIT_MAX, &f.limit, &f.offset);
	if (rc == 0)
		rc = unit_list(r->st, &r->sess.actor, &f, &r->out, &r->err);
	return rc;
}

static int
api_unit_get(struct req *r)
{
	int structure, rc;

	rc = query_structure(r, &structure);
	if (rc == 0)
		rc = unit_get_text(r->st, req_unit_cache(r), &r->sess.actor,
		    structure, r->params[0], &r->out_text, &r->err);
	return rc;
}

/* ---- organisations ------------------------------------------------- */

const struct jfield api_org_create_fields[] = {
	{ "name", JF_STR, true, 200, offsetof(struct org_input, name), 0 },
	{ "type", JF_STR, true, 40, offsetof(struct org_input, type), 0 },
	{ "unit", JF_UNIT, true, 0, offsetof(struct org_input, unit), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

const struct jfield api_org_update_fields[] = {
	{ "name", JF_STR, false, 200, offsetof(struct org_input, name), 0 },
	{ "type", JF_STR, false, 40, offsetof(struct org_input, type), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_orgs(struct req *r)
{
	struct org_query f;
	int64_t st = 0;
	int rc;

	memset(&f, 0, sizeof(f));
	rc = req_query_int(r, "structure", 2024, 2025, 0, &st);
	if (rc == 0)
		rc = req_query(r, "unit", &f.unit);
	if (rc == 0 && f.unit != NULL && st == 0)
		st = 2025;
	f.structure = (int)st;
	if (rc == 0)
		rc = req_query(r, "type", &f.type);
	if (rc == 0 && f.type != NULL && !org_type_valid(f.type))
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "type",
		    "Loại tổ chức không hợp lệ.");
	if (rc == 0)
		rc = req_query(r, "q", &f.q);
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f.limit, &f.offset);
	if (rc == 0)
		rc = org_list(r->st, &r->sess.actor, &f, &r->out, &r->err);
	return rc;
}

static int
api_org_create(struct req *r)
{
	struct org_input in;
	json_t *o = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_bind(r, api_org_create_fields, &in);
	if (rc == 0)
		rc = org_create(r->st, &r->sess.actor, &in, &o, &r->err);
	if (rc == 0)
		r->status = 201;
	return req_wrap(r, "organization", rc, o, 0);
}

static int
api_org_get(struct req *r)
{
	json_t *o = NULL;
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = org_get(r->st, &r->sess.actor, id, &o, &r->err);
	return req_wrap(r, "organization", rc, o, 0);
}

static int
api_org_update(struct req *r)
{
	struct org_input in;
	json_t *o = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = req_bind(r, api_org_update_fields, &in);
	if (rc == 0)
		rc = org_update(r->st, &r->sess.actor, id, &in, &o, &r->err);
	return req_wrap(r, "organization", rc, o, 0);
}

static int
api_org_delete(struct req *r)
{
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = org_delete(r->st, &r->sess.actor, id, &r->err);
	if (rc == 0)
		r->out = json_pack("{s:s}", "status", "ok");
	return rc;
}

/* ---- users ----------------------------------------------------------- */

const struct jfield api_user_create_fields[] = {
	{ "username", JF_STR, true, 64, offsetof(struct user_input, username), 0 },
	{ "full_name", JF_STR, true, 200,
	  offsetof(struct user_input, full_name), 0 },
	{ "password", JF_STR, true, 256, offsetof(struct user_input, password), 0 },
	{ "role", JF_STR, true, 20, offsetof(struct user_input, role), 0 },
	{ "unit", JF_UNIT, false, 0, offsetof(struct user_input, unit), 0 },
	{ NULL, 0, false, 0, 0, 0 }
};

const struct jfield api_user_update_fields[] = {
	{ "full_name", JF_STR, false, 200,
	  offsetof(struct user_input, full_name), 0 },
	{ "password", JF_STR, false, 256,
	  offsetof(struct user_input, password), 0 },
	{ "role", JF_STR, false, 20, offsetof(struct user_input, role), 0 },
	{ "unit", JF_UNIT, false, 0, offsetof(struct user_input, unit), 0 },
	{ "disabled", JF_BOOL, false, 0, offsetof(struct user_input, disabled),
	  offsetof(struct user_input, has_disabled) },
	{ NULL, 0, false, 0, 0, 0 }
};

static int
api_users(struct req *r)
{
	struct user_query f;
	int rc;

	memset(&f, 0, sizeof(f));
	rc = req_query(r, "q", &f.q);
	if (rc == 0)
		rc = req_query(r, "role", &f.role);
	if (rc == 0 && f.role != NULL && role_parse(f.role) < 0)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "role",
		    "Vai trò không hợp lệ.");
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f.limit, &f.offset);
	if (rc == 0)
		rc = user_list(r->st, &r->sess.actor, &f, &r->out, &r->err);
	return rc;
}

static int
api_user_create(struct req *r)
{
	struct user_input in;
	json_t *u = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	if (!actor_is_admin(&r->sess.actor))
		return err_set(&r->err, ERR_PERM, "forbidden", NULL,
		    "Bạn không có quyền quản lý người dùng.");
	rc = req_bind(r, api_user_create_fields, &in);
	if (rc == 0)
		rc = user_create(r->st, &r->sess.actor, &in, &u, &r->err);
	if (rc == 0)
		r->status = 201;
	return req_wrap(r, "user", rc, u, 0);
}

static int
api_user_get(struct req *r)
{
	json_t *u = NULL;
	int64_t id;
	int rc;

	rc = req_param_id(r, 0, &id);
	if (rc == 0)
		rc = user_get(r->st, &r->sess.actor, id, &u, &r->err);
	return req_wrap(r, "user", rc, u, 0);
}

static int
api_user_update(struct req *r)
{
	struct user_input in;
	json_t *u = NULL;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_param_id(r, 0, &id);
	if (rc == 0 && !actor_is_admin(&r->sess.actor))
		rc = err_set(&r->err, ERR_PERM, "forbidden", NULL,
		    "Bạn không có quyền quản lý người dùng.");
	if (rc == 0)
		rc = req_bind(r, api_user_update_fields, &in);
	if (rc == 0)
		rc = user_update(r->st, &r->sess.actor, id, &in, &u, &r->err);
	return req_wrap(r, "user", rc, u, 0);
}

/* ---- audit ------------------------------------------------------------ */

static int
query_date(struct req *r, const char *name, int64_t add, int64_t *out)
{
	const char *v;
	int rc;

	*out = 0;
	rc = req_query(r, name, &v);
	if (rc != 0 || v == NULL)
		return rc;
	if (clock_parse_date(v, out) != 0)
		return err_set(&r->err, ERR_INVAL, "invalid_param", name,
		    "Ngày phải có dạng YYYY-MM-DD.");
	*out += add;
	return 0;
}

static int
api_audit(struct req *r)
{
	struct audit_query f;
	int rc;

	memset(&f, 0, sizeof(f));
	if (!actor_is_admin(&r->sess.actor))
		return err_set(&r->err, ERR_PERM, "forbidden", NULL,
		    "Chỉ quản trị viên được xem nhật ký hệ thống.");
	rc = req_query(r, "entity", &f.entity);
	if (rc == 0 && f.entity != NULL && !audit_entity_valid(f.entity))
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "entity",
		    "Loại đối tượng không hợp lệ.");
	if (rc == 0)
		rc = req_query(r, "action", &f.action);
	if (rc == 0 && f.action != NULL && !audit_action_valid(f.action))
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", "action",
		    "Thao tác không hợp lệ.");
	if (rc == 0)
		rc = req_query(r, "actor", &f.actor);
	if (rc == 0)
		rc = query_date(r, "from", 0, &f.from);
	if (rc == 0)
		rc = query_date(r, "to", 86400, &f.to);
	if (rc == 0)
		rc = req_page(r, LIST_LIMIT_MAX, &f.limit, &f.offset);
	if (rc == 0)
		rc = audit_list(r->st, &r->sess.actor, &f, &r->out, &r->err);
	return rc;
}

const struct route api_routes[] = {
	{ "GET", "/api/v1/health", api_health, R_NOSTORE },
	{ "POST", "/api/v1/auth/login", api_login, 0 },
	{ "POST", "/api/v1/auth/logout", api_logout, R_CSRF },
	{ "GET", "/api/v1/me", api_me, R_AUTH },
	{ "POST", "/api/v1/me/password", api_password, R_CSRF },
	{ "GET", "/api/v1/units", api_units, R_AUTH },
	{ "GET", "/api/v1/units/:code", api_unit_get, R_AUTH },
	{ "GET", "/api/v1/organizations", api_orgs, R_AUTH },
	{ "POST", "/api/v1/organizations", api_org_create, R_CSRF },
	{ "GET", "/api/v1/organizations/:id", api_org_get, R_AUTH },
	{ "PATCH", "/api/v1/organizations/:id", api_org_update, R_CSRF },
	{ "DELETE", "/api/v1/organizations/:id", api_org_delete, R_CSRF },
	{ "GET", "/api/v1/users", api_users, R_AUTH },
	{ "POST", "/api/v1/users", api_user_create, R_CSRF },
	{ "GET", "/api/v1/users/:id", api_user_get, R_AUTH },
	{ "PATCH", "/api/v1/users/:id", api_user_update, R_CSRF },
	{ "GET", "/api/v1/audit", api_audit, R_AUTH },
	{ NULL, NULL, NULL, 0 }
};
