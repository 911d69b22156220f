"""Part 4: Lighthouse on the guide, mobile settings, against bare Material.

Lighthouse 12.2.3 (bench/package.json, installed by `make bench` with `npm ci --prefix bench`)
drives the system Chromium (CHROME_PATH) headless, with the test suite's no-network flags, against
each site served on loopback. Its default settings are the mobile ones: a phone-sized screen,
simulated slow 4G and a 4x slower CPU. Runs alternate between the sites; medians are reported,
and every run's figures too.
"""

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from support.browsers import BROWSER_ARGS, find_chromium

from bench import BenchError
from bench.page_weight import serve

CLI = Path(__file__).resolve().parent / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"FCP_ms": "first-contentful-paint", "LCP_ms": "largest-contentful-paint",
           "TBT_ms": "total-blocking-time", "CLS": "cumulative-layout-shift"}
RUN_TIMEOUT = 600


def run_lighthouse(url):
    """One Lighthouse run; return its JSON report."""
    if not CLI.exists():
        raise BenchError(f"{CLI} is missing: run `npm ci --prefix bench` (make bench does).")
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        report = Path(folder) / "report.json"
        command = [
            "node", str(CLI), url, "--quiet", "--output=json", f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=" + " ".join(["--headless=new", *BROWSER_ARGS]),
        ]
        env = {**os.environ, "CHROME_PATH": find_chromium(), "TMPDIR": folder}
        done = subprocess.run(command, env=env, capture_output=True, text=True,
                              timeout=RUN_TIMEOUT)
        if done.returncode != 0 or not report.exists():
            raise BenchError(f"Lighthouse failed on {url}:\n{done.stderr[-3000:]}")
        return json.loads(report.read_text(encoding="utf-8"))


def missed_audits(report, category):
    """Audits that cost points in a category: id, title and score."""
    audits = report["audits"]
    return [{"id": ref["id"], "title": audits[ref["id"]]["title"],
             "score": audits[ref["id"]]["score"]}
            for ref in report["categories"][category]["auditRefs"]
            if ref["weight"] > 0 and audits[ref["id"]]["score"] is not None
            and audits[ref["id"]]["score"] < 1]


def figures(report):
    scores = {name: round(100 * report["categories"][name]["score"]) for name in CATEGORIES}
    metrics = {name: report["audits"][audit]["numericValue"] for name, audit in METRICS.items()}
    missed = {name: missed_audits(report, name) for name in CATEGORIES if scores[name] < 100}
    return {"scores": scores, "metrics": metrics, "missed": missed,
            "observed_FCP_ms": observed_first_paint(report)}


def observed_first_paint(report):
    """When the page's first contentful frame was shown in the load Lighthouse recorded (not
    throttled). The simulated FCP counts every task and request that came before it, so it
    decides much of the score. On this machine it came at 0.17-0.22, 1.21-1.27 or 2.22-2.30 s
    in 32 runs of the guide (and variants) and of bare Material, never in between (see
    bench/README.md, "Lighthouse's first frame")."""
    return report["audits"]["metrics"]["details"]["items"][0]["observedFirstContentfulPaint"]


def medians(runs):
    return {
        "runs": len(runs),
        "scores": {name: statistics.median(r["scores"][name] for r in runs) for name in CATEGORIES},
        "metrics": {name: statistics.median(r["metrics"][name] for r in runs) for name in METRICS},
        "score_samples": [r["scores"] for r in runs],
        "samples": [{"scores": r["scores"], "metrics": r["metrics"],
                     "observed_FCP_ms": r["observed_FCP_ms"]} for r in runs],
        "missed_in_last_run": runs[-1]["missed"],
    }


def measure(sites, path, runs):
    """Lighthouse figures for `path` on each named site folder, `runs` alternating runs each."""
    collected = {name: [] for name in sites}
    for repeat in range(runs):
        order = list(sites) if repeat % 2 == 0 else list(reversed(sites))
        for name in order:
            with serve(sites[name]) as (root, _):
                collected[name].append(figures(run_lighthouse(root + path)))
    return {name: medians(reports) for name, reports in collected.items()}
