from mkdocs.config.base import Config


class OfflineConfig(Config):
    """No options: the name, logo and colour come from the organization profile and the theme."""
