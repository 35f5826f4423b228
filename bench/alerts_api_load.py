"""The alerts API benchmark's load generator: an open-loop request schedule, in its own process.

Send times are fixed before the first request (``rate`` a second, evenly spaced or Poisson), and
each request goes out at its time whether or not earlier ones have answered, so a slow server
shows up as queueing in the latency instead of as a lower request rate (coordinated omission).
A request's latency runs from its scheduled send time to the last byte of the response.
At most ``connections`` requests are in flight; a request due while all are busy waits for
one (that wait counts in its latency), and is given up once it is ``timeout`` seconds late.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import random
import resource
from datetime import UTC, datetime, timedelta, timezone

PATH = "/api/v1/alerts"
PAGE = 50  # the API's default page; every request but "limit=200" asks for it explicitly
DIVISIONS = ("safety", "hazchem", "disaster", "flood", "relief", "office")
CHINA = timezone(timedelta(hours=8))

# name, share of the requests (%), user, query (page 2 adds the cursor of the last "all")
KINDS = [
    ("all", 18, "duty", {}),
    ("status=open", 14, "duty", {"status": "open"}),
    ("level=orange", 8, "duty", {"level": "orange"}),
    ("topic=fire&status=open", 8, "duty", {"topic": "fire", "status": "open"}),
    ("division=…", 10, "duty", {"division": None}),
    ("since=7 days ago", 10, "duty", {"since": None}),
    ("page 2 (cursor)", 10, "duty", {"cursor": None}),
    ("limit=200", 4, "duty", {"limit": 200}),
    ("leader: all", 10, "leader", {}),
    ("leader: status=open", 8, "leader", {"status": "open"}),
]
KIND_NAMES = [name for name, *_ in KINDS]


def schedule(*, rate: float, seconds: float, seed: int, arrivals: str) -> list[tuple[float, int]]:
    """(send offset in seconds, index into KINDS) for every request, in send order."""
    rng = random.Random(seed)
    weights = [share for _, share, *_ in KINDS]
    offsets, t = [], 0.0
    while True:
        t += rng.expovariate(rate) if arrivals == "poisson" else 1.0 / rate
        if t >= seconds:
            break
        offsets.append(t)
    kinds = rng.choices(range(len(KINDS)), weights=weights, k=len(offsets))
    return list(zip(offsets, kinds, strict=True))


def query(kind: int, number: int, *, now: datetime, cursor: str | None) -> dict:
    """The query string of request ``number`` of ``kind``."""
    _, _, _, template = KINDS[kind]
    params = {"limit": PAGE, **template}
    if "division" in params:
        params["division"] = DIVISIONS[number % len(DIVISIONS)]
    if "since" in params:
        params["since"] = (now - timedelta(days=7)).astimezone(CHINA).isoformat(timespec="seconds")
    if "cursor" in params:
        params["cursor"] = cursor
    return {k: v for k, v in params.items() if v is not None}


async def _run(options: dict) -> dict:
    import aiohttp

    tokens = options["tokens"]
    headers = {user: {"Authorization": f"Bearer {token}"} for user, token in tokens.items()}
    warmup, seconds, deadline = options["warmup"], options["seconds"], options["timeout"]
    plan = schedule(rate=options["rate"], seconds=warmup + seconds, seed=options["seed"],
                    arrivals=options["arrivals"])
    now = datetime.now(UTC)
    records: list[tuple] = []
    cursors: dict[str, str | None] = {}
    url = options["base_url"] + PATH
    # aiohttp: httpx spent ~3.5 ms of CPU a request here, so at 150 req/s the generator, not
    # the server, was the bottleneck
    connector = aiohttp.TCPConnector(limit=options["connections"], limit_per_host=0)
    async with aiohttp.ClientSession(connector=connector) as client:
        cursors["all"] = options["cursor"]  # until an "all" request brings a newer one
        loop = asyncio.get_running_loop()
        due: asyncio.Queue = asyncio.Queue()

        async def connection() -> None:
            # one connection's worth of requests, oldest due first; aiohttp's own pool never
            # queues (it has as many connections as there are of these), which keeps the
            # generator cheap when the server falls behind
            while (entry := await due.get()) is not None:
                number, at, kind = entry
                name, _, user, _ = KINDS[kind]
                started, count = loop.time(), None
                if started - at > deadline:  # waited too long for a connection: given up
                    records.append((number, kind, at - start, (started - at) * 1000,
                                    (started - at) * 1000, "TimeoutError", None))
                    continue
                params = query(kind, number, now=now, cursor=cursors.get("all"))
                timeout = aiohttp.ClientTimeout(total=deadline - (started - at))
                try:
                    async with client.get(url, params=params, headers=headers[user],
                                          timeout=timeout) as response:
                        body = await response.read()
                    done, status = loop.time(), response.status
                    if status == 200 and name == "all":
                        page = json.loads(body)
                        cursors["all"] = page["next_cursor"] or cursors.get("all")
                        count = len(page["alerts"])
                except (aiohttp.ClientError, TimeoutError) as exc:
                    done, status = loop.time(), type(exc).__name__
                records.append((number, kind, at - start, (done - at) * 1000,
                                (started - at) * 1000, status, count))

        workers = [asyncio.create_task(connection()) for _ in range(options["connections"])]
        start = loop.time() + 0.2
        for number, (offset, kind) in enumerate(plan):
            at = start + offset
            if (delay := at - loop.time()) > 0:
                await asyncio.sleep(delay)
            due.put_nowait((number, at, kind))
        for _ in workers:
            due.put_nowait(None)
        await asyncio.gather(*workers)
        finished = loop.time() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"records": sorted(records), "warmup": warmup, "seconds": seconds,
            "finished_after": finished, "cpu_seconds": usage.ru_utime + usage.ru_stime}


def _main(options: dict, connection) -> None:
    try:
        connection.send(asyncio.run(_run(options)))
    except BaseException as exc:  # report it to the parent instead of dying silently
        connection.send({"error": f"{type(exc).__name__}: {exc}"})
    finally:
        connection.close()


def generate(options: dict, timeout: float) -> dict:
    """Run the load in a fresh process (spawned: nothing shared with the parent); its records."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_main, args=(options, sender), name="alerts-api-load")
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise TimeoutError(f"the load generator did not finish within {timeout:.0f} s")
        result = receiver.recv()
    finally:
        process.join(10)
        if process.is_alive():
            process.kill()
    if "error" in result:
        raise RuntimeError(f"load generator failed: {result['error']}")
    return result
