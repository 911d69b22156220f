"""Markup for conditional sections: what the `situation`, `only` and `situation_picker` macros emit,
and the Markdown extension `macros.situations.markup` (listed in mkdocs.yml) that reads it.

Every section stays in the HTML, labelled in words, so search, readers without JavaScript and
file:// copies get the whole guide. The browser (overrides/assets/situations/situations.js) hides what
does not apply to the reader's choice.

The macros emit plain Markdown markers (an emphasised label with attributes via attr_list), so a
block works at any list depth; `SituationMarkupExtension` then builds the real elements:

- a block becomes `<div class="situation" data-mfa="app sms">` holding a label paragraph and
  everything between its start and end markers;
- a single step becomes `<li class="situation" data-mfa="app">` with the label inside, and a
  paragraph that starts with `only()` (outside a step, or not its first) `<p class="situation">`.

A condition with alternatives (`any=[...]`) is written as `data-situations`, the tokens of the
situations it holds in (Registry.token), instead of one attribute per dimension.

Each marker carries where its macro was called (`data-situation-call="index.md:12"`), so a
marker in the wrong place (`only()` in the middle of a sentence, a `{% call %}` inside a
paragraph) stops the build at that file and line; the attribute is gone from the HTML.

An organization's build leaves out what applies to none of its situations (a block becomes
nothing, a step's list item is dropped), and shows without a label what applies to all of them.
"""

import html

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError

from macros.messages import say
from macros.situations.registry import AnyOf

SECTION_CLASS = "situation"
LABEL_CLASS = "situation__label"
BLOCK_START_CLASS = "situation-start"
BLOCK_END_CLASS = "situation-end"
STEP_MARKER_CLASS = "situation-step"
LEFT_OUT_CLASS = "situation-left-out"
TOKENS_ATTRIBUTE = "data-situations"
CALL_ATTRIBUTE = "data-situation-call"
PLACE_HINT = ("Hint: {{ only(...) }} goes first in a numbered or bulleted step, or first in a "
              "paragraph, and makes that whole step or paragraph conditional; for part of a "
              "sentence, write two steps, and for headings or several paragraphs use "
              "{% call situation(...) %} … {% endcall %} on lines of their own.")


def data_attributes(registry, condition):
    """`data-mfa="app sms" data-from="iphone"`, or `data-situations="…"` for any=[...]."""
    if isinstance(condition, AnyOf):
        tokens = " ".join(registry.token(choice) for choice in registry.matching(condition))
        return f'{TOKENS_ATTRIBUTE}="{tokens}"'
    return " ".join(f'data-{key}="{" ".join(values)}"' for key, values in condition.items())


def marker(text, marker_class, attributes="", call_site=""):
    if call_site:
        attributes = f'{attributes} {CALL_ATTRIBUTE}="{html.escape(call_site)}"'.strip()
    escaped = text.replace("*", r"\*")
    return f"*{escaped}*{{ .{marker_class}{' ' + attributes if attributes else ''} }}"


def block_start(registry, condition, call_site=""):
    """The label line that opens a conditional section (empty for None and {}: see
    section_block)."""
    if not condition:
        return ""
    return marker(registry.label(condition), BLOCK_START_CLASS,
                  data_attributes(registry, condition), call_site)


def section_block(start, condition, body):
    """Wrap a `{% call situation(...) %}` body under its label line (`block_start`), keeping the
    indentation it sits at in a list.

    `condition` is None for a section that applies to none of the site's situations (left out),
    and {} for one that applies to all of them (kept without a label)."""
    if condition is None:
        return ""
    lines = body.strip("\n").rstrip().split("\n")
    if not condition:
        return "\n".join(["", *lines])
    first = next((line for line in lines if line.strip()), "")
    indent = first[:len(first) - len(first.lstrip())]
    return "\n".join([
        start,
        "",
        *lines,
        "",
        indent + marker("end", BLOCK_END_CLASS),
    ])


def step_marker(registry, condition, call_site=""):
    """An inline label at the start of a list item or paragraph (see section_block for None
    and {})."""
    if condition is None:
        return marker("left out", LEFT_OUT_CLASS, "", call_site)
    if not condition:
        return ""
    return marker(registry.label(condition) + ":", STEP_MARKER_CLASS,
                  data_attributes(registry, condition), call_site)


def picker(registry):
    """The form at the top of the guide: one fieldset of native radios per dimension, in the
    registry's language."""
    def words(name):
        return html.escape(say(name, registry.language))

    fieldsets = []
    # An organization that uses a single value of a dimension has nothing to ask about it.
    for dimension in [d for d in registry.dimensions if len(d.values) > 1]:
        radios = "\n".join(
            f'<label><input type="radio" name="{dimension.key}" value="{value.key}"> '
            f"{html.escape(value.label)}</label>"
            for value in dimension.values)
        fieldsets.append(
            f'<fieldset class="situation-picker__dimension" data-dimension="{dimension.key}">\n'
            f"<legend>{html.escape(dimension.legend)}</legend>\n{radios}\n</fieldset>")
    return "\n".join([
        '<form class="situation-picker" aria-labelledby="situation-picker-title">',
        '<p class="situation-picker__title" id="situation-picker-title">'
        f"{words('picker_title')}</p>",
        *fieldsets,
        '<p class="situation-picker__actions">'
        '<button type="button" class="md-button" data-situation-show-all aria-pressed="false">'
        f"{words('show_every_situation')}</button></p>",
        # One polite live region: screen readers hear the new summary (and any note).
        '<div class="situation-picker__status" role="status">',
        '<p class="situation-picker__note" data-situation-note></p>',
        '<p class="situation-summary" data-situation-summary></p>',
        "</div>",
        "</form>",
        '<p class="situation-print-note" data-situation-print-note>'
        f"{words('print_every_part')}</p>",
    ])


