"""The feed farm's content: N RSS feeds of Chinese emergency-management news, and their changes.

``Farm`` builds every feed from seeded word lists and templates (titles, descriptions, links,
GUIDs, publication dates in the forms Chinese sites use) and renders it as RSS 2.0, plain and
gzipped. It also models the farm's behaviour: which host serves a feed, the seeded delay of each
response, ``change(share)`` (1–5 new items on that share of the feeds) and the I/O floor of a
cycle. It knows nothing of the server (bench/feedfarm.py), so it can be tested or imported alone.
"""

from __future__ import annotations

import gzip
import math
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from xml.sax.saxutils import escape

BEIJING = timezone(timedelta(hours=8))

# ---------------------------------------------------------------------------------------------
# Word lists for plausible Chinese emergency-management news
# ---------------------------------------------------------------------------------------------

PROVINCES = ["广东", "浙江", "江苏", "四川", "湖南", "湖北", "河南",
             "河北", "山东", "福建", "云南", "贵州", "广西", "江西",
             "安徽", "陕西", "甘肃", "山西", "辽宁", "吉林",
             "黑龙江", "重庆"]
CITIES = ["珠海", "佛山", "温州", "宁波", "苏州", "无锡", "绵阳",
          "宜宾", "岳阳", "常德", "宜昌", "襄阳", "洛阳", "南阳",
          "保定", "唐山", "烟台", "潍坊", "泉州", "漳州", "曲靖",
          "遵义", "柳州", "赣州", "芜湖", "宝鸡", "天水", "大同",
          "鞍山", "吉林", "齐齐哈尔", "万州"]
DISTRICTS = ["香洲区", "南海区", "鹿城区", "鄞州区", "吴中区", "涪城区",
             "翠屏区", "岳阳楼区", "武陵区", "西陵区", "樊城区",
             "涧西区", "卧龙区", "莲池区", "路北区", "芝罘区", "奎文区",
             "丰泽区"]
AGENCIES = ["应急管理局", "消防救援支队", "气象台", "水利局", "自然资源局",
            "防汛抗旱指挥部", "森林防灭火指挥部", "地震局", "交通运输局",
            "市场监督管理局", "卫生健康委员会", "安全生产委员会办公室"]
HAZARDS = ["暴雨", "山洪", "地质灾害", "台风", "森林火灾", "雷电",
           "大风", "冰雹", "高温", "寒潮", "道路结冰", "危化品泄漏",
           "燃气泄漏", "城市内涝", "山体滑坡", "泥石流", "地震",
           "干旱"]
LEVELS = ["蓝色预警", "黄色预警", "橙色预警", "红色预警"]
RESPONSES = ["Ⅳ级应急响应", "Ⅲ级应急响应", "Ⅱ级应急响应", "Ⅰ级应急响应"]
ACTIONS = ["发布", "启动", "部署", "开展", "召开", "通报", "升级", "解除", "调整"]
TOPICS = ["安全生产大检查", "隐患排查整治专项行动", "防汛备汛工作", "应急演练", "冬春火灾防控工作",
          "燃气安全专项整治", "自建房安全隐患排查", "危险化学品安全专项检查", "森林防火宣传月活动",
          "节假日安全防范工作", "电动自行车火灾防控", "地质灾害群测群防", "校园安全隐患排查"]
TITLE_TEMPLATES = [
    "{city}{agency}{action}{hazard}{level}",
    "{province}{action}{topic}",
    "{city}{district}{action}{topic}，排查隐患{n}处",
    "{city}启动{hazard}{response}",
    "{province}{agency}：{hazard}期间全力做好人员转移安置",
    "{city}{district}发生一起{incident}，{casualty}",
    "{province}多地遭遇{hazard}，{city}转移群众{n}人",
    "{agency}{action}关于做好{hazard}防范应对工作的通知",
    "{city}{agency}通报{month}月份{topic}情况",
    "【{hazard}】{city}{district}{action}{level}，请注意防范",
]
INCIDENTS = ["交通事故", "火灾", "燃气爆炸", "厂房坍塌", "溺水事件", "有限空间中毒事故", "沉船事故"]
CASUALTIES = ["暂无人员伤亡", "造成{n}人受伤", "{n}人被困已全部获救", "事故原因正在调查中"]
SENTENCES = [
    "据{city}{agency}消息，{date}以来，{city}{district}出现{hazard}天气，局地累计降水量达{n}毫米。",
    "{agency}提醒广大市民减少不必要的外出，远离河道、低洼地带和危险边坡。",
    "截至{hour}时，全市共转移安置群众{n}人，出动救援力量{m}人次、车辆{k}台次。",
    "事故发生后，{city}立即启动应急预案，公安、消防、卫健等部门迅速赶赴现场开展处置。",
    "目前，现场处置工作有序推进，{casualty2}，具体原因正在进一步调查中。",
    "会议强调，各地各部门要坚持人民至上、生命至上，压紧压实安全生产责任，坚决防范遏制重特大事故发生。",
    "{province}{agency}派出工作组赶赴一线，指导督促地方做好{hazard}防范应对工作。",
    "预计未来{k}小时，{city}大部分地区仍有{hazard}，请相关单位和公众注意防范。",
    "此次{topic}共检查企业{n}家，发现并整改安全隐患{m}处，责令停产整顿{k}家。",
    "{city}{district}组织开展{topic}，{n}余名干部群众参加，进一步提升了基层应急处置能力。",
    "相关部门已对涉事企业负责人依法采取控制措施，并在全市范围内开展举一反三排查。",
    "请广大群众通过官方渠道获取权威信息，不信谣、不传谣，如遇险情请及时拨打119或110求助。",
    "气象部门表示，受冷暖空气共同影响，{date}夜间到次日白天{city}将出现明显降温和大风天气。",
    "{agency}已会同{agency2}成立联合工作专班，实行24小时值班值守和领导带班制度。",
]


