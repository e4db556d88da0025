/* session.c - login, session lookup, logout and login throttling. */
#include "domain/session.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/clock.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "domain/audit.h"
#include "domain/user.h"
#include "store/store.h"

void
session_conf_default(struct session_conf *c)
{
	c->idle = 2 * 3600;
	c->max_age = 12 * 3600;
	c->user_failures = 5;
	c->ip_failures = 30;
	c->window = 15 * 60;
	c->lock = 15 * 60;
}

static void
random_token(char out[SESSION_TOKEN_LEN])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, SESSION_TOKEN_LEN, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

static void
token_hash(const char *token, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, 65, h, sizeof(h));
}

/* Seconds left on a lock for key, 0 when not locked. */
static int
throttle_remaining(struct store *st, const char *key, int64_t now,
    int64_t *left, struct err *e)
{
	struct stmt *q;
	int rc;

	*left = 0;
	rc = store_prepare(st, "SELECT locked_until FROM login_attempts"
	    " WHERE key = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, key);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW && stmt_col_int(q, 0) > now)
		*left = stmt_col_int(q, 0) - now;
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static int
throttle_fail(struct store *st, const char *key, int limit, int64_t window,
    int64_t lock, int64_t now, struct err *e)
{
	int64_t failures = 0, first = now;
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "SELECT failures, first_at FROM login_attempts"
	    " WHERE key = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, key);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW && stmt_col_int(q, 1) > now - window) {
		failures = stmt_col_int(q, 0);
		first = stmt_col_int(q, 1);
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	failures++;
	rc = store_prepare(st, "INSERT INTO login_attempts (key, failures,"
	    " first_at, locked_until) VALUES (?, ?, ?, ?) ON CONFLICT (key)"
	    " DO UPDATE SET failures = excluded.failures,"
	    " first_at = excluded.first_at,"
	    " locked_until = excluded.locked_until", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, key);
	stmt_bind_int(q, 2, failures);
	stmt_bind_int(q, 3, first);
	stmt_bind_int(q, 4, failures >= limit ? now + lock : 0);
	rc = stmt_step(q, e);
	stmt_finalize(q);
	return rc;
}

static int
throttle_clear(struct store *st, const char *key, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "DELETE FROM login_attempts WHERE key = ?", &q,
	    e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, key);
	rc = stmt_step(q, e);
	stmt_finalize(q);
	return rc;
}

static const char SQL_LOGIN_USER[] =
    "SELECT id, role, unit_structure, unit_code, unit_path, password_hash,"
    " disabled FROM users WHERE username = ?";

/* A hash to verify against when the user does not exist, so that the
 * answer takes as long as for a real user. */
static char dummy[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void
dummy_make(void)
{
	if (crypto_pwhash_str(dummy, "danvan-dummy-password", 21,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		dummy[0] = '\0';
}

static const char *
dummy_hash(void)
{
	pthread_once(&dummy_once, dummy_make);
	return dummy;
}

/* Columns base.. : id, role, unit_structure, unit_code, unit_path. */
static void
fill_actor(struct actor *a, struct stmt *q, int base, const char *username,
    const char *ip)
{
	memset(a, 0, sizeof(*a));
	a->user_id = stmt_col_int(q, base);
	snprintf(a->username, sizeof(a->username), "%s", username);
	a->role = role_parse(stmt_col_text(q, base + 1));
	if (!stmt_col_is_null(q, base + 2)) {
		a->scope_structure = (int)stmt_col_int(q, base + 2);
		snprintf(a->scope_code, sizeof(a->scope_code), "%s",
		    stmt_col_text(q, base + 3));
		snprintf(a->scope_path, sizeof(a->scope_path), "%s",
		    stmt_col_text(q, base + 4));
	}
	snprintf(a->ip, sizeof(a->ip), "%s", ip);
}

static int
create_session(struct store *st, struct session *s, char *token,
    struct err *e)
{
	char th[65];
	struct stmt *q;
	int64_t now = clock_now();
	int rc;

	random_token(token);
	random_token(s->csrf);
	token_hash(token, th);
	rc = store_prepare(st, "INSERT INTO sessions (token_hash, user_id,"
	    " csrf_token, created_at, last_seen) VALUES (?, ?, ?, ?, ?)"
	    " RETURNING id", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, th);
	stmt_bind_int(q, 2, s->actor.user_id);
	stmt_bind_text(q, 3, s->csrf);
	stmt_bind_int(q, 4, now);
	stmt_bind_int(q, 5, now);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW)
		s->id = stmt_col_int(q, 0);
	stmt_finalize(q);
	return rc == STEP_ROW ? 0 : (rc < 0 ? rc : ERR_INTERNAL);
}

static int
bad_credentials(struct err *e)
{
	return err_set(e, ERR_AUTH, "bad_credentials", NULL,
	    "Tên đăng nhập hoặc mật khẩu không đúng.");
}

int
session_login(struct store *st, const struct session_conf *c,
    const char *username, const char *password, const char *ip,
    char token[SESSION_TOKEN_LEN], struct session *out, struct err *e)
{
	char ukey[96], ikey[64], name[72], *hash = NULL;
	struct audit_entry ent;
	struct stmt *q;
	int64_t now = clock_now(), left_u, left_i;
	bool ok, disabled = false;
	int rc;

	/* Usernames are lower case; people type them as they like. */
	snprintf(name, sizeof(name), "%s", username);
	for (char *p = name; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	username = name;
	snprintf(ukey, sizeof(ukey), "u:%s", username);
	snprintf(ikey, sizeof(ikey), "ip:%s", ip);
	rc = throttle_remaining(st, ukey, now, &left_u, e);
	if (rc == 0)
		rc = throttle_remaining(st, ikey, now, &left_i, e);
	if (rc != 0)
		return rc;
	if (left_u > 0 || left_i > 0) {
		rc = err_set(e, ERR_THROTTLED, "too_many_attempts", NULL,
		    "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau %lld "
		    "phút.", (long long)((left_u > left_i ? left_u : left_i) +
		    59) / 60);
		if (e != NULL)
			e->retry_after = (int)(left_u > left_i ? left_u : left_i);
		return rc;
	}
	memset(out, 0, sizeof(*out));
	rc = store_prepare(st, SQL_LOGIN_USER, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, username);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		hash = xstrdup(stmt_col_text(q, 5));
		disabled = stmt_col_int(q, 6) != 0;
		fill_actor(&out->actor, q, 0, username, ip);
	}
	stmt_finalize(q);
	if (rc < 0) {
		free(hash);
		return rc;
	}
	ok = password_verify(hash != NULL ? hash : dummy_hash(), password) &&
	    hash != NULL && !disabled && (int)out->actor.role >= 0;
	free(hash);
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	if (!ok) {
		rc = throttle_fail(st, ukey, c->user_failures, c->window,
		    c->lock, now, e);
		if (rc == 0)
			rc = throttle_fail(st, ikey, c->ip_failures, c->window,
			    c->lock, now, e);
		if (rc == 0)
			rc = store_commit(st, e);
		else
			store_rollback(st);
		return rc != 0 ? rc : bad_credentials(e);
	}
	rc = throttle_clear(st, ukey, e);
	if (rc == 0)
		rc = create_session(st, out, token, e);
	if (rc == 0) {
		ent = (struct audit_entry){ "login", "session", out->id,
		    out->actor.scope_structure, out->actor.scope_code,
		    out->actor.scope_path, NULL, NULL };
		rc = audit_record(st, &out->actor, &ent, e);
	}
	if (rc == 0)
		rc = store_commit(st, e);
	else
		store_rollback(st);
	return rc;
}

/* Columns 4.. are USER_COLS: id 4, username 5, role 7, unit_structure 8,
 * unit_code 9, disabled 11, unit_path 13. */
static const char SQL_SESSION_LOOKUP[] =
    "SELECT s.id, s.csrf_token, s.created_at, s.last_seen, " USER_COLS
    " FROM sessions s JOIN users u ON u.id = s.user_id" USER_JOIN_UNIT
    " WHERE s.token_hash = ?";

static int
session_delete(struct store *st, int64_t id, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "DELETE FROM sessions WHERE id = ?", &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, id);
	rc = stmt_step(q, e);
	stmt_finalize(q);
	return rc;
}

static int
session_touch(struct store *st, int64_t id, int64_t now, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = store_prepare(st, "UPDATE sessions SET last_seen = ? WHERE id = ?",
	    &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, now);
	stmt_bind_int(q, 2, id);
	rc = stmt_step(q, e);
	stmt_finalize(q);
	return rc;
}

int
session_lookup(struct store *st, const struct session_conf *c,
    const char *token, const char *ip, struct session *out, struct err *e)
{
	int64_t now = clock_now(), created, seen, gran;
	char th[65];
	struct stmt *q;
	bool dead;
	int rc;

	memset(out, 0, sizeof(*out));
	token_hash(token, th);
	rc = store_prepare(st, SQL_SESSION_LOOKUP, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, th);
	rc = stmt_step(q, e);
	if (rc != STEP_ROW) {
		stmt_finalize(q);
		return rc < 0 ? rc : ERR_AUTH;
	}
	out->id = stmt_col_int(q, 0);
	snprintf(out->csrf, sizeof(out->csrf), "%s", stmt_col_text(q, 1));
	created = stmt_col_int(q, 2);
	seen = stmt_col_int(q, 3);
	dead = stmt_col_int(q, 11) != 0 || now - seen > c->idle ||
	    now - created > c->max_age;
	memset(&out->actor, 0, sizeof(out->actor));
	out->actor.user_id = stmt_col_int(q, 4);
	snprintf(out->actor.username, sizeof(out->actor.username), "%s",
	    stmt_col_text(q, 5));
	out->actor.role = role_parse(stmt_col_text(q, 7));
	if (!stmt_col_is_null(q, 8)) {
		out->actor.scope_structure = (int)stmt_col_int(q, 8);
		snprintf(out->actor.scope_code, sizeof(out->actor.scope_code),
		    "%s", stmt_col_text(q, 9));
		snprintf(out->actor.scope_path, sizeof(out->actor.scope_path),
		    "%s", stmt_col_text(q, 13));
	}
	snprintf(out->actor.ip, sizeof(out->actor.ip), "%s", ip);
	if (!dead)
		out->user = user_row_json(q, 4);
	stmt_finalize(q);
	if (dead || (int)out->actor.role < 0) {
		out->expired = true;
		return ERR_AUTH;
	}
	/* Touch at most every quarter of the idle period (and at most once a
	 * minute) to keep most reads free of writes. */
	gran = c->idle / 4 < 60 ? c->idle / 4 : 60;
	out->touch_due = now - seen >= gran && now != seen;
	return 0;
}

void
session_release(struct session *s)
{
	json_decref(s->user);
	sodium_memzero(s, sizeof(*s));
}

void
session_maintain(struct store *st, const struct session *s)
{
	if (s->expired)
		(void)session_delete(st, s->id, NULL);
	else if (s->touch_due)
		(void)session_touch(st, s->id, clock_now(), NULL);
}

int
session_logout(struct store *st, const struct session *s, struct err *e)
{
	struct audit_entry ent;
	int rc;

	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	rc = session_delete(st, s->id, e);
	if (rc == 0) {
		ent = (struct audit_entry){ "logout", "session", s->id,
		    s->actor.scope_structure, s->actor.scope_code,
		    s->actor.scope_path, NULL, NULL };
		rc = audit_record(st, &s->actor, &ent, e);
	}
	if (rc == 0)
		rc = store_commit(st, e);
	else
		store_rollback(st);
	return rc;
}
