/*
 * api_export.c - every list of the API as an XLSX file (docs/API.md
 * "Exports").  POST /exports names a list by its GET path and query; the
 * list's own handler runs as the same user (same scope rules) with a list
 * sink installed (domain/list.h), so the rows it would page through are
 * written one by one to a workbook in constant-memory mode, and each row
 * object is freed right after it is written.  The finished file is sent
 * by descriptor and unlinked as soon as it is open.
 *
 * Progress lives in a small fixed table (PROG_SLOTS entries, one mutex):
 * the client picks a token, polls GET /exports/:token while the POST
 * runs.  A finished entry is kept at least PROG_KEEP seconds; when no
 * slot is free the export still runs, without progress.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/xalloc.h"
#include "core/xlsxwrite.h"
#include "domain/list.h"
#include "http/http.h"
#include "store/store.h"

#define XLSX_TYPE							\
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#define EXPORT_ROWS_MAX	1048575		/* Excel's rows less the header */
#define PATH_MAX_LEN	200
#define QUERY_MAX	30
#define QUERY_VAL_MAX	1000
#define QUERY_KEY_MAX	64
#define COLS_MAX	60
#define KEY_MAX		64
#define LABEL_MAX	100
#define VALUES_MAX	200
#define VALUE_LABEL_MAX	200
#define TITLE_MAX	200
#define FILENAME_MAX_LEN 80
#define TOKEN_MIN	8
#define TOKEN_MAX	64
#define CELL_MAX	32767		/* bytes; Excel's limit is characters */
#define COL_WIDTH	20
#define PROG_SLOTS	64
#define PROG_KEEP	300		/* seconds a finished entry is kept */
#define PROG_STEP	1000		/* rows between progress updates */

/* ---- progress ------------------------------------------------------ */

enum prog_state { P_FREE, P_COUNTING, P_WRITING, P_DONE, P_FAILED };

static const char *const prog_names[] = {
	"free", "counting", "writing", "done", "failed"
};

struct prog {
	enum prog_state	 state;
	int64_t		 user;
	char		 token[TOKEN_MAX + 1];
	int64_t		 done, total;
	int64_t		 finished;	/* clock_now() when done or failed */
};

static struct prog progs[PROG_SLOTS];
static pthread_mutex_t prog_lock = PTHREAD_MUTEX_INITIALIZER;

static bool
prog_running(const struct prog *p)
{
	return p->state == P_COUNTING || p->state == P_WRITING;
}

/* A slot for (user, token), or -1: the same entry when it is finished,
 * else a free slot, else the oldest entry finished PROG_KEEP ago. */
static int
prog_claim(int64_t user, const char *token)
{
	int64_t now = clock_now();
	int i, pick = -1;

	pthread_mutex_lock(&prog_lock);
	for (i = 0; i < PROG_SLOTS; i++)
		if (progs[i].state != P_FREE && progs[i].user == user &&
		    strcmp(progs[i].token, token) == 0) {
			pick = prog_running(&progs[i]) ? -2 : i;
			break;
		}
	for (i = 0; pick == -1 && i < PROG_SLOTS; i++)
		if (progs[i].state == P_FREE)
			pick = i;
	for (i = 0; pick == -1 && i < PROG_SLOTS; i++) {
		if (prog_running(&progs[i]) ||
		    now - progs[i].finished < PROG_KEEP)
			continue;
		if (pick < 0 || progs[i].finished < progs[pick].finished)
			pick = i;
	}
	if (pick >= 0) {
		progs[pick].state = P_COUNTING;
		progs[pick].user = user;
		snprintf(progs[pick].token, sizeof(progs[pick].token), "%s",
		    token);
		progs[pick].done = 0;
		progs[pick].total = -1;
		progs[pick].finished = 0;
	}
	pthread_mutex_unlock(&prog_lock);
	return pick < 0 ? -1 : pick;
}

static void
prog_set(int slot, enum prog_state state, int64_t done, int64_t total)
{
	if (slot < 0)
		return;
	pthread_mutex_lock(&prog_lock);
	progs[slot].state = state;
	progs[slot].done = done;
	if (total >= 0)
		progs[slot].total = total;
	if (state == P_DONE || state == P_FAILED)
		progs[slot].finished = clock_now();
	pthread_mutex_unlock(&prog_lock);
}

/* ---- the request --------------------------------------------------- */

