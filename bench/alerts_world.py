"""The outside world of the notification-latency benchmark, in a process of its own.

Feeds of ordinary Chinese news on 127.0.0.1 … 127.0.0.H (one port), each answering after a
seeded log-uniform delay of 0.1–2 s with ETags, and a webhook receiver that plays the division's
duty system. ``publish`` adds alert-worthy items, a few per feed; for each of them the world
records when the first response that carried it was sent (the end of the fetch that found it)
and when its notification arrived. Both times are taken here, on one clock.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import math
import multiprocessing
import random
import socket
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

ORDINARY = [
    "市政府召开常务会议研究部署近期重点工作", "高新区举办科技企业招聘会",
    "珠海港集装箱吞吐量稳步增长",
    "唐家湾镇开展垃圾分类宣传进社区活动", "横琴口岸迎来出行高峰", "斗门区举办农民丰收节",
    "香洲区推进老旧小区改造", "金湾区新开通两条公交线路", "市图书馆推出夜间阅读服务",
    "高新区人才公寓首批住户入住", "珠海市举行马拉松比赛", "全市中小学开展秋季运动会",
]
EVENTS = [
    ("{place}一{site}发生火灾，已造成{d}人死亡、{i}人受伤",
     "消防救援人员到场处置，火灾原因正在调查"),
    ("{place}{site}突发爆炸事故 {d}人遇难", "事故发生后，应急管理部门第一时间赶赴现场"),
    ("{place}一在建{site}发生坍塌 {d}人死亡{i}人被困", "现场救援仍在进行，伤者已送医救治"),
    ("{place}一{site}发生危险化学品泄漏 致{i}人中毒", "周边群众已紧急疏散，泄漏已得到控制"),
    ("暴雨致{place}多处内涝 {d}人遇难", "三防部门启动应急响应，转移群众"),
    ("{place}{site}发生燃气爆炸 已致{d}死{i}伤", "相关企业负责人已被控制"),
]
SITES = ["厂房", "仓库", "化工厂", "居民楼", "商场", "工地", "物流园", "加油站", "餐馆", "电子厂"]


def log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))


@dataclass
class Feed:
    index: int
    host: str
    delay: float
    items: list[dict] = field(default_factory=list)
    version: int = 0

    @property
    def etag(self) -> str:
        return f'"{self.index}-{self.version}"'

    def body(self) -> bytes:
        entries = "".join(
            f"<item><title>{i['title']}</title><link>{i['link']}</link><guid>{i['guid']}</guid>"
            f"<pubDate>{i['pub']}</pubDate><description>{i['text']}</description></item>"
            for i in self.items)
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>站点{self.index}</title><link>http://{self.host}/</link>"
                f"<description>新闻</description>{entries}</channel></rss>").encode()


def alert_items(count: int, places: list[str], seed: int) -> list[dict]:
    """``count`` alert-worthy reports, each about a different place, worded differently."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        title_t, text_t = EVENTS[n % len(EVENTS)]
        values = {"place": places[n % len(places)], "site": rng.choice(SITES),
                  "d": rng.randint(1, 15), "i": rng.randint(0, 30)}
        title = title_t.format(**values) + f"（{n + 1}）"
        out.append({"title": title, "text": f"{title}。{text_t}。记者从当地获悉。"})
    return out


def run(conn, feeds: int, hosts: int, seed: int, min_delay: float, max_delay: float) -> None:
    """Entry point of the world process: serve until told to stop."""
    asyncio.run(_serve(conn, feeds, hosts, seed, min_delay, max_delay))


async def _serve(conn, n_feeds, hosts, seed, min_delay, max_delay) -> None:
    from aiohttp import web

    rng = random.Random(seed)
    now = datetime.now(UTC)
    feeds = [Feed(i, f"127.0.0.{1 + i % hosts}", log_uniform(rng, min_delay, max_delay))
             for i in range(n_feeds)]
    for feed in feeds:
        for k in range(20):
            title = ORDINARY[(feed.index + k) % len(ORDINARY)] + f"（{feed.index}-{k}）"
            feed.items.append({"title": title, "text": title + "。", "guid": f"o{feed.index}-{k}",
                               "link": f"http://{feed.host}/n/{feed.index}/{k}.html",
                               "pub": format_datetime(now - timedelta(hours=k))})
    served: dict[str, float] = {}  # alert title -> when the first response carrying it was sent
    pending: dict[int, set[str]] = {}
    received: list[dict] = []
    published: dict = {}

    async def feed_handler(request: web.Request) -> web.Response:
        feed = feeds[int(request.match_info["n"])]
        await asyncio.sleep(feed.delay)
        if request.headers.get("If-None-Match") == feed.etag:
            return web.Response(status=304, headers={"ETag": feed.etag})
        for title in pending.pop(feed.index, set()):
            served.setdefault(title, time.time())
        return web.Response(body=feed.body(), headers={
            "ETag": feed.etag, "Content-Type": "application/rss+xml; charset=utf-8"})

    async def hook(request: web.Request) -> web.Response:
        arrived = time.time()
        body = await request.json()
        received.append({"title": body.get("title"), "alert_id": body.get("alert_id"),
                         "kind": body.get("kind"), "at": arrived})
        return web.json_response({"ok": True})

    async def control(request: web.Request) -> web.Response:
        action = request.match_info["action"]
        if action == "publish":
            count = int(request.query.get("count", "100"))
            places = json.loads(request.query.get("places", "[]"))
            items = alert_items(count, places, seed + 1)
            stamp = format_datetime(datetime.now(UTC))
            for n, item in enumerate(items):
                feed = feeds[n % len(feeds)]
                digest = hashlib.md5(item["title"].encode()).hexdigest()[:12]
                feed.items.insert(0, {**item, "guid": f"a{digest}", "pub": stamp,
                                      "link": f"http://{feed.host}/a/{digest}.html"})
                feed.version += 1
                pending.setdefault(feed.index, set()).add(item["title"])
            published.update(at=time.time(), titles=[i["title"] for i in items])
            return web.json_response({"published": len(items)})
        if action == "results":
            return web.json_response({"served": served, "received": received,
                                      "published": published})
        if action == "reset":
            received.clear()
            return web.json_response({})
        if action == "stop":
            stop.set()
            return web.json_response({})
        return web.Response(status=404)

    stop = asyncio.Event()
    app = web.Application()
    app.router.add_get("/feeds/{n}.xml", feed_handler)
    app.router.add_post("/hook", hook)
    app.router.add_get("/_world/{action}", control)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    port = _free_port()
    for h in range(1, hosts + 1):
        await web.TCPSite(runner, f"127.0.0.{h}", port, backlog=1024).start()
    conn.send({"port": port})
    await stop.wait()
    await runner.cleanup()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class World:
    """The world process, seen from the benchmark."""

    def __init__(self, feeds: int = 40, hosts: int = 40, seed: int = 20261126,
                 min_delay: float = 0.1, max_delay: float = 2.0):
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        self.process = ctx.Process(target=run, args=(child, feeds, hosts, seed, min_delay,
                                                     max_delay), daemon=True)
        self.process.start()
        self.port = parent.recv()["port"]
        self.feeds, self.hosts = feeds, hosts

    def feed_url(self, n: int) -> str:
        return f"http://127.0.0.{1 + n % self.hosts}:{self.port}/feeds/{n}.xml"

    @property
    def hook_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def control(self, action: str, **query) -> dict:
        from urllib.parse import urlencode

        url = f"http://127.0.0.1:{self.port}/_world/{action}?{urlencode(query)}"
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.loads(response.read())

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.control("stop")
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
