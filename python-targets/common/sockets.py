"""Small socket and event-loop helpers shared by the TCP and WebSocket targets.

``set_tcp_nodelay`` applies ``--tcp-nodelay`` to an accepted connection the same way on every side (asyncio and
uvloop already set TCP_NODELAY on every TCP transport; setting it again is harmless and makes ``off`` possible).
``run`` runs a coroutine on the event loop named by ``--loop``: ``asyncio.Runner`` with uvloop's loop factory for
``uvloop``, the standard loop otherwise (never chosen implicitly).
"""

import asyncio
import socket


def set_tcp_nodelay(sock, on):
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1 if on else 0)


def run(main, loop):
    """Runs the coroutine ``main`` until it returns, on the ``loop`` named (``asyncio`` or ``uvloop``)."""
    factory = None
    if loop == "uvloop":
        import uvloop

        factory = uvloop.new_event_loop
    with asyncio.Runner(loop_factory=factory) as runner:
        return runner.run(main)
