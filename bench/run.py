"""`make bench`: the help site side by side with bare Material, in one run on one machine.

1. build scaling: N-page corpora (bench/corpus.py), strict builds, alternating, medians, ratios,
   and the rebuild a writer waits for after saving a page under `mkdocs serve`;
2. page weight: what a first view of the home page and the guide loads, by kind, raw and gzip;
3. search: index size and time to the first result on the largest corpus, from file://;
4. Lighthouse on the guide (mobile settings);
5. the situation picker's weight and switch time, and where the first Step starts on a phone in
   every situation of every guide (bench/situation_picker.py);
6. what the service worker keeps per language for reading offline (bench/offline_cache.py).

Prints a table per part, checks the README's targets and writes everything, with the machine's
load, to bench/results.json. Usage: python -m bench.run [--smoke] [options] (see --help).
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from support.browsers import find_chromium
from support.project import PROJECT, build_site

from bench import BenchError, build_scaling, lighthouse, offline_cache, page_weight, search_speed
from bench import situation_picker
from bench.corpus import page_path

RESULTS = PROJECT / "bench" / "results.json"
TARGETS = {
    "build_ratio_max": 1.25,        # project / bare Material with pruning, largest N (wall, medians)
    "growth_exponent_max": 1.1,     # CPU time beyond one page ~ pages^k (1: linear; 0.1 noise)
    "serve_reload_max_s": 3.0,      # `make serve`: save -> browser reload, largest serve size
    "guide_weight_ratio_max": 1.0,  # guide first view, gzip, project / bare Material
    "guide_weight_stretch_kb": 70,  # the same, absolute (gzip KB), a stretch goal
    "search_first_result_ms": 300,  # median, largest corpus
    "second_language_max": 1.3,     # project (English + German) / project-en, largest N, wall and CPU
    "lighthouse_min": {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100},
}


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 100, 1000],
                        help="corpus sizes (pages) for build scaling; search uses the largest")
    parser.add_argument("--repeats", type=int, default=5, help="builds per configuration and size")
    parser.add_argument("--large-size", type=int, default=1000,
                        help="from this size on, use --large-repeats")
    parser.add_argument("--large-repeats", type=int, default=3)
    parser.add_argument("--configs", nargs="+", default=list(build_scaling.CONFIGS),
                        choices=list(build_scaling.CONFIGS))
    parser.add_argument("--serve-sizes", type=int, nargs="*", default=[1, 1000],
                        help="corpus sizes at which to time a `mkdocs serve` rebuild")
    parser.add_argument("--serve-edits", type=int, default=3)
    parser.add_argument("--queries", nargs="+", default=search_speed.QUERIES)
    parser.add_argument("--lighthouse-runs", type=int, default=5, help="0 skips Lighthouse")
    parser.add_argument("--no-picker", action="store_true", help="skip the situation picker")
    parser.add_argument("--project-site", type=Path,
                        help="an already built site of docs/ to weigh instead of building one")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--smoke", action="store_true",
                        help="parts 1-3 and 6 only, tiny settings (what `make test` runs)")
    arguments = parser.parse_args(argv)
    if arguments.project_site is not None:
        arguments.project_site = arguments.project_site.resolve()
    if arguments.smoke:
        arguments.sizes, arguments.repeats, arguments.configs = [10], 1, ["project", "bare"]
        arguments.serve_sizes, arguments.serve_edits = [10], 1
        arguments.queries, arguments.lighthouse_runs = arguments.queries[:2], 0
        arguments.no_picker = True
    return arguments


def command_output(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def machine():
    """What the numbers were measured on, and how busy the machine was."""
    return {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "uptime": command_output(["uptime"]),
        "python": platform.python_version(),
        "mkdocs": metadata.version("mkdocs"),
        "mkdocs-material": metadata.version("mkdocs-material"),
        "chromium": command_output([find_chromium(), "--version"]),
        "node": command_output(["node", "--version"]),
        "commit": command_output(["git", "-C", str(PROJECT), "describe", "--always", "--dirty"]),
    }


def build_docs_sites(work, project_site):
    """The real docs/ built with the project's configuration and with bare Material."""
    sites = {"project": project_site, "bare": None}
    for name, site in sites.items():
        if site is None:
            sites[name] = work / f"docs-{name}"
            result = build_site(sites[name], config=build_scaling.CONFIGS[name])
            if result.returncode != 0:
                raise BenchError(f"docs/ does not build with the {name} configuration:\n"
                                 f"{result.stderr}")
    return sites


