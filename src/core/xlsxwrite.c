/*
 * xlsxwrite.c - libxlsxwriter behind a row/cell cursor.  libxlsxwriter
 * writes the package to a file name at workbook_close(), so the name is
 * reserved first with mkstemp (mode 0600) and overwritten in place.
 */
#include "core/xlsxwrite.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/err.h"
#include "core/text.h"
#include "core/xalloc.h"

#define DATE_FORMAT	"dd/mm/yyyy"
#define PATH_LEN	4096

struct xlsxw {
	lxw_workbook	*wb;
	lxw_worksheet	*ws;		/* current sheet, or NULL */
	lxw_format	*f_title;
	lxw_format	*f_head;
	lxw_format	*f_date;
	char		*path;		/* the output file, or NULL */
	char		*dir;		/* libxlsxwriter's temp files */
	lxw_row_t	 first;		/* first data row of the sheet */
	lxw_row_t	 row;		/* current data row */
	lxw_col_t	 col;		/* next cell */
	bool		 in_row;
	int		 rc;		/* first error, sticky */
	struct err	 err;
};

static int	w_fail(struct xlsxw *, struct err *, int, const char *, ...)
		    __attribute__((format(printf, 4, 5)));

/* Record the first error; copy it into e. */
static int
w_fail(struct xlsxw *w, struct err *e, int code, const char *fmt, ...)
{
	char msg[192];
	va_list ap;

	if (w->rc == 0) {
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		w->rc = err_set(&w->err, code, err_name(code), NULL,
		    "Không tạo được tệp XLSX: %s", msg);
	}
	if (e != NULL)
		*e = w->err;
	return w->rc;
}

/* The sticky error, if any (copied into e). */
static int
w_check(struct xlsxw *w, struct err *e)
{
	if (w->rc != 0 && e != NULL)
		*e = w->err;
	return w->rc;
}

static int
w_lxw(struct xlsxw *w, struct err *e, lxw_error le)
{
	int code;

	switch (le) {
	case LXW_NO_ERROR:
		return 0;
	case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
	case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
		code = ERR_TOOBIG;
		break;
	case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
	case LXW_ERROR_INVALID_SHEETNAME_CHARACTER:
	case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
	case LXW_ERROR_SHEETNAME_ALREADY_USED:
	case LXW_ERROR_PARAMETER_VALIDATION:
		code = ERR_INVAL;
		break;
	default:
		code = ERR_IO;
		break;
	}
	return w_fail(w, e, code, "%s", lxw_strerror(le));
}

static bool
utf8_ok(const char *s)
{
	return s == NULL || text_is_valid(s, strlen(s));
}

int
xlsxw_new(struct xlsxw **out, const struct xlsxw_opts *opts,
    struct err *e)
{
	lxw_workbook_options lo;
	struct xlsxw *w;
	const char *dir = opts != NULL ? opts->dir : NULL;
	char path[PATH_LEN];
	int fd, n;

	*out = NULL;
	if (dir == NULL || *dir == '\0')
		dir = getenv("TMPDIR");
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	n = snprintf(path, sizeof(path), "%s/danvan-xlsx-XXXXXX", dir);
	if (n < 0 || (size_t)n >= sizeof(path))
		return err_set(e, ERR_INVAL, "internal", NULL,
		    "Không tạo được tệp XLSX: thư mục tạm quá dài");
	fd = mkstemp(path);
	if (fd < 0)
		return err_set(e, ERR_IO, "internal", NULL,
		    "Không tạo được tệp XLSX: tệp tạm (errno %d)", errno);
	close(fd);
	w = xcalloc(1, sizeof(*w));
	w->path = xstrdup(path);
	w->dir = xstrdup(dir);
	memset(&lo, 0, sizeof(lo));
	lo.constant_memory = opts != NULL && opts->constant_memory ?
	    LXW_TRUE : LXW_FALSE;
	lo.tmpdir = w->dir;
	w->wb = workbook_new_opt(w->path, &lo);
	if (w->wb == NULL) {
		err_set(e, ERR_IO, "internal", NULL,
		    "Không tạo được tệp XLSX: workbook_new_opt");
		xlsxw_free(w);
		return ERR_IO;
	}
	w->f_title = workbook_add_format(w->wb);
	format_set_bold(w->f_title);
	format_set_align(w->f_title, LXW_ALIGN_CENTER);
	format_set_align(w->f_title, LXW_ALIGN_VERTICAL_CENTER);
	w->f_head = workbook_add_format(w->wb);
	format_set_bold(w->f_head);
	format_set_text_wrap(w->f_head);
	format_set_border(w->f_head, LXW_BORDER_THIN);
	format_set_align(w->f_head, LXW_ALIGN_CENTER);
	format_set_align(w->f_head, LXW_ALIGN_VERTICAL_CENTER);
	w->f_date = workbook_add_format(w->wb);
	format_set_num_format(w->f_date, DATE_FORMAT);
	*out = w;
	return 0;
}

