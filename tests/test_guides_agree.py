"""Guides that share questions never contradict each other: read from the Markdown, every guide
in docs/ in every situation it can be in, against every other guide for the same answers.

What a shared step means is the writers' data, docs/includes/shared-steps.yml: steps that every
guide including them must show to the same readers (`same_readers`), and pairs of steps that no
reader may be shown both of (`contradicts`), in one guide or in two. A step's readers are read
from the situation() blocks and only() steps around each {% include %}, in the writers' syntax
(docs/writing/syntax.md), independently of the build's own markup.
"""

import itertools
import re
from pathlib import Path

import pytest
import yaml

from support.content import guides
from support.project import DOCS

INCLUDES = "includes/"
MEANINGS = yaml.safe_load((DOCS / INCLUDES / "shared-steps.yml").read_text(encoding="utf-8"))

CALL = re.compile(r"\{%-?\s*call\s+situation\((.*?)\)\s*-?%\}")
ENDCALL = re.compile(r"\{%-?\s*endcall\s*-?%\}")
ONLY = re.compile(r"\{\{-?\s*only\((.*?)\)\s*-?\}\}")
INCLUDE = re.compile(r'\{%-?\s*include\s+"([^"]+)"\s*-?%\}')
ARGUMENT = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
LIST_ITEM = re.compile(r"^(\s*)(?:\d+[.)]|[-*+])\s")
# {% raw %} … {% endraw %}: syntax shown as text (the writing guide's examples), not used.
RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.DOTALL)


def condition(arguments):
    """`mfa="app, sms", from="iphone"` -> {"mfa": {"app", "sms"}, "from": {"iphone"}}."""
    return {key: {value.strip() for value in values.split(",")}
            for key, values in ARGUMENT.findall(arguments)}


def placed_includes(path, around=(), docs=DOCS):
    """[(include path from docs/, [conditions it is shown under])] for every include of the page
    or shared step at `path`, and theirs in turn: the conditions of the situation() blocks it
    sits in and of the only() list items it belongs to (an item lasts until a line that is not
    indented deeper than the item's marker)."""
    placed, blocks, items = [], [], []
    text = RAW.sub(lambda raw: "\n" * raw.group().count("\n"), path.read_text(encoding="utf-8"))
    for line in text.splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        items = [(start, only) for start, only in items if indent > start]
        item, only = LIST_ITEM.match(line), ONLY.search(line)
        if item and only:
            items.append((len(item.group(1)), condition(only.group(1))))
        blocks += [condition(call.group(1)) for call in CALL.finditer(line)]
        for include in INCLUDE.findall(line):
            conditions = [*around, *blocks, *(only for _, only in items)]
            placed.append((include, conditions))
            placed += placed_includes(docs / include, conditions, docs)
        for _ in ENDCALL.finditer(line):
            blocks.pop()
    return placed


def shows(placed, step, choice):
    return any(include == step and all(choice[key] in values
                                       for condition in conditions
                                       for key, values in condition.items())
               for include, conditions in placed)


def query(choice):
    return "&".join(f"{key}={value}" for key, value in choice.items())


def in_language(step, language):
    """includes/x.md, or its translation includes/x.de.md."""
    return INCLUDES + (step if language == "en" else step.replace(".md", f".{language}.md"))


def pages_by_language():
    """{language: {page: (its questions, its possible situations, its placed includes)}}."""
    languages = {}
    for source, registry in guides().items():
        questions = [dimension.key for dimension in registry.dimensions]
        choices = registry.possible_choices()
        languages.setdefault("en", {})[source] = (questions, choices,
                                                  placed_includes(DOCS / source))
        for translation in sorted((DOCS / source).parent.glob(Path(source).stem + ".*.md")):
            language = translation.suffixes[-2].lstrip(".")
            page = translation.relative_to(DOCS).as_posix()
            languages.setdefault(language, {})[page] = (questions, choices,
                                                        placed_includes(translation))
    return languages


PAGES = pages_by_language()


def same_answers(first, second):
    """(first's situation, second's situation) for every pair of situations the two pages can be
    in that give the questions they both ask the same answers."""
    (first_questions, first_choices, _), (second_questions, second_choices, _) = first, second
    shared = set(first_questions) & set(second_questions)
    return [(one, other) for one, other in itertools.product(first_choices, second_choices)
            if all(one[key] == other[key] for key in shared)]


