"""What an organization profile puts on pages: support contacts, links to the guide, QR codes.

Every profile value reaches the page through `markupsafe.escape`, so a name such as
`Fabrikam <script>alert(1)</script>` shows as text. The HTML is written as blocks (a `<div>` or
`<table>` at the start of a line), which Markdown passes through untouched, so Markdown syntax
in a value (`*`, `[`, `{`) shows as typed too.

Each function writes its words in the language it is given (macros/messages.yml), and the
profile's texts in that language (OrgProfile.support_in).
"""

import functools
import re
from dataclasses import dataclass
from importlib import metadata
from urllib.parse import urlencode, urljoin

import zxingcpp
from markupsafe import Markup, escape

from macros.languages import SOURCE_LANGUAGE
from macros.messages import say, template


@dataclass(frozen=True)
class GuideLink:
    """One row of the IT page: who the link is for, and where it points."""
    audience: str
    site_path: str   # relative to the site root, e.g. "migrate-iphone.html?mfa=sms&..."
    href: str        # relative to the page that shows it, so it works from file:// and any host
    url: str         # absolute, on the organization's site: what IT pastes and QR codes encode
    guide: str = ""  # the guide's source file, e.g. "migrate-iphone.md"
    choice: dict = None  # the situation the link opens in; None for the guide's own link


def as_text(value):
    """A value for running Markdown text: every ASCII punctuation mark as a character reference,
    so that neither HTML (`<`, `&`) nor Markdown (`*`, `_`, `[`, `{`) can act on it."""
    return Markup(re.sub(r"[!-/:-@\[-`{-~]", lambda mark: f"&#{ord(mark.group())};", str(value)))


def tel_href(phone):
    """The `tel:` link for a phone number as people write it: "+1 (425) 555-0100" becomes
    tel:+14255550100."""
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


def words(name, language, count=None, **fields):
    """A message of macros/messages.yml as HTML: its words escaped, `fields` filled in (escaped
    unless they are Markup already)."""
    fields = {**fields, "count": count} if count is not None else fields
    return Markup(escape(template(name, language, count))).format(**fields)


def support_contacts(profile, language=SOURCE_LANGUAGE):
    """The "Still need help?" section: the organization's contacts, or where to find them."""
    support = profile.support_in(language)
    portal = Markup('<a href="{}">{}</a>').format(profile.company_portal_url,
                                                   say("portal_website", language))
    if support.is_empty():
        return Markup('<div class="org-support">\n<p>{}</p>\n</div>').format(
            words("support_unknown", language, portal=portal))
    who = support.contact_name or say("support_team", language, organization=profile.name)
    items = []
    if support.phone:
        items.append(words("phone", language, number=Markup('<a href="{}">{}</a>').format(
            tel_href(support.phone), support.phone)))
    if support.email:
        items.append(words("email", language, address=Markup(
            '<a href="mailto:{0}">{0}</a>').format(support.email)))
    if support.website_url:
        items.append(words("website", language, link=Markup('<a href="{}">{}</a>').format(
            support.website_url, support.website_name or support.website_url)))
    if support.hours:
        items.append(words("hours", language, hours=support.hours))
    lines = [Markup("<p>{}{}</p>").format(
        words("get_in_touch", language, who=Markup("<strong>{}</strong>").format(who)),
        ":" if items else ".")]
    if items:
        lines.append(Markup("<ul>\n{}\n</ul>").format(
            Markup("\n").join(Markup("<li>{}</li>").format(item) for item in items)))
    if support.additional_information:
        lines.append(Markup("<p>{}</p>").format(support.additional_information))
    if support.phone and support.email and support.website_url:
        lines.append(Markup("<p>{}</p>").format(
            words("support_also_in_portal", language, portal=portal)))
    else:
        lines.append(Markup("<p>{}</p>").format(
            words("support_other_details", language, portal=portal)))
    return Markup('<div class="org-support">\n{}\n</div>').format(Markup("\n").join(lines))


def guide_links(profile, registry, guide, guide_url, page_url, choices):
    """The guide's link, then one link per situation in `choices` (dicts of value keys), named
    in the registry's language. `guide_url` is the guide in that language ("de/….html")."""
    def link(audience, site_path, choice=None):
        return GuideLink(audience, site_path, relative_to(page_url, site_path),
                         urljoin(profile.site_url, site_path), guide, choice)

    rows = [link(say("link_for_everyone", registry.language), guide_url)]
    for choice in choices:
        summary = registry.summary(choice)
        rows.append(link(summary[:1].upper() + summary[1:], f"{guide_url}?{urlencode(choice)}",
                         choice))
    return rows


