/* cmd.h - what the subcommand files share. */
#ifndef CLI_CMD_H
#define CLI_CMD_H

#include <stdbool.h>
#include <stdio.h>

struct err;
struct store;

struct cmd {
	const char	*name;
	int		(*fn)(const struct cmd *c, int argc, char **argv);
	const char	*usage;
	const char	*help;
};

#define summary help

/* An option: a value option sets *value, a flag option sets *flag. */
struct opt {
	const char	 *name;
	const char	**value;
	bool		 *flag;
};

void	cmd_usage(const struct cmd *c, FILE *f);
int	opt_parse(const struct cmd *c, int argc, char **argv,
	    struct opt *opts, int first);
int	opt_int(const char *name, const char *v, long min, long max,
	    long *out);
int	cli_open(const char *db, struct store **st, struct err *e);
int	cli_fail(const char *what, int rc, const struct err *e);
/* The key file for protected identities: key_file if given, else the
 * default beside a SQLite database; load it (create when asked). */
int	cli_key(const char *db, const char *key_file, bool create,
	    bool required);

int	cmd_serve(const struct cmd *c, int argc, char **argv);
int	cmd_migrate(const struct cmd *c, int argc, char **argv);
int	cmd_report(const struct cmd *c, int argc, char **argv);
int	cmd_user(const struct cmd *c, int argc, char **argv);
int	cmd_demo(const struct cmd *c, int argc, char **argv);
int	cmd_import(const struct cmd *c, int argc, char **argv);

#endif
