"""The pages of a docs folder as the content checks see them: found from their front matter,
never by name, so a new page or guide gets every check without an edit under tests/."""

import posixpath
from functools import cache
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.utils.meta import get_data

from macros.languages import translation_suffix
from macros.situations import GUIDE_FIELD, Registry

from .project import DOCS, PROJECT


@cache
def front_matter(docs_dir=DOCS):
    """{source path: front matter} of every page of `docs_dir` as mkdocs.yml sees it (its
    exclude_docs leave out includes and examples), in the source language."""
    config = load_config(str(PROJECT / "mkdocs.yml"), docs_dir=str(Path(docs_dir).resolve()))
    return {page.src_uri: get_data(page.content_string)[1]
            for page in get_files(config).documentation_pages()
            if translation_suffix(page.src_uri) is None}


def html_path(src_uri):
    """'it/link-to-this-guide.md' -> 'it/link-to-this-guide.html' (use_directory_urls: false)."""
    return posixpath.splitext(src_uri)[0] + ".html"


def reader_pages(docs_dir=DOCS):
    """The built pages readers and IT open (not the writing guide's), from the site root."""
    return sorted(html_path(src) for src, meta in front_matter(docs_dir).items()
                  if meta.get("audience") != "writers")


def guides(docs_dir=DOCS):
    """{source path: its Registry} for every guide: a page for employees whose front matter asks
    questions (`situations:`), as the home page and the IT page list them."""
    whole = Registry.load()
    return {src: whole.for_guide(meta[GUIDE_FIELD])
            for src, meta in front_matter(docs_dir).items()
            if meta.get(GUIDE_FIELD) is not None and meta.get("audience") == "employees"}
