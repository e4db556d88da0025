/*
 * test_directive.c - domain/directive.h: the status a task reads as on a
 * day (overdue computed: deadline passed and not done).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/directive.h"

static void
test_overdue(void **state)
{
	(void)state;
	assert_string_equal(directive_task_status("not_started", "2025-03-31",
	    "2025-04-01"), "overdue");
	assert_string_equal(directive_task_status("in_progress", "2025-03-31",
	    "2025-04-01"), "overdue");
}

static void
test_not_overdue(void **state)
{
	(void)state;
	/* The deadline day itself is still in time. */
	assert_string_equal(directive_task_status("in_progress", "2025-03-31",
	    "2025-03-31"), "in_progress");
	assert_string_equal(directive_task_status("not_started", NULL,
	    "2099-01-01"), "not_started");
	/* Done stays done, late or not. */
	assert_string_equal(directive_task_status("done", "2025-03-31",
	    "2026-01-01"), "done");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overdue),
		cmocka_unit_test(test_not_overdue),
	};

	return cmocka_run_group_tests_name("directive", tests, NULL, NULL);
}
