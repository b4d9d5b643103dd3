#!/bin/sh
# The command line of casc compile (--each-line, --format json, usage errors)
# and the JSON diagnostics of casc check.
# Expected outputs are in tests/compile/ (UPDATE=1 rewrites them).
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
golden_init "compile cli"
model=examples/retail.yaml
now=2026-03-30T12:00:00Z
dir=tests/compile

# One statement per non-blank line, each followed by a line holding ';'.
golden_run "$CASC" compile --model $model --dialect postgres --now $now --select count \
    --each-line -f $dir/each-line.txt
golden_expect_output each-line $dir/each-line.sql

# An error on any line: every error reported, with its line; nothing out.
golden_run "$CASC" compile --model $model --now $now --each-line -f $dir/each-line-errors.txt
golden_expect_error each-line-errors $dir/each-line-errors.err

# JSON: the SQL with its dialect, tables and diagnostics.
golden_run "$CASC" compile --model $model --dialect databricks --now $now --format json \
    "loyalty_tier = 'Gold' and lifetime_value > 100 and purchase in last 7 days or in segment 'Suppressed'"
golden_expect_output json $dir/json.json

# JSON for a rule with errors: "sql": null, the diagnostics with their
# places, exit 1, and nothing on standard error.
golden_run "$CASC" compile --model $model --format json "loyalty_teir = 5"
if [ "$rc" -ne 1 ]; then
    golden_fail json-error "exit $rc, expected 1"
elif [ -s "$tmp/err" ]; then
    golden_fail json-error "wrote to standard error: $(head -c 200 "$tmp/err")"
else
    golden_same json-error $dir/json-error.json "$tmp/out" "standard output"
fi

# check --format json: {"ok", "diagnostics"} on standard output, whatever
# the outcome, and nothing on standard error; the exit status as without it.
check_json() {
    what=$1 want_rc=$2
    shift 2
    golden_run "$CASC" check --model $model --format json "$@"
    if [ "$rc" -ne "$want_rc" ]; then
        golden_fail "$what" "exit $rc, expected $want_rc"
    elif [ -s "$tmp/err" ]; then
        golden_fail "$what" "wrote to standard error: $(head -c 200 "$tmp/err")"
    else
        golden_same "$what" "$dir/$what.json" "$tmp/out" "standard output"
    fi
}
check_json check-json-ok 0 "loyalty_tier = 'Gold'"
check_json check-json-errors 1 "loyalty_tier = 'Gold' and
  purchase where amout > 5 in last 7 days"
check_json check-json-syntax 1 "country in ('FR' 'DE')"

# Usage errors: exit 2, a message naming the problem, nothing on stdout.
usage() {
    what=$1 want=$2
    cmd=$3
    shift 3
    golden_run "$CASC" "$cmd" "$@"
    golden_expect_usage "$what" "$want"
}
usage no-model "--model MODEL is required" compile "a = 1"
usage dialect "unknown dialect 'oracle' (expected snowflake, databricks, postgres)" compile \
    --model $model --dialect oracle "loyalty_tier = 'Gold'"
usage timezone "unknown time zone 'Mars/Olympus'" compile --model $model --timezone Mars/Olympus "loyalty_tier = 'Gold'"
usage timezone-path "unknown time zone '../../etc/passwd'" compile --model $model --timezone ../../etc/passwd "loyalty_tier = 'Gold'"
usage timezone-offset "unknown time zone '+09:00'" compile --model $model --timezone +09:00 "loyalty_tier = 'Gold'"
usage now "is not a timestamp: February 2026 has 28 days" compile --model $model --now 2026-02-30T00:00:00Z "loyalty_tier = 'Gold'"
usage select "unknown select 'everyone'" compile --model $model --select everyone "loyalty_tier = 'Gold'"
usage from "unknown --from 'yaml' (expected auto, dsl or json)" compile --model $model --from yaml "loyalty_tier = 'Gold'"
usage check-format "unknown --format 'sql'" check --model $model --format sql "a = 1"
usage fmt-to "unknown --to 'yaml' (expected dsl or json)" fmt --to yaml "a = 1"
usage fmt-from "unknown --from 'xml'" fmt --from xml "a = 1"
usage format "unknown --format 'xml'" compile --model $model --format xml "loyalty_tier = 'Gold'"

# A zone-less --now is a time in --timezone: converted to UTC in the SQL.
golden_run "$CASC" compile --model $model --dialect postgres --timezone Asia/Tokyo \
    --now 2026-03-30T09:00:00 "last_login_at before now"
golden_expect_output now-local $dir/now-local.sql

golden_done
