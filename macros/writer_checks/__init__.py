"""Writer checks: a writer's mistake stops the build as `file:line: what. Hint: how to fix it.`

- `page_checks`: front matter, encoding, links, anchors and images, run by `plugin` (the MkDocs
  plugin `help-writer-checks`);
- `front_matter`: the front matter schema (macros/front_matter.schema.yml) and review dates;
- `template_errors`: Jinja mistakes in pages and included files (installed by the macros);
- `freshness`: `make freshness`, the pages due for review.
"""
