/*
 * cli.c - subcommand table, option parsing and the small commands
 * (migrate, user add|list|disable, demo).  serve is in cmd_serve.c.
 */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "cli/cmd.h"
#include "core/err.h"
#include "core/log.h"
#include "core/text.h"
#include "domain/org.h"
#include "domain/unit.h"
#include "domain/user.h"
#include "domain/protect.h"
#include "store/migrate.h"
#include "store/store.h"

static const struct cmd commands[] = {
	{ "serve", cmd_serve,
	  "serve --db DB [--listen HOST:PORT] [--web DIR] [--threads N]\n"
	  "      [--session-idle SECONDS] [--session-max SECONDS] [--secure-cookie]\n"
	  "      [--key-file FILE]",
	  "Serve the JSON API and the web interface (default 127.0.0.1:8080).\n"
	  "The key file (default DB.key for SQLite) opens denouncers' identities." },
	{ "migrate", cmd_migrate, "migrate --db DB [--key-file FILE]",
	  "Create or upgrade the database schema and load the administrative\n"
	  "units (2024 and 2025 structures and the 2025 mapping) when absent.\n"
	  "Creates the identity key file (default DB.key for SQLite) when missing." },
	{ "user", cmd_user,
	  "user add --db DB --username NAME --role ROLE [--unit CODE]\n"
	  "         [--structure 2024|2025] [--full-name NAME] --password-stdin\n"
	  "user list --db DB\n"
	  "user disable --db DB --username NAME",
	  "Manage users.  ROLE: sysadmin, unit_admin, leader, officer, viewer.\n"
	  "--unit is required for every role but sysadmin (structure default 2025)." },
	{ "demo", cmd_demo, "demo --db DB",
	  "Add a small demo data set: organisations and users of a province\n"
	  "and two communes (password of every demo user: demo-password-1)." },
	{ "import", cmd_import,
	  "import petitions --db DB --org ID [--format csv|xlsx] [--key-file FILE] FILE",
	  "Load a petition register (CSV or XLSX; columns in docs/import.md)\n"
	  "into organisation ID.  All or nothing: every bad row is listed with\n"
	  "its line and reason, and nothing is written unless all rows are good." },
	{ "report", cmd_report,
	  "report --db DB --unit CODE [--structure 2024|2025] --period PERIOD\n"
	  "       [--format docx|xlsx|html] --out FILE [--template CODE]\n"
	  "       [--cutoff-day N]",
	  "Write the periodic report of a unit's subtree for PERIOD (2023,\n"
	  "2023-H1, 2023-Q3, 2023-06, 2023-9M or 2023-01-01..2023-06-30) from\n"
	  "the recorded data: DOCX in the official layout (default), the XLSX\n"
	  "annex of its tables or HTML.  TEMPLATE defaults to dan_van; the data\n"
	  "cut-off day defaults to the template's (15: the 15th to the 14th).\n"
	  "Figures without data are written \"…\" and listed on stderr." },
	{ NULL, NULL, NULL, NULL }
};

static void
usage(FILE *f)
{
	fprintf(f, "usage: danvan COMMAND [OPTIONS]\n\n"
	    "danvan - hệ thống thông tin công tác dân vận.\n\n"
	    "Commands:\n");
	for (const struct cmd *c = commands; c->name != NULL; c++)
		fprintf(f, "  %-8s %s\n", c->name, c->summary);
	fprintf(f, "\nDB is a SQLite file path or a postgresql:// URI.\n"
	    "Run 'danvan COMMAND --help' for a command's options.\n");
}

void
cmd_usage(const struct cmd *c, FILE *f)
{
	fprintf(f, "usage: danvan %s\n\n%s\n", c->usage, c->help);
}

static const struct cmd *
cmd_find(const char *name)
{
	for (const struct cmd *c = commands; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

int
cli_main(int argc, char **argv)
{
	const struct cmd *c;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	c = cmd_find(argv[1]);
	if (c == NULL) {
		fprintf(stderr, "danvan: unknown command '%s'\n", argv[1]);
		usage(stderr);
		return 2;
	}
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cmd_usage(c, stdout);
			return 0;
		}
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "danvan: libsodium failed to initialise\n");
		return 1;
	}
	return c->fn(c, argc - 1, argv + 1);
}

/* ---- option parsing shared by the commands ----------------------------- */

