"""Benchmark the "your situation" picker and progress through a guide: their weight, how fast a
switch re-renders the guide, and how long restoring the reader's ticks takes on load.

Usage: python bench/situation_picker.py [SITE_DIR]   (default: site/, built by `make site`)
Targets: picker + progress JS + CSS under 7 KB gzipped (issue 16; the picker alone had 5 KB,
issue 3); a switch re-renders in under 50 ms; ticks are restored in under 16 ms (one frame);
with a situation chosen, the first Step heading starts within 1.5 screens of a 390x844 phone.
"""

import gzip
import re
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from support.browsers import BROWSER_ARGS, find_chromium  # noqa: E402
from macros.situations import Registry  # noqa: E402

SIZE_TARGET = 7 * 1024
RENDER_TARGET_MS = 50
RESTORE_TARGET_MS = 16
SWITCHES = 40
RELOADS = 20
PHONE = {"width": 390, "height": 844}
SCREENS_TARGET = 1.5

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


# Every action of the path ticked (progress.js keeps ticks under this key), then reloads: the
# time progress.js reports for restoring them ("progress: ticks restored", a performance measure).
MEASURE_RESTORE = """async () => {
  const ids = [...document.querySelectorAll('article li[data-step-id]')]
    .map((li) => li.getAttribute('data-step-id'));
  const key = Object.keys(localStorage).find((k) => k.startsWith('work-phone-help.progress:'));
  localStorage.setItem(key || 'work-phone-help.progress:migrate-iphone.html', JSON.stringify(ids));
  return ids.length;
}"""


def picker_bytes(site):
    guide = (site / "migrate-iphone.html").read_text(encoding="utf-8")
    inline = "".join(re.findall(r"<script>var situationRegistry.*?</script>|<style>.*?</style>|"
                                r"<script>document\.dispatchEvent.*?</script>", guide, re.S))
    parts = {
        "situations.js": (site / "assets/situations/situations.js").read_bytes(),
        "situations.css": (site / "assets/situations/situations.css").read_bytes(),
        "progress.js": (site / "assets/progress/progress.js").read_bytes(),
        "progress.css": (site / "assets/progress/progress.css").read_bytes(),
        "inline registry, rules, hook": inline.encode(),
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


def restore_times(site):
    """Milliseconds progress.js takes to restore every action's tick, over RELOADS loads."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=BROWSER_ARGS)
        page = browser.new_page()
        page.goto((site / "migrate-iphone.html").as_uri() + "?show=all")
        page.locator("article .progress__box").first.check()  # so that the guide's key exists
        ticked = page.evaluate(MEASURE_RESTORE)
        times = []
        for _ in range(RELOADS):
            page.reload()
            times.append(page.evaluate(
                "performance.getEntriesByName('progress: ticks restored')[0].duration"))
            assert page.locator("article .progress__box:checked").count() == ticked
        browser.close()
    return ticked, times


FIRST_STEP_TOP = """() => [...document.querySelectorAll('article h2.step')]
  .find((h) => h.checkVisibility()).getBoundingClientRect().top + scrollY"""


def first_step_positions(site):
    """Where the first Step heading starts on a phone, per situation, arriving by IT's link."""
    positions = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=BROWSER_ARGS)
        for choice in Registry.load().possible_choices():
            situation = "&".join(f"{key}={value}" for key, value in choice.items())
            page = browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True)
            page.goto((site / "migrate-iphone.html").as_uri() + "?" + situation)
            positions[situation] = page.evaluate(FIRST_STEP_TOP)
            page.close()
        browser.close()
    return positions


def measure(site):
    """The picker's bytes and switch times, as figures for bench/results.json."""
    sizes = picker_bytes(site)
    samples = switch_times(site)
    switches = {}
    for name, times in (("script_only", [s for s, _ in samples]),
                        ("to_next_frame", [f for _, f in samples])):
        switches[name] = {"median_ms": statistics.median(times),
                          "p95_ms": statistics.quantiles(times, n=20)[-1], "max_ms": max(times)}
    ticked, restores = restore_times(site)
    return {
        "first_step_px_on_phone": first_step_positions(site),
        "first_step_target_px": SCREENS_TARGET * PHONE["height"],
        "restore": {"ticks": ticked, "reloads": RELOADS, "median_ms": statistics.median(restores),
                    "max_ms": max(restores)},
        "restore_target_ms": RESTORE_TARGET_MS,
        "files": {name: {"raw": raw, "gzip": packed} for name, (raw, packed) in sizes.items()},
        "total_gzip": sum(packed for _, packed in sizes.values()),
        "size_target_bytes": SIZE_TARGET,
        "switches": SWITCHES,
        "switch": switches,
        "render_target_ms": RENDER_TARGET_MS,
    }


def report(figures):
    print(f"{'picker + progress file':<30}{'bytes':>8}{'gzip':>8}")
    for name, size in figures["files"].items():
        print(f"{name:<30}{size['raw']:>8}{size['gzip']:>8}")
    total = figures["total_gzip"]
    print(f"{'total (separately gzipped)':<30}{'':>8}{total:>8}  target < {SIZE_TARGET}: "
          f"{'met' if total < SIZE_TARGET else 'MISSED'}")
    for name, switch in figures["switch"].items():
        label = name.replace("_", " ")
        print(f"switch, {label:<13} ({figures['switches']} switches): "
              f"median {switch['median_ms']:6.1f} ms, p95 {switch['p95_ms']:6.1f} ms, "
              f"max {switch['max_ms']:6.1f} ms; target < {RENDER_TARGET_MS} ms: "
              f"{'met' if switch['median_ms'] < RENDER_TARGET_MS else 'MISSED'}")
    restore = figures["restore"]
    print(f"ticks restored on load ({restore['ticks']} ticks, {restore['reloads']} loads): "
          f"median {restore['median_ms']:6.1f} ms, max {restore['max_ms']:6.1f} ms; "
          f"target < {RESTORE_TARGET_MS} ms: "
          f"{'met' if restore['median_ms'] < RESTORE_TARGET_MS else 'MISSED'}")
    target = figures["first_step_target_px"]
    positions = figures["first_step_px_on_phone"]
    print(f"first Step heading on a {PHONE['width']}x{PHONE['height']} phone, situation chosen "
          f"(target <= {target:.0f} px, {SCREENS_TARGET} screens):")
    for situation, top in positions.items():
        print(f"  {situation:<36}{top:7.0f} px {top / PHONE['height']:5.2f} screens  "
              f"{'met' if top <= target else 'MISSED'}")


def main():
    report(measure(Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()))


if __name__ == "__main__":
    main()
