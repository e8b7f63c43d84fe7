"""Timeouts, eventlet side (claim C11): the guide's "Timeouts and Exception Handling" eventlet code
(migrating-to-asyncio.md): ``with eventlet.Timeout(seconds):`` around the operation, catching
``eventlet.Timeout``.

Cases (per operation), the same as ``timeout_asyncio.py``:

- ``finishes``: the operation (``eventlet.sleep(0)``, one pass through the hub) ends well before its 5 s timeout.
- ``expires-1ms``: the operation (``eventlet.sleep(10)``, the guide's) outlives a 1 ms timeout: 1 ms plus how late
  the timeout fired and was handled.

Run from ``python-targets/``: ``python inprocess/timeout_eventlet.py --fast``
"""

import os
import sys
import time

import eventlet

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from inprocess import bench  # noqa: E402

FINISHES_TIMEOUT_S = 5
EXPIRES_TIMEOUT_S = 0.001


def with_timeout(op_seconds, timeout):
    try:
        with eventlet.Timeout(timeout):
            eventlet.sleep(op_seconds)
    except eventlet.Timeout:
        pass


def case(name, op_seconds, timeout):
    def time_func(loops):
        t0 = time.perf_counter()
        for _ in range(loops):
            with_timeout(op_seconds, timeout)
        return time.perf_counter() - t0
    return bench.Case(name, time_func)


if __name__ == "__main__":
    bench.main([case("finishes", 0, FINISHES_TIMEOUT_S), case("expires-1ms", 10, EXPIRES_TIMEOUT_S)])
