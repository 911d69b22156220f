"""What the build relies on in MkDocs 1.6.1 beyond its plugin API.

- a page's `render` replaced, and what `Page.render` leaves on the page (`_title_from_render`,
  `present_anchor_ids`, `links_to_anchors`), kept and given back by the build cache;
- `File.is_modified`, which MkDocs reads (in dirty builds only) to choose the pages to rebuild;
- the text of two of its log messages: broken links/anchors/images, and the dirty build warning.
"""

import re

from mkdocs.structure.pages import Page

# MkDocs' own renderer: Markdown to HTML, table of contents, title, anchors and links.
render_page = Page.render


def render_with(page, render):
    """Make MkDocs render `page` through `render(page, config, files)` instead of its own."""
    page.render = lambda config, files: render(page, config, files)


def rendered_parts(page):
    """What `Page.render` left on the page, as plain data (see restore_rendered_parts)."""
    links = page.links_to_anchors
    return {"html": page.content, "toc": page.toc, "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links": None if links is None else {f.src_uri: v for f, v in links.items()}}


def restore_rendered_parts(page, kept, files):
    """Give the page what an earlier `Page.render` of the same Markdown left (rendered_parts)."""
    page.content, page.toc, page._title_from_render = kept["html"], kept["toc"], kept["title"]
    page.present_anchor_ids = set(kept["anchors"])
    if kept["links"] is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): links
                                 for uri, links in kept["links"].items()}


def mark_modified(file):
    """Rebuild this page in a dirty build (MkDocs asks `file.is_modified()` only there)."""
    file.is_modified = lambda: True


def stand_in_for_unbuilt_page(page, title):
    """A page a dirty build left alone, as the saved page's navigation needs it: its title."""
    page.markdown, page.meta = "", {"title": title}


# Where MkDocs logs a broken link, anchor or image, and how the message starts.
PAGE_LOGGER = "mkdocs.structure.pages"
LINK_PROBLEM = re.compile(r"^Doc file '(?P<page>[^']+)' contains (?:a|an \w+(?: \w+)?) "
                          r"link '(?P<link>[^']+)'")
# What MkDocs warns about every dirty build (which strict mode would turn into an error).
BUILD_LOGGER = "mkdocs.commands.build"
DIRTY_WARNING = "A 'dirty' build is being performed"
