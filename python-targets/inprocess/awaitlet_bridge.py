"""Sync code calling async I/O (claims C18, C19): awaitlet against native ``await``, with ``asyncio.to_thread`` and
the guide's Sync-Async adapter for reference. The guide (managing-migration-depth.md) says "Awaitlet creates a new
event loop in a separate thread for each call" ("Consider Thread Safety") and that it "incurs some overhead due to
thread creation and synchronization. It's most efficient for I/O-bound operations where the async benefit outweighs
this cost" ("Performance Overhead").

``--bridge``, how one request's sync code reaches an async I/O of D seconds (``asyncio.sleep(D)``):

- ``native``: no sync code: a coroutine awaits the I/O (the reference);
- ``awaitlet``: ``await awaitlet.async_def(handler)`` with ``handler`` calling ``awaitlet.awaitlet(io(D))``: one
  entry and one crossing per request, as the guide's code does;
- ``to-thread``: ``await asyncio.to_thread(handler)`` with the handler blocking for D (``time.sleep``);
- ``adapter``: no running loop: the guide's Sync-Async adapter with its loop closed after each call
  (``adapters.ClosingAdapter``), a new event loop per call. Not the adapter as written: its unclosed loops hold
  3 file descriptors each until the garbage collector runs, and 10,000 calls ended in ``OSError: [Errno 24] Too
  many open files`` here (limit 20,000 descriptors; claim C14 measures the adapter as written).

Cases ``io-0``, ``io-10us``, ``io-100us``, ``io-1ms``, ``io-10ms``: one operation is one request. The census makes
``--census-calls`` requests at ``io-0`` (default 10,000; 100 at the others) and counts what the guide's sentence
predicts: OS threads started, event loops created, greenlets, and the thread and loop the I/O ran in:
``inside_threads`` and ``inside_loops`` (distinct ones seen), ``inside_caller_thread`` (1 when every request's I/O
ran in the calling thread) and ``inside_caller_loop`` (1 when it ran in the caller's running loop).

Run from ``python-targets/``: ``python inprocess/awaitlet_bridge.py --bridge awaitlet --fast``
"""

import asyncio
import os
import sys
import threading
import time

import awaitlet

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from inprocess import bench  # noqa: E402
from inprocess.adapters import ClosingAdapter  # noqa: E402

BRIDGES = ("native", "awaitlet", "to-thread", "adapter")
IOS = (("io-0", 0.0), ("io-10us", 0.00001), ("io-100us", 0.0001), ("io-1ms", 0.001), ("io-10ms", 0.01))
CENSUS_CALLS = 100


class Seen:
    """Where the I/O ran; off (None) while timed."""
    threads = None
    loops = None


def note_inside(loop):
    if Seen.threads is not None:
        Seen.threads.add(threading.get_ident())
        Seen.loops.add(loop)


async def io(seconds):
    await asyncio.sleep(seconds)
    note_inside(asyncio.get_running_loop())


def handler_awaitlet(seconds):
    return awaitlet.awaitlet(io(seconds))


def handler_blocking(seconds):
    time.sleep(seconds)
    note_inside(None)


def requests(bridge, seconds, count):
    """Makes ``count`` requests; returns the seconds they took and the loop they were made from (or None)."""
    if bridge == "adapter":
        adapter = ClosingAdapter()
        t0 = time.perf_counter()
        for _ in range(count):
            adapter.call(io(seconds))
        return time.perf_counter() - t0, None

    async def run():
        t0 = time.perf_counter()
        if bridge == "native":
            for _ in range(count):
                await io(seconds)
        elif bridge == "awaitlet":
            for _ in range(count):
                await awaitlet.async_def(handler_awaitlet, seconds)
        else:
            for _ in range(count):
                await asyncio.to_thread(handler_blocking, seconds)
        return time.perf_counter() - t0, asyncio.get_running_loop()
    return asyncio.run(run())


def case(bridge, name, seconds, census_calls):
    def time_func(loops):
        return requests(bridge, seconds, loops)[0]

    def census(c):
        Seen.threads, Seen.loops = set(), set()
        try:
            _, caller_loop = requests(bridge, seconds, census_calls if seconds == 0 else CENSUS_CALLS)
            c.extra["inside_threads"] = len(Seen.threads)
            c.extra["inside_loops"] = len(Seen.loops - {None})
            c.extra["inside_caller_thread"] = int(Seen.threads == {threading.get_ident()})
            c.extra["inside_caller_loop"] = int(caller_loop is not None and Seen.loops == {caller_loop})
        finally:
            Seen.threads = Seen.loops = None
    return bench.Case(name, time_func, census=census)


def add_arguments(parser):
    parser.add_argument("--bridge", choices=BRIDGES, required=True)
    parser.add_argument("--census-calls", type=int, default=10_000, help="requests the census makes at io-0")


if __name__ == "__main__":
    bench.main(lambda a: [case(a.bridge, name, s, a.census_calls) for name, s in IOS], add_arguments,
               forward=["bridge", "census_calls"])
