"""Translations (issue 13): what mkdocs-static-i18n leaves to us.

- `source_hash.py`: which version of its English source a translation was made from
  (`source_hash:` in its front matter) and `make stamp`, which records it;
- `structure.py`: a translation must have its source's heading ids, Step sections, situation
  blocks and numbered actions, or the build fails at its file and line;
- `search_index.py`: one search index per language;
- `plugin.py` (the MkDocs plugin `help-languages`): notes on untranslated and outdated pages, the
  staleness warning, per-language search, tick ids taken from the source, `page_language()` for
  templates.

The browser side is overrides/assets/languages/ (the switcher keeps the situation; each
language searches its own index) and overrides/partials/translation-notes.html.
"""
