"""Producer/consumer, eventlet side (claim C8): the guide's "Integration with Other Libraries" eventlet code
(migrating-to-asyncio.md): ``eventlet.green.threading.Thread`` workers, a queue, ``q.join()``, a ``None`` per
worker to stop them, ``t.join()``.

Corrected: the guide's code takes the standard library's ``queue.Queue`` without monkey patching, and as written
it hangs: ``q.join()`` waits on a real lock in the process's only OS thread before any green worker has run
(reproduced: no item processed, killed after 10 s). Here the queue is ``eventlet.queue.Queue``, eventlet's green
queue with the same API (``put``, ``get``, ``task_done``, ``join``); the rest is the guide's code.

Equalized with ``queue_asyncio.py``: no print per item on either side, and no 0.1 s sleep (the guide's asyncio
worker has one, its eventlet worker does not).

Cases: ``workers-3`` and ``workers-100``: one operation is one item; one timed loop is the guide's whole program
over ``--items`` items (workers started, fed, joined and stopped).

Run from ``python-targets/``: ``python inprocess/queue_eventlet.py --fast --items 100000``
"""

import os
import sys
import time

from eventlet.green import threading
from eventlet.queue import Queue

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from inprocess import bench  # noqa: E402


def produce_consume(workers_count, items):
    q = Queue()

    def worker():
        while True:
            item = q.get()
            if item is None:
                break
            q.task_done()

    threads = []
    for _ in range(workers_count):
        t = threading.Thread(target=worker)
        t.start()
        threads.append(t)
    for item in range(items):
        q.put(item)
    q.join()
    for _ in range(workers_count):
        q.put(None)
    for t in threads:
        t.join()


def case(workers_count, items):
    def time_func(loops):
        t0 = time.perf_counter()
        for _ in range(loops):
            produce_consume(workers_count, items)
        return time.perf_counter() - t0
    return bench.Case(f"workers-{workers_count}", time_func, inner_loops=items)


def add_arguments(parser):
    parser.add_argument("--items", type=int, default=100000, help="items per run (default 100000)")


if __name__ == "__main__":
    bench.main(lambda args: [case(3, args.items), case(100, args.items)], add_arguments, forward=["items"])
