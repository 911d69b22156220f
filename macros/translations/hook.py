"""MkDocs hooks for the languages (issue 13): what mkdocs-static-i18n leaves to us.

mkdocs-static-i18n builds the English site, then, from its own on_post_build, each other
language into its folder, through the same plugins and hooks (this module runs once per
language build, `languages.build_language(config)` says which).
"""

import copy
import logging
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# Imported as a top-level package: MkDocs puts this hook's folder on sys.path while loading it,
# and the project itself is installed (requirements.txt, -e .).
from macros import languages, messages
from macros.translations import hreflang, source_hash, structure


class NoHomePageIsFine(logging.Filter):
    """static-i18n warns about a language without a home page (index.md), which strict mode
    turns into an error; MkDocs itself builds such sites (`make new-page` tries a page alone)."""

    def filter(self, record):
        return "Could not find a homepage for locale" not in record.getMessage()


logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.plugin").addFilter(NoHomePageIsFine())


def i18n_languages(config):
    plugin = languages.i18n_plugin(config)
    return [language.locale for language in plugin.config.languages] if plugin else []


# Which of lunr's functions each language's search keeps (Material's `pipeline`); None:
# Material's default, which keeps only the stop word filter, so English search stays as it was.
# German search stems (lunr.de: "Anmeldungen" and "Anmeldung" both become "anmeld"), trims
# punctuation off words, drops stop words; see also stemmer_wildcard.js.
STEMMED_SEARCH = {"de": ["stemmer", "stopWordFilter", "trimmer"]}


# Before the search plugin (priority 0) reads its settings: each language's index stems words
# in that language (lunr.de for German).
@event_priority(50)
def on_config(config):
    configured = i18n_languages(config)
    if configured and tuple(configured) != languages.LANGUAGES:
        raise PluginError(f"mkdocs.yml: the i18n plugin builds {configured}, but "
                          f"macros/languages.py lists {list(languages.LANGUAGES)}. Hint: list "
                          "the same languages in both, the source language first.")
    plugin = languages.i18n_plugin(config)
    if plugin is not None:
        # With reconfigure_search off, static-i18n still gathers every language's entries and,
        # after the last language, rewrites the root index with all of them: that would put
        # German pages into the English search. Each language keeps its own (below).
        plugin.extend_search_entries = lambda config: None
        plugin.reconfigure_search_index = lambda config: None
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:
        # static-i18n sets its language in its own on_config (priority -100): on the first
        # build it is still unset here, which build_language() reads as the source language.
        language = languages.build_language(config)
        search.config.lang = [language]
        search.config.pipeline = STEMMED_SEARCH.get(language)
        # `make serve` rebuilds only the saved page, and Material's search keeps the other
        # pages' entries from its previous index: the previous index *of this language* (the
        # plugin lives for the whole `mkdocs serve`, and builds every language in turn).
        search.search_index_prev = previous_index_of(search).get(language)
    return config


def previous_index_of(search):
    return search.__dict__.setdefault("help_previous_index_by_language", {})


# 404.html is one page at the site root, answered for any missing address: the English one.
# Every language build would write it there (the last, German, one winning), so only the source
# build does; its language links lead to each language's home page (absolute, from site_url,
# as the rest of 404.html: it is served at any depth).
@event_priority(-100)  # after static-i18n's on_config has set the build's language
def on_pre_build(config):
    templates = config.theme.static_templates
    if languages.build_language(config) == languages.SOURCE_LANGUAGE:
        templates.update(not_found_page)
    else:
        not_found_page.update(templates & {"404.html"})
        templates.discard("404.html")


not_found_page = set()


def on_template_context(context, template_name, config):
    plugin = languages.i18n_plugin(config)
    if template_name == "404.html" and plugin is not None and plugin.extra_alternate:
        config.extra["alternate"] = copy.deepcopy(plugin.extra_alternate)
    return context


# `make serve` (a dirty build) rebuilds only pages saved since their HTML was written; a
# translation also depends on its English page and the files that includes (the outdated
# note, the tick ids), so it is rebuilt when one of those was saved.
@event_priority(-120)  # after static-i18n's and dirty_serve.py's on_files
def on_files(files, config):
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
            file.is_modified = lambda: True  # read by MkDocs only in dirty builds
    return files


def on_env(env, config, files):
    env.globals["site_language"] = lambda: languages.build_language(config)
    env.globals["page_language"] = lambda page: languages.content_language(page, config)
    env.globals["language_root"] = languages.language_root(languages.build_language(config))
    # overrides/main.html: Material's <head> with absolute hreflang links and an x-default.
    env.filters["absolute_alternates"] = lambda head, page: hreflang.absolute_alternates(
        head, page.url if page else "", config.site_url)
    return env


