"""Timeouts, asyncio side (claim C11): the guide's "Timeouts and Exception Handling" (migrating-to-asyncio.md),
``asyncio.wait_for(op, timeout=...)`` catching ``asyncio.TimeoutError``, and (``--api timeout``) Python 3.11's
``async with asyncio.timeout(...)``.

Cases (per operation, inside one running loop):

- ``finishes``: the operation (``asyncio.sleep(0)``, one pass through the loop) ends well before its timeout (5 s,
  the guide's): what the timeout costs when it does not fire.
- ``expires-1ms``: the operation (``asyncio.sleep(10)``, the guide's) outlives a 1 ms timeout: the time from the
  call to the handled ``TimeoutError``, so 1 ms plus how late the timeout fired and was handled.

Run from ``python-targets/``: ``python inprocess/timeout_asyncio.py --api wait-for --fast``
"""

import asyncio
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from inprocess import bench  # noqa: E402

APIS = ("wait-for", "timeout")
FINISHES_TIMEOUT_S = 5
EXPIRES_TIMEOUT_S = 0.001


async def with_wait_for(op, timeout):
    try:
        await asyncio.wait_for(op, timeout=timeout)
    except asyncio.TimeoutError:
        pass


async def with_timeout(op, timeout):
    try:
        async with asyncio.timeout(timeout):
            await op
    except asyncio.TimeoutError:
        pass


def case(name, api, op_seconds, timeout):
    call = with_wait_for if api == "wait-for" else with_timeout

    def time_func(loops):
        async def run():
            t0 = time.perf_counter()
            for _ in range(loops):
                await call(asyncio.sleep(op_seconds), timeout)
            return time.perf_counter() - t0
        return asyncio.run(run())
    return bench.Case(name, time_func)


def add_arguments(parser):
    parser.add_argument("--api", choices=APIS, required=True)


if __name__ == "__main__":
    bench.main(lambda a: [case("finishes", a.api, 0, FINISHES_TIMEOUT_S),
                          case("expires-1ms", a.api, 10, EXPIRES_TIMEOUT_S)], add_arguments, forward=["api"])
