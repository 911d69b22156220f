"""The organization the site is built for: its profile (profiles/*.yml, checked against
profiles/schema.yml), the macros that show its values on pages, and its theme colours and logo.

- `profile`: loading and checking a profile;
- `macros`: `org_name()`, `support_contacts()`, `guide_links_table()`, … and the branding;
- `pages`: the HTML those macros write (escaped), links to the guide and QR codes.
"""
