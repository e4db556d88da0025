#!/usr/bin/env bash
# bench/run.sh - danvan throughput/latency against nginx serving static files of the same size.
#
# Usage: bench/run.sh                     (from anywhere; builds `make` release first)
# Env:   DURATION=10        seconds of each measured wrk run
#        CONNECTIONS=64     wrk connections (wrk threads are always 2)
#        REPEAT=3           measured runs per server and endpoint (alternating); the medians are reported
#        WARMUP=2           seconds of an unrecorded wrk run per server and endpoint first (0 = none)
#        DANVAN_THREADS=2   danvan --threads for the main table
#        THREADS_SWEEP=""   extra danvan --threads values to measure the DB-backed reads with, e.g. "1 4"
#        BENCH_NGINX_ONLY=1 self-test of the harness: no build, no danvan, nginx on dummy bodies
#                           (results go to bench/out/selftest/)
#
# Everything listens on 127.0.0.1 only, every wrk run is bounded by -d, and all servers and temp
# files are removed on exit (also on Ctrl-C). Results: stdout and bench/out/results.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT_DIR="$ROOT/bench/out"
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
WARMUP=${WARMUP:-2}
REPEAT=${REPEAT:-3}
DANVAN_THREADS=${DANVAN_THREADS:-2}
THREADS_SWEEP=${THREADS_SWEEP:-}
NGINX_ONLY=${BENCH_NGINX_ONLY:-0}
[[ $NGINX_ONLY == 1 ]] && OUT_DIR="$OUT_DIR/selftest" # never overwrite real results with a self-test
WRK_THREADS=2

# Endpoints measured. The commune is Phường Thái Bình (04789), district 148 of Hoà Bình (17).
PROVINCE_PATH='/api/v1/units/17?structure=2024'
COMMUNE_PATH='/api/v1/units/04789?structure=2024'
HEALTH_PATH='/api/v1/health'
ME_PATH='/api/v1/me' # authenticated; only the session lookup and the user row touch the database

# Goals for the authenticated, DB-backed reads.
GOAL_RATIO_PCT=50
GOAL_P99_MS=10

for v in DURATION CONNECTIONS WARMUP REPEAT DANVAN_THREADS; do
	[[ ${!v} =~ ^[0-9]+$ ]] || { echo "bench: $v must be a whole number (got '${!v}')" >&2; exit 2; }
done
((DURATION > 0 && CONNECTIONS > 0 && REPEAT > 0 && DANVAN_THREADS > 0)) ||
	{ echo "bench: DURATION, CONNECTIONS, REPEAT and DANVAN_THREADS must be > 0" >&2; exit 2; }
for t in $THREADS_SWEEP; do
	[[ $t =~ ^[1-9][0-9]*$ ]] || { echo "bench: THREADS_SWEEP entries must be positive integers (got '$t')" >&2; exit 2; }
done

exec 9>&2 # the real stderr, also for traps that fire inside a redirected command
log() { printf '[bench] %s\n' "$*" >&9; }
die() { printf '[bench] error: %s\n' "$*" >&9; exit 1; }

