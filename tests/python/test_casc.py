"""Tests of the Python binding (python/casc.py) over libcasc.

Run from anywhere: python3 -m unittest discover -s tests/python (or
tests/golden/python.sh, which runs them as a suite of `make test`). The
library is found as casc.py finds it (CASC_LIBRARY, else build/libcasc.so).
CASC, when set, is the casc command whose output the binding must match.
"""

import concurrent.futures
import ctypes
import datetime
import gc
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest
import weakref

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
sys.path.insert(0, os.path.join(REPO, "python"))

import casc  # noqa: E402

RETAIL = os.path.join(REPO, "examples", "retail.yaml")
FIXTURES = os.path.join(REPO, "sql-fixtures")
FIXTURE_NOW = "2026-03-30T12:00:00Z"
DIALECTS = ("snowflake", "databricks", "postgres")

GOLD = "loyalty_tier = 'Gold' and purchase in last 30 days"


def _clean_env():
    """The environment for child processes: without the sanitizer runtime
    tests/golden/python.sh may preload into this Python."""
    env = dict(os.environ)
    env.pop("LD_PRELOAD", None)
    return env


def _cli():
    """The casc command, or None."""
    path = os.environ.get("CASC") or os.path.join(REPO, "build", "casc")
    return path if os.access(path, os.X_OK) else None


def _run_cli(*args, stdin=None):
    return subprocess.run(
        [_cli(), *args], input=stdin, capture_output=True, env=_clean_env(), cwd=REPO
    )


class ModelCase(unittest.TestCase):
    """A test case with the retail model loaded once."""

    @classmethod
    def setUpClass(cls):
        cls.model = casc.load_model(RETAIL)

    @classmethod
    def tearDownClass(cls):
        cls.model.close()


# ---- the basics ----


class TestBasics(unittest.TestCase):
    def test_version_is_the_headers(self):
        with open(os.path.join(REPO, "include", "casc.h")) as f:
            m = re.search(r'#define CASC_VERSION "([^"]+)"', f.read())
        self.assertEqual(casc.version(), m.group(1))

    def test_library_path(self):
        self.assertTrue(casc.library_path)
        want = os.environ.get("CASC_LIBRARY")
        if want:
            self.assertEqual(casc.library_path, want)

    def test_every_function_is_declared(self):
        # argtypes and restype for every function of casc.h.
        with open(os.path.join(REPO, "include", "casc.h")) as f:
            names = re.findall(r"CASC_API[^;]*?\b(casc_\w+)\s*\(", f.read())
        self.assertGreater(len(names), 10)
        for name in names:
            fn = getattr(casc._lib, name)
            self.assertIsNotNone(fn.argtypes, name)
            self.assertTrue(hasattr(fn, "restype"), name)
        declared = {n for n, v in vars(casc).items() if isinstance(v, ctypes._CFuncPtr)}
        self.assertEqual(len(declared), len(set(names)))


class TestStructLayout(unittest.TestCase):
    """The ctypes structures against the C compiler's layout of casc.h."""

    FIELDS = {
        "casc_options": (
            casc._Options,
            ["dialect", "now", "timezone", "select", "from", "name", "first_line", "by",
             "top", "buckets", "of", "columns", "limit", "order_by", "sample", "seed",
             "behavior", "last"],
        ),
        "casc_diagnostic": (
            casc._Diagnostic,
            ["severity", "message", "file", "line", "column", "start", "end",
             "suggestions", "nsuggestions"],
        ),
    }

    def test_layout_matches_c(self):
        cc = shutil.which(os.environ.get("CC", "cc")) or shutil.which("cc")
        if not cc:
            self.skipTest("no C compiler")
        lines = []
        for struct, (_, fields) in self.FIELDS.items():
            lines.append('printf("%s %%zu\\n", sizeof(%s));' % (struct, struct))
            for f in fields:
                lines.append(
                    'printf("%s.%s %%zu %%zu\\n", offsetof(%s, %s), sizeof(((%s *)0)->%s));'
                    % (struct, f, struct, f, struct, f)
                )
        src = (
            "#include <stddef.h>\n#include <stdio.h>\n#include \"casc.h\"\n"
            "int main(void) {\n%s\nreturn 0;\n}\n" % "\n".join(lines)
        )
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "layout.c"), "w") as f:
                f.write(src)
            exe = os.path.join(d, "layout")
            subprocess.run(
                [cc, "-std=c11", "-I", os.path.join(REPO, "include"), "-o", exe,
                 os.path.join(d, "layout.c")],
                check=True, env=_clean_env(),
            )
            out = subprocess.run([exe], check=True, capture_output=True, text=True,
                                 env=_clean_env()).stdout
        c = {}
        for line in out.splitlines():
            key, *nums = line.split()
            c[key] = [int(n) for n in nums]
        for struct, (py, fields) in self.FIELDS.items():
            self.assertEqual(ctypes.sizeof(py), c[struct][0], struct)
            self.assertEqual(len(py._fields_), len(fields), struct)
            for (pyname, pytype), cname in zip(py._fields_, fields):
                descr = getattr(py, pyname)
                self.assertEqual(
                    [descr.offset, ctypes.sizeof(pytype)], c["%s.%s" % (struct, cname)],
                    "%s.%s" % (struct, cname),
                )


