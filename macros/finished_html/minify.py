"""The theme's own stylesheets and scripts, minified where the build copied them.

Material ships its own files minified; ours (overrides/assets/<feature>/) stay readable in the
sources and are minified in the built site with rcssmin and rjsmin (pinned in
requirements.txt). Vendored files (overrides/assets/vendor/) are left as they came. The names
do not change, so nothing that refers to them needs to know.
"""

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}
ASSETS = "assets"
VENDORED = "assets/vendor/"


def own_assets(theme_dir):
    """The theme's own scripts and stylesheets, as paths inside the site ('assets/…')."""
    root = Path(theme_dir)
    return sorted(path.relative_to(root).as_posix() for path in (root / ASSETS).rglob("*")
                  if path.suffix in MINIFIERS and ".min." not in path.name
                  and not path.relative_to(root).as_posix().startswith(VENDORED))


def minify_site_assets(site_dir, theme_dir):
    """Minify, in the built site, every own asset of the theme at `theme_dir`."""
    for path in own_assets(theme_dir):
        built = Path(site_dir) / path
        if built.is_file():
            text = built.read_text(encoding="utf-8")
            minified = MINIFIERS[built.suffix](text)
            if minified != text:
                built.write_text(minified, encoding="utf-8")
