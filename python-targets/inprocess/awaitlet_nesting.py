"""awaitlet calls one by one or combined (claim C17): the guide's "Avoid Excessive Nesting" (managing-migration-
depth.md): "Instead of nesting multiple async calls within a single awaitlet call, combine them into a single async
function", its ``process()`` with one ``awaitlet.awaitlet()`` per async operation ("Avoid this") against one
``awaitlet.awaitlet(process_async())`` whose coroutine awaits them all ("Better approach").

``--style per-call`` (the "avoid this" form) or ``combined`` (the "better approach"). Cases ``k<K>-io<D>``: one
operation is one ``process()`` making K async operations, each waiting D (``asyncio.sleep``; ``io0`` is
``asyncio.sleep(0)``, one pass through the loop), called from sync code already inside ``awaitlet.async_def``.

Run from ``python-targets/``: ``python inprocess/awaitlet_nesting.py --style combined --fast``
"""

import asyncio
import os
import sys
import time

import awaitlet

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from inprocess import bench  # noqa: E402

STYLES = ("per-call", "combined")
KS = (1, 2, 10, 100)
IOS = (("io0", 0.0), ("io1ms", 0.001))


async def async_operation(io_s):
    await asyncio.sleep(io_s)


def process_per_call(k, io_s):
    for _ in range(k):
        awaitlet.awaitlet(async_operation(io_s))


async def process_async(k, io_s):
    for _ in range(k):
        await async_operation(io_s)


def process_combined(k, io_s):
    awaitlet.awaitlet(process_async(k, io_s))


def case(style, k, io_name, io_s):
    process = process_per_call if style == "per-call" else process_combined

    def sync_loop(loops):
        t0 = time.perf_counter()
        for _ in range(loops):
            process(k, io_s)
        return time.perf_counter() - t0

    def time_func(loops):
        return asyncio.run(awaitlet.async_def(sync_loop, loops))
    return bench.Case(f"k{k}-{io_name}", time_func)


def add_arguments(parser):
    parser.add_argument("--style", choices=STYLES, required=True)


if __name__ == "__main__":
    bench.main(lambda a: [case(a.style, k, name, s) for name, s in IOS for k in KS], add_arguments,
               forward=["style"])
