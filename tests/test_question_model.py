"""The question model on a scenario site (tests/sites/question-model): a guide's own questions
in two languages, a question asked only if another answer makes it relevant, a combination
nobody can be in, a condition with alternatives (`any=[...]`), a conditional paragraph and a
loose list; the IT page's links and outlines; link queries checked by `make linkcheck`.

Browser behaviour in Chromium, and with storage blocked wherever the address alone must carry
the situation; the same scenarios run in WebKit (test_webkit_question_model.py).
"""

import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from support import question_model as model
from support.project import PROJECT
from support.servers import serve
from support.sites import make_world_readable_dir, shared_folder
from macros.situations import Registry
from macros.situations.registry import AnyOf
from support.readers import ChromiumReader

# localStorage throws, as in locked-down browsers and some private modes: nothing remembered
# can stand in for what the address carries.
BLOCK_STORAGE = """Object.defineProperty(window, 'localStorage', {configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }});"""


@pytest.fixture(scope="session")
def question_model_site(request):
    return shared_folder(request, "site-question-model", model.build_question_model) / "site"


@pytest.fixture(scope="session")
def question_model_root(question_model_site):
    server, root = serve(question_model_site)
    yield root
    server.shutdown()


@pytest.fixture(params=["storage", "storage blocked"])
def reader(request, new_visit, question_model_root):
    visit = new_visit(question_model_root)
    if request.param == "storage blocked":
        visit.page.add_init_script(BLOCK_STORAGE)
    return ChromiumReader(visit.page, question_model_root)


def parse(site, page):
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


# --- The browser ------------------------------------------------------------------------------

@pytest.mark.parametrize("situation", list(model.SITUATIONS))
def test_a_link_to_each_situation_shows_its_steps(reader, situation):
    model.each_situation_shows_its_steps(reader, situation)


def test_a_question_is_asked_only_when_another_answer_makes_it_relevant(reader):
    model.a_question_is_asked_only_when_another_answer_makes_it_relevant(reader)


def test_a_link_with_a_question_not_asked_leaves_it_out(reader):
    model.a_link_with_a_question_not_asked_leaves_it_out(reader)


def test_an_impossible_combination_is_greyed_out_and_a_link_to_it_corrected(reader):
    model.an_impossible_combination_is_greyed_out_and_a_link_to_it_corrected(reader)


def test_labels_hide_alike_in_tight_and_loose_lists(new_visit, question_model_root):
    reader = ChromiumReader(new_visit(question_model_root).page, question_model_root)
    model.labels_hide_alike_in_tight_and_loose_lists(reader)


# Records, while the page is still being parsed, whether each conditional part is displayed.
RECORD_WHILE_PARSING = """() => {
  window.seenWhileParsing = [];
  new MutationObserver((records) => {
    if (document.documentElement.classList.contains('situations-ready')) return;
    for (const record of records) for (const node of record.addedNodes) {
      if (node.nodeType === 1 && (node.matches('.situation') ||
                                  node.matches('.situation-picker__dimension'))) {
        seenWhileParsing.push([node.textContent.replace(/\\s+/g, ' ').trim().slice(0, 60),
                               getComputedStyle(node).display !== 'none']);
      }
    }
  }).observe(document, {childList: true, subtree: true});
}"""


# Links that leave a question unanswered, so the picker is open (not folded) while parsing.
@pytest.mark.parametrize("situation, shown, hidden", [
    ("owner=organization", ["Only for: work-owned, or whole iPhone", "Who owns the iPhone?"],
     ["What does the organization protect?", "Only if work apps and data are protected"]),
    ("owner=employee&protect=apps",
     ["What does the organization protect?", "Only if work apps and data are protected"],
     ["Only for: work-owned, or whole iPhone"]),
])
def test_other_paths_are_hidden_before_the_first_paint(new_visit, question_model_root, situation,
                                                        shown, hidden):
    """A part for alternatives, a question asked only sometimes and the parts that depend on it
    are already right while the page is parsed: no wrong path flashes, no question appears or
    goes once the page is ready."""
    visit = new_visit(question_model_root)
    visit.page.add_init_script(f"({RECORD_WHILE_PARSING})()")
    seen = visit.open(f"{model.GUIDE}?{situation}").evaluate("seenWhileParsing")
    displayed = {text: display for text, display in seen}
    for start in shown + hidden:
        matches = [display for text, display in displayed.items() if text.startswith(start)]
        assert matches == [start in shown], (start, seen)


