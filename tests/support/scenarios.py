"""Reader scenarios, written once and run in Chromium (Playwright) and WebKit (Selenium +
WebKitGTK): test_situations.py, test_progress.py and test_webkit.py call the same functions with a
reader from support/readers.py.

They read the reader-site scenario site (tests/sites/reader-site/): a home page, two guides that
ask the site's questions (new-phone.md asks all three; back-up-sign-in.md two of them), their
German translations and the IT page. What each situation of new-phone.md shows is its expected
file, tests/sites/reader-site/docs/new-phone.expected.yml, written by hand from what the sample
guide is meant to say (never from the code that hides and numbers), and compared here through
support/expected.py, the same code that checks the writers' guides.
"""

import json
from urllib.parse import parse_qs, urlsplit

from macros.situations import Registry

from . import expected, guide_checks
from .content import guides, html_path
from .project import PROJECT, SITES
from .seen import ANY_SHOWN as SHOWN, READ_GUIDE, READ_TICK_BOXES, SHOWN_TEXT, reading

SITE = SITES / "reader-site" / "docs"
GUIDE_SOURCE = "new-phone.md"
GUIDE = "new-phone.html"
OTHER_GUIDE = "back-up-sign-in.html"
REGISTRY = Registry.load()
GUIDE_REGISTRY = guides(SITE)[GUIDE_SOURCE]
# Each guide's expected paths, by its page.
EXPECTED_PATHS = {html_path(src): expected.load(SITE, src, registry, PROJECT)
                  for src, registry in guides(SITE).items()}
EXPECTED = EXPECTED_PATHS[GUIDE]


def query(choice):
    return "&".join(f"{key}={value}" for key, value in choice.items())


def expected_path(choice, wanted=EXPECTED):
    """(visible step ids, visible actions as (depth, start of their words)) for a choice, from
    a guide's expected file."""
    steps, actions = [], []
    for title, step_id, step_actions in wanted.steps:
        if wanted.applies(title.condition, choice):
            steps.append(step_id)
            actions += [(part.depth, part.text) for part in step_actions
                        if wanted.applies(part.condition, choice)]
    return steps, actions


def path_cases(every_guide=False):
    """(guide page, choice) for every possible situation of the guide (or of every guide of the
    site): the one list of cases both engines run."""
    return [(html_path(src), choice) for src, registry in guides(SITE).items()
            if every_guide or src == GUIDE_SOURCE for choice in registry.possible_choices()]


def case_id(case):
    guide, choice = case
    return f"{guide.removesuffix('.html')}?{query(choice)}"


def assert_path(shown, choice, guide=GUIDE):
    """`shown` (seen.READ_GUIDE's result) is exactly the path the guide's expected file gives for
    `choice`, and a sound one (support/guide_checks.py)."""
    wanted = EXPECTED_PATHS[guide]
    problems = wanted.problems(shown, choice, guide) + guide_checks.problems(
        guide_checks.Guide(SITE, wanted.src_uri, PROJECT), shown, query(choice))
    assert problems == [], "\n".join(problems)
    steps, actions = expected_path(choice, wanted)
    hidden_steps = {step_id for _, step_id, _ in wanted.steps} - set(steps)
    assert not hidden_steps & set(shown["toc"]), "table of contents lists a hidden step"
    assert set(steps) <= set(shown["toc"]), "table of contents misses a shown step"
    phrases = " · ".join(REGISTRY.dimension(key).value(value).phrase
                         for key, value in choice.items())
    assert shown["summary"] == progress_summary(
        phrases, len([text for depth, text in actions if depth == 0])), "summary"


def progress_summary(situation, actions):
    """The picker's summary with nothing ticked yet (issue 16): "<situation>: 0 of N steps done",
    N the actions of the Step sections on the path."""
    return f"{situation}: 0 of {actions} {'step' if actions == 1 else 'steps'} done"


# Every action of the Step sections when every situation shows.
ALL_ACTIONS = sum(1 for _, _, actions in EXPECTED.steps for part in actions if part.depth == 0)


# --- Scenarios: each takes a reader (readers.py) ------------------------------------------------

