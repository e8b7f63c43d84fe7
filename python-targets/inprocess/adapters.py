"""Ways to call a coroutine from synchronous code (claims C14, C19), each with ``call(coro)`` and ``close()``.

``GuideAdapter`` runs the guide's code as written, from its snippet file (migrating-to-asyncio.md, "Refactoring with the
Sync-Async Adapter Pattern"), with its flaws: the loop is never closed (its selector and self-pipe stay open until
the garbage collector finds the loop), and when a loop is running, the ``RuntimeError`` it raises is caught by its
own ``except RuntimeError`` and it goes on to start a second loop.
"""

import asyncio
import importlib.util
import os


def _guide_client_class():
    """The ``Client`` class of the guide's adapter snippet, loaded from guide_snippets/ where the snippet is kept
    verbatim (the test suite checks it against the guide page), as module ``hypotheticlib`` like the snippet step
    runs it: the benchmark times the guide's own code, not a copy of it."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "guide_snippets",
                        "as_sync_async_adapter.py")
    spec = importlib.util.spec_from_file_location("hypotheticlib", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Client


class GuideAdapter:
    """The guide's adapter as written: ``Client._run_coroutine`` of the snippet, called with the coroutine."""

    def __init__(self):
        self.client = _guide_client_class()()

    def call(self, coro):
        return self.client._run_coroutine(coro)

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
