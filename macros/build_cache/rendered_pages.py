"""Markdown converts each page once, not on every build.

A page whose Markdown *after* the macros ran is the same as in an earlier build, in a site with
the same files (names, URLs, which are in the navigation), the same Markdown extensions and
settings, the same link checks and the same code in macros/, gets the HTML, table of contents,
title and anchors that build made (`.cache/pages/`). Only results of renders that logged no
warning are kept, so a page with a broken link is rendered, and reported, every time. Links to
other pages' anchors are still checked on every build from the kept links.
"""

import hashlib
import json
import logging
import os
import pickle
import sys
from importlib import metadata
from pathlib import Path

from macros.build_cache.compiled_pages import CACHE_FORMAT
from macros.build_cache.entries import entry_path, read_entry, write_entry
from macros.upstream import mkdocs_core

MACROS = Path(__file__).resolve().parent.parent


class WarningCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


class PageRenderCache:
    """Markdown to HTML once per (Markdown after macros, site files, settings); see the docstring."""

    def __init__(self, config, files, folder, bad_entries):
        self.folder = folder
        self.bad_entries = bad_entries  # entries.BadEntries
        self.files = files
        site = sorted((file.src_uri, file.dest_uri, file.url, file.inclusion.name)
                      for file in files)
        extensions = [name if isinstance(name, str) else type(name).__qualname__
                      for name in config.markdown_extensions]
        code = sorted((str(path.relative_to(MACROS)), path.read_bytes())
                      for path in MACROS.rglob("*") if path.suffix in (".py", ".yml"))
        versions = [metadata.version(name) for name in
                    ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")]
        self.context = hashlib.sha256(repr([
            CACHE_FORMAT, sys.version, versions, site, extensions,
            json.dumps(config.mdx_configs, sort_keys=True, default=repr),
            repr(config.validation), config.use_directory_urls, code]).encode()).digest()

    def render(self, page, config, files):
        key = hashlib.sha256(self.context + page.file.src_uri.encode() + b"\0"
                             + page.markdown.encode()).hexdigest()
        path = entry_path(self.folder, key)
        kept = read_entry(path, key, self.bad_entries)  # checked (entries.py)
        if kept is not None:
            os.utime(path)  # still in use: see compiled_pages.prune()
            mkdocs_core.restore_rendered_parts(page, pickle.loads(kept), files)
            return
        counter = WarningCounter()
        logging.getLogger("mkdocs").addHandler(counter)
        try:
            mkdocs_core.render_page(page, config, files)
        finally:
            logging.getLogger("mkdocs").removeHandler(counter)
        if counter.count:
            return  # rendered again, and warned about again, next time
        write_entry(path, key, pickle.dumps(mkdocs_core.rendered_parts(page)))
