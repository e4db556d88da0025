#!/usr/bin/env bash
# bench/reports.sh - issue 6: a province's annual report and the national
# figures on national-scale data, against the same SQL run by the sqlite3 CLI
# in the same run.  Run by hand (not part of scripts/test.sh).
#
#   bench/reports.sh                       # SCALE=1: 6 M petitions, 4 M visits, 1 M models, 5 M opinions
#   SCALE=0.01 REPEAT=3 bench/reports.sh   # quick look
#   KEEP=1 bench/reports.sh                # keep the database (its path is printed)
#   DB=/path/bench.db bench/reports.sh     # reuse a database kept by an earlier run (no generation)
#   NATIONAL=0 bench/reports.sh            # leave out the 34 provinces' reports (minutes at SCALE=1)
# Other knobs: REPEAT (5), REQUESTS (11), NATIONAL_REPEAT (1), PROVINCE (25), STRUCTURE (2025),
# PERIOD (2024), DANVAN_THREADS (2), OUT_DIR (bench/out).
#
# What it does, in one go (temp files under $TMPDIR, removed at the end unless KEEP=1):
#  1. builds the release binary (make) and works on a private copy; compiles
#     bench/sqltrace.c and bench/sqlsteps.c (LD_PRELOAD shims used for capture runs only);
#  2. danvan migrate, a sysadmin user with a random password, and the records of
#     bench/gen_national.sql (sqlite3 CLI; secondary indexes and the cube's
#     triggers dropped before and recreated after the load, the cube recounted
#     once, then ANALYZE);
#  3. captures every SELECT danvan runs (text, bound values, each execution):
#     `danvan report` for the province, the same for every 2025 province (the
#     national report, see below), and one GET /stats/indicators on `danvan serve`;
#     bench/trace2sql.awk turns each capture into a sqlite3 script that runs the
#     same statements, byte for byte, with the same values bound (.param), as
#     many times, in the same order;
#  4. bench/report_handwritten.sql, the same figures written by hand as aggregate
#     SQL, for each distinct period the roll-up states, and (2025 units)
#     bench/report_handwritten_cube.sql, the same over the pre-aggregated counts
#     (stat_cube); their results are checked figure by figure against the
#     roll-up's (a mismatch is reported, not fatal);
#  5. REPEAT rounds, alternating: `danvan report --format html` (wall time of the
#     process) / the sqlite3 CLI running the replay (wall time, minus the time of
#     the same script with the parameters set but no statement run: start-up and
#     .param cost) / the CLI running the two hand-written scripts (minus start-up); with
#     NATIONAL=1 the same for the 34 provinces; then the API: `danvan serve`,
#     REQUESTS timed GET /stats/indicators?…&compare=1 (after one warm-up) against
#     the CLI replay of that request's statements; and the per-area statistics with
#     no unit (sysadmin: the whole country);
#  6. per-statement times of the province report's replay (sqlite3 .timer); writes
#     bench/out/reports.md (+ the replay script and the per-statement times).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCALE=${SCALE:-1}
REPEAT=${REPEAT:-5}
REQUESTS=${REQUESTS:-11}
PROVINCE=${PROVINCE:-25}
STRUCTURE=${STRUCTURE:-2025}
PERIOD=${PERIOD:-2024}
DANVAN_THREADS=${DANVAN_THREADS:-2}
KEEP=${KEEP:-0}
NATIONAL=${NATIONAL:-1}		# 1: also the 34 provinces' reports one after the other (slow at SCALE=1)
NATIONAL_REPEAT=${NATIONAL_REPEAT:-1}
OUT_DIR=${OUT_DIR:-$ROOT/bench/out}

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e6 }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for t in sqlite3 curl cc awk; do command -v "$t" >/dev/null || die "$t is needed (scripts/deps.sh bench)"; done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/danvan-reports.XXXXXX")
DANVAN_PID=
cleanup() {
	[[ -n $DANVAN_PID ]] && kill "$DANVAN_PID" 2>/dev/null && wait "$DANVAN_PID" 2>/dev/null
	if [[ $KEEP == 1 ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building (make)"
(cd "$ROOT" && make >"$TMP/make.log" 2>&1) || { tail -20 "$TMP/make.log" >&2; die "make failed"; }
cp "$ROOT/bin/danvan" "$TMP/danvan"
BIN=$TMP/danvan
cc -O2 -Wall -shared -fPIC -o "$TMP/sqltrace.so" "$ROOT/bench/sqltrace.c" -ldl
cc -O2 -Wall -shared -fPIC -o "$TMP/sqlsteps.so" "$ROOT/bench/sqlsteps.c" -ldl
PRELOAD="$TMP/sqltrace.so $TMP/sqlsteps.so"

TABLES="'petitions','reception_visits','reception_sessions','dvk_models','opinions','organizations'"
GEN_SECS=
if [[ -n ${DB:-} ]]; then
	[[ -f $DB ]] || die "DB=$DB does not exist"
	log "reusing $DB (no generation)"
else
	DB=$TMP/bench.db
	read -r NP NV ND NOP < <(awk -v s="$SCALE" 'BEGIN { printf "%d %d %d %d\n", 6e6 * s, 4e6 * s, 1e6 * s, 5e6 * s }')
	log "migrate + generation: $NP petitions, $NV visits, $ND models, $NOP opinions (SCALE=$SCALE)"
	"$BIN" migrate --db "$DB" >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log" >&2; die "migrate failed"; }
	# secondary indexes and the cube's triggers (0015) go during the load;
	# the cube is recounted once after it
	sqlite3 "$DB" "SELECT sql || ';' FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ($TABLES) ORDER BY type" >"$TMP/indexes.sql"
	t0=$(now)
	sqlite3 -bail "$DB" "SELECT 'DROP ' || upper(type) || ' ' || name || ';' FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ($TABLES)" >"$TMP/drop.sql"
	sqlite3 -bail "$DB" <"$TMP/drop.sql"
	sqlite3 -bail "$DB" "CREATE TEMP TABLE bench_cfg AS SELECT $NP AS np, $NV AS nv, $ND AS nd, $NOP AS nop;" \
		".read $ROOT/bench/gen_national.sql" >"$TMP/gen.log" 2>&1 || { cat "$TMP/gen.log" >&2; die "generation failed"; }
	t1=$(now)
	{ echo "PRAGMA cache_size = -1000000;"; echo "PRAGMA journal_mode = OFF;"; echo "PRAGMA synchronous = OFF;"; cat "$TMP/indexes.sql"
	  echo "DELETE FROM stat_cube;"
	  for v in petitions reception_sessions reception_visits opinions dvk_models; do	# as domain/cube.c cube_rebuild()
		echo "INSERT INTO stat_cube (src, unit_structure, unit_path, bucket, k1, k2, p25, n, s1, s2, s3) SELECT src, unit_structure, unit_path, bucket, k1, k2, p25, SUM(n), SUM(s1), SUM(s2), SUM(s3) FROM cube_$v GROUP BY src, unit_structure, unit_path, bucket, k1, k2, p25;"
	  done
	  echo "ANALYZE;"; echo "PRAGMA journal_mode = WAL;"; } |
		sqlite3 -bail "$DB" >"$TMP/idx.log" 2>&1 || { cat "$TMP/idx.log" >&2; die "index creation failed"; }
	t2=$(now)
	GEN_SECS="load $(ms "$t0" "$t1") ms, indexes + triggers + cube + ANALYZE $(ms "$t1" "$t2") ms"
	log "generated: $GEN_SECS"
fi
DB_SIZE=$(du -sh "$DB" | cut -f1)
COUNTS=$(sqlite3 "$DB" "SELECT (SELECT COUNT(*) FROM petitions) || ' petitions, ' || (SELECT COUNT(*) FROM reception_visits) || ' visits in ' || (SELECT COUNT(*) FROM reception_sessions) || ' sessions, ' || (SELECT COUNT(*) FROM dvk_models) || ' models, ' || (SELECT COUNT(*) FROM opinions) || ' opinions, ' || (SELECT COUNT(*) FROM organizations) || ' organisations'")
log "database: $COUNTS; $DB_SIZE"

USERNAME=bench$$
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
printf '%s' "$PASSWORD" | "$BIN" user add --db "$DB" --username "$USERNAME" --role sysadmin --password-stdin \
	>"$TMP/useradd.log" 2>&1 || { cat "$TMP/useradd.log" >&2; die "user add failed"; }

PROVINCES=$(sqlite3 "$DB" "SELECT code FROM units WHERE structure = $STRUCTURE AND level = 'province' ORDER BY code")
NPROV=$(echo "$PROVINCES" | wc -w)

report() { # unit out [preload]
	local env=()
	[[ -n ${3:-} ]] && env=(env "SQLTRACE_FILE=$TMP/trace.log" "LD_PRELOAD=$3")
	"${env[@]}" "$BIN" report --db "$DB" --unit "$1" --structure "$STRUCTURE" --period "$PERIOD" --format html \
		--out "$2" 2>>"$TMP/report.err"
}
replay() { # trace-file stem: writes $stem.sql (statements) and $stem.params.sql (parameters only)
	local head="PRAGMA foreign_keys=ON;
PRAGMA temp_store=MEMORY;
.param init
.output /dev/null"
	{ echo "$head"; awk -v mode=run -f "$ROOT/bench/trace2sql.awk" "$1"; } >"$2.sql"
	{ echo "$head"; awk -v mode=params -f "$ROOT/bench/trace2sql.awk" "$1"; } >"$2.params.sql"
	awk -v mode=list -f "$ROOT/bench/trace2sql.awk" "$1" >"$2.list"
}
cli_ms() { # script -> wall ms
	local t0 t1
	t0=$(now)
	timeout 600 sqlite3 -bail "$DB" <"$1" >/dev/null 2>"$TMP/cli.err" || { cat "$TMP/cli.err" >&2; die "sqlite3 $1 failed"; }
	t1=$(now)
	ms "$t0" "$t1"
}

# ---- captures
log "capturing danvan's SQL (LD_PRELOAD sqltrace + sqlsteps)"
: >"$TMP/trace.log"
report "$PROVINCE" "$TMP/province.html" "$PRELOAD" || die "danvan report failed (see $TMP/report.err)"
cp "$TMP/trace.log" "$TMP/trace-province.log"
replay "$TMP/trace-province.log" "$TMP/province"
if [[ $NATIONAL == 1 ]]; then
	: >"$TMP/trace.log"
	for p in $PROVINCES; do report "$p" "$TMP/nat-$p.html" "$PRELOAD" || die "danvan report $p failed"; done
	cp "$TMP/trace.log" "$TMP/trace-national.log"
	replay "$TMP/trace-national.log" "$TMP/national"
else
	: >"$TMP/national.list"
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)); }
start_danvan() { # [preload]
	local port env=() i
	port=$(free_port)
	URL="http://127.0.0.1:$port"
	[[ -n ${1:-} ]] && env=(env "SQLTRACE_FILE=$TMP/trace.log" "LD_PRELOAD=$1")
	"${env[@]}" "$BIN" serve --db "$DB" --listen "127.0.0.1:$port" --threads "$DANVAN_THREADS" >>"$TMP/danvan.log" 2>&1 &
	DANVAN_PID=$!
	for ((i = 0; i < 100; i++)); do
		curl -s -o /dev/null --max-time 1 "$URL/api/v1/health" && break
		kill -0 "$DANVAN_PID" 2>/dev/null || { tail "$TMP/danvan.log" >&2; die "danvan serve exited"; }
		sleep 0.1
	done
	curl -s -D "$TMP/login.h" -o "$TMP/login.json" --max-time 10 -H 'Content-Type: application/json' \
		--data "{\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\"}" "$URL/api/v1/auth/login" >/dev/null || die "login failed"
	COOKIE=$(tr -d '\r' <"$TMP/login.h" | sed -n 's/^[Ss]et-[Cc]ookie: *danvan_session=\([^;]*\).*/\1/p' | head -1)
	[[ -n $COOKIE ]] || { cat "$TMP/login.json" >&2; die "login gave no session cookie"; }
}
stop_danvan() { kill "$DANVAN_PID"; wait "$DANVAN_PID" 2>/dev/null || true; DANVAN_PID=; }
get_ms() { # path dest -> ms (dies unless 200)
	local out
	out=$(curl -s -o "$2" -w '%{http_code} %{time_total}' --max-time 600 -H "Cookie: danvan_session=$COOKIE" "$URL$1")
	[[ ${out%% *} == 200 ]] || { head -c 500 "$2" >&2; die "GET $1 answered ${out%% *}"; }
	awk -v t="${out#* }" 'BEGIN { printf "%.1f", t * 1000 }'
}

