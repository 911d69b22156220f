"""A translation must have its source's structure, or the build fails at its file and line.

Deep links (`#step-2-power-on-the-new-device`), the situation picker, the IT page's links and
the ticks a reader made must land on the same place in every language, so a translation
(`page.de.md`) has, in the same order as its English source (`page.md`):

- the same headings, with the same ids and levels, Step sections (`{ .step }`) where the
  source has them (a German heading writes the English id out: `{ #before-you-start }`);
- the same situation blocks and steps: `{% call situation(...) %}`, `{% endcall %}` and
  `{{ only(...) }}` with the same arguments;
- the same shared steps (`{% include "includes/x.de.md" %}` where the source includes
  `includes/x.md`), each with its own source's structure;
- the same number of numbered actions in each Step section.

Both are read as written (Markdown with Jinja, includes followed), so a difference is reported
at the line of the translation (or of its included file) where it starts, next to the source
line it should match.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from markdown.extensions.toc import slugify
from mkdocs.utils.meta import get_data

from macros import languages
from macros.situations.registry import GUIDE_FIELD
from macros.yaml_places import front_matter_line, key_path

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
ATTRIBUTES = re.compile(r"\s*\{\s*([^{}]*?)\s*\}\s*$")
NUMBERED = re.compile(r"^\d+\.\s")
TAG = re.compile(r"\{%-?\s*(.*?)\s*-?%\}|\{\{-?\s*(.*?)\s*-?\}\}")
CALL = re.compile(r"^call\s+situation\s*\((.*)\)$")
ONLY = re.compile(r"^only\s*\((.*)\)$")
INCLUDE = re.compile(r"""^include\s+["']([^"']+)["']""")
ARGUMENT = re.compile(r"""(\w+)\s*=\s*["']([^"']*)["']""")
ANY = re.compile(r"\bany\s*=\s*(\[.*\])")
INLINE_MARKUP = re.compile(r"\*\*|__|`|<[^>]+>|\{\{.*?\}\}")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")

HINT = ("Hint: a translation keeps its source's headings (with the source's ids written out, "
        "e.g. `## Bevor Sie beginnen { #before-you-start }`), situation blocks and `only()` "
        "steps with the same arguments in the same order, the same shared steps and as many "
        "numbered actions per Step section; translate the words only.")


@dataclass
class Item:
    kind: str  # heading, situation, endcall, only, include, action
    value: object
    file: str
    line: int
    explicit_id: bool = True
    written: str = None  # an include's file name as the page writes it

    def describe(self):
        if self.kind == "heading":
            level, anchor, step = self.value
            return f"the heading {'#' * level} {{ #{anchor}{' .step' if step else ''} }}"
        if self.kind == "action":
            return f"numbered action {self.value} of a Step section"
        if self.kind in ("situation", "only"):
            arguments = ", ".join(f"{key}={value}" if key == "any" else f'{key}="{value}"'
                                  for key, value in self.value)
        if self.kind == "situation":
            return f"a situation({arguments}) block"
        if self.kind == "only":
            return f"an only({arguments}) step"
        if self.kind == "endcall":
            return "the end of a situation block (endcall)"
        return f'the shared step "{self.value}" (or its translation)'


def heading_item(match, where, line):
    level, text = len(match.group(1)), match.group(2)
    attributes = ATTRIBUTES.search(text)
    words = text[: attributes.start()] if attributes else text
    tokens = attributes.group(1).split() if attributes else []
    ids = [token[1:] for token in tokens if token.startswith("#")]
    step = ".step" in tokens
    if ids:
        return Item("heading", (level, ids[0], step), where, line)
    # Python-Markdown's toc makes the id from the heading's text as shown.
    plain = INLINE_MARKUP.sub("", LINK.sub(r"\1", words))
    return Item("heading", (level, slugify(plain, "-"), step), where, line, explicit_id=False)


def arguments(text):
    """`mfa="app, sms", from="iphone"` -> ((mfa, "app, sms"), (from, "iphone")), normalized;
    `any=[...]` as written, without spaces."""
    alternatives = ANY.search(text)
    text = ANY.sub("", text)
    found = tuple((key, ", ".join(v.strip() for v in value.split(",")))
                  for key, value in ARGUMENT.findall(text))
    if alternatives:
        found += (("any", re.sub(r"\s+", "", alternatives.group(1)).replace("'", '"')),)
    return found


def structure(docs_dir, uri, state=None, seen=()):
    """The structural items of a page (following its includes), in order."""
    state = state if state is not None else {"in_step": False, "actions": 0}
    path = Path(docs_dir) / uri
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    items, fence, start = [], None, 0
    if lines and lines[0].strip() == "---":  # front matter
        start = next((n for n in range(1, len(lines)) if lines[n].strip() == "---"), 0) + 1
    for number, text in enumerate(lines[start:], start=start + 1):
        opening = FENCE.match(text)
        if fence:
            if opening and opening.group(1) == fence:
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        heading = HEADING.match(text)
        if heading:
            item = heading_item(heading, uri, number)
            level, _, step = item.value
            if level <= 2:
                state.update(in_step=step, actions=0)
            items.append(item)
        elif state["in_step"] and NUMBERED.match(text):
            state["actions"] += 1
            items.append(Item("action", state["actions"], uri, number))
        for statement, expression in TAG.findall(text):
            tag = statement or expression
            if CALL.match(tag):
                items.append(Item("situation", arguments(CALL.match(tag).group(1)), uri, number))
            elif tag == "endcall":
                items.append(Item("endcall", None, uri, number))
            elif ONLY.match(tag):
                items.append(Item("only", arguments(ONLY.match(tag).group(1)), uri, number))
            elif INCLUDE.match(tag):
                included = INCLUDE.match(tag).group(1)
                items.append(Item("include", languages.source_uri(included), uri, number,
                                  written=included))
                if included not in seen:
                    items.extend(structure(docs_dir, included, state, (*seen, uri)))
    return items


def first_difference(ours, theirs, path=()):
    """The key path of the first place where two front matter values differ, else None."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        for key in [*ours, *(key for key in theirs if key not in ours)]:
            if key not in ours or key not in theirs:
                return (*path, key) if key in ours else path
            found = first_difference(ours[key], theirs[key], (*path, key))
            if found is not None:
                return found
        return None
    if isinstance(ours, list) and isinstance(theirs, list):
        for number, (mine, its) in enumerate(zip(ours, theirs)):
            found = first_difference(mine, its, (*path, number))
            if found is not None:
                return found
        return None if len(ours) == len(theirs) else (*path, min(len(ours), len(theirs)))
    return None if ours == theirs else path


