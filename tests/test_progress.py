"""Progress through a guide in Chromium (issue 16): a "done" box on every action of the Step
sections, ticks kept per guide across reloads, situations and rebuilds, the count in the
picker's summary, "Continue at step N", "Start over" with undo, the folded picker, print, no-JS,
blocked storage and axe.

On the reader-site scenario site: what a reader should see comes from its guide's hand-written
expected paths (support/scenarios.py).
"""

import shutil

import pytest

from support import axe, scenarios
from support.content import guides, html_path
from support.project import PROJECT, build_site
from support.readers import ChromiumReader
from support.scenarios import GUIDE, REGISTRY, SITE, expected_path, open_questions, query
from support.seen import READ_TICK_BOXES, reading
from support.servers import serve
from support.sites import make_world_readable_dir

# Every guide of the reader site, in every possible situation (every guide of docs/ gets a box per
# action and the count in every situation in test_content_guides.py).
EVERY_GUIDE_SITUATION = [(html_path(path), choice) for path, guide in guides(SITE).items()
                         for choice in guide.possible_choices()]
PHONE = {"width": 390, "height": 844}
SMS_ICLOUD = {"mfa": "sms", "transfer": "icloud", "from": "iphone"}
SCENARIO = PROJECT / "tests" / "sites" / "progress-edited-step"

SUMMARY = "[data-situation-summary]"
TICKED = (1, 2)  # the positions ticked in every guide and situation (0: the first action)
# The boxes a reader can see and use (hidden situations' boxes are not in the accessibility tree).
READ_BOXES = READ_TICK_BOXES


# The actions of a page read from its structure alone: the items of the numbered lists that
# follow a Step heading (h2.step) up to the next h2, outside any list item or box.
READ_STEP_ACTIONS = reading("""() => {
  const items = [];
  let inStep = false;
  const walker = document.createTreeWalker(document.querySelector('article'),
                                           NodeFilter.SHOW_ELEMENT);
  for (let el = walker.nextNode(); el; el = walker.nextNode()) {
    if (el.tagName === 'H2') inStep = el.classList.contains('step');
    else if (inStep && el.tagName === 'OL' && !el.parentElement.closest('li, .admonition')) {
      items.push(...[...el.children].filter(shown));
    }
  }
  return items.map((li) => li.querySelector(':scope > input[type=checkbox]') ? 'box' : 'none');
}""")


def actions(choice):
    """The top-level actions of the chosen path, as the table writes their first words."""
    return [text for depth, text in expected_path(choice)[1] if depth == 0]


def done_line(choice_words, ticked, total):
    return f"{choice_words}: {ticked} of {total} {'step' if total == 1 else 'steps'} done"


def boxes(page):
    return page.evaluate(READ_BOXES)


def ticked_names(page):
    return [name for name, ticked in boxes(page) if ticked]


def tick(page, *positions):
    """Tick the visible boxes at these positions (0-based); return their accessible names."""
    names = [boxes(page)[position][0] for position in positions]
    for name in names:
        page.get_by_role("checkbox", name=name, exact=True).check()
    return names


def summary(page):
    return page.locator(SUMMARY).inner_text()


# --- Every situation: a named box per action, the count, axe with ticks ----------------------

@pytest.fixture(scope="module")
def ticked_guide(browser, reader_http):
    """A guide opened once per situation (a deep link) with its second and third actions ticked
    (as many of them as the path has)."""
    pages = {}
    contexts = []

    def open_guide(choice, colours="light", path=GUIDE):
        if (path, query(choice), colours) not in pages:
            # A context each: ticks are shared by the tabs of one browser profile.
            contexts.append(browser.new_context(color_scheme=colours))
            page = contexts[-1].new_page()
            page.goto(f"{reader_http}{path}?{query(choice)}")
            tick(page, *TICKED[:max(len(boxes(page)) - 1, 0)])
            pages[path, query(choice), colours] = page
        return pages[path, query(choice), colours]

    yield open_guide
    for context in contexts:
        context.close()


@pytest.mark.parametrize("choice", REGISTRY.possible_choices(), ids=query)
def test_every_action_has_a_box_named_by_its_own_words(ticked_guide, choice):
    page = ticked_guide(choice)
    expected = actions(choice)
    shown = boxes(page)
    assert len(shown) == len(expected), shown
    for (name, _), text in zip(shown, expected):
        assert len(name.split()) >= 2 and (name.startswith(text) or text.startswith(name)), (
            name, text)
    assert [ticked for _, ticked in shown] == [False, True, True] + [False] * (len(expected) - 3)
    assert summary(page) == done_line(REGISTRY.summary(choice), 2, len(expected))


@pytest.mark.parametrize("path, choice", EVERY_GUIDE_SITUATION,
                         ids=[f"{path}?{query(choice)}" for path, choice in EVERY_GUIDE_SITUATION])
