/* cli.h - the command-line interface: a table of subcommands. */
#ifndef CLI_CLI_H
#define CLI_CLI_H

int	cli_main(int argc, char **argv);

#endif
