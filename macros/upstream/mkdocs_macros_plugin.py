"""What the build relies on in mkdocs-macros-plugin 1.5.0 beyond `define_env`.

- its Jinja environment (`plugin.env`): `from_string`, through which it compiles every page, is
  replaced by the build cache's, and its `bytecode_cache` set for included files;
- `mkdocs_macros.errors.format_error`, the `functools.singledispatch` function it calls with a
  page's template error: our formatter is registered there (macros/writer_checks/template_errors.py);
- its on_config creates that environment and imports the `macros` module (priority 0);
- its `render(markdown, force_rendering)`, which its on_page_markdown calls for each page (with
  `page` the page being rendered): wrapped, so that the build cache can give a page not yet
  translated the render of the source language's build (macros/build_cache/fallback_pages.py).
"""

from jinja2 import TemplateSyntaxError
from mkdocs_macros.errors import format_error
from mkdocs_macros.plugin import MacrosPlugin

PLUGIN = "macros"


def plugin(config):
    """The macros plugin object, or None."""
    return config.plugins.get(PLUGIN)


def compile_pages_with(macros, from_string, bytecode_cache):
    """Pages compile through `from_string`; files they include use `bytecode_cache`."""
    macros.env.from_string = from_string
    macros.env.bytecode_cache = bytecode_cache


def on_template_error(handler):
    """Call `handler(error, markdown, page)` for every template error in a page, instead of the
    plugin's own report (a Markdown block with a traceback, then `exit(100)`)."""
    format_error.register(Exception, handler)
    format_error.register(TemplateSyntaxError, handler)


def render_pages_through(macros, render):
    """Its page render becomes `render(own_render, markdown, page)`, `own_render(markdown)`
    being its own (with the `force_rendering` it was called with)."""
    own = MacrosPlugin.render.__get__(macros)
    macros.render = lambda markdown, force_rendering=False: render(
        lambda text: own(text, force_rendering), markdown, macros.page)
