"""Check the requests a fake warehouse logged (tests/golden/runtime_rest.sh).

    python3 check_log.py LOG EXPRESSION...

Each EXPRESSION is Python over `reqs`, the logged requests (dicts with
method, path, query, headers, body; see fake_http.py), `posts` (those that
submit a statement: POST to .../statements), `re` and `uuid_re`; every one
must be true. Prints the first that is not and exits 1.
"""
import json
import re
import sys

uuid_re = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        reqs = [json.loads(line) for line in f]
    posts = [r for r in reqs if r["method"] == "POST" and r["path"].endswith("/statements")]
    env = {"reqs": reqs, "posts": posts, "re": re, "uuid_re": uuid_re}
    for expr in sys.argv[2:]:
        try:
            ok = eval(expr, env)  # the test's own expressions
        except Exception as e:  # a missing key is a failed check
            ok, expr = False, f"{expr} ({type(e).__name__}: {e})"
        if not ok:
            print(f"not true: {expr}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
