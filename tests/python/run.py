"""Run the Python binding's tests and end with "python: N passed, M failed".

    python3 tests/python/run.py [-v]

N counts the tests that passed, M those that failed or raised (an
unexpected success counts as failed); skipped tests are neither and are
counted on the line before. Exit status 0 only when M is 0 and tests ran.
"""

import os
import sys
import unittest


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    verbosity = 2 if "-v" in argv else 0
    suite = unittest.defaultTestLoader.discover(here, pattern="test_*.py", top_level_dir=here)
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=verbosity).run(suite)
    # A failing subTest is reported apart from its test: count tests, not reports.
    bad = {getattr(t, "test_case", t).id() for t, _ in
           result.failures + result.errors}
    bad |= {t.id() for t in result.unexpectedSuccesses}
    skipped = len({getattr(t, "test_case", t).id() for t, _ in result.skipped} - bad)
    passed = max(result.testsRun - skipped - len(bad), 0)
    # Errors outside any test (an import failure) still show in the count.
    failed = len(bad)
    if result.testsRun == 0:
        failed = max(failed, 1)
    sys.stdout.flush()
    if skipped:
        print("python: %d skipped (see the reasons above with -v)" % skipped)
    print("python: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
