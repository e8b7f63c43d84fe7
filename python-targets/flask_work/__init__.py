"""The flask workload (claim C13): one Flask route under eventlet, under uvicorn via WsgiToAsgi, and in FastAPI."""
