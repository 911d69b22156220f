"""The site's own words per language: macros/messages.yml, and the texts of the registry.

A *text* in the data files is either one string (the same in every language: a name, or a
writer's own dimension in one language) or a mapping with one entry per language
(`{en: ..., de: ...}`); `in_language` picks one, and names what is missing. A message that
depends on a number has `one:`/`other:` forms per language.
"""

from functools import lru_cache
from pathlib import Path

import yaml

from macros.languages import LANGUAGES, SOURCE_LANGUAGE

MESSAGES_FILE = Path(__file__).parent / "messages.yml"


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
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return {name: in_language(text, language, f"{Path(path).name}: {group}.{name}")
            for name, text in data[group].items()}


def messages(group, language, path=MESSAGES_FILE):
    """{id: text} of one group of messages.yml ("browser" or "pages") in `language` (shared:
    don't change it). Read again when the file changes (`make serve` keeps this process)."""
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
    return template(name, language, count, group).format(**fields)
