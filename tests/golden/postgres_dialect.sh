#!/bin/sh
# The PostgreSQL dialect, executed: starts a private PostgreSQL server (a
# temporary directory, a Unix socket only, stopped on exit), loads small
# tables and checks that the statements `casc compile --dialect postgres`
# emits select exactly the expected profiles. Covers calendar steps, week
# and calendar truncation in a zone across DST changes, every event-time
# storage, strings with % _ \ and quotes, LIKE and regex, arrays with NULL
# elements, string literals that must round-trip exactly, and identifier
# quoting against PostgreSQL's own key word list. The session runs in an
# odd time zone on purpose: nothing casc emits may depend on it.
# Skipped (0 passed, 0 failed) when the server binaries are missing.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
. tests/lib/pg.sh
golden_init "postgres dialect"
golden_at_exit=pg_stop

pg_usable || golden_skip "$pg_problem"
PG_TIMEZONE=Pacific/Chatham
pg_start || golden_abort "server start" "see above"

# sql STATEMENTS: setup that must work (a failure ends the suite).
sql() {
    if ! printf '%s\n' "$1" | pg_psql >"$tmp/setup.out" 2>&1; then
        golden_abort "setup" "$(head -c 500 "$tmp/setup.out")"
    fi
}

# events TABLE TIME...: TABLE holds exactly one row for each TIME (a
# timestamp, date or number, as the table stores it), keyed 1, 2, 3, ...
events() {
    ev_table=$1 ev_rows='' ev_key=0
    shift
    for ev_time in "$@"; do
        ev_key=$((ev_key + 1))
        ev_rows="$ev_rows${ev_rows:+, }($ev_key, '$ev_time')"
    done
    sql "TRUNCATE $ev_table; INSERT INTO $ev_table VALUES $ev_rows;"
}

# check WHAT EXPECTED RULE [casc options]: the keys the rule selects, in
# ascending order, are EXPECTED. Its SQL stays in $tmp/query.sql.
model=$tmp/model.yaml
check() {
    what=$1 want=$2
    printf '%s' "$3" >"$tmp/rule"
    shift 3
    if ! "$CASC" compile --model "$model" --dialect postgres "$@" -f "$tmp/rule" \
        >"$tmp/query.sql" 2>"$tmp/err"; then
        golden_fail "$what" "casc: $(head -c 300 "$tmp/err")"
        return
    fi
    if ! pg_psql -f "$tmp/query.sql" >"$tmp/rows" 2>"$tmp/err"; then
        golden_fail "$what" "psql: $(head -c 300 "$tmp/err")"
        sed 's/^/    /' "$tmp/query.sql"
        return
    fi
    got=$(sort -n "$tmp/rows" | tr '\n' ' ' | sed 's/ $//')
    if [ "$got" = "$want" ]; then
        golden_pass
    else
        golden_fail "$what" "selected {$got}, expected {$want}"
        sed 's/^/    /' "$tmp/query.sql"
    fi
}

# emitted WHAT TEXT: the SQL of the last check contains TEXT.
emitted() {
    if grep -qF "$2" "$tmp/query.sql"; then
        golden_pass
    else
        golden_fail "$1" "its SQL lacks: $2"
    fi
}

# ---- schema: names as unquoted DDL folds them ----

cat >"$model" <<'EOF'
name: PostgreSQL dialect test
master_table:
  database: ignored_by_postgres
  schema: public
  table: Customers
  key_column: ID
  columns:
    - {name: email, column: Email, type: string}
    - {name: tags, type: string_array}
    - {name: scores, type: number_array}
    - {name: signup_date, type: date}
    - {name: last_login_at, type: timestamp}
