#!/bin/sh
# bench/sql/setup.sh - install what only the SQL benchmarks need (Debian 12):
# PostgreSQL 15 (also in scripts/install-deps.sh), node and npm with
# apt-get, and DuckDB's node package into bench/sql/node_modules (ignored by
# git). run.sh calls it when something is missing; safe to run again.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
DUCKDB_NODE_API=1.5.6-r.1

missing=
for p in postgresql gcc make; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
# node and npm may come from elsewhere (NodeSource's nodejs bundles npm)
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
    echo "setup.sh: installing:$missing" >&2
    SUDO=
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

if [ ! -f "$here/node_modules/@duckdb/node-api/package.json" ] ||
    ! grep -q "\"version\": \"$DUCKDB_NODE_API\"" "$here/node_modules/@duckdb/node-api/package.json"; then
    echo "setup.sh: npm install @duckdb/node-api@$DUCKDB_NODE_API" >&2
    (cd "$here" && npm install --no-save --no-package-lock --no-audit --no-fund \
        "@duckdb/node-api@$DUCKDB_NODE_API" >/dev/null)
fi