def relative_to(page_url, site_path):
    """`site_path` as seen from the page at `page_url` (both relative to the site root)."""
    depth = page_url.count("/")
    return "../" * depth + site_path


def address_on_site(site_url, site_path):
    """The address of `site_path` (relative to the site root) on the site at `site_url`; ''
    when the site has no address."""
    if not site_url:
        return ""
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", site_path)


QR_QUIET_ZONE = 4  # modules of light margin around a code, as the QR standard asks


def qr_code(url):
    """The QR code of `url` as rows of modules, one byte each (0: dark, 255: light), as the IT
    page and the guides' "Continue on another device" show it (macros/handover/): error
    correction M, a normal (not micro) code, the mask chosen by the standard's penalty rules.
    zxing-cpp's encoder (libzint, in C) takes about 1 ms; segno, in Python, took about 20 ms per
    code, most of a build's time with a guide's hundreds of codes."""
    image = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M").to_image(
        scale=1, add_quiet_zones=False)
    size = image.shape[0]
    modules = bytes(memoryview(image))
    return [modules[y * size:(y + 1) * size] for y in range(size)]


DARK_RUN = re.compile(rb"\x00+")


def qr_svg_paths(rows):
    """(width, SVG) of a code: the white background and the dark modules as two paths in module
    units, each run of dark modules in a row one horizontal stroke (as segno writes them)."""
    width = len(rows) + 2 * QR_QUIET_ZONE
    strokes = []
    x_at, y_at = 0, 0  # where the pen is (the first move is made absolute below)
    for y, row in enumerate(rows, start=QR_QUIET_ZONE):
        for run in DARK_RUN.finditer(row):
            x, line, length = run.start() + QR_QUIET_ZONE, y + 0.5, len(run.group())
            strokes.append(f"m{x - x_at:g} {line - y_at:g}h{length}")
            x_at, y_at = x + length, line
    path = "M" + "".join(strokes)[1:]
    return width, (f'<path fill="#fff" d="M0 0h{width}v{width}h-{width}z"/>'
                   f'<path stroke="#000" d="{path}"/>')


class QrCodes:
    """QR codes as SVG, dark on white (so that a code scans in dark mode too). A guide has
    hundreds of codes (one per situation and Step, per language): with `keep` (the build
    cache's `keeper`), a code is made by the first build that needs it and read back by later
    ones."""

    # Part of every code's cache key: change it with the SVG that this class writes.
    DRAWING = "2"

    def __init__(self, keep=None):
        self.keep = keep or (lambda key_text, make: make())

    def made(self, encoded, form, make):
        """`make()`'s bytes, kept under what the code(s) encode and the form they are drawn in."""
        return self.keep(f"zxing-cpp {zxingcpp_version()} drawing {self.DRAWING} {form} {encoded}",
                         make)

    def views_svg(self, views):
        """The bytes of an SVG file of codes, {view name: URL}: one code under the other, each
        shown alone by the file's fragment (`codes.svg#start`), one unit per module."""
        def make():
            parts, top, widest = [], 0, 0
            for name, url in views.items():
                width, paths = qr_svg_paths(qr_code(url))
                parts.append(f'<view id="{escape(name)}" viewBox="0 {top} {width} {width}"/>'
                             f'<g transform="translate(0 {top})">{paths}</g>')
                top, widest = top + width, max(widest, width)
            # Square, as each view is: the page sizes the <img> by the file's own width and
            # height (Material's `height: auto`), and a taller box would show the next code too.
            return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{widest}" height="{widest}" '
                    f'viewBox="0 0 {widest} {top}">{"".join(parts)}</svg>').encode()
        return self.made(" ".join(f"{name} {url}" for name, url in views.items()), "views", make)

    def inline_svg(self, url, label):
        """An inline SVG QR code that encodes `url`, named `label`, 3 pixels per module."""
        def make():
            width, paths = qr_svg_paths(qr_code(url))
            return str(Markup('<svg role="img" width="{0}" height="{0}" class="org-qr-code">'
                              '<title>{1}</title><g transform="scale(3)">{2}</g></svg>')
                       .format(3 * width, label, Markup(paths))).encode()
        return Markup(self.made(url, f"inline {label}", make).decode())