struct ecol {
	const char	*key;		/* dot path */
	const char	*label;
	json_t		*values;	/* code -> label, or NULL */
};

struct export {
	struct req	*r;
	const char	*title;
	struct ecol	 cols[COLS_MAX];
	size_t		 ncols;
	struct xlsxw	*w;
	int64_t		 max_rows;
	int64_t		 done;
	int		 slot;
	bool		 too_many;
	int64_t		 total;
	char		*cell;		/* CELL_MAX + 1 bytes of text */
	size_t		 cell_len;
};

static int
bad(struct req *r, const char *field, const char *msg)
{
	return err_set(&r->err, ERR_INVAL, "invalid_param", field, "%s", msg);
}

static bool
token_ok(const char *s)
{
	size_t n = strlen(s);

	if (n < TOKEN_MIN || n > TOKEN_MAX)
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return false;
	return true;
}

static bool
filename_ok(const char *s)
{
	size_t n = strlen(s);

	if (n <= 5 || n > FILENAME_MAX_LEN || strcmp(s + n - 5, ".xlsx") != 0)
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' ||
		    *s == '-'))
			return false;
	return true;
}

/* An optional string member: NULL when absent or null. */
static int
opt_str(struct req *r, json_t *o, const char *name, size_t max,
    const char **out, const char *msg)
{
	json_t *v = json_object_get(o, name);

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v) || json_string_length(v) > max)
		return bad(r, name, msg);
	*out = json_string_value(v);
	return 0;
}

static int
parse_values(struct req *r, json_t *v)
{
	const char *k;
	json_t *x;

	if (!json_is_object(v) || json_object_size(v) > VALUES_MAX)
		return bad(r, "columns", "\"values\" của cột phải là đối tượng "
		    "mã → nhãn, tối đa 200 mục.");
	json_object_foreach(v, k, x)
		if (!json_is_string(x) || json_string_length(x) >
		    VALUE_LABEL_MAX)
			return bad(r, "columns", "Nhãn trong \"values\" phải "
			    "là chuỗi, tối đa 200 byte.");
	return 0;
}

static int
parse_columns(struct req *r, json_t *a, struct export *x)
{
	const char *k;
	json_t *c, *v, *m;
	size_t i;

	if (!json_is_array(a) || json_array_size(a) < 1 ||
	    json_array_size(a) > COLS_MAX)
		return bad(r, "columns", "Cần từ 1 đến 60 cột.");
	json_array_foreach(a, i, c) {
		struct ecol *col = &x->cols[i];

		if (!json_is_object(c))
			return bad(r, "columns", "Mỗi cột là một đối tượng "
			    "{key, label, values}.");
		json_object_foreach(c, k, m)
			if (strcmp(k, "key") != 0 && strcmp(k, "label") != 0 &&
			    strcmp(k, "values") != 0)
				return bad(r, "columns", "Cột có trường không "
				    "được hỗ trợ.");
		v = json_object_get(c, "key");
		if (!json_is_string(v) || json_string_length(v) < 1 ||
		    json_string_length(v) > KEY_MAX)
			return bad(r, "columns", "\"key\" của cột là chuỗi "
			    "1-64 byte.");
		col->key = json_string_value(v);
		v = json_object_get(c, "label");
		if (!json_is_string(v) || json_string_length(v) > LABEL_MAX)
			return bad(r, "columns", "\"label\" của cột là chuỗi "
			    "tối đa 100 byte.");
		col->label = json_string_value(v);
		if (col->label[0] == '\0')
			col->label = col->key;
		v = json_object_get(c, "values");
		col->values = NULL;
		if (v != NULL && !json_is_null(v)) {
			int rc = parse_values(r, v);

			if (rc != 0)
				return rc;
			col->values = v;
		}
	}
	x->ncols = json_array_size(a);
	return 0;
}

/* The list's query parameters as an object of strings, without limit
 * and offset (every row is exported). */
static int
parse_query(struct req *r, json_t *q, json_t **out)
{
	const char *k;
	json_t *v;

	*out = json_object();
	if (q == NULL || json_is_null(q))
		return 0;
	if (!json_is_object(q) || json_object_size(q) > QUERY_MAX)
		return bad(r, "query", "\"query\" là đối tượng tối đa 30 "
		    "tham số.");
	json_object_foreach(q, k, v) {
		if (strlen(k) == 0 || strlen(k) > QUERY_KEY_MAX ||
		    !json_is_string(v) || json_string_length(v) >
		    QUERY_VAL_MAX || strlen(json_string_value(v)) !=
		    json_string_length(v))
			return bad(r, "query", "Tham số trong \"query\" phải "
			    "là chuỗi, tối đa 1000 byte.");
		if (strcmp(k, "limit") == 0 || strcmp(k, "offset") == 0)
			continue;
		json_object_set(*out, k, v);
	}
	return 0;
}

