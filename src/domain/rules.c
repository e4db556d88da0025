/* rules.c - rules as data, their permissions and their audit. */
#include "domain/rules.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/err.h"
#include "domain/audit.h"
#include "domain/vocab.h"
#include "store/store.h"

static const struct {
	const char	*key;
	int		 def, min, max;
} known[] = {
	{ "mass_threshold", 5, 2, 100 },
	{ "due_soon_days", 5, 1, 30 },
	{ "report_cutoff_day", 15, 0, 28 },
	{ "public_submit_per_hour", 5, 1, 1000 },
	{ "public_track_per_10min", 60, 1, 10000 },
};
#define NKNOWN	(sizeof(known) / sizeof(known[0]))

static int
check_sysadmin(const struct actor *a, struct err *e)
{
	if (a->role != ROLE_SYSADMIN)
		return err_set(e, ERR_PERM, "forbidden", NULL,
		    "Chỉ quản trị hệ thống được thay đổi quy định, thời hạn"
		    " và lịch nghỉ.");
	return 0;
}

static int
done(struct store *st, int rc, struct err *e)
{
	if (rc == 0)
		rc = store_commit(st, e);
	if (rc != 0)
		store_rollback(st);
	return rc;
}

static json_t *
rule_item(json_t *list, const char *id)
{
	size_t i;
	json_t *v;

	json_array_foreach(json_object_get(list, "items"), i, v) {
		if (strcmp(json_string_value(json_object_get(v, "id")), id) == 0)
			return json_incref(v);
	}
	return NULL;
}

int
rules_deadline_update(struct store *st, const struct actor *a,
    const char *id, const struct deadline_rule_patch *p, json_t **out,
    struct err *e)
{
	struct audit_entry ent;
	json_t *all = NULL, *before = NULL;
	int rc;

	*out = NULL;
	rc = check_sysadmin(a, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = deadline_rules_json(st, &all, e);
	if (rc == 0) {
		before = rule_item(all, id);
		rc = deadline_rule_update(st, id, p, out, e);
	}
	if (rc == 0) {
		ent = (struct audit_entry){ "update", "deadline_rule", 0, 0,
		    NULL, NULL, before, *out };
		rc = audit_record(st, a, &ent, e);
	}
	json_decref(all);
	json_decref(before);
	rc = done(st, rc, e);
	if (rc != 0) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int
rules_calendar_set(struct store *st, const struct actor *a, const char *day,
    bool working, const char *name, struct err *e)
{
	struct audit_entry ent;
	json_t *after;
	int rc;

	rc = check_sysadmin(a, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = calendar_day_set(st, day, working, name, e);
	after = json_pack("{s:s, s:b, s:s}", "day", day, "working", working,
	    "name", name != NULL ? name : "");
	if (rc == 0) {
		ent = (struct audit_entry){ "update", "calendar_day", 0, 0, NULL,
		    NULL, NULL, after };
		rc = audit_record(st, a, &ent, e);
	}
	json_decref(after);
	return done(st, rc, e);
}

int
rules_calendar_delete(struct store *st, const struct actor *a,
    const char *day, struct err *e)
{
	struct audit_entry ent;
	json_t *before;
	int rc;

	rc = check_sysadmin(a, e);
	if (rc == 0)
		rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = calendar_day_delete(st, day, e);
	before = json_pack("{s:s}", "day", day);
	if (rc == 0) {
		ent = (struct audit_entry){ "delete", "calendar_day", 0, 0, NULL,
		    NULL, before, NULL };
		rc = audit_record(st, a, &ent, e);
	}
	json_decref(before);
	return done(st, rc, e);
}

int
settings_json(struct store *st, json_t **out, struct err *e)
{
	json_t *o = json_object();
	int v, rc;

	for (size_t i = 0; i < NKNOWN; i++) {
		rc = settings_int(st, known[i].key, known[i].def, &v, e);
		if (rc != 0) {
			json_decref(o);
			return rc;
		}
		json_object_set_new(o, known[i].key, json_integer(v));
	}
	*out = o;
	return 0;
}

int
settings_update(struct store *st, const struct actor *a, json_t *patch,
    json_t **out, struct err *e)
{
	struct audit_entry ent;
	json_t *before = NULL, *v;
	const char *key;
	struct stmt *q;
	char val[24];
	size_t i;
	int rc;

	*out = NULL;
	rc = check_sysadmin(a, e);
	if (rc != 0)
		return rc;
	json_object_foreach(patch, key, v) {
		for (i = 0; i < NKNOWN; i++)
			if (strcmp(key, known[i].key) == 0)
				break;
		if (i == NKNOWN)
			return err_set(e, ERR_INVAL, "unknown_field", NULL,
			    "Thiết lập \"%.40s\" không được hỗ trợ.", key);
		if (!json_is_integer(v) || json_integer_value(v) < known[i].min ||
		    json_integer_value(v) > known[i].max)
			return err_set(e, ERR_INVAL, "invalid_field",
			    known[i].key, "Giá trị của \"%s\" phải từ %d đến"
			    " %d.", known[i].key, known[i].min, known[i].max);
		/* a cut-off on the 1st is the natural month: write 0 */
		if (strcmp(key, "report_cutoff_day") == 0 &&
		    json_integer_value(v) == 1)
			return err_set(e, ERR_INVAL, "invalid_field",
			    known[i].key, "Ngày chốt số liệu là 0 (theo tháng"
			    " dương lịch) hoặc từ 2 đến 28.");
	}
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = settings_json(st, &before, e);
	json_object_foreach(patch, key, v) {
		if (rc != 0)
			break;
		snprintf(val, sizeof(val), "%lld",
		    (long long)json_integer_value(v));
		rc = store_prepare(st, "INSERT INTO settings (key, value,"
		    " updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE"
		    " SET value = excluded.value, updated_at ="
		    " excluded.updated_at", &q, e);
		if (rc != 0)
			break;
		stmt_bind_text(q, 1, key);
		stmt_bind_text(q, 2, val);
		stmt_bind_int(q, 3, clock_now());
		rc = stmt_step(q, e);
		stmt_finalize(q);
		rc = rc < 0 ? rc : 0;
	}
	if (rc == 0)
		rc = settings_json(st, out, e);
	if (rc == 0) {
		ent = (struct audit_entry){ "update", "settings", 0, 0, NULL,
		    NULL, before, *out };
		rc = audit_record(st, a, &ent, e);
	}
	json_decref(before);
	rc = done(st, rc, e);
	if (rc != 0) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int
petition_fields_json(struct store *st, json_t **out, struct err *e)
{
	struct stmt *q;
	json_t *items;
	int rc;

	*out = NULL;
	rc = store_prepare(st, "SELECT code, name, grp FROM petition_fields"
	    " ORDER BY sort, code", &q, e);
	if (rc != 0)
		return rc;
	items = json_array();
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e))
		json_array_append_new(items, json_pack("{s:s, s:s, s:s}",
		    "code", stmt_col_text(q, 0), "name", stmt_col_text(q, 1),
		    "group", stmt_col_text(q, 2)));
	stmt_finalize(q);
	if (rc < 0) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o}", "items", items);
	return 0;
}
