"""casc - compile audience segment rules to warehouse SQL (Python binding).

A thin ctypes layer over libcasc (include/casc.h); Python 3 standard library
only, nothing to compile. Documentation: docs/python.md.

    import casc
    with casc.load_model("examples/retail.yaml") as model:
        sql = model.compile("loyalty_tier = 'Gold' and purchase in last 30 days",
                            dialect="databricks")

Finding the library, first match wins:

1. the environment variable CASC_LIBRARY (a path to libcasc.so);
2. build/libcasc.so of the repository this file sits in (../build/libcasc.so);
3. the system's: ctypes.util.find_library("casc"), then "libcasc.so.0"
   (installed by `make install`).

Errors are exceptions: CascError and its subclasses InputError (the rule or
model has errors), OptionsError (also a ValueError), CascIOError (also an
OSError) and CascMemoryError (also a MemoryError). Each carries .status and
.diagnostics; str(error) is the diagnostics rendered as `casc` prints them.

Threads: a Model is immutable once loaded and may be used from any number of
threads at once; every call builds its own options and frees its own result,
and ctypes releases the GIL while libcasc works, so compiles run in parallel.
"""

import ctypes
import ctypes.util
import dataclasses
import datetime
import enum
import os
import threading
import warnings
import weakref

__all__ = [
    "CascError",
    "CascIOError",
    "CascMemoryError",
    "CascWarning",
    "Diagnostic",
    "InputError",
    "Model",
    "OptionsError",
    "Status",
    "check_options",
    "format_rule",
    "library_path",
    "load_model",
    "load_model_text",
    "version",
]


# ---- the C interface (mirrors include/casc.h) ----


class Status(enum.IntEnum):
    """casc_status."""

    OK = 0
    ERR_INPUT = 1
    ERR_OPTIONS = 2
    ERR_IO = 3
    ERR_NOMEM = 4


_SEVERITIES = ("error", "warning", "note")  # casc_severity, in order

_RULE_FORMATS = {None: 0, "auto": 0, "dsl": 1, "json": 2}  # casc_rule_format


class _Result(ctypes.Structure):
    """struct casc_result (opaque)."""


class _Model(ctypes.Structure):
    """struct casc_model (opaque)."""


_ResultP = ctypes.POINTER(_Result)
_ModelP = ctypes.POINTER(_Model)


class _Diagnostic(ctypes.Structure):
    """struct casc_diagnostic, field for field."""

    _fields_ = [
        ("severity", ctypes.c_int),  # casc_severity
        ("message", ctypes.c_char_p),
        ("file", ctypes.c_char_p),
        ("line", ctypes.c_uint),
        ("column", ctypes.c_uint),
        ("start", ctypes.c_size_t),
        ("end", ctypes.c_size_t),
        ("suggestions", ctypes.POINTER(ctypes.c_char_p)),
        ("nsuggestions", ctypes.c_size_t),
    ]


class _Options(ctypes.Structure):
    """struct casc_options, field for field. libcasc reads the whole C
    struct, so a field added to casc.h must be added here too (at the end,
    where casc.h adds them); tests/python checks the layout against cc."""

    _fields_ = [
        ("dialect", ctypes.c_char_p),
        ("now", ctypes.c_char_p),
        ("timezone", ctypes.c_char_p),
        ("select", ctypes.c_char_p),
        ("from_", ctypes.c_int),  # casc_rule_format ("from" in C)
        ("name", ctypes.c_char_p),
        ("first_line", ctypes.c_uint),
    ] + [(f, ctypes.c_char_p) for f in (
        "by", "top", "buckets", "of", "columns", "limit", "order_by", "sample", "seed",
        "behavior", "last")]

# The output options (docs/outputs.md), in casc_options' order.
_OUTPUT_OPTIONS = ("by", "top", "buckets", "of", "columns", "limit", "order_by", "sample",
                   "seed", "behavior", "last")


def _candidates():
    """(path, whether to skip it quietly when the file does not exist)."""
    env = os.environ.get("CASC_LIBRARY")
    if env:
        # An explicit choice: no fallback that would hide a wrong path.
        return [(env, False)]
    here = os.path.dirname(os.path.abspath(__file__))
    out = [(os.path.normpath(os.path.join(here, os.pardir, "build", "libcasc.so")), True)]
    found = ctypes.util.find_library("casc")
    if found:
        out.append((found, False))
    out.append(("libcasc.so.0", False))
    return out


