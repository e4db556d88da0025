/*
 * test_text.c - core/text.h: UTF-8 validation, NFC, the search fold,
 * Vietnamese collation keys, LIKE patterns and code-point length.
 *
 * Source literals are UTF-8 (NFC); decomposed (NFD) forms and malformed
 * byte sequences are written as explicit escapes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/err.h"
#include "core/text.h"

/* ---- helpers ---- */

static bool
valid_str(const char *s)
{
	return text_is_valid(s, strlen(s));
}

static void
assert_fold(const char *in, const char *want)
{
	char *out = NULL;
	int rc = text_fold(in, &out);

	if (rc != 0)
		print_error("text_fold(\"%s\") = %d\n", in, rc);
	assert_int_equal(rc, 0);
	assert_non_null(out);
	if (strcmp(out, want) != 0)
		print_error("text_fold(\"%s\") = \"%s\", want \"%s\"\n", in, out,
		    want);
	assert_string_equal(out, want);
	free(out);
}

static char *
key_of(const char *s)
{
	char *k = NULL;
	int rc = text_sort_key(s, &k);

	if (rc != 0)
		print_error("text_sort_key(\"%s\") = %d\n", s, rc);
	assert_int_equal(rc, 0);
	assert_non_null(k);
	return k;
}

/* Compare as the database does: bytewise ("C" collation) on the keys. */
static int
key_cmp(const char *a, const char *b)
{
	char *ka = key_of(a), *kb = key_of(b);
	int r = strcmp(ka, kb);

	free(ka);
	free(kb);
	return r < 0 ? -1 : r > 0;
}

static void
assert_before(const char *a, const char *b)
{
	if (key_cmp(a, b) >= 0)
		print_error("expected \"%s\" < \"%s\" in Vietnamese order\n",
		    a, b);
	assert_true(key_cmp(a, b) < 0);
	assert_true(key_cmp(b, a) > 0);
}

/* Byte order of the raw strings, to show a test discriminates. */
static int
byte_cmp(const char *a, const char *b)
{
	int r = strcmp(a, b);

	return r < 0 ? -1 : r > 0;
}

static void
assert_chain(const char *const *w)
{
	for (size_t i = 0; w[i + 1] != NULL; i++)
		assert_before(w[i], w[i + 1]);
}

/* Sort an array of strings by sort key (insertion sort; tiny inputs). */
static void
sort_by_key(const char **v, size_t n)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && key_cmp(v[j - 1], v[j]) > 0; j--) {
			const char *t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}

/* ---- text_is_valid ---- */

static void
test_valid_accepts(void **state)
{
	(void)state;
	assert_true(valid_str(""));
	assert_true(valid_str("hello"));
	assert_true(valid_str("Cộng hòa xã hội chủ nghĩa Việt Nam"));
	assert_true(valid_str("Đặc khu Phú Quốc"));
	assert_true(valid_str("Ủy ban nhân dân phường Bến Nghé"));
	assert_true(valid_str("Ho\xcc\x80""a"));		/* NFD is valid */
	assert_true(valid_str("a\tb\r\nc"));			/* allowed C0 */
	assert_true(valid_str("\xe2\x82\xab"));			/* ₫ */
	assert_true(valid_str("\xf0\x9f\x87\xbb\xf0\x9f\x87\xb3")); /* 4-byte */
	assert_true(valid_str("\xf4\x8f\xbf\xbf"));		/* U+10FFFF */
	assert_true(valid_str("\xed\x9f\xbf"));			/* U+D7FF */
	assert_true(valid_str("\xee\x80\x80"));			/* U+E000 */
	/* length is honoured: bytes past len are not looked at */
	assert_true(text_is_valid("ab\xff", 2));
	assert_true(text_is_valid("x", 0));
}