int
opt_parse(const struct cmd *c, int argc, char **argv, struct opt *opts,
    int first)
{
	for (int i = first; i < argc; i++) {
		struct opt *o;

		for (o = opts; o->name != NULL; o++)
			if (strcmp(argv[i], o->name) == 0)
				break;
		if (o->name == NULL) {
			fprintf(stderr, "danvan %s: unknown option '%s'\n",
			    c->name, argv[i]);
			cmd_usage(c, stderr);
			return -1;
		}
		if (o->flag != NULL) {
			*o->flag = true;
			continue;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "danvan %s: %s needs a value\n",
			    c->name, o->name);
			return -1;
		}
		*o->value = argv[++i];
	}
	return 0;
}

int
opt_int(const char *name, const char *v, long min, long max, long *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || *end != '\0' || end == v || n < min || n > max) {
		fprintf(stderr, "danvan: %s must be a number from %ld to %ld\n",
		    name, min, max);
		return -1;
	}
	*out = n;
	return 0;
}

int
cli_fail(const char *what, int rc, const struct err *e)
{
	fprintf(stderr, "danvan: %s: %s\n", what,
	    e->msg[0] != '\0' ? e->msg : err_name(rc));
	return 1;
}

int
cli_open(const char *db, struct store **st, struct err *e)
{
	if (db == NULL) {
		fprintf(stderr, "danvan: --db is required\n");
		return -1;
	}
	if (store_open(db, st, e) != 0)
		return cli_fail("open database", ERR_DB, e);
	return 0;
}

/* ---- migrate ----------------------------------------------------------- */

int
cli_key(const char *db, const char *key_file, bool create, bool required)
{
	char path[4096];
	struct err e = { 0 };
	bool created = false;

	if (key_file == NULL) {
		if (protect_default_key_path(db, path, sizeof(path)) != 0) {
			if (!required)
				return 0;
			fprintf(stderr, "danvan: --key-file is required with"
			    " a PostgreSQL database\n");
			return ERR_INVAL;
		}
		key_file = path;
	}
	if (create && protect_key_create(key_file, &created, &e) != 0)
		return cli_fail("key", e.code, &e);
	if (created)
		printf("created key file %s (keep it safe: it opens the"
		    " protected identities)\n", key_file);
	if (protect_key_load(key_file, &e) != 0) {
		if (!required) {
			fprintf(stderr, "danvan: warning: %s; protected"
			    " identities are unavailable\n", e.msg);
			return 0;
		}
		return cli_fail("key", e.code, &e);
	}
	return 0;
}

int
cmd_migrate(const struct cmd *c, int argc, char **argv)
{
	const char *db = NULL, *key = NULL;
	struct opt opts[] = { { "--db", &db, NULL }, { "--key-file", &key, NULL },
	    { NULL, NULL, NULL } };
	struct store *st = NULL;
	struct err e = { 0 };
	int64_t loaded = 0;
	int applied = 0, rc;

	if (opt_parse(c, argc, argv, opts, 1) != 0)
		return 2;
	if (cli_open(db, &st, &e) != 0)
		return 1;
	if (cli_key(db, key, true, false) != 0) {
		store_close(st);
		return 1;
	}
	rc = migrate_run(st, &applied, &e);
	if (rc == 0)
		rc = unit_load_embedded(st, &loaded, &e);
	if (rc != 0) {
		store_close(st);
		return cli_fail("migrate", rc, &e);
	}
	printf("schema at version %d (%d migration(s) applied)\n",
	    migrate_known_version(st), applied);
	if (loaded > 0)
		printf("loaded %lld administrative units\n", (long long)loaded);
	store_close(st);
	return 0;
}

/* ---- user ------------------------------------------------------------ */

static int
read_password(char *pw, size_t size)
{
	size_t n;

	if (fgets(pw, (int)size, stdin) == NULL) {
		fprintf(stderr, "danvan: no password on standard input\n");
		return -1;
	}
	n = strlen(pw);
	while (n > 0 && (pw[n - 1] == '\n' || pw[n - 1] == '\r'))
		pw[--n] = '\0';
	return 0;
}

