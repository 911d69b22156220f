from mkdocs.config.base import Config


class WriterChecksConfig(Config):
    """No options: the front matter schema is macros/front_matter.schema.yml, the review age
    `extra: review_after_months` (pages show it too)."""
