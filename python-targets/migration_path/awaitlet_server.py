"""migration-path phases 2 and 3: an asyncio server (aiohttp.web) over the synchronous layers, through awaitlet.

Phase 2, ``--async-from data-access`` (managing-migration-depth.md, "Refactoring a Deep Call Chain": "Refactored
with Awaitlet - only changing the lower layers"; the case study's "Phase 1: Create Async Versions of Low-Level
Libraries"): the endpoint, service layer and business logic of ``layers.py``, unchanged and synchronous; the data
access is the dual-mode client's synchronous interface, ``awaitlet.awaitlet(fetch_item_async(params))`` over aiohttp
(``dual_mode.py``, ``async_data.py``). Phase 3, ``--async-from business-logic``: the business logic has become an async consumer of
the client's async API (``dual_mode.py``), reached from the unchanged layers above through its own synchronous
interface.

Corrected, as in the fan-out workload: the guide calls the synchronous chain from plain synchronous code, where
``awaitlet.awaitlet()`` raises ``awaitlet.base.NoAwaitletContext: Can't call awaitlet() unless the call stack was
invoked with async_def().``; here the aiohttp.web handler enters it with ``await awaitlet.async_def(api_endpoint,
params)``, one greenlet per request.

Served by ``aiohttp.web`` on the standard asyncio event loop with the shared fairness settings
(``common/servers.py``).

Run from ``python-targets/``: ``python migration_path/awaitlet_server.py --port 8080 --backlog 2048
--keepalive-timeout 75 --upstream http://127.0.0.1:41234 --upstream-connections 100 --async-from data-access``
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import awaitlet  # noqa: E402

from common import servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402
from migration_path import protocol  # noqa: E402
from migration_path.aiohttp_app import make_app  # noqa: E402
from migration_path.dual_mode import DualModeItemClient, DualModeItemService  # noqa: E402
from migration_path.layers import ItemService  # noqa: E402

SERVICES = {
    "data-access": lambda client: ItemService(client.fetch_item),
    "business-logic": DualModeItemService,
}


def enter(service, params):
    # the correction: enter the synchronous call stack through async_def
    return awaitlet.async_def(service.api_endpoint, params)


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    protocol.add_upstream_arguments(parser)
    parser.add_argument("--async-from", required=True, choices=sorted(SERVICES),
                        help="the highest layer that is asyncio code (the top of the async island)")
    args = parser.parse_args()
    service = SERVICES[args.async_from]
    servers.aiohttp_run(make_app(args, lambda up, session: service(DualModeItemClient(up, session)), enter), args)


if __name__ == "__main__":
    main()