def part_build_scaling(arguments, work):
    sizes = []
    for pages in arguments.sizes:
        repeats = arguments.large_repeats if pages >= arguments.large_size else arguments.repeats
        edits = arguments.serve_edits if pages in arguments.serve_sizes else 0
        print(f"build scaling: {pages} pages, {repeats} repeat(s)...", flush=True)
        # At large sizes bare Material's serve rebuild is its whole build, timed above already.
        serve_configs = ["project"] if pages >= arguments.large_size else None
        size = build_scaling.measure_size(pages, work, arguments.configs, repeats, edits,
                                          serve_configs)
        size["project_over"] = {
            baseline: {"wall": ratio(size, "wall_seconds", baseline),
                       "cpu": ratio(size, "cpu_seconds", baseline)}
            for baseline in arguments.configs if baseline != "project"}
        sizes.append(size)
    return {"sizes": sizes,
            "growth": {name: build_scaling.growth(sizes, name) for name in arguments.configs}}


def ratio(size, kind, baseline="bare", config="project"):
    """A configuration's median over a baseline's, for one corpus size."""
    return size[kind][config]["median"] / size[kind][baseline]["median"]


def print_build_scaling(part, configs):
    baselines = [name for name in configs if name != "project"]
    print("\n1. Build scaling: strict `mkdocs build` in a fresh process, medians")
    header = f"{'pages':>6} {'runs':>4}" + "".join(f" {name + ' s':>12} {'cpu s':>7}"
                                               for name in configs)
    header += "".join(f" {'project/' + name:>22}" for name in baselines)
    print(header)
    for size in part["sizes"]:
        row = f"{size['pages']:>6} {size['repeats']:>4}"
        for name in configs:
            row += (f" {size['wall_seconds'][name]['median']:>12.2f}"
                    f" {size['cpu_seconds'][name]['median']:>7.2f}")
        for name in baselines:
            row += (f" {ratio(size, 'wall_seconds', name):>8.2f}x wall"
                    f" {ratio(size, 'cpu_seconds', name):.2f}x cpu")
        print(row)
    for name, growth in part["growth"].items():
        if growth["steps"]:
            exponent = growth["exponent"]
            print(f"   {name}: CPU per added page " + ", ".join(
                f"{s['from']}->{s['to']}: {s['ms_per_added_page']:.1f} ms"
                for s in growth["steps"])
                + ("" if exponent is None else f"; grows as pages^{exponent:.2f}"))
    for size in part["sizes"]:
        print(f"   {size['pages']} pages: site " + ", ".join(
            f"{name} {size['site_bytes'][name] / 1e6:.1f} MB" for name in configs)
            + "; one guide page " + ", ".join(
            f"{name} {size['guide_html_bytes'][name] / 1e3:.0f} KB" for name in configs))
        if "serve_rebuild_seconds" in size:
            print("   save -> `mkdocs serve` reloaded: " + ", ".join(
                f"{name} {times['median']:.2f} s"
                for name, times in size["serve_rebuild_seconds"].items()))


