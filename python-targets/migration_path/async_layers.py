"""Phase 4, pure asyncio end to end: the same call chain as ``layers.py``, every layer a coroutine
(managing-migration-depth.md, "The Async Propagation Challenge": "Your entire call stack becomes async"; the case
study's "Phase 4: Gradually Move to Pure AsyncIO"). The data access awaits ``AsyncItemClient.fetch_item_async``
directly; nothing here imports awaitlet or eventlet.

``business_logic_async`` is also phase 3's async consumer (``dual_mode.py``): the code a team writes once, when the
business logic moves to the async API, and keeps when the layers above follow.
"""

from migration_path import protocol


class AsyncItemService:
    def __init__(self, client):
        self.client = client

    async def api_endpoint_async(self, params):
        data = await self.service_layer_async(params)
        return {"result": data}

    async def service_layer_async(self, params):
        return await self.business_logic_async(params)

    async def business_logic_async(self, params):
        return protocol.record(params, await self.data_access_layer_async(params))

    async def data_access_layer_async(self, params):
        return await self.client.fetch_item_async(params)
