"""Jinja compiles each page once, not on every build.

mkdocs-macros renders every page as a Jinja template: `Environment.from_string(markdown)`
compiles it (parse, generate Python, `compile()`: about 6 ms for a guide page, most of the macro
cost) and then runs it. Compiling depends only on the page's text and on the environment's
syntax settings, never on what the page's macros return, so the compiled code is kept in
`.cache/jinja/` under a key made of exactly those, and the page is still *rendered* on every
build with the current organization profile, situations registry and includes. A changed page,
Jinja or Python version, delimiter, extension or set of filters and tests gets a new key.

Pages without any Jinja syntax (no `{{`, `{%` or `{#`) are not templates at all: they skip Jinja.

With the code, each entry keeps what fallback_pages.py needs to know of the template (the
names it reads, its filters, whether it includes others), read when it is first compiled.
"""

import hashlib
import marshal
import os
import sys
import time

import jinja2

from macros.build_cache.entries import entry_path, read_entry, write_entry
from macros.build_cache.fallback_pages import template_facts

# Bump when the cache's format or key changes.
CACHE_FORMAT = "4"


class PlainText:
    """What Jinja would make of a text without any Jinja syntax: the text itself."""

    def __init__(self, text, keep_trailing_newline):
        if not keep_trailing_newline and text.endswith("\n"):
            text = text[:-1]  # as Jinja's lexer does by default
        self.text = text

    def render(self, *args, **kwargs):
        return self.text


class PageCompileCache:
    """Wraps a Jinja environment's `from_string` with a compile cache on disk."""

    def __init__(self, environment, folder, bad_entries):
        self.environment = environment
        self.folder = folder
        self.bad_entries = bad_entries  # entries.BadEntries
        self.compile = environment.compile
        self.settings = self.compile_settings().encode()
        self.starts = (environment.variable_start_string, environment.block_start_string,
                       environment.comment_start_string)
        # {key of a compiled page: its template_facts}, for the pages compiled in this process.
        self.facts = {}

    def compile_settings(self):
        """Everything besides the text that changes what Jinja's compiler produces."""
        env = self.environment
        syntax = [env.block_start_string, env.block_end_string, env.variable_start_string,
                  env.variable_end_string, env.comment_start_string, env.comment_end_string,
                  env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
                  env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
                  env.optimized, env.is_async, repr(env.autoescape), env.finalize is not None,
                  sorted(env.extensions), env.code_generator_class.__qualname__]
        # The compiler checks that filters and tests exist and how they take their arguments.
        callables = [(kind, name, repr(getattr(function, "jinja_pass_arg", None)))
                     for kind, table in (("filter", env.filters), ("test", env.tests))
                     for name, function in sorted(table.items())]
        return repr([CACHE_FORMAT, jinja2.__version__, sys.version, syntax, callables])

    def from_string(self, source, globals=None, template_class=None):
        if self.plain(source) and template_class is None:
            return PlainText(source, self.environment.keep_trailing_newline)
        code = self.compiled(source)
        cls = template_class or self.environment.template_class
        return cls.from_code(self.environment, code,
                             self.environment.make_globals(globals), None)

    def plain(self, source):
        return not any(start in source for start in self.starts)

    def key(self, source):
        return hashlib.sha256(self.settings + b"\0" + source.encode()).hexdigest()

    def facts_of(self, source):
        """The template_facts of a page compiled by this process (none for plain text), or None."""
        return ((), (), False) if self.plain(source) else self.facts.get(self.key(source))

    def compiled(self, source):
        key = self.key(source)
        path = entry_path(self.folder, key)
        kept = read_entry(path, key, self.bad_entries)  # checked (entries.py)
        if kept is not None:
            os.utime(path)  # still in use: see prune()
            code, self.facts[key] = marshal.loads(kept)
            return code
        code = self.compile(source)  # a syntax error raises here, as without the cache
        self.facts[key] = template_facts(self.environment.parse(source))
        write_entry(path, key, marshal.dumps((code, self.facts[key])))
        return code


def prune(folder, keep_unused_seconds):
    """Delete entries that no build has used for `keep_unused_seconds`."""
    cutoff = time.time() - keep_unused_seconds
    for path in folder.glob("*/*"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass
