"""What every phase of the migration-path service answers, defined once so that all of them answer byte-identically.

``GET /item?id=K&delay_ms=D`` goes down the guide's call chain (endpoint, service layer, business logic, data
access); the data access makes one call ``GET {upstream}/item?i=K&delay_ms=D`` to the upstream the harness runs
(it answers ``item K\\n`` after D ms) over a pool of at most ``--upstream-connections`` keep-alive connections. The
service answers ``200``, ``application/json``, body ``{"result":{"id":K,"value":"item K"}}`` (compact, keys sorted).
A missing or out-of-range parameter gets ``400``, another method ``405``, any other path ``404``; an upstream answer
other than ``200`` is an error (``500``), never a success.
"""

import json
from urllib.parse import urlsplit

from common.query import bounded_int
from common.server_args import add_upstream_argument

PATH = "/item"
CONTENT_TYPE = "application/json"
TEXT_TYPE = "text/plain; charset=utf-8"
MAX_ID = 1_000_000
MAX_DELAY_MS = 10_000


def add_upstream_arguments(parser):
    add_upstream_argument(parser)
    parser.add_argument("--upstream-connections", type=int, required=True,
                        help="most keep-alive connections the data access keeps open to the upstream")


def params(id_text, delay_text):
    """The request's parameters as the guide's layers pass them on (``request.params``): a dict; raises
    ``ValueError`` on a missing or bad value."""
    return {"id": bounded_int(id_text, "id", 0, MAX_ID), "delay_ms": bounded_int(delay_text, "delay_ms", 0,
                                                                                   MAX_DELAY_MS)}


def upstream_address(upstream):
    """``(host, port)`` of the upstream's base URL."""
    parts = urlsplit(upstream)
    return parts.hostname, parts.port


def item_path(params):
    return f"/item?i={params['id']}&delay_ms={params['delay_ms']}"


def item_url(upstream, params):
    return upstream.rstrip("/") + item_path(params)


def record(params, body):
    """The business logic's work on what the data access fetched: the upstream's ``item K\\n`` as a record."""
    value = body.decode("ascii").strip()
    if value != f"item {params['id']}":
        raise ValueError(f"upstream answered {value!r} for item {params['id']}")
    return {"id": params["id"], "value": value}


def encode(answer):
    """The endpoint's answer as the response body: compact JSON, keys sorted, the same bytes on every server."""
    return json.dumps(answer, separators=(",", ":"), sort_keys=True).encode("ascii")
