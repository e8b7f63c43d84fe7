"""db-pool, asyncio side: one ``asyncpg`` pool created at start-up, on ``aiohttp.web``.

Stands for the guide's advice in its "Resource Pooling" section (migrating-to-asyncio.md; claim C12): "use async
database libraries like asyncpg ... that provide built-in connection pooling", with the pool made once, when the
application starts (``on_startup``), and closed when it stops; each request does ``async with pool.acquire() as
conn: await conn.fetch(query)``, as the guide's snippet does inside its ``use_db()``. The routes are those of
``protocol.py``. Standard asyncio event loop.

What the pool does (asyncpg's defaults, kept unless named here):
- ``min_size=--pool-min-size``, ``max_size=--pool-max-size`` (asyncpg's defaults are 10 and 10); a request waits in
  ``acquire()`` when all are in use.
- ``max_inactive_connection_lifetime=--pool-max-idle`` seconds (asyncpg's default is 300) and
  ``max_queries=--pool-max-queries`` (a connection is replaced after that many queries; asyncpg's default is 50000):
  the workload raises both so that no pool recycles connections during a run.
- queries go through asyncpg's prepared-statement cache (100 statements per connection), one round trip each once
  prepared; on release the pool resets the connection (``SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *;
  RESET ALL;``), one more round trip per request.

HTTP fairness settings as in the other workloads (``common/servers.py``): access log off, listen backlog from
``--backlog``, idle keep-alive timeout from ``--keepalive-timeout``.

Run from ``python-targets/``: ``python db_pool/asyncpg_pool.py --port 8080 --backlog 2048 --keepalive-timeout 75
--dsn postgresql://pairbench@127.0.0.1:5432/pairbench --pool-min-size 10 --pool-max-size 10 --pool-max-idle 3600
--pool-max-queries 1000000000``
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import asyncpg  # noqa: E402
from aiohttp import web  # noqa: E402

from common.server_args import http_server_parser  # noqa: E402
from common.servers import aiohttp_run  # noqa: E402
from db_pool.protocol import QUERIES, check  # noqa: E402

POOL = web.AppKey("pool", asyncpg.Pool)


async def query(request):
    path = request.path
    async with request.app[POOL].acquire() as conn:
        rows = await conn.fetch(QUERIES[path])
    # body= with content_type/charset gives "text/plain; charset=utf-8", as on the other servers
    return web.Response(body=check(path, rows), content_type="text/plain", charset="utf-8")


def make_app(args):
    async def pool_context(app):
        app[POOL] = await asyncpg.create_pool(
            dsn=args.dsn, min_size=args.pool_min_size, max_size=args.pool_max_size,
            max_inactive_connection_lifetime=args.pool_max_idle, max_queries=args.pool_max_queries)
        yield
        await app[POOL].close()

    app = web.Application()
    app.cleanup_ctx.append(pool_context)
    app.add_routes([web.get(path, query, allow_head=False) for path in QUERIES])
    return app


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    parser.add_argument("--dsn", required=True, help="PostgreSQL connection URI")
    parser.add_argument("--pool-min-size", type=int, required=True, help="connections opened at start-up")
    parser.add_argument("--pool-max-size", type=int, required=True, help="most connections the pool holds")
    parser.add_argument("--pool-max-idle", type=float, required=True,
                        help="seconds before an idle connection is closed (0: never)")
    parser.add_argument("--pool-max-queries", type=int, required=True,
                        help="queries after which a connection is replaced")
    args = parser.parse_args()
    app = make_app(args)
    # the pool as asyncpg holds its limits (created by the app's start-up hook, before this is read)
    aiohttp_run(app, args, extra=lambda loop: {
        "pool-min-size": app[POOL]._minsize, "pool-max-size": app[POOL]._maxsize,
        "pool-max-idle": app[POOL]._max_inactive_connection_lifetime, "packages": "asyncpg==" + asyncpg.__version__})


if __name__ == "__main__":
    main()
