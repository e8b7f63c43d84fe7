"""awaitlet at call-stack depth (claim C16): the guide's "Keep awaitlet Close to I/O" (managing-migration-depth.md):
"Place Awaitlet calls as close as possible to the actual I/O operations to minimize performance overhead".
Close to the I/O means deep below the ``awaitlet.async_def`` entry, so this measures one ``awaitlet()`` crossing
with ``--depth`` plain Python frames between the entry and the call.

Case ``crossing``: one operation is one ``awaitlet.awaitlet(op())`` from the bottom of the stack (the sync function
recurses ``--depth`` frames once per timed value, then loops there), where ``op`` is a coroutine that returns at
once: the cost is the two greenlet switches of the crossing, with nothing awaited (a greenlet switch saves and
restores the part of the C stack the greenlet uses, which grows with the frames below it).

Run from ``python-targets/``: ``python inprocess/awaitlet_depth.py --depth 1000 --fast``
"""

import asyncio
import os
import sys
import time

import awaitlet

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from inprocess import bench  # noqa: E402


async def op():
    return 1


def at_depth(depth, loops):
    if depth > 0:
        return at_depth(depth - 1, loops)
    t0 = time.perf_counter()
    for _ in range(loops):
        awaitlet.awaitlet(op())
    return time.perf_counter() - t0


def case(depth):
    def time_func(loops):
        return asyncio.run(awaitlet.async_def(at_depth, depth, loops))
    return bench.Case("crossing", time_func)


def add_arguments(parser):
    parser.add_argument("--depth", type=int, required=True, help="plain frames between async_def and awaitlet()")


if __name__ == "__main__":
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    bench.main(lambda a: [case(a.depth)], add_arguments, forward=["depth"])
