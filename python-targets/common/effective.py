"""What a target actually runs with, read back from the running process and reported once at start.

Every target prints exactly one line to stdout before it accepts connections::

    pairbench-settings {"backlog": "2048", "event-loop": "asyncio.unix_events._UnixSelectorEventLoop", ...}

a JSON object of strings, read from the library objects the program configured (the loop that runs, uvicorn's
loaded protocol class, the executor's ``_max_workers``, AnyIO's limiter, eventlet's hub and ``tpool``), not copied
from the command line where the library holds the value. The harness reads the line from the target's log,
records it in run.json (``variants.<name>.effective``) and refuses a variant whose reported value contradicts
the workload file's setting of the same name (see ``python-targets/README.md``, "Effective settings").

Keys shared by every target: ``python`` (version), ``packages`` (``name==version`` of the libraries the program
uses, comma-separated), ``event-loop`` (the class that runs the I/O: an asyncio loop class, or eventlet's hub
module, with the hub's own asyncio loop class for the asyncio hub) and ``somaxconn`` (the kernel's cap on every
listen backlog; ``backlog`` is reported as the smaller of the two, what the kernel grants). Other keys use the
names of the workloads' ``settings`` (``backlog``, ``keepalive-timeout``, ``access-log``, ``max-size``,
``thread-pool``, ``anyio-threads``, ``uvicorn-loop``, ``uvicorn-http``, ``tcp-nodelay``, ``compression``, ...).
"""

import json
import platform
import sys
from importlib import metadata

PREFIX = "pairbench-settings "


def somaxconn():
    try:
        with open("/proc/sys/net/core/somaxconn") as f:
            return int(f.read().strip())
    except (OSError, ValueError):
        return None


def backlog(requested):
    """The listen backlog the kernel grants: listen() silently caps it at net.core.somaxconn."""
    cap = somaxconn()
    return str(requested if cap is None else min(requested, cap))


def loop_name(loop):
    cls = type(loop)
    return f"{cls.__module__}.{cls.__qualname__}"


def loop_kind(loop):
    """``uvloop`` or ``asyncio``: the value of the workloads' ``loop`` and ``uvicorn-loop`` settings."""
    return "uvloop" if type(loop).__module__.startswith("uvloop") else "asyncio"


def executor_threads(loop):
    """Threads of the loop's default executor (``asyncio.to_thread``'s pool), as the running loop has it.

    Until first use the loop has none and creates ``ThreadPoolExecutor()`` on demand; the size that one gets is
    read from a pool made the same way (it starts no thread until used)."""
    from concurrent.futures import ThreadPoolExecutor

    executor = getattr(loop, "_default_executor", None)
    if executor is not None:
        return executor._max_workers
    probe = ThreadPoolExecutor()
    try:
        return probe._max_workers
    finally:
        probe.shutdown(wait=False)


def eventlet_hub():
    """The running eventlet hub: its module, and for the asyncio hub the class of the loop it drives."""
    import eventlet.hubs

    hub = eventlet.hubs.get_hub()
    name = type(hub).__module__
    loop = getattr(hub, "loop", None)
    return name if loop is None else f"{name} on {loop_name(loop)}"


def eventlet_hub_settings():
    """``eventlet-hub`` (the running hub's name: epolls, asyncio, ...) and, for the asyncio hub, ``loop``
    (asyncio or uvloop: the loop the hub drives), the values of the hub workloads' settings."""
    import eventlet.hubs

    hub = eventlet.hubs.get_hub()
    settings = {"event-loop": eventlet_hub(), "eventlet-hub": type(hub).__module__.rsplit(".", 1)[-1]}
    loop = getattr(hub, "loop", None)
    if loop is not None:
        settings["loop"] = loop_kind(loop)
    return settings


def eventlet_tpool_threads():
    """OS threads of eventlet's tpool (EVENTLET_THREADPOOL_SIZE, read by tpool at import)."""
    from eventlet import tpool

    return tpool._nthreads


def report(settings, packages):
    """Prints the settings line. ``packages``: distribution names whose installed versions are reported."""
    line = {"python": platform.python_version(), "somaxconn": str(somaxconn()),
            "packages": ",".join(f"{p}=={_version(p)}" for p in packages)}
    settings = dict(settings)
    if "packages" in settings:  # a program's own libraries, after the server's
        line["packages"] += "," + settings.pop("packages")
    line.update({k: _text(v) for k, v in settings.items()})
    sys.stdout.write(PREFIX + json.dumps(line, sort_keys=True) + "\n")
    sys.stdout.flush()


def on_off(flag):
    return "on" if flag else "off"


def _text(value):
    if isinstance(value, bool):
        return on_off(value)
    return "none" if value is None else str(value)


def _version(dist):
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def socket_server(args, loop=None, packages=()):
    """Reports a TCP or WebSocket server's settings: the running asyncio loop (or eventlet's hub when ``loop`` is
    None), the granted backlog and TCP_NODELAY as the program applies it to every accepted connection."""
    settings = {"backlog": backlog(args.backlog), "tcp-nodelay": args.tcp_nodelay}
    if loop is None:
        settings.update(eventlet_hub_settings())
        packages = ("eventlet", "greenlet", *packages)
    else:
        settings.update({"event-loop": loop_name(loop), "loop": loop_kind(loop)})
        packages = (*(("uvloop",) if loop_kind(loop) == "uvloop" else ()), *packages)
    if hasattr(args, "read_size"):
        settings["read-size"] = args.read_size
    return settings, packages
