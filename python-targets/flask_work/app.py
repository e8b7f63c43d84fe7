"""The Flask app of the flask workload, shared by the eventlet.wsgi and the uvicorn + ``WsgiToAsgi`` variants.

``GET /work?io_ms=M`` waits M milliseconds of I/O, simulated with ``time.sleep`` as synchronous WSGI code does
(green and yielding under eventlet's monkey patching; a real blocking sleep of the worker thread under
``WsgiToAsgi``), then answers ``200``, ``text/plain; charset=utf-8``, ``ok io_ms=M\\n``. ``io_ms`` defaults to 0 and
must be a whole number from 0 to 10000 (else ``400``). The FastAPI variants answer the same bytes
(``fastapi_work.py``).

``time.sleep`` is looked up when called, so the eventlet variant must monkey-patch before it calls it (it does so
before importing anything).
"""

import time

from flask import Flask, abort, request

from common.query import bounded_int

MAX_IO_MS = 10_000

app = Flask(__name__)


@app.route("/work")
def work():
    try:
        io_ms = bounded_int(request.args.get("io_ms"), "io_ms", 0, MAX_IO_MS, default=0)
    except ValueError:
        abort(400)
    if io_ms:
        time.sleep(io_ms / 1000)
    return app.response_class(f"ok io_ms={io_ms}\n", mimetype="text/plain")
