"""The situations registry (situations.yml): dimensions, values and impossible combinations.

A *choice* is a dict with one value key per dimension, e.g. {"mfa": "sms", "transfer": "icloud",
"from": "iphone"}. A *condition* (what a conditional section applies to) maps some dimensions to
one or more value keys, e.g. {"mfa": ("app", "sms")}.

Each guide declares the questions it asks in its front matter (`situations:`, see
GUIDE_FIELD); `Registry.for_guide` turns the site-wide registry into that guide's registry, and
`guides()` reads every guide's declaration from a docs folder, without a build.

Words are per language: the file gives each text as `{en: ..., de: ...}` beside its key, and a
Registry holds the words of one language (`Registry.load(language="de")`); keys, values and
rules are the same in every language.
"""

import difflib
import itertools
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.utils.meta import get_data

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
GUIDE_FIELD = "situations"


class SituationError(ValueError):
    """A dimension or value that the registry does not know; the message carries a hint."""


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

    def value(self, key):
        for value in self.values:
            if value.key == key:
                return value
        raise SituationError(unknown("value", key, f"'{self.key}'", [v.key for v in self.values]))


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


class NotAskedError(SituationError):
    """A conditional section about a dimension that its guide does not ask."""


def words(data, field, language, where):
    try:
        return in_language(data[field], language, f"{where}.{field}")
    except TextError as error:
        raise SituationError(str(error)) from None


