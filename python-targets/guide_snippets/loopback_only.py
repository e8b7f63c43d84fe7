"""Keeps a snippet's traffic on the loopback: an audit hook refuses every name lookup, connect, bind and send to
an address other than 127.0.0.0/8, ::1 or localhost (the guide's snippets fetch example.com and bind 0.0.0.0;
pairbench sends traffic to 127.0.0.1 and ::1 only). A refused call raises :class:`LoopbackOnly`, which the
snippet's result then shows. Audit hooks cannot be removed: install once per process, before the snippet runs.
"""

import ipaddress
import sys

_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


class LoopbackOnly(PermissionError):
    """A snippet tried to reach an address off the loopback."""


def _loopback(host):
    if host is None:
        return True  # a passive lookup (getaddrinfo(None, port)): no name is resolved
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = host.strip("[]").split("%")[0]
    if host.lower() in _NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _hook(event, args):
    if event == "socket.getaddrinfo":
        host = args[0]
    elif event in ("socket.connect", "socket.bind", "socket.sendto"):
        import socket  # loaded already: a socket exists
        sock, address = args[0], args[-1]
        if sock.family not in (socket.AF_INET, socket.AF_INET6):
            return
        host = address[0]
    elif event == "socket.gethostbyname":
        host = args[0]
    else:
        return
    if not _loopback(host):
        raise LoopbackOnly(f"pairbench refused {event}({host!r}): a snippet's traffic stays on the loopback")


def install():
    sys.addaudithook(_hook)
