"""What a notification says, independent of the channel that carries it."""

from dataclasses import asdict, dataclass, field, fields
from datetime import datetime

LEVEL_NAMES = {"blue": "一般", "yellow": "较大", "orange": "重大", "red": "特别重大"}
LEVEL_COLOURS = {"blue": "蓝色", "yellow": "黄色", "orange": "橙色", "red": "红色"}
TOPIC_NAMES = {
    "production_safety": "安全生产",
    "large_enterprise": "大型企业",
    "hazardous_chemicals": "危险化学品",
    "fire": "火灾",
    "flood_drought": "防汛抗旱",
    "relief_supplies": "救灾物资",
    "online_opinion": "网络舆情",
    "petition_complaint": "信访投诉",
    "mass_incident": "群体性事件",
    "ideological_security": "意识形态安全",
}
# why a message is sent; the renderer words its heading from this
KINDS = {
    "new": "新告警",
    "escalation": "升级提醒",
    "upgrade": "级别上调",
    "reminder": "续报提醒",
    "deadline": "时限已过",
    "source_down": "信息源故障",
    "resolved": "已办结",
}


@dataclass
class ItemLink:
    title: str
    url: str
    source: str = ""
    published_at: datetime | None = None


@dataclass
class AlertMessage:
    """One notification about one alert, for one step of its chain."""

    alert_id: int
    number: str  # shown to people, e.g. "YQ-20261126-0042"; makes duplicates recognisable
    kind: str  # a key of KINDS
    step: int
    title: str
    level: str | None = None  # blue/yellow/orange/red
    topic: str | None = None
    place: str | None = None
    summary: str = ""
    casualties: dict[str, int] = field(default_factory=dict)  # deaths, injured, missing
    items: list[ItemLink] = field(default_factory=list)
    deadline_at: datetime | None = None  # the acknowledgement deadline
    deadline_label: str = "签收时限"
    ack_url: str | None = None
    alert_url: str | None = None
    reason: str = ""  # e.g. "未在时限内签收，升级至主要负责人"
    recipients: list[str] = field(default_factory=list)  # names, shown in the text
    mentions: list[str] = field(default_factory=list)  # mobiles / user ids for bot @-mentions
    heightened: list[str] = field(default_factory=list)  # names of heightened periods in force

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES.get(self.level or "", "")

    @property
    def topic_name(self) -> str:
        return TOPIC_NAMES.get(self.topic or "", self.topic or "")


def message_to_json(message: AlertMessage) -> dict:
    """The message as JSON-safe data, frozen into the outbox row."""
    data = asdict(message)
    data["deadline_at"] = message.deadline_at.isoformat() if message.deadline_at else None
    for item in data["items"]:
        item["published_at"] = item["published_at"].isoformat() if item["published_at"] else None
    return data


def message_from_json(data: dict) -> AlertMessage:
    """The message back from an outbox row (unknown keys from newer versions are ignored)."""
    known = {f.name for f in fields(AlertMessage)}
    values = {k: v for k, v in data.items() if k in known}
    if values.get("deadline_at"):
        values["deadline_at"] = datetime.fromisoformat(values["deadline_at"])
    values["items"] = [
        ItemLink(**{**item, "published_at": datetime.fromisoformat(item["published_at"])
                    if item.get("published_at") else None})
        for item in values.get("items", [])
    ]
    return AlertMessage(**values)
