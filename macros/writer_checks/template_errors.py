"""Jinja mistakes in a page, reported as `file:line: what went wrong. Hint: how to fix it.`

mkdocs-macros-plugin 1.5 reports a template error as a Markdown block with a Python traceback,
counts lines from the end of the front matter (so they are off by its length), then calls
`exit(100)` (which also silently ends `mkdocs serve`'s rebuild thread). Its one extension point
is `mkdocs_macros.errors.format_error`, a `functools.singledispatch` function that the plugin
calls with the exception, the page's Markdown and the page, inside its `except` block.
`install()` registers our formatter there for every exception (macros/upstream/
mkdocs_macros_plugin.py); instead of returning text it raises MkDocs' `PluginError`, so MkDocs
stops the build the usual way ("Aborted with a BuildError!", exit code 1) and `mkdocs serve` keeps
running and shows the message. If a later mkdocs-macros-plugin changes `format_error`,
tests/test_build_errors.py fails.
"""

import difflib
import os
import re
import sys
import traceback

from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import YAML_RE

from macros import languages
from macros.data_files import DataFileError
from macros.situations import SituationError
from macros.translations.structure import translate_include_hint
from macros.upstream import mkdocs_macros_plugin

RAW_HINT = ("Hint: this line is in a code sample; to show {{ or {% as written, put a line "
            "{% raw %} before the code sample and {% endraw %} after it.")
JINJA_HINT = ("Hint: pages go through Jinja, where {{ … }}, {% … %} and {# … #} are "
              "instructions; to show them as written, wrap them in {% raw %} … {% endraw %}.")
UNDEFINED_HINT = ("Hint: check the spelling; the names pages can use come from macros/ and from "
                  "`extra:` in mkdocs.yml. To show {{ … }} as written, wrap it in "
                  "{% raw %} … {% endraw %}.")
SITUATION_HINT = ("Hint: the dimensions and their values are listed in macros/situations.yml; "
                  "see 'Conditional sections' in the writing guide.")
INCLUDE_HINT = ("Hint: shared steps live in docs/includes/; write the path from docs/, e.g. "
                '{% include "includes/backup-accounts.md" %}.')
CYCLE_HINT = ("Hint: an included file must not include, directly or through other files, a "
              "file that includes it; move the part both need into a file of its own.")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
INLINE_JINJA = re.compile(r"`[^`]*(\{\{|\{%|\{#)[^`]*`")


def install(plugin):
    """Make mkdocs-macros stop the build with our one-line message (see the module docstring)."""

    def stop_the_build(error, markdown, page):
        known = [*plugin.variables, *plugin.macros, *plugin.filters]
        raise PluginError(explain(error, markdown, page, known)) from error

    mkdocs_macros_plugin.on_template_error(stop_the_build)


def explain(error, markdown, page, known_names=()):
    """The whole message: where (file:line), what, and a hint."""
    if isinstance(error, DataFileError):
        return str(error)  # a data file's mistake, at its own line (macros/data_files.py)
    if isinstance(error, RecursionError):
        cycle = include_cycle(error, page)
        if cycle:
            return cycle
    if isinstance(error, TemplateNotFound):
        known_names = include_files(page)
    template, line = where_in_template(error)
    if template is None:  # the page itself: Jinja counts from the end of the front matter
        path, code, offset = page.file.src_uri, markdown.splitlines(), lines_before_markdown(page)
    else:  # a file pulled in with {% include %} or the example() macro
        path = shown_path(template, page)
        code, offset = read_lines(template), 0
    line, what = describe(error, code, line, known_names)
    return f"{path}:{line + offset}: {what}" if line else f"{path}: {what}"


def call_site(page):
    """`file:line` of the page line (or included file's) whose macro is running now, as writers
    count lines; the page's path alone when no template is running."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            line = template.get_corresponding_lineno(frame.f_lineno)
            if template.filename in (None, "<template>"):
                return f"{page.file.src_uri}:{line + lines_before_markdown(page)}"
            return f"{shown_path(template.filename, page)}:{line}"
        frame = frame.f_back
    return page.file.src_uri


def where_in_template(error):
    """(template file or None for the page, line in that template or None)."""
    if isinstance(error, TemplateSyntaxError):
        return error.filename, error.lineno
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if frame.filename == "<template>" or is_template_file(frame.filename)]
    if not frames:
        return None, None
    frame = frames[-1]  # the innermost template line: where the macro was called
    return (None if frame.filename == "<template>" else frame.filename), frame.lineno


def shown_path(template, page):
    """A template file's path as writers know it: relative to the docs folder."""
    return os.path.relpath(template, page.file.src_dir) if page.file.src_dir else template


def include_files(page):
    """Every file an {% include %} could name, relative to the docs folder."""
    if not page.file.src_dir:
        return []
    root = page.file.src_dir
    return sorted(os.path.relpath(os.path.join(folder, name), root)
                  for folder, _, names in os.walk(root) for name in names if name.endswith(".md"))


