"""What handover.js (overrides/assets/handover/) needs on a guide, as the data- attributes of its
<script>, in the build's language: the page's address on the organization's site (none without
`site_url`: no QR code, no link to copy), where its QR codes are, the support email and phone of
the profile (each left out when the profile has none), the release and the guide's review date
(for the help desk's mail)."""

from babel.dates import format_date
from markupsafe import Markup, escape

from macros.handover import qr_codes
from macros.messages import say
from macros.organization.page_html import address_on_site, tel_href


def support_fields(profile, language):
    """The contact to greet, and the email and phone, each only where the profile has one."""
    support = profile.support_in(language)
    fields = {"contact": support.contact_name or say("support_team", language,
                                                      organization=profile.name)}
    if support.email:
        fields["email"] = support.email
    if support.phone:
        fields.update(phone=support.phone, tel=tel_href(support.phone))
    return fields


def script_attributes(page, support, site_url, release, language):
    """The data- attributes of handover.js's <script> on `page` (empty fields left out)."""
    reviewed = page.meta.get("last_reviewed")
    fields = {
        **support,
        "page-url": address_on_site(site_url, page.url),
        "qr-folder": qr_codes.folder_of(page.file.dest_uri),
        "release": release,
        "reviewed": format_date(reviewed, "long", locale=say("date_locale", language))
        if hasattr(reviewed, "year") else "",
    }
    return Markup(" ").join(Markup('data-{}="{}"').format(name, escape(value))
                            for name, value in fields.items() if value)
