/*
 * api_dvk.c - "Dân vận khéo" models and breakthrough tasks.
 */
#include "http/http.h"

const struct route api_dvk_routes[] = {
	{ NULL, NULL, NULL, 0 }
};
