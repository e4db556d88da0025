/* buf.c - capped builder with sticky error. */
#include "core/buf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/err.h"
#include "core/xalloc.h"

void
buf_init(struct buf *b, size_t max)
{
	memset(b, 0, sizeof(*b));
	b->max = max;
}

void
buf_release(struct buf *b)
{
	free(b->ptr);
	buf_init(b, b->max);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->error = 0;
	if (b->ptr != NULL)
		b->ptr[0] = '\0';
}

static int
buf_grow(struct buf *b, size_t extra)
{
	size_t need, ncap;

	if (b->error != 0)
		return -1;
	if (!size_add(b->len, extra, &need) || need > b->max) {
		b->error = ERR_TOOBIG;
		return -1;
	}
	if (need + 1 <= b->cap)
		return 0;
	ncap = b->cap < 64 ? 64 : b->cap;
	while (ncap < need + 1)
		ncap *= 2;
	b->ptr = xrealloc(b->ptr, ncap);
	b->cap = ncap;
	return 0;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (buf_grow(b, n) != 0)
		return;
	if (n > 0)
		memcpy(b->ptr + b->len, p, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void
buf_add_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_add_char(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_add_fmt(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || buf_grow(b, (size_t)n) != 0)
		return;
	va_start(ap, fmt);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *
buf_cstr(const struct buf *b)
{
	return b->ptr == NULL ? "" : b->ptr;
}

int
buf_error(const struct buf *b)
{
	return b->error;
}

char *
buf_detach(struct buf *b, size_t *len)
{
	char *p = b->ptr;

	if (p == NULL)
		p = xstrdup("");
	if (len != NULL)
		*len = b->len;
	b->ptr = NULL;
	buf_init(b, b->max);
	return p;
}
