/*
 * test_democracy.c - domain/democracy.h: the outcome of a resident vote
 * from a threshold rule (P-DC-23) in integer arithmetic, each rule of the
 * seeded dc_vote_rules rows at its boundary, the tally checks, and the
 * months of a consent's validity (R-DC-21).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/democracy.h"

/* The seeded rows: R-DC-15 (present, > 1/2), R-DC-16 (total, >= 2/3),
 * R-DC-17 and R-DC-31 (total, > 1/2). */
static const struct dc_rule procedural = { "R-DC-15", DC_BASIS_PRESENT, 1, 2,
    true };
static const struct dc_rule contribution = { "R-DC-16", DC_BASIS_TOTAL, 2, 3,
    false };
static const struct dc_rule convention = { "R-DC-17", DC_BASIS_TOTAL, 1, 2,
    true };

static enum dc_outcome
outcome(const struct dc_rule *r, int64_t total, int64_t present, int64_t yes,
    int64_t *base, int64_t *needed)
{
	struct dc_tally t = { total, present, yes, present - yes, 0 };

	assert_null(dc_tally_check(&t));
	return dc_vote_outcome(r, &t, base, needed);
}

static void
test_procedural(void **state)
{
	int64_t b, n;

	(void)state;
	/* More than half of those present: 76 of 151, 76 of 150 pass. */
	assert_int_equal(outcome(&procedural, 200, 151, 76, &b, &n), DC_PASSED);
	assert_int_equal(b, 151);
	assert_int_equal(n, 76);
	assert_int_equal(outcome(&procedural, 200, 151, 75, &b, &n),
	    DC_NOT_PASSED);
	assert_int_equal(outcome(&procedural, 200, 150, 75, &b, &n),
	    DC_NOT_PASSED);
	assert_int_equal(n, 76);
	assert_int_equal(outcome(&procedural, 200, 150, 76, &b, &n), DC_PASSED);
	/* Nobody present: nothing passes. */
	assert_int_equal(outcome(&procedural, 200, 0, 0, &b, &n),
	    DC_NOT_PASSED);
	assert_int_equal(n, 1);
}

static void
test_contribution(void **state)
{
	int64_t b, n;

	(void)state;
	/* At least 2/3 of all households: 200 of 300 passes, 199 does not;
	 * 201 of 301 (2/3 = 200.67) is needed. */
	assert_int_equal(outcome(&contribution, 300, 250, 200, &b, &n),
	    DC_PASSED);
	assert_int_equal(b, 300);
	assert_int_equal(n, 200);
	assert_int_equal(outcome(&contribution, 300, 300, 199, &b, &n),
	    DC_NOT_PASSED);
	assert_int_equal(outcome(&contribution, 301, 301, 200, &b, &n),
	    DC_NOT_PASSED);
	assert_int_equal(n, 201);
	assert_int_equal(outcome(&contribution, 301, 301, 201, &b, &n),
	    DC_PASSED);
}

static void
test_convention(void **state)
{
	int64_t b, n;

	(void)state;
	/* More than half of all households, not of those present. */
	assert_int_equal(outcome(&convention, 200, 150, 120, &b, &n),
	    DC_PASSED);
	assert_int_equal(b, 200);
	assert_int_equal(n, 101);
	assert_int_equal(outcome(&convention, 200, 101, 101, &b, &n),
	    DC_PASSED);
	assert_int_equal(outcome(&convention, 200, 100, 100, &b, &n),
	    DC_NOT_PASSED);
	assert_int_equal(outcome(&convention, 201, 201, 100, &b, &n),
	    DC_NOT_PASSED);
	assert_int_equal(n, 101);
	/* Large numbers stay exact. */
	assert_int_equal(outcome(&convention, DC_COUNT_MAX, DC_COUNT_MAX,
	    DC_COUNT_MAX / 2, &b, &n), DC_NOT_PASSED);
	assert_int_equal(n, DC_COUNT_MAX / 2 + 1);
}

