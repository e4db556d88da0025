/*
 * api_petition.c - petitions, their actions, attachments, import,
 * statistics, rules as data, and the public pages.
 */
#include "http/http.h"

const struct route api_petition_routes[] = {
	{ NULL, NULL, NULL, 0 }
};
