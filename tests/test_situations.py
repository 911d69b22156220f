""""Your situation" in Chromium, on the reader-site scenario site (support/scenarios.py): the
reader picks MFA method, transfer and old phone, and sees only their steps — from a deep link,
after a reload, in print, and without JavaScript."""

import pytest

from support import axe, scenarios
from support.readers import ChromiumReader
from support.servers import PausingHandler, serve
from support.scenarios import (ALL_ACTIONS, GUIDE, REGISTRY, assert_path, case_id, open_questions,
                               path_cases, progress_summary, query)
from support.seen import READ_LABELS, read_guide


@pytest.mark.parametrize("case", path_cases(), ids=case_id)
def test_each_situation_shows_exactly_its_steps(guide_in_situation, case):
    """The path table (its cases and checks are shared with WebKit: scenarios.py)."""
    guide, choice = case
    assert_path(read_guide(guide_in_situation(query(choice), guide)), choice)


def checked(page):
    return scenarios.checked(ChromiumReader(page, ""))


def url_choice(page):
    return scenarios.url_choice(ChromiumReader(page, "").url)


def test_deep_link_selects_its_radios(new_visit, reader_root):
    scenarios.deep_link_selects_its_radios(ChromiumReader(new_visit(reader_root).page, reader_root))


def test_choice_follows_into_the_url_and_survives_a_reload(new_visit, reader_root):
    scenarios.choice_follows_into_the_url_and_survives_a_reload(
        ChromiumReader(new_visit(reader_root).page, reader_root))


def test_choice_is_remembered_across_guides(new_visit, reader_root, reader_guides):
    scenarios.choice_is_remembered_across_pages(
        ChromiumReader(new_visit(reader_root).page, reader_root), reader_guides)


def test_impossible_deep_link_gets_the_nearest_choice_and_a_note(new_visit, reader_root):
    page = new_visit(reader_root).open(f"{GUIDE}?mfa=app&transfer=icloud&from=android")
    assert checked(page) == {"mfa": "app", "transfer": "none", "from": "android"}
    assert url_choice(page)["transfer"] == "none"
    note = page.locator("[data-situation-note]")
    assert note.is_visible()
    assert "An Android phone has no iCloud backup" in note.inner_text()


def test_impossible_combinations_cannot_be_chosen(new_visit, reader_http):
    page = new_visit(reader_http).open(f"{GUIDE}?mfa=app&transfer=icloud&from=iphone")
    open_questions(page)
    page.get_by_label("An Android phone").check()
    assert checked(page)["transfer"] == "none"
    assert page.get_by_label("Transfer from iCloud").is_disabled()
    assert page.get_by_label("Transfer directly from the old iPhone").is_disabled()
    assert "An Android phone has no iCloud backup" in page.locator(
        "[data-situation-note]").inner_text()
    page.get_by_label("An iPhone").check()
    assert page.get_by_label("Transfer from iCloud").is_enabled()


def test_impossible_answers_are_greyed_out(new_visit, reader_http):
    scenarios.impossible_answers_are_greyed_out(ChromiumReader(new_visit(reader_http).page, reader_http))


HOSTILE = "mfa=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&transfer=__proto__&from=constructor&x=1"


def test_unknown_and_hostile_query_values_are_ignored(new_visit, reader_root):
    visit = new_visit(reader_root)
    dialogs = []
    visit.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page = visit.open(f"{GUIDE}?{HOSTILE}")
    assert checked(page) == REGISTRY.default
    assert dialogs == [] and visit.console_errors == []
    html = page.content()
    assert "onerror" not in html and "__proto__" not in html and "constructor" not in html
    assert page.locator("article img").count() == 0


def test_print_shows_only_the_chosen_path_and_says_for_whom(new_visit, reader_http):
    page = new_visit(reader_http).open(f"{GUIDE}?mfa=sms&transfer=icloud&from=iphone")
    page.emulate_media(media="print")
    assert page.locator(".situation-picker").is_hidden()
    assert page.locator("[data-situation-print-note]").inner_text() == (
        "This copy is for: text message or call · transfer from iCloud · old iPhone.")
    assert page.get_by_text("Finish MFA, or passwordless sign-in").is_hidden()
    assert page.get_by_text("Finish MFA with the text message or call").is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


def test_without_javascript_every_section_shows_with_its_label(new_visit, reader_root):
    visit = new_visit(reader_root, java_script_enabled=False)
    scenarios.without_javascript_every_section_shows_with_its_label(
        ChromiumReader(visit.page, reader_root))