static int
parse_body(struct req *r, struct export *x, const char **path,
    const char **filename, const char **token, json_t **query)
{
	static const char *const keys[] = {
		"path", "query", "columns", "title", "filename", "token", NULL
	};
	const char *k;
	json_t *b, *v;
	int rc, i;

	*query = NULL;
	rc = req_json(r, &b);
	if (rc != 0)
		return rc;
	if (!json_is_object(b))
		return bad(r, NULL, "Nội dung phải là một đối tượng JSON.");
	json_object_foreach(b, k, v) {
		for (i = 0; keys[i] != NULL && strcmp(keys[i], k) != 0; i++)
			;
		if (keys[i] == NULL)
			return err_set(&r->err, ERR_INVAL, "invalid_param",
			    keys[0], "Trường \"%.60s\" không được hỗ trợ.", k);
	}
	rc = opt_str(r, b, "path", PATH_MAX_LEN, path, "\"path\" phải là "
	    "đường dẫn API /api/v1/..., tối đa 200 byte, không có '?'.");
	if (rc == 0 && (*path == NULL || strncmp(*path, "/api/v1/", 8) != 0 ||
	    strchr(*path, '?') != NULL))
		rc = bad(r, "path", "\"path\" phải là đường dẫn API "
		    "/api/v1/..., tối đa 200 byte, không có '?'.");
	if (rc == 0)
		rc = opt_str(r, b, "title", TITLE_MAX, &x->title,
		    "\"title\" là chuỗi tối đa 200 byte.");
	if (rc == 0)
		rc = opt_str(r, b, "filename", FILENAME_MAX_LEN, filename,
		    "Tên tệp chỉ gồm chữ, số, . _ -, tối đa 80 ký tự và kết "
		    "thúc bằng .xlsx.");
	if (rc == 0 && *filename != NULL && !filename_ok(*filename))
		rc = bad(r, "filename", "Tên tệp chỉ gồm chữ, số, . _ -, tối "
		    "đa 80 ký tự và kết thúc bằng .xlsx.");
	if (rc == 0)
		rc = opt_str(r, b, "token", TOKEN_MAX, token, "\"token\" gồm "
		    "8-64 ký tự A-Z a-z 0-9 _ -.");
	if (rc == 0 && *token != NULL && !token_ok(*token))
		rc = bad(r, "token", "\"token\" gồm 8-64 ký tự A-Z a-z 0-9 "
		    "_ -.");
	if (rc == 0)
		rc = parse_columns(r, json_object_get(b, "columns"), x);
	if (rc == 0)
		rc = parse_query(r, json_object_get(b, "query"), query);
	return rc;
}

/* ---- cells --------------------------------------------------------- */

/* The member at a dot path ("unit.name"), or NULL. */
static json_t *
path_get(json_t *o, const char *key)
{
	char part[KEY_MAX + 1];
	size_t n;

	for (;;) {
		n = strcspn(key, ".");
		if (n > KEY_MAX || !json_is_object(o))
			return NULL;
		memcpy(part, key, n);
		part[n] = '\0';
		o = json_object_get(o, part);
		if (key[n] == '\0' || o == NULL)
			return o;
		key += n + 1;
	}
}

static bool
digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* "YYYY-MM-DD", a real day from 1900 on. */
static bool
is_day(const char *s, int *y, int *m, int *d)
{
	cal_day cd;

	if (strlen(s) != 10 || !digits(s, 4) || s[4] != '-' ||
	    !digits(s + 5, 2) || s[7] != '-' || !digits(s + 8, 2) ||
	    cal_parse(s, &cd) != 0)
		return false;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	return *y >= 1900;
}

/* "YYYY-MM-DDTHH:MM:SS..." or "YYYY-MM-DD HH:MM:SS..." as
 * "dd/mm/yyyy HH:MM" in out[17]. */
