"""The organization profile's macros and theme settings, registered from define_env.

The profile comes from `extra.org_profile` in mkdocs.yml (`make site ORG=...` sets it through
HELP_ORG_PROFILE). It is checked when the macros plugin configures itself, before MkDocs
reads or writes any page, so a bad profile stops the build with nothing written.

Every macro writes in the language of the page it is on (`content_language`, macros/languages.py:
English on a page the German site shows untranslated): its words, the situation words and the
profile's texts; the guides it lists and links to are those of the site being built (`/de/…`).
"""

import base64
import mimetypes
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.organization import page_html
from macros import languages
from macros.situations import declaration, guide_index
from macros.organization.profile import ProfileError, load


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
    """Load the organization profile (checked against `situations`, the whole registry in each
    language: {language: Registry}), brand the theme, register the organization's macros, and
    return the profile."""
    profile = load_profile(env.conf, situations[languages.SOURCE_LANGUAGE])
    restricted = {language: whole.restricted_to(profile.allowed, profile.default)
                  for language, whole in situations.items()}
    brand_theme(env.conf["theme"], profile)

    def language():
        return languages.content_language(env.page, env.conf)
    # Where the organization publishes the guide: MkDocs makes the sitemap, each page's canonical
    # link and the 404 page's links (absolute: it is served at any depth) from it. Set here,
    # while plugins configure themselves, because MkDocs reads it only when it creates the pages.
    # A site_url already set wins: `mkdocs serve` sets its own address so that its 404 works.
    if not env.conf.get("site_url"):
        env.conf["site_url"] = profile.site_url

    @env.macro
    def org_name():
        """The organization's name, as text."""
        return page_html.as_text(profile.name)

    @env.macro
    def default_situation():
        """What the guide shows this organization's employees before they choose, in words."""
        return page_html.as_text(restricted[language()].summary(profile.default))

    @env.macro
    def support_contacts():
        """The organization's support contacts, for "Still need help?"."""
        return page_html.support_contacts(profile, language())

    def guides():
        return guide_index.site_guides(env.variables["files"], situations[language()], profile)

    def links_table(src_uri, url, asked, asks_questions=True):
        """The links to one page: for everyone, and one per situation its questions allow (a
        page that asks none has the first alone)."""
        links = page_html.guide_links(profile, asked, src_uri, url, env.page.url,
                                      choices=asked.possible_choices() if asks_questions else [])
        return page_html.guide_links_table(links, asked.language, page_html.qr_codes(env.conf))

    @env.macro
    def guide_links_table(guide="migrate-iphone.md"):
        """Links to `guide` for IT to paste into Company Portal, with copy buttons and QR codes."""
        guide_file = env.variables["files"].get_file_from_path(guide)
        if guide_file is None:
            raise ValueError(f"guide_links_table: no page {guide!r} in the docs folder.")
        # The guide's own questions (its front matter `situations:`), as the organization uses them.
        declared = declaration(guide_file.content_string)
        asked = (restricted[language()] if declared is None else situations[language()]
                 .for_guide(declared).restricted_to(profile.allowed, profile.default))
        return links_table(guide, guide_file.url, asked, asks_questions=declared is not None)

    @env.macro
    def guides_links():
        """One section per guide: its links, each situation's outline, copy buttons, QR codes."""
        return "\n\n".join(f"### {guide.title} {{ #{guide.anchor} }}\n\n"
                             + links_table(guide.src_uri, guide.url, guide.registry)
                             for guide in guides())

    @env.macro
    def guide_list():
        """The guides, for the home page: title (a link), description, how many questions."""
        return guide_index.guide_list(guides(), env.page.file.src_uri, language())

    @env.macro
    def company_portal_fields():
        """Company Portal's support information fields, with what this profile puts in them."""
        return page_html.company_portal_fields(profile, language())

    return profile
