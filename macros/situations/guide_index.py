"""The site's guides as the home page and the IT page list them, made from their declarations.

A guide is a page for employees whose front matter declares the questions it asks
(`situations:`, see registry.py). Its title and description come from the same front
matter, so nobody writes the list by hand.
"""

import posixpath
from dataclasses import dataclass

from mkdocs.utils.meta import get_data

from macros.languages import SOURCE_LANGUAGE, source_uri
from macros.messages import say
from macros.situations.registry import GUIDE_FIELD, Registry, SituationError


@dataclass(frozen=True)
class Guide:
    src_uri: str        # "migrate-iphone.md", or its translation "migrate-iphone.de.md"
    url: str            # "migrate-iphone.html" (or "de/migrate-iphone.html"), from the site root
    title: str
    description: str
    registry: Registry  # its questions, narrowed to the organization's values

    @property
    def questions(self):
        """The questions its picker asks: one with a single value left isn't asked."""
        return [d for d in self.registry.dimensions if len(d.values) > 1]

    @property
    def anchor(self):
        """An id for the guide's section on a page that lists guides: its source's file name,
        the same in every language ("migrate-iphone" for migrate-iphone.de.md too)."""
        return posixpath.splitext(posixpath.basename(source_uri(self.src_uri)))[0]

    def link_from(self, page_src_uri):
        """The guide's Markdown file as a link from another page (MkDocs checks and rewrites it)."""
        return posixpath.relpath(self.src_uri, posixpath.dirname(page_src_uri) or ".")


def site_guides(files, whole, profile):
    """Every guide among `files` (MkDocs' Files: in a language's build, its pages), in the language
    of `whole` (the whole Registry): by their front matter's `order`, then those without one in
    the order MkDocs lists them."""
    guides = []
    for file in files.documentation_pages():
        meta = get_data(file.content_string)[1]
        if meta.get(GUIDE_FIELD) is None or meta.get("audience") != "employees":
            continue
        if not all(isinstance(meta.get(field), str) for field in ("title", "description")):
            continue  # its own page stops the build at the field (front matter checks)
        try:
            registry = whole.for_guide(meta[GUIDE_FIELD]).restricted_to(
                profile.allowed, profile.default)
        except SituationError:
            continue  # its own page stops the build with the file and line (pages.py)
        guides.append((meta.get("order", float("inf")),
                       Guide(file.src_uri, file.url, meta["title"], meta["description"], registry)))
    return [guide for _, guide in sorted(guides, key=lambda ordered: ordered[0])]


def guide_list(guides, page_src_uri, language=SOURCE_LANGUAGE):
    """The home page's list: each guide's title (a link), description and how many questions."""
    cards = []
    for guide in guides:
        count = len(guide.questions)
        asks = (say("asks_questions", language, count=count) if count
                else say("asks_no_questions", language))
        cards.append("\n".join([
            f"-   [**{guide.title}**]({guide.link_from(page_src_uri)})",
            "",
            "    ---",
            "",
            f"    {guide.description}",
            "",
            f"    {asks}",
        ]))
    # Material's grid cards (attr_list + md_in_html): one card per guide.
    return "\n\n".join(['<div class="grid cards guide-list" markdown>', *cards, "</div>"])
