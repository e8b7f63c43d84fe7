"""The WSGI side of the fan-out protocol, shared by the two eventlet variants (they differ only in how they
make the upstream calls). ``make_app(upstream, fetch_all)`` returns a WSGI app whose ``/fanout`` route calls
``fetch_all(urls)`` (an iterable of the upstream bodies, as bytes) and answers with their total length.
"""

from urllib.parse import parse_qs

from fan_out import protocol


def make_app(upstream, fetch_all):
    def app(environ, start_response):
        if environ["PATH_INFO"] != protocol.PATH:
            return _plain(start_response, "404 Not Found", b"Not Found\n")
        if environ["REQUEST_METHOD"] != "GET":
            return _plain(start_response, "405 Method Not Allowed", b"Method Not Allowed\n")
        query = parse_qs(environ.get("QUERY_STRING", ""))
        try:
            n, delay_ms = protocol.params(query.get("n", [None])[0], query.get("delay_ms", [None])[0])
        except ValueError as e:
            return _plain(start_response, "400 Bad Request", f"{e}\n".encode())
        total = sum(len(body) for body in fetch_all(protocol.item_urls(upstream, n, delay_ms)))
        return _plain(start_response, "200 OK", protocol.answer(n, total).encode())

    return app


def _plain(start_response, status, body):
    start_response(status, [("Content-Type", protocol.CONTENT_TYPE), ("Content-Length", str(len(body)))])
    return [body]
