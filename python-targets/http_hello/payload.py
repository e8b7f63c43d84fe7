"""The JSON body that all three http-hello servers return on ``GET /json``.

Defined once here so the three programs serialize the same object. The content is pure ASCII and chosen so
that its compact serialization (separators ``(",", ":")``, the ones Starlette's ``JSONResponse`` uses) is
exactly 1024 bytes; the module checks that on import, so a server whose body would differ refuses to start.
The servers serialize on every request (nothing is cached), as a real JSON endpoint would.
"""

import json

JSON_BODY_BYTES = 1024

PAYLOAD = {
    "message": "Hello, World!",
    "count": 11,
    "items": [
        {
            "id": i,
            "name": f"item-{i:02d}",
            "price_cents": 100 + 37 * i,
            "in_stock": i % 3 != 0,
            "tags": ["alpha", "beta"] if i % 2 else ["gamma"],
        }
        for i in range(11)
    ],
    "note": "Fixed 1 KiB payload of the http-hello workload: pure ASCII, compact separators.",
}


def compact_dumps(obj):
    """``json.dumps`` with the compact separators and options Starlette's JSONResponse uses."""
    return json.dumps(obj, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"))


def _self_check():
    body = compact_dumps(PAYLOAD).encode("utf-8")
    if len(body) != JSON_BODY_BYTES or not body.isascii():
        raise AssertionError(f"payload serializes to {len(body)} bytes, expected {JSON_BODY_BYTES} ASCII bytes")


_self_check()
