"""The live preview's front door: PDFs made on demand, everything else from the engine's dev server.

A PDF is composed when it is asked for, from the part cache the builds share: only the parts that
changed since they were last rendered are laid out again, so a saved worksheet's PDF is there within
seconds. Every other request (pages, assets, the reload poll) goes to the engine's server as it is.
"""
from __future__ import annotations

import http.client
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.model.dates import source_date_epoch
from generator.model.handbook import Handbook
from generator.print.documents import PrintDoc
from generator.print.print_html import PrintRenderer
from generator.print.render import render_all

# Headers that belong to one connection, not to the answer: never passed on.
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
              "transfer-encoding", "upgrade"}


class PdfOnDemand:
    """The PDFs of the handbook the preview shows last, composed from the part cache on request."""

    def __init__(self, theme_dir: Path, cache_dir: Path) -> None:
        self.templates, self.assets, self.cache_dir = theme_dir / "print", theme_dir / "assets", cache_dir
        self.lock = threading.Lock()  # one PDF at a time: WeasyPrint is heavy, the cache is shared
        self.handbook: Handbook | None = None
        self.docs: dict[str, PrintDoc] | None = None

    def update(self, handbook: Handbook) -> None:
        with self.lock:
            self.handbook, self.docs = handbook, None

    def pdf(self, path: str) -> tuple[int, bytes]:
        """(HTTP status, body) for a site path such as pdf/werkbladen/x.pdf."""
        with self.lock:
            if self.handbook is None:
                return 503, "De preview is nog niet klaar.".encode("utf-8")
            if self.docs is None:
                self.docs = {doc.path: doc for doc in PrintRenderer(self.handbook, self.templates).documents()}
            doc = self.docs.get(path)
            if doc is None:
                return 404, f"Deze PDF bestaat niet: {path}".encode("utf-8")
            report = render_all([doc], self.templates, self.assets, self.cache_dir,
                                source_date_epoch(self.handbook.meta.edition.date), workers=1)
        if report.problems:
            return 500, "\n".join(str(problem) for problem in report.problems).encode("utf-8")
        return 200, report.files[path].read_bytes()


def pdf_path(url_path: str) -> str | None:
    """The site path of a PDF request, whatever folder the site is served under."""
    path = unquote(urlsplit(url_path).path)
    index = path.find("/pdf/")
    return path[index + 1:] if index >= 0 and path.endswith(".pdf") else None


def _handler(pdfs: PdfOnDemand, engine: tuple[str, int]) -> type[BaseHTTPRequestHandler]:
    class PreviewHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            try:
                self._answer()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser went away (a reload, a closed tab): nothing to answer

        def _answer(self) -> None:
            path = pdf_path(self.path)
            if path is None:
                self._forward()
                return
            status, body = pdfs.pdf(path)
            self.send_response(status)
            self.send_header("Content-Type", "application/pdf" if status == 200 else "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _forward(self) -> None:
            connection = http.client.HTTPConnection(*engine, timeout=120)  # the reload poll waits long
            try:
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                connection.request("GET", self.path, headers=headers)
                answer = connection.getresponse()
                body = answer.read()
            except OSError:
                self.send_error(502, "De preview-server van de site antwoordt niet.")
                return
            finally:
                connection.close()
            self.send_response(answer.status)
            for key, value in answer.getheaders():
                if key.lower() not in HOP_BY_HOP and key.lower() != "content-length":
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # the engine logs its own requests; ours would double them

    return PreviewHandler


class PreviewServer:
    """Runs the front door in a thread until stopped."""

    def __init__(self, address: str, pdfs: PdfOnDemand, engine: tuple[str, int]) -> None:
        host, _, port = address.rpartition(":")
        self.server = ThreadingHTTPServer((host or "127.0.0.1", int(port)), _handler(pdfs, engine))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "PreviewServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def engine_address(host: str) -> tuple[str, int]:
    """A free port on the loopback for the engine's own server, behind the front door."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return host, sock.getsockname()[1]

