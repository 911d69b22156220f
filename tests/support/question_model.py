"""The question model in a browser: the scenario site tests/sites/question-model (a guide with
questions of its own, one asked only if another answer makes it relevant, an impossible
combination and a condition with alternatives), read by a reader of readers.py, so Chromium
(test_question_model.py) and WebKit (test_webkit_question_model.py) run the same scenarios.

What each situation shows is written here by hand from the guide's text, not from its markup.
"""

import shutil
from urllib.parse import parse_qsl, urlsplit

from support.project import PROJECT, build_site

SITE = PROJECT / "tests" / "sites" / "question-model" / "docs"
GUIDE = "enroll.html"
OWNER, SETUP, PROTECT = "Who owns the iPhone?", "How is it set up?", "What does the organization protect?"
PARAGRAPH = "Company Portal is the app that enrolls the iPhone."
SERVICE_DESK = "Ask the service desk for the iPhone."
OWN_APPS = "Keep your own apps as they are."
PROFILE = "Install the management profile."
WAIT = "Wait for the setup to finish."
CONDITIONAL = [PARAGRAPH, SERVICE_DESK, OWN_APPS, PROFILE, WAIT]
STEP_1, STEP_2, STEP_3 = "step-1-get-ready", "step-2-protect", "step-3-finish"

# The four situations a reader can be in (an employee's own iPhone is never set up when first
# turned on; what is protected is asked only on one), each: its query, the questions asked,
# the steps with their titles as shown, the conditional texts shown, the summary.
SITUATIONS = {
    "owner=organization&setup=portal": {
        "questions": [OWNER, SETUP],
        "steps": [(STEP_1, "Step 1: Get ready"), (STEP_2, "Step 2: Protect the whole iPhone"),
                  (STEP_3, "Step 3: Finish")],
        "shown": [PARAGRAPH, SERVICE_DESK, PROFILE],
        "summary": "work-owned · Company Portal",
    },
    "owner=organization&setup=ade": {
        "questions": [OWNER, SETUP],
        "steps": [(STEP_1, "Step 1: Get ready"), (STEP_2, "Step 2: Protect the whole iPhone"),
                  (STEP_3, "Step 3: Finish")],
        "shown": [SERVICE_DESK, PROFILE, WAIT],
        "summary": "work-owned · set up when turned on",
    },
    "owner=employee&setup=portal&protect=device": {
        "questions": [OWNER, SETUP, PROTECT],
        "steps": [(STEP_1, "Step 1: Get ready"), (STEP_2, "Step 2: Protect the whole iPhone"),
                  (STEP_3, "Step 3: Finish")],
        "shown": [PARAGRAPH, PROFILE],
        "summary": "your own · Company Portal · whole iPhone",
    },
    "owner=employee&setup=portal&protect=apps": {
        "questions": [OWNER, SETUP, PROTECT],
        "steps": [(STEP_1, "Step 1: Get ready"), (STEP_3, "Step 2: Finish")],
        "shown": [PARAGRAPH, OWN_APPS],
        "summary": "your own · Company Portal · work apps only",
    },
}


