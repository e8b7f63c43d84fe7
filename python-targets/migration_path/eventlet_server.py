"""migration-path phases 0 and 1: the service all in eventlet, on eventlet.wsgi.

Phase 0 of the migration (the guide's starting point, "Original deep call chain with Eventlet dependencies" in
managing-migration-depth.md, "Refactoring a Deep Call Chain"): eventlet.wsgi runs each request on a green thread,
down the synchronous layers of ``layers.py``; the data access is the guide's ``eventlet.spawn(fetch, params).wait()``
around a green ``http.client`` call to the upstream (``green_data.py``). No monkey patching: every module used is
green already. Phase 1 is this same program under eventlet's asyncio hub (``EVENTLET_HUB=asyncio``, the first step
of migrating-to-asyncio.md's "Steps to Migrate"; the workload sets ``EVENTLET_HUB`` explicitly for both).

Served by ``eventlet.wsgi`` with the shared fairness settings (``common/servers.py``: backlog, logging off,
``max_size``, keep-alive timeout).

Run from ``python-targets/``: ``python migration_path/eventlet_server.py --port 8080 --backlog 2048 --max-size 16384
--keepalive-timeout 75 --upstream http://127.0.0.1:41234 --upstream-connections 100``
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from common import servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402
from migration_path import protocol  # noqa: E402
from migration_path.green_data import GreenItemClient  # noqa: E402
from migration_path.layers import ItemService  # noqa: E402
from migration_path.wsgi_app import make_app  # noqa: E402


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    servers.add_eventlet_arguments(parser)
    protocol.add_upstream_arguments(parser)
    args = parser.parse_args()
    client = GreenItemClient(args.upstream, args.upstream_connections)
    servers.eventlet_serve(make_app(ItemService(client.data_access).api_endpoint), args)


if __name__ == "__main__":
    main()
