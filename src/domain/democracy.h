/*
 * democracy.h - grassroots democracy (Luật Thực hiện dân chủ ở cơ sở 2022,
 * DOMAIN.md §7): the villages and residential groups of a commune, public
 * disclosure (công khai) with the required content groups as data and the
 * due day of R-DC-05 (a deadline_rules row), consultations and resident
 * votes whose outcome comes from threshold rows (P-DC-23), suggestion boxes
 * (hòm thư góp ý) and their openings, People's Inspection Boards and
 * Community Investment Supervision Boards (P-DC-64) with composition
 * warnings from rule rows, and the counts of a subtree and a period.
 *
 * Records belong to an organisation (UBND xã, MTTQ xã, ...) and so to its
 * unit; villages belong to their commune directly.  Readable by users whose
 * subtree holds the unit (others get not_found), written by every role but
 * viewer (forbidden); the rule rows are changed by system administrators.
 * Every write is one transaction with its audit entry.
 */
#ifndef DOMAIN_DEMOCRACY_H
#define DOMAIN_DEMOCRACY_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"
#include "domain/user.h"

struct err;
struct store;

#define DC_COUNT_MAX	1000000		/* households, votes, letters */
#define DC_CHANNELS_MAX	10
#define DC_RULE_NUM_MAX	100		/* numerator, denominator of rules */
#define DC_RULE_VALUE_MAX 1000		/* numbers of the board rules */
#define DC_MONTHS_MAX	120		/* months of the period rules */
#define DC_DAY_LEN	11		/* "YYYY-MM-DD" + NUL */

/* ---- the vote outcome (pure, tests/unit/test_democracy.c) ------------ */

enum dc_basis { DC_BASIS_PRESENT, DC_BASIS_TOTAL };

/* One row of dc_vote_rules: passed when yes * den > num * base (strict)
 * or yes * den >= num * base, base = present or total. */
struct dc_rule {
	char		id[16];
	enum dc_basis	basis;
	int64_t		num, den;
	bool		strict;
};

struct dc_tally {
	int64_t	total, present, yes, no, abstain;
};

enum dc_outcome { DC_PASSED, DC_NOT_PASSED, DC_NOT_APPLICABLE };

/* "passed", "not_passed", "not_applicable". */
const char	*dc_outcome_name(enum dc_outcome o);
/*
 * The outcome of t under r (NULL: no threshold, DC_NOT_APPLICABLE), in
 * integer arithmetic.  *base: the denominator used (present or total);
 * *needed: the least number of yes votes that passes.  Both 0 for
 * DC_NOT_APPLICABLE.  t must satisfy dc_tally_check.
 */
enum dc_outcome	dc_vote_outcome(const struct dc_rule *r,
		    const struct dc_tally *t, int64_t *base, int64_t *needed);
/*
 * The day months (0..DC_MONTHS_MAX) calendar months after day ("YYYY-MM-DD",
 * a real date), the day of month clamped to the month's last day
 * (2025-11-30 + 3 = 2026-02-28): the last day a consent of R-DC-21 given
 * on day is valid.  Returns 0, or -1 for a bad day or months.
 */
int		dc_add_months(const char *day, int months,
		    char out[DC_DAY_LEN]);
/* NULL when 0 <= yes + no + abstain <= present <= total, each count in
 * 0..DC_COUNT_MAX; else the field at fault ("present", "yes", ...). */
const char	*dc_tally_check(const struct dc_tally *t);

/* ---- inputs ------------------------------------------------------------ */

/* Filters of the lists; 0 / NULL = any. */
struct dc_query {
	int		 structure;
	const char	*unit;		/* subtree (needs structure) */
	int64_t		 org_id;
	int64_t		 village_id;	/* votes */
	const char	*code;		/* group, matter or board kind */
	const char	*from, *to;	/* days, inclusive */
	int64_t		 limit, offset;
};

struct dc_village_input {
	struct unit_ref	 unit;		/* create: the commune */
	const char	*name;
	const char	*kind;		/* village | residential_group */
	int64_t		 households;
	bool		 has_households;
};