def include_cycle(error, page):
    """`file:line: include cycle: a → b → a. Hint: ...` when {% include %}s went round in a
    circle (Jinja itself only runs out of stack), else None."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if is_template_file(frame.filename)]
    seen = []
    for frame in frames:
        if frame.filename in seen:
            chain = seen[seen.index(frame.filename):] + [frame.filename]
            closing = frames[len(seen) - 1]  # the include that leads back
            names = " → ".join(shown_path(name, page) for name in chain)
            return (f"{shown_path(closing.filename, page)}:{closing.lineno}: include cycle: "
                    f"{names}. {CYCLE_HINT}")
        seen.append(frame.filename)
    return None


def is_template_file(filename):
    """A page-like file Jinja rendered (an {% include %} or a writing example), not Python."""
    return not filename.endswith(".py") and not filename.startswith("<")


def lines_before_markdown(page):
    """How many lines of the file come before the Markdown that Jinja sees."""
    source = page.file.content_string
    block = YAML_RE.match(source)
    if block is None:
        return 0
    rest = source[block.end():]
    return source[:block.end()].count("\n") + len(rest) - len(rest.lstrip("\n"))


def read_lines(path):
    with open(path, encoding="utf-8-sig") as file:
        return file.read().splitlines()


def describe(error, code, line, known_names):
    """(line of the mistake, what went wrong and a hint); the line may differ from Jinja's."""
    in_code_sample = line is not None and is_in_code_sample(code, line)
    if isinstance(error, TemplateSyntaxError):
        message = error.message or str(error)
        if "Missing end of comment tag" in message:
            return line, ("'{#' starts a Jinja comment that never ends. Hint: give a heading "
                          "its id with spaces inside the braces, '## Title { #my-id }'.")
        unclosed = re.search(r"innermost block that needs to be closed is '(\w+)'", message)
        if unclosed:
            return unclosed_block(unclosed.group(1), code, line)
        return line, f"{message}. {RAW_HINT if in_code_sample else JINJA_HINT}"
    if isinstance(error, UndefinedError):
        if in_code_sample:
            return line, f"{error.message}. {RAW_HINT}"
        return line, f"{error.message}.{did_you_mean(error.message, known_names)} {UNDEFINED_HINT}"
    if isinstance(error, TemplateNotFound) and languages.translation_suffix(error.name):
        # A shared step not translated yet: never suggest including the English file.
        source = languages.source_uri(error.name)
        return line, (f"the include file '{error.name}', the "
                      f"'{languages.translation_suffix(error.name)}' translation of {source}, does "
                      f"not exist yet. {translate_include_hint(source, error.name)}")
    if isinstance(error, TemplateNotFound):
        close = difflib.get_close_matches(error.name, known_names, n=1)
        guess = f" Did you mean '{close[0]}'?" if close else ""
        return line, f"the include file '{error.name}' does not exist.{guess} {INCLUDE_HINT}"
    if isinstance(error, SituationError):
        return line, str(error) if "Hint:" in str(error) else f"{error} {SITUATION_HINT}"
    return line, (f"{type(error).__name__}: {error}. Hint: check how the macro is called against "
                  "the examples in the writing guide (docs/writing/syntax.md).")


def unclosed_block(tag, code, line):
    """Point at the opening `{% tag %}` left without its `{% endtag %}`."""
    opened = []
    pattern = re.compile(rf"\{{%-?\s*(end)?{tag}\b")
    for number, text in enumerate(code, start=1):
        for match in pattern.finditer(text):
            if match.group(1):
                if opened:
                    opened.pop()
            else:
                opened.append(number)
    what = (f"this {{% {tag} %}} block is never closed. "
            f"Hint: end it with {{% end{tag} %}} after its last line.")
    return (opened[-1] if opened else line), what


def did_you_mean(message, known_names):
    name = re.match(r"'(\w+)' is undefined", message or "")
    close = difflib.get_close_matches(name.group(1), known_names, n=1) if name else []
    return f" Did you mean '{close[0]}'?" if close else ""


def is_in_code_sample(code, line):
    """True when 1-based `line` is in a fenced code block (fences included) or inline `code`."""
    fence = None
    for text in code[:line - 1]:
        opener = FENCE.match(text)
        if fence is None and opener:
            fence = opener.group(1)
        elif fence is not None and is_closing_fence(text.strip(), fence):
            fence = None
    current = code[line - 1] if 0 < line <= len(code) else ""
    return fence is not None or bool(FENCE.match(current) or INLINE_JINJA.search(current))


def is_closing_fence(text, fence):
    """Only the opening fence's character, at least as many times: ``` closes ```."""
    return len(text) >= len(fence) and set(text) == {fence[0]}
