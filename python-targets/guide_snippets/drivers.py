"""How each guide snippet is called: the least code around the guide's own text that runs it the way the page
implies. One function per snippet id of ``snippets.yaml``, listed in ``DRIVERS``.

A driver gets the snippet's file, the run's :class:`run_snippet.Report` and ``finish`` (which prints the result and
ends the process, for drivers whose snippet serves forever). Whatever the snippet raises is left to propagate: it
is the finding. What a driver changes is named here and in ``snippets.yaml`` (``harness:``); the file itself is
always executed as it is, apart from the top-level statements a driver names to leave out (``asyncio.run(main())``
of a server that would run forever on 0.0.0.0) and the placeholder DSN it fills in.
"""

import ast
import os
import sys
import types

# Everything else is imported inside the driver that needs it: a snippet that starts with
# eventlet.monkey_patch() must find the modules it patches not yet imported, as in a program of its own
# (socketserver binds its selector class at import time, and would stay unpatched).


def load(path, name=None, drop=(), replace=None):
    """Executes the snippet's file as a module named ``name`` (not ``__main__``: ``if __name__ == '__main__'``
    blocks stay off), without the top-level statements whose source is in ``drop``, and with the strings of
    ``replace`` swapped (each must occur once). Returns the module's namespace."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    for old, new in (replace or {}).items():
        if source.count(old) != 1:
            raise AssertionError(f"{path} should hold {old!r} once")
        source = source.replace(old, new)
    tree = ast.parse(source, path)
    kept = [s for s in tree.body if ast.get_source_segment(source, s) not in drop]
    if len(tree.body) - len(kept) != len(drop):
        raise AssertionError(f"{path} should hold each top-level statement of {drop!r}")
    tree.body = kept
    name = name or os.path.splitext(os.path.basename(path))[0]
    module = types.ModuleType(name)
    module.__file__ = path
    sys.modules[name] = module  # Flask(__name__) finds its root path through sys.modules
    exec(compile(tree, path, "exec"), module.__dict__)
    return module.__dict__


def run_as_written(path, report, finish):
    """The whole file, top to bottom, as a reader who pastes it would run it."""
    load(path)


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def connect_when_up(port, attempts=200):
    import socket
    import time
    for _ in range(attempts):
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError:
            time.sleep(0.025)
    raise TimeoutError(f"nothing listened on 127.0.0.1:{port}")


def log_exceptions_to(report, logger_name):
    """Hands the snippet's exceptions that a library catches and logs on ``logger_name`` to the report; returns
    the handler, whose ``count`` says how many were logged."""
    import logging

    class LoggedExceptions(logging.Handler):
        count = 0

        def emit(self, record):
            if record.exc_info and record.exc_info[1] is not None:
                self.count += 1
                report.raised(record.exc_info[1])

    handler = LoggedExceptions(logging.ERROR)
    logging.getLogger(logger_name).addHandler(handler)
    return handler


def serve_then_ask(report, finish, serve, ask):
    """The shape of a driver whose snippet serves forever: ``serve(port)`` runs the snippet's server on 127.0.0.1
    and a free port, on this thread; from another, once something listens there, ``ask(conn)`` sends its requests
    on ``conn``, an ``http.client.HTTPConnection`` already connected. Whatever ``ask`` raises is the finding;
    then ``finish()`` ends the process (the server never returns)."""
    import http.client
    import threading
    port = free_port()

    def client():
        try:
            sock = connect_when_up(port)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.sock = sock
            ask(conn)
        except Exception as e:  # noqa: BLE001: the client's failure is the finding
            report.raised(e)
        finish()

    threading.Thread(target=client, daemon=True).start()
    serve(port)


def websocket_echo(path, report, finish):
    """The AsyncIO WebSocket block: ``echo`` served by ``websockets.serve`` on 127.0.0.1 (the block's
    ``asyncio.run(main())`` would serve on 0.0.0.0:7000 forever), one client connection sending one message."""
    import asyncio
    ns = load(path, drop=("asyncio.run(main())",))
    logged = log_exceptions_to(report, "websockets")
    from websockets.asyncio.client import connect
    from websockets.exceptions import ConnectionClosed

    async def one_client():
        async with ns["websockets"].serve(ns["echo"], "127.0.0.1", 0) as server:
            port = server.sockets[0].getsockname()[1]
            async with connect(f"ws://127.0.0.1:{port}/echo") as ws:
                try:
                    await ws.send("hello")
                    answer = await asyncio.wait_for(ws.recv(), 5)
                    return f"the client's message came back: {answer!r}"
                except ConnectionClosed as e:
                    return f"the server closed the client's connection: {e}"

    report.observe(asyncio.run(one_client()))
    if logged.count:
        report.observe(f"websockets logged the handler's exception ({logged.count}x)")


def db_pool(path, report, finish):
    """The Eventlet Resource Pooling block, then one call of its ``use_db()``."""
    load(path)["use_db"]()


GUIDE_DSN = "postgres://user:pass@host/db"


def asyncpg_use_db(path, report, finish):
    """The AsyncIO Resource Pooling block with its placeholder DSN replaced by the harness's throwaway PostgreSQL
    (``PAIRBENCH_SNIPPET_PG_DSN``; its password comes in ``PGPASSWORD``, which asyncpg reads), then one call of ``use_db()``; counts the server sessions of the database."""
    import asyncio
    import urllib.parse
    dsn = os.environ["PAIRBENCH_SNIPPET_PG_DSN"]
    ns = load(path, replace={GUIDE_DSN: dsn})
    asyncpg = ns["asyncpg"]
    url = urllib.parse.urlsplit(dsn)
    database = url.path.lstrip("/")
    admin_dsn = urllib.parse.urlunsplit(url._replace(path="/postgres"))  # another database: not counted
    count = "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'"

    async def one_call():
        admin = await asyncpg.connect(admin_dsn)
        try:
            await ns["use_db"]()
        finally:
            still_open = await admin.fetchval(count, database)
            report.observe(f"after the call, {still_open} server sessions of its pool were still open")
            await admin.close()

    asyncio.run(one_call())


def json_server():
    """A small HTTP server on 127.0.0.1 answering every GET with a JSON object; returns it and a URL."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class JsonHandler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            body = json.dumps({"path": self.path}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), JsonHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/data"


