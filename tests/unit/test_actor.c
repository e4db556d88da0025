/*
 * test_actor.c - domain/actor.h: roles and the subtree scope check.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "domain/actor.h"

static void
scoped(struct actor *a, enum role role, int structure, const char *code,
    const char *path)
{
	memset(a, 0, sizeof(*a));
	a->user_id = 7;
	a->role = role;
	a->scope_structure = structure;
	snprintf(a->scope_code, sizeof(a->scope_code), "%s", code);
	snprintf(a->scope_path, sizeof(a->scope_path), "%s", path);
}

static void
test_global_sees_all(void **state)
{
	struct actor a;

	(void)state;
	scoped(&a, ROLE_SYSADMIN, 0, "", "");
	assert_true(actor_is_global(&a));
	assert_true(actor_can_see(&a, 2024, "17"));
	assert_true(actor_can_see(&a, 2024, "17/148/04765"));
	assert_true(actor_can_see(&a, 2025, "25/04789"));
	assert_true(actor_can_see(&a, 2025, ""));
	/* global means global: even a unit without a path */
	assert_true(actor_can_see(&a, 2025, NULL));
	/* a global viewer is just as global */
	scoped(&a, ROLE_VIEWER, 0, "", "");
	assert_true(actor_can_see(&a, 2024, "01/001/00001"));
}

static void
test_scoped_district(void **state)
{
	struct actor a;

	(void)state;
	scoped(&a, ROLE_UNIT_ADMIN, 2024, "148", "17/148");
	assert_false(actor_is_global(&a));
	/* itself and below */
	assert_true(actor_can_see(&a, 2024, "17/148"));
	assert_true(actor_can_see(&a, 2024, "17/148/04765"));
	assert_true(actor_can_see(&a, 2024, "17/148/04768"));
	/* a sibling whose code extends ours as a string */
	assert_false(actor_can_see(&a, 2024, "17/1480"));
	assert_false(actor_can_see(&a, 2024, "17/1480/04765"));
	assert_false(actor_can_see(&a, 2024, "17/14"));
	/* siblings, the parent, other provinces */
	assert_false(actor_can_see(&a, 2024, "17/149"));
	assert_false(actor_can_see(&a, 2024, "17/149/04800"));
	assert_false(actor_can_see(&a, 2024, "17"));
	assert_false(actor_can_see(&a, 2024, "01/148"));
	assert_false(actor_can_see(&a, 2024, "1"));
	/* the same path in the other structure is a different unit */
	assert_false(actor_can_see(&a, 2025, "17/148"));
	assert_false(actor_can_see(&a, 2025, "17/148/04765"));
	assert_false(actor_can_see(&a, 0, "17/148"));
	/* no path, empty path */
	assert_false(actor_can_see(&a, 2024, NULL));
	assert_false(actor_can_see(&a, 2024, ""));
	/* not a suffix / infix match */
	assert_false(actor_can_see(&a, 2024, "01/17/148"));
	assert_false(actor_can_see(&a, 2024, "x17/148"));
}

static void
test_scoped_province(void **state)
{
	struct actor a;

	(void)state;
	scoped(&a, ROLE_LEADER, 2025, "25", "25");
	assert_true(actor_can_see(&a, 2025, "25"));
	assert_true(actor_can_see(&a, 2025, "25/04789"));
	assert_false(actor_can_see(&a, 2025, "2"));
	assert_false(actor_can_see(&a, 2025, "26"));
	assert_false(actor_can_see(&a, 2025, "250"));
	assert_false(actor_can_see(&a, 2025, "26/25"));
	/* code 25 of 2024 (the old Phú Thọ) is another unit */
	assert_false(actor_can_see(&a, 2024, "25"));
	assert_false(actor_can_see(&a, 2024, "25/227"));
}

static void
test_scoped_commune(void **state)
{
	struct actor a;

	(void)state;
	scoped(&a, ROLE_OFFICER, 2024, "04765", "17/148/04765");
	assert_true(actor_can_see(&a, 2024, "17/148/04765"));
	assert_false(actor_can_see(&a, 2024, "17/148"));
	assert_false(actor_can_see(&a, 2024, "17"));
	assert_false(actor_can_see(&a, 2024, "17/148/04768"));
	assert_false(actor_can_see(&a, 2024, "17/148/047650"));
}

static void
test_is_admin(void **state)
{
	struct actor a;

	(void)state;
	scoped(&a, ROLE_SYSADMIN, 0, "", "");
	assert_true(actor_is_admin(&a));
	scoped(&a, ROLE_UNIT_ADMIN, 2025, "25", "25");
	assert_true(actor_is_admin(&a));
	scoped(&a, ROLE_LEADER, 2025, "25", "25");
	assert_false(actor_is_admin(&a));
	scoped(&a, ROLE_OFFICER, 2025, "25", "25");
	assert_false(actor_is_admin(&a));
	scoped(&a, ROLE_VIEWER, 0, "", "");
	assert_false(actor_is_admin(&a));
}

static void
test_cli(void **state)
{
	struct actor a;

	(void)state;
	memset(&a, 0x5a, sizeof(a));
	actor_init_cli(&a);
	assert_int_equal(a.user_id, 0);
	assert_int_equal(a.role, ROLE_SYSADMIN);
	assert_true(actor_is_global(&a));
	assert_true(actor_is_admin(&a));
	assert_string_equal(a.scope_path, "");
	assert_true(actor_can_see(&a, 2024, "17/148/04765"));
	assert_true(strlen(a.username) > 0);
}

static void
test_roles(void **state)
{
	static const char *const names[ROLE_COUNT] = {
		"sysadmin", "unit_admin", "leader", "officer", "viewer"
	};

	(void)state;
	for (int r = 0; r < ROLE_COUNT; r++) {
		const char *n = role_name((enum role)r);

		assert_non_null(n);
		assert_string_equal(n, names[r]);
		assert_int_equal(role_parse(n), r);
		assert_non_null(role_label((enum role)r));
		assert_true(role_label((enum role)r)[0] != '\0');
		/* labels are distinct */
		for (int s = 0; s < r; s++)
			assert_string_not_equal(role_label((enum role)r),
			    role_label((enum role)s));
	}
	assert_string_equal(role_label(ROLE_SYSADMIN), "Quản trị hệ thống");
	/* out of range */
	assert_null(role_name(ROLE_COUNT));
	assert_null(role_name((enum role)-1));
	assert_null(role_name((enum role)1000));
	assert_string_equal(role_label(ROLE_COUNT), "");
	/* parsing is exact */
	assert_int_equal(role_parse(""), -1);
	assert_int_equal(role_parse("admin"), -1);
	assert_int_equal(role_parse("Sysadmin"), -1);
	assert_int_equal(role_parse("SYSADMIN"), -1);
	assert_int_equal(role_parse("sysadmin "), -1);
	assert_int_equal(role_parse(" viewer"), -1);
	assert_int_equal(role_parse("view"), -1);
	assert_int_equal(role_parse("viewers"), -1);
	assert_int_equal(role_parse("unit-admin"), -1);
	assert_int_equal(role_parse("Quản trị hệ thống"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_global_sees_all),
		cmocka_unit_test(test_scoped_district),
		cmocka_unit_test(test_scoped_province),
		cmocka_unit_test(test_scoped_commune),
		cmocka_unit_test(test_is_admin),
		cmocka_unit_test(test_cli),
		cmocka_unit_test(test_roles),
	};

	return cmocka_run_group_tests_name("actor", tests, NULL, NULL);
}