API_PATH="/api/v1/stats/indicators?structure=$STRUCTURE&unit=$PROVINCE&period=$PERIOD&compare=1"
start_danvan "$PRELOAD"
: >"$TMP/trace.log"
get_ms "$API_PATH" "$TMP/api-capture.json" >/dev/null
cp "$TMP/trace.log" "$TMP/trace-api.log"
stop_danvan
replay "$TMP/trace-api.log" "$TMP/api"
# the hand-written aggregates (bench/report_handwritten.sql) for the periods the roll-up states
# (the period, the previous one, the same period a year before; each distinct one once), checked
# figure by figure against the roll-up's values
TODAY=$(date -u +%F)
UNIT_PATH=$(sqlite3 "$DB" "SELECT path FROM units WHERE structure = $STRUCTURE AND code = '$PROVINCE'")
python3 - "$TMP/api-capture.json" >"$TMP/periods.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
seen = []
for k in ("period", "previous", "year_before"):
    p = d.get(k)
    if p and (p["from"], p["to"]) not in seen:
        seen.append((p["from"], p["to"]))
        print(k, p["from"], p["to"], p["to"][:4])
PY
hw_script() { # lo hi out-file [sql]: the hand-written script for every distinct period
	local lo=$1 hi=$2 sql=${4:-$ROOT/bench/report_handwritten.sql} key from to year
	{
		echo "PRAGMA temp_store=MEMORY;"
		echo ".param init"
		while read -r key from to year; do
			echo "DELETE FROM temp.sqlite_parameters;"
			echo "INSERT INTO temp.sqlite_parameters (key, value) VALUES (':st', $STRUCTURE), (':lo', '$lo'), (':hi', '$hi'), (':from', '$from'), (':to', '$to'), (':year', $year), (':today', '$TODAY');"
			echo ".print @@ $key"
			echo ".read $sql"
		done <"$TMP/periods.txt"
	} >"$3"
}
hw_script "$UNIT_PATH" "${UNIT_PATH}0" "$TMP/hw.sql"
sqlite3 -bail "$DB" <"$TMP/hw.sql" >"$TMP/hw.out" 2>&1 || { cat "$TMP/hw.out" >&2; die "hand-written SQL failed"; }
# the same figures by hand over the pre-aggregated counts (2025 units)
HWC=0
if [[ $STRUCTURE == 2025 ]]; then
	HWC=1
	hw_script "$UNIT_PATH" "${UNIT_PATH}0" "$TMP/hwc.sql" "$ROOT/bench/report_handwritten_cube.sql"
	sqlite3 -bail "$DB" <"$TMP/hwc.sql" >"$TMP/hwc.out" 2>&1 || { cat "$TMP/hwc.out" >&2; die "hand-written cube SQL failed"; }
