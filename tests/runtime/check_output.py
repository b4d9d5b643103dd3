"""Check `casc run` output in one format (tests/golden/runtime_pg.sh).

    python3 check_output.py FORMAT FILE KEY...

FILE holds what casc printed for the members of tests/runtime/fmt.yaml;
its rows, in any order, must be exactly the KEYs, each once, written as
docs/runtime.md says: CSV by RFC 4180 with a header, TSV with PostgreSQL's
COPY escapes and a header, JSON lines one object per row. Prints what is
wrong and exits 1, or exits 0.
"""
import csv
import io
import json
import sys

TSV_ESCAPES = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}


def tsv_field(text):
    out, i = [], 0
    while i < len(text):
        pair = text[i:i + 2]
        if pair in TSV_ESCAPES:
            out.append(TSV_ESCAPES[pair])
            i += 2
        elif text[i] in "\t\n\r" or text[i] == "\\":
            raise ValueError(f"unescaped {text[i]!r} in {text!r}")
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def rows_of(fmt, raw):
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(raw, newline=""), strict=True))
        if rows[0] != ["customer_id"]:
            raise ValueError(f"header {rows[0]!r}")
        return [r[0] if len(r) == 1 else None for r in rows[1:]]
    if fmt == "tsv":
        lines = raw.split("\n")
        if lines.pop() != "" or lines[0] != "customer_id":
            raise ValueError("no header, or no newline at the end")
        return [tsv_field(line) for line in lines[1:]]
    rows = [json.loads(line) for line in raw.split("\n")[:-1]]
    if any(list(r) != ["customer_id"] for r in rows):
        raise ValueError("an object with other members than customer_id")
    return [r["customer_id"] for r in rows]


def main():
    fmt, path, keys = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    try:
        got = rows_of(fmt, raw)
    except (ValueError, IndexError, json.JSONDecodeError, csv.Error) as e:
        print(f"{fmt}: cannot read the output: {e}")
        return 1
    if sorted(got, key=repr) != sorted(keys, key=repr):
        print(f"{fmt}: rows {sorted(got, key=repr)!r}, expected {sorted(keys, key=repr)!r}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
