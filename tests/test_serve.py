"""`yuqing serve` as a real process: starts, answers, refuses a broken configuration."""

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.servers import Reply

FIXTURES = Path(__file__).parent / "fixtures"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(env: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "service", "serve", *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


def base_env(settings, database_url, tmp_path) -> dict:
    import os

    return {**os.environ, "YQ_DATABASE_URL": database_url, "YQ_SOURCES": str(settings.sources),
            "YQ_DATA_DIR": str(tmp_path / "var"), "YQ_COLLECT_TICK_SECONDS": "0.5"}


def test_serve_starts_collects_and_answers(settings, database_url, tmp_path, site):
    feed = site.route("/feed.xml", Reply(body=(FIXTURES / "rss20_zh.xml").read_bytes()))
    settings.sources.write_text(f"sources:\n  - {{id: zh, name: 珠海, kind: rss, url: '{feed}'}}\n",
                                encoding="utf-8")
    port = free_port()
    process = serve(base_env(settings, database_url, tmp_path), "--port", str(port))
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                assert get_json(f"http://127.0.0.1:{port}/readyz")["status"] == "ready"
                break
            except OSError:
                assert process.poll() is None, process.stdout.read()
                assert time.monotonic() < deadline, "service did not start"
                time.sleep(0.2)
        while not site.hits("/feed.xml"):
            assert time.monotonic() < deadline, "the scheduler never fetched the source"
            time.sleep(0.1)
        assert get_json(f"http://127.0.0.1:{port}/healthz")["status"] == "ok"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_broken_sources_yaml_stops_start_up(settings, database_url, tmp_path):
    settings.sources.write_text("sources:\n  - id: a\n    kind: rss\n", encoding="utf-8")
    process = serve(base_env(settings, database_url, tmp_path), "--port", str(free_port()))
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 2
    assert f"{settings.sources}:2: sources[0].name: Field required" in output


def test_unmigrated_database_is_refused(settings, tmp_path):
    settings.sources.write_text("sources: []\n", encoding="utf-8")
    env = base_env(settings, f"sqlite:///{tmp_path / 'new.db'}", tmp_path)
    process = serve(env, "--port", str(free_port()))
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 2 and "yuqing db upgrade" in output


def wait_ready(process: subprocess.Popen, port: int, deadline: float) -> None:
    while True:
        try:
            if get_json(f"http://127.0.0.1:{port}/readyz")["status"] == "ready":
                return
        except OSError:
            pass
        assert process.poll() is None, process.stdout.read()
        assert time.monotonic() < deadline, "service did not start"
        time.sleep(0.2)


def children(pid: int) -> set[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return {int(p) for p in text.split()}


def scrape(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        return response.read().decode()


def counter(text: str, name: str) -> float:
    return sum(float(line.split()[-1]) for line in text.splitlines()
               if line.startswith(name + " ") or line.startswith(name + "{"))


def test_workers_share_the_port_restart_and_sum_their_metrics(settings, database_url, tmp_path,
                                                              site):
    import os
    import signal

    feed = site.route("/feed.xml", Reply(body=(FIXTURES / "rss20_zh.xml").read_bytes()))
    settings.sources.write_text(f"sources:\n  - {{id: zh, name: 珠海, kind: rss, url: '{feed}'}}\n",
                                encoding="utf-8")
    port = free_port()
    process = serve(base_env(settings, database_url, tmp_path), "--port", str(port),
                    "--workers", "2")
    try:
        deadline = time.monotonic() + 60
        wait_ready(process, port, deadline)
        workers = children(process.pid)
        assert len(workers) == 2
        while not site.hits("/feed.xml"):  # worker 0 runs the scheduler
            assert time.monotonic() < deadline, "the scheduler never fetched the source"
            time.sleep(0.1)
        # the collector's counters live in worker 0 (the scheduler's)
        while not counter(scrape(port), "yq_collect_cycles_total"):
            assert time.monotonic() < deadline, "no collection cycle counted"
            time.sleep(0.2)
        first = next(pid for pid in workers if "--worker-number\x000" in
                     Path(f"/proc/{pid}/cmdline").read_text())
        os.kill(first, signal.SIGSTOP)  # now only worker 1 can accept
        try:
            assert get_json(f"http://127.0.0.1:{port}/healthz")["pid"] == (workers - {first}).pop()
            assert counter(scrape(port), "yq_collect_cycles_total") >= 1  # worker 0's, summed
        finally:
            os.kill(first, signal.SIGCONT)

        victim = (workers - {first}).pop()
        os.kill(victim, signal.SIGKILL)
        while len(now := children(process.pid)) < 2 or victim in now:
            assert process.poll() is None
            assert time.monotonic() < deadline, f"worker {victim} was not replaced: {now}"
            time.sleep(0.1)
        wait_ready(process, port, deadline)
        answered = {get_json(f"http://127.0.0.1:{port}/healthz")["pid"] for _ in range(10)}
        assert answered <= children(process.pid)
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    assert "worker 1 (pid" in output or "worker 0 (pid" in output  # the restart was logged


def test_workers_need_a_free_port(settings, database_url, tmp_path):
    settings.sources.write_text("sources: []\n", encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = serve(base_env(settings, database_url, tmp_path), "--port", str(port),
                        "--workers", "2")
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in output
