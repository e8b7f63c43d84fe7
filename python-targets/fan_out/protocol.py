"""What every fan-out variant does, defined once so that all of them answer byte-identically.

``GET /fanout?n=N&delay_ms=D`` makes N calls ``GET {upstream}/item?i=K&delay_ms=D`` (K = 0..N-1; the upstream,
run by the harness, answers ``item K\\n`` after D ms) and answers ``200``, ``text/plain; charset=utf-8``, body
``n=N bytes=B\\n`` where B is the total number of body bytes received from the upstream. A missing or out-of-range
parameter gets ``400``; any other path ``404``.
"""

import os

from common.query import bounded_int

PATH = "/fanout"
CONTENT_TYPE = "text/plain; charset=utf-8"
MAX_N = 1000
MAX_DELAY_MS = 10_000


def params(n_text, delay_text):
    """``(n, delay_ms)`` from the query's text values; raises ``ValueError`` on a missing or bad value."""
    return bounded_int(n_text, "n", 1, MAX_N), bounded_int(delay_text, "delay_ms", 0, MAX_DELAY_MS)


def item_urls(upstream, n, delay_ms):
    base = upstream.rstrip("/")
    return [f"{base}/item?i={k}&delay_ms={delay_ms}" for k in range(n)]


def answer(n, total_bytes):
    return f"n={n} bytes={total_bytes}\n"


def ignore_proxy_environment():
    """The upstream is on loopback: never send its calls through an ``http_proxy`` set in the environment.

    urllib (and requests, unless ``trust_env`` is off) would otherwise route them through it; aiohttp ignores the
    environment by default. Setting ``no_proxy=*`` keeps the guide's ``urlopen(url)`` call unchanged.
    """
    os.environ["no_proxy"] = os.environ["NO_PROXY"] = "*"
