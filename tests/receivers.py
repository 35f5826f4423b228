"""Local stand-ins for the vendors: robots that check and answer as DingTalk, WeCom and Feishu do,
a webhook consumer that checks our signature, and an SMTP server with TLS (a trustme CA) and AUTH.
"""

import base64
import email
import hashlib
import hmac
import json
import shutil
import socket
import ssl
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import default as default_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

TOKEN = "test-token"
VENDOR_MESSAGES = {
    130101: "send too fast, exceed 20 times per minute", 300001: "token is not exist",
    310000: "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]",
    460101: "message too long, exceed 20000 bytes", 40035: "缺少参数 json",
    93000: "invalid webhook url, hint: [1700000000_1_abc], from ip: 127.0.0.1",
    40058: "markdown.content exceed max length 4096. invalid Request Parameter",
    45009: "api freq out of limit", 40008: "invalid message type", 44004: "empty content",
    19001: "param invalid: incoming webhook access token invalid",
    19021: "sign match fail or timestamp is not within one hour from current time",
    19024: "Key Words Not Found", 9499: "Bad Request",
    11232: "frequency limited psm[lark.oapi.app_platform_runtime]appID[1]",
}
OK_REPLIES = {
    "dingtalk": {"errcode": 0, "errmsg": "ok"}, "wecom": {"errcode": 0, "errmsg": "ok"},
    "feishu": {"StatusCode": 0, "StatusMessage": "success", "code": 0, "data": {},
               "msg": "success"},
}
PATHS = {"dingtalk": "/robot/send?access_token={token}",
         "wecom": "/cgi-bin/webhook/send?key={token}", "feishu": "/open-apis/bot/v2/hook/{token}"}
RATE_CODES = {"dingtalk": 130101, "wecom": 45009, "feishu": 11232}


@dataclass
class Delivery:
    """One accepted request."""

    body: dict
    path: str
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)
    received_at: datetime = field(default_factory=lambda: datetime.now(UTC))


@dataclass
class Reply:
    status: int = 200
    body: dict = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


class HttpReceiver:
    """A threaded HTTP server that records what it accepts and can be down or fail on demand."""

    def __init__(self):
        self.lock = threading.RLock()
        self.received: list[Delivery] = []
        self.attempts: list[float] = []  # time.monotonic() of every request, accepted or not
        self.delay = 0.0  # seconds to wait before answering (a slow vendor)
        self._down_until, self._down_mode = 0.0, "502"
        self._failures: deque[tuple[int, float | None]] = deque()
        receiver = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):  # noqa: N802 (http.server's naming)
                receiver._serve(self)

            def log_message(self, *args):
                pass

        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True,
                                       kwargs={"poll_interval": 0.05})

    def down(self, seconds: float, mode: str = "502") -> None:
        """Be unavailable for ``seconds``: answer 502, or ``mode="drop"`` closes the connection."""
        with self.lock:
            self._down_until, self._down_mode = time.monotonic() + seconds, mode

    def set_down(self, down: bool, mode: str = "502") -> None:
        """Be unavailable until told otherwise."""
        with self.lock:
            self._down_until, self._down_mode = float("inf") if down else 0.0, mode

    def fail_next(self, n: int, code: int, retry_after: float | None = None) -> None:
        """Refuse the next ``n`` requests: an HTTP status below 600, else a vendor errcode."""
        with self.lock:
            self._failures.extend([(code, retry_after)] * n)

    def handle(self, path: str, headers: dict[str, str], raw: bytes) -> Reply:
        """The answer to an accepted request; subclasses check and record it."""
        raise NotImplementedError

    def failure(self, code: int, retry_after: float | None) -> Reply:
        """The answer to a request refused by ``fail_next``."""
        headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
        return Reply(code, {"error": f"HTTP {code}"}, headers)

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        raw = handler.rfile.read(int(handler.headers.get("Content-Length") or 0))
        headers = {k.lower(): v for k, v in handler.headers.items()}
        with self.lock:
            self.attempts.append(time.monotonic())
            down = time.monotonic() < self._down_until
            failure = self._failures.popleft() if self._failures and not down else None
        if self.delay:
            time.sleep(self.delay)
        if down and self._down_mode == "drop":
            handler.close_connection = True  # no response at all: the client sees a disconnect
            return
        reply = (Reply(502, {"error": "502 Bad Gateway"}) if down else self.failure(*failure)
                 if failure else self.handle(handler.path, headers, raw))
        payload = json.dumps(reply.body, ensure_ascii=False).encode()
        try:
            handler.send_response(reply.status)
            for name, value in {"Content-Type": "application/json",
                                "Content-Length": str(len(payload)), **reply.headers}.items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def _b64_hmac(key: str, message: str) -> str:
    return base64.b64encode(hmac.new(key.encode(), message.encode(), hashlib.sha256).digest()
                            ).decode()


