"""The project's YAML data files (macros/situations.yml, macros/messages.yml, …), read so that a
mistake in one is reported at its own file and line, with a hint: never at the page whose macro
happened to read it first, never as a traceback.
"""

from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from macros import yaml_places

PROJECT = Path(__file__).resolve().parent.parent
NOT_UTF8_HINT = ("Hint: save the file as UTF-8 (in VS Code: click the encoding in the status "
                 "bar, 'Save with Encoding', 'UTF-8'); it was probably saved as Windows-1252.")
YAML_HINT = ("Hint: indent with spaces, quote texts that contain ': ', '#', '{' or '[', and "
             "close every quote and bracket.")


class DataFileError(PluginError):
    """A mistake in a data file; the message starts with `file:line:` and ends with a hint.
    A PluginError, so that MkDocs stops the build with the message wherever it is found."""


def shown(path):
    """The file's name as writers know it: from the top of the project when it is inside."""
    path = Path(path).resolve()
    try:
        return path.relative_to(PROJECT).as_posix()
    except ValueError:
        return str(path)


def not_utf8(raw, name):
    """`name:line: this file is not UTF-8 text (…). Hint: …` where `raw` stops being UTF-8
    text, else None."""
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return (f"{name}:{line}: this file is not UTF-8 text (byte 0x{raw[error.start]:02x} "
                f"at column {column}). {NOT_UTF8_HINT}")
    return None


def read_text(path):
    """The file's text; DataFileError at the first byte that is not UTF-8."""
    raw = Path(path).read_bytes()
    problem = not_utf8(raw, shown(path))
    if problem:
        raise DataFileError(problem)
    return raw.decode("utf-8-sig")


def load_yaml(path):
    """The file's data; DataFileError at the line of a byte or a YAML mistake."""
    text = read_text(path)
    try:
        return yaml_places.load(text)
    except yaml.YAMLError as error:
        # The construct left open (an unclosed quote or bracket), else the problem itself.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise DataFileError(f"{shown(path)}:{line}: not valid YAML ({problem}). {YAML_HINT}")


def key_lines(path):
    """{(key, key, …): line} of every mapping key in the file, to point a mistake found in the
    data (a {field} a message must not have) at its line."""
    lines = {}

    def walk(node, keys):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                lines[(*keys, key.value)] = key.start_mark.line + 1
                walk(value, (*keys, key.value))

    walk(yaml_places.compose(read_text(path)), ())
    return lines
