"""A small Nominatim look-alike on 127.0.0.1, so the online geocoder is tested without a network."""

from __future__ import annotations

import json
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class FakeNominatim(ThreadingHTTPServer):
    """Answers /search like Nominatim; ``body`` and ``delay`` make it misbehave."""

    daemon_threads = True

    def __init__(self, answers: dict[str, list[dict[str, object]]]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.answers = answers
        self.queries: list[str] = []
        self.body: bytes | None = None
        self.delay = 0.0

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that timed out has hung up before the answer: nothing to report."""


class _Handler(BaseHTTPRequestHandler):
    server: FakeNominatim

    def do_GET(self) -> None:
        query = parse_qs(urlparse(self.path).query).get("q", [""])[0]
        self.server.queries.append(query)
        time.sleep(self.server.delay)
        body = self.server.body
        if body is None:
            body = json.dumps(self.server.answers.get(query.lower(), [])).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output to the tests."""
