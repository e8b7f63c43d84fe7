"""Counts beside times: what a pattern creates and leaves behind, measured inside the benchmark process.

Two instruments:

- ``ProcessWatch`` (cheap, around every timed value through a pyperf hook): OS threads (``/proc/self/task``) and
  file descriptors (``/proc/self/fd``), their peak over the values and what is left at the end.
- ``Census`` (once per worker process, in a pass of its own, never inside a timed value): threads started
  (``threading._start_new_thread``), event loops created (``asyncio.BaseEventLoop.__init__``), greenlets that ran
  (``greenlet.settrace``), ResourceWarnings emitted (unclosed loops, sockets), Python memory (``tracemalloc``) and
  the fd peak, while the case's census function runs its pattern a fixed number of times.

The figures go into pyperf's run metadata as ``pairbench_<name>`` numbers, so they travel in the same JSON as the
values (``bench.py``).
"""

import asyncio
import gc
import os
import threading
import tracemalloc
import warnings
import weakref

try:
    import greenlet
except ImportError:  # every program of the lock has it; the census works without it
    greenlet = None


def count_dir(path):
    try:
        return len(os.listdir(path))
    except OSError:
        return -1


def threads_now():
    return count_dir("/proc/self/task")


def fds_now():
    # listdir itself holds one descriptor open while it reads the directory
    n = count_dir("/proc/self/fd")
    return n - 1 if n > 0 else n


class ProcessWatch:
    """Samples threads and fds around each timed value; no instrument runs while the value is timed."""

    def __init__(self):
        self.threads_peak = 0
        self.fds_peak = 0

    def sample(self):
        self.threads_peak = max(self.threads_peak, threads_now())
        self.fds_peak = max(self.fds_peak, fds_now())

    def figures(self):
        return {"threads_peak": self.threads_peak, "fds_peak": self.fds_peak,
                "threads_end": threads_now(), "fds_end": fds_now()}


class Census:
    """Instruments on for the length of a ``with`` block; ``figures()`` afterwards. Not thread-safe by design:
    it counts threads other code starts, but is entered and left by the benchmark's own thread."""

    def __init__(self):
        self.threads_started = 0
        self.loops_created = 0
        self.greenlets_seen = 0
        self.greenlet_switches = 0
        self.resource_warnings = 0
        self.fds_peak = 0
        self.extra = {}
        self._seen = weakref.WeakSet()

    def sample(self):
        """Call between operations to catch the fd peak (a leak collected later by the GC shows here)."""
        self.fds_peak = max(self.fds_peak, fds_now())

    def __enter__(self):
        gc.collect()
        self.fds_before = fds_now()
        self.threads_before = threads_now()
        self.fds_peak = self.fds_before
        self._orig_start = threading._start_new_thread
        census = self

        def counting_start(*args, **kwargs):
            census.threads_started += 1
            return census._orig_start(*args, **kwargs)

        threading._start_new_thread = counting_start
        self._orig_loop_init = asyncio.BaseEventLoop.__init__

        def counting_init(loop, *args, **kwargs):
            census.loops_created += 1
            census._orig_loop_init(loop, *args, **kwargs)

        asyncio.BaseEventLoop.__init__ = counting_init
        if greenlet is not None:
            def trace(event, args):
                if event in ("switch", "throw"):
                    census.greenlet_switches += 1
                    target = args[1]
                    if target not in census._seen:
                        census._seen.add(target)
                        census.greenlets_seen += 1
            self._orig_trace = greenlet.settrace(trace)
        self._warnings = warnings.catch_warnings(record=True)
        self._caught = self._warnings.__enter__()
        warnings.simplefilter("always", ResourceWarning)
        return self

    def __exit__(self, *exc):
        self.fds_end = fds_now()
        self.threads_end = threads_now()
        # what only the garbage collector closes: the adapter's unclosed loops warn here
        gc.collect()
        self.fds_after_gc = fds_now()
        self.resource_warnings = sum(1 for w in self._caught if issubclass(w.category, ResourceWarning))
        self._warnings.__exit__(*exc)
        threading._start_new_thread = self._orig_start
        asyncio.BaseEventLoop.__init__ = self._orig_loop_init
        if greenlet is not None:
            greenlet.settrace(self._orig_trace)
        return False

    def figures(self):
        out = {"threads_started": self.threads_started,
               "threads_left": self.threads_end - self.threads_before,
               "loops_created": self.loops_created,
               "greenlets_seen": self.greenlets_seen,
               "greenlet_switches": self.greenlet_switches,
               "resource_warnings": self.resource_warnings,
               "census_fds_peak": self.fds_peak - self.fds_before,
               "census_fds_end": self.fds_end - self.fds_before,
               "census_fds_after_gc": self.fds_after_gc - self.fds_before}
        out.update(self.extra)
        return out


async def bytes_per_parked(create, count):
    """Python memory per parked task: tracemalloc's traced size before and after ``await create(count)`` (which
    starts ``count`` tasks and lets them park), over ``count``. The caller releases them afterwards."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        await create(count)
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return (after - before) / count


def bytes_per_parked_green(create, count):
    """The same for green threads: ``create(count)`` spawns them and yields until they park."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        create(count)
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return (after - before) / count
