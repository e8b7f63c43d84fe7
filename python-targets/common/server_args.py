"""The command-line options every target takes, so that every server of a pair is configured alike.

HTTP targets (``http_server_parser``): ``--host`` (always 127.0.0.1 from the harness), ``--port`` (chosen by the
harness), ``--backlog`` (listen backlog, equalized across servers) and ``--keepalive-timeout`` (seconds an idle
keep-alive connection is kept).

TCP and WebSocket targets (``socket_server_parser``): ``--host``, ``--port``, ``--backlog`` and ``--tcp-nodelay``
(``on``: Nagle's algorithm off on every accepted connection, what asyncio, uvloop and Netty do by default; eventlet's
green sockets leave it on unless told). Programs on asyncio take ``--loop asyncio|uvloop`` (``add_loop_argument``),
always given explicitly.

Targets that call the harness's upstream server take ``--upstream``, its base URL (``add_upstream_argument``).
"""

import argparse


def http_server_parser(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--backlog", type=int, required=True, help="listen backlog")
    parser.add_argument("--keepalive-timeout", type=int, required=True,
                        help="seconds an idle keep-alive connection is kept open")
    return parser


def socket_server_parser(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--backlog", type=int, required=True, help="listen backlog")
    parser.add_argument("--tcp-nodelay", required=True, choices=["on", "off"],
                        help="TCP_NODELAY on accepted connections (on: no Nagle delay)")
    return parser


def add_loop_argument(parser):
    parser.add_argument("--loop", required=True, choices=["asyncio", "uvloop"],
                        help="event loop: the standard library's, or uvloop")


def add_upstream_argument(parser):
    parser.add_argument("--upstream", required=True, help="base URL of the upstream, e.g. http://127.0.0.1:41234")