def print_page_weight(part):
    print("\n2. Page weight: first view from a loopback web server, KB raw / gzip")
    columns = [(label, name) for label in part for name in ("project", "bare")]
    print(f"{'':<22}" + "".join(f"{label + ': ' + name:>18}" for label, name in columns))

    def row(title, cells):
        print(f"{title:<22}" + "".join(f"{cell:>18}" for cell in cells))

    def kilobytes(size):
        return f"{size['raw'] / 1000:.1f} / {size['gzip'] / 1000:.1f}"

    for kind in page_weight.KINDS:
        row(kind, [kilobytes(part[label][name]["by_kind"][kind]) for label, name in columns])
    row("total", [kilobytes(part[label][name]["total"]) for label, name in columns])
    row("requests", [str(part[label][name]["total"]["files"]) for label, name in columns])
    row("blocked, leaving site", [str(len(part[label][name]["outside_requests"]))
                                  for label, name in columns])
    row("text alone (floor)", [kilobytes(part[label]["floor"]) if name == "project" else ""
                               for label, name in columns])
    row("project / bare, gzip", [f"{part[label]['ratio_gzip']:.3f}x" if name == "bare" else ""
                                 for label, name in columns])


def print_search(part):
    print(f"\n3. Search from file:// on the {part['pages']}-page corpus")
    for name, figures in part["sites"].items():
        queries = ", ".join(f"{q['query']!r} {q['ms']:.0f} ms" for q in figures["queries"])
        print(f"   {name}: index {figures['index']['raw'] / 1000:.0f} KB "
              f"({figures['index']['gzip'] / 1000:.0f} KB gzip); search ready "
              f"{figures['ready_after_ms'] / 1000:.1f} s after opening, the page blocked for up "
              f"to {figures['longest_task_until_ready_ms'] / 1000:.1f} s meanwhile")
        print(f"   first result: median {figures['median_ms']:.0f} ms, slowest "
              f"{figures['slowest_ms']:.0f} ms")
        for query in figures["queries"]:
            print(f"      {query['query']!r:<22}{query['ms']:>6.0f} ms  "
                  f"{query['matching_documents']:>5} matching pages")


def print_lighthouse(part):
    print("\n4. Lighthouse, guide, mobile settings, medians")
    names = list(lighthouse.CATEGORIES) + list(lighthouse.METRICS)
    print(f"{'site':<9}" + "".join(f"{name:>16}" for name in names))
    for site, figures in part["sites"].items():
        values = [f"{figures['scores'][c]:.0f}" for c in lighthouse.CATEGORIES]
        values += [f"{figures['metrics'][m]:.0f}" if m.endswith("_ms")
                   else f"{figures['metrics'][m]:.3f}" for m in lighthouse.METRICS]
        print(f"{site:<9}" + "".join(f"{v:>16}" for v in values))
        for number, sample in enumerate(figures["samples"], 1):
            print(f"   run {number}: performance {sample['scores']['performance']}, " + ", ".join(
                f"{m} {v:.0f}" if m.endswith("_ms") else f"{m} {v:.3f}"
                for m, v in sample["metrics"].items())
                + f", first frame shown (unthrottled) {sample['observed_FCP_ms']:.0f} ms")
        runs = len(figures["samples"])
        prompt = sum(sample["observed_FCP_ms"] < 1000 for sample in figures["samples"])
        print(f"   first frame shown within 1 s in {prompt} of {runs} runs" + (
            "; the others waited for Chromium's frame throttle (bench/README.md, "
            "\"Lighthouse's first frame\")" if prompt < runs else ""))
        for category, audits in figures["missed_in_last_run"].items():
            print(f"   {site} {category}: " + "; ".join(
                f"{a['id']} ({a['score']:.2f})" for a in audits))


