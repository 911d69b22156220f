"""The situations registry (situations.yml): dimensions, values and impossible combinations.

A *choice* is a dict with one value key per dimension, e.g. {"mfa": "sms", "transfer": "icloud",
"from": "iphone"}. A *condition* (what a conditional section applies to) maps some dimensions to
one or more value keys, e.g. {"mfa": ("app", "sms")}.
"""

import difflib
import itertools
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

REGISTRY_FILE = Path(__file__).with_name("situations.yml")


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


@dataclass(frozen=True)
class Registry:
    dimensions: tuple
    impossible: tuple
    default: dict

    @classmethod
    def load(cls, path=REGISTRY_FILE):
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        dimensions = tuple(
            Dimension(d["key"], d["legend"], tuple(Value(**v) for v in d["values"]))
            for d in data["dimensions"])
        impossible = tuple(ImpossibleRule(**rule) for rule in data["impossible"])
        registry = cls(dimensions, impossible, dict(data["default"]))
        registry.check_choice(registry.default, "the registry's default")
        return registry

    def dimension(self, key):
        for dimension in self.dimensions:
            if dimension.key == key:
                return dimension
        raise SituationError(unknown("dimension", key, "this guide", [d.key for d in self.dimensions]))

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
        registry = Registry(dimensions, impossible, dict(default or self.default))
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
        parts = [" or ".join(self.dimension(key).value(v).phrase for v in values)
                 for key, values in condition.items()]
        return "Only for: " + " · ".join(parts)

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
