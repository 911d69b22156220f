"""`help-languages`: what mkdocs-static-i18n leaves to us (languages: README "Languages").

static-i18n (listed as `i18n` in mkdocs.yml) builds the source language, then each other
language inside its own on_post_build, in the same process (macros/upstream/static_i18n.py);
`languages.build_language(config)` says which language is being built. This plugin adds, per
language build:

- per-language search: an index of the language's own pages that stems its words (search_index.py);
- notes on untranslated and outdated pages, the staleness warning, the structure check;
- tick ids taken from the source page;
- 404.html from the source build only;
- `page_language()`, `site_language()` and `language_root` for the theme templates.
"""

import logging
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from macros import languages, messages
from macros.translations import hreflang, search_index, source_hash, structure
from macros.translations.config import TranslationsConfig
from macros.upstream import material_theme, mkdocs_core, static_i18n
from macros.writer_checks.page_checks import review_log

STEP_ID = re.compile(r'data-step-id="([^"]*)"')


class TranslationsPlugin(BasePlugin[TranslationsConfig]):
    def __init__(self):
        super().__init__()
        self.no_home_page = static_i18n.NoHomePageIsFine()
        # Search's index of each language's last build, which `mkdocs serve --dirty` builds on
        # (this object lives for the whole `mkdocs serve`: it has on_shutdown).
        self.previous_search_index = {}
        # The source language's search index, by site folder, put back after each other
        # language's build has written its own at the same place.
        self.source_index = {}
        # 404.html, left out of the other languages' builds (see on_pre_build).
        self.not_found_page = set()

    def on_shutdown(self):
        logging.getLogger(static_i18n.LOGGER).removeFilter(self.no_home_page)

    # Before Material's search plugin (priority 0) reads its settings in its own on_config:
    # each language's index stems words in that language (lunr.de for German).
    @event_priority(50)
    def on_config(self, config):
        logging.getLogger(static_i18n.LOGGER).addFilter(self.no_home_page)
        configured = static_i18n.configured_languages(config)
        if configured and tuple(configured) != languages.LANGUAGES:
            raise PluginError(f"mkdocs.yml: the i18n plugin builds {configured}, but "
                              f"macros/languages.py lists {list(languages.LANGUAGES)}. Hint: list "
                              "the same languages in both, the source language first.")
        static_i18n.keep_one_search_index_per_language(config)
        search = material_theme.search_plugin(config)
        if search is not None:
            # static-i18n sets its language in its own on_config (priority -100): on the first
            # build it is still unset here, which build_language() reads as the source language.
            language = languages.build_language(config)
            material_theme.configure_search(search, language,
                                            self.config.search_pipeline.get(language))
            # `make serve` rebuilds only the saved page, and Material's search keeps the other
            # pages' entries from its previous index: the previous index *of this language*.
            material_theme.set_previous_index(search, self.previous_search_index.get(language))
        return config

    # 404.html is one page at the site root, answered for any missing address: the English one.
    # Every language build would write it there (the last, German, one winning), so only the
    # source build does; its language links lead to each language's home page (absolute, from
    # site_url, as the rest of 404.html: it is served at any depth).
    def on_pre_build(self, config):
        templates = config.theme.static_templates
        if languages.build_language(config) == languages.SOURCE_LANGUAGE:
            templates.update(self.not_found_page)
        else:
            self.not_found_page.update(templates & {"404.html"})
            templates.discard("404.html")

    def on_template_context(self, context, template_name, config):
        if template_name == "404.html":
            alternates = static_i18n.language_alternates(config)
            if alternates is not None:
                config.extra["alternate"] = alternates
        return context

    # `make serve` (a dirty build) rebuilds only pages saved since their HTML was written; a
    # translation also depends on its English page and the files that includes (the outdated
    # note, the tick ids), so it is rebuilt when one of those was saved.
    @event_priority(static_i18n.AFTER_IT)  # static-i18n's on_files gives the build language's files
    def on_files(self, files, config):
        if languages.build_language(config) == languages.SOURCE_LANGUAGE:
            return files
        for file in files.documentation_pages():
            if languages.translation_suffix(file.src_uri) is None:
                continue
            try:
                built = os.path.getmtime(file.abs_dest_path)
            except OSError:
                continue
            sources = source_hash.source_files(config.docs_dir, languages.source_uri(file.src_uri))
            if any(path.is_file() and path.stat().st_mtime > built for _, path in sources):
                mkdocs_core.mark_modified(file)
        return files

    def on_env(self, env, config, files):
        env.globals["site_language"] = lambda: languages.build_language(config)
        env.globals["page_language"] = lambda page: languages.content_language(page, config)
        env.globals["language_root"] = languages.language_root(languages.build_language(config))
        # overrides/main.html: Material's <head> with absolute hreflang links and an x-default.
        env.filters["absolute_alternates"] = lambda head, page: hreflang.absolute_alternates(
            head, page.url if page else "", config.site_url)
        return env

    def on_page_markdown(self, markdown, page, config, files):
        state = translation_state(page, config)
        page.meta["translation"] = state
        if state != "translated":
            return markdown
        uri = page.file.src_uri
        problem = structure.mismatch(config.docs_dir, uri)
        if problem:
            raise PluginError(problem)
        recorded = page.meta.get(source_hash.KEY)
        current = source_hash.source_hash(config.docs_dir, uri)
        if recorded != current:
            page.meta["translation"] = "outdated"
            source = languages.source_uri(uri)
            # A warning that does not fail the strict build, like "due for review".
            review_log.warning(stale_message(uri, source, recorded, current))
        return markdown

    def on_page_content(self, html, page, config, files):
        """A translated guide's actions carry its source's tick ids (macros/situations/
        progress_steps.py hashes the words, which differ): a tick, a deep link to an action and
        the reader's progress are the same in every language. Read from the source page as just
        built (the source language is built first); the structure check has made sure the
        actions correspond one to one."""
        if page.meta.get("translation") not in ("translated", "outdated") or "data-step-id" not in html:
            return html
        source = Path(config.site_dir) / page.file.dest_uri.split("/", 1)[1]
        try:
            source_ids = STEP_ID.findall(source.read_text(encoding="utf-8"))
        except OSError:
            return html
        own_ids = STEP_ID.findall(html)
        if len(own_ids) != len(source_ids):
            raise PluginError(
                f"{page.file.src_uri}: {len(own_ids)} numbered actions in Step sections, its source "
                f"has {len(source_ids)}. {structure.HINT}")
        ids = iter(source_ids)
        return STEP_ID.sub(lambda match: f'data-step-id="{next(ids)}"', html)

    def on_page_context(self, context, page, config, nav):
        """What overrides/partials/translation-notes.html shows above the page."""
        context["translation_note"] = translation_note(page, config)
        return context

    # After Material's search plugin has written this language's index (listed before this one),
    # before the offline plugin writes search_index.js and static-i18n builds other languages
    # (both at priority -100).
    def on_post_build(self, config):
        material_theme.append_stemmer_wildcard_fix(
            config.site_dir, [other for other in languages.LANGUAGES
                              if other != languages.SOURCE_LANGUAGE])
        language = languages.build_language(config)
        search = material_theme.search_plugin(config)
        if search is not None and material_theme.previous_index(search) is not None:
            self.previous_search_index[language] = material_theme.previous_index(search)
        if language == languages.SOURCE_LANGUAGE:
            index = search_index.read_source_index(config.site_dir)
            if index is not None:
                self.source_index[config.site_dir] = index
            return
        search_index.move_into_language_folder(config.site_dir, language,
                                               self.source_index.get(config.site_dir))


