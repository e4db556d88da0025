/*
 * report.h - periodic reports (issue 6; DOMAIN.md §11, §16): a template
 * (data an administrator edits) + a unit + a period -> a document whose
 * figures come from the indicator roll-up (indicator.h) and whose
 * sentences are written from them in the style of the reference reports
 * ("tổ chức tiếp 3.146 lượt với 3.896 người", "đạt 99,74%", "tăng 568 mô
 * hình so với năm 2022", "04 Hội nghị đối thoại").
 *
 * A report is stored as a draft: staff edit its texts, then issue it with
 * a number and a day; the issued content never changes again.  Every
 * format (DOCX in the official layout, the XLSX annex, HTML) is rendered
 * from the stored content, so the issued version always renders the same.
 *
 * Template texts hold placeholders:
 *   {period} {period_prev} {period_year_before} {from} {to} {unit}
 *   {unit_kind} ("tỉnh", "xã", ...) {unit_short} (the name without it)
 *   {code}           the figure of indicator code ("3.146", "99,74%")
 *   {code|n2}        a count with the leading zero of small counts ("04")
 *   {code|prev}      the previous period's figure; {code|yb} a year before
 *   {code|change_prev} / {code|change_yb}
 *                    "tăng 568 mô hình so với năm 2022" (or "giảm",
 *                    "không thay đổi")
 *   {code|rank_change_prev} / {code|rank_change_yb}
 *                    for a rank, where smaller is better: 32 -> 16 is
 *                    "tăng 16 bậc so với năm 2022"
 * A figure without data is written "…" and listed in the warnings.
 */
#ifndef DOMAIN_REPORT_H
#define DOMAIN_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

#define REPORT_TEXT_MAX		20000	/* characters of one text */
#define REPORT_BLOCKS_MAX	400
#define REPORT_CODE_MAX		40

/* Templates. */
int	report_template_list(struct store *st, json_t **out, struct err *e);
int	report_template_get(struct store *st, const char *code, json_t **out,
	    struct err *e);

struct report_template_input {
	const char	*name, *regime, *type_name, *type_abbr, *abstract;
	json_t		*body;		/* borrowed; NULL: unchanged */
	int64_t		 cutoff_day;
	bool		 has_cutoff_day;
};

/* POST (sysadmin): a new template; code [a-z0-9_]{1,40}; name, regime,
 * type_name, type_abbr, abstract and body required (cutoff_day default
 * 15).  409 conflict on a taken code. */
int	report_template_create(struct store *st, const struct actor *a,
	    const char *code, const struct report_template_input *in,
	    json_t **out, struct err *e);
/* PATCH (sysadmin): placeholders are checked against the catalogue. */
int	report_template_update(struct store *st, const struct actor *a,
	    const char *code, const struct report_template_input *in,
	    json_t **out, struct err *e);

/* What a report is of. */
struct report_query {
	const char	*template;
	int		 structure;
	const char	*unit;
	const char	*period;
	int64_t		 org_id;	/* issuing organisation; 0: none */
	int		 cutoff;	/* -1: the template's */
};

/* Build the content of a report (nothing stored): for the CLI. */
int	report_build(struct store *st, const struct actor *a,
	    const struct report_query *q, json_t **content, struct err *e);

/* Build and store a draft -> the report (201). */
int	report_create(struct store *st, const struct actor *a,
	    const struct report_query *q, json_t **out, struct err *e);
int	report_get(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);

struct report_list_query {
	int		 structure;
	const char	*unit;
	const char	*template;
	const char	*status;
	int64_t		 limit, offset;
};

int	report_list(struct store *st, const struct actor *a,
	    const struct report_list_query *f, json_t **out, struct err *e);

/*
 * Edit a draft: edits is {"head":{...}, "texts":[{"index":N,"text":"…"}],
 * "closing":{...}} (every part optional).  409 invalid_state once issued.
 */
int	report_update(struct store *st, const struct actor *a, int64_t id,
	    json_t *edits, json_t **out, struct err *e);

/* Issue a draft with its number (1..999999) and day (YYYY-MM-DD). */
int	report_issue(struct store *st, const struct actor *a, int64_t id,
	    int64_t number, const char *day, json_t **out, struct err *e);
int	report_delete(struct store *st, const struct actor *a, int64_t id,
	    struct err *e);

/* The stored content of report id (for the renderers below). */
int	report_content(struct store *st, const struct actor *a, int64_t id,
	    json_t **content, struct err *e);

/* Render content (report_build / report_content) into malloc'd bytes. */
enum report_format { REPORT_DOCX, REPORT_XLSX, REPORT_HTML };

int	report_render(json_t *content, enum report_format f, char **data,
	    size_t *len, struct err *e);
/* "bao-cao-25-2023.docx": a file name for the download. */
void	report_file_name(json_t *content, enum report_format f, char *out,
	    size_t n);

#endif