def test_every_guide_has_a_box_on_each_action_in_every_situation(ticked_guide, path, choice):
    page = ticked_guide(choice, path=path)
    step_actions = page.evaluate(READ_STEP_ACTIONS)
    if not step_actions:  # a situation the guide has no steps for: nothing to tick or count
        assert boxes(page) == [] and "done" not in summary(page), summary(page)
        return
    assert set(step_actions) == {"box"}, step_actions
    shown = boxes(page)
    assert len(shown) == len(step_actions)
    assert all(len(name.split()) >= 2 for name, _ in shown), shown
    ticked = [position in TICKED for position in range(len(shown))]
    total = len(step_actions)
    assert summary(page).endswith(
        f": {sum(ticked)} of {total} {'step' if total == 1 else 'steps'} done")
    page.reload()
    assert [box_ticked for _, box_ticked in boxes(page)] == ticked


@pytest.mark.parametrize("choice", [SMS_ICLOUD, {"mfa": "app", "transfer": "none",
                                                 "from": "android"}], ids=query)
def test_axe_finds_nothing_with_steps_ticked_in_dark_colours(ticked_guide, choice):
    page = ticked_guide(choice, "dark")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert axe.violations(page, "article") == ""


# --- Kept per guide: reload, situation change, file:// and HTTP, blocked storage -------------

def test_ticks_survive_a_reload(new_visit, reader_root):
    page = new_visit(reader_root).open(f"{GUIDE}?{query(SMS_ICLOUD)}")
    names = tick(page, 0, 3)
    page.goto(reader_root + GUIDE)  # as from a bookmark: the remembered situation, the same ticks
    assert ticked_names(page) == names
    assert summary(page) == done_line(REGISTRY.summary(SMS_ICLOUD), 2, len(actions(SMS_ICLOUD)))


def test_ticks_survive_a_reload_as_in_webkit(new_visit, reader_root):
    """The scenario test_webkit.py runs too (scenarios.py), read the same way in both engines."""
    scenarios.ticks_survive_a_reload(ChromiumReader(new_visit(reader_root).page, reader_root))


def test_the_count_follows_the_visible_steps_only(new_visit, reader_http):
    page = new_visit(reader_http).open(f"{GUIDE}?{query(SMS_ICLOUD)}")
    in_step_1 = page.get_by_role("checkbox", name="Back up the whole phone", exact=False)
    everyone = page.get_by_role("checkbox", name="Sync your phone.")
    in_step_1.check()
    everyone.check()
    assert summary(page) == done_line(REGISTRY.summary(SMS_ICLOUD), 2, len(actions(SMS_ICLOUD)))

    # Without a transfer, Step 1 (backing up the old iPhone) is not on the path.
    no_transfer = {**SMS_ICLOUD, "transfer": "none"}
    open_questions(page)
    page.get_by_label(REGISTRY.dimension("transfer").value("none").label).check()
    assert in_step_1.count() == 0  # hidden with its step, not counted
    assert summary(page) == done_line(REGISTRY.summary(no_transfer), 1, len(actions(no_transfer)))
    assert ticked_names(page) == ["Sync your phone."]

    page.get_by_label(REGISTRY.dimension("transfer").value("icloud").label).check()
    assert in_step_1.is_checked()  # back on the path, with its tick
    assert summary(page) == done_line(REGISTRY.summary(SMS_ICLOUD), 2, len(actions(SMS_ICLOUD)))


def test_ticking_works_when_storage_is_blocked(new_visit, reader_root):
    """As Chromium does when the reader blocks site data: reading localStorage throws."""
    visit = new_visit(reader_root, storage="blocked")
    page = visit.open(f"{GUIDE}?{query(SMS_ICLOUD)}")
    names = tick(page, 0, 1)
    assert ticked_names(page) == names
    assert summary(page) == done_line(REGISTRY.summary(SMS_ICLOUD), 2, len(actions(SMS_ICLOUD)))
    page.get_by_role("checkbox", name=names[0], exact=True).uncheck()
    assert ticked_names(page) == names[1:]
    open_questions(page)
    page.get_by_label("Transfer directly from the old iPhone").check()  # the picker works too
    assert summary(page).startswith(REGISTRY.summary({**SMS_ICLOUD, "transfer": "phone"}))
    assert visit.console_errors == []  # Material's scripts too (overrides/partials/javascripts/)


