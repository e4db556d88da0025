#!/usr/bin/env bash
# bench/petitions.sh - issue 3: petitions at 1 M rows.
#
#   * durable creates (POST /api/v1/petitions, one COMMIT with fsync each) against the
#     durable-commit limit of the disk, measured in the same directory with the same
#     SQLite settings (bench/fsync_probe.c);
#   * the filtered, paginated list (GET /api/v1/petitions) against the very same SQL,
#     with the same parameter values, run by the sqlite3 CLI on the same database.
#
# Usage: bench/petitions.sh            (from anywhere; builds `make` release first; ~4-5 minutes)
#        ROWS=100000 DURATION=2 REPEAT=1 WHATIF=0 bench/petitions.sh   (quick look, ~1 minute)
# Env:   ROWS=1000000          petitions loaded with the sqlite3 CLI (bench/gen_petitions.sql)
#        DURATION=5            seconds of each measured wrk run and of each CLI loop
#        REPEAT=3              rounds of every measurement, alternating danvan and its baseline; medians reported
#        WARMUP=2              seconds of an unrecorded wrk run before each list measurement
#        PROBE_SECONDS=3       seconds of each durable-commit probe
#        CREATE_CONNECTIONS=4  wrk connections of the concurrent create run (the other run uses 1)
#        LIST_CONNECTIONS=4    wrk connections of the concurrent list runs (the other runs use 1)
#        DANVAN_THREADS=2      danvan --threads (also the number of parallel sqlite3 CLI loops)
#        WHATIF=1              also time other query shapes and two covering indexes in the CLI (0 = skip)
#        WHATIF_SECONDS=3      seconds of each of those CLI loops
#
# Helpers compiled into the temp dir with cc: bench/fsync_probe.c (the durable-commit limit) and
# bench/sqltrace.c (an LD_PRELOAD shim used for one capture run only: it proves that the SQL and the
# values given to the sqlite3 CLI are those danvan prepares and binds). wrk script for the creates:
# bench/petition_create.lua.
#
# Everything listens on 127.0.0.1 only, every load is bounded in time (wrk -d, `timeout`
# around every CLI run), and the server and all temp files (about 1 GB for 1 M rows) are
# removed on exit, also on Ctrl-C. Results: stdout and bench/out/petitions.md (raw wrk output
# in bench/out/wrk/list-*.txt and create-*.txt).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT_DIR="$ROOT/bench/out"
ROWS=${ROWS:-1000000}
DURATION=${DURATION:-5}
REPEAT=${REPEAT:-3}
WARMUP=${WARMUP:-2}
PROBE_SECONDS=${PROBE_SECONDS:-3}
CREATE_CONNECTIONS=${CREATE_CONNECTIONS:-4}
LIST_CONNECTIONS=${LIST_CONNECTIONS:-4}
DANVAN_THREADS=${DANVAN_THREADS:-2}
WHATIF=${WHATIF:-0}	# 1: the query shapes and indexes proposed before they were adopted
WHATIF_SECONDS=${WHATIF_SECONDS:-3}

for v in ROWS DURATION REPEAT WARMUP PROBE_SECONDS CREATE_CONNECTIONS LIST_CONNECTIONS DANVAN_THREADS WHATIF WHATIF_SECONDS; do
	[[ ${!v} =~ ^[0-9]+$ ]] || { echo "bench: $v must be a whole number (got '${!v}')" >&2; exit 2; }
done
((ROWS > 0 && ROWS < 1000003)) || { echo "bench: ROWS must be 1..1000002 (the generator's hashes)" >&2; exit 2; }
((DURATION > 0 && REPEAT > 0 && PROBE_SECONDS > 0 && CREATE_CONNECTIONS > 0 && LIST_CONNECTIONS > 0 && DANVAN_THREADS > 0 && WHATIF_SECONDS > 0)) ||
	{ echo "bench: DURATION, REPEAT, PROBE_SECONDS, *_CONNECTIONS, DANVAN_THREADS and WHATIF_SECONDS must be > 0" >&2; exit 2; }

# The units of the lists and of the creates (2025 structure, Phú Thọ).
LIST_WARD=07900     # Phường Việt Trì: the ward list
CREATE_WARD=04795   # Phường Hòa Bình: creates go to its people's committee, not into the listed ward
PROVINCE=25         # Phú Thọ: the province-level list

exec 9>&2
log() { printf '[bench] %s\n' "$*" >&9; }
die() { printf '[bench] error: %s\n' "$*" >&9; exit 1; }

