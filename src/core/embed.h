/*
 * embed.h - files compiled into the binary at build time (tools/embed.c):
 * the SQL migrations and the administrative-unit CSV files.
 */
#ifndef CORE_EMBED_H
#define CORE_EMBED_H

#include <stddef.h>

struct embedded_file {
	const char		*path;	/* path in the source tree */
	const unsigned char	*data;	/* NUL-terminated */
	size_t			 len;
};

/* Terminated by an entry whose path is NULL. */
extern const struct embedded_file embedded_files[];

/* The file whose path is path, or NULL. */
const struct embedded_file *embed_find(const char *path);

#endif
