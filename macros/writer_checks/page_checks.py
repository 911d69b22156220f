"""The checks that turn a writer's mistake into a build error naming file, line and fix.

Each check is a small function that returns a message, or None when the page is fine; the
plugin (plugin.py) runs them at the build events where MkDocs has what they read. Jinja mistakes
are reported by template_errors.py, installed by the macros module.
"""

import logging
import re
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

from macros import languages, yaml_places
from macros.situations import Registry, SituationError, declaration, link_queries
from macros.upstream import mkdocs_core
from macros.writer_checks import front_matter
from macros.writer_checks.source_lines import source_place

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
LINK_HINT = ("Hint: link to another page by its .md file, relative to this page, "
             "e.g. [Migrate to a new iPhone](migrate-iphone.md).")
ANCHOR_HINT = ("Hint: an anchor is a heading's id: its words in lower case joined by '-', or "
               "the id given with { #my-id }; in `make serve`, copy the link from the heading's "
               "¶ symbol.")
IMAGE_HINT = ("Hint: keep images under docs/ (e.g. docs/images/) and link to them relative to "
              "this page; names are case-sensitive.")
# A page due for review is a warning that must not fail the strict build: it goes to a logger
# outside MkDocs' `mkdocs` tree, which strict mode does not count.
REVIEW_LOGGER = "help_site.review"
review_log = logging.getLogger(REVIEW_LOGGER)


# --- Front matter -------------------------------------------------------------------------

def front_matter_error(markdown, src_path):
    """Describe why a page's front matter block is not a YAML mapping, or return None.

    MkDocs silently ignores front matter it cannot parse and then shows it as page text;
    it only leaves the `---` block in the Markdown when parsing failed.
    """
    block = YAML_RE.match(markdown)
    if block is None:
        return None
    try:
        data = yaml_places.load(block.group(1))
    except yaml.YAMLError as error:
        # Point at the construct left open (an unclosed bracket), else at the problem itself.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for the opening `---`, +1 to count from 1
        problem = getattr(error, "problem", None) or str(error)
        return (f"{src_path}:{line}: front matter is not valid YAML ({problem}). "
                "Hint: quote values that contain ':', '[' or '{', and close every bracket.")
    except ValueError as error:  # YAML reads 2025-02-30 as a date, and there is no such day
        line = front_matter.impossible_date_line(block.group(1).splitlines()) or 1
        return (f"{src_path}:{line}: front matter has a date that does not exist ({error}). "
                "Hint: dates are YYYY-MM-DD, e.g. 2025-01-31.")
    if not isinstance(data, dict):
        return (f"{src_path}:2: front matter must be 'key: value' lines, "
                f"not a {type(data).__name__}.")
    return None


def schema_errors(page):
    """Every field of the page's front matter that breaks front_matter.schema.yml, or None."""
    source = page.file.content_string
    if not YAML_RE.match(source):
        return (f"{page.file.src_uri}:1: the page has no front matter. Hint: start it with the "
                "block between '---' lines from docs/writing/examples/new-page.md (or create the "
                "page with `make new-page NAME=...`).")
    problems = front_matter.problems(page.meta, page.file.src_uri, source)
    return "\n".join(problems) or None


def warn_if_due_for_review(page, config):
    if languages.content_language(page, config) != languages.build_language(config):
        return  # an untranslated page in another language's site: warned about once, in English
    months = config.extra.get("review_after_months", front_matter.DEFAULT_REVIEW_AFTER_MONTHS)
    if front_matter.review_overdue(page.meta, months):
        review_log.warning(
            f"{page.file.src_uri}: last reviewed {front_matter.reviewed_on(page.meta)}, more "
            f"than {months} months ago (owner: {page.meta.get('owner')}). Hint: check the page "
            "against the product, then set last_reviewed to today; `make freshness` lists all.")


# --- Links, anchors and images ------------------------------------------------------------

class PointLinkWarningsAtTheLine(logging.Filter):
    """Prefix MkDocs' broken link, anchor and image warnings with `file:line:` and add a hint.

    MkDocs names the page and the link but not the line; the line is found by looking for the
    link in the page's source. Messages that do not match are left as they are.
    """

    def __init__(self):
        super().__init__()
        self.docs_dir = None

    def filter(self, record):
        match = mkdocs_core.LINK_PROBLEM.match(record.getMessage())
        if match and self.docs_dir:
            page, link = match.group("page"), match.group("link")
            where = link_place(Path(self.docs_dir), page, link) or page
            record.msg, record.args = f"{where}: {record.getMessage()} {link_hint(link)}", ()
        return True


def link_hint(link):
    path = link.split("#")[0].split("?")[0]
    if path.lower().endswith(IMAGE_SUFFIXES):
        return IMAGE_HINT
    return ANCHOR_HINT if "#" in link else LINK_HINT


def link_place(docs_dir, page, link):
    """`file:line` of the link (Markdown or HTML): in the page, else in a file it includes."""
    return source_place(docs_dir, page, (f"]({link}", f'"{link}"', link))


# --- Pages as built: situations in links ----------------------------------------------------

QUERY_HINT = ("Hint: a link opens a guide in a situation with the keys and values of the "
              "guide's questions (`situations:` in its front matter, macros/situations.yml), "
              "e.g. the links on the IT page (it/link-to-this-guide.html); give a question that "
              "is asked only after another answer together with that answer.")


def link_query_error(html, page, config, files):
    """Situations that links give to guides (macros/situations/link_queries.py)."""
    links = list(link_queries.links_with_queries(html))
    if not links:
        return None
    # A page's guide (front matter `situations:`) is read only when a link with a query leads
    # there, once per page.
    registry = Registry.load()
    site_keys = [dimension.key for dimension in registry.dimensions]
    guides = {}

    def guide_at(url):
        if url not in guides:
            target = next((f for f in files.documentation_pages() if f.url == url), None)
            declared = declaration(target.content_string) if target else None
            try:
                guides[url] = declared and registry.for_guide(declared).as_json()
            except SituationError:
                guides[url] = None  # its own page stops the build at its line
        return guides[url]

    found = link_queries.page_problems(links, page.url, guide_at, site_keys)
    return "\n".join(
        f"{query_place(config, page, href)}: the link '{href}': {problem} {QUERY_HINT}"
        for href, problem in found) or None


def query_place(config, page, href):
    """`file:line` of the link whose address has this query (as written: `guide.md?…`)."""
    query = "?" + href.split("?", 1)[1].split("#")[0]
    return source_place(Path(config.docs_dir), page.file.src_uri, (query,)) or page.file.src_uri
