/*
 * buf.h - growable, always NUL-terminated byte buffer with a hard cap and
 * a sticky error: an append that would pass the cap records ERR_TOOBIG,
 * keeps the contents, and turns later appends into no-ops.
 */
#ifndef CORE_BUF_H
#define CORE_BUF_H

#include <stddef.h>

struct buf {
	char	*ptr;
	size_t	 len;
	size_t	 cap;		/* allocated */
	size_t	 max;		/* hard limit on len */
	int	 error;		/* 0 or ERR_TOOBIG */
};

void		 buf_init(struct buf *b, size_t max);
void		 buf_release(struct buf *b);
void		 buf_reset(struct buf *b);
void		 buf_add(struct buf *b, const void *p, size_t n);
void		 buf_add_str(struct buf *b, const char *s);
void		 buf_add_char(struct buf *b, char c);
void		 buf_add_fmt(struct buf *b, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* Never NULL: "" when empty. Valid until the next append or release. */
const char	*buf_cstr(const struct buf *b);
int		 buf_error(const struct buf *b);
/* Hand the heap string to the caller (free with free()); b becomes empty. */
char		*buf_detach(struct buf *b, size_t *len);

#endif
