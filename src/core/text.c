/*
 * text.c - ICU wrappers.  The one collator is opened once (pthread_once)
 * and used under a mutex: ICU documents collators as not thread-safe.
 */
#include "core/text.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/xalloc.h"

static pthread_once_t coll_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t coll_lock = PTHREAD_MUTEX_INITIALIZER;
static UCollator *coll;		/* tertiary strength */
static UCollator *coll_primary;	/* letters only: tones and case ignored */

static UCollator *
coll_new(UColAttributeValue strength)
{
	UErrorCode st = U_ZERO_ERROR;
	UCollator *c;

	c = ucol_open("vi", &st);
	if (U_FAILURE(st))
		return NULL;
	/* "Phường 2" before "Phường 10". */
	ucol_setAttribute(c, UCOL_NUMERIC_COLLATION, UCOL_ON, &st);
	ucol_setStrength(c, strength);
	if (U_FAILURE(st)) {
		ucol_close(c);
		return NULL;
	}
	return c;
}

static void
coll_open(void)
{
	coll = coll_new(UCOL_TERTIARY);
	coll_primary = coll_new(UCOL_PRIMARY);
}

bool
text_is_valid(const char *s, size_t len)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = 0;
	size_t i;

	if (len > INT32_MAX)
		return false;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			return false;
		if (c == 0x7f)
			return false;
	}
	u_strFromUTF8(NULL, 0, &n, s, (int32_t)len, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING)
		st = U_ZERO_ERROR;
	if (U_FAILURE(st))
		return false;
	/* C1 controls (C2 80..C2 9F) and bidirectional overrides/isolates
	 * (E2 80 AA..AE, E2 81 A6..A9), which can disguise text. */
	for (i = 0; i + 1 < len; i++) {
		unsigned char a = (unsigned char)s[i], b = (unsigned char)s[i + 1];

		if (a == 0xc2 && b >= 0x80 && b <= 0x9f)
			return false;
		if (a == 0xe2 && i + 2 < len) {
			unsigned char c = (unsigned char)s[i + 2];

			if ((b == 0x80 && c >= 0xaa && c <= 0xae) ||
			    (b == 0x81 && c >= 0xa6 && c <= 0xa9))
				return false;
		}
	}
	return true;
}

/* UTF-8 -> freshly allocated UTF-16; NULL on invalid input. */
static UChar *
to_u16(const char *s, size_t len, int32_t *ulen)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar *u;
	int32_t n = 0;

	if (len > INT32_MAX / 2)
		return NULL;
	u_strFromUTF8(NULL, 0, &n, s, (int32_t)len, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	st = U_ZERO_ERROR;
	u = xmalloc(((size_t)n + 1) * sizeof(UChar));
	u_strFromUTF8(u, n + 1, NULL, s, (int32_t)len, &st);
	if (U_FAILURE(st)) {
		free(u);
		return NULL;
	}
	*ulen = n;
	return u;
}

static char *
to_u8(const UChar *u, int32_t ulen)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = 0;
	char *s;

	u_strToUTF8(NULL, 0, &n, u, ulen, &st);
	st = U_ZERO_ERROR;
	s = xmalloc((size_t)n + 1);
	u_strToUTF8(s, n + 1, NULL, u, ulen, &st);
	s[n] = '\0';
	return s;
}

static UChar *
normalize(const UNormalizer2 *nf, const UChar *u, int32_t ulen,
    int32_t *outlen)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n;
	UChar *o;

	n = unorm2_normalize(nf, u, ulen, NULL, 0, &st);
	st = U_ZERO_ERROR;
	o = xmalloc(((size_t)n + 1) * sizeof(UChar));
	unorm2_normalize(nf, u, ulen, o, n + 1, &st);
	*outlen = n;
	return o;
}

