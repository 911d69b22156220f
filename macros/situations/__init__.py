"""Situations: the questions a guide asks, and the steps each reader sees.

- `registry`: the one registry (macros/situations.yml: dimensions, values, impossible
  combinations) and each guide's view of it, from its front matter `situations:`;
- `page_guides`: the guide of the page being built, checked, and its registry for the theme;
- `guide_index`: the site's guides (title, description, questions) for the home and IT pages;
- `outline`: the steps a link to a guide shows in one situation, read from its built HTML;
- `markup`: what the `situation`/`only`/`situation_picker` macros write, and the Markdown
  extension (listed in mkdocs.yml) that turns it into conditional elements.
- `progress_steps`: the Markdown extension (listed in mkdocs.yml) that gives each action of a
  guide's Step sections the stable id its "done" box is kept under (progress.js).

The browser side is overrides/assets/situations/ (situations.js and .css, which choose and show
the reader's path) and overrides/assets/progress/ (progress.js and .css, the "done" boxes).
"""

from macros.situations.registry import (GUIDE_FIELD, NotAskedError, Registry, SituationError, declaration,
                       guides, guides_in)

__all__ = ["GUIDE_FIELD", "NotAskedError", "Registry", "SituationError", "declaration", "guides",
           "guides_in"]
