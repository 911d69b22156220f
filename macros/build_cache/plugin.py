"""`help-build-cache`: Jinja compiles each page once, Markdown converts it once, and a page not
yet translated has its macros rendered once for every language (bench/README.md); see
compiled_pages.py, rendered_pages.py and fallback_pages.py. It also keeps what depends on its key
alone, such as the QR codes of the guides' addresses (`keeper`).

The theme's templates (Material's and overrides/) and files pulled in with `{% include %}` use
Jinja's bytecode cache, which checks each file's text. Every entry of every kind carries a
checksum of its key and content, and a bad one is dropped and made again (entries.py).
"""

import functools
from pathlib import Path

from mkdocs.plugins import BasePlugin

from macros import languages
from macros.build_cache.compiled_pages import PageCompileCache, prune
from macros.build_cache.config import BuildCacheConfig
from macros.build_cache.entries import BadEntries, CheckedBytecodeCache, made_once
from macros.build_cache.fallback_pages import FallbackPages
from macros.build_cache.rendered_pages import PageRenderCache
from macros.upstream import mkdocs_core, mkdocs_macros_plugin


class BuildCachePlugin(BasePlugin[BuildCacheConfig]):
    def __init__(self):
        super().__init__()
        # {build language: PageRenderCache}: static-i18n builds each other language inside the
        # source language's build, each with its own files.
        self.render_caches = {}
        # Entries that failed their check in this build (every language's): told about once.
        self.bad_entries = None
        # The source language's page renders, which other languages' builds reuse.
        self.fallback_pages = FallbackPages()

    def keeper(self, config, kind):
        """`keep(key_text, make)` for outputs that depend on their key alone, kept in
        <cache>/<kind>/ (entries.made_once): the QR codes (macros/organization/page_html.py)."""
        return functools.partial(made_once, self.cache_root(config) / kind, self.bad_entries)

    def cache_root(self, config):
        """The cache folder: `cache_dir`, relative to mkdocs.yml."""
        return Path(config.config_file_path).resolve().parent / self.config.cache_dir

    # Listed after `macros` in mkdocs.yml: its on_config has created its Jinja environment.
    def on_config(self, config):
        if self.bad_entries is None:  # not again in another language's build inside this one
            self.bad_entries = BadEntries(self.config.cache_dir.rstrip("/") + "/")
        macros = mkdocs_macros_plugin.plugin(config)
        if macros is None:
            return
        root = self.cache_root(config)
        compile_cache = PageCompileCache(macros.env, root / "jinja", self.bad_entries)
        mkdocs_macros_plugin.compile_pages_with(
            macros, compile_cache.from_string,
            CheckedBytecodeCache(root / "jinja-includes", self.bad_entries))
        self.fallback_pages.start_build(config)
        if self.config.reuse_source_renders:
            mkdocs_macros_plugin.render_pages_through(
                macros, lambda render, markdown, page: self.fallback_pages.render(
                    render, markdown, page, config, macros.spoken_texts, compile_cache.facts_of))

    # Once the site's files and their places in the navigation are settled.
    def on_nav(self, nav, config, files):
        self.render_caches[languages.build_language(config)] = PageRenderCache(
            config, files, self.cache_root(config) / "pages", self.bad_entries)
        return nav

    def on_pre_page(self, page, config, files):
        pages = self.render_caches.get(languages.build_language(config))
        if pages is not None:
            mkdocs_core.render_with(page, pages.render)
        return page

    def on_env(self, env, config, files):
        env.bytecode_cache = CheckedBytecodeCache(self.cache_root(config) / "jinja-theme",
                                                  self.bad_entries)
        return env

    def on_post_build(self, config):
        for folder in ("jinja", "pages", "qr"):
            prune(self.cache_root(config) / folder, self.config.keep_unused_days * 24 * 3600)

