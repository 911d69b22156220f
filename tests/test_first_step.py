"""The first Step within reach (issue 24), on every guide of the reader site
(tests/sites/reader-site), in Chromium: with a
situation chosen, what comes before the first Step heading folds into one box, so that the Step
starts near the top on a phone (where exactly: `make bench-situations`, not a test).

- A first-time reader still sees every caution (admonition) there; the rest opens from the box.
- A returning reader (one who has ticked an action of the guide) gets the cautions folded too.
- A link to something inside the box opens it; without a situation nothing folds; "Show every
  situation" opens it.

Each guide with Step sections is opened with `?show=all`: every part is on the reader's path
then, so every caution before the first Step must show.
"""

import pytest

# What lies between the picker and the first Step heading, as the reader sees it: each caution
# (admonition) shown or not, how many paragraphs and list items are shown and hidden, and each
# collapsible box there ([open, its summary]).
BEFORE_THE_FIRST_STEP = """() => {
  const picker = document.querySelector('article .situation-picker');
  const first = document.querySelector('article h2.step');
  const between = (el) => !picker.contains(el) && !el.closest('.situation-print-note')
    && Boolean(picker.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
    && Boolean(el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
  const seen = (el) => el.checkVisibility();
  const texts = [...document.querySelectorAll('article p, article li')].filter(between);
  return {
    cautions: [...document.querySelectorAll('article .admonition')].filter(between).map(seen),
    shown: texts.filter(seen).length,
    hidden: texts.filter((el) => !seen(el)).length,
    boxes: [...document.querySelectorAll('article details')].filter(between)
      .map((box) => [box.open, box.querySelector('summary').textContent.trim()]),
  };
}"""


@pytest.fixture(scope="module")
def guides_with_steps(reader_site, reader_guides):
    """The guides with Step sections."""
    return [path for path in reader_guides
            if 'class="step"' in (reader_site / path).read_text(encoding="utf-8")]


def open_box(page):
    page.locator("article details:not([open]) > summary").first.click()


def test_a_first_time_reader_sees_the_cautions_and_opens_the_rest(new_visit, reader_http,
                                                                  guides_with_steps):
    folded, linked = [], []
    for page_path in guides_with_steps:
        page = new_visit(reader_http).open(page_path)  # no situation yet: nothing folds
        assert page.evaluate(BEFORE_THE_FIRST_STEP)["boxes"] == [], page_path
        page.goto(f"{reader_http}{page_path}?show=all")
        before = page.evaluate(BEFORE_THE_FIRST_STEP)
        assert all(before["cautions"]), f"{page_path}: a caution is folded for a first visit"
        assert all(not open_ for open_, _ in before["boxes"]), before
        if before["boxes"]:
            assert len(before["boxes"]) == 1 and before["hidden"] > 0, before
            folded.append(page_path)
            inside = page.evaluate("() => [...document.querySelectorAll('article details [id]')]"
                                   ".map((el) => el.id)")
            if inside:  # a link to a heading in the box (its table of contents entry) opens it
                page.evaluate("(id) => { location.hash = id; }", inside[0])
                page.wait_for_function("(id) => document.getElementById(id).checkVisibility()",
                                       arg=inside[0])
                linked.append(page_path)
            else:
                open_box(page)
        opened = page.evaluate(BEFORE_THE_FIRST_STEP)
        assert opened["hidden"] == 0, f"{page_path}: something before the first Step stays hidden"
    assert folded and linked, "no guide folds anything, or nothing with a link target"


def test_a_returning_reader_has_the_cautions_folded_too(new_visit, reader_http, guides_with_steps):
    page_path = guides_with_steps[0]
    page = new_visit(reader_http).open(f"{page_path}?show=all")
    page.locator("article .progress__box").first.check()  # has been through the guide
    page.reload()
    before = page.evaluate(BEFORE_THE_FIRST_STEP)
    assert before["cautions"] and not any(before["cautions"]), before
    open_box(page)
    assert all(page.evaluate(BEFORE_THE_FIRST_STEP)["cautions"])


def test_show_every_situation_opens_the_box(new_visit, reader_http, guides_with_steps):
    page = new_visit(reader_http).page
    for page_path in guides_with_steps:  # a guide that folds something
        page.goto(f"{reader_http}{page_path}?show=all")
        if page.evaluate(BEFORE_THE_FIRST_STEP)["boxes"]:
            break
    else:
        pytest.fail("no guide folds anything")
    page.locator(".progress__change").click()  # "Change", in the page's language
    page.locator(".situation-picker input[type=radio]").first.check()  # a situation ...
    page.locator("[data-situation-show-all]").click()  # ... then "Show every situation"
    before = page.evaluate(BEFORE_THE_FIRST_STEP)
    assert all(open_ for open_, _ in before["boxes"]) and before["hidden"] == 0, before
