/*
 * server.c - libmicrohttpd glue.  MHD runs an internal polling thread pool;
 * each request is collected into a struct req (the body capped at
 * body_max), then dispatched on the final callback through the route table
 * with one store connection taken from the pool for its duration.  The
 * response is queued on the second or later callback, which keeps
 * keep-alive working in MHD.  Everything else (JSON shapes, rules) lives in
 * the handlers and the domain layer.
 */
#include "http/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <microhttpd.h>
#include <sodium.h>

#include "core/calendar.h"
#include "core/err.h"
#include "core/log.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/unit.h"
#include "http/http.h"
#include "store/migrate.h"
#include "store/store.h"

#define POOL_MAX	64

struct server {
	const struct server_conf *conf;
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
	struct store		*idle[POOL_MAX];
	int			 nidle;
	int			 nopen;
	int			 max;
	struct unit_cache	*units;
};

void
server_conf_default(struct server_conf *c)
{
	memset(c, 0, sizeof(*c));
	c->listen = "127.0.0.1:8080";
	c->web_dir = "web/dist";
	c->threads = 2;
	c->body_max = 64 * 1024;
	c->upload_max = 10 * 1024 * 1024;
	session_conf_default(&c->session);
}

/* Take a connection from the pool, opening one when under the limit. */
static int
pool_get(struct server *s, struct store **out, struct err *e)
{
	int rc = 0;

	pthread_mutex_lock(&s->lock);
	while (s->nidle == 0 && s->nopen >= s->max)
		pthread_cond_wait(&s->cond, &s->lock);
	if (s->nidle > 0) {
		*out = s->idle[--s->nidle];
		pthread_mutex_unlock(&s->lock);
		return 0;
	}
	s->nopen++;
	pthread_mutex_unlock(&s->lock);
	rc = store_open(s->conf->db, out, e);
	if (rc != 0) {
		pthread_mutex_lock(&s->lock);
		s->nopen--;
		pthread_cond_signal(&s->cond);
		pthread_mutex_unlock(&s->lock);
	}
	return rc;
}

static void
pool_put(struct server *s, struct store *st)
{
	pthread_mutex_lock(&s->lock);
	s->idle[s->nidle++] = st;
	pthread_cond_signal(&s->cond);
	pthread_mutex_unlock(&s->lock);
}

const struct session_conf *
req_session_conf(const struct req *r)
{
	return &r->srv->conf->session;
}

struct unit_cache *
req_unit_cache(const struct req *r)
{
	return r->srv->units;
}

bool
req_secure_cookie(const struct req *r)
{
	return r->srv->conf->secure_cookie;
}

/* ---- errors -------------------------------------------------------- */

static const struct {
	int		 code;
	int		 status;
	bool		 show_msg;	/* else the generic text below */
	const char	*msg;
} err_http[] = {
	{ ERR_INVAL, 400, true, "Dữ liệu không hợp lệ." },
	{ ERR_RANGE, 400, true, "Giá trị nằm ngoài phạm vi cho phép." },
	{ ERR_AUTH, 401, true, "Bạn cần đăng nhập." },
	{ ERR_PERM, 403, true, "Bạn không có quyền thực hiện thao tác này." },
	{ ERR_CSRF, 403, false, "Yêu cầu bị từ chối vì thiếu mã chống giả "
	    "mạo (CSRF). Vui lòng tải lại trang." },
	{ ERR_NOTFOUND, 404, true, "Không tìm thấy." },
	{ ERR_METHOD, 405, false, "Phương thức không được hỗ trợ." },
	{ ERR_EXISTS, 409, true, "Dữ liệu đã tồn tại." },
	{ ERR_TOOBIG, 413, false, "Nội dung gửi lên quá lớn." },
	{ ERR_MEDIA, 415, true, "Nội dung gửi lên phải có kiểu "
	    "application/json." },
	{ ERR_THROTTLED, 429, true, "Quá nhiều yêu cầu. Vui lòng thử lại sau." },
	{ ERR_UNAVAIL, 503, true, "Chức năng tạm thời không dùng được." },
};

