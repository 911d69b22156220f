"""Benchmark the "your situation" picker: its weight, and how fast a switch re-renders the guide.

Usage: python bench/situation_picker.py [SITE_DIR]   (default: site/, built by `make site`)
Targets (issue 3): picker JS + CSS under 5 KB gzipped; a switch re-renders in under 50 ms.
"""

import gzip
import re
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import BROWSER_ARGS, find_chromium  # noqa: E402

SIZE_TARGET = 5 * 1024
RENDER_TARGET_MS = 50
SWITCHES = 40

# Time from the change event to the next frame being ready to paint, for a series of switches.
MEASURE_SWITCHES = """async (count) => {
  const radios = [...document.querySelectorAll('.situation-picker input[type=radio]')];
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  const times = [];
  for (let i = 0; i < count; i++) {
    const radio = radios.filter((r) => !r.checked && !r.disabled)[i % 3];
    const start = performance.now();
    radio.click();
    const scripted = performance.now() - start;
    await frame();
    times.push([scripted, performance.now() - start]);
  }
  return times;
}"""


def picker_bytes(site):
    guide = (site / "migrate-iphone.html").read_text(encoding="utf-8")
    head = guide.split("</head>")[0]
    inline = "".join(re.findall(r"<script>var situationRegistry.*?</script>|<style>.*?</style>",
                                head, re.S))
    parts = {
        "situations.js": (site / "assets/javascripts/situations.js").read_bytes(),
        "situations.css": (site / "stylesheets/situations.css").read_bytes(),
        "inline registry + rules": inline.encode(),
    }
    return {name: (len(data), len(gzip.compress(data, 9))) for name, data in parts.items()}


def switch_times(site):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=BROWSER_ARGS)
        page = browser.new_page()
        page.goto((site / "migrate-iphone.html").as_uri())
        times = page.evaluate(MEASURE_SWITCHES, SWITCHES)
        browser.close()
    return times


def measure(site):
    """The picker's bytes and switch times, as figures for bench/results.json."""
    sizes = picker_bytes(site)
    samples = switch_times(site)
    switches = {}
    for name, times in (("script_only", [s for s, _ in samples]),
                        ("to_next_frame", [f for _, f in samples])):
        switches[name] = {"median_ms": statistics.median(times),
                          "p95_ms": statistics.quantiles(times, n=20)[-1], "max_ms": max(times)}
    return {
        "files": {name: {"raw": raw, "gzip": packed} for name, (raw, packed) in sizes.items()},
        "total_gzip": sum(packed for _, packed in sizes.values()),
        "size_target_bytes": SIZE_TARGET,
        "switches": SWITCHES,
        "switch": switches,
        "render_target_ms": RENDER_TARGET_MS,
    }


def report(figures):
    print(f"{'picker file':<26}{'bytes':>8}{'gzip':>8}")
    for name, size in figures["files"].items():
        print(f"{name:<26}{size['raw']:>8}{size['gzip']:>8}")
    total = figures["total_gzip"]
    print(f"{'total (separately gzipped)':<26}{'':>8}{total:>8}  target < {SIZE_TARGET}: "
          f"{'met' if total < SIZE_TARGET else 'MISSED'}")
    for name, switch in figures["switch"].items():
        label = name.replace("_", " ")
        print(f"switch, {label:<13} ({figures['switches']} switches): "
              f"median {switch['median_ms']:6.1f} ms, p95 {switch['p95_ms']:6.1f} ms, "
              f"max {switch['max_ms']:6.1f} ms; target < {RENDER_TARGET_MS} ms: "
              f"{'met' if switch['median_ms'] < RENDER_TARGET_MS else 'MISSED'}")


def main():
    report(measure(Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()))


if __name__ == "__main__":
    main()