def _load_library():
    tried = []
    for path, optional in _candidates():
        if optional and not os.path.exists(path):
            tried.append(path + ": not built")
            continue
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            tried.append(str(e))
    raise ImportError(
        "casc: cannot load libcasc (build it with make and set CASC_LIBRARY to "
        "build/libcasc.so, or make install); tried: " + "; ".join(tried)
    )


_lib, library_path = _load_library()


def _declare(name, restype, *argtypes):
    fn = getattr(_lib, name)
    fn.restype = restype
    fn.argtypes = list(argtypes)
    return fn


_c = ctypes
_casc_version = _declare("casc_version", _c.c_char_p)
_result_status = _declare("casc_result_status", _c.c_int, _ResultP)
_result_text = _declare("casc_result_text", _c.c_void_p, _ResultP, _c.POINTER(_c.c_size_t))
_result_diagnostic_count = _declare("casc_result_diagnostic_count", _c.c_size_t, _ResultP)
_result_diagnostic = _declare(
    "casc_result_diagnostic", _c.POINTER(_Diagnostic), _ResultP, _c.c_size_t
)
_result_diagnostics_text = _declare("casc_result_diagnostics_text", _c.c_char_p, _ResultP)
_result_table_count = _declare("casc_result_table_count", _c.c_size_t, _ResultP)
_result_table = _declare("casc_result_table", _c.c_char_p, _ResultP, _c.c_size_t)
_result_free = _declare("casc_result_free", None, _ResultP)
_model_load_file = _declare(
    "casc_model_load_file", _ResultP, _c.c_char_p, _c.POINTER(_ModelP)
)
_model_load_memory = _declare(
    "casc_model_load_memory", _ResultP, _c.c_char_p, _c.c_char_p, _c.c_size_t, _c.POINTER(_ModelP)
)
_options_check = _declare("casc_options_check", _ResultP, _c.POINTER(_Options))
_model_free = _declare("casc_model_free", None, _ModelP)
_model_schema = _declare("casc_model_schema", _ResultP, _ModelP, _c.c_char_p)
_compile = _declare(
    "casc_compile", _ResultP, _ModelP, _c.c_char_p, _c.c_size_t, _c.POINTER(_Options)
)
_check = _declare("casc_check", _ResultP, _ModelP, _c.c_char_p, _c.c_size_t, _c.POINTER(_Options))
_overlap = _declare(
    "casc_overlap", _ResultP, _ModelP, _c.POINTER(_c.c_char_p), _c.POINTER(_c.c_size_t),
    _c.c_size_t, _c.POINTER(_Options)
)
_format = _declare(
    "casc_format", _ResultP, _c.c_char_p, _c.c_size_t, _c.c_int, _c.POINTER(_Options)
)


# ---- diagnostics and errors ----


def _text(b):
    """A C string from libcasc as str (its text is UTF-8)."""
    return None if b is None else b.decode("utf-8", "replace")


@dataclasses.dataclass(frozen=True)
class Diagnostic:
    """One diagnostic. line and column count from 1 (column in characters)
    and are 0 when the diagnostic has no place; start and end are the byte
    span [start, end) in the UTF-8 text named by file, so for a rule given
    as str the offending text is rule.encode()[d.start:d.end]."""

    severity: str  # "error", "warning" or "note"
    message: str
    file: "str | None" = None
    line: int = 0
    column: int = 0
    start: int = 0
    end: int = 0
    suggestions: list = dataclasses.field(default_factory=list)

    def __str__(self):
        place = self.file or ""
        if self.line:
            place += ":%d:%d" % (self.line, self.column)
        return "%s%s%s: %s" % (place, ": " if place else "", self.severity, self.message)


class CascError(Exception):
    """A call failed. .status is a Status; .diagnostics a list of Diagnostic;
    str(error) the diagnostics rendered as `casc` prints them."""

    def __init__(self, text, status=Status.ERR_INPUT, diagnostics=None):
        super().__init__(text)
        self.text = text
        self.status = Status(status)
        self.diagnostics = list(diagnostics or [])

    def __str__(self):
        return self.text

    def __reduce__(self):
        return (type(self), (self.text, int(self.status), self.diagnostics))


