"""`source_hash`: the version of the English source a translation was made from.

A translation's front matter records `source_hash:`, a hash over its English page and every
file that page pulls in with `{% include "…" %}` (and what those include, in turn). When the
English text changes, its hash no longer matches: the build warns (without failing), `make
freshness` lists the page and the translated page shows a note linking to the current English
page. After updating a translation, record the source it now follows:

    make stamp PAGE=docs/migrate-iphone.de.md
    python -m macros.translations.source_hash docs/migrate-iphone.de.md [more pages]
"""

import argparse
import hashlib
import re
import sys
from pathlib import Path

from macros import languages

INCLUDE = re.compile(r"""\{%-?\s*include\s+["']([^"']+)["']""")
FRONT_MATTER = re.compile(r"\A(---\s*\n)(.*?\n)(---\s*\n)", re.DOTALL)
HASH_LINE = re.compile(r"^source_hash:.*\n", re.MULTILINE)
KEY = "source_hash"


def source_files(docs_dir, source_uri):
    """The English page and, depth first, every file it includes (each once)."""
    seen, order = set(), []

    def visit(uri):
        if uri in seen:
            return
        seen.add(uri)
        path = Path(docs_dir) / uri
        order.append((uri, path))
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return
        for included in INCLUDE.findall(text):
            visit(included)

    visit(source_uri)
    return order


def source_hash(docs_dir, translation_uri):
    """The hash of the current English source of a translation (12 hex digits)."""
    digest = hashlib.sha256()
    for uri, path in source_files(docs_dir, languages.source_uri(translation_uri)):
        try:
            data = path.read_bytes()
        except OSError:
            data = b"(missing)"
        digest.update(uri.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()[:12]


def stamp(path, docs_dir):
    """Write the source's current hash into a translation's front matter; return it."""
    path = Path(path)
    uri = path.resolve().relative_to(Path(docs_dir).resolve()).as_posix()
    if languages.translation_suffix(uri) is None:
        raise ValueError(f"{path}: not a translation (expected a name like page.de.md beside page.md)")
    if not (Path(docs_dir) / languages.source_uri(uri)).is_file():
        raise ValueError(f"{path}: its source {languages.source_uri(uri)} is not in {docs_dir}")
    text = path.read_text(encoding="utf-8-sig")
    block = FRONT_MATTER.match(text)
    if block is None:
        raise ValueError(f"{path}:1: no front matter (--- … ---) to record {KEY} in")
    value = source_hash(docs_dir, uri)
    body = HASH_LINE.sub("", block.group(2)) + f"{KEY}: {value}\n"
    path.write_text(block.group(1) + body + block.group(3) + text[block.end():], encoding="utf-8")
    return value


def main(argv=None):
    parser = argparse.ArgumentParser(description="Record in each translation the version of "
                                     "its English source it follows (front matter source_hash).")
    parser.add_argument("pages", nargs="+", help="translations, e.g. docs/migrate-iphone.de.md")
    parser.add_argument("--docs-dir", default="docs")
    args = parser.parse_args(argv)
    status = 0
    for page in args.pages:
        try:
            value = stamp(page, args.docs_dir)
        except (OSError, ValueError) as error:
            print(f"error: {error}", file=sys.stderr)
            status = 1
            continue
        print(f"{page}: {KEY}: {value}")
    return status


if __name__ == "__main__":
    sys.exit(main())
