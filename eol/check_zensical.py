"""`make check-zensical`: build this project's sources with Zensical and print what survives.

Usage: .venv/bin/python eol/check_zensical.py --zensical .venv-zensical/bin/zensical

Zensical reads mkdocs.yml but silently ignores `hooks:`, plugins it does not support (our
`help-*` plugins among them) and more, so its exit code says little. Each row below is decided
from the built HTML (markers that only the feature writes) or, for offline search, by Chromium
opening the build from file://. The finishing step (macros/finished_html/: the policy and
minified assets) needs no MkDocs build, so it is run on what Zensical wrote, as a deployment
would run it after any generator.

The sources are copied to a temporary folder with one addition, a redirect (old-guide.md ->
migrate-iphone.md), so that redirects can be observed; front matter checks are observed with a
second build of tests/sites/front-matter-missing-field. Nothing in the project is changed.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))
SOURCES = ["docs", "macros", "overrides", "profiles", "mkdocs.yml"]
BAD_FRONT_MATTER = PROJECT / "tests" / "sites" / "front-matter-missing-field" / "docs"
GUIDE = "migrate-iphone.html"


def build(zensical, project, docs=None):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    if docs:
        env["HELP_DOCS_DIR"] = str(docs)
    result = subprocess.run([zensical, "build", "--clean", "-f", "mkdocs.yml"], cwd=project,
                            env=env, capture_output=True, text=True, timeout=600)
    output = result.stdout + result.stderr
    errors = [line for line in output.splitlines()
              if re.match(r"^\w*(Error|Exception)\b|RuntimeError|^ERROR", line)]
    return result.returncode, errors, output


def finish(project, site):
    """`python -m macros.finished_html` on Zensical's output, with this project's Python."""
    result = subprocess.run([sys.executable, "-m", "macros.finished_html", str(site),
                             "--config-file", "mkdocs.yml"], cwd=project,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)},
                            capture_output=True, text=True, timeout=600)
    return result.returncode, result.stderr.strip().splitlines()[-1:] if result.returncode else []


def read(site, page):
    path = site / page
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def offline_search_works(site):
    """Chromium from file://: does searching for "Company Portal" list the guide?"""
    if not (site / "index.html").is_file():
        return "no (no index.html)"
    from playwright.sync_api import sync_playwright

    from conftest import BROWSER_ARGS, find_chromium, search_site
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=BROWSER_ARGS)
        page = browser.new_page()
        page.goto((site / "index.html").as_uri())
        try:
            hit = search_site(page, "Company Portal").first
            hit.wait_for(timeout=10_000)
            found = GUIDE in (hit.get_attribute("href") or "")
        except Exception as error:  # a timeout or a missing search box: not working
            return f"no ({type(error).__name__})"
        finally:
            browser.close()
    return "yes" if found else "no (the guide is not among the results)"


def rows(site, front_matter_output, finished):
    guide, home = read(site, GUIDE), read(site, "index.html")
    pages = [path.read_text(encoding="utf-8") for path in site.rglob("*.html")]
    article = re.search(r"<article.*?</article>", guide, re.DOTALL)
    article = article.group(0) if article else ""
    yes = lambda ok, why: ("yes" if ok else "no") + f" ({why})"  # noqa: E731
    return [
        ("macros (mkdocs-macros)", yes(
            bool(article) and "Contoso" in home and "{{" not in article and "{%" not in article,
            "org_name() writes Contoso; no {{ }} left in the guide")),
        ("situation markup", yes(
            'class="situation' in guide and "situation-picker" in guide,
            "sections with data-mfa and the picker form in the guide")),
        ("front matter checks (plugin)", yes(
            re.search(r"index\.md:\d+: .*owner", front_matter_output) is not None,
            "a page without `owner` fails naming file and field")),
        ("finishing step: CSP, minified", yes(
            finished[0] == 0 and bool(pages) and all("data-help-site-csp" in html for html in pages),
            "run after the build: every page Zensical wrote has the policy <meta>"
            + (f"; {finished[1][0]}" if finished[1] else ""))),
        ("valid-HTML patch (plugin)", yes(
            bool(guide) and 'id="__drawer" autocomplete' not in guide,
            "the guide's base.html checkboxes without autocomplete")),
        ("redirects (mkdocs-redirects)", yes(
            GUIDE in read(site, "old-guide.html"),
            "old-guide.html leads to the guide")),
        ("offline search from file://", offline_search_works(site)),
        ("theme overrides", yes(
            "situationRegistry" in guide and 'aria-label="Search"' in guide,
            "main.html's extrahead script and partials/search.html's dialog name")),
        ("mike (versions)", "no (mike 2.2.0 builds through MkDocs' Python API; no Zensical "
                            "support)"),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zensical", required=True, help="the zensical command to run")
    args = parser.parse_args()
    args.zensical = str(Path(args.zensical).resolve())
    version = subprocess.run([args.zensical, "--version"], capture_output=True,
                             text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="zensical-check-") as temp:
        project = Path(temp)
        for name in SOURCES:
            source = PROJECT / name
            copy = shutil.copytree if source.is_dir() else shutil.copy2
            copy(source, project / name)
        config = (project / "mkdocs.yml").read_text(encoding="utf-8")
        (project / "mkdocs.yml").write_text(config.replace(
            "redirect_maps: {}", 'redirect_maps: {"old-guide.md": "migrate-iphone.md"}'),
            encoding="utf-8")
        code, errors, _ = build(args.zensical, project)
        # The second build (a page missing `owner`) cleans site/: keep the first one's output.
        (project / "site").mkdir(exist_ok=True)
        site = (project / "site").rename(project / "site-of-the-project")
        pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
        finished = finish(project, site)
        bad_code, _, bad_output = build(args.zensical, project, docs=BAD_FRONT_MATTER)
        table = rows(site, bad_output, finished)
    print(f"Zensical: {version}")
    print(f"Build of the project: exit code {code}; HTML pages written: {len(pages)} "
          f"({', '.join(pages[:3])})")
    for line in errors[:3]:
        print(f"  {line}")
    print(f"Build with a page missing `owner`: exit code {bad_code}")
    print()
    print(f"| {'feature':<30} | survives with Zensical |")
    print(f"|{'-' * 32}|{'-' * 24}|")
    for feature, outcome in table:
        print(f"| {feature:<30} | {outcome} |")


if __name__ == "__main__":
    main()
