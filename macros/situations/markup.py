"""Markup for conditional sections: what the `situation`, `only` and `situation_picker` macros emit,
and the Markdown extension `macros.situations.markup` (listed in mkdocs.yml) that reads it.

Every section stays in the HTML, labelled in words, so search, readers without JavaScript and
file:// copies get the whole guide. The browser (overrides/assets/situations/situations.js) hides what
does not apply to the reader's choice.

The macros emit plain Markdown markers (an emphasised label with attributes via attr_list), so a
block works at any list depth; `SituationMarkupExtension` then builds the real elements:

- a block becomes `<div class="situation" data-mfa="app sms">` holding a label paragraph and
  everything between its start and end markers;
- a single step becomes `<li class="situation" data-mfa="app">` with the label inside.

An organization's build leaves out what applies to none of its situations (a block becomes
nothing, a step's list item is dropped), and shows without a label what applies to all of them.
"""

import html

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from macros.messages import say

SECTION_CLASS = "situation"
LABEL_CLASS = "situation__label"
BLOCK_START_CLASS = "situation-start"
BLOCK_END_CLASS = "situation-end"
STEP_MARKER_CLASS = "situation-step"
LEFT_OUT_CLASS = "situation-left-out"


def data_attributes(condition):
    return " ".join(f'data-{key}="{" ".join(values)}"' for key, values in condition.items())


def marker(text, marker_class, condition=None):
    attributes = f" {data_attributes(condition)}" if condition else ""
    escaped = text.replace("*", r"\*")
    return f"*{escaped}*{{ .{marker_class}{attributes} }}"


def section_block(registry, condition, body):
    """Wrap a `{% call situation(...) %}` body, keeping the indentation it sits at in a list.

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
        marker(registry.label(condition), BLOCK_START_CLASS, condition),
        "",
        *lines,
        "",
        indent + marker("end", BLOCK_END_CLASS),
    ])


def step_marker(registry, condition):
    """An inline label at the start of a list item (see section_block for None and {})."""
    if condition is None:
        return marker("left out", LEFT_OUT_CLASS)
    if not condition:
        return ""
    return marker(registry.label(condition) + ":", STEP_MARKER_CLASS, condition)


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
            f'<fieldset class="situation-picker__dimension">\n'
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
            mark_list_item(label, parents)
        for label in [em for em in root.iter("em") if has_class(em, LEFT_OUT_CLASS)]:
            item = list_item(label, parents)
            parents[item].remove(item)
        # Each parent once (the mapping lists it once per child), in document order.
        for parent in dict.fromkeys(parents.values()):
            wrap_blocks(parent)


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
    for name, value in list(source.attrib.items()):
        if name.startswith("data-"):
            target.set(name, value)
            del source.attrib[name]


def list_item(label, parents):
    item = label
    while item is not None and item.tag != "li":
        item = parents.get(item)
    if item is None:
        raise ValueError("only(...) marks a single list step: put it at the start of a list item.")
    return item


def mark_list_item(label, parents):
    item = list_item(label, parents)
    move_data_attributes(label, item)
    item.set("class", " ".join(filter(None, [item.get("class"), SECTION_CLASS])))
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
            raise ValueError("a situation block's {% endcall %} is not at the same indentation "
                             "as its {% call %}: indent both like the text between them.")
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
