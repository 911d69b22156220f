"""A Content-Security-Policy <meta> on every HTML page of the built site.

The site is static and also opened from disk, so the policy cannot be an HTTP header: it is a
<meta http-equiv> as the first element after <meta charset>. Scripts run only from the site's own
files or, when inline, if their sha256 hash is listed. The hashes are computed after the build
from the final HTML of each page (Material's inline scripts, ours, and whatever mkdocs-redirects
or the versioning layer add), so changing an inline script needs no change here.

One inline script is not in any page: on file://, the vendored iframe-worker shim runs Material's
search worker in a hidden same-origin iframe whose document it writes itself, starting with a
small inline script that names the worker's URL. That iframe inherits the page's policy, so each
page also lists the hash of that script for the worker URL the page gives Material.

Runs on the finished site (every *.html in it), after every other step: see
macros/finished_html/. Imports nothing of this project, so versioning/security_policy_hook.py
can load it into a build of an older release.
"""

import base64
import hashlib
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

MARKER = "help-site-csp"
# Everything comes from the site itself. Styles keep 'unsafe-inline': Material writes style
# attributes into its markup (the issue asks for no unsafe-inline for scripts). data: images are
# Material's icons in CSS and an organization's inlined logo; data: connections are the version
# list (versioning/theme/assets/versions/versions-offline.js).
POLICY = ("default-src 'none'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self' data:; connect-src 'self' data:; "
          "worker-src 'self'; frame-src 'self'; manifest-src 'self'; media-src 'self'; "
          "form-action 'self'; object-src 'none'; base-uri 'none'")

INLINE_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>",
                           re.IGNORECASE | re.DOTALL)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]*)""", re.IGNORECASE)
RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
OLD_POLICY = re.compile(rf'\s*<meta http-equiv="Content-Security-Policy" data-{MARKER}[^>]*>')
CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)
MATERIAL_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>',
                             re.DOTALL)


def sha256_source(text):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_scripts(html):
    """The text of each inline script that a browser would run (not JSON data blocks)."""
    for match in INLINE_SCRIPT.finditer(html):
        attributes = match.group("attributes")
        if re.search(r"\bsrc\s*=", attributes, re.IGNORECASE):
            continue
        kind = SCRIPT_TYPE.search(attributes)
        if kind is None or kind.group("type").lower() in RUNNABLE_TYPES:
            yield match.group("body")


def iframe_worker_script(shim_source, worker_url):
    """The inline script the iframe-worker shim writes into its iframe for `worker_url`.

    The shim builds it from a template literal holding two of its own functions (their source
    text, as Function.prototype.toString gives it) and the URL; this does the same.
    """
    template = re.search(r"<script>(postMessage=\$\{(\w)\};importScripts=\$\{(\w)\};.*?)"
                         r"<\\/script>", shim_source)
    if template is None:
        raise PluginError("The iframe-worker shim (extra.polyfills) no longer looks as expected, so the "
                          "hash of its inline script cannot be computed. Hint: update "
                          "macros/finished_html/security_policy.py for the new shim.")
    text, postmessage_name, importscripts_name = template.groups()

    def function_source(name):
        found = re.search(r"function " + name + r"\(", shim_source)
        depth, position = 0, shim_source.index("{", found.end())
        for position in range(position, len(shim_source)):
            depth += {"{": 1, "}": -1}.get(shim_source[position], 0)
            if depth == 0:
                return shim_source[found.start():position + 1]
        raise PluginError(f"The iframe-worker shim: unbalanced braces in function {name}.")

    replacements = {postmessage_name: function_source(postmessage_name),
                    importscripts_name: function_source(importscripts_name)}
    text = re.sub(r"\$\{(\w)\}", lambda m: replacements.get(m.group(1), "${" + m.group(1) + "}"),
                  text)
    return text.replace("${e}", worker_url)


def policy_for(html, shim_source, worker_sources=None):
    """`worker_sources`: {worker URL: hash source}, kept between the pages of one site (a site
    has a few worker URLs, one per folder depth, and reading the shim takes a while)."""
    sources = [sha256_source(script) for script in inline_scripts(html)]
    config = MATERIAL_CONFIG.search(html)
    if config and shim_source:
        worker_url = json.loads(config.group(1)).get("search")
        if worker_url:
            worker_sources = {} if worker_sources is None else worker_sources
            if worker_url not in worker_sources:
                worker_sources[worker_url] = sha256_source(
                    iframe_worker_script(shim_source, worker_url))
            sources.append(worker_sources[worker_url])
    return POLICY.format(hashes=" ".join(dict.fromkeys(sources)))


def with_policy(html, shim_source, worker_sources=None):
    """The page with its policy as the first thing in <head> after <meta charset>."""
    if f"data-{MARKER}" in html:
        html = OLD_POLICY.sub("", html)  # a second run (a versioned rebuild) replaces the first
    meta = (f'<meta http-equiv="Content-Security-Policy" data-{MARKER} '
            f'content="{policy_for(html, shim_source, worker_sources)}">')
    anchor = CHARSET.search(html) or HEAD.search(html)
    if anchor is None:
        return meta + html
    return html[:anchor.end()] + "\n    " + meta + html[anchor.end():]


def apply_to_site(site_dir, polyfills=()):
    """Give every HTML page under `site_dir` its policy (a page that has one gets a new one).
    `polyfills`: the site's `extra.polyfills` paths, among which the iframe-worker shim."""
    site = Path(site_dir)
    shims = [site / path for path in polyfills if "iframe-worker" in path]
    shim_source = "".join(s.read_text(encoding="utf-8") for s in shims if s.is_file())
    worker_sources = {}
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(with_policy(html, shim_source, worker_sources), encoding="utf-8")