int
xlsxw_add_sheet(struct xlsxw *w, const struct xlsxw_sheet *s,
    struct err *e)
{
	lxw_worksheet *ws;
	lxw_row_t r = 0;
	lxw_error le;

	if (w_check(w, e) != 0)
		return w->rc;
	if (s->ncols == 0 || s->ncols > LXW_COL_MAX ||
	    s->ntitles >= LXW_ROW_MAX - 1 ||
	    (s->ncols > 0 && s->cols == NULL) ||
	    (s->ntitles > 0 && s->titles == NULL))
		return w_fail(w, e, ERR_INVAL, "bảng không hợp lệ");
	if (!utf8_ok(s->name))
		return w_fail(w, e, ERR_INVAL, "tên trang tính không hợp lệ");
	for (size_t i = 0; i < s->ntitles; i++)
		if (!utf8_ok(s->titles[i]))
			return w_fail(w, e, ERR_INVAL, "tiêu đề không hợp lệ");
	for (size_t c = 0; c < s->ncols; c++)
		if (!utf8_ok(s->cols[c].name) || !isfinite(s->cols[c].width) ||
		    s->cols[c].width < 0 || s->cols[c].width > 255)
			return w_fail(w, e, ERR_INVAL, "cột %zu không hợp lệ",
			    c + 1);
	if (s->name != NULL) {
		le = workbook_validate_sheet_name(w->wb, s->name);
		if (le != LXW_NO_ERROR)
			return w_lxw(w, e, le);
	}
	ws = workbook_add_worksheet(w->wb, s->name);
	if (ws == NULL)
		return w_fail(w, e, ERR_INVAL, "tên trang tính không hợp lệ");
	w->ws = ws;
	for (size_t c = 0; c < s->ncols; c++)
		if (s->cols[c].width > 0) {
			le = worksheet_set_column(ws, (lxw_col_t)c,
			    (lxw_col_t)c, s->cols[c].width, NULL);
			if (le != LXW_NO_ERROR)
				return w_lxw(w, e, le);
		}
	for (size_t i = 0; i < s->ntitles; i++, r++) {
		const char *t = s->titles[i] != NULL ? s->titles[i] : "";

		if (s->ncols > 1)
			le = worksheet_merge_range(ws, r, 0, r,
			    (lxw_col_t)(s->ncols - 1), t, w->f_title);
		else
			le = worksheet_write_string(ws, r, 0, t, w->f_title);
		if (le != LXW_NO_ERROR)
			return w_lxw(w, e, le);
	}
	for (size_t c = 0; c < s->ncols; c++) {
		const char *t = s->cols[c].name != NULL ? s->cols[c].name : "";

		le = worksheet_write_string(ws, r, (lxw_col_t)c, t, w->f_head);
		if (le != LXW_NO_ERROR)
			return w_lxw(w, e, le);
	}
	worksheet_freeze_panes(ws, r + 1, 0);
	w->first = r + 1;
	w->row = r;
	w->col = 0;
	w->in_row = false;
	return 0;
}

int
xlsxw_row(struct xlsxw *w, struct err *e)
{
	if (w_check(w, e) != 0)
		return w->rc;
	if (w->ws == NULL)
		return w_fail(w, e, ERR_INTERNAL, "chưa có trang tính");
	if (w->in_row && w->row + 1 >= LXW_ROW_MAX)
		return w_fail(w, e, ERR_TOOBIG, "quá %d hàng", LXW_ROW_MAX);
	w->row = w->in_row ? w->row + 1 : w->first;
	w->in_row = true;
	w->col = 0;
	return 0;
}

/* Checks before writing the next cell. */
static int
cell_ready(struct xlsxw *w, struct err *e)
{
	if (w_check(w, e) != 0)
		return w->rc;
	if (!w->in_row)
		return w_fail(w, e, ERR_INTERNAL, "ô nằm ngoài hàng");
	if (w->col >= LXW_COL_MAX)
		return w_fail(w, e, ERR_TOOBIG, "quá %d cột", LXW_COL_MAX);
	return 0;
}

