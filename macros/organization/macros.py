"""The organization profile's macros and theme settings, registered from define_env.

The profile comes from `extra.org_profile` in mkdocs.yml (`make site ORG=...` sets it through
HELP_ORG_PROFILE). It is checked when the macros plugin configures itself, before MkDocs
reads or writes any page, so a bad profile stops the build with nothing written.
"""

import base64
import mimetypes
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import pages as org_pages
from ..situations import declaration
from .profile import ProfileError, load


def profile_path(config):
    """The profile named in mkdocs.yml, relative to the folder of mkdocs.yml."""
    path = Path(config["extra"]["org_profile"])
    return path if path.is_absolute() else Path(config.config_file_path).parent / path


def load_profile(config, registry):
    try:
        return load(profile_path(config), registry)
    except ProfileError as error:
        raise PluginError(f"Organization profile: {error}") from None


def brand_theme(theme, profile):
    """Material's primary colour and logo from the profile (the logo inlined as a data: URL)."""
    if profile.primary_color:
        for palette in theme["palette"]:
            palette["primary"] = profile.primary_color
    if profile.logo:
        kind = mimetypes.guess_type(profile.logo.name)[0]
        data = base64.b64encode(profile.logo.read_bytes()).decode("ascii")
        theme["logo"] = f"data:{kind};base64,{data}"


def define_org_env(env, situations):
    """Load the organization profile (checked against `situations`, the whole registry), brand
    the theme, register the organization's macros, and return the profile."""
    profile = load_profile(env.conf, situations)
    registry = situations.restricted_to(profile.allowed, profile.default)
    brand_theme(env.conf["theme"], profile)

    @env.macro
    def org_name():
        """The organization's name, as text."""
        return org_pages.as_text(profile.name)

    @env.macro
    def default_situation():
        """What the guide shows this organization's employees before they choose, in words."""
        return org_pages.as_text(registry.summary(profile.default))

    @env.macro
    def support_contacts():
        """The organization's support contacts, for "Still need help?"."""
        return org_pages.support_contacts(profile)

    @env.macro
    def guide_links_table(guide="migrate-iphone.md"):
        """Links to `guide` for IT to paste into Company Portal, with copy buttons and QR codes."""
        guide_file = env.variables["files"].get_file_from_path(guide)
        if guide_file is None:
            raise ValueError(f"guide_links_table: no page {guide!r} in the docs folder.")
        guide_url = guide_file.url
        # The guide's own questions (its front matter `situations:`), as the organization uses them.
        declared = declaration(guide_file.content_string)
        asked = registry if declared is None else situations.for_guide(declared).restricted_to(
            profile.allowed, profile.default)
        links = org_pages.guide_links(profile, asked, guide_url, env.page.url,
                                      choices=asked.possible_choices())
        return org_pages.guide_links_table(links)

    @env.macro
    def company_portal_fields():
        """Company Portal's support information fields, with what this profile puts in them."""
        return org_pages.company_portal_fields(profile)

    return profile
