#!/usr/bin/env bash
# bench/export.sh - issue 6: XLSX export of a list of 1 M rows (POST /api/v1/exports).
#
# Goal: every row of GET /api/v1/petitions (a sysadmin: the whole country, no filter) as one XLSX sheet in at most
# 30 s, with bounded memory.  The physical reference, in the same run: the sqlite3 CLI running the very same statements
# (the SQL and values danvan prepares and binds, captured with bench/sqltrace.c) to CSV (.mode csv, .once).
#
# Usage: bench/export.sh                    (from anywhere; builds `make` release first; ~3-5 minutes at 1 M rows)
#        ROWS=100000 bench/export.sh        (quick look)
# Env:   ROWS=1000000     petitions loaded with the sqlite3 CLI (bench/gen_petitions.sql; the demo adds a few)
#        REPEAT=1         measured exports (and CLI runs), alternating; medians reported
#        DANVAN_THREADS=2 danvan --threads
#        KEEP=0           1: keep the temp dir (database, workbook, trace) and print its path
#        DB=path          reuse a database built by an earlier run (KEEP=1; its sysadmin "bench" needs
#                         BENCH_PASSWORD): no generation
#
# Steps: migrate + demo + a sysadmin user; load ROWS petitions; one capture export under LD_PRELOAD
# bench/sqltrace.c (also a warm-up of the page cache); then, per round, a fresh `danvan serve` (VmHWM before),
# one timed POST /exports of ~11 columns with a progress token polled every second, VmHWM after, the XLSX size
# and its row count (unzip + grep), and the timed CLI run of the captured SELECT to CSV.  Writes
# bench/out/export.md.  Everything listens on 127.0.0.1; the server and temp files are removed on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT_DIR=${OUT_DIR:-$ROOT/bench/out}
ROWS=${ROWS:-1000000}
REPEAT=${REPEAT:-1}
DANVAN_THREADS=${DANVAN_THREADS:-2}
KEEP=${KEEP:-0}

for v in ROWS REPEAT DANVAN_THREADS; do
	[[ ${!v} =~ ^[0-9]+$ ]] && ((${!v} > 0)) || { echo "bench: $v must be a whole number > 0" >&2; exit 2; }
done
((ROWS < 1000003)) || { echo "bench: ROWS must be 1..1000002 (the generator's hashes)" >&2; exit 2; }

