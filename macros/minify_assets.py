"""MkDocs hook: the site's own scripts and stylesheets are served minified.

Loaded through `hooks:` in mkdocs.yml. After the build, every `.js` under docs/assets/javascripts/
and `.css` under docs/stylesheets/ is rewritten in the site without comments and spare
whitespace (rjsmin and rcssmin: no renaming, so names and behaviour stay as written). The
sources keep their comments; Material's and vendored files are left alone. This keeps the
picker and progress within their budget (README "Performance", `make bench-situations`).
"""

from pathlib import Path

import rcssmin
import rjsmin

OWN_ASSETS = {"assets/javascripts": ("*.js", rjsmin.jsmin), "stylesheets": ("*.css", rcssmin.cssmin)}


def on_post_build(config):
    docs, site = Path(config.docs_dir), Path(config.site_dir)
    for folder, (pattern, minify) in OWN_ASSETS.items():
        for source in (docs / folder).glob(pattern):
            built = site / folder / source.name
            if built.is_file():
                built.write_text(minify(built.read_text(encoding="utf-8")), encoding="utf-8")
