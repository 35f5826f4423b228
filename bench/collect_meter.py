"""Measuring one cycle from inside a mode's process: wall time, CPU time and memory, via /proc.

``Meter`` times a cycle in the process that runs it and adds the figures of that process's helpers
(the service's parsing processes and their forkserver). ``proc_cpu_seconds`` and
``machine_busy_seconds`` let the parent read the farm's CPU time and the whole machine's.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
from pathlib import Path


def _status_kib(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak(pid: int | str = "self") -> bool:
    """Reset a process's peak RSS (VmHWM) to its current RSS (Linux ≥ 4.0)."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _helper_pids() -> set[int]:
    """Processes this one started and still runs: the service's parsing pool, its forkserver."""
    pids = {p.pid for p in multiprocessing.active_children() if p.pid}
    from multiprocessing import forkserver

    server = getattr(forkserver._forkserver, "_forkserver_pid", None)
    if server:
        pids.add(server)
    return pids


def _pss_kib(pid: int | str) -> int:
    """Proportional set size: shared pages split among the processes sharing them."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _peak_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def machine_busy_seconds() -> float | None:
    """CPU time the whole machine has spent busy (all cores), from /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields[:8])
        return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def proc_cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) of another process, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


class Meter:
    """Wall time, CPU time and peak RSS of one cycle, in this process and its helpers.

    Helpers are the processes this one started (the service's parsing processes and their
    forkserver); their CPU time and peak RSS are added to this process's, so the figures are
    those of the whole service. Summed peaks are an upper bound (forked pages are shared).
    """

    def __enter__(self) -> Meter:
        self.peak_reset = _reset_peak()
        self.rss_before = _status_kib("VmRSS")
        self.helpers_before = {pid: proc_cpu_seconds(pid) or 0.0 for pid in _helper_pids()}
        for pid in self.helpers_before:
            _reset_peak(pid)
        self.cpu = _cpu_seconds()
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.perf_counter() - self.started
        self.cpu = _cpu_seconds() - self.cpu
        peak = _status_kib("VmHWM") if self.peak_reset else None
        # without clear_refs, ru_maxrss is the peak of the whole process so far
        self.peak_kib = peak or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        helpers = _helper_pids()
        self.helper_count = len(helpers)
        self.helper_cpu = sum((proc_cpu_seconds(pid) or 0.0) - self.helpers_before.get(pid, 0.0)
                              for pid in helpers)
        self.helper_peak_kib = sum(_peak_kib(pid) for pid in helpers)
        self.pss_end_kib = _pss_kib("self") + sum(_pss_kib(pid) for pid in helpers)

    def as_dict(self, feeds: int) -> dict:
        """The cycle's figures for ``feeds`` feeds, rounded as the JSON records them."""
        return {
            "feeds": feeds, "seconds": round(self.seconds, 3),
            "feeds_per_min": round(feeds / self.seconds * 60, 1),
            "cpu_seconds": round(self.cpu + self.helper_cpu, 2),
            "cpu_seconds_main": round(self.cpu, 2),
            "cpu_seconds_helpers": round(self.helper_cpu, 2),
            "rss_before_mib": round((self.rss_before or 0) / 1024, 1),
            "peak_rss_mib": round((self.peak_kib + self.helper_peak_kib) / 1024, 1),
            "peak_rss_main_mib": round(self.peak_kib / 1024, 1),
            "peak_rss_helpers_mib": round(self.helper_peak_kib / 1024, 1),
            "helper_processes": self.helper_count,
            "pss_end_mib": round(self.pss_end_kib / 1024, 1),
            "peak_is_per_cycle": self.peak_reset,
        }
