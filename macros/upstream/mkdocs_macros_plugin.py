"""What the build relies on in mkdocs-macros-plugin 1.5.0 beyond `define_env`.

- its Jinja environment (`plugin.env`): `from_string`, through which it compiles every page, is
  replaced by the build cache's, and its `bytecode_cache` set for included files;
- `mkdocs_macros.errors.format_error`, the `functools.singledispatch` function it calls with a
  page's template error: our formatter is registered there (macros/writer_checks/template_errors.py);
- its on_config creates that environment and imports the `macros` module (priority 0).
"""

from jinja2 import TemplateSyntaxError
from mkdocs_macros.errors import format_error

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
