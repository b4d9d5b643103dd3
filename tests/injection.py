#!/usr/bin/env python3
"""Injection safety of the SQL casc emits: string values and model names.

    python3 tests/injection.py CASC [--seed N] [--count N] [--names N] [--psql PSQL]

Run by tests/golden/injection.sh. Two properties, in every dialect:

1. Strings. Any text used as a string value in a rule (quotes,
   backslashes, newlines, tabs, $$, --, /*, {0}, control characters,
   unicode; hand-picked nasty ones plus COUNT random ones from SEED), in
   =, !=, in (...), contains, starts/ends with, array contains, a behavior
   filter, matches, and as an exact like pattern, comes out as string
   literals whose value is exactly that text, and changes
   nothing else in the statement: each rule is compiled once with the text
   and once with a placeholder, every literal of the first is found with the
   dialect's tokenizer (sqlglot's) and decoded by the dialect's documented
   rules, and putting the placeholder back in place of the literals holding
   the text gives, byte for byte, the statement compiled with the
   placeholder. The statement must also parse with sqlglot as one statement.
   With --psql (PGHOST etc. set for a scratch server), the PostgreSQL
   statements also run against a table holding every text, loaded with COPY
   (not through casc's literals), and must select exactly the rows the
   rule means.

2. Names. Model names with odd characters (spaces, quotes, backticks, dots,
   unicode, reserved words, random ones) come out as identifiers: quoted in
   the dialect's way with exactly that name (a plain name may stay bare),
   nothing else changed against a model of plain placeholder names, and the
   statement parses with sqlglot naming the same identifiers. With --psql
   the tables, schemas and columns are created with those names (in a
   transaction rolled back afterwards) and the statement must run and
   select the expected row.

sqlglot 10 (Debian's python3-sqlglot) finds where each literal starts and
ends, but its values are wrong in two dialects: with backslash escapes
(Snowflake, Databricks) it unescapes "\\\\" twice, so a literal's "\\\\\\\\"
reads as one backslash, not two. Values are therefore decoded here by each
dialect's documented rules (decode_snowflake, decode_databricks,
decode_postgres); sqlglot's own value is compared only where it is right
(PostgreSQL, and texts without a backslash). It also cannot read a quote
character doubled inside a quoted identifier (valid in all three), so names
holding the dialect's quote are checked only against the documented quoting,
and on PostgreSQL by running the statement.
And it takes more words for keywords than the dialects reserve (LIMIT in
Snowflake, QUALIFY or RLIKE in PostgreSQL), so the copy it parses has the
plain names casc leaves bare quoted; whether a name may stay bare is
checked against each dialect's list elsewhere (tests/unit/test_backends.c,
and here on PostgreSQL by running the statement).

Prints "FAIL ..." lines (at most 20 per kind) and a closing
"injection: N passed, N failed"; exits 1 if anything failed.
"""
import argparse
import functools
import json
import random
import re
import subprocess
import sys
import tempfile
import os

import sqlglot
from sqlglot import exp

DIALECTS = ("snowflake", "databricks", "postgres")
# A backslash as a string literal: what casc writes after ESCAPE in a LIKE
# whose pattern has one.
BACKSLASH_LITERAL = {"snowflake": "'\\\\'", "databricks": "'\\\\'", "postgres": "'\\'"}
PLACEHOLDER = "casc_placeholder_text"
OTHER = "casc-other-value"

# ---------------------------------------------------------------------------
# The texts

NASTY = [
    "", "'", "''", "'''", "\\", "\\\\", "\\\\\\", "\\'", "'\\", "\\''", "''\\",
    "O'Neil", "O''Neil", "it\\'s", "a\\b", "end\\", "\\start",
    "' OR '1'='1", "' OR 1=1 --", "'; DROP TABLE customers; --", "x' --", "x'/*", "*/'",
    "\\'; DROP TABLE customers; --", "\\' OR 1=1 --", "' || '", "'||chr(39)||'",
    "$$", "$$'$$", "$tag$", "$$ OR 1=1 $$", "$1", "${x}", "$", "\\$",
    "--", "-- comment", "/*", "*/", "/* x */", "/*+ hint */", "-- x\n'", "'\n--",
    "\n", "\r", "\r\n", "\t", "\n\n", "a\nb", " ", "  lead", "trail  ", "\x0b", "\x0c",
    "\\n", "\\t", "\\r", "\\b", "\\f", "\\0", "\\Z", "\\x27", "\\u0027", "\\U00000027",
    "\\047", "\\%", "\\_", "%", "_", "a%b_c", "\\\\%",
    "\"", "\"\"", "\"x\"", "`", "``", "`x`", "[x]",
    "{0}", "{1}", "{2}", "{0}{1}{2}", "{9}", "{", "}", "?", ":x", "@x", "%s", "%1$s", "&x",
    ";", "; SELECT 1", "\\;",
    "\x01", "\x07", "\x08", "\x1b[31mred\x1b[0m", "\x1f", "\x7f",
    "\u0085", "\u2028", "\u2029", "\ufeff", "\u00a0", "\u202e", "\u200b",
    "ü", "日本語", "😀", "e\u0301", "\U0010ffff", "\ufffd",
    "\u02bc", "\uff07", "\u2019", "\u2032", "\uff3c", "\u00a5", "\u20a9",
    "\\\n\\", "'\\\n'",
    "a" * 1000, "'" * 100, "\\" * 101, "''\\\\" * 50,
]

