"""flask, asyncio side through an adapter: the Flask app wrapped in ``asgiref.wsgi.WsgiToAsgi`` on uvicorn.

Stands for "Option 2: Use ASGI adapters for existing frameworks" of the guide's "Web Framework Integration"
section (migrating-to-asyncio.md; claim C13): ``asgi_app = WsgiToAsgi(app)`` served by ``uvicorn.run``.
``WsgiToAsgi`` runs the WSGI app through asgiref's ``sync_to_async`` with ``thread_sensitive=True``, that is on
ONE thread (asgiref's single-thread executor) for every request: the route's ``time.sleep`` holds that thread,
so requests are served one at a time whatever the concurrency.

Corrected: as the guide writes it, ``uvicorn.run(asgi_app, ...)`` answers some requests on reused keep-alive
connections with a 500, ``RuntimeError: CurrentThreadExecutor already quit or is broken`` (asgiref 3.13.0,
uvicorn 0.54.0; with asgiref 3.8.1 the same requests fail with ``RuntimeError: Single thread executor already
being used, would deadlock``). uvicorn starts a connection's next request from a callback registered while the
previous request's task ran, so the context variables asgiref set for that request leak into the next one
(CPython issue 140947), which then finds a stale executor. A fresh connection per request never fails, so
curl does not show it; a keep-alive client does (15 to 45 % of requests in tests on this machine). uvicorn's opt-in
``reset_contextvars=True`` (``--reset-contextvars on``, which the workload passes to every uvicorn variant
alike) starts each request in an empty context, and every request succeeds.

Fairness settings (``common/servers.py``): event loop and parser chosen explicitly (``--loop asyncio --http
httptools`` from the workload), listen backlog, access log off, no lifespan, no WebSocket protocol, keep-alive
timeout.

Run from ``python-targets/``: ``python flask_work/uvicorn_wsgitoasgi.py --port 8080 --backlog 2048 --loop asyncio
--http httptools --reset-contextvars on --keepalive-timeout 75``
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from asgiref.sync import SyncToAsync  # noqa: E402
from asgiref.wsgi import WsgiToAsgi  # noqa: E402

from common import servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402
from flask_work.app import app  # noqa: E402

asgi_app = WsgiToAsgi(app)


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    servers.add_uvicorn_arguments(parser, reset_contextvars=True)
    args = parser.parse_args()
    # WsgiToAsgi calls the app through sync_to_async(thread_sensitive=True): outside any sync context that is
    # asgiref's one shared single-thread executor
    servers.uvicorn_run(asgi_app, args, extra=lambda loop: {
        "thread-pool": SyncToAsync.single_thread_executor._max_workers})


if __name__ == "__main__":
    main()
