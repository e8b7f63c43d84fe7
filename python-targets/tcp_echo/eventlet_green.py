"""tcp-echo, eventlet side: the guide's green-socket echo server, one green thread per client.

Stands for the "Eventlet" snippet of the guide's "Socket Compatibility" section (migrating-to-asyncio.md; claims
C6, C23): ``eventlet.green.socket``, ``accept()`` in a loop, ``eventlet.spawn(handle_client, ...)`` per client,
and ``recv``/``sendall`` until the client closes. No monkey patching (the snippet has none: its sockets are green
already), no cap on green threads (``eventlet.spawn``, as the guide writes it).

Changes from the snippet, for the harness: it binds ``--host`` (127.0.0.1), not 0.0.0.0; the listen backlog is
``--backlog`` (the snippet's is 5); ``recv`` reads ``--read-size`` bytes at most (the snippet reads 1024, as does
the guide's asyncio snippet); TCP_NODELAY follows ``--tcp-nodelay`` (asyncio sets it by default, green sockets do
not); SO_REUSEADDR is on (asyncio's default); and a client that resets its connection ends its green thread
quietly instead of printing a traceback. Nothing is logged per message or connection.

Run from ``python-targets/``: ``python tcp_echo/eventlet_green.py --port 6000 --backlog 2048 --read-size 65536
--tcp-nodelay on``
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import eventlet  # noqa: E402
from eventlet.green import socket  # noqa: E402

from common import effective  # noqa: E402
from common.server_args import socket_server_parser  # noqa: E402
from common.sockets import set_tcp_nodelay  # noqa: E402


def echo_server(args, host, port, backlog, read_size, nodelay):
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen(backlog)
    effective.report(*effective.socket_server(args))
    while True:
        client_socket, addr = server.accept()
        set_tcp_nodelay(client_socket, nodelay)
        eventlet.spawn(handle_client, client_socket, read_size)


def handle_client(client_socket, read_size):
    try:
        while True:
            data = client_socket.recv(read_size)
            if not data:
                break
            client_socket.sendall(data)
    except ConnectionError:
        pass  # the client reset the connection: nothing to echo to
    finally:
        client_socket.close()


def main():
    parser = socket_server_parser(__doc__.splitlines()[0])
    parser.add_argument("--read-size", type=int, required=True, help="most bytes one recv() returns")
    args = parser.parse_args()
    echo_server(args, args.host, args.port, args.backlog, args.read_size, args.tcp_nodelay == "on")


if __name__ == "__main__":
    main()
