"""blocking, asyncio side: an ``aiohttp.web`` handler that makes the blocking call inline or through
``asyncio.to_thread``.

Stands for the guide's advice in "Handling Monkey Patching" (migrating-to-asyncio.md; claim C10): "Use
asyncio.to_thread() for unavoidable blocking operations", and for its pitfall "Blocking calls within async
functions" (claim C15).

- ``--call inline``: the call runs in the coroutine and holds the event loop for its whole duration.
- ``--call to-thread --to-thread-workers 0``: ``await asyncio.to_thread(...)`` on the loop's default executor,
  a ``ThreadPoolExecutor`` of ``min(32, os.cpu_count() + 4)`` threads (6 on a 2-CPU machine: ``os.cpu_count()``
  counts the machine's CPUs, not the one core the target is pinned to).
- ``--call to-thread --to-thread-workers N``: the same, after ``loop.set_default_executor(ThreadPoolExecutor(
  max_workers=N))`` at start-up; the workload sizes N to the step's concurrency.

Served by ``aiohttp.web`` on the standard asyncio event loop with the shared fairness settings
(``common/servers.py``).

Run from ``python-targets/``: ``python blocking/aiohttp_blocking.py --call to-thread --to-thread-workers 64
--port 8080 --backlog 2048 --keepalive-timeout 75``
"""

import asyncio
import os
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from aiohttp import web  # noqa: E402

from blocking import work  # noqa: E402
from common import effective, servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402


def make_app(call, to_thread_workers):
    async def block(request):
        try:
            ms, kind = work.params(request.query.get("ms"), request.query.get("kind"))
        except ValueError as e:
            raise web.HTTPBadRequest(text=f"{e}\n")
        if call == "inline":
            body = work.block(ms, kind)
        else:
            body = await asyncio.to_thread(work.block, ms, kind)
        # text= gives "text/plain; charset=utf-8", as on the eventlet side
        return web.Response(text=body)

    async def heartbeat(request):
        return web.Response(text=work.HEARTBEAT_BODY)

    app = web.Application()
    # allow_head=False: GET only, like the WSGI side
    app.add_routes([web.get(work.BLOCK_PATH, block, allow_head=False),
                    web.get(work.HEARTBEAT_PATH, heartbeat, allow_head=False)])
    if to_thread_workers:
        async def sized_executor(app):
            executor = ThreadPoolExecutor(max_workers=to_thread_workers)
            asyncio.get_running_loop().set_default_executor(executor)
            yield
            executor.shutdown(wait=False)

        app.cleanup_ctx.append(sized_executor)
    return app


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    parser.add_argument("--call", required=True, choices=["inline", "to-thread"],
                        help="make the blocking call inline in the coroutine or with asyncio.to_thread")
    parser.add_argument("--to-thread-workers", type=int, required=True,
                        help="threads of the loop's default executor; 0 keeps asyncio's default")
    args = parser.parse_args()
    # the threads the blocking call may use: none inline, else the running loop's default executor
    servers.aiohttp_run(make_app(args.call, args.to_thread_workers), args, extra=lambda loop: {
        "thread-pool": "none" if args.call == "inline" else effective.executor_threads(loop)})


if __name__ == "__main__":
    main()
