/*
 * vocab.h - the closed vocabularies of reception and petitions (DOMAIN.md
 * P-DON-14, §3, §5.4) with their Vietnamese labels.  Codes are stored and
 * sent over the API; labels are for documents (registers, exports).
 */
#ifndef DOMAIN_VOCAB_H
#define DOMAIN_VOCAB_H

#include <stdbool.h>

struct err;
struct store;

struct vocab {
	const char	*code;
	const char	*label;
};

extern const struct vocab vocab_session_kind[];
extern const struct vocab vocab_classification[];
extern const struct vocab vocab_eligibility[];
extern const struct vocab vocab_visit_direction[];
extern const struct vocab vocab_source[];
extern const struct vocab vocab_status[];

/* The entry for code in a NULL-terminated table, or NULL. */
const struct vocab *vocab_find(const struct vocab *v, const char *code);
/* Label of code, or the code itself when unknown. */
const char	*vocab_label(const struct vocab *v, const char *code);

/* Does field code exist in petition_fields?  0 with *ok, or ERR_DB. */
int	vocab_field_exists(struct store *st, const char *code, bool *ok,
	    struct err *e);
/* An integer setting (table settings) or def when absent/invalid. */
int	settings_int(struct store *st, const char *key, int def, int *out,
	    struct err *e);

#endif
