"""The site's languages, and the language of the page being built (issue 13).

English is the source language: `docs/<page>.md`, built at the site root. A translation sits
beside its source with the language before `.md` (`docs/<page>.de.md`, includes too) and is
built under `/<language>/` with the source's file name. mkdocs-static-i18n (mkdocs.yml) builds
the site once per language, one after the other, in the same process.

Two languages matter for a page:

- the *build language* (`build_language(config)`): the site the page is part of, the language of
  its interface (Material's `language`, the theme's texts, the picker, JS texts);
- the *content language* (`content_language(page)`): the language its Markdown is written in.
  It is the build language, except for a page not yet translated, which the German site shows
  in English (with a note): there it is the source language.

From macros: `from macros import languages`, then `languages.content_language(env.page)` or
`languages.build_language(env.conf)`; pages and templates can call `{{ page_language() }}` /
`{{ site_language() }}` (registered by macros/__init__.py). From theme templates:
`page_language(page)` and `site_language()` are Jinja globals (set by the languages plugin,
macros/translations/plugin.py); `page.meta.translation` says whether the page is `source` (the
source language's site), `translated`, `outdated` (translated from an older version of its
source) or `fallback` (not translated: shown in the source language).
"""

from macros.upstream import static_i18n

# The language every page is written in first; translations follow it.
SOURCE_LANGUAGE = "en"
# Every language the site is built in, the source first (checked against mkdocs.yml's i18n
# plugin at every build: macros/translations/plugin.py).
LANGUAGES = ("en", "de")
# Names in their own language, for the switcher and notes.
NAMES = {"en": "English", "de": "Deutsch"}


def build_language(config):
    """The language of the site being built now (English first, then each other language)."""
    return static_i18n.current_language(config) or SOURCE_LANGUAGE


def content_language(page, config=None):
    """The language a page's text is written in (the source language for an untranslated page)."""
    locale = static_i18n.file_locale(getattr(page, "file", None))
    if locale:
        return locale
    return build_language(config) if config is not None else SOURCE_LANGUAGE


def translation_suffix(src_uri):
    """'de' for 'migrate-iphone.de.md', None for a source page."""
    parts = src_uri.rsplit("/", 1)[-1].split(".")
    if len(parts) >= 3 and parts[-2] in LANGUAGES and parts[-2] != SOURCE_LANGUAGE:
        return parts[-2]
    return None


def source_uri(src_uri):
    """The source page of a translation: 'it/link-to-this-guide.de.md' -> 'it/link-to-this-guide.md'."""
    language = translation_suffix(src_uri)
    if language is None:
        return src_uri
    return src_uri[: -len(f".{language}.md")] + ".md"


def translation_uri(src_uri, language):
    """Where a page's translation into `language` sits: 'index.md', 'de' -> 'index.de.md'."""
    source = source_uri(src_uri)
    if language == SOURCE_LANGUAGE:
        return source
    return source[: -len(".md")] + f".{language}.md"


def language_root(language):
    """The folder of a language's site, relative to the site root ('' for the source)."""
    return "" if language == SOURCE_LANGUAGE else f"{language}/"

