"""Phases 2 to 4: the data access in asyncio, one ``aiohttp.ClientSession`` for the process (made at start-up,
closed at shutdown) with a ``TCPConnector(limit=max_connections)``: at most that many keep-alive connections to
the upstream, reused, a call waiting for a free one when all are in use (as phase 0's green pool does).

Pure asyncio: phase 4 uses it as it is; ``dual_mode.DualModeItemClient`` adds the synchronous interface phases 2
and 3 call. Used from the event loop's thread only.
"""

from migration_path import protocol


class AsyncItemClient:
    def __init__(self, upstream, session):
        self.upstream = upstream
        self.session = session

    async def fetch_item_async(self, params):
        async with self.session.get(protocol.item_url(self.upstream, params)) as response:
            body = await response.read()
        if response.status != 200:
            raise IOError(f"upstream answered {response.status}")
        return body

