"""MkDocs hook: the site's own stylesheets and scripts are minified in the built site.

Material ships its own files minified; ours (docs/stylesheets/, docs/assets/javascripts/) stay
readable in docs/ and are minified where MkDocs copied them, after the build, with rcssmin and
rjsmin (pinned in requirements.txt). Vendored files (docs/assets/vendor/) are left as they came.
The names do not change, so nothing that refers to them needs to know.
"""

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}
OWN_FOLDERS = ("stylesheets/", "assets/javascripts/")
# The files of the build in progress (the module lives for one build).
own_assets = []


def on_files(files, config):
    own_assets[:] = [file.abs_dest_path for file in files
                     if file.abs_src_path and Path(file.src_uri).suffix in MINIFIERS
                     and file.src_uri.startswith(OWN_FOLDERS)
                     and ".min." not in file.src_uri
                     and Path(file.abs_src_path).is_relative_to(Path(config.docs_dir).resolve())]
    return files


def on_post_build(config):
    for built in map(Path, own_assets):
        if built.is_file():
            text = built.read_text(encoding="utf-8")
            minified = MINIFIERS[built.suffix](text)
            if minified != text:
                built.write_text(minified, encoding="utf-8")
