#!/bin/sh
# The Snowflake and Databricks connectors of `casc run` against fake
# servers on 127.0.0.1 that speak the vendors' documented protocols
# (tests/runtime/fake_snowflake.py, fake_databricks.py): a statement that
# runs, then succeeds with three partitions or chunks; one that fails; one
# that runs until it is cancelled by --timeout or Ctrl-C. The fakes check
# the credentials as the services would (the Snowflake JWT must verify with
# the user's public key and carry the right claims) and log every request,
# so the tests also check what casc sends. And the secrets: a token only
# from the environment or a private file, keys only from private files,
# none of them in casc's argv, output or messages.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
golden_init "runtime-rest"
python3 -c 'import cryptography' 2>/dev/null ||
    golden_skip "python3 has no cryptography module (install python3-cryptography: sh scripts/install-deps.sh)"
command -v openssl >/dev/null || golden_skip "no openssl to make keys"

model=sql-fixtures/model.yaml
log=$tmp/requests.jsonl
fakes=
golden_at_exit='for p in $fakes; do kill "$p" 2>/dev/null; done'

# Start fake NAME with its arguments; sets port.
start_fake() {
    fake=$1
    shift
    rm -f "$tmp/port"
    python3 "tests/runtime/fake_$fake.py" "$tmp/port" "$log" "$@" 2>"$tmp/$fake.err" &
    fakes="$fakes $!"
    i=0
    while [ ! -s "$tmp/port" ]; do
        i=$((i + 1))
        [ $i -gt 100 ] && golden_abort "fake $fake" "did not start: $(cat "$tmp/$fake.err")"
        sleep 0.1
    done
    port=$(cat "$tmp/port")
}

# Keys as Snowflake's key-pair setup makes them (docs/runtime.md).
umask 077
newkey() {
    openssl genrsa 2048 2>/dev/null | openssl pkcs8 -topk8 -inform PEM -out "$tmp/$1.p8" -nocrypt
}
newkey key && newkey other && newkey open || golden_abort "openssl" "cannot make keys"
openssl rsa -in "$tmp/key.p8" -pubout -out "$tmp/key.pub" 2>/dev/null
chmod 644 "$tmp/open.p8"
openssl pkcs8 -topk8 -in "$tmp/key.p8" -v2 aes-256-cbc -passout pass:casc-test-pass \
    -out "$tmp/enc.p8" 2>/dev/null
key_text=$(sed -n 2p "$tmp/key.p8") # a line of the private key, to look for

CASC_TEST_DBX_TOKEN=dapi-casc-test-token-0123456789
CASC_TEST_DBX_FORBIDDEN=forbidden
CASC_TEST_DBX_WRONG=dapi-not-the-token
CASC_TEST_KEY_PASS=casc-test-pass
export CASC_TEST_DBX_TOKEN CASC_TEST_DBX_FORBIDDEN CASC_TEST_DBX_WRONG CASC_TEST_KEY_PASS
printf '%s\n' "$CASC_TEST_DBX_TOKEN" >"$tmp/token"
cp "$tmp/token" "$tmp/token-open" && chmod 644 "$tmp/token-open"

start_fake snowflake xy12345 casc_svc "$tmp/key.pub"
sf_port=$port
start_fake databricks
dbx_port=$port
umask 022

