#!/bin/sh
# The output options of casc compile and casc overlap on the command line
# (docs/outputs.md): overlap's SQL in every dialect (stored in
# tests/outputs/, UPDATE=1 rewrites it; parsed by sqlglot; run on
# PostgreSQL against regions worked out by hand), `--order-by ATTR desc`,
# usage errors (exit 2, nothing on standard output) and unknown or unfit
# names (exit 1, a message without a place, suggestions). The outputs of
# casc compile themselves are golden cases in sql-fixtures/ (out-*.casc).
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
. tests/lib/pg.sh
golden_init "outputs cli"
golden_at_exit=pg_stop
model=sql-fixtures/model.yaml
now=2026-03-30T12:00:00Z
dir=tests/outputs
rules="loyalty_tier = 'Gold' or lifetime_value > 1000|purchase in last 30 days|in segment 'VIP'"

overlap() {
    d=$1
    shift
    old_ifs=$IFS
    IFS='|'
    # shellcheck disable=SC2086 # the rules are split at '|' on purpose
    set -- "$@" $rules
    IFS=$old_ifs
    golden_run "$CASC" overlap --model $model --dialect "$d" --now $now "$@"
}

# One statement for three rules, in every dialect.
for d in snowflake databricks postgres; do
    overlap $d
    golden_expect_output "overlap ($d)" $dir/overlap.$d.sql
done
py=$(golden_sqlglot_python)
for d in snowflake databricks; do
    if [ -z "$py" ]; then
        golden_fail "overlap ($d)" "no python3 with sqlglot"
    elif "$py" tests/sqlglot_parse.py $d $dir/overlap.$d.sql >"$tmp/err" 2>&1; then
        golden_pass
    else
        golden_fail "overlap ($d)" "sqlglot: $(head -c 300 "$tmp/err")"
    fi
done

# On PostgreSQL over sql-fixtures/data.sql: each region's profiles.
if pg_start; then
    if ! pg_psql -f sql-fixtures/data.sql >"$tmp/load" 2>&1; then
        golden_fail data.sql "does not load: $(cat "$tmp/load")"
    elif pg_psql -f $dir/overlap.postgres.sql >"$tmp/rows" 2>"$tmp/err"; then
        # Worked out by hand (sql-fixtures/README.md has the data): never rewritten.
        update=$golden_update
        golden_update=
        golden_same "overlap (PostgreSQL)" $dir/overlap.expect "$tmp/rows" "the regions"
        golden_update=$update
    else
        golden_fail "overlap (PostgreSQL)" "$(head -c 300 "$tmp/err")"
    fi
else
    golden_fail "overlap (PostgreSQL)" "no server"
fi

# The direction of --order-by may follow as a word, or in its value.
golden_run "$CASC" compile --model $model --dialect postgres --limit 2 --order-by age desc "true"
cp "$tmp/out" "$tmp/word"
golden_run "$CASC" compile --model $model --dialect postgres --limit 2 --order-by "age desc" "true"
golden_same "order-by desc" "$tmp/word" "$tmp/out" "the SQL"
if grep -q "ORDER BY c.age DESC NULLS LAST, c.customer_id" "$tmp/out"; then
    golden_pass
else
    golden_fail "order-by desc" "no descending order: $(cat "$tmp/out")"
fi

# Usage errors: exit 2, the message, nothing on standard output.
usage() {
    what=$1 want=$2 cmd=$3
    shift 3
    golden_run "$CASC" "$cmd" --model $model "$@"
    golden_expect_usage "$what" "$want"
}
usage top-not-number "top 'abc' is not a whole number" compile --select breakdown --by age --top abc true
usage top-alone "top applies only to select breakdown" compile --top 3 true
usage by-missing "select breakdown needs by" compile --select breakdown true
usage top-and-buckets "top and buckets do not go together" compile --select breakdown --by age --top 2 --buckets 3 true
usage buckets-descending "buckets '10,5' is neither" compile --select breakdown --by age --buckets 10,5 true
usage of-missing "select stats needs of" compile --select stats true
usage limit-count "limit applies only to select members" compile --select count --limit 5 true
usage limit-fraction "limit '2.5' is neither" compile --limit 2.5 true
usage limit-percent "limit '100.5%' is neither" compile --limit 100.5% true
usage order-by-count "order_by applies only to select members" compile --select count --order-by age true
usage sample-over "sample '120%' is not a share" compile --sample 120% true
usage sample-backwards "sample '50%-10%' is not a share" compile --sample 50%-10% true
usage seed-alone "seed applies only with sample" compile --seed 7 true
usage seed-odd "seed 'a b' is not" compile --sample 5% --seed "a b" true
usage behavior-missing "select events needs behavior" compile --select events true
usage last-zero "last '0' is not a whole number" compile --select events --behavior purchase --last 0 true
usage select-unknown "unknown select 'everything' (expected members, count, breakdown, stats or events)" compile --select everything true
usage overlap-none "give 1 to 8 rules, not 0" overlap
usage overlap-nine "give 1 to 8 rules, not 9" overlap 1 2 3 4 5 6 7 8 9
usage overlap-select "select does not apply to an overlap" overlap --select count true false
usage overlap-file "give the rules as arguments" overlap -f rules.casc

# Unknown or unfit names: exit 1, nothing out, a message without a place
# and the closest names.
names() {
    what=$1 want=$2
    shift 2
    golden_run "$CASC" compile --model $model "$@" true
    if [ "$rc" -ne 1 ]; then
        golden_fail "$what" "exit $rc, expected 1: $(head -c 200 "$tmp/err")"
    elif [ -s "$tmp/out" ]; then
        golden_fail "$what" "wrote to standard output"
    elif [ "$(cat "$tmp/err")" != "$(printf '%b' "$want")" ]; then
        golden_fail "$what" "standard error: $(cat "$tmp/err")"
    else
        golden_pass
    fi
}
names by-unknown "error: by names an unknown attribute 'loyalty_teir'\n  did you mean 'loyalty_tier'?" \
    --select breakdown --by loyalty_teir
names of-string "error: of needs a numeric (integer or number) attribute; 'email' is string" \
    --select stats --of email
names buckets-string "error: by needs a numeric (integer or number) attribute; 'city' is string" \
    --select breakdown --by city --buckets 4
names by-array "error: by needs a single-valued attribute; 'interests' is string_array" \
    --select breakdown --by interests
names columns-unknown "error: columns names an unknown attribute 'lifetime_valu'\n  did you mean 'lifetime_value'?" \
    --columns email,lifetime_valu
names columns-twice "error: columns lists 'email' twice" --columns email,EMAIL
names order-unknown "error: order_by names an unknown attribute 'agee'\n  did you mean 'age'?" \
    --limit 3 --order-by agee
names behavior-unknown "error: behavior names an unknown behavior 'purchse'\n  did you mean 'purchase'?" \
    --select events --behavior purchse

golden_done