static void
test_valid_rejects_malformed(void **state)
{
	(void)state;
	assert_false(valid_str("\xff"));
	assert_false(valid_str("\xfe"));
	assert_false(valid_str("\x80"));			/* lone continuation */
	assert_false(valid_str("abc\xbf"));
	assert_false(valid_str("\xc3"));			/* truncated 2-byte */
	assert_false(valid_str("\xe1\xba"));			/* truncated 3-byte */
	assert_false(valid_str("\xf0\x9f\x87"));		/* truncated 4-byte */
	assert_false(valid_str("\xc3""a"));			/* bad continuation */
	assert_false(valid_str("Vi\xe1\xbb""t"));
	/* overlong encodings */
	assert_false(valid_str("\xc0\xaf"));			/* '/' */
	assert_false(valid_str("\xc1\xbf"));
	assert_false(valid_str("\xc0\x80"));			/* NUL, "modified" */
	assert_false(valid_str("\xe0\x80\xaf"));
	assert_false(valid_str("\xe0\x9f\xbf"));
	assert_false(valid_str("\xf0\x80\x80\xaf"));
	assert_false(valid_str("\xf0\x8f\xbf\xbf"));
	/* UTF-16 surrogates encoded in UTF-8 */
	assert_false(valid_str("\xed\xa0\x80"));		/* U+D800 */
	assert_false(valid_str("\xed\xbf\xbf"));		/* U+DFFF */
	assert_false(valid_str("\xed\xa0\xbd\xed\xb8\x80"));	/* CESU pair */
	/* beyond U+10FFFF and old 5/6-byte forms */
	assert_false(valid_str("\xf4\x90\x80\x80"));
	assert_false(valid_str("\xf5\x80\x80\x80"));
	assert_false(valid_str("\xf8\x88\x80\x80\x80"));
	assert_false(valid_str("\xfc\x84\x80\x80\x80\x80"));
}

static void
test_valid_rejects_controls(void **state)
{
	(void)state;
	assert_false(text_is_valid("a\0b", 3));			/* embedded NUL */
	assert_false(text_is_valid("\0", 1));
	assert_false(valid_str("a\x01"));
	assert_false(valid_str("\x1b[31m"));			/* ESC */
	assert_false(valid_str("a\x0b" "b"));			/* VT */
	assert_false(valid_str("a\x0c" "b"));			/* FF */
	assert_false(valid_str("\x1f"));
	assert_false(valid_str("a\x7f"));			/* DEL */
	/* every C0 byte except tab, LF, CR */
	for (int c = 1; c < 0x20; c++) {
		char s[2] = { (char)c, '\0' };
		bool ok = c == '\t' || c == '\n' || c == '\r';

		assert_int_equal(text_is_valid(s, 1), ok);
	}
}

/* ---- text_nfc ---- */

static void
test_nfc(void **state)
{
	static const char nfd[] = "Ho\xcc\x80""a";	/* o + U+0300 */
	/* "Việt Nam" fully decomposed: e + U+0323 + U+0302 */
	static const char nfd2[] = "Vie\xcc\xa3\xcc\x82t Nam";
	char *out = NULL;

	(void)state;
	assert_int_equal(text_nfc(nfd, strlen(nfd), &out), 0);
	assert_string_equal(out, "Hòa");
	assert_int_equal(strlen(out), 4);
	free(out);

	assert_int_equal(text_nfc(nfd2, strlen(nfd2), &out), 0);
	assert_string_equal(out, "Việt Nam");
	free(out);

	/* already NFC: an equal copy */
	assert_int_equal(text_nfc("Đà Nẵng", strlen("Đà Nẵng"), &out), 0);
	assert_string_equal(out, "Đà Nẵng");
	free(out);

	/* honours len, result NUL-terminated */
	assert_int_equal(text_nfc("abcdef", 3, &out), 0);
	assert_string_equal(out, "abc");
	free(out);
}

static void
test_nfc_prefix(void **state)
{
	char *out = NULL;

	(void)state;
	/* a length that splits a multi-byte sequence is invalid */
	out = (char *)0x1;
	assert_int_equal(text_nfc("Ho\xcc\x80""a", 3, &out), ERR_INVAL);
	assert_int_equal(text_nfc("", 0, &out), 0);
	assert_string_equal(out, "");
	free(out);
}

static void
test_nfc_invalid(void **state)
{
	char *out = NULL;

	(void)state;
	assert_int_equal(text_nfc("\xff", 1, &out), ERR_INVAL);
	assert_null(out);
	assert_int_equal(text_nfc("\xed\xa0\x80", 3, &out), ERR_INVAL);
	assert_int_equal(text_nfc("\xc0\xaf", 2, &out), ERR_INVAL);
	assert_int_equal(text_nfc("a\0b", 3, &out), ERR_INVAL);
	assert_int_equal(text_nfc("a\x01", 2, &out), ERR_INVAL);
	assert_null(out);
}

/* ---- text_fold ---- */