CHECKED = """(names) => Object.fromEntries(names.map((name) => [name,
  (document.querySelector(`input[name="${name}"]:checked`) || {}).value || null]))"""
TEXT_OF = "(selector) => document.querySelector(selector).textContent"
DIMENSION_KEYS = [dimension.key for dimension in REGISTRY.dimensions]


def checked(reader):
    return reader.run(CHECKED, DIMENSION_KEYS)


def url_choice(url):
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


FOLDED_CHANGE = ".progress__change[aria-expanded='false']"


def open_questions(page):
    """A reader who arrives with a situation sees the picker folded: press "Change" (issue 16).
    (On a Playwright page.)"""
    change = page.get_by_role("button", name="Change")
    assert change.get_attribute("aria-expanded") == "false"
    change.click()
    assert change.get_attribute("aria-expanded") == "true"


def choose(reader, key, value):
    """Pick an answer; a reader who arrived with a situation first opens the folded picker."""
    if reader.run(SHOWN, FOLDED_CHANGE):
        reader.click(FOLDED_CHANGE)
    reader.click(f"input[name='{key}'][value='{value}']")


def deep_link_selects_its_radios(reader):
    choice = {"mfa": "sms", "transfer": "phone", "from": "iphone"}
    reader.open(f"{GUIDE}?{query(choice)}")
    assert checked(reader) == choice, "the deep link's situation is not the one selected"
    assert reader.run(TEXT_OF, "[data-situation-summary]").startswith(
        "text message or call · transfer from the old iPhone · old iPhone")
    assert_path(reader.run(READ_GUIDE), choice)


def choice_follows_into_the_url_and_survives_a_reload(reader):
    """Radios → URL; then the same page without a query brings the remembered choice back."""
    reader.open(GUIDE)
    reader.run("() => localStorage.clear()")
    reader.open(GUIDE)
    choose(reader, "mfa", "sms")
    choose(reader, "transfer", "phone")
    choice = {"mfa": "sms", "transfer": "phone", "from": "iphone"}
    assert url_choice(reader.url) == choice, "the chosen radios are not in the address"
    reader.open(GUIDE)  # no query: the remembered choice comes back
    assert checked(reader) == choice, "the choice was not remembered"
    assert url_choice(reader.url) == choice
    assert reader.run(SHOWN, "#step-1-back-up-the-old-phone")
    assert reader.run(SHOWN_TEXT, "Finish MFA with the text message or call")
    assert not reader.run(SHOWN_TEXT, "Finish MFA, or passwordless sign-in")
    reader.reload()
    assert checked(reader) == choice, "a reload lost the choice"


def choice_is_remembered_across_pages(reader, guides):
    """A choice made in one guide is what every other guide (and a later visit) starts with."""
    reader.open(GUIDE)
    reader.run("() => localStorage.clear()")
    reader.open(f"{GUIDE}?mfa=none&transfer=icloud&from=iphone")
    choose(reader, "from", "android")  # the registry turns the transfer into "none"
    expected = {"mfa": "none", "transfer": "none", "from": "android"}
    reader.open("index.html")
    for guide in guides:
        reader.open(guide)
        shown = checked(reader)
        asked = {key: value for key, value in shown.items() if value is not None}
        assert asked == {key: expected[key] for key in asked}, (guide, asked)


SEARCH_FIELD = "input[data-md-component=search-query]"
SEARCH_READY = """() => [...document.querySelectorAll('.md-search-result__meta')]
  .some((meta) => meta.textContent.includes('Type to start searching'))"""
SEARCH_HIT = """(href) => [...document.querySelectorAll('.md-search-result__item a')]
  .map((a) => a.href).find((url) => url.includes(href)) || null"""


def search(reader, words):
    """Type into Material's search as a reader would, once it says it is ready."""
    reader.click(SEARCH_FIELD)
    reader.wait(SEARCH_READY, timeout=30)
    reader.type(SEARCH_FIELD, words)


