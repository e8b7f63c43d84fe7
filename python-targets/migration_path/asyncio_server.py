"""migration-path phase 4: pure asyncio end to end, on aiohttp.web.

The migration's end (managing-migration-depth.md, case study "Phase 4: Gradually Move to Pure AsyncIO", whose
endpoint is an aiohttp.web handler awaiting the async service): every layer a coroutine (``async_layers.py``), the
data access awaiting aiohttp directly (``async_data.AsyncItemClient``). No awaitlet, no eventlet, no greenlet.

Served by ``aiohttp.web`` on the standard asyncio event loop with the shared fairness settings
(``common/servers.py``).

Run from ``python-targets/``: ``python migration_path/asyncio_server.py --port 8080 --backlog 2048
--keepalive-timeout 75 --upstream http://127.0.0.1:41234 --upstream-connections 100``
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from common import servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402
from migration_path import protocol  # noqa: E402
from migration_path.aiohttp_app import make_app  # noqa: E402
from migration_path.async_data import AsyncItemClient  # noqa: E402
from migration_path.async_layers import AsyncItemService  # noqa: E402


def make_service(upstream, session):
    return AsyncItemService(AsyncItemClient(upstream, session))


def enter(service, params):
    return service.api_endpoint_async(params)


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    protocol.add_upstream_arguments(parser)
    args = parser.parse_args()
    servers.aiohttp_run(make_app(args, make_service, enter), args)


if __name__ == "__main__":
    main()
