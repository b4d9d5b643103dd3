#!/bin/sh
# `casc run` on a real PostgreSQL (tests/lib/pg.sh starts a private one)
# over sql-fixtures/data.sql: every golden case selects exactly the
# profiles of its hand-computed NAME.expect (as tests/golden/
# postgres_fixtures.sh checks for the SQL run by psql), and --select count
# their number. Then what only a run has: CSV, TSV and JSON lines output,
# --timeout and Ctrl-C cancelling a slow statement on the server (gone from
# pg_stat_activity), the errors of a run, the connections file.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
. tests/lib/fixtures.sh
. tests/lib/pg.sh
golden_init "runtime-pg"
golden_at_exit=pg_stop
golden_update= # the expectations are written by hand

PG_TIMEZONE=${PG_TIMEZONE:-Asia/Kathmandu}
pg_start || golden_abort "PostgreSQL" "no server (see above)"
for f in "$FIXTURE_DIR/data.sql" tests/runtime/slow.sql; do
    pg_psql -f "$f" >"$tmp/load" 2>&1 || golden_abort "$f" "does not load: $(cat "$tmp/load")"
done

conns=$tmp/connections.yaml
on="host=$PGHOST port=$PGPORT dbname=postgres"
cat >"$conns" <<EOF
connections:
  local: {dialect: postgres, conninfo: "$on user=postgres"}
  reader: {dialect: postgres, conninfo: "$on user=reader"}
  nobody: {dialect: postgres, conninfo: "$on user=nobody"}
  nowhere: {dialect: postgres, conninfo: "host=$tmp/no-server user=postgres"}
  inline-password: {dialect: postgres, conninfo: "$on user=postgres password=hunter2-inline"}
  env-password: {dialect: postgres, conninfo: "$on user=postgres", password_env: CASC_TEST_UNSET}
EOF

run() {
    golden_run "$CASC" run --connections "$conns" "$@"
}

# psql -A -t's way of writing rows, as in the .expect files: fields joined
# by |, NULL empty.
as_psql() {
    awk -F '\t' -v OFS='|' '{ for (i = 1; i <= NF; i++) if ($i == "\\N") $i = ""; $1 = $1; print }'
}

# ---- every golden case: its members, and their count
for src in "$FIXTURE_DIR"/*.casc; do
    name=${src%.casc}
    [ -f "$name.err" ] || [ ! -f "$name.expect" ] && continue
    args=$(fixture_args "$src")
    # shellcheck disable=SC2086 # options are words by design
    if ! run --connection local --model "$FIXTURE_MODEL" $args --output tsv --no-header -f "$src"; then
        golden_fail "$src" "exit $rc: $(head -c 400 "$tmp/err")"
        continue
    fi
    as_psql <"$tmp/out" | LC_ALL=C sort >"$tmp/got"
    golden_same "$src" "$name.expect" "$tmp/got" "the rows casc run prints"
    # Cases with only --now and --timezone select members: count them too.
    case " $(echo "$args" | sed -E 's/--(now|timezone)[ =][^ ]*//g') " in
    *[![:space:]]*) continue ;;
    esac
    # shellcheck disable=SC2086
    run --connection local --model "$FIXTURE_MODEL" $args --select count -f "$src"
    if [ "$rc" -ne 0 ] || [ "$(cat "$tmp/out")" != "$(wc -l <"$name.expect" | tr -d ' ')" ]; then
        golden_fail "$src (count)" "exit $rc, printed '$(head -c 100 "$tmp/out")', expected $(wc -l <"$name.expect")"
    else
        golden_pass
    fi
done

# ---- output formats, on keys that need quoting (tests/runtime/slow.sql)
nl='
'
for format in csv tsv jsonl; do
    run --connection local --model tests/runtime/fmt.yaml --output "$format" "tier = 'A'"
    if [ "$rc" -ne 0 ] || [ -s "$tmp/err" ]; then
        golden_fail "--output $format" "exit $rc: $(head -c 300 "$tmp/err")"
    elif python3 tests/runtime/check_output.py "$format" "$tmp/out" plain a,b 'say "hi"' \
        "two${nl}lines" "$(printf 'tab\there')" 'back\slash' '' 'ünï' >"$tmp/check"; then
        golden_pass
    else
        golden_fail "--output $format" "$(cat "$tmp/check")"
    fi
