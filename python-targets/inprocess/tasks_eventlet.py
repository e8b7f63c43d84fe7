"""Green threads vs tasks, eventlet side (claim C5): ``eventlet.spawn`` and ``eventlet.event.Event``, the guide's
"Background Execution of Long Tasks", "Deferred Task Management" and "Green Thread Management" (migrating-to-
asyncio.md) without their sleeps and prints. No monkey patching (the guide's snippets have none).

Cases (nanoseconds per operation), the same as ``tasks_asyncio.py``:

- ``spawn-join``: ``eventlet.spawn(noop).wait()``: create a green thread, run it, join it.
- ``event-wake``: two green threads hand over through two ``Event`` s (send, the waiter wakes, resets, sends
  the other); one operation is one send -> wake.
- ``park-1000``: 1000 green threads spawned, each parked on one ``Event``, then all woken and joined; one
  operation is one green thread's whole life. The census measures the Python memory of 1000 parked green threads
  (``bytes_per_parked_task``, tracemalloc; greenlet keeps a parked green thread's saved C stack in memory it
  allocates through Python's allocator, so tracemalloc sees it).

Run from ``python-targets/``: ``python inprocess/tasks_eventlet.py --fast``
"""

import os
import sys
import time

import eventlet
from eventlet.event import Event

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from inprocess import bench  # noqa: E402
from inprocess.census import bytes_per_parked_green  # noqa: E402

PARKED = 1000


def noop():
    pass


def spawn_join(loops):
    t0 = time.perf_counter()
    for _ in range(loops):
        eventlet.spawn(noop).wait()
    return time.perf_counter() - t0


def event_wake(loops):
    ping, pong = Event(), Event()

    def waiter():
        for _ in range(loops):
            ping.wait()
            ping.reset()
            pong.send()

    gt = eventlet.spawn(waiter)
    eventlet.sleep(0)
    t0 = time.perf_counter()
    for _ in range(loops):
        ping.send()
        pong.wait()
        pong.reset()
    elapsed = time.perf_counter() - t0
    gt.wait()
    return elapsed


def parked(event):
    event.wait()


def park(loops):
    t0 = time.perf_counter()
    for _ in range(loops):
        event = Event()
        threads = [eventlet.spawn(parked, event) for _ in range(PARKED)]
        eventlet.sleep(0)
        event.send()
        for gt in threads:
            gt.wait()
    return time.perf_counter() - t0


def park_census(c):
    event = Event()
    threads = []

    def create(count):
        threads.extend(eventlet.spawn(parked, event) for _ in range(count))
        eventlet.sleep(0)  # every green thread runs to its wait() and parks

    c.extra["bytes_per_parked_task"] = bytes_per_parked_green(create, PARKED)
    event.send()
    for gt in threads:
        gt.wait()


CASES = [
    bench.Case("spawn-join", spawn_join),
    bench.Case("event-wake", event_wake),
    bench.Case("park-1000", park, census=park_census, inner_loops=PARKED),
]

if __name__ == "__main__":
    bench.main(CASES)
