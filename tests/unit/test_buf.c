/*
 * test_buf.c - core/buf.h: growth, the hard cap with its sticky error,
 * formatted appends, detach and reset.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/err.h"

static void
test_empty(void **state)
{
	struct buf b;
	char *s;
	size_t len = 99;

	(void)state;
	buf_init(&b, 100);
	assert_string_equal(buf_cstr(&b), "");
	assert_int_equal(b.len, 0);
	assert_int_equal(buf_error(&b), 0);
	/* detach of a never-used buffer gives a fresh "" */
	s = buf_detach(&b, &len);
	assert_non_null(s);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	free(s);
	buf_release(&b);
	/* release of an empty buffer is harmless, twice too */
	buf_release(&b);
	assert_string_equal(buf_cstr(&b), "");
}

static void
test_append_and_grow(void **state)
{
	struct buf b;
	size_t total = 0;

	(void)state;
	buf_init(&b, 1 << 20);
	buf_add_str(&b, "Hà ");
	buf_add(&b, "Nội!!", 5);		/* "Nội" is 5 bytes */
	buf_add_char(&b, '.');
	buf_add(&b, NULL, 0);			/* empty append */
	buf_add_str(&b, "");
	assert_string_equal(buf_cstr(&b), "Hà Nội.");
	assert_int_equal(b.len, strlen("Hà Nội."));
	buf_release(&b);

	/* many appends past several reallocations, always NUL-terminated */
	buf_init(&b, 1 << 20);
	for (int i = 0; i < 5000; i++) {
		buf_add_str(&b, "0123456789");
		total += 10;
		assert_int_equal(b.len, total);
		assert_true(b.cap > b.len);
		assert_int_equal(b.ptr[b.len], '\0');
	}
	assert_int_equal(strlen(buf_cstr(&b)), 50000);
	assert_memory_equal(buf_cstr(&b) + 49990, "0123456789", 10);
	assert_int_equal(buf_error(&b), 0);
	buf_release(&b);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.max, 1 << 20);	/* the cap survives release */
}

static void
test_embedded_nul(void **state)
{
	struct buf b;
	char *s;
	size_t len = 0;

	(void)state;
	buf_init(&b, 64);
	buf_add(&b, "a\0b", 3);
	assert_int_equal(b.len, 3);
	s = buf_detach(&b, &len);
	assert_int_equal(len, 3);
	assert_memory_equal(s, "a\0b", 4);
	free(s);
}

static void
test_cap_exact(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 5);
	buf_add_str(&b, "abcde");		/* exactly the cap: fine */
	assert_int_equal(buf_error(&b), 0);
	assert_string_equal(buf_cstr(&b), "abcde");
	buf_add(&b, "", 0);			/* nothing more: still fine */
	assert_int_equal(buf_error(&b), 0);
	buf_add_char(&b, 'f');			/* one past */
	assert_int_equal(buf_error(&b), ERR_TOOBIG);
	assert_string_equal(buf_cstr(&b), "abcde");
	assert_int_equal(b.len, 5);
	buf_release(&b);
}

static void
test_sticky_error(void **state)
{
	struct buf b;
	char *s;
	size_t len = 0;

	(void)state;
	buf_init(&b, 10);
	buf_add_str(&b, "12345678");
	/* an append that does not fit is dropped whole, contents kept */
	buf_add_str(&b, "abc");
	assert_int_equal(buf_error(&b), ERR_TOOBIG);
	assert_string_equal(buf_cstr(&b), "12345678");
	assert_int_equal(b.len, 8);
	/* later appends are no-ops even when they would fit */
	buf_add_char(&b, 'x');
	buf_add_str(&b, "y");
	buf_add_fmt(&b, "%d", 1);
	buf_add(&b, "z", 1);
	assert_int_equal(buf_error(&b), ERR_TOOBIG);
	assert_string_equal(buf_cstr(&b), "12345678");
	assert_int_equal(b.len, 8);
	/* detach hands over what was kept */
	s = buf_detach(&b, &len);
	assert_string_equal(s, "12345678");
	assert_int_equal(len, 8);
	free(s);
	/* detach leaves an empty, error-free buffer with the same cap */
	assert_int_equal(buf_error(&b), 0);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.max, 10);
	assert_string_equal(buf_cstr(&b), "");
	buf_add_str(&b, "0123456789");
	assert_int_equal(buf_error(&b), 0);
	assert_string_equal(buf_cstr(&b), "0123456789");
	buf_release(&b);
}

