"""`yuqing serve --workers N`: N server processes on one listening socket, one of them with the
scheduler.

One Python process answers at most about one core's worth of requests (the GIL), so a busy
bureau (the duty console polling, leaders opening links, the analysts' pages) needs more than one.
The supervisor binds the address once and starts N children (``yuqing serve --worker-fd``) that
accept on the same socket; the kernel spreads the connections. Worker 0 runs the scheduler
(collection, analysis, alerts, delivery) unless ``--no-scheduler``; the others only answer the
API, so nothing is collected twice on SQLite either. A worker that exits is started again, with
a growing pause if it keeps failing at once; SIGTERM or SIGINT stops them all.

Counters (fetches, notifications, ...) are kept per process in prometheus_client's
multiprocess files under ``<YQ_DATA_DIR>/metrics``, so ``/metrics`` on any worker shows the
sums over all of them.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

METRICS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"
QUICK_EXIT_SECONDS = 10.0  # a worker that dies sooner than this after starting "failed at once"
MAX_QUICK_EXITS = 5  # in a row: the supervisor gives up (a configuration problem, not bad luck)
STOP_TIMEOUT_SECONDS = 30.0


def listen(host: str, port: int, backlog: int = 2048) -> socket.socket:
    """A listening TCP socket that children inherit."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


def inherited_socket(fd: int) -> socket.socket:
    """The supervisor's listening socket in a worker (family detected from the descriptor)."""
    return socket.socket(fileno=fd)


def prepare_metrics_dir(data_dir: Path) -> Path:
    """An empty directory for the workers' metric files (old processes' files removed)."""
    path = data_dir / "metrics"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


@dataclass
class Worker:
    number: int
    process: subprocess.Popen | None = None
    started: float = 0.0
    quick_exits: int = 0
    restart_at: float = 0.0
    exits: list[int] = field(default_factory=list)


class Supervisor:
    """Starts, watches and stops the workers."""

    def __init__(self, *, sock: socket.socket, workers: int, scheduler: bool,
                 env: dict[str, str], command: list[str] | None = None,
                 max_pause: float = 30.0):
        self.sock = sock
        self.max_pause = max_pause  # the longest pause before starting a failing worker
        self.scheduler = scheduler
        self.env = env
        self.command = command or [sys.executable, "-m", "service", "serve"]
        self.workers = [Worker(number) for number in range(workers)]
        self.stopping = False

    def argv(self, worker: Worker) -> list[str]:
        argv = [*self.command, "--worker-fd", str(self.sock.fileno()),
                "--worker-number", str(worker.number)]
        if worker.number > 0 or not self.scheduler:
            argv.append("--no-scheduler")
        return argv

    def start(self, worker: Worker) -> None:
        worker.process = subprocess.Popen(self.argv(worker), env=self.env,
                                          pass_fds=(self.sock.fileno(),))
        worker.started = time.monotonic()
        role = "API and scheduler" if worker.number == 0 and self.scheduler else "API"
        log.info("worker %d started (pid %d, %s)", worker.number, worker.process.pid, role)

    def run(self) -> int:
        """Until SIGTERM/SIGINT (0) or a worker that keeps failing at start (1)."""
        previous = {sig: signal.signal(sig, self._on_signal)
                    for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            for worker in self.workers:
                self.start(worker)
            while not self.stopping:
                if (failed := self._watch()) is not None:
                    log.error("worker %d failed %d times in a row within %.0f s of starting "
                              "(exit codes %s); stopping", failed.number, failed.quick_exits,
                              QUICK_EXIT_SECONDS, failed.exits)
                    return 1
                time.sleep(0.2)
            return 0
        finally:
            self.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _watch(self) -> Worker | None:
        """Restart exited workers (after a pause if they fail at once); the one that keeps
        failing, if any."""
        now = time.monotonic()
        for worker in self.workers:
            if worker.process is None:
                if now >= worker.restart_at:
                    self.start(worker)
                continue
            code = worker.process.poll()
            if code is None:
                if now - worker.started > QUICK_EXIT_SECONDS:
                    worker.quick_exits = 0
                continue
            worker.exits = [*worker.exits, code][-MAX_QUICK_EXITS:]  # bounded over the years
            quick = now - worker.started < QUICK_EXIT_SECONDS
            worker.quick_exits = worker.quick_exits + 1 if quick else 0
            if worker.quick_exits >= MAX_QUICK_EXITS:
                return worker
            pause = min(self.max_pause, 2.0 ** worker.quick_exits) if quick else 0.0
            log.warning("worker %d (pid %d) exited with %d; starting it again in %.0f s",
                        worker.number, worker.process.pid, code, pause)
            worker.process, worker.restart_at = None, now + pause
        return None

    def _on_signal(self, signum, frame) -> None:
        log.info("%s: stopping the workers", signal.Signals(signum).name)
        self.stopping = True

    def stop(self) -> None:
        """SIGTERM to every worker (they finish their requests and the scheduler's jobs), then
        SIGKILL to any still running after STOP_TIMEOUT_SECONDS."""
        running = [w.process for w in self.workers if w.process and w.process.poll() is None]
        for process in running:
            process.terminate()
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        for process in running:
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.warning("worker pid %d did not stop in %.0f s; killing it", process.pid,
                            STOP_TIMEOUT_SECONDS)
                process.kill()
                process.wait()
        self.sock.close()


def worker_env(data_dir: Path) -> dict[str, str]:
    """The workers' environment: the supervisor's, plus the shared metrics directory."""
    return {**os.environ, METRICS_DIR_ENV: str(prepare_metrics_dir(data_dir))}