# ---- compiling ----


class TestCompile(ModelCase):
    def test_each_dialect(self):
        for d in DIALECTS:
            sql = self.model.compile(GOLD, dialect=d, now=FIXTURE_NOW)
            self.assertIsInstance(sql, str)
            self.assertIn("SELECT", sql)
            self.assertIn("loyalty_tier", sql)
            self.assertFalse(sql.endswith("\n"))
        self.assertEqual(self.model.compile(GOLD, now=FIXTURE_NOW),
                         self.model.compile(GOLD, dialect="snowflake", now=FIXTURE_NOW))

    def test_dialects_differ(self):
        sqls = {self.model.compile(GOLD, dialect=d, now=FIXTURE_NOW) for d in DIALECTS}
        self.assertEqual(len(sqls), 3)

    def test_same_as_the_command(self):
        if not _cli():
            self.skipTest("no casc command")
        rules = [GOLD, "email_open count > 3 this month",
                 "lifetime_value > 1000 and not (email_opt_in = false)"]
        for rule in rules:
            for d in DIALECTS:
                for extra in ([], ["--select", "count"], ["--timezone", "America/New_York"]):
                    p = _run_cli("compile", "--model", RETAIL, "--dialect", d,
                                 "--now", FIXTURE_NOW, *extra, rule)
                    self.assertEqual(p.returncode, 0, p.stderr)
                    kw = dict(zip([e.lstrip("-") for e in extra[::2]], extra[1::2]))
                    sql = self.model.compile(rule, dialect=d, now=FIXTURE_NOW, **kw)
                    self.assertEqual(sql + "\n", p.stdout.decode())

    def test_without_now_reads_the_clock(self):
        pinned = self.model.compile(GOLD, now=FIXTURE_NOW)
        self.assertNotEqual(self.model.compile(GOLD), pinned)
        self.assertNotIn("2026-03-30", self.model.compile(GOLD))

    def test_now_as_datetime(self):
        utc = datetime.timezone.utc
        self.assertEqual(
            self.model.compile(GOLD, now=datetime.datetime(2026, 3, 30, 12, tzinfo=utc)),
            self.model.compile(GOLD, now="2026-03-30T12:00:00+00:00"),
        )

    def test_select_count(self):
        members = self.model.compile(GOLD, now=FIXTURE_NOW)
        count = self.model.compile(GOLD, now=FIXTURE_NOW, select="count")
        self.assertNotEqual(members, count)
        self.assertIn("COUNT", count.upper())

    def test_bytes_rule(self):
        self.assertEqual(self.model.compile(GOLD.encode(), now=FIXTURE_NOW),
                         self.model.compile(GOLD, now=FIXTURE_NOW))
        self.assertEqual(self.model.compile(bytearray(GOLD.encode()), now=FIXTURE_NOW),
                         self.model.compile(GOLD, now=FIXTURE_NOW))

    def test_non_ascii_rule(self):
        sql = self.model.compile("first_name = 'Zoë' or city = '東京'", dialect="postgres")
        self.assertIn("'Zoë'", sql)
        self.assertIn("'東京'", sql)

    def test_rule_type(self):
        with self.assertRaises(TypeError):
            self.model.compile(42)

    def test_tables(self):
        tables = self.model.tables(GOLD, now=FIXTURE_NOW)
        self.assertIn("marketing.public.customers", tables)
        self.assertIn("events.public.purchases", tables)
        with self.assertRaises(casc.InputError):
            self.model.tables("loyalty_teir = 'Gold'")


