/* err.c - error codes and detail. */
#include "core/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int
err_set(struct err *e, int code, const char *api_code, const char *field,
    const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return code;
	e->code = code;
	e->api_code = api_code;
	e->field = field;
	e->retry_after = 0;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return code;
}

void
err_clear(struct err *e)
{
	if (e != NULL)
		memset(e, 0, sizeof(*e));
}

const char *
err_name(int code)
{
	switch (code) {
	case ERR_NOMEM:		return "internal";
	case ERR_INVAL:		return "invalid_field";
	case ERR_NOTFOUND:	return "not_found";
	case ERR_EXISTS:	return "conflict";
	case ERR_AUTH:		return "unauthenticated";
	case ERR_PERM:		return "forbidden";
	case ERR_TOOBIG:	return "payload_too_large";
	case ERR_RANGE:		return "invalid_field";
	case ERR_THROTTLED:	return "too_many_attempts";
	case ERR_CSRF:		return "csrf_failed";
	case ERR_VERSION:	return "database_too_new";
	case ERR_METHOD:	return "method_not_allowed";
	case ERR_MEDIA:		return "unsupported_media_type";
	case ERR_UNAVAIL:	return "unavailable";
	default:		return "internal";
	}
}