def disagreements(language, first, second):
    """What `first` and `second` (pages of `language`) tell the same reader in opposite ways."""
    pages = PAGES[language]
    found = []
    for one, other in same_answers(pages[first], pages[second]):
        shown = {first: one, second: other}
        placed = {page: pages[page][2] for page in shown}
        for step in map(lambda name: in_language(name, language), MEANINGS["same_readers"]):
            if first == second or not all(
                    any(include == step for include, _ in placed[page]) for page in shown):
                continue
            if shows(placed[first], step, one) != shows(placed[second], step, other):
                showing, leaving = (first, second) if shows(placed[first], step, one) else (
                    second, first)
                found.append(
                    f"{showing}?{query(shown[showing])} shows {step} but "
                    f"{leaving}?{query(shown[leaving])} leaves it out (same_readers in "
                    f"{INCLUDES}shared-steps.yml). Hint: give both the same situation() or "
                    "only() condition, or say in the one that leaves it out why it doesn't apply.")
        for pair in MEANINGS["contradicts"]:
            step, opposite = (in_language(name, language) for name in pair)
            for page, other_page in [(first, second), (second, first)]:
                if shows(placed[page], step, shown[page]) and shows(
                        placed[other_page], opposite, shown[other_page]):
                    found.append(
                        f"{page}?{query(shown[page])} shows {step}, and "
                        f"{other_page}?{query(shown[other_page])} shows {opposite}, which "
                        f"contradicts it (contradicts in {INCLUDES}shared-steps.yml). Hint: "
                        "narrow one of the two conditions so that no reader gets both.")
    return sorted(set(found))


PAIRS = [(language, first, second) for language, pages in PAGES.items()
         for first, second in itertools.combinations_with_replacement(sorted(pages), 2)
         if first == second or set(pages[first][0]) & set(pages[second][0])]


@pytest.mark.parametrize("language, first, second", PAIRS,
                         ids=[f"{language}:{first}+{second}" for language, first, second in PAIRS])
def test_guides_that_share_questions_agree_on_every_shared_step(language, first, second):
    assert disagreements(language, first, second) == []


def test_every_step_named_in_the_meanings_exists_and_some_guides_share_one():
    """The data can't silently stop applying: every named step is a file, and some step of
    same_readers is included by two guides that share a question."""
    named = set(MEANINGS["same_readers"]) | {name for pair in MEANINGS["contradicts"]
                                             for name in pair}
    assert [name for name in sorted(named) if not (DOCS / INCLUDES / name).is_file()] == []
    english = PAGES["en"]
    shared = [(step, first, second) for step in MEANINGS["same_readers"]
              for first, second in itertools.combinations(sorted(english), 2)
              if set(english[first][0]) & set(english[second][0])
              and all(any(include == INCLUDES + step for include, _ in english[page][2])
                      for page in (first, second))]
    assert shared, "no two guides that share a question include a step of same_readers"


def test_the_reading_of_conditions_finds_nested_blocks_and_steps(tmp_path):
    """The reader of the writers' syntax itself: a step inside a block, inside an only() item,
    and an item that ends where a line is no longer indented under it."""
    page = tmp_path / "page.md"
    page.write_text('{% call situation(from="iphone") %}\n'
                    '1. {{ only(mfa="app, sms") }} {% include "includes/a.md" %}\n'
                    '    more of that item {% include "includes/b.md" %}\n'
                    '2. next item {% include "includes/c.md" %}\n'
                    '{% endcall %}\n'
                    '{% include "includes/d.md" %}\n', encoding="utf-8")
    for name in "abcd":
        (tmp_path / "includes").mkdir(exist_ok=True)
        (tmp_path / "includes" / f"{name}.md").write_text(f"{name}\n", encoding="utf-8")
    placed = dict(placed_includes(page, docs=tmp_path))
    both = [{"from": {"iphone"}}, {"mfa": {"app", "sms"}}]
    assert placed == {"includes/a.md": both, "includes/b.md": both,
                      "includes/c.md": [{"from": {"iphone"}}], "includes/d.md": []}