# ---- errors ----


class TestErrors(ModelCase):
    def test_unknown_attribute_with_suggestions(self):
        rule = "loyalty_teir = 'Gold'"
        with self.assertRaises(casc.InputError) as cm:
            self.model.compile(rule)
        e = cm.exception
        self.assertIsInstance(e, casc.CascError)
        self.assertEqual(e.status, casc.Status.ERR_INPUT)
        self.assertEqual(len(e.diagnostics), 1)
        d = e.diagnostics[0]
        self.assertIsInstance(d, casc.Diagnostic)
        self.assertEqual(d.severity, "error")
        self.assertEqual(d.file, "<rule>")
        self.assertEqual((d.line, d.column), (1, 1))
        self.assertEqual(rule.encode()[d.start:d.end], b"loyalty_teir")
        self.assertIn("loyalty_tier", d.suggestions)
        self.assertIn("loyalty_teir", d.message)
        self.assertTrue(str(e).startswith("<rule>:1:1: error: "), str(e))
        self.assertIn("^~~~", str(e))

    def test_syntax_error_place(self):
        rule = "first_name = 'Zoë' and\n  purchase in lats 30 days"
        with self.assertRaises(casc.InputError) as cm:
            self.model.compile(rule, name="rules/zoe.casc")
        d = cm.exception.diagnostics[0]
        self.assertEqual(d.file, "rules/zoe.casc")
        self.assertEqual((d.line, d.column), (2, 15))
        self.assertEqual(rule.encode()[d.start:d.end], b"lats")
        self.assertIn("'lats'", d.message)
        self.assertTrue(str(cm.exception).startswith("rules/zoe.casc:2:15: error: "))

    def test_column_counts_characters(self):
        rule = "first_name = 'Zoë' and bogus = 1"
        with self.assertRaises(casc.InputError) as cm:
            self.model.check(rule)
        d = cm.exception.diagnostics[0]
        self.assertEqual(rule.encode()[d.start:d.end], b"bogus")
        self.assertEqual(d.column, rule.index("bogus") + 1)
        self.assertEqual(d.start, rule.encode().index(b"bogus"))

    def test_first_line(self):
        with self.assertRaises(casc.InputError) as cm:
            self.model.check("bogus = 1", first_line=9, name="f.casc")
        self.assertEqual(cm.exception.diagnostics[0].line, 10)
        self.assertTrue(str(cm.exception).startswith("f.casc:10:1: "))

    def test_bad_options(self):
        cases = [
            (dict(dialect="oracle"), "oracle"),
            (dict(now="yesterday"), "yesterday"),
            (dict(timezone="Mars/Olympus"), "Mars/Olympus"),
            (dict(select="everyone"), "everyone"),
            (dict(from_="xml"), "xml"),
        ]
        for kw, word in cases:
            with self.subTest(**kw):
                with self.assertRaises(casc.OptionsError) as cm:
                    self.model.compile(GOLD, **kw)
                e = cm.exception
                self.assertIsInstance(e, ValueError)
                self.assertIsInstance(e, casc.CascError)
                self.assertEqual(e.status, casc.Status.ERR_OPTIONS)
                self.assertEqual(len(e.diagnostics), 1)
                self.assertIn(word, e.diagnostics[0].message)
                self.assertIn(word, str(e))

    def test_check_options(self):
        self.assertIsNone(casc.check_options())
        self.assertIsNone(casc.check_options(dialect="postgres", now=FIXTURE_NOW,
                                             timezone="Europe/Berlin", select="count",
                                             from_="dsl"))
        for kw in (dict(dialect="oracle"), dict(now="soon"), dict(timezone="X/Y"),
                   dict(select="all")):
            with self.subTest(**kw):
                with self.assertRaises(casc.OptionsError) as cm:
                    casc.check_options(**kw)
                with self.assertRaises(casc.OptionsError) as cm2:
                    self.model.compile(GOLD, **kw)
                self.assertEqual(str(cm.exception), str(cm2.exception))

    def test_bad_dialect_names_the_choices(self):
        with self.assertRaises(ValueError) as cm:
            self.model.compile(GOLD, dialect="oracle")
        for d in DIALECTS:
            self.assertIn(d, str(cm.exception))

    def test_nul_in_option(self):
        with self.assertRaises(casc.OptionsError):
            self.model.compile(GOLD, dialect="snowflake\0x")
        with self.assertRaises(TypeError):
            self.model.compile(GOLD, dialect=3)

    def test_nul_in_rule_is_reported_not_cut(self):
        # The length is passed: the part after the NUL is not lost silently.
        with self.assertRaises(casc.InputError) as cm:
            self.model.compile("loyalty_tier = 'Gold'\0 and junk")
        d = cm.exception.diagnostics[0]
        self.assertEqual((d.line, d.column), (1, 22))
        self.assertIn("\u2400", str(cm.exception))  # shown as a symbol

    def test_invalid_utf8(self):
        with self.assertRaises(casc.InputError):
            self.model.compile(b"city = '\xff'")

    def test_empty_rule(self):
        with self.assertRaises(casc.InputError):
            self.model.compile("")

    def test_errors_pickle(self):
        with self.assertRaises(casc.InputError) as cm:
            self.model.compile("loyalty_teir = 'Gold'")
        e = pickle.loads(pickle.dumps(cm.exception))
        self.assertIs(type(e), casc.InputError)
        self.assertEqual(str(e), str(cm.exception))
        self.assertEqual(e.diagnostics, cm.exception.diagnostics)


