"""MkDocs hook: the site's own stylesheets and scripts are minified in the built site.

Material ships its own files minified; ours (overrides/stylesheets/, the theme's own look, and
docs/assets/javascripts/) stay readable in the sources and are minified where MkDocs copied them, after the build, with rcssmin and
rjsmin (pinned in requirements.txt). Vendored files (docs/assets/vendor/) are left as they came.
The names do not change, so nothing that refers to them needs to know.

The theme also gets the filter `inline_asset`: `{{ 'stylesheets/x.css' | inline_asset }}` is that
file of the docs or of the theme (overrides/), minified the same way, to write into a page's <head> instead of a request
(overrides/main.html: a request in <head> holds up the first paint; README "Performance").
"""

from pathlib import Path

import rcssmin
import rjsmin
from jinja2 import pass_context
from markupsafe import Markup
from mkdocs.exceptions import PluginError

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}
OWN_FOLDERS = ("stylesheets/", "assets/javascripts/")
# What would end the <style> or <script> element the text is written into.
CLOSING_TAG = {".css": "</style", ".js": "</script"}
# The files of the build in progress (the module lives for one build).
own_assets = []


def on_files(files, config):
    own_assets[:] = [file.abs_dest_path for file in files
                     if file.abs_src_path and Path(file.src_uri).suffix in MINIFIERS
                     and file.src_uri.startswith(OWN_FOLDERS)
                     and ".min." not in file.src_uri
                     and any(Path(file.abs_src_path).is_relative_to(Path(folder).resolve())
                             for folder in (config.docs_dir, config.theme.custom_dir))]
    return files


def on_env(env, config, files):
    minified = {}

    # pass_context: otherwise Jinja evaluates a filter on a constant while compiling the
    # template, and the build cache keeps compiled templates, so an edited stylesheet would
    # never reach the pages.
    @pass_context
    def inline_asset(context, path):
        if path not in minified:
            file = files.get_file_from_path(path)
            suffix = Path(path).suffix
            if file is None or suffix not in MINIFIERS:
                raise PluginError(f"inline_asset: '{path}' is not a stylesheet or script of the "
                                  f"docs or the theme. Hint: give its path inside docs_dir or "
                                  f"overrides/, e.g. 'stylesheets/accessibility.css'.")
            text = MINIFIERS[suffix](Path(file.abs_src_path).read_text(encoding="utf-8"))
            if CLOSING_TAG[suffix] in text.lower():
                raise PluginError(f"inline_asset: '{path}' contains {CLOSING_TAG[suffix]}, which "
                                  "would end the element it is written into. Hint: load it "
                                  "with a <link> or <script src> instead.")
            minified[path] = Markup(text)
        return minified[path]

    env.filters["inline_asset"] = inline_asset
    return env


def on_post_build(config):
    for built in map(Path, own_assets):
        if built.is_file():
            text = built.read_text(encoding="utf-8")
            minified = MINIFIERS[built.suffix](text)
            if minified != text:
                built.write_text(minified, encoding="utf-8")