int
text_nfc(const char *s, size_t len, char **out)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc;
	UChar *u, *n;
	int32_t ulen, nlen;

	if (!text_is_valid(s, len))
		return ERR_INVAL;
	nfc = unorm2_getNFCInstance(&st);
	if (U_FAILURE(st))
		return ERR_INTERNAL;
	u = to_u16(s, len, &ulen);
	if (u == NULL)
		return ERR_INVAL;
	if (unorm2_isNormalized(nfc, u, ulen, &st) && U_SUCCESS(st)) {
		free(u);
		*out = xstrndup(s, len);
		return 0;
	}
	n = normalize(nfc, u, ulen, &nlen);
	*out = to_u8(n, nlen);
	free(u);
	free(n);
	return 0;
}

int
text_fold(const char *s, char **out)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfd;
	UChar *u, *d;
	int32_t ulen, dlen, i, j;
	bool space = true;

	nfd = unorm2_getNFDInstance(&st);
	if (U_FAILURE(st))
		return ERR_INTERNAL;
	u = to_u16(s, strlen(s), &ulen);
	if (u == NULL)
		return ERR_INVAL;
	d = normalize(nfd, u, ulen, &dlen);
	free(u);
	for (i = 0, j = 0; i < dlen; i++) {
		UChar c = d[i];

		if (u_charType(c) == U_NON_SPACING_MARK)
			continue;
		if (c == 0x0110 || c == 0x0111)		/* Đ đ */
			c = 'd';
		if (u_isUWhiteSpace(c)) {
			if (!space)
				d[j++] = ' ';
			space = true;
			continue;
		}
		d[j++] = (UChar)u_foldCase(c, U_FOLD_CASE_DEFAULT);
		space = false;
	}
	if (j > 0 && d[j - 1] == ' ')
		j--;
	*out = to_u8(d, j);
	free(d);
	return 0;
}

static int
sort_key(UCollator *const *which, const char *s, char **out)
{
	static const char hex[] = "0123456789abcdef";
	uint8_t stackkey[512], *key = stackkey;
	UChar *u;
	int32_t ulen, n;
	char *h;

	pthread_once(&coll_once, coll_open);
	if (*which == NULL)
		return ERR_INTERNAL;
	u = to_u16(s, strlen(s), &ulen);
	if (u == NULL)
		return ERR_INVAL;
	pthread_mutex_lock(&coll_lock);
	n = ucol_getSortKey(*which, u, ulen, key, sizeof(stackkey));
	if (n > (int32_t)sizeof(stackkey)) {
		key = xmalloc((size_t)n);
		n = ucol_getSortKey(*which, u, ulen, key, n);
	}
	pthread_mutex_unlock(&coll_lock);
	free(u);
	/* The key ends in a 0 byte that carries no order; drop it. */
	if (n > 0 && key[n - 1] == 0)
		n--;
	h = xmalloc((size_t)n * 2 + 1);
	for (int32_t i = 0; i < n; i++) {
		h[2 * i] = hex[key[i] >> 4];
		h[2 * i + 1] = hex[key[i] & 15];
	}
	h[2 * n] = '\0';
	if (key != stackkey)
		free(key);
	*out = h;
	return 0;
}

int
text_sort_key(const char *s, char **out)
{
	return sort_key(&coll, s, out);
}

int
text_sort_key_primary(const char *s, char **out)
{
	return sort_key(&coll_primary, s, out);
}

size_t
text_length(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

int
text_like_pattern(const char *s, char **out)
{
	struct buf b;
	char *fold = NULL;
	int rc;

	rc = text_fold(s, &fold);
	if (rc != 0)
		return rc;
	buf_init(&b, 4 * strlen(fold) + 3);
	buf_add_char(&b, '%');
	for (const char *p = fold; *p != '\0'; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			buf_add_char(&b, '\\');
		buf_add_char(&b, *p);
	}
	buf_add_char(&b, '%');
	free(fold);
	*out = buf_detach(&b, NULL);
	return 0;
}
