"""The whole path under the real scheduler: a local feed server publishes an alert-worthy item,
the service collects, analyses, creates and routes the alert, and a local webhook receives it."""

import asyncio
import time

from sqlalchemy import select
from sqlmodel import Session

from service.alerts.runner import AlertPipeline
from service.analysis.runner import AnalysisRunner
from service.metrics import Metrics
from service.models import Alert
from service.scheduler import ServiceScheduler
from tests.alerting import HOOK_SECRET, write_routing
from tests.receivers import BotReceiver, SmtpReceiver, WebhookReceiver
from tests.servers import Reply

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>珠海新闻</title><link>http://127.0.0.1/</link>
<description>测试</description>
<item><title>珠海高新区唐家湾镇一厂房发生火灾 已造成12人死亡</title>
<link>http://127.0.0.1/news/1.html</link><guid>news-1</guid>
<pubDate>Thu, 26 Nov 2026 09:30:00 +0800</pubDate>
<description>记者从珠海市消防救援支队获悉，唐家湾镇一厂房发生火灾，已造成12人死亡，火灾原因正在调查中。</description>
</item></channel></rss>"""


def test_a_published_fire_reaches_the_division_webhook(engine, settings, clock, site, tmp_path):
    url = site.route("/rss.xml", Reply(body=FEED.encode(),
                                       headers={"Content-Type": "application/rss+xml"}))
    settings.collect_tick_seconds = 0.2
    settings.sources.write_text(
        f"sources:\n  - {{id: zhnews, name: 珠海新闻, kind: rss, url: '{url}', "
        f"tier: municipal}}\n", encoding="utf-8")
    with BotReceiver("dingtalk") as ding, WebhookReceiver(secret=HOOK_SECRET) as hook, \
            SmtpReceiver() as smtp:
        routing = write_routing(tmp_path / "routing.yaml", ding_url=ding.url, hook_url=hook.url,
                                smtp_port=smtp.port)
        metrics = Metrics(engine)

        async def scenario() -> float:
            alerts = AlertPipeline(engine=engine, routing=routing, clock=clock, metrics=metrics)
            scheduler = ServiceScheduler(engine=engine, settings=settings, clock=clock,
                                         metrics=metrics, analysis=AnalysisRunner(settings),
                                         alerts=alerts)
            started = time.monotonic()
            await scheduler.start()
            try:
                while not hook.received:
                    assert time.monotonic() - started < 30, "no notification within 30 s"
                    await asyncio.sleep(0.05)
                return time.monotonic() - started
            finally:
                await scheduler.stop()

        elapsed = asyncio.run(scenario())
    body = hook.received[0].body
    assert body["topic"] == "fire" and body["place"] == "唐家湾镇"
    assert body["level"] in ("orange", "red") and body["casualties"]["deaths"] == 12
    assert body["ack_url"].startswith("http://127.0.0.1:8000/ack/")
    with Session(engine) as session:
        alert = session.execute(select(Alert)).scalar_one()
    assert alert.division == "disaster" and alert.item_count == 1
    assert elapsed < 30
