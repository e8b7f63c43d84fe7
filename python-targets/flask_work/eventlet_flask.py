"""flask, eventlet side: the Flask app on ``eventlet.wsgi`` after ``eventlet.monkey_patch()``.

Stands for the "Eventlet with Flask" snippet of the guide's "Web Framework Integration" section
(migrating-to-asyncio.md; claim C13): ``eventlet.monkey_patch()`` first, then Flask. Corrected: the guide then
calls ``app.run(host='0.0.0.0', port=8000)``, which serves the app with Werkzeug's development server
(``werkzeug.serving``, one green thread per request under patching) instead of eventlet's WSGI server; this
serves it with ``eventlet.wsgi.server(eventlet.listen(...), app)``, the eventlet deployment the guide means.
Under patching the route's ``time.sleep`` yields to other green threads, so requests wait concurrently; there is
no thread pool (one green thread per connection, at most ``--max-size``).

Fairness settings (``common/servers.py``): listen backlog, logging off, ``max_size``, keep-alive timeout.

Run from ``python-targets/``: ``python flask_work/eventlet_flask.py --port 8080 --backlog 2048 --max-size 16384
--keepalive-timeout 75``
"""

import eventlet

eventlet.monkey_patch()

import os  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from common import servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402
from flask_work.app import app  # noqa: E402


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    servers.add_eventlet_arguments(parser)
    args = parser.parse_args()
    # one green thread per connection, no thread pool
    servers.eventlet_serve(app, args, extra=lambda _: {"thread-pool": "none"})


if __name__ == "__main__":
    main()