struct dc_disclosure_input {
	int64_t		 org_id;
	bool		 has_org_id;
	const char	*group;
	const char	*title;
	const char	*document;
	const char	*decision_day;
	const char	*from_day;
	int64_t		 duration_days;
	bool		 has_duration_days;
	const char	*until_day;
	const char	*note;
	const char	*channels[DC_CHANNELS_MAX];
	int		 nchannels;
	bool		 has_channels;
};

struct dc_vote_input {
	int64_t		 org_id;
	bool		 has_org_id;
	int64_t		 village_id;	/* 0 with has_village_id: whole commune */
	bool		 has_village_id;
	const char	*matter;
	const char	*form;		/* meeting | ballot | online */
	const char	*subject;
	const char	*day;
	int64_t		 total_households;
	bool		 has_total_households;
	int64_t		 present, yes, no, abstain;
	bool		 has_present, has_yes, has_no, has_abstain;
	const char	*note;
	/* The days the checks count from (R-DC-18, 20, 22; "" clears on
	 * update) and elect | dismiss for the election matters. */
	const char	*posted_day, *sent_day, *notice_day, *recognized_day;
	const char	*action;
	const char	*consent_day;	/* initiative: consents from (R-DC-21) */
};

struct dc_box_input {
	int64_t		 org_id;
	bool		 has_org_id;
	const char	*place;
	const char	*installed_day;
	const char	*note;
};

struct dc_opening_input {
	const char	*day;
	const char	*opened_by;
	int64_t		 letters;
	bool		 has_letters;
	const char	*summary;
	const char	*follow_up;
};

struct dc_board_input {
	int64_t		 org_id;
	bool		 has_org_id;
	const char	*kind;		/* ttnd_commune | ttnd_agency | gsdtccd */
	const char	*name;
	const char	*project_name;
	const char	*term_start;
	const char	*term_end;
	const char	*dissolved_day;
	const char	*note;
};

struct dc_member_input {
	const char	*name;
	const char	*role;		/* head | vice | member */
	int64_t		 village_id;
	bool		 has_village_id;
	const char	*elected_day;
	const char	*left_day;
};

struct dc_activity_input {
	const char	*day;
	const char	*content;
	const char	*recommendation;
};

struct dc_vote_rule_patch {
	const char	*basis;
	int64_t		 num, den;
	bool		 has_num, has_den;
	bool		 strict, has_strict;
};

struct dc_period_rule_patch {
	int64_t		 months;
	bool		 has_months;
};

struct dc_board_rule_patch {
	int64_t		 value, value2;
	bool		 has_value, has_value2;
	/* Days; "" clears.  heads_term_*: check same_term only (R-DC-51). */
	const char	*valid_from, *valid_to;
	const char	*heads_term_start, *heads_term_end;
};

/* ---- democracy.c: vocabularies, rules, villages, disclosure ------------ */

/* {groups, channels, matters, forms, village_kinds, board_kinds,
 * member_roles}: each [{code, name, ...}] in order. */
int	dc_vocabularies(struct store *st, json_t **out, struct err *e);
/* {"items":[{id, name, months, status, source}]} / one changed by a
 * system administrator (R-DC-21: months a household consent is valid). */
int	dc_period_rules(struct store *st, json_t **out, struct err *e);
int	dc_period_rule_update(struct store *st, const struct actor *a,
	    const char *id, const struct dc_period_rule_patch *p, json_t **out,
	    struct err *e);
/* {"items":[VoteRule]} / one rule changed by a system administrator. */
int	dc_vote_rules(struct store *st, json_t **out, struct err *e);
int	dc_vote_rule_update(struct store *st, const struct actor *a,
	    const char *matter, const struct dc_vote_rule_patch *p,
	    json_t **out, struct err *e);
int	dc_board_rules(struct store *st, json_t **out, struct err *e);
int	dc_board_rule_update(struct store *st, const struct actor *a,
	    const char *id, const struct dc_board_rule_patch *p, json_t **out,
	    struct err *e);