static void
test_changed_rule(void **state)
{
	struct dc_rule r = convention;
	int64_t b, n;

	(void)state;
	/* The same tally under a rule changed to >= 2/3: not passed. */
	r.num = 2;
	r.den = 3;
	r.strict = false;
	assert_int_equal(outcome(&r, 200, 150, 120, &b, &n), DC_NOT_PASSED);
	assert_int_equal(n, 134);
	r.basis = DC_BASIS_PRESENT;
	assert_int_equal(outcome(&r, 200, 150, 120, &b, &n), DC_PASSED);
	assert_int_equal(b, 150);
	assert_int_equal(n, 100);
}

static void
test_not_applicable(void **state)
{
	struct dc_tally t = { 100, 50, 0, 0, 0 };
	struct dc_rule bad = convention;
	int64_t b = 9, n = 9;

	(void)state;
	assert_int_equal(dc_vote_outcome(NULL, &t, &b, &n), DC_NOT_APPLICABLE);
	assert_int_equal(b, 0);
	assert_int_equal(n, 0);
	bad.den = 0;
	assert_int_equal(dc_vote_outcome(&bad, &t, &b, &n), DC_NOT_APPLICABLE);
	assert_string_equal(dc_outcome_name(DC_PASSED), "passed");
	assert_string_equal(dc_outcome_name(DC_NOT_PASSED), "not_passed");
	assert_string_equal(dc_outcome_name(DC_NOT_APPLICABLE),
	    "not_applicable");
}

static void
test_tally_check(void **state)
{
	struct dc_tally ok = { 200, 150, 120, 20, 10 };
	struct dc_tally t;

	(void)state;
	assert_null(dc_tally_check(&ok));
	t = ok;
	t.total = 0;
	assert_string_equal(dc_tally_check(&t), "total_households");
	t = ok;
	t.present = 201;
	assert_string_equal(dc_tally_check(&t), "present");
	t = ok;
	t.yes = 121;
	assert_string_equal(dc_tally_check(&t), "yes");
	t = ok;
	t.no = -1;
	assert_string_equal(dc_tally_check(&t), "no");
	t = ok;
	t.abstain = 151;
	assert_string_equal(dc_tally_check(&t), "abstain");
	t = ok;
	t.total = DC_COUNT_MAX + 1;
	assert_string_equal(dc_tally_check(&t), "total_households");
}

static void
test_add_months(void **state)
{
	char out[DC_DAY_LEN];

	(void)state;
	assert_int_equal(dc_add_months("2025-01-15", 3, out), 0);
	assert_string_equal(out, "2025-04-15");
	assert_int_equal(dc_add_months("2025-11-30", 3, out), 0);
	assert_string_equal(out, "2026-02-28");	/* clamped */
	assert_int_equal(dc_add_months("2023-11-30", 3, out), 0);
	assert_string_equal(out, "2024-02-29");	/* leap year */
	assert_int_equal(dc_add_months("2025-10-31", 1, out), 0);
	assert_string_equal(out, "2025-11-30");
	assert_int_equal(dc_add_months("2025-12-01", 12, out), 0);
	assert_string_equal(out, "2026-12-01");
	assert_int_equal(dc_add_months("2025-03-10", 0, out), 0);
	assert_string_equal(out, "2025-03-10");
	assert_int_equal(dc_add_months("2025-02-30", 3, out), -1);
	assert_int_equal(dc_add_months(NULL, 3, out), -1);
	assert_int_equal(dc_add_months("2025-01-01", -1, out), -1);
	assert_int_equal(dc_add_months("2025-01-01", DC_MONTHS_MAX + 1, out),
	    -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_procedural),
		cmocka_unit_test(test_contribution),
		cmocka_unit_test(test_convention),
		cmocka_unit_test(test_changed_rule),
		cmocka_unit_test(test_not_applicable),
		cmocka_unit_test(test_tally_check),
		cmocka_unit_test(test_add_months),
	};

	return cmocka_run_group_tests_name("democracy", tests, NULL, NULL);
}