# --- Search: one index per language --------------------------------------------------------
# Material's search plugin writes site/search/search_index.json in every language build, so
# the German build would overwrite the English index. Right after it (its on_post_build runs
# at priority 0), the source build keeps its index, and each other language's build moves its
# own into its folder, site/de/search/search_index.json, with search_index.js beside it for
# file:// (what the offline plugin writes for the root), and puts the source index back. The
# entries keep their locations from the site root (de/…), where Material resolves results;
# docs/assets/javascripts/language-search.js points German pages at their index.
source_index = {}


def index_paths(root):
    folder = Path(root) / "search"
    return folder / "search_index.json", folder / "search_index.js"


@event_priority(-50)  # after the search plugin, before the offline plugin and other languages
def on_post_build(config):
    append_wildcard_fix(config)
    language = languages.build_language(config)
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and getattr(search, "search_index_prev", None) is not None:
        previous_index_of(search)[language] = search.search_index_prev
    root_json, _ = index_paths(config.site_dir)
    if not root_json.is_file():
        return
    if language == languages.SOURCE_LANGUAGE:
        source_index[config.site_dir] = root_json.read_bytes()
        return
    data = root_json.read_bytes()
    own_json, own_js = index_paths(Path(config.site_dir) / language)
    own_json.parent.mkdir(parents=True, exist_ok=True)
    own_json.write_bytes(data)
    own_js.write_bytes(b"var __index = " + data)
    if config.site_dir in source_index:
        root_json.write_bytes(source_index[config.site_dir])


# --- Untranslated and outdated pages, structure, tick ids ----------------------------------
# Goes to the same logger as "due for review": a warning that does not fail the strict build.
review_log = logging.getLogger("help_site.review")
STEP_ID = re.compile(r'data-step-id="([^"]*)"')


def stale_message(uri, source, recorded, current):
    """The warning for a translation that may not follow its source (also `make freshness`)."""
    if recorded:
        what = (f"translated from an older {source} (source_hash {recorded}; the source is now "
                f"{current})")
    else:
        what = f"has no source_hash, so nothing says which version of {source} it follows"
    return (f"{uri}: {what}. Hint: bring the translation up to date with {source}, then run "
            f"`make stamp PAGE=docs/{uri}`; `make freshness` lists every such page.")


def translation_state(page, config):
    """'source', 'fallback' (untranslated, shown in the source language) or 'translated'."""
    build = languages.build_language(config)
    if build == languages.SOURCE_LANGUAGE:
        return "source"
    if languages.content_language(page, config) != build:
        return "fallback"
    return "translated"


@event_priority(100)  # before the macros plugin renders the page
def on_page_markdown(markdown, page, config, files):
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
        review_log.warning(stale_message(uri, source, recorded, current))
    return markdown


def on_page_content(html, page, config, files):
    """A translated guide's actions carry its source's tick ids (macros/situations/progress_steps.py
    hashes the words, which differ): a tick, a deep link to an action and the reader's progress
    are the same in every language. Read from the source page as just built (the source language
    is built first); the structure check has made sure the actions correspond one to one."""
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


def on_page_context(context, page, config, nav):
    """What overrides/partials/translation-notes.html shows above the page."""
    state = page.meta.get("translation")
    build = languages.build_language(config)
    alternates = getattr(page.file, "alternates", {})
    source = alternates.get(languages.SOURCE_LANGUAGE)
    context["translation_note"] = None
    if state == "fallback":
        context["translation_note"] = {"kind": "untranslated",
                                      "text": messages.say("translation_untranslated", build)}
    elif state == "outdated" and source is not None:
        before, _, after = messages.template("translation_outdated", build).partition("{source}")
        context["translation_note"] = {
            "kind": "outdated", "before": before, "after": after,
            "link": source.url, "link_text": messages.say("translation_source", build),
            "link_language": languages.SOURCE_LANGUAGE}
    return context


# --- German search finds inflected forms ---------------------------------------------------
WILDCARD_FIX = Path(__file__).with_name("stemmer_wildcard.js").read_text(encoding="utf-8")
WILDCARD_MARK = "Appended by macros/translations/hook.py"


def append_wildcard_fix(config):
    """Every build copies Material's lunr files again, so every build appends (once)."""
    for language in languages.LANGUAGES:
        stemmer = Path(config.site_dir) / "assets/javascripts/lunr/min" / f"lunr.{language}.min.js"
        if language == languages.SOURCE_LANGUAGE or not stemmer.is_file():
            continue
        text = stemmer.read_text(encoding="utf-8")
        if WILDCARD_MARK not in text:
            stemmer.write_text(text + WILDCARD_FIX.replace("LANG", language), encoding="utf-8")
