"""Where something a page's HTML holds was written: `file:line` in the page's Markdown source,
or in a file it includes (shared steps belong to every page that includes them).

MkDocs and Python-Markdown keep no line numbers, so the build's checks look for the text as
the writer wrote it.
"""

import re

INCLUDE = re.compile(r"""\{%-?\s*include\s+["']([^"']+)["']""")


def source_place(docs_dir, page, needles, seen=()):
    """`file:line` of the first of `needles` found in the page, else in a file it includes
    (searched in the same way), else None. `docs_dir` is a Path, `page` relative to it."""
    line = first_line_with(docs_dir / page, needles)
    if line:
        return f"{page}:{line}"
    try:
        text = (docs_dir / page).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    for included in INCLUDE.findall(text):
        if included not in seen:
            place = source_place(docs_dir, included, needles, (*seen, page))
            if place:
                return place
    return None


def first_line_with(source_file, needles):
    """The number of the first line holding the first of `needles` that the file has, or None."""
    try:
        lines = source_file.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for needle in needles:
        for number, text in enumerate(lines, start=1):
            if needle in text:
                return number
    return None
