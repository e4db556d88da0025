#!/usr/bin/env bash
# checksrc.sh - the conventions of docs/STYLE (../shared/docs/STYLE.md) that a
# machine can check:
#   1. no banned functions (unbounded or thread-unsafe libc calls);
#   2. no assignments inside if/while conditions;
#   3. include layering: core <- store <- domain <- http, cli on top.
# Exit 1 and a line per finding when anything is off.
set -uo pipefail
cd "$(dirname "$0")/.."
bad=0
say() { printf '%s\n' "$*"; bad=1; }

banned='\b(strcpy|strcat|sprintf|vsprintf|gets|strncpy|strncat|atoi|atol|atof|strtok|strtok_r|system|popen|rand|random|gmtime|localtime|asctime|ctime|strerror|assert)[[:space:]]*\('
while IFS= read -r hit; do
	say "banned function: $hit"
done < <(grep -rnE "$banned" src | grep -vE '\b(snprintf|vsnprintf)\b')

# (also a continuation line of a condition that opens with an assignment)
while IFS= read -r hit; do
	say "assignment in a condition: $hit"
done < <(grep -rn '' src --include='*.c' | sed -E 's/"([^"\\]|\\.)*"/""/g' |
    grep -E '^[^:]+:[0-9]+:[[:space:]]*((\}[[:space:]]*else[[:space:]]+)?(if|while)[[:space:]]*\(.*[^=!<>]=[^=]|\(+[a-z_>*-]+ = )')

# layer of a path: core store domain http cli main
layer() {
	case $1 in
	src/core/*) echo core ;; src/store/*) echo store ;;
	src/domain/*) echo domain ;; src/http/*) echo http ;;
	src/cli/*) echo cli ;; *) echo main ;;
	esac
}
allowed() {	# from to
	case "$1:$2" in
	core:core) return 0 ;;
	store:core|store:store) return 0 ;;
	domain:core|domain:store|domain:domain) return 0 ;;
	http:core|http:domain|http:http|http:store) return 0 ;;
	cli:*) return 0 ;;
	main:cli) return 0 ;;
	esac
	return 1
}
while IFS=: read -r file _ inc; do
	dir=${inc#*\"}
	dir=${dir%%/*}
	from=$(layer "$file")
	case $dir in core|store|domain|http|cli) ;; *) continue ;; esac
	allowed "$from" "$dir" || say "layering: $file includes $dir/ ($inc)"
done < <(grep -rn '^#include "' src)

[ $bad -eq 0 ] && echo "checksrc: ok"
exit $bad