# ---------------------------------------------------------------- tools
need_pkgs=()
command -v wrk >/dev/null 2>&1 || need_pkgs+=(wrk)
command -v curl >/dev/null 2>&1 || need_pkgs+=(curl)
command -v sqlite3 >/dev/null 2>&1 || need_pkgs+=(sqlite3)
if ((${#need_pkgs[@]})); then
	log "installing ${need_pkgs[*]} with apt-get"
	SUDO=()
	if [[ $(id -u) -ne 0 ]]; then
		command -v sudo >/dev/null 2>&1 || die "need root or sudo to install ${need_pkgs[*]}"
		SUDO=(sudo)
	fi
	"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi
command -v cc >/dev/null 2>&1 || die "cc not found (scripts/deps.sh build)"

# ---------------------------------------------------------------- cleanup
TMP=$(mktemp -d "${TMPDIR:-/tmp}/danvan-petitions.XXXXXX")
DANVAN_PID=''
CHILD_PIDS=()

stop_pid() { # pid signal
	local pid=$1 sig=$2 i
	[[ -n $pid ]] || return 0
	kill -0 "$pid" 2>/dev/null || return 0
	kill "-$sig" "$pid" 2>/dev/null || true
	for ((i = 0; i < 100; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
	wait "$pid" 2>/dev/null || true
}
stop_danvan() { stop_pid "$DANVAN_PID" TERM; DANVAN_PID=''; }
cleanup() {
	trap - EXIT INT TERM
	local p
	for p in "${CHILD_PIDS[@]}"; do stop_pid "$p" TERM; done
	stop_danvan
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'log "interrupted"; cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

# bg_wait CMD...: run CMD in the background and wait, so that Ctrl-C reaches the trap at once.
bg_wait() {
	"$@" &
	CHILD_PIDS=($!)
	local rc=0
	wait "${CHILD_PIDS[0]}" || rc=$?
	CHILD_PIDS=()
	return "$rc"
}

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
now() { date +%s.%N; }
fmt() { awk -v f="$1" -v v="$2" 'BEGIN { if (v == "" || v == "-") print "-"; else printf f, v }'; }
div() { awk -v a="$1" -v b="$2" -v f="${3:-%.2f}" 'BEGIN { if (a == "" || b == "" || a == "-" || b == "-" || b + 0 == 0) print "-"; else printf f, a / b }'; }
# to_ms "1.23ms" -> 1.230 ; wrk prints us / ms / s / m
to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; else if (u == "h") n *= 3600000
		printf "%.3f", n }'
}
sql() { sqlite3 -bail "$DB" "$@"; }
sqlq() { printf "'%s'" "${1//\'/\'\'}"; } # SQL string literal

SQLITE_CLI="$(sqlite3 --version | awk '{ print $1 }')"
SQLITE_LIB="$(pkg-config --modversion sqlite3 2>/dev/null || echo unknown)"
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
if awk -v l="$LOAD_BEFORE" 'BEGIN { exit !(l + 0 > 0.5) }'; then
	log "WARNING: 1-minute load average is $LOAD_BEFORE: other work on this machine will skew the numbers"
fi

# ---------------------------------------------------------------- build
log "building release: make -C $ROOT"
make -C "$ROOT" -j2 bin/danvan >"$TMP/make.log" 2>&1 || { tail -30 "$TMP/make.log" >&2; die "make failed"; }
[[ -x $ROOT/bin/danvan ]] || die "$ROOT/bin/danvan missing after make"
BIN="$TMP/danvan" # a private copy: a rebuild in the work tree during the run cannot swap it
cp "$ROOT/bin/danvan" "$BIN"
[[ $(ldd "$BIN" 2>/dev/null) == *libsqlite3* ]] || die "danvan is not linked against the shared libsqlite3 (needed by the SQL capture)"
cc -O2 -Wall -o "$TMP/fsync_probe" "$ROOT/bench/fsync_probe.c" -lsqlite3 >"$TMP/cc.log" 2>&1 ||
	{ cat "$TMP/cc.log" >&2; die "cannot compile bench/fsync_probe.c (libsqlite3-dev?)"; }
cc -O2 -Wall -shared -fPIC -o "$TMP/sqltrace.so" "$ROOT/bench/sqltrace.c" -ldl >"$TMP/cc.log" 2>&1 ||
	{ cat "$TMP/cc.log" >&2; die "cannot compile bench/sqltrace.c"; }

# ---------------------------------------------------------------- database
DB="$TMP/danvan.db"
log "fresh database: $DB (migrate, demo, sysadmin user)"
"$BIN" migrate --db "$DB" >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log" >&2; die "migrate failed"; }
"$BIN" demo --db "$DB" >"$TMP/demo.log" 2>&1 || { cat "$TMP/demo.log" >&2; die "demo failed"; }
PASSWORD=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s' "$PASSWORD" | "$BIN" user add --db "$DB" --username bench --role sysadmin --password-stdin \
	>"$TMP/useradd.log" 2>&1 || { cat "$TMP/useradd.log" >&2; die "user add failed"; }

TODAY=$(date -u +%F)               # the last received_day of the loaded rows (<= today in Vietnam)
CREATE_DAY=$(date -u -d yesterday +%F)
log "loading $ROWS petitions with the sqlite3 CLI (bench/gen_petitions.sql)"
before=$(sql "SELECT COUNT(*) FROM petitions")
t0=$(now)
{
	echo "CREATE TEMP TABLE bench_cfg AS SELECT $ROWS AS n, '$TODAY' AS today;"
	cat "$ROOT/bench/gen_petitions.sql"
} | timeout 1200 sqlite3 -bail "$DB" >"$TMP/load.log" 2>&1 || { cat "$TMP/load.log" >&2; die "loading failed"; }
t1=$(now)
LOAD_SECONDS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
NPET=$(sql "SELECT COUNT(*) FROM petitions")
((NPET - before == ROWS)) || die "loaded $((NPET - before)) rows, expected $ROWS"
[[ $(sql "PRAGMA journal_mode") == wal ]] || die "database not back in WAL mode after the load"
NORG=$(sql "SELECT COUNT(*) FROM organizations")
DB_MB=$(awk -v b="$(stat -c %s "$DB")" 'BEGIN { printf "%.0f", b / 1048576 }')
WARD_PATH=$(sql "SELECT path FROM units WHERE structure = 2025 AND code = '$LIST_WARD'")
PROV_PATH=$(sql "SELECT path FROM units WHERE structure = 2025 AND code = '$PROVINCE'")
CREATE_ORG=$(sql "SELECT id FROM organizations WHERE unit_structure = 2025 AND unit_code = '$CREATE_WARD' AND type = 'people_committee' ORDER BY id LIMIT 1")
[[ -n $WARD_PATH && -n $PROV_PATH && -n $CREATE_ORG ]] || die "demo organisations or units missing"
N_WARD=$(sql "SELECT COUNT(*) FROM petitions WHERE unit_structure = 2025 AND unit_path = '$WARD_PATH'")
N_PROV=$(sql "SELECT COUNT(*) FROM petitions WHERE unit_structure = 2025 AND (unit_path = '$PROV_PATH' OR unit_path LIKE '$PROV_PATH/%')")
log "loaded in ${LOAD_SECONDS}s: $NPET petitions, $NORG organisations, ${DB_MB} MB; ward $LIST_WARD $N_WARD rows, province $PROVINCE $N_PROV rows"

# ---------------------------------------------------------------- durable-commit limit
# In the same directory (same file system) as the database. The bare fdatasync() here, before danvan
# runs; the SQLite probes later, alternating with the create runs (danvan idle meanwhile).
probe() { # mode args... -> sets PR_RATE PR_P50 PR_P99
	local out
	out=$(timeout $((PROBE_SECONDS + 60)) "$TMP/fsync_probe" "$@") || die "fsync_probe $* failed"
	PR_RATE=$(sed -n 's/.* per_s=\([0-9.]*\).*/\1/p' <<<"$out")
	PR_P50=$(sed -n 's/.* p50_ms=\([0-9.]*\).*/\1/p' <<<"$out")
	PR_P99=$(sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p' <<<"$out")
	PR_FRAMES=$(sed -n 's/^frames_per_commit=\([0-9.]*\).*/\1/p' <<<"$out")
	[[ -n $PR_RATE ]] || die "cannot parse fsync_probe output: $out"
	log "fsync_probe $1 $4: $(tr '\n' ' ' <<<"$out")"
}
log "durable-commit limit: ${PROBE_SECONDS}s per probe"
probe raw "$TMP/probe.raw" "$PROBE_SECONDS" 4096
RAW_RATE=$PR_RATE RAW_P50=$PR_P50 RAW_P99=$PR_P99
rm -f "$TMP"/probe*

# ---------------------------------------------------------------- the list SQL, as danvan builds it
# Copied from src/domain/petition.c (P_COLS, P_FROM, list_where, petition_list's order),
# src/domain/actor.h (SCOPE_SQL, SCOPE_SUBTREE) and src/domain/list.c (list_count, list_run).
# The capture below checks it byte for byte against what danvan prepares.
P_COLS='p.id, p.tracking_code, p.org_id, o.name, p.unit_structure, p.unit_code, n.name, p.source, p.received_day, p.petitioner_name, p.petitioner_address, p.petitioner_id_number, p.petitioner_phone, p.identity_id, p.anonymous, p.persons, p.subject, p.content, p.classification, p.eligibility, p.field, p.direction, p.level, p.complexity, p.remote_area, p.mass_case, p.mass_settled_day, p.status, p.handling_rule, p.handling_due, p.resolution_rule, p.resolution_due, p.extensions, p.resolved_day, p.on_time, p.result, p.duplicate_of, p.repeat_count, p.forwarded_from, p.forwarded_to, p.assigned_user_id, u.full_name, p.created_at, p.updated_at, p.unit_path, p.visit_id'
P_FROM=' FROM petitions p JOIN organizations o ON o.id = p.org_id JOIN units n ON n.structure = p.unit_structure AND n.code = p.unit_code LEFT JOIN users u ON u.id = p.assigned_user_id'
ORDER='p.received_day DESC, p.id DESC'

# The two lists: name|query string|unit path|filter SQL after the unit|filter binds (type:value)
LISTS=(
	"ward|unit=$LIST_WARD&structure=2025&status=resolved&limit=50&offset=0|$WARD_PATH|AND p.status = ?|T:resolved"
	"province|unit=$PROVINCE&structure=2025&classification=complaint&from=2024-01-01&to=2024-12-31&limit=50&offset=0|$PROV_PATH|AND p.classification = ? AND p.received_day >= ? AND p.received_day <= ?|T:complaint T:2024-01-01 T:2024-12-31"
)
LIST_NAMES=(ward province)
list_entry() { # name -> E_QS E_PATH E_WHERE E_BINDS (array)
	local e name binds
	for e in "${LISTS[@]}"; do
		IFS='|' read -r name E_QS E_PATH E_WHERE binds <<<"$e"
		[[ $name == "$1" ]] || continue
		read -r -a E_BINDS <<<"$binds"
		return 0
	done
	die "no list $1"
}
# list_sql NAME -> Q_COUNT Q_PAGE Q_BINDS: danvan's statements (the page binds LIMIT 50 OFFSET 0 after Q_BINDS).
# For a sysadmin danvan leaves the scope clause out (it cannot exclude a row), writes the subtree as one
# path range, or an equality for a commune (no children), and counts from petitions alone.
list_sql() {
	list_entry "$1"
	local unit leaf
	if [[ $(sql "SELECT level FROM units WHERE structure = 2025 AND path = '$E_PATH'") == commune ]]; then
		unit="AND p.unit_structure = ? AND p.unit_path = ?" leaf=("T:$E_PATH")
	else
		unit="AND p.unit_structure = ? AND p.unit_path >= ? AND p.unit_path < ?" leaf=("T:$E_PATH" "T:${E_PATH}0")
	fi
	Q_COUNT="SELECT COUNT(*) FROM petitions p WHERE 1 = 1 $unit $E_WHERE"
	Q_PAGE="SELECT $P_COLS$P_FROM WHERE 1 = 1 $unit $E_WHERE ORDER BY $ORDER LIMIT ? OFFSET ?"
	Q_BINDS=(I:2025 "${leaf[@]}" "${E_BINDS[@]}")
}
# alt_sql NAME -> the same lists in the shape suggested in docs/PERFORMANCE.md (what-if, CLI only):
#  - no scope clause: for an unscoped actor it is always true, yet it is evaluated on every row and,
#    naming p.unit_code, keeps any index from covering the query;
#  - the unit's subtree as one index range (paths hold only digits and '/', so
#    "path = P OR P/ < path < P0" is "P <= path < P0"), or "path = P" for a unit without children;
#  - the COUNT without the joins (organizations, units, users add nothing to a count).
alt_sql() {
	list_entry "$1"
	local unit leaf
	if [[ $(sql "SELECT COUNT(*) FROM units WHERE structure = 2025 AND path > '$E_PATH/' AND path < '${E_PATH}0'") == 0 ]]; then
		unit="AND p.unit_path = ?" leaf=("T:$E_PATH")
	else
		unit="AND p.unit_path >= ? AND p.unit_path < ?" leaf=("T:$E_PATH" "T:${E_PATH}0")
	fi
	Q_COUNT="SELECT COUNT(*) FROM petitions p WHERE p.unit_structure = ? $unit $E_WHERE"
	Q_PAGE="SELECT $P_COLS$P_FROM WHERE p.unit_structure = ? $unit $E_WHERE ORDER BY $ORDER LIMIT ? OFFSET ?"
	Q_BINDS=(I:2025 "${leaf[@]}" "${E_BINDS[@]}")
}
# The binds as the trace writes them: "<idx> I <int>" / "<idx> T <text>"
binds_trace() { local i=0 b; for b in "$@"; do i=$((i + 1)); printf '%d %s %s\n' "$i" "${b%%:*}" "${b#*:}"; done; }
# The binds as sqlite3 CLI parameters ?1, ?2, ... (typed: integers stay integers)
binds_cli() {
	local i=0 b v sep=''
	printf '.param init\nINSERT INTO temp.sqlite_parameters (key, value) VALUES '
	for b in "$@"; do
		i=$((i + 1)); v=${b#*:}
		if [[ ${b%%:*} == I ]]; then printf "%s('?%d', %s)" "$sep" "$i" "$v"; else printf "%s('?%d', %s)" "$sep" "$i" "$(sqlq "$v")"; fi
		sep=', '
	done
	printf ';\n'
}
binds_text() { # for the report: ?1=0, ?3='', ...
	binds_trace "$@" | awk '{ v = $3; for (i = 4; i <= NF; i++) v = v " " $i
		printf "%s?%s=%s", (NR > 1 ? ", " : ""), $1, ($2 == "T" ? sprintf("%c%s%c", 39, v, 39) : v) } END { print "" }'
}
# cli_script ITERATIONS|explain -> sqlite3 input for Q_COUNT/Q_PAGE/Q_BINDS: danvan's connection
# pragmas, the parameters, then ITERATIONS times the count and the page, output discarded; or the
# plans of both and the count.
cli_script() {
	local k
	echo "PRAGMA foreign_keys=ON;"
	echo "PRAGMA temp_store=MEMORY;"
	binds_cli "${Q_BINDS[@]}" I:50 I:0
	if [[ $1 == explain ]]; then
		echo ".print '-- count query'"
		echo "EXPLAIN QUERY PLAN $Q_COUNT;"
		echo ".print '-- page query'"
		echo "EXPLAIN QUERY PLAN $Q_PAGE;"
		echo "$Q_COUNT;"
		return 0
	fi
	echo ".output /dev/null"
	for ((k = 0; k < $1; k++)); do
		echo "$Q_COUNT;"
		echo "$Q_PAGE;"
	done
}
# cli_explain FILE-STEM -> EXPLAIN_TEXT (plans) and CLI_TOTAL (the count)
cli_explain() {
	cli_script explain >"$TMP/$1.sql"
	timeout 300 sqlite3 -bail "$DB" <"$TMP/$1.sql" >"$TMP/$1.txt" 2>&1 || { cat "$TMP/$1.txt" >&2; die "sqlite3 EXPLAIN ($1) failed"; }
	CLI_TOTAL=$(tail -1 "$TMP/$1.txt")
	EXPLAIN_TEXT=$(sed '$d' "$TMP/$1.txt")
}
# cli_loop PROCS ITER -> CLI_SECS: wall time of PROCS parallel sqlite3 processes running ITER lists each
cli_loop() {
	local procs=$1 iter=$2 k t0 t1 rc=0
	cli_script "$iter" >"$TMP/cli-loop.sql"
	t0=$(now)
	CHILD_PIDS=()
	for ((k = 0; k < procs; k++)); do
		timeout $((3 * DURATION + 300)) sqlite3 -bail "$DB" <"$TMP/cli-loop.sql" >"$TMP/cli-$k.out" 2>&1 &
		CHILD_PIDS+=($!)
	done
	for k in "${CHILD_PIDS[@]}"; do wait "$k" || rc=$?; done
	CHILD_PIDS=()
	t1=$(now)
	((rc == 0)) || { cat "$TMP/cli-0.out" >&2; die "sqlite3 loop failed (rc $rc)"; }
	CLI_SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
}
# cli_calibrate SECONDS -> CLI_ITER (lists per loop for about SECONDS in one process) and CLI_BASE
# (the wall time of a loop of 0 lists: start-up, subtracted from every loop); warms the page cache.
# cli_run PROCS -> CLI_RATE[PROCS] (lists/s, all processes together), CLI_MS[PROCS] (ms per list and process)
declare -A CLI_RATE CLI_MS
cli_calibrate() {
	local cal
	cli_loop 1 0; CLI_BASE=$CLI_SECS
	cli_loop 1 1; cal=$CLI_SECS
	CLI_ITER=$(awk -v c="$cal" -v b="$CLI_BASE" -v d="$1" 'BEGIN { per = c - b; if (per <= 0) per = 0.001
		n = int(d / per + 0.5); if (n < 3) n = 3; if (n > 200000) n = 200000; print n }')
}
cli_run() {
	local p=$1
	cli_loop "$p" "$CLI_ITER"
	CLI_RATE[$p]=$(awk -v n="$CLI_ITER" -v p="$p" -v s="$CLI_SECS" -v b="$CLI_BASE" 'BEGIN { printf "%.2f", p * n / (s - b) }')
	CLI_MS[$p]=$(awk -v n="$CLI_ITER" -v s="$CLI_SECS" -v b="$CLI_BASE" 'BEGIN { printf "%.1f", 1000 * (s - b) / n }')
}

# ---------------------------------------------------------------- danvan
DANVAN_URL=''
start_danvan() { # [preload]
	local port env=()
	port=$(free_port)
	DANVAN_URL="http://127.0.0.1:$port"
	[[ -n ${1:-} ]] && env=(env "SQLTRACE_FILE=$TMP/trace.log" "LD_PRELOAD=$1")
	"${env[@]}" "$BIN" serve --db "$DB" --listen "127.0.0.1:$port" --threads "$DANVAN_THREADS" >>"$TMP/danvan.log" 2>&1 &
	DANVAN_PID=$!
	wait_http "$DANVAN_URL/api/v1/health" "$DANVAN_PID" "danvan" || { tail -20 "$TMP/danvan.log" >&2; exit 1; }
}
# wait_idle: after wrk stops, danvan still finishes the requests in flight (a province list takes
# seconds); wait until it uses < 5 % of a CPU, so nothing overlaps the next measurement.
wait_idle() {
	local pid=$DANVAN_PID a b i hz
	[[ -n $pid ]] || return 0
	hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
	for ((i = 0; i < 240; i++)); do
		a=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null) || return 0
		sleep 0.5
		b=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null) || return 0
		((20 * (b - a) <= hz)) && return 0
	done
	log "WARNING: danvan still busy 2 minutes after the load stopped"
}
get() { # path dest -> http code
	curl -s -o "$2" -w '%{http_code}' --max-time 300 -H "Cookie: danvan_session=$COOKIE" "$DANVAN_URL$1"
}

# ---- capture: the SQL and the values danvan really uses for the two lists
log "capturing danvan's list SQL (LD_PRELOAD bench/sqltrace.c, one request per list)"
start_danvan "$TMP/sqltrace.so"
code=$(curl -s -D "$TMP/login.h" -o "$TMP/login.json" -w '%{http_code}' --max-time 10 \
	-H 'Content-Type: application/json' \
	--data "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" "$DANVAN_URL/api/v1/auth/login") || die "login request failed"
[[ $code == 200 ]] || { cat "$TMP/login.json" >&2; die "login answered $code"; }
COOKIE=$(tr -d '\r' <"$TMP/login.h" | sed -n 's/^[Ss]et-[Cc]ookie: *danvan_session=\([^;]*\).*/\1/p' | head -1)
CSRF=$(sed -n 's/.*"csrf_token" *: *"\([^"]*\)".*/\1/p' "$TMP/login.json")
[[ -n $COOKIE && -n $CSRF ]] || die "login gave no session cookie or CSRF token"

declare -A TOTAL EQP R
for name in "${LIST_NAMES[@]}"; do
	list_sql "$name"
	: >"$TMP/trace.log"
	code=$(get "/api/v1/petitions?$E_QS" "$TMP/list-$name.json")
	[[ $code == 200 ]] || { head -c 500 "$TMP/list-$name.json" >&2; die "GET list $name answered $code"; }
	TOTAL[$name]=$(sed -n 's/.*"total" *: *\([0-9]*\).*/\1/p' "$TMP/list-$name.json")
	cp "$TMP/trace.log" "$TMP/trace-$name.log"
	# Which statements were prepared, and what was bound to ours on their first run.
	for which in count page; do
		if [[ $which == count ]]; then want=$Q_COUNT; wb=("${Q_BINDS[@]}"); else want=$Q_PAGE; wb=("${Q_BINDS[@]}" I:50 I:0); fi
		printf '%s\n' "$want" >"$TMP/want.sql"
		ptr=$(awk 'NR == FNR { w = $0; next } $1 == "P" && substr($0, length($1 $2) + 3) == w { print $2; exit }' \
			"$TMP/want.sql" "$TMP/trace-$name.log")
		if [[ -z $ptr ]]; then
			pre=$([[ $which == count ]] && echo 'SELECT COUNT(*) FROM petitions p' || echo 'SELECT p.id, p.tracking_code')
			grep -F "$pre" "$TMP/trace-$name.log" | head -1 | cut -d' ' -f3- >"$TMP/got.sql" || true
			diff <(tr ' ' '\n' <"$TMP/want.sql") <(tr ' ' '\n' <"$TMP/got.sql") >&2 || true
			die "list $name: danvan did not prepare the $which SQL this script runs (word diff above: update the SQL in bench/petitions.sh)"
		fi
		awk -v p="$ptr" '$1 == "B" && $2 == p { print substr($0, length($1 $2) + 3) }' "$TMP/trace-$name.log" |
			head -n "${#wb[@]}" >"$TMP/got.binds"
		diff <(binds_trace "${wb[@]}") "$TMP/got.binds" >&2 || die "list $name: danvan bound other values to the $which SQL (diff above)"
	done
	log "list $name: SQL and values identical to danvan's; total ${TOTAL[$name]}"
done
stop_danvan

# ---- CLI: plans, and the count cross-checked against danvan's total
for name in "${LIST_NAMES[@]}"; do
	list_sql "$name"
	cli_explain "eqp-$name"
	[[ $CLI_TOTAL == "${TOTAL[$name]}" ]] || die "list $name: danvan total ${TOTAL[$name]}, sqlite3 count $CLI_TOTAL"
	EQP[$name]=$EXPLAIN_TEXT
done

# ---------------------------------------------------------------- measure
start_danvan
log "danvan listening on $DANVAN_URL (pid $DANVAN_PID, --threads $DANVAN_THREADS)"

# run_wrk NAME THREADS CONNECTIONS URL [wrk options...] [-- script args...] -> RPS P50 P99 (ms) BAD
# The output is kept in $TMP/wrk/NAME.txt; returns once danvan is idle again.
run_wrk() {
	local name=$1 t=$2 c=$3 url=$4 out="$TMP/wrk/$1.txt" opts=() sargs=()
	shift 4
	while (($#)); do # options, then "--" and the script's arguments after the URL
		if [[ $1 == -- ]]; then sargs=("$@"); break; fi
		opts+=("$1"); shift
	done
	mkdir -p "$TMP/wrk"
	log "wrk -t$t -c$c -d${DURATION}s  $name"
	bg_wait wrk -t"$t" -c"$c" -d"${DURATION}s" --timeout 60s --latency "${opts[@]}" "$url" "${sargs[@]}" >"$out" 2>"$out.err" ||
		{ cat "$out" "$out.err" >&2; die "wrk failed for $name"; }
	wait_idle
	RPS=$(awk '/^Requests\/sec:/ { printf "%.2f", $2 }' "$out")
	local p50raw p99raw non2xx sockerr
	p50raw=$(awk '$1 == "50%" { print $2; exit }' "$out")
	p99raw=$(awk '$1 == "99%" { print $2; exit }' "$out")
	[[ -n $RPS && -n $p50raw && -n $p99raw ]] || { cat "$out" >&2; die "could not parse wrk output for $name"; }
	P50=$(to_ms "$p50raw")
	P99=$(to_ms "$p99raw")
	non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
	sockerr=$(awk '/Socket errors:/ { s = 0; for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) s += $i; print s }' "$out")
	BAD=$((${non2xx:-0} + ${sockerr:-0}))
	((BAD == 0)) || { log "WARNING: $name: ${non2xx:-0} non-2xx responses, ${sockerr:-0} socket errors"; grep -E 'Non-2xx|Socket errors' "$out" >&2 || true; }
}

median() { # numbers... -> the median
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "-"; exit }
		print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ---- lists: REPEAT rounds of danvan 1 connection, CLI 1 process, danvan LIST_CONNECTIONS, CLI
# DANVAN_THREADS processes, alternating so that drifting background load hits both sides alike.
for name in "${LIST_NAMES[@]}"; do
	list_sql "$name"
	url="$DANVAN_URL/api/v1/petitions?$E_QS"
	hdr=(-H "Cookie: danvan_session=$COOKIE")
	if ((WARMUP > 0)); then
		bg_wait wrk -t1 -c"$DANVAN_THREADS" -d"${WARMUP}s" --timeout 60s "${hdr[@]}" "$url" >/dev/null 2>&1 || true
		wait_idle
	fi
	cli_calibrate "$DURATION"
	log "sqlite3 CLI  $name: $CLI_ITER lists per loop (~${DURATION}s)"
	declare -a d1r=() d1p50=() d1p99=() dNr=() dNp50=() dNp99=() c1r=() c1ms=() cNr=()
	for ((k = 1; k <= REPEAT; k++)); do
		run_wrk "list-$name-c1-run$k" 1 1 "$url" "${hdr[@]}"
		d1r+=("$RPS") d1p50+=("$P50") d1p99+=("$P99"); R[$name.bad]=$((${R[$name.bad]:-0} + BAD))
		cli_run 1; c1r+=("${CLI_RATE[1]}") c1ms+=("${CLI_MS[1]}")
		log "sqlite3 CLI  $name run $k, 1 process: ${CLI_RATE[1]} lists/s"
		run_wrk "list-$name-c$LIST_CONNECTIONS-run$k" 2 "$LIST_CONNECTIONS" "$url" "${hdr[@]}"
		dNr+=("$RPS") dNp50+=("$P50") dNp99+=("$P99"); R[$name.bad]=$((${R[$name.bad]:-0} + BAD))
		cli_run "$DANVAN_THREADS"; cNr+=("${CLI_RATE[$DANVAN_THREADS]}")
		log "sqlite3 CLI  $name run $k, $DANVAN_THREADS processes: ${CLI_RATE[$DANVAN_THREADS]} lists/s"
	done
	R[$name.c1.rps]=$(median "${d1r[@]}") R[$name.c1.p50]=$(median "${d1p50[@]}") R[$name.c1.p99]=$(median "${d1p99[@]}")
	R[$name.cN.rps]=$(median "${dNr[@]}") R[$name.cN.p50]=$(median "${dNp50[@]}") R[$name.cN.p99]=$(median "${dNp99[@]}")
	R[$name.cli1.rate]=$(median "${c1r[@]}") R[$name.cli1.ms]=$(median "${c1ms[@]}") R[$name.cliN.rate]=$(median "${cNr[@]}")
	R[$name.runs.c1]="${d1r[*]}" R[$name.runs.cli1]="${c1r[*]}" R[$name.runs.cN]="${dNr[*]}" R[$name.runs.cliN]="${cNr[*]}"
done

# ---- creates
count_rows() { sql "SELECT COUNT(*) FROM petitions"; }
create_body() { # n
	printf '{"org_id":%s,"source":"post","received_day":"%s","petitioner_name":"Trần Thị Kiểm %s","petitioner_address":"Tổ dân phố 1, phường Hòa Bình","subject":"Đường giao thông tổ dân phố","content":"Kiến nghị sửa chữa tuyến đường nội bộ tổ dân phố bị xuống cấp.","classification":"recommendation","field":"construction"}' \
		"$CREATE_ORG" "$CREATE_DAY" "$1"
}
# WAL frames per create: empty the WAL (nothing else writes now), 20 creates one by one, WAL size.
ck=$(sql "PRAGMA wal_checkpoint(TRUNCATE)")
[[ ${ck%%|*} == 0 ]] || die "wal_checkpoint(TRUNCATE) was blocked: $ck"
for ((k = 1; k <= 20; k++)); do
	code=$(curl -s -o "$TMP/create.json" -w '%{http_code}' --max-time 10 -H "Cookie: danvan_session=$COOKIE" \
		-H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' --data "$(create_body "$k")" "$DANVAN_URL/api/v1/petitions")
	[[ $code == 201 ]] || { head -c 500 "$TMP/create.json" >&2; die "POST /api/v1/petitions answered $code"; }
done
WAL_BYTES=$(stat -c %s "$DB-wal")
PAGE_SIZE=$(sql "PRAGMA page_size")
FRAMES_PER_CREATE=$(awk -v b="$WAL_BYTES" -v p="$PAGE_SIZE" 'BEGIN { printf "%.1f", (b - 32) / (p + 24) / 20 }')
FRAMES_INT=$(awk -v f="$FRAMES_PER_CREATE" 'BEGIN { n = int(f + 0.5); print (n < 1 ? 1 : n) }')
log "a create writes $FRAMES_PER_CREATE WAL frames (pages) on average"

# REPEAT rounds of: the 1-row probe, the same-size probe (danvan idle), creates over 1 connection,
# creates over CREATE_CONNECTIONS.
declare -a fs1=() fs1p50=() fs1p99=() fsN=() fsNp50=() fsNp99=()
declare -A CR # c.key -> list of per-run values
for ((k = 1; k <= REPEAT; k++)); do
	probe sqlite "$TMP/probe1.db" "$PROBE_SECONDS" 1
	fs1+=("$PR_RATE") fs1p50+=("$PR_P50") fs1p99+=("$PR_P99") FS_FRAMES=$PR_FRAMES
	probe sqlite "$TMP/probeN.db" "$PROBE_SECONDS" "$FRAMES_INT"
	fsN+=("$PR_RATE") fsNp50+=("$PR_P50") fsNp99+=("$PR_P99") FSN_FRAMES=$PR_FRAMES
	rm -f "$TMP"/probe*
	for c in 1 "$CREATE_CONNECTIONS"; do
		t=2
		((c > 1)) || t=1
		rows0=$(count_rows)
		run_wrk "create-c$c-run$k" "$t" "$c" "$DANVAN_URL/api/v1/petitions" -s "$ROOT/bench/petition_create.lua" -- \
			"$CREATE_ORG" "$CREATE_DAY" "$COOKIE" "$CSRF" "c$c-r$k"
		rows1=$(count_rows) # run_wrk waited for danvan to be idle: the requests in flight have committed
		out="$TMP/wrk/create-c$c-run$k.txt"
		n201=$(awk '/^created_201:/ { print $2 }' "$out")
		nother=$(awk '/^other_status:/ { print $2 }' "$out")
		perthread=$(sed -n 's/^created_per_thread: //p' "$out")
		[[ -n $n201 ]] || { cat "$out" >&2; die "the create script reported no counts"; }
		delta=$((rows1 - rows0))
		CR[$c.rps]+="$RPS " CR[$c.p50]+="$P50 " CR[$c.p99]+="$P99 "
		CR[$c.p90]+="$(to_ms "$(awk '$1 == "90%" { print $2; exit }' "$out")") "
		CR[$c.n201]=$((${CR[$c.n201]:-0} + n201)) CR[$c.delta]=$((${CR[$c.delta]:-0} + delta))
		CR[$c.other]=$((${CR[$c.other]:-0} + nother)) CR[$c.bad]=$((${CR[$c.bad]:-0} + BAD))
		CR[$c.per]+="${perthread// /+} "
		if ((delta < n201 || delta - n201 > c)); then
			log "WARNING: create-c$c run $k: $n201 answers 201 but $delta new rows"
			CR[$c.check]="MISMATCH"
		fi
		log "create-c$c run $k: $RPS/s, $n201 × 201, $nother other, $delta new rows (per wrk thread: $perthread)"
	done
done
FS_RATE=$(median "${fs1[@]}") FS_P50=$(median "${fs1p50[@]}") FS_P99=$(median "${fs1p99[@]}")
FSN_RATE=$(median "${fsN[@]}") FSN_P50=$(median "${fsNp50[@]}") FSN_P99=$(median "${fsNp99[@]}")
for c in 1 "$CREATE_CONNECTIONS"; do
	for key in rps p50 p90 p99; do
		# shellcheck disable=SC2086
		R[create.c$c.$key]=$(median ${CR[$c.$key]})
	done
	R[create.c$c.n201]=${CR[$c.n201]} R[create.c$c.delta]=${CR[$c.delta]} R[create.c$c.other]=${CR[$c.other]}
	R[create.c$c.bad]=${CR[$c.bad]} R[create.c$c.check]=${CR[$c.check]:-ok} R[create.c$c.per]=${CR[$c.per]% }
	R[create.c$c.runs]=${CR[$c.rps]% } R[create.c$c.p99runs]=${CR[$c.p99]% }
done
R[fs1.runs]="${fs1[*]}" R[fsN.runs]="${fsN[*]}"
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
stop_danvan

# ---------------------------------------------------------------- what-if (CLI only, informational)
# Other query shapes, then two covering indexes, timed the same way (1 process) on the same data.
WHATIF_IDX="CREATE INDEX bench_path_cover ON petitions (unit_structure, unit_path, received_day, status, classification);
CREATE INDEX bench_day_cover ON petitions (unit_structure, received_day, unit_path, status, classification);"
declare -A W WEQP
if ((WHATIF)); then
	for step in plain indexed; do
		if [[ $step == indexed ]]; then
			log "what-if: creating two covering indexes (informational; danvan's schema is not changed)"
			t0=$(now)
			timeout 600 sqlite3 -bail "$DB" "$WHATIF_IDX ANALYZE petitions;" >/dev/null || die "what-if CREATE INDEX failed"
			W[idx.secs]=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
		fi
		for name in "${LIST_NAMES[@]}"; do
			for shape in danvan alt; do
				[[ $step == plain && $shape == danvan ]] && continue # measured above
				if [[ $shape == danvan ]]; then list_sql "$name"; else alt_sql "$name"; fi
				cli_explain "whatif-$step-$shape-$name"
				[[ $CLI_TOTAL == "${TOTAL[$name]}" ]] || die "what-if $step/$shape/$name counts $CLI_TOTAL, not ${TOTAL[$name]}"
				log "what-if: $step $shape $name (~${WHATIF_SECONDS}s)"
				cli_calibrate "$WHATIF_SECONDS"
				cli_run 1
				W[$step.$shape.$name]=${CLI_MS[1]}
				WEQP[$step.$shape.$name]=$EXPLAIN_TEXT
			done
		done
	done
fi

# ---------------------------------------------------------------- report
CPU=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
NCPU=$(nproc 2>/dev/null || echo '?')
MEM=$(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo '?')
WRK_VER=$(wrk -v 2>&1 | head -1 | awk '{ print $2 }' || true)
REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no commit')
if ! git -C "$ROOT" --no-optional-locks diff-index --quiet HEAD -- src Makefile 2>/dev/null; then
	REV="$REV + uncommitted changes"
fi
FS=$(df -PT "$TMP" 2>/dev/null | awk 'NR == 2 { print $2 " on " $1 }')
r2() { awk -v v="$1" 'BEGIN { if (v == "" || v == "-") print "-"; else if (v >= 100) printf "%.0f", v; else if (v >= 10) printf "%.1f", v; else printf "%.2f", v }'; }

{
	echo "# danvan petitions benchmark (issue 3)"
	echo
	echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- CPU: $CPU, $NCPU logical CPUs, $MEM; kernel $(uname -r); 1-min load average $LOAD_BEFORE before, $LOAD_AFTER after"
	echo "- SQLite $SQLITE_LIB (the library danvan links), sqlite3 CLI $SQLITE_CLI; wrk $WRK_VER; danvan revision $REV, --threads $DANVAN_THREADS"
	echo "- Database: $NPET petitions ($ROWS loaded by bench/gen_petitions.sql with the sqlite3 CLI in ${LOAD_SECONDS} s, ANALYZE included),"
	echo "  $NORG organisations, ${DB_MB} MB, WAL, synchronous=FULL, $FS. Ward $LIST_WARD: $N_WARD petitions; province $PROVINCE: $N_PROV."
	echo "- Every measurement: $REPEAT rounds, danvan alternating with its baseline, ${DURATION} s per wrk run or CLI loop; medians."
	echo "- **wrk, danvan and the sqlite3 CLI share the same $NCPU cores.**"
	echo
	echo "## Durable creates: POST /api/v1/petitions against the durable-commit limit"
	echo
	echo "One create = one write transaction (BEGIN IMMEDIATE … COMMIT, WAL fdatasync()ed) of $FRAMES_PER_CREATE WAL pages on average."
	echo "The limit is \`bench/fsync_probe.c\` in the same directory: autocommit INSERTs on a fresh database with danvan's"
	echo "settings (WAL, synchronous=FULL, checkpoint at 1000 frames), ${PROBE_SECONDS} s, one probe of each size before each round of creates."
	echo
	echo "| load | creates/s | p50 ms | p90 ms | p99 ms | ÷ 1-row limit ($(fmt %.0f "$FS_RATE")/s) | ÷ same-size limit ($(fmt %.0f "$FSN_RATE")/s) |"
	echo "|---|---:|---:|---:|---:|---:|---:|"
	for c in 1 "$CREATE_CONNECTIONS"; do
		printf '| wrk -t%s -c%s | %s | %s | %s | %s | %s | %s |\n' "$( ((c == 1)) && echo 1 || echo 2)" "$c" \
			"$(fmt %.0f "${R[create.c$c.rps]}")" "$(r2 "${R[create.c$c.p50]}")" "$(r2 "${R[create.c$c.p90]}")" "$(r2 "${R[create.c$c.p99]}")" \
			"$(div "${R[create.c$c.rps]}" "$FS_RATE" %.3f)" "$(div "${R[create.c$c.rps]}" "$FSN_RATE" %.3f)"
	done
	echo
	echo "| load | creates/s per run | p99 ms per run | 201 answers (all runs) | new rows (all runs) | check | 201 per wrk thread, per run | other answers |"
	echo "|---|---|---|---:|---:|---|---|---:|"
	for c in 1 "$CREATE_CONNECTIONS"; do
		printf '| -c%s | %s | %s | %s | %s | %s | %s | %s |\n' "$c" "${R[create.c$c.runs]// / / }" "${R[create.c$c.p99runs]// / / }" \
			"${R[create.c$c.n201]}" "${R[create.c$c.delta]}" "${R[create.c$c.check]}" "${R[create.c$c.per]// / / }" "${R[create.c$c.other]}"
	done
	echo
	echo
	echo "New rows are counted after danvan went idle: 201 answers plus the requests in flight when wrk stopped"
	echo "(they commit; wrk does not count them), at most one per connection and run; \`ok\` when that holds."
	echo
	echo "| durable-commit probe (same directory, ${PROBE_SECONDS} s, danvan idle) | commits/s | p50 ms | p99 ms | pages/commit | commits/s per run |"
	echo "|---|---:|---:|---:|---:|---|"
	printf '| raw: pwrite 4 KiB + fdatasync (once, before danvan started) | %s | %s | %s | 1 | |\n' "$(fmt %.0f "$RAW_RATE")" "$(r2 "$RAW_P50")" "$(r2 "$RAW_P99")"
	printf '| SQLite, 1-row commit (**the limit**) | %s | %s | %s | %s | %s |\n' "$(fmt %.0f "$FS_RATE")" "$(r2 "$FS_P50")" "$(r2 "$FS_P99")" "$FS_FRAMES" "${R[fs1.runs]// / / }"
	printf '| SQLite, commit as large as a create | %s | %s | %s | %s | %s |\n' "$(fmt %.0f "$FSN_RATE")" "$(r2 "$FSN_P50")" "$(r2 "$FSN_P99")" "$FSN_FRAMES" "${R[fsN.runs]// / / }"
	echo
	echo "## List: GET /api/v1/petitions against the same SQL in the sqlite3 CLI"
	echo
	echo "danvan: wrk against the endpoint with a sysadmin session. sqlite3 CLI: the same two statements (the COUNT, then"
	echo "the page), byte for byte the SQL danvan prepares, with the same values bound as parameters (\`.param\`; SQL and"
	echo "values checked against a capture of danvan's own sqlite3_prepare/bind calls, and the count against danvan's"
	echo "\`total\`), danvan's connection pragmas, output to /dev/null, looped in one process (and in $DANVAN_THREADS at once);"
	echo "process start-up subtracted. danvan's p50/p99 include queueing behind the other connections in the concurrent rows."
	echo
	echo "| list | load | danvan req/s | p50 ms | p99 ms | sqlite3 CLI lists/s | ratio danvan ÷ CLI |"
	echo "|---|---|---:|---:|---:|---:|---:|"
	for name in "${LIST_NAMES[@]}"; do
		printf '| %s (total %s) | one at a time: wrk -t1 -c1 / 1 CLI process | %s | %s | %s | %s (%s ms each) | %s |\n' \
			"$name" "${TOTAL[$name]}" "$(r2 "${R[$name.c1.rps]}")" "$(r2 "${R[$name.c1.p50]}")" "$(r2 "${R[$name.c1.p99]}")" \
			"$(r2 "${R[$name.cli1.rate]}")" "${R[$name.cli1.ms]}" "$(div "${R[$name.c1.rps]}" "${R[$name.cli1.rate]}")"
		printf '| %s | concurrent: wrk -t2 -c%s / %s CLI processes | %s | %s | %s | %s | %s |\n' \
			"$name" "$LIST_CONNECTIONS" "$DANVAN_THREADS" "$(r2 "${R[$name.cN.rps]}")" "$(r2 "${R[$name.cN.p50]}")" "$(r2 "${R[$name.cN.p99]}")" \
			"$(r2 "${R[$name.cliN.rate]}")" "$(div "${R[$name.cN.rps]}" "${R[$name.cliN.rate]}")"
	done
	echo
	echo "Per run (req/s or lists/s):$(for name in "${LIST_NAMES[@]}"; do
		printf ' %s: danvan -c1 %s, CLI %s; danvan -c%s %s, CLI×%s %s.' "$name" "${R[$name.runs.c1]// / / }" "${R[$name.runs.cli1]// / / }" \
			"$LIST_CONNECTIONS" "${R[$name.runs.cN]// / / }" "$DANVAN_THREADS" "${R[$name.runs.cliN]// / / }"
	done)"
	echo
	for name in "${LIST_NAMES[@]}"; do
		list_sql "$name"
		echo "### $name: \`GET /api/v1/petitions?$E_QS\`"
		echo
		echo "Count query; the page query is \`SELECT <46 columns>\` + the same FROM … WHERE + \`ORDER BY $ORDER LIMIT ? OFFSET ?\`:"
		echo
		echo '```sql'
		echo "$Q_COUNT"
		echo '```'
		echo
		echo "Values: $(binds_text "${Q_BINDS[@]}" I:50 I:0)"
		echo
		echo '```'
		echo "${EQP[$name]}"
		echo '```'
		echo
	done
	if ((WHATIF)); then
		echo "## What-if (sqlite3 CLI only, 1 process, ms per list = COUNT + page; informational)"
		echo
		echo "- **danvan SQL**: as above. **rewritten SQL**: no scope clause (always true for an unscoped actor), the unit's"
		echo "  subtree as one index range \`p.unit_path >= ? AND p.unit_path < ?\` (P, P || '0': the same rows, paths hold"
		echo "  only digits and '/') or \`p.unit_path = ?\` for a unit without children (the ward), and the COUNT without the"
		echo "  three joins; same values, same results (the counts are checked against danvan's totals)."
		echo "- **+ indexes** (built in ${W[idx.secs]:-?} s on this database, then ANALYZE): \`$(tr '\n' ' ' <<<"$WHATIF_IDX" | sed 's/ *$//')\`"
		echo
		echo "| list | danvan SQL | rewritten SQL | danvan SQL + indexes | rewritten SQL + indexes |"
		echo "|---|---:|---:|---:|---:|"
		for name in "${LIST_NAMES[@]}"; do
			printf '| %s | %s | %s | %s | %s |\n' "$name" "${R[$name.cli1.ms]}" "${W[plain.alt.$name]}" "${W[indexed.danvan.$name]}" "${W[indexed.alt.$name]}"
		done
		echo
		for name in "${LIST_NAMES[@]}"; do
			alt_sql "$name"
			echo "Rewritten SQL + indexes, $name: \`$Q_COUNT\`, then the page (values $(binds_text "${Q_BINDS[@]}" I:50 I:0)):"
			echo
			echo '```'
			echo "${WEQP[indexed.alt.$name]}"
			echo '```'
			echo
		done
	fi
	echo "wrk non-2xx/socket errors: $(for k in "${!R[@]}"; do [[ $k == *.bad ]] && printf '%s=%s ' "${k%.bad}" "${R[$k]}"; done)"
} >"$TMP/petitions.md"

mkdir -p "$OUT_DIR/wrk"
cp "$TMP/petitions.md" "$OUT_DIR/petitions.md"
rm -f "$OUT_DIR"/wrk/list-*.txt "$OUT_DIR"/wrk/create-*.txt
cp "$TMP"/wrk/list-*.txt "$TMP"/wrk/create-*.txt "$OUT_DIR/wrk/" 2>/dev/null || true

echo
cat "$TMP/petitions.md"
echo
echo "markdown: $OUT_DIR/petitions.md (raw wrk output in $OUT_DIR/wrk/)"
