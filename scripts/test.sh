#!/usr/bin/env bash
# test.sh - the README's second command: install the test dependencies and
# run every test.  Steps:
#   1. source checks (tools/checksrc.sh); build with gcc and clang, warnings
#      as errors; release + ASan/UBSan
#   2. C unit tests (cmocka), release and ASan/UBSan; the sample DOCX
#      rendered by LibreOffice headless (tests/docx/render.sh)
#   3. API tests (node:test) on SQLite, on PostgreSQL (a throw-away server),
#      and on SQLite with the ASan/UBSan binary; OpenAPI conformance
#   4. browser test (playwright-core driving Debian's chromium)
#   5. short fuzz runs (libFuzzer) of every parser of untrusted input
# The last line is "tests: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/tests/out
mkdir -p "$OUT"
FUZZ_SECONDS=${FUZZ_SECONDS:-20}
passed=0
failed=0
failures=()

note() { printf '\n=== %s\n' "$*"; }
# count LOG KIND: add the pass/fail counts a runner printed to the totals.
count() {
	local log=$1 kind=$2 p=0 f=0
	case $kind in
	tap)	p=$(grep -E '^# pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
		f=$(grep -E '^# fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}') ;;
	cmocka)	p=$(grep -E '^\[  PASSED  \] [0-9]+' "$log" | awk '{s+=$4} END {print s+0}')
		f=$(grep -E '^\[  FAILED  \] [0-9]+' "$log" | awk '{s+=$4} END {print s+0}') ;;
	esac
	passed=$((passed + p))
	failed=$((failed + f))
}
# step NAME KIND CMD...: run, log to tests/out, count; a non-zero exit
# with no failure counted is counted as one failure.
step() {
	local name=$1 kind=$2 log before
	shift 2
	log="$OUT/$name.log"
	note "$name"
	before=$failed
	if "$@" 2>&1 | tee "$log"; then :; else
		count "$log" "$kind"
		if [ "$failed" -eq "$before" ]; then failed=$((failed + 1)); fi
		failures+=("$name")
		return 0
	fi
	count "$log" "$kind"
	if [ "$kind" = plain ]; then passed=$((passed + 1)); fi
	if [ "$failed" -gt "$before" ]; then failures+=("$name"); fi
}

note "dependencies"
scripts/deps.sh test || { echo "tests: 0 passed, 1 failed"; exit 1; }

step lint plain make -s lint
step build-gcc-clang plain make -s check-cc
step build plain make -s -j2 bin/danvan bin/danvan-asan
step web-build plain make -s web
step test-npm plain bash -c 'cd tests && npm ci --no-audit --no-fund'
step unit cmocka make -s unit
step docx-render plain tests/docx/render.sh

# PostgreSQL: a throw-away server for the store unit test and the API suite.
PG_ENV=$(tests/lib/pg.sh start) || PG_ENV=
if [ -n "$PG_ENV" ]; then
	eval "$PG_ENV"
	trap 'tests/lib/pg.sh stop >/dev/null 2>&1' EXIT
	createdb -h "$DANVAN_TEST_PG" -p "${DANVAN_TEST_PG_PORT:-5432}" \
	    -U postgres danvan_unit
	createdb -h "$DANVAN_TEST_PG" -p "${DANVAN_TEST_PG_PORT:-5432}" \
	    -U postgres danvan_cube
	export DANVAN_TEST_PG_URI="postgresql:///danvan_unit?host=$DANVAN_TEST_PG&port=${DANVAN_TEST_PG_PORT:-5432}&user=postgres"
	export DANVAN_TEST_PG_CUBE_URI="postgresql:///danvan_cube?host=$DANVAN_TEST_PG&port=${DANVAN_TEST_PG_PORT:-5432}&user=postgres"
	step unit-pgsql cmocka bash -c './build/unit/test_store && ./build/unit-san/test_store && ./build/unit/test_cube && ./build/unit-san/test_cube'
else
	failed=$((failed + 1)); failures+=("postgresql-start")
fi

NODE_TEST=(node --test --test-reporter=tap)
step api-sqlite tap env -u DANVAN_TEST_PG "${NODE_TEST[@]}" tests/api/
# the reference reports of ../shared/seeds regenerated from records (issue 6)
step acceptance-sqlite tap env -u DANVAN_TEST_PG "${NODE_TEST[@]}" tests/acceptance/
if [ -n "${DANVAN_TEST_PG:-}" ]; then
	step api-pgsql tap "${NODE_TEST[@]}" tests/api/
fi
step api-sqlite-asan tap env -u DANVAN_TEST_PG DANVAN_BIN=bin/danvan-asan \
    ASAN_OPTIONS=detect_leaks=0 "${NODE_TEST[@]}" tests/api/
step browser tap env -u DANVAN_TEST_PG "${NODE_TEST[@]}" tests/browser/

note "fuzz (${FUZZ_SECONDS}s per target)"
if make -s fuzz >"$OUT/fuzz-build.log" 2>&1; then
	for t in build/fuzz/fuzz_*; do
		name=$(basename "$t")
		corpus="$OUT/corpus-$name"
		mkdir -p "$corpus"
		step "$name" plain "$t" -max_total_time="$FUZZ_SECONDS" \
		    -max_len=70000 -print_final_stats=0 \
		    -artifact_prefix="$OUT/" "$corpus" \
		    "tests/fuzz/corpus/${name#fuzz_}"
	done
else
	cat "$OUT/fuzz-build.log"
	failed=$((failed + 1)); failures+=("fuzz-build")
fi

echo
if [ ${#failures[@]} -gt 0 ]; then
	echo "failed steps: ${failures[*]}"
fi
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
