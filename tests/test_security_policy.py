"""Content-Security-Policy: every page declares a strict one, nothing the site does breaks it,
and an inline script that was not there at build time does not run."""

import os
import shutil
import socket
import subprocess
import time

import pytest
from bs4 import BeautifulSoup

from support.browsers import search_site
from support.content import front_matter, guides, html_path
from support.policy import RECORD_VIOLATIONS, violations
from support.project import MKDOCS, PROJECT
from support.scenarios import FOLDED_CHANGE, GUIDE
from support.servers import serve
from support.sites import make_world_readable_dir

IT_PAGE = "it/link-to-this-guide.html"  # the reader site's IT page
# docs/' pages that are not guides (every guide is checked on the reader site and in axe runs).
OTHER_PAGES = sorted(html_path(src) for src in front_matter() if src not in guides())
SITUATIONS = ["", "?mfa=sms&transfer=phone&from=iphone", "?mfa=none&transfer=none&from=android",
              "?show=all"]
INJECTED = ('<script>window.injectedScriptRan = true</script>'
            '<img src="data:," alt="" onerror="window.injectedHandlerRan = true">')


def policy_of(html):
    """The page's policy as {directive: [sources]}, and whether it comes before every script."""
    soup = BeautifulSoup(html, "html.parser")
    metas = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert len(metas) == 1, f"{len(metas)} policies"
    first_script = soup.find("script")
    before_scripts = first_script is None or metas[0].sourceline < first_script.sourceline or (
        metas[0].sourceline == first_script.sourceline and metas[0].sourcepos < first_script.sourcepos)
    directives = {}
    for part in metas[0]["content"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives, before_scripts


def site_pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@pytest.mark.parametrize("which", [
    "site_dir", pytest.param("fabrikam_site_dir", marks=pytest.mark.slow)])
def test_every_page_declares_a_strict_policy_before_any_script(request, which):
    site = request.getfixturevalue(which)
    for page in site_pages(site):
        policy, before_scripts = policy_of((site / page).read_text(encoding="utf-8"))
        assert before_scripts, page
        assert policy["default-src"] == ["'none'"], page
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"], page
        scripts = policy["script-src"]
        assert scripts[0] == "'self'" and all(s.startswith("'sha256-") for s in scripts[1:]), page
        for directive, sources in policy.items():
            # Nothing from outside the site: no hosts, schemes other than data:, or wildcards.
            allowed = {"'self'", "'none'", "data:"} | (
                {"'unsafe-inline'"} if directive == "style-src" else set())
            assert [s for s in sources if s not in allowed and not s.startswith("'sha256-")] == [], \
                f"{page}: {directive}"


def open_recording(new_visit, root, path):
    """Open a page that records its policy violations. The tests check them after the reader's
    last action has answered (search results shown, a copy confirmed): the page's own loading
    is over by then."""
    visit = new_visit(root)
    visit.page.add_init_script(RECORD_VIOLATIONS)
    return visit, visit.open(path)


def choose_text_message(page):
    """Answer "Text message or phone call", opening the picker first where it is folded behind
    "Change" (a reader who arrived with a situation, issue 16)."""
    change = page.locator(FOLDED_CHANGE)
    if change.is_visible():
        change.click()
    page.locator("form.situation-picker").get_by_text("Text message or phone call").click()


@pytest.mark.parametrize("situation", SITUATIONS)
def test_guide_works_in_every_situation_without_violations(new_visit, reader_root, situation):
    visit, page = open_recording(new_visit, reader_root, GUIDE + situation)
    # The picker, then search (Material's worker; on file:// run in the iframe-worker shim).
    choose_text_message(page)
    assert "mfa=sms" in page.url
    first_hit = search_site(page, "Company Portal").first
    first_hit.wait_for(timeout=10_000)
    page.keyboard.press("Escape")
    assert violations(page) == [] and visit.console_errors == []


@pytest.mark.parametrize("path", OTHER_PAGES)
def test_page_and_its_search_work_without_violations(new_visit, site_root, path):
    visit, page = open_recording(new_visit, site_root, path)
    search_site(page, front_matter()[sorted(guides())[0]]["title"]).first.wait_for(timeout=10_000)
    page.keyboard.press("Escape")
    assert violations(page) == [] and visit.console_errors == []


def test_copy_button_copies_without_violations(new_visit, reader_http):
    visit, page = open_recording(new_visit, reader_http, IT_PAGE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.locator("article").get_by_role("button", name="Copy to clipboard").first.click()
    page.get_by_text("Copied to clipboard").wait_for()
    assert page.evaluate("navigator.clipboard.readText()").startswith("http")
    assert violations(page) == [] and visit.console_errors == []


@pytest.fixture(scope="module")
def site_with_injection(reader_site):
    """A copy of the reader site whose guide got an inline script and an inline event handler
    after the build, as a tampered copy or an injection bug would add them."""
    folder = make_world_readable_dir("help-site-injected-")
    shutil.copytree(reader_site, folder / "site")
    guide = folder / "site" / GUIDE
    html = guide.read_text(encoding="utf-8")
    guide.write_text(html.replace("</article>", INJECTED + "</article>", 1), encoding="utf-8")
    yield folder / "site"
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("scheme", ["file", "http"])
def test_inline_script_added_after_the_build_is_blocked(new_visit, site_with_injection, scheme):
    if scheme == "file":
        root = site_with_injection.as_uri() + "/"
    else:
        server, root = serve(site_with_injection)
    try:
        visit, page = open_recording(new_visit, root, GUIDE)
        page.wait_for_load_state("networkidle")  # checked at once: let the page finish first
        assert page.evaluate("[window.injectedScriptRan, window.injectedHandlerRan]") == [
            None, None]
        blocked = violations(page)
        assert len(blocked) == 2, blocked
        assert {v.split()[0] for v in blocked} == {"script-src-elem", "script-src-attr"}
        # The page's own scripts still ran: the situation picker works.
        choose_text_message(page)
        assert "mfa=sms" in page.url
    finally:
        if scheme == "http":
            server.shutdown()


@pytest.mark.slow
def test_live_preview_leaves_the_policy_out_so_live_reload_runs(new_visit, tmp_path):
    """`make serve` injects an inline live-reload script into each page it serves."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [*MKDOCS, "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"], cwd=PROJECT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    try:
        root = f"http://127.0.0.1:{port}/"
        visit = new_visit(root)
        visit.page.add_init_script(RECORD_VIOLATIONS)
        polls = []
        visit.page.on("request", lambda r: "/livereload/" in r.url and polls.append(r.url))
        for _ in range(120):  # the first build takes a while on a busy machine
            try:
                page = visit.open(html_path(sorted(guides())[0]))
                break
            except Exception:
                time.sleep(1)
        page.wait_for_timeout(1000)
        assert violations(page) == []
        assert polls, "the live reload script did not start polling for changes"
    finally:
        server.terminate()
        server.wait(timeout=30)
