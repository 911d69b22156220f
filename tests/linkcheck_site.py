"""Run LinkChecker with its AnchorCheck plugin guaranteed to be loaded, and ours
(linkcheck_situations.py: the situation a link gives to a guide).

Usage: python tests/linkcheck_site.py [linkchecker options] START_PAGE

LinkChecker run as root drops to the user `nobody` and only then lists its plugin folder. When
the virtualenv sits under a folder only root may enter (a fresh clone in a private temp dir, as in
CI), that listing comes back empty and anchors go unchecked without a word. So list the plugins
while still root, hand the same list out afterwards, and refuse to run without AnchorCheck.
"""

import sys
from pathlib import Path

import linkcheck.loader
import linkcheck.plugins
from linkcheck.command.linkchecker import linkchecker

# Our plugin (beside this file) and the project it reads its rules from, importable however
# this file is run (as a script, or through runpy) and whichever Python runs it.
TESTS = Path(__file__).resolve().parent
sys.path[:0] = [str(TESTS), str(TESTS.parent)]
import linkcheck_situations  # noqa: E402

# LinkChecker's own plugins, and ours: situations given in links (linkcheck_situations.py).
PLUGIN_MODULES = [*linkcheck.loader.get_package_modules("plugins", linkcheck.plugins.__path__),
                  linkcheck_situations]
list_package_modules = linkcheck.loader.get_package_modules


def get_package_modules(packagename, packagepath):
    if packagename == "plugins":
        return iter(PLUGIN_MODULES)
    return list_package_modules(packagename, packagepath)


if __name__ == "__main__":
    if not any(hasattr(module, "AnchorCheck") for module in PLUGIN_MODULES):
        sys.exit("LinkChecker's AnchorCheck plugin could not be loaded: anchors would go unchecked.")
    linkcheck.loader.get_package_modules = get_package_modules
    sys.exit(linkchecker())