# ---------------------------------------------------------------- tools
need_pkgs=()
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || need_pkgs+=(nginx-light)
command -v wrk >/dev/null 2>&1 || need_pkgs+=(wrk)
command -v curl >/dev/null 2>&1 || need_pkgs+=(curl)
if ((${#need_pkgs[@]})); then
	log "installing ${need_pkgs[*]} with apt-get"
	SUDO=()
	if [[ $(id -u) -ne 0 ]]; then
		command -v sudo >/dev/null 2>&1 || die "need root or sudo to install ${need_pkgs[*]}"
		SUDO=(sudo)
	fi
	"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
	# Debian's nginx package may start its own service on :80; this script never uses it.
fi
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
[[ -x $NGINX ]] || die "nginx not found"

# ---------------------------------------------------------------- cleanup
TMP=$(mktemp -d "${TMPDIR:-/tmp}/danvan-bench.XXXXXX")
NGINX_PID=''
DANVAN_PID=''
CHILD_PID=''

stop_pid() { # pid signal
	local pid=$1 sig=$2 i
	[[ -n $pid ]] || return 0
	kill -0 "$pid" 2>/dev/null || return 0
	kill "-$sig" "$pid" 2>/dev/null || true
	for ((i = 0; i < 50; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
	wait "$pid" 2>/dev/null || true
}
stop_danvan() { stop_pid "$DANVAN_PID" TERM; DANVAN_PID=''; }
cleanup() {
	trap - EXIT INT TERM
	stop_pid "$CHILD_PID" TERM
	stop_danvan
	stop_pid "$NGINX_PID" QUIT # graceful: the master stops its workers
	NGINX_PID=''
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'log "interrupted"; cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

# ---------------------------------------------------------------- helpers
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
	local p i
	for ((i = 0; i < 200; i++)); do
		p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
		port_in_use "$p" || { echo "$p"; return 0; }
	done
	die "no free port found"
}
wait_http() { # url pid what
	local i
	for ((i = 0; i < 100; i++)); do
		kill -0 "$2" 2>/dev/null || die "$3 exited during start-up"
		curl -s -o /dev/null --max-time 1 "$1" && return 0
		sleep 0.1
	done
	die "$3 did not answer at $1 within 10 s"
}

# bg_wait CMD...: run CMD in the background and wait for it. A foreground wrk catches SIGINT and
# exits 0, which makes bash skip the INT trap; `wait` is interrupted by the trap at once instead.
bg_wait() {
	"$@" &
	CHILD_PID=$!
	local rc=0
	wait "$CHILD_PID" || rc=$?
	CHILD_PID=''
	return "$rc"
}

# to_ms "1.23ms" -> 1.230 ; wrk prints us / ms / s / m
to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; else if (u == "h") n *= 3600000
		printf "%.3f", n }'
}

# run_wrk NAME URL [COOKIE]: one measured run; sets RPS, P99 (ms), BAD (non-2xx/3xx + socket errors).
# The raw output is kept in $TMP/wrk and copied to bench/out/wrk.
run_wrk() {
	local name=$1 url=$2 cookie=${3:-} out="$TMP/wrk/$1.txt" hdr=()
	mkdir -p "$TMP/wrk"
	[[ -n $cookie ]] && hdr=(-H "Cookie: danvan_session=$cookie")
	log "wrk ${DURATION}s  $name  $url"
	bg_wait wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${hdr[@]}" "$url" >"$out" 2>&1 ||
		{ cat "$out" >&2; die "wrk failed for $name"; }
	RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
	local p99raw
	p99raw=$(awk '$1 == "99%" { print $2; exit }' "$out")
	[[ -n $RPS && -n $p99raw ]] || { cat "$out" >&2; die "could not parse wrk output for $name"; }
	P99=$(to_ms "$p99raw")
	local non2xx sockerr
	non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
	sockerr=$(awk '/Socket errors:/ { s = 0; for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) s += $i; print s }' "$out")
	BAD=$((${non2xx:-0} + ${sockerr:-0}))
	if ((BAD > 0)); then
		log "WARNING: $name: ${non2xx:-0} non-2xx responses, ${sockerr:-0} socket errors (see below)"
		grep -E 'Non-2xx|Socket errors' "$out" >&2 || true
	fi
}

# ---------------------------------------------------------------- danvan
BIN="$ROOT/bin/danvan"
DB="$TMP/danvan.db"
DANVAN_PORT=''
DANVAN_URL=''
COOKIE=''

start_danvan() { # threads
	DANVAN_PORT=$(free_port)
	DANVAN_URL="http://127.0.0.1:$DANVAN_PORT"
	"$BIN" serve --db "$DB" --listen "127.0.0.1:$DANVAN_PORT" --threads "$1" >>"$TMP/danvan.log" 2>&1 &
	DANVAN_PID=$!
	wait_http "$DANVAN_URL$HEALTH_PATH" "$DANVAN_PID" "danvan" ||
		{ tail -20 "$TMP/danvan.log" >&2; exit 1; }
}

fetch_body() { # url dest [cookie]
	local code args=(-s -o "$2" -w '%{http_code}' --max-time 5)
	[[ -n ${3:-} ]] && args+=(-H "Cookie: danvan_session=$3")
	code=$(curl "${args[@]}" "$1") || die "GET $1 failed"
	[[ $code == 200 ]] || { cat "$2" >&2; echo >&2; die "GET $1 answered $code"; }
}

WWW="$TMP/www"
mkdir -p "$WWW"
chmod 755 "$TMP" "$WWW" # nginx workers run as an unprivileged user when started as root

if [[ $NGINX_ONLY == 1 ]]; then
	log "BENCH_NGINX_ONLY=1: harness self-test, danvan is not built or started"
	printf '{"status":"ok"}' >"$WWW/health.json"
	head -c 300 /dev/zero | tr '\0' 'x' >"$WWW/me.json"
	head -c 1200 /dev/zero | tr '\0' 'x' >"$WWW/province.json"
	head -c 400 /dev/zero | tr '\0' 'x' >"$WWW/commune.json"
else
	log "building release: make -C $ROOT"
	make -C "$ROOT" -j2 bin/danvan >"$TMP/make.log" 2>&1 || { tail -30 "$TMP/make.log" >&2; die "make failed"; }
	[[ -x $BIN ]] || die "$BIN missing after make"

	log "fresh database: $DB"
	"$BIN" migrate --db "$DB" >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log" >&2; die "migrate failed"; }
	PASSWORD=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
	printf '%s' "$PASSWORD" | "$BIN" user add --db "$DB" --username bench --role sysadmin --password-stdin \
		>"$TMP/useradd.log" 2>&1 || { cat "$TMP/useradd.log" >&2; die "user add failed"; }

	start_danvan "$DANVAN_THREADS"
	log "danvan listening on $DANVAN_URL (pid $DANVAN_PID, --threads $DANVAN_THREADS)"

	code=$(curl -s -D "$TMP/login.h" -o "$TMP/login.json" -w '%{http_code}' --max-time 10 \
		-H 'Content-Type: application/json' \
		--data "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" "$DANVAN_URL/api/v1/auth/login") || die "login request failed"
	[[ $code == 200 ]] || { cat "$TMP/login.json" >&2; die "login answered $code"; }
	COOKIE=$(tr -d '\r' <"$TMP/login.h" | sed -n 's/^[Ss]et-[Cc]ookie: *danvan_session=\([^;]*\).*/\1/p' | head -1)
	[[ -n $COOKIE ]] || die "login set no danvan_session cookie"

	# The static files are danvan's own bodies, byte for byte, so the sizes match exactly.
	fetch_body "$DANVAN_URL$HEALTH_PATH" "$WWW/health.json"
	fetch_body "$DANVAN_URL$ME_PATH" "$WWW/me.json" "$COOKIE"
	fetch_body "$DANVAN_URL$PROVINCE_PATH" "$WWW/province.json" "$COOKIE"
	fetch_body "$DANVAN_URL$COMMUNE_PATH" "$WWW/commune.json" "$COOKIE"
fi
chmod 644 "$WWW"/*.json
log "body sizes (B):$(for f in health me province commune; do printf ' %s %s' "$f" "$(wc -c <"$WWW/$f.json" | tr -d ' ')"; done)"

# ---------------------------------------------------------------- nginx
NGINX_PORT=$(free_port)
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
mkdir -p "$TMP/nginx"
cat >"$TMP/nginx/nginx.conf" <<EOF
# temporary config written by bench/run.sh
worker_processes auto;
daemon off;
master_process on;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    open_file_cache max=64 inactive=60s;
    client_body_temp_path $TMP/nginx/client_body;
    proxy_temp_path $TMP/nginx/proxy;
    fastcgi_temp_path $TMP/nginx/fastcgi;
    uwsgi_temp_path $TMP/nginx/uwsgi;
    scgi_temp_path $TMP/nginx/scgi;
    types { application/json json; }
    default_type application/json;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WWW;
        location / { }
    }
}
EOF
"$NGINX" -t -q -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx/nginx.conf" ||
	{ cat "$TMP/nginx/error.log" >&2; die "nginx config test failed"; }
"$NGINX" -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx/nginx.conf" &
NGINX_PID=$!
wait_http "$NGINX_URL/health.json" "$NGINX_PID" "nginx"
for f in health me province commune; do
	n=$(curl -s --max-time 5 "$NGINX_URL/$f.json" | wc -c | tr -d ' ')
	want=$(wc -c <"$WWW/$f.json" | tr -d ' ')
	[[ $n == "$want" ]] || die "nginx served $n bytes for $f.json, expected $want"
done
log "nginx listening on $NGINX_URL (pid $NGINX_PID, worker_processes auto)"

# ---------------------------------------------------------------- measure
median() { # printf-format numbers... -> the median, formatted
	local fmt=$1
	shift
	printf '%s\n' "$@" | sort -g | awk -v f="$fmt" '{ v[NR] = $1 } END {
		if (NR == 0) { print "-"; exit }
		printf f "\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
warm() { # url [cookie]
	((WARMUP > 0)) || return 0
	local hdr=()
	[[ -n ${2:-} ]] && hdr=(-H "Cookie: danvan_session=$2")
	bg_wait wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${hdr[@]}" "$1" >/dev/null 2>&1 || true
}
# measure NAME URL COOKIE -> REPEAT runs; sets M_RPS M_P99 (medians), L_RPS (all runs), M_BAD
measure() {
	local k rps=() p99=()
	M_BAD=0
	for ((k = 1; k <= REPEAT; k++)); do
		run_wrk "$1-run$k" "$2" "$3"
		rps+=("$RPS"); p99+=("$P99"); M_BAD=$((M_BAD + BAD))
	done
	M_RPS=$(median %.0f "${rps[@]}"); M_P99=$(median %.3f "${p99[@]}")
	L_RPS="${rps[*]}"
}

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
if awk -v l="$LOAD_BEFORE" 'BEGIN { exit !(l + 0 > 0.5) }'; then
	log "WARNING: 1-minute load average is $LOAD_BEFORE: other work on this machine will skew the numbers"
fi

# Rows: label | auth (goal applies) | danvan path | nginx file
ROWS=(
	"GET /api/v1/health|0|$HEALTH_PATH|health.json"
	"GET /api/v1/me (session + user row, auth)|1|$ME_PATH|me.json"
	"GET /api/v1/units/17?structure=2024 (province, auth)|1|$PROVINCE_PATH|province.json"
	"GET /api/v1/units/04789?structure=2024 (commune, auth)|1|$COMMUNE_PATH|commune.json"
)
RES=()  # label|auth|size|d_rps|n_rps|d_p99|n_p99|bad
RUNS=() # label|server|rps list|p99 list
for i in "${!ROWS[@]}"; do
	IFS='|' read -r label auth path file <<<"${ROWS[$i]}"
	size=$(wc -c <"$WWW/$file" | tr -d ' ')
	ck=''
	[[ $auth == 1 ]] && ck=$COOKIE
	# nginx gets the same request headers (the cookie too), so both read requests of equal size.
	# The runs alternate danvan, nginx, danvan, nginx... so drifting background load hits both alike.
	[[ $NGINX_ONLY == 1 ]] || warm "$DANVAN_URL$path" "$ck"
	warm "$NGINX_URL/$file" "$ck"
	d_rps=(); d_p99=(); n_rps=(); n_p99=(); bad=0
	for ((k = 1; k <= REPEAT; k++)); do
		if [[ $NGINX_ONLY != 1 ]]; then
			run_wrk "row$i-danvan-run$k" "$DANVAN_URL$path" "$ck"
			d_rps+=("$RPS"); d_p99+=("$P99"); bad=$((bad + BAD))
		fi
		run_wrk "row$i-nginx-run$k" "$NGINX_URL/$file" "$ck"
		n_rps+=("$RPS"); n_p99+=("$P99"); bad=$((bad + BAD))
	done
	if [[ $NGINX_ONLY == 1 ]]; then
		dm_rps='-'; dm_p99='-'
	else
		dm_rps=$(median %.0f "${d_rps[@]}"); dm_p99=$(median %.3f "${d_p99[@]}")
		RUNS+=("$label|danvan|${d_rps[*]}|${d_p99[*]}")
	fi
	RUNS+=("$label|nginx|${n_rps[*]}|${n_p99[*]}")
	RES+=("$label|$auth|$size|$dm_rps|$(median %.0f "${n_rps[@]}")|$dm_p99|$(median %.3f "${n_p99[@]}")|$bad")
done

# Optional: the DB-backed reads again with other danvan --threads values (same DB, same session).
SWEEP=() # threads|label|d_rps|d_p99|n_rps|bad|rps list
if [[ $NGINX_ONLY != 1 && -n $THREADS_SWEEP ]]; then
	for t in $THREADS_SWEEP; do
		stop_danvan
		start_danvan "$t"
		log "danvan restarted with --threads $t on $DANVAN_URL"
		for i in "${!ROWS[@]}"; do
			IFS='|' read -r label auth path _ <<<"${ROWS[$i]}"
			[[ $auth == 1 ]] || continue
			IFS='|' read -r _ _ _ _ n_rps _ _ _ <<<"${RES[$i]}"
			warm "$DANVAN_URL$path" "$COOKIE"
			measure "threads$t-row$i-danvan" "$DANVAN_URL$path" "$COOKIE"
			SWEEP+=("$t|$label|$M_RPS|$M_P99|$n_rps|$M_BAD|$L_RPS")
		done
	done
fi
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')

# ---------------------------------------------------------------- report
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b + 0 == 0) print "-"; else printf "%.1f", 100 * a / b }'; }
goal_ok() { # d_rps n_rps d_p99 bad -> "yes"/"NO"
	awk -v d="$1" -v n="$2" -v p="$3" -v bad="$4" -v gr="$GOAL_RATIO_PCT" -v gp="$GOAL_P99_MS" \
		'BEGIN { print ((bad == 0 && n > 0 && 100 * d / n >= gr && p < gp) ? "yes" : "NO") }'
}

CPU=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
NCPU=$(nproc 2>/dev/null || echo '?')
NGINX_VER=$("$NGINX" -v 2>&1 | sed 's/^nginx version: nginx\///')
WRK_VER=$(wrk -v 2>&1 | head -1 | awk '{ print $2 }' || true)
# The library danvan links against (pkg-config), and the sqlite3 CLI when installed.
SQLITE_VER="$(pkg-config --modversion sqlite3 2>/dev/null || echo unknown) (library)"
if command -v sqlite3 >/dev/null 2>&1; then
	SQLITE_VER="$SQLITE_VER, sqlite3 CLI $(sqlite3 --version | awk '{ print $1 }')"
fi
MHD_VER=$(pkg-config --modversion libmicrohttpd 2>/dev/null || echo unknown)
REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no commit')
# Read-only check (no index refresh) for uncommitted changes to what the binary is built from.
if ! git -C "$ROOT" --no-optional-locks diff-index --quiet HEAD -- src Makefile 2>/dev/null; then
	REV="$REV + uncommitted changes"
fi
NOW=$(date -u '+%Y-%m-%d %H:%M UTC')
KERNEL=$(uname -r)

{
	echo "# danvan benchmark results"
	echo
	echo "- Date: $NOW"
	echo "- CPU: $CPU, $NCPU logical CPUs; kernel $KERNEL; 1-min load average $LOAD_BEFORE before, $LOAD_AFTER after"
	echo "- nginx $NGINX_VER (worker_processes auto, access_log off, sendfile, keepalive); wrk $WRK_VER"
	echo "- SQLite $SQLITE_VER; libmicrohttpd $MHD_VER; danvan revision $REV, --threads $DANVAN_THREADS"
	echo "- Load: wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s --latency, $REPEAT runs per server and endpoint"
	echo "  (alternating danvan/nginx, after a ${WARMUP}s unrecorded warm-up); the table shows the medians."
	echo "- **The load generator (wrk, 2 threads) and the servers share the same $NCPU cores**: every number is"
	echo "  lower than the server could do alone, and part of each request's cost is wrk's own CPU time."
	echo "- nginx serves static files holding danvan's own response bodies (same bytes, same size) and gets"
	echo "  the same request headers (the session cookie too): the ceiling for an HTTP server on this machine."
	[[ $NGINX_ONLY == 1 ]] && echo "- **BENCH_NGINX_ONLY=1: harness self-test, danvan not measured, bodies are dummies.**"
	echo
	echo "| endpoint | body B | danvan req/s | nginx req/s | ratio % | danvan p99 ms | nginx p99 ms | goal |"
	echo "|---|---:|---:|---:|---:|---:|---:|---|"
	all_ok=1
	any_goal=0
	for r in "${RES[@]}"; do
		IFS='|' read -r label auth size d_rps n_rps d_p99 n_p99 bad <<<"$r"
		goal='n/a'
		if [[ $auth == 1 && $d_rps != '-' ]]; then
			goal=$(goal_ok "$d_rps" "$n_rps" "$d_p99" "$bad")
			any_goal=1
			[[ $goal == yes ]] || all_ok=0
		fi
		[[ $bad -gt 0 ]] && goal="$goal (errors: $bad)"
		printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' \
			"$label" "$size" "$d_rps" "$n_rps" "$(ratio "$d_rps" "$n_rps")" "$d_p99" "$n_p99" "$goal"
	done
	echo
	echo "Goals for the authenticated DB-backed reads: danvan req/s ≥ ${GOAL_RATIO_PCT} % of nginx's and danvan p99 < ${GOAL_P99_MS} ms,"
	echo "with no error responses. \`/health\` (no database, no session) shows the fixed per-request cost only."
	if ((any_goal)); then
		echo
		if ((all_ok)); then echo "**Goals: MET**"; else echo "**Goals: NOT MET**"; fi
	fi
	if ((${#SWEEP[@]})); then
		echo
		echo "### danvan --threads (nginx column from the main table)"
		echo
		echo "| --threads | endpoint | danvan req/s | ratio % | danvan p99 ms | goal | req/s per run |"
		echo "|---:|---|---:|---:|---:|---|---|"
		for s in "${SWEEP[@]}"; do
			IFS='|' read -r t label d_rps d_p99 n_rps bad runs <<<"$s"
			printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$t" "$label" "$d_rps" \
				"$(ratio "$d_rps" "$n_rps")" "$d_p99" "$(goal_ok "$d_rps" "$n_rps" "$d_p99" "$bad")" "${runs// / / }"
		done
	fi
	echo
	echo "### Every run"
	echo
	echo "| endpoint | server | req/s per run | p99 ms per run |"
	echo "|---|---|---|---|"
	for r in "${RUNS[@]}"; do
		IFS='|' read -r label server rl pl <<<"$r"
		printf '| %s | %s | %s | %s |\n' "$label" "$server" "${rl// / / }" "${pl// / / }"
	done
} >"$TMP/results.md"

# Align the columns of each markdown table so the file reads well as plain text too.
awk '
function flush(   k, i, line, cell, n, sep) {
	for (k = 1; k <= nt; k++) {
		n = split(tl[k], cell, "|"); line = "|"
		sep = (tl[k] ~ /^\|[-:|]+\|$/)
		for (i = 2; i < n; i++) {
			c = cell[i]; gsub(/^ +| +$/, "", c)
			if (sep) { pad = c; while (length(pad) < w[i]) pad = (c ~ /:$/) ? "-" pad : pad "-"; line = line " " pad " |" }
			else line = line " " sprintf((c ~ /^[0-9.-]+$/) ? "%" w[i] "s" : "%-" w[i] "s", c) " |"
		}
		print line
	}
	nt = 0; delete w
}
/^\|/ { tl[++nt] = $0; n = split($0, cell, "|")
	for (i = 2; i < n; i++) { c = cell[i]; gsub(/^ +| +$/, "", c); if (length(c) > w[i]) w[i] = length(c) }
	next }
{ if (nt) flush(); print }
END { if (nt) flush() }' "$TMP/results.md" >"$TMP/results.aligned.md"

mkdir -p "$OUT_DIR" "$OUT_DIR/wrk"
cp "$TMP/results.aligned.md" "$OUT_DIR/results.md"
rm -f "$OUT_DIR"/wrk/*.txt
cp "$TMP"/wrk/*.txt "$OUT_DIR/wrk/" 2>/dev/null || true

echo
cat "$TMP/results.aligned.md"
echo
echo "markdown: $OUT_DIR/results.md (raw wrk output in $OUT_DIR/wrk/)"
