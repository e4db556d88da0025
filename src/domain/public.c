/* public.c - the citizens' side. */
#include "domain/public.h"

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/err.h"
#include "domain/actor.h"
#include "domain/petition.h"
#include "domain/unit.h"
#include "store/store.h"

/* The public page acts as an unscoped officer named for the audit log. */
static void
public_actor(struct actor *a, const char *ip)
{
	memset(a, 0, sizeof(*a));
	a->role = ROLE_OFFICER;
	snprintf(a->username, sizeof(a->username), "%s", "(cổng công dân)");
	snprintf(a->ip, sizeof(a->ip), "%s", ip);
}

/* The People's Committee of the unit: the receiving body. */
static int
receiving_org(struct store *st, const struct unit_ref *u, int64_t *id,
    struct err *e)
{
	struct stmt *q;
	int rc;

	*id = 0;
	rc = store_prepare(st, "SELECT id FROM organizations WHERE"
	    " unit_structure = ? AND unit_code = ? AND type ="
	    " 'people_committee' ORDER BY id LIMIT 1", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, u->structure);
	stmt_bind_text(q, 2, u->code);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		*id = stmt_col_int(q, 0);
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (*id == 0)
		return err_set(e, ERR_INVAL, "no_receiving_body", "unit",
		    "Đơn vị này chưa có cơ quan tiếp nhận đơn trực tuyến. Vui"
		    " lòng gửi đơn trực tiếp hoặc qua bưu chính.");
	return 0;
}

int
public_submit(struct store *st, const struct public_input *in,
    const char *ip, json_t **out, struct err *e)
{
	struct petition_created made;
	struct petition_input pi;
	char today[CAL_DATE_LEN];
	struct actor a;
	int rc;

	*out = NULL;
	if (in->unit.structure != 2025)
		return err_set(e, ERR_INVAL, "invalid_field", "unit",
		    "Chọn xã, phường theo đơn vị hành chính hiện hành.");
	if (in->classification == NULL ||
	    (strcmp(in->classification, "recommendation") != 0 &&
	    strcmp(in->classification, "reflection") != 0))
		return err_set(e, ERR_INVAL, "invalid_field", "classification",
		    "Cổng trực tuyến nhận kiến nghị hoặc phản ánh.");
	public_actor(&a, ip);
	cal_format(cal_today(), today);
	memset(&pi, 0, sizeof(pi));
	pi.has_org_id = true;
	pi.source = "online";
	pi.received_day = today;
	pi.petitioner_name = in->name;
	pi.petitioner_address = in->address;
	pi.petitioner_phone = in->phone;
	pi.subject = in->subject;
	pi.content = in->content;
	pi.classification = in->classification;
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = receiving_org(st, &in->unit, &pi.org_id, e);
	if (rc == 0)
		rc = petition_insert(st, &a, &pi, &made, NULL, e);
	if (rc == 0)
		rc = store_commit(st, e);
	if (rc != 0) {
		store_rollback(st);
		return rc;
	}
	*out = json_pack("{s:s, s:s}", "tracking_code", made.tracking_code,
	    "received_day", today);
	return 0;
}

int
public_units(struct store *st, const char *parent, json_t **out,
    struct err *e)
{
	struct stmt *q;
	json_t *items;
	int rc;

	*out = NULL;
	if (parent != NULL)
		rc = store_prepare(st, "SELECT code, name, level FROM units"
		    " WHERE structure = 2025 AND parent_code = ? ORDER BY"
		    " name_key, code", &q, e);
	else
		rc = store_prepare(st, "SELECT code, name, level FROM units"
		    " WHERE structure = 2025 AND level = 'province' ORDER BY"
		    " name_key, code", &q, e);
	if (rc != 0)
		return rc;
	if (parent != NULL)
		stmt_bind_text(q, 1, parent);
	items = json_array();
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e))
		json_array_append_new(items, json_pack("{s:s, s:s, s:s}",
		    "code", stmt_col_text(q, 0), "name", stmt_col_text(q, 1),
		    "level", stmt_col_text(q, 2)));
	stmt_finalize(q);
	if (rc < 0) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o}", "items", items);
	return 0;
}