static void
test_fold_tones_case(void **state)
{
	(void)state;
	/* both tone placements, upper case, no marks: one key */
	assert_fold("Hoà Bình", "hoa binh");
	assert_fold("Hòa Bình", "hoa binh");
	assert_fold("HÒA BÌNH", "hoa binh");
	assert_fold("HOÀ BÌNH", "hoa binh");
	assert_fold("hoa binh", "hoa binh");
	/* NFD input folds the same as NFC */
	assert_fold("Ho\xcc\x80""a Bi\xcc\x80nh", "hoa binh");
	assert_fold("Hoa\xcc\x80 Bi\xcc\x80nh", "hoa binh");
	/* đ/Đ -> d, vowel letters with marks -> base */
	assert_fold("Đà Nẵng", "da nang");
	assert_fold("đường", "duong");
	assert_fold("ĐƯỜNG", "duong");
	assert_fold("Ứng Hòa", "ung hoa");
	assert_fold("Thừa Thiên Huế", "thua thien hue");
	assert_fold("Ơ Ô Ă Â Ê Ư", "o o a a e u");
	assert_fold("Quảng Ngãi", "quang ngai");
	assert_fold("Bà Rịa – Vũng Tàu", "ba ria – vung tau");
	assert_fold("ABC xyz 123", "abc xyz 123");
	assert_fold("", "");
}

static void
test_fold_space(void **state)
{
	(void)state;
	assert_fold("  Hòa   Bình  ", "hoa binh");
	assert_fold("\tHòa\t\n Bình\r\n", "hoa binh");
	assert_fold("a  b   c", "a b c");
	assert_fold("   ", "");
	assert_fold("\xc2\xa0" "x\xe2\x80\x83y\xc2\xa0", "x y");	/* NBSP, EM SP */
	assert_fold("x\xe3\x80\x80y", "x y");			/* ideographic */
}

static void
test_fold_invalid(void **state)
{
	char *out = NULL;

	(void)state;
	assert_int_equal(text_fold("\xff", &out), ERR_INVAL);
	assert_int_equal(text_fold("Hòa\xc3", &out), ERR_INVAL);
	assert_int_equal(text_fold("\xed\xa0\x80", &out), ERR_INVAL);
	assert_int_equal(text_fold("\xc0\xaf", &out), ERR_INVAL);
	assert_null(out);
}

/* ---- text_sort_key ---- */

static void
test_sort_key_format(void **state)
{
	char *k = key_of("Hòa Bình");

	(void)state;
	assert_true(strlen(k) > 0);
	assert_int_equal(strlen(k) % 2, 0);
	for (const char *p = k; *p != '\0'; p++)
		assert_non_null(strchr("0123456789abcdef", *p));
	/* no trailing 00 terminator byte in the key */
	assert_false(strlen(k) >= 2 && strcmp(k + strlen(k) - 2, "00") == 0);
	free(k);

	k = key_of("");
	assert_non_null(k);
	free(k);

	assert_int_equal(text_sort_key("\xff", &k), ERR_INVAL);
	assert_int_equal(text_sort_key("ab\xed\xa0\x80", &k), ERR_INVAL);
}

static void
test_sort_key_equivalence(void **state)
{
	char *a, *b;

	(void)state;
	/* canonically equivalent strings get the same key */
	a = key_of("Ho\xcc\x80""a");
	b = key_of("Hòa");
	assert_string_equal(a, b);
	free(a);
	free(b);
	a = key_of("Vie\xcc\xa3\xcc\x82t");
	b = key_of("Việt");
	assert_string_equal(a, b);
	free(a);
	free(b);
	/* deterministic */
	a = key_of("Thành phố Hồ Chí Minh");
	b = key_of("Thành phố Hồ Chí Minh");
	assert_string_equal(a, b);
	free(a);
	free(b);
	/* but distinct strings differ (tone, case) */
	assert_int_not_equal(key_cmp("ma", "má"), 0);
	assert_int_not_equal(key_cmp("ma", "Ma"), 0);
}

