/*
 * bench/sqlsteps.c - LD_PRELOAD shim for bench/reports.sh, loaded together
 * with bench/sqltrace.c (same SQLTRACE_FILE): it adds one line each time a
 * prepared statement starts an execution (the first sqlite3_step after
 * prepare, reset or completion), so the script can replay every statement
 * danvan ran, as many times as it ran, with the values bound at that
 * moment (sqltrace.c's P and B lines).  Only used for capture runs, never
 * while measuring.
 *
 *   cc -shared -fPIC -O2 -o sqlsteps.so bench/sqlsteps.c -ldl
 *   SQLTRACE_FILE=trace.log LD_PRELOAD="./sqltrace.so ./sqlsteps.so" ...
 *
 * Log line:  E <stmt>
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static FILE *out;

int
sqlite3_step(sqlite3_stmt *s)
{
	static int (*real)(sqlite3_stmt *);
	const char *p;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_step");
	if (s != NULL && !sqlite3_stmt_busy(s)) {
		pthread_mutex_lock(&mu);
		if (out == NULL && (p = getenv("SQLTRACE_FILE")) != NULL)
			out = fopen(p, "a");
		if (out != NULL) {
			fprintf(out, "E %p\n", (void *)s);
			fflush(out);
		}
		pthread_mutex_unlock(&mu);
	}
	return real(s);
}