class TestModels(unittest.TestCase):
    def test_missing_file(self):
        path = os.path.join(REPO, "no-such-model.yaml")
        with self.assertRaises(casc.CascIOError) as cm:
            casc.load_model(path)
        e = cm.exception
        self.assertIsInstance(e, OSError)
        self.assertEqual(e.status, casc.Status.ERR_IO)
        self.assertIn("no-such-model.yaml", str(e))
        self.assertEqual(e.filename, path)
        self.assertTrue(e.diagnostics)

    def test_directory(self):
        with self.assertRaises(casc.CascIOError):
            casc.load_model(REPO)

    def test_pathlike(self):
        import pathlib
        with casc.load_model(pathlib.Path(RETAIL)) as m:
            self.assertIn("SELECT", m.compile(GOLD))

    def test_from_text_same_as_file(self):
        with open(RETAIL, encoding="utf-8") as f:
            text = f.read()
        with casc.load_model(RETAIL) as a, casc.load_model_text(text, "retail.yaml") as b:
            for d in DIALECTS:
                self.assertEqual(a.compile(GOLD, dialect=d, now=FIXTURE_NOW),
                                 b.compile(GOLD, dialect=d, now=FIXTURE_NOW))
            self.assertEqual(a.schema(), b.schema())
        with casc.load_model_text(text.encode()) as c:
            self.assertIn("SELECT", c.compile(GOLD))

    def test_json_model(self):
        with casc.load_model(RETAIL) as a, \
                casc.load_model(os.path.join(REPO, "examples", "retail.json")) as b:
            self.assertEqual(a.compile(GOLD, now=FIXTURE_NOW), b.compile(GOLD, now=FIXTURE_NOW))

    def test_bad_model(self):
        text = "master_table:\n  table: customers\n  key_column: 7\n"
        with self.assertRaises(casc.InputError) as cm:
            casc.load_model_text(text, name="bad.yaml")
        d = cm.exception.diagnostics[0]
        self.assertEqual(d.file, "bad.yaml")
        self.assertEqual(d.line, 3)
        self.assertTrue(str(cm.exception).startswith("bad.yaml:3:"), str(cm.exception))

    def test_empty_model(self):
        with self.assertRaises(casc.InputError):
            casc.load_model_text("")

    def test_close(self):
        m = casc.load_model(RETAIL)
        self.assertFalse(m.closed)
        m.close()
        self.assertTrue(m.closed)
        m.close()  # twice is harmless
        for call in (lambda: m.compile(GOLD), lambda: m.check(GOLD), m.schema,
                     lambda: m.tables(GOLD)):
            with self.assertRaises(ValueError):
                call()
        self.assertIn("closed", repr(m))

    def test_context_manager(self):
        with casc.load_model(RETAIL) as m:
            self.assertIn("SELECT", m.compile(GOLD))
        self.assertTrue(m.closed)
        with self.assertRaises(ValueError):
            m.compile(GOLD)

    def test_freed_when_collected(self):
        m = casc.load_model(RETAIL)
        fin = m._finalizer
        ref = weakref.ref(m)
        del m
        gc.collect()
        self.assertIsNone(ref())
        self.assertFalse(fin.alive)
        for _ in range(50):  # no crash, no growth to speak of
            casc.load_model(RETAIL).compile(GOLD)