class BotReceiver(HttpReceiver):
    """A DingTalk, WeCom or Feishu robot, with the vendor's checks and error codes."""

    def __init__(self, kind: str = "dingtalk", secret: str | None = None, *,
                 rate_per_minute: int = 20, rate_per_second: int | None = None,
                 keyword: str | None = None, throttle_seconds: float | None = None):
        super().__init__()
        self.kind, self.secret, self.keyword = kind, secret, keyword
        self.rate_per_minute, self.rate_per_second = rate_per_minute, rate_per_second
        # DingTalk blocks a robot for 10 minutes once it exceeds 20 messages a minute
        default_throttle = 600.0 if kind == "dingtalk" else 0.0
        self.throttle_seconds = default_throttle if throttle_seconds is None else throttle_seconds
        self._throttled_until, self._accepted = 0.0, deque()

    @property
    def url(self) -> str:
        """The webhook URL to put in the channel config."""
        return self.url_for(TOKEN)

    def url_for(self, token: str) -> str:
        """The webhook URL with another access token or key."""
        return f"http://127.0.0.1:{self.port}{PATHS[self.kind].format(token=token)}"

    def error(self, code: int, message: str | None = None) -> Reply:
        """HTTP 200 with the vendor's error body, as the vendors answer."""
        message = message or VENDOR_MESSAGES.get(code, "error")
        if self.kind == "feishu":
            return Reply(200, {"code": code, "data": {}, "msg": message})
        return Reply(200, {"errcode": code, "errmsg": message})

    def failure(self, code: int, retry_after: float | None) -> Reply:
        """An HTTP status below 600, else the vendor's errcode with HTTP 200."""
        return super().failure(code, retry_after) if code < 600 else self.error(code)

    def handle(self, path: str, headers: dict[str, str], raw: bytes) -> Reply:
        """Check the request as the vendor would; record it when it passes."""
        split = urlsplit(path)
        query = {k: v[0] for k, v in parse_qs(split.query).items()}
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        check = getattr(self, f"_check_{self.kind}")
        refusal = check(split.path, query, raw, body) or self._check_rate()
        if refusal:
            return refusal
        with self.lock:
            self.received.append(Delivery(body, path, headers))
        return Reply(200, OK_REPLIES[self.kind])

    def _check_keyword(self, body: dict, code: int, message: str | None = None) -> Reply | None:
        if self.keyword and self.keyword not in json.dumps(body, ensure_ascii=False):
            return self.error(code, message)
        return None

    def _check_dingtalk(self, path, query, raw, body) -> Reply | None:
        if query.get("access_token") != TOKEN:
            return self.error(300001)
        if len(raw) > 20000:
            return self.error(460101)
        if not isinstance(body, dict):
            return self.error(40035)
        if self.secret:
            timestamp, sign = query.get("timestamp", ""), query.get("sign", "")
            if not timestamp.isdigit() or abs(time.time() * 1000 - int(timestamp)) > 3600_000:
                return self.error(310000, "invalid timestamp")
            if not hmac.compare_digest(sign, _b64_hmac(self.secret, f"{timestamp}\n{self.secret}")):
                return self.error(310000)
        kind = body.get("msgtype")
        part = body.get(kind) if isinstance(kind, str) else None
        required = {"text": ("content",), "markdown": ("title", "text"),
                    "actionCard": ("title", "text")}.get(kind)
        if required is None or not isinstance(part, dict) or not all(part.get(k) for k in required):
            return self.error(40035)
        if kind == "actionCard" and not (part.get("btns") or part.get("singleURL")):
            return self.error(40035)
        return self._check_keyword(body, 310000, "keywords not in content")

    def _check_wecom(self, path, query, raw, body) -> Reply | None:
        if query.get("key") != TOKEN:
            return self.error(93000)
        if not isinstance(body, dict):
            return self.error(40035, "invalid json")
        kind = body.get("msgtype")
        if kind not in ("text", "markdown"):
            return self.error(40008)
        if not (content := (body.get(kind) or {}).get("content") or ""):
            return self.error(44004)
        limit = 4096 if kind == "markdown" else 2048
        if len(content.encode()) > limit:
            return self.error(40058, f"{kind}.content exceed max length {limit}. "
                                     f"invalid Request Parameter")
        return None

    def _check_feishu(self, path, query, raw, body) -> Reply | None:
        if path.rsplit("/", 1)[-1] != TOKEN:
            return self.error(19001)
        if len(raw) > 20 * 1024 or not isinstance(body, dict):
            return self.error(9499)
        if self.secret:
            timestamp, sign = str(body.get("timestamp", "")), str(body.get("sign", ""))
            if (not timestamp.isdigit() or abs(time.time() - int(timestamp)) > 3600
                    or not hmac.compare_digest(sign, _b64_hmac(f"{timestamp}\n{self.secret}", ""))):
                return self.error(19021)
        kind = body.get("msg_type")
        if kind not in ("text", "post", "image", "share_chat", "interactive") or (
                kind == "interactive" and not isinstance(body.get("card"), dict)):
            return self.error(9499)
        return self._check_keyword(body, 19024)

    def _check_rate(self) -> Reply | None:
        code = RATE_CODES[self.kind]
        now = time.monotonic()
        with self.lock:
            if now < self._throttled_until:
                return self.error(code)
            while self._accepted and self._accepted[0] <= now - 60:
                self._accepted.popleft()
            last_second = sum(1 for t in self._accepted if t > now - 1)
            if len(self._accepted) >= self.rate_per_minute or (
                    self.rate_per_second and last_second >= self.rate_per_second):
                self._throttled_until = now + self.throttle_seconds
                return self.error(code)
            self._accepted.append(now)
        return None


