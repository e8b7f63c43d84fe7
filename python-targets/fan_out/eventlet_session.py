"""fan-out, eventlet side with connection reuse: monkey patching, one ``requests.Session``, a ``GreenPool``.

Not a guide snippet: the eventlet counterpart of the asyncio variant's single ``aiohttp.ClientSession``, so that
claim C4 ("both about the upstream delay when concurrency and connection reuse are equal") can be checked on equal
terms. ``eventlet.monkey_patch()`` runs first, so requests' sockets (urllib3) are green. One ``requests.Session``
for the life of the process, whose connection pool to the upstream holds at most ``--upstream-connections``
connections and blocks when all are in use (``HTTPAdapter(pool_maxsize=..., pool_block=True)``): the same cap,
with the same queueing, as the asyncio side's ``TCPConnector(limit=...)``. Concurrency: one ``GreenPool``
(default size 1000, shared by all requests) maps the calls, as in the guide's eventlet code. Proxies and
``.netrc`` from the environment are ignored (``trust_env = False``), as aiohttp does by default.

Served by ``eventlet.wsgi`` with the shared fairness settings (``common/servers.py``). Also the eventlet fan-out
variant of the eventlet-hubs-fanout workload (claim C2), run under ``EVENTLET_HUB=epolls`` and ``asyncio``.

Run from ``python-targets/``: ``python fan_out/eventlet_session.py --port 8080 --backlog 2048 --max-size 16384
--keepalive-timeout 75 --upstream http://127.0.0.1:41234 --upstream-connections 100``
"""

import eventlet

eventlet.monkey_patch()

import os  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import requests  # noqa: E402
from requests.adapters import HTTPAdapter  # noqa: E402

from common import server_args, servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402
from fan_out import protocol  # noqa: E402
from fan_out.wsgi_app import make_app  # noqa: E402

pool = eventlet.GreenPool()


def make_session(max_connections):
    session = requests.Session()
    session.trust_env = False
    # one pool (a single upstream host), at most max_connections connections, callers wait for a free one
    session.mount("http://", HTTPAdapter(pool_connections=1, pool_maxsize=max_connections, pool_block=True))
    return session


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    servers.add_eventlet_arguments(parser)
    server_args.add_upstream_argument(parser)
    parser.add_argument("--upstream-connections", type=int, required=True,
                        help="most connections the session keeps open to the upstream")
    args = parser.parse_args()
    session = make_session(args.upstream_connections)

    def fetch(url):
        return session.get(url).content

    servers.eventlet_serve(make_app(args.upstream, lambda urls: pool.imap(fetch, urls)), args, extra=lambda _: {
        "upstream-connections": session.get_adapter("http://")._pool_maxsize})


if __name__ == "__main__":
    main()