exec 9>&2
log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&9; }
die() { printf '[bench] error: %s\n' "$*" >&9; exit 1; }
for t in sqlite3 curl cc awk unzip; do command -v "$t" >/dev/null || die "$t is needed"; done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/danvan-export.XXXXXX")
DANVAN_PID=''
POLL_PID=''
stop_pid() {
	local pid=$1 i
	[[ -n $pid ]] || return 0
	kill -0 "$pid" 2>/dev/null || return 0
	kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null || true
}
cleanup() {
	trap - EXIT INT TERM
	stop_pid "$POLL_PID"
	stop_pid "$DANVAN_PID"
	if [[ $KEEP == 1 ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
sql() { sqlite3 -bail "$DB" "$@"; }

# ---------------------------------------------------------------- build
log "building release: make -C $ROOT bin/danvan"
make -C "$ROOT" bin/danvan >"$TMP/make.log" 2>&1 || { tail -30 "$TMP/make.log" >&2; die "make failed"; }
BIN=$TMP/danvan
cp "$ROOT/bin/danvan" "$BIN"
cc -O2 -Wall -shared -fPIC -o "$TMP/sqltrace.so" "$ROOT/bench/sqltrace.c" -ldl >"$TMP/cc.log" 2>&1 ||
	{ cat "$TMP/cc.log" >&2; die "cannot compile bench/sqltrace.c"; }

# ---------------------------------------------------------------- database
if [[ -n ${DB:-} ]]; then
	[[ -f $DB && -n ${BENCH_PASSWORD:-} ]] || die "DB=$DB: no such file, or BENCH_PASSWORD not set"
	PASSWORD=$BENCH_PASSWORD
	LOAD_S='-'
else
DB=$TMP/danvan.db
log "fresh database (migrate, demo, sysadmin user)"
"$BIN" migrate --db "$DB" >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log" >&2; die "migrate failed"; }
"$BIN" demo --db "$DB" >"$TMP/demo.log" 2>&1 || { cat "$TMP/demo.log" >&2; die "demo failed"; }
PASSWORD=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s' "$PASSWORD" | "$BIN" user add --db "$DB" --username bench --role sysadmin --password-stdin \
	>"$TMP/useradd.log" 2>&1 || { cat "$TMP/useradd.log" >&2; die "user add failed"; }
log "loading $ROWS petitions (bench/gen_petitions.sql)"
t0=$(now)
{
	echo "CREATE TEMP TABLE bench_cfg AS SELECT $ROWS AS n, '$(date -u +%F)' AS today;"
	cat "$ROOT/bench/gen_petitions.sql"
} | timeout 1800 sqlite3 -bail "$DB" >"$TMP/load.log" 2>&1 || { tail -20 "$TMP/load.log" >&2; die "loading failed"; }
LOAD_S=$(secs "$t0" "$(now)")
log "the password of the sysadmin \"bench\": $PASSWORD (for DB=... BENCH_PASSWORD=... with KEEP=1)"
fi
NPET=$(sql "SELECT COUNT(*) FROM petitions")
DB_MB=$(awk -v b="$(stat -c %s "$DB")" 'BEGIN { printf "%.0f", b / 1048576 }')
log "$NPET petitions, database $DB_MB MB, loaded in $LOAD_S s"

# ---------------------------------------------------------------- server
URL=''
start_danvan() { # [preload]
	local port env=() i
	port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
	URL="http://127.0.0.1:$port"
	[[ -n ${1:-} ]] && env=(env "SQLTRACE_FILE=$TMP/trace.log" "LD_PRELOAD=$1")
	"${env[@]}" "$BIN" serve --db "$DB" --listen "127.0.0.1:$port" --threads "$DANVAN_THREADS" >>"$TMP/danvan.log" 2>&1 &
	DANVAN_PID=$!
	for ((i = 0; i < 100; i++)); do
		kill -0 "$DANVAN_PID" 2>/dev/null || { tail -20 "$TMP/danvan.log" >&2; die "danvan exited"; }
		curl -s -o /dev/null --max-time 1 "$URL/api/v1/health" && break
		sleep 0.1
	done
	local code
	code=$(curl -s -D "$TMP/login.h" -o "$TMP/login.json" -w '%{http_code}' --max-time 10 \
		-H 'Content-Type: application/json' \
		--data "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" "$URL/api/v1/auth/login")
	[[ $code == 200 ]] || { cat "$TMP/login.json" >&2; die "login answered $code"; }
	COOKIE=$(tr -d '\r' <"$TMP/login.h" | sed -n 's/^[Ss]et-[Cc]ookie: *danvan_session=\([^;]*\).*/\1/p' | head -1)
	CSRF=$(sed -n 's/.*"csrf_token" *: *"\([^"]*\)".*/\1/p' "$TMP/login.json")
	[[ -n $COOKIE && -n $CSRF ]] || die "login gave no session cookie or CSRF token"
}
stop_danvan() { stop_pid "$DANVAN_PID"; DANVAN_PID=''; }

BODY=$(cat <<'EOF'
{"path": "/api/v1/petitions", "query": {}, "title": "Danh sách đơn thư (bench)", "filename": "don-thu.xlsx",
 "token": "TOKEN",
 "columns": [
  {"key": "tracking_code", "label": "Mã hồ sơ"},
  {"key": "received_day", "label": "Ngày nhận"},
  {"key": "org.name", "label": "Cơ quan tiếp nhận"},
  {"key": "unit.name", "label": "Đơn vị"},
  {"key": "petitioner.name", "label": "Người gửi"},
  {"key": "subject", "label": "Trích yếu"},
  {"key": "source", "label": "Nguồn", "values": {"post": "Bưu điện", "direct": "Trực tiếp", "online": "Trực tuyến"}},
  {"key": "status", "label": "Trạng thái", "values": {"received": "Mới tiếp nhận", "accepted": "Đã thụ lý", "resolved": "Đã giải quyết"}},
  {"key": "field", "label": "Lĩnh vực"},
  {"key": "handling_due", "label": "Hạn xử lý"},
  {"key": "created_at", "label": "Tạo lúc"}
 ]}
EOF
)
NCOLS=11

export_once() { # token dest -> prints "http_code seconds"
	local t0 code
	t0=$(now)
	code=$(curl -s -o "$2" -w '%{http_code}' --max-time 600 -H "Cookie: danvan_session=$COOKIE" \
		-H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' --data "${BODY/TOKEN/$1}" "$URL/api/v1/exports")
	echo "$code $(secs "$t0" "$(now)")"
}
poll() { # token: progress every second into $TMP/progress-TOKEN.log
	while sleep 1; do
		curl -s --max-time 2 -H "Cookie: danvan_session=$COOKIE" "$URL/api/v1/exports/$1" >>"$TMP/progress-$1.log" || true
		echo >>"$TMP/progress-$1.log"
	done
}

# ---- capture: the page SQL and its values
log "capture export (LD_PRELOAD bench/sqltrace.c; also warms the page cache)"
start_danvan "$TMP/sqltrace.so"
read -r code s < <(export_once capture-0001 "$TMP/capture.xlsx")
[[ $code == 200 ]] || { head -c 500 "$TMP/capture.xlsx" >&2; die "capture export answered $code"; }
stop_danvan
log "capture export: $s s"
# On SQLite the export sorts the keys alone into a temp table, then reads the rows by key
# (domain/list.c list_sink_keyed): the CLI runs both statements, as danvan prepared them.
stmt_of() { # substring -> the pointer of the last statement prepared with it
	awk -v k="$1" '$1 == "P" && index($0, k) { p = $2 } END { print p }' "$TMP/trace.log"
}
sql_of() { awk -v p="$1" '$1 == "P" && $2 == p { s = substr($0, length($1 $2) + 3) } END { print s }' "$TMP/trace.log"; }
KPTR=$(stmt_of "INSERT INTO temp.list_keys")
PTR=$(stmt_of "FROM temp.list_keys list_k")
[[ -n $PTR ]] || PTR=$(stmt_of "ORDER BY p.received_day DESC, p.id DESC LIMIT ? OFFSET ?")
[[ -n $PTR ]] || die "the page SQL was not found in the trace"
sql_of "$PTR" >"$TMP/page.sql"
: >"$TMP/keys.sql"
if [[ -n $KPTR ]]; then
	{ echo "CREATE TEMP TABLE list_keys (pos INTEGER PRIMARY KEY, k INTEGER NOT NULL);"; sql_of "$KPTR"; echo ";"; } >"$TMP/keys.sql"
fi
# The binds of the last run of that statement: .parameter set ?N VALUE.
awk -v p="$PTR" '
	$1 == "P" && $2 == p { n = 0 }
	$1 == "B" && $2 == p {
		v = substr($0, length($1 $2 $3 $4) + 5)
		if ($4 == "T") { gsub(/\x27/, "\x27\x27", v); v = "\"\x27" v "\x27\"" }
		else if ($4 == "N") v = "NULL"
		b[$3] = ".parameter set ?" $3 " " v
	}
	END { for (i in b) print b[i] }' "$TMP/trace.log" >"$TMP/page.params"
{
	echo ".parameter init"
	cat "$TMP/page.params"
	cat "$TMP/keys.sql"
	echo ".mode csv"
	echo ".headers on"
	echo ".once $TMP/cli.csv"
	cat "$TMP/page.sql"
	echo ";"
} >"$TMP/cli.sql"

# ---- measured rounds
declare -a T_DV T_CLI HWM_B HWM_A SIZE_X SIZE_C
for ((r = 1; r <= REPEAT; r++)); do
	start_danvan
	hb=$(hwm_kb "$DANVAN_PID")
	tok=$(printf 'round-%04d' "$r")
	poll "$tok" &
	POLL_PID=$!
	read -r code s < <(export_once "$tok" "$TMP/export.xlsx")
	stop_pid "$POLL_PID"; POLL_PID=''
	[[ $code == 200 ]] || { head -c 500 "$TMP/export.xlsx" >&2; die "export answered $code"; }
	ha=$(hwm_kb "$DANVAN_PID")
	curl -s --max-time 5 -H "Cookie: danvan_session=$COOKIE" "$URL/api/v1/exports/$tok" >"$TMP/final-$tok.json"
	stop_danvan
	T_DV+=("$s"); HWM_B+=("$hb"); HWM_A+=("$ha")
	SIZE_X+=("$(stat -c %s "$TMP/export.xlsx")")
	log "round $r: danvan export $s s, VmHWM $hb -> $ha kB, $(stat -c %s "$TMP/export.xlsx") bytes; progress $(cat "$TMP/final-$tok.json")"
	t0=$(now)
	timeout 600 sqlite3 -bail "$DB" <"$TMP/cli.sql" >"$TMP/cli.log" 2>&1 || { cat "$TMP/cli.log" >&2; die "CLI run failed"; }
	c=$(secs "$t0" "$(now)")
	T_CLI+=("$c"); SIZE_C+=("$(stat -c %s "$TMP/cli.csv")")
	log "round $r: sqlite3 CLI to CSV $c s"
done
# Rows: the sheet's <row> elements (the XML is one long line: split it at '<' first); the CLI's rows counted by
# the same FROM and WHERE (the CSV has line breaks inside quoted fields).
XROWS=$(unzip -p "$TMP/export.xlsx" xl/worksheets/sheet1.xml | tr '<' '\n' | grep -c '^row ' || true)
CROWS=$({ echo ".parameter init"; cat "$TMP/page.params" "$TMP/keys.sql"; echo "SELECT COUNT(*) FROM ($(sed 's/ ORDER BY .*//' "$TMP/page.sql"));"; } |
	sqlite3 -bail "$DB" 2>/dev/null | tail -1 || echo 0)
DV=$(printf '%s\n' "${T_DV[@]}" | median)
CLI=$(printf '%s\n' "${T_CLI[@]}" | median)
RATIO=$(awk -v a="$DV" -v b="$CLI" 'BEGIN { printf "%.2f", a / b }')
HB=$(printf '%s\n' "${HWM_B[@]}" | median)
HA=$(printf '%s\n' "${HWM_A[@]}" | median)
XMB=$(awk -v b="${SIZE_X[-1]}" 'BEGIN { printf "%.1f", b / 1048576 }')
CMB=$(awk -v b="${SIZE_C[-1]}" 'BEGIN { printf "%.1f", b / 1048576 }')
PROG=$(cat "$TMP"/progress-round-*.log 2>/dev/null | grep -o '"state":"writing"' | wc -l || true)

mkdir -p "$OUT_DIR"
{
	echo "# XLSX export of a list (bench/export.sh)"
	echo
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(uname -r), sqlite3 CLI $(sqlite3 --version | awk '{ print $1 }'),"
	echo "libxlsxwriter $(pkg-config --modversion xlsxwriter 2>/dev/null || echo '?'), danvan --threads $DANVAN_THREADS, REPEAT=$REPEAT (medians)."
	echo
	echo "Database: $NPET petitions ($ROWS loaded by bench/gen_petitions.sql + the demo's), $DB_MB MB (load: $LOAD_S s)."
	echo "Export: POST /api/v1/exports of GET /api/v1/petitions as a sysadmin (every row, no filter), $NCOLS columns"
	echo "(dates as date cells, two mapped through \`values\`, a time as text), a title row."
	echo
	echo "| | danvan POST /exports (XLSX) | sqlite3 CLI, same statements to CSV | ratio |"
	echo "|---|---:|---:|---:|"
	echo "| wall time | $DV s | $CLI s | $RATIO |"
	echo "| rows in the file | $((XROWS - 2)) (+ title, header) | $((CROWS)) | |"
	echo "| file size | $XMB MB | $CMB MB | |"
	echo "| server peak RSS (VmHWM) before → after | $((HB / 1024)) MB → $((HA / 1024)) MB | | |"
	echo
	echo "Progress polled every second during the export: $PROG answers in state \`writing\`; final: \`$(cat "$TMP"/final-round-*.json | tail -1)\`."
	echo
	echo "Per round (danvan s / CLI s / VmHWM after kB): $(for ((i = 0; i < ${#T_DV[@]}; i++)); do printf '%s / %s / %s; ' "${T_DV[$i]}" "${T_CLI[$i]}" "${HWM_A[$i]}"; done)"
	echo
	echo "The CLI statements are the ones danvan prepared (captured with bench/sqltrace.c), with their bound values:"
	echo
	echo '```sql'
	cat "$TMP/page.params"
	fold -w 118 -s "$TMP/keys.sql"
	fold -w 118 -s "$TMP/page.sql"
	echo '```'
} >"$OUT_DIR/export.md"
log "wrote $OUT_DIR/export.md"
cat "$OUT_DIR/export.md"
