#!/bin/sh
# Install what casc needs to build and test, with apt-get (Debian 12).
# Safe to run again: packages already present are left alone.
set -eu

PACKAGES="make gcc clang libclang-rt-14-dev pkg-config re2c lemon libcjson-dev libyaml-dev libpq-dev
postgresql python3 python3-sqlglot tzdata valgrind man-db
libcurl4-openssl-dev libssl-dev openssl python3-cryptography
python3-jsonschema"

missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing"
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=sudo
    else
        echo "install-deps: not root and no sudo; as root run:" >&2
        echo "  apt-get update && apt-get install -y$missing" >&2
        exit 1
    fi
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
