"""Help that goes with the reader (issue 24): on each guide, "Continue on another device" (a QR
code and a link to copy, with the reader's answers and the Step they are at) and "Stuck here?"
on each Step (a mail draft to the organization's support with the same context, and its phone).

- `qr_codes`: the QR codes of every situation and Step, made at build time, beside each guide;
- `script_data`: what handover.js needs, as the data- attributes of its <script>.

`help-organization` (macros/organization/plugin.py) calls both: it owns the profile these come
from. The browser side: overrides/assets/handover/handover.js and handover.css.
"""
