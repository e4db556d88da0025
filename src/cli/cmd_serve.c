/* cmd_serve.c - danvan serve. */
#include <stdio.h>

#include "cli/cmd.h"
#include "core/err.h"
#include "http/server.h"

int
cmd_serve(const struct cmd *c, int argc, char **argv)
{
	const char *threads = NULL, *idle = NULL, *max_age = NULL;
	struct server_conf conf;
	bool secure = false;
	struct opt opts[] = {
		{ "--db", &conf.db, NULL },
		{ "--listen", &conf.listen, NULL },
		{ "--web", &conf.web_dir, NULL },
		{ "--threads", &threads, NULL },
		{ "--session-idle", &idle, NULL },
		{ "--session-max", &max_age, NULL },
		{ "--secure-cookie", NULL, &secure },
		{ "--key-file", &conf.key_file, NULL },
		{ NULL, NULL, NULL }
	};
	struct err e = { 0 };
	long n;
	int rc;

	server_conf_default(&conf);
	if (opt_parse(c, argc, argv, opts, 1) != 0)
		return 2;
	if (conf.db == NULL) {
		fprintf(stderr, "danvan serve: --db is required\n");
		return 2;
	}
	if (threads != NULL) {
		if (opt_int("--threads", threads, 1, 64, &n) != 0)
			return 2;
		conf.threads = (int)n;
	}
	if (idle != NULL) {
		if (opt_int("--session-idle", idle, 1, 30 * 86400, &n) != 0)
			return 2;
		conf.session.idle = n;
	}
	if (max_age != NULL) {
		if (opt_int("--session-max", max_age, 1, 90 * 86400, &n) != 0)
			return 2;
		conf.session.max_age = n;
	}
	conf.secure_cookie = secure;
	if (cli_key(conf.db, conf.key_file, false, false) != 0)
		return 1;
	rc = server_run(&conf, &e);
	if (rc != 0)
		return cli_fail("serve", rc, &e);
	return 0;
}
