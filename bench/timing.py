"""Timing helpers: one thread, warm-up, repeats, best and median, and the environment.

Contenders compared in one benchmark run in turns (A, B, A, B, ...) so that a change
in machine load during the run touches both alike. Each repeat records CPU time (the
process time of the single busy thread) and wall-clock time. The headline is the best
CPU time: the work one core does, unaffected by time spent waiting for a core that
another process holds (the benchmarks run on shared machines). ``--clock wall`` makes
the best wall-clock time the headline instead, as with ``timeit`` on a quiet machine.

Example:
    >>> timings = measure({"noop": lambda: None}, repeats=2)
    >>> timings["noop"].repeats
    2
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

# Numerical libraries read these when first imported: one thread, one core.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def single_core(pin: bool = False) -> int | None:
    """Limit this process to one thread per library; with ``pin``, also to one CPU.

    Call before importing spaCy or NumPy. Returns the pinned CPU, or None when not
    pinned (or where CPU affinity is not available: macOS, Windows). Pinning is off by
    default: on a shared machine the scheduler then moves the single busy thread to
    a free core instead of queueing it behind another process on the pinned one.
    """
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    if not pin or not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


Clock = Literal["cpu", "wall"]


@dataclass
class Timing:
    """The wall-clock and CPU seconds of each repeat of one contender."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    @property
    def repeats(self) -> int:
        return len(self.wall)

    def best(self, clock: Clock = "cpu") -> float:
        # A floor of one microsecond: a coarse process clock may read 0 on tiny runs.
        return max(1e-6, min(self.cpu if clock == "cpu" else self.wall))

    def median(self, clock: Clock = "cpu") -> float:
        return max(1e-6, statistics.median(self.cpu if clock == "cpu" else self.wall))

    def summary(self, words: int, clock: Clock = "cpu") -> dict[str, Any]:
        """The figures a results file records for ``words`` processed per repeat;
        ``seconds`` and ``words_per_s`` are on the headline ``clock``."""
        return {
            "words": words,
            "clock": clock,
            "seconds": round(self.best(clock), 4),
            "seconds_median": round(self.median(clock), 4),
            "cpu_seconds": round(self.best("cpu"), 4),
            "wall_seconds": round(self.best("wall"), 4),
            "repeats": self.repeats,
            "words_per_s": round(words / self.best(clock)),
            "words_per_s_median": round(words / self.median(clock)),
            "words_per_s_wall": round(words / self.best("wall")),
        }


def measure(contenders: Mapping[str, Callable[[], object]], repeats: int = 3,
            warmups: Mapping[str, Callable[[], object]] | None = None) -> dict[str, Timing]:
    """Time each contender ``repeats`` times, in turns, after one warm-up call each.

    ``warmups`` gives a cheaper warm-up per contender (a slice of the corpus); the
    default warm-up is one full call.
    """
    for name, run in contenders.items():
        (warmups or {}).get(name, run)()
    timings = {name: Timing() for name in contenders}
    for _ in range(repeats):
        for name, run in contenders.items():
            gc.collect()
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            timings[name].cpu.append(time.process_time() - cpu)
            timings[name].wall.append(time.perf_counter() - wall)
    return timings


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True, cwd=Path(__file__).parent)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def environment(cpu: int | None) -> dict[str, Any]:
    """Versions, machine and date of this run."""
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "spacy": _version("spacy"),
        "tieline": _version("tieline"),
        "git_commit": _git_commit(),
        "platform": platform.platform(),
        "cpu_model": _cpu_model(),
        "cpu_count": os.cpu_count(),
        "threads": 1,
        "pinned_cpu": cpu,
    }