class InputError(CascError):
    """The rule or the model has errors (Status.ERR_INPUT)."""


class OptionsError(CascError, ValueError):
    """An option is not valid (Status.ERR_OPTIONS)."""


class CascIOError(CascError, OSError):
    """A file could not be read (Status.ERR_IO)."""


class CascMemoryError(CascError, MemoryError):
    """Memory ran out in libcasc (Status.ERR_NOMEM)."""


class CascWarning(UserWarning):
    """A warning libcasc reported for a call that succeeded."""


_ERRORS = {
    Status.ERR_INPUT: InputError,
    Status.ERR_OPTIONS: OptionsError,
    Status.ERR_IO: CascIOError,
    Status.ERR_NOMEM: CascMemoryError,
}

_FALLBACK_TEXT = {
    Status.ERR_INPUT: "casc: the input has errors\n",
    Status.ERR_OPTIONS: "casc: an option is not valid\n",
    Status.ERR_IO: "casc: a file could not be read\n",
    Status.ERR_NOMEM: "casc: out of memory\n",
}


def _binding_error(cls, status, message):
    """An error found by the binding itself, shaped like libcasc's."""
    d = Diagnostic("error", message)
    return cls("error: %s\n" % message, status, [d])


def _diagnostics(r):
    out = []
    for i in range(_result_diagnostic_count(r)):
        p = _result_diagnostic(r, i)
        if not p:
            break
        d = p.contents
        sev = _SEVERITIES[d.severity] if 0 <= d.severity < len(_SEVERITIES) else "error"
        out.append(
            Diagnostic(
                severity=sev,
                message=_text(d.message) or "",
                file=_text(d.file),
                line=d.line,
                column=d.column,
                start=d.start,
                end=d.end,
                suggestions=[_text(d.suggestions[j]) for j in range(d.nsuggestions)],
            )
        )
    return out


def _result_str(r):
    n = ctypes.c_size_t(0)
    p = _result_text(r, ctypes.byref(n))
    return "" if not p else ctypes.string_at(p, n.value).decode("utf-8", "replace")


def _tables(r):
    return [_text(_result_table(r, i)) for i in range(_result_table_count(r))]


def _nothing(r):
    return None


def _finish(r, extract=_result_str):
    """Take a result: extract(r) on success (by default its text as str),
    else raise its error. Frees the result in every case."""
    try:
        if not r:  # casc.h promises never NULL; do not crash if it happens
            raise CascMemoryError(_FALLBACK_TEXT[Status.ERR_NOMEM], Status.ERR_NOMEM)
        status = _result_status(r)
        if status != Status.OK:
            try:
                status = Status(status)
            except ValueError:  # a status newer than this binding
                status = Status.ERR_INPUT
            rendered = _text(_result_diagnostics_text(r)) or _FALLBACK_TEXT[status]
            raise _ERRORS[status](rendered, status, _diagnostics(r))
        if _result_diagnostic_count(r):
            warnings.warn(_text(_result_diagnostics_text(r)), CascWarning, stacklevel=3)
        return extract(r)
    finally:
        if r:
            _result_free(r)


# ---- arguments ----


