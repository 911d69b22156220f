"""Every use of another project's internals: what the build relies on in MkDocs, Material for
MkDocs, mkdocs-macros-plugin and mkdocs-static-i18n beyond their documented settings, one
module per project. MANIFEST.md lists each dependence (why, what breaks without it, its drift
test in tests/test_upstream.py).

- `mkdocs_core`: Page.render and what it leaves on a page, File.is_modified, two log messages;
- `material_theme`: the base.html fix, the copied partials, the search plugin's settings and
  index, the German stemmer fix, the offline plugin's priority;
- `mkdocs_macros_plugin`: its Jinja environment and its error formatter;
- `static_i18n`: its build language, its language builds inside ours, its search merge.
"""

# The versions every dependence was last checked against (tests/test_upstream.py fails on an
# upgrade until MANIFEST.md has been gone through and these are updated).
VERSIONS = {
    "mkdocs": "1.6.1",
    "mkdocs-material": "9.8.1",
    "mkdocs-macros-plugin": "1.5.0",
    "mkdocs-static-i18n": "1.3.1",
}