fi
check_hw() { # hand-written output -> check lines
python3 - "$TMP/api-capture.json" "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
hw, cur = {}, None
for line in open(sys.argv[2]):
    line = line.strip()
    if line.startswith("@@ "):
        cur = line[3:]; hw[cur] = {}
    elif "|" in line and cur:
        k, v = line.split("|", 1); hw[cur][k] = int(v)
items = {i["code"]: i for i in d["items"]}
names = ["reception_sessions", "reception_visits", "reception_persons", "mass_delegations", "petitions_received",
         "petitions_resolved", "mass_cases", "mass_cases_settled", "opinions", "dvk_models"]
bad = 0
for per, field in (("period", "value"), ("previous", "previous"), ("year_before", "year_before")):
    h = hw.get(per) or hw.get("previous" if per == "year_before" else per) or {}
    for n in names:
        a = items.get(n, {}).get(field)
        b = h.get(n)
        if a != b:
            bad += 1
            print("MISMATCH %s %s: danvan %s, hand-written %s" % (per, n, a, b))
    i = items.get("petitions_on_time_rate", {}).get(field)
    if h.get("petitions_resolved"):
        r = int(h["petitions_resolved_on_time"] * 10000.0 / h["petitions_resolved"] + 0.5) / 100.0  # as stats.c
        if i is None or abs(i - r) > 0.005:
            bad += 1
            print("MISMATCH %s petitions_on_time_rate: danvan %s, hand-written %s" % (per, i, r))
print("checked %d figures x 3 periods: %s" % (len(names) + 1, "all equal" if bad == 0 else "%d differ" % bad))
PY
}
check_hw "$TMP/hw.out" >"$TMP/check.txt"
CHECK=$(tail -1 "$TMP/check.txt")
log "hand-written SQL vs roll-up: $CHECK"
grep MISMATCH "$TMP/check.txt" >&2 || true
echo ".output /dev/null" | cat - "$TMP/hw.sql" >"$TMP/hw-run.sql"
hw_script "" "~" "$TMP/hw-nat.sql.tmp"
# national: the whole 2025 country (every path) for the period only
{ echo ".output /dev/null"; head -n 6 "$TMP/hw-nat.sql.tmp"; } >"$TMP/hw-nat.sql"
CHECKC="not run (STRUCTURE=$STRUCTURE)"
if [[ $HWC == 1 ]]; then
	check_hw "$TMP/hwc.out" >"$TMP/checkc.txt"
	CHECKC=$(tail -1 "$TMP/checkc.txt")
	log "hand-written SQL over the cube vs roll-up: $CHECKC"
	grep MISMATCH "$TMP/checkc.txt" >&2 || true
	echo ".output /dev/null" | cat - "$TMP/hwc.sql" >"$TMP/hwc-run.sql"
