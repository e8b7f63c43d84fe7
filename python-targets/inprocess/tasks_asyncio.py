"""Green threads vs tasks, asyncio side (claim C5): ``asyncio.create_task`` and ``asyncio.Event``, the guide's
"Background Execution of Long Tasks", "Deferred Task Management" and "Green Thread Management" (migrating-to-
asyncio.md) without their sleeps and prints.

Cases (nanoseconds per operation; every operation runs inside one ``asyncio.run``, so loop creation is not timed):

- ``spawn-join``: ``await asyncio.create_task(noop())``: create a task, run it, join it.
- ``event-wake``: two tasks hand over through two ``asyncio.Event`` s (set, the waiter wakes, clears, sets the
  other); one operation is one set -> wake.
- ``park-1000``: 1000 tasks started, each parked on one ``asyncio.Event``, then all woken and joined; one
  operation is one task's whole life. The census measures the Python memory of 1000 parked tasks
  (``bytes_per_parked_task``, tracemalloc).

Run from ``python-targets/``: ``python inprocess/tasks_asyncio.py --fast``
"""

import asyncio
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from inprocess import bench  # noqa: E402
from inprocess.census import bytes_per_parked  # noqa: E402

PARKED = 1000


async def noop():
    pass


def spawn_join(loops):
    async def run():
        t0 = time.perf_counter()
        for _ in range(loops):
            await asyncio.create_task(noop())
        return time.perf_counter() - t0
    return asyncio.run(run())


def event_wake(loops):
    async def run():
        ping, pong = asyncio.Event(), asyncio.Event()

        async def waiter():
            for _ in range(loops):
                await ping.wait()
                ping.clear()
                pong.set()

        task = asyncio.create_task(waiter())
        await asyncio.sleep(0)
        t0 = time.perf_counter()
        for _ in range(loops):
            ping.set()
            await pong.wait()
            pong.clear()
        elapsed = time.perf_counter() - t0
        await task
        return elapsed
    return asyncio.run(run())


async def parked(event):
    await event.wait()


def park(loops):
    async def run():
        t0 = time.perf_counter()
        for _ in range(loops):
            event = asyncio.Event()
            tasks = [asyncio.create_task(parked(event)) for _ in range(PARKED)]
            await asyncio.sleep(0)
            event.set()
            await asyncio.gather(*tasks)
        return time.perf_counter() - t0
    return asyncio.run(run())


def park_census(c):
    async def run():
        event = asyncio.Event()
        tasks = []

        async def create(count):
            tasks.extend(asyncio.create_task(parked(event)) for _ in range(count))
            await asyncio.sleep(0)  # every task runs to its wait() and parks

        per_task = await bytes_per_parked(create, PARKED)
        event.set()
        await asyncio.gather(*tasks)
        return per_task
    c.extra["bytes_per_parked_task"] = asyncio.run(run())


CASES = [
    bench.Case("spawn-join", spawn_join),
    bench.Case("event-wake", event_wake),
    bench.Case("park-1000", park, census=park_census, inner_loops=PARKED),
]

if __name__ == "__main__":
    bench.main(CASES)
