"""CPU-bound work from asyncio (claim C9): the guide's tip "Be careful with CPU-bound tasks - consider using
concurrent.futures.ProcessPoolExecutor with asyncio.to_thread() for them" (migrating-to-asyncio.md, "Tips for
Refactoring").

``--jobs`` jobs of ``--job-ms`` ms of CPU each (``blocking/work.py``'s loop: the running thread's own CPU time,
so a job is the same work in any thread or process), started together from one coroutine and awaited with
``asyncio.gather``; ``--mode`` says where they run:

- ``inline``: called in the coroutine, on the event loop;
- ``to-thread``: ``asyncio.to_thread`` (the default executor's threads, under the GIL);
- ``process-pool``: ``loop.run_in_executor(ProcessPoolExecutor(), ...)``, the working form of the tip. The guide's
  form as written, a ``ProcessPoolExecutor`` handed to ``asyncio.to_thread()``, is executed once by the census
  (``asyncio.to_thread(job, ..., executor=pool)``: ``to_thread`` has no executor parameter and passes the keyword
  on to the job) and what it raises is recorded (``pairbench_guide_error``).

Case ``jobs-<N>x<M>ms``: one operation is the whole batch (wall time). The census runs one batch while a ticker
task asks to wake every 1 ms and records how late it got to run: ``loop_lag_max_us`` (how long the loop was
held), and ``threads_started`` / ``processes`` (children of this process) beside it.

The target is pinned to one core like every target: a process pool cannot run the jobs in parallel there.

Run from ``python-targets/``: ``python inprocess/cpu_asyncio.py --mode process-pool --jobs 8 --job-ms 200 --fast``
"""

import asyncio
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from blocking.work import block  # noqa: E402
from inprocess import bench  # noqa: E402

MODES = ("inline", "to-thread", "process-pool")


async def batch(mode, jobs, job_ms, pool):
    if mode == "inline":
        for _ in range(jobs):
            block(job_ms, "cpu")
        return
    if mode == "to-thread":
        await asyncio.gather(*(asyncio.to_thread(block, job_ms, "cpu") for _ in range(jobs)))
        return
    loop = asyncio.get_running_loop()
    await asyncio.gather(*(loop.run_in_executor(pool, block, job_ms, "cpu") for _ in range(jobs)))


def make_pool(mode):
    if mode != "process-pool":
        return None
    pool = ProcessPoolExecutor()
    pool.submit(block, 0, "cpu").result()  # forks the workers before anything is timed
    return pool


def case(mode, jobs, job_ms):
    def time_func(loops):
        pool = make_pool(mode)

        async def run():
            t0 = time.perf_counter()
            for _ in range(loops):
                await batch(mode, jobs, job_ms, pool)
            return time.perf_counter() - t0
        try:
            return asyncio.run(run())
        finally:
            if pool is not None:
                pool.shutdown()

    def census(c):
        pool = make_pool(mode)
        lags = []

        async def ticker(stop):
            while not stop.is_set():
                due = time.perf_counter() + 0.001
                await asyncio.sleep(0.001)
                lags.append(time.perf_counter() - due)

        async def run():
            stop = asyncio.Event()
            tick = asyncio.create_task(ticker(stop))
            await asyncio.sleep(0.002)
            await batch(mode, jobs, job_ms, pool)
            stop.set()
            await tick
            if mode == "process-pool":
                try:
                    await asyncio.to_thread(block, 0, "cpu", executor=pool)
                    c.extra["guide_error"] = "none: it ran"
                except Exception as e:  # recorded, not hidden: this is the guide's form failing
                    c.extra["guide_error"] = "%s: %s" % (type(e).__name__, e)
        try:
            asyncio.run(run())
        finally:
            if pool is not None:
                c.extra["processes"] = len(pool._processes)
                pool.shutdown()
        c.extra["loop_lag_max_us"] = round(max(lags) * 1e6, 1) if lags else 0.0
    return bench.Case(f"jobs-{jobs}x{job_ms}ms", time_func, census=census)


def add_arguments(parser):
    parser.add_argument("--mode", choices=MODES, required=True)
    parser.add_argument("--jobs", type=int, default=8)
    parser.add_argument("--job-ms", type=int, default=200)


if __name__ == "__main__":
    bench.main(lambda a: [case(a.mode, a.jobs, a.job_ms)], add_arguments, forward=["mode", "jobs", "job_ms"])
