/*
 * api_dialogue.c - dialogue conferences and the opinions of the people.
 */
#include "http/http.h"

const struct route api_dialogue_routes[] = {
	{ NULL, NULL, NULL, 0 }
};
