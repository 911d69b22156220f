"""The front matter every page starts with: its schema check and its review date.

The schema is macros/front_matter.schema.yml (JSON Schema, checked with jsonschema).
Used by page_checks.py at build time and by freshness.py (`make freshness`).
"""

import calendar
import datetime
import difflib
import functools
import re
from pathlib import Path

from jsonschema import Draft202012Validator

from macros import yaml_places
from macros.languages import LANGUAGES
from macros.yaml_places import front_matter_line, key_path

SCHEMA_FILE = Path(__file__).parent.parent / "front_matter.schema.yml"
# What a page that says nothing about review age gets: mkdocs.yml `extra: review_after_months`.
DEFAULT_REVIEW_AFTER_MONTHS = 12
# YAML turns an unquoted 2025-01-31 into a date; these look like one but may not be one.
DATE_LIKE = re.compile(r"^([\w-]+)\s*:\s*['\"]?(\d{4}-\d{1,2}-\d{1,2})['\"]?\s*(#.*)?$")


@functools.cache
def schema():
    loaded = yaml_places.load(SCHEMA_FILE.read_text(encoding="utf-8"))
    # A text per language has the site's languages, as macros/languages.py lists them.
    loaded["$defs"]["text"]["anyOf"][1]["propertyNames"]["enum"] = list(LANGUAGES)
    return loaded


@functools.cache
def validator():
    return Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def as_written(meta):
    """The front matter as JSON Schema sees it: YAML dates back to the text that was typed."""
    return {key: value.isoformat() if isinstance(value, datetime.date) else value
            for key, value in meta.items()}


def field_line(source, field):
    """Line number (in the file) of `field:` inside the front matter block, else 1."""
    lines = source.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return 1
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            break
        if re.match(rf"{re.escape(field)}\s*:", line):
            return number
    return 1


def impossible_date_line(front_matter_lines):
    """The line (in the file) of a date such as 2025-02-30 that YAML refuses, else None."""
    for number, line in enumerate(front_matter_lines, start=2):
        match = DATE_LIKE.match(line)
        if match:
            try:
                datetime.date(*map(int, match.group(2).split("-")))
            except ValueError:
                return number
    return None


def problems(meta, src_path, source, today=None):
    """Every way the page's front matter breaks the schema, one line each, best first."""
    properties = schema()["properties"]
    found = [f"{src_path}:1: front matter has no '{field}' field. "
             f"Hint: {properties[field]['description']}"
             for field in schema()["required"] if field not in meta]
    found += [unknown_field(field, src_path, source) for field in meta if field not in properties]
    for error in sorted(validator().iter_errors(as_written(meta)), key=lambda e: list(e.path)):
        if error.path:  # a known field with a wrong value (missing and unknown ones are above)
            path = list(error.absolute_path)
            what = error.message
            if error.validator == "additionalProperties":  # name the unexpected key itself
                extra = next(key for key in error.instance if key not in
                             error.schema.get("properties", {}))
                known = list(error.schema.get("properties", {}))
                close = difflib.get_close_matches(extra, known, n=1)
                path.append(extra)
                what = (f"unknown key.{f' Did you mean {close[0]!r}?' if close else ''} "
                        f"Expected one of: {', '.join(known)}")
            elif error.validator == "anyOf":
                what = (f"{error.instance!r} is neither plain text nor one text per language "
                        f"({', '.join(LANGUAGES)}, English required; put a text that holds a "
                        "comma or a colon in quotes)")
            found.append(f"{src_path}:{front_matter_line(source, path)}: front matter field "
                         f"'{key_path(path)}': {what}. Hint: {description_at(path)}")
    reviewed = meta.get("last_reviewed")
    today = today or datetime.date.today()
    if type(reviewed) is datetime.date and reviewed > today:  # a datetime fails above
        found.append(f"{src_path}:{field_line(source, 'last_reviewed')}: front matter field "
                     f"'last_reviewed': {reviewed} is in the future. "
                     f"Hint: {properties['last_reviewed']['description']}")
    return found


def description_at(path):
    """The description of the deepest schema part on the way to `path` (a field's own hint,
    not its enclosing field's)."""
    node, found = schema(), ""
    for key in path:
        node = schema()["$defs"][node["$ref"].rsplit("/", 1)[1]] | node if "$ref" in node else node
        if isinstance(key, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(key) or {}
        found = node.get("description", found)
    return found


def unknown_field(field, src_path, source):
    known = list(schema()["properties"])
    close = difflib.get_close_matches(field, known, n=1)
    guess = f" Did you mean '{close[0]}'?" if close else ""
    return (f"{src_path}:{field_line(source, field)}: front matter field '{field}' is not one "
            f"this site knows.{guess} Hint: the fields are {', '.join(known)} "
            f"(see {SCHEMA_FILE.name}).")


def reviewed_on(meta):
    """The page's last_reviewed as a date, or None when it has none (or none that parses)."""
    value = meta.get("last_reviewed")
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def months_after(day, months):
    """The same day `months` later (the 31st becomes the month's last day when needed)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return day.replace(year=year, month=month + 1,
                       day=min(day.day, calendar.monthrange(year, month + 1)[1]))


def review_overdue(meta, review_after_months, today=None):
    """True when the page was last reviewed more than `review_after_months` months ago."""
    reviewed = reviewed_on(meta)
    today = today or datetime.date.today()
    return reviewed is not None and months_after(reviewed, review_after_months) < today


def fields_table():
    """The writing guide's table of front matter fields, from the schema."""
    required = schema()["required"]
    rows = ["| Field | Required | What goes in it |", "| --- | --- | --- |"]
    rows += [f"| `{field}` | {'yes' if field in required else 'no'} | {spec['description']} |"
             for field, spec in schema()["properties"].items()]
    return "\n".join(rows)
