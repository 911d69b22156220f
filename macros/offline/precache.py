"""What a language's service worker keeps for reading offline, and the worker itself.

Why a small hand-written worker rather than Workbox (`workbox-build` generating the precache
manifest): Workbox's build step is a Node.js program, and `make site` needs only Python (writers'
machines, ProperDocs); its runtime (workbox-precaching and -routing, ~15 KB) would be vendored
for the few things needed here: keep a list of files, serve them cache-first, swap the whole
list when a new release arrives. That list is made here at build time, with each file's SHA-256,
which the worker gives fetch() as Subresource Integrity: a file the server sends that is not the
one this release built (a stale proxy, a half-finished upload of the next release) fails the
install, and the reader keeps the complete older version instead of a mix.

What is kept, per language (one worker at the site's root keeps each language a reader opens,
in a cache of its own): the pages of the readers' navigation (home page and guides), every file they load (styles,
scripts, icons, manifest), Material's search worker and this language's search index (and
stemmer). Not kept: a language the reader never opened (it is kept once they do), the
pages MkDocs keeps out of the navigation (`not_in_nav`: the writing guide, for writers at their
desk; the IT page, for IT staff setting up Company Portal), 404.html, the search index for
file:// (search_index.js), source maps, the situation QR codes (they only help while the
other device can reach the site anyway), and lunr's other languages.
"""

import base64
import hashlib
import json
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

WORKER_TEMPLATE = Path(__file__).with_name("service-worker.js")
WORKER_NAME = "sw.js"
# Elements whose file a page loads as it opens (a <link> only for these rel values: not the
# alternates, canonical, prev and next links, which name other pages).
LOADED_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon", "apple-touch-icon",
                    "manifest"}
TAG = re.compile(r"<(script|link|img)\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*"([^"]*)"')
MATERIAL_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>',
                             re.DOTALL)
SEARCH_INDEX = re.compile(r'data-search-index="([^"]*)"')
# Budget for what one language's worker keeps (bytes as stored, uncompressed): README, `make bench`.
BUDGET_BYTES = 600 * 1024


def loaded_files(page_html):
    """The site files a page asks for as it opens, as written in it (relative or absolute)."""
    for tag, attributes in TAG.findall(page_html):
        values = dict(ATTRIBUTE.findall(attributes))
        if tag.lower() == "link":
            rels = set(values.get("rel", "").lower().split())
            if not rels & LOADED_LINK_RELS:
                continue
            yield values.get("href", "")
        else:
            yield values.get("src", "")
    config = MATERIAL_CONFIG.search(page_html)
    if config:
        # Material's search worker, started when the reader first opens search.
        search = json.loads(config.group(1)).get("search")
        if search:
            yield search
    for index in SEARCH_INDEX.findall(page_html):
        yield index + ".json"  # languages.js: this language's index (without its extension)


def local_path(reference, page, site_dir):
    """The file a reference on `page` (a path under `site_dir`) names, relative to `site_dir`
    (`../versions.js` of a versioned build stays outside it); None for URLs off the site."""
    parts = urlsplit(reference)
    if not reference or parts.scheme or parts.netloc or reference.startswith(("/", "#")):
        return None
    joined = PurePosixPath(page).parent / unquote(parts.path)
    normal = []
    for part in joined.parts:
        if part == "..":
            if normal and normal[-1] != "..":
                normal.pop()
            else:
                normal.append("..")
        elif part not in (".", ""):
            normal.append(part)
    return "/".join(normal)


def stemmer_files(language, source_language):
    """The lunr files Material's search worker loads for a language other than English."""
    if language == source_language:
        return []
    folder = "assets/javascripts/lunr/min/"
    return [folder + "lunr.stemmer.support.min.js", f"{folder}lunr.{language}.min.js"]


def precached_files(site_dir, pages, extra=()):
    """{path relative to site_dir: bytes of the built file, or None when the file is written
    after the build (outside site_dir)} for `pages` and everything they load, plus `extra`."""
    site_dir = Path(site_dir)
    files = {}
    for page in pages:
        files[page] = (site_dir / page).read_bytes()
        html = files[page].decode("utf-8")
        for reference in loaded_files(html):
            path = local_path(reference, page, site_dir)
            if path is None or path in files:
                continue
            if path.startswith("../"):
                files[path] = None
            elif (site_dir / path).is_file():
                files[path] = (site_dir / path).read_bytes()
    for path in extra:
        if (site_dir / path).is_file():
            files[path] = (site_dir / path).read_bytes()
    return files


def integrity(data):
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def worker_source(files_by_language):
    """The worker at the site's root: the template with each language's file list (URLs
    relative to the root) and a build id that changes whenever any listed file does (so
    browsers see a new worker exactly then)."""
    lists = {language: [[path, integrity(data) if data is not None else None]
                        for path, data in sorted(files.items())]
             for language, files in files_by_language.items()}
    build = hashlib.sha256(json.dumps(lists, sort_keys=True).encode()).hexdigest()[:16]
    template = WORKER_TEMPLATE.read_text(encoding="utf-8")
    return (template.replace('"__BUILD__"', json.dumps(build))
            .replace("{/* __FILES__ */}", json.dumps(lists, indent=0))), build


def relative_url(path, folder):
    """`path` (relative to the site root) as seen from `folder` ('' or 'de/')."""
    if folder and path.startswith(folder):
        return path[len(folder):]
    depth = len([part for part in folder.split("/") if part])
    return "../" * depth + path


def stored_bytes(files):
    return sum(len(data) for data in files.values() if data is not None)
