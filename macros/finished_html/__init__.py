"""What is done to the finished site, after every page and file is written: one step over the
output folder, which needs nothing from the generator that wrote it (ARCHITECTURE.md says why).

- `minify`: the theme's own scripts and stylesheets minified where the build copied them;
- `security_policy`: a Content-Security-Policy <meta> on every page, with the hashes of its
  inline scripts.

`finish_site()` does both, in that order. The MkDocs plugin `help-finished-html` (plugin.py)
runs it last in every build; `python -m macros.finished_html SITE_DIR` runs it on a site any
generator built (`make check-zensical`).
"""

from macros.finished_html import minify, security_policy


def finish_site(site_dir, theme_dir, polyfills=(), minified=True, policy=True):
    """Minify the theme's own assets (from `theme_dir`), then give every page its policy."""
    if minified:
        minify.minify_site_assets(site_dir, theme_dir)
    if policy:
        security_policy.apply_to_site(site_dir, polyfills)
