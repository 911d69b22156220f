"""Organization profiles (profiles/*.yml): who the guide speaks for.

A profile names the organization, its support contacts (the fields of Company Portal's support
information), where it publishes the guide, which situations it supports, and its logo and colour.
`load()` checks a profile against profiles/schema.yml with `jsonschema`, then against the
situations registry, and returns an OrgProfile; anything wrong raises ProfileError naming the
file, the line, the key, what was expected and a hint.

The support texts readers see (contact name, website name, hours, additional information) may be
given per language, `hours: {en: ..., de: ...}`; a language left out shows the English text
(`OrgProfile.support_in`). Which fields may be: `x-per-language: true` in profiles/schema.yml.
"""

import difflib
import itertools
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

from macros import yaml_places
from macros.languages import LANGUAGES, SOURCE_LANGUAGE
from macros.yaml_places import key_path, line_of

PROJECT = Path(__file__).resolve().parent.parent.parent
SCHEMA_FILE = PROJECT / "profiles" / "schema.yml"
EXAMPLE = "profiles/contoso.yml"
# Microsoft's link to the Company Portal website, for profiles that do not name their own.
COMPANY_PORTAL_WEBSITE = "https://go.microsoft.com/fwlink/?linkid=2010980"
# The dimensions an organization may narrow down; the others always offer every value.
RESTRICTABLE = ("mfa", "transfer")
YAML_KINDS = {int: "a number", float: "a number", bool: "true/false", list: "a list",
              dict: "a group of keys"}
SUPPORT_FIELDS = ("contact_name", "phone", "email", "website_url", "website_name",
                  "additional_information", "hours")
# The schema's mark on a text that may be given per language.
PER_LANGUAGE = "x-per-language"


class ProfileError(ValueError):
    """A profile that cannot be built; the message names file, line and key, with a hint."""


@dataclass(frozen=True)
class Support:
    """Company Portal's support information; a field left empty is ""."""
    contact_name: str = ""
    phone: str = ""
    email: str = ""
    website_url: str = ""
    website_name: str = ""
    additional_information: str = ""
    hours: str = ""

    def is_empty(self):
        return not any(getattr(self, field) for field in SUPPORT_FIELDS)


@dataclass(frozen=True)
class OrgProfile:
    path: Path
    name: str
    site_url: str
    company_portal_url: str
    support_by_language: dict  # {language: Support}, every language of the site
    allowed: dict   # dimension key -> tuple of the value keys this organization uses
    default: dict   # the situation the guide shows before anyone chooses
    logo: Path | None
    primary_color: str | None

    @property
    def support(self):
        """The support contacts in the source language (English)."""
        return self.support_in(SOURCE_LANGUAGE)

    def support_in(self, language):
        """The support contacts as readers of `language` see them."""
        return self.support_by_language[language]


def load(path, registry):
    """Read, check and return the profile at `path` (raises ProfileError)."""
    path = Path(path)
    text = read_text(path)
    try:
        tree = yaml_places.compose(text)
        data = yaml_places.load(text)
    except yaml.YAMLError as error:
        # Point at the construct left open (an unclosed bracket), else at the problem itself.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ProfileError(f"{path}:{line}: not valid YAML ({getattr(error, 'problem', error)}). "
                           "Hint: quote values that contain ': ' or start with '{', '[' or '*'.")
    if not isinstance(data, dict):
        raise ProfileError(f"{path}:1: a profile is 'key: value' lines, not "
                           f"{type(data).__name__}. Hint: start from {EXAMPLE}.")
    problems = sorted(describe(error, tree) for error in schema_errors(data, registry))
    if problems:
        raise ProfileError("\n".join(f"{path}:{line}: {text}" for line, text in problems))
    profile = to_profile(path, data, registry)
    check_situations(profile, registry, tree)
    check_impossible_ones_resolve(profile, registry, tree)
    check_logo(profile, tree)
    return profile


def read_text(path):
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise ProfileError(f"{path}: cannot read the organization profile ({error.strerror}). "
                           f"Hint: give ORG a profile file such as {EXAMPLE}.") from None


def profile_schema(registry):
    """profiles/schema.yml with the situation values of the registry filled in."""
    schema = yaml_places.load(SCHEMA_FILE.read_text(encoding="utf-8"))
    schema["$defs"] = {
        dimension.key: {
            "description": f"a value of the situation '{dimension.key}' in macros/situations.yml",
            "enum": [value.key for value in dimension.values],
        }
        for dimension in registry.dimensions}
    default = schema["properties"]["situations"]["properties"]["default"]
    default["properties"] = {key: {"$ref": f"#/$defs/{key}"} for key in schema["$defs"]}
    for field in schema["properties"]["support"]["properties"].values():
        if field.get(PER_LANGUAGE):
            per_language(field)
    return schema


def per_language(field):
    """A text field that may also be {language: text}, English required (the fallback)."""
    one = {key: value for key, value in field.items() if key != PER_LANGUAGE}
    field["type"] = [*field["type"], "object"]
    field["additionalProperties"] = False
    field["required"] = [SOURCE_LANGUAGE]
    field["properties"] = {language: one for language in LANGUAGES}


def schema_errors(data, registry):
    return jsonschema.Draft202012Validator(profile_schema(registry)).iter_errors(data)


