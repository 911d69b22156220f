"""MkDocs hook: two attributes of Material's base.html that the Nu HTML checker rejects.

Material 9.8.1 writes `autocomplete="off"` on its two hidden checkboxes (the drawer and search
toggles), outside any template block, so no block override in overrides/main.html can reach them;
`autocomplete` is not allowed on checkboxes. Rather than copying all of base.html, this hook
edits those two lines as Jinja loads the template. A patch whose text is no longer in the theme
(after a Material upgrade) fails the build, so it cannot silently stop applying.
"""

import jinja2
from mkdocs.exceptions import PluginError

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
                raise PluginError(f"macros/theme_markup.py: {filename} no longer contains "
                                  f"{old!r}. Hint: Material changed; check whether the patch is "
                                  "still needed and update or remove it.")
            source = source.replace(old, new)
        return source, filename, uptodate

    def list_templates(self):
        return self.loader.list_templates()


def on_env(env, config, files):
    if not isinstance(env.loader, PatchingLoader):
        env.loader = PatchingLoader(env.loader)
    return env
