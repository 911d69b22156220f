"""The situations registry (situations.yml): dimensions, values and impossible combinations.

A *choice* is a dict with one value key per dimension, e.g. {"mfa": "sms", "transfer": "icloud",
"from": "iphone"}. A dimension may be *asked only if* other answers make it relevant
(`asked_if: {owner: employee}`): where they don't, the reader is not asked it, and the choice as
the reader sees it (`Registry.asked`) leaves it out, e.g. {"owner": "organization"}.

A *condition* (what a conditional section applies to) maps some dimensions to one or more value
keys, e.g. {"mfa": ("app", "sms")}: it holds when every one of them does (a dimension the reader
is not asked holds for none of its values). `AnyOf` holds when any of its conditions does
(`situation(any=[{"mfa": "none"}, {"from": "android"}])`).

Each guide declares the questions it asks in its front matter (`situations:`, see
GUIDE_FIELD); `Registry.for_guide` turns the site-wide registry into that guide's registry, and
`guides()` reads every guide's declaration from a docs folder, without a build.

Words are per language: the file gives each text as `{en: ..., de: ...}` beside its key, and a
Registry holds the words of one language (`Registry.load(language="de")`); keys, values and
rules are the same in every language.
"""

import difflib
import itertools
import os
from dataclasses import dataclass, replace
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.utils.meta import get_data

from macros.data_files import load_yaml
from macros.languages import SOURCE_LANGUAGE
from macros.messages import TextError, in_language, say

# The one registry of the site, where writers and IT look for it: macros/situations.yml.
REGISTRY_FILE = Path(__file__).parent.parent / "situations.yml"
CONFIG_FILE = Path(__file__).parents[2] / "mkdocs.yml"
# The front matter field in which a guide declares its questions:
#   situations:
#     asks: [mfa, from]          # site-wide dimensions (situations.yml) and its own, in order
#     default: {from: iphone}    # optional: what it shows before the reader answers
#     dimensions: [...]          # optional: dimensions of its own, written as in situations.yml
#                                # (each may be `asked_if` earlier answers make it relevant)
#     impossible: [...]          # optional: combinations of its questions nobody can be in
GUIDE_FIELD = "situations"
# A dimension the reader is not asked, in a situation's token (see Registry.token).
NOT_ASKED = "-"


class SituationError(ValueError):
    """A dimension or value that the registry does not know; the message carries a hint.
    `path`: where in the guide's `situations:` declaration the mistake is, when it is there."""

    def __init__(self, message, path=None):
        super().__init__(message)
        self.path = path


class NotAskedError(SituationError):
    """A conditional section about a dimension that its guide does not ask."""


@dataclass(frozen=True)
class Value:
    key: str
    label: str
    only: str
    phrase: str


@dataclass(frozen=True)
class Dimension:
    key: str
    legend: str
    values: tuple
    # The condition under which the reader is asked it (None: always), e.g. {"owner": ("employee",)}.
    asked_if: dict = None

    def value(self, key):
        for value in self.values:
            if value.key == key:
                return value
        raise SituationError(unknown("value", key, f"'{self.key}'", [v.key for v in self.values]))


@dataclass(frozen=True)
class AnyOf:
    """A condition that holds when any of its `alternatives` (condition dicts) does."""
    alternatives: tuple


def applies(condition, choice):
    """Whether `condition` holds for the asked choice `choice` (see Registry.asked)."""
    if isinstance(condition, AnyOf):
        return any(applies(alternative, choice) for alternative in condition.alternatives)
    return all(choice.get(key) in values for key, values in condition.items())


def condition_keys(condition):
    if isinstance(condition, AnyOf):
        return list(dict.fromkeys(key for alternative in condition.alternatives
                                  for key in alternative))
    return list(condition)


@dataclass(frozen=True)
class ImpossibleRule:
    when: dict
    because: str
    instead: dict

    def applies_to(self, choice):
        return all(choice.get(key) == value for key, value in self.when.items())