behaviors:
  - {name: ev_utc, table: ev_utc, key_column: id, timestamp_column: t}
  - {name: ev_ny, table: ev_ny, key_column: id, timestamp_column: t, timezone: America/New_York}
  - {name: ev_sec, table: ev_sec, key_column: id, timestamp_column: t, timestamp_type: epoch_seconds}
  - {name: ev_ms, table: ev_ms, key_column: id, timestamp_column: t, timestamp_type: epoch_millis}
  - {name: ev_date, table: ev_date, key_column: id, timestamp_column: t, timestamp_type: date}
EOF
sql "
CREATE TABLE customers (id int PRIMARY KEY, email text, tags text[], scores numeric[],
                        signup_date date, last_login_at timestamp);
CREATE TABLE ev_utc (id int, t timestamp);
CREATE TABLE ev_ny (id int, t timestamp);
CREATE TABLE ev_sec (id int, t bigint);
CREATE TABLE ev_ms (id int, t bigint);
CREATE TABLE ev_date (id int, t date);
INSERT INTO customers (id) SELECT generate_series(1, 6);"

# ---- calendar steps and truncation, zones, DST ----

# March 31 minus one month is February 28 (a calendar step, not 30 days).
events ev_utc '2026-02-28 12:00:00' '2026-02-28 11:59:59' \
    '2026-03-31 12:00:00' '2026-03-31 12:00:01'
check "month step, UTC" "1 3" "ev_utc in last 1 month" --now 2026-03-31T12:00:00Z
# In Berlin, 14:00 CEST minus one month is 14:00 CET, 13:00 UTC.
events ev_utc '2026-02-28 13:00:00' '2026-02-28 12:59:59'
check "month step, Berlin across DST" "1" "ev_utc in last 1 month" \
    --now 2026-03-31T12:00:00Z --timezone Europe/Berlin
events ev_utc '2026-02-01 00:00:00' '2026-01-31 23:59:59.999999' \
    '2026-02-28 23:59:59.999999' '2026-03-01 00:00:00'
check "previous month" "1 3" "ev_utc previous month" --now 2026-03-31T12:00:00Z
events ev_utc '2026-02-28 23:00:00' '2026-03-01 00:00:00' \
    '2026-02-28 12:00:00' '2026-02-28 12:00:01'
check "next month" "1 3 4" "ev_utc next month" --now 2026-01-31T12:00:00Z
check "in next 1 month from January 31" "3" "ev_utc in next 1 month" --now 2026-01-31T12:00:00Z

# Weeks start on Monday, whatever the day "now" is.
events ev_utc '2026-03-29 23:59:59' '2026-03-30 00:00:00' \
    '2026-04-01 10:00:00' '2026-04-01 10:00:01'
check "this week on a Wednesday" "2 3" "ev_utc this week" --now 2026-04-01T10:00:00Z
check "this week on its Monday" "2" "ev_utc this week" --now 2026-03-30T00:00:00Z
check "this week on its Sunday" "2 3 4" "ev_utc this week" --now 2026-04-05T23:59:59Z
# Berlin weeks across the DST start (March 29): Monday 00:00 CET is 23:00
# UTC the day before, Monday 00:00 CEST is 22:00 UTC.
events ev_utc '2026-03-22 22:59:59' '2026-03-22 23:00:00' \
    '2026-03-29 21:59:59' '2026-03-29 22:00:00'
check "previous week, Berlin" "2 3" "ev_utc previous week" \
    --now 2026-04-01T10:00:00Z --timezone Europe/Berlin
# Days in Berlin across the DST start: March 29 has 23 hours.
events ev_utc '2026-03-28 22:59:59' '2026-03-28 23:00:00' \
    '2026-03-29 21:59:59' '2026-03-29 22:00:00'
check "yesterday, Berlin DST start" "2 3" "ev_utc yesterday" \
    --now 2026-03-30T12:00:00Z --timezone Europe/Berlin
