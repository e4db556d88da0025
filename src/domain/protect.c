/* protect.c - sealed identities. */
#include "domain/protect.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "core/clock.h"
#include "core/err.h"
#include "core/text.h"
#include "store/store.h"

#define KEY_LEN		crypto_secretbox_KEYBYTES
#define IDENTITY_MAX	4096	/* bytes of identity JSON */

/*
 * The deployment key and two subkeys derived from it (sealing, hashing).
 * Set once at start-up before any thread uses them, read-only afterwards.
 */
static unsigned char	*keys;		/* sodium_malloc: box key, hash key */
static char		 key_id[17];	/* first bytes of the key's hash */

static int
key_missing(struct err *e)
{
	return err_set(e, ERR_UNAVAIL, "key_missing", NULL,
	    "Máy chủ chưa được cấu hình khóa mã hóa danh tính người tố cáo;"
	    " chưa thể ghi hoặc xem danh tính. Báo quản trị hệ thống.");
}

int
protect_default_key_path(const char *dsn, char *out, size_t n)
{
	if (store_dsn_is_pgsql(dsn))
		return ERR_INVAL;
	if (strncmp(dsn, "sqlite:", 7) == 0)
		dsn += 7;
	if ((size_t)snprintf(out, n, "%s.key", dsn) >= n)
		return ERR_INVAL;
	return 0;
}

int
protect_key_create(const char *path, bool *created, struct err *e)
{
	unsigned char k[KEY_LEN];
	ssize_t w;
	int fd;

	*created = false;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno == EEXIST)
		return 0;
	if (fd < 0)
		return err_set(e, ERR_IO, "io", NULL,
		    "cannot create key file %s", path);
	randombytes_buf(k, sizeof(k));
	w = write(fd, k, sizeof(k));
	sodium_memzero(k, sizeof(k));
	if (w != (ssize_t)sizeof(k) || fsync(fd) != 0) {
		close(fd);
		unlink(path);
		return err_set(e, ERR_IO, "io", NULL,
		    "cannot write key file %s", path);
	}
	close(fd);
	*created = true;
	return 0;
}

int
protect_key_load(const char *path, struct err *e)
{
	unsigned char master[KEY_LEN], h[crypto_generichash_BYTES];
	struct stat sb;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(e, ERR_IO, "io", NULL,
		    "cannot open key file %s", path);
	if (fstat(fd, &sb) != 0 || sb.st_size != KEY_LEN) {
		close(fd);
		return err_set(e, ERR_INVAL, "invalid", NULL,
		    "key file %s must hold exactly %d bytes", path, KEY_LEN);
	}
	n = read(fd, master, sizeof(master));
	close(fd);
	if (n != (ssize_t)sizeof(master))
		return err_set(e, ERR_IO, "io", NULL,
		    "cannot read key file %s", path);
	protect_key_unload();
	keys = sodium_malloc(2 * KEY_LEN);
	if (keys == NULL) {
		sodium_memzero(master, sizeof(master));
		return err_set(e, ERR_NOMEM, "internal", NULL, "out of memory");
	}
	crypto_kdf_derive_from_key(keys, KEY_LEN, 1, "dv-seal_", master);
	crypto_kdf_derive_from_key(keys + KEY_LEN, KEY_LEN, 2, "dv-hash_",
	    master);
	crypto_generichash(h, sizeof(h), master, sizeof(master), NULL, 0);
	sodium_bin2hex(key_id, sizeof(key_id), h, 8);
	sodium_memzero(master, sizeof(master));
	sodium_mprotect_readonly(keys);
	return 0;
}

bool
protect_key_loaded(void)
{
	return keys != NULL;
}

void
protect_key_unload(void)
{
	sodium_free(keys);	/* zeroes; NULL is a no-op */
	keys = NULL;
	key_id[0] = '\0';
}

