"""Where a guide says something: the file and line of its Markdown (the page, or a shared step it
includes), so that a content check can point the writer at it, as a build error does."""

import re
from pathlib import Path

INCLUDE = re.compile(r'\{%\s*include\s+"([^"]+)"\s*%\}')
# Markdown and macros that readers don't see as written: `{{ only(...) }}`, `{% ... %}`, link
# targets, attribute lists, emphasis, list markers.
NOT_SEEN = [
    (re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}"), " "),
    (re.compile(r"\]\([^)]*\)"), "]"),
    (re.compile(r"\{:?\s*[#.][^}\n]*\}"), " "),
    (re.compile(r"^\s*(?:\d+\.|[-*+>]|#+|!!!\s*\w+)\s"), " "),
    (re.compile(r"[*_`\[\]\"“”„]"), ""),
]


def relative(path, root):
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return str(path)


def page_files(docs_dir, src_uri):
    """The page and every shared step it includes (deepest last), as paths."""
    return list(included_from(docs_dir, src_uri))


def included_from(docs_dir, src_uri):
    """{path: None for the page, else (the file, line) that includes it} for the page and every
    shared step it includes, the page first."""
    found, queue = {}, [(Path(docs_dir) / src_uri, None)]
    while queue:
        path, parent = queue.pop(0)
        if path in found or not path.is_file():
            continue
        found[path] = parent
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            queue += [(Path(docs_dir) / name, (path, number)) for name in INCLUDE.findall(line)]
    return found


def seen_words(line):
    for pattern, replacement in NOT_SEEN:
        line = pattern.sub(replacement, line)
    return " ".join(line.replace("\u2019", "'").split()).lower()


def found(docs_dir, src_uri, matches, root):
    """"file:line" of the first line that `matches` in the page or a file it includes (with
    where that file is included); the page alone if none does."""
    files = included_from(docs_dir, src_uri)
    for path, parent in files.items():
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if matches(line):
                where = f"{relative(path, root)}:{number}"
                while parent:  # up to the page, through every include on the way
                    where += f" (included at {relative(parent[0], root)}:{parent[1]})"
                    parent = files[parent[0]]
                return where
    return relative(Path(docs_dir) / src_uri, root)


def text_line(docs_dir, src_uri, words, root=None):
    """"docs/page.md:12": where the page (or a file it includes) says `words` (its first few
    words are enough); the page alone if they can't be found."""
    wanted = seen_words(" ".join(str(words).split()[:5]))
    return found(docs_dir, src_uri, lambda line: bool(wanted) and wanted in seen_words(line),
                 root or Path(docs_dir).parent)


def heading_line(docs_dir, src_uri, heading_id, root=None):
    """The same for the heading with the id `heading_id` ({ #id } in its attribute list)."""
    attribute = re.compile(r"\{[^}]*#" + re.escape(heading_id) + r"(?![\w-])")
    return found(docs_dir, src_uri, lambda line: bool(attribute.search(line)),
                 root or Path(docs_dir).parent)