static void
render_error(struct req *r, int code)
{
	const char *api, *msg = "Lỗi hệ thống. Vui lòng thử lại sau.";
	json_t *err;
	size_t i;

	r->status = 500;
	api = "internal";
	for (i = 0; i < sizeof(err_http) / sizeof(err_http[0]); i++) {
		if (err_http[i].code != code)
			continue;
		r->status = err_http[i].status;
		api = r->err.api_code != NULL ? r->err.api_code :
		    err_name(code);
		msg = err_http[i].msg;
		if (err_http[i].show_msg && r->err.msg[0] != '\0')
			msg = r->err.msg;
		break;
	}
	if (r->status == 500)
		log_error("http", "method=%s url=%s code=%d detail=\"%s\"",
		    r->method, r->url, code, r->err.msg);
	err = json_pack("{s:s, s:s}", "code", api, "message", msg);
	if (r->status != 500 && r->err.field != NULL)
		json_object_set_new(err, "field", json_string(r->err.field));
	json_decref(r->out);
	r->out = json_pack("{s:o}", "error", err);
}

/* ---- request helpers --------------------------------------------- */

const char *
req_header(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

int
req_query(struct req *r, const char *name, const char **out)
{
	const char *v;

	if (r->query != NULL)
		v = json_string_value(json_object_get(r->query, name));
	else
		v = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND,
		    name);
	*out = NULL;
	if (v == NULL)
		return 0;
	if (strlen(v) > 1000)
		return err_set(&r->err, ERR_INVAL, "invalid_param", name,
		    "Tham số \"%s\" quá dài.", name);
	if (!text_is_valid(v, strlen(v)))
		return err_set(&r->err, ERR_INVAL, "invalid_utf8", name,
		    "Tham số \"%s\" không phải UTF-8 hợp lệ.", name);
	*out = v[0] == '\0' ? NULL : v;
	return 0;
}

static int
parse_i64(const char *s, int64_t min, int64_t max, int64_t *out)
{
	int64_t v = 0;
	bool neg = false;

	if (*s == '-') {
		neg = true;
		s++;
	}
	if (*s == '\0' || strlen(s) > 18)
		return ERR_INVAL;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return ERR_INVAL;
		v = v * 10 + (*s - '0');
	}
	if (neg)
		v = -v;
	if (v < min || v > max)
		return ERR_RANGE;
	*out = v;
	return 0;
}

int
req_query_int(struct req *r, const char *name, int64_t min, int64_t max,
    int64_t def, int64_t *out)
{
	const char *v;
	int rc;

	rc = req_query(r, name, &v);
	if (rc != 0)
		return rc;
	*out = def;
	if (v == NULL)
		return 0;
	if (parse_i64(v, min, max, out) != 0)
		return err_set(&r->err, ERR_INVAL, "invalid_param", name,
		    "Tham số \"%s\" phải là số nguyên từ %lld đến %lld.", name,
		    (long long)min, (long long)max);
	return 0;
}

int
req_page(struct req *r, int64_t max_limit, int64_t *limit, int64_t *offset)
{
	int rc;

	rc = req_query_int(r, "limit", 1, max_limit, 50, limit);
	if (rc == 0)
		rc = req_query_int(r, "offset", 0, 100000000, 0, offset);
	return rc;
}

int
req_query_code(struct req *r, const char *name, size_t max, const char **out)
{
	int rc = req_query(r, name, out);

	if (rc == 0 && *out != NULL && strlen(*out) > max)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", name,
		    "Mã trong tham số \"%s\" không hợp lệ.", name);
	return rc;
}

int
req_query_day(struct req *r, const char *name, const char **out)
{
	cal_day d;
	int rc = req_query(r, name, out);

	if (rc == 0 && *out != NULL && cal_parse(*out, &d) != 0)
		rc = err_set(&r->err, ERR_INVAL, "invalid_param", name,
		    "Ngày phải có dạng YYYY-MM-DD.");
	return rc;
}

