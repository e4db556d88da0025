/*
 * unit.h - administrative units of both structures (2024: province /
 * district / commune; 2025: province / commune), the 1 July 2025 old->new
 * mapping, and their queries.  Codes are only meaningful with their
 * structure: 25 is Phú Thọ in both, but covers more in 2025.
 */
#ifndef DOMAIN_UNIT_H
#define DOMAIN_UNIT_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

struct unit_row {
	char	code[UNIT_CODE_MAX];
	char	*name;			/* NFC */
	char	level[12];		/* province | district | commune */
	char	parent[UNIT_CODE_MAX];	/* "" for a province */
	size_t	line;			/* in the CSV file */
};

struct unit_set {
	struct unit_row	*rows;
	size_t		 n, cap;
	int		 structure;
};

struct unit_info {
	char	code[UNIT_CODE_MAX];
	char	name[256];
	char	level[12];
	char	path[UNIT_PATH_MAX];
};

struct unit_query {
	int		 structure;	/* 2024 or 2025 */
	const char	*level;		/* NULL or a level name */
	const char	*parent;	/* NULL or a code */
	const char	*q;		/* NULL or search text */
	int64_t		 limit, offset;
	const char	*top_level;	/* internal: level of the default top */
};

bool	unit_structure_valid(int structure);
bool	unit_level_valid(int structure, const char *level);

/*
 * Parse a units CSV (header code,name,level,parent_code) for structure
 * 2024 or 2025 into *set, validating every row: code digits and length by
 * level, known level, NFC-valid name, parent present exactly when the
 * level needs one.  Errors name the line.  Caller frees with
 * unit_set_release() (also after an error).
 */
int	unit_csv_parse(const char *data, size_t len, int structure,
	    struct unit_set *set, struct err *e);
void	unit_set_release(struct unit_set *set);

/* Load the embedded 2024 and 2025 units and the mapping when the units
 * table is empty.  *loaded = number of units inserted. */
int	unit_load_embedded(struct store *st, int64_t *loaded, struct err *e);

/* Look a unit up by structure and code.  ERR_NOTFOUND when unknown. */
int	unit_lookup(struct store *st, int structure, const char *code,
	    struct unit_info *out, struct err *e);

/* {"items":[...],"total":N} for the filter, restricted to a's scope. */
int	unit_list(struct store *st, const struct actor *a,
	    const struct unit_query *f, json_t **out, struct err *e);
/*
 * Units are reference data: they change only with `danvan migrate`, never
 * through the API.  A unit_cache keeps the serialised detail of each unit
 * asked for, for the life of the server process; it is bounded by the
 * number of units and safe to share between threads.
 */
struct unit_cache;

struct unit_cache	*unit_cache_new(void);
void			 unit_cache_free(struct unit_cache *c);	/* NULL ok */

/* {"unit",...,"ancestors","children_count","successors","predecessors"}
 * as JSON text (caller frees).  cache may be NULL.  ERR_NOTFOUND when
 * unknown or outside a's scope. */
int	unit_get_text(struct store *st, struct unit_cache *cache,
	    const struct actor *a, int structure, const char *code,
	    char **out, struct err *e);

/* Sort key of a unit name: ordered by the letters of the name without its
 * type prefix ("Tỉnh ", "Thành phố ", ...), so "Hoà Bình" and "Hòa Bình"
 * sort together, then by the full name.  Caller frees. */
int	unit_name_key(const char *name, char **out);

#endif
