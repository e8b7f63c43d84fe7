import eventlet
eventlet.use_hub('asyncio')
# If you use monkey patching, place it after hub activation
eventlet.monkey_patch()