ATOMS = [
    "'", "''", "\\", "\\\\", "\\'", "\"", "`", "$$", "$", "$q$", "--", "/*", "*/", ";",
    "\n", "\r", "\r\n", "\t", " ", "%", "_", "{0}", "{1}", "?", ":", "@", "\\n", "\\x41",
    "\\u0041", "\\0", "\\Z", "(", ")", ",", "=", "or", "OR 1=1", "select", "union", "null",
    "\x01", "\x1b", "\x7f", "\u0085", "\u2028", "\ufeff", "\u00a0", "\u202e", "ü", "日本",
    "😀", "\u02bc", "\uff07", "e\u0301",
]


def random_char(rnd):
    """One character: mostly printable ASCII, else a control character or
    any other code point (not NUL, not a surrogate)."""
    r = rnd.random()
    if r < 0.6:
        return chr(rnd.randrange(0x20, 0x7F))
    if r < 0.75:
        return chr(rnd.choice(list(range(1, 0x20)) + [0x7F]))
    if r < 0.9:
        return chr(rnd.randrange(0x80, 0x800))
    while True:
        c = rnd.randrange(0x800, 0x110000)
        if not 0xD800 <= c <= 0xDFFF:
            return chr(c)


def random_text(rnd, newline_ok):
    """A text of 0 to 40 pieces, each an atom or a random character."""
    parts = []
    for _ in range(rnd.randrange(0, 41)):
        parts.append(rnd.choice(ATOMS) if rnd.random() < 0.5 else random_char(rnd))
    s = "".join(parts)
    return s if newline_ok else s.replace("\n", " ")


def texts(seed, count):
    """The hand-picked texts, then count random ones (about 5% of those with
    a newline), all distinct."""
    rnd = random.Random(seed)
    seen, out = set(), []
    for s in NASTY:
        if s not in seen and s not in (PLACEHOLDER, OTHER):
            seen.add(s)
            out.append(s)
    while len(out) < len(NASTY) + count:
        s = random_text(rnd, rnd.random() < 0.05)
        if s not in seen and s not in (PLACEHOLDER, OTHER):
            seen.add(s)
            out.append(s)
    return out


def rule_string(s):
    """s as a string of the rule language: single quotes, '' for '."""
    return "'" + s.replace("'", "''") + "'"


# Rule shapes; {v} is the text as a rule string. Each text is used in
# "equals" and in one of the others, round robin. The PostgreSQL rows a
# shape selects: expect(k, texts) -> set of keys (key 0 has NULLs).
SHAPES = {
    "equals": "email = {v}",
    "not-equals": "email != {v}",
    "substrings": "email contains {v} or email starts with {v} or email ends with {v}",
    "in-list": "email in ({v}, '" + OTHER + "')",
    "array": "tags contains {v}",
    "behavior": "purchase where (category = {v}) in last 10000 days",
    "matches": "email matches {v}",
    "like": "email like {v}",
}
ROUND_ROBIN = ["not-equals", "substrings", "in-list", "array", "behavior", "matches", "like"]


def like_exact(s):
    """A like pattern that matches s alone: \\, \\% and \\_ for the
    characters themselves. casc passes such a pattern on unchanged, so its
    literal holds this text."""
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def shape_text(shape, s):
    """The text a shape puts in the rule (and expects in the literals) for s."""
    return like_exact(s) if shape == "like" else s


def expect_rows(shape, k, all_texts):
    v = all_texts[k - 1]
    keys = range(1, len(all_texts) + 1)
    if shape in ("equals", "in-list", "array", "behavior", "like"):
        return {k}
    if shape == "not-equals":
        return {0} | {i for i in keys if i != k}
    if shape == "substrings":
        return {i for i in keys if v in all_texts[i - 1]}
    return None  # matches: a regular expression, not run