check "today, Berlin" "4" "ev_utc today" --now 2026-03-30T12:00:00Z --timezone Europe/Berlin
# New York: seven calendar days back over the DST start (March 8) are 167
# hours; hours are elapsed time.
events ev_utc '2026-03-03 12:30:00' '2026-03-03 13:00:00'
check "last 7 days, New York DST start" "2" "ev_utc in last 7 days" \
    --now 2026-03-10T12:00:00Z --timezone America/New_York
check "last 168 hours, New York" "1 2" "ev_utc in last 168 hours" \
    --now 2026-03-10T12:00:00Z --timezone America/New_York
# New York's DST end (November 1) makes a 25-hour day.
events ev_utc '2026-11-01 03:59:59' '2026-11-01 04:00:00' \
    '2026-11-02 04:59:59' '2026-11-02 05:00:00'
check "yesterday, New York DST end" "2 3" "ev_utc yesterday" \
    --now 2026-11-02T12:00:00Z --timezone America/New_York
# Hours are elapsed time, also when the local clock skips or repeats one:
# Berlin's 02:00-03:00 does not exist on March 29 and happens twice on
# October 25; Kolkata's hours start at half past the UTC hour.
events ev_utc '2026-03-28 23:59:59' '2026-03-29 00:00:00' \
    '2026-03-29 00:59:59' '2026-03-29 01:00:00'
check "previous hour, Berlin DST start" "2 3" "ev_utc previous hour" \
    --now 2026-03-29T01:30:00Z --timezone Europe/Berlin
check "this hour, Berlin DST start" "4" "ev_utc this hour" \
    --now 2026-03-29T01:30:00Z --timezone Europe/Berlin
events ev_utc '2026-10-24 23:59:59' '2026-10-25 00:00:00' \
    '2026-10-25 00:30:00' '2026-10-25 00:30:01'
check "this hour, Berlin's first 02:30" "2 3" "ev_utc this hour" \
    --now 2026-10-25T00:30:00Z --timezone Europe/Berlin
events ev_utc '2026-10-24 23:59:59' '2026-10-25 00:00:00' \
    '2026-10-25 00:59:59' '2026-10-25 01:00:00'
check "previous hour, Berlin's second 02:30" "2 3" "ev_utc previous hour" \
    --now 2026-10-25T01:30:00Z --timezone Europe/Berlin
events ev_utc '2026-03-30 11:29:59' '2026-03-30 11:30:00' \
    '2026-03-30 12:08:59' '2026-03-30 12:09:00'
check "this hour, Kolkata" "2 3 4" "ev_utc this hour" --now 2026-03-30T12:10:30Z \
    --timezone Asia/Kolkata
check "previous minute, Kolkata" "4" "ev_utc previous minute" --now 2026-03-30T12:10:30Z \
    --timezone Asia/Kolkata
events ev_utc '2025-12-31 23:59:59' '2026-01-01 00:00:00' \
    '2026-03-31 23:59:59' '2026-04-01 00:00:00'
check "previous quarter" "2 3" "ev_utc previous quarter" --now 2026-05-15T00:00:00Z
# Kolkata is UTC+05:30: its year starts at 18:30 UTC on December 31.
events ev_utc '2025-12-31 18:29:59' '2025-12-31 18:30:00'
check "this year, Kolkata" "2" "ev_utc this year" --now 2026-01-01T00:00:00Z \
    --timezone Asia/Kolkata
check "literal with zone" "2" "ev_utc since 2026-01-01T00:00:00+05:30" --now 2026-01-01T01:00:00Z

# Columns keep microseconds: a finer bound rounds the way its comparison
# needs (>= up, <= down), with a carry into the next second and year.
events ev_utc '2026-03-29 01:30:00' '2026-03-29 01:30:00.000001' \
    '2026-12-31 23:59:59.999999' '2027-01-01 00:00:00'
check "sub-microsecond bounds" "2" \
    "ev_utc between 2026-03-29T01:30:00.000000001Z and 2026-03-29T01:30:00.0000019Z"