int
xlsxw_blank(struct xlsxw *w, struct err *e)
{
	if (cell_ready(w, e) != 0)
		return w->rc;
	w->col++;
	return 0;
}

int
xlsxw_str(struct xlsxw *w, const char *s, struct err *e)
{
	lxw_error le;

	if (s == NULL || *s == '\0')
		return xlsxw_blank(w, e);
	if (cell_ready(w, e) != 0)
		return w->rc;
	if (!utf8_ok(s))
		return w_fail(w, e, ERR_INVAL, "hàng %u, cột %u: văn bản "
		    "không hợp lệ", (unsigned)w->row + 1,
		    (unsigned)w->col + 1);
	le = worksheet_write_string(w->ws, w->row, w->col, s, NULL);
	if (le != LXW_NO_ERROR)
		return w_lxw(w, e, le);
	w->col++;
	return 0;
}

int
xlsxw_num(struct xlsxw *w, double v, struct err *e)
{
	lxw_error le;

	if (cell_ready(w, e) != 0)
		return w->rc;
	if (!isfinite(v))
		return w_fail(w, e, ERR_RANGE, "hàng %u, cột %u: số không hợp "
		    "lệ", (unsigned)w->row + 1, (unsigned)w->col + 1);
	le = worksheet_write_number(w->ws, w->row, w->col, v, NULL);
	if (le != LXW_NO_ERROR)
		return w_lxw(w, e, le);
	w->col++;
	return 0;
}

int
xlsxw_date(struct xlsxw *w, int y, int m, int d, struct err *e)
{
	static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };
	lxw_datetime dt;
	lxw_error le;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (cell_ready(w, e) != 0)
		return w->rc;
	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1] || (m == 2 && d == 29 && !leap))
		return w_fail(w, e, ERR_RANGE, "hàng %u, cột %u: ngày không "
		    "hợp lệ", (unsigned)w->row + 1, (unsigned)w->col + 1);
	memset(&dt, 0, sizeof(dt));
	dt.year = y;
	dt.month = m;
	dt.day = d;
	le = worksheet_write_datetime(w->ws, w->row, w->col, &dt, w->f_date);
	if (le != LXW_NO_ERROR)
		return w_lxw(w, e, le);
	w->col++;
	return 0;
}

/* Write the package to w->path. */
static int
w_close(struct xlsxw *w, struct err *e)
{
	lxw_error le;

	if (w_check(w, e) != 0)
		return w->rc;
	le = workbook_close(w->wb);	/* frees the workbook */
	w->wb = NULL;
	return w_lxw(w, e, le);
}

/* Read the whole file at path, at most max bytes. */
static int
file_slurp(struct xlsxw *w, size_t max, char **data, size_t *len,
    struct err *e)
{
	struct stat st;
	size_t got = 0;
	char *p;
	int fd;

	fd = open(w->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return w_fail(w, e, ERR_IO, "mở tệp (errno %d)", errno);
	if (fstat(fd, &st) != 0 || st.st_size < 0) {
		close(fd);
		return w_fail(w, e, ERR_IO, "fstat (errno %d)", errno);
	}
	if ((unsigned long long)st.st_size > max) {
		close(fd);
		return w_fail(w, e, ERR_TOOBIG, "tệp lớn quá %zu byte", max);
	}
	p = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, p + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			free(p);
			close(fd);
			return w_fail(w, e, ERR_IO, "đọc tệp (errno %d)",
			    n < 0 ? errno : 0);
		}
		got += (size_t)n;
	}
	close(fd);
	p[got] = '\0';
	*data = p;
	*len = got;
	return 0;
}

int
xlsxw_finish_bytes(struct xlsxw *w, size_t max, char **data, size_t *len,
    struct err *e)
{
	int rc;

	*data = NULL;
	*len = 0;
	rc = w_close(w, e);
	if (rc == 0)
		rc = file_slurp(w, max, data, len, e);
	xlsxw_free(w);
	return rc;
}

int
xlsxw_finish_path(struct xlsxw *w, char **path, struct err *e)
{
	int rc;

	*path = NULL;
	rc = w_close(w, e);
	if (rc == 0) {
		*path = w->path;
		w->path = NULL;
	}
	xlsxw_free(w);
	return rc;
}

void
xlsxw_free(struct xlsxw *w)
{
	if (w == NULL)
		return;
	if (w->wb != NULL)
		lxw_workbook_free(w->wb);
	if (w->path != NULL) {
		unlink(w->path);
		free(w->path);
	}
	free(w->dir);
	free(w);
}
