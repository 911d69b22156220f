"""Heading ids that would silently move or repeat a public anchor.

A heading's id is its anchor (`page.html#id`), part of the public URLs. Python-Markdown's `toc`
gives each heading without an id of its own an automatic one from its words, and makes it unique
by adding `_1`, `_2` when the id is taken. So a heading given an explicit id (`{ #before-you-start }`)
that another heading already had automatically takes that anchor over, and the other heading
moves to `#before-you-start_1`, silently; and two headings given the same explicit id both keep
it (`toc` leaves explicit ids alone), so links go to the first. Both stop the build here, naming
both headings and their lines.
"""

import re
from html.parser import HTMLParser

# A heading line that gives an explicit id: `## Words { #the-id .step }` (attr_list).
EXPLICIT_ID = re.compile(r"^\s{0,3}#{1,6}\s.*\{[^}]*#([^\s}]+)[^}]*\}\s*$")
TAKEOVER_HINT = ("Hint: give the new heading an id no other heading has, e.g. "
                 "`{{ #{suggestion} }}`; an existing heading's anchor stays where readers' links "
                 "expect it.")
DUPLICATE_HINT = ("Hint: every heading needs its own id; rename one of them (links to the old id "
                  "keep working only for the heading that keeps it).")


class Headings(HTMLParser):
    """(id, words) of every h1–h6 of a page's HTML, in order."""

    def __init__(self):
        super().__init__()
        self.found, self.current, self.words = [], None, []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.current, self.words = dict(attrs).get("id"), []

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag) and self.current is not None:
            self.found.append((self.current, " ".join("".join(self.words).split()).rstrip("¶ ")))
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.words.append(data)


# A heading element, start to end tag (headings do not nest). Only these are parsed: the rest of
# an article is most of its HTML (parsing all of it took 3.0-3.4 s per 1000 pages, this 0.6 s).
HEADING_ELEMENT = re.compile(r"<h[1-6][\s>].*?</h[1-6]\s*>", re.S | re.I)


def headings(html):
    parser = Headings()
    parser.feed("".join(HEADING_ELEMENT.findall(html)))
    return parser.found


def explicit_ids(source_lines):
    """{id: [line numbers]} of the headings in a Markdown file that give their id."""
    found = {}
    for number, line in enumerate(source_lines, start=1):
        match = EXPLICIT_ID.match(line)
        if match:
            found.setdefault(match.group(1), []).append(number)
    return found


def heading_line(source_lines, words):
    """The line of the Markdown heading with these words, or None (e.g. in an included file)."""
    for number, line in enumerate(source_lines, start=1):
        if line.lstrip().startswith("#") and line.lstrip("# ").startswith(words):
            return number
    return None


def problem(src_uri, html, source_lines):
    """A `file:line: what. Hint: …` message about the page's heading ids, or None.

    `html` is the page as rendered (every id as readers get it), `source_lines` the lines of the
    page's own Markdown file, which say which ids were written by the writer.
    """
    explicit = explicit_ids(source_lines)
    if not explicit:
        return None  # both mistakes need a heading that gives its own id
    shown = headings(html)
    words_of = {}
    for heading_id, words in shown:
        if heading_id in words_of and heading_id in explicit:
            lines = explicit[heading_id]
            first, second = (lines + lines)[:2]
            return (f"{src_uri}:{second}: the heading \u201c{words}\u201d has the id "
                    f"#{heading_id}, which the heading \u201c{words_of[heading_id]}\u201d "
                    f"(line {first}) already has. {DUPLICATE_HINT}")
        words_of.setdefault(heading_id, words)
    for heading_id, words in shown:
        base, _, number = heading_id.rpartition("_")
        if number.isdigit() and base in explicit and base in words_of:
            line, other = explicit[base][0], heading_line(source_lines, words)
            where = f" (line {other})" if other else ""
            return (f"{src_uri}:{line}: the id #{base} of the heading \u201c{words_of[base]}\u201d "
                    f"takes over the anchor of the heading \u201c{words}\u201d{where}, whose "
                    f"automatic id it is; that heading would move to #{heading_id} and links to #{base} "
                    f"would open the other one. "
                    + TAKEOVER_HINT.format(suggestion=f"{base}-2"))
    return None