# ---- check, schema, format ----


class TestCheck(ModelCase):
    def test_ok(self):
        self.assertIsNone(self.model.check(GOLD))
        self.assertIsNone(self.model.check(GOLD.encode()))

    def test_errors(self):
        with self.assertRaises(casc.InputError) as cm:
            self.model.check("loyalty_tier = 3 and purchase in lats 30 days")
        self.assertGreaterEqual(len(cm.exception.diagnostics), 1)
        with self.assertRaises(casc.InputError) as cm:
            self.model.check("age = 'old'")
        self.assertIn("age", str(cm.exception))

    def test_same_as_the_command(self):
        if not _cli():
            self.skipTest("no casc command")
        rule = "loyalty_teir = 'Gold' and bogus > 1"
        p = _run_cli("check", "--model", RETAIL, "-", stdin=rule.encode())
        self.assertEqual(p.returncode, 1)
        with self.assertRaises(casc.InputError) as cm:
            self.model.check(rule, name="<stdin>")
        self.assertEqual(str(cm.exception), p.stderr.decode())


class TestSchema(ModelCase):
    def test_text(self):
        text = self.model.schema()
        self.assertEqual(text, self.model.schema("text"))
        for name in ("loyalty_tier", "lifetime_value", "purchase"):
            self.assertIn(name, text)

    def test_json(self):
        data = json.loads(self.model.schema(format="json"))
        self.assertIsInstance(data, dict)
        self.assertIn("loyalty_tier", json.dumps(data))

    def test_same_as_the_command(self):
        if not _cli():
            self.skipTest("no casc command")
        for fmt in ("text", "json"):
            p = _run_cli("schema", "--model", RETAIL, "--format", fmt)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(self.model.schema(fmt), p.stdout.decode())

    def test_bad_format(self):
        with self.assertRaises(casc.OptionsError):
            self.model.schema("xml")


class TestFormat(unittest.TestCase):
    def test_canonical(self):
        out = casc.format_rule("loyalty_tier='Gold' AND purchase in the last 30 DAYS")
        self.assertEqual(out, "loyalty_tier = 'Gold' and purchase in last 30 days\n")
        self.assertEqual(casc.format_rule(out), out)

    def test_same_as_the_command(self):
        if not _cli():
            self.skipTest("no casc command")
        rule = "(a = 1 or b = 2) AND NOT c IN ('x','y') and purchase count >= 2 in last 90 days"
        p = _run_cli("fmt", rule)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(casc.format_rule(rule), p.stdout.decode())

    def test_syntax_error(self):
        with self.assertRaises(casc.InputError) as cm:
            casc.format_rule("a = = 1", name="x.casc")
        d = cm.exception.diagnostics[0]
        self.assertEqual((d.file, d.line, d.column), ("x.casc", 1, 5))

    def test_bad_target(self):
        with self.assertRaises(casc.OptionsError):
            casc.format_rule("a = 1", to="xml")
        with self.assertRaises(casc.OptionsError):
            casc.format_rule("a = 1", from_="yaml")

    def _json_or_skip(self, rule):
        try:
            out = casc.format_rule(rule, to="json")
            tree = json.loads(out)
            if not tree:
                raise ValueError("empty tree")
            back = casc.format_rule(out, from_="json")
        except (casc.CascError, ValueError) as e:
            self.skipTest("JSON rules not supported yet: %s" % str(e).strip())
        return out, tree, back

    def test_json_round_trip(self):
        for rule in ["a = 1", GOLD, "lifetime_value > 1000 and not (email_opt_in = false)",
                     "first purchase in last 30 days or in segment 'VIP'"]:
            with self.subTest(rule=rule):
                out, tree, back = self._json_or_skip(rule)
                self.assertIsInstance(tree, dict)
                self.assertEqual(back, casc.format_rule(rule))
                # auto-detected from the '{'
                self.assertEqual(casc.format_rule(out), back)

    def test_json_rule_compiles_the_same(self):
        out, _, _ = self._json_or_skip(GOLD)
        with casc.load_model(RETAIL) as m:
            for d in DIALECTS:
                self.assertEqual(m.compile(out, dialect=d, now=FIXTURE_NOW, from_="json"),
                                 m.compile(GOLD, dialect=d, now=FIXTURE_NOW))
                self.assertEqual(m.compile(out, dialect=d, now=FIXTURE_NOW),
                                 m.compile(GOLD, dialect=d, now=FIXTURE_NOW))

    def test_dsl_is_not_json(self):
        with self.assertRaises(casc.InputError):
            casc.format_rule("a = 1", from_="json")


