/*
 * public.h - what citizens do without an account: send a kiến nghị or
 * phản ánh to their commune's People's Committee and follow it by its
 * tracking code (petition_track).  Abuse limits live in the HTTP layer.
 */
#ifndef DOMAIN_PUBLIC_H
#define DOMAIN_PUBLIC_H

#include <jansson.h>

#include "domain/user.h"

struct err;
struct store;

struct public_input {
	struct unit_ref	 unit;
	const char	*classification;	/* recommendation | reflection */
	const char	*name, *address, *phone, *subject, *content;
};

/* 201 body {"tracking_code", "received_day"}; ip for the audit log. */
int	public_submit(struct store *st, const struct public_input *in,
	    const char *ip, json_t **out, struct err *e);
/* {"items":[{code,name,level}]}: 2025 provinces, or the communes of
 * parent. */
int	public_units(struct store *st, const char *parent, json_t **out,
	    struct err *e);

#endif