fi
echo "PRAGMA temp_store=MEMORY;" >"$TMP/empty.sql"

NSEL_P=$(wc -l <"$TMP/province.list"); NSEL_N=$(wc -l <"$TMP/national.list"); NSEL_A=$(wc -l <"$TMP/api.list")
log "captured: province report $NSEL_P SELECT executions, national $NSEL_N, API roll-up $NSEL_A"

# ---- measurements
declare -a RP CP NR NC HP HN HC
log "warm-up (page cache)"
report "$PROVINCE" "$TMP/w.html"; cli_ms "$TMP/province.sql" >/dev/null
for ((k = 1; k <= REPEAT; k++)); do
	t0=$(now); report "$PROVINCE" "$TMP/r.html"; t1=$(now); RP+=("$(ms "$t0" "$t1")")
	a=$(cli_ms "$TMP/province.sql"); b=$(cli_ms "$TMP/province.params.sql")
	CP+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", a - b }')")
	a=$(cli_ms "$TMP/hw-run.sql"); b=$(cli_ms "$TMP/empty.sql")
	HP+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", a - b }')")
	if [[ $HWC == 1 ]]; then
		a=$(cli_ms "$TMP/hwc-run.sql"); b=$(cli_ms "$TMP/empty.sql")
		HC+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", a - b }')")
	fi
	log "round $k province: danvan report ${RP[-1]} ms, sqlite3 CLI same SQL ${CP[-1]} ms, hand-written ${HP[-1]} ms, hand-written over the cube ${HC[-1]:-} ms"
