/*
 * topdf.c - a DOCX converted to PDF by LibreOffice headless (see topdf.h).
 */
#define _XOPEN_SOURCE 700	/* nftw */
#include "core/topdf.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/err.h"

extern char **environ;

#define PDF_MAX		(64L * 1024 * 1024)

/* The soffice program: $DANVAN_SOFFICE, else the first "soffice" on PATH
 * that can be run; "" when there is none. */
static void
find_soffice(char *out, size_t n)
{
	const char *env = getenv("DANVAN_SOFFICE");
	const char *path = getenv("PATH");
	const char *p, *colon;

	out[0] = '\0';
	if (env != NULL && env[0] != '\0') {
		if (access(env, X_OK) == 0)
			snprintf(out, n, "%s", env);
		return;
	}
	for (p = path != NULL ? path : "/usr/bin:/bin"; *p != '\0';
	    p = colon != NULL ? colon + 1 : p + strlen(p)) {
		char cand[1024];
		size_t len;

		colon = strchr(p, ':');
		len = colon != NULL ? (size_t)(colon - p) : strlen(p);
		if (len == 0 || len + sizeof("/soffice") > sizeof(cand))
			continue;
		snprintf(cand, sizeof(cand), "%.*s/soffice", (int)len, p);
		if (access(cand, X_OK) == 0) {
			snprintf(out, n, "%s", cand);
			return;
		}
	}
}

bool
topdf_available(void)
{
	char prog[1024];

	find_soffice(prog, sizeof(prog));
	return prog[0] != '\0';
}

static int
rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int
write_all(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	bool ok;

	if (f == NULL)
		return -1;
	ok = fwrite(data, 1, len, f) == len;
	ok = fclose(f) == 0 && ok;
	return ok ? 0 : -1;
}

static int
read_all(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	long n;

	*data = NULL;
	if (f == NULL)
		return -1;
	n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
	if (n <= 0 || n > PDF_MAX || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return -1;
	}
	*data = malloc((size_t)n);
	if (*data == NULL || fread(*data, 1, (size_t)n, f) != (size_t)n) {
		free(*data);
		*data = NULL;
		fclose(f);
		return -1;
	}
	fclose(f);
	*len = (size_t)n;
	return 0;
}

/* Run argv with stdin, stdout and stderr on /dev/null; wait at most
 * timeout_s seconds (then kill it).  0 when it exited with status 0. */
static int
run(char *const argv[], int timeout_s)
{
	posix_spawn_file_actions_t fa;
	struct timespec nap = { 0, 50 * 1000 * 1000 };
	pid_t pid;
	int status = 0, rc;
	long waited = 0;

	if (posix_spawn_file_actions_init(&fa) != 0)
		return -1;
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return -1;
	for (;;) {
		pid_t w = waitpid(pid, &status, WNOHANG);

		if (w == pid)
			break;
		if (w < 0 && errno != EINTR)
			return -1;
		if (waited >= (long)timeout_s * 20) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return -1;
		}
		nanosleep(&nap, NULL);
		waited++;
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

int
topdf_from_docx(const char *docx, size_t len, char **pdf, size_t *pdf_len,
    struct err *e)
{
	char prog[1024], dir[] = "/tmp/danvan-pdf.XXXXXX";
	char in[64], out[64], profile[96], outdir[64];
	char *argv[9];
	int rc;

	*pdf = NULL;
	*pdf_len = 0;
	find_soffice(prog, sizeof(prog));
	if (prog[0] == '\0')
		return err_set(e, ERR_UNAVAIL, "unavailable", NULL, "Máy chủ"
		    " chưa cài LibreOffice nên chưa xuất được PDF; hãy tải"
		    " DOCX.");
	if (mkdtemp(dir) == NULL)
		return err_set(e, ERR_IO, "internal", NULL, "mkdtemp failed");
	snprintf(in, sizeof(in), "%s/in.docx", dir);
	snprintf(out, sizeof(out), "%s/in.pdf", dir);
	snprintf(outdir, sizeof(outdir), "%s", dir);
	snprintf(profile, sizeof(profile), "-env:UserInstallation=file://%s/p",
	    dir);
	argv[0] = prog;
	argv[1] = profile;
	argv[2] = "--headless";
	argv[3] = "--norestore";
	argv[4] = "--convert-to";
	argv[5] = "pdf";
	argv[6] = "--outdir";
	argv[7] = outdir;
	argv[8] = NULL;
	rc = write_all(in, docx, len);
	if (rc == 0) {
		/* the input file goes last; argv has room for it */
		char *args[10];

		memcpy(args, argv, sizeof(argv));
		args[8] = in;
		args[9] = NULL;
		rc = run(args, TOPDF_TIMEOUT);
	}
	if (rc == 0)
		rc = read_all(out, pdf, pdf_len);
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	if (rc != 0)
		return err_set(e, ERR_IO, "internal", NULL, "LibreOffice could"
		    " not convert the document");
	return 0;
}
