"""The site's own words per language: macros/messages.yml, and the texts of the registry.

A *text* in the data files is either one string (the same in every language: a name, or a
writer's own dimension in one language) or a mapping with one entry per language
(`{en: ..., de: ...}`); `in_language` picks one, and names what is missing. A message that
depends on a number has `one:`/`other:` forms per language.
"""

import os
import string
from functools import lru_cache
from pathlib import Path

from macros.data_files import DataFileError, key_lines, load_yaml, shown
from macros.languages import LANGUAGES, SOURCE_LANGUAGE

MESSAGES_FILE = Path(__file__).parent / "messages.yml"


def messages_file():
    """The file the build reads its texts from: MESSAGES_FILE, or the scenario site's file that
    HELP_MESSAGES_FILE names (tests/test_build_errors.py); looked up at each use, not import."""
    return Path(os.environ.get("HELP_MESSAGES_FILE") or MESSAGES_FILE)


class TextError(ValueError):
    """A text that lacks the language asked for, or names one the site doesn't have."""


def in_language(text, language, where):
    """`text` (a string, or {language: string}) in `language`; `where` names it in errors."""
    if not isinstance(text, dict):
        return text
    unknown = sorted(set(text) - set(LANGUAGES))
    if unknown:
        raise TextError(f"{where}: unknown language '{unknown[0]}'. Expected the site's "
                        f"languages: {', '.join(LANGUAGES)}. Hint: write the text once per "
                        "language, e.g. `en: ...` and `de: ...`.")
    if language not in text:
        raise TextError(f"{where} has no '{language}' text. Hint: write it beside the English "
                        f"one, as `{language}: ...` (the languages: {', '.join(LANGUAGES)}).")
    return text[language]


@lru_cache(maxsize=None)
def _group(path, modified, group, language):
    data = load_yaml(path)
    return {name: in_language(text, language, f"{Path(path).name}: {group}.{name}")
            for name, text in data[group].items()}


def messages(group, language, path=None):
    """{id: text} of one group of messages.yml ("browser" or "pages") in `language` (shared:
    don't change it). Read again when the file changes (`make serve` keeps this process)."""
    path = path or messages_file()
    return _group(str(path), Path(path).stat().st_mtime_ns, group, language)


def template(name, language=SOURCE_LANGUAGE, count=None, group="pages"):
    """One message with its {names} left in; `count` picks the one/other form."""
    text = messages(group, language)[name]
    if isinstance(text, dict):
        text = text["one" if count == 1 else "other"]
    return text


def say(name, language=SOURCE_LANGUAGE, count=None, group="pages", **fields):
    """One message, its {names} filled in; `count` picks the one/other form (and fills {count})."""
    if count is not None:
        fields.setdefault("count", count)
    text = template(name, language, count, group)
    try:
        return text.format(**fields)
    except (KeyError, IndexError, ValueError) as error:
        path = messages_file()
        line = key_lines(path).get((group, name, language), 1)
        raise DataFileError(
            f"{shown(path)}:{line}: {group}.{name} ({language}): {error!r} is not a field "
            f"this text is given (it gets: {', '.join(sorted(fields)) or 'none'}). Hint: write "
            "each {name} exactly as the English text has it; to show a brace, write it twice.")


def field_names(text):
    """The {names} a text fills in."""
    texts = text.values() if isinstance(text, dict) else [text]
    return {field for one in texts for _, field, _, _ in string.Formatter().parse(one) if field}


def check_file(path=None):
    """Every message has every language, each with the {names} of the English text; else
    DataFileError at the line of the text that differs."""
    path = path or messages_file()
    data = load_yaml(path)
    lines = key_lines(path)
    for group, texts in data.items():
        for name, text in texts.items():
            if not isinstance(text, dict):
                continue  # the same words in every language
            for language in LANGUAGES:
                where = lines.get((group, name, language), lines.get((group, name), 1))
                if language not in text:
                    raise DataFileError(
                        f"{shown(path)}:{where}: {group}.{name} has no '{language}' text. Hint: "
                        f"write it beside the English one, as `{language}: ...`.")
                expected = field_names(text[SOURCE_LANGUAGE])
                found = field_names(text[language])
                if found != expected:
                    names = ", ".join("{" + f + "}" for f in sorted(found ^ expected))
                    raise DataFileError(
                        f"{shown(path)}:{where}: {group}.{name}: the '{language}' text's fields "
                        f"differ from the English text's ({names}). Hint: keep every {{name}} as "
                        "the English text has it; translate only the words around it.")