def search_finds(reader, page, words, href):
    reader.open(page)
    search(reader, words)
    reader.wait(SEARCH_HIT, href, timeout=30)
    return reader.run(SEARCH_HIT, href)


def search_result_reveals_a_hidden_part(reader):
    reader.open(f"{GUIDE}?mfa=app&transfer=none&from=android")
    assert not reader.run(SHOWN, "#step-1-back-up-the-old-phone"), "step 1 is not for this reader"
    search(reader, "Back Up Now")
    hit = ".md-search-result__item a[href*='#step-1-back-up-the-old-phone']"
    reader.wait(SEARCH_HIT, "#step-1-back-up-the-old-phone", timeout=30)
    if not reader.run(SHOWN, hit):  # Material folds a page's further sections: "N more"
        # (the fold of the guide's own result: other guides have hits for these words too)
        reader.click(".md-search-result__item:has(a[href*='#step-1-back-up-the-old-phone'])"
                     " .md-search-result__more summary")
    reader.click(hit)
    reader.wait(SHOWN, "#step-1-back-up-the-old-phone")
    note = reader.run(TEXT_OF, "[data-situation-note]")
    assert "not in your chosen steps" in note and "old iPhone" in note, note


# Without JavaScript: every section shows, each saying whom it is for; no picker (it needs JS).
NO_SCRIPT_VIEW = reading("""() => {
  return {sections: [...document.querySelectorAll('article .situation')].map((section) =>
            [shown(section), (section.querySelector('.situation__label') || {}).textContent || '']),
          picker: shown(document.querySelector('.situation-picker'))};
}""")


def without_javascript_every_section_shows_with_its_label(reader):
    reader.open(GUIDE)
    view = reader.run(NO_SCRIPT_VIEW)
    assert len(view["sections"]) == 18, "the guide's conditional sections (counted in its Markdown)"
    hidden = [label for visible, label in view["sections"] if not visible]
    assert hidden == [], "without JavaScript these parts are hidden: " + "; ".join(hidden)
    unlabelled = [label for _, label in view["sections"] if not label.startswith("Only")]
    assert unlabelled == [], "a conditional part without its 'Only …' label"
    assert not view["picker"], "the picker shows, but cannot work without JavaScript"


FOCUSED = """() => {
  const el = document.activeElement;
  return {tag: el.tagName, name: el.name || '', value: el.value || '',
          text: (el.textContent || '').trim().slice(0, 40)};
}"""


def tab_until(reader, wanted, presses=60):
    """Press Tab until `wanted(focused)` holds; the focus path, for a failure message."""
    path = []
    for _ in range(presses):
        reader.press("Tab")
        focused = reader.run(FOCUSED)
        path.append(focused["name"] or focused["text"] or focused["tag"])
        if wanted(focused):
            return path
    raise AssertionError(f"{presses} presses of Tab never got there: " + " → ".join(path))


def keyboard_alone_can_change_the_situation(reader):
    """From the top of the page: "Skip to content", then Tab to the picker's radios (the route
    that works in both engines, see test_webkit.py on Tab from the search field)."""
    reader.open(f"{GUIDE}?mfa=app&transfer=icloud&from=iphone")
    tab_until(reader, lambda focused: focused["text"] == "Skip to content", presses=3)
    reader.press("Enter")
    # The reader arrived with a situation: the picker is folded behind "Change" (issue 16).
    tab_until(reader, lambda focused: focused["text"] == "Change")
    reader.press("Enter")
    tab_until(reader, lambda focused: focused["name"] == "mfa")
    assert reader.run(FOCUSED)["value"] == "app", "the checked radio takes the focus"
    reader.press("ArrowDown")
    assert url_choice(reader.url)["mfa"] == "sms", "an arrow key changes the MFA answer"
    reader.press("Tab")  # to the transfer question's checked radio
    reader.press("ArrowDown")
    assert url_choice(reader.url)["transfer"] == "phone"
    assert reader.run(SHOWN_TEXT, "Finish MFA with the text message or call")


BEGIN_RECOVERY = reading("""() => {
  const item = [...document.querySelectorAll('li.situation')]
    .find((li) => li.textContent.includes('Begin recovery'));
  return {hidden: item.getAttribute('hidden'), shown: shown(item)};
}""")