def test_search_result_in_a_hidden_section_reveals_it(new_visit, reader_root):
    scenarios.search_result_reveals_a_hidden_part(
        ChromiumReader(new_visit(reader_root).page, reader_root))


def test_anchor_link_into_a_hidden_section_reveals_and_scrolls_to_it(new_visit, reader_root):
    page = new_visit(reader_root).open(f"{GUIDE}?from=android#step-1-back-up-the-old-phone")
    heading = page.locator("#step-1-back-up-the-old-phone")
    assert heading.is_visible()
    page.wait_for_function(
        "el => Math.abs(el.getBoundingClientRect().top) < 200", arg=heading.element_handle())
    note = page.locator("[data-situation-note]").inner_text()
    assert "not in your chosen steps" in note and "old iPhone" in note


def test_hidden_sections_stay_findable_with_find_in_page(new_visit, reader_root):
    """hidden="until-found": Chromium's find-in-page and text fragments reveal them."""
    scenarios.text_fragment_reveals_a_hidden_part(
        ChromiumReader(new_visit(reader_root).page, reader_root))


# Two situations that, between them, make every question hide something while parsing.
PRE_PAINT_SITUATIONS = ["mfa=sms&transfer=icloud&from=iphone", "mfa=app&transfer=none&from=android"]
RECORD_WHILE_PARSING = """(keys) => {
  window.seenWhileParsing = [];
  new MutationObserver((records) => {
    if (document.documentElement.classList.contains('situations-ready')) return;
    for (const record of records) for (const node of record.addedNodes) {
      if (node.nodeType === 1 && node.matches('.situation')) {
        const condition = Object.fromEntries(keys.filter((key) => node.hasAttribute('data-' + key))
          .map((key) => [key, node.getAttribute('data-' + key).split(' ')]));
        seenWhileParsing.push([condition, getComputedStyle(node).display]);
      }
    }
  }).observe(document, {childList: true, subtree: true});
}"""


def test_other_paths_are_hidden_before_the_first_paint(new_visit, reader_http):
    """While the page is still being parsed, sections that don't apply are already hidden, for
    every question (not only the first), and those that apply are not."""
    keys = [dimension.key for dimension in REGISTRY.dimensions]
    hid_something = set()
    for situation in PRE_PAINT_SITUATIONS:
        visit = new_visit(reader_http)
        visit.page.add_init_script(f"({RECORD_WHILE_PARSING})({keys!r})")
        page = visit.open(f"{GUIDE}?{situation}")
        choice = dict(pair.split("=") for pair in situation.split("&"))
        seen = page.evaluate("seenWhileParsing")
        assert seen, "no section was seen while the page was parsed"
        for condition, display in seen:
            wrong = [key for key, values in condition.items() if choice[key] not in values]
            hid_something.update(wrong)
            assert (display == "none") == bool(wrong), (
                f"before the first paint, for {situation}, a section for {condition} "
                f"has display {display}: the wrong path would flash")
    assert hid_something == set(keys), "some question hid nothing in these situations"


# Sums the layout shifts since the page started loading, then makes one on purpose (a block
# pushed in above the article): the observer must report that one too, so a browser or a
# broken observer that reports nothing cannot pass as "no shift".
MEASURE_LAYOUT_SHIFT = """() => new Promise((done) => {
  let shifts = 0, sinceLoad = null;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (sinceLoad === null) shifts += entry.value;
      else done({sinceLoad, control: entry.value});
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => {
    sinceLoad = shifts;
    const pusher = document.createElement('div');
    pusher.style.height = '200px';
    document.querySelector('article').prepend(pusher);
  }, 500);
  setTimeout(() => done({sinceLoad, control: null}), 5000);
})"""


def test_choosing_before_the_first_paint_shifts_no_layout(new_visit, reader_site):
    """Over a slow network (the page arrives in two parts, a pause between them) the first frame
    already has the summary, the folds and the Steps where they stay."""
    server, root = serve(reader_site, PausingHandler)
    page = new_visit(root).open(f"{GUIDE}?mfa=sms&transfer=icloud&from=iphone")
    server.shutdown()
    measured = page.evaluate(MEASURE_LAYOUT_SHIFT)
    assert measured["control"], "the layout-shift observer reported nothing, even for a shift"
    assert measured["sinceLoad"] == 0, "the page shifted while the situation was applied"


