/*
 * api_reception.c - citizen reception: sessions, visits, the register and
 * leaders' reception duty.
 */
#include "http/http.h"

const struct route api_reception_routes[] = {
	{ NULL, NULL, NULL, 0 }
};
