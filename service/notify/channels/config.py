"""The ``channels:`` section of routing.yaml: one entry per robot, mail server or webhook.

Every URL and host is configuration, so tests point them at local receivers.
"""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from service.configfile import Duration


class _Channel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # a disabled channel records its messages as skipped instead of sending them
    enabled: bool = True
    timeout: Duration = 10.0
    # messages a minute this channel accepts; a burst beyond it is merged into one digest
    rate_per_minute: int = Field(18, ge=1)
    rate_per_second: int | None = Field(None, ge=1)
    # keyword a robot's security setting requires in every message (DingTalk, Feishu)
    keyword: str | None = None


class DingTalkChannel(_Channel):
    """A DingTalk custom robot: ``https://oapi.dingtalk.com/robot/send?access_token=...``."""

    type: Literal["dingtalk"]
    url: HttpUrl
    secret: str | None = Field(None, description="the robot's SEC... signing secret")
    style: Literal["markdown", "actionCard"] = "actionCard"


class WeComChannel(_Channel):
    """A WeCom group robot: ``https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...``."""

    type: Literal["wecom"]
    url: HttpUrl


class FeishuChannel(_Channel):
    """A Feishu/Lark custom bot: ``https://open.feishu.cn/open-apis/bot/v2/hook/...``."""

    type: Literal["feishu"]
    url: HttpUrl
    secret: str | None = None
    rate_per_minute: int = Field(90, ge=1)
    rate_per_second: int | None = Field(5, ge=1)


class EmailChannel(_Channel):
    """An SMTP server that sends to the addresses given per person."""

    type: Literal["email"]
    host: str
    port: int = Field(25, ge=1, le=65535)
    security: Literal["none", "starttls", "ssl"] = "starttls"
    username: str | None = None
    password: str | None = None
    sender: str = Field(description='the From address, e.g. "应急舆情哨兵 <yq@example.gov.cn>"')
    verify_tls: bool = True
    ca_file: str | None = Field(
        None, description="a PEM file of CAs to trust, for a mail server with a private CA")
    rate_per_minute: int = Field(120, ge=1)


class WebhookChannel(_Channel):
    """A generic JSON POST, signed with HMAC-SHA256 when a secret is set."""

    type: Literal["webhook"]
    url: HttpUrl
    secret: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    rate_per_minute: int = Field(600, ge=1)


ChannelConfig = Annotated[
    DingTalkChannel | WeComChannel | FeishuChannel | EmailChannel | WebhookChannel,
    Field(discriminator="type"),
]
BOT_TYPES = frozenset({"dingtalk", "wecom", "feishu"})
