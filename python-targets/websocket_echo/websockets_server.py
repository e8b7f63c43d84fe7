"""websocket-echo, asyncio side: the ``websockets`` library's echo server, with its current handler signature.

Stands for the "AsyncIO" snippet of the guide's "WebSocket Support" section (migrating-to-asyncio.md; claim C7):
``async for message in websocket: await websocket.send(message)`` served by ``websockets.serve``
(``websockets.asyncio.server.serve``) on any path. Text frames come back as text, binary as binary.

Corrected: the guide's handler is ``async def echo(websocket, path)``; websockets 14 and later call the handler
with the connection alone, so every connection fails with ``TypeError: echo() missing 1 required positional
argument: 'path'`` and is closed with code 1011 (internal error). This program's handler takes one argument.

Changes from the snippet, for the harness: it binds ``--host`` (127.0.0.1), not 0.0.0.0; it runs on the loop
named by ``--loop`` (the workload uses the standard ``asyncio`` loop); and a connection the client drops without a
close frame ends quietly (``ConnectionClosedError`` caught), as it does on eventlet's side, where ``ws.wait()``
returns ``None``: websockets would otherwise log "connection handler failed" and a traceback for each.

Fairness settings, each differing from websockets' default:
- ``--compression off`` turns permessage-deflate off (``compression=None``); websockets enables it by default.
  ``--compression deflate`` turns it on with zlib parameters from ``--deflate-window-bits`` and
  ``--deflate-mem-level``: the workload passes 15 and 8, the parameters eventlet always uses, instead of
  websockets' own 12 and 5 (its defaults, chosen to save memory per connection). Level: zlib's default (6) on both.
- ``max_size=--max-message-size`` (websockets' default is 1 MiB; eventlet's 8 MiB).
- ``ping_interval=None``: no keepalive pings (websockets sends one every 20 s by default; eventlet never does).
- listen backlog from ``--backlog`` (websockets' default is 100); TCP_NODELAY from ``--tcp-nodelay`` (asyncio
  sets it on every connection already).
Left at websockets' defaults: ``max_queue`` (16 incoming messages buffered), ``write_limit`` (32 KiB), the
``Server`` header of the handshake response (eventlet sends none), and connection logging at INFO, which is not
printed (no logging configuration).

Run from ``python-targets/``: ``python websocket_echo/websockets_server.py --port 7000 --backlog 2048
--max-message-size 1048576 --tcp-nodelay on --compression off --loop asyncio``
"""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from websockets.asyncio.server import serve  # noqa: E402
from websockets.exceptions import ConnectionClosedError  # noqa: E402
from websockets.extensions.permessage_deflate import ServerPerMessageDeflateFactory  # noqa: E402

from common import effective  # noqa: E402
from common.server_args import add_loop_argument, socket_server_parser  # noqa: E402
from common.sockets import run, set_tcp_nodelay  # noqa: E402


def make_echo(nodelay):
    async def echo(websocket):
        set_tcp_nodelay(websocket.transport.get_extra_info("socket"), nodelay)
        try:
            async for message in websocket:
                await websocket.send(message)
        except ConnectionClosedError:
            pass  # closed without a close frame: websockets would log a traceback for each such connection

    return echo


def compression_options(args):
    if args.compression == "off":
        return {"compression": None}
    # 15 bits is deflate's largest window and the default when nothing is negotiated: ask for no limit, as
    # eventlet does, rather than name it
    bits = None if args.deflate_window_bits == 15 else args.deflate_window_bits
    factory = ServerPerMessageDeflateFactory(server_max_window_bits=bits, client_max_window_bits=bits,
                                             compress_settings={"memLevel": args.deflate_mem_level})
    return {"compression": None, "extensions": [factory]}


def compression_settings(options):
    """What the deflate factory handed to websockets will negotiate, read from the factory itself."""
    factories = options.get("extensions") or []
    if not factories:
        return {"compression": "off"}
    f = factories[0]
    return {"compression": "deflate", "deflate-window-bits": f.server_max_window_bits or 15,
            "deflate-mem-level": (f.compress_settings or {}).get("memLevel", 8)}


async def main(args):
    options = compression_options(args)
    async with serve(make_echo(args.tcp_nodelay == "on"), args.host, args.port, backlog=args.backlog,
                     max_size=args.max_message_size, ping_interval=None, **options) as server:
        settings, packages = effective.socket_server(args, asyncio.get_running_loop(), ("websockets",))
        effective.report({**settings, "max-message-size": args.max_message_size, "keepalive-pings": "off",
                          **compression_settings(options)}, packages)
        await server.serve_forever()


def parse_args():
    parser = socket_server_parser(__doc__.splitlines()[0])
    parser.add_argument("--max-message-size", type=int, required=True, help="largest incoming message, bytes")
    parser.add_argument("--compression", required=True, choices=["off", "deflate"], help="permessage-deflate")
    parser.add_argument("--deflate-window-bits", type=int, default=15, choices=range(9, 16), metavar="9..15",
                        help="deflate window, both directions (with --compression deflate)")
    parser.add_argument("--deflate-mem-level", type=int, default=8, choices=range(1, 10), metavar="1..9",
                        help="zlib memLevel of the compressor (with --compression deflate)")
    add_loop_argument(parser)
    return parser.parse_args()


if __name__ == "__main__":
    args = parse_args()
    run(main(args), args.loop)
