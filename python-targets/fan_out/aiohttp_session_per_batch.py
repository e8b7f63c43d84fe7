"""fan-out, asyncio side as the guide writes it: a new ``aiohttp.ClientSession`` per batch of URLs, served by
``aiohttp.web``.

The "AsyncIO" snippet of the guide's "Asynchronous Network Calls" section (migrating-to-asyncio.md; claim C4) as
written: ``main()`` opens ``async with aiohttp.ClientSession() as session`` around its one batch and gathers
``fetch_url`` over it. In a service a request is a batch, so each request opens a session (aiohttp's default
connector, at most 100 connections) and closes it when its N calls are done: connections are reused within a
request only, like the eventlet snippet's green urllib, which opens one per call. The guide-literal pair of C4 is
this and ``eventlet_greenpool_urllib.py``; ``aiohttp_gather.py`` (one session per process) pairs with
``eventlet_session.py`` (one requests session per process), the equal-reuse pair.

Served by ``aiohttp.web`` on the standard asyncio event loop with the shared fairness settings
(``common/servers.py``).

Run from ``python-targets/``: ``python fan_out/aiohttp_session_per_batch.py --port 8080 --backlog 2048
--keepalive-timeout 75 --upstream http://127.0.0.1:41234``
"""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import aiohttp  # noqa: E402

from common import server_args, servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402
from fan_out.aiohttp_app import make_app  # noqa: E402


# --- the guide's code, as written (main() takes the batch of URLs a request asks for) ---
async def fetch_url(session, url):
    async with session.get(url) as response:
        return await response.text()


async def main(urls):
    async with aiohttp.ClientSession() as session:
        tasks = [fetch_url(session, url) for url in urls]
        return await asyncio.gather(*tasks)
# --- end of the guide's code ---


async def fetch_all(app, urls):
    return await main(urls)


def run():
    parser = http_server_parser(__doc__.splitlines()[0])
    server_args.add_upstream_argument(parser)
    args = parser.parse_args()
    servers.aiohttp_run(make_app(args.upstream, fetch_all), args)


if __name__ == "__main__":
    run()
