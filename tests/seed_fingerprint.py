"""Fingerprint of the source article, so that tests can spot copied text without holding it.

The guides are written in our own words from ../shared/seed/ (outside the repository). This
script reads the seed and writes tests/seed-fingerprint.txt: one hash per run of SHINGLE words,
after normalizing case, punctuation and whitespace. test_no_copied_text.py hashes every run of
a guide the same way; a shared hash means a run of SHINGLE or more words copied word for word.
On-screen names and menu paths (bold in Markdown) count as one placeholder word, so a guide may
repeat them exactly while the words around them are still compared. A run never spans two blocks
(a heading, list item or paragraph starts a new one), so list numbers don't join two steps.

Run after the seed changes:  .venv/bin/python tests/seed_fingerprint.py
"""

import hashlib
import re
import sys
from pathlib import Path

SHINGLE = 10
HERE = Path(__file__).parent
SEED_DIR = HERE.parent.parent / "shared" / "seed"
FINGERPRINT = HERE / "seed-fingerprint.txt"
NAME = "onscreenname"

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
NOT_TEXT = [
    re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.DOTALL),  # Jinja (macros)
    re.compile(r"<!--.*?-->", re.DOTALL),  # comments: notes to writers, not guide text
    re.compile(r"\{:?\s*[#.][^}\n]*\}"),  # attribute lists: { #id .class }
    re.compile(r"\]\([^)\s]*\)"),  # link targets
    re.compile(r"\[!\w+\]"),  # GitHub-style alert markers
]
BOLD = re.compile(r"\*\*[^*\n]+\*\*(?:\s*>\s*\*\*[^*\n]+\*\*)*")  # a name or a menu path
WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
BLOCK_START = re.compile(r"^[ \t]*(?:#+|\d+\.|[-*+]|>)[ \t]+|^[ \t]*$", re.MULTILINE)
BREAK = "\x00"


def blank(match):
    """Keep the line count so that a copied run can be reported with its line."""
    return "\n" * match.group(0).count("\n") + " "


def words(markdown):
    """(word, line number) for each word a reader sees, normalized."""
    text = FRONT_MATTER.sub(blank, markdown)
    for pattern in NOT_TEXT:
        text = pattern.sub(blank, text)
    text = BLOCK_START.sub(f" {BREAK} ", text)
    text = BOLD.sub(f" {NAME} ", text)
    text = text.lower().replace("\u2019", "'")
    return [(word.replace("'", ""), number)
            for number, line in enumerate(text.split("\n"), 1)
            for word in re.findall(f"{WORD.pattern}|{BREAK}", line)]


def shingle_hash(run):
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:16]


def shingles(markdown):
    """(hash, first line, the run's words) for every run of SHINGLE words."""
    found = words(markdown)
    runs = [found[i:i + SHINGLE] for i in range(len(found) - SHINGLE + 1)]
    return [(shingle_hash([w for w, _ in run]), run[0][1], " ".join(w for w, _ in run))
            for run in runs if all(w != BREAK for w, _ in run)]


def fingerprint_text(seed_files):
    hashes = sorted({h for path in seed_files
                     for h, *_ in shingles(path.read_text(encoding="utf-8"))})
    header = [
        f"# Made by tests/seed_fingerprint.py from {', '.join(p.name for p in seed_files)}",
        f"# (in ../shared/seed/): sha256 of each normalized run of {SHINGLE} words, first 16 hex.",
    ]
    return "\n".join(header + hashes) + "\n"


def read_fingerprint(path=FINGERPRINT):
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def main():
    seed_files = sorted(SEED_DIR.glob("*.txt"))
    if not seed_files:
        sys.exit(f"no seed files in {SEED_DIR}")
    FINGERPRINT.write_text(fingerprint_text(seed_files), encoding="utf-8")
    print(f"{FINGERPRINT}: {len(read_fingerprint())} shingles from "
          f"{', '.join(p.name for p in seed_files)}")


if __name__ == "__main__":
    main()