done
for ((k = 1; NATIONAL == 1 && k <= NATIONAL_REPEAT; k++)); do
	t0=$(now); for p in $PROVINCES; do report "$p" "$TMP/n.html"; done; t1=$(now); NR+=("$(ms "$t0" "$t1")")
	a=$(cli_ms "$TMP/national.sql"); b=$(cli_ms "$TMP/national.params.sql")
	NC+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", a - b }')")
	log "round $k national ($NPROV provinces): danvan report ${NR[-1]} ms, sqlite3 CLI ${NC[-1]} ms"
done
P_D=$(printf '%s\n' "${RP[@]}" | median); P_C=$(printf '%s\n' "${CP[@]}" | median)
P_H=$(printf '%s\n' "${HP[@]}" | median)
P_HC=nan
[[ $HWC == 1 ]] && P_HC=$(printf '%s\n' "${HC[@]}" | median)
for ((k = 1; k <= REPEAT; k++)); do
	a=$(cli_ms "$TMP/hw-nat.sql"); b=$(cli_ms "$TMP/empty.sql")
	HN+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", a - b }')")
done
N_H=$(printf '%s\n' "${HN[@]}" | median)
log "hand-written national (period only): ${HN[*]} ms"
N_D=nan; N_C=nan
if [[ $NATIONAL == 1 ]]; then N_D=$(printf '%s\n' "${NR[@]}" | median); N_C=$(printf '%s\n' "${NC[@]}" | median); fi

