# tests/lib/pg.sh - a throwaway PostgreSQL server for tests (POSIX sh, to be
# sourced). It listens only on a Unix socket in a fresh directory under /tmp,
# so it needs no port and touches no other cluster.
#
#   . tests/lib/pg.sh
#   trap 'pg_stop' EXIT
#   trap 'exit 1' HUP INT TERM      # so that the EXIT trap runs on a signal
#   pg_usable || skip "$pg_problem" # optional: to skip rather than fail
#   pg_start || exit 1              # exports PGHOST PGPORT PGUSER PGDATABASE
#   pg_psql -f file.sql             # psql, quiet, stopping at the first error
#
# The server: $PG_BIN if set, else PostgreSQL 15 as Debian installs it, else
# the initdb on PATH, else Debian's newest. As root it runs as the
# `postgres` user that Debian's postgresql package creates. PG_TIMEZONE
# sets its TimeZone (default UTC). The database is UTF-8 with the C
# collation: string order is byte order, as in the warehouses' default
# collations. After pg_start, $pg_dir is the server's directory (its socket,
# data and logs); pg_stop removes it.

pg_dir=
pg_problem=

# Can a server be started here? Sets PG_BIN, or pg_problem and returns 1.
pg_usable() {
    if [ -z "${PG_BIN:-}" ]; then
        # shellcheck disable=SC2012 # Debian's directory names are plain
        for pg_d in /usr/lib/postgresql/15/bin \
            "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")" \
            $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
            if [ -x "$pg_d/initdb" ]; then
                PG_BIN=$pg_d
                break
            fi
        done
    fi
    if [ -z "${PG_BIN:-}" ] || [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ] ||
        [ ! -x "$PG_BIN/psql" ]; then
        pg_problem="no PostgreSQL server programs (initdb, pg_ctl, psql; install postgresql: sh scripts/install-deps.sh)"
        return 1
    fi
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        pg_problem="running as root and there is no user postgres to run the server"
        return 1
    fi
}

# Run a server program as the user that owns the cluster.
pg_as_owner() {
    if [ "$(id -u)" -ne 0 ]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        runuser -u postgres -- "$@"
    else
        # shellcheck disable=SC2016 # expanded by the inner shell
        su postgres -s /bin/sh -c '"$0" "$@"' "$@"
    fi
}

# Start a new cluster. On failure print why on standard error, clean up and
# return 1.
pg_start() {
    if ! pg_usable; then
        echo "pg.sh: $pg_problem" >&2
        return 1
    fi
    pg_dir=$(mktemp -d /tmp/casc-pg.XXXXXX) || return 1
    [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
    if ! pg_as_owner "$PG_BIN/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 \
        --locale=C --no-sync >"$pg_dir/initdb.log" 2>&1; then
        echo "pg.sh: initdb failed:" >&2
        tail -n 20 "$pg_dir/initdb.log" >&2
        pg_stop
        return 1
    fi
    if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
        -o "-k $pg_dir -c listen_addresses= -p 5432 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c TimeZone=${PG_TIMEZONE:-UTC}" \
        start >"$pg_dir/pg_ctl.log" 2>&1; then
        echo "pg.sh: the server did not start:" >&2
        tail -n 20 "$pg_dir/server.log" "$pg_dir/pg_ctl.log" >&2 2>/dev/null
        pg_stop
        return 1
    fi
    PGHOST=$pg_dir PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
    export PGHOST PGPORT PGUSER PGDATABASE
    unset PGPASSWORD PGSERVICE PGOPTIONS PGSSLMODE
}

# psql against the server: no .psqlrc, unaligned tuples only, stop at the
# first error.
pg_psql() {
    "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 "$@"
}

# Stop the server (if it runs) and remove its directory. Safe to call twice.
pg_stop() {
    [ -n "$pg_dir" ] || return 0
    if [ -f "$pg_dir/data/postmaster.pid" ]; then
        pg_as_owner "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1
    fi
    rm -rf "$pg_dir"
    pg_dir=
}
