"""fan-out through awaitlet, as the guide's "Handling Multiple Async Calls" code writes it: one ``awaitlet()``
around one ``asyncio.gather``.

Stands for managing-migration-depth.md, "Handling Multiple Async Calls" (claim C21). ``fetch_all_async``,
``fetch_one_async`` and ``process_urls`` are the guide's code, unchanged: the sync ``process_urls`` makes a single
``awaitlet()`` call, whose coroutine opens one ``aiohttp.ClientSession`` per request (aiohttp's default connector,
limit 100, closed at the end of the request: connections are reused only within a request) and gathers the N
calls concurrently.

Corrected: the guide calls ``process_urls(urls)`` from plain synchronous code, where ``awaitlet.awaitlet()``
raises ``awaitlet.base.NoAwaitletContext: Can't call awaitlet() unless the call stack was invoked with
async_def().`` Here the ``aiohttp.web`` handler enters it with ``await awaitlet.async_def(process_urls, urls)``.

Served by ``aiohttp.web`` on the standard asyncio event loop with the shared fairness settings
(``common/servers.py``).

Run from ``python-targets/``: ``python fan_out/awaitlet_gather.py --port 8080 --backlog 2048 --keepalive-timeout 75
--upstream http://127.0.0.1:41234``
"""

import asyncio
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
async def fetch_all_async(urls):
    async with aiohttp.ClientSession() as session:
        tasks = []
        for url in urls:
            tasks.append(fetch_one_async(session, url))
        return await asyncio.gather(*tasks)


async def fetch_one_async(session, url):
    async with session.get(url) as response:
        return await response.text()


def process_urls(urls):
    # Single awaitlet call for multiple concurrent async operations
    results = awaitlet.awaitlet(fetch_all_async(urls))
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
