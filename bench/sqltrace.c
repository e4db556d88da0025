/*
 * bench/sqltrace.c - LD_PRELOAD shim for bench/petitions.sh: logs the SQL
 * text danvan prepares and the values it binds, so the script can check
 * that the SQL it hands to the sqlite3 CLI is byte for byte the SQL danvan
 * runs, with the same parameter values.  Only used for one short capture
 * run, never while measuring.
 *
 *   cc -shared -fPIC -O2 -o sqltrace.so bench/sqltrace.c -ldl
 *   SQLTRACE_FILE=trace.log LD_PRELOAD=./sqltrace.so bin/danvan serve ...
 *
 * Log lines (one per call; statements are identified by their address):
 *   P <stmt> <sql>            sqlite3_prepare_v2/v3
 *   B <stmt> <idx> I <int>    sqlite3_bind_int64 / sqlite3_bind_int
 *   B <stmt> <idx> T <text>   sqlite3_bind_text (newlines as \n)
 *   B <stmt> <idx> N          sqlite3_bind_null
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static FILE *out;

static FILE *
logf_get(void)
{
	const char *p;

	if (out == NULL && (p = getenv("SQLTRACE_FILE")) != NULL)
		out = fopen(p, "a");
	return out;
}

static void
put_text(FILE *f, const char *s, int n)
{
	for (int i = 0; (n < 0 || i < n) && s[i] != '\0'; i++) {
		if (s[i] == '\n')
			fputs("\\n", f);
		else if (s[i] == '\\')
			fputs("\\\\", f);
		else
			fputc(s[i], f);
	}
}

static void
log_prepare(sqlite3_stmt *s, const char *sql, int n)
{
	FILE *f;

	if (s == NULL)
		return;
	pthread_mutex_lock(&mu);
	if ((f = logf_get()) != NULL) {
		fprintf(f, "P %p ", (void *)s);
		put_text(f, sql, n);
		fputc('\n', f);
		fflush(f);
	}
	pthread_mutex_unlock(&mu);
}

int
sqlite3_prepare_v3(sqlite3 *db, const char *sql, int n, unsigned int flags,
    sqlite3_stmt **st, const char **tail)
{
	static int (*real)(sqlite3 *, const char *, int, unsigned int,
	    sqlite3_stmt **, const char **);
	int rc;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_prepare_v3");
	rc = real(db, sql, n, flags, st, tail);
	if (rc == SQLITE_OK)
		log_prepare(*st, sql, n);
	return rc;
}

int
sqlite3_prepare_v2(sqlite3 *db, const char *sql, int n, sqlite3_stmt **st,
    const char **tail)
{
	static int (*real)(sqlite3 *, const char *, int, sqlite3_stmt **,
	    const char **);
	int rc;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_prepare_v2");
	rc = real(db, sql, n, st, tail);
	if (rc == SQLITE_OK)
		log_prepare(*st, sql, n);
	return rc;
}

int
sqlite3_bind_int64(sqlite3_stmt *s, int i, sqlite3_int64 v)
{
	static int (*real)(sqlite3_stmt *, int, sqlite3_int64);
	FILE *f;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_bind_int64");
	pthread_mutex_lock(&mu);
	if ((f = logf_get()) != NULL) {
		fprintf(f, "B %p %d I %lld\n", (void *)s, i, (long long)v);
		fflush(f);
	}
	pthread_mutex_unlock(&mu);
	return real(s, i, v);
}

int
sqlite3_bind_int(sqlite3_stmt *s, int i, int v)
{
	static int (*real)(sqlite3_stmt *, int, int);
	FILE *f;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_bind_int");
	pthread_mutex_lock(&mu);
	if ((f = logf_get()) != NULL) {
		fprintf(f, "B %p %d I %d\n", (void *)s, i, v);
		fflush(f);
	}
	pthread_mutex_unlock(&mu);
	return real(s, i, v);
}

int
sqlite3_bind_text(sqlite3_stmt *s, int i, const char *v, int n,
    void (*del)(void *))
{
	static int (*real)(sqlite3_stmt *, int, const char *, int,
	    void (*)(void *));
	FILE *f;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_bind_text");
	pthread_mutex_lock(&mu);
	if ((f = logf_get()) != NULL) {
		if (v == NULL) {
			fprintf(f, "B %p %d N\n", (void *)s, i);
		} else {
			fprintf(f, "B %p %d T ", (void *)s, i);
			put_text(f, v, n);
			fputc('\n', f);
		}
		fflush(f);
	}
	pthread_mutex_unlock(&mu);
	return real(s, i, v, n, del);
}

int
sqlite3_bind_null(sqlite3_stmt *s, int i)
{
	static int (*real)(sqlite3_stmt *, int);
	FILE *f;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_bind_null");
	pthread_mutex_lock(&mu);
	if ((f = logf_get()) != NULL) {
		fprintf(f, "B %p %d N\n", (void *)s, i);
		fflush(f);
	}
	pthread_mutex_unlock(&mu);
	return real(s, i);
}
