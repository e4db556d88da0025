/* demo.h - the demo data of the registers, one file each (demo_*.c),
 * called by `danvan demo` (cmd_demo.c) after the organisations and users. */
#ifndef CLI_DEMO_H
#define CLI_DEMO_H

#include <stdint.h>

struct actor;
struct err;
struct store;

/* The demo organisations the registers hang their records on. */
struct demo_orgs {
	int64_t	province_front;		/* Ủy ban MTTQ tỉnh Phú Thọ */
	int64_t	province_committee;	/* UBND tỉnh Phú Thọ */
	int64_t	province_board;		/* Ban Tuyên giáo và Dân vận Tỉnh ủy */
	int64_t	ward_committee[2];	/* UBND phường Việt Trì, Hòa Bình */
	int64_t	ward_front[2];		/* MTTQ phường Việt Trì, Hòa Bình */
};

int	demo_supervision(struct store *st, const struct actor *a,
	    const struct demo_orgs *o, struct err *e);
int	demo_democracy(struct store *st, const struct actor *a,
	    const struct demo_orgs *o, struct err *e);
int	demo_directives(struct store *st, const struct actor *a,
	    const struct demo_orgs *o, struct err *e);

int	demo_indicators(struct store *st, const struct actor *a,
	    const struct demo_orgs *o, struct err *e);

#endif