def open_fds():
    return len(os.listdir("/proc/self/fd"))


def sync_async_adapter(path, report, finish):
    """The refactored ``hypotheticlib`` of the Sync-Async Adapter Pattern: ``Client().request(url)`` five times
    from plain synchronous code ("Traditional synchronous usage"), then once from inside a coroutine (an asyncio
    application calling the sync API: the case the page says raises "an explicit error"). The URL is a small JSON
    server on 127.0.0.1."""
    import asyncio
    import gc
    ns = load(path, name="hypotheticlib")
    server, url = json_server()
    fds = open_fds()
    client = ns["Client"]()
    answers = [client.request(url) for _ in range(5)]
    gc.collect()
    report.observe(f"from plain code: 5 calls answered ({answers[0]!r}), each on a new event loop it never "
                   f"closed; {open_fds() - fds} file descriptors still open after them")

    async def sync_call_inside_a_coroutine():
        return ns["Client"]().request(url)

    try:
        asyncio.run(sync_call_inside_a_coroutine())
    finally:
        server.shutdown()


def awaitlet_as_written(path, report, finish):
    """A Migrated-with-Awaitlet block as a whole: its last line calls ``process_urls(urls)`` from plain
    synchronous code, as "Usage remains unchanged" says (the URLs are example.com: refused, if ever reached)."""
    load(path)


def processpool_to_thread(path, report, finish):
    """The tip is prose, not code: it names ``concurrent.futures.ProcessPoolExecutor`` "with
    ``asyncio.to_thread()``". The only way to hand the pool to ``to_thread`` is a keyword; without one,
    ``to_thread`` runs in the default thread pool and the process pool stays unused. Both are tried."""
    import asyncio
    import concurrent.futures
    with open(path, encoding="utf-8") as f:
        if "ProcessPoolExecutor with asyncio.to_thread()" not in f.read():
            raise AssertionError(f"{path} should quote the tip")

    def cpu_bound(n):
        return sum(i * i for i in range(n))

    async def main():
        with concurrent.futures.ProcessPoolExecutor() as pool:
            worker_pid = await asyncio.to_thread(os.getpid)
            report.observe(f"asyncio.to_thread(fn) inside 'with ProcessPoolExecutor() as pool' ran fn in "
                           f"{'this process' if worker_pid == os.getpid() else 'another process'} "
                           f"(a thread of the loop's default executor); the pool started "
                           f"{len(pool._processes or {})} processes")
            return await asyncio.to_thread(cpu_bound, 100_000, executor=pool)

    asyncio.run(main())


