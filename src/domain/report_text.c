/*
 * report_text.c - the sentences of a report: template placeholders filled
 * with the figures of the roll-up, in the forms of the reference reports
 * (see report.h for the placeholders).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/vnfmt.h"
#include "domain/record.h"
#include "domain/report_int.h"

#define NAME_MAX_LEN	64

static const char *const words[] = {
	"period", "period_prev", "period_year_before", "from", "to", "unit",
	"unit_kind", "unit_short", NULL
};
static const char *const fmts[] = {
	"", "n2", "prev", "yb", "change_prev", "change_yb", "ty", "trieu",
	"rank_change_prev", "rank_change_yb", NULL
};

/* Administrative prefixes, longest first ("Thành phố" before "Thị"). */
static const char *const prefixes[] = {
	"Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Tỉnh", "Huyện",
	"Quận", "Phường", "Xã", NULL
};

void
report_unit_words(const char *name, char *kind, size_t kn, char *rest,
    size_t rn)
{
	snprintf(kind, kn, "%s", "địa bàn");
	snprintf(rest, rn, "%s", name);
	for (int i = 0; prefixes[i] != NULL; i++) {
		size_t n = strlen(prefixes[i]);

		if (strncmp(name, prefixes[i], n) == 0 && name[n] == ' ') {
			/* "Tỉnh" -> "tỉnh": the prefixes start with one
			 * upper-case letter of one or two bytes */
			if (strncmp(prefixes[i], "Đ", 2) == 0)
				snprintf(kind, kn, "đ%s", prefixes[i] + 2);
			else
				snprintf(kind, kn, "%c%s", prefixes[i][0] -
				    'A' + 'a', prefixes[i] + 1);
			snprintf(rest, rn, "%s", name + n + 1);
			return;
		}
	}
}

/* Split "{name|fmt}" (without braces) into name and fmt; false when it is
 * not a placeholder we know (unknown indicator codes are checked by the
 * caller against the catalogue). */
static bool
split(const char *s, size_t len, char *name, char *fmt)
{
	const char *bar = memchr(s, '|', len);
	size_t n = bar != NULL ? (size_t)(bar - s) : len;
	size_t f = bar != NULL ? len - n - 1 : 0;

	if (n == 0 || n >= NAME_MAX_LEN || f >= NAME_MAX_LEN)
		return false;
	memcpy(name, s, n);
	name[n] = '\0';
	memcpy(fmt, bar != NULL ? bar + 1 : "", f);
	fmt[f] = '\0';
	for (size_t i = 0; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= '0' &&
		    name[i] <= '9') || name[i] == '_'))
			return false;
	return rec_index_of(fmts, fmt) >= 0;
}

int
report_text_check(const char *text, json_t *codes, json_t *used,
    const char **bad)
{
	const char *p = text, *open, *close;
	char name[NAME_MAX_LEN], fmt[NAME_MAX_LEN];

	*bad = NULL;
	for (open = strchr(p, '{'); open != NULL; open = strchr(p, '{')) {
		close = strchr(open + 1, '}');
		if (close == NULL || !split(open + 1, (size_t)(close - open -
		    1), name, fmt)) {
			*bad = open;
			return ERR_INVAL;
		}
		if (rec_index_of(words, name) >= 0) {
			if (fmt[0] != '\0') {
				*bad = open;
				return ERR_INVAL;
			}
		} else if (json_object_get(codes, name) == NULL) {
			*bad = open;
			return ERR_INVAL;
		} else if (used != NULL) {
			json_object_set_new(used, name, json_true());
		}
		p = close + 1;
	}
	return 0;
}

/* A figure in its measure: "3.146", "99,74%", "5,5". */
void
report_figure(double v, int decimals, const char *measure, char *out,
    size_t n)
{
	char b[VN_NUM_LEN];

	if (measure != NULL && strcmp(measure, "%") == 0) {
		if (vn_format_percent(v, decimals, b) != 0)
			snprintf(b, sizeof(b), "…");
	} else if (decimals == 0 && fabs(v) < 1e15) {
		vn_format_int(llround(v), b);
	} else if (vn_format_number(v, decimals, b) != 0) {
		snprintf(b, sizeof(b), "…");
	} else if (strchr(b, ',') != NULL) {
		/* "2,0 km" reads "2 km", "2,50" reads "2,5" */
		size_t len = strlen(b);

		while (len > 0 && b[len - 1] == '0')
			b[--len] = '\0';
		if (len > 0 && b[len - 1] == ',')
			b[--len] = '\0';
	}
	snprintf(out, n, "%s", b);
}

/* v / scale with up to `decimals` places, trailing zeros dropped:
 * 5953000000 / 1e9 -> "5,953". */
static void
scaled_words(double v, double scale, int decimals, char *out, size_t n)
{
	char b[VN_NUM_LEN];
	size_t len;

	if (vn_format_number(v / scale, decimals, b) != 0) {
		snprintf(out, n, "…");
		return;
	}
	len = strlen(b);
	if (strchr(b, ',') != NULL) {
		while (len > 0 && b[len - 1] == '0')
			b[--len] = '\0';
		if (len > 0 && b[len - 1] == ',')
			b[--len] = '\0';
	}
	snprintf(out, n, "%s", b);
}

static bool
number_of(json_t *item, const char *key, double *v)
{
	json_t *x = json_object_get(item, key);

	if (!json_is_number(x))
		return false;
	*v = json_number_value(x);
	return true;
}

