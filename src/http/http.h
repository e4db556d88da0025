/*
 * http.h - what route handlers see: the request, its session, the store
 * connection it holds, and where to put the answer.  Handlers return 0 with
 * r->out set (and r->status when not 200), or an ERR_* code with r->err
 * filled; the router renders every error through one table.
 */
#ifndef HTTP_HTTP_H
#define HTTP_HTTP_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "core/buf.h"
#include "core/err.h"
#include "domain/session.h"
#include "http/jbind.h"

struct MHD_Connection;
struct server;
struct store;

#define REQ_PARAMS	2

struct req {
	struct server		*srv;
	struct MHD_Connection	*conn;
	const char		*method;
	char			*url;
	char			 ip[48];
	struct buf		 body;
	size_t			 body_max;
	bool			 body_too_big;
	json_t			*body_json;	/* parsed on demand */
	struct jbind_strings	 strings;
	struct store		*st;
	bool			 authed;
	struct session		 sess;
	const char		*params[REQ_PARAMS];
	char			 param_buf[REQ_PARAMS][64];
	int			 status;
	json_t			*out;
	char			*out_text;	/* instead of out: JSON text */
	/* Instead of out: a file (malloc'd bytes, freed by the server). */
	char			*out_bytes;
	size_t			 out_len;
	const char		*out_type;	/* static Content-Type */
	char			 out_filename[128];	/* ASCII download name */
	/* Instead of out: a file by descriptor (req_send_fd; closed by the
	 * server), out_len bytes. */
	int			 out_fd;
	bool			 has_out_fd;
	/* When set (an object of strings, borrowed): the query parameters
	 * req_query reads instead of the URL's (exports, api_export.c). */
	json_t			*query;
	struct err		 err;
	char			 set_cookie[256];
};

/* Route flags. */
enum {
	R_AUTH = 1 << 0,	/* needs a session */
	R_CSRF = 1 << 1,	/* needs X-CSRF-Token (implies R_AUTH) */
	R_NOSTORE = 1 << 2,	/* needs no database connection */
	R_UPLOAD = 1 << 3,	/* raw body up to upload_max, any Content-Type */
	R_OWN_TXN = 1 << 4,	/* a GET that writes (audit): no read txn */
};

struct route {
	const char	*method;
	const char	*pattern;	/* "/api/v1/units/:code" */
	int		(*fn)(struct req *r);
	unsigned	 flags;
};

/* The route tables, searched in order (api.c, api_reception.c,
 * api_petition.c, api_dialogue.c, api_dvk.c). */
extern const struct route api_routes[];
extern const struct route api_reception_routes[];
extern const struct route api_petition_routes[];
extern const struct route api_dialogue_routes[];
extern const struct route api_dvk_routes[];
extern const struct route api_emulation_routes[];
extern const struct route api_democracy_routes[];
extern const struct route api_supervision_routes[];
extern const struct route api_directive_routes[];
extern const struct route api_campaign_routes[];
extern const struct route api_indicator_routes[];
extern const struct route api_report_routes[];
extern const struct route api_export_routes[];

/* The GET route whose pattern matches path (r->params filled), or NULL
 * (exports run a list's handler for another path, api_export.c). */
const struct route *req_find_get_route(struct req *r, const char *path);

/* Server settings and shared state handlers may need. */
const struct session_conf *req_session_conf(const struct req *r);
struct unit_cache *req_unit_cache(const struct req *r);
bool	req_secure_cookie(const struct req *r);

/* Query parameter (NULL when absent).  Returns ERR_INVAL with
 * invalid_utf8 when present but not valid text. */
int	req_query(struct req *r, const char *name, const char **out);
/* Strict integer query parameter in [min, max]; def when absent. */
int	req_query_int(struct req *r, const char *name, int64_t min,
	    int64_t max, int64_t def, int64_t *out);
/* limit/offset with the given maximum limit. */
int	req_page(struct req *r, int64_t max_limit, int64_t *limit,
	    int64_t *offset);
/* A code parameter (vocabulary code, status): at most max bytes. */
int	req_query_code(struct req *r, const char *name, size_t max,
	    const char **out);
/* A day parameter "YYYY-MM-DD" (a real calendar day). */
int	req_query_day(struct req *r, const char *name, const char **out);
/* The unit filter of lists: structure (2024|2025; 2025 when only unit is
 * given) and unit (a code of at most UNIT_CODE_MAX - 1 bytes). */
int	req_query_unit(struct req *r, int *structure, const char **unit);
/* On rc == 0 set r->out = {key: obj} (taking obj) and r->status (0 keeps
 * 200).  Returns rc. */
int	req_wrap(struct req *r, const char *key, int rc, json_t *obj,
	    int status);
/* On rc == 0 send o (taken) with reals printed to 15 significant digits:
 * 33.33, not 33.329999999999998.  Returns rc. */
int	req_send_real(struct req *r, int rc, json_t *o);
/* Writes are refused to viewers before their body is even read:
 * "Tài khoản chỉ xem không được thay đổi <what>." */
int	req_check_writer(struct req *r, const char *what);
/* The JSON body as an object (parsed once; borrowed, owned by r). */
int	req_json(struct req *r, json_t **out);
/* Bind the JSON body by a field table. */
int	req_bind(struct req *r, const struct jfield *fields, void *dst);
/* Parse a path parameter as a positive id. */
int	req_param_id(struct req *r, int i, int64_t *out);
/* Hand back a file: takes ownership of bytes (malloc'd). */
void	req_send_file(struct req *r, char *bytes, size_t len,
	    const char *type, const char *filename);
/* Hand back a file by descriptor: takes ownership of fd (closed by the
 * server, also on error); len bytes from offset 0. */
void	req_send_fd(struct req *r, int fd, size_t len, const char *type,
	    const char *filename);
/* Header value or NULL. */
const char *req_header(struct req *r, const char *name);

#endif
