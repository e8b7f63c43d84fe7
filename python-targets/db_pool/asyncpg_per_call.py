"""db-pool, asyncio side as the guide writes it: a new ``asyncpg`` pool created and closed in every call.

Stands for the "AsyncIO" snippet of the guide's "Resource Pooling" section (migrating-to-asyncio.md; claim C12),
run as written: ``use_db()`` calls ``asyncpg.create_pool(dsn=..., min_size=5, max_size=10)``, acquires a
connection, fetches, and closes the pool, on every call. Creating a pool opens ``min_size`` connections (each a
new PostgreSQL session: TCP connect, start-up, a forked backend), so every request opens and closes 5 server
connections. It runs, but slowly, and the server's session count shows why.

The only changes: the DSN (the guide's ``postgres://user:pass@host/db``) is ``--dsn``, and the query is the
route's (``protocol.py``) instead of ``SELECT * FROM table``. ``--pool-min-size`` and ``--pool-max-size`` carry the
guide's 5 and 10. Served by ``aiohttp.web`` with the HTTP fairness settings of the other workloads
(``common/servers.py``); standard asyncio event loop.

Run from ``python-targets/``: ``python db_pool/asyncpg_per_call.py --port 8080 --backlog 2048 --keepalive-timeout 75
--dsn postgresql://pairbench@127.0.0.1:5432/pairbench --pool-min-size 5 --pool-max-size 10``
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import asyncpg  # noqa: E402
from aiohttp import web  # noqa: E402

from common.server_args import http_server_parser  # noqa: E402
from common.servers import aiohttp_run  # noqa: E402
from db_pool.protocol import QUERIES, check  # noqa: E402


def make_use_db(dsn, min_size, max_size):
    async def use_db(sql):
        # Using connection pools with AsyncIO
        pool = await asyncpg.create_pool(dsn=dsn,
                                         min_size=min_size,
                                         max_size=max_size)
        async with pool.acquire() as conn:
            # Use the connection
            result = await conn.fetch(sql)

        await pool.close()  # Close the pool when done
        return result

    return use_db


def make_app(args):
    use_db = make_use_db(args.dsn, args.pool_min_size, args.pool_max_size)

    async def query(request):
        path = request.path
        rows = await use_db(QUERIES[path])
        return web.Response(body=check(path, rows), content_type="text/plain", charset="utf-8")

    app = web.Application()
    app.add_routes([web.get(path, query, allow_head=False) for path in QUERIES])
    return app


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    parser.add_argument("--dsn", required=True, help="PostgreSQL connection URI")
    parser.add_argument("--pool-min-size", type=int, required=True, help="the guide's min_size (5)")
    parser.add_argument("--pool-max-size", type=int, required=True, help="the guide's max_size (10)")
    args = parser.parse_args()
    # no long-lived pool: one is created and closed per request
    aiohttp_run(make_app(args), args, extra=lambda loop: {"packages": "asyncpg==" + asyncpg.__version__})


if __name__ == "__main__":
    main()
