"""The guide's deep call chain ("Refactoring a Deep Call Chain", managing-migration-depth.md), synchronous: API
endpoint, service layer, business logic, data access. Shared, unchanged, by phases 0 to 3 of the migration-path
workload: what changes from phase to phase is only the data access it is given (and, in phase 3, the business
logic, see ``dual_mode.py``), as the guide says: "the higher-level functions remain completely unchanged, while
only the I/O layer has been modified".

``ItemService(data_access)``: ``data_access(params)`` returns the upstream's body for ``params``; in phases 0 and 1
it is ``eventlet.spawn(...).wait()`` over green I/O (``green_data.py``), in phase 2 ``awaitlet.awaitlet(...)`` over
aiohttp (``async_data.py``). The layers hold no state of their own; an instance is shared by every request (green
threads, or greenlets under ``awaitlet.async_def``, one per request).
"""

from migration_path import protocol


class ItemService:
    def __init__(self, data_access):
        self.data_access = data_access

    def api_endpoint(self, params):
        data = self.service_layer(params)
        return {"result": data}

    def service_layer(self, params):
        return self.business_logic(params)

    def business_logic(self, params):
        return protocol.record(params, self.data_access_layer(params))

    def data_access_layer(self, params):
        return self.data_access(params)