static void
test_sort_key_alphabet(void **state)
{
	/* The 29 letters of the Vietnamese alphabet, in order. */
	static const char *const lower[] = {
		"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i",
		"k", "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t",
		"u", "ư", "v", "x", "y", NULL
	};
	static const char *const upper[] = {
		"A", "Ă", "Â", "B", "C", "D", "Đ", "E", "Ê", "G", "H", "I",
		"K", "L", "M", "N", "O", "Ô", "Ơ", "P", "Q", "R", "S", "T",
		"U", "Ư", "V", "X", "Y", NULL
	};

	(void)state;
	assert_chain(lower);
	assert_chain(upper);
	/* letters are primary: a mark-bearing letter sorts as its own letter
	 * before the next one, in any case */
	assert_before("ăz", "âa");
	assert_before("âz", "ba");
	assert_before("dz", "đa");
	assert_before("Dz", "đa");
	assert_before("đz", "ea");
	assert_before("ez", "êa");
	assert_before("êz", "ga");
	assert_before("oz", "ôa");
	assert_before("ôz", "ơa");
	assert_before("ơz", "pa");
	assert_before("uz", "ưa");
	assert_before("ưz", "va");
	/* byte order would get these wrong (UTF-8 of ă > â, of â > b ...) */
	assert_true(byte_cmp("ă", "â") > 0);
	assert_true(byte_cmp("â", "b") > 0);
	assert_true(byte_cmp("ơ", "p") > 0);
	assert_true(byte_cmp("ư", "v") > 0);
}

static void
test_sort_key_tones(void **state)
{
	/* Dictionary tone order: ngang, huyền, hỏi, ngã, sắc, nặng. */
	static const char *const ma[] = {
		"ma", "mà", "mả", "mã", "má", "mạ", NULL
	};
	static const char *const me[] = {
		"mê", "mề", "mể", "mễ", "mế", "mệ", NULL
	};

	(void)state;
	assert_chain(ma);
	assert_chain(me);
	/* tone is secondary: a later base letter wins over any tone */
	assert_before("mạ", "mă");
	assert_before("mạch", "mai");
	assert_before("má", "mb");
	/* byte order would put á (C3 A1) before ả (E1 BA A3) and ã (C3 A3) */
	assert_true(byte_cmp("má", "mả") < 0);
	/* lower case before upper case at equal letters and tones */
	assert_before("hòa", "Hòa");
}

static void
test_sort_key_place_names(void **state)
{
	(void)state;
	/* "Cà Mau" < "Cao Bằng": the space sorts before any letter; byte
	 * order puts "Cao" first (a = 61 < à = C3 A0). */
	assert_before("Cà Mau", "Cao Bằng");
	assert_true(byte_cmp("Cà Mau", "Cao Bằng") > 0);
	/* "Đà Nẵng" < "Điện Biên": same đ, then a < i; byte order reverses. */
	assert_before("Đà Nẵng", "Điện Biên");
	assert_true(byte_cmp("Đà Nẵng", "Điện Biên") > 0);
	/* every D... before every Đ... */
	assert_before("Dương", "Đà Nẵng");
	assert_before("Duy Xuyên", "Đắk Lắk");
	assert_before("Đắk Lắk", "Đắk Nông");
	assert_before("Đắk Nông", "Điện Biên");
	assert_before("Điện Biên", "Đồng Nai");
	assert_before("Đồng Nai", "Đồng Tháp");
	/* ă before â, both after a */
	assert_before("Bạc Liêu", "Bắc Giang");
	assert_before("Bắc Ninh", "Bến Tre");
	assert_before("Bắc Kạn", "Bắc Ninh");
	assert_before("Hà Tĩnh", "Hải Dương");
	assert_before("Hải Phòng", "Hậu Giang");
	assert_before("Lâm Đồng", "Long An");
	assert_before("Lạng Sơn", "Lâm Đồng");
	assert_before("Quảng Trị", "Quy Nhơn");
	assert_before("Kiên Giang", "Kon Tum");
	assert_before("Kon Tum", "Kỳ Anh");
	/* case does not decide the letter order */
	assert_before("an giang", "Bắc Giang");
	assert_before("Cà Mau", "cao bằng");
	/* prefix first */
	assert_before("Phú", "Phú Thọ");
}

static void
test_sort_key_sorts_list(void **state)
{
	const char *v[] = {
		"Yên Bái", "Đồng Tháp", "Cao Bằng", "Bắc Giang", "An Giang",
		"Điện Biên", "Bà Rịa - Vũng Tàu", "Cà Mau", "Đà Nẵng",
		"Hậu Giang", "Hà Nam", "Hải Dương", "Sơn La", "Sóc Trăng",
		"Ninh Bình", "Nghệ An", "Ô Môn", "Ông Ích Khiêm", "Ơn Trên",
		"Uông Bí", "Ứng Hòa",
	};
	static const char *const want[] = {
		"An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Cà Mau",
		"Cao Bằng", "Đà Nẵng", "Điện Biên", "Đồng Tháp", "Hà Nam",
		"Hải Dương", "Hậu Giang", "Nghệ An", "Ninh Bình", "Ô Môn",
		"Ông Ích Khiêm", "Ơn Trên", "Sóc Trăng", "Sơn La", "Uông Bí",
		"Ứng Hòa", "Yên Bái",
	};
	size_t n = sizeof(v) / sizeof(v[0]);

	(void)state;
	assert_int_equal(n, sizeof(want) / sizeof(want[0]));
	sort_by_key(v, n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i], want[i]) != 0)
			print_error("position %zu: \"%s\", want \"%s\"\n", i,
			    v[i], want[i]);
		assert_string_equal(v[i], want[i]);
	}
}

