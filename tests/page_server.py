"""A local web server for import tests: saved pages, redirects, slow and oversized answers.

Runs http.server in a thread on 127.0.0.1 (the only place the tests fetch from; the tests' settings
allow loopback for that). Import the fixture into a test module: ``from tests.page_server import page_server``.
"""

from __future__ import annotations

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

PAGES = Path(__file__).parent / "articles" / "pages"
NEWS_PAGE = PAGES / "harbour-ledger-flood-barrier.html"
BIG = 64 * 1024  # the tests set the size limit below this for /big


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):  # keep test output clean
        pass

    def _send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8", **headers):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _redirect(self, location: str, status: int = 302) -> None:
        self._send(status, b"", Location=location)

    def do_GET(self):  # noqa: C901 — one table of routes
        path = self.path.split("?", 1)[0]
        if path == "/news/flood-barrier.html":
            self._send(200, NEWS_PAGE.read_bytes())
        elif path == "/latin1.html":
            page = NEWS_PAGE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
            page = page.replace("’", "'").replace("“", '"').replace("”", '"').replace("‘", "'").replace("›", ">")
            self._send(200, page.encode("latin-1", errors="replace"), "text/html; charset=iso-8859-1")
        elif path == "/gzip.html":
            self._send(200, gzip.compress(NEWS_PAGE.read_bytes()), Content_Encoding="gzip")
        elif path == "/moved":
            self._redirect("/news/flood-barrier.html", 301)
        elif path == "/loop-a":
            self._redirect("/loop-b")
        elif path == "/loop-b":
            self._redirect("/loop-a")
        elif path.startswith("/chain/"):
            left = int(path.rsplit("/", 1)[1])
            self._redirect(f"/chain/{left - 1}" if left > 0 else "/news/flood-barrier.html")
        elif path == "/to-private":
            self._redirect("http://10.0.0.7/admin")
        elif path == "/to-metadata":
            self._redirect("http://169.254.169.254/latest/meta-data/")
        elif path == "/to-ipv6-loopback-name":
            self._redirect("http://[::ffff:10.0.0.1]/")
        elif path == "/slow":
            time.sleep(3)
            self._send(200, NEWS_PAGE.read_bytes())
        elif path == "/big":
            self._send(200, b"<html><body>" + b"<p>filler words here</p>" * (BIG // 20) + b"</body></html>")
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.7\n%binary", "application/pdf")
        elif path == "/links.html":
            links = "".join(f'<li><a href="/story/{n}">Story number {n}</a></li>' for n in range(30))
            self._send(
                200, f"<html><head><title>Latest</title></head><body><nav><ul>{links}</ul></nav></body></html>".encode()
            )
        else:
            self._send(404, b"<html><body><h1>Not found</h1></body></html>")


@pytest.fixture
def page_server():
    """The base URL of a local server (http://127.0.0.1:PORT) that serves the routes above."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
