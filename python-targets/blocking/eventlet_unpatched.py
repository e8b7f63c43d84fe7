"""blocking, eventlet without monkey patching: the blocking call inline (``--call inline``) or in eventlet's
real-thread pool (``--call tpool``).

``--call tpool`` is eventlet's own answer to an unavoidable blocking call, ``eventlet.tpool.execute(fn, ...)``:
the call runs in one of tpool's OS threads while the hub serves other requests. tpool has 20 threads unless
``EVENTLET_THREADPOOL_SIZE`` says otherwise (the workload sets it, so the size is explicit); a 21st concurrent call
waits. It is the eventlet counterpart of the guide's ``asyncio.to_thread()`` advice (claim C10). ``--call inline``
makes the call in the request's green thread with nothing patched: ``time.sleep`` and the CPU loop both hold the
hub, the unpatched case of claim C15. No monkey patching in either mode (tpool needs none, and a patched
``time.sleep`` would try to yield inside tpool's OS threads).

Served by ``eventlet.wsgi`` with the shared fairness settings (``common/servers.py``).

Run from ``python-targets/``: ``EVENTLET_THREADPOOL_SIZE=20 python blocking/eventlet_unpatched.py --call tpool
--port 8080 --backlog 2048 --max-size 16384 --keepalive-timeout 75``
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from eventlet import tpool  # noqa: E402

from blocking.wsgi_app import make_app  # noqa: E402
from common import effective, servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    servers.add_eventlet_arguments(parser)
    parser.add_argument("--call", required=True, choices=["inline", "tpool"],
                        help="make the blocking call inline or with eventlet.tpool.execute")
    args = parser.parse_args()
    call = tpool.execute if args.call == "tpool" else (lambda fn, *a: fn(*a))
    servers.eventlet_serve(make_app(call), args, extra=lambda _: {
        "thread-pool": effective.eventlet_tpool_threads() if args.call == "tpool" else "none"})


if __name__ == "__main__":
    main()
