/* attach.c - files attached to petitions and dialogues. */
#include "domain/attach.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <magic.h>
#include <sodium.h>

#include "core/clock.h"
#include "core/err.h"
#include "core/text.h"
#include "domain/audit.h"
#include "domain/dialogue.h"
#include "domain/petition.h"
#include "store/store.h"

static const char *const accepted[] = {
	"application/pdf", "image/jpeg", "image/png", "image/webp",
	"image/tiff", NULL
};

const char *
attach_sniff(const void *data, size_t len)
{
	const char *type, *found = NULL;
	magic_t m;

	/* A magic_t is not thread-safe: one per call (uploads are rare). */
	m = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS |
	    MAGIC_NO_CHECK_ELF | MAGIC_ERROR);
	if (m == NULL)
		return NULL;
	if (magic_load(m, NULL) == 0) {
		type = magic_buffer(m, data, len);
		for (int i = 0; type != NULL && accepted[i] != NULL; i++)
			if (strcmp(type, accepted[i]) == 0)
				found = accepted[i];
	}
	magic_close(m);
	return found;
}

/* A name safe to show and to put in a download header: the last path
 * component, NFC-valid text, at most 120 code points. */
static int
check_name(const char *name, struct err *e)
{
	if (name == NULL || name[0] == '\0')
		return err_set(e, ERR_INVAL, "invalid_param", "name",
		    "Thiếu tên tệp.");
	if (!text_is_valid(name, strlen(name)) || text_length(name) > 120 ||
	    strpbrk(name, "/\\\"") != NULL)
		return err_set(e, ERR_INVAL, "invalid_param", "name",
		    "Tên tệp không hợp lệ.");
	return 0;
}

/* The table of each owner kind, its owner column and audit entity. */
static const struct {
	const char	*table, *owner_col, *entity;
} owners[] = {
	[ATTACH_PETITION] = { "petition_attachments", "petition_id",
	    "attachment" },
	[ATTACH_DIALOGUE] = { "dialogue_attachments", "dialogue_id",
	    "dialogue_attachment" },
};

/* May a see owner's files (and, for a protected petition, its
 * protected material)?  Fills *where and *prot. */
static int
owner_access(struct store *st, const struct actor *a, enum attach_owner kind,
    int64_t owner, struct petition_where *where, bool *prot, struct err *e)
{
	*prot = false;
	if (kind == ATTACH_PETITION)
		return petition_check_access(st, a, owner, true, prot, where,
		    e);
	return dialogue_check_access(st, a, owner, &where->structure,
	    where->code, where->path, e);
}

