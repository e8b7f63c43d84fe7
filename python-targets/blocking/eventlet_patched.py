"""blocking, eventlet with monkey patching: the blocking call made inline, in the request's green thread.

Stands for the "Eventlet" snippet of the guide's "Handling Monkey Patching" section (migrating-to-asyncio.md;
claims C10 and C15): after ``eventlet.monkey_patch()``, "this sleep is patched to yield to other green threads".
``kind=sleep`` therefore yields and other requests (the heartbeat) go on; ``kind=cpu`` is a plain Python loop,
which no patching can interrupt: it holds the hub, like a blocking call inline in a coroutine. No thread pool.

Served by ``eventlet.wsgi`` with the shared fairness settings (``common/servers.py``: backlog, logging off,
``max_size``, keep-alive timeout).

Run from ``python-targets/``: ``python blocking/eventlet_patched.py --port 8080 --backlog 2048 --max-size 16384
--keepalive-timeout 75``
"""

import eventlet

eventlet.monkey_patch()

import os  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from blocking.wsgi_app import make_app  # noqa: E402
from common import servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    servers.add_eventlet_arguments(parser)
    args = parser.parse_args()
    # no thread pool: the call runs in the request's green thread
    servers.eventlet_serve(make_app(lambda fn, *a: fn(*a)), args, extra=lambda _: {"thread-pool": "none"})


if __name__ == "__main__":
    main()