/* "tăng 568 mô hình so với năm 2022". */
static void
change_words(json_t *item, const char *key, const char *label, char *out,
    size_t n)
{
	const char *measure = rec_member(item, "measure");
	int dec = (int)json_integer_value(json_object_get(item, "decimals"));
	bool pct = measure != NULL && strcmp(measure, "%") == 0;
	double cur, ref, d;
	char fig[VN_NUM_LEN + 8];

	if (!number_of(item, "value", &cur) || !number_of(item, key, &ref)) {
		snprintf(out, n, "…");
		return;
	}
	d = cur - ref;
	if (fabs(d) < pow(10, -dec) / 2) {
		snprintf(out, n, "không thay đổi so với %s", label);
		return;
	}
	report_figure(fabs(d), dec, measure, fig, sizeof(fig));
	snprintf(out, n, "%s %s%s%s so với %s", d > 0 ? "tăng" : "giảm", fig,
	    pct ? "" : " ", pct ? "" : measure, label);
}

/* A rank, where smaller is better: from 32 to 16 is "tăng 16 bậc so với năm
 * 2022"; the same rank "giữ nguyên thứ hạng so với …". */
static void
rank_words(json_t *item, const char *key, const char *label, char *out,
    size_t n)
{
	double cur, ref;
	long long d;

	if (!number_of(item, "value", &cur) || !number_of(item, key, &ref)) {
		snprintf(out, n, "…");
		return;
	}
	d = llround(ref - cur);
	if (d == 0)
		snprintf(out, n, "giữ nguyên thứ hạng so với %s", label);
	else
		snprintf(out, n, "%s %lld bậc so với %s", d > 0 ? "tăng" :
		    "giảm", d > 0 ? d : -d, label);
}

int
report_fill(const char *text, const struct report_ctx *c, char **out,
    json_t *warnings)
{
	const char *p = text, *open, *close;
	char name[NAME_MAX_LEN], fmt[NAME_MAX_LEN], w[256];
	struct buf b;

	buf_init(&b, 4 * REPORT_TEXT_MAX);
	for (open = strchr(p, '{'); open != NULL; open = strchr(p, '{')) {
		close = strchr(open + 1, '}');
		buf_add(&b, p, (size_t)(open - p));
		if (close == NULL || !split(open + 1, (size_t)(close - open -
		    1), name, fmt)) {
			buf_add_char(&b, '{');
			p = open + 1;
			continue;
		}
		p = close + 1;
		w[0] = '\0';
		switch (rec_index_of(words, name)) {
		case 0: snprintf(w, sizeof(w), "%s", c->period_label); break;
		case 1: snprintf(w, sizeof(w), "%s", c->prev_label); break;
		case 2: snprintf(w, sizeof(w), "%s", c->yb_label); break;
		case 3: snprintf(w, sizeof(w), "%s", c->from_vi); break;
		case 4: snprintf(w, sizeof(w), "%s", c->to_vi); break;
		case 5: snprintf(w, sizeof(w), "%s", c->unit_name); break;
		case 6: snprintf(w, sizeof(w), "%s", c->unit_kind); break;
		case 7: snprintf(w, sizeof(w), "%s", c->unit_short); break;
		default: {
			json_t *item = json_object_get(c->figures, name);
			const char *key = strcmp(fmt, "prev") == 0 ?
			    "previous" : strcmp(fmt, "yb") == 0 ?
			    "year_before" : "value";
			double v;

			if (strncmp(fmt, "change_", 7) == 0) {
				bool prev = strcmp(fmt, "change_prev") == 0;

				change_words(item, prev ? "previous" :
				    "year_before", prev ? c->prev_label :
				    c->yb_words, w, sizeof(w));
			} else if (strncmp(fmt, "rank_change_", 12) == 0) {
				bool prev = strcmp(fmt, "rank_change_prev") == 0;

				rank_words(item, prev ? "previous" :
				    "year_before", prev ? c->prev_label :
				    c->yb_words, w, sizeof(w));
			} else if (item == NULL || !number_of(item, key, &v)) {
				snprintf(w, sizeof(w), "…");
			} else if (strcmp(fmt, "n2") == 0) {
				char b2[VN_NUM_LEN];

				vn_format_count2(llround(v), b2);
				snprintf(w, sizeof(w), "%s", b2);
			} else if (strcmp(fmt, "ty") == 0) {
				scaled_words(v, 1e9, 3, w, sizeof(w));
			} else if (strcmp(fmt, "trieu") == 0) {
				scaled_words(v, 1e6, 1, w, sizeof(w));
			} else {
				report_figure(v, (int)json_integer_value(
				    json_object_get(item, "decimals")),
				    rec_member(item, "measure"), w, sizeof(w));
			}
			if (strcmp(w, "…") == 0 && warnings != NULL) {
				char msg[400];

				snprintf(msg, sizeof(msg), "Chưa có số liệu: %s"
				    "%s.", item != NULL ? rec_member(item,
				    "name") : name, key[0] == 'p' ?
				    " (kỳ trước)" : key[0] == 'y' ?
				    " (cùng kỳ năm trước)" : "");
				json_array_append_new(warnings,
				    json_string(msg));
			}
			break;
		}
		}
		buf_add_str(&b, w);
	}
	buf_add_str(&b, p);
	if (buf_error(&b) != 0) {
		buf_release(&b);
		return ERR_TOOBIG;
	}
	*out = buf_detach(&b, NULL);
	return *out != NULL ? 0 : ERR_NOMEM;
}