class WebhookReceiver(HttpReceiver):
    """A consumer of our generic webhook that checks ``X-Yuqing-Signature``."""

    def __init__(self, secret: str | None = None, *, tolerance: float = 300.0):
        super().__init__()
        self.secret, self.tolerance = secret, tolerance

    @property
    def url(self) -> str:
        """The URL to put in the channel config."""
        return f"http://127.0.0.1:{self.port}/hook"

    def handle(self, path: str, headers: dict[str, str], raw: bytes) -> Reply:
        """Verify the signature and the timestamp, then record the JSON body."""
        if self.secret:
            timestamp = headers.get("x-yuqing-timestamp", "")
            mac = hmac.new(self.secret.encode(), timestamp.encode() + b"." + raw, hashlib.sha256)
            given = headers.get("x-yuqing-signature", "")
            if not hmac.compare_digest(given, f"sha256={mac.hexdigest()}"):
                return Reply(401, {"error": "bad signature"})
            if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > self.tolerance:
                return Reply(401, {"error": "stale timestamp"})
        try:
            body = json.loads(raw)
        except ValueError:
            return Reply(400, {"error": "not JSON"})
        with self.lock:
            self.received.append(Delivery(body, path, headers))
        return Reply(200, {"ok": True})


@dataclass
class Mail:
    """One message the SMTP receiver accepted."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    at: float = field(default_factory=time.monotonic)
    received_at: datetime = field(default_factory=lambda: datetime.now(UTC))


class SmtpReceiver:
    """An SMTP server on 127.0.0.1: ``tls`` none, starttls or ssl; ``auth`` (user, password)."""

    def __init__(self, tls: str = "none", auth: tuple[str, str] | None = None,
                 refuse: dict[str, str] | None = None):
        self.tls, self.auth = tls, auth
        self.refuse = dict(refuse or {})  # address -> reply, e.g. "550 5.1.1 No such user"
        self.data_failures: deque[str] = deque()
        self.messages: list[Mail] = []
        self.lock = threading.Lock()
        with socket.socket() as probe:  # aiosmtpd needs the port before it starts
            probe.bind(("127.0.0.1", 0))
            self.host, self.port = probe.getsockname()
        self._dir = Path(tempfile.mkdtemp(prefix="smtp-ca-"))
        self.ca, self.ca_file = trustme.CA(), str(self._dir / "ca.pem")
        self.ca.cert_pem.write_to_path(self.ca_file)
        self.ssl_context = ssl.create_default_context(cafile=self.ca_file)  # trusts the server
        server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.ca.issue_cert("127.0.0.1", "localhost").configure_cert(server_context)
        options: dict = {"hostname": self.host, "port": self.port, "ready_timeout": 5.0}
        if tls == "ssl":
            options["ssl_context"] = server_context
        elif tls == "starttls":
            options.update(tls_context=server_context, require_starttls=True)
        if auth:
            # aiosmtpd only knows STARTTLS as TLS; over implicit TLS the session is already secure
            options.update(authenticator=self._authenticate, auth_require_tls=tls == "starttls")
        self.controller = Controller(self, **options)

    def fail_next_data(self, n: int, reply: str = "451 4.3.0 Try again later") -> None:
        """Answer the next ``n`` DATA commands with ``reply``."""
        with self.lock:
            self.data_failures.extend([reply] * n)

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        """aiosmtpd hook: refuse the addresses in ``refuse``."""
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        """aiosmtpd hook: record the message, parsed so that headers come out decoded."""
        with self.lock:
            if self.data_failures:
                return self.data_failures.popleft()
            message = email.message_from_bytes(envelope.original_content or envelope.content,
                                               policy=default_policy)
            self.messages.append(Mail(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        login = (auth_data.login.decode(), auth_data.password.decode())
        return AuthResult(success=login == self.auth, handled=False)  # False: aiosmtpd sends 535

    def __enter__(self) -> "SmtpReceiver":
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()
        shutil.rmtree(self._dir, ignore_errors=True)
