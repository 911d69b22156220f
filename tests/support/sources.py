"""The documents a guide is written from (its front matter `sources:`), without their text.

Guides are written in our own words from outside documents, which stay outside the repository.
For each, `make fingerprint` keeps two files beside the pages, under docs/sources/:

- `<name>.fingerprint.txt`: one hash per run of SHINGLE words of the document, after
  normalizing case, punctuation and whitespace. The copy check hashes every run of a page the
  same way; a shared hash means a run of SHINGLE or more words copied word for word. On-screen
  names and menu paths (bold in Markdown) count as one placeholder word, so a guide may repeat
  them exactly while the words around them are still compared. A run never spans two blocks (a
  heading, list item or paragraph starts a new one), so list numbers don't join two steps. Its
  header records the document it was made from (path and sha256).
- `<name>.names.txt`: the document's on-screen names (its bold text), one a line: the names a
  guide written from it may show in bold.

Beside them, by hand: `<name>.names.de.yml`, each on-screen name's German words (German name:
English name), where the German product shows it in German.

Make them with:  make fingerprint SOURCE=path/to/document.md NAME=<name>
"""

import argparse
import hashlib
import re
import sys
from pathlib import Path

import yaml

SHINGLE = 10
NAME = "onscreenname"
FINGERPRINT_SUFFIX = ".fingerprint.txt"
NAMES_SUFFIX = ".names.txt"
GERMAN_NAMES_SUFFIX = ".names.de.yml"

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
NOT_TEXT = [
    re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.DOTALL),  # Jinja (macros)
    re.compile(r"<!--.*?-->", re.DOTALL),  # comments: notes to writers, not guide text
    re.compile(r"\{:?\s*[#.][^}\n]*\}"),  # attribute lists: { #id .class }
    re.compile(r"\]\([^)\s]*\)"),  # link targets
    re.compile(r"\[!\w+\]"),  # GitHub-style alert markers
]
BOLD_RUN = re.compile(r"\*\*[^*\n]+\*\*(?:\s*>\s*\*\*[^*\n]+\*\*)*")  # a name or a menu path
BOLD = re.compile(r"\*\*([^*\n]+?)\*\*")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
BLOCK_START = re.compile(r"^[ \t]*(?:#+|\d+\.|[-*+>])[ \t]+|^[ \t]*$", re.MULTILINE)
BREAK = "\x00"
MADE_FROM = re.compile(r"^# made from: (.+) \(sha256 ([0-9a-f]{64})\)$", re.MULTILINE)


def blank(match):
    """Keep the line count so that a copied run can be reported with its line."""
    return "\n" * match.group(0).count("\n") + " "


def words(markdown):
    """(word, line number) for each word a reader sees, normalized."""
    text = FRONT_MATTER.sub(blank, markdown)
    for pattern in NOT_TEXT:
        text = pattern.sub(blank, text)
    text = BLOCK_START.sub(f" {BREAK} ", text)
    text = BOLD_RUN.sub(f" {NAME} ", text)
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


def copied_runs(markdown, fingerprint):
    """"line N: the words" for each run of `markdown` whose hash is in `fingerprint`."""
    return [f"line {line}: {run}" for digest, line, run in shingles(markdown)
            if digest in fingerprint]


def on_screen_names(markdown):
    return sorted({name.strip() for name in BOLD.findall(FRONT_MATTER.sub("", markdown))})


# --- The files ---------------------------------------------------------------------------------

def names_file(fingerprint):
    return Path(str(fingerprint).removesuffix(FINGERPRINT_SUFFIX) + NAMES_SUFFIX)


def german_names_file(fingerprint):
    return Path(str(fingerprint).removesuffix(FINGERPRINT_SUFFIX) + GERMAN_NAMES_SUFFIX)


def lines_of(path):
    return {line for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")}


def read_fingerprint(path):
    return lines_of(path)


def read_names(fingerprint):
    return lines_of(names_file(fingerprint))


def read_german_names(fingerprint):
    """{German name: English name}, {} where the source has no German names file."""
    path = german_names_file(fingerprint)
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {} if path.is_file() else {}


def made_from(fingerprint):
    """(the document's path, its sha256) as the fingerprint's header records them."""
    match = MADE_FROM.search(Path(fingerprint).read_text(encoding="utf-8"))
    return (Path(match.group(1)), match.group(2)) if match else (None, None)


def fingerprint_text(document, title):
    text = Path(document).read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    hashes = sorted({h for h, *_ in shingles(text)})
    header = [
        f"# Fingerprint of \"{title}\",",
        "# made by `make fingerprint` (tests/support/sources.py): sha256 of each normalized run of",
        f"# {SHINGLE} words, first 16 hex. The copy check compares every page that declares this",
        "# source with it; the document itself stays outside the repository.",
        f"# made from: {Path(document).resolve()} (sha256 {digest})",
    ]
    return "\n".join(header + hashes) + "\n"


def names_text(document, fingerprint_name):
    header = [f"# On-screen names (the bold text) of the source of {fingerprint_name},",
              "# made by `make fingerprint`: a guide written from it shows them in bold, spelled",
              "# so."]
    names = on_screen_names(Path(document).read_text(encoding="utf-8"))
    return "\n".join(header + names) + "\n"


def write(document, fingerprint, title):
    """Write the fingerprint and the names of `document`; return what was written."""
    fingerprint = Path(fingerprint)
    fingerprint.parent.mkdir(parents=True, exist_ok=True)
    fingerprint.write_text(fingerprint_text(document, title), encoding="utf-8")
    names_file(fingerprint).write_text(names_text(document, fingerprint.name), encoding="utf-8")
    return (f"{fingerprint}: {len(read_fingerprint(fingerprint))} runs of {SHINGLE} words; "
            f"{names_file(fingerprint)}: {len(read_names(fingerprint))} on-screen names")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Fingerprint a guide's source document.")
    parser.add_argument("document", help="the source document (Markdown or text)")
    parser.add_argument("fingerprint",
                        help="where to write it, e.g. docs/sources/x.fingerprint.txt")
    parser.add_argument("--title", help="the document's title (default: its first heading)")
    args = parser.parse_args(argv)
    document = Path(args.document)
    if not document.is_file():
        sys.exit(f"{document}: no such file. Hint: SOURCE= names the document the guide is "
                 "written from, e.g. make fingerprint SOURCE=~/sources/article.md NAME=article")
    if not args.fingerprint.endswith(FINGERPRINT_SUFFIX):
        sys.exit(f"{args.fingerprint}: a fingerprint's name ends in {FINGERPRINT_SUFFIX}")
    title = args.title or next(
        (line.lstrip("# ").strip() for line in FRONT_MATTER.sub("", document.read_text("utf-8"))
         .splitlines() if line.startswith("# ")), document.name)
    print(write(document, args.fingerprint, title))


if __name__ == "__main__":
    main()
