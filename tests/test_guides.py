"""A site of many guides, in Chromium: each guide asks its own questions, answers carry across
guides, and shared steps come from included files.

The situations each guide is walked through are generated from its declaration (its front
matter `situations:`, read by macros.situations.guides without a build). What each situation
must show is written here by hand, per guide: the questions, the step headings and every part
that applies to some situations only, with whom it is for.
"""

import pytest
from bs4 import BeautifulSoup

from macros.situations import guides
from support import axe, scenarios
from support.project import PROJECT, build_site, run_make
from support.readers import ChromiumReader
from support.scenarios import ANSWERS
from support.seen import READ_GUIDE

SITE = PROJECT / "tests" / "sites" / "many-guides" / "docs"

ALL = {}
MFA = "How do you do MFA today?"
TRANSFER = "How will you move your data?"
FROM = "What is your old phone?"
SCREEN = "Does the old phone's screen work?"
# The shared part, tests/sites/many-guides/docs/includes/old-phone-nearby.md.
NEARBY = [("Keep the old iPhone next to the new one.", {"from": {"iphone"}}),
          ("Keep the Android phone switched on.", {"from": {"android"}}),
          ("Charge both phones.", ALL),
          ("Update the old iPhone.", {"from": {"iphone"}})]

# Per guide, by hand: its questions in order, how many situations are possible, what it shows
# before anyone answers, its step headings and its conditional parts, each with whom it is for.
EXPECTED = {
    "sign-in.md": {
        "questions": [MFA],
        "possible": 3,
        "default": {"mfa": "sms"},
        "steps": [("step-1-sign-in", ALL), ("step-2-register-this-phone", {"mfa": {"none"}}),
                  ("step-3-finish", ALL)],
        "parts": [("Open a work app.", ALL),
                  ("Approve the sign-in in the app.", {"mfa": {"app"}}),
                  ("Type the code you get.", {"mfa": {"sms", "none"}}),
                  ("Register this phone for MFA.", {"mfa": {"none"}})],
    },
    "old-phone.md": {
        "questions": [FROM, TRANSFER],
        "possible": 4,  # an Android phone moves nothing (macros/situations.yml `impossible`)
        "default": {"from": "iphone", "transfer": "icloud"},
        "steps": [("step-1-get-ready", ALL),
                  ("step-2-move-your-data", {"transfer": {"icloud", "phone"}}),
                  ("step-3-finish", ALL)],
        "parts": [*NEARBY,
                  ("Turn on the new phone.", {"transfer": {"icloud", "phone"}}),
                  ("Choose the cloud backup.", {"transfer": {"icloud"}}),
                  ("Choose the old phone.", {"transfer": {"phone"}})],
    },
    "back-up.md": {
        "questions": [SCREEN, FROM, MFA],
        "possible": 12,
        "default": {"screen": "works", "from": "android", "mfa": "app"},
        "steps": [("step-1-get-ready", ALL), ("step-2-back-up", ALL)],
        "parts": [*NEARBY,
                  ("Open the settings on the old phone.", {"screen": {"works"}}),
                  ("Take the old phone to the service desk.", {"screen": {"broken"}}),
                  ("Tap the backup button.", {"screen": {"works"}, "from": {"iphone"}}),
                  ("Check that the app's own backup is on.", {"mfa": {"app"}})],
    },
}
DECLARED = guides(SITE)
SITUATIONS = [(path, choice) for path, guide in DECLARED.items()
              for choice in guide.possible_choices()]
IDS = [f"{path}?{'&'.join(f'{k}={v}' for k, v in choice.items())}" for path, choice in SITUATIONS]


def html(path):
    return path.replace(".md", ".html")


def query(choice):
    return "&".join(f"{key}={value}" for key, value in choice.items())


def applies(condition, choice):
    return all(choice[key] in values for key, values in condition.items())


def parts_and_actions(shown):
    """From seen.READ_GUIDE's result: the own words of every visible paragraph and list item,
    and how many actions a reader can tick off (the items of the Step sections' numbered lists)."""
    return ([words for tag, _, words in shown["blocks"] if tag in ("p", "li")],
            sum(1 for step in shown["steps"] for _, _, depth in step["actions"] if depth == 0))


def check_guide_page(shown, expected, choice):
    """READ_GUIDE's result against a guide's hand-written table (test_webkit.py uses it too)."""
    assert shown["legends"] == expected["questions"]
    assert shown["checked"] == choice
    steps = [step_id for step_id, condition in expected["steps"] if applies(condition, choice)]
    assert [step["id"] for step in shown["steps"]] == steps
    assert [step["title"].split(":")[0] for step in shown["steps"]] == [
        f"Step {n}" for n in range(1, len(steps) + 1)]
    hidden_steps = {step_id for step_id, _ in expected["steps"]} - set(steps)
    assert set(steps) <= set(shown["toc"]) and not hidden_steps & set(shown["toc"])
    text, actions = parts_and_actions(shown)
    for part, condition in expected["parts"]:
        assert (part in text) == applies(condition, choice), (part, text)
    assert shown["summary"].endswith(f": 0 of {actions} step{'' if actions == 1 else 's'} done")




