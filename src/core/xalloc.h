/*
 * xalloc.h - allocators that abort on system OOM.  No size a client
 * controls may reach them before it was checked against a limit.
 */
#ifndef CORE_XALLOC_H
#define CORE_XALLOC_H

#include <stdbool.h>
#include <stddef.h>

void	*xmalloc(size_t n);
void	*xcalloc(size_t nmemb, size_t size);
void	*xrealloc(void *p, size_t n);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);

static inline bool
size_add(size_t a, size_t b, size_t *out)
{
	return !__builtin_add_overflow(a, b, out);	/* false on overflow */
}

#endif
