from mkdocs.config.base import Config


class OrganizationConfig(Config):
    """No options: the profile is `extra.org_profile` in mkdocs.yml (pages read it too)."""