MODEL = {
    "name": "injection",
    "master_table": {
        "database": "db", "schema": "public", "table": "customers", "key_column": "id",
        "columns": [{"name": "email", "type": "string"}, {"name": "tags", "type": "string_array"}],
    },
    "behaviors": [{
        "name": "purchase", "database": "db", "schema": "public", "table": "purchases",
        "key_column": "id", "timestamp_column": "at",
        "columns": [{"name": "category", "type": "string"}],
    }],
}
NOW = "2026-03-30T12:00:00Z"

# ---------------------------------------------------------------------------
# Decoding literals by each dialect's documented rules


class LiteralError(Exception):
    pass


def decode_postgres(sql, i):
    """The standard string literal at sql[i] ('...' with '' for ', backslash
    an ordinary character: standard_conforming_strings on, manual 4.1.2.1).
    Returns (value, end)."""
    assert sql[i] == "'"
    i += 1
    out = []
    while True:
        if i >= len(sql):
            raise LiteralError("unterminated literal")
        c = sql[i]
        if c == "'":
            if sql[i + 1 : i + 2] == "'":
                out.append("'")
                i += 2
                continue
            return "".join(out), i + 1
        out.append(c)
        i += 1


SNOWFLAKE_ESCAPES = {"'": "'", '"': '"', "\\": "\\", "b": "\b", "f": "\f", "n": "\n",
                     "r": "\r", "t": "\t", "0": "\0"}


def decode_snowflake(sql, i):
    """Snowflake's '...' ("Escape sequences in single-quoted string
    constants"): '' is a quote; backslash escapes \\' \\" \\\\ \\b \\f \\n \\r \\t
    \\0, \\ooo (octal), \\xhh, \\uhhhh; before any other character the backslash
    is dropped."""
    assert sql[i] == "'"
    i += 1
    out = []
    while True:
        if i >= len(sql):
            raise LiteralError("unterminated literal")
        c = sql[i]
        if c == "'":
            if sql[i + 1 : i + 2] == "'":
                out.append("'")
                i += 2
                continue
            return "".join(out), i + 1
        if c == "\\":
            if i + 1 >= len(sql):
                raise LiteralError("backslash at the end")
            n = sql[i + 1]
            if re.match(r"[0-7]{3}", sql[i + 1 : i + 4]):
                out.append(chr(int(sql[i + 1 : i + 4], 8)))
                i += 4
            elif n == "x" and re.match(r"[0-9a-fA-F]{2}", sql[i + 2 : i + 4]):
                out.append(chr(int(sql[i + 2 : i + 4], 16)))
                i += 4
            elif n == "u" and re.match(r"[0-9a-fA-F]{4}", sql[i + 2 : i + 6]):
                out.append(chr(int(sql[i + 2 : i + 6], 16)))
                i += 6
            else:
                out.append(SNOWFLAKE_ESCAPES.get(n, n))
                i += 2
            continue
        out.append(c)
        i += 1


DATABRICKS_ESCAPES = {"0": "\0", "'": "'", '"': '"', "b": "\b", "n": "\n", "r": "\r",
                      "t": "\t", "Z": "\x1a", "\\": "\\", "%": "\\%", "_": "\\_"}


def decode_databricks(sql, i):
    """Databricks' (Spark's) '...' ("STRING type", Literals; Spark's
    unescapeSQLString): backslash escapes \\0 \\' \\" \\b \\n \\r \\t \\Z \\\\,
    \\uXXXX, \\UXXXXXXXX, \\ooo (octal, first digit 0-3); \\% and \\_ keep their
    backslash; before any other character the backslash is dropped. '' is
    not an escape: the literal ends at the first unescaped quote."""
    assert sql[i] == "'"
    i += 1
    out = []
    while True:
        if i >= len(sql):
            raise LiteralError("unterminated literal")
        c = sql[i]
        if c == "'":
            return "".join(out), i + 1
        if c == "\\":
            if i + 1 >= len(sql):
                raise LiteralError("backslash at the end")
            n = sql[i + 1]
            if n == "u" and re.match(r"[0-9a-fA-F]{4}", sql[i + 2 : i + 6]):
                out.append(chr(int(sql[i + 2 : i + 6], 16)))
                i += 6
            elif n == "U" and re.match(r"[0-9a-fA-F]{8}", sql[i + 2 : i + 10]):
                out.append(chr(int(sql[i + 2 : i + 10], 16)))
                i += 10
            elif re.match(r"[0-3][0-7]{2}", sql[i + 1 : i + 4]):
                out.append(chr(int(sql[i + 1 : i + 4], 8)))
                i += 4
            else:
                out.append(DATABRICKS_ESCAPES.get(n, n))
                i += 2
            continue
        out.append(c)
        i += 1