int
req_query_unit(struct req *r, int *structure, const char **unit)
{
	int64_t st = 0;
	int rc;

	rc = req_query_int(r, "structure", 2024, 2025, 0, &st);
	if (rc == 0)
		rc = req_query_code(r, "unit", UNIT_CODE_MAX - 1, unit);
	if (rc == 0 && *unit != NULL && st == 0)
		st = 2025;
	*structure = (int)st;
	return rc;
}

int
req_wrap(struct req *r, const char *key, int rc, json_t *obj, int status)
{
	if (rc != 0)
		return rc;
	r->out = json_pack("{s:o}", key, obj);
	if (status != 0)
		r->status = status;
	return 0;
}

int
req_send_real(struct req *r, int rc, json_t *o)
{
	if (rc != 0)
		return rc;
	r->out_text = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(15));
	json_decref(o);
	if (r->out_text == NULL)
		return err_set(&r->err, ERR_NOMEM, "internal", NULL,
		    "out of memory");
	return 0;
}

int
req_check_writer(struct req *r, const char *what)
{
	if (r->sess.actor.role == ROLE_VIEWER)
		return err_set(&r->err, ERR_PERM, "forbidden", NULL,
		    "Tài khoản chỉ xem không được thay đổi %s.", what);
	return 0;
}

int
req_param_id(struct req *r, int i, int64_t *out)
{
	if (parse_i64(r->params[i], 1, INT64_MAX / 2, out) != 0)
		return err_set(&r->err, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy.");
	return 0;
}

int
req_json(struct req *r, json_t **out)
{
	int rc;

	*out = NULL;
	if (r->body_json == NULL) {
		rc = jbind_parse(buf_cstr(&r->body), r->body.len,
		    &r->body_json, &r->err);
		if (rc != 0)
			return rc;
	}
	*out = r->body_json;
	return 0;
}

int
req_bind(struct req *r, const struct jfield *fields, void *dst)
{
	int rc;

	if (r->body_json == NULL) {
		rc = jbind_parse(buf_cstr(&r->body), r->body.len,
		    &r->body_json, &r->err);
		if (rc != 0)
			return rc;
	}
	return jbind(r->body_json, fields, dst, &r->strings, &r->err);
}

/* ---- routing --------------------------------------------------------- */

/* Match url against pattern; fills r->params.  Segments ":x" match one
 * non-empty segment of at most 63 bytes. */
static bool
route_match(const char *pattern, const char *url, struct req *r)
{
	int np = 0;

	while (*pattern != '\0' && *url != '\0') {
		if (*pattern == ':') {
			size_t n = strcspn(url, "/");

			if (n == 0 || n >= sizeof(r->param_buf[0]) ||
			    np >= REQ_PARAMS)
				return false;
			memcpy(r->param_buf[np], url, n);
			r->param_buf[np][n] = '\0';
			r->params[np] = r->param_buf[np];
			np++;
			url += n;
			pattern += strcspn(pattern, "/");
			continue;
		}
		if (*pattern != *url)
			return false;
		pattern++;
		url++;
	}
	return *pattern == '\0' && *url == '\0';
}

static bool
is_write(const char *method)
{
	return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
}

static int
authenticate(struct req *r)
{
	const char *tok;
	int rc;

	tok = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND,
	    "danvan_session");
	if (tok == NULL || strlen(tok) > 100)
		return err_set(&r->err, ERR_AUTH, "unauthenticated", NULL,
		    "Bạn cần đăng nhập.");
	rc = session_lookup(r->st, &r->srv->conf->session, tok, r->ip,
	    &r->sess, &r->err);
	if (rc == ERR_AUTH)
		return err_set(&r->err, ERR_AUTH, "unauthenticated", NULL,
		    "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.");
	if (rc != 0)
		return rc;
	r->authed = true;
	return 0;
}

