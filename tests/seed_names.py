"""The on-screen names of the source article, so that tests can check a guide's names without it.

The source (../shared/seed/, outside the repository) marks every name a reader sees on screen in
bold. This script writes those names to tests/seed-on-screen-names.txt, one a line; the content
tests then check that every name a guide shows in bold is one of them, spelled the same.

Run after the seed changes:  .venv/bin/python tests/seed_names.py
"""

import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
SEED_DIR = HERE.parent.parent / "shared" / "seed"
NAMES_FILE = HERE / "seed-on-screen-names.txt"
BOLD = re.compile(r"\*\*([^*\n]+?)\*\*")


def names_text(seed_files):
    names = sorted({name.strip() for path in seed_files
                    for name in BOLD.findall(path.read_text(encoding="utf-8"))})
    header = [f"# Made by tests/seed_names.py from {', '.join(p.name for p in seed_files)}",
              "# (in ../shared/seed/): every name the source shows in bold, one a line."]
    return "\n".join(header + names) + "\n"


def read_names(path=NAMES_FILE):
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def main():
    seed_files = sorted(SEED_DIR.glob("*.txt"))
    if not seed_files:
        sys.exit(f"no seed files in {SEED_DIR}")
    NAMES_FILE.write_text(names_text(seed_files), encoding="utf-8")
    print(f"{NAMES_FILE}: {len(read_names())} names")


if __name__ == "__main__":
    main()