DECODE = {"snowflake": decode_snowflake, "databricks": decode_databricks,
          "postgres": decode_postgres}


_SPAN_TOKENIZERS = {}


def tokenizer_with_spans(dialect):
    """A sqlglot tokenizer for dialect that also records where each string
    literal token starts and ends (sqlglot 10 keeps only its value)."""
    if dialect not in _SPAN_TOKENIZERS:
        _SPAN_TOKENIZERS[dialect] = _span_tokenizer_class(dialect)
    return _SPAN_TOKENIZERS[dialect]()


def _span_tokenizer_class(dialect):
    base = sqlglot.Dialect.get_or_raise(dialect).tokenizer_class

    class Spans(base):
        def tokenize(self, sql):
            self.spans = []
            return super().tokenize(sql)

        def _scan_string(self, quote):
            start = self._start
            if not super()._scan_string(quote):
                return False
            self.spans.append((start, self._current))
            return True

    return Spans


def literals(sql, dialect):
    """[(start, end, value)] of every string literal of sql, as the dialect's
    tokenizer delimits it and its documented rules decode it; the decoded
    literal must end where the tokenizer says."""
    tok = tokenizer_with_spans(dialect)
    tok.tokenize(sql)
    out = []
    for start, end in tok.spans:
        if sql[start] != "'":
            raise LiteralError("a string quoted with %r" % sql[start : start + 2])
        value, stop = DECODE[dialect](sql, start)
        if stop != end:
            raise LiteralError("the literal at %d ends at %d by the dialect's rules, at %d "
                               "for its tokenizer" % (start, stop, end))
        out.append((start, end, value))
    return out


def sqlglot_problem(sql, dialect, value=None):
    """Why sql is not one statement sqlglot parses (or, given value, whose
    string literals sqlglot reads without value where it reads values
    right), or None."""
    try:
        trees = [t for t in sqlglot.parse(sql, read=dialect) if t is not None]
    except Exception as e:  # ParseError, TokenError, RuntimeError
        lines = str(e).strip().splitlines()
        return "sqlglot: " + (lines[0] if lines else type(e).__name__)
    if len(trees) != 1:
        return "sqlglot: %d statements" % len(trees)
    if isinstance(trees[0], exp.Command):
        return "sqlglot: not parsed (an opaque command)"
    if value is not None and (dialect == "postgres" or "\\" not in value):
        found = [lit.this for lit in trees[0].find_all(exp.Literal) if lit.is_string]
        if value not in found:
            return "sqlglot reads no literal %r (it reads %r)" % (value, found[:4])
    return None


# ---------------------------------------------------------------------------
# Running casc


class Casc:
    def __init__(self, path, workdir):
        self.path = path
        self.workdir = workdir
        self.calls = 0

    def compile_json(self, model_path, dialect, rules):
        """Compile each rule (a list); returns [(sql or None, why)]. Rules
        without a newline go in one --each-line call, the others one each."""
        results = [None] * len(rules)
        batch = [i for i, r in enumerate(rules) if "\n" not in r]
        if batch:
            text = "\n".join(rules[i] for i in batch) + "\n"
            got = self._run(model_path, dialect, text, each_line=True)
            if isinstance(got, str):
                for i in batch:
                    results[i] = (None, got)
            elif len(got) != len(batch):
                for i in batch:
                    results[i] = (None, "--each-line gave %d results for %d rules"
                                  % (len(got), len(batch)))
            else:
                for i, r in zip(batch, got):
                    results[i] = r
        for i, r in enumerate(rules):
            if "\n" in r:
                got = self._run(model_path, dialect, r, each_line=False)
                results[i] = (None, got) if isinstance(got, str) else got[0]
        return results

    def _run(self, model_path, dialect, text, each_line):
        self.calls += 1
        rule_path = os.path.join(self.workdir, "rules.casc")
        with open(rule_path, "wb") as f:
            f.write(text.encode("utf-8"))
        cmd = [self.path, "compile", "--model", model_path, "--dialect", dialect, "--now", NOW,
               "--format", "json", "-f", rule_path]
        if each_line:
            cmd.insert(2, "--each-line")
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode not in (0, 1) or p.stderr:
            return "casc exited %d: %s" % (p.returncode, p.stderr.decode("utf-8", "replace")[:300])
        out = []
        for line in p.stdout.decode("utf-8").split("\n"):
            if not line:
                continue
            item = json.loads(line)
            if item.get("sql") is None:
                msgs = [d.get("message", "") for d in item.get("diagnostics", [])]
                out.append((None, "casc: " + "; ".join(msgs)[:300]))
            else:
                out.append((item["sql"], None))
        return out