static int
check_csrf(struct req *r)
{
	const char *h = req_header(r, "X-CSRF-Token");
	size_t n = strlen(r->sess.csrf);

	if (h == NULL || strlen(h) != n ||
	    sodium_memcmp(h, r->sess.csrf, n) != 0)
		return err_set(&r->err, ERR_CSRF, "csrf_failed", NULL,
		    "Thiếu mã chống giả mạo (CSRF).");
	return 0;
}

static int
check_content_type(struct req *r)
{
	const char *ct = req_header(r, "Content-Type");
	size_t n = strlen("application/json");

	if (r->body.len == 0 && !r->body_too_big)
		return 0;
	if (ct == NULL || strncasecmp(ct, "application/json", n) != 0 ||
	    (ct[n] != '\0' && ct[n] != ';'))
		return err_set(&r->err, ERR_MEDIA, "unsupported_media_type",
		    NULL, "Nội dung phải có kiểu application/json.");
	return 0;
}

static int
run_route(struct req *r, const struct route *match)
{
	int rc;

	if (match->flags & (R_AUTH | R_CSRF)) {
		rc = authenticate(r);
		if (rc != 0)
			return rc;
	}
	if ((match->flags & R_CSRF) || (r->authed && is_write(r->method))) {
		rc = check_csrf(r);
		if (rc != 0)
			return rc;
	}
	r->status = 200;
	return match->fn(r);
}

static const struct route *const route_tables[] = {
	api_routes, api_reception_routes, api_petition_routes,
	api_dialogue_routes, api_dvk_routes, api_emulation_routes,
	api_democracy_routes, api_supervision_routes, api_directive_routes, api_campaign_routes,
	api_indicator_routes, api_report_routes, api_export_routes,
	NULL
};

/* The route for r's method and URL; *path_found tells whether any route
 * has the URL (for 405 against 404). */
static const struct route *
find_route(struct req *r, bool *path_found)
{
	const struct route *rt;

	*path_found = false;
	for (int t = 0; route_tables[t] != NULL; t++) {
		for (rt = route_tables[t]; rt->pattern != NULL; rt++) {
			if (!route_match(rt->pattern, r->url, r))
				continue;
			*path_found = true;
			if (strcmp(rt->method, r->method) == 0 ||
			    (strcmp(r->method, "HEAD") == 0 &&
			    strcmp(rt->method, "GET") == 0))
				return rt;
		}
	}
	return NULL;
}

const struct route *
req_find_get_route(struct req *r, const char *path)
{
	const struct route *rt;

	for (int t = 0; route_tables[t] != NULL; t++)
		for (rt = route_tables[t]; rt->pattern != NULL; rt++)
			if (strcmp(rt->method, "GET") == 0 &&
			    route_match(rt->pattern, path, r))
				return rt;
	return NULL;
}

/* Drop a file answer not sent (an error came after it). */
static void
req_drop_fd(struct req *r)
{
	if (r->has_out_fd)
		close(r->out_fd);
	r->has_out_fd = false;
}

void
req_send_fd(struct req *r, int fd, size_t len, const char *type,
    const char *filename)
{
	req_drop_fd(r);
	r->out_fd = fd;
	r->has_out_fd = true;
	r->out_len = len;
	r->out_type = type;
	snprintf(r->out_filename, sizeof(r->out_filename), "%s", filename);
}

void
req_send_file(struct req *r, char *bytes, size_t len, const char *type,
    const char *filename)
{
	free(r->out_bytes);
	r->out_bytes = bytes;
	r->out_len = len;
	r->out_type = type;
	snprintf(r->out_filename, sizeof(r->out_filename), "%s", filename);
}

