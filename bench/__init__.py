"""`make bench`: build scaling, page weight, search speed and Lighthouse, side by side with bare
Material. Run it as `python -m bench.run` (see bench/run.py); results go to bench/results.json.

The benchmarks reuse the test suite's helpers (tests/support/): the same strict build, the same
system Chromium with the same no-network flags.
"""

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


class BenchError(RuntimeError):
    """A benchmark could not measure what it set out to (a build failed, a page never loaded)."""
