"""LinkChecker (with AnchorCheck) as `make linkcheck` runs it, through tests/linkcheck_site.py."""

import subprocess
import sys

from .project import PROJECT

WRAPPER = PROJECT / "tests" / "linkcheck_site.py"
LINKCHECKER = [sys.executable, str(WRAPPER), "--no-status",
               "--config", str(PROJECT / "tests" / "linkcheckerrc")]


def run_linkchecker(start_page):
    return subprocess.run([*LINKCHECKER, str(start_page)], capture_output=True, text=True,
                          timeout=300)
