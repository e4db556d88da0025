/*
 * server.h - the HTTP server: libmicrohttpd with an internal thread pool,
 * a pool of store connections, the route table and static files.
 */
#ifndef HTTP_SERVER_H
#define HTTP_SERVER_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/session.h"

struct err;

struct server_conf {
	const char		*db;		/* DSN */
	const char		*listen;	/* "HOST:PORT" */
	const char		*web_dir;	/* built front end */
	int			 threads;
	size_t			 body_max;	/* JSON bodies */
	size_t			 upload_max;	/* R_UPLOAD routes */
	const char		*key_file;	/* protected identities */
	bool			 secure_cookie;
	struct session_conf	 session;
};

void	server_conf_default(struct server_conf *c);
/* Run until SIGINT/SIGTERM.  Returns 0 or an ERR_* code (detail in e). */
int	server_run(const struct server_conf *c, struct err *e);

#endif
