"""MkDocs hook that versioning/publish.py adds to the build of every released version: today's
Content-Security-Policy on every page (macros/finished_html/security_policy.py), also in versions
released before the policy existed, with the hashes of each page's final inline scripts (the
versioning layer's included).

A hook file, not the `help-finished-html` plugin: an older release's mkdocs.yml lists its own
plugins, and its `macros` package is that release's, so this loads the policy module by its
path (it imports nothing of the project). Giving a page its policy twice gives the same page.
"""

import importlib.util
from pathlib import Path

from mkdocs.plugins import event_priority

POLICY_MODULE = Path(__file__).resolve().parent.parent / "macros" / "finished_html" / "security_policy.py"


def load_policy():
    spec = importlib.util.spec_from_file_location("help_site_security_policy", POLICY_MODULE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# After every plugin's on_post_build, static-i18n's and the offline plugin's (-100) included.
@event_priority(-110)
def on_post_build(config):
    load_policy().apply_to_site(config.site_dir, config.extra.get("polyfills", []))