def translation_state(page, config):
    """'source', 'fallback' (untranslated, shown in the source language) or 'translated'."""
    build = languages.build_language(config)
    if build == languages.SOURCE_LANGUAGE:
        return "source"
    if languages.content_language(page, config) != build:
        return "fallback"
    return "translated"


def stale_message(uri, source, recorded, current):
    """The warning for a translation that may not follow its source (also `make freshness`)."""
    if recorded:
        what = (f"translated from an older {source} (source_hash {recorded}; the source is now "
                f"{current})")
    else:
        what = f"has no source_hash, so nothing says which version of {source} it follows"
    return (f"{uri}: {what}. Hint: bring the translation up to date with {source}, then run "
            f"`make stamp PAGE=docs/{uri}`; `make freshness` lists every such page.")


def translation_note(page, config):
    """The note above an untranslated or outdated page, or None."""
    state = page.meta.get("translation")
    build = languages.build_language(config)
    source = static_i18n.file_alternates(page.file).get(languages.SOURCE_LANGUAGE)
    if state == "fallback":
        return {"kind": "untranslated", "text": messages.say("translation_untranslated", build)}
    if state == "outdated" and source is not None:
        before, _, after = messages.template("translation_outdated", build).partition("{source}")
        return {"kind": "outdated", "before": before, "after": after,
                "link": source.url, "link_text": messages.say("translation_source", build),
                "link_language": languages.SOURCE_LANGUAGE}
    return None
