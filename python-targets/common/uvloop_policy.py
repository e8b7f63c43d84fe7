"""Runs another target program with uvloop as asyncio's event loop policy.

For eventlet's asyncio hub on uvloop (claim C2: the guide's step 1, "activate the asyncio hub", with the loop a
production asyncio service would likely use). The hub creates its loop with ``asyncio.new_event_loop()``, which
follows the policy, so setting ``uvloop.EventLoopPolicy()`` before the program starts is enough; nothing else in
the program changes. Usage, from ``python-targets/``:

    python common/uvloop_policy.py http_hello/eventlet_wsgi_server.py --port 8080 ...

with ``EVENTLET_HUB=asyncio`` in the environment. The program runs as ``__main__``, with its own arguments.
"""

import asyncio
import os
import runpy
import sys

import uvloop


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: uvloop_policy.py PROGRAM [ARGS...]")
    program = sys.argv[1]
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    # the program sees itself as argv[0] and its own folder first on sys.path, as when started directly
    sys.argv = sys.argv[1:]
    sys.path[0] = os.path.dirname(os.path.abspath(program))
    runpy.run_path(program, run_name="__main__")


if __name__ == "__main__":
    main()
