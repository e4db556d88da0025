/*
 * attach.h - scans and photos attached to petitions.  The type is decided
 * from the content (libmagic), never from the file name; only document
 * and image types are kept.  A protected petition's attachments may show
 * the denouncer's handwriting (R-TC-20), so they follow the identity rule
 * and every download of them is audited.  Dialogues have files too
 * (minutes, photos), visible to whoever sees the dialogue.
 */
#ifndef DOMAIN_ATTACH_H
#define DOMAIN_ATTACH_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/actor.h"

struct err;
struct store;

#define ATTACH_MAX	(10 * 1024 * 1024)

/* What files are attached to. */
enum attach_owner { ATTACH_PETITION, ATTACH_DIALOGUE };

/* MIME type of data by its content, or NULL when not accepted. */
const char	*attach_sniff(const void *data, size_t len);

/* {"attachment":{id,name,mime,size,sha256,created_at}} */
int	attach_add(struct store *st, const struct actor *a,
	    enum attach_owner kind, int64_t owner, const char *name,
	    const void *data, size_t len, json_t **out, struct err *e);
/* The file: *bytes (malloc'd), its length, type and name (into name). */
int	attach_fetch(struct store *st, const struct actor *a,
	    enum attach_owner kind, int64_t id, char **bytes, size_t *len,
	    const char **mime, char *name, size_t name_size, struct err *e);

#endif