start_danvan
get_ms "$API_PATH" "$TMP/api.json" >/dev/null
declare -a RA CA
for ((k = 1; k <= REQUESTS; k++)); do RA+=("$(get_ms "$API_PATH" "$TMP/api.json")"); done
for ((k = 1; k <= REPEAT; k++)); do
	a=$(cli_ms "$TMP/api.sql"); b=$(cli_ms "$TMP/api.params.sql")
	CA+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", a - b }')")
done
A_D=$(printf '%s\n' "${RA[@]}" | median); A_C=$(printf '%s\n' "${CA[@]}" | median)
log "API roll-up: danvan median $A_D ms (${RA[*]}), sqlite3 CLI median $A_C ms"

# national statistics with no unit (sysadmin: no subtree filter)
declare -A NS
for ep in "petitions?period=$PERIOD" "dialogues?period=$PERIOD" "dvk?year=$PERIOD"; do
	v=()
	for ((k = 1; k <= 3; k++)); do v+=("$(get_ms "/api/v1/stats/$ep" "$TMP/ns.json")"); done
	NS[$ep]=$(printf '%s\n' "${v[@]}" | median)
	log "GET /stats/$ep (no unit): median ${NS[$ep]} ms (${v[*]})"
done
stop_danvan

# ---- per-statement profile of the province report's replay
log "per-statement times (sqlite3 .timer)"
sed 's#^\.output /dev/null#.output /dev/null\n.timer on#' "$TMP/province.sql" >"$TMP/province.timer.sql"
sqlite3 -bail "$DB" <"$TMP/province.timer.sql" 2>&1 | grep '^Run Time' | awk '{ print $4 }' >"$TMP/times.txt" || true
# times.txt: one "Run Time" per statement; province.list says how many belong to each SELECT execution
awk -F'\t' 'NR == FNR { t[NR] = $1; next } { i += $1; sum[$2] += t[i]; cnt[$2]++ }
	END { for (s in sum) printf "%.3f\t%d\t%s\n", sum[s], cnt[s], s }' "$TMP/times.txt" "$TMP/province.list" |
	sort -t$'\t' -k1,1gr >"$TMP/stmt-times.tsv"
