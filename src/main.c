/* main.c - danvan: one binary for the server, migrations and admin tasks. */
#include "cli/cli.h"

int
main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
