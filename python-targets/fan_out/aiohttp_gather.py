"""fan-out, asyncio side: ``aiohttp.ClientSession`` + ``asyncio.gather``, served by ``aiohttp.web``.

Not the guide's snippet: the asyncio side of claim C4's equal-reuse pair (with ``eventlet_session.py``).
``fetch_url`` is the guide's ("Asynchronous Network Calls", migrating-to-asyncio.md) and the N calls of a request
run concurrently with ``asyncio.gather``, but where the snippet opens a ``ClientSession`` for its one batch of URLs
(``aiohttp_session_per_batch.py`` runs that), one ``ClientSession`` is created at start-up and shared by every
request, as aiohttp's documentation recommends. Its
connector holds at most ``--upstream-connections`` connections (``TCPConnector(limit=...)``; aiohttp's default
is 100), reused across requests; a call that finds them all busy waits for one. The eventlet-session variant
applies the same cap. Proxies from the environment are ignored (aiohttp's default ``trust_env=False``).

Served by ``aiohttp.web`` on the standard asyncio event loop with the shared fairness settings
(``common/servers.py``).

Run from ``python-targets/``: ``python fan_out/aiohttp_gather.py --port 8080 --backlog 2048 --keepalive-timeout 75
--upstream http://127.0.0.1:41234 --upstream-connections 100``
"""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import aiohttp  # noqa: E402
from aiohttp import web  # noqa: E402

from common import server_args, servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402
from fan_out import protocol  # noqa: E402
from fan_out.aiohttp_app import make_app  # noqa: E402

SESSION = web.AppKey("session", aiohttp.ClientSession)


async def fetch_url(session, url):
    async with session.get(url) as response:
        return await response.text()


async def fetch_all(app, urls):
    session = app[SESSION]
    return await asyncio.gather(*[fetch_url(session, url) for url in urls])


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    server_args.add_upstream_argument(parser)
    parser.add_argument("--upstream-connections", type=int, required=True,
                        help="most connections the session keeps open to the upstream (TCPConnector limit)")
    args = parser.parse_args()
    app = make_app(args.upstream, fetch_all)

    async def client_session(app):
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=args.upstream_connections)) as s:
            app[SESSION] = s
            yield

    app.cleanup_ctx.append(client_session)
    servers.aiohttp_run(app, args, extra=lambda loop: {"upstream-connections": app[SESSION].connector.limit})


if __name__ == "__main__":
    main()