static bool
is_time(const char *s, char *out)
{
	if (strlen(s) < 19 || !digits(s, 4) || s[4] != '-' ||
	    !digits(s + 5, 2) || s[7] != '-' || !digits(s + 8, 2) ||
	    (s[10] != 'T' && s[10] != ' ') || !digits(s + 11, 2) ||
	    s[13] != ':' || !digits(s + 14, 2) || s[16] != ':' ||
	    !digits(s + 17, 2))
		return false;
	snprintf(out, 17, "%.2s/%.2s/%.4s %.5s", s + 8, s + 5, s, s + 11);
	return true;
}

/* Append s to the cell text, cut at a character boundary at CELL_MAX. */
static void
cell_add(struct export *x, const char *s)
{
	size_t n = strlen(s), room = CELL_MAX - x->cell_len;

	if (n > room) {
		n = room;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(x->cell + x->cell_len, s, n);
	x->cell_len += n;
	x->cell[x->cell_len] = '\0';
}

/* A string as shown: its label in values, a day or time reformatted. */
static const char *
str_shown(const char *s, json_t *values, char *tmp)
{
	const char *lab;
	int y, m, d;

	lab = values != NULL ?
	    json_string_value(json_object_get(values, s)) : NULL;
	if (lab != NULL)
		return lab;
	if (is_day(s, &y, &m, &d)) {
		snprintf(tmp, 17, "%02d/%02d/%04d", d, m, y);
		return tmp;
	}
	if (is_time(s, tmp))
		return tmp;
	return s;
}

/* The member naming an object: name, else label, else code. */
static json_t *
obj_name(json_t *o)
{
	json_t *v;

	v = json_object_get(o, "name");
	if (v == NULL || json_is_null(v))
		v = json_object_get(o, "label");
	if (v == NULL || json_is_null(v))
		v = json_object_get(o, "code");
	return v != NULL && !json_is_object(v) && !json_is_array(v) ? v :
	    NULL;
}

/* v as text appended to the cell (arrays: elements joined by "; "). */
static void
text_of(struct export *x, json_t *v, json_t *values, int depth)
{
	char tmp[32];
	json_t *e;
	size_t i;

	switch (json_typeof(v)) {
	case JSON_STRING:
		cell_add(x, str_shown(json_string_value(v), values, tmp));
		break;
	case JSON_INTEGER:
		snprintf(tmp, sizeof(tmp), "%lld",
		    (long long)json_integer_value(v));
		cell_add(x, tmp);
		break;
	case JSON_REAL:
		snprintf(tmp, sizeof(tmp), "%.15g", json_real_value(v));
		cell_add(x, tmp);
		break;
	case JSON_TRUE:
		cell_add(x, "Có");
		break;
	case JSON_FALSE:
		cell_add(x, "Không");
		break;
	case JSON_OBJECT:
		e = obj_name(v);
		if (e != NULL)
			text_of(x, e, values, depth + 1);
		break;
	case JSON_ARRAY:
		if (depth > 2)
			break;
		json_array_foreach(v, i, e) {
			if (i > 0)
				cell_add(x, "; ");
			text_of(x, e, values, depth + 1);
		}
		break;
	default:
		break;
	}
}

static int
cell_write(struct export *x, json_t *v, json_t *values, struct err *e)
{
	const char *s;
	int y, m, d;

	if (json_is_object(v))
		v = obj_name(v);
	if (v == NULL || json_is_null(v))
		return xlsxw_blank(x->w, e);
	if (json_is_integer(v))
		return xlsxw_num(x->w, (double)json_integer_value(v), e);
	if (json_is_real(v))
		return xlsxw_num(x->w, json_real_value(v), e);
	if (json_is_string(v)) {
		s = json_string_value(v);
		if ((values == NULL || json_object_get(values, s) == NULL) &&
		    is_day(s, &y, &m, &d))
			return xlsxw_date(x->w, y, m, d, e);
	}
	x->cell_len = 0;
	x->cell[0] = '\0';
	text_of(x, v, values, 0);
	return xlsxw_str(x->w, x->cell, e);
}

/* ---- the sink ------------------------------------------------------ */

static int
sink_begin(void *ctx, int64_t total, struct err *e)
{
	struct export *x = ctx;
	struct xlsxw_opts o = { NULL, true };
	struct xlsxw_col cols[COLS_MAX];
	struct xlsxw_sheet sh;
	int rc;

	x->total = total;
	if (total > x->max_rows) {
		x->too_many = true;
		return err_set(e, ERR_TOOBIG, "too_many_rows", NULL, "%s", "");
	}
	prog_set(x->slot, P_WRITING, 0, total);
	for (size_t i = 0; i < x->ncols; i++) {
		cols[i].name = x->cols[i].label;
		cols[i].width = COL_WIDTH;
	}
	memset(&sh, 0, sizeof(sh));
	sh.name = "Danh sách";
	sh.titles = &x->title;
	sh.ntitles = x->title != NULL ? 1 : 0;
	sh.cols = cols;
	sh.ncols = x->ncols;
	rc = xlsxw_new(&x->w, &o, e);
	if (rc == 0)
		rc = xlsxw_add_sheet(x->w, &sh, e);
	return rc;
}

static int
sink_row(void *ctx, json_t *row, struct err *e)
{
	struct export *x = ctx;
	int rc;

	if (x->done >= x->max_rows) {
		x->too_many = true;
		return err_set(e, ERR_TOOBIG, "too_many_rows", NULL, "%s", "");
	}
	rc = xlsxw_row(x->w, e);
	for (size_t i = 0; rc == 0 && i < x->ncols; i++)
		rc = cell_write(x, path_get(row, x->cols[i].key),
		    x->cols[i].values, e);
	if (rc != 0)
		return rc;
	if (++x->done % PROG_STEP == 0)
		prog_set(x->slot, P_WRITING, x->done, -1);
	return 0;
}

/* ---- handlers ------------------------------------------------------ */

/* 413 with its message: the error table hides ERR_TOOBIG's detail. */
static int
too_many_rows(struct req *r, int64_t total)
{
	char msg[256];

	snprintf(msg, sizeof(msg), "Danh sách có %lld dòng, vượt quá giới "
	    "hạn %d dòng của một trang Excel; hãy lọc bớt.",
	    (long long)total, EXPORT_ROWS_MAX);
	json_decref(r->out);
	r->out = json_pack("{s:{s:s, s:s}}", "error", "code",
	    "too_many_rows", "message", msg);
	r->status = 413;
	return 0;
}

/*
 * SQLite sorts a whole list (ORDER BY without an index) in its sorter.
 * The connections keep temporary data in memory (temp_store=MEMORY),
 * which for a million wide rows is most of a gigabyte: during an export
 * the sorter spills to temporary files instead, sorts runs of at most
 * EXPORT_SORT_KIB KiB in memory, and uses a helper thread.  Back to
 * SQLite's defaults afterwards (the connection returns to the pool).
 */
#define EXPORT_SORT_KIB	"65536"	/* sorter memory (PRAGMA cache_size) */

static int
sort_settings(struct store *st, bool on, struct err *e)
{
	if (store_kind(st) != STORE_SQLITE)
		return 0;
	if (on)
		return store_exec(st, "PRAGMA temp_store=FILE;"
		    "PRAGMA cache_size=-" EXPORT_SORT_KIB ";"
		    "PRAGMA threads=2;", e);
	return store_exec(st, "PRAGMA temp_store=MEMORY;"
	    "PRAGMA cache_size=-2000;PRAGMA threads=0;", e);
}

/* Run the list handler rt for path with the sink installed, in one
 * read transaction (REPEATABLE READ on PostgreSQL, so that its pages
 * see one snapshot), as dispatch runs a GET. */
static int
run_list(struct req *r, const struct route *rt, const char *path,
    json_t *query, struct list_sink *sink)
{
	const char *method = r->method;
	char *url = r->url;
	int rc;

	rc = sort_settings(r->st, true, &r->err);
	if (rc == 0)
		rc = store_begin(r->st, &r->err);
	if (rc == 0 && store_kind(r->st) == STORE_PGSQL)
		rc = store_exec(r->st, "SET TRANSACTION ISOLATION LEVEL "
		    "REPEATABLE READ", &r->err);
	if (rc != 0) {
		store_rollback(r->st);
		sort_settings(r->st, false, NULL);
		return rc;
	}
	r->url = xstrdup(path);
	r->method = "GET";
	r->query = query;
	list_sink_set(sink);
	rc = rt->fn(r);
	list_sink_set(NULL);
	r->query = NULL;
	free(r->url);
	r->url = url;
	r->method = method;
	if (rc == 0)
		rc = store_commit(r->st, &r->err);
	if (rc != 0)
		store_rollback(r->st);
	sort_settings(r->st, false, NULL);
	/* The handler's own answer (the empty page) is not sent. */
	json_decref(r->out);
	r->out = NULL;
	free(r->out_text);
	r->out_text = NULL;
	free(r->out_bytes);
	r->out_bytes = NULL;
	r->status = 200;
	return rc;
}

/* Close the workbook and hand its file to the server by descriptor. */
static int
send_workbook(struct req *r, struct export *x, const char *filename)
{
	struct stat sb;
	char *path;
	int rc, fd;

	rc = xlsxw_finish_path(x->w, &path, &r->err);
	x->w = NULL;
	if (rc != 0)
		return rc;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	unlink(path);
	free(path);
	if (fd < 0 || fstat(fd, &sb) != 0) {
		if (fd >= 0)
			close(fd);
		return err_set(&r->err, ERR_IO, "internal", NULL,
		    "export: cannot open the workbook");
	}
	req_send_fd(r, fd, (size_t)sb.st_size, XLSX_TYPE,
	    filename != NULL ? filename : "danh-sach.xlsx");
	return 0;
}

static int
export_run(struct req *r, struct export *x, const char *path,
    const char *filename, json_t *query)
{
	struct list_sink sink = { sink_begin, sink_row, x, false };
	const struct route *rt;
	int rc;

	rt = req_find_get_route(r, path);
	if (rt == NULL)
		return err_set(&r->err, ERR_NOTFOUND, "not_found", "path",
		    "Không tìm thấy danh sách có địa chỉ này.");
	/* Lists are plain reads: public, store-less, upload and own-
	 * transaction routes (files, audited identity reveals) are not. */
	if (!(rt->flags & R_AUTH) ||
	    (rt->flags & (R_NOSTORE | R_UPLOAD | R_OWN_TXN)))
		return err_set(&r->err, ERR_INVAL, "not_exportable", "path",
		    "Danh sách này không xuất được ra Excel.");
	rc = run_list(r, rt, path, query, &sink);
	if (rc == ERR_TOOBIG && x->too_many)
		return too_many_rows(r, x->total);
	if (rc == 0 && !sink.produced)
		rc = err_set(&r->err, ERR_INVAL, "not_exportable", "path",
		    "Danh sách này không xuất được ra Excel.");
	if (rc == 0 && x->w == NULL)
		rc = err_set(&r->err, ERR_INTERNAL, "internal", NULL,
		    "export: the list produced no workbook");
	if (rc == 0)
		rc = send_workbook(r, x, filename);
	return rc;
}

static int
api_export(struct req *r)
{
	const char *path = NULL, *filename = NULL, *token = NULL;
	struct export *x;
	json_t *query = NULL;
	int rc;

	x = xcalloc(1, sizeof(*x));
	x->r = r;
	x->slot = -1;
	rc = parse_body(r, x, &path, &filename, &token, &query);
	if (rc == 0) {
		x->max_rows = EXPORT_ROWS_MAX - (x->title != NULL ? 1 : 0);
		x->cell = xmalloc(CELL_MAX + 1);
		if (token != NULL)
			x->slot = prog_claim(r->sess.actor.user_id, token);
		rc = export_run(r, x, path, filename, query);
		prog_set(x->slot, rc == 0 && r->status == 200 ? P_DONE :
		    P_FAILED, x->done, -1);
	}
	xlsxw_free(x->w);
	free(x->cell);
	free(x);
	json_decref(query);
	return rc;
}

static int
api_export_progress(struct req *r)
{
	const char *token = r->params[0];
	json_t *o = NULL;

	if (token_ok(token)) {
		pthread_mutex_lock(&prog_lock);
		for (int i = 0; i < PROG_SLOTS; i++) {
			struct prog *p = &progs[i];

			if (p->state == P_FREE ||
			    p->user != r->sess.actor.user_id ||
			    strcmp(p->token, token) != 0)
				continue;
			o = json_pack("{s:s, s:s, s:I, s:I}", "token", token,
			    "state", prog_names[p->state], "done",
			    (json_int_t)p->done, "total",
			    (json_int_t)p->total);
			break;
		}
		pthread_mutex_unlock(&prog_lock);
	}
	if (o == NULL)
		return err_set(&r->err, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy tiến trình xuất tệp này.");
	r->out = o;
	return 0;
}

const struct route api_export_routes[] = {
	{ "POST", "/api/v1/exports", api_export, R_CSRF },
	{ "GET", "/api/v1/exports/:token", api_export_progress, R_AUTH },
	{ NULL, NULL, NULL, 0 }
};