done
# Exact bytes of the quoting that matters.
run --connection local --model tests/runtime/fmt.yaml --output csv "tier = 'A'"
grep -qx '"say ""hi"""' "$tmp/out" && grep -qx '""' "$tmp/out" && grep -qx '"a,b"' "$tmp/out" &&
    golden_pass || golden_fail "csv quoting" "$(cat "$tmp/out")"
run --connection local --model tests/runtime/fmt.yaml --output tsv --no-header "tier = 'A'"
grep -qx 'two\\nlines' "$tmp/out" && grep -qx 'back\\\\slash' "$tmp/out" &&
    ! grep -q customer_id "$tmp/out" && golden_pass || golden_fail "tsv escapes" "$(cat "$tmp/out")"
run --connection local --model tests/runtime/fmt.yaml --select count --output jsonl "tier = 'A'"
[ "$(cat "$tmp/out")" = '{"profiles":8}' ] && golden_pass ||
    golden_fail "count as jsonl" "$(cat "$tmp/out" "$tmp/err")"
run --connection local --model tests/runtime/fmt.yaml --select count --output csv "tier = 'B'"
[ "$(cat "$tmp/out")" = "profiles${nl}1" ] && golden_pass ||
    golden_fail "count as csv" "$(cat "$tmp/out" "$tmp/err")"

"$CASC" run --connections "$conns" --connection local --model tests/runtime/fmt.yaml \
    "tier = 'A'" >/dev/full 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] && grep -qx "casc run: error: connection 'local': cannot write the output: No space left on device" "$tmp/err" &&
    golden_pass || golden_fail "output to a full disk" "exit $rc: $(cat "$tmp/err")"

# ---- --timeout and Ctrl-C cancel a slow statement on the server
slow_running() {
    pg_psql -c "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%slow%customers%'
                AND pid <> pg_backend_pid()"
}
# Wait (up to 20 s: behavior, not speed) until slow_running says $1.
wait_slow() {
    ws_i=0
    while [ "$(slow_running)" != "$1" ]; do
        ws_i=$((ws_i + 1))
        [ $ws_i -gt 200 ] && return 1
        sleep 0.1
    done
}

run --connection local --model tests/runtime/slow.yaml --timeout 1 "loyalty_tier = 'Gold'"
if [ "$rc" -ne 1 ] || [ -s "$tmp/out" ]; then
    golden_fail "--timeout" "exit $rc, stdout '$(head -c 200 "$tmp/out")'"
elif ! grep -qx "casc run: error: connection 'local': the statement did not finish within --timeout 1 s; the statement was cancelled on the server" "$tmp/err"; then
    golden_fail "--timeout" "stderr: $(cat "$tmp/err")"
elif ! wait_slow 0; then
    golden_fail "--timeout" "the statement still runs on the server"
else
    golden_pass
fi

"$CASC" run --connections "$conns" --connection local --model tests/runtime/slow.yaml \
    "loyalty_tier = 'Gold'" >"$tmp/int.out" 2>"$tmp/int.err" &
pid=$!
if ! wait_slow 1; then
    kill "$pid"
    golden_fail "Ctrl-C" "the statement never showed in pg_stat_activity"
else
    kill -INT "$pid"
    wait "$pid"
    rc=$?
    if [ "$rc" -ne 130 ] || [ -s "$tmp/int.out" ]; then
        golden_fail "Ctrl-C" "exit $rc (expected 130): $(cat "$tmp/int.err")"
    elif ! grep -qx "casc run: error: connection 'local': interrupted; the statement was cancelled on the server" "$tmp/int.err"; then
        golden_fail "Ctrl-C" "stderr: $(cat "$tmp/int.err")"
    elif ! wait_slow 0; then
        golden_fail "Ctrl-C" "the statement still runs on the server"
    else
        golden_pass
    fi
fi

# ---- errors: exit 1, nothing on stdout, stderr says what (grep -E pattern)
expect_error() {
    what=$1 pattern=$2
    shift 2
    run "$@"
    if [ "$rc" -ne 1 ] || [ -s "$tmp/out" ]; then
        golden_fail "$what" "exit $rc (expected 1), stdout '$(head -c 200 "$tmp/out")', stderr: $(head -c 300 "$tmp/err")"
    elif ! grep -qE "$pattern" "$tmp/err"; then
        golden_fail "$what" "stderr does not match '$pattern': $(cat "$tmp/err")"
    else
        golden_pass
    fi
}
cat >"$tmp/missing.yaml" <<EOF
name: Missing
master_table: {database: fx, schema: public, table: nosuch, key_column: id, columns: [{name: a, type: string}]}
EOF
expect_error "SQL error" "^casc run: error: connection 'local': the warehouse rejected the statement: relation \"public.nosuch\" does not exist \(SQLSTATE 42P01\)$" \
    --connection local --model "$tmp/missing.yaml" "a = 'x'"