static void
test_sort_key_numbers(void **state)
{
	(void)state;
	/*
	 * Numeric collation is on: numbers inside names sort by value, as
	 * people expect for "Phường 1 … Phường 12" (byte order would put
	 * "Phường 10" before "Phường 2").
	 */
	assert_before("Phường 1", "Phường 2");
	assert_before("Phường 2", "Phường 10");
	assert_before("Phường 9", "Phường 10");
	assert_before("Phường 10", "Phường 12");
	/* digits sort before letters */
	assert_before("Phường 9", "Phường An Lạc");
	assert_before("123", "abc");
}

/* ---- text_like_pattern ---- */

static void
test_like_pattern(void **state)
{
	char *p = NULL;

	(void)state;
	assert_int_equal(text_like_pattern("Hòa Bình", &p), 0);
	assert_string_equal(p, "%hoa binh%");
	free(p);
	assert_int_equal(text_like_pattern("  ĐÀ   NẴNG ", &p), 0);
	assert_string_equal(p, "%da nang%");
	free(p);
	/* LIKE metacharacters and the escape character are escaped */
	assert_int_equal(text_like_pattern("50%", &p), 0);
	assert_string_equal(p, "%50\\%%");
	free(p);
	assert_int_equal(text_like_pattern("a_b", &p), 0);
	assert_string_equal(p, "%a\\_b%");
	free(p);
	assert_int_equal(text_like_pattern("C:\\x", &p), 0);
	assert_string_equal(p, "%c:\\\\x%");
	free(p);
	assert_int_equal(text_like_pattern("%_\\", &p), 0);
	assert_string_equal(p, "%\\%\\_\\\\%");
	free(p);
	assert_int_equal(text_like_pattern("", &p), 0);
	assert_string_equal(p, "%%");
	free(p);
	/* other characters pass through untouched */
	assert_int_equal(text_like_pattern("[a]*?'\"", &p), 0);
	assert_string_equal(p, "%[a]*?'\"%");
	free(p);
	p = NULL;
	assert_int_equal(text_like_pattern("\xff%", &p), ERR_INVAL);
	assert_null(p);
}

/* ---- text_length ---- */

static void
test_length(void **state)
{
	char big[601];

	(void)state;
	assert_int_equal(text_length(""), 0);
	assert_int_equal(text_length("abc"), 3);
	assert_int_equal(text_length("Hòa Bình"), 8);
	assert_int_equal(strlen("Hòa Bình"), 10);
	assert_int_equal(text_length("Đà Nẵng"), 7);
	assert_int_equal(text_length("Ho\xcc\x80""a"), 4);	/* NFD: 4 points */
	assert_int_equal(text_length("\xe2\x82\xab"), 1);
	assert_int_equal(text_length("\xf0\x9f\x87\xbb\xf0\x9f\x87\xb3"), 2);
	/* 200 three-byte letters: 600 bytes, 200 code points */
	for (int i = 0; i < 200; i++)
		memcpy(big + 3 * i, "ệ", 3);
	big[600] = '\0';
	assert_int_equal(strlen(big), 600);
	assert_int_equal(text_length(big), 200);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_accepts),
		cmocka_unit_test(test_valid_rejects_malformed),
		cmocka_unit_test(test_valid_rejects_controls),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_nfc_prefix),
		cmocka_unit_test(test_nfc_invalid),
		cmocka_unit_test(test_fold_tones_case),
		cmocka_unit_test(test_fold_space),
		cmocka_unit_test(test_fold_invalid),
		cmocka_unit_test(test_sort_key_format),
		cmocka_unit_test(test_sort_key_equivalence),
		cmocka_unit_test(test_sort_key_alphabet),
		cmocka_unit_test(test_sort_key_tones),
		cmocka_unit_test(test_sort_key_place_names),
		cmocka_unit_test(test_sort_key_sorts_list),
		cmocka_unit_test(test_sort_key_numbers),
		cmocka_unit_test(test_like_pattern),
		cmocka_unit_test(test_length),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