class SituationMarkupProcessor(Treeprocessor):
    """Build conditional elements from the markers the macros left in the Markdown."""

    def run(self, root):
        parents = {child: parent for parent in root.iter() for child in parent}
        for label in [em for em in root.iter("em") if has_class(em, STEP_MARKER_CLASS)]:
            mark_host(label, parents)
        for label in [em for em in root.iter("em") if has_class(em, LEFT_OUT_CLASS)]:
            host = conditional_host(label, parents)
            parents[host].remove(host)
        # Each parent once (the mapping lists it once per child), in document order.
        for parent in dict.fromkeys(parents.values()):
            wrap_blocks(parent)
        for label in root.iter("em"):
            if has_class(label, BLOCK_START_CLASS) or has_class(label, BLOCK_END_CLASS):
                raise PluginError(
                    f"{label.get(CALL_ATTRIBUTE, 'a page')}: a {{% call situation(...) %}} or "
                    "its {% endcall %} is inside a paragraph or a sentence. Hint: put "
                    "{% call situation(...) %} and {% endcall %} on lines of their own, with a "
                    "blank line before and after the part they hold.")


def has_class(element, name):
    return name in element.get("class", "").split()


def marker_class(element):
    """BLOCK_START_CLASS or BLOCK_END_CLASS for a paragraph that is only a marker, else None."""
    if element.tag != "p" or len(element) != 1 or (element.text or "").strip():
        return None
    child = element[0]
    for name in (BLOCK_START_CLASS, BLOCK_END_CLASS):
        if child.tag == "em" and has_class(child, name) and not (child.tail or "").strip():
            return name
    return None


def move_data_attributes(source, target):
    source.attrib.pop(CALL_ATTRIBUTE, None)
    for name, value in list(source.attrib.items()):
        if name.startswith("data-"):
            target.set(name, value)
            del source.attrib[name]


def starts(element, parent):
    """Whether `element` is the first thing in `parent`: no text or element before it."""
    return len(parent) > 0 and parent[0] is element and not (parent.text or "").strip()


def conditional_host(label, parents):
    """What an only() marker makes conditional: the list item it starts (in a tight list, or
    in the first paragraph of a loose one), else the paragraph it starts. Anywhere else (in the
    middle of a sentence, in a heading or a table) it stops the build at the macro's line."""
    parent = parents.get(label)
    if parent is not None and starts(label, parent):
        if parent.tag == "li":
            return parent
        if parent.tag == "p":
            item = parents.get(parent)
            if item is not None and item.tag == "li" and starts(parent, item):
                return item
            return parent
    words = "".join(parent.itertext()).replace(label.text or "", "", 1) if parent is not None else ""
    words = " ".join(words.split())
    raise PluginError(f"{label.get(CALL_ATTRIBUTE, 'a page')}: {{{{ only(...) }}}} must start a "
                      f"step or a paragraph, but it is inside \"{words[:70]}\". {PLACE_HINT}")


def mark_host(label, parents):
    host = conditional_host(label, parents)
    move_data_attributes(label, host)
    host.set("class", " ".join(filter(None, [host.get("class"), SECTION_CLASS])))
    label.set("class", LABEL_CLASS)


def wrap_blocks(parent):
    """Replace start marker … end marker (siblings in `parent`) with one <div class="situation">."""
    children = list(parent)
    starts = [i for i, child in enumerate(children) if marker_class(child) == BLOCK_START_CLASS]
    for start in reversed(starts):  # innermost last-opened first, so nested blocks work
        children = list(parent)
        end = next((i for i in range(start + 1, len(children))
                    if marker_class(children[i]) == BLOCK_END_CLASS), None)
        if end is None:
            raise PluginError(f"{children[start][0].get(CALL_ATTRIBUTE, 'a page')}: this "
                              "situation block's {% endcall %} is not at the same indentation "
                              "as its {% call %}. Hint: indent both like the text between them.")
        opening = children[start]
        section = parent.makeelement("div", {"class": SECTION_CLASS})
        move_data_attributes(opening[0], section)
        label = section.makeelement("p", {"class": LABEL_CLASS})
        label.text = opening[0].text
        section.append(label)
        for child in children[start + 1:end]:
            parent.remove(child)
            section.append(child)
        parent.remove(children[end])
        index = list(parent).index(opening)
        parent.remove(opening)
        parent.insert(index, section)


class SituationMarkupExtension(Extension):
    def extendMarkdown(self, md):
        # After attr_list (priority 8) has turned `{ ... }` into attributes.
        md.treeprocessors.register(SituationMarkupProcessor(md), "situation_markup", 7)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name for it)
    """Listed in mkdocs.yml as `macros.situations.markup`."""
    return SituationMarkupExtension(**kwargs)