@functools.cache
def zxingcpp_version():
    """Part of every code's cache key; looked up once (about 0.6 ms a lookup, per code before)."""
    return metadata.version("zxing-cpp")


def qr_codes(config):
    """The site's QR codes, kept in the build cache (macros/build_cache/) when the site has one."""
    cache = config.plugins.get("help-build-cache")
    return QrCodes(cache.keeper(config, "qr") if cache else None)


# The IT page's outline of what a situation link shows (macros/situations/outline.py): the macros
# leave this placeholder, and the organization plugin (plugin.py) fills it from the guide's HTML.
OUTLINE_CLASS = "guide-outline"


def outline_placeholder(link, language=SOURCE_LANGUAGE):
    if link.choice is None:
        return Markup("<p>{}</p>").format(say("outline_for_everyone", language))
    return Markup('<div class="{}" data-guide="{}" data-choice="{}"></div>').format(
        OUTLINE_CLASS, link.guide, urlencode(link.choice))


def outline_html(steps, language=SOURCE_LANGUAGE):
    """Step headings, each with its numbered actions, as the reader of that link sees them."""
    if not steps:  # e.g. a guide telling this reader it isn't theirs, and where to go instead
        return Markup('<div class="{}">\n<p>{}</p>\n</div>').format(
            OUTLINE_CLASS, say("outline_no_steps", language))
    count = say("outline_steps", language, count=len(steps))
    items = Markup("\n").join(
        Markup("<li>{}\n<ol>\n{}\n</ol>\n</li>").format(
            step.title, Markup("\n").join(Markup("<li>{}</li>").format(action)
                                          for action in step.actions))
        for step in steps)
    return Markup('<div class="{}">\n<p>{}:</p>\n<ul>\n{}\n</ul>\n</div>').format(
        OUTLINE_CLASS, count, items)


def guide_links_table(links, language=SOURCE_LANGUAGE, qr=QrCodes()):
    """The IT page's table: who a link is for, what it shows, the link (copy button), its QR code
    (made by `qr`, a QrCodes)."""
    rows = Markup("\n").join(
        Markup(
            "<tr>\n"
            '<th scope="row"><a href="{href}">{audience}</a></th>\n'
            "<td>\n{outline}\n</td>\n"
            "<td>\n<pre><code>{url}</code></pre>\n{qr}\n</td>\n"
            "</tr>").format(
                href=link.href, audience=link.audience, url=link.url,
                outline=outline_placeholder(link, language),
                qr=qr.inline_svg(link.url, say("qr_code_for", language, audience=link.audience)))
        for link in links)
    return Markup(
        '<div class="org-links">\n<table>\n<thead>\n<tr><th scope="col">{}</th>'
        '<th scope="col">{}</th>'
        '<th scope="col">{}</th></tr>\n</thead>\n'
        "<tbody>\n{}\n</tbody>\n</table>\n</div>").format(
            say("links_who", language), say("links_what", language), say("links_link", language),
            rows)


# Company Portal's support information fields: (its name, a message of macros/messages.yml;
# maximum length; what to enter: the profile's value of that name, else a message).
COMPANY_PORTAL_FIELDS = (
    ("portal_field_contact_name", 40, "contact_name"),
    ("portal_field_phone", 20, "phone"),
    ("portal_field_email", 40, "email"),
    ("portal_field_website_name", 40, "portal_website_name_hint"),
    ("portal_field_website_url", 150, "portal_website_url_hint"),
    ("portal_field_additional_information", 120, "additional_information"),
)


def company_portal_fields(profile, language=SOURCE_LANGUAGE):
    """Company Portal's support information, filled in as this site shows it in `language`."""
    support = profile.support_in(language)
    rows = []
    for field, limit, what in COMPANY_PORTAL_FIELDS:
        if hasattr(support, what):
            value = getattr(support, what)
            what = (Markup("<code>{}</code>").format(value) if value
                    else Markup("<em>{}</em>").format(say("portal_empty", language)))
        else:
            what = say(what, language)
        rows.append(Markup("<tr><td>{}</td><td>{}</td><td>{}</td></tr>").format(
            say(field, language), limit, what))
    return Markup(
        "<table>\n<thead>\n<tr><th scope=\"col\">{}</th>"
        "<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr>\n"
        "</thead>\n<tbody>\n{}\n</tbody>\n</table>").format(
            say("portal_field", language), say("portal_limit", language),
            say("portal_what", language), Markup("\n").join(rows))
