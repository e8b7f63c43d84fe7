"""fan-out through awaitlet, as the guide's "Migrated with Awaitlet" code writes it: one ``awaitlet()`` per URL.

Stands for managing-migration-depth.md, "Migration Example: From Eventlet to AsyncIO with Awaitlet", "Migrated
with Awaitlet" (claim C21). ``fetch_data_async``, ``fetch_data`` and ``process_urls`` are the guide's code,
unchanged: ``process_urls`` stays synchronous and loops over the URLs, so the N calls run one after another, each
in its own new ``aiohttp.ClientSession`` (a new connection per call, closed with the session).

Corrected: the guide calls ``process_urls(urls)`` from plain synchronous code, where ``awaitlet.awaitlet()``
raises ``awaitlet.base.NoAwaitletContext: Can't call awaitlet() unless the call stack was invoked with
async_def().`` A sync call stack must be entered through ``awaitlet.async_def``; here the ``aiohttp.web``
handler does ``await awaitlet.async_def(process_urls, urls)`` (no threads and no new event loops: awaitlet runs
the sync code in a greenlet on the server's own loop).

Served by ``aiohttp.web`` on the standard asyncio event loop with the shared fairness settings
(``common/servers.py``).

Run from ``python-targets/``: ``python fan_out/awaitlet_literal.py --port 8080 --backlog 2048 --keepalive-timeout 75
--upstream http://127.0.0.1:41234``
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import aiohttp  # noqa: E402
import awaitlet  # noqa: E402

from common import server_args, servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402
from fan_out import protocol  # noqa: E402
from fan_out.aiohttp_app import make_app  # noqa: E402


# --- the guide's code, as written ---
async def fetch_data_async(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.read()


def fetch_data(url):
    # Individual calls use awaitlet to bridge sync and async
    return awaitlet.awaitlet(fetch_data_async(url))


def process_urls(urls):
    # Function remains synchronous
    results = []
    for url in urls:
        results.append(fetch_data(url))
    return results
# --- end of the guide's code ---


async def fetch_all(app, urls):
    # the correction: enter the synchronous call stack through async_def
    return await awaitlet.async_def(process_urls, urls)


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    server_args.add_upstream_argument(parser)
    args = parser.parse_args()
    servers.aiohttp_run(make_app(args.upstream, fetch_all), args)


if __name__ == "__main__":
    main()