static void
test_cap_zero_and_overflow(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 0);
	buf_add_char(&b, 'a');
	assert_int_equal(buf_error(&b), ERR_TOOBIG);
	assert_string_equal(buf_cstr(&b), "");
	buf_release(&b);

	/* a length that would overflow size_t is refused, not wrapped */
	buf_init(&b, SIZE_MAX);
	buf_add_str(&b, "ab");
	buf_add(&b, "x", SIZE_MAX - 1);
	assert_int_equal(buf_error(&b), ERR_TOOBIG);
	assert_string_equal(buf_cstr(&b), "ab");
	buf_release(&b);
}

static void
test_fmt(void **state)
{
	struct buf b;
	char big[300];

	(void)state;
	buf_init(&b, 1000);
	buf_add_fmt(&b, "%s=%d", "n", 42);
	buf_add_fmt(&b, "%s", "");
	buf_add_fmt(&b, ", %05.1f|%-3s|%lld", 3.14159, "x", -9000000000LL);
	buf_add_fmt(&b, " %zu%%", (size_t)7);
	buf_add_fmt(&b, " %s", "Việt Nam");
	assert_string_equal(buf_cstr(&b),
	    "n=42, 003.1|x  |-9000000000 7% Việt Nam");
	assert_int_equal(b.len, strlen(buf_cstr(&b)));
	buf_release(&b);

	/* a formatted append that grows the buffer several times */
	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	buf_init(&b, 1000);
	buf_add_fmt(&b, "[%s]", big);
	assert_int_equal(b.len, 301);
	assert_int_equal(buf_cstr(&b)[0], '[');
	assert_int_equal(buf_cstr(&b)[300], ']');
	assert_int_equal(buf_cstr(&b)[301], '\0');
	buf_release(&b);
}

static void
test_fmt_cap(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	buf_add_fmt(&b, "%d", 1234);
	assert_int_equal(buf_error(&b), 0);
	buf_add_fmt(&b, "%d", 12345);		/* 4 + 5 > 8: dropped whole */
	assert_int_equal(buf_error(&b), ERR_TOOBIG);
	assert_string_equal(buf_cstr(&b), "1234");
	buf_release(&b);

	buf_init(&b, 8);
	buf_add_fmt(&b, "%s", "12345678");	/* exactly the cap */
	assert_int_equal(buf_error(&b), 0);
	assert_string_equal(buf_cstr(&b), "12345678");
	buf_release(&b);
}

static void
test_reset(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 6);
	buf_add_str(&b, "hello");
	buf_add_str(&b, " world");
	assert_int_equal(buf_error(&b), ERR_TOOBIG);
	/* reset clears contents and the error, keeps the cap */
	buf_reset(&b);
	assert_int_equal(buf_error(&b), 0);
	assert_int_equal(b.len, 0);
	assert_string_equal(buf_cstr(&b), "");
	buf_add_str(&b, "world!");
	assert_int_equal(buf_error(&b), 0);
	assert_string_equal(buf_cstr(&b), "world!");
	buf_add_char(&b, '?');
	assert_int_equal(buf_error(&b), ERR_TOOBIG);
	buf_release(&b);

	/* reset of a buffer that never allocated */
	buf_init(&b, 6);
	buf_reset(&b);
	assert_string_equal(buf_cstr(&b), "");
	buf_release(&b);
}

static void
test_detach_no_len(void **state)
{
	struct buf b;
	char *s;

	(void)state;
	buf_init(&b, 100);
	buf_add_str(&b, "Đà Nẵng");
	s = buf_detach(&b, NULL);
	assert_string_equal(s, "Đà Nẵng");
	free(s);
	assert_null(b.ptr);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	/* usable again after detach */
	buf_add_str(&b, "x");
	assert_string_equal(buf_cstr(&b), "x");
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_append_and_grow),
		cmocka_unit_test(test_embedded_nul),
		cmocka_unit_test(test_cap_exact),
		cmocka_unit_test(test_sticky_error),
		cmocka_unit_test(test_cap_zero_and_overflow),
		cmocka_unit_test(test_fmt),
		cmocka_unit_test(test_fmt_cap),
		cmocka_unit_test(test_reset),
		cmocka_unit_test(test_detach_no_len),
	};

	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