def check_targets(results):
    """Each README target with the measured figure and whether it is met."""
    checks = []

    def check(target, measured, met):
        checks.append({"target": target, "measured": measured, "met": bool(met)})

    scaling = results.get("build_scaling")
    baseline = next((name for name in ("bare+prune", "bare")
                     if scaling and name in scaling["sizes"][-1]["wall_seconds"]), None)
    if baseline:
        largest = scaling["sizes"][-1]
        # Like for like: bare Material builds one language, so the target compares the project's
        # English site alone (project-en) when it was built; German, a second build of every
        # corpus page (none is translated, so each is built again with the fallback note), is
        # reported as its own cost (README "Performance").
        like = "project-en" if "project-en" in largest["wall_seconds"] else "project"
        measured = ratio(largest, "wall_seconds", baseline, like)
        check(f"build at {largest['pages']} pages <= {TARGETS['build_ratio_max']}x {baseline} "
              f"(wall, {like})", round(measured, 2), measured <= TARGETS["build_ratio_max"])
        served = [size for size in scaling["sizes"] if "serve_rebuild_seconds" in size]
        if served:
            measured = served[-1]["serve_rebuild_seconds"]["project"]["median"]
            check(f"make serve at {served[-1]['pages']} pages: save -> reload <= "
                  f"{TARGETS['serve_reload_max_s']} s", round(measured, 2),
                  measured <= TARGETS["serve_reload_max_s"])
        exponent = scaling["growth"]["project"]["exponent"]
        if exponent is not None:
            check(f"growth no worse than linear: CPU time ~ pages^k, k <= "
                  f"{TARGETS['growth_exponent_max']}",
                  round(exponent, 2), exponent <= TARGETS["growth_exponent_max"])
    if scaling and "project-en" in scaling["sizes"][-1]["wall_seconds"]:
        largest = scaling["sizes"][-1]
        for kind, name in (("wall_seconds", "wall"), ("cpu_seconds", "CPU")):
            measured = ratio(largest, kind, "project-en")
            check(f"English + German at {largest['pages']} pages <= "
                  f"{TARGETS['second_language_max']}x English alone ({name}, medians)",
                  round(measured, 2), measured <= TARGETS["second_language_max"])
    weight = results.get("page_weight")
    if weight:
        measured = weight["guide"]["ratio_gzip"]
        check(f"guide first view <= {TARGETS['guide_weight_ratio_max']}x bare Material (gzip)",
              round(measured, 3), measured <= TARGETS["guide_weight_ratio_max"])
        kilobytes = weight["guide"]["project"]["total"]["gzip"] / 1000
        check(f"stretch: guide first view <= {TARGETS['guide_weight_stretch_kb']} KB gzip",
              round(kilobytes, 1), kilobytes <= TARGETS["guide_weight_stretch_kb"])
    search = results.get("search")
    if search:
        measured = search["sites"]["project"]["median_ms"]
        check(f"first search result < {TARGETS['search_first_result_ms']} ms at "
              f"{search['pages']} pages (median)",
              round(measured), measured < TARGETS["search_first_result_ms"])
    audit = results.get("lighthouse")
    if audit:
        scores = audit["sites"]["project"]["scores"]
        for category, minimum in TARGETS["lighthouse_min"].items():
            check(f"Lighthouse {category} >= {minimum}", scores[category],
                  scores[category] >= minimum)
        bare = audit["sites"].get("bare")
        if bare:
            check("Lighthouse performance not below bare Material (medians)",
                  f"{scores['performance']} vs {bare['scores']['performance']}",
                  scores["performance"] >= bare["scores"]["performance"])
            for metric in ("FCP_ms", "LCP_ms"):
                ours, theirs = audit["sites"]["project"]["metrics"][metric], bare["metrics"][metric]
                check(f"Lighthouse {metric[:3]} no worse than bare Material (medians)",
                      f"{ours:.0f} vs {theirs:.0f} ms", ours <= theirs)
    picker = results.get("situation_picker")
    if picker:
        target = picker["first_step_target_px"]
        tops = [top for situations in picker["first_step_px_on_phone"].values()
                for top in situations.values() if top is not None]
        check(f"first Step within {target:.0f} px on a phone, every situation of every guide",
              f"{sum(top <= target for top in tops)} of {len(tops)}, furthest {max(tops):.0f} px",
              all(top <= target for top in tops))
    cache = results.get("offline_cache")
    if cache:
        for language, kept in cache["languages"].items():
            check(f"kept for reading offline, {language} <= {cache['budget_bytes'] // 1024} KB",
                  f"{kept['bytes'] / 1024:.0f} KB", kept["bytes"] <= cache["budget_bytes"])
    return checks