def _cstr(value, what):
    """An option string as bytes for a char * (None stays None). A NUL would
    cut the C string short, so it is an error rather than a silent change."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.encode("utf-8")
    elif isinstance(value, (bytes, bytearray)):
        value = bytes(value)
    else:
        raise TypeError("casc: %s must be a str, not %s" % (what, type(value).__name__))
    if b"\0" in value:
        raise _binding_error(
            OptionsError, Status.ERR_OPTIONS, "%s contains a NUL character" % what
        )
    return value


def _rule_bytes(rule):
    """The rule as bytes; its length is passed, so NULs reach libcasc (which
    reports them) instead of cutting the rule short."""
    if isinstance(rule, str):
        return rule.encode("utf-8")
    if isinstance(rule, (bytes, bytearray, memoryview)):
        return bytes(rule)
    raise TypeError("casc: a rule must be a str or bytes, not %s" % type(rule).__name__)


def _rule_format(value, what):
    try:
        return _RULE_FORMATS[value]
    except (KeyError, TypeError):
        raise _binding_error(
            OptionsError,
            Status.ERR_OPTIONS,
            "%s %r is not a rule format (expected 'dsl', 'json' or 'auto')" % (what, value),
        ) from None


def _now(now):
    if isinstance(now, datetime.datetime):
        return now.isoformat()
    return now


def _output_value(what, value):
    """An output option as the text casc_options takes: a number as its
    digits, a list (columns, bucket edges) joined by commas, an (attribute,
    direction) pair for order_by joined by a space."""
    if isinstance(value, bool):
        raise TypeError("casc: %s must be a str or a number, not bool" % what)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        sep = " " if what == "order_by" else ","
        return sep.join(_output_value(what, v) for v in value)
    return value


def _options(dialect=None, now=None, timezone=None, select=None, from_=None, name=None,
             first_line=0, **output):
    """A fresh casc_options for one call (never shared between calls). The
    structure keeps the bytes its char * fields point into alive. output:
    the options of _OUTPUT_OPTIONS."""
    unknown = set(output) - set(_OUTPUT_OPTIONS)
    if unknown:
        raise TypeError("casc: unknown option %s" % ", ".join(sorted(unknown)))
    strings = [
        _cstr(dialect, "dialect"),
        _cstr(_now(now), "now"),
        _cstr(timezone, "timezone"),
        _cstr(select, "select"),
        _cstr(name, "name"),
    ]
    if not isinstance(first_line, int) or first_line < 0 or first_line > 0xFFFFFFFF:
        raise _binding_error(
            OptionsError, Status.ERR_OPTIONS, "first_line %r is not a line count" % (first_line,)
        )
    o = _Options()
    o.dialect, o.now, o.timezone, o.select, o.name = strings
    o.from_ = _rule_format(from_, "from_")
    o.first_line = first_line
    for f in _OUTPUT_OPTIONS:
        value = output.get(f)
        if value is not None:
            setattr(o, f, _cstr(_output_value(f, value), f))
    return o


# ---- models ----


class Model:
    """A loaded parent segment model. Immutable and safe to share between
    threads. Free it with close() or a with block; otherwise it is freed when
    garbage-collected. Using it after close() raises ValueError."""

    __slots__ = ("name", "_ptr", "_finalizer", "_lock", "_users", "_closing", "__weakref__")

    def __init__(self, ptr, name):
        # Made by load_model / load_model_text only.
        self.name = name
        self._ptr = ptr
        self._finalizer = weakref.finalize(self, _model_free, ptr)
        # Guards _users / _closing only, never a call into libcasc: close()
        # waits for calls in progress so it never frees a model in use.
        self._lock = threading.Condition(threading.Lock())
        self._users = 0
        self._closing = False

    def __repr__(self):
        state = "closed" if self.closed else "open"
        return "<casc.Model %r %s>" % (self.name, state)

    @property
    def closed(self):
        return self._closing or not self._finalizer.alive

    def close(self):
        """Free the model (waiting for calls in progress on other threads).
        Closing twice is harmless."""
        with self._lock:
            self._closing = True
            while self._users:
                self._lock.wait()
        self._finalizer()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def _call(self, fn, *args):
        with self._lock:
            if self._closing or not self._finalizer.alive:
                raise ValueError("casc: the model %r is closed" % (self.name,))
            self._users += 1
        try:
            return fn(self._ptr, *args)
        finally:
            with self._lock:
                self._users -= 1
                if not self._users:
                    self._lock.notify_all()

    def compile(self, rule, dialect=None, now=None, timezone=None, select=None, from_=None,
                name=None, first_line=0, **output):
        """Compile rule (str or bytes) to one SQL statement, returned as str.

        dialect: "snowflake" (default), "databricks" or "postgres";
        now: pin "now" ("2026-03-30T12:00:00Z" or a datetime), default the
        warehouse's clock; timezone: IANA zone (default "UTC"); select:
        "members" (default) or "count"; from_: "dsl", "json" or "auto"
        (default); name: the rule's name in diagnostics (default "<rule>");
        first_line: lines before the rule in its file. The output's shape
        (docs/outputs.md), as keywords: by, top, buckets, of, columns,
        limit, order_by, sample, seed, behavior, last (numbers, and lists
        for columns and bucket edges, are accepted as well as text)."""
        data = _rule_bytes(rule)
        o = _options(dialect, now, timezone, select, from_, name, first_line, **output)
        r = self._call(_compile, data, len(data), ctypes.byref(o))
        return _finish(r)

    def check(self, rule, dialect=None, now=None, timezone=None, select=None, from_=None,
              name=None, first_line=0, **output):
        """Parse, resolve and type-check rule; None when it is valid, else
        raises (InputError for errors in the rule)."""
        data = _rule_bytes(rule)
        o = _options(dialect, now, timezone, select, from_, name, first_line, **output)
        r = self._call(_check, data, len(data), ctypes.byref(o))
        return _finish(r, _nothing)

    def tables(self, rule, dialect=None, now=None, timezone=None, select=None, from_=None,
               name=None, first_line=0, **output):
        """The tables ("db.schema.table") the SQL of rule reads, as a list;
        the arguments are compile()'s."""
        data = _rule_bytes(rule)
        o = _options(dialect, now, timezone, select, from_, name, first_line, **output)
        r = self._call(_compile, data, len(data), ctypes.byref(o))
        return _finish(r, _tables)

    def overlap(self, rules, dialect=None, now=None, timezone=None, from_=None, sample=None,
                seed=None):
        """One SQL statement counting the profiles in each combination of
        rules (a list of 1 to 8, str or bytes): a row per non-empty region,
        a boolean column rule_1 ... rule_N per rule, and profiles."""
        data = [_rule_bytes(r) for r in rules]
        o = _options(dialect, now, timezone, None, from_, sample=sample, seed=seed)
        texts = (ctypes.c_char_p * (len(data) or 1))(*data)
        lens = (ctypes.c_size_t * (len(data) or 1))(*[len(d) for d in data])
        r = self._call(_overlap, texts, lens, len(data), ctypes.byref(o))
        return _finish(r)

    def schema(self, format="text"):
        """What the model offers to rules: format "text" or "json" (a str)."""
        f = _cstr(format, "format")
        return _finish(self._call(_model_schema, f))