def describe(error, tree):
    """(line, text) for one schema error: the key, what is wrong, what was expected, a hint."""
    keys = list(error.absolute_path)
    schema = error.schema
    if error.validator == "additionalProperties":
        known = list(schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(known))
        where = keys + [unknown[0]]
        hint = did_you_mean(unknown[0], known)
        if schema.get(PER_LANGUAGE):
            hint = (f"give the text once per language with the site's language codes "
                    f"({', '.join(LANGUAGES)}), or as plain text for every language; {hint}")
        return (line_of(tree, where), f"{key_path(where)}: unknown key. Expected one of: "
                f"{', '.join(known)}. Hint: {hint}")
    if error.validator == "required":
        missing = error.message.split("'")[1]
        expected = schema["properties"][missing].get("description", "a value")
        hint = f"see {EXAMPLE} for every key."
        if schema.get(PER_LANGUAGE):
            hint = (f"a text given per language needs its English one ({SOURCE_LANGUAGE}: ...): "
                    "it is shown in every language left out.")
        return (line_of(tree, keys), f"{key_path(keys + [missing])}: missing. "
                f"Expected {expected}. Hint: {hint}")
    expected = schema.get("description", "")
    if "enum" in schema:
        expected = f"{expected}: one of {', '.join(map(str, schema['enum']))}".lstrip(": ")
        hint = did_you_mean(error.instance, [str(value) for value in schema["enum"]])
    elif error.validator == "type":
        hint = 'write text in double quotes, such as phone: "+1 425 555 0100".'
    else:
        hint = f"see {EXAMPLE} for an example."
    return (line_of(tree, keys), f"{key_path(keys)}: {problem(error)}. "
            f"Expected {expected}. Hint: {hint}")


def problem(error):
    value = error.instance
    return {
        "type": f"{value!r} is {YAML_KINDS.get(type(value), 'not text')}",
        "maxLength": f"{value!r} is {len(str(value))} characters long",
        "minLength": "is empty",
        "minItems": "is an empty list",
        "uniqueItems": f"{value!r} lists a value twice",
        "pattern": f"{value!r} is not in the expected form",
    }.get(error.validator, f"{value!r} is not allowed")


def did_you_mean(name, known):
    close = difflib.get_close_matches(str(name), known, n=1)
    return f"did you mean '{close[0]}'?" if close else "check the spelling."


def to_profile(path, data, registry):
    situations = data.get("situations") or {}
    allowed = {
        dimension.key: tuple(situations.get(dimension.key) or [v.key for v in dimension.values])
        for dimension in registry.dimensions}
    support = data.get("support") or {}
    logo = data.get("logo")
    return OrgProfile(
        path=path,
        name=data["name"],
        site_url=data["site_url"],
        company_portal_url=data.get("company_portal_url") or COMPANY_PORTAL_WEBSITE,
        support_by_language={language: support_in(support, language) for language in LANGUAGES},
        allowed=allowed,
        default={**registry.default, **(situations.get("default") or {})},
        logo=(path.parent / logo) if logo else None,
        primary_color=data.get("primary_color"),
    )


def support_in(support, language):
    """The support fields in `language`: a text given per language in that one, else English."""
    def text(value):
        if isinstance(value, dict):
            value = value.get(language) or value.get(SOURCE_LANGUAGE)
        return value or ""
    return Support(**{key: text(value) for key, value in support.items()})


def check_situations(profile, registry, tree):
    """The default situation must be one the organization supports, and a possible one."""
    for key, value in profile.default.items():
        if value not in profile.allowed[key]:
            where = ["situations", "default", key]
            raise ProfileError(
                f"{profile.path}:{line_of(tree, where)}: {key_path(where)}: {value!r} is not one "
                f"of this organization's '{key}' values. Expected one of "
                f"{', '.join(profile.allowed[key])}. Hint: set situations.default.{key} to one of "
                f"them, or add {value!r} to situations.{key}.")
    rule = registry.rule_against(profile.default)
    if rule:
        where = ["situations", "default"]
        raise ProfileError(
            f"{profile.path}:{line_of(tree, where)}: {key_path(where)}: "
            f"{registry.summary(profile.default)} is impossible: {rule.because} Expected a "
            f"possible situation. Hint: use "
            f"{', '.join(f'{key}: {value}' for key, value in rule.instead.items())}.")


def check_impossible_ones_resolve(profile, registry, tree):
    """A combination of the organization's values that can't happen must resolve, as the
    registry says, to values the organization uses: an old Android phone can't transfer its
    data, so the guide shows it transfer 'none', which the organization must then keep."""
    keys = [dimension.key for dimension in registry.dimensions]
    for values in itertools.product(*(profile.allowed[key] for key in keys)):
        situation = dict(zip(keys, values))
        resolved = registry.nearest_possible(situation)
        missing = [(key, value) for key, value in resolved.items()
                   if value not in profile.allowed[key]]
        if missing:
            key, needed = missing[0]
            where = ["situations", key]
            raise ProfileError(
                f"{profile.path}:{line_of(tree, where)}: {key_path(where)}: "
                f"{registry.summary(situation)} can't happen "
                f"({registry.rule_against(situation).because}) and the guide shows {key} "
                f"{needed!r} instead, which this organization doesn't use. Expected {key} values "
                f"that include {needed!r}. Hint: add {needed!r} to situations.{key}.")


def check_logo(profile, tree):
    if profile.logo is not None and not profile.logo.is_file():
        raise ProfileError(
            f"{profile.path}:{line_of(tree, ['logo'])}: logo: no file {str(profile.logo)!r}. "
            "Expected an SVG or PNG file named relative to the profile. "
            "Hint: put the logo next to the profile and give its file name.")