def test_ticking_does_not_move_the_page(new_visit, reader_http):
    page = new_visit(reader_http, viewport=PHONE, is_mobile=True, has_touch=True).open(
        f"{GUIDE}?{query(SMS_ICLOUD)}")
    layout = reading("""() => [scrollY, ...[...document.querySelectorAll('article li, article h2')]
      .filter(shown)
      .map((el) => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })]""")
    box = page.get_by_role("checkbox", name="Sync your phone.")
    box.scroll_into_view_if_needed()
    before = page.evaluate(layout)
    colour = box.evaluate("box => getComputedStyle(box.parentElement).color")
    box.check()
    assert box.evaluate("box => getComputedStyle(box.parentElement).color") != colour  # dimmed
    assert page.evaluate(layout) == before


def test_restored_ticks_cause_no_layout_shift(new_visit, reader_http):
    # Without the service worker, whose first visit downloads the site for offline reading in
    # the background (after the load) while this test opens the guide again: on a busy machine
    # that slowed the second visit enough to paint it half parsed (a shift of 0.013 in one run
    # of eight). Reading offline has its own tests (test_offline.py).
    visit = new_visit(reader_http, service_workers="block")
    page = visit.open(f"{GUIDE}?{query(SMS_ICLOUD)}")
    tick(page, 0, 1, 2)
    # From the top, as a return does (a reload where the reader stood shifts even without ticks).
    page.evaluate("scrollTo(0, 0)")
    page = visit.open(GUIDE)
    shift = page.evaluate("""() => new Promise((done) => {
      new PerformanceObserver((list) => done(list.getEntries().reduce((s, e) => s + e.value, 0)))
        .observe({type: 'layout-shift', buffered: true});
      setTimeout(() => done(0), 1000);
    })""")
    assert len(ticked_names(page)) == 3
    assert shift == 0


# --- An edited step does not inherit a tick ---------------------------------------------------

@pytest.fixture(scope="module")
def scenario_versions():
    """The scenario guide built twice into one web root: as written, then with one action's words
    edited and a new action added in front, as a writer would between two versions."""
    folder = make_world_readable_dir("help-progress-")
    docs = folder / "docs"
    shutil.copytree(SCENARIO / "docs", docs)
    first = build_site(folder / "v1", docs_dir=docs)
    assert first.returncode == 0, first.stderr
    page = docs / "index.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("Write down the serial number.", "Write down the model number.")
    text = text.replace("1. Charge the old phone.", "1. Find a charger.\n1. Charge the old phone.")
    page.write_text(text, encoding="utf-8")
    second = build_site(folder / "v2", docs_dir=docs)
    assert second.returncode == 0, second.stderr
    server, root = serve(folder)
    yield root
    server.shutdown()
    shutil.rmtree(folder, ignore_errors=True)


def test_an_edited_step_does_not_inherit_a_tick(new_visit, scenario_versions):
    visit = new_visit(scenario_versions)
    page = visit.open("v1/index.html?mfa=sms")
    assert [name for name, _ in boxes(page)] == [
        "Charge the old phone.", "Write down the serial number.", "Restart the new phone.",
        "Check that the new phone works."]
    tick(page, 0, 1)

    page = visit.open("v2/index.html?mfa=sms")
    assert boxes(page) == [
        ["Find a charger.", False],  # now first: a tick kept by position would land here
        ["Charge the old phone.", True],  # unchanged words: its tick is kept
        ["Write down the model number.", False],  # edited: a new action, not ticked
        ["Restart the new phone.", False],
        ["Check that the new phone works.", False]]
    assert summary(page).endswith(": 1 of 5 steps done")


# --- Continue, Start over, undo ---------------------------------------------------------------

def test_continue_goes_to_the_first_unticked_visible_step(new_visit, reader_root):
    page = new_visit(reader_root).open(f"{GUIDE}?{query(SMS_ICLOUD)}")
    continue_link = page.get_by_role("link", name="Continue at step")
    assert continue_link.count() == 0  # nothing ticked yet
    tick(page, 0, 1, 3)
    page.reload()
    names = [name for name, _ in boxes(page)]
    continue_link.click()
    assert continue_link.inner_text() == "Continue at step 3"
    target = page.get_by_role("checkbox", name=names[2], exact=True)
    page.wait_for_function("box => document.activeElement === box", arg=target.element_handle())
    top = target.evaluate("box => box.getBoundingClientRect().top")
    assert 48 <= top < page.viewport_size["height"] / 2  # below Material's header, in view

    page.get_by_role("checkbox", name=names[2], exact=True).check()
    assert continue_link.inner_text() == "Continue at step 5"


