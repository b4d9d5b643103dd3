#!/usr/bin/env python3
"""Check that sqlglot parses SQL statements in a dialect.

    python3 tests/sqlglot_parse.py DIALECT FILE...

DIALECT is a casc dialect (snowflake, databricks, postgres). Each FILE holds
one statement (a trailing ';' is allowed). Prints one line per file that
does not parse as exactly one statement, "FILE: reason", and exits 0 iff
every file parses; exits 2 on a usage error or when sqlglot is missing.

A FILE ending in .jsonl, or - for standard input, is a batch
(tests/semantic/ streams them): one object per line,
{"sql": STATEMENT, "strings": [VALUE, ...]}; each
statement must parse, and each VALUE must be the value of one of its
string literals (so quotes and backslashes were escaped the dialect's
way). A failure prints "FILE:LINE: reason".

sqlglot comes from Debian's python3-sqlglot (10.x), installed for the
system interpreter; when this interpreter lacks it, the script runs itself
again under /usr/bin/python3. A parse proves the statement is well formed
for sqlglot's idea of the dialect, not that the warehouse accepts it:
docs/dialects/ lists what sqlglot 10 does not know.
"""
import io
import json
import os
import sys

SYSTEM_PYTHON = "/usr/bin/python3"
DIALECTS = {"snowflake": "snowflake", "databricks": "databricks", "postgres": "postgres"}

try:
    import sqlglot
    from sqlglot import exp
except ImportError:
    if os.path.exists(SYSTEM_PYTHON) and os.path.realpath(sys.executable) != os.path.realpath(
        SYSTEM_PYTHON
    ):
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)
    sys.stderr.write("sqlglot_parse: no sqlglot module (apt-get install python3-sqlglot)\n")
    sys.exit(2)


def problem(sql, dialect, strings=()):
    """Why sql is not one parsed statement of dialect whose string literals
    include strings, or None."""
    try:
        trees = [t for t in sqlglot.parse(sql, read=dialect) if t is not None]
    except Exception as e:  # sqlglot raises ParseError, TokenError and others
        lines = str(e).strip().splitlines()
        return lines[0] if lines else type(e).__name__
    if len(trees) != 1:
        return "%d statements, expected 1" % len(trees)
    if isinstance(trees[0], exp.Command):
        return "not parsed, kept as an opaque command"
    found = {lit.this for lit in trees[0].find_all(exp.Literal) if lit.is_string}
    # sqlglot 10 unescapes \\ twice in dialects with backslash escapes, so
    # a literal's "\\" comes out as "\": compare as it reads them.
    tokenizer = sqlglot.Dialect.get_or_raise(dialect).tokenizer_class()
    collapse = getattr(tokenizer, "_replace_backslash", False)
    for s in strings:
        if (s.replace("\\\\", "\\") if collapse else s) not in found:
            return "the string %r is no string literal's value" % s
    return None


def batch_problems(lines, dialect):
    """(line number, reason) for each failing statement of a batch."""
    for number, line in enumerate(lines, 1):
        item = json.loads(line)
        why = problem(item["sql"], dialect, item.get("strings", ()))
        if why:
            yield number, why


def main(argv):
    if len(argv) < 3 or argv[1] not in DIALECTS:
        sys.stderr.write("usage: sqlglot_parse.py {%s} FILE...\n" % ",".join(DIALECTS))
        return 2
    dialect = DIALECTS[argv[1]]
    failed = 0
    for path in argv[2:]:
        if path == "-" or path.endswith(".jsonl"):
            batch = (io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8") if path == "-"
                     else open(path, encoding="utf-8"))
            with batch as lines:
                for number, why in batch_problems(lines, dialect):
                    failed += 1
                    print("%s:%d: %s" % (path, number, why), flush=True)
            continue
        try:
            with open(path, encoding="utf-8") as f:
                sql = f.read()
        except (OSError, UnicodeDecodeError) as e:
            why = str(e)
        else:
            why = problem(sql, dialect)
        if why:
            failed += 1
            print("%s: %s" % (path, why))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