def declaration_mismatch(docs_dir, translation_uri, source_uri):
    """A translation asks what its source asks, with the same `situations:` (its words per
    language inside it): else `file:line: … Hint: …` at the first place it differs."""
    texts = [(Path(docs_dir) / uri).read_text(encoding="utf-8-sig")
             for uri in (translation_uri, source_uri)]
    ours, theirs = (get_data(text)[1].get(GUIDE_FIELD) for text in texts)
    path = first_difference({GUIDE_FIELD: ours} if ours is not None else {},
                            {GUIDE_FIELD: theirs} if theirs is not None else {})
    if path is None:
        return None
    path = path or (GUIDE_FIELD,)
    return (f"{translation_uri}:{front_matter_line(texts[0], path)}: the translation's "
            f"`{key_path(path)}` differs from its source's "
            f"({source_uri}:{front_matter_line(texts[1], path)}). Hint: a translation keeps its "
            "source's `situations:` as it is; give a guide's own texts per language there, in "
            "both files: `legend: {en: 'Who owns the iPhone?', de: 'Wem gehört das iPhone?'}`.")


def translate_include_hint(source, translation):
    return (f"Hint: translate {source} into {translation} (copy it and translate the words; "
            "keep everything else), then include that.")


def include_in_other_language(docs_dir, translation_uri, items):
    """A translation includes shared steps in its own language (`includes/x.de.md`), which
    exist: else `file:line: … Hint: …` at the first include that doesn't. (Jinja would include
    an English file into the German page without a word.)"""
    language = languages.translation_suffix(translation_uri)
    for item in items:
        if item.kind != "include":
            continue
        wanted = languages.translation_uri(item.written, language)
        exists = (Path(docs_dir) / wanted).is_file()
        if item.written != wanted:
            written_in = languages.translation_suffix(item.written) or languages.SOURCE_LANGUAGE
            hint = (f'Hint: include its translation, {{% include "{wanted}" %}}.' if exists
                    else translate_include_hint(item.written, wanted))
            return (f"{item.file}:{item.line}: the page is in '{language}' but includes "
                    f"'{item.written}', which is in '{written_in}'. {hint}")
        if not exists:
            return (f"{item.file}:{item.line}: the include file '{wanted}', the '{language}' "
                    f"translation of {item.value}, does not exist yet. "
                    f"{translate_include_hint(item.value, wanted)}")
    return None


def mismatch(docs_dir, translation_uri):
    """`file:line: what differs. Hint: …` for a translation unlike its source, else None."""
    source_uri = languages.source_uri(translation_uri)
    if not (Path(docs_dir) / source_uri).is_file():
        return None
    declared = declaration_mismatch(docs_dir, translation_uri, source_uri)
    if declared:
        return declared
    translated = structure(docs_dir, translation_uri)
    source = structure(docs_dir, source_uri)
    wrong_include = include_in_other_language(docs_dir, translation_uri, translated)
    if wrong_include:
        return wrong_include
    for ours, theirs in zip(translated, source):
        if ours.kind == "heading" and theirs.kind == "heading" and ours.value == theirs.value \
                and not ours.explicit_id:
            return (f"{ours.file}:{ours.line}: this heading's id comes from its German words; "
                    f"write the source's id out: {{ #{theirs.value[1]} }} "
                    f"({theirs.file}:{theirs.line}). {HINT}")
        if ours.kind == "heading" and not ours.explicit_id:
            return (f"{ours.file}:{ours.line}: this heading has no id of its own; the source "
                    f"has {theirs.describe()} here ({theirs.file}:{theirs.line}). {HINT}")
        if (ours.kind, ours.value) != (theirs.kind, theirs.value):
            return (f"{ours.file}:{ours.line}: the translation has {ours.describe()} where its "
                    f"source has {theirs.describe()} ({theirs.file}:{theirs.line}). {HINT}")
    if len(translated) > len(source):
        extra = translated[len(source)]
        return (f"{extra.file}:{extra.line}: the translation has {extra.describe()} that its "
                f"source ({source_uri}) does not have. {HINT}")
    if len(source) > len(translated):
        missing = source[len(translated)]
        last = translated[-1] if translated else None
        where = f"{last.file}:{last.line}" if last else f"{translation_uri}:1"
        return (f"{where}: the translation ends here, but its source goes on with "
                f"{missing.describe()} ({missing.file}:{missing.line}). {HINT}")
    return None
