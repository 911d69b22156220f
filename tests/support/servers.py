"""A static web server on loopback, as any web host serves the built site."""

import functools
import http.server
import sys
import threading
import time


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class LoopbackServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that drops a connection before the answer is sent (a test closes its page
        while a file still loads, as readers do) is not an error of the site: no traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(folder, handler=QuietHandler):
    """Serve a folder on a free loopback port; return the server and its base URL."""
    handler = functools.partial(handler, directory=str(folder))
    server = LoopbackServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


class PausingHandler(QuietHandler):
    """A slow network: a page's HTML arrives in two parts, split before its article's last
    section heading, with a pause between them, so the browser has parsed (and may paint) most
    of the page, as on a phone with a poor connection."""

    pause = 0.5

    def copyfile(self, source, outputfile):
        if not self.path.split("?")[0].endswith(".html"):
            return super().copyfile(source, outputfile)
        html = source.read()
        split = html.rfind(b"<h2", html.find(b"<article"), html.find(b"</article>"))
        outputfile.write(html[:split])
        outputfile.flush()
        time.sleep(self.pause)
        outputfile.write(html[split:])
