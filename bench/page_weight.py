"""Part 2: what a first view of a page loads, by kind, raw and gzipped, against bare Material.

Each site is served by a static web server on loopback that gzips text files when the browser
accepts it, as most web servers do (Lighthouse uses it too), and records every file it sends.
Chromium opens each page in a fresh browser context (empty cache) and waits until the network is
idle and, if the page asked for it, the search index has arrived: everything the server sent by
then is the first view (the project's pages load search only once the reader opens it).
Requests leaving the site are blocked (the machine is offline) and listed. Sizes are the files'
bytes, and their gzip size (level 9) as a compressing web server would send them.

Service workers are blocked: once a page has loaded, the project's `sw.js` downloads the reader's
language for offline reading in the background (about 450 KB, part 6 weighs it against its
budget). That is not what the page needs to show itself, and would hide the first view's weight.

The floor is the page's text alone: the text of its article (every situation), gzipped too.
"""

import functools
import gzip
import http.server
import threading
import time
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from support.browsers import BROWSER_ARGS, find_chromium
from support.servers import LoopbackServer
from playwright.sync_api import sync_playwright

from bench import BenchError

PAGES = {"home": "index.html", "guide": "migrate-iphone.html", "it": "it/link-to-this-guide.html"}
KINDS = ("html", "css", "js", "search index", "images", "fonts", "other")
SUFFIX_KINDS = {
    ".html": "html", ".css": "css", ".js": "js", ".mjs": "js",
    ".png": "images", ".svg": "images", ".ico": "images", ".jpg": "images", ".webp": "images",
    ".gif": "images", ".woff2": "fonts", ".woff": "fonts", ".ttf": "fonts",
}
ARTICLE_TEXT = "document.querySelector('article').textContent.replace(/\\s+/g, ' ').trim()"
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
INDEX_TIMEOUT = 60  # seconds to wait for the search index after the page is idle


def kind_of(path):
    if PurePosixPath(path).name.startswith("search_index."):
        return "search index"
    return SUFFIX_KINDS.get(PurePosixPath(path).suffix, "other")


def sizes(data):
    return {"raw": len(data), "gzip": len(gzip.compress(data))}


@functools.lru_cache(maxsize=None)
def gzipped(file):
    return gzip.compress(Path(file).read_bytes())


class RecordingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site, gzipped when the browser accepts it (as a web server would), and notes
    each path it answered with a file."""

    def do_GET(self):
        file = Path(self.translate_path(self.path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and file.is_file() and file.suffix in COMPRESSIBLE):
            return super().do_GET()
        body = gzipped(file)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def log_request(self, code="-", size="-"):
        if str(code) == "200":
            self.server.sent.append(unquote(urlsplit(self.path).path))

    def log_message(self, *args):
        pass


@contextmanager
def serve(folder):
    """A static web server for `folder` on loopback; yields (base URL, list of sent paths)."""
    handler = functools.partial(RecordingHandler, directory=str(folder))
    server = LoopbackServer(("127.0.0.1", 0), handler)
    server.sent = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", server.sent
    finally:
        server.shutdown()
        server.server_close()


def file_for(site, path):
    relative = path.lstrip("/") or "index.html"
    file = Path(site) / relative
    return file / "index.html" if file.is_dir() else file


def weigh(site, sent_paths):
    """Bytes by kind for the files a view loaded (each file once, as a browser cache would)."""
    by_kind = {kind: {"raw": 0, "gzip": 0, "files": 0} for kind in KINDS}
    for path in dict.fromkeys(sent_paths):
        kind = by_kind[kind_of(path)]
        for key, value in sizes(file_for(site, path).read_bytes()).items():
            kind[key] += value
        kind["files"] += 1
    total = {key: sum(kind[key] for kind in by_kind.values()) for key in ("raw", "gzip", "files")}
    return {"by_kind": by_kind, "total": total}


def first_view(browser, root, sent, path):
    """Open `path` in a fresh context; return the files sent, requests leaving the site, text."""
    context = browser.new_context(service_workers="block")
    outside = []

    def block_outside(route):
        outside.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith((root, "data:", "blob:")), block_outside)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    sent.clear()
    page.goto(root + path)
    page.wait_for_load_state("networkidle")
    # A page that asked for its search index at once (Material's default) gets it counted; the
    # project's pages ask only when the reader opens search (lazy-search.js).
    asked = any(kind_of(p) == "search index" for p in requested)
    deadline = time.monotonic() + INDEX_TIMEOUT
    while asked and not any(kind_of(p) == "search index" for p in sent):
        if time.monotonic() > deadline:
            raise BenchError(f"{root}{path} never loaded its search index")
        page.wait_for_timeout(100)
    page.wait_for_load_state("networkidle")
    text = page.evaluate(ARTICLE_TEXT)
    loaded = list(sent)
    context.close()
    return loaded, outside, text


def measure(sites):
    """First-view weight of every page in PAGES for each named site folder, plus the floor."""
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=BROWSER_ARGS)
        for name, site in sites.items():
            with serve(site) as (root, sent):
                for label, path in PAGES.items():
                    loaded, outside, text = first_view(browser, root, sent, path)
                    view = weigh(site, loaded)
                    view["files"] = sorted(dict.fromkeys(loaded))
                    view["outside_requests"] = outside
                    view["article_text"] = sizes(text.encode("utf-8"))
                    results.setdefault(label, {})[name] = view
        browser.close()
    for label, views in results.items():
        views["floor"] = views["project"]["article_text"]
        views["ratio_gzip"] = views["project"]["total"]["gzip"] / views["bare"]["total"]["gzip"]
    return results
