"""Build the site into a folder of its own, then make `site/` show it in one atomic step.

Usage (the Makefile's `site` target): python macros/site_swap.py SITE_DIR BUILD_COMMAND...
The build command gets `--site-dir <new folder>` appended, e.g. `mkdocs build --strict`.

`site` is a symbolic link to one finished build in `.site-builds/` beside it (for `site`,
`.site-builds/<time>-<pid>/`). A new build is written into a folder of its own; only when the
command succeeds does a new link replace `site` with one rename(), which is atomic: at every
moment `site/` is the whole previous site or the whole new one, whether the build fails or is
killed at any point. A web server configured on `site/` follows the link on every request
(nginx and Apache follow a document root that is a link; so does `python -m http.server -d
site`). Then every other build folder is removed (earlier builds and any left by a killed
run). A `site` that is still a real folder (made before this script existed) is exchanged for
the link with renameat2(RENAME_EXCHANGE) where the system has it (Linux), so the first swap is
atomic too; elsewhere it is moved aside, then the link moved in (two renames, that once).

To copy the site elsewhere, copy what the link points to: `cp -rL site …`, `rsync -a site/ …`.

For the tests only: HELP_SITE_SWAP_KILL_AT=<point> kills this process with SIGKILL at that
point (see KILL_POINTS), so a test can stop a build exactly at the swap.

Only the standard library: it runs before (and without) anything the build installs.
"""

import ctypes
import errno
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

KILL_POINTS = ("built", "linked", "swapped", "cleaning")
KILL_AT = "HELP_SITE_SWAP_KILL_AT"
SWAP_PREFIX = ".swap-"


def kill_point(name):
    """Die here, as a `kill -9` would, if the tests asked for it."""
    if os.environ.get(KILL_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def builds_folder(site):
    return site.parent / f".{site.name}-builds"


def exchange(first, second):
    """Swap two paths in one step: renameat2(..., RENAME_EXCHANGE) (Linux 3.15+, glibc 2.28+)."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange):
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(first))


def point_site_at(site, build):
    """Make `site` a link to `build` in one rename (or exchange, for a real folder)."""
    link = builds_folder(site) / f"{SWAP_PREFIX}{build.name}"
    link.unlink(missing_ok=True)
    os.symlink(os.path.relpath(build, site.parent), link)
    kill_point("linked")
    if site.is_symlink() or not site.exists():
        os.replace(link, site)
        return
    try:
        exchange(link, site)  # the old real folder now sits where the link was: removed below
    except OSError:
        site.rename(builds_folder(site) / f"{SWAP_PREFIX}{build.name}-old")
        os.replace(link, site)


def remove_other_builds(site, keep):
    """Every build folder and swap leftover except the one `site` shows."""
    for path in sorted(builds_folder(site).iterdir()):
        if path.name == keep.name or path.name == ".lock":
            continue
        if path.is_symlink() or path.is_file():
            path.unlink()
        else:
            shutil.rmtree(path)
        kill_point("cleaning")


def build_and_swap(site, command):
    site = Path(os.path.abspath(site))
    builds = builds_folder(site)
    builds.mkdir(parents=True, exist_ok=True)
    with open(builds / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one build per site at a time
        new = builds / f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
        result = subprocess.run([*command, "--site-dir", str(new)])
        if result.returncode != 0:
            shutil.rmtree(new, ignore_errors=True)
            print(f"site_swap: the build failed; {site.name}/ is unchanged.", file=sys.stderr)
            return result.returncode
        kill_point("built")
        point_site_at(site, new)
        kill_point("swapped")
        remove_other_builds(site, keep=new)
    return 0


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__.split("\n\n")[1])
    return build_and_swap(argv[0], argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
