"""MkDocs hook: Jinja compiles each page once, not on every build (README "Performance").

mkdocs-macros renders every page as a Jinja template: `Environment.from_string(markdown)`
compiles it (parse, generate Python, `compile()`: about 6 ms for a guide page, most of the macro
cost) and then runs it. Compiling depends only on the page's text and on the environment's
syntax settings, never on what the page's macros return, so the compiled code is kept in
`.cache/jinja/` under a key made of exactly those, and the page is still *rendered* on every
build with the current organization profile, situations registry and includes. A changed page,
Jinja or Python version, delimiter, extension or set of filters and tests gets a new key.

Pages without any Jinja syntax (no `{{`, `{%` or `{#`) are not templates at all: they skip Jinja.

The theme's templates (Material's and overrides/) and files pulled in with `{% include %}` use
Jinja's own bytecode cache, which checks each file's text.
"""

import hashlib
import marshal
import os
import sys
import tempfile
import time
from pathlib import Path

import jinja2
from jinja2 import FileSystemBytecodeCache
from mkdocs.plugins import event_priority

# Bump when the cache's format or key changes.
CACHE_FORMAT = "1"
# Entries that no build has used for this long are deleted after a build.
KEEP_UNUSED_SECONDS = 14 * 24 * 3600


def cache_root(config):
    """`.cache/` beside mkdocs.yml, or HELP_BUILD_CACHE (the benchmark uses a fresh one)."""
    configured = os.environ.get("HELP_BUILD_CACHE")
    if configured:
        return Path(configured)
    return Path(config.config_file_path).resolve().parent / ".cache"


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

    def __init__(self, environment, folder):
        self.environment = environment
        self.folder = folder
        self.compile = environment.compile
        self.settings = self.compile_settings().encode()
        self.starts = (environment.variable_start_string, environment.block_start_string,
                       environment.comment_start_string)

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
        if not any(start in source for start in self.starts) and template_class is None:
            return PlainText(source, self.environment.keep_trailing_newline)
        code = self.compiled(source)
        cls = template_class or self.environment.template_class
        return cls.from_code(self.environment, code,
                             self.environment.make_globals(globals), None)

    def compiled(self, source):
        key = hashlib.sha256(self.settings + b"\0" + source.encode()).hexdigest()
        path = self.folder / key[:2] / key
        try:
            code = marshal.loads(path.read_bytes())
            os.utime(path)  # still in use: see prune()
            return code
        except (OSError, ValueError, EOFError, TypeError):
            pass
        code = self.compile(source)  # a syntax error raises here, as without the cache
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole under a temporary name, then renamed: parallel builds never read half.
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as temporary:
            temporary.write(marshal.dumps(code))
        os.replace(temporary.name, path)
        return code


def prune(folder):
    """Delete compiled pages that no build has used for KEEP_UNUSED_SECONDS."""
    cutoff = time.time() - KEEP_UNUSED_SECONDS
    for path in folder.glob("*/*"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass


# After mkdocs-macros' own on_config (priority 0), which creates its Jinja environment.
@event_priority(-100)
def on_config(config):
    macros = config.plugins.get("macros")
    if macros is None:
        return
    root = cache_root(config)
    cache = PageCompileCache(macros.env, root / "jinja")
    macros.env.from_string = cache.from_string
    macros.env.bytecode_cache = FileSystemBytecodeCache(str(mkdir(root / "jinja-includes")))


def on_env(env, config, files):
    env.bytecode_cache = FileSystemBytecodeCache(str(mkdir(cache_root(config) / "jinja-theme")))
    return env


def on_post_build(config):
    prune(cache_root(config) / "jinja")


def mkdir(folder):
    folder.mkdir(parents=True, exist_ok=True)
    return folder
