"""db-pool, eventlet side: ``eventlet.db_pool.ConnectionPool`` over psycopg2 on ``eventlet.wsgi``, monkey-patched.

Stands for the "Eventlet" snippet of the guide's "Resource Pooling" section (migrating-to-asyncio.md; claim C12):
one pool for the process, ``conn = pool.get()``, use the connection, ``pool.put(conn)`` in a ``finally``. The
process starts with ``eventlet.monkey_patch()``, which also makes psycopg2 green (eventlet installs a psycopg2
wait callback), and serves the routes of ``protocol.py`` with eventlet.wsgi.

Corrected: the guide's ``ConnectionPool(db_connect, max_size=10)`` passes a function, but the pool takes a DB-API
module and calls its ``connect``; the first ``pool.get()`` fails with ``AttributeError: 'function' object has no
attribute 'connect'``. This program passes ``psycopg2`` and the connection's arguments:
``ConnectionPool(psycopg2, min_size=..., max_size=..., ..., dsn=...)``. The guide's ``conn.execute(...)`` (a
placeholder: psycopg2 connections have no ``execute``) is a cursor's ``execute`` and ``fetchall``.

What the pool does (eventlet's defaults, kept unless named here):
- ``ConnectionPool`` is ``TpooledConnectionPool`` (``--pool tpooled``, the guide's class): every call on a
  connection or cursor runs in one of eventlet's tpool OS threads (``EVENTLET_THREADPOOL_SIZE``, default 20).
  ``--pool raw`` uses ``RawConnectionPool`` instead: plain psycopg2 connections, green through the wait callback.
- ``min_size=--pool-min-size`` and ``max_size=--pool-max-size`` (eventlet's defaults are 0 and 4; the guide says
  10); a request waits when all are in use.
- ``max_idle=--pool-max-idle`` and ``max_age=--pool-max-age`` seconds (eventlet's defaults, 10 and 30, close and
  reopen every connection at least every 30 s; the workload raises them so that no pool recycles connections
  during a run).
- on ``put``, the pool's default cleanup, ``rollback()``: psycopg2 opened a transaction (``BEGIN``) before the
  query, so each request is three statements: ``BEGIN``, the query, ``ROLLBACK``.

HTTP fairness settings as in the other workloads (``common/servers.py``): per-request logging off, listen backlog
from ``--backlog``, eventlet.wsgi's connection cap from ``--max-size``, idle keep-alive timeout from
``--keepalive-timeout``.

Run from ``python-targets/``: ``python db_pool/eventlet_dbpool.py --port 8080 --backlog 2048 --max-size 16384
--keepalive-timeout 75 --dsn postgresql://pairbench@127.0.0.1:5432/pairbench --pool tpooled --pool-min-size 10
--pool-max-size 10 --pool-max-idle 3600 --pool-max-age 86400``
"""

import eventlet

eventlet.monkey_patch()

import os  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import psycopg2  # noqa: E402
from eventlet import db_pool  # noqa: E402

from common import effective  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402
from common.servers import add_eventlet_arguments, eventlet_serve  # noqa: E402
from db_pool.protocol import CONTENT_TYPE, QUERIES, check  # noqa: E402

POOLS = {"tpooled": db_pool.ConnectionPool, "raw": db_pool.RawConnectionPool}


def make_app(pool):
    def app(environ, start_response):
        path = environ["PATH_INFO"]
        sql = QUERIES.get(path)
        if sql is None:
            return _plain(start_response, "404 Not Found", b"Not Found\n")
        if environ["REQUEST_METHOD"] != "GET":
            return _plain(start_response, "405 Method Not Allowed", b"Method Not Allowed\n")
        conn = pool.get()
        try:
            cursor = conn.cursor()
            cursor.execute(sql)
            rows = cursor.fetchall()
            cursor.close()
        finally:
            pool.put(conn)
        return _plain(start_response, "200 OK", check(path, rows))

    return app


def _plain(start_response, status, body):
    start_response(status, [("Content-Type", CONTENT_TYPE), ("Content-Length", str(len(body)))])
    return [body]


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    add_eventlet_arguments(parser)
    parser.add_argument("--dsn", required=True, help="libpq connection string or URI")
    parser.add_argument("--pool", required=True, choices=sorted(POOLS), help="tpooled: ConnectionPool, as in the guide")
    parser.add_argument("--pool-min-size", type=int, required=True, help="connections opened at start-up")
    parser.add_argument("--pool-max-size", type=int, required=True, help="most connections the pool holds")
    parser.add_argument("--pool-max-idle", type=float, required=True,
                        help="seconds before an idle connection is closed")
    parser.add_argument("--pool-max-age", type=float, required=True, help="seconds before any connection is closed")
    args = parser.parse_args()
    pool = POOLS[args.pool](psycopg2, min_size=args.pool_min_size, max_size=args.pool_max_size,
                            max_idle=args.pool_max_idle, max_age=args.pool_max_age, dsn=args.dsn)
    # the pool as it holds its limits; tpool's threads run the tpooled pool's psycopg2 calls
    eventlet_serve(make_app(pool), args, extra=lambda _: {
        "pool-min-size": pool.min_size, "pool-max-size": pool.max_size, "pool-max-idle": pool.max_idle,
        "tpool-threads": effective.eventlet_tpool_threads() if args.pool == "tpooled" else "none",
        "packages": "psycopg2-binary==" + psycopg2.__version__.split()[0]})


if __name__ == "__main__":
    main()
