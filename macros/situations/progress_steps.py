"""Stable ids for the actions a reader can tick off (overrides/assets/progress/progress.js).

Every numbered action directly in a guide's Step section (a `## Step …{ .step }` heading up to
the next `##`) gets `data-step-id`, a hash of its own text. The browser keys the reader's ticks by
it, so a tick survives a rebuild and a new version of the site as long as the action's words stay
the same, and never lands on another action after an edit or a reorder (a position would).
The situation label ("Only if …") is left out of the hash: it depends on the organization's
profile, not on the action.
"""

import hashlib
import re

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

STEP_HEADING_CLASS = "step"
STEP_ID_ATTRIBUTE = "data-step-id"
# Python-Markdown's placeholders for stashed raw HTML: their numbers depend on the rest of the page.
STASH_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")


def has_class(element, name):
    return name in element.get("class", "").split()


def own_text(element):
    """The element's words, without situation labels, for hashing."""
    parts = []

    def collect(node):
        if has_class(node, "situation__label"):
            parts.append(node.tail or "")
            return
        parts.append(node.text or "")
        for child in node:
            collect(child)
        parts.append(node.tail or "")

    collect(element)
    parts[-1] = ""  # the element's own tail is not part of it
    text = STASH_PLACEHOLDER.sub("", "".join(parts))
    return " ".join(text.split())


def blocks_in_order(parent):
    """The page's blocks in document order, looking inside conditional sections (div.situation)."""
    for child in parent:
        if child.tag == "div" and has_class(child, "situation"):
            yield from blocks_in_order(child)
        else:
            yield child


def step_actions(root):
    """The <li> children of every <ol> that belongs to a Step section."""
    in_step = False
    for block in blocks_in_order(root):
        if block.tag in ("h1", "h2"):
            in_step = block.tag == "h2" and has_class(block, STEP_HEADING_CLASS)
        elif in_step and block.tag == "ol":
            yield from (item for item in block if item.tag == "li")


class StepIdProcessor(Treeprocessor):
    def run(self, root):
        seen = {}
        for item in step_actions(root):
            digest = hashlib.sha256(own_text(item).encode("utf-8")).hexdigest()[:10]
            # The same words twice in one guide: the second is told apart by its occurrence.
            seen[digest] = seen.get(digest, 0) + 1
            item.set(STEP_ID_ATTRIBUTE, digest if seen[digest] == 1 else f"{digest}-{seen[digest]}")


class StepIdExtension(Extension):
    def extendMarkdown(self, md):
        # After the situation markup (priority 7) has wrapped conditional blocks in <div>s.
        md.treeprocessors.register(StepIdProcessor(md), "progress_step_ids", 6)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name for it)
    return StepIdExtension(**kwargs)
