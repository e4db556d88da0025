/*
 * session.h - login sessions.  The browser holds a random 256-bit token in
 * an HttpOnly cookie; the database holds only its SHA-256.  Each session
 * has its own CSRF token.  Sessions end on logout, after an idle period,
 * after a maximum age, and when the user is disabled or changes password.
 * Login failures are counted per username and per client address and lock
 * further attempts for a while (throttling).
 */
#ifndef DOMAIN_SESSION_H
#define DOMAIN_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

#define SESSION_TOKEN_LEN	64	/* base64url of 32 bytes + NUL, rounded */

struct session_conf {
	int64_t	idle;		/* seconds without a request */
	int64_t	max_age;	/* seconds since login */
	int	user_failures;	/* failures per username before the lock */
	int	ip_failures;	/* failures per address before the lock */
	int64_t	window;		/* seconds over which failures count */
	int64_t	lock;		/* seconds locked */
};

struct session {
	int64_t		id;
	struct actor	actor;
	char		csrf[SESSION_TOKEN_LEN];
	json_t		*user;		/* owned: the user's JSON, by lookup */
	/* Set by session_lookup for session_maintain: */
	bool		touch_due;	/* last_seen should move on */
	bool		expired;	/* the row should go */
};

void	session_conf_default(struct session_conf *c);

/* Check the password and open a session.  On success token receives the
 * cookie value.  ERR_AUTH (bad_credentials) or ERR_THROTTLED (with
 * e->retry_after) otherwise. */
int	session_login(struct store *st, const struct session_conf *c,
	    const char *username, const char *password, const char *ip,
	    char token[SESSION_TOKEN_LEN], struct session *out, struct err *e);
/* Resolve a cookie token; reads only, so it can run inside a caller's read
 * transaction.  ERR_AUTH when unknown, expired or disabled.  Afterwards
 * (outside any read transaction) call session_maintain(). */
int	session_lookup(struct store *st, const struct session_conf *c,
	    const char *token, const char *ip, struct session *out,
	    struct err *e);
/* Write what session_lookup found due: move last_seen on (at most every
 * quarter of the idle period, at most once a minute) or delete an expired
 * session.  Failures are ignored: the next request tries again. */
void	session_maintain(struct store *st, const struct session *s);
/* Free what a session owns (the user JSON) and wipe it. */
void	session_release(struct session *s);
int	session_logout(struct store *st, const struct session *s,
	    struct err *e);

#endif
