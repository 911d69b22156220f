"""`make new-guide NAME=back-up-authenticator ASKS=mfa,from`: start docs/NAME.md as a guide.

The page is docs/writing/examples/new-guide.md with today's review date and the questions
given in ASKS, which are checked against macros/situations.yml before anything is written.
"""

import argparse
import datetime
import re
import sys
from pathlib import Path

from macros.situations import Registry, SituationError

TEMPLATE = Path(__file__).resolve().parents[2] / "docs" / "writing" / "examples" / "new-guide.md"
NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$")


def guide_text(asks, today):
    text = TEMPLATE.read_text(encoding="utf-8")
    text = re.sub(r"^last_reviewed: .*$", f"last_reviewed: {today.isoformat()}", text,
                  count=1, flags=re.M)
    return re.sub(r"^  asks: .*$", f"  asks: [{', '.join(asks)}]", text, count=1, flags=re.M)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the page's file name without .md, e.g. back-up-authenticator")
    parser.add_argument("asks", help="the questions it asks, in order, e.g. mfa,from")
    parser.add_argument("--docs-dir", default="docs")
    args = parser.parse_args(argv)

    if not NAME.match(args.name):
        print(f"NAME={args.name}: use lower-case words joined by '-', e.g. back-up-authenticator "
              "(it becomes the page's address).", file=sys.stderr)
        return 2
    asks = [key.strip() for key in args.asks.split(",") if key.strip()]
    try:
        guide = Registry.load().for_guide({"asks": asks})
    except SituationError as error:
        print(f"ASKS={args.asks}: {error}", file=sys.stderr)
        return 2
    page = Path(args.docs_dir) / f"{args.name}.md"
    if page.exists():
        print(f"{page} already exists.")
        return 1
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(guide_text(asks, datetime.date.today()), encoding="utf-8")
    questions = "; ".join(d.legend for d in guide.dimensions)
    print(f"Created {page}, a guide that asks: {questions}\n"
          "Set its title, description and owner, then run make serve.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
