"""Languages (issue 13): English at the site root, German under /de/, in the built site, in
Chromium (from disk and from a server) and in a scenario site whose English page changes.

What a German page must match is read from the English page as built or as Chromium shows it,
never from the code that makes the German one.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from macros.translations import structure
from support import axe
from support.content import guides, html_path, reader_pages
from support.linkcheck import run_linkchecker
from support.project import PROJECT, build_site
from support.scenarios import GUIDE
from support.seen import reading, visible_steps
from support.sites import make_world_readable_dir

DOCS = PROJECT / "docs"
# The reader site's guide (support/scenarios.py), in a situation, at its second step.
SITUATION = "?mfa=sms&transfer=icloud&from=iphone"
STEP_2 = "#step-2-start-the-new-phone"
# The writing guide stays English: in the German site it is shown untranslated, with a note.
UNTRANSLATED = "writing/index.html"
SCENARIO = PROJECT / "tests" / "sites" / "translation-stale"
SITE_URL = yaml.safe_load((PROJECT / "profiles" / "contoso.yml").read_text(encoding="utf-8"))[
    "site_url"]
# docs/' guides, found from their front matter, and the reader pages that have a German page.
SOURCE_GUIDES = {html_path(path): guide for path, guide in guides().items()}
GERMAN_PAGES = [f"de/{page}" for page in reader_pages()
                if (DOCS / page.replace(".html", ".de.md")).is_file()]


def soup(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def english_path(page):
    """'de/it/link-to-this-guide.html' -> 'it/link-to-this-guide.html'."""
    return page[len("de/"):] if page.startswith("de/") else page


def translated(page):
    """Whether docs/ holds a German translation of the built page (e.g. docs/index.de.md)."""
    return (DOCS / english_path(page).replace(".html", ".de.md")).is_file()


def site_pages(site_dir):
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                  if p.name != "404.html")


# --- lang and hreflang, on every page -------------------------------------------------------

def test_every_page_is_in_both_languages_with_lang_and_hreflang_alternates(site_dir):
    pages = site_pages(site_dir)
    english = [page for page in pages if not page.startswith("de/")]
    assert [page for page in pages if page.startswith("de/")] == [f"de/{p}" for p in english]
    for page in pages:
        html = soup(site_dir / page)
        language = "de" if page.startswith("de/") else "en"
        assert html.html["lang"] == language, page
        # Absolute, from the profile's site_url (what search engines need), and the English
        # page again for readers of any other language (x-default).
        alternates = {link["hreflang"]: link["href"]
                      for link in html.select('head link[rel="alternate"][hreflang]')}
        english = SITE_URL + english_path(page)
        assert alternates == {"en": english, "de": f"{SITE_URL}de/{english_path(page)}",
                              "x-default": english}, page
        # The language menu stays relative, so it works from disk and on any host.
        menu = {link["hreflang"]: os.path.normpath((Path(page).parent / link["href"]).as_posix())
                for link in html.select("a.md-select__link[hreflang]")}
        assert menu == {"en": english_path(page), "de": f"de/{english_path(page)}"}, page
        # The text of a German page not translated yet keeps its own language.
        article = html.select_one("article")
        in_english = article.select_one(':scope [lang="en"] h1')
        assert (in_english is not None) == (language == "de" and not translated(page)), page


def test_an_untranslated_page_says_so_in_the_german_site_only(site_dir):
    assert not translated(UNTRANSLATED)
    note = soup(site_dir / "de" / UNTRANSLATED).select_one("article .translation-note")
    assert note is not None and "noch nicht auf Deutsch" in note.get_text()
    assert note.find_parent(attrs={"lang": "en"}) is None  # the note itself is German
    assert soup(site_dir / UNTRANSLATED).select_one(".translation-note") is None


@pytest.mark.slow
def test_the_link_check_crawls_the_german_site(site_dir):
    """LinkChecker starts at the English home page; a broken link on a German page fails it."""
    folder = make_world_readable_dir("help-site-de-link-")
    copy = folder / "site"
    shutil.copytree(site_dir, copy)
    copy.chmod(0o755)
    german_guide = copy / GERMAN_PAGES[-1]
    html = german_guide.read_text(encoding="utf-8")
    german_guide.write_text(html.replace("</article>", '<a href="kein-solcher-schritt.html">x</a>'
                                         "</article>", 1), encoding="utf-8")
    try:
        result = run_linkchecker(copy / "index.html")
        assert result.returncode == 1, result.stdout
        assert "de/kein-solcher-schritt.html" in result.stdout
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- In Chromium ----------------------------------------------------------------------------

def choose_language(page, name):
    """Material's language menu in the header: it opens on hover, as for a mouse user."""
    page.evaluate("window.scrollTo(0, 0)")
    page.locator(".md-header__option .md-select").hover()
    page.locator(".md-select__link", has_text=name).click()
    page.wait_for_load_state("load")


