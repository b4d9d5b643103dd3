# tests/lib/fixtures.sh - compile one golden case of sql-fixtures/ (POSIX sh,
# to be sourced by the runners in tests/golden/).
#
# A case is sql-fixtures/NAME.casc, compiled against sql-fixtures/model.yaml
# with `--now $FIXTURE_NOW` unless its first line sets options of its own:
#
#   -- options: --timezone America/New_York --select count
#
# (a comment to casc, so the file compiles as it is). Options are split on
# white space; none may contain a space.

FIXTURE_DIR=${FIXTURE_DIR:-sql-fixtures}
FIXTURE_MODEL=${FIXTURE_MODEL:-$FIXTURE_DIR/model.yaml}
FIXTURE_NOW=${FIXTURE_NOW:-2026-03-30T12:00:00Z}
# shellcheck disable=SC2034 # read by the runners that source this file
FIXTURE_DIALECTS="snowflake databricks postgres"

# The options of case SRC, from its header line.
fixture_options() {
    sed -n '1s/^-- options:[[:space:]]*//p' "$1"
}

# The compile options of case SRC: its own, and --now $FIXTURE_NOW unless
# it pins now itself.
fixture_args() {
    fa_opts=$(fixture_options "$1")
    case " $fa_opts " in
    *" --now "* | *" --now="*) echo "$fa_opts" ;;
    *) echo "--now $FIXTURE_NOW $fa_opts" ;;
    esac
}

# Compile case SRC for DIALECT: SQL on standard output, diagnostics on
# standard error, casc's exit status.
fixture_compile() {
    # shellcheck disable=SC2046 # options are words by design
    "$CASC" compile --model "$FIXTURE_MODEL" --dialect "$2" $(fixture_args "$1") -f "$1"
}
