"""tcp-echo, asyncio side: the guide's ``asyncio.start_server`` streams echo server.

Stands for the "AsyncIO" snippet of the guide's "Socket Compatibility" section (migrating-to-asyncio.md; claims
C6, C23): a ``handle_client(reader, writer)`` coroutine per client that reads, writes and drains until the client
closes. ``--loop uvloop`` runs the same program on uvloop (C23: "up to 88% of native epoll"); the loop is always
named explicitly.

Changes from the snippet, for the harness: it binds ``--host`` (127.0.0.1), not 0.0.0.0; the listen backlog is
``--backlog`` (asyncio's default is 100); ``reader.read`` asks for ``--read-size`` bytes at most (the snippet asks
for 1024, as does the guide's eventlet snippet); TCP_NODELAY follows ``--tcp-nodelay`` (asyncio and uvloop set it
on every TCP transport already); and a client that resets its connection ends its handler quietly. The
StreamReader's buffer limit is asyncio's default, 64 KiB. Nothing is logged per message or connection.

Run from ``python-targets/``: ``python tcp_echo/asyncio_streams.py --port 6000 --backlog 2048 --read-size 65536
--tcp-nodelay on --loop asyncio``
"""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from common import effective  # noqa: E402
from common.server_args import add_loop_argument, socket_server_parser  # noqa: E402
from common.sockets import run, set_tcp_nodelay  # noqa: E402


def make_handler(read_size, nodelay):
    async def handle_client(reader, writer):
        set_tcp_nodelay(writer.get_extra_info("socket"), nodelay)
        try:
            while True:
                data = await reader.read(read_size)
                if not data:
                    break
                writer.write(data)
                await writer.drain()
            writer.close()
            await writer.wait_closed()
        except ConnectionError:
            writer.close()  # the client reset the connection: nothing to echo to

    return handle_client


async def serve(args):
    server = await asyncio.start_server(make_handler(args.read_size, args.tcp_nodelay == "on"), args.host,
                                        args.port, backlog=args.backlog)
    effective.report(*effective.socket_server(args, asyncio.get_running_loop()))
    async with server:
        await server.serve_forever()


def main():
    parser = socket_server_parser(__doc__.splitlines()[0])
    parser.add_argument("--read-size", type=int, required=True, help="most bytes one reader.read() returns")
    add_loop_argument(parser)
    args = parser.parse_args()
    run(serve(args), args.loop)


if __name__ == "__main__":
    main()
