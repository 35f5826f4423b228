"""Real local HTTP servers for the tests: a programmable site that serves feeds and pages."""

import gzip
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    stall: float = 0.0  # seconds to wait before the headers
    trickle: float = 0.0  # seconds between body bytes (a slow server)
    gzip: bool = False
    chunked: bool = False  # Transfer-Encoding: chunked, so no Content-Length


Handler = Callable[["Request"], Reply]


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)  # when it arrived


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # a cycle opens many connections at once; 5 would drop SYNs


class Site:
    """An HTTP server on 127.0.0.x with routes set by the test; every request is recorded."""

    def __init__(self, host: str = "127.0.0.1"):
        self.routes: dict[str, Handler | Reply] = {}
        self.requests: list[Request] = []
        site = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 (http.server's naming)
                site._serve(self)

            def log_message(self, *args):
                pass

        self.server = _Server((host, 0), _Handler)
        self.host = host
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True,
                                       kwargs={"poll_interval": 0.05})  # quick shutdown

    def url(self, path: str) -> str:
        """The full URL of a path on this site."""
        return f"http://{self.host}:{self.port}{path}"

    def route(self, path: str, reply: Handler | Reply) -> str:
        """Serve ``reply`` (or call it per request) at ``path``; returns the URL."""
        self.routes[path] = reply
        return self.url(path)

    def hits(self, path: str) -> list[Request]:
        """The requests received for ``path``."""
        return [r for r in self.requests if r.path == path]

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        request = Request(handler.path, {k.lower(): v for k, v in handler.headers.items()})
        self.requests.append(request)
        route = self.routes.get(handler.path.split("?")[0]) or self.routes.get(handler.path)
        if route is None:
            reply = Reply(404, b"not found")
        else:
            reply = route(request) if callable(route) else route
        try:
            if reply.stall:
                time.sleep(reply.stall)
            body = gzip.compress(reply.body) if reply.gzip else reply.body
            handler.send_response(reply.status)
            length = {"Transfer-Encoding": "chunked"} if reply.chunked else {
                "Content-Length": str(len(body))}
            headers = {**length, **reply.headers}
            if reply.gzip:
                headers["Content-Encoding"] = "gzip"
            for name, value in headers.items():
                handler.send_header(name, value)
            handler.end_headers()
            if reply.chunked:
                for i in range(0, len(body), 16384):
                    piece = body[i:i + 16384]
                    handler.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                handler.wfile.write(b"0\r\n\r\n")
            elif reply.trickle:
                for i in range(len(body)):
                    handler.wfile.write(body[i:i + 1])
                    handler.wfile.flush()
                    time.sleep(reply.trickle)
            else:
                handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def __enter__(self) -> "Site":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def etag_feed(body_of: Callable[[], bytes], etag_of: Callable[[], str]) -> Handler:
    """A handler that answers 304 when the client already has the current ETag."""

    def handle(request: Request) -> Reply:
        etag = etag_of()
        if request.headers.get("if-none-match") == etag:
            return Reply(304, headers={"ETag": etag})
        return Reply(200, body_of(), {"Content-Type": "application/rss+xml; charset=utf-8",
                                      "ETag": etag})

    return handle
