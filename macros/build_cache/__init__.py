"""The build cache (README "Performance"): each page compiled by Jinja once, and its Markdown
converted once, kept in `.cache/` between builds.

- `compiled_pages`: the Jinja compile cache for pages;
- `rendered_pages`: the Markdown-to-HTML cache for pages;
- `plugin`: the MkDocs plugin `help-build-cache` that wires both into the build.
"""
