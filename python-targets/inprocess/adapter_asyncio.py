"""The Sync-Async adapter (claim C14): the guide's "Sync-Async Adapter Pattern" (migrating-to-asyncio.md), whose
``_run_coroutine`` makes a new event loop for every synchronous call, which the guide says "ensures robust
management of asyncio event loops", against the ways asyncio offers to call a coroutine from sync code.

``--adapter``:

- ``guide``: the guide's ``_run_coroutine``, copied as written (``adapters.GuideAdapter``): ``new_event_loop()``,
  ``set_event_loop()``, ``run_until_complete()``, and the loop never closed;
- ``closing``: the same, closing its loop after the call;
- ``run``: ``asyncio.run(coro)`` per call;
- ``runner``: one ``asyncio.Runner`` kept for every call;
- ``persistent``: one event loop, made once, ``run_until_complete`` per call.

Case ``call``: one synchronous call of a coroutine that awaits ``asyncio.sleep(0)``. The census makes 1000 calls,
counting event loops created, file descriptors at the peak and at the end (before and after a garbage collection)
and ResourceWarnings; for ``guide`` it also calls the adapter from inside a running loop, where its own
``except RuntimeError`` swallows the error it raises, and records what happens then (``pairbench_guide_error``).

Run from ``python-targets/``: ``python inprocess/adapter_asyncio.py --adapter guide --fast``
"""

import asyncio
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from inprocess import bench  # noqa: E402
from inprocess.adapters import ADAPTERS  # noqa: E402

CENSUS_CALLS = 1000


async def op():
    await asyncio.sleep(0)
    return 1


def case(adapter_name):
    def time_func(loops):
        adapter = ADAPTERS[adapter_name]()
        try:
            t0 = time.perf_counter()
            for _ in range(loops):
                adapter.call(op())
            return time.perf_counter() - t0
        finally:
            adapter.close()

    def census(c):
        adapter = ADAPTERS[adapter_name]()
        for _ in range(CENSUS_CALLS):
            adapter.call(op())
            c.sample()
        adapter.close()
        if adapter_name == "guide":
            async def inside_a_loop():
                coro = op()
                try:
                    ADAPTERS["guide"]().call(coro)
                    return "none: it ran"
                except Exception as e:  # recorded, not hidden: the guide's adapter inside a running loop
                    coro.close()
                    return "%s: %s" % (type(e).__name__, e)
            c.extra["guide_error"] = asyncio.run(inside_a_loop())
    return bench.Case("call", time_func, census=census)


def add_arguments(parser):
    parser.add_argument("--adapter", choices=sorted(ADAPTERS), required=True)


if __name__ == "__main__":
    bench.main(lambda a: [case(a.adapter)], add_arguments, forward=["adapter"])