static int
dispatch(struct req *r)
{
	const struct route *match;
	bool path_found, read_txn;
	int rc;

	match = find_route(r, &path_found);
	if (match == NULL) {
		if (path_found)
			return err_set(&r->err, ERR_METHOD,
			    "method_not_allowed", NULL, "%s", "");
		return err_set(&r->err, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy địa chỉ API này.");
	}
	if (r->body_too_big)
		return err_set(&r->err, ERR_TOOBIG, "payload_too_large", NULL,
		    "%s", "");
	if (!(match->flags & R_UPLOAD)) {
		rc = check_content_type(r);
		if (rc != 0)
			return rc;
	}
	if (match->flags & R_NOSTORE) {
		r->status = 200;
		return match->fn(r);
	}
	rc = pool_get(r->srv, &r->st, &r->err);
	if (rc != 0)
		return rc;
	/*
	 * A read request runs in one read transaction: its statements see
	 * one snapshot, and SQLite takes its WAL read lock once instead of
	 * once per statement.  Writes manage their own transactions.
	 */
	read_txn = !is_write(r->method) && !(match->flags & R_OWN_TXN);
	if (read_txn) {
		rc = store_begin(r->st, &r->err);
		if (rc != 0)
			return rc;
	}
	rc = run_route(r, match);
	if (read_txn) {
		if (rc == 0)
			rc = store_commit(r->st, &r->err);
		else
			store_rollback(r->st);
	}
	session_maintain(r->st, &r->sess);
	return rc;
}

/* ---- static files -------------------------------------------------- */

static const struct {
	const char	*ext;
	const char	*type;
} mime[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".ico", "image/x-icon" },
	{ ".json", "application/json" },
	{ ".woff2", "font/woff2" },
	{ ".txt", "text/plain; charset=utf-8" },
	{ ".webmanifest", "application/manifest+json" },
};

static const char *
mime_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot != NULL)
		for (size_t i = 0; i < sizeof(mime) / sizeof(mime[0]); i++)
			if (strcmp(dot, mime[i].ext) == 0)
				return mime[i].type;
	return "application/octet-stream";
}

static bool
static_path_ok(const char *url)
{
	if (url[0] != '/' || strstr(url, "..") != NULL || strstr(url, "//"))
		return false;
	for (const char *p = url; *p != '\0'; p++) {
		char c = *p;

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '/' || c == '.' ||
		    c == '-' || c == '_'))
			return false;
	}
	return strlen(url) < 200;
}

static void
add_security_headers(struct MHD_Response *resp)
{
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
}

static enum MHD_Result
serve_static(struct req *r)
{
	const char *url = strcmp(r->url, "/") == 0 ? "/index.html" : r->url;
	char path[512];
	struct MHD_Response *resp;
	struct stat sb;
	enum MHD_Result ret;
	int fd = -1;

	if (static_path_ok(url)) {
		snprintf(path, sizeof(path), "%s%s", r->srv->conf->web_dir, url);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd >= 0 && (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))) {
			close(fd);
			fd = -1;
		}
	}
	if (fd < 0) {
		static const char nf[] = "Không tìm thấy trang.\n";

		resp = MHD_create_response_from_buffer(sizeof(nf) - 1,
		    (void *)(uintptr_t)nf, MHD_RESPMEM_PERSISTENT);
		MHD_add_response_header(resp, "Content-Type",
		    "text/plain; charset=utf-8");
		add_security_headers(resp);
		ret = MHD_queue_response(r->conn, MHD_HTTP_NOT_FOUND, resp);
		MHD_destroy_response(resp);
		return ret;
	}
	resp = MHD_create_response_from_fd((uint64_t)sb.st_size, fd);
	MHD_add_response_header(resp, "Content-Type", mime_of(url));
	add_security_headers(resp);
	if (strncmp(url, "/assets/", 8) == 0)
		MHD_add_response_header(resp, "Cache-Control",
		    "public, max-age=31536000, immutable");
	else
		MHD_add_response_header(resp, "Cache-Control", "no-cache");
	if (strcmp(mime_of(url), "text/html; charset=utf-8") == 0)
		MHD_add_response_header(resp, "Content-Security-Policy",
		    "default-src 'self'; img-src 'self' data:; "
		    "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; "
		    "base-uri 'none'; form-action 'self'");
	ret = MHD_queue_response(r->conn, MHD_HTTP_OK, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* ---- MHD callbacks ------------------------------------------------- */

static void
client_ip(struct MHD_Connection *c, char *out, size_t size)
{
	const union MHD_ConnectionInfo *ci;
	const struct sockaddr *sa;

	snprintf(out, size, "%s", "unknown");
	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci == NULL || ci->client_addr == NULL)
		return;
	sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)
		    sa)->sin_addr, out, (socklen_t)size);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)
		    (const void *)sa)->sin6_addr, out, (socklen_t)size);
}