# ---------------------------------------------------------------------------
# Reporting


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.shown = {}

    def ok(self, n=1):
        self.passed += n

    def fail(self, kind, what, why):
        self.failed += 1
        n = self.shown.get(kind, 0)
        self.shown[kind] = n + 1
        if n < 20:
            print("FAIL %s %s: %s" % (kind, what, why), flush=True)
        elif n == 20:
            print("FAIL %s: more failures not shown" % kind, flush=True)


def show(s, limit=80):
    r = ascii(s)
    return r if len(r) <= limit else r[:limit] + "...'"


# ---------------------------------------------------------------------------
# 1. Strings


def check_strings(casc, workdir, all_texts, report, psql):
    model_path = os.path.join(workdir, "model.json")
    with open(model_path, "w", encoding="utf-8") as f:
        json.dump(MODEL, f)
    # (shape, key) pairs: every text in "equals" and one more shape.
    cases = []
    for k in range(1, len(all_texts) + 1):
        cases.append(("equals", k))
        cases.append((ROUND_ROBIN[k % len(ROUND_ROBIN)], k))
    rules = [SHAPES[s].format(v=rule_string(shape_text(s, all_texts[k - 1]))) for s, k in cases]
    pg_statements = {}
    for dialect in DIALECTS:
        placeholders = {}
        names = list(SHAPES)
        got = casc.compile_json(model_path, dialect,
                                [SHAPES[s].format(v=rule_string(PLACEHOLDER)) for s in names])
        for s, (sql, why) in zip(names, got):
            if sql is None:
                report.fail("strings", "%s %s placeholder" % (dialect, s), why)
                continue
            placeholders[s] = sql
        results = casc.compile_json(model_path, dialect, rules)
        ph_literal = "'" + PLACEHOLDER + "'"
        if "like" in placeholders:
            # A pattern with a backslash (an escaped %, _ or \) gets an ESCAPE.
            placeholders["like-escape"] = placeholders["like"].replace(
                ph_literal + ")", ph_literal + " ESCAPE " + BACKSLASH_LITERAL[dialect] + ")", 1)
        for (shape, k), (sql, why) in zip(cases, results):
            v = shape_text(shape, all_texts[k - 1])
            what = "%s %s #%d %s" % (dialect, shape, k, show(v))
            if sql is None:
                report.fail("strings", what, why)
                continue
            key = "like-escape" if shape == "like" and "\\" in v else shape
            if key not in placeholders:
                report.fail("strings", what, "no placeholder statement to compare with")
                continue
            try:
                lits = literals(sql, dialect)
            except Exception as e:  # LiteralError, or sqlglot's own
                report.fail("strings", what, "literals: %s" % e)
                continue
            # Put the placeholder back where the text's literals are.
            rebuilt, pos, hits = [], 0, 0
            for start, end, value in lits:
                if value == v:
                    rebuilt.append(sql[pos:start])
                    rebuilt.append(ph_literal)
                    pos = end
                    hits += 1
            rebuilt.append(sql[pos:])
            rebuilt = "".join(rebuilt)
            if hits == 0:
                report.fail("strings", what, "no literal has the value; literals: %s"
                            % [show(x[2], 40) for x in lits][:4])
                continue
            if rebuilt != placeholders[key]:
                report.fail("strings", what, "the statement differs from the placeholder's "
                            "beyond the literals:\n%s\n---\n%s" % (sql, placeholders[key]))
                continue
            why = sqlglot_problem(sql, dialect, v)
            if why:
                report.fail("strings", what, why)
                continue
            report.ok()
            if dialect == "postgres":
                pg_statements[(shape, k)] = sql
    if psql:
        run_strings_on_postgres(psql, workdir, all_texts, cases, pg_statements, report)


def copy_text(s):
    """s as a field of COPY's text format."""
    return (s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
            .replace("\t", "\\t"))


def array_text(s):
    """{s} as a PostgreSQL array literal (one quoted element)."""
    return '{"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"}'


