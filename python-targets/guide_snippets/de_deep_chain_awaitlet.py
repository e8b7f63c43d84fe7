import awaitlet
import asyncio

# Original deep call chain with Eventlet dependencies
def api_endpoint(request):
    data = service_layer(request.params)
    return {"result": data}

def service_layer(params):
    return business_logic(params)

def business_logic(params):
    return data_access_layer(params)

def data_access_layer(params):
    # This uses Eventlet for I/O
    import eventlet
    return eventlet.spawn(fetch_from_db, params).wait()

def fetch_from_db(params):
    # Simulated DB query
    eventlet.sleep(0.1)
    return {"id": params.get("id"), "value": "data"}

# Refactored with Awaitlet - only changing the lower layers
def api_endpoint(request):
    # Unchanged
    data = service_layer(request.params)
    return {"result": data}

def service_layer(params):
    # Unchanged
    return business_logic(params)

def business_logic(params):
    # Unchanged
    return data_access_layer(params)

def data_access_layer(params):
    # Changed to use awaitlet instead of eventlet
    return awaitlet.awaitlet(fetch_from_db_async(params))

async def fetch_from_db_async(params):
    # Async implementation
    await asyncio.sleep(0.1)
    return {"id": params.get("id"), "value": "data"}
