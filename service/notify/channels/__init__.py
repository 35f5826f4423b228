"""Channel adapters: DingTalk, WeCom and Feishu robots, email and a generic webhook.

``Sender.send`` renders, signs and sends one message (or a digest of several) through one
configured channel, and classifies the outcome as a ``SendResult``; it never raises for a
vendor or network failure.
"""

import asyncio
from collections.abc import Awaitable, Callable, Sequence

import aiohttp

from service.clock import Clock, SystemClock
from service.notify.channels.base import USER_AGENT, SendResult, config_error
from service.notify.channels.config import ChannelConfig
from service.notify.channels.dingtalk import send_dingtalk
from service.notify.channels.email import send_email
from service.notify.channels.feishu import send_feishu
from service.notify.channels.webhook import send_webhook
from service.notify.channels.wecom import send_wecom
from service.notify.message import AlertMessage

__all__ = ["ADAPTERS", "SendResult", "Sender"]

Adapter = Callable[..., Awaitable[SendResult]]
ADAPTERS: dict[str, Adapter] = {
    "dingtalk": send_dingtalk,
    "wecom": send_wecom,
    "feishu": send_feishu,
    "email": send_email,
    "webhook": send_webhook,
}


class Sender:
    """Sends through the configured channels; one instance per process.

    Robots and webhooks go through one aiohttp session (connections kept alive), made on first
    use in the running event loop. Call ``aclose()`` before that loop ends (the scheduler and
    ``collect --once`` do); a sender used in another loop afterwards makes a new session there.
    """

    def __init__(self, client: aiohttp.ClientSession | None = None, *,
                 clock: Clock | None = None):
        self._owns_client = client is None
        self._client = client
        self._loop: asyncio.AbstractEventLoop | None = None
        # the clock words "剩余15分钟"; signatures always use the wall clock the vendor checks
        self.clock = clock or SystemClock()

    @property
    def client(self) -> aiohttp.ClientSession:
        """The HTTP session of the running event loop."""
        loop = asyncio.get_running_loop()
        if self._owns_client and (self._client is None or self._loop is not loop
                                  or self._client.closed):
            self._client = aiohttp.ClientSession(
                headers={"User-Agent": USER_AGENT}, cookie_jar=aiohttp.DummyCookieJar())
            self._loop = loop
        return self._client

    async def send(self, config: ChannelConfig, messages: Sequence[AlertMessage],
                   to: Sequence[str]) -> SendResult:
        """Send one message, or several merged into a digest, to ``to`` through ``config``.

        ``to`` holds the mobiles or user ids a robot @-mentions, or an email's addresses;
        a webhook ignores it.
        """
        if not messages:
            raise ValueError("send needs at least one message")
        if not config.enabled:
            return config_error("disabled", f"channel type {config.type} is disabled")
        adapter = ADAPTERS[config.type]
        return await adapter(self.client, config, list(messages), list(to), self.clock.now())

    async def aclose(self) -> None:
        """Close the HTTP session if this sender made it (in this event loop)."""
        client, self._client = self._client, None
        if self._owns_client and client is not None and not client.closed:
            try:
                running = asyncio.get_running_loop()
            except RuntimeError:
                running = None
            if running is self._loop:
                await client.close()

    async def __aenter__(self) -> "Sender":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.aclose()
