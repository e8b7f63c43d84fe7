"""The dual-mode APIs of phases 2 and 3 (managing-migration-depth.md, "4. Optional: Expose Async APIs", "Create a
Dual-Mode API Layer"): a synchronous interface, ``awaitlet.awaitlet(<the async interface>(...))``, callable from
synchronous code entered through ``awaitlet.async_def``, next to the async interface.

``DualModeItemClient``, the data access of phases 2 and 3: ``fetch_item(params)`` (synchronous, for the unchanged
layers) over ``fetch_item_async(params)`` (aiohttp, ``async_data.py``).

``DualModeItemService``, phase 3, the dual-mode API with an async consumer (managing-migration-depth.md,
"Incremental Consumer Migration": "Consumers can gradually migrate to the async API at their own pace"; the case
study's "Phase 3: Optionally Expose Async APIs for New Code": "Use async APIs directly").

The business logic, the data's consumer, has moved to the async API: its coroutine (``AsyncItemService.
business_logic_async``, the same code phase 4 runs) awaits the client's async interface directly, with no
``awaitlet()`` at the data layer. The endpoint and service layer above are phase 2's, synchronous and unchanged
(``layers.ItemService``); they reach the migrated business logic through its synchronous interface, the guide's
dual-mode pattern one layer up: ``awaitlet.awaitlet(business_logic_async(params))``. So the async island now spans
business logic and data access, and the request still crosses from synchronous code into asyncio once.
"""

import awaitlet

from migration_path.async_data import AsyncItemClient
from migration_path.async_layers import AsyncItemService
from migration_path.layers import ItemService


class DualModeItemClient(AsyncItemClient):
    def fetch_item(self, params):
        # Synchronous interface (original): the layers above call it as they called the eventlet version
        return awaitlet.awaitlet(self.fetch_item_async(params))


class DualModeItemService(ItemService):
    def __init__(self, client):
        super().__init__(client.fetch_item)  # the legacy path to the data, kept for synchronous consumers
        self.async_service = AsyncItemService(client)

    def business_logic(self, params):
        # Synchronous interface (for backward compatibility): the unchanged service layer calls it
        return awaitlet.awaitlet(self.async_service.business_logic_async(params))