TOP=$(head -8 "$TMP/stmt-times.tsv")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
{
	echo "# Reports benchmark (issue 6)"
	echo
	echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'); $CPU, $(nproc) CPUs, $(free -g | awk '/Mem/ { print $2 }') GiB; $(uname -sr);"
	echo "SQLite $(sqlite3 --version | cut -d' ' -f1); danvan $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null)$(cd "$ROOT" && git diff --quiet 2>/dev/null || echo ' + local changes'); load average $(cut -d' ' -f1-3 /proc/loadavg)."
	echo
	echo "Data: $COUNTS; database $DB_SIZE. SCALE=$SCALE${GEN_SECS:+; generation: $GEN_SECS}."
	echo "Report: unit $PROVINCE, structure $STRUCTURE, period $PERIOD; REPEAT=$REPEAT, REQUESTS=$REQUESTS (medians)."
	echo
	echo "| measurement | danvan ms | sqlite3 CLI, danvan's SQL ms | ratio | hand-written SQL ms | ratio | SELECTs run |"
	echo "|---|---:|---:|---:|---:|---:|---:|"
	echo "| province report: \`danvan report --format html\` (process wall) | $P_D | $P_C | $(ratio "$P_D" "$P_C") | $P_H | $(ratio "$P_D" "$P_H") | $NSEL_P |"
	echo "| province roll-up: GET /stats/indicators …&compare=1 (curl total) | $A_D | $A_C | $(ratio "$A_D" "$A_C") | $P_H | $(ratio "$A_D" "$P_H") | $NSEL_A |"
	echo "| national: the $NPROV provinces' reports one after the other | $N_D | $N_C | $(ratio "$N_D" "$N_C") | $N_H (whole country, period only) | $(ratio "$N_D" "$N_H") | $NSEL_N |"
	echo
	echo "Hand-written SQL over the pre-aggregated counts (bench/report_handwritten_cube.sql), province, same periods: $P_HC ms; danvan report ÷ that: $(ratio "$P_D" "$P_HC"); roll-up (API) ÷ that: $(ratio "$A_D" "$P_HC")."
	echo
	echo "Hand-written SQL (bench/report_handwritten.sql) against the roll-up's figures: $CHECK."
	grep MISMATCH "$TMP/check.txt" | sed 's/^/- /' || true
	echo "Hand-written SQL over the cube against the roll-up's figures: $CHECKC."
	grep MISMATCH "$TMP/checkc.txt" 2>/dev/null | sed 's/^/- /' || true
	echo
	echo "Per round (danvan / CLI same SQL / hand-written / hand-written over the cube): province ${RP[*]} / ${CP[*]} / ${HP[*]} / ${HC[*]:-}; national ${NR[*]:-} / ${NC[*]:-} / ${HN[*]}; API ${RA[*]} / ${CA[*]}."
	echo
	echo "Whole-country statistics with no unit (sysadmin), median of 3:"
	for ep in "${!NS[@]}"; do echo "- GET /api/v1/stats/$ep: ${NS[$ep]} ms"; done
	echo
	echo "Slowest statements of the province report (sqlite3 .timer, s total, executions, SQL):"
	echo
	echo '```'
	echo "$TOP" | cut -c1-600
	echo '```'
} >"$TMP/reports.md"
mkdir -p "$OUT_DIR"
cp "$TMP/reports.md" "$OUT_DIR/reports.md"
cp "$TMP/province.sql" "$OUT_DIR/reports-province-replay.sql"
cp "$TMP/stmt-times.tsv" "$OUT_DIR/reports-stmt-times.tsv"
echo
cat "$TMP/reports.md"
echo
echo "markdown: $OUT_DIR/reports.md"
[[ $KEEP == 1 ]] && echo "database: $DB"
exit 0