class _Fields(dict):
    """Template fields drawn on first use, so a template costs only the draws it needs."""

    def __init__(self, rng: random.Random, when: datetime):
        super().__init__()
        self.rng, self.when = rng, when

    def __missing__(self, key: str) -> str:
        rng = self.rng
        choices = _CHOICES.get(key)
        if choices is not None:
            value = rng.choice(choices)
        elif key in ("casualty", "casualty2"):
            value = rng.choice(CASUALTIES).format(n=rng.randint(1, 9))
        elif key == "n":
            value = rng.randint(12, 3800)
        elif key == "m":
            value = rng.randint(5, 900)
        elif key == "k":
            value = rng.randint(2, 72)
        elif key == "hour":
            value = rng.randint(6, 22)
        elif key == "month":
            value = self.when.month
        elif key == "date":
            value = f"{self.when.month}月{self.when.day}日"
        else:
            raise KeyError(key)
        self[key] = value
        return value


_CHOICES = {"province": PROVINCES, "city": CITIES, "district": DISTRICTS, "agency": AGENCIES,
            "agency2": AGENCIES, "hazard": HAZARDS, "level": LEVELS, "response": RESPONSES,
            "action": ACTIONS, "topic": TOPICS, "incident": INCIDENTS}


def _fill(template: str, rng: random.Random, when: datetime) -> str:
    return template.format_map(_Fields(rng, when))


# ---------------------------------------------------------------------------------------------
# Feeds
# ---------------------------------------------------------------------------------------------

SITE_NAMES = ["yjgl", "xf119", "qx", "slj", "zrzy", "fxb", "senlin", "dzj", "jtys", "scjg"]
DATE_STYLES = ("rfc822", "iso_space", "cn_full", "slash")


def format_date(moment: datetime, style: str) -> str:
    """A publication date as Chinese sites write them (zone-less ones are Beijing time)."""
    local = moment.astimezone(BEIJING)
    if style == "rfc822":
        return format_datetime(local)  # "Thu, 26 Nov 2026 10:30:00 +0800"
    if style == "iso_space":
        return local.strftime("%Y-%m-%d %H:%M:%S")
    if style == "cn_full":
        return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"
    return local.strftime("%Y/%m/%d %H:%M")


@dataclass
class Feed:
    """One feed: where it lives, how it writes its items, and its current rendering."""
    index: int
    host: str
    site: str  # the fictitious public site the items link to
    date_style: str
    html_descriptions: bool
    permalink_guids: bool
    gap_minutes: int
    newest: int = 30  # items are numbered 1..newest; the feed shows the last ``items``
    version: int = 0
    body: bytes = b""
    gzipped: bytes = b""

    @property
    def path(self) -> str:
        """The feed's URL path."""
        return f"/feeds/{self.index:05d}.xml"

    @property
    def etag(self) -> str:
        """The feed's ETag; it changes with each new version."""
        return f'"f{self.index}-v{self.version}"'