# ---- threads ----


class TestThreads(ModelCase):
    RULES = [
        GOLD,
        "email_open count > 3 this month",
        "purchase where (category = 'Electronics' and amount >= 100) count >= 2 in last 90 days",
        "first purchase in last 30 days or in segment 'VIP'",
        "lifetime_value > 1000 and not (email_opt_in = false)",
    ]

    def _jobs(self):
        return [(r, d, tz) for r in self.RULES for d in DIALECTS
                for tz in ("UTC", "America/New_York")] * 8

    def _one(self, job):
        r, d, tz = job
        return self.model.compile(r, dialect=d, timezone=tz, now=FIXTURE_NOW)

    def test_one_model_many_threads(self):
        jobs = self._jobs()
        serial = [self._one(j) for j in jobs]
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            parallel = list(pool.map(self._one, jobs))
        self.assertEqual(parallel, serial)

    def test_errors_in_threads(self):
        def bad(i):
            try:
                self.model.compile("loyalty_teir = %d" % i)
            except casc.InputError as e:
                return e.diagnostics[0].suggestions, str(e)
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(bad, range(200)))
        for i, (sugg, text) in enumerate(results):
            self.assertIn("loyalty_tier", sugg)
            self.assertIn("loyalty_teir = %d" % i, text)

    def test_close_waits_for_calls(self):
        m = casc.load_model(RETAIL)
        started = threading.Event()
        results = []

        def work():
            started.set()
            for _ in range(200):
                try:
                    results.append(m.compile(GOLD, now=FIXTURE_NOW))
                except ValueError:
                    results.append(None)
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        started.wait()
        m.close()
        for t in threads:
            t.join()
        ok = [r for r in results if r is not None]
        self.assertTrue(all(r == ok[0] for r in ok))
        self.assertEqual(len(results), 800)


# ---- the golden fixtures, one test per case and dialect ----


def _fixture_kwargs(src):
    """compile() keyword arguments from a case's `-- options:` line, as
    tests/lib/fixtures.sh reads it."""
    with open(src, encoding="utf-8") as f:
        first = f.readline()
    kw = {}
    m = re.match(r"-- options:\s*(.*)", first)
    words = m.group(1).split() if m else []
    names = {"--now": "now", "--timezone": "timezone", "--select": "select",
             "--dialect": "dialect"}
    names.update(("--" + o.replace("_", "-"), o) for o in casc._OUTPUT_OPTIONS)
    i = 0
    while i < len(words):
        w = words[i]
        if "=" in w:
            opt, val = w.split("=", 1)
            i += 1
        else:
            opt, val = w, words[i + 1]
            i += 2
        if opt not in names:
            raise ValueError("%s: unknown option %s" % (src, opt))
        if opt == "--order-by" and i < len(words) and words[i] in ("asc", "desc"):
            val = (val, words[i])  # `--order-by ATTR desc`, as the binding takes it
            i += 1
        kw[names[opt]] = val
    kw.setdefault("now", FIXTURE_NOW)
    return kw


class FixtureModelCase(unittest.TestCase):
    """A test case with the golden fixtures' model loaded once."""

    @classmethod
    def setUpClass(cls):
        cls.model = casc.load_model(os.path.join(FIXTURES, "model.yaml"))

    @classmethod
    def tearDownClass(cls):
        cls.model.close()


