#!/usr/bin/env bash
# deps.sh build|test - install the Debian packages danvan needs, and only
# those missing.  Uses sudo when not root.  Works on a fresh Debian 12.
set -euo pipefail

BUILD_PKGS=(build-essential pkg-config libmicrohttpd-dev libjansson-dev
	libsqlite3-dev libpq-dev libsodium-dev libicu-dev libcsv-dev
	libzip-dev libexpat1-dev libxlsxwriter-dev libmagic-dev libxml2-dev)
# Debian's nodejs (18) and npm (9) unless a node is already installed.
command -v node >/dev/null 2>&1 || BUILD_PKGS+=(nodejs)
command -v npm >/dev/null 2>&1 || BUILD_PKGS+=(npm)
TEST_PKGS=(clang libclang-rt-14-dev libcmocka-dev postgresql chromium
	fonts-dejavu-core
	libreoffice-writer-nogui poppler-utils fonts-liberation
	sqlite3 curl)
BENCH_PKGS=(nginx-light wrk sqlite3 curl python3)

case "${1:-build}" in
build)	want=("${BUILD_PKGS[@]}") ;;
test)	want=("${BUILD_PKGS[@]}" "${TEST_PKGS[@]}") ;;
bench)	want=("${BUILD_PKGS[@]}" "${BENCH_PKGS[@]}") ;;
*)	echo "usage: $0 build|test|bench" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q 'install ok installed'; then
		missing+=("$p")
	fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null 2>&1 || {
		echo "deps: need root or sudo to install: ${missing[*]}" >&2
		exit 1
	}
	SUDO=sudo
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" \
	>/dev/null
