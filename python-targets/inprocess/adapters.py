"""Ways to call a coroutine from synchronous code (claims C14, C19), each with ``call(coro)`` and ``close()``.

``GuideAdapter._run_coroutine`` is the guide's code as written (migrating-to-asyncio.md, "Refactoring with the
Sync-Async Adapter Pattern"), with its flaws: the loop is never closed (its selector and self-pipe stay open until
the garbage collector finds the loop), and when a loop is running, the ``RuntimeError`` it raises is caught by its
own ``except RuntimeError`` and it goes on to start a second loop.
"""

import asyncio


class GuideAdapter:
    """The guide's adapter, ``_run_coroutine`` copied verbatim."""

    def _run_coroutine(self, coro):
        try:
            loop = asyncio.get_running_loop()
            if loop.is_running():
                raise RuntimeError(
                    "Cannot run synchronous call when event loop is already running."
                )
        except RuntimeError:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            return loop.run_until_complete(coro)

    def call(self, coro):
        return self._run_coroutine(coro)

    def close(self):
        pass


class ClosingAdapter:
    """The guide's adapter, corrected: a new loop per call, closed after it."""

    def call(self, coro):
        loop = asyncio.new_event_loop()
        try:
            asyncio.set_event_loop(loop)
            return loop.run_until_complete(coro)
        finally:
            asyncio.set_event_loop(None)
            loop.close()

    def close(self):
        pass


class RunAdapter:
    """``asyncio.run`` per call: a new loop, closed, with async generators and the default executor shut down."""

    def call(self, coro):
        return asyncio.run(coro)

    def close(self):
        pass


class RunnerAdapter:
    """One ``asyncio.Runner`` (Python 3.11) for every call: one loop, created on the first call."""

    def __init__(self):
        self.runner = asyncio.Runner()

    def call(self, coro):
        return self.runner.run(coro)

    def close(self):
        self.runner.close()


class PersistentLoopAdapter:
    """One event loop, made once; ``run_until_complete`` per call."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()

    def call(self, coro):
        return self.loop.run_until_complete(coro)

    def close(self):
        self.loop.close()


ADAPTERS = {"guide": GuideAdapter, "closing": ClosingAdapter, "run": RunAdapter, "runner": RunnerAdapter,
            "persistent": PersistentLoopAdapter}
