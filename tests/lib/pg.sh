#!/bin/bash
# tests/lib/pg.sh start|stop|status - a throw-away PostgreSQL server for tests.
#
#   eval "$(tests/lib/pg.sh start)"   # exports DANVAN_TEST_PG and DANVAN_TEST_PG_PORT
#   node --test tests/api/
#   tests/lib/pg.sh stop
#
# The server listens only on a Unix socket in a temporary directory (no TCP),
# trusts local connections, and runs as the OS user "postgres" when this
# script runs as root.  Needs Debian's "postgresql" package (binaries in
# /usr/lib/postgresql/N/bin).
#
# Every start makes a new instance under ${TMPDIR:-/tmp}/danvan-pg.XXXXXX with
# its own state file.  stop stops the instance named by $DANVAN_TEST_PG (as
# exported by start), else by $DANVAN_TEST_PG_STATE, else the last one
# started (${TMPDIR:-/tmp}/danvan-test-pg.state), so that several users of
# this script on one machine do not stop each other's servers.
set -eu

LAST=${TMPDIR:-/tmp}/danvan-test-pg.state
if [ -n "${DANVAN_TEST_PG_STATE:-}" ]; then
	STATE=$DANVAN_TEST_PG_STATE
elif [ -n "${DANVAN_TEST_PG:-}" ] && [ -f "$(dirname "$DANVAN_TEST_PG")/state" ]; then
	STATE=$(dirname "$DANVAN_TEST_PG")/state
else
	STATE=$LAST
fi
PORT=${DANVAN_TEST_PG_PORT:-5432}

die() { echo "pg.sh: $*" >&2; exit 1; }

find_bindir() {
	local d best=""
	if [ -n "${PG_BINDIR:-}" ] && [ -x "$PG_BINDIR/initdb" ]; then
		echo "$PG_BINDIR"; return 0
	fi
	for d in /usr/lib/postgresql/*/bin; do
		[ -x "$d/initdb" ] || continue
		if [ -z "$best" ] || [ "${d//[^0-9]/}" -gt "${best//[^0-9]/}" ]; then
			best=$d
		fi
	done
	if [ -z "$best" ] && command -v initdb >/dev/null 2>&1; then
		best=$(dirname "$(command -v initdb)")
	fi
	[ -n "$best" ] || die "PostgreSQL not found (apt-get install postgresql)"
	echo "$best"
}

# as_pg CMD...: run as the postgres OS user when we are root.
as_pg() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

read_state() {
	[ -f "$STATE" ] || return 1
	# shellcheck disable=SC1090
	. "$STATE"
}

do_stop() {
	cd /
	if ! read_state; then
		echo "pg.sh: not running (no $STATE)" >&2
		return 0
	fi
	if [ -n "${PG_DATA:-}" ] && [ -d "$PG_DATA" ]; then
		as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 ||
			as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
	fi
	# Only delete what start created (both live under our own temp root).
	if [ -n "${PG_ROOT:-}" ] && [ -d "$PG_ROOT" ]; then
		case "$PG_ROOT" in
		*/danvan-pg.*) rm -rf -- "$PG_ROOT" ;;
		*) echo "pg.sh: not deleting unexpected $PG_ROOT" >&2 ;;
		esac
	fi
	if [ -f "$LAST" ] && grep -qF "PG_ROOT='$PG_ROOT'" "$LAST" 2>/dev/null; then
		rm -f -- "$LAST"
	fi
	rm -f -- "$STATE"
}

do_start() {
	PG_BIN=$(find_bindir)
	PG_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/danvan-pg.XXXXXX")
	PG_ROOT=$(cd "$PG_ROOT" && pwd -P)
	# The postgres user may not be able to read the caller's directory.
	cd /
	PG_DATA=$PG_ROOT/data
	PG_SOCK=$PG_ROOT/sock
	PG_PORT=$PORT
	mkdir -p "$PG_DATA" "$PG_SOCK"
	chmod 0755 "$PG_ROOT"
	chmod 0700 "$PG_DATA"
	if [ "$(id -u)" = 0 ]; then
		id postgres >/dev/null 2>&1 || die "no postgres OS user (apt-get install postgresql)"
		chown postgres: "$PG_DATA" "$PG_SOCK"
	fi
	STATE=$PG_ROOT/state
	cat >"$STATE" <<EOF
PG_BIN='$PG_BIN'
PG_ROOT='$PG_ROOT'
PG_DATA='$PG_DATA'
PG_SOCK='$PG_SOCK'
PG_PORT='$PG_PORT'
EOF
	trap 'rc=$?; if [ $rc -ne 0 ]; then do_stop >/dev/null 2>&1 || true; fi' EXIT

	local log=$PG_ROOT/initdb.log
	if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust \
		--encoding=UTF8 --locale=C.UTF-8 >"$log" 2>&1; then
		rm -rf -- "${PG_DATA:?}"/* 2>/dev/null || true
		as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust \
			--encoding=UTF8 --locale=C >>"$log" 2>&1 ||
			{ cat "$log" >&2; die "initdb failed"; }
	fi
	# Logs go to a file inside the data directory (owned by postgres).
	if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
		-o "-c listen_addresses='' -c unix_socket_directories='$PG_SOCK' -p $PG_PORT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
		start >/dev/null 2>&1; then
		cat "$PG_DATA/server.log" >&2 2>/dev/null || true
		die "PostgreSQL did not start"
	fi
	local i
	for i in $(seq 1 60); do
		if "$PG_BIN/pg_isready" -q -h "$PG_SOCK" -p "$PG_PORT"; then
			break
		fi
		[ "$i" = 60 ] && { cat "$PG_DATA/server.log" >&2 || true; die "PostgreSQL not ready"; }
		sleep 0.5
	done
	trap - EXIT
	cp -- "$STATE" "$LAST"
	echo "export DANVAN_TEST_PG=$PG_SOCK DANVAN_TEST_PG_PORT=$PG_PORT"
}

case "${1:-}" in
start) do_start ;;
stop) do_stop ;;
status)
	if [ -n "${DANVAN_TEST_PG:-}" ]; then
		exec "$(find_bindir)/pg_isready" -h "$DANVAN_TEST_PG" -p "$PORT"
	fi
	if read_state && "$PG_BIN/pg_isready" -h "$PG_SOCK" -p "$PG_PORT"; then exit 0; fi
	exit 1 ;;
*) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
