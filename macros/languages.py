"""PLACEHOLDER until branch `i18n` (helper i18n-build) lands its macros/languages.py: on merge,
take theirs and adapt the imports in macros/messages.py."""

SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "de")


def page_language(page):
    return getattr(page.file, "locale", None) or SOURCE_LANGUAGE


def source_uri(src_uri):
    """The source page's path for a translation's: "migrate-iphone.de.md" -> "migrate-iphone.md"."""
    for language in LANGUAGES:
        if src_uri.endswith(f".{language}.md"):
            return src_uri[:-len(f".{language}.md")] + ".md"
    return src_uri
