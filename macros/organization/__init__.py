"""The organization the site is built for: its profile (profiles/*.yml, checked against
profiles/schema.yml), the macros that show its values on pages, and its theme colours and logo.

- `profile`: loading and checking a profile;
- `profile_macros`: `org_name()`, `support_contacts()`, `guide_links_table()`, … and the branding;
- `page_html`: the HTML those macros write (escaped), links to the guide and QR codes;
- `plugin` (the MkDocs plugin `help-organization`): fills in the IT page's outline under each
  situation link.

The browser side is overrides/assets/organization/ (the IT page's table of links).
"""