class TestOutputs(FixtureModelCase):
    """The output options (docs/outputs.md) and overlap() through the
    binding, against the casc command."""

    def compile(self, rule="true", **kw):
        return self.model.compile(rule, dialect="postgres", now=FIXTURE_NOW, **kw)

    def test_python_values_are_the_options_text(self):
        self.assertEqual(self.compile(select="breakdown", by="age", buckets=[0, 18, 65]),
                         self.compile(select="breakdown", by="age", buckets="0,18,65"))
        self.assertEqual(self.compile(columns=["email", "age"], limit=10,
                                      order_by=("age", "desc")),
                         self.compile(columns="email,age", limit="10", order_by="age desc"))
        self.assertIn("LIMIT 10", self.compile(limit=10, order_by="age"))
        self.assertIn("casc_rank <= 3", self.compile(select="breakdown", by="age", top=3))

    def test_every_output_compiles_in_every_dialect(self):
        outputs = [dict(select="breakdown", by="loyalty_tier"), dict(select="stats", of="age"),
                   dict(select="events", behavior="purchase", last=2),
                   dict(sample="10%", seed="ab"), dict(limit="5%", columns="email")]
        for d in DIALECTS:
            for kw in outputs:
                self.assertTrue(self.model.compile("true", dialect=d, **kw))

    def test_overlap_matches_the_cli(self):
        rules = ["loyalty_tier = 'Gold'", "purchase in last 30 days", b"in segment 'VIP'"]
        sql = self.model.overlap(rules, dialect="databricks", now=FIXTURE_NOW, sample="50%")
        self.assertIn("rule_3", sql)
        if _cli():
            out = _run_cli("overlap", "--model", os.path.join(FIXTURES, "model.yaml"),
                           "--dialect", "databricks", "--now", FIXTURE_NOW, "--sample", "50%",
                           *[r if isinstance(r, str) else r.decode() for r in rules])
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertEqual(out.stdout.decode(), sql + "\n")

    def test_overlap_errors(self):
        with self.assertRaises(casc.OptionsError):
            self.model.overlap(["true"] * 9)
        with self.assertRaises(casc.OptionsError):
            self.model.overlap([])
        with self.assertRaises(casc.InputError) as cm:
            self.model.overlap(["true", "loyalty_teir = 'x'"])
        d = cm.exception.diagnostics[0]
        self.assertEqual((d.file, d.suggestions), ("<rule 2>", ["loyalty_tier"]))

    def test_option_errors(self):
        with self.assertRaises(casc.OptionsError):
            casc.check_options(select="breakdown", by="age", top="abc")
        with self.assertRaises(casc.OptionsError):
            casc.check_options(select="count", limit=5)
        with self.assertRaises(TypeError):
            casc.check_options(bogus=1)
        with self.assertRaises(casc.InputError) as cm:
            self.compile(select="breakdown", by="loyalty_teir")
        d = cm.exception.diagnostics[0]
        self.assertEqual((d.line, d.suggestions), (0, ["loyalty_tier"]))


class TestFixtures(FixtureModelCase):
    def check_case(self, name, dialect):
        src = os.path.join(FIXTURES, name + ".casc")
        with open(src, "rb") as f:
            rule = f.read()
        kw = _fixture_kwargs(src)
        err = os.path.join(FIXTURES, name + ".err")
        label = "sql-fixtures/%s.casc" % name  # the name casc gives it there
        if os.path.exists(err):
            with open(err, encoding="utf-8") as f:
                want = f.read()
            with self.assertRaises(casc.CascError) as cm:
                self.model.compile(rule, dialect=dialect, name=label, **kw)
            self.assertEqual(str(cm.exception), want)
            return
        with open(os.path.join(FIXTURES, "%s.%s.sql" % (name, dialect)), encoding="utf-8") as f:
            want = f.read()
        # casc compile prints the statement and a newline.
        self.assertEqual(self.model.compile(rule, dialect=dialect, name=label, **kw) + "\n", want)


def _add_fixture_tests():
    for f in sorted(os.listdir(FIXTURES)):
        if not f.endswith(".casc"):
            continue
        name = f[: -len(".casc")]
        for d in DIALECTS:
            def test(self, name=name, d=d):
                self.check_case(name, d)
            test.__name__ = "test_%s__%s" % (re.sub(r"\W", "_", name), d)
            setattr(TestFixtures, test.__name__, test)


_add_fixture_tests()


if __name__ == "__main__":
    unittest.main()