def unknown(what, name, where, known):
    close = difflib.get_close_matches(str(name), known, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    return f"unknown situation {what} '{name}' for {where}.{hint} Known: {', '.join(known)}."


def words(data, field, language, where, path=None, fall_back=False):
    """The text `data[field]` in `language`; with `fall_back`, a text given per language but
    not in this one is the source language's."""
    text = data[field]
    if fall_back and isinstance(text, dict) and language not in text:
        language = SOURCE_LANGUAGE
    try:
        return in_language(text, language, f"{where}.{field}")
    except TextError as error:
        raise SituationError(str(error), path and (*path, field)) from None


def value_keys(values):
    """"app, sms", "app" or ["app", "sms"] -> ("app", "sms")."""
    names = values if isinstance(values, (list, tuple)) else str(values).split(",")
    return tuple(str(name).strip() for name in names)


def dimension_from(data, language=SOURCE_LANGUAGE, where="dimensions", path=None,
                   fall_back=False):
    """A dimension as written in situations.yml (or a guide's front matter), in `language`."""
    where = f"{where}[{data['key']}]"
    legend = words(data, "legend", language, where, path, fall_back)
    values = tuple(
        Value(v["key"], *(words(v, field, language, f"{where}.values[{v['key']}]",
                                path and (*path, "values", number), fall_back)
                          for field in ("label", "only", "phrase")))
        for number, v in enumerate(data["values"]))
    asked_if = data.get("asked_if")
    return Dimension(data["key"], legend, values,
                     {key: value_keys(v) for key, v in asked_if.items()} if asked_if else None)


def rules_from(rules, language, where, path=None, fall_back=False):
    return tuple(
        ImpossibleRule(dict(rule["when"]),
                       words(rule, "because", language, f"{where}[{number}]",
                             path and (*path, number), fall_back),
                       dict(rule["instead"]))
        for number, rule in enumerate(rules or ()))


@dataclass(frozen=True)
class Registry:
    dimensions: tuple
    impossible: tuple
    default: dict
    # A guide's own default, which wins over the organization's (see restricted_to).
    declared_default: dict = None
    # The language of its words (legends, labels, phrases, reasons, "Only for: …").
    language: str = SOURCE_LANGUAGE

    @classmethod
    def load(cls, path=None, language=SOURCE_LANGUAGE):
        """The registry in `path`: REGISTRY_FILE, or the scenario site's file that
        HELP_SITUATIONS_FILE names (tests/test_build_errors.py), looked up at each load."""
        path = path or os.environ.get("HELP_SITUATIONS_FILE") or REGISTRY_FILE
        data = load_yaml(path)  # a bad byte or YAML mistake: DataFileError at its line
        where = Path(path).name
        dimensions = tuple(dimension_from(d, language, f"{where}: dimensions")
                           for d in data["dimensions"])
        impossible = rules_from(data["impossible"], language, f"{where}: impossible")
        registry = cls(dimensions, impossible, dict(data["default"]), language=language)
        registry.check_choice(registry.default, "the registry's default")
        return registry

    def dimension(self, key):
        for dimension in self.dimensions:
            if dimension.key == key:
                return dimension
        raise SituationError(unknown("dimension", key, "this guide", [d.key for d in self.dimensions]))

    def with_own_dimensions(self, declaration, fall_back=True):
        """The site-wide registry plus the dimensions a guide declares for itself. `fall_back`:
        a text of the guide's given per language, but not in this registry's, is the English
        one (for a page shown untranslated); without it, that is an error."""
        own = tuple(dimension_from(d, self.language, "the guide's dimensions",
                                   ("dimensions", number), fall_back)
                    for number, d in enumerate((declaration or {}).get("dimensions") or ()))
        for number, dimension in enumerate(own):
            if any(d.key == dimension.key for d in self.dimensions):
                raise SituationError(
                    f"the guide's own dimension '{dimension.key}' is already a site-wide one in "
                    "macros/situations.yml: ask it instead of declaring it again.",
                    ("dimensions", number, "key"))
        return replace(self, dimensions=self.dimensions + own)

    def for_guide(self, declaration, fall_back=True):
        """The registry as one guide sees it (`declaration` is its front matter `situations:`):
        only the dimensions it asks, in its order; the impossible combinations among them and
        its own; its default, else the site-wide one, else a dimension's first value."""
        known = self.with_own_dimensions(declaration, fall_back)
        asks = declaration.get("asks") or []
        if not asks:
            raise SituationError("a guide must ask at least one question: `asks: [mfa]`.",
                                 ("asks",))
        dimensions = []
        for number, key in enumerate(asks):
            try:
                dimensions.append(known.dimension(key))
            except SituationError as error:
                raise SituationError(str(error), ("asks", number)) from None
        dimensions = tuple(dimensions)
        for dimension in dimensions:
            check_asked_if(dimension, dimensions, declaration)
        shared = tuple(rule for rule in self.impossible
                       if set(rule.when) | set(rule.instead) <= set(asks))
        own = rules_from(declaration.get("impossible"), self.language, "the guide's impossible",
                         ("impossible",), fall_back)
        guide = Registry(dimensions, shared + own, {}, None, self.language)
        for number, rule in enumerate(own):
            guide.check_rule(rule, ("impossible", number))
        if own:  # every combination must resolve (nearest_possible stops at a circle)
            for values in itertools.product(*[[v.key for v in d.values] for d in dimensions]):
                guide.nearest_possible(dict(zip(asks, values)), ("impossible",))
        declared = dict(declaration.get("default") or {})
        for key, value in declared.items():
            if key not in asks:
                raise SituationError(f"the guide's default gives '{key}', a dimension it "
                                     f"doesn't ask (it asks {', '.join(asks)}).",
                                     ("default", key))
            try:
                known.dimension(key).value(value)
            except SituationError as error:
                raise SituationError(str(error), ("default", key)) from None
        default = {d.key: declared.get(d.key, self.default.get(d.key, d.values[0].key))
                   for d in dimensions}
        guide = replace(guide, default=default, declared_default=declared)
        # Values the guide did not choose give way to the ones it did (its from: android makes
        # the site's transfer: icloud impossible); its own choices must not.
        possible = guide.nearest_possible(default, ("impossible",))
        if any(possible[key] != value for key, value in declared.items()):
            guide.check_choice(default, "the guide's default", ("default",))
        return replace(guide, default=possible)

    def check_rule(self, rule, path):
        """An impossible combination of the guide's: known answers, and an `instead` that
        changes one of them (else resolving it would never end)."""
        for field in ("when", "instead"):
            for key, value in getattr(rule, field).items():
                try:
                    self.dimension(key).value(value)
                except SituationError as error:
                    raise SituationError(f"{error} (The guide asks: "
                                         f"{', '.join(d.key for d in self.dimensions)}.)",
                                         (*path, field, key)) from None
        for key, value in rule.instead.items():
            if key not in rule.when or rule.when[key] == value:
                raise SituationError(
                    f"`instead: {{{key}: {value}}}` must give another value to one of the answers "
                    f"in `when` ({', '.join(f'{k}: {v}' for k, v in rule.when.items())}): it says "
                    "which answer gives way.", (*path, "instead", key))

    def require_asked(self, condition, asked_by):
        """A condition (checked against every known dimension) must only use asked ones."""
        for key in condition_keys(condition):
            if key not in [d.key for d in asked_by.dimensions]:
                asked = ", ".join(d.key for d in asked_by.dimensions)
                raise NotAskedError(
                    f"this guide doesn't ask '{key}' (it asks: {asked}). Hint: add '{key}' to "
                    f"`situations: asks:` in the page's front matter, or leave the condition out.")
        return condition

    def condition(self, any=None, **values_by_dimension):  # noqa: A002 (the writers' keyword)
        """Turn macro arguments such as mfa="app, sms" into a checked condition; `any` (a list
        of such keyword dicts) makes it hold when any one of them does, together with the
        other keywords: situation(transfer="none", any=[{"mfa": "none"}, {"from": "android"}])."""
        if any is None:
            if not values_by_dimension:
                raise SituationError(
                    "a situation block needs at least one dimension, e.g. mfa=\"app\".")
            return self.all_of(values_by_dimension)
        if not isinstance(any, (list, tuple)) or len(any) < 2 or \
                not all(isinstance(alternative, dict) and alternative for alternative in any):
            raise SituationError(
                "any=[...] lists two or more conditions, each written like the keywords, e.g. "
                'any=[{"mfa": "none"}, {"from": "android"}].')
        alternatives = []
        for alternative in any:
            both = set(alternative) & set(values_by_dimension)
            if both:
                raise SituationError(
                    f"'{sorted(both)[0]}' is given both inside any=[...] and beside it: give it "
                    "in one place.")
            alternatives.append(self.all_of({**values_by_dimension, **alternative}))
        return AnyOf(tuple(alternatives))

    def all_of(self, values_by_dimension):
        condition = {}
        for key, values in values_by_dimension.items():
            dimension = self.dimension(key)
            condition[key] = tuple(dimension.value(name).key for name in value_keys(values))
        # In registry order, so that labels and attributes read the same however it was written.
        return {d.key: condition[d.key] for d in self.dimensions if d.key in condition}

    def restricted_to(self, allowed, default=None):
        """The registry as one organization sees it: only the values it uses (`allowed` maps a
        dimension key to value keys; a dimension left out keeps all), its own default, and only
        the impossible combinations that its values can still make."""
        def kept_values(dimension):
            keys = allowed.get(dimension.key)
            return tuple(v for v in dimension.values if keys is None or v.key in keys)

        dimensions = tuple(replace(d, values=kept_values(d)) for d in self.dimensions)
        kept = {d.key: {v.key for v in d.values} for d in dimensions}
        impossible = tuple(rule for rule in self.impossible
                           if all(value in kept[key] for key, value in rule.when.items()))
        # Per dimension: the guide's own default, else the organization's, else the site's,
        # as long as the organization uses that value.
        candidates = [self.declared_default or {}, default or {}, self.default]
        chosen = {d.key: next((c[d.key] for c in candidates if c.get(d.key) in kept[d.key]),
                              d.values[0].key if d.values else None) for d in dimensions}
        registry = Registry(dimensions, impossible, chosen, self.declared_default, self.language)
        registry = replace(registry, default=registry.nearest_possible(chosen))
        registry.check_choice(registry.default, "the organization's default")
        return registry

    def narrow(self, condition):
        """A condition, checked against the whole guide, as this registry's values see it: None
        when it applies to none of them, {} when it applies to all, else the values kept here."""
        if isinstance(condition, AnyOf):
            kept = [self.narrow(alternative) for alternative in condition.alternatives]
            kept = [alternative for alternative in kept if alternative is not None]
            if not kept or {} in kept:
                return None if not kept else {}
            return kept[0] if len(kept) == 1 else AnyOf(tuple(kept))
        narrowed = {}
        for key, values in condition.items():
            here = [value.key for value in self.dimension(key).values]
            kept = tuple(value for value in values if value in here)
            if not kept:
                return None
            if len(kept) < len(here) or self.dimension(key).asked_if:
                # A question asked only sometimes: even all its values leave out the others.
                narrowed[key] = kept
        return narrowed

    def asked(self, choice):
        """The choice as the reader is asked it: the dimensions whose `asked_if` the answers
        before them meet, in this registry's order (a dimension missing from `choice` too)."""
        asked = {}
        for dimension in self.dimensions:
            if dimension.key in choice and (dimension.asked_if is None
                                            or applies(dimension.asked_if, asked)):
                asked[dimension.key] = choice[dimension.key]
        return asked

    def check_choice(self, choice, where, path=None):
        missing = [d.key for d in self.dimensions if d.key not in choice]
        if missing:
            raise SituationError(f"{where} has no value for {', '.join(missing)}.", path)
        for key, value in choice.items():
            try:
                self.dimension(key).value(value)
            except SituationError as error:
                raise SituationError(str(error), path and (*path, key)) from None
        rule = self.rule_against(choice)
        if rule:
            raise SituationError(f"{where} is impossible: {rule.because}", path)

    def rule_against(self, choice):
        asked = self.asked(choice)
        return next((rule for rule in self.impossible if rule.applies_to(asked)), None)

    def all_choices(self):
        """Every combination of answers, as the reader is asked them (each once)."""
        keys = [d.key for d in self.dimensions]
        found = {}
        for values in itertools.product(*[[v.key for v in d.values] for d in self.dimensions]):
            choice = self.asked(dict(zip(keys, values)))
            found.setdefault(tuple(choice.items()), choice)
        return list(found.values())

    def possible_choices(self):
        return [choice for choice in self.all_choices() if self.rule_against(choice) is None]

    def nearest_possible(self, choice, path=None):
        """The choice with every impossible combination resolved as the registry says."""
        choice = dict(choice)
        seen = []
        while (rule := self.rule_against(choice)) is not None:
            seen.append(self.asked(choice))
            choice.update(rule.instead)
            if self.asked(choice) in seen:
                raise SituationError(
                    "the impossible combinations give way in a circle, "
                    + " → ".join(self.summary(step) for step in [*seen, choice])
                    + ": make one `instead` give an answer that no other combination turns "
                    "back.", path)
        return choice

    def matching(self, condition):
        """The possible choices that `condition` holds for."""
        return [choice for choice in self.possible_choices() if applies(condition, choice)]

    def why_never(self, condition):
        """Why a condition holds in no possible situation: the reason of an impossible
        combination it needs, else the question it needs that is asked only sometimes."""
        unruled = [choice for choice in self.all_choices() if applies(condition, choice)]
        if unruled:
            return self.rule_against(unruled[0]).because
        for key in condition_keys(condition):
            dimension = self.dimension(key)
            if dimension.asked_if:
                return (f"'{key}' is asked only if "
                        f"{describe(dimension.asked_if)}.")
        return ""

    def token(self, choice):
        """One word for a situation, "app.icloud.iphone" ("-" for a question not asked): the
        browser and the IT page's outlines compare it with a section's `data-situations`."""
        asked = self.asked(choice)
        return ".".join(asked.get(d.key, NOT_ASKED) for d in self.dimensions)

    def label(self, condition):
        """Words for a conditional section: "Only if you use text message or call"."""
        if isinstance(condition, AnyOf):
            parts = [self.phrases(alternative) for alternative in condition.alternatives]
            return say("only_for", self.language,
                       values=say("or_else", self.language).join(parts))
        if len(condition) == 1:
            (key, values), = condition.items()
            if len(values) == 1:
                return self.dimension(key).value(values[0]).only
        return say("only_for", self.language, values=self.phrases(condition))

    def phrases(self, condition):
        """"Authenticator app or text message or call · old iPhone"."""
        return " · ".join(say("or", self.language).join(self.dimension(key).value(v).phrase
                                                        for v in values)
                          for key, values in condition.items())

    def summary(self, choice):
        """"Authenticator app · transfer from iCloud · old iPhone"."""
        asked = self.asked(choice)
        return " · ".join(d.value(asked[d.key]).phrase for d in self.dimensions if d.key in asked)

    def as_json(self):
        """What the browser needs: keys, values, words and rules."""
        return {
            "dimensions": [
                {"key": d.key, "values": {v.key: v.phrase for v in d.values},
                 **({"asked_if": {k: list(v) for k, v in d.asked_if.items()}}
                    if d.asked_if else {})}
                for d in self.dimensions],
            "impossible": [rule.__dict__ for rule in self.impossible],
            "default": self.default,
        }


def describe(condition):
    """`owner is employee` / `mfa is app or sms and from is iphone` (keys, for writers)."""
    return " and ".join(f"{key} is {' or '.join(values)}" for key, values in condition.items())


def check_asked_if(dimension, dimensions, declaration):
    """A question asked only if earlier answers make it relevant: those questions are asked by
    the guide, before it, and the values are theirs."""
    if not dimension.asked_if:
        return
    own = [d.get("key") for d in declaration.get("dimensions") or ()]
    path = (("dimensions", own.index(dimension.key), "asked_if") if dimension.key in own
            else ("asks", declaration["asks"].index(dimension.key)))
    earlier = [d.key for d in dimensions[:dimensions.index(dimension)]]
    for key, values in dimension.asked_if.items():
        if key not in earlier:
            raise SituationError(
                f"'{dimension.key}' is asked only if {describe({key: values})}, so the guide "
                f"must ask '{key}' before it (it asks: "
                f"{', '.join(d.key for d in dimensions)}).", (*path, key))
        controlling = next(d for d in dimensions if d.key == key)
        for value in values:
            try:
                controlling.value(value)
            except SituationError as error:
                raise SituationError(str(error), (*path, key)) from None


def declaration(markdown):
    """A page's `situations:` front matter (None when the page asks no questions)."""
    return get_data(markdown)[1].get(GUIDE_FIELD)


def guides_in(pages, registry):
    """{page path: that guide's Registry} for every page (MkDocs File) that declares questions;
    inside a build, `pages` is e.g. env.variables["files"].documentation_pages()."""
    found = {}
    for page in pages:
        declared = declaration(page.content_string)
        if declared is not None:
            found[page.src_uri] = registry.for_guide(declared)
    return found


def guides(docs_dir, registry=None, config_file=CONFIG_FILE):
    """The same for the pages of `docs_dir` as mkdocs.yml sees them (its exclude_docs leave out
    includes and examples), without a build: tests generate each guide's path table from it.
    Source pages only: a translation (page.de.md) asks what its source asks (the build checks
    that), and its path table is its source's."""
    from macros.languages import translation_suffix

    config = load_config(str(config_file), docs_dir=str(Path(docs_dir).resolve()))
    sources = [page for page in get_files(config).documentation_pages()
               if translation_suffix(page.src_uri) is None]
    return guides_in(sources, registry or Registry.load())