def test_switcher_keeps_the_page_the_situation_and_the_heading(new_visit, reader_root, storage):
    visit = new_visit(reader_root, storage=storage)
    page = visit.open(GUIDE + SITUATION + STEP_2)
    for name, expected in (("Deutsch", "de/" + GUIDE), ("English", GUIDE)):
        choose_language(page, name)
        url = urlsplit(page.url)
        assert url.path.endswith("/" + expected), page.url
        assert parse_qs(url.query) == parse_qs(SITUATION[1:])
        assert url.fragment == STEP_2[1:]
        assert page.locator("html").get_attribute("lang") == ("de" if name == "Deutsch" else "en")
        assert page.locator(STEP_2).is_visible()
    assert visit.outside_requests == [] and visit.console_errors == []


def test_german_search_finds_an_inflected_form(new_visit, reader_root, reader_site):
    # The German guide says "Anmeldung" but never "Anmeldungen": only stemming finds it.
    text = soup(reader_site / "de" / GUIDE).select_one("article").get_text(" ")
    assert "Anmeldung" in text and "Anmeldungen" not in text
    visit = new_visit(reader_root)
    page = visit.open("de/index.html")
    field = page.locator("input[data-md-component=search-query]")
    field.click()
    page.locator(".md-search-result__meta", has_text="Suchbegriff eingeben").wait_for()
    field.fill("Anmeldunge")
    field.press("n")
    hits = page.locator(".md-search-result__item a")
    hits.first.wait_for(timeout=10_000)
    found = [urlsplit(h).path for h in hits.evaluate_all("links => links.map(a => a.href)")]
    assert any(path.endswith("/de/" + GUIDE) for path in found), found
    assert all("/de/" in path for path in found), found  # German pages search German pages
    assert visit.outside_requests == [] and visit.console_errors == []


@pytest.mark.parametrize("path", GERMAN_PAGES + ["de/" + UNTRANSLATED])
def test_german_page_works_from_disk_and_server(new_visit, site_root, path):
    visit = new_visit(site_root)
    page = visit.open(path)
    assert page.locator("article h1").first.is_visible()
    assert visit.outside_requests == [] and visit.console_errors == []


@pytest.mark.parametrize("path", GERMAN_PAGES + ["de/" + UNTRANSLATED])
def test_axe_finds_no_violations_in_german(new_visit, http_root, path):
    page = new_visit(http_root).open(path)
    assert axe.violations(page) == ""


# For each guide, every situation the guide can show, chosen in its picker as a reader does:
# the German guide shows the same steps (ids), the same numbered actions (numbers as shown)
# with the same tick ids as the English one.
READ_TICK_IDS = reading("""() => [...document.querySelectorAll(
  'article h2.step ~ ol > li[data-step-id]')].filter(shown).map((item) => item.dataset.stepId)""")


def path_table(page, guide):
    table = {}
    for choice in guide.possible_choices():
        radios = [page.locator(f'.situation-picker input[name="{key}"][value="{value}"]')
                  for key, value in choice.items()]
        # An answer can rule out others (an Android phone: no transfer) until it changes.
        for _ in radios:
            for radio in radios:
                if radio.is_enabled() and not radio.is_checked():
                    radio.check()
            if all(radio.is_checked() for radio in radios):
                break  # no need for another pass
        assert all(radio.is_checked() for radio in radios), choice
        steps = visible_steps(page)
        table[tuple(choice.items())] = (
            [(step["id"], [number for number, _ in step["actions"]]) for step in steps],
            page.evaluate(READ_TICK_IDS))
    return table


@pytest.mark.parametrize("path", sorted(SOURCE_GUIDES))
def test_every_situation_has_the_same_path_in_german(new_visit, http_root, path):
    guide = SOURCE_GUIDES[path]
    # Each in a browser of its own: an answer given on one is remembered on the other, which
    # then opens with the questions folded.
    english = path_table(new_visit(http_root).open(path), guide)
    german = path_table(new_visit(http_root).open("de/" + path), guide)
    # Some situations may have no steps (a guide that tells the reader it isn't theirs), not all.
    assert any(steps for steps, _ in english.values())
    assert german == english


# --- A scenario site whose English page changes ---------------------------------------------

def tick_ids(path):
    return [item["data-step-id"] for item in soup(path).select("li[data-step-id]")]


def build(docs, site, cache):
    return build_site(site, docs_dir=docs, env={"HELP_BUILD_CACHE": str(cache)})


STALE_WARNING = "index.de.md: translated from an older index.md"


