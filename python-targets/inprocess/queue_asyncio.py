"""Producer/consumer, asyncio side (claim C8): the guide's "Integration with Other Libraries" asyncio code
(migrating-to-asyncio.md): worker tasks, ``asyncio.Queue``, ``queue.join()``, a ``None`` per worker to stop them,
``asyncio.gather``.

Equalized with ``queue_eventlet.py``: the guide's asyncio worker sleeps 0.1 s per item ("Simulate processing
time") and its eventlet worker does not, and both print each item. Here neither sleeps nor prints, so both sides
measure the hand-over of items through the queue and nothing else (with the sleep, 1e5 items over 3 workers would
take an hour of sleeping).

Cases: ``workers-3`` and ``workers-100``: one operation is one item (put by the producer, taken and marked done by
a worker); one timed loop is the guide's whole ``main()`` over ``--items`` items (workers created, fed, joined and
stopped), inside one running loop.

Run from ``python-targets/``: ``python inprocess/queue_asyncio.py --fast --items 100000``
"""

import asyncio
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from inprocess import bench  # noqa: E402


async def worker(name, queue):
    while True:
        item = await queue.get()
        if item is None:
            queue.task_done()
            break
        queue.task_done()


async def produce_consume(workers_count, items):
    queue = asyncio.Queue()
    workers = [asyncio.create_task(worker(f"worker-{i}", queue)) for i in range(workers_count)]
    for item in range(items):
        await queue.put(item)
    await queue.join()
    for _ in workers:
        await queue.put(None)
    await asyncio.gather(*workers)


def case(workers_count, items):
    def time_func(loops):
        async def run():
            t0 = time.perf_counter()
            for _ in range(loops):
                await produce_consume(workers_count, items)
            return time.perf_counter() - t0
        return asyncio.run(run())
    return bench.Case(f"workers-{workers_count}", time_func, inner_loops=items)


def add_arguments(parser):
    parser.add_argument("--items", type=int, default=100000, help="items per run (default 100000)")


if __name__ == "__main__":
    bench.main(lambda args: [case(3, args.items), case(100, args.items)], add_arguments, forward=["items"])
