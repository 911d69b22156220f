"""Checks of the docs folder as a whole, made before any page is rendered, so that each mistake
is reported at its own file: not at the page whose macro happened to read that file first (the
home page reads every guide's front matter for its list of guides).

- every Markdown file (pages, translations, shared steps in includes/) is UTF-8 text;
- every translation (`page.de.md`) has its English page (`page.md`) beside it;
- no page is empty: a page with nothing after its front matter (or only its title and the
  situation picker) would be built as an empty page without a word.
"""

import re

from mkdocs.utils.meta import YAML_RE

from macros import languages
from macros.data_files import not_utf8

# What a page may hold and still have nothing to read: its title, the picker.
NOTHING_TO_READ = re.compile(r"^\s*(#\s.*|\{\{\s*situation_picker\(\)\s*\}\})?\s*$")
ORPHAN_HINT = ("Hint: a translation sits beside its English page with the same name and the "
               "language before .md: name it after its English page (e.g. migrate-iphone.de.md "
               "for migrate-iphone.md), or write {source} first.")
EMPTY_HINT = ("Hint: write the page's content below its front matter (`make new-page` and "
              "`make new-guide` start a page from the template), or delete the file.")


def not_utf8_problems(files):
    """`file:line: …` for each Markdown file (of MkDocs' Files, excluded ones too) that is not
    UTF-8 text."""
    return [problem for file in files if file.src_uri.endswith(".md")
            for problem in [not_utf8(file.content_bytes, file.src_uri)] if problem]


def orphan_problems(files):
    """`file:1: …` for each translation whose English page does not exist."""
    uris = {file.src_uri for file in files}
    problems = []
    for uri in sorted(uris):
        source = languages.source_uri(uri)
        if uri.endswith(".md") and source not in uris:
            problems.append(f"{uri}:1: this is a translation of {source}, which does not "
                            f"exist. {ORPHAN_HINT.format(source=source)}")
    return problems


def empty_problem(src_uri, text):
    """`file:line: …` when the page has nothing to read after its front matter, else None."""
    block = YAML_RE.match(text)
    body = text[block.end():] if block else text
    if all(NOTHING_TO_READ.match(line) for line in body.splitlines()):
        line = text[:block.end()].count("\n") + 1 if block else 1
        return f"{src_uri}:{line}: the page is empty: it has nothing after its front matter. {EMPTY_HINT}"
    return None


def empty_problems(pages):
    """For each documentation page (MkDocs' File) that is UTF-8 text and empty."""
    problems = []
    for file in pages:
        try:
            text = file.content_bytes.decode("utf-8-sig")
        except UnicodeDecodeError:
            continue  # reported by not_utf8_problems
        problem = empty_problem(file.src_uri, text)
        if problem:
            problems.append(problem)
    return problems
