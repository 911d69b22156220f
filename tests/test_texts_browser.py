"""Reader texts per language in Chromium (issue 13): on the German guide the picker, its labels,
the summary, Continue, Start over, the notes and the print line are German, on the English guide
English; an answer and ticks given in one language carry over to the other. The German IT page
links to the German guides.

On the reader-site scenario site (support/scenarios.py); the German IT page's links on the site
of docs/. The expected words are written out here, as a reader reads them (not read from the data
files).
"""

import posixpath
import re

from bs4 import BeautifulSoup

from support.content import guides, html_path
from support.scenarios import GUIDE

LINK = "?mfa=sms&transfer=icloud&from=iphone"
SUMMARY = "[data-situation-summary]"
PRINT_NOTE = "[data-situation-print-note]"
VISIBLE_BOXES = "article li[data-step-id]:visible > input.progress__box"


def text(page, selector):
    return " ".join(page.locator(selector).first.text_content().split())


def test_the_guide_speaks_the_readers_language_and_answers_carry_over(new_visit, reader_http):
    http_root = reader_http
    page = new_visit(http_root).open(GUIDE + LINK)

    # English: a reader who arrives with IT's link ticks the first action.
    page.locator(VISIBLE_BOXES).first.check()
    total = page.locator(VISIBLE_BOXES).count()
    english = "text message or call · transfer from iCloud · old iPhone"
    assert text(page, SUMMARY) == f"{english}: 1 of {total} steps done"
    assert page.get_by_role("button", name="Change").is_visible()
    assert text(page, PRINT_NOTE) == f"This copy is for: {english}."
    assert text(page, "legend") == "How do you do MFA today?"

    # German, same browser: no query, yet the answers and the tick are there.
    page.goto(http_root + "de/" + GUIDE)
    german = "SMS oder Anruf · Übertragung aus iCloud · altes iPhone"
    assert text(page, SUMMARY) == f"{german}: 1 von {total} Schritten erledigt"
    assert page.locator(VISIBLE_BOXES).first.is_checked()
    assert page.locator(VISIBLE_BOXES).count() == total
    assert text(page, PRINT_NOTE) == f"Dieser Ausdruck gilt für: {german}."
    assert page.get_by_role("link", name="Weiter mit Schritt 2").is_visible()
    assert text(page, ".situation-picker__title") == "Nur die Schritte für Ihre Situation anzeigen"
    assert [" ".join(legend.split()) for legend in page.locator("legend").all_text_contents()] == [
        "Wie nutzen Sie MFA heute?", "Wie übertragen Sie Ihre Daten?",
        "Was für ein Telefon hatten Sie bisher?"]
    assert re.fullmatch(r"Zuletzt geprüft am \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}",
                        text(page, ".help-last-reviewed"))
    assert text(page, ".progress-privacy").startswith("Ihre Häkchen bleiben nur in diesem Browser")

    # The questions, an impossible choice and its German reason.
    change = page.get_by_role("button", name="Ändern")
    change.click()
    assert change.get_attribute("aria-expanded") == "true"
    page.get_by_label("Ein Android-Telefon").check()
    assert text(page, "[data-situation-note]") == (
        "Ein Android-Telefon hat kein iCloud-Backup, aus dem Sie übertragen könnten. "
        "Die Auswahl wurde entsprechend angepasst.")
    assert page.get_by_label("Nichts übertragen").is_checked()
    assert text(page, SUMMARY).startswith(
        "SMS oder Anruf · keine Übertragung · altes Android-Telefon: ")
    assert text(page, SUMMARY).endswith(" Schritten erledigt")

    # Every situation: the labels show, in German; then Start over and Undo.
    page.get_by_role("button", name="Alle Situationen anzeigen").click()
    assert text(page, SUMMARY).startswith("Alle Situationen: 1 von ")
    assert text(page, PRINT_NOTE) == "Dieser Ausdruck zeigt die Schritte für alle Situationen."
    labels = [" ".join(label.split()) for label in
              page.locator(".situation__label:visible").all_text_contents()]
    assert "Nur wenn Sie SMS oder Anruf verwenden" in labels
    assert not [label for label in labels if "Only" in label]
    page.get_by_role("button", name="Von vorn beginnen").click()
    assert text(page, ".progress__note") == "Ihre Häkchen in dieser Anleitung sind gelöscht."
    page.get_by_role("button", name="Rückgängig").click()
    assert text(page, ".progress__note") == "Ihre Häkchen sind wieder da."

    page.get_by_role("button", name="Alle Situationen anzeigen").click()  # back to the path

    # Back in English: the answer given in German (an Android phone) is the reader's now.
    page.goto(http_root + GUIDE)
    assert re.fullmatch(r"text message or call · no transfer · old Android phone: "
                        r"\d+ of \d+ steps done", text(page, SUMMARY))
    assert page.get_by_label("An Android phone").is_checked()
    assert page.get_by_role("button", name="Change").is_visible()
    assert "Schritt" not in page.locator("article").inner_text()


def test_a_link_to_an_impossible_situation_is_explained_in_german(new_visit, reader_http):
    page = new_visit(reader_http).open("de/" + GUIDE + "?mfa=app&transfer=phone&from=android")
    assert text(page, "[data-situation-note]") == (
        "Der Link verlangt eine Kombination, die es nicht geben kann. Die direkte Übertragung "
        "von Apple funktioniert nur zwischen iPhones. Angezeigt wird stattdessen die "
        "nächstliegende.")
    assert text(page, SUMMARY).startswith(
        "Authenticator-App · keine Übertragung · altes Android-Telefon: 0 von ")


def links_of(site_dir, page):
    """The IT page's links to guides: (the row's link as a path from the site root, the URL to
    paste)."""
    soup = BeautifulSoup((site_dir / page).read_text(encoding="utf-8"), "html.parser")
    return [(posixpath.normpath(posixpath.join(posixpath.dirname(page), row.select_one("th a")["href"])),
             row.select_one("code").get_text()) for row in soup.select(".org-links tbody tr")]


def test_the_german_it_page_links_to_the_german_guides(site_dir):
    english, german = links_of(site_dir, "it/link-to-this-guide.html"), \
        links_of(site_dir, "de/it/link-to-this-guide.html")
    assert len(german) == len(english) > 2
    for (en_href, en_url), (de_href, de_url) in zip(english, german):
        assert de_href == "de/" + en_href
        assert (site_dir / de_href.split("?")[0]).is_file()
        assert de_url == en_url.replace("/work-phone/", "/work-phone/de/", 1)
    assert {href.split("?")[0] for href, _ in german} == {f"de/{html_path(src)}"
                                                           for src in guides()}
    soup = BeautifulSoup((site_dir / "de/it/link-to-this-guide.html").read_text(encoding="utf-8"),
                         "html.parser")
    audiences = [a.get_text() for a in soup.select(".org-links tbody th a")]
    assert "Alle: Jede Person wählt ihre Situation selbst" in audiences
    assert "SMS oder Anruf · Übertragung aus iCloud · altes iPhone" in audiences
    outlines = [p.get_text() for p in soup.select(".guide-outline > p")]
    # A situation a guide has no steps for says so in words (messages.yml outline_no_steps).
    assert outlines and all(re.fullmatch(r"\d+ Schritte?:", p) or p.startswith("Keine Schritte")
                            for p in outlines)
    assert all(re.match(r"Schritt \d+: ", li.get_text())
               for li in soup.select(".guide-outline > ul > li"))
