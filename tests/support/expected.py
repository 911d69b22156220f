"""A guide's expected paths: what each reader must see, written by the guide's writer from its
sources, in `<guide>.expected.yml` beside the guide (docs/writing/checks.md explains the format).

This module reads such a file (with the line of every entry), checks that it only names the
guide's own questions and values, and compares it with what a reader sees (seen.READ_GUIDE's
result) in one situation. Every problem comes back as "file:line: what. Hint: how".
"""

import difflib
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from .where import heading_line, relative, text_line

SUFFIX = ".expected.yml"
FIELDS = {"conditions", "steps", "boxes", "shows", "order", "bold", "links", "headings"}
HINT_FORMAT = "see 'Check what each reader sees' in the writing guide (docs/writing/checks.md)"


class Line(str):
    """A string from the file that knows its line."""
    line = 0


class LineDict(dict):
    line = 0


class LineList(list):
    line = 0


class Loader(yaml.SafeLoader):
    """YAML with the line of every mapping, list and string."""


def _with_line(kind, construct):
    def constructor(loader, node):
        value = kind(construct(loader, node))
        value.line = node.start_mark.line + 1
        return value
    return constructor


Loader.add_constructor("tag:yaml.org,2002:str", _with_line(
    Line, lambda loader, node: loader.construct_scalar(node)))
Loader.add_constructor("tag:yaml.org,2002:map", _with_line(
    LineDict, lambda loader, node: loader.construct_mapping(node, deep=True)))
Loader.add_constructor("tag:yaml.org,2002:seq", _with_line(
    LineList, lambda loader, node: loader.construct_sequence(node, deep=True)))


class ExpectedError(ValueError):
    """The expected file itself is wrong; the message says where and how to fix it."""


def file_for(docs_dir, src_uri):
    """docs/<guide>.md -> docs/<guide>.expected.yml (it may not exist)."""
    return Path(docs_dir) / (src_uri.removesuffix(".md") + SUFFIX)


def query(choice):
    return "&".join(f"{key}={value}" for key, value in choice.items())


@dataclass(frozen=True)
class Part:
    """An entry of the file: its words, whom it is for (None: everyone) and where it is."""
    text: str
    condition: tuple  # of {key: set of values}: any of them (one mapping: all of its keys)
    line: int
    depth: int = 0
    inner: bool = False  # an action whose steps inside it are listed (and so checked)


