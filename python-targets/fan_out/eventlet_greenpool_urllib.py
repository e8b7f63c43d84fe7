"""fan-out, eventlet side as the guide writes it: ``GreenPool.imap`` over eventlet's green urllib.

Stands for the "Eventlet" snippet of the guide's "Asynchronous Network Calls" section (migrating-to-asyncio.md;
claim C4) and the "Original Eventlet Code" of managing-migration-depth.md (claim C21): one ``GreenPool`` (default
size 1000, shared by all requests, as the snippet's module-level pool) maps ``fetch_url`` over the N upstream URLs,
and ``fetch_url`` is the guide's ``urlopen(url).read()``. Corrected: the guide imports
``from eventlet.green import urllib2``, which fails on Python 3 (``ModuleNotFoundError: No module named
'urllib2'``); this uses the Python 3 module, ``eventlet.green.urllib.request``. ``urlopen`` opens a new connection
per call (urllib sends ``Connection: close``): no connection reuse, no cap beyond the pool size. No monkey
patching: the green urllib module and the server's sockets are green already.

Served by ``eventlet.wsgi`` with the shared fairness settings (``common/servers.py``: backlog, logging off,
``max_size``, keep-alive timeout).

Run from ``python-targets/``: ``python fan_out/eventlet_greenpool_urllib.py --port 8080 --backlog 2048
--max-size 16384 --keepalive-timeout 75 --upstream http://127.0.0.1:41234``
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import eventlet  # noqa: E402
from eventlet.green.urllib import request as urllib_request  # noqa: E402  (the guide: eventlet.green.urllib2)

from common import server_args, servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402
from fan_out import protocol  # noqa: E402
from fan_out.wsgi_app import make_app  # noqa: E402

pool = eventlet.GreenPool()


def fetch_url(url):
    return urllib_request.urlopen(url).read()


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    servers.add_eventlet_arguments(parser)
    server_args.add_upstream_argument(parser)
    args = parser.parse_args()
    protocol.ignore_proxy_environment()
    servers.eventlet_serve(make_app(args.upstream, lambda urls: pool.imap(fetch_url, urls)), args)


if __name__ == "__main__":
    main()