expect_error "permission" "^casc run: error: connection 'reader': permission denied: permission denied for table customers \(SQLSTATE 42501\)$" \
    --connection reader --model "$FIXTURE_MODEL" "loyalty_tier = 'Gold'"
expect_error "authentication" "^casc run: error: connection 'nobody': authentication failed: cannot connect: .*role \"nobody\" does not exist$" \
    --connection nobody --model "$FIXTURE_MODEL" "loyalty_tier = 'Gold'"
expect_error "unreachable" "^casc run: error: connection 'nowhere': cannot connect: connection to server on socket \"$tmp/no-server/.s.PGSQL.5432\" failed: No such file or directory" \
    --connection nowhere --model "$FIXTURE_MODEL" "loyalty_tier = 'Gold'"
expect_error "password in conninfo" "holds a password; remove it and name an environment variable that holds it with password_env, or use ~/.pgpass$" \
    --connection inline-password --model "$FIXTURE_MODEL" "loyalty_tier = 'Gold'"
grep -q hunter2 "$tmp/err" && golden_fail "password in conninfo" "the password is in the message"
expect_error "password_env unset" "the PostgreSQL password is read from the environment variable CASC_TEST_UNSET, which is not set; set it" \
    --connection env-password --model "$FIXTURE_MODEL" "loyalty_tier = 'Gold'"
expect_error "unknown connection" "^$conns: error: no connection named 'locl' \(the file has 'local', 'reader'" \
    --connection locl --model "$FIXTURE_MODEL" "loyalty_tier = 'Gold'"
expect_error "rule error" "^<argument>:1:1: error: " --connection local --model "$FIXTURE_MODEL" "nosuch = 1"
printf 'connections:\n  local:\n    dialect: postgres\n    connifo: "x"\n' >"$tmp/typo.yaml"
golden_run "$CASC" run --connections "$tmp/typo.yaml" --connection local --model "$FIXTURE_MODEL" "a = 1"
grep -q "^$tmp/typo.yaml:4:5: error: connections.local.connifo: unknown field (did you mean 'conninfo'?)$" "$tmp/err" &&
    [ "$rc" -eq 1 ] && golden_pass || golden_fail "connections file typo" "exit $rc: $(cat "$tmp/err")"

# ---- the default connections file (XDG)
XDG_CONFIG_HOME=$tmp/xdg
export XDG_CONFIG_HOME
golden_run "$CASC" run --connection local --model "$FIXTURE_MODEL" "loyalty_tier = 'Gold'"
[ "$rc" -eq 1 ] && grep -qx "$tmp/xdg/casc/connections.yaml: error: no connections file; create it (docs/runtime.md) or give --connections FILE" "$tmp/err" &&
    golden_pass || golden_fail "no default connections file" "exit $rc: $(cat "$tmp/err")"
mkdir -p "$tmp/xdg/casc" && cp "$conns" "$tmp/xdg/casc/connections.yaml"
golden_run "$CASC" run --connection local --model "$FIXTURE_MODEL" --select count "loyalty_tier = 'Gold'"
[ "$rc" -eq 0 ] && [ "$(cat "$tmp/out")" = 4 ] && golden_pass ||
    golden_fail "default connections file" "exit $rc: $(cat "$tmp/err")"
unset XDG_CONFIG_HOME

# ---- usage errors: exit 2
for args in "--model $FIXTURE_MODEL" "--connection local --model $FIXTURE_MODEL --dialect snowflake" \
    "--connection local --model $FIXTURE_MODEL --output xml" \
    "--connection local --model $FIXTURE_MODEL --timeout 0" \
    "--connection local --model $FIXTURE_MODEL --timeout soon"; do
    # shellcheck disable=SC2086
    run $args "loyalty_tier = 'Gold'"
    [ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q "^Try 'casc run --help'.$" "$tmp/err" &&
        golden_pass || golden_fail "usage: $args" "exit $rc: $(cat "$tmp/err")"
done

golden_done