def test_start_over_clears_the_ticks_and_undo_brings_them_back(new_visit, reader_http):
    page = new_visit(reader_http).open(f"{GUIDE}?{query(SMS_ICLOUD)}")
    total = len(actions(SMS_ICLOUD))
    words = REGISTRY.summary(SMS_ICLOUD)
    start_over = page.get_by_role("button", name="Start over")
    names = tick(page, 0, 2, 4)
    assert start_over.count() == 0  # ticking adds no line above the steps; a return shows it
    page.reload()
    start_over.click()
    assert ticked_names(page) == []
    assert summary(page) == done_line(words, 0, total)
    status = page.get_by_role("status")
    assert "cleared" in status.inner_text()
    undo = page.get_by_role("button", name="Undo")
    assert page.evaluate("document.activeElement.textContent") == "Undo"
    undo.click()
    assert ticked_names(page) == names
    assert summary(page) == done_line(words, 3, total)
    page.reload()
    assert ticked_names(page) == names  # the undone clearing is not remembered

    page.get_by_role("button", name="Start over").click()
    page.reload()
    assert ticked_names(page) == []
    assert page.get_by_role("button", name="Start over").count() == 0
    assert page.get_by_role("button", name="Undo").count() == 0


def test_one_status_region_announces_the_count(new_visit, reader_http):
    page = new_visit(reader_http).open(f"{GUIDE}?{query(SMS_ICLOUD)}")
    tick(page, 0)
    status = page.get_by_role("status")
    assert status.count() == 1
    assert status.get_attribute("aria-live") in (None, "polite")  # role=status is polite
    assert status.inner_text().endswith(
        done_line(REGISTRY.summary(SMS_ICLOUD), 1, len(actions(SMS_ICLOUD))))


# --- The folded picker ------------------------------------------------------------------------

def first_step_top(page):
    return page.evaluate(reading("""() => [...document.querySelectorAll('article h2.step')]
      .find(shown).getBoundingClientRect().top + scrollY"""))


def picker_height(page):
    return page.locator(".situation-picker").bounding_box()["height"]


def test_a_reader_with_a_situation_sees_the_picker_on_one_line(new_visit, reader_root):
    """Folded to the summary and "Change". Where the first Step heading then starts on a phone
    (the 1.5-screen target) is measured per situation by `make bench-situations`."""
    first_time = new_visit(reader_root, viewport=PHONE, is_mobile=True, has_touch=True).open(GUIDE)
    page = new_visit(reader_root, viewport=PHONE, is_mobile=True, has_touch=True).open(
        f"{GUIDE}?{query(REGISTRY.default)}")  # the same path, chosen by IT's link
    assert picker_height(page) < picker_height(first_time) / 3
    assert first_step_top(page) < first_step_top(first_time) - 2 * picker_height(page)
    change = page.get_by_role("button", name="Change")
    assert change.get_attribute("aria-expanded") == "false"
    questions = page.locator(".situation-picker").get_by_role("radio")
    assert questions.count() == 0  # folded away
    assert page.locator(SUMMARY).is_visible()
    one_line = page.locator(SUMMARY).bounding_box()["y"] - change.bounding_box()["y"]
    assert abs(one_line) < 10, "the summary and Change are not on one line"

    change.focus()
    page.keyboard.press("Enter")
    assert change.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate("[document.activeElement.name, document.activeElement.checked]") == [
        "mfa", True]
    page.keyboard.press("ArrowDown")
    assert page.get_by_label("Text message or phone call").is_checked()
    assert summary(page).startswith(REGISTRY.summary({**REGISTRY.default, "mfa": "sms"}))


def test_a_first_time_reader_sees_the_questions(new_visit, reader_root):
    page = new_visit(reader_root).open(GUIDE)
    every_answer = sum(len(dimension.values) for dimension in REGISTRY.dimensions)
    assert page.locator(".situation-picker").get_by_role("radio").count() == every_answer
    assert page.get_by_role("button", name="Change").count() == 0


# --- Print and no JavaScript ------------------------------------------------------------------

def test_print_shows_the_chosen_path_as_a_checklist(new_visit, reader_http):
    page = new_visit(reader_http).open(f"{GUIDE}?{query(SMS_ICLOUD)}")
    names = tick(page, 0, 5)
    page.emulate_media(media="print")
    printed = boxes(page)  # the boxes that show in print
    assert len(printed) == len(actions(SMS_ICLOUD))
    assert [name for name, ticked in printed if ticked] == names
    assert page.locator(".situation-picker").is_hidden()
    assert page.get_by_text("Finish MFA, or passwordless sign-in").is_hidden()
    assert page.pdf().startswith(b"%PDF")


def test_without_javascript_there_are_no_boxes(new_visit, reader_root):
    page = new_visit(reader_root, java_script_enabled=False).open(GUIDE)
    assert page.locator("article input[type=checkbox]").count() == 0
    offsets = page.evaluate("""() => [...document.querySelectorAll('article li[data-step-id]')]
      .map((li) => getComputedStyle(li).paddingLeft)""")
    assert len(offsets) >= len(actions(SMS_ICLOUD)) and set(offsets) == {"0px"}
