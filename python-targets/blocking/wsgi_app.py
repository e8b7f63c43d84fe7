"""The WSGI side of the blocking protocol (``work.py``), shared by the eventlet variants.
``make_app(call)`` returns a WSGI app whose ``/block`` route answers ``call(work.block, ms, kind)``.
"""

from urllib.parse import parse_qs

from blocking import work


def make_app(call):
    def app(environ, start_response):
        path = environ["PATH_INFO"]
        if path not in (work.BLOCK_PATH, work.HEARTBEAT_PATH):
            return _plain(start_response, "404 Not Found", "Not Found\n")
        if environ["REQUEST_METHOD"] != "GET":
            return _plain(start_response, "405 Method Not Allowed", "Method Not Allowed\n")
        if path == work.HEARTBEAT_PATH:
            return _plain(start_response, "200 OK", work.HEARTBEAT_BODY)
        query = parse_qs(environ.get("QUERY_STRING", ""))
        try:
            ms, kind = work.params(query.get("ms", [None])[0], query.get("kind", [None])[0])
        except ValueError as e:
            return _plain(start_response, "400 Bad Request", f"{e}\n")
        return _plain(start_response, "200 OK", call(work.block, ms, kind))

    return app


def _plain(start_response, status, text):
    body = text.encode("utf-8")
    start_response(status, [("Content-Type", work.CONTENT_TYPE), ("Content-Length", str(len(body)))])
    return [body]
