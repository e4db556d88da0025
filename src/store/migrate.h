/*
 * migrate.h - versioned schema migrations: plain SQL files per dialect in
 * src/store/migrations/{sqlite,postgres}/NNNN_name.sql, compiled into the
 * binary, applied in order, each in its own transaction, and recorded in
 * the schema_version table.
 */
#ifndef STORE_MIGRATE_H
#define STORE_MIGRATE_H

struct err;
struct store;

/* Highest migration version this binary knows. */
int	migrate_known_version(const struct store *st);
/* Current version of the database (0 when empty). */
int	migrate_current_version(struct store *st, int *out, struct err *e);
/* Apply every pending migration.  *applied = how many.  Returns 0,
 * ERR_VERSION when the database is newer than this binary, or ERR_DB. */
int	migrate_run(struct store *st, int *applied, struct err *e);
/* 0 when the database is exactly at the known version; ERR_VERSION when
 * it is newer or older (message says which). */
int	migrate_check(struct store *st, struct err *e);

#endif
