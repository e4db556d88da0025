/*
 * test_protect.c - sealed identities (domain/protect.h) on a real SQLite
 * file, and the public pages' abuse limiter (http/ratelimit.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/err.h"
#include "domain/protect.h"
#include "http/ratelimit.h"
#include "store/migrate.h"
#include "store/store.h"

struct fx {
	struct store	*st;
	char		 dir[64], db[96], key[96], key2[96];
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct err e = { 0 };
	bool created;
	int applied;

	if (f == NULL || sodium_init() < 0)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/danvan-protect-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->db, sizeof(f->db), "%s/t.db", f->dir);
	snprintf(f->key, sizeof(f->key), "%s/t.db.key", f->dir);
	snprintf(f->key2, sizeof(f->key2), "%s/other.key", f->dir);
	if (store_open(f->db, &f->st, &e) != 0 ||
	    migrate_run(f->st, &applied, &e) != 0 ||
	    protect_key_create(f->key, &created, &e) != 0 || !created ||
	    protect_key_create(f->key2, &created, &e) != 0)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;
	char p[160];

	protect_key_unload();
	store_close(f->st);
	unlink(f->key);
	unlink(f->key2);
	snprintf(p, sizeof(p), "%s-wal", f->db);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", f->db);
	unlink(p);
	unlink(f->db);
	rmdir(f->dir);
	free(f);
	return 0;
}

static void
test_seal_open(void **state)
{
	struct fx *f = *state;
	struct err e = { 0 };
	json_t *who, *back = NULL;
	struct stmt *q;
	int64_t id = 0;

	/* without a key nothing is sealed */
	who = json_pack("{s:s, s:s}", "name", "Nguyễn Thị Tố", "address",
	    "Tổ 5");
	assert_int_equal(protect_seal(f->st, who, &id, &e), ERR_UNAVAIL);
	assert_string_equal(e.api_code, "key_missing");
	assert_int_equal(protect_key_load(f->key, &e), 0);
	assert_int_equal(protect_seal(f->st, who, &id, &e), 0);
	assert_true(id > 0);
	assert_int_equal(protect_open(f->st, id, &back, &e), 0);
	assert_true(json_equal(who, back));
	json_decref(back);
	/* the row holds no plain text */
	assert_int_equal(store_prepare(f->st, "SELECT box FROM"
	    " protected_identities WHERE id = ?", &q, &e), 0);
	stmt_bind_int(q, 1, id);
	assert_int_equal(stmt_step(q, &e), STEP_ROW);
	assert_null(strstr(stmt_col_text(q, 0), "Nguy"));
	stmt_finalize(q);
	/* another key does not open it */
	assert_int_equal(protect_key_load(f->key2, &e), 0);
	assert_int_not_equal(protect_open(f->st, id, &back, &e), 0);
	assert_null(back);
	assert_int_equal(protect_open(f->st, id + 100, &back, &e),
	    ERR_NOTFOUND);
	json_decref(who);
}

static void
test_person_hash(void **state)
{
	struct fx *f = *state;
	char a[PROTECT_HASH_LEN], b[PROTECT_HASH_LEN], c[PROTECT_HASH_LEN];
	struct err e = { 0 };

	assert_int_equal(protect_key_load(f->key, &e), 0);
	/* case, tone marks and đ/d do not matter; the id number wins over
	 * the address */
	assert_int_equal(protect_person_hash("Đỗ Văn Hoà", "025123456789",
	    "Tổ 1", a, &e), 0);
	assert_int_equal(protect_person_hash("do van hoa", "025123456789",
	    "Tổ 9", b, &e), 0);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), 64);
	assert_int_equal(protect_person_hash("Đỗ Văn Hòa", NULL, "Tổ 1", c,
	    &e), 0);
	assert_string_not_equal(a, c);
	/* too little to compare: empty */
	assert_int_equal(protect_person_hash("Đỗ Văn Hòa", NULL, NULL, c, &e),
	    0);
	assert_string_equal(c, "");
	/* keyed: another key gives another hash */
	assert_int_equal(protect_key_load(f->key2, &e), 0);
	assert_int_equal(protect_person_hash("Đỗ Văn Hoà", "025123456789",
	    NULL, b, &e), 0);
	assert_string_not_equal(a, b);
}

static void
test_key_file(void **state)
{
	struct fx *f = *state;
	char path[160];
	struct err e = { 0 };
	bool created = true;
	FILE *fp;

	/* an existing key is never overwritten */
	assert_int_equal(protect_key_create(f->key, &created, &e), 0);
	assert_false(created);
	snprintf(path, sizeof(path), "%s/short.key", f->dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("short", fp);
	fclose(fp);
	assert_int_equal(protect_key_load(path, &e), ERR_INVAL);
	unlink(path);
	assert_int_equal(protect_default_key_path("/var/d.db", path,
	    sizeof(path)), 0);
	assert_string_equal(path, "/var/d.db.key");
	assert_int_not_equal(protect_default_key_path("postgresql:///x", path,
	    sizeof(path)), 0);
}

static void
test_ratelimit(void **state)
{
	int retry = -1;

	(void)state;
	ratelimit_reset();
	for (int i = 0; i < 3; i++)
		assert_true(ratelimit_hit("submit", "10.0.0.1", 3, 3600, 1000,
		    &retry));
	assert_false(ratelimit_hit("submit", "10.0.0.1", 3, 3600, 1010,
	    &retry));
	assert_int_equal(retry, 3590);
	/* other clients and other kinds are counted apart */
	assert_true(ratelimit_hit("submit", "10.0.0.2", 3, 3600, 1010, &retry));
	assert_true(ratelimit_hit("track", "10.0.0.1", 3, 600, 1010, &retry));
	/* a new window starts afresh */
	assert_true(ratelimit_hit("submit", "10.0.0.1", 3, 3600, 4600, &retry));
	/* many clients: the table stays bounded and keeps working */
	for (int i = 0; i < 20000; i++) {
		char ip[32];

		snprintf(ip, sizeof(ip), "10.1.%d.%d", i / 256, i % 256);
		assert_true(ratelimit_hit("submit", ip, 1, 60, 5000, &retry));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seal_open),
		cmocka_unit_test(test_person_hash),
		cmocka_unit_test(test_key_file),
		cmocka_unit_test(test_ratelimit),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
