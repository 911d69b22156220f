from mkdocs.config.base import Config


class ThemeConfig(Config):
    """No options: the texts are macros/messages.yml, the stylesheets the theme's own."""
