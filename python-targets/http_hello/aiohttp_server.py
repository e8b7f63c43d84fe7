"""http-hello, asyncio side: an ``aiohttp.web`` app.

Stands for the "AsyncIO" snippet of the guide's "WSGI Server" section (migrating-to-asyncio.md), with a
``/json`` route added. Runs on the standard asyncio event loop (uvloop is installed but deliberately not used).

Served by ``common/servers.py``'s ``aiohttp_run`` (what ``web.run_app`` does, with its settings read back and
reported at start). Fairness settings (see README.md): access logging off (``access_log=None``), start-up banner off (``print=None``),
listen backlog from ``--backlog`` (aiohttp's default is 128), idle keep-alive timeout from ``--keepalive-timeout``
(aiohttp's default is 75 s). aiohttp has no connection cap. The body is
``Hello, World!\\n`` like the eventlet side (the guide's snippet omits the newline); the JSON body is the shared
payload serialized with compact separators on every request, byte-identical to the other servers.

Run from ``python-targets/``: ``python http_hello/aiohttp_server.py --port 8080 --backlog 2048 --keepalive-timeout 75``
"""

import os
import sys

# Run as a script, the script's own folder is on sys.path, not python-targets/: put it there so that
# ``http_hello.payload`` imports the same way whether started as a script or with ``python -m``.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from aiohttp import web  # noqa: E402

from common import servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402
from http_hello.payload import PAYLOAD, compact_dumps  # noqa: E402


async def hello(request):
    # text= gives "text/plain; charset=utf-8", as on the other servers
    return web.Response(text="Hello, World!\n")


async def json_payload(request):
    return web.json_response(PAYLOAD, dumps=compact_dumps)


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    args = parser.parse_args()
    app = web.Application()
    # allow_head=False: GET only, like the other servers (HEAD gets 405 everywhere)
    app.add_routes([web.get("/", hello, allow_head=False), web.get("/json", json_payload, allow_head=False)])
    servers.aiohttp_run(app, args)


if __name__ == "__main__":
    main()
