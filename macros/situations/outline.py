"""What a link to a guide shows: the step headings and numbered actions for one situation.

The IT page shows it under each situation's link, so IT can check a path before pasting it into
Company Portal. It is read from the guide's HTML as built (not from its Markdown), leaving out
what overrides/assets/situations/situations.js hides for that choice and numbering what is left as
the reader sees it: steps renumbered ("Step 2: …" becomes "Step 1: …" when Step 1 is skipped),
actions numbered 1, 2, 3 … without the hidden ones.

An action is given by its first sentence (its own words, without a situation label, nested
steps or boxes): every action in the guides starts with what to do ("Sync your phone.").
"""

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

from macros.languages import SOURCE_LANGUAGE
from macros.messages import messages
# The classes the situation markup writes (and situations.js reads).
from macros.situations.markup import LABEL_CLASS, SECTION_CLASS, TOKENS_ATTRIBUTE
from macros.situations.registry import NOT_ASKED

FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)")


@dataclass(frozen=True)
class Step:
    title: str      # "Step 1: Power on the new device"
    actions: tuple  # first sentence of each numbered action, in order


def applies(element, choice, dimensions):
    """Whether a conditional section or step applies to `choice` (as situations.js decides):
    `choice` holds the questions the reader is asked, `dimensions` every question of the guide
    in its order (a condition on one not asked holds for none of its values)."""
    tokens = element.get(TOKENS_ATTRIBUTE)
    if tokens is not None:
        token = ".".join(choice.get(key, NOT_ASKED) for key in dimensions)
        return token in tokens.split()
    return all(choice.get(key) in element[f"data-{key}"].split()
               for key in dimensions if element.has_attr(f"data-{key}"))


def shown(element, choice, dimensions):
    return all(applies(section, choice, dimensions) for section in [element, *element.parents]
               if SECTION_CLASS in (section.get("class") or []))


def own_text(element):
    """The element's words, without its permalink, situation label, nested lists and boxes."""
    element = BeautifulSoup(str(element), "html.parser")
    for extra in element.select(f"a.headerlink, .{LABEL_CLASS}, ol, ul, .admonition"):
        extra.decompose()
    return " ".join(element.get_text().split())


def first_sentence(text):
    match = FIRST_SENTENCE.match(text)
    return match.group(1) if match else text


def step_list(heading):
    """The numbered list of a step: the first <ol> after its heading, before the next heading."""
    for sibling in heading.find_next_siblings():
        if sibling.name == "ol":
            return sibling
        if sibling.name in ("h1", "h2"):
            return None
    return None


def outline(html, choice, language=SOURCE_LANGUAGE, dimensions=None):
    """The steps a reader of the guide `html` (written in `language`) sees in situation `choice`
    (a dict of values of the questions asked; `dimensions`: all the guide's, in order)."""
    dimensions = list(choice) if dimensions is None else dimensions
    # "Step 2" or "Schritt 2": the word situations.js renumbers too.
    step_word = messages("browser", language)["step_word"]
    step_number = re.compile(rf"^{re.escape(step_word)} \d+")
    page = BeautifulSoup(html, "html.parser")
    steps = []
    for heading in page.select("h2.step"):
        if not shown(heading, choice, dimensions):
            continue
        title = step_number.sub(f"{step_word} {len(steps) + 1}", own_text(heading))
        actions = step_list(heading)
        items = actions.find_all("li", recursive=False) if actions else []
        steps.append(Step(title, tuple(first_sentence(own_text(item))
                                       for item in items if shown(item, choice, dimensions))))
    return steps
