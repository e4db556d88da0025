/*
 * protect.h - denouncers' identities (R-TC-20/21, P-TC-24).  An identity
 * (a small JSON object: name, address, id_number, phone) is sealed with
 * libsodium's secretbox under the deployment key and stored in
 * protected_identities; records keep only the row id.  A keyed hash of the
 * folded name and id number (or address) lets duplicate detection compare
 * petitioners without decrypting anything.
 *
 * The key is one 32-byte file (mode 0600) per deployment, loaded once at
 * start-up into locked memory; `danvan migrate` creates it when missing.
 * Without a key, sealing and opening fail with key_missing.
 */
#ifndef DOMAIN_PROTECT_H
#define DOMAIN_PROTECT_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

struct err;
struct store;

#define PROTECT_HASH_LEN	65	/* hex + NUL */

/* Default key file for a DSN: "<sqlite path>.key"; NULL for PostgreSQL
 * (a key file must then be named). Returns a static-size copy in out. */
int	protect_default_key_path(const char *dsn, char *out, size_t n);
/* Create a new random key file (0600) unless one exists. */
int	protect_key_create(const char *path, bool *created, struct err *e);
/* Load the process key; call once before serving. */
int	protect_key_load(const char *path, struct err *e);
bool	protect_key_loaded(void);
void	protect_key_unload(void);

/* Seal identity (borrowed) into a new protected_identities row. */
int	protect_seal(struct store *st, json_t *identity, int64_t *id,
	    struct err *e);
/* Open row id; *identity is a new reference. */
int	protect_open(struct store *st, int64_t id, json_t **identity,
	    struct err *e);
/* Keyed hash of a petitioner: folded name + (id number or folded
 * address).  Empty out when there is too little to compare. */
int	protect_person_hash(const char *name, const char *id_number,
	    const char *address, char out[PROTECT_HASH_LEN], struct err *e);

#endif