def build_question_model(folder):
    """The scenario site, built with the project's theme (its scripts come with it)."""
    docs = folder / "docs"
    shutil.copytree(SITE, docs)
    result = build_site(folder / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr


# What the reader sees: rendered, and not inside a part hidden until found; what is folded
# before the first Step is opened first, as support/seen.py's READ_GUIDE does (the reader's
# whole path, folded or not).
READ = """() => {
  document.querySelectorAll('article details:not([open])').forEach((box) => { box.open = true; });
  const shown = (el) => el.checkVisibility() && !el.closest('[hidden]');
  const ownWords = (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.situation__label, ol, ul, input').forEach((part) => part.remove());
    return copy.textContent.replace(/\\s+/g, ' ').trim();
  };
  return {
    questions: [...document.querySelectorAll('.situation-picker fieldset')].filter(shown)
      .map((fieldset) => fieldset.querySelector('legend').textContent),
    checked: Object.fromEntries([...document.querySelectorAll('.situation-picker :checked')]
      .map((radio) => [radio.name, radio.value])),
    steps: [...document.querySelectorAll('article h2.step')].filter(shown)
      .map((h) => [h.id, h.firstChild.textContent.trim()]),
    texts: [...document.querySelectorAll('article li, article p')].filter(shown).map(ownWords),
    labels: [...document.querySelectorAll('article .situation__label')].filter(shown)
      .map((label) => label.textContent),
    summary: document.querySelector('[data-situation-summary]').textContent,
    note: document.querySelector('[data-situation-note]').textContent,
    query: location.search.slice(1),
  };
}"""


def query_of(url_or_query):
    return dict(parse_qsl(urlsplit(url_or_query).query if "?" in url_or_query else url_or_query))


def check_situation(shown, situation):
    """READ's result against the hand-written table for one situation (a query)."""
    expected = SITUATIONS[situation]
    assert shown["questions"] == expected["questions"], "questions asked"
    assert shown["checked"].items() >= query_of(situation).items(), "answers checked"
    assert [tuple(step) for step in shown["steps"]] == expected["steps"], "steps, their numbers"
    assert [text for text in CONDITIONAL if text in shown["texts"]] == expected["shown"], \
        "conditional parts shown"
    assert shown["summary"].startswith(expected["summary"] + ":"), shown["summary"]
    assert query_of(shown["query"]) == query_of(situation), "the address carries the situation"


# --- Scenarios: each takes a reader (readers.py) ------------------------------------------------

def open_fresh(reader, path):
    """Open `path` with nothing remembered (storage cleared, where the browser allows it)."""
    reader.open(GUIDE)
    reader.run("() => { try { localStorage.clear(); } catch (error) {} }")
    reader.open(path)


def open_questions(reader):
    """A reader who arrived with a situation sees the questions folded behind "Change"."""
    if reader.run("() => !!document.querySelector(\".progress__change[aria-expanded='false']\")"):
        reader.click(".progress__change")


def each_situation_shows_its_steps(reader, situation):
    open_fresh(reader, f"{GUIDE}?{situation}")
    open_questions(reader)
    check_situation(reader.run(READ), situation)


def a_question_is_asked_only_when_another_answer_makes_it_relevant(reader):
    """What is protected is asked on the employee's own iPhone only: hidden from the picker and
    the address otherwise, and its answer comes back with the answer that asks it."""
    open_fresh(reader, f"{GUIDE}?owner=organization&setup=portal")
    open_questions(reader)
    check_situation(reader.run(READ), "owner=organization&setup=portal")
    reader.click("input[name=owner][value=employee]")
    check_situation(reader.run(READ), "owner=employee&setup=portal&protect=device")
    reader.click("input[name=protect][value=apps]")
    check_situation(reader.run(READ), "owner=employee&setup=portal&protect=apps")
    reader.click("input[name=owner][value=organization]")
    check_situation(reader.run(READ), "owner=organization&setup=portal")
    reader.click("input[name=owner][value=employee]")
    assert reader.run(READ)["checked"]["protect"] == "apps", "the earlier answer came back"


def a_link_with_a_question_not_asked_leaves_it_out(reader):
    open_fresh(reader, f"{GUIDE}?owner=organization&setup=ade&protect=apps")
    open_questions(reader)
    check_situation(reader.run(READ), "owner=organization&setup=ade")


IMPOSSIBLE = ("An iPhone you bought yourself is not set up by the organization when first "
              "turned on.")
SETUP_ANSWERS = """() => Object.fromEntries([...document.querySelectorAll('input[name=setup]')]
  .map((radio) => [radio.value, radio.disabled]))"""


def an_impossible_combination_is_greyed_out_and_a_link_to_it_corrected(reader):
    open_fresh(reader, f"{GUIDE}?owner=employee&setup=ade&protect=apps")
    open_questions(reader)
    shown = reader.run(READ)
    check_situation(shown, "owner=employee&setup=portal&protect=apps")
    assert IMPOSSIBLE in shown["note"], shown["note"]
    assert reader.run(SETUP_ANSWERS) == {"portal": False, "ade": True}
    reader.click("input[name=owner][value=organization]")
    assert reader.run(SETUP_ANSWERS) == {"portal": False, "ade": False}


def labels_hide_alike_in_tight_and_loose_lists(reader):
    """On a chosen path no "Only if …" label shows (they would repeat the answer), whether its
    step is in a tight list, a loose one (a blank line between steps) or a paragraph; with every
    situation shown they all do."""
    open_fresh(reader, f"{GUIDE}?owner=organization&setup=ade")
    assert reader.run(READ)["labels"] == []
    reader.open(f"{GUIDE}?show=all")
    assert reader.run(READ)["labels"] == [
        "Only if you set it up with Company Portal:", "Only if the organization owns it:",
        "Only if work apps and data are protected:", "Only for: work-owned, or whole iPhone",
        "Only if it is set up when first turned on:"]
