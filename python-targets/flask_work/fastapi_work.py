"""flask, rewritten in FastAPI on uvicorn: the same route as ``async def`` or as ``def``.

Stands for "Option 1: Use an async framework like FastAPI" of the guide's "Web Framework Integration" section
(migrating-to-asyncio.md; claim C13). ``--handler async``: ``async def work`` waits its I/O with ``await
asyncio.sleep`` on the event loop (no thread). ``--handler def``: a plain ``def work`` with ``time.sleep``, which
FastAPI runs in AnyIO's worker threads, at most ``--thread-limit`` at a time (AnyIO's default limiter has 40
tokens; the workload passes 40, set explicitly on the running loop before uvicorn serves, and reported back). Same answer as the Flask
app (``app.py``): ``ok io_ms=M\\n``, ``text/plain; charset=utf-8``; ``io_ms`` defaults to 0, and a value out of
range gets FastAPI's 422 where Flask answers 400 (not part of the parity requests).

Fairness settings (``common/servers.py``): event loop and parser chosen explicitly (``--loop asyncio --http
httptools`` from the workload), listen backlog, access log off, no WebSocket protocol, keep-alive timeout; no
``/docs`` or ``/openapi.json``; ``--reset-contextvars`` as the WsgiToAsgi variant (the workload turns it on for
every uvicorn variant alike; FastAPI does not need it). No lifespan, like the other uvicorn targets.

Run from ``python-targets/``: ``python flask_work/fastapi_work.py --handler async --thread-limit 40 --port 8080
--backlog 2048 --loop asyncio --http httptools --reset-contextvars on --keepalive-timeout 75``
"""

import asyncio
import os
import sys
import time
from typing import Annotated

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import anyio.to_thread  # noqa: E402
from fastapi import FastAPI, Query  # noqa: E402
from fastapi.responses import PlainTextResponse  # noqa: E402

from common import servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402
from flask_work.app import MAX_IO_MS  # noqa: E402

IoMs = Annotated[int, Query(ge=0, le=MAX_IO_MS)]


async def work_async(io_ms: IoMs = 0):
    if io_ms:
        await asyncio.sleep(io_ms / 1000)
    return f"ok io_ms={io_ms}\n"


def work_def(io_ms: IoMs = 0):
    if io_ms:
        time.sleep(io_ms / 1000)
    return f"ok io_ms={io_ms}\n"


def make_app(handler):
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.get("/work", response_class=PlainTextResponse)(work_async if handler == "async" else work_def)
    return app


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    servers.add_uvicorn_arguments(parser, reset_contextvars=True)
    parser.add_argument("--handler", required=True, choices=["async", "def"], help="async def or def route")
    parser.add_argument("--thread-limit", type=int, required=True,
                        help="AnyIO worker threads a def route may use at a time (AnyIO's default is 40)")
    args = parser.parse_args()
    def thread_limit(loop):
        # the limiter belongs to the running event loop: set on it before uvicorn serves, then read back
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = args.thread_limit
        return {"anyio-threads": limiter.total_tokens,
                "thread-pool": limiter.total_tokens if args.handler == "def" else "none"}

    servers.uvicorn_run(make_app(args.handler), args, extra=thread_limit)


if __name__ == "__main__":
    main()