def test_show_every_situation_and_back(new_visit, reader_http):
    page = new_visit(reader_http).open(f"{GUIDE}?mfa=sms&transfer=none&from=android")
    open_questions(page)
    button = page.get_by_role("button", name="Show every situation")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert url_choice(page) == {"show": "all"}
    assert page.locator("article .situation[hidden]").count() == 0
    assert page.locator("[data-situation-summary]").inner_text() == progress_summary(
        "Every situation", ALL_ACTIONS)
    page.reload()
    assert page.locator("article .situation[hidden]").count() == 0
    open_questions(page)
    page.get_by_label("Text message or phone call").check()
    assert button.get_attribute("aria-pressed") == "false"
    assert page.locator("article .situation[hidden]").count() > 0


def test_keyboard_alone_from_the_skip_link_changes_the_situation(new_visit, reader_http):
    scenarios.keyboard_alone_can_change_the_situation(
        ChromiumReader(new_visit(reader_http).page, reader_http))


def test_tab_from_the_search_field_goes_on_into_the_page(new_visit, reader_http):
    """Chromium: Material blurs the search field on Tab, and the next Tab goes on from there.
    (WebKit starts again at the top: test_webkit.py pins that.)"""
    reader = ChromiumReader(new_visit(reader_http).page, reader_http)
    reader.open(GUIDE)
    # Before the search field: skip link, logo, colour toggle, the language menu (its button
    # and one link per language).
    scenarios.tab_until(reader, lambda focused: focused["name"] == "query", presses=8)
    scenarios.tab_until(reader, lambda focused: focused["name"] == "mfa")


def test_keyboard_alone_can_change_the_situation(new_visit, reader_http):
    page = new_visit(reader_http).open(f"{GUIDE}?mfa=app&transfer=icloud&from=iphone")
    for _ in range(60):  # the picker is folded: its "Change" button opens the questions
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Change":
            break
    else:
        pytest.fail("60 presses of Tab never reached the picker's Change button")
    page.keyboard.press("Enter")
    assert page.get_by_role("button", name="Change").get_attribute("aria-expanded") == "true"
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "mfa":
            break
    else:
        pytest.fail("60 presses of Tab never reached the MFA question")
    assert page.evaluate("document.activeElement.value") == "app"
    page.keyboard.press("ArrowDown")
    assert url_choice(page)["mfa"] == "sms"
    page.keyboard.press("Tab")  # to the transfer fieldset's checked radio
    page.keyboard.press("ArrowDown")
    assert url_choice(page)["transfer"] == "phone"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the old-phone fieldset to "Show every situation"
    assert page.evaluate("document.activeElement.textContent") == "Show every situation"
    page.keyboard.press("Space")
    assert page.locator("article .situation[hidden]").count() == 0
    status = page.get_by_role("status")
    assert status.inner_text().endswith(progress_summary("Every situation", ALL_ACTIONS))


@pytest.mark.parametrize("situation", PRE_PAINT_SITUATIONS + ["show=all"])
def test_axe_finds_nothing_in_a_chosen_path_and_with_every_situation(guide_in_situation,
                                                                      situation):
    """The picker and the conditional parts as the generator writes them (every guide of docs/ is
    checked in every situation by test_content_guides.py)."""
    assert axe.violations(guide_in_situation(situation), "article") == ""


# ---- Labels: they tell whom a part is for, except to a reader who already said so ----------

def test_a_part_revealed_by_a_link_keeps_its_label(new_visit, reader_http):
    page = new_visit(reader_http).open(f"{GUIDE}?mfa=app&transfer=none&from=android"
                                       "#step-1-back-up-the-old-phone")
    page.locator("#step-1-back-up-the-old-phone").wait_for(state="visible")
    labels = page.evaluate(READ_LABELS)
    assert len(labels) == 1 and "old iPhone" in labels[0], labels


def test_a_part_revealed_by_find_in_page_keeps_its_label(new_visit, reader_http):
    page = new_visit(reader_http).open(
        f"{GUIDE}?mfa=sms&transfer=none&from=iphone#:~:text=Begin%20recovery")
    restore = page.locator("li.situation", has_text="Begin recovery")
    restore.wait_for(state="visible")
    assert restore.locator(".situation__label").is_visible()


@pytest.mark.parametrize("situation, labelled", [
    ("mfa=sms&transfer=icloud&from=iphone", False), ("show=all", True)])
def test_print_labels_only_the_copy_of_every_situation(new_visit, reader_http, situation,
                                                       labelled):
    page = new_visit(reader_http).open(f"{GUIDE}?{situation}")
    page.emulate_media(media="print")
    assert page.locator("[data-situation-print-note]").is_visible()
    labels = page.evaluate(READ_LABELS)
    assert (len(labels) > 0) == labelled, labels
