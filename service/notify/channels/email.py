"""Email through an SMTP server: plain, STARTTLS or implicit TLS, with optional login.

smtplib runs in a worker thread; every failure is classified by its SMTP reply code
(RFC 5321 §4.2.1: 4yz is transient, 5yz permanent).
"""

import asyncio
import smtplib
import ssl
from datetime import datetime
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid, parseaddr

import aiohttp

from service.notify.channels.base import SendResult, config_error, retryable, short
from service.notify.channels.config import EmailChannel
from service.notify.message import AlertMessage
from service.notify.render import LOCAL_ZONE, email_parts


def build_email(cfg: EmailChannel, messages: list[AlertMessage], to: list[str],
                now: datetime) -> EmailMessage:
    """A multipart/alternative message; the policy encodes the Chinese subject (RFC 2047)."""
    subject, text, html = email_parts(messages, now)
    message = EmailMessage(policy=SMTP)
    message["Subject"] = subject
    message["From"] = cfg.sender
    message["To"] = ", ".join(to)
    message["Date"] = format_datetime(now.astimezone(LOCAL_ZONE))
    domain = parseaddr(cfg.sender)[1].rpartition("@")[2] or "localhost"
    message["Message-ID"] = make_msgid("yuqing", domain=domain)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies
    message["X-Yuqing-Alert"] = ", ".join(m.number for m in messages)
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message


def well_formed(address: str) -> bool:
    """Whether ``address`` is a plain ASCII addr-spec such as ``duty@example.gov.cn``."""
    try:
        parsed = Address(addr_spec=address)
    except (ValueError, IndexError, HeaderParseError):
        return False
    return bool(parsed.username and parsed.domain) and address.isascii()


def tls_context(cfg: EmailChannel) -> ssl.SSLContext:
    """The client TLS context: the system CAs, or ``ca_file``; no checks if verify_tls is off."""
    context = ssl.create_default_context(cafile=cfg.ca_file)
    if not cfg.verify_tls:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def _deliver(cfg: EmailChannel, message: EmailMessage, to: list[str]) -> dict:
    """Connect, secure, log in and send; smtplib exceptions propagate to ``_classify``."""
    if cfg.security == "ssl":
        smtp = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout,
                                context=tls_context(cfg))
    else:
        smtp = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
    with smtp:
        if cfg.security == "starttls":
            smtp.starttls(context=tls_context(cfg))
        if cfg.username:
            smtp.login(cfg.username, cfg.password or "")
        return smtp.send_message(message, to_addrs=to)


def _by_code(code: int, detail: str) -> SendResult:
    if 400 <= code < 500:
        return retryable(str(code), detail)
    return config_error(str(code), detail)


def _classify(exc: Exception, cfg: EmailChannel) -> SendResult:
    """What an smtplib or socket exception means for the relay."""
    where = f"{cfg.host}:{cfg.port}"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        replies = exc.recipients
        detail = "all recipients refused: " + "; ".join(
            f"{address} ({code} {short(reply.decode(errors='replace'), 80)})"
            for address, (code, reply) in replies.items())
        transient = any(400 <= code < 500 for code, _ in replies.values())
        result = retryable("rcpt", detail) if transient else config_error("rcpt", detail)
        result.code = str(next(iter(replies.values()))[0])
        result.refused = list(replies)
        return result
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return config_error(str(exc.smtp_code), f"login refused by {where}: "
                            f"{short(exc.smtp_error.decode(errors='replace'))}")
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) \
            else str(exc.smtp_error)
        return _by_code(exc.smtp_code, f"{type(exc).__name__} from {where}: "
                        f"{exc.smtp_code} {short(text)}")
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return config_error("unsupported", f"{where} does not support it: {short(exc)} "
                            f"(check security and username)")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return retryable("disconnected", f"{where} closed the connection: {short(exc)}")
    if isinstance(exc, ssl.SSLCertVerificationError):
        return config_error("tls", f"certificate of {where} not trusted: {exc.verify_message} "
                            f"(set ca_file, or verify_tls: false)")
    if isinstance(exc, ssl.SSLEOFError):  # the server hung up mid-handshake
        return retryable("network", f"{where} closed the TLS handshake: {short(exc)}")
    if isinstance(exc, ssl.SSLError):
        return config_error("tls", f"TLS with {where} failed: {short(exc)} "
                            f"(is security {cfg.security!r} what the server speaks?)")
    if isinstance(exc, TimeoutError):
        return retryable("timeout", f"no answer from {where} within {cfg.timeout:g}s")
    if isinstance(exc, ConnectionRefusedError):
        return retryable("connect", f"connection to {where} refused")
    if isinstance(exc, OSError | smtplib.SMTPException):
        return retryable("network", f"{type(exc).__name__} with {where}: {short(exc)}")
    raise exc


async def send_email(client: aiohttp.ClientSession | None, cfg: EmailChannel,
                     messages: list[AlertMessage], to: list[str], now: datetime) -> SendResult:
    """Send one email about the messages to the addresses in ``to``."""
    malformed = [address for address in to if not well_formed(address)]
    valid = [address for address in to if address not in malformed]
    if not valid:
        return config_error("no_recipients", f"no usable email address in {to!r}")
    message = build_email(cfg, messages, valid, now)
    try:
        refused = await asyncio.to_thread(_deliver, cfg, message, valid)
    except Exception as exc:  # noqa: BLE001 (classified; anything unknown is re-raised)
        result = _classify(exc, cfg)
        result.refused += malformed
        return result
    accepted = len(valid) - len(refused)
    detail = f"{cfg.host} accepted the message for {accepted} of {len(to)} recipients"
    if refused or malformed:
        detail += "; refused: " + ", ".join(
            [f"{a} ({code})" for a, (code, _) in refused.items()]
            + [f"{a} (malformed)" for a in malformed])
    return SendResult(True, code="250", detail=detail, refused=[*refused, *malformed])