def load_model(path):
    """Load a parent segment model file (JSON or YAML). Raises CascIOError if
    it cannot be read, InputError if it has errors."""
    p = os.fsencode(path)
    if b"\0" in p:
        raise _binding_error(CascIOError, Status.ERR_IO, "the model path contains a NUL character")
    try:
        return _new_model(lambda out: _model_load_file(p, out), os.fsdecode(p))
    except CascIOError as e:
        e.filename = os.fsdecode(p)  # as OSError has it
        raise


def load_model_text(text, name="<model>"):
    """Load a model from text (str or bytes, JSON or YAML); name is used in
    diagnostics (and its extension, if any, may pick the format)."""
    data = _rule_bytes(text)
    n = _cstr(name, "name")
    return _new_model(lambda out: _model_load_memory(n, data, len(data), out), name)


def _new_model(load, name):
    out = _ModelP()
    r = load(ctypes.byref(out))
    try:
        _finish(r, _nothing)
    except BaseException:
        if out:  # casc.h says NULL on failure; never leak if not
            _model_free(out)
        raise
    if not out:
        raise CascMemoryError(_FALLBACK_TEXT[Status.ERR_NOMEM], Status.ERR_NOMEM)
    return Model(out, name)


# ---- no model needed ----


def format_rule(rule, to="dsl", from_=None, name=None, first_line=0):
    """Rewrite rule in canonical form: to="dsl" the rule language, to="json"
    the JSON rule tree (docs/rule-json.md). from_ says how rule is written
    ("dsl", "json", default "auto": JSON when it starts with '{')."""
    if to not in ("dsl", "json"):
        raise _binding_error(
            OptionsError, Status.ERR_OPTIONS, "to %r is not 'dsl' or 'json'" % (to,)
        )
    data = _rule_bytes(rule)
    o = _options(from_=from_, name=name, first_line=first_line)
    r = _format(data, len(data), _RULE_FORMATS[to], ctypes.byref(o))
    return _finish(r)


def check_options(dialect=None, now=None, timezone=None, select=None, from_=None, **output):
    """Check compile() options without compiling: None when they are valid,
    else raises OptionsError naming the bad one."""
    o = _options(dialect, now, timezone, select, from_, **output)
    _finish(_options_check(ctypes.byref(o)), _nothing)


def version():
    """libcasc's version, "MAJOR.MINOR.PATCH"."""
    return _casc_version().decode("ascii", "replace")
