"""`help-live-preview`: `make serve` rebuilds only the page that was saved, and stays right.

`make serve` runs `mkdocs serve --dirty`: after the first full build, MkDocs rebuilds only the
pages whose Markdown is newer than their HTML (about 1 s at 1000 pages instead of the whole
build). On its own that preview goes wrong in four ways, which this plugin fixes:

- edits to macros/*.py would not take effect: mkdocs-macros imports the `macros` module once
  per process, so before it configures itself the old import is forgotten (`on_config`);
- pages that were not rebuilt have no title, so the rebuilt page's navigation showed blank
  links: they get the title the last build recorded (`on_env`), unchanged since;
- a change to anything but a page's own Markdown (mkdocs.yml, macros/, overrides/, profiles/,
  a stylesheet, an included example), a page added, removed or renamed, or a page whose title
  changed would leave the other pages stale: then every page is rebuilt (`on_files`);
- MkDocs warns about every dirty build, which `strict: true` turns into an error: that one
  warning is dropped (any other warning still fails the rebuild).

Search stays whole: Material's search plugin keeps the other pages' entries across dirty
rebuilds and replaces the saved page's. What stays stale until the next full build (`make site`,
or restarting `make serve`), as README "Performance" says: links between the saved page and
anchors (headings) of *other* pages are not checked in either direction, and a removed page's
old HTML is still served.

The plugin object lives for the whole `mkdocs serve` (it has on_startup), so it knows whether
this process builds dirty; what it records per build is kept per build language.
"""

import hashlib
import json
import logging
import os
import sys
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils.meta import get_data

from macros import languages
from macros.live_preview.config import LivePreviewConfig
from macros.upstream import mkdocs_core, static_i18n


class LivePreviewPlugin(BasePlugin[LivePreviewConfig]):
    def __init__(self):
        super().__init__()
        self.dirty = False
        self.serving = False
        # The builds in progress, one per language (static-i18n builds each other language from
        # inside the source language's build): their files and inputs as they were at the start.
        self.builds = {}

    def on_startup(self, command, dirty):
        self.serving = command == "serve"
        self.dirty = dirty
        if dirty:
            logging.getLogger(mkdocs_core.BUILD_LOGGER).addFilter(drop_dirty_warning)

    def on_shutdown(self):
        logging.getLogger(mkdocs_core.BUILD_LOGGER).removeFilter(drop_dirty_warning)

    # Listed before `macros` in mkdocs.yml: its on_config imports the `macros` module.
    def on_config(self, config):
        if self.serving:
            for name in [name for name in sys.modules if name == "macros" or name.startswith("macros.")]:
                del sys.modules[name]

    @event_priority(static_i18n.AFTER_IT)  # static-i18n's on_files gives the build language's files
    def on_files(self, files, config):
        if not self.dirty:
            return files
        build = self.builds[languages.build_language(config)] = {}
        build.update(files=files, inputs=fingerprint(input_files(config, files)))
        try:
            previous = json.loads(state_path(config).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return files  # first build of this folder: every page is built anyway
        pages = pages_of(files)
        titles = previous.get("titles", {})
        unchanged = (
            previous.get("inputs") == build["inputs"]
            and sorted(titles) == sorted(file.src_uri for file in pages)
            and all(title_in_front_matter(file.abs_src_path) == titles[file.src_uri]
                    for file in pages if file.is_modified()))
        if not unchanged:
            for file in pages:
                mkdocs_core.mark_modified(file)
        return files

    # After every page that changed has been rendered, before any page is written.
    def on_env(self, env, config, files):
        if not self.dirty:
            return env
        try:
            titles = json.loads(state_path(config).read_text(encoding="utf-8"))["titles"]
        except (OSError, ValueError, KeyError):
            titles = {}
        for file in pages_of(files):
            page = file.page
            if page is None or page.markdown is not None:
                continue
            # Left alone by this dirty build, so unchanged since the last build recorded its title
            # (on_files rebuilds everything when a title changed). Pages have no other front matter
            # that navigation shows (macros/front_matter.schema.yml), so the title is enough.
            if file.src_uri in titles:
                mkdocs_core.stand_in_for_unbuilt_page(page, titles[file.src_uri])
            else:
                page.read_source(config)
        return env

    # Before static-i18n's on_post_build (priority -100) builds the other languages.
    def on_post_build(self, config):
        build = self.builds.pop(languages.build_language(config), None)
        if build is None:
            return
        titles = {file.src_uri: file.page.meta.get("title") for file in pages_of(build["files"])}
        path = state_path(config)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"inputs": build["inputs"], "titles": titles}),
                        encoding="utf-8")


def drop_dirty_warning(record):
    return not record.getMessage().startswith(mkdocs_core.DIRTY_WARNING)


def cache_root(config):
    """The build cache's folder (`help-build-cache`), else .cache/ beside mkdocs.yml."""
    cache = config.plugins.get("help-build-cache")
    if cache is not None:
        return cache.cache_root(config)
    return Path(config.config_file_path).resolve().parent / ".cache"


def state_path(config):
    """Where the last build of this site folder, in the language being built, recorded its
    inputs (not inside the site)."""
    folder = os.path.realpath(config.site_dir) + "\0" + languages.build_language(config)
    name = hashlib.sha256(folder.encode()).hexdigest()[:16]
    return cache_root(config) / "serve" / f"{name}.json"


def input_files(config, files):
    """Every file the pages' HTML depends on, other than the pages' own Markdown."""
    paths = [Path(config.config_file_path)]
    profile = config.extra.get("org_profile")
    if profile:
        paths.append(Path(profile))
    for folder in config.watch:
        paths.extend(path for path in Path(folder).rglob("*")
                     if path.is_file() and "__pycache__" not in path.parts)
    paths.extend(Path(file.abs_src_path) for file in files
                 if file.abs_src_path and not (file.is_documentation_page()
                                               and file.inclusion.is_included()))
    return paths


def fingerprint(paths):
    stamps = {}
    for path in paths:
        try:
            status = path.stat()
        except OSError:
            continue
        stamps[str(path)] = [status.st_mtime_ns, status.st_size]
    return stamps


def title_in_front_matter(path):
    try:
        _, meta = get_data(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return None
    return meta.get("title")


def pages_of(files):
    return [file for file in files.documentation_pages() if file.inclusion.is_included()]
