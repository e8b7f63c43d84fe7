"""http-hello, asyncio side: a FastAPI app on uvicorn.

Stands for the guide's advice in its "WSGI Server" section (migrating-to-asyncio.md): "use aiohttp or FastAPI
with uvicorn as an ASGI server". uvicorn is started programmatically by ``common/servers.py``'s ``uvicorn_run``
(what ``uvicorn.run`` does, with the loaded configuration read back and reported at start).

Fairness settings (see README.md): access logging off (``access_log=False``, ``log_level="warning"``), listen
backlog from ``--backlog`` (uvicorn's default is 2048), idle keep-alive timeout from ``--keepalive-timeout`` (uvicorn's
default is 5 s), event loop and HTTP parser chosen explicitly with
``--loop`` and ``--http`` (uvicorn's ``auto`` silently picks uvloop and httptools when installed; the workload
passes ``asyncio`` and ``httptools``), no lifespan and no WebSocket protocol. ``GET /json`` returns the shared
payload as a dict, the idiomatic FastAPI way: it goes through ``jsonable_encoder`` and ``JSONResponse``, whose
compact separators make the body byte-identical to the other servers'.

Run from ``python-targets/``:
``python http_hello/fastapi_server.py --port 8080 --backlog 2048 --loop asyncio --http httptools --keepalive-timeout 75``
"""

import os
import sys

# Run as a script, the script's own folder is on sys.path, not python-targets/: put it there so that
# ``http_hello.payload`` imports the same way whether started as a script or with ``python -m``.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from fastapi import FastAPI  # noqa: E402
from fastapi.responses import PlainTextResponse  # noqa: E402

from common import servers  # noqa: E402
from common.server_args import http_server_parser  # noqa: E402
from http_hello.payload import PAYLOAD  # noqa: E402

# No /docs, /redoc or /openapi.json: the routes are exactly those of the other servers (anything else is 404).
app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)


@app.get("/", response_class=PlainTextResponse)
async def hello():
    return "Hello, World!\n"


@app.get("/json")
async def json_payload():
    return PAYLOAD


def main():
    parser = http_server_parser(__doc__.splitlines()[0])
    servers.add_uvicorn_arguments(parser)
    args = parser.parse_args()
    servers.uvicorn_run(app, args)


if __name__ == "__main__":
    main()
