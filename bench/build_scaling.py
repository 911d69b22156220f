"""Part 1: build time of the project's configuration against bare Material, as the corpus grows.

For each corpus size N, every configuration builds the same Markdown (bench/corpus.py) with a
strict `mkdocs build` in a fresh process, in alternating order (A B C, then C B A, ...), so that a
busy machine slows them alike. Each build is timed in wall-clock seconds (what a writer waits) and
in CPU seconds of the build process (what the build costs, much less sensitive to other load).

The incremental rebuild is the one a writer waits for under `make serve`: `mkdocs serve` is
started once (for the project with `make serve`'s --dirty), one page is edited, and the time runs
until the server logs "Reloading browsers".
"""

import math
import os
import queue
import resource
import shutil
import socket
import statistics
import subprocess
import threading
import time
from pathlib import Path

from support.project import MKDOCS, PROJECT, build_site

from bench import BenchError
from bench.corpus import page_path, write_corpus

BENCH = Path(__file__).resolve().parent
CONFIGS = {
    "project": PROJECT / "mkdocs.yml",
    "bare": BENCH / "bare-material.yml",
    "bare+prune": BENCH / "bare-material-pruned.yml",
    # The project without its second language: what German costs. The corpus has no German
    # pages, so the project's German build shows every page again in English (with a note):
    # the most a second language can cost.
    "project-en": PROJECT / "mkdocs.yml",
}
ENVIRONMENTS = {"project-en": {"HELP_ONLY_LANGUAGE": "en"}}
# `make serve` rebuilds only the saved page (macros/live_preview/ keeps the preview right);
# bare Material is timed as `mkdocs serve` comes, rebuilding everything.
SERVE_OPTIONS = {"project": ["--dirty"]}
BUILD_TIMEOUT = 1800  # seconds; 1000 pages on a busy 2-core machine take minutes
SERVE_TIMEOUT = 900


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(config, docs_dir, site_dir, cache, env=None):
    """Wall and CPU seconds of one strict `mkdocs build` in a fresh process."""
    cpu_before = children_cpu_seconds()
    start = time.perf_counter()
    result = build_site(site_dir, docs_dir=docs_dir, config=config, timeout=BUILD_TIMEOUT,
                        env={"HELP_BUILD_CACHE": str(cache), **(env or {})}, fresh_process=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise BenchError(f"{config.name} does not build {docs_dir}:\n{result.stderr[-3000:]}")
    return wall, children_cpu_seconds() - cpu_before


def alternating(names, repeat):
    """A B C for even repeats, C B A for odd ones."""
    return list(names) if repeat % 2 == 0 else list(reversed(names))


def folder_bytes(folder):
    return sum(path.stat().st_size for path in Path(folder).rglob("*") if path.is_file())


def summary(samples):
    return {"median": statistics.median(samples), "samples": samples}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServeLog:
    """The lines `mkdocs serve` writes, read on a thread so that waits can time out."""

    def __init__(self, process):
        self.process = process
        self.lines = queue.Queue()
        self.seen = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stderr:
            self.lines.put(line)

    def wait_for(self, text, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            self.seen.append(line)
            if text in line:
                return
        tail = "".join(self.seen[-20:])
        raise BenchError(f"`mkdocs serve` never logged {text!r}:\n{tail}")


def serve_rebuild_seconds(config, docs_dir, page, edits, options=(), cache=None):
    """Seconds from saving an edit to `page` until `mkdocs serve` reloads browsers, per edit."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HELP_DOCS_DIR": str(docs_dir)}
    if cache:
        env["HELP_BUILD_CACHE"] = str(cache)
    command = [*MKDOCS, "serve", *options, "--config-file", str(config),
               "--dev-addr", f"127.0.0.1:{free_port()}"]
    process = subprocess.Popen(command, cwd=PROJECT, env=env, text=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    log = ServeLog(process)
    try:
        log.wait_for("Serving on", SERVE_TIMEOUT)
        seconds = []
        for edit in range(edits):
            with page.open("a", encoding="utf-8") as markdown:
                markdown.write(f"\nEdited by the benchmark ({edit + 1}).\n")
            start = time.perf_counter()
            log.wait_for("Reloading browsers", SERVE_TIMEOUT)
            seconds.append(time.perf_counter() - start)
        return seconds
    finally:
        process.terminate()
        process.wait(timeout=60)


def measure_size(pages, work, configs, repeats, serve_edits, serve_configs=None):
    """Build an N-page corpus with every configuration; return timings and output sizes.

    The project's build cache (macros/build_cache/) starts empty for each corpus, so its
    first build is a cold one, as on a fresh clone; that build is also reported on its own.
    """
    docs = work / f"corpus-{pages}" / "docs"
    shutil.rmtree(docs.parent, ignore_errors=True)
    write_corpus(docs, pages)
    cache = docs.parent / "build-cache"
    sites = {name: docs.parent / f"site-{name}" for name in configs}
    wall = {name: [] for name in configs}
    cpu = {name: [] for name in configs}
    for repeat in range(repeats):
        for name in alternating(configs, repeat):
            seconds, cpu_seconds = timed_build(CONFIGS[name], docs, sites[name], cache,
                                               ENVIRONMENTS.get(name))
            wall[name].append(seconds)
            cpu[name].append(cpu_seconds)
    result = {
        "pages": pages,
        "repeats": repeats,
        "sites": {name: str(site) for name, site in sites.items()},
        "wall_seconds": {name: summary(wall[name]) for name in configs},
        "cpu_seconds": {name: summary(cpu[name]) for name in configs},
        "project_first_build_cold_cache": {"wall_seconds": wall["project"][0],
                                           "cpu_seconds": cpu["project"][0]},
        "site_bytes": {name: folder_bytes(site) for name, site in sites.items()},
        "guide_html_bytes": {
            name: (site / page_path(1)).with_suffix(".html").stat().st_size
            for name, site in sites.items()},
    }
    if serve_edits:
        edited = docs / page_path(1)
        result["serve_rebuild_seconds"] = {}
        for name in serve_configs or configs:
            times = serve_rebuild_seconds(CONFIGS[name], docs, edited, serve_edits,
                                          SERVE_OPTIONS.get(name, []), cache)
            result["serve_rebuild_seconds"][name] = summary(times)
    return result


def growth(sizes, config, kind="cpu_seconds"):
    """How build time grows with the number of pages, beyond what a one-page site costs.

    `ms_per_added_page` for each step between consecutive sizes (constant when growth is
    linear), and `exponent` k in time - time(smallest) ~ pages^k between the two largest sizes
    (1 is linear; bare Material without navigation pruning comes out near 1.5).
    """
    steps = []
    for smaller, larger in zip(sizes, sizes[1:]):
        added = larger["pages"] - smaller["pages"]
        extra = larger[kind][config]["median"] - smaller[kind][config]["median"]
        steps.append({"from": smaller["pages"], "to": larger["pages"],
                      "ms_per_added_page": 1000 * extra / added})
    exponent = None
    if len(sizes) >= 3:
        base, middle, top = sizes[0], sizes[-2], sizes[-1]
        beyond = [size[kind][config]["median"] - base[kind][config]["median"]
                  for size in (middle, top)]
        pages = [size["pages"] - base["pages"] for size in (middle, top)]
        exponent = math.log(beyond[1] / beyond[0]) / math.log(pages[1] / pages[0])
    return {"steps": steps, "exponent": exponent}
