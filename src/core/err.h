/*
 * err.h - the one error convention: functions return 0 (or a count) on
 * success and a negative ERR_* code on failure.  Detail for the caller
 * travels in an optional struct err passed last.
 */
#ifndef CORE_ERR_H
#define CORE_ERR_H

#include <stddef.h>

enum {
	ERR_NOMEM = -1,
	ERR_INVAL = -2,		/* malformed or out-of-range input */
	ERR_NOTFOUND = -3,
	ERR_EXISTS = -4,	/* uniqueness conflict */
	ERR_AUTH = -5,		/* not authenticated */
	ERR_PERM = -6,		/* authenticated but not allowed */
	ERR_TOOBIG = -7,	/* a configured limit was reached */
	ERR_RANGE = -8,
	ERR_IO = -9,
	ERR_DB = -10,
	ERR_INTERNAL = -11,	/* a bug: never expected */
	ERR_THROTTLED = -12,	/* too many attempts */
	ERR_CSRF = -13,
	ERR_VERSION = -14,	/* database newer than this program */
	ERR_METHOD = -15,	/* HTTP method not allowed */
	ERR_MEDIA = -16,	/* unsupported media type */
	ERR_UNAVAIL = -17,	/* a configured part is missing (e.g. a key) */
};

struct err {
	int		 code;
	const char	*api_code;	/* stable machine code, e.g. "too_long" */
	const char	*field;		/* offending input field, or NULL */
	char		 msg[256];	/* Vietnamese for the client, or detail */
	int		 retry_after;	/* seconds, for ERR_THROTTLED */
};

/*
 * Fill *e (if not NULL) and return code.  api_code is a static string;
 * field must outlive e (a static string or a field-table name).
 */
int		 err_set(struct err *e, int code, const char *api_code,
		    const char *field, const char *fmt, ...)
		    __attribute__((format(printf, 5, 6)));
void		 err_clear(struct err *e);
/* Stable default machine code for an ERR_* value ("not_found", ...). */
const char	*err_name(int code);

#endif
