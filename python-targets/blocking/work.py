"""The blocking call and the answers of the blocking workload, defined once so every variant does the same work.

``GET /block?ms=M&kind=sleep|cpu`` makes one blocking call of M milliseconds (``kind=sleep``: ``time.sleep``;
``kind=cpu``: a busy Python loop until the calling thread has used M ms of CPU time) and answers ``200``,
``text/plain; charset=utf-8``, ``blocked ms=M kind=K\\n``. ``GET /heartbeat`` answers ``ok\\n`` at once: its latency,
measured while ``/block`` is under load, shows whether one blocked request stalls the others. A missing or bad
parameter gets ``400``.

The CPU loop counts the thread's own CPU time (``time.thread_time``), not wall time, so a request does M ms of
work however many threads share the core: with a wall-clock loop, threads that wait for the GIL would do less.
``time.sleep`` is looked up when called, so under eventlet's monkey patching it is the green, yielding sleep.
"""

import time

from common.query import bounded_int

BLOCK_PATH = "/block"
HEARTBEAT_PATH = "/heartbeat"
CONTENT_TYPE = "text/plain; charset=utf-8"
KINDS = ("sleep", "cpu")
MAX_MS = 10_000
HEARTBEAT_BODY = "ok\n"


def params(ms_text, kind):
    """``(ms, kind)`` from the query's text values; raises ``ValueError`` on a missing or bad value."""
    ms = bounded_int(ms_text, "ms", 0, MAX_MS)
    if kind not in KINDS:
        raise ValueError("kind must be sleep or cpu")
    return ms, kind


def block(ms, kind):
    """The blocking call: returns the body to answer."""
    if kind == "sleep":
        time.sleep(ms / 1000)
    else:
        end = time.thread_time_ns() + ms * 1_000_000
        while time.thread_time_ns() < end:
            pass
    return f"blocked ms={ms} kind={kind}\n"