int
attach_add(struct store *st, const struct actor *a, enum attach_owner kind,
    int64_t owner, const char *name, const void *data, size_t len,
    json_t **out, struct err *e)
{
	char sql[256];
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1], at[ISO_TIME_LEN];
	struct petition_where where;
	struct audit_entry ent;
	const char *mime;
	char *b64 = NULL;
	size_t b64len;
	struct stmt *q;
	int64_t id = 0, now = clock_now();
	bool prot;
	int rc;

	*out = NULL;
	if (a->role == ROLE_VIEWER)
		return err_set(e, ERR_PERM, "forbidden", NULL,
		    "Bạn chỉ có quyền xem, không thể đính kèm tệp.");
	rc = check_name(name, e);
	if (rc != 0)
		return rc;
	if (len == 0)
		return err_set(e, ERR_INVAL, "empty_file", NULL,
		    "Tệp rỗng.");
	if (len > ATTACH_MAX)
		return err_set(e, ERR_TOOBIG, "payload_too_large", NULL,
		    "Tệp lớn hơn 10 MiB.");
	mime = attach_sniff(data, len);
	if (mime == NULL)
		return err_set(e, ERR_MEDIA, "unsupported_file_type", NULL,
		    "Chỉ nhận tệp PDF hoặc ảnh (JPEG, PNG, WebP, TIFF).");
	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	b64len = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
	b64 = malloc(b64len);
	if (b64 == NULL)
		return err_set(e, ERR_NOMEM, "internal", NULL, "out of memory");
	sodium_bin2base64(b64, b64len, data, len,
	    sodium_base64_VARIANT_ORIGINAL);
	rc = store_begin_write(st, e);
	if (rc != 0) {
		free(b64);
		return rc;
	}
	rc = owner_access(st, a, kind, owner, &where, &prot, e);
	snprintf(sql, sizeof(sql), "INSERT INTO %s (%s, name, mime, size,"
	    " sha256, data, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?,"
	    " ?, ?) RETURNING id", owners[kind].table, owners[kind].owner_col);
	if (rc == 0)
		rc = store_prepare(st, sql, &q, e);
	if (rc == 0) {
		stmt_bind_int(q, 1, owner);
		stmt_bind_text(q, 2, name);
		stmt_bind_text(q, 3, mime);
		stmt_bind_int(q, 4, (int64_t)len);
		stmt_bind_text(q, 5, hex);
		stmt_bind_text(q, 6, b64);
		if (a->user_id != 0)
			stmt_bind_int(q, 7, a->user_id);
		else
			stmt_bind_null(q, 7);
		stmt_bind_int(q, 8, now);
		rc = stmt_step(q, e);
		if (rc == STEP_ROW)
			id = stmt_col_int(q, 0);
		stmt_finalize(q);
		rc = rc == STEP_ROW ? 0 : (rc < 0 ? rc : ERR_INTERNAL);
	}
	free(b64);
	clock_iso(now, at);
	if (rc == 0)
		*out = json_pack("{s:{s:I, s:s, s:s, s:I, s:s, s:s}}",
		    "attachment", "id", (json_int_t)id, "name", name, "mime",
		    mime, "size", (json_int_t)len, "sha256", hex, "created_at",
		    at);
	if (rc == 0) {
		ent = (struct audit_entry){ "create", owners[kind].entity, id,
		    where.structure, where.code, where.path, NULL,
		    json_object_get(*out, "attachment") };
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

int
attach_fetch(struct store *st, const struct actor *a, enum attach_owner kind,
    int64_t id, char **bytes, size_t *len, const char **mime, char *name,
    size_t name_size, struct err *e)
{
	char sql[200];
	struct petition_where where;
	struct audit_entry ent;
	const char *b64;
	int64_t owner = 0, size = 0;
	struct stmt *q;
	char type[40] = "";
	bool prot;
	int rc;

	*bytes = NULL;
	*len = 0;
	*mime = "application/octet-stream";
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	snprintf(sql, sizeof(sql), "SELECT %s, name, mime, size, data FROM %s"
	    " WHERE id = ?", owners[kind].owner_col, owners[kind].table);
	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		goto out;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		owner = stmt_col_int(q, 0);
		snprintf(name, name_size, "%s", stmt_col_text(q, 1));
		snprintf(type, sizeof(type), "%s", stmt_col_text(q, 2));
		size = stmt_col_int(q, 3);
		b64 = stmt_col_text(q, 4);
		*bytes = malloc((size_t)size + 1);
		if (*bytes == NULL || sodium_base642bin((unsigned char *)*bytes,
		    (size_t)size + 1, b64, strlen(b64), NULL, len, NULL,
		    sodium_base64_VARIANT_ORIGINAL) != 0)
			rc = err_set(e, ERR_INTERNAL, "internal", NULL,
			    "attachment %lld does not decode", (long long)id);
	}
	stmt_finalize(q);
	if (rc == STEP_DONE)
		rc = err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy tệp đính kèm.");
	if (rc < 0)
		goto out;
	rc = owner_access(st, a, kind, owner, &where, &prot, e);
	if (rc == 0 && prot) {
		ent = (struct audit_entry){ "download", "attachment", id,
		    where.structure, where.code, where.path, NULL, NULL };
		rc = audit_record(st, a, &ent, e);
	}
	if (rc == 0)
		rc = store_commit(st, e);
out:
	if (rc != 0) {
		store_rollback(st);
		free(*bytes);
		*bytes = NULL;
		*len = 0;
		return rc;
	}
	for (int i = 0; accepted[i] != NULL; i++)
		if (strcmp(type, accepted[i]) == 0)
			*mime = accepted[i];
	return 0;
}
