/*
 * text.h - Vietnamese text handling on top of ICU: UTF-8 validation, NFC
 * normalisation, the search fold (case, tone marks, their placement and
 * đ/d ignored) and Vietnamese collation keys.
 *
 * All functions are thread-safe.  Returned strings are heap-allocated and
 * owned by the caller (free()).
 */
#ifndef CORE_TEXT_H
#define CORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is well-formed UTF-8 without NUL, C0 controls other
 * than tab, CR and LF, DEL, C1 controls, or bidirectional overrides. */
bool	text_is_valid(const char *s, size_t len);
/* NFC copy of s.  Returns 0, or ERR_INVAL when s is not valid UTF-8. */
int	text_nfc(const char *s, size_t len, char **out);
/* Search key: NFC-independent, lower case, no marks, đ->d, runs of
 * white space folded to one space, trimmed.  ERR_INVAL on bad UTF-8. */
int	text_fold(const char *s, char **out);
/* Vietnamese collation key as lowercase hex: comparing two keys bytewise
 * ("C" collation) gives Vietnamese alphabetical order.  ERR_INVAL on bad
 * UTF-8.  Numbers inside text sort by value. */
int	text_sort_key(const char *s, char **out);
/* The same at primary strength: only the letters count (a ă â … are still
 * different letters), tone marks, their placement and case do not. */
int	text_sort_key_primary(const char *s, char **out);
/* SQL LIKE pattern "%fold(s)%" with %, _ and \\ escaped by '\\'.
 * ERR_INVAL on bad UTF-8. */
int	text_like_pattern(const char *s, char **out);
/* Number of Unicode code points in valid UTF-8 s. */
size_t	text_length(const char *s);

#endif