conns=$tmp/connections.yaml
sf="dialect: snowflake, account: xy12345.us-east-1, user: casc_svc, warehouse: COMPUTE_WH"
sf_url="base_url: \"http://127.0.0.1:$sf_port\""
dbx="dialect: databricks, host: adb-1.azuredatabricks.net, warehouse_id: abc123"
dbx_url="base_url: \"http://127.0.0.1:$dbx_port/\""
cat >"$conns" <<EOF
connections:
  sf: {$sf, role: ANALYST, database: FX, schema: PUBLIC, private_key_file: key.p8, $sf_url}
  sf-other-key: {$sf, private_key_file: other.p8, $sf_url}
  sf-open-key: {$sf, private_key_file: open.p8, $sf_url}
  sf-encrypted: {$sf, private_key_file: enc.p8, $sf_url}
  sf-passphrase: {$sf, private_key_file: enc.p8, private_key_passphrase_env: CASC_TEST_KEY_PASS, $sf_url}
  sf-plain-http: {$sf, private_key_file: key.p8, base_url: "http://example.com"}
  dbx: {$dbx, catalog: main, schema: fx, token_env: CASC_TEST_DBX_TOKEN, $dbx_url}
  dbx-file: {$dbx, token_file: token, $dbx_url}
  dbx-open-file: {$dbx, token_file: token-open, $dbx_url}
  dbx-wrong: {$dbx, token_env: CASC_TEST_DBX_WRONG, $dbx_url}
  dbx-forbidden: {$dbx, token_env: CASC_TEST_DBX_FORBIDDEN, $dbx_url}
  dbx-unset: {$dbx, token_env: CASC_TEST_UNSET_TOKEN, $dbx_url}
  dbx-down: {$dbx, token_env: CASC_TEST_DBX_TOKEN, base_url: "http://127.0.0.1:1"}
EOF

# run CONNECTION ARGS...: casc run with a fresh request log.
run() {
    : >"$log"
    conn=$1
    shift
    golden_run "$CASC" run --connections "$conns" --connection "$conn" --model "$model" "$@"
    no_secrets "$conn $*"
}

# No token or key text in anything casc printed.
no_secrets() {
    if grep -qF -e "$CASC_TEST_DBX_TOKEN" -e "$key_text" -e "$CASC_TEST_KEY_PASS" \
        "$tmp/out" "$tmp/err"; then
        golden_fail "$1" "a secret is in casc's output"
    fi
}

# expect WHAT STATUS STDOUT-FILE-OR-'' STDERR-PATTERN: the last run.
expect() {
    if [ "$rc" -ne "$2" ]; then
        golden_fail "$1" "exit $rc, expected $2: $(head -c 500 "$tmp/err")"
    elif [ -n "$3" ] && ! cmp -s "$3" "$tmp/out"; then
        golden_fail "$1" "stdout differs from $3"
        diff -u "$3" "$tmp/out"
    elif [ -z "$3" ] && [ -s "$tmp/out" ]; then
        golden_fail "$1" "unexpected stdout: $(head -c 300 "$tmp/out")"
    elif [ -n "$4" ] && ! grep -qE "$4" "$tmp/err"; then
        golden_fail "$1" "stderr does not match '$4': $(cat "$tmp/err")"
    elif [ -z "$4" ] && [ -s "$tmp/err" ]; then
        golden_fail "$1" "unexpected stderr: $(cat "$tmp/err")"
    else
        golden_pass
    fi
}

# log_has WHAT EXPRESSION...: the requests of the last run (check_log.py).
log_has() {
    what=$1
    shift
    if python3 tests/runtime/check_log.py "$log" "$@" >"$tmp/check"; then
        golden_pass
    else
        golden_fail "$what" "$(cat "$tmp/check")"
    fi
}

# interrupt CONNECTION RULE: casc run in the background, Ctrl-C once the
# fake has seen it poll; its argv must hold no secret.
interrupt() {
    : >"$log"
    "$CASC" run --connections "$conns" --connection "$1" --model "$model" "$2" \
        >"$tmp/out" 2>"$tmp/err" &
    pid=$!
    i=0
    until grep -q '"GET"' "$log"; do
        i=$((i + 1))
        [ $i -gt 200 ] && break
        sleep 0.05
    done
    if ps -o args= -p "$pid" | grep -qF -e "$CASC_TEST_DBX_TOKEN" -e "$key_text"; then
        golden_fail "$1 argv" "a secret is in casc's command line"
    fi
    kill -INT "$pid" 2>/dev/null
    wait "$pid"
    rc=$?
    no_secrets "$1 Ctrl-C"
}

