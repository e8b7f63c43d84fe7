"""tcp-echo, asyncio side without streams: an ``asyncio.Protocol`` whose ``data_received`` writes the data back.

Not a guide snippet: the lower-level asyncio API beside the guide's ``start_server`` streams (claim C6 expects
streams to cost more than a Protocol). Each chunk the transport reads is written back at once; there is no
``drain`` (a Protocol has none) and no read size to choose: asyncio's transport reads up to 256 KiB per
``recv``, uvloop's up to 250 kB. ``--loop`` names the event loop (the workload uses ``asyncio``).

Fairness settings: listen backlog from ``--backlog`` (asyncio's default is 100), TCP_NODELAY from ``--tcp-nodelay``
(asyncio sets it on every TCP transport already), bound to ``--host`` (127.0.0.1). Nothing is logged per message
or connection.

Run from ``python-targets/``: ``python tcp_echo/asyncio_protocol.py --port 6000 --backlog 2048 --tcp-nodelay on
--loop asyncio``
"""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from common import effective  # noqa: E402
from common.server_args import add_loop_argument, socket_server_parser  # noqa: E402
from common.sockets import run, set_tcp_nodelay  # noqa: E402


class EchoProtocol(asyncio.Protocol):
    nodelay = True

    def connection_made(self, transport):
        self.transport = transport
        set_tcp_nodelay(transport.get_extra_info("socket"), self.nodelay)

    def data_received(self, data):
        self.transport.write(data)


async def serve(args):
    EchoProtocol.nodelay = args.tcp_nodelay == "on"
    loop = asyncio.get_running_loop()
    server = await loop.create_server(EchoProtocol, args.host, args.port, backlog=args.backlog)
    effective.report(*effective.socket_server(args, loop))
    async with server:
        await server.serve_forever()


def main():
    parser = socket_server_parser(__doc__.splitlines()[0])
    add_loop_argument(parser)
    args = parser.parse_args()
    run(serve(args), args.loop)


if __name__ == "__main__":
    main()
