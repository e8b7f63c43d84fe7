"""The WSGI endpoint of phases 0 and 1: parses ``/item``'s query, calls the synchronous ``api_endpoint(params)``
and answers its result as JSON (``protocol.py``). Called on eventlet.wsgi's green thread of each request.
"""

from urllib.parse import parse_qs

from migration_path import protocol


def make_app(api_endpoint):
    def app(environ, start_response):
        if environ["PATH_INFO"] != protocol.PATH:
            return _answer(start_response, "404 Not Found", protocol.TEXT_TYPE, b"Not Found\n")
        if environ["REQUEST_METHOD"] != "GET":
            return _answer(start_response, "405 Method Not Allowed", protocol.TEXT_TYPE, b"Method Not Allowed\n")
        query = parse_qs(environ.get("QUERY_STRING", ""))
        try:
            params = protocol.params(query.get("id", [None])[0], query.get("delay_ms", [None])[0])
        except ValueError as e:
            return _answer(start_response, "400 Bad Request", protocol.TEXT_TYPE, f"{e}\n".encode())
        body = protocol.encode(api_endpoint(params))
        return _answer(start_response, "200 OK", protocol.CONTENT_TYPE, body)

    return app


def _answer(start_response, status, content_type, body):
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]
