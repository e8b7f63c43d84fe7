"""Phases 0 and 1: the data access as the guide's eventlet code writes it, ``eventlet.spawn(fetch, params).wait()``
("Refactoring a Deep Call Chain": ``return eventlet.spawn(fetch_from_db, params).wait()``), where ``fetch`` makes
the upstream call with eventlet's green ``http.client`` (no monkey patching: the module is green already).

Connections: an ``eventlet.pools.Pool`` of at most ``max_connections`` keep-alive ``HTTPConnection``s to the
upstream, created when first needed and reused; a call waits for a free one when all are in use (the asyncio
phases' ``aiohttp.TCPConnector(limit=...)`` does the same). A connection that failed is closed, and ``http.client``
reopens it on its next request. Green-thread safe: one connection serves one call at a time.
"""

import eventlet
from eventlet import pools
from eventlet.green.http import client as http_client

from migration_path import protocol


class GreenItemClient:
    def __init__(self, upstream, max_connections):
        host, port = protocol.upstream_address(upstream)
        self.pool = pools.Pool(max_size=max_connections, create=lambda: http_client.HTTPConnection(host, port))

    def fetch_item(self, params):
        with self.pool.item() as conn:
            try:
                conn.request("GET", protocol.item_path(params))
                response = conn.getresponse()
                body = response.read()
            except Exception:
                conn.close()
                raise
        if response.status != 200:
            raise IOError(f"upstream answered {response.status}")
        return body

    def data_access(self, params):
        # the guide's data_access_layer: the I/O in a green thread of its own, waited for
        return eventlet.spawn(self.fetch_item, params).wait()
