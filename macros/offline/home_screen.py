"""'Add to Home Screen': the web app manifest and icons, from the organization profile.

The icon is the profile's logo (SVG or PNG) on the header's colour, or, for a profile without a
logo, the icon Material's header shows (its default logo), drawn the same way. It is rendered to
PNG at build time with resvg (resvg-py: a self-contained wheel, no system libraries), because
iPhones take only PNG for `apple-touch-icon` and Android's install wants 192 and 512 px PNGs.
"""

import base64
import json
import mimetypes
import re
from pathlib import Path

import resvg_py
from mkdocs.exceptions import PluginError

ICON_FOLDER = "assets/images/"
# apple-touch-icon: 180 px (iPhone); the manifest: 192 and 512 px (Android, desktop Chromium).
APPLE_TOUCH_SIZE = 180
MANIFEST_SIZES = (192, 512)
MANIFEST_NAME = "manifest.webmanifest"
PRIMARY = re.compile(r"\[data-md-color-primary=(?P<name>[\w-]+)\]\{--md-primary-fg-color:"
                     r"(?P<colour>#[0-9a-fA-F]{3,8})")


def icon_path(size):
    return f"{ICON_FOLDER}home-screen-{size}.png"


def primary_colour(palette_css, name):
    """The header colour Material's palette stylesheet gives the primary colour `name`."""
    for match in PRIMARY.finditer(palette_css):
        if match.group("name") == name:
            return match.group("colour")
    raise PluginError(f"macros/offline/home_screen.py: Material's palette stylesheet has no "
                      f"header colour for primary '{name}'. Hint: Material changed how it writes "
                      "--md-primary-fg-color; update PRIMARY.")


def logo_data_url(logo_path, fallback_svg):
    """The logo as a data: URL (white Material icon when the profile names no logo)."""
    if logo_path is None:
        svg = fallback_svg.replace("<svg ", '<svg fill="#fff" ', 1)
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")
    kind = mimetypes.guess_type(logo_path.name)[0]
    return f"data:{kind};base64," + base64.b64encode(logo_path.read_bytes()).decode("ascii")


def icon_svg(logo_url, background):
    """A square icon: the logo centred on `background`, with the margin home screens crop."""
    return ('<svg xmlns="http://www.w3.org/2000/svg" '
            'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">'
            f'<rect width="100" height="100" fill="{background}"/>'
            f'<image x="20" y="20" width="60" height="60" xlink:href="{logo_url}"/></svg>')


def icon_png(svg, size):
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=size, height=size,
                                       skip_system_fonts=True))


def manifest(name, short_name, language, background, icon_urls):
    """The manifest of one language's folder (its URLs relative to the manifest)."""
    return json.dumps({
        "name": name,
        "short_name": short_name,
        "lang": language,
        "start_url": "index.html",
        "scope": "./",
        "display": "standalone",
        "theme_color": background,
        "background_color": "#ffffff",
        "icons": [{"src": url, "sizes": f"{size}x{size}", "type": "image/png"}
                  for size, url in icon_urls],
    }, ensure_ascii=False, indent=1)