printf 'CUSTOMER_ID\nk1\n"a,b"\n"say ""hi"""\n\nk5\n' >"$tmp/sf.csv"
printf 'customer_id\nk1\n"a,b"\n"say ""hi"""\n\nk5\n' >"$tmp/dbx.csv"
printf '{"PROFILES":5}\n' >"$tmp/sf-count.jsonl"
printf '{"profiles":5}\n' >"$tmp/dbx-count.jsonl"
printf '5\n' >"$tmp/count"

# ---- Snowflake
gold="loyalty_tier = 'Gold'"
"$CASC" compile --model "$model" --dialect snowflake "$gold" >"$tmp/sf.sql"
run sf "$gold"
expect "snowflake: rows from three partitions" 0 "$tmp/sf.csv" ""
log_has "snowflake: what is sent" \
    "all(r['jwt'] == 'ok' for r in reqs)" "len(posts) == 1" \
    "posts[0]['path'] == '/api/v2/statements'" "posts[0]['query']['async'] == ['true']" \
    "uuid_re.match(posts[0]['query']['requestId'][0])" \
    "posts[0]['body']['statement'] == open('$tmp/sf.sql').read().rstrip('\n')" \
    "{k: v for k, v in posts[0]['body'].items() if k != 'statement'} == {'warehouse': 'COMPUTE_WH', 'role': 'ANALYST', 'database': 'FX', 'schema': 'PUBLIC'}" \
    "all(r['headers']['accept'] == 'application/json' and r['headers']['user-agent'].startswith('casc/') for r in reqs)" \
    "posts[0]['headers']['content-type'] == 'application/json'" \
    "[r['query'].get('partition') for r in reqs if r['method'] == 'GET'][-2:] == [['1'], ['2']]" \
    "not any(r['path'].endswith('/cancel') for r in reqs)"
run sf --select count "$gold"
expect "snowflake: count" 0 "$tmp/count" ""
run sf --select count --output jsonl "$gold"
expect "snowflake: count as jsonl" 0 "$tmp/sf-count.jsonl" ""
run sf "loyalty_tier = 'fail'"
expect "snowflake: failed statement" 1 "" "^casc run: error: connection 'sf': the warehouse rejected the statement: SQL compilation error: Object 'NOSUCH' does not exist or not authorized. \(42S02\)$"
run sf --timeout 1 "loyalty_tier = 'slow'"
expect "snowflake: --timeout" 1 "" "^casc run: error: connection 'sf': the statement did not finish within --timeout 1 s; the statement was cancelled on the server$"
log_has "snowflake: --timeout cancels the statement" \
    "[re.sub('/statements/[^/]+/', '/statements/H/', r['path']) for r in reqs if r['method'] == 'POST'][1:] == ['/api/v2/statements/H/cancel']" \
    "1 <= posts[0]['body']['timeout'] <= 2"
interrupt sf "loyalty_tier = 'slow'"
expect "snowflake: Ctrl-C" 130 "" "^casc run: error: connection 'sf': interrupted; the statement was cancelled on the server$"
log_has "snowflake: Ctrl-C cancels" "sum(r['path'].endswith('/cancel') for r in reqs) == 1"
run sf-other-key "$gold"
expect "snowflake: a key Snowflake does not know" 1 "" "^casc run: error: connection 'sf-other-key': authentication failed: Snowflake did not accept the credentials \(HTTP 401\): JWT token is invalid.$"
run sf-open-key "$gold"
expect "snowflake: a key others can read" 1 "" "the private key file $tmp/open.p8 can be read by others \(mode 0644\); make it private with: chmod 600 $tmp/open.p8$"
log_has "snowflake: nothing sent with a key others can read" "reqs == []"
run sf-encrypted "$gold"
expect "snowflake: an encrypted key, no passphrase" 1 "" "the private key file $tmp/enc.p8 is encrypted; name the environment variable that holds its passphrase with private_key_passphrase_env$"
run sf-passphrase --select count "$gold"
expect "snowflake: an encrypted key and its passphrase" 0 "$tmp/count" ""
run sf-plain-http "$gold"
expect "snowflake: plain http to another host" 1 "" "refusing http://example.com: casc sends requests over https only"