check "sub-microsecond carry" "4" "ev_utc since 2026-12-31T23:59:59.9999995Z"
check "sub-microsecond, strict" "3 4" "ev_utc after 2026-12-31T23:59:59.9999985Z"

# ---- event times stored other ways ----

# A column of New York wall-clock times, a rule in Berlin.
events ev_ny '2026-03-28 18:59:59' '2026-03-28 19:00:00' \
    '2026-03-29 17:59:59' '2026-03-29 18:00:00'
check "zoned column, Berlin rule" "2 3" "ev_ny yesterday" \
    --now 2026-03-30T12:00:00Z --timezone Europe/Berlin
events ev_ny '2026-03-28 23:59:59' '2026-03-29 00:00:00' \
    '2026-03-29 23:59:59' '2026-03-30 00:00:00'
check "zoned column, same-zone rule" "2 3" "ev_ny yesterday" \
    --now 2026-03-30T12:00:00Z --timezone America/New_York
# One day before 02:30 EDT on March 9 is 02:30 on March 8, a wall-clock
# time New York skipped: it stands for 03:30 EDT, on a zoned column too.
events ev_ny '2026-03-08 03:29:59' '2026-03-08 03:30:00' '2026-03-08 02:45:00'
check "zoned column, skipped local bound" "2" "ev_ny in last 1 day" \
    --now 2026-03-09T06:30:00Z --timezone America/New_York
events ev_ny '2026-03-30 06:59:59' '2026-03-30 07:00:00' \
    '2026-03-30 08:00:00' '2026-03-30 08:00:01'
check "zoned column, UTC rule" "2 3" "ev_ny in last 1 hour" --now 2026-03-30T12:00:00Z

# Berlin's March 29 is [1774738800, 1774821600) in Unix seconds.
events ev_sec 1774738799 1774738800 1774821599 1774821600
check "epoch seconds" "2 3" "ev_sec yesterday" --now 2026-03-30T12:00:00Z --timezone Europe/Berlin
events ev_ms 1774738799999 1774738800000 1774821599999 1774821600000
check "epoch millis" "2 3" "ev_ms yesterday" --now 2026-03-30T12:00:00Z --timezone Europe/Berlin
# A bound with a fraction: whole seconds after 11:00:00.5 start at 11:00:01.
events ev_sec 1774868400 1774868401 1774872000 1774872001
check "epoch seconds, fractional bound" "2 3" "ev_sec in last 1 hour" \
    --now 2026-03-30T12:00:00.5Z
events ev_ms 1774868400499 1774868400500 1774872000500 1774872000501
check "epoch millis, fractional bound" "2 3" "ev_ms in last 1 hour" --now 2026-03-30T12:00:00.5Z

# A date stands for its midnight in the rule's zone.
events ev_date 2026-03-23 2026-03-24 2026-03-30 2026-03-31 \
    2026-03-29
check "dates, last 7 days" "2 3 5" "ev_date in last 7 days" --now 2026-03-30T12:00:00Z \
    --timezone Europe/Berlin
check "dates, yesterday" "5" "ev_date yesterday" --now 2026-03-30T12:00:00Z --timezone Europe/Berlin
check "dates, today in UTC" "3" "ev_date today" --now 2026-03-30T23:30:00Z
check "dates, today in Berlin" "4" "ev_date today" --now 2026-03-30T23:30:00Z \
    --timezone Europe/Berlin
check "dates, after a timestamp" "4" "ev_date after 2026-03-30T12:00:00" --timezone Europe/Berlin
check "dates, before a timestamp" "1 2 3 5" "ev_date before 2026-03-30T12:00:00"
check "dates, after a date" "4" "ev_date after 2026-03-30"
check "dates, between dates" "1 2 3 5" "ev_date between 2026-03-01 and 2026-03-30"

