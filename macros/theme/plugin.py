"""`help-theme`: what the theme templates (overrides/main.html) call, in the build's language.

Material's interface follows `theme.language`, which the languages plugin sets for each
language's build; our texts around the page (when it was last reviewed, where progress is kept)
follow the same language, from macros/messages.yml. Templates call:

- `site_text("progress_privacy")`: a message of messages.yml's `pages` group (HTML: its words
  escaped; `site_text("last_reviewed", date=...)` fills in a field, escaped unless Markup);
- `reviewed_on(date)`: `<time>` with the date as the language writes it ("27 November 2026",
  "27. November 2026");
- `'assets/situations/situations.css' | inline_asset`: that file of the theme (overrides/) or of
  the docs, minified, to write into a page's <head> instead of a request (a request in <head>
  holds up the first paint; README "Performance").

It also applies the two fixes to Material's base.html (macros/upstream/material_theme.py).
"""

from pathlib import Path

from babel.dates import format_date
from jinja2 import pass_context
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from macros import languages
from macros.finished_html import minify
from macros.messages import say, template
from macros.theme.config import ThemeConfig
from macros.upstream import material_theme

# What would end the <style> or <script> element the text is written into.
CLOSING_TAG = {".css": "</style", ".js": "</script"}


class ThemePlugin(BasePlugin[ThemeConfig]):
    def on_env(self, env, config, files):
        material_theme.patch_templates(env)
        language = languages.build_language(config)
        env.globals["site_text"] = lambda name, **fields: Markup(
            escape(template(name, language))).format(**fields)
        env.globals["reviewed_on"] = lambda date: Markup('<time datetime="{}">{}</time>').format(
            date.isoformat(), format_date(date, "long", locale=say("date_locale", language)))
        env.filters["inline_asset"] = inline_asset_filter(files)
        return env


def inline_asset_filter(files):
    """The `inline_asset` filter of one build: each file read and minified once."""
    minified = {}

    # pass_context: otherwise Jinja evaluates a filter on a constant while compiling the
    # template, and the build cache keeps compiled templates, so an edited stylesheet would
    # never reach the pages.
    @pass_context
    def inline_asset(context, path):
        if path not in minified:
            file = files.get_file_from_path(path)
            suffix = Path(path).suffix
            if file is None or suffix not in minify.MINIFIED:
                raise PluginError(f"inline_asset: '{path}' is not a stylesheet or script of the "
                                  f"docs or the theme. Hint: give its path inside docs_dir or "
                                  f"overrides/, e.g. 'assets/accessibility/accessibility.css'.")
            text = minify.minified(path, Path(file.abs_src_path).read_text(encoding="utf-8"))
            if CLOSING_TAG[suffix] in text.lower():
                raise PluginError(f"inline_asset: '{path}' contains {CLOSING_TAG[suffix]}, which "
                                  "would end the element it is written into. Hint: load it "
                                  "with a <link> or <script src> instead.")
            minified[path] = Markup(text)
        return minified[path]

    return inline_asset
