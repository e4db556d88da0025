/*
 * bench/fsync_probe.c - the durable-commit limit of the disk under a
 * directory, for bench/petitions.sh.
 *
 *   fsync_probe raw    FILE SECONDS BYTES   write BYTES + fdatasync, in a loop
 *   fsync_probe sqlite DB   SECONDS PAGES   SQLite commits, in a loop
 *
 * raw: BYTES written at the next offset of a 4 MiB region that is reused
 * from the start when full (as SQLite reuses its WAL after a checkpoint),
 * then fdatasync(): the bare cost of one durable write.
 *
 * sqlite: a fresh database FILE with danvan's settings (journal_mode=WAL,
 * synchronous=FULL, checkpoints at 1000 WAL frames as by default), one
 * transaction per loop, so each commit appends its WAL frames and syncs
 * the WAL exactly as a danvan write does.  PAGES=1: one small INSERT in
 * autocommit mode (two pages per commit: the floor, the limit).  PAGES=N:
 * the INSERT plus N-2 pages of a ~16 MB table rewritten in place, scattered
 * (a danvan create rewrites ~15 existing table and index pages).  The WAL
 * hook counts the frames each commit really wrote.
 *
 * Prints one line: "<mode> commits=N seconds=S per_s=R p50_ms=A p99_ms=B"
 * (sqlite adds "frames_per_commit=F").
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#define REGION		(4 * 1024 * 1024)
#define LAT_MAX		(4 * 1024 * 1024)

static double *lat;
static size_t nlat;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
report(const char *mode, double secs)
{
	double p50 = 0, p99 = 0;

	if (nlat > 0) {
		qsort(lat, nlat, sizeof(*lat), cmp);
		p50 = lat[nlat / 2];
		p99 = lat[(size_t)((double)nlat * 0.99) < nlat ?
		    (size_t)((double)nlat * 0.99) : nlat - 1];
	}
	printf("%s commits=%zu seconds=%.3f per_s=%.1f p50_ms=%.3f "
	    "p99_ms=%.3f\n", mode, nlat, secs, (double)nlat / secs, p50 * 1e3,
	    p99 * 1e3);
}

static int
run_raw(const char *path, double secs, long bytes)
{
	char *buf;
	off_t off = 0;
	double t0, t, end;
	int fd;

	if (bytes < 1 || bytes > REGION) {
		fprintf(stderr, "fsync_probe: BYTES must be 1..%d\n", REGION);
		return 2;
	}
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) {
		fprintf(stderr, "fsync_probe: %s: %s\n", path, strerror(errno));
		return 1;
	}
	buf = malloc((size_t)bytes);
	if (buf == NULL)
		return 1;
	memset(buf, 'x', (size_t)bytes);
	/* Allocate the region once, as a WAL that has wrapped around. */
	for (off = 0; off < REGION; off += bytes)
		if (pwrite(fd, buf, (size_t)bytes, off) != bytes)
			goto fail;
	if (fsync(fd) != 0)
		goto fail;
	off = 0;
	t0 = now();
	end = t0 + secs;
	for (t = t0; t < end && nlat < LAT_MAX;) {
		double s = t;

		if (off + bytes > REGION)
			off = 0;
		if (pwrite(fd, buf, (size_t)bytes, off) != bytes)
			goto fail;
		if (fdatasync(fd) != 0)
			goto fail;
		off += bytes;
		t = now();
		lat[nlat++] = t - s;
	}
	report("raw", t - t0);
	close(fd);
	unlink(path);
	free(buf);
	return 0;
fail:
	fprintf(stderr, "fsync_probe: %s: %s\n", path, strerror(errno));
	close(fd);
	unlink(path);
	free(buf);
	return 1;
}

static int
exec_or_die(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "fsync_probe: %s: %s\n", sql, msg);
		sqlite3_free(msg);
		return 1;
	}
	return 0;
}

static long long frames_total;
static int frames_last;

/* SQLite's default WAL hook (sqlite3WalDefaultHook) checkpoints when the
 * WAL holds 1000 frames or more; this one does the same and counts. */
static int
wal_hook(void *arg, sqlite3 *db, const char *name, int nframes)
{
	(void)arg;
	frames_total += nframes > frames_last ? nframes - frames_last : nframes;
	frames_last = nframes;
	if (nframes >= 1000) {
		sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE,
		    NULL, NULL);
		frames_last = 0;
	}
	return SQLITE_OK;
}

#define SPREAD_ROWS	4096	/* rows of the PAGES > 1 probe, one page each */