def flask_app_run(path, report, finish):
    """Eventlet with Flask: the block (``monkey_patch()`` first), then its ``app.run(...)`` on 127.0.0.1 and a
    free port instead of 0.0.0.0:8000; one GET / from a green thread; who answered is the finding."""
    ns = load(path, name="flask_snippet")

    def ask(conn):
        conn.request("GET", "/")
        response = conn.getresponse()
        report.observe(f"app.run() answered GET / with {response.status} {response.read()!r} from "
                       f"'Server: {response.getheader('Server')}' (Werkzeug's development server, not "
                       f"eventlet.wsgi)" if "Werkzeug" in (response.getheader("Server") or "") else
                       f"app.run() answered GET / with {response.status}, 'Server: "
                       f"{response.getheader('Server')}'")

    serve_then_ask(report, finish, lambda port: ns["app"].run(host="127.0.0.1", port=port), ask)


def flask_wsgitoasgi(path, report, finish):
    """The AsyncIO-based Alternative block (Option 2 defines the ``asgi_app`` its last line runs), then that
    ``uvicorn.run(asgi_app, ...)`` on 127.0.0.1 and a free port; 20 GET / on one keep-alive connection."""
    ns = load(path, name="asgi_snippet")

    def ask(conn):
        # uvicorn configured its loggers before it listened: a handler added now stays
        log_exceptions_to(report, "uvicorn.error")
        statuses = []
        for _ in range(20):
            conn.request("GET", "/")
            response = conn.getresponse()
            response.read()
            statuses.append(response.status)
        failed = sum(1 for s in statuses if s != 200)
        report.observe(f"{failed} of 20 requests on one keep-alive connection were answered with an error"
                       f" ({', '.join(str(s) for s in statuses)})")

    serve_then_ask(report, finish, lambda port: ns["uvicorn"].run(ns["asgi_app"], host="127.0.0.1", port=port),
                   ask)


def deep_chain(path, report, finish):
    """Refactoring a Deep Call Chain: the block's ``api_endpoint(request)`` called once from plain synchronous code,
    with a request whose ``params`` is ``{"id": 1}`` (the attribute the block reads). The eventlet half is the block
    up to "# Refactored with Awaitlet"; the awaitlet half is the whole block (its second definitions replace the
    first)."""
    import types as _types
    ns = load(path)
    report.observe(f"api_endpoint returned {ns['api_endpoint'](_types.SimpleNamespace(params={'id': 1}))!r}")


def run_app_on_startup(path, report, finish):
    """Phase 4 of the case study: the block's ``web.run_app(app, ..., on_startup=[init_app])`` on 127.0.0.1 and a
    free port instead of 0.0.0.0:8080, and one GET /data/1; aiohttp's logged request errors count as raised."""
    ns = load(path, name="phase4_snippet")

    def ask(conn):
        conn.request("GET", "/data/1")
        report.observe(f"GET /data/1 was answered {conn.getresponse().status}")

    log_exceptions_to(report, "aiohttp.server")
    serve_then_ask(report, finish, lambda port: ns["web"].run_app(ns["app"], host="127.0.0.1", port=port,
                                                                  on_startup=[ns["init_app"]]), ask)


DRIVERS = {
    "AS/use-hub": run_as_written,
    "AS/green-urllib2": run_as_written,
    "DE/green-urllib2": run_as_written,
    "AS/websocket-echo": websocket_echo,
    "AS/db-pool": db_pool,
    "AS/asyncpg-use-db": asyncpg_use_db,
    "AS/sync-async-adapter": sync_async_adapter,
    "DE/awaitlet-literal": awaitlet_as_written,
    "DE/awaitlet-gather": awaitlet_as_written,
    "AS/processpool-to-thread": processpool_to_thread,
    "AS/flask-app-run": flask_app_run,
    "AS/flask-wsgitoasgi": flask_wsgitoasgi,
    "AS/green-threading-queue": run_as_written,
    "DE/deep-chain-eventlet": deep_chain,
    "DE/deep-chain-awaitlet": deep_chain,
    "DE/run-app-on-startup": run_app_on_startup,
}