@dataclass
class Farm:
    """The content of the farm, independent of the server (so it can be tested or imported)."""

    feeds_count: int
    hosts: int = 40
    items: int = 30
    seed: int = 20261126
    min_delay: float = 0.1
    max_delay: float = 2.0
    epoch: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    render: bool = True  # False: a model of the farm (hosts, delays, changes) without bodies
    phase: int = 0
    feeds: list[Feed] = field(default_factory=list)
    _initial: dict[int, tuple[bytes, bytes]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.reset()

    def host_of(self, index: int) -> str:
        """The loopback address that serves feed ``index``."""
        return f"127.0.0.{1 + index % self.hosts}"

    def reset(self) -> None:
        """Back to the first state: every feed at version 0 with items 1..30, phase 0."""
        self.phase = 0
        rng = random.Random(self.seed)
        self.feeds = []
        for index in range(self.feeds_count):
            feed = Feed(
                index=index, host=self.host_of(index),
                site=f"www.{SITE_NAMES[index % len(SITE_NAMES)]}{index % 97}.gov.cn",
                date_style=DATE_STYLES[index % len(DATE_STYLES)],
                html_descriptions=rng.random() < 0.5, permalink_guids=rng.random() < 0.5,
                gap_minutes=rng.randint(5, 90), newest=self.items,
            )
            if self.render:
                if index not in self._initial:
                    self._render(feed)
                    self._initial[index] = (feed.body, feed.gzipped)
                feed.body, feed.gzipped = self._initial[index]
            self.feeds.append(feed)

    def delay(self, index: int) -> float:
        """Seconds this feed waits before answering in the current phase (log-uniform)."""
        rng = random.Random(f"{self.seed}:{index}:{self.phase}")
        low, high = math.log(self.min_delay), math.log(self.max_delay)
        return math.exp(rng.uniform(low, high)) if high > low else self.min_delay

    def change(self, share: float, seed: int = 1) -> dict[int, int]:
        """Publish 1–5 new items on ``share`` of the feeds; returns {feed index: new items}."""
        rng = random.Random(f"{self.seed}:change:{seed}:{self.phase}")
        count = round(self.feeds_count * share)
        chosen = sorted(rng.sample(range(self.feeds_count), count))
        changed = {}
        for index in chosen:
            feed = self.feeds[index]
            new = rng.randint(1, 5)
            feed.newest += new
            feed.version += 1
            if self.render:
                self._render(feed)
            changed[index] = new
        self.phase += 1
        return changed

    def ideal_seconds(self, per_host: int, total: int) -> float:
        """A lower bound of one cycle's wall time from the delays alone (no CPU, no network)."""
        delays = [self.delay(i) for i in range(self.feeds_count)]
        by_host: dict[str, float] = {}
        for feed, seconds in zip(self.feeds, delays, strict=True):
            by_host[feed.host] = by_host.get(feed.host, 0.0) + seconds
        return max(sum(delays) / total, max(by_host.values()) / per_host, max(delays))

    # -- rendering ----------------------------------------------------------------------------

    def published(self, feed: Feed, number: int) -> datetime:
        """When item ``number`` of ``feed`` was published."""
        base = self.epoch - timedelta(hours=6)
        return base - timedelta(minutes=feed.gap_minutes * (self.items - number))

    def item_xml(self, feed: Feed, number: int) -> str:
        """One RSS ``<item>``, drawn from a seed of its own (feed and item number)."""
        rng = random.Random(f"{self.seed}:item:{feed.index}:{number}")
        when = self.published(feed, number)
        title = _fill(rng.choice(TITLE_TEMPLATES), rng, when)
        target = rng.randint(100, 300)
        parts, size = [], 0
        while size < target:
            sentence = _fill(rng.choice(SENTENCES), rng, when)
            parts.append(sentence)
            size += len(sentence)
        link = f"http://{feed.site}/xwzx/{when:%Y%m}/t{when:%Y%m%d}_{feed.index:05d}{number:04d}.html"
        if feed.html_descriptions:
            paragraphs = "".join(f"<p>{p}</p>" for p in parts)
            description = f"<![CDATA[{paragraphs}]]>"
        else:
            description = escape("".join(parts))
        if feed.permalink_guids:
            guid = f"<guid>{escape(link)}</guid>"
        else:
            guid = f'<guid isPermaLink="false">yq-{feed.index}-{number}</guid>'
        return (
            f"<item><title>{escape(title)}</title><link>{escape(link)}</link>{guid}"
            f"<pubDate>{format_date(when, feed.date_style)}</pubDate>"
            f"<description>{description}</description></item>\n"
        )

    def _render(self, feed: Feed) -> None:
        numbers = range(feed.newest, max(feed.newest - self.items, 0), -1)
        items = "".join(self.item_xml(feed, n) for n in numbers)
        name = f"{CITIES[feed.index % len(CITIES)]}{AGENCIES[feed.index % len(AGENCIES)]}"
        document = (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{name}</title><link>http://{feed.site}/</link>"
            f"<description>{name}政务信息</description><language>zh-cn</language>\n"
            f"{items}</channel></rss>\n"
        )
        feed.body = document.encode("utf-8")
        feed.gzipped = gzip.compress(feed.body, compresslevel=6, mtime=0)

    def last_modified(self, feed: Feed) -> str:
        """The feed's Last-Modified header: the date of its newest item."""
        moment = self.published(feed, feed.newest)
        return format_datetime(moment.astimezone(UTC), usegmt=True)

    def url(self, index: int, port: int) -> str:
        """The URL of feed ``index`` on a server listening on ``port``."""
        feed = self.feeds[index]
        return f"http://{feed.host}:{port}{feed.path}"
