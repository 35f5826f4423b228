"""A local feed farm: N RSS feeds of Chinese news spread over many loopback "sites".

One process (``FarmProcess`` starts it) serves every feed with aiohttp on 127.0.0.1 … 127.0.0.H
(the whole 127.0.0.0/8 is loopback on Linux), all on one port, so a client sees H hosts and its
per-host limits apply. Each response waits a delay drawn from a seeded log-uniform distribution
between ``min_delay`` and ``max_delay``: the same feed gets the same delay in the same phase,
whichever client asks, so every mode of the benchmark meets the same latencies.

Feeds carry ETag and Last-Modified and answer ``If-None-Match`` (or, without it,
``If-Modified-Since``) with 304. ``change(share)`` publishes 1–5 new items on that share of the
feeds (the oldest drop out, a feed keeps its 30 items) and returns which feeds got how many.

Control endpoints live on 127.0.0.1 only, under ``/_farm/``: ``change``, ``reset``, ``stats``.

The feeds themselves (content, delays, changes) come from ``Farm`` in bench/feedfarm_content.py;
this module is the HTTP server that serves them and ``FarmProcess``, which runs it.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import socket
import time
from dataclasses import dataclass

from bench.feedfarm_content import Farm

# ---------------------------------------------------------------------------------------------
# Server (runs inside the farm process)
# ---------------------------------------------------------------------------------------------

@dataclass
class Stats:
    """Counts of the farm's feed responses since the last reset."""
    requests: int = 0
    full: int = 0
    not_modified: int = 0
    gzip: int = 0
    bytes_sent: int = 0

    def as_dict(self) -> dict:
        """The counts as a dict (the ``stats`` endpoint's answer)."""
        return dict(self.__dict__)


def _matches(header: str, etag: str) -> bool:
    tags = [t.strip() for t in header.split(",")]
    return "*" in tags or etag in tags or f"W/{etag}" in tags


async def _serve(farm: Farm, port: int, sockets: list[socket.socket], conn) -> None:
    from aiohttp import web

    stats = Stats()
    by_path = {f.path: f for f in farm.feeds}

    async def feed_handler(request: web.Request) -> web.StreamResponse:
        feed = by_path.get(request.path)
        if feed is None or request.host.split(":")[0] != feed.host:
            return web.Response(status=404, text="not found")
        stats.requests += 1
        await asyncio.sleep(farm.delay(feed.index))
        headers = {"ETag": feed.etag, "Last-Modified": farm.last_modified(feed),
                   "Cache-Control": "max-age=60"}
        inm = request.headers.get("If-None-Match")
        ims = request.headers.get("If-Modified-Since")
        if (inm and _matches(inm, feed.etag)) or (not inm and ims == headers["Last-Modified"]):
            stats.not_modified += 1
            return web.Response(status=304, headers=headers)
        stats.full += 1
        headers["Content-Type"] = "application/rss+xml; charset=utf-8"
        body = feed.body
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            body = feed.gzipped
            headers["Content-Encoding"] = "gzip"
            stats.gzip += 1
        stats.bytes_sent += len(body)
        return web.Response(body=body, headers=headers)

    async def control(request: web.Request) -> web.Response:
        action = request.match_info["action"]
        if action == "change":
            query = request.query
            changed = farm.change(float(query.get("share", "0.1")), int(query.get("seed", "1")))
            by_path.update({f.path: f for f in farm.feeds})
            return web.json_response({"changed": {str(k): v for k, v in changed.items()},
                                      "phase": farm.phase})
        if action == "reset":
            farm.reset()
            by_path.clear()
            by_path.update({f.path: f for f in farm.feeds})
            stats.__init__()
            return web.json_response({"phase": farm.phase})
        if action == "stats":
            return web.json_response(stats.as_dict())
        if action == "stop":
            stop.set()
            return web.json_response({"stopping": True})
        return web.Response(status=404)

    stop = asyncio.Event()
    app = web.Application()
    app.router.add_get("/_farm/{action}", control)
    app.router.add_get("/feeds/{name}", feed_handler)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    for sock in sockets:
        await web.SockSite(runner, sock, backlog=1024).start()
    conn.send({"port": port})
    await stop.wait()
    await runner.cleanup()


