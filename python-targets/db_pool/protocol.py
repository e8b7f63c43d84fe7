"""What every db-pool service answers, defined once.

``GET /select1`` runs ``SELECT 1``; ``GET /sleep1ms`` runs ``SELECT pg_sleep(0.001)`` (a query the server takes
1 ms to answer). Each answers ``200``, ``text/plain; charset=utf-8``, ``NAME ok\\n`` once the query returned its one
row (``select1 ok\\n``, ``sleep1ms ok\\n``); another path is ``404``, another method on these paths ``405``. The
servers fetch every row (``fetchall()``, ``conn.fetch``), as the guide's snippets do, and ``check`` refuses a
result that is not the expected one, so a broken connection shows up as a ``500``, never as a success.
"""

QUERIES = {
    "/select1": "SELECT 1",
    "/sleep1ms": "SELECT pg_sleep(0.001)",
}

CONTENT_TYPE = "text/plain; charset=utf-8"


def check(path, rows):
    """The response body for ``path`` once its query returned ``rows`` (a list of rows, each a sequence)."""
    rows = [tuple(r) for r in rows]
    if len(rows) != 1 or len(rows[0]) != 1:
        raise ValueError(f"{path}: expected one row of one column, got {rows!r}")
    if path == "/select1" and rows[0][0] != 1:
        raise ValueError(f"{path}: expected 1, got {rows[0][0]!r}")
    return f"{path[1:]} ok\n".encode("ascii")
