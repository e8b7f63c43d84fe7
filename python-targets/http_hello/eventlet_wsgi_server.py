"""http-hello, eventlet side: a plain WSGI app on ``eventlet.wsgi.server``.

Stands for the "Eventlet" snippet of the guide's "WSGI Server" section (migrating-to-asyncio.md), with a
``/json`` route added. Like the snippet it does not monkey-patch: the server's own sockets are already green.

Served by ``common/servers.py``'s ``eventlet_serve`` (``eventlet.wsgi.server`` on ``eventlet.listen``, settings
reported at start). Fairness settings (see README.md): per-request logging off (``log_output=False``; eventlet logs every request
to stderr by default), listen backlog from ``--backlog`` (eventlet's default is 50), idle keep-alive timeout from
``--keepalive-timeout`` (eventlet's default is none), and eventlet's cap of
concurrent connections raised from its default 1024 to ``--max-size`` (the workload passes a value above its
largest connection count). The body is ``Hello, World!\\n`` on every server (the guide's aiohttp snippet omits
the newline).

Run from ``python-targets/``: ``python http_hello/eventlet_wsgi_server.py --port 8080 --backlog 2048 --max-size 20000
--keepalive-timeout 75``
"""

import os
import sys

# Run as a script, the script's own folder is on sys.path, not python-targets/: put it there so that
# ``http_hello.payload`` imports the same way whether started as a script or with ``python -m``.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from common import servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402
from http_hello.payload import PAYLOAD, compact_dumps  # noqa: E402

HELLO = b"Hello, World!\n"

ROUTES = {
    "/": lambda: (HELLO, "text/plain; charset=utf-8"),
    # serialized on every request, like the other servers' JSON responses
    "/json": lambda: (compact_dumps(PAYLOAD).encode("utf-8"), "application/json"),
}


def app(environ, start_response):
    route = ROUTES.get(environ["PATH_INFO"])
    if route is None:
        return _plain(start_response, "404 Not Found", b"Not Found\n")
    if environ["REQUEST_METHOD"] != "GET":
        # the frameworks on the other side answer 405 to another method on a known route
        return _plain(start_response, "405 Method Not Allowed", b"Method Not Allowed\n")
    body, content_type = route()
    start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]


def _plain(start_response, status, body):
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    servers.add_eventlet_arguments(parser)
    args = parser.parse_args()
    servers.eventlet_serve(app, args)


if __name__ == "__main__":
    main()