static int
user_add(const struct cmd *c, struct store *st, int argc, char **argv)
{
	const char *db = NULL, *username = NULL, *role = NULL, *unit = NULL;
	const char *structure = "2025", *full_name = NULL;
	bool pw_stdin = false;
	struct opt opts[] = {
		{ "--db", &db, NULL }, { "--username", &username, NULL },
		{ "--role", &role, NULL }, { "--unit", &unit, NULL },
		{ "--structure", &structure, NULL },
		{ "--full-name", &full_name, NULL },
		{ "--password-stdin", NULL, &pw_stdin },
		{ NULL, NULL, NULL }
	};
	struct user_input in;
	struct actor cli;
	struct err e = { 0 };
	json_t *out = NULL;
	char pw[PASSWORD_MAX + 2], *nfc = NULL;
	long s = 2025;
	int rc;

	(void)st;
	if (opt_parse(c, argc, argv, opts, 2) != 0)
		return 2;
	if (username == NULL || role == NULL || !pw_stdin) {
		fprintf(stderr, "danvan user add: --username, --role and "
		    "--password-stdin are required\n");
		return 2;
	}
	if (opt_int("--structure", structure, 2024, 2025, &s) != 0)
		return 2;
	if (read_password(pw, sizeof(pw)) != 0)
		return 2;
	if (full_name != NULL && text_nfc(full_name, strlen(full_name), &nfc)
	    != 0) {
		fprintf(stderr, "danvan: --full-name is not valid UTF-8\n");
		return 2;
	}
	memset(&in, 0, sizeof(in));
	in.username = username;
	in.full_name = nfc != NULL ? nfc : username;
	in.password = pw;
	in.role = role;
	if (unit != NULL) {
		in.unit.set = true;
		in.unit.structure = (int)s;
		snprintf(in.unit.code, sizeof(in.unit.code), "%s", unit);
	}
	if (cli_open(db, &st, &e) != 0) {
		free(nfc);
		return 1;
	}
	actor_init_cli(&cli);
	rc = user_create(st, &cli, &in, &out, &e);
	sodium_memzero(pw, sizeof(pw));
	free(nfc);
	store_close(st);
	if (rc != 0)
		return cli_fail("user add", rc, &e);
	printf("user %s created (id %lld, role %s)\n", username,
	    (long long)json_integer_value(json_object_get(out, "id")), role);
	json_decref(out);
	return 0;
}

static int
user_list_cmd(const struct cmd *c, int argc, char **argv)
{
	const char *db = NULL;
	struct opt opts[] = { { "--db", &db, NULL }, { NULL, NULL, NULL } };
	struct store *st = NULL;
	struct err e = { 0 };
	json_t *out = NULL, *u, *unit;
	size_t i;
	int rc;

	if (opt_parse(c, argc, argv, opts, 2) != 0)
		return 2;
	if (cli_open(db, &st, &e) != 0)
		return 1;
	rc = user_list_all(st, &out, &e);
	store_close(st);
	if (rc != 0)
		return cli_fail("user list", rc, &e);
	printf("%-6s %-24s %-12s %-9s %s\n", "ID", "USERNAME", "ROLE",
	    "STATE", "UNIT");
	json_array_foreach(json_object_get(out, "items"), i, u) {
		unit = json_object_get(u, "unit");
		if (!json_is_object(unit))
			unit = NULL;
		printf("%-6lld %-24s %-12s %-9s %s%s%s\n",
		    (long long)json_integer_value(json_object_get(u, "id")),
		    json_string_value(json_object_get(u, "username")),
		    json_string_value(json_object_get(u, "role")),
		    json_is_true(json_object_get(u, "disabled")) ? "disabled" :
		    "active", unit ? json_string_value(json_object_get(unit,
		    "code")) : "-", unit ? " " : "", unit ?
		    json_string_value(json_object_get(unit, "name")) : "");
	}
	json_decref(out);
	return 0;
}

static int
user_disable_cmd(const struct cmd *c, int argc, char **argv)
{
	const char *db = NULL, *username = NULL;
	struct opt opts[] = { { "--db", &db, NULL },
	    { "--username", &username, NULL }, { NULL, NULL, NULL } };
	struct store *st = NULL;
	struct actor cli;
	struct err e = { 0 };
	int rc;

	if (opt_parse(c, argc, argv, opts, 2) != 0)
		return 2;
	if (username == NULL) {
		fprintf(stderr, "danvan user disable: --username is required\n");
		return 2;
	}
	if (cli_open(db, &st, &e) != 0)
		return 1;
	actor_init_cli(&cli);
	rc = user_disable_by_name(st, &cli, username, &e);
	store_close(st);
	if (rc != 0)
		return cli_fail("user disable", rc, &e);
	printf("user %s disabled\n", username);
	return 0;
}

int
cmd_user(const struct cmd *c, int argc, char **argv)
{
	if (argc < 2) {
		cmd_usage(c, stderr);
		return 2;
	}
	if (strcmp(argv[1], "add") == 0)
		return user_add(c, NULL, argc, argv);
	if (strcmp(argv[1], "list") == 0)
		return user_list_cmd(c, argc, argv);
	if (strcmp(argv[1], "disable") == 0)
		return user_disable_cmd(c, argc, argv);
	fprintf(stderr, "danvan user: unknown subcommand '%s'\n", argv[1]);
	cmd_usage(c, stderr);
	return 2;
}