def _bind_all(hosts: int, port: int = 0) -> tuple[int, list[socket.socket]]:
    """Sockets on 127.0.0.1 … 127.0.0.{hosts}, all on one port (retrying if it is taken)."""
    for _ in range(20):
        sockets: list[socket.socket] = []
        try:
            for h in range(1, hosts + 1):
                sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind((f"127.0.0.{h}", port))
                port = sock.getsockname()[1]
                sockets.append(sock)
            return port, sockets
        except OSError:
            for sock in sockets:
                sock.close()
            port = 0
    raise RuntimeError("could not bind the farm on one port across all hosts")


def run_farm(conn, feeds: int, hosts: int, items: int, seed: int, min_delay: float,
             max_delay: float, port: int = 0) -> None:
    """Entry point of the farm process."""
    farm = Farm(feeds, hosts=hosts, items=items, seed=seed, min_delay=min_delay,
                max_delay=max_delay)
    port, sockets = _bind_all(hosts, port)
    asyncio.run(_serve(farm, port, sockets, conn))


class FarmProcess:
    """Starts the farm in one separate process and talks to its control endpoints."""

    def __init__(self, feeds: int, *, hosts: int = 40, items: int = 30, seed: int = 20261126,
                 min_delay: float = 0.1, max_delay: float = 2.0, port: int = 0):
        self.feeds, self.hosts, self.items = feeds, hosts, items
        self.seed, self.min_delay, self.max_delay = seed, min_delay, max_delay
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        self.process = ctx.Process(
            target=run_farm, name="feedfarm", daemon=True,
            args=(child, feeds, hosts, items, seed, min_delay, max_delay, port))
        self.process.start()
        deadline = time.monotonic() + 300
        while not parent.poll(0.5):
            if not self.process.is_alive() or time.monotonic() > deadline:
                self.process.kill()
                raise RuntimeError("the feed farm did not start (see its error above)")
        self.port = parent.recv()["port"]
        # the same content, computed locally, gives URLs and the delay bound without asking
        self.model = Farm(feeds, hosts=hosts, items=items, seed=seed, min_delay=min_delay,
                          max_delay=max_delay, render=False)

    def url(self, index: int) -> str:
        """The URL of feed ``index``."""
        return f"http://{self.model.host_of(index)}:{self.port}/feeds/{index:05d}.xml"

    def urls(self) -> list[str]:
        """Every feed's URL, in index order."""
        return [self.url(i) for i in range(self.feeds)]

    def _control(self, action: str, **query) -> dict:
        import httpx

        response = httpx.get(f"http://127.0.0.1:{self.port}/_farm/{action}", params=query,
                             timeout=120)
        response.raise_for_status()
        return response.json()

    def reset(self) -> None:
        """Back to the first state, in the farm process and in the local model."""
        self._control("reset")
        self.model.reset()

    def change(self, share: float, seed: int = 1) -> dict[int, int]:
        """Publish new items on ``share`` of the feeds; returns {index: new items}."""
        answer = self._control("change", share=share, seed=seed)
        self.model.change(share, seed)
        return {int(k): v for k, v in answer["changed"].items()}

    def stats(self) -> dict:
        """The farm's response counts since the last reset."""
        return self._control("stats")

    def ideal_seconds(self, per_host: int, total: int) -> float:
        """A lower bound of one cycle's wall time from the delays alone."""
        return self.model.ideal_seconds(per_host, total)

    def close(self) -> None:
        """Stop the farm process (kill it if it does not stop)."""
        with contextlib.suppress(Exception):  # it may be gone already
            self._control("stop")
        self.process.join(10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


if __name__ == "__main__":  # a quick look: python -m bench.feedfarm
    import sys

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    started = time.perf_counter()
    farm = FarmProcess(count, max_delay=0.2)
    print(f"farm with {count} feeds on port {farm.port} in {time.perf_counter() - started:.1f} s")
    print(farm.url(0), farm.url(1))
    import httpx

    print(httpx.get(farm.url(0)).text[:1500])
    farm.close()