static enum MHD_Result
send_file(struct req *r)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	char cd[200];

	if (r->has_out_fd) {
		/* MHD owns (and closes) the descriptor from here on. */
		resp = MHD_create_response_from_fd((uint64_t)r->out_len,
		    r->out_fd);
		if (resp == NULL)
			close(r->out_fd);
		r->has_out_fd = false;
	} else {
		resp = MHD_create_response_from_buffer(r->out_len,
		    r->out_bytes, MHD_RESPMEM_MUST_FREE);
		r->out_bytes = NULL;
	}
	if (resp == NULL)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type", r->out_type);
	snprintf(cd, sizeof(cd), "attachment; filename=\"%s\"",
	    r->out_filename);
	MHD_add_response_header(resp, "Content-Disposition", cd);
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	MHD_add_response_header(resp, "Content-Security-Policy",
	    "default-src 'none'; sandbox");
	add_security_headers(resp);
	ret = MHD_queue_response(r->conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result
finish(struct req *r)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	char *text;
	int rc;

	if (strncmp(r->url, "/api/", 5) != 0 && strcmp(r->url, "/api") != 0) {
		if (strcmp(r->method, "GET") == 0 ||
		    strcmp(r->method, "HEAD") == 0)
			return serve_static(r);
		rc = err_set(&r->err, ERR_METHOD, "method_not_allowed", NULL,
		    "%s", "");
	} else {
		rc = dispatch(r);
	}
	if (rc != 0) {
		free(r->out_text);
		r->out_text = NULL;
		free(r->out_bytes);
		r->out_bytes = NULL;
		req_drop_fd(r);
		render_error(r, rc);
	}
	if (r->out_bytes != NULL || r->has_out_fd)
		return send_file(r);
	if (r->out == NULL && r->out_text == NULL)
		r->out = json_object();
	if (r->out_text != NULL) {
		text = r->out_text;
		r->out_text = NULL;
	} else {
		text = json_dumps(r->out, JSON_COMPACT);
	}
	if (text == NULL)
		return MHD_NO;
	resp = MHD_create_response_from_buffer(strlen(text), text,
	    MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(resp, "Content-Type",
	    "application/json; charset=utf-8");
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	add_security_headers(resp);
	if (r->set_cookie[0] != '\0')
		MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
	if (r->status == 429 && r->err.retry_after > 0) {
		char ra[24];

		snprintf(ra, sizeof(ra), "%d", r->err.retry_after);
		MHD_add_response_header(resp, "Retry-After", ra);
	}
	ret = MHD_queue_response(r->conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* A declared body over the limit is refused before it is read. */
static bool
too_large_upfront(struct req *r)
{
	const char *cl = req_header(r, "Content-Length");
	int64_t n;

	return cl != NULL && parse_i64(cl, 0, INT64_MAX / 2, &n) == 0 &&
	    (uint64_t)n > r->body_max;
}

/* Uploads (R_UPLOAD routes) may carry up to upload_max raw bytes. */
static size_t
body_limit(struct req *r)
{
	const struct route *rt;
	bool found;

	rt = find_route(r, &found);
	if (rt != NULL && (rt->flags & R_UPLOAD))
		return r->srv->conf->upload_max;
	return r->srv->conf->body_max;
}

/* Answer 413 on the first callback; MHD then closes the connection
 * instead of reading the body. */
static enum MHD_Result
reject_now(struct req *r)
{
	r->body_too_big = true;
	return finish(r);
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct server *s = cls;
	struct req *r = *con_cls;

	(void)version;
	if (r == NULL) {
		r = xcalloc(1, sizeof(*r));
		r->srv = s;
		r->conn = c;
		r->method = method;
		r->url = xstrdup(url);
		r->body_max = body_limit(r);
		buf_init(&r->body, r->body_max);
		client_ip(c, r->ip, sizeof(r->ip));
		*con_cls = r;
		return too_large_upfront(r) ? reject_now(r) : MHD_YES;
	}
	if (*upload_size > 0) {
		if (!r->body_too_big) {
			buf_add(&r->body, upload, *upload_size);
			if (buf_error(&r->body) != 0) {
				r->body_too_big = true;
				buf_release(&r->body);
			}
		}
		*upload_size = 0;
		return MHD_YES;
	}
	return finish(r);
}

static void
on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct server *s = cls;
	struct req *r = *con_cls;

	(void)c;
	(void)toe;
	if (r == NULL)
		return;
	if (r->st != NULL)
		pool_put(s, r->st);
	json_decref(r->out);
	free(r->out_text);
	free(r->out_bytes);
	req_drop_fd(r);
	json_decref(r->body_json);
	jbind_strings_release(&r->strings);
	buf_release(&r->body);
	free(r->url);
	session_release(&r->sess);
	free(r);
	*con_cls = NULL;
}

static int
parse_listen(const char *listen, struct sockaddr_in *sa, struct err *e)
{
	const char *colon = strrchr(listen, ':');
	char host[64];
	long port;
	char *end;

	memset(sa, 0, sizeof(*sa));
	if (colon == NULL || (size_t)(colon - listen) >= sizeof(host))
		return err_set(e, ERR_INVAL, "invalid_param", "listen",
		    "--listen must be HOST:PORT");
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = '\0';
	errno = 0;
	port = strtol(colon + 1, &end, 10);
	if (errno != 0 || *end != '\0' || port < 1 || port > 65535)
		return err_set(e, ERR_INVAL, "invalid_param", "listen",
		    "bad port in --listen");
	sa->sin_family = AF_INET;
	sa->sin_port = htons((uint16_t)port);
	if (inet_pton(AF_INET, host[0] ? host : "0.0.0.0", &sa->sin_addr) != 1)
		return err_set(e, ERR_INVAL, "invalid_param", "listen",
		    "--listen host must be an IPv4 address");
	return 0;
}

int
server_run(const struct server_conf *c, struct err *e)
{
	struct MHD_Daemon *d;
	struct sockaddr_in sa;
	struct server s;
	struct store *st;
	sigset_t set;
	int rc, sig;

	rc = parse_listen(c->listen, &sa, e);
	if (rc != 0)
		return rc;
	memset(&s, 0, sizeof(s));
	s.conf = c;
	s.max = c->threads + 2 > POOL_MAX ? POOL_MAX : c->threads + 2;
	pthread_mutex_init(&s.lock, NULL);
	pthread_cond_init(&s.cond, NULL);
	s.units = unit_cache_new();
	rc = pool_get(&s, &st, e);
	if (rc != 0)
		return rc;
	rc = migrate_check(st, e);
	pool_put(&s, st);
	if (rc != 0)
		goto out;
	/* Signals are taken by sigwait below, not by MHD's threads. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO |
	    MHD_USE_ERROR_LOG, 0, NULL, NULL, on_request, &s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)c->threads,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, &s,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
	    MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
	    MHD_OPTION_END);
	if (d == NULL) {
		rc = err_set(e, ERR_IO, "internal", "listen",
		    "cannot listen on %s", c->listen);
		goto out;
	}
	log_info("http", "listening=%s threads=%d web=%s", c->listen,
	    c->threads, c->web_dir);
	sigwait(&set, &sig);
	log_info("http", "signal=%d stopping", sig);
	MHD_stop_daemon(d);
out:
	while (s.nidle > 0)
		store_close(s.idle[--s.nidle]);
	pthread_mutex_destroy(&s.lock);
	pthread_cond_destroy(&s.cond);
	unit_cache_free(s.units);
	return rc;
}
