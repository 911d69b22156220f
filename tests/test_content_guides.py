"""Every guide in docs/, in every situation it can show, in Chromium: the checks every guide gets.

The guides are found from their front matter (a page for employees that asks questions,
`situations:`), never by name: a new guide gets every check here without an edit under tests/.
In each possible situation (a deep link) a reader sees Steps numbered 1, 2, 3 …, each with its
actions numbered without gaps, no empty Step, no label on their own path and a "done" box per
action, and the page stays inside the site without errors or policy violations; no conditional
part is hidden from every reader; axe finds nothing, with steps ticked, and with every situation
shown. Where the guide has expected paths beside it
(`<guide>.expected.yml`, written by its writer from its sources), each situation shows exactly
those. A failure names the file and line to change, and how.

The IT page's outlines are compared with the guides in tests/test_guide_links.py, the German
paths with the English ones in tests/test_languages.py.
"""

import functools

import pytest

from support import axe, expected, guide_checks
from support.browsers import Visit
from support.content import guides, html_path
from support.policy import RECORD_VIOLATIONS, violations
from support.project import DOCS, PROJECT
from support.seen import READ_TICK_BOXES, read_guide

GUIDES = guides()
CASES = [(src, choice) for src, registry in GUIDES.items()
         for choice in registry.possible_choices()]
TICKED = (1, 2)  # the "done" boxes ticked before axe runs (0: the first action)


def case_id(src, situation):
    return f"{src.removesuffix('.md')}?{situation}"


@functools.cache
def expected_paths(src):
    return expected.load(DOCS, src, GUIDES[src], PROJECT)


@pytest.fixture(scope="module")
def guide_view(browser, http_root):
    """A guide opened once per situation (a deep link), each in a browser context of its own (a
    tick is kept per browser): (the visit, what the reader sees before anything is ticked)."""
    opened, contexts = {}, []

    def view(src, situation):
        if (src, situation) not in opened:
            contexts.append(browser.new_context())
            visit = Visit(contexts[-1].new_page(), http_root)
            visit.page.add_init_script(RECORD_VIOLATIONS)
            page = visit.open(f"{html_path(src)}?{situation}")
            opened[src, situation] = visit, read_guide(page)
        return opened[src, situation]

    yield view
    for context in contexts:
        context.close()


def test_every_guide_is_found():
    """The guides are found from front matter: the site has some, each with its questions."""
    assert GUIDES and all(registry.possible_choices() for registry in GUIDES.values())


@pytest.mark.parametrize("src", sorted(GUIDES))
def test_expected_paths_name_only_the_guides_questions_and_answers(src):
    """A guide's expected file (where it has one) is read, and every condition in it uses the
    guide's own questions and answers (a mistake there names its line)."""
    expected_paths(src)


@pytest.mark.parametrize("src, choice", CASES,
                         ids=[case_id(src, expected.query(choice)) for src, choice in CASES])
def test_every_situation_shows_a_sound_path(guide_view, src, choice):
    situation = expected.query(choice)
    visit, shown = guide_view(src, situation)
    problems = guide_checks.problems(guide_checks.Guide(DOCS, src, PROJECT), shown, situation)
    if expected_paths(src):
        problems += expected_paths(src).problems(shown, choice, html_path(src))
    assert problems == [], "\n".join(problems)
    assert visit.outside_requests == [] and visit.console_errors == []
    assert violations(visit.page) == [], "Content-Security-Policy violations"


def test_no_part_of_a_guide_is_hidden_from_every_reader(guide_view, site_dir):
    problems = []
    for src, registry in GUIDES.items():
        shown = [guide_view(src, expected.query(choice))[1]["parts"]
                 for choice in registry.possible_choices()]
        html = (site_dir / html_path(src)).read_text(encoding="utf-8")
        problems += guide_checks.never_shown(guide_checks.Guide(DOCS, src, PROJECT), html, shown)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("src", sorted(GUIDES))
def test_every_situation_shown_labels_every_part(guide_view, src):
    _, shown = guide_view(src, "show=all")
    assert all(shown["parts"]), "with every situation shown, some parts stay hidden"
    assert len(shown["labels"]) == len(shown["parts"]), "a part without its 'Only …' label"
    assert all(label.startswith("Only") for label, _ in shown["labels"])


AXE_CASES = [(src, expected.query(choice)) for src, choice in CASES] + [
    (src, "show=all") for src in sorted(GUIDES)]


@pytest.mark.parametrize("src, situation", AXE_CASES,
                         ids=[case_id(src, situation) for src, situation in AXE_CASES])
def test_axe_finds_nothing_with_steps_ticked(guide_view, src, situation):
    page = guide_view(src, situation)[0].page
    names = [name for name, _ in page.evaluate(READ_TICK_BOXES)]
    for position in TICKED[:max(len(names) - 1, 0)]:
        page.get_by_role("checkbox", name=names[position], exact=True).check()
    assert axe.violations(page, "article") == ""
