/*
 * jbind.h - allowlisted JSON request bodies.  Each endpoint declares its
 * fields in a const table (name, type, required, length limit, destination
 * offset); jbind() fills a plain C struct and rejects unknown fields,
 * missing required ones, wrong types, invalid text and over-long strings.
 * Strings are NFC-normalised copies owned by struct jbind_strings.
 */
#ifndef HTTP_JBIND_H
#define HTTP_JBIND_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

struct err;

enum jf_type {
	JF_STR,		/* const char * at off */
	JF_BOOL,	/* bool at off, bool "present" at set_off */
	JF_UNIT,	/* struct unit_ref at off: {"structure","code"} */
	JF_INT,		/* int64_t at off in 0..max_len, bool "present" at set_off */
	JF_NUM,		/* double at off in -max_len..max_len, "present" at set_off */
};

struct jfield {
	const char	*name;
	enum jf_type	 type;
	bool		 required;
	size_t		 max_len;	/* code points (JF_STR), largest value (JF_INT, JF_NUM) */
	size_t		 off;
	size_t		 set_off;	/* JF_BOOL, JF_INT, JF_NUM */
};

#define JBIND_MAX_STRINGS	16

struct jbind_strings {
	char	*s[JBIND_MAX_STRINGS];
	size_t	 n;
};

/* Parse body[0..len) as a JSON object (invalid_json / invalid_utf8). The
 * caller owns *out (json_decref). */
int	jbind_parse(const char *body, size_t len, json_t **out, struct err *e);
/* Bind obj into dst by the NULL-terminated field table. */
int	jbind(json_t *obj, const struct jfield *fields, void *dst,
	    struct jbind_strings *owned, struct err *e);
void	jbind_strings_release(struct jbind_strings *owned);

#endif
