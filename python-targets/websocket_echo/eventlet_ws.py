"""websocket-echo, eventlet side: the guide's ``eventlet.websocket.WebSocketWSGI`` echo on ``eventlet.wsgi``.

Stands for the "Eventlet" snippet of the guide's "WebSocket Support" section (migrating-to-asyncio.md; claim C7):
a handler that ``ws.wait()``s for a message and ``ws.send``s it back until the client closes, served by
``eventlet.wsgi.server`` on ``eventlet.listen``, on any path. Text frames come back as text and binary as binary
(``wait()`` returns ``str`` or ``bytes``). No monkey patching (the snippet has none).

Changes from the snippet, for the harness: it binds ``--host`` (127.0.0.1), not 0.0.0.0; ``WebSocketWSGI`` is built
with ``max_frame_length=--max-message-size`` (the decorator form cannot take it; eventlet's default is 8 MiB);
and TCP_NODELAY follows ``--tcp-nodelay``, set on the connection when the handler starts (eventlet.wsgi never sets
it; asyncio does on every connection).

Fairness settings: per-request logging off (``log_output=False``; eventlet.wsgi logs each WebSocket request when
it closes), listen backlog from ``--backlog`` (eventlet's default is 50), eventlet.wsgi's cap of concurrent
connections raised from 1024 to ``--max-size``. Compression: eventlet has no switch for it. It accepts
permessage-deflate whenever the client offers it (window bits as the client asks, else 15; zlib's default level
and memLevel, 6 and 8; context takeover unless asked otherwise), so "compression off" means the client does not
offer it. eventlet unmasks client frames in pure Python, byte by byte (``RFC6455WebSocket._apply_mask``).

Run from ``python-targets/``: ``python websocket_echo/eventlet_ws.py --port 7000 --backlog 2048 --max-size 16384
--max-message-size 1048576 --tcp-nodelay on``
"""

import os
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import eventlet  # noqa: E402
from eventlet import websocket, wsgi  # noqa: E402

from common import effective  # noqa: E402
from common.server_args import socket_server_parser  # noqa: E402
from common.sockets import set_tcp_nodelay  # noqa: E402

NODELAY = True


def echo(ws):
    set_tcp_nodelay(ws.socket, NODELAY)
    while True:
        msg = ws.wait()
        if msg is None:
            break
        ws.send(msg)


def main():
    global NODELAY
    parser = socket_server_parser(__doc__.splitlines()[0])
    parser.add_argument("--max-size", type=int, required=True, help="eventlet.wsgi's cap of concurrent connections")
    parser.add_argument("--max-message-size", type=int, required=True,
                        help="largest incoming (uncompressed) frame, bytes (WebSocketWSGI max_frame_length)")
    args = parser.parse_args()
    NODELAY = args.tcp_nodelay == "on"
    app = websocket.WebSocketWSGI(echo, max_frame_length=args.max_message_size)
    server = eventlet.listen((args.host, args.port), family=socket.AF_INET, backlog=args.backlog)
    settings, packages = effective.socket_server(args)
    # permessage-deflate is accepted whenever a client offers it: the client, not the server, decides
    effective.report({**settings, "max-size": args.max_size, "max-message-size": app.max_frame_length,
                      "keepalive-pings": "off"}, packages)
    wsgi.server(server, app, log_output=False, max_size=args.max_size)


if __name__ == "__main__":
    main()
