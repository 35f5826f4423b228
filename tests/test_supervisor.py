"""The supervisor of `yuqing serve --workers N` with stand-in workers: restarts, giving up,
stopping."""

import os
import signal
import sys
import threading
import time

from service.supervisor import MAX_QUICK_EXITS, Supervisor, listen


def supervisor(code: str, workers: int = 1, **kwargs) -> Supervisor:
    sock = listen("127.0.0.1", 0)
    return Supervisor(sock=sock, workers=workers, scheduler=True, env=dict(os.environ),
                      command=[sys.executable, "-c", code], max_pause=0.01, **kwargs)


def test_a_worker_that_keeps_failing_at_once_stops_the_service(tmp_path):
    starts = tmp_path / "starts"
    code = f"open({str(starts)!r}, 'a').write('x'); raise SystemExit(3)"
    sv = supervisor(code)
    assert sv.run() == 1
    assert starts.read_text() == "x" * MAX_QUICK_EXITS
    assert sv.workers[0].exits == [3] * MAX_QUICK_EXITS
    assert sv.sock.fileno() == -1  # the listening socket is closed


def test_workers_get_the_socket_and_their_roles_and_stop_on_sigterm(tmp_path):
    # each stand-in writes its arguments and whether the inherited descriptor is a listening
    # socket, then waits to be stopped
    code = (
        "import socket, sys, time, pathlib\n"
        "fd = int(sys.argv[sys.argv.index('--worker-fd') + 1])\n"
        "number = sys.argv[sys.argv.index('--worker-number') + 1]\n"
        "s = socket.socket(fileno=fd)\n"
        "listening = s.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)\n"
        f"pathlib.Path({str(tmp_path)!r}, number).write_text("
        "f'{listening} {\"--no-scheduler\" in sys.argv}')\n"
        "time.sleep(60)\n")
    sv = supervisor(code, workers=3)
    seen = {}

    def stop_when_started():
        deadline = time.monotonic() + 30
        while len(list(tmp_path.iterdir())) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.2)
        seen.update({p.name: p.read_text() for p in tmp_path.iterdir()})
        os.kill(os.getpid(), signal.SIGTERM)  # the supervisor's handler (it runs here)

    threading.Thread(target=stop_when_started, daemon=True).start()
    assert sv.run() == 0  # the supervisor must run in the main thread to handle signals
    assert seen == {"0": "1 False", "1": "1 True", "2": "1 True"}  # only worker 0 schedules
    assert all(w.process.poll() is not None for w in sv.workers)