@pytest.mark.slow
def test_a_changed_english_page_marks_its_translation_outdated(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(SCENARIO / "docs", docs)
    site, cache = tmp_path / "site", tmp_path / "cache"

    first = build(docs, site, cache)
    assert first.returncode == 0, first.stderr
    assert STALE_WARNING not in first.stderr
    assert soup(site / "de" / "index.html").select_one(".translation-note") is None
    assert tick_ids(site / "de" / "index.html") == tick_ids(site / "index.html")
    assert "noch nicht auf Deutsch" in soup(site / "de" / "untranslated.html").get_text()

    source = docs / "index.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Charge the new phone.", "Charge the new phone fully."), encoding="utf-8")
    second = build(docs, site, cache)  # with the first build's cache
    assert second.returncode == 0, second.stderr
    assert STALE_WARNING in second.stderr
    note = soup(site / "de" / "index.html").select_one("article .translation-note")
    assert note is not None and "geändert" in note.get_text()
    assert note.select_one("a")["href"] == "../index.html"
    assert tick_ids(site / "de" / "index.html") == tick_ids(site / "index.html")

    freshness = subprocess.run([sys.executable, "-m", "macros.writer_checks.freshness"],
                               cwd=PROJECT, capture_output=True, text=True,
                               env={**os.environ, "HELP_DOCS_DIR": str(docs)})
    assert freshness.returncode == 0, freshness.stderr
    assert re.search(r"^\S*index\.de\.md: .*index\.md", freshness.stdout, re.MULTILINE), \
        freshness.stdout

    stamp = subprocess.run([sys.executable, "-m", "macros.translations.source_hash",
                            "--docs-dir", str(docs), str(docs / "index.de.md")],
                           cwd=PROJECT, capture_output=True, text=True)
    assert stamp.returncode == 0, stamp.stderr
    third = build(docs, site, cache)
    assert third.returncode == 0 and STALE_WARNING not in third.stderr, third.stderr
    assert soup(site / "de" / "index.html").select_one(".translation-note") is None


# --- The structure check, on small translations ---------------------------------------------

SOURCE = """---
title: Guide
---

# Guide

## Step 1: Prepare { #step-1-prepare .step }

1. Charge the phone.
2. {{ only(mfa="app") }} Open Authenticator.
3. {% include "includes/shared.md" %}

{% call situation(mfa="sms") %}
Keep your phone nearby.
{% endcall %}
"""
TRANSLATION = """---
title: Anleitung
---

# Anleitung { #guide }

## Schritt 1: Vorbereiten { #step-1-prepare .step }

1. Laden Sie das Telefon auf.
2. {{ only(mfa="app") }} Öffnen Sie Authenticator.
3. {% include "includes/shared.de.md" %}

{% call situation(mfa="sms") %}
Halten Sie Ihr Telefon bereit.
{% endcall %}
"""
MISTAKES = {
    "a heading without the source's id": (
        "# Anleitung { #guide }", "# Anleitung", "guide.de.md:5: this heading has no id"),
    "another heading id": (
        "{ #step-1-prepare .step }", "{ #schritt-1 .step }", "guide.de.md:7: the translation has "
        "the heading ## { #schritt-1 .step } where its source has the heading "
        "## { #step-1-prepare .step } (guide.md:7)"),
    "a Step heading that is no longer a Step": (
        "{ #step-1-prepare .step }", "{ #step-1-prepare }", "guide.de.md:7:"),
    "an extra numbered action": (
        "2. {{ only", "2. Noch etwas.\n3. {{ only", "guide.de.md:11: the translation has "
        "numbered action 3 of a Step section where its source has an only(mfa=\"app\") step "
        "(guide.md:10)"),
    "an only() with other values": (
        'only(mfa="app")', 'only(mfa="app, sms")', "guide.de.md:10:"),
    "a missing shared step": (
        '3. {% include "includes/shared.de.md" %}', "3. Fertig.", "guide.de.md:13: the "
        "translation has a situation(mfa=\"sms\") block where its source has the shared step"),
    "a situation block left out": (
        "{% call situation(mfa=\"sms\") %}\nHalten Sie Ihr Telefon bereit.\n{% endcall %}\n", "",
        "guide.de.md:11: the translation ends here, but its source goes on with a "
        "situation(mfa=\"sms\") block (guide.md:13)"),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_structure_check_names_the_line_where_a_translation_departs(tmp_path, mistake):
    before, after, says = MISTAKES[mistake]
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "shared.md").write_text("Done.\n", encoding="utf-8")
    (tmp_path / "includes" / "shared.de.md").write_text("Fertig.\n", encoding="utf-8")
    (tmp_path / "guide.md").write_text(SOURCE, encoding="utf-8")
    assert before in TRANSLATION
    (tmp_path / "guide.de.md").write_text(TRANSLATION.replace(before, after, 1), encoding="utf-8")
    assert structure.mismatch(tmp_path, "guide.de.md").startswith(says)
    (tmp_path / "guide.de.md").write_text(TRANSLATION, encoding="utf-8")
    assert structure.mismatch(tmp_path, "guide.de.md") is None