def psql_run(psql, script_path):
    env = dict(os.environ, PGCLIENTENCODING="UTF8")
    p = subprocess.run([psql, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=0", "-f", script_path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    return p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def run_strings_on_postgres(psql, workdir, all_texts, cases, statements, report):
    """Load every text with COPY and run each statement: it must select
    exactly the keys its rule means."""
    script = os.path.join(workdir, "strings.sql")
    with open(script, "w", encoding="utf-8", newline="") as f:
        f.write("\\set ON_ERROR_STOP 1\n"
                "CREATE TABLE public.customers (id int PRIMARY KEY, email text, tags text[]);\n"
                "CREATE TABLE public.purchases (id int, at timestamp, category text);\n"
                "COPY public.customers (id, email, tags) FROM STDIN;\n")
        f.write("0\t\\N\t\\N\n")
        for k, v in enumerate(all_texts, 1):
            f.write("%d\t%s\t%s\n" % (k, copy_text(v), copy_text(array_text(v))))
        f.write("\\.\nCOPY public.purchases (id, at, category) FROM STDIN;\n")
        for k, v in enumerate(all_texts, 1):
            f.write("%d\t2026-03-01 00:00:00\t%s\n" % (k, copy_text(v)))
        f.write("\\.\n"
                "SELECT 'loaded', count(*) FROM public.customers "
                "WHERE id > 0 AND email IS NOT NULL AND tags[1] = email;\n"
                "\\set ON_ERROR_STOP 0\n")
        for n, key in enumerate(cases):
            if key in statements and expect_rows(key[0], key[1], all_texts) is not None:
                f.write("SELECT 'q%d', coalesce(string_agg(id::text, ',' ORDER BY id), '') "
                        "FROM (\n%s\n) AS q (id);\n" % (n, statements[key]))
    out, err = psql_run(psql, script)
    rows = {}
    for line in out.split("\n"):
        if "|" in line:
            tag, _, ids = line.partition("|")
            rows[tag] = ids
    if rows.get("loaded") != str(len(all_texts)):
        report.fail("postgres", "loading the texts", "%s %s" % (rows.get("loaded"), err[:500]))
        return
    for n, (shape, k) in enumerate(cases):
        if (shape, k) not in statements:
            continue
        want = expect_rows(shape, k, all_texts)
        if want is None:
            continue
        what = "%s #%d %s" % (shape, k, show(all_texts[k - 1]))
        got = rows.get("q%d" % n)
        if got is None:
            report.fail("postgres", what, "no result (an error?): %s" % err[:300])
            continue
        got_keys = {int(x) for x in got.split(",") if x}
        if got_keys == want:
            report.ok()
        else:
            report.fail("postgres", what, "selected %d keys, expected %d: extra %s, missing %s"
                        % (len(got_keys), len(want), sorted(got_keys - want)[:5],
                           sorted(want - got_keys)[:5]))


# ---------------------------------------------------------------------------
# 2. Names

NASTY_NAMES = [
    "Odd Name", "a b", " lead", "trail ", "a\tb", "a\nb", "a\"b", "\"", "\"\"", "\"quoted\"",
    "a`b", "`", "``", "`bt`", "a.b", "db.schema.table", ".", "..", "a'b", "'", "a\\b", "\\",
    "a-b", "a;b", "a;DROP TABLE x", "a--b", "a/*b", "$x", "x$", "@x", "#x", "[x]", "1abc", "123",
    "日本語", "ü", "Ünïcödé", "😀", "e\u0301", "\u00a0", "\u200b", "\u202eabc",
    "select", "SELECT", "Select", "from", "order", "table", "user", "group", "where", "window",
    "qualify", "limit", "null", "true", "default", "column", "current_date", "interval", "to",
    "lateral", "anti", "semi", "minus", "rlike", "ilike", "sample", "regexp", "time", "year",
    "name", "value", "Customers", "UPPER", "mixedCase", "_", "_x", "x1",
]


def plain(name):
    return re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) is not None


def quote_ident(name, dialect):
    """The dialect's documented quoted identifier: backticks for
    Databricks, double quotes elsewhere, the quote doubled inside."""
    q = "`" if dialect == "databricks" else '"'
    return q + name.replace(q, q + q) + q


def pg_fold(name):
    return name.lower() if plain(name) else name


def random_names(rnd, count):
    out = []
    while len(out) < count:
        n = "".join(random_char(rnd) if rnd.random() < 0.7 else rnd.choice(ATOMS)
                    for _ in range(rnd.randrange(1, 9)))
        if n.strip(" ") and "\0" not in n and len(n.encode("utf-8")) <= 63:
            out.append(n)
    return out


def name_triples(names):
    """Triples (A, B, C) of names that PostgreSQL tells apart as they are
    written (after folding a plain name), none a system schema's pg_ name."""
    usable = [n for n in names if not pg_fold(n).startswith("pg_")]
    triples = []
    for i, a in enumerate(usable):
        trio = [a]
        for b in usable[i + 1 :] + usable[:i]:
            if all(pg_fold(b) != pg_fold(x) for x in trio):
                trio.append(b)
            if len(trio) == 3:
                break
        triples.append(tuple(trio))
    return triples


def names_model(a, b, c, database=True):
    """A model using names a, b and c as every table, schema, database and
    column name: a master table, an attribute table and a behavior."""
    return {
        "name": "names",
        "master_table": {
            "database": b, "schema": a, "table": a, "key_column": a,
            "columns": [{"name": "v", "column": b, "type": "string"}],
        },
        "attributes": [{
            "name": "w", "database": c, "schema": b, "table": c, "key_column": a,
            "value_column": c, "type": "string",
        }],
        "behaviors": [{
            "name": "e", "database": a, "schema": c, "table": b, "key_column": b,
            "timestamp_column": c, "columns": [{"name": "cat", "column": a, "type": "string"}],
        }],
    }


NAMES_RULE = "v = 'x' and w = 'y' and e where (cat = 'z') in last 10000 days"
PH = ("ph_name_a", "ph_name_b", "ph_name_c")


def match_names(sql, ph_sql, trio, dialect):
    """Whether sql is the statement with plain placeholder names ph_sql with
    each placeholder replaced by its name quoted in the dialect's documented
    way (or bare, for a plain name). Returns None when it is not, else sql
    with the bare names quoted too (for sqlglot 10, which takes more words
    for keywords than the dialects reserve: LIMIT in Snowflake, QUALIFY or
    RLIKE in PostgreSQL)."""
    parts = re.split(r"\b(ph_name_[abc])\b", ph_sql)
    pattern = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            pattern.append(re.escape(part))
            continue
        name = trio[PH.index(part)]
        forms = [re.escape(quote_ident(name, dialect))]
        if plain(name):
            forms.append(re.escape(name))
        pattern.append("(%s)" % "|".join(forms))
    m = re.fullmatch("".join(pattern), sql)
    if not m:
        return None
    out = []
    for i, part in enumerate(parts):
        out.append(part if i % 2 == 0 else quote_ident(trio[PH.index(part)], dialect))
    return "".join(out)


@functools.lru_cache(maxsize=None)
def placeholder_identifiers(ph_sql, dialect):
    return [i.this for i in sqlglot.parse_one(ph_sql, read=dialect).find_all(exp.Identifier)]


def identifiers_problem(sql, ph_sql, trio, dialect):
    """The identifiers sqlglot reads in sql must be those of the placeholder
    statement with each placeholder replaced by its name (a plain name
    compared ignoring case: it may be bare)."""
    q = "`" if dialect == "databricks" else '"'
    if any(q in n for n in trio):
        return None  # sqlglot 10 cannot read a doubled quote in a name
    try:
        tree = sqlglot.parse_one(sql, read=dialect)
        ph_idents = placeholder_identifiers(ph_sql, dialect)
    except Exception as e:
        return "sqlglot: %s" % str(e).strip().splitlines()[0]

    def norm(name):
        return name.lower() if plain(name) else name

    names = dict(zip(PH, trio))
    got = sorted(norm(i.this) for i in tree.find_all(exp.Identifier))
    want = sorted(norm(names.get(i, i)) for i in ph_idents)
    if got != want:
        return "sqlglot reads the identifiers %s, expected %s" % (
            [show(g, 30) for g in got if g not in want][:6],
            [show(w, 30) for w in want if w not in got][:6])
    return None


def pg_ident(name, reserved):
    """name as PostgreSQL DDL would write it, independent of casc: bare when
    plain and not reserved (it then folds like casc's bare name), else
    quoted."""
    if plain(name) and name.lower() not in reserved:
        return name
    return '"' + name.replace('"', '""') + '"'


def check_names(casc, workdir, names, report, psql):
    triples = name_triples(names)
    ph_path = os.path.join(workdir, "ph.json")
    with open(ph_path, "w", encoding="utf-8") as f:
        json.dump(names_model(*PH), f)
    pg_sql = {}
    for dialect in DIALECTS:
        ph = casc.compile_json(ph_path, dialect, [NAMES_RULE])[0]
        if ph[0] is None:
            report.fail("names", "%s placeholder model" % dialect, ph[1])
            continue
        for n, trio in enumerate(triples):
            what = "%s %s" % (dialect, show(list(trio), 100))
            path = os.path.join(workdir, "names.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(names_model(*trio), f)
            sql, why = casc.compile_json(path, dialect, [NAMES_RULE])[0]
            if sql is None:
                report.fail("names", what, why)
                continue
            quoted = match_names(sql, ph[0], trio, dialect)
            if quoted is None:
                report.fail("names", what, "not quoted as documented:\n%s" % sql)
                continue
            why = identifiers_problem(quoted, ph[0], trio, dialect)
            if why:
                report.fail("names", what, why)
                continue
            report.ok()
            if dialect == "postgres":
                pg_sql[n] = sql
    if psql:
        run_names_on_postgres(psql, workdir, triples, pg_sql, report)


def run_names_on_postgres(psql, workdir, triples, statements, report):
    """For each triple, in a transaction rolled back afterwards: create the
    schemas, tables and columns with those names, add rows, and run casc's
    statement, which must select key 1 only."""
    script = os.path.join(workdir, "keywords.sql")
    with open(script, "w") as f:
        f.write("SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T');\n")
    out, err = psql_run(psql, script)
    reserved = set(out.split())
    if "select" not in reserved:
        report.fail("postgres", "reserved words", err[:300])
        return
    script = os.path.join(workdir, "names.sql")
    with open(script, "w", encoding="utf-8", newline="") as f:
        for n, (a, b, c) in enumerate(triples):
            if n not in statements:
                continue
            A, B, C = (pg_ident(x, reserved) for x in (a, b, c))
            f.write("BEGIN;\n")
            for s in dict.fromkeys((A, B, C)):
                f.write("CREATE SCHEMA IF NOT EXISTS %s;\n" % s)
            f.write("CREATE TABLE %s.%s (%s int, %s text);\n" % (A, A, A, B))
            f.write("CREATE TABLE %s.%s (%s int, %s text);\n" % (B, C, A, C))
            f.write("CREATE TABLE %s.%s (%s int, %s timestamp, %s text);\n" % (C, B, B, C, A))
            f.write("INSERT INTO %s.%s VALUES (1, 'x'), (2, 'x'), (3, 'n');\n" % (A, A))
            f.write("INSERT INTO %s.%s VALUES (1, 'y'), (2, 'n'), (3, 'y');\n" % (B, C))
            f.write("INSERT INTO %s.%s VALUES (1, '2026-03-01', 'z'), (2, '2026-03-01', 'z'), "
                    "(3, '2026-03-01', 'z');\n" % (C, B))
            f.write("SELECT 'n%d', coalesce(string_agg(k::text, ',' ORDER BY k), '') FROM (\n%s\n"
                    ") AS q (k);\nROLLBACK;\n" % (n, statements[n]))
    out, err = psql_run(psql, script)
    rows = {}
    for line in out.split("\n"):
        if "|" in line:
            tag, _, ids = line.partition("|")
            rows[tag] = ids
    errors = [e for e in err.split("\n") if "ERROR" in e]
    for n, trio in enumerate(triples):
        if n not in statements:
            continue
        got = rows.get("n%d" % n)
        if got == "1":
            report.ok()
        else:
            report.fail("postgres", "names %s" % show(list(trio), 100),
                        "selected %r, expected '1' (%s)" % (got, "; ".join(errors[:2])[:300]))


# ---------------------------------------------------------------------------


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("casc")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=3000, help="random texts")
    ap.add_argument("--names", type=int, default=200, help="random names")
    ap.add_argument("--psql", help="psql, for a server named by PGHOST etc.")
    args = ap.parse_args(argv[1:])
    report = Report()
    all_texts = texts(args.seed, args.count)
    rnd = random.Random(args.seed + 1)
    names = NASTY_NAMES + random_names(rnd, args.names)
    with tempfile.TemporaryDirectory() as workdir:
        casc = Casc(args.casc, workdir)
        check_strings(casc, workdir, all_texts, report, args.psql)
        check_names(casc, workdir, names, report, args.psql)
    print("seed %d: %d texts (%d hand-picked), %d names (%d hand-picked), %d casc runs%s"
          % (args.seed, len(all_texts), len(NASTY), len(names), len(NASTY_NAMES), casc.calls,
             "" if args.psql else "; PostgreSQL not run"))
    print("injection: %d passed, %d failed" % (report.passed, report.failed))
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