def second_language_cost(results):
    """What German costs (issue 13): the project's build over its English site alone, per size."""
    scaling = results.get("build_scaling")
    if not scaling or "project-en" not in scaling["sizes"][-1]["wall_seconds"]:
        return None
    costs = {size["pages"]: {kind: round(ratio(size, kind, "project-en"), 2)
                             for kind in ("wall_seconds", "cpu_seconds")}
             for size in scaling["sizes"]}
    print("\nThe second language: project / project-en (English alone), medians")
    for pages, cost in costs.items():
        print(f"   {pages:>6} pages: wall {cost['wall_seconds']}x, CPU {cost['cpu_seconds']}x")
    return costs


def print_targets(checks):
    print("\nTargets")
    for check in checks:
        print(f"   {'met   ' if check['met'] else 'MISSED'} {check['target']}: {check['measured']}")


def part_search(arguments, scaling):
    largest = scaling["sizes"][-1]
    print(f"search on {largest['pages']} pages...", flush=True)
    # Only the project: bare Material's file:// search needs iframe-worker from unpkg.com,
    # so offline it hides its search box.
    searched = {"project": Path(largest["sites"]["project"])}
    corpus_page = str(Path(page_path(1)).with_suffix(".html"))
    return {"pages": largest["pages"], "page": corpus_page,
            "sites": search_speed.measure(searched, corpus_page, arguments.queries)}


def part_lighthouse(arguments, docs_sites):
    print("Lighthouse...", flush=True)
    guide = page_weight.PAGES["guide"]
    return {"page": guide,
            "sites": lighthouse.measure(docs_sites, guide, arguments.lighthouse_runs)}


def measure_everything(arguments, work, results):
    results["build_scaling"] = part_build_scaling(arguments, work)
    print_build_scaling(results["build_scaling"], arguments.configs)

    print("page weight...", flush=True)
    docs_sites = build_docs_sites(work, arguments.project_site)
    results["page_weight"] = page_weight.measure(docs_sites)
    print_page_weight(results["page_weight"])

    results["search"] = part_search(arguments, results["build_scaling"])
    print_search(results["search"])
    for size in results["build_scaling"]["sizes"]:
        del size["sites"]  # temporary folders

    if arguments.lighthouse_runs:
        results["lighthouse"] = part_lighthouse(arguments, docs_sites)
        print_lighthouse(results["lighthouse"])

    if not arguments.no_picker:
        print("\n5. Situation picker (bench/situation_picker.py)")
        results["situation_picker"] = situation_picker.measure(docs_sites["project"])
        situation_picker.report(results["situation_picker"])

    results["offline_cache"] = offline_cache.measure(docs_sites["project"])
    offline_cache.report(results["offline_cache"])


def run(arguments):
    started = time.perf_counter()
    results = {"settings": {k: (str(v) if isinstance(v, Path) else v)
                            for k, v in vars(arguments).items()},
               "machine_before": machine()}
    work = Path(tempfile.mkdtemp(prefix="help-bench-"))
    try:
        measure_everything(arguments, work, results)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["targets"] = check_targets(results)
    results["second_language"] = second_language_cost(results)
    print_targets(results["targets"])
    results["machine_after"] = machine()
    results["duration_seconds"] = time.perf_counter() - started
    arguments.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\n{arguments.output} written; {results['duration_seconds'] / 60:.1f} minutes; load "
          f"{results['machine_before']['load_average'][0]:.1f} before, "
          f"{results['machine_after']['load_average'][0]:.1f} after, on {os.cpu_count()} CPUs")
    return results


def main(argv=None):
    try:
        run(parse_arguments(argv if argv is not None else sys.argv[1:]))
    except BenchError as error:
        sys.exit(f"bench: {error}")


if __name__ == "__main__":
    main()