def dimension_from(data, language=SOURCE_LANGUAGE, where="dimensions"):
    """A dimension as written in situations.yml (or a guide's front matter), in `language`."""
    where = f"{where}[{data['key']}]"
    values = tuple(
        Value(v["key"], *(words(v, field, language, f"{where}.values[{v['key']}]")
                          for field in ("label", "only", "phrase")))
        for v in data["values"])
    return Dimension(data["key"], words(data, "legend", language, where), values)


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
    def load(cls, path=REGISTRY_FILE, language=SOURCE_LANGUAGE):
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        where = Path(path).name
        dimensions = tuple(dimension_from(d, language, f"{where}: dimensions")
                           for d in data["dimensions"])
        impossible = tuple(
            ImpossibleRule(rule["when"], words(rule, "because", language,
                                               f"{where}: impossible[{number}]"), rule["instead"])
            for number, rule in enumerate(data["impossible"]))
        registry = cls(dimensions, impossible, dict(data["default"]), language=language)
        registry.check_choice(registry.default, "the registry's default")
        return registry

    def dimension(self, key):
        for dimension in self.dimensions:
            if dimension.key == key:
                return dimension
        raise SituationError(unknown("dimension", key, "this guide", [d.key for d in self.dimensions]))

    def with_own_dimensions(self, declaration):
        """The site-wide registry plus the dimensions a guide declares for itself."""
        own = tuple(dimension_from(d, self.language, "the guide's dimensions")
                    for d in (declaration or {}).get("dimensions") or ())
        for dimension in own:
            if any(d.key == dimension.key for d in self.dimensions):
                raise SituationError(
                    f"the guide's own dimension '{dimension.key}' is already a site-wide one in "
                    "macros/situations.yml: ask it instead of declaring it again.")
        return replace(self, dimensions=self.dimensions + own)

    def for_guide(self, declaration):
        """The registry as one guide sees it (`declaration` is its front matter `situations:`):
        only the dimensions it asks, in its order; only the impossible combinations among them;
        its default, else the site-wide one, else a dimension's first value."""
        known = self.with_own_dimensions(declaration)
        asks = declaration.get("asks") or []
        if not asks:
            raise SituationError("a guide must ask at least one question: `asks: [mfa]`.")
        dimensions = tuple(known.dimension(key) for key in asks)
        impossible = tuple(rule for rule in self.impossible
                           if set(rule.when) | set(rule.instead) <= set(asks))
        declared = dict(declaration.get("default") or {})
        for key in declared:
            if key not in asks:
                raise SituationError(f"the guide's default gives '{key}', a dimension it "
                                     f"doesn't ask (it asks {', '.join(asks)}).")
        default = {d.key: declared.get(d.key, self.default.get(d.key, d.values[0].key))
                   for d in dimensions}
        for key, value in declared.items():
            known.dimension(key).value(value)
        guide = Registry(dimensions, impossible, default, declared, self.language)
        # Values the guide did not choose give way to the ones it did (its from: android makes
        # the site's transfer: icloud impossible); its own choices must not.
        possible = guide.nearest_possible(default)
        if any(possible[key] != value for key, value in declared.items()):
            guide.check_choice(default, "the guide's default")
        return replace(guide, default=possible)

    def require_asked(self, condition, asked_by):
        """A condition (checked against every known dimension) must only use asked ones."""
        for key in condition:
            if key not in [d.key for d in asked_by.dimensions]:
                asked = ", ".join(d.key for d in asked_by.dimensions)
                raise NotAskedError(
                    f"this guide doesn't ask '{key}' (it asks: {asked}). Hint: add '{key}' to "
                    f"`situations: asks:` in the page's front matter, or leave the condition out.")
        return condition

    def condition(self, **values_by_dimension):
        """Turn macro arguments such as mfa="app, sms" into a checked condition."""
        if not values_by_dimension:
            raise SituationError("a situation block needs at least one dimension, e.g. mfa=\"app\".")
        condition = {}
        for key, values in values_by_dimension.items():
            dimension = self.dimension(key)
            names = values if isinstance(values, (list, tuple)) else str(values).split(",")
            condition[key] = tuple(dimension.value(name.strip()).key for name in names)
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
        narrowed = {}
        for key, values in condition.items():
            here = [value.key for value in self.dimension(key).values]
            kept = tuple(value for value in values if value in here)
            if not kept:
                return None
            if len(kept) < len(here):
                narrowed[key] = kept
        return narrowed

    def check_choice(self, choice, where):
        missing = [d.key for d in self.dimensions if d.key not in choice]
        if missing:
            raise SituationError(f"{where} has no value for {', '.join(missing)}.")
        for key, value in choice.items():
            self.dimension(key).value(value)
        rule = self.rule_against(choice)
        if rule:
            raise SituationError(f"{where} is impossible: {rule.because}")

    def rule_against(self, choice):
        return next((rule for rule in self.impossible if rule.applies_to(choice)), None)

    def all_choices(self):
        keys = [d.key for d in self.dimensions]
        for values in itertools.product(*[[v.key for v in d.values] for d in self.dimensions]):
            yield dict(zip(keys, values))

    def possible_choices(self):
        return [choice for choice in self.all_choices() if self.rule_against(choice) is None]

    def nearest_possible(self, choice):
        """The choice with every impossible combination resolved as the registry says."""
        choice = dict(choice)
        while (rule := self.rule_against(choice)) is not None:
            choice.update(rule.instead)
        return choice

    def label(self, condition):
        """Words for a conditional section: "Only if you use text message or call"."""
        if len(condition) == 1:
            (key, values), = condition.items()
            if len(values) == 1:
                return self.dimension(key).value(values[0]).only
        parts = [say("or", self.language).join(self.dimension(key).value(v).phrase
                                               for v in values)
                 for key, values in condition.items()]
        return say("only_for", self.language, values=" · ".join(parts))

    def summary(self, choice):
        """"Authenticator app · transfer from iCloud · old iPhone"."""
        return " · ".join(d.value(choice[d.key]).phrase for d in self.dimensions)

    def as_json(self):
        """What the browser needs: keys, values, words and rules."""
        return {
            "dimensions": [
                {"key": d.key, "values": {v.key: v.phrase for v in d.values}}
                for d in self.dimensions],
            "impossible": [rule.__dict__ for rule in self.impossible],
            "default": self.default,
        }


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