def text_fragment_reveals_a_hidden_part(reader):
    """hidden="until-found": a link to words in a hidden part (a text fragment, as find-in-page
    does) reveals it."""
    situation = f"{GUIDE}?mfa=sms&transfer=none&from=iphone"
    reader.open(situation)
    assert reader.run(BEGIN_RECOVERY) == {"hidden": "until-found", "shown": False}
    reader.open("index.html")  # then a fresh load of the guide, as from a shared link
    reader.open(situation + "#:~:text=Begin%20recovery")
    reader.wait(f"() => ({BEGIN_RECOVERY})().shown")
    assert reader.run(BEGIN_RECOVERY)["hidden"] is None


TRANSFER_ANSWERS = """() => Object.fromEntries(
  [...document.querySelectorAll('input[name=transfer]')]
  .map((radio) => [radio.value, {disabled: radio.disabled,
                                 colour: getComputedStyle(radio.closest('label')).color}]))"""


def impossible_answers_are_greyed_out(reader):
    """An Android phone has no iCloud backup and can't transfer to an iPhone: those answers are
    disabled, and their labels look it (label:has(input:disabled) in situations.css)."""
    reader.open(f"{GUIDE}?mfa=app&transfer=icloud&from=iphone")
    choose(reader, "from", "android")
    assert checked(reader)["transfer"] == "none"
    answers = reader.run(TRANSFER_ANSWERS)
    assert [value for value, answer in answers.items() if answer["disabled"]] == [
        "icloud", "phone"]
    assert answers["icloud"]["colour"] == answers["phone"]["colour"] != answers["none"]["colour"], (
        "disabled answers look the same as the one that can be chosen")


READ_BOXES = READ_TICK_BOXES


def ticks_survive_a_reload(reader):
    """Tick two actions, reload: the same two are ticked and the summary counts them."""
    choice = {"mfa": "sms", "transfer": "icloud", "from": "iphone"}
    reader.open(GUIDE)
    reader.run("() => localStorage.clear()")
    reader.open(f"{GUIDE}?{query(choice)}")
    names = [name for name, _ in reader.run(READ_BOXES)]
    ticked = [names[0], names[3]]
    for name in ticked:
        label = json.dumps(name, ensure_ascii=False)  # a quoted CSS string
        reader.click(f"article input[type=checkbox][aria-label={label}]")
    assert [name for name, box_ticked in reader.run(READ_BOXES) if box_ticked] == ticked
    reader.reload()
    assert [name for name, box_ticked in reader.run(READ_BOXES) if box_ticked] == ticked, (
        "a reload lost the ticks")
    total = len([text for depth, text in expected_path(choice)[1] if depth == 0])
    assert reader.run(TEXT_OF, "[data-situation-summary]") == (
        f"{REGISTRY.summary(choice)}: 2 of {total} steps done")


# --- Across the guides of the many-guides scenario site (tests/sites/many-guides/) -------------

ANSWERS = """() => Object.fromEntries([...document.querySelectorAll('.situation-picker :checked')]
  .map((radio) => [radio.name, radio.value]))"""


def answer_carries_to_every_guide_that_asks_it(reader):
    """An answer given on one guide is chosen on every other guide that asks the question; a
    query is an answer too, and the latest one."""
    reader.open("sign-in.html")
    reader.click("input[name=mfa][value=none]")  # "My old phone can't be used for MFA"

    reader.open("back-up.html")  # asks mfa too; its own default is app
    assert reader.run(ANSWERS) == {"screen": "works", "from": "android", "mfa": "none"}
    shown = [words for tag, _, words in reader.run(READ_GUIDE)["blocks"] if tag in ("p", "li")]
    assert "Check that the app's own backup is on." not in shown

    reader.open("back-up.html?mfa=sms")
    assert reader.run(ANSWERS)["mfa"] == "sms"
    reader.open("sign-in.html")  # the query was an answer too, and the latest one
    assert reader.run(ANSWERS) == {"mfa": "sms"}