int
protect_seal(struct store *st, json_t *identity, int64_t *id, struct err *e)
{
	unsigned char nonce[crypto_secretbox_NONCEBYTES];
	unsigned char *box = NULL;
	char *plain, *b64box = NULL, b64nonce[64];
	size_t plen, blen, b64len;
	struct stmt *q;
	int rc;

	if (keys == NULL)
		return key_missing(e);
	plain = json_dumps(identity, JSON_COMPACT);
	if (plain == NULL)
		return err_set(e, ERR_NOMEM, "internal", NULL, "out of memory");
	plen = strlen(plain);
	if (plen > IDENTITY_MAX) {
		sodium_memzero(plain, plen);
		free(plain);
		return err_set(e, ERR_INVAL, "too_long", "petitioner",
		    "Thông tin người gửi quá dài.");
	}
	blen = plen + crypto_secretbox_MACBYTES;
	box = malloc(blen);
	b64len = sodium_base64_ENCODED_LEN(blen,
	    sodium_base64_VARIANT_ORIGINAL);
	b64box = malloc(b64len);
	if (box == NULL || b64box == NULL) {
		rc = err_set(e, ERR_NOMEM, "internal", NULL, "out of memory");
		goto done;
	}
	randombytes_buf(nonce, sizeof(nonce));
	crypto_secretbox_easy(box, (unsigned char *)plain, plen, nonce, keys);
	sodium_bin2base64(b64nonce, sizeof(b64nonce), nonce, sizeof(nonce),
	    sodium_base64_VARIANT_ORIGINAL);
	sodium_bin2base64(b64box, b64len, box, blen,
	    sodium_base64_VARIANT_ORIGINAL);
	rc = store_prepare(st, "INSERT INTO protected_identities (key_id,"
	    " nonce, box, created_at) VALUES (?, ?, ?, ?) RETURNING id", &q, e);
	if (rc == 0) {
		stmt_bind_text(q, 1, key_id);
		stmt_bind_text(q, 2, b64nonce);
		stmt_bind_text(q, 3, b64box);
		stmt_bind_int(q, 4, clock_now());
		rc = stmt_step(q, e);
		if (rc == STEP_ROW)
			*id = stmt_col_int(q, 0);
		stmt_finalize(q);
		rc = rc == STEP_ROW ? 0 : (rc < 0 ? rc : ERR_INTERNAL);
	}
done:
	sodium_memzero(plain, plen);
	free(plain);
	free(box);
	free(b64box);
	return rc;
}

static int
decode_b64(const char *in, unsigned char *out, size_t max, size_t *len)
{
	return sodium_base642bin(out, max, in, strlen(in), NULL, len, NULL,
	    sodium_base64_VARIANT_ORIGINAL) == 0 ? 0 : ERR_INVAL;
}

int
protect_open(struct store *st, int64_t id, json_t **identity, struct err *e)
{
	unsigned char nonce[crypto_secretbox_NONCEBYTES];
	unsigned char box[IDENTITY_MAX + crypto_secretbox_MACBYTES];
	unsigned char plain[IDENTITY_MAX + 1];
	size_t nlen = 0, blen = 0;
	struct stmt *q;
	int rc;

	*identity = NULL;
	if (keys == NULL)
		return key_missing(e);
	rc = store_prepare(st, "SELECT nonce, box FROM protected_identities"
	    " WHERE id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		if (decode_b64(stmt_col_text(q, 0), nonce, sizeof(nonce),
		    &nlen) != 0 || nlen != sizeof(nonce) ||
		    decode_b64(stmt_col_text(q, 1), box, sizeof(box),
		    &blen) != 0 || blen < crypto_secretbox_MACBYTES)
			rc = ERR_INVAL;
	}
	stmt_finalize(q);
	if (rc < 0 && rc != ERR_INVAL)
		return rc;
	if (rc == STEP_DONE)
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy danh tính.");
	if (rc == ERR_INVAL || crypto_secretbox_open_easy(plain, box, blen,
	    nonce, keys) != 0)
		return err_set(e, ERR_INTERNAL, "internal", NULL,
		    "protected identity %lld does not open with this key",
		    (long long)id);
	plain[blen - crypto_secretbox_MACBYTES] = '\0';
	*identity = json_loads((const char *)plain, 0, NULL);
	sodium_memzero(plain, sizeof(plain));
	if (*identity == NULL)
		return err_set(e, ERR_INTERNAL, "internal", NULL,
		    "protected identity %lld is not JSON", (long long)id);
	return 0;
}

int
protect_person_hash(const char *name, const char *id_number,
    const char *address, char out[PROTECT_HASH_LEN], struct err *e)
{
	unsigned char h[32];
	char *fname = NULL, *fother = NULL;
	const char *other;
	crypto_generichash_state s;
	int rc;

	out[0] = '\0';
	if (keys == NULL)
		return key_missing(e);
	other = id_number != NULL && id_number[0] != '\0' ? id_number : address;
	if (name == NULL || name[0] == '\0' || other == NULL ||
	    other[0] == '\0')
		return 0;
	rc = text_fold(name, &fname);
	if (rc == 0)
		rc = text_fold(other, &fother);
	if (rc == 0) {
		crypto_generichash_init(&s, keys + KEY_LEN, KEY_LEN, sizeof(h));
		crypto_generichash_update(&s, (unsigned char *)fname,
		    strlen(fname) + 1);
		crypto_generichash_update(&s, (unsigned char *)fother,
		    strlen(fother) + 1);
		crypto_generichash_final(&s, h, sizeof(h));
		sodium_bin2hex(out, PROTECT_HASH_LEN, h, sizeof(h));
	} else {
		rc = err_set(e, rc, "invalid_field", "petitioner",
		    "Thông tin người gửi không hợp lệ.");
	}
	free(fname);
	free(fother);
	return rc;
}