static int
run_sqlite(const char *path, double secs, long pages)
{
	sqlite3 *db;
	sqlite3_stmt *ins, *upd = NULL;
	double t0, t, end;
	int rc;

	if (pages < 1 || pages > 256) {
		fprintf(stderr, "fsync_probe: PAGES must be 1..256\n");
		return 2;
	}
	unlink(path);
	if (sqlite3_open(path, &db) != SQLITE_OK) {
		fprintf(stderr, "fsync_probe: cannot open %s\n", path);
		return 1;
	}
	/* danvan's settings (store_sqlite.c) */
	if (exec_or_die(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
	    " PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
	    " CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT,"
	    " at INTEGER NOT NULL, note TEXT NOT NULL);"
	    " CREATE TABLE spread (id INTEGER PRIMARY KEY, n INTEGER NOT NULL,"
	    " pad BLOB NOT NULL);"))
		return 1;
	if (pages > 1) {
		/* SPREAD_ROWS rows of ~3.5 KB: one leaf page each, ~16 MB,
		 * written once; each commit then rewrites PAGES of them in
		 * place, scattered, as a create rewrites index and table pages
		 * of an existing database (no file growth per commit). */
		if (exec_or_die(db, "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL"
		    " SELECT i + 1 FROM s WHERE i < 4096) INSERT INTO spread"
		    " SELECT i, 0, zeroblob(3500) FROM s;"
		    " PRAGMA wal_checkpoint(TRUNCATE);"))
			return 1;
		if (sqlite3_prepare_v2(db, "UPDATE spread SET n = n + 1 WHERE"
		    " id = ?", -1, &upd, NULL) != SQLITE_OK) {
			fprintf(stderr, "fsync_probe: %s\n", sqlite3_errmsg(db));
			return 1;
		}
	}
	if (sqlite3_prepare_v2(db, "INSERT INTO t (at, note) VALUES"
	    " (?, 'durable commit probe')", -1, &ins, NULL) != SQLITE_OK) {
		fprintf(stderr, "fsync_probe: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	sqlite3_wal_hook(db, wal_hook, NULL);
	t0 = now();
	end = t0 + secs;
	for (t = t0; t < end && nlat < LAT_MAX;) {
		double s = t;

		rc = SQLITE_DONE;
		if (upd != NULL)
			rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) ==
			    SQLITE_OK ? SQLITE_DONE : SQLITE_ERROR;
		/* PAGES - 2 scattered pages (7919 is odd: distinct ids) plus
		 * the table row and sqlite_sequence: PAGES pages in all. */
		for (long j = 0; upd != NULL && rc == SQLITE_DONE &&
		    j < pages - 2; j++) {
			sqlite3_bind_int64(upd, 1, (sqlite3_int64)((((long long)
			    nlat * pages + j) * 7919) % SPREAD_ROWS + 1));
			rc = sqlite3_step(upd);
			sqlite3_reset(upd);
		}
		if (rc == SQLITE_DONE) {
			sqlite3_bind_int64(ins, 1, (sqlite3_int64)nlat);
			rc = sqlite3_step(ins);
			sqlite3_reset(ins);
		}
		if (rc == SQLITE_DONE && upd != NULL)
			rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) ==
			    SQLITE_OK ? SQLITE_DONE : SQLITE_ERROR;
		if (rc != SQLITE_DONE) {
			fprintf(stderr, "fsync_probe: commit: %s\n",
			    sqlite3_errmsg(db));
			return 1;
		}
		t = now();
		lat[nlat++] = t - s;
	}
	report(pages > 1 ? "sqlite-pages" : "sqlite", t - t0);
	printf("frames_per_commit=%.1f\n", nlat > 0 ?
	    (double)frames_total / (double)nlat : 0.0);
	sqlite3_finalize(ins);
	sqlite3_finalize(upd);
	sqlite3_close(db);
	return 0;
}

int
main(int argc, char **argv)
{
	double secs;
	long n;

	if (argc != 5) {
		fprintf(stderr, "usage: fsync_probe raw FILE SECONDS BYTES\n"
		    "       fsync_probe sqlite DB SECONDS PAGES\n");
		return 2;
	}
	secs = atof(argv[3]);
	n = atol(argv[4]);
	if (!(secs > 0 && secs <= 600)) {
		fprintf(stderr, "fsync_probe: SECONDS must be in (0, 600]\n");
		return 2;
	}
	lat = malloc(LAT_MAX * sizeof(*lat));
	if (lat == NULL)
		return 1;
	if (strcmp(argv[1], "raw") == 0)
		return run_raw(argv[2], secs, n);
	if (strcmp(argv[1], "sqlite") == 0)
		return run_sqlite(argv[2], secs, n);
	fprintf(stderr, "fsync_probe: unknown mode %s\n", argv[1]);
	return 2;
}
