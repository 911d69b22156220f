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

Then Markdown: a page whose Markdown *after* the macros ran is the same as in an earlier build,
in a site with the same files (names, URLs, which are in the navigation), the same Markdown
extensions and settings, the same link checks and the same code in macros/, gets the HTML,
table of contents, title and anchors that build made (`.cache/pages/`). Only results of renders
that logged no warning are kept, so a page with a broken link is rendered, and reported, every
time. Links to other pages' anchors are still checked on every build from the kept links.
"""

import hashlib
import json
import logging
import marshal
import os
import pickle
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import jinja2
from jinja2 import FileSystemBytecodeCache
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

# Bump when the cache's format or key changes.
CACHE_FORMAT = "2"
MACROS = Path(__file__).resolve().parent
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
        write_whole(path, marshal.dumps(code))
        return code


def write_whole(path, data):
    """Written under a temporary name, then renamed: parallel builds never read half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as temporary:
        temporary.write(data)
    os.replace(temporary.name, path)


class WarningCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


class PageRenderCache:
    """Markdown to HTML once per (Markdown after macros, site files, settings); see the docstring."""

    def __init__(self, config, files, folder):
        self.folder = folder
        self.files = files
        site = sorted((file.src_uri, file.dest_uri, file.url, file.inclusion.name)
                      for file in files)
        extensions = [name if isinstance(name, str) else type(name).__qualname__
                      for name in config.markdown_extensions]
        code = sorted((str(path.relative_to(MACROS)), path.read_bytes())
                      for path in MACROS.rglob("*") if path.suffix in (".py", ".yml"))
        versions = [metadata.version(name) for name in
                    ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")]
        self.context = hashlib.sha256(repr([
            CACHE_FORMAT, sys.version, versions, site, extensions,
            json.dumps(config.mdx_configs, sort_keys=True, default=repr),
            repr(config.validation), config.use_directory_urls, code]).encode()).digest()

    def render(self, page, config, files):
        key = hashlib.sha256(self.context + page.file.src_uri.encode() + b"\0"
                             + page.markdown.encode()).hexdigest()
        path = self.folder / key[:2] / key
        try:
            kept = pickle.loads(path.read_bytes())
            os.utime(path)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError):
            kept = None
        if kept is not None:
            page.content, page.toc, page._title_from_render = kept["html"], kept["toc"], kept["title"]
            page.present_anchor_ids = set(kept["anchors"])
            if kept["links"] is not None:
                page.links_to_anchors = {files.get_file_from_path(uri): links
                                         for uri, links in kept["links"].items()}
            return
        counter = WarningCounter()
        logging.getLogger("mkdocs").addHandler(counter)
        try:
            Page.render(page, config, files)
        finally:
            logging.getLogger("mkdocs").removeHandler(counter)
        if counter.count:
            return  # rendered again, and warned about again, next time
        links = page.links_to_anchors
        write_whole(path, pickle.dumps({
            "html": page.content, "toc": page.toc, "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links": None if links is None else {f.src_uri: v for f, v in links.items()}}))


# The build in progress (the module is loaded afresh for every build).
this_build = {}


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


# Once the site's files and their places in the navigation are settled.
def on_nav(nav, config, files):
    this_build["pages"] = PageRenderCache(config, files, cache_root(config) / "pages")
    return nav


def on_pre_page(page, config, files):
    pages = this_build.get("pages")
    if pages is not None:
        page.render = lambda config, files: pages.render(page, config, files)
    return page


def on_env(env, config, files):
    env.bytecode_cache = FileSystemBytecodeCache(str(mkdir(cache_root(config) / "jinja-theme")))
    return env


def on_post_build(config):
    for folder in ("jinja", "pages"):
        prune(cache_root(config) / folder)


def mkdir(folder):
    folder.mkdir(parents=True, exist_ok=True)
    return folder