sql "UPDATE customers SET signup_date = '2026-03-29', last_login_at = '2026-03-29 21:59:59'
     WHERE id = 1;
     UPDATE customers SET signup_date = '2026-03-30', last_login_at = '2026-03-29 22:00:00'
     WHERE id = 2;"
check "timestamp attribute after a date, Berlin" "2" "last_login_at after 2026-03-29" \
    --timezone Europe/Berlin
check "its complement keeps nulls" "1 3 4 5 6" "not (last_login_at after 2026-03-29)" \
    --timezone Europe/Berlin
check "date attribute before" "1" "signup_date before 2026-03-30"
check "date attribute equals" "2" "signup_date = 2026-03-30"

# The warehouse's clock ("now" not pinned).
sql "TRUNCATE ev_utc, ev_sec;
     INSERT INTO ev_utc VALUES
       (1, (now() AT TIME ZONE 'UTC') - interval '10 minutes'),
       (2, (now() AT TIME ZONE 'UTC') - interval '2 hours'),
       (3, (now() AT TIME ZONE 'UTC') + interval '1 hour');
     INSERT INTO ev_sec SELECT id, floor(extract(epoch FROM t)) FROM ev_utc;"
check "unpinned now" "1" "ev_utc in last 1 hour"
check "unpinned now, Berlin" "1 2" "ev_utc in last 1 day" --timezone Europe/Berlin
check "unpinned now, epoch seconds" "1" "ev_sec in last 1 hour" --timezone America/New_York

# ---- strings ----

