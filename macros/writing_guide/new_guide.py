"""`make new-guide NAME=restore-authenticator ASKS=from,mfa,restore:backup/fresh`: start
docs/NAME.md as a guide.

The page is docs/writing/examples/new-guide.md with today's review date and the questions given
in ASKS, in order: a key of macros/situations.yml (`mfa`), or a question of the guide's own with
its answers (`restore:backup/fresh`), declared under `situations: dimensions:` with words made
from the keys for the writer to replace. Checked like the build checks a guide, before anything
is written.
"""

import argparse
import datetime
import re
import sys
from pathlib import Path

from macros.situations import Registry, SituationError

TEMPLATE = Path(__file__).resolve().parents[2] / "docs" / "writing" / "examples" / "new-guide.md"
NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$")
KEY = re.compile(r"^[a-z][a-z0-9_]*$")
OWN_HINT = ("give a question of the guide's own with its answers, key:answer/answer, "
            "e.g. ASKS=mfa,restore:backup/fresh")


def parse_asks(text, registry):
    """[(key, [values] or None for a question of macros/situations.yml)], checked."""
    site_keys = [dimension.key for dimension in registry.dimensions]
    asks = []
    for item in [item.strip() for item in text.split(",") if item.strip()]:
        key, _, values = item.partition(":")
        answers = [value.strip() for value in values.split("/") if value.strip()]
        if not all(KEY.match(name) for name in [key, *answers]):
            raise SituationError(f"'{item}': keys and answers are lower-case words (a-z, 0-9, "
                                 f"_), e.g. restore:backup/fresh.")
        if key in site_keys and values:
            raise SituationError(f"'{key}' is a question of macros/situations.yml already: list "
                                 f"it without answers (ASKS=...,{key},...).")
        if key not in site_keys and not values:
            registry.dimension(key)  # "unknown situation dimension …, did you mean …?"
        if values and len(answers) < 2:
            raise SituationError(f"'{item}': a question needs two or more answers; {OWN_HINT}.")
        asks.append((key, answers or None))
    return asks


def own_dimension(key, answers):
    """A question of the guide's own, as front matter, with words for the writer to replace."""
    words = key.replace("_", " ")
    lines = [f"    - key: {key}",
             f'      legend: "{words.capitalize()}?"',
             "      values:"]
    for answer in answers:
        name = answer.replace("_", " ")
        lines.append(f'        - {{key: {answer}, label: "{name.capitalize()}", '
                     f'only: "Only if {words} is {name}", phrase: "{name}"}}')
    return lines


def guide_text(asks, today):
    """The template with `asks` (as parse_asks gives) and today's date."""
    text = TEMPLATE.read_text(encoding="utf-8")
    text = re.sub(r"^last_reviewed: .*$", f"last_reviewed: {today.isoformat()}", text,
                  count=1, flags=re.M)
    lines = [f"  asks: [{', '.join(key for key, _ in asks)}]"]
    own = [(key, answers) for key, answers in asks if answers]
    if own:
        lines += ["  # The guide's own questions: replace the words with yours, plain or per",
                  "  # language (legend: {en: ..., de: ...}); see 'Questions per guide'.",
                  "  dimensions:"]
        for key, answers in own:
            lines += own_dimension(key, answers)
    return re.sub(r"^  asks: .*$", lambda _: "\n".join(lines), text, count=1, flags=re.M)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the page's file name without .md, e.g. back-up-authenticator")
    parser.add_argument("asks", help="the questions it asks, in order, e.g. mfa,restore:backup/fresh")
    parser.add_argument("--docs-dir", default="docs")
    args = parser.parse_args(argv)

    if not NAME.match(args.name):
        print(f"NAME={args.name}: use lower-case words joined by '-', e.g. back-up-authenticator "
              "(it becomes the page's address).", file=sys.stderr)
        return 2
    registry = Registry.load()
    try:
        asks = parse_asks(args.asks, registry)
        text = guide_text(asks, datetime.date.today())
        from mkdocs.utils.meta import get_data
        guide = registry.for_guide(get_data(text)[1]["situations"])
    except SituationError as error:
        hint = OWN_HINT if "unknown situation dimension" in str(error) else ""
        print(f"ASKS={args.asks}: {error}{' Hint: ' + hint + '.' if hint else ''}",
              file=sys.stderr)
        return 2
    page = Path(args.docs_dir) / f"{args.name}.md"
    if page.exists():
        print(f"{page} already exists.")
        return 1
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    questions = "; ".join(d.legend for d in guide.dimensions)
    print(f"Created {page}, a guide that asks: {questions}\n"
          "Set its title, description and owner, and the words of its own questions, "
          "then run make serve.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