/* {"items":[Village],"total":N} by name. */
int	dc_village_list(struct store *st, const struct actor *a,
	    const struct dc_query *f, json_t **out, struct err *e);
int	dc_village_create(struct store *st, const struct actor *a,
	    const struct dc_village_input *in, json_t **out, struct err *e);
int	dc_village_update(struct store *st, const struct actor *a, int64_t id,
	    const struct dc_village_input *in, json_t **out, struct err *e);

/* Newest first. */
int	dc_disclosure_list(struct store *st, const struct actor *a,
	    const struct dc_query *f, json_t **out, struct err *e);
int	dc_disclosure_create(struct store *st, const struct actor *a,
	    const struct dc_disclosure_input *in, json_t **out, struct err *e);
int	dc_disclosure_get(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);
int	dc_disclosure_update(struct store *st, const struct actor *a,
	    int64_t id, const struct dc_disclosure_input *in, json_t **out,
	    struct err *e);
/* {unit, year, required, disclosed, groups:[{code, name, required,
 * status, items, late, disclosed}]} for one commune a sees. */
int	dc_compliance(struct store *st, const struct actor *a, int structure,
	    const char *unit, int64_t year, json_t **out, struct err *e);

/* ---- democracy_vote.c: consultations and votes ----------------------- */

/* Latest first; the outcome under the current rule of the matter and
 * the checks of its days computed on read from deadline_rules rows
 * (R-DC-18 posting and recognition dossier, R-DC-20 new election, R-DC-22
 * notice) and dc_period_rules (R-DC-21 consents): posting_min_day,
 * notice_min_day, dossier_due, dossier_late, election_due, election_day,
 * election_overdue, consent_valid_until and violations:[{rule, check,
 * message}]. */
int	dc_vote_list(struct store *st, const struct actor *a,
	    const struct dc_query *f, json_t **out, struct err *e);
int	dc_vote_create(struct store *st, const struct actor *a,
	    const struct dc_vote_input *in, json_t **out, struct err *e);
int	dc_vote_get(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);
int	dc_vote_update(struct store *st, const struct actor *a, int64_t id,
	    const struct dc_vote_input *in, json_t **out, struct err *e);

/* ---- democracy_board.c: boxes, boards, counts ------------------------- */

int	dc_box_list(struct store *st, const struct actor *a,
	    const struct dc_query *f, json_t **out, struct err *e);
int	dc_box_create(struct store *st, const struct actor *a,
	    const struct dc_box_input *in, json_t **out, struct err *e);
/* {box, openings:[Opening]} */
int	dc_box_get(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);
int	dc_opening_create(struct store *st, const struct actor *a,
	    int64_t box_id, const struct dc_opening_input *in, json_t **out,
	    struct err *e);

int	dc_board_list(struct store *st, const struct actor *a,
	    const struct dc_query *f, json_t **out, struct err *e);
int	dc_board_create(struct store *st, const struct actor *a,
	    const struct dc_board_input *in, json_t **out, struct err *e);
/* {board, members, activities, warnings:[{rule, message}]} */
int	dc_board_get(struct store *st, const struct actor *a, int64_t id,
	    json_t **out, struct err *e);
int	dc_board_update(struct store *st, const struct actor *a, int64_t id,
	    const struct dc_board_input *in, json_t **out, struct err *e);
int	dc_member_create(struct store *st, const struct actor *a,
	    int64_t board_id, const struct dc_member_input *in, json_t **out,
	    struct err *e);
int	dc_member_update(struct store *st, const struct actor *a, int64_t id,
	    const struct dc_member_input *in, json_t **out, struct err *e);
int	dc_activity_create(struct store *st, const struct actor *a,
	    int64_t board_id, const struct dc_activity_input *in, json_t **out,
	    struct err *e);

/* Counts of a subtree and a period (docs/API.md). cutoff < 0: the
 * report_cutoff_day setting. */
int	dc_stats(struct store *st, const struct actor *a, int structure,
	    const char *unit, const char *period, int cutoff, json_t **out,
	    struct err *e);

#endif