nl='
'
tab=$(printf '\t')
# Keys and exact values, where \n stands for a newline; 7 is NULL. Loaded
# with dollar quoting, a path independent of casc's string literals.
strings="1 a%b
2 a_b
3 axb
4 a\\b
5 it's
6 100%
8 C:\\Users\\x
9 tab${tab}here
10 line1\\nline2
11 \$\$ -- /* */ ü 日本 😀
12 a\\\\b
13 end\\
14 ''
15 back\\'slash
16 \"dq\"
17 \`bt\`"
printf '%s\n' "$strings" >"$tmp/strings"
# string_value LINE: the exact value of a line of $strings.
string_value() { printf '%s' "${1#* }" | sed 's/\\n/\n/g'; }
{
    echo "TRUNCATE customers; INSERT INTO customers (id) VALUES (7);"
    while IFS= read -r line; do
        printf 'INSERT INTO customers (id, email) VALUES (%s, $v$%s$v$);\n' "${line%% *}" \
            "$(string_value "$line")"
    done <"$tmp/strings"
} >"$tmp/load.sql"
sql "$(cat "$tmp/load.sql")"

check "contains %" "1 6" "email contains '%'"
check "contains _" "2" "email contains '_'"
check "contains \\" "4 8 12 13 15" "email contains '\\'"
check "contains a quote" "5 14 15" "email contains ''''"
check "contains newline" "10" "email contains '${nl}'"
check "contains unicode" "11" "email contains '日本 😀'"
check "starts with a_" "2" "email starts with 'a_'"
check "starts with a\\" "4 12" "email starts with 'a\\'"
check "ends with %" "6" "email ends with '%'"
check "ends with \\" "13" "email ends with '\\'"
check "ends with b" "1 2 3 4 12" "email ends with 'b'"
check "not contains keeps null" "2 3 4 5 7 8 9 10 11 12 13 14 15 16 17" "email not contains '%'"
check "not ends with" "1 2 3 4 5 6 7 8 9 10 11 12 14 15 16 17" "email not ends with '\\'"
check "like _" "1 2 3 4" "email like 'a_b'"
check "like escaped %" "1" "email like 'a\\%b'"
check "like escaped _" "2" "email like 'a\\_b'"
check "like escaped backslash" "4" "email like 'a\\\\b'"
check "like lone backslash is literal" "4" "email like 'a\\b'"
check "like path" "8" "email like 'C:\\Users%'"
check "like trailing backslash" "13" "email like '%\\'"
check "not like keeps null" "5 6 7 8 9 10 11 13 14 15 16 17" "email not like 'a%'"
check "matches searches" "1 2 3 4 12" "email matches 'b\$'"
check "matches anchored" "1 2 3 4" "email matches '^a.b\$'"
check "matches a backslash" "4 8 12 13 15" "email matches '\\\\'"
check "not matches keeps null" "5 6 7 8 9 10 11 13 14 15 16 17" "email not matches 'b\$'"
while IFS= read -r line; do
    key=${line%% *}
    value=$(string_value "$line" | sed "s/'/''/g")
    check "round trip $key" "$key" "email = '$value'"
done <"$tmp/strings"

# ---- arrays ----

sql "TRUNCATE customers;
     INSERT INTO customers (id, tags, scores) VALUES
       (21, '{a,b}', '{1,2.0}'), (22, '{a,NULL}', '{3}'), (23, NULL, NULL),
       (24, '{}', '{}'), (25, '{NULL}', '{NULL}'), (26, \$v\${b's,x\\\\y}\$v\$, '{2.5}');"
check "array contains" "21" "tags contains 'b'"
check "array not contains: nulls and null elements" "22 23 24 25 26" "tags not contains 'b'"
check "array contains, null element" "21 22" "tags contains 'a'"
check "contains any" "21" "tags contains any ('x', 'b')"
check "contains all" "21" "tags contains all ('a', 'b')"
check "contains all, one value" "21 22" "tags contains all ('a')"
check "not contains all" "22 23 24 25 26" "not (tags contains all ('a', 'b'))"
check "is empty: null and {}" "23 24" "tags is empty"
check "is not empty" "21 22 25 26" "tags is not empty"
check "element with a quote" "26" "tags contains 'b''s'"
check "element with a backslash" "26" "tags contains 'x\\y'"
check "number element" "21" "scores contains 2"
check "number element with fraction" "26" "scores contains 2.5"
check "numbers not contains" "21 23 24 25 26" "scores not contains 3"

# ---- identifiers ----

# Every PostgreSQL key word names a segment table and its key column: casc
# quotes exactly the reserved ones (categories R and T of pg_get_keywords),
# and a rule that needs them all runs.
pg_psql -c "SELECT word || ' ' || catcode::text FROM pg_get_keywords() ORDER BY word" \
    >"$tmp/keywords"
{
    cat "$model"
    echo "segments:"
    while read -r word code; do
        echo "  - {name: seg_$word, table: \"$word\", key_column: \"$word\"}"
    done <"$tmp/keywords"
} >"$tmp/kwmodel.yaml"
tables= rule=
while read -r word code; do
    tables="$tables CREATE TABLE \"$word\" (\"$word\" int); INSERT INTO \"$word\" VALUES (21);"
    rule="$rule${rule:+ and }in segment 'seg_$word'"
done <"$tmp/keywords"
sql "$tables"
base=$model
model=$tmp/kwmodel.yaml
check "every key word as a table and column name" "21" "$rule"
while read -r word code; do
    case $code in
    R | T) emitted "key word $word ($code)" "FROM \"$word\" AS s WHERE s.\"$word\" = c.ID" ;;
    *) emitted "key word $word ($code)" "FROM $word AS s WHERE s.$word = c.ID" ;;
    esac
done <"$tmp/keywords"
model=$base

# quote_identifiers: always quotes every name exactly as the model spells it.
sed -e 's/table: Customers/table: customers/' -e 's/key_column: ID/key_column: id/' \
    -e 's/column: Email/column: email/' "$base" >"$tmp/always.yaml"
echo "quote_identifiers: always" >>"$tmp/always.yaml"
model=$tmp/always.yaml
check "quote_identifiers: always" "21 22" "tags contains 'a'"
emitted "quote_identifiers: always" 'FROM "public"."customers" AS c'

golden_done
