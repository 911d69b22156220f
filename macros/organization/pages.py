"""What an organization profile puts on pages: support contacts, links to the guide, QR codes.

Every profile value reaches the page through `markupsafe.escape`, so a name such as
`Fabrikam <script>alert(1)</script>` shows as text. The HTML is written as blocks (a `<div>` or
`<table>` at the start of a line), which Markdown passes through untouched, so Markdown syntax
in a value (`*`, `[`, `{`) shows as typed too.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin

import segno
from markupsafe import Markup, escape


@dataclass(frozen=True)
class GuideLink:
    """One row of the IT page: who the link is for, and where it points."""
    audience: str
    site_path: str   # relative to the site root, e.g. "migrate-iphone.html?mfa=sms&..."
    href: str        # relative to the page that shows it, so it works from file:// and any host
    url: str         # absolute, on the organization's site: what IT pastes and QR codes encode


def as_text(value):
    """A value for running Markdown text: every ASCII punctuation mark as a character reference,
    so that neither HTML (`<`, `&`) nor Markdown (`*`, `_`, `[`, `{`) can act on it."""
    return Markup(re.sub(r"[!-/:-@\[-`{-~]", lambda mark: f"&#{ord(mark.group())};", str(value)))


def tel_href(phone):
    """The `tel:` link for a phone number as people write it: "+1 (425) 555-0100" becomes
    tel:+14255550100."""
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


def support_contacts(profile):
    """The "Still need help?" section: the organization's contacts, or where to find them."""
    support = profile.support
    portal = Markup('<a href="{}">Company Portal website</a>').format(profile.company_portal_url)
    if support.is_empty():
        return Markup(
            '<div class="org-support">\n<p>Get in touch with your IT support person. To find your '
            "organization's contact details, sign in to the {} or the Company Portal app.</p>\n"
            "</div>").format(portal)
    who = support.contact_name or f"{profile.name} IT support"
    items = []
    if support.phone:
        items.append(Markup('Phone: <a href="{}">{}</a>').format(
            tel_href(support.phone), support.phone))
    if support.email:
        items.append(Markup('Email: <a href="mailto:{0}">{0}</a>').format(support.email))
    if support.website_url:
        items.append(Markup('Website: <a href="{}">{}</a>').format(
            support.website_url, support.website_name or support.website_url))
    if support.hours:
        items.append(Markup("Hours: {}").format(support.hours))
    lines = [Markup("<p>Get in touch with <strong>{}</strong>{}</p>").format(
        who, ":" if items else ".")]
    if items:
        lines.append(Markup("<ul>\n{}\n</ul>").format(
            Markup("\n").join(Markup("<li>{}</li>").format(item) for item in items)))
    if support.additional_information:
        lines.append(Markup("<p>{}</p>").format(support.additional_information))
    if support.phone and support.email and support.website_url:
        lines.append(Markup("<p>You also find these contact details in the Company Portal app, "
                            "and when you sign in to the {}.</p>").format(portal))
    else:
        lines.append(Markup("<p>To find your organization's other contact details, sign in to "
                            "the {} or the Company Portal app.</p>").format(portal))
    return Markup('<div class="org-support">\n{}\n</div>').format(Markup("\n").join(lines))


def guide_links(profile, registry, guide_url, page_url, choices):
    """The guide's link, then one link per situation in `choices` (dicts of value keys)."""
    def link(audience, site_path):
        return GuideLink(audience, site_path, relative_to(page_url, site_path),
                         urljoin(profile.site_url, site_path))

    rows = [link("Everyone: each reader picks their situation", guide_url)]
    for choice in choices:
        summary = registry.summary(choice)
        rows.append(link(summary[:1].upper() + summary[1:], f"{guide_url}?{urlencode(choice)}"))
    return rows


def relative_to(page_url, site_path):
    """`site_path` as seen from the page at `page_url` (both relative to the site root)."""
    depth = page_url.count("/")
    return "../" * depth + site_path


def qr_code_svg(url, label):
    """An inline SVG QR code that encodes `url`, dark on white so that it scans in dark mode too."""
    svg = segno.make(url, error="m", micro=False).svg_inline(
        scale=3, dark="#000", light="#fff", title=label, svgclass="org-qr-code", lineclass=None)
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))


def guide_links_table(links):
    """The IT page's table: who a link is for, then the link (copy button) and its QR code."""
    rows = Markup("\n").join(
        Markup(
            "<tr>\n"
            '<th scope="row"><a href="{href}">{audience}</a></th>\n'
            "<td>\n<pre><code>{url}</code></pre>\n{qr}\n</td>\n"
            "</tr>").format(
                href=link.href, audience=link.audience, url=link.url,
                qr=qr_code_svg(link.url, f"QR code for {link.audience}"))
        for link in links)
    return Markup(
        '<div class="org-links">\n<table>\n<thead>\n<tr><th scope="col">Who it is for</th>'
        '<th scope="col">Link to paste, and its QR code</th></tr>\n</thead>\n'
        "<tbody>\n{}\n</tbody>\n</table>\n</div>").format(rows)


# Company Portal's support information fields: (field, maximum length, what to enter).
# None as "what to enter" means the profile's value of the same name.
COMPANY_PORTAL_FIELDS = (
    ("Contact name", 40, "contact_name"),
    ("Phone number", 20, "phone"),
    ("Email address", 40, "email"),
    ("Website name", 40, "A name for the guide, such as: Move to a new iPhone"),
    ("Website URL", 150, "A link from the table above"),
    ("Additional information", 120, "additional_information"),
)


def company_portal_fields(profile):
    """Company Portal's support information, filled in as this site shows it."""
    rows = []
    for field, limit, what in COMPANY_PORTAL_FIELDS:
        if hasattr(profile.support, what):
            value = getattr(profile.support, what)
            what = Markup("<code>{}</code>").format(value) if value else Markup("<em>(empty)</em>")
        rows.append(Markup("<tr><td>{}</td><td>{}</td><td>{}</td></tr>").format(field, limit, what))
    return Markup(
        "<table>\n<thead>\n<tr><th scope=\"col\">Company Portal field</th>"
        "<th scope=\"col\">Characters at most</th><th scope=\"col\">What to enter</th></tr>\n"
        "</thead>\n<tbody>\n{}\n</tbody>\n</table>").format(Markup("\n").join(rows))
