"""Each mode in a process of its own: ``Worker`` in the parent drives ``worker_main`` in the child.

The child sets its mode up, reports the setup time, then runs one cycle each time the parent asks
and sends back the cycle's figures, until it is told to close.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import resource
import time
import traceback
from pathlib import Path

from bench.collect_modes import NaiveMode, RawMode, ServiceMode


def worker_main(conn, mode: str, options: dict) -> None:
    """A mode in a process of its own: set up, then run cycles when the parent asks."""
    try:
        asyncio.run(_worker(conn, mode, options))
    except Exception:  # noqa: BLE001 (reported to the parent, which stops the run)
        conn.send({"error": traceback.format_exc()})


async def _worker(conn, mode: str, options: dict) -> None:
    loop = asyncio.get_running_loop()
    started = time.perf_counter()
    workdir = Path(options["workdir"])
    if mode == "raw":
        runner = RawMode(options["urls"], options["concurrency"], options["per_host"])
    elif mode.startswith("service:"):
        runner = ServiceMode(options["urls"], mode.split(":", 1)[1], options["pg_url"], workdir,
                             options["concurrency"], options["per_host"],
                             options["parse_workers"])
    elif mode == "naive":
        runner = NaiveMode(options["sample_urls"])
    else:
        raise ValueError(mode)
    conn.send({"ready": True, "setup_seconds": round(time.perf_counter() - started, 2),
               "pid": os.getpid()})
    while True:
        command = await loop.run_in_executor(None, conn.recv)
        if command["cmd"] == "cycle":
            result = await runner.cycle(command["number"])
            result["max_rss_mib"] = round(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
            conn.send(result)
        elif command["cmd"] == "close":
            await runner.close()
            conn.send({"closed": True})
            return


class Worker:
    """One mode's process, as the parent sees it."""
    def __init__(self, mode: str, options: dict):
        ctx = multiprocessing.get_context("spawn")
        self.mode = mode
        self.conn, child = ctx.Pipe()
        # not a daemon: the service starts parsing processes of its own
        self.process = ctx.Process(target=worker_main, args=(child, mode, options),
                                   name=f"bench-{mode}")
        self.process.start()

    def receive(self, timeout: float = 900) -> dict:
        """The worker's next message; raises if it failed or did not answer in time."""
        if not self.conn.poll(timeout):
            raise RuntimeError(f"{self.mode}: no answer within {timeout:.0f} s")
        message = self.conn.recv()
        if "error" in message:
            raise RuntimeError(f"{self.mode} failed:\n{message['error']}")
        return message

    def cycle(self, number: int) -> dict:
        """Have the worker run cycle ``number`` and return its figures."""
        self.conn.send({"cmd": "cycle", "number": number})
        return self.receive()

    def close(self) -> None:
        """Ask the worker to close its mode and end; kill it if it does not."""
        if self.process.is_alive():
            try:
                self.conn.send({"cmd": "close"})
                self.receive(120)
            except (RuntimeError, OSError, EOFError):
                pass
            self.process.join(30)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