class Expected:
    """A guide's expected file, checked against the guide's questions (`registry`)."""

    def __init__(self, path, registry, src_uri, docs_dir, root=None):
        self.path = Path(path)
        self.root = root or Path(docs_dir).parent
        self.name = relative(self.path, self.root)
        self.registry = registry
        self.src_uri = src_uri
        self.docs_dir = docs_dir
        try:
            data = yaml.load(self.path.read_text(encoding="utf-8"), Loader=Loader) or LineDict()
        except yaml.YAMLError as error:
            raise ExpectedError(f"{self.name}: not valid YAML: {error}. Hint: {HINT_FORMAT}.")
        self.must(isinstance(data, dict), data, "the file must be a mapping of fields")
        unknown = set(data) - FIELDS
        self.must(not unknown, data, f"unknown field {', '.join(sorted(unknown))}; the fields "
                  f"are {', '.join(sorted(FIELDS))}")
        conditions = data.get("conditions") or LineDict()
        self.must(isinstance(conditions, dict), conditions,
                  "`conditions:` names conditions, e.g. `backup: &backup {from: iphone}`")
        for name, condition in conditions.items():
            self.condition({"for": condition}, "for")
        self.steps = [self.step(entry) for entry in self.listed(data, "steps")]
        self.boxes = [(self.part(entry, "title"), [Line(w) for w in self.listed(entry, "says")])
                      for entry in self.listed(data, "boxes")]
        self.shows = [self.shows_rule(entry) for entry in self.listed(data, "shows")]
        self.order = [self.order_rule(entry) for entry in self.listed(data, "order")]
        self.bold = self.listed(data, "bold")
        self.links = self.listed(data, "links")
        headings = data.get("headings") or LineDict()
        self.must(isinstance(headings, dict), headings,
                  "`headings:` maps a heading id to the words its heading says")
        self.headings = {key: self.words_list(words) for key, words in headings.items()}

    # --- Reading the file -------------------------------------------------------------------

    def must(self, true, entry, what):
        if not true:
            raise ExpectedError(f"{self.name}:{getattr(entry, 'line', 1)}: {what}. "
                                f"Hint: {HINT_FORMAT}.")

    def listed(self, entry, field):
        value = entry.get(field) or LineList()
        self.must(isinstance(value, list), value, f"`{field}:` must be a list")
        return value

    def words_list(self, value):
        if isinstance(value, str):
            return [value]
        self.must(isinstance(value, list), value, "expected a list of words")
        return value

    def condition(self, entry, field):
        """`for:` or `not_for:`: a mapping {question: value or values}, or a list of them (any)."""
        value = entry.get(field)
        if value is None:
            return None
        alternatives = value if isinstance(value, list) else [value]
        conditions = []
        for alternative in alternatives:
            self.must(isinstance(alternative, dict), value,
                      f"`{field}:` maps questions to answers, e.g. {{mfa: [app, sms]}}")
            condition = {}
            for key, values in alternative.items():
                asked = [d.key for d in self.registry.dimensions]
                self.must(key in asked, alternative,
                          f"the guide doesn't ask '{key}' (it asks {', '.join(asked)})")
                names = [v.strip() for v in values.split(",")] if isinstance(values, str) \
                    else list(values or [])
                known = [v.key for v in self.registry.dimension(key).values]
                for name in names:
                    close = difflib.get_close_matches(str(name), known, n=1)
                    self.must(name in known, alternative,
                              f"'{name}' is not an answer to '{key}'"
                              + (f" (did you mean '{close[0]}'?)" if close else "")
                              + f"; its answers are {', '.join(known)}")
                condition[key] = set(names)
            conditions.append(condition)
        return tuple(conditions)

    def part(self, entry, field="text", depth=0):
        if isinstance(entry, str):
            return Part(entry, None, entry.line, depth)
        self.must(isinstance(entry, dict) and isinstance(entry.get(field), str), entry,
                  f"each entry needs `{field}:`")
        return Part(entry[field], self.condition(entry, "for"), entry.line, depth)

    def step(self, entry):
        self.must(isinstance(entry, dict) and {"id", "title"} <= set(entry), entry,
                  "each step needs `id:` (its heading's id) and `title:`")
        actions = []
        for action in self.listed(entry, "actions"):
            inner = isinstance(action, dict) and "steps" in action
            actions.append(replace(self.part(action), inner=inner))
            if inner:
                # A step inside an action is for the action's readers, and its own `for:` narrows
                # them further.
                parent = actions[-1].condition
                for step in self.listed(action, "steps"):
                    part = self.part(step, depth=1)
                    actions.append(replace(part, condition=both(parent, part.condition)))
        return Part(entry["title"], self.condition(entry, "for"), entry.line), entry["id"], actions

    def shows_rule(self, entry):
        self.must(isinstance(entry, dict) and ("text" in entry) != ("word" in entry), entry,
                  "each `shows:` entry has `text:` (words) or `word:` (a whole word, any case)")
        self.must(entry.get("for") is not None or entry.get("not_for") is not None, entry,
                  "say whom it is for (`for:`) or whom it is never for (`not_for:`)")
        return entry, self.condition(entry, "for"), self.condition(entry, "not_for")

    def order_rule(self, entry):
        self.must(isinstance(entry, dict) and {"first", "then"} <= set(entry), entry,
                  "each `order:` entry has `first:` and `then:`")
        return entry

    # --- What one reader should see ---------------------------------------------------------

    @staticmethod
    def applies(condition, choice):
        return condition is None or any(
            all(choice[key] in values for key, values in alternative.items())
            for alternative in condition)

    def where(self, part):
        return f"{self.name}:{part.line}"

    def in_guide(self, words):
        return text_line(self.docs_dir, self.src_uri, words, self.root)

    def problems(self, shown, choice, page):
        """What differs between the file and what a reader of `page` in `choice` sees."""
        reader = f"readers of {page}?{query(choice)}"
        found = []
        if self.steps:
            found += self.step_problems(shown, choice, reader)
        if self.boxes:
            found += self.box_problems(shown, choice, reader)
        blocks = shown["blocks"]
        for entry, for_, not_for in self.shows:
            found += self.shows_problems(entry, for_, not_for, blocks, choice, reader)
        for entry in self.order:
            found += self.order_problems(entry, blocks, reader)
        return found

    def step_problems(self, shown, choice, reader):
        expected = [(title, step_id, actions) for title, step_id, actions in self.steps
                    if self.applies(title.condition, choice)]
        found = []
        shown_ids = [step["id"] for step in shown["steps"]]
        for title, step_id, _ in expected:
            if step_id not in shown_ids:
                found.append(
                    f"{self.where(title)}: {reader} don't see Step '{title.text}' "
                    f"({heading_line(self.docs_dir, self.src_uri, step_id, self.root)}), though "
                    "this file says it is for them. Hint: if it is not for them, change its "
                    "`for:` here; if it is, check the situation(...) around the step.")
        expected_ids = [step_id for _, step_id, _ in expected]
        for step in shown["steps"]:
            if step["id"] not in expected_ids:
                listed = [t for t, step_id, _ in self.steps if step_id == step["id"]]
                here = self.where(listed[0]) if listed else self.name
                found.append(
                    f"{heading_line(self.docs_dir, self.src_uri, step['id'], self.root)}: "
                    f"{reader} see '{step['title']}', which {here} doesn't expect for them. "
                    "Hint: give the step the situation(...) of its readers, or list it (or its "
                    "`for:`) in the expected file.")
        if found:
            return found
        for number, (step, (title, _, actions)) in enumerate(zip(shown["steps"], expected), 1):
            if step["title"] != f"Step {number}: {title.text}":
                found.append(f"{self.where(title)}: {reader} see the heading '{step['title']}' "
                             f"where this file expects 'Step {number}: {title.text}'. Hint: "
                             "change the heading's words, or `title:` here.")
            found += self.action_problems(step, [a for a in actions
                                                 if self.applies(a.condition, choice)], reader)
        return found

    def action_problems(self, step, expected, reader):
        """The shown actions of one step against the expected ones (each shown action starts with
        its expected words), as insertions and deletions. The steps inside an action count only
        where the file lists them (`steps:`)."""
        def match(depth, words):
            return next((part for part in expected
                         if part.depth == depth and words.startswith(part.text)), None)

        def key(depth, words):
            found = match(depth, words)
            return (depth, found.text) if found else (depth, "\0" + words)

        shown, checked = [], True
        for _, words, depth in step["actions"]:
            if depth == 0:
                action = match(0, words)
                checked = action.inner if action else False
            if depth == 0 or checked:
                shown.append((depth, words))
        wanted = [(part.depth, part.text) for part in expected]
        got = [key(depth, words) for depth, words in shown]
        found = []
        matcher = difflib.SequenceMatcher(a=wanted, b=got, autojunk=False)
        for tag, a1, a2, b1, b2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            for part in expected[a1:a2]:
                found.append(f"{self.where(part)}: in '{step['title']}', {reader} don't see "
                             f"the {'step' if part.depth else 'action'} '{part.text}…'. Hint: "
                             "check its only(...) (or that its words still start like this), "
                             "or change its `for:` here.")
            for depth, words in shown[b1:b2]:
                found.append(f"{self.in_guide(words)}: in '{step['title']}', {reader} see "
                             f"'{shorten(words)}', which {self.name} doesn't expect for them. "
                             "Hint: give it the only(...) of its readers, or list it in the "
                             "expected file (with its `for:`).")
        return found

    def box_problems(self, shown, choice, reader):
        found = []
        shown_boxes = {title: text for title, text in shown["boxes"]}
        expected = {}
        for part, says in self.boxes:
            if self.applies(part.condition, choice):
                expected[part.text] = (part, says)
        for title, (part, says) in expected.items():
            if title not in shown_boxes:
                found.append(f"{self.where(part)}: {reader} don't see the box '{title}'. Hint: "
                             "check the situation(...) around it, or its `for:` here.")
                continue
            missing = [words for words in says if words not in shown_boxes[title]]
            if missing:
                found.append(f"{self.where(part)}: the box '{title}' doesn't say "
                             f"{', '.join(repr(w) for w in missing)}. Hint: put it back in the "
                             "box, or change `says:` here.")
        for title in shown_boxes:
            if title not in expected:
                found.append(f"{self.in_guide(title)}: {reader} see the box '{title}', which "
                             f"{self.name} doesn't expect for them. Hint: give it the "
                             "situation(...) of its readers, or list it under `boxes:`.")
        return found

    def scoped(self, entry, blocks):
        """The blocks between the headings `after:` and `before:` (ids), if the entry says."""
        ids = [block_id for _, block_id, _ in blocks]
        start = ids.index(entry["after"]) + 1 if entry.get("after") in ids else 0
        end = ids.index(entry["before"]) if entry.get("before") in ids else len(blocks)
        return [words for _, _, words in blocks[start:end]]

    def shows_problems(self, entry, for_, not_for, blocks, choice, reader):
        words = self.scoped(entry, blocks)
        if "word" in entry:
            pattern = re.compile(rf"\b{re.escape(entry['word'])}\b", re.IGNORECASE)
            hits = [block for block in words if pattern.search(block)]
            what = f"the word '{entry['word']}'"
        else:
            hits = [block for block in words if entry["text"] in block]
            what = f"'{entry['text']}'"
        if hits and (not self.applies(for_, choice) if for_ else self.applies(not_for, choice)):
            return [f"{self.in_guide(hits[0])}: {reader} see {what} (in '{shorten(hits[0])}'), "
                    f"which {self.name}:{entry.line} says is not for them. Hint: give those "
                    "words the situation(...) or only(...) of their readers, or change the "
                    "entry here."]
        if not hits and for_ and self.applies(for_, choice):
            return [f"{self.name}:{entry.line}: {reader} don't see {what}, though this file "
                    "says it is for them. Hint: check the condition of the part that says it, "
                    "or change `for:` here."]
        return []

    def order_problems(self, entry, blocks, reader):
        first, then = self.words_list(entry["first"]), self.words_list(entry["then"])
        seen_first = False
        for block in self.scoped(entry, blocks):
            starts = [block.find(w) for w in first if w in block]
            uses = [block.find(w) for w in then if w in block]
            if uses and not seen_first and not (starts and min(starts) < min(uses)):
                return [f"{self.in_guide(block)}: {reader} read '{shorten(block)}' before "
                        f"any of {', '.join(repr(w) for w in first)}, which "
                        f"{self.name}:{entry.line} says must come first. Hint: move the "
                        "step, or give it the condition of the step it needs."]
            seen_first = seen_first or bool(starts)
        return []


def both(first, second):
    """The readers two conditions (tuples of alternatives, None: everyone) are both for."""
    if first is None or second is None:
        return first if second is None else second
    return tuple({**one, **other, **{key: one[key] & other[key] for key in one.keys() & other}}
                 for one in first for other in second)


def shorten(words, length=70):
    return words if len(words) <= length else words[:length - 1] + "…"


def load(docs_dir, src_uri, registry, root=None):
    """The guide's Expected, or None when it has no expected file."""
    path = file_for(docs_dir, src_uri)
    return Expected(path, registry, src_uri, docs_dir, root) if path.is_file() else None
