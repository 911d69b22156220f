"""Situations: the questions a guide asks, and the steps each reader sees.

- `registry`: the one registry (macros/situations.yml: dimensions, values, impossible
  combinations) and each guide's view of it, from its front matter `situations:`;
- `pages`: the guide of the page being built, checked, and its registry for the theme;
- `markup`: what the `situation`/`only`/`situation_picker` macros write, and the Markdown
  extension (listed in mkdocs.yml) that turns it into conditional elements.

The browser side is docs/assets/javascripts/situations.js and docs/stylesheets/situations.css.
"""

from .registry import (GUIDE_FIELD, NotAskedError, Registry, SituationError, declaration,
                       guides, guides_in)

__all__ = ["GUIDE_FIELD", "NotAskedError", "Registry", "SituationError", "declaration", "guides",
           "guides_in"]
