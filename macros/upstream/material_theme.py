"""What the build relies on in Material for MkDocs 9.8.1 beyond its documented settings.

- Two attributes of its base.html that the Nu HTML checker rejects, edited as Jinja loads the
  template (`PatchingLoader`);
- its search plugin's settings and index, per language (`search_plugin`, `configure_search`);
- its German search stemmer, extended with our wildcard fix (`append_stemmer_wildcard_fix`);
- its offline plugin's on_post_build priority.
"""

from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError

# Material's offline plugin writes search/search_index.js at this on_post_build priority.
OFFLINE_PRIORITY = -100

# Material 9.8.1 writes `autocomplete="off"` on its two hidden checkboxes (the drawer and search
# toggles), outside any template block, so no block override in overrides/main.html can reach
# them; `autocomplete` is not allowed on checkboxes. Rather than copying all of base.html, these
# two lines are edited as Jinja loads the template. A patch whose text is no longer in the theme
# (after a Material upgrade) fails the build, so it cannot silently stop applying.
# template name -> (text in Material's template, replacement)
PATCHES = {
    "base.html": [
        ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
         'autocomplete="off">',
         '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'),
        ('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" '
         'autocomplete="off">',
         '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'),
    ],
}


class PatchingLoader(jinja2.BaseLoader):
    """The theme's own loader, with PATCHES applied to the templates they name."""

    def __init__(self, loader):
        self.loader = loader

    def get_source(self, environment, template):
        source, filename, uptodate = self.loader.get_source(environment, template)
        for old, new in PATCHES.get(template, []):
            if old not in source:
                raise PluginError(f"macros/upstream/material_theme.py: {filename} no longer "
                                  f"contains {old!r}. Hint: Material changed; check whether the "
                                  "patch is still needed and update or remove it.")
            source = source.replace(old, new)
        return source, filename, uptodate

    def list_templates(self):
        return self.loader.list_templates()


def patch_templates(env):
    """Apply PATCHES to the theme's Jinja environment (once)."""
    if not isinstance(env.loader, PatchingLoader):
        env.loader = PatchingLoader(env.loader)


# Partials copied whole into a theme folder, because no block reaches what we change: our copy
# -> (Material's template, [(Material's text, ours)]). Each copy opens with a comment naming the
# Material version it came from; tests/test_upstream.py checks that Material's installed
# partial with these replacements is the copy, so an upgrade that changes the partial is noticed.
COPIED_PARTIALS = {
    # The search dialog gets an accessible name (axe rule aria-dialog-name).
    "overrides/partials/search.html": ("partials/search.html", [
        ('<div class="md-search" data-md-component="search" role="dialog">',
         '<div class="md-search" data-md-component="search" role="dialog" '
         'aria-label="{{ lang.t(\'search\') }}">')]),
    # The table of contents' title points at the __toc control only where it exists.
    "overrides/partials/toc.html": ("partials/toc.html", [
        ('    <label class="md-nav__title" for="__toc">',
         '    {#- help-site change: `for` only when the page is in the navigation (it has __toc). -#}\n'
         '    <label class="md-nav__title"{% if page.file.inclusion.is_in_nav() %} for="__toc"'
         '{% endif %}>')]),
    # An older version's banner: Material's `new URL(base_url)` throws on a relative base_url.
    "versioning/theme/partials/javascripts/outdated.html": ("partials/javascripts/outdated.html", [
        ('base=new URL("{{ base_url }}")', 'base=new URL("{{ base_url }}",location)')]),
}


# --- Search ---------------------------------------------------------------------------------

def search_plugin(config):
    """Material's search plugin, or None."""
    return config.plugins.get("material/search") or config.plugins.get("search")


def configure_search(search, language, pipeline):
    """The index of this build speaks `language` (lunr's stemmer and stop words for it) and
    keeps `pipeline` (None: Material's default). Read by the search plugin's own on_config."""
    search.config.lang = [language]
    search.config.pipeline = pipeline


def previous_index(search):
    """The index Material's search plugin keeps from the last build of a `mkdocs serve --dirty`
    (it replaces the saved pages' entries and keeps the others), or None."""
    return getattr(search, "search_index_prev", None)


def set_previous_index(search, index):
    search.search_index_prev = index


# --- German search finds inflected forms ----------------------------------------------------
WILDCARD_FIX = (Path(__file__).with_name("lunr_stemmer_wildcard.js")
                .read_text(encoding="utf-8"))
WILDCARD_MARK = "Appended by macros/upstream/material_theme.py"


def append_stemmer_wildcard_fix(site_dir, languages):
    """Every build copies Material's lunr files again, so every build appends (once)."""
    for language in languages:
        stemmer = Path(site_dir) / "assets/javascripts/lunr/min" / f"lunr.{language}.min.js"
        if not stemmer.is_file():
            continue
        text = stemmer.read_text(encoding="utf-8")
        if WILDCARD_MARK not in text:
            stemmer.write_text(text + WILDCARD_FIX.replace("LANG", language), encoding="utf-8")
