/* report_int.h - shared by report.c, report_text.c and report_render.c. */
#ifndef DOMAIN_REPORT_INT_H
#define DOMAIN_REPORT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "domain/report.h"

/* What the placeholders of one report read. */
struct report_ctx {
	json_t	*figures;		/* code -> roll-up item */
	char	 period_label[64];	/* "năm 2023" */
	char	 prev_label[64];	/* "năm 2022", "6 tháng đầu năm 2023" */
	char	 yb_label[64];		/* "năm 2022", "6 tháng cuối năm 2022" */
	char	 yb_words[80];		/* "năm 2022", "cùng kỳ năm 2022" */
	char	 from_vi[16], to_vi[16];
	char	 unit_name[256];
	char	 unit_kind[32];		/* "tỉnh", "xã", "phường", ... */
	char	 unit_short[256];	/* the name without the kind */
};

/* "Tỉnh Phú Thọ" -> "tỉnh", "Phú Thọ". */
void	report_unit_words(const char *name, char *kind, size_t kn,
	    char *rest, size_t rn);
/* Every placeholder of text is known: a word or a code of `codes` (an
 * object); the codes used go into `used` (may be NULL).  ERR_INVAL with
 * *bad at the first bad "{". */
int	report_text_check(const char *text, json_t *codes, json_t *used,
	    const char **bad);
/* text with its placeholders filled (malloc'd *out); figures without data
 * become "…" and a warning. */
int	report_fill(const char *text, const struct report_ctx *c, char **out,
	    json_t *warnings);
/* A figure in its measure: "3.146", "99,74%". */
void	report_figure(double v, int decimals, const char *measure, char *out,
	    size_t n);

#endif
