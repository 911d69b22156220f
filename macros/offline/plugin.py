"""`help-offline`: reading offline after the first visit, and 'Add to Home Screen' (issue 24).

After the whole build (every language: mkdocs-static-i18n builds the others inside the source
language's build) and after `help-finished-html`, once every page has its final HTML, it writes
per language folder a web app manifest, and once the home-screen icons and the service worker
(`sw.js`, at the root) whose file list per language carries each file's hash. Templates get
`offline_reading` (false in `make serve`: a worker would keep serving the preview's old pages)
and `home_screen` (the name and colour for the iPhone's metas).

Pages in the readers' navigation of every language register the worker
(overrides/assets/offline/offline.js); the others (not_in_nav: the writing guide, the IT page)
don't, and aren't kept (macros/offline/precache.py says why).
"""

import logging
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from macros import languages, messages
from macros.offline import home_screen, precache
from macros.offline.config import OfflineConfig
from macros.organization.profile_macros import load_profile
from macros.situations import Registry
from macros.upstream import static_i18n

log = logging.getLogger("mkdocs.plugins.help_offline")
# Material's default logo (the header's icon when a profile has no logo), in its theme folder.
MATERIAL_ICON = ".icons/material/library.svg"


def palette_css(config):
    """Material's palette stylesheet, from the theme's own folders."""
    for folder in config.theme.dirs:
        for found in sorted(Path(folder).glob("assets/stylesheets/palette.*.min.css")):
            return found.read_text(encoding="utf-8")
    return ""


def theme_colour(config):
    palette = config.theme.get("palette") or [{}]
    name = (palette[0] if isinstance(palette, list) else palette).get("primary", "indigo")
    return home_screen.primary_colour(palette_css(config), name)


class OfflinePlugin(BasePlugin[OfflineConfig]):
    def __init__(self):
        super().__init__()
        # One build (with every language's build inside it): `make serve` writes no worker; the
        # pages each language's readers navigate.
        self.serving = False
        self.reader_pages = {}

    def on_startup(self, command, dirty):
        self.serving = command == "serve"

    @event_priority(-130)  # after mkdocs-static-i18n has chosen the language's files
    def on_files(self, files, config):
        self.reader_pages[languages.build_language(config)] = [
            file.dest_uri for file in files.documentation_pages() if file.inclusion.is_in_nav()]
        return files

    def on_env(self, env, config, files):
        profile = load_profile(config, Registry.load())
        env.globals["offline_reading"] = not self.serving
        env.globals["home_screen"] = {
            "short_name": profile.name, "theme_colour": theme_colour(config),
            "icon": home_screen.icon_path(home_screen.APPLE_TOUCH_SIZE),
            "manifest": home_screen.MANIFEST_NAME}
        return env

    # After every other plugin's, help-finished-html's (static-i18n's - 10) included.
    @event_priority(static_i18n.AFTER_IT - 10)
    def on_post_build(self, config):
        if self.serving or static_i18n.inside_another_language_build(config):
            return  # each other language's build runs inside the source's: write all at its end
        site = Path(config.site_dir)
        profile = load_profile(config, Registry.load())
        colour = theme_colour(config)
        fallback = next((Path(folder) / MATERIAL_ICON for folder in config.theme.dirs
                         if (Path(folder) / MATERIAL_ICON).is_file()), None)
        svg = home_screen.icon_svg(home_screen.logo_data_url(
            profile.logo, fallback.read_text(encoding="utf-8") if fallback else ""), colour)
        sizes = (home_screen.APPLE_TOUCH_SIZE, *home_screen.MANIFEST_SIZES)
        for size in sizes:
            icon = site / home_screen.icon_path(size)
            icon.parent.mkdir(parents=True, exist_ok=True)
            icon.write_bytes(home_screen.icon_png(svg, size))
        files_by_language = {}
        for language, pages in self.reader_pages.items():
            folder = languages.language_root(language)
            if not (site / folder).is_dir():
                continue
            name = messages.say("home_screen_name", language, organization=profile.name,
                                site=config.site_name)
            icons = [(size, precache.relative_url(home_screen.icon_path(size), folder))
                     for size in home_screen.MANIFEST_SIZES]
            (site / folder / home_screen.MANIFEST_NAME).write_text(
                home_screen.manifest(name, profile.name, language, colour, icons), encoding="utf-8")
            files_by_language[language] = precache.precached_files(
                site, [page for page in pages if (site / page).is_file()],
                precache.stemmer_files(language, languages.SOURCE_LANGUAGE))
        source, build = precache.worker_source(files_by_language)
        (site / precache.WORKER_NAME).write_text(source, encoding="utf-8")
        for language, files in files_by_language.items():
            log.info(f"Offline reading: {precache.WORKER_NAME} keeps {len(files)} files for "
                     f"'{language}', {precache.stored_bytes(files) / 1024:.0f} KB (budget "
                     f"{precache.BUDGET_BYTES / 1024:.0f} KB), build {build}")