# ---- Databricks
"$CASC" compile --model "$model" --dialect databricks "$gold" >"$tmp/dbx.sql"
run dbx "$gold"
expect "databricks: rows from three chunks" 0 "$tmp/dbx.csv" ""
log_has "databricks: what is sent" "len(posts) == 1" \
    "all(r['headers']['authorization'] == 'Bearer $CASC_TEST_DBX_TOKEN' for r in reqs)" \
    "posts[0]['path'] == '/api/2.0/sql/statements'" \
    "posts[0]['body']['statement'] == open('$tmp/dbx.sql').read().rstrip('\n')" \
    "{k: v for k, v in posts[0]['body'].items() if k != 'statement'} == {'warehouse_id': 'abc123', 'catalog': 'main', 'schema': 'fx', 'wait_timeout': '0s', 'on_wait_timeout': 'CONTINUE', 'disposition': 'INLINE', 'format': 'JSON_ARRAY'}" \
    "[r['path'].split('/')[-1] for r in reqs if '/result/chunks/' in r['path']] == ['1', '2']" \
    "not any(r['path'].endswith('/cancel') for r in reqs)"
run dbx --select count --output jsonl "$gold"
expect "databricks: count as jsonl" 0 "$tmp/dbx-count.jsonl" ""
run dbx-file --select count "$gold"
expect "databricks: token from a private file" 0 "$tmp/count" ""
run dbx "loyalty_tier = 'fail'"
expect "databricks: failed statement" 1 "" "^casc run: error: connection 'dbx': the warehouse rejected the statement: \[TABLE_OR_VIEW_NOT_FOUND\] The table or view \`nosuch\` cannot be found. \(42P01\)$"
run dbx --timeout 1 "loyalty_tier = 'slow'"
expect "databricks: --timeout" 1 "" "^casc run: error: connection 'dbx': the statement did not finish within --timeout 1 s; the statement was cancelled on the server$"
log_has "databricks: --timeout cancels" "sum(r['method'] == 'POST' and r['path'].endswith('/cancel') for r in reqs) == 1"
interrupt dbx "loyalty_tier = 'slow'"
expect "databricks: Ctrl-C" 130 "" "^casc run: error: connection 'dbx': interrupted; the statement was cancelled on the server$"
log_has "databricks: Ctrl-C cancels" "sum(r['path'].endswith('/cancel') for r in reqs) == 1"
run dbx-forbidden "$gold"
expect "databricks: permission" 1 "" "^casc run: error: connection 'dbx-forbidden': permission denied: Databricks denied permission \(HTTP 403\): You do not have permission to use the SQL warehouse.$"
run dbx-unset "$gold"
expect "databricks: token variable unset" 1 "" "the Databricks token is read from the environment variable CASC_TEST_UNSET_TOKEN, which is not set; set it"
run dbx-open-file "$gold"
expect "databricks: a token file others can read" 1 "" "the Databricks token file $tmp/token-open can be read by others \(mode 0644\); make it private with: chmod 600 $tmp/token-open$"
log_has "databricks: nothing sent with a token file others can read" "reqs == []"
run dbx-down "$gold"
expect "databricks: unreachable" 1 "" "^casc run: error: connection 'dbx-down': cannot reach 127.0.0.1: "
run dbx-wrong "$gold"
expect "databricks: a wrong token" 1 "" "^casc run: error: connection 'dbx-wrong': authentication failed: Databricks did not accept the credentials \(HTTP 401\): Invalid access token.$"

golden_done