@pytest.fixture(scope="module")
def guide_page(browser, guides_root):
    """Each guide opened once per situation (a deep link), shared by the read-only checks."""
    context = browser.new_context()
    pages = {}

    def open_guide(path, situation):
        if (path, situation) not in pages:
            pages[path, situation] = context.new_page()
            pages[path, situation].goto(f"{guides_root}{html(path)}?{situation}")
        return pages[path, situation]

    yield open_guide
    context.close()


def test_every_guide_has_a_hand_written_table_and_its_number_of_situations():
    assert set(DECLARED) == set(EXPECTED)
    for path, guide in DECLARED.items():
        assert len(guide.possible_choices()) == EXPECTED[path]["possible"], path


@pytest.mark.parametrize("path, choice", SITUATIONS, ids=IDS)
def test_each_guide_in_each_situation_asks_its_questions_and_shows_its_steps(
        guide_page, path, choice):
    check_guide_page(guide_page(path, query(choice)).evaluate(READ_GUIDE), EXPECTED[path], choice)


@pytest.mark.parametrize("path, choice", SITUATIONS, ids=IDS)
def test_axe_finds_nothing_in_any_guide_in_any_situation(guide_page, path, choice):
    assert axe.violations(guide_page(path, query(choice)), "article") == ""


def checked(page):
    return page.evaluate(ANSWERS)


def test_a_guide_opened_fresh_shows_its_own_default(new_visit, guides_root):
    visit = new_visit(guides_root)
    for path, expected in EXPECTED.items():
        assert checked(visit.open(html(path))) == expected["default"], path


def test_an_answer_carries_to_every_guide_that_asks_it_and_a_query_wins(new_visit, guides_root):
    scenarios.answer_carries_to_every_guide_that_asks_it(
        ChromiumReader(new_visit(guides_root).page, guides_root))


def test_a_default_is_not_an_answer_even_after_a_reload(new_visit, guides_root):
    visit = new_visit(guides_root)
    page = visit.open("sign-in.html")  # shows mfa=sms, its default, and puts it in the URL
    assert "mfa=sms" in page.url
    page.reload()
    assert checked(visit.open("back-up.html"))["mfa"] == "app"  # back-up's own default


def test_guides_without_common_questions_keep_their_own_answers(new_visit, guides_root):
    visit = new_visit(guides_root)
    page = visit.open("old-phone.html")
    page.get_by_label("An Android phone").check()
    assert checked(page) == {"from": "android", "transfer": "none"}
    page = visit.open("sign-in.html")
    page.get_by_label("Microsoft Authenticator app").check()
    assert page.url.endswith("sign-in.html?mfa=app")  # only its own question in its link
    assert checked(visit.open("old-phone.html")) == {"from": "android", "transfer": "none"}


def test_a_conditional_section_in_an_included_file_is_shown_and_hidden(new_visit, guides_root):
    page = new_visit(guides_root).open("old-phone.html?from=iphone&transfer=phone")
    page.get_by_role("button", name="Change").click()  # the picker is folded (issue 16)
    iphone, android = "Keep the old iPhone next to the new one.", "Keep the Android phone switched on."
    shown = parts_and_actions(page.evaluate(READ_GUIDE))[0]
    assert iphone in shown and android not in shown and "Update the old iPhone." in shown
    page.get_by_label("An Android phone").check()
    shown = parts_and_actions(page.evaluate(READ_GUIDE))[0]
    assert iphone not in shown and android in shown and "Update the old iPhone." not in shown


def test_a_page_that_asks_nothing_loads_none_of_the_picker(new_visit, guides_root):
    visit = new_visit(guides_root)
    requests = []
    visit.page.on("request", lambda request: requests.append(request.url))
    page = visit.open("index.html")
    assert not [url for url in requests if "situations." in url]
    assert page.evaluate("typeof window.situationRegistry") == "undefined"
    assert "situations" not in page.content()
    page = visit.open("sign-in.html")
    assert any(url.endswith("situations.js") for url in requests)


@pytest.mark.slow
def test_make_new_guide_starts_a_guide_that_asks_its_questions(tmp_path):
    docs = tmp_path / "docs"
    made = run_make("new-guide", "NAME=back-up-authenticator", "ASKS=from,mfa", f"DOCS_DIR={docs}")
    assert made.returncode == 0, made.stderr
    build = build_site(tmp_path / "site", docs_dir=docs)
    assert build.returncode == 0, build.stderr
    page = BeautifulSoup((tmp_path / "site" / "back-up-authenticator.html").read_text(
        encoding="utf-8"), "html.parser")
    assert [legend.get_text() for legend in page.select(".situation-picker legend")] == [
        FROM, MFA]
    assert run_make("lint", f"LINT_PAGES={docs}").returncode == 0


@pytest.mark.slow
def test_make_new_guide_refuses_an_unknown_question(tmp_path):
    made = run_make("new-guide", "NAME=guide", "ASKS=mfa,old_phone", f"DOCS_DIR={tmp_path}")
    assert made.returncode != 0
    assert "unknown situation dimension 'old_phone'" in made.stderr
    assert list(tmp_path.iterdir()) == []