def test_the_german_guide_asks_in_german(new_visit, question_model_root):
    page = new_visit(question_model_root).open(
        f"de/{model.GUIDE}?owner=employee&setup=portal&protect=apps")
    page.get_by_role("button", name="Ändern").click()
    shown = page.evaluate(model.READ)
    assert shown["questions"] == ["Wem gehört das iPhone?", "Wie wird es eingerichtet?",
                                  "Was schützt die Organisation?"]
    assert shown["summary"].startswith("privat · Unternehmensportal · nur Arbeits-Apps:")
    assert [title for _, title in shown["steps"]] == ["Schritt 1: Vorbereiten",
                                                      "Schritt 2: Abschließen"]


# --- The built pages --------------------------------------------------------------------------

def test_the_it_page_links_only_to_situations_a_reader_can_be_in(question_model_site):
    rows = parse(question_model_site, "it.html").select("article tbody tr")
    links = [row.select_one("th a")["href"] for row in rows]
    assert links == ["enroll.html", *[f"enroll.html?{situation}"
                                      for situation in model.SITUATIONS]]
    for row, situation in zip(rows[1:], model.SITUATIONS):
        steps = row.select(".guide-outline > ul > li")
        assert [step.find(string=True).strip() for step in steps] == [
            title for _, title in model.SITUATIONS[situation]["steps"]]
        outline = row.select_one(".guide-outline").get_text(" ", strip=True)
        for text in model.CONDITIONAL:
            if text != model.PARAGRAPH:  # the outline lists the Step sections' actions
                assert (text in outline) == (text in model.SITUATIONS[situation]["shown"]), (
                    situation, text)
    assert len(rows[1].select("svg")) == 1  # one QR code per link


def test_a_part_for_alternatives_lists_the_situations_it_is_for(question_model_site):
    part = parse(question_model_site, model.GUIDE).select_one("div.situation[data-situations]")
    assert part.select_one(".situation__label").get_text() == "Only for: work-owned, or whole iPhone"
    assert part["data-situations"].split() == [
        "organization.portal.-", "organization.ade.-", "employee.portal.device"]
    assert "data-situation-call" not in str(parse(question_model_site, model.GUIDE))


# --- The registry -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def guide():
    from macros.situations import declaration
    return Registry.load().for_guide(declaration(
        (model.SITE / "enroll.md").read_text(encoding="utf-8")))


def test_a_question_asked_only_sometimes_is_left_out_of_the_situations(guide):
    assert guide.possible_choices() == [dict(model.query_of(situation))
                                        for situation in model.SITUATIONS]
    assert guide.asked({"owner": "organization", "setup": "ade", "protect": "apps"}) == {
        "owner": "organization", "setup": "ade"}


def test_any_holds_when_one_of_its_alternatives_does(guide):
    condition = guide.condition(any=[{"owner": "organization"}, {"protect": "device"}])
    assert isinstance(condition, AnyOf)
    assert [guide.token(choice) for choice in guide.matching(condition)] == [
        "organization.portal.-", "organization.ade.-", "employee.portal.device"]
    both = guide.condition(setup="portal", any=[{"owner": "organization"}, {"protect": "device"}])
    assert [guide.token(choice) for choice in guide.matching(both)] == [
        "organization.portal.-", "employee.portal.device"]


# --- make linkcheck ---------------------------------------------------------------------------

LINKCHECKER = [sys.executable, str(PROJECT / "tests" / "linkcheck_site.py"), "--no-status",
               "--config", str(PROJECT / "tests" / "linkcheckerrc")]


@pytest.mark.slow  # LinkChecker
def test_linkcheck_names_a_misspelled_situation_value_in_a_link(question_model_site):
    folder = make_world_readable_dir("help-question-model-")
    try:
        site = folder / "site"
        shutil.copytree(question_model_site, site)
        clean = subprocess.run([*LINKCHECKER, str(site / "index.html")], capture_output=True,
                               text=True, timeout=300)
        assert clean.returncode == 0, clean.stdout
        home = site / "index.html"
        home.write_text(home.read_text(encoding="utf-8").replace(
            "protect=apps#step-2-protect", "protect=devise#step-2-protect"), encoding="utf-8")
        broken = subprocess.run([*LINKCHECKER, str(home)], capture_output=True, text=True,
                                timeout=300)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert broken.returncode == 1, broken.stdout
    message = " ".join(broken.stdout.split())
    assert "'devise' is not a value of 'protect'. Did you mean 'device'?" in message, message
    assert "1 warning found" in message
