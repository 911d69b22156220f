"""Where Chromium treats file:// specially under the site's Content-Security-Policy.

Usage: .venv/bin/python bench/csp_file_scheme.py   (prints a table; README "Content-Security-Policy")

A page carrying the site's policy (macros/finished_html/security_policy.py, no inline hashes) tries to load a
script, an image and a fetch() from: its own folder, a folder of the same disk outside the site,
and another web origin. It is opened once from disk and once from a loopback web server, so the
two columns show what the same policy allows in each case.
"""

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path[:0] = [str(Path(__file__).resolve().parent.parent / "tests"),
                str(Path(__file__).resolve().parent.parent)]
from support.browsers import BROWSER_ARGS, find_chromium  # noqa: E402
from support.servers import serve  # noqa: E402
from macros.finished_html.security_policy import POLICY  # noqa: E402

PROBE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}"><title>probe</title></head>
<body><script src="probe.js"></script></body></html>"""
# probe.js: allowed by 'self' everywhere; it reports what each other load did.
PROBE_JS = """
window.results = {};
const places = {"same folder": "./", "outside the site, same disk or host": "../outside/",
                "another origin": "%(other)s"};
const loads = [];
for (const [place, base] of Object.entries(places)) {
  loads.push(new Promise(done => { const s = document.createElement("script");
    s.src = base + "flag.js"; s.onload = () => done([place, "script", "runs"]);
    s.onerror = () => done([place, "script", "blocked"]); document.head.append(s); }));
  loads.push(new Promise(done => { const i = new Image();
    i.onload = () => done([place, "image", "loads"]); i.onerror = () => done([place, "image", "blocked"]);
    i.src = base + "pixel.svg"; }));
  loads.push(fetch(base + "data.json").then(() => [place, "fetch()", "allowed"],
                                           e => [place, "fetch()", "fails: " + e.message]));
}
loads.push(new Promise(done => { try { const w = new Worker("worker.js");
  w.onmessage = () => done(["same folder", "new Worker()", "runs"]);
  w.onerror = () => done(["same folder", "new Worker()", "fails"]);
} catch (e) { done(["same folder", "new Worker()", "throws " + e.name]); } }));
Promise.all(loads).then(rows => { window.results = rows; });
"""
PIXEL = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'


def write_files(folder, other_origin):
    for name in ("site", "outside"):
        (folder / name).mkdir()
        (folder / name / "flag.js").write_text("window.flag = true;")
        (folder / name / "pixel.svg").write_text(PIXEL)
        (folder / name / "data.json").write_text("{}")
    (folder / "site" / "worker.js").write_text("postMessage('hi');")
    (folder / "site" / "probe.html").write_text(PROBE.format(policy=POLICY.format(hashes="")))
    (folder / "site" / "probe.js").write_text(PROBE_JS % {"other": other_origin})


def main():
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        other, other_root = serve(folder / "other-origin")  # any other origin will do
        (folder / "other-origin").mkdir()
        for name in ("flag.js", "pixel.svg", "data.json"):
            (folder / "other-origin" / name).write_text(
                {"flag.js": "window.flag = true;", "pixel.svg": PIXEL, "data.json": "{}"}[name])
        write_files(folder, other_root)
        server, root = serve(folder)
        table = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(),
                                                 args=BROWSER_ARGS)
            for column, url in (("file://", (folder / "site" / "probe.html").as_uri()),
                                ("http://", root + "site/probe.html")):
                page = browser.new_page()
                page.goto(url)
                page.wait_for_function("Array.isArray(window.results)", timeout=15_000)
                for place, kind, outcome in page.evaluate("window.results"):
                    table.setdefault((place, kind), {})[column] = outcome
                page.close()
            print(f"Chromium {browser.version}, policy of macros/finished_html/security_policy.py")
            browser.close()
        server.shutdown()
        other.shutdown()
    print(f"| {'load':<48} | {'file://':<40} | {'http://':<40} |")
    print(f"|{'-' * 50}|{'-' * 42}|{'-' * 42}|")
    for (place, kind), outcomes in table.items():
        print(f"| {kind + ' from ' + place:<48} | {outcomes.get('file://', ''):<40} "
              f"| {outcomes.get('http://', ''):<40} |")


if __name__ == "__main__":
    main()
